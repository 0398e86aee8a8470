/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-json"

#include "config.h"

#include "pn-core-private.h"
#include "pn-json-writer.h"

#include <string.h>

#define INDENT 2

/* Appending to the buffer in place while it has room: GLib 2.74's
 * g_string_append*() are calls that re-check every argument, and a
 * document is written a few bytes at a time (GLib 2.76 inlines them the
 * same way). */
static inline void
put_len (GString    *out,
         const char *bytes,
         gsize       n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      g_string_append_len (out, bytes, n);
      return;
    }
  memcpy (out->str + out->len, bytes, n);
  out->len += n;
  out->str[out->len] = '\0';
}

static inline void
put (GString    *out,
     const char *text)
{
  put_len (out, text, strlen (text));
}

static inline void
put_c (GString *out,
       char     c)
{
  put_len (out, &c, 1);
}

void
pn_json_writer_init (PnJsonWriter *self,
                     GString      *out,
                     gboolean      pretty)
{
  memset (self, 0, sizeof *self);
  self->out = out;
  self->pretty = pretty;
}

#define FLUSH_BYTES (64 * 1024)

void
pn_json_writer_set_flush (PnJsonWriter *self,
                          PnJsonFlush   flush,
                          gpointer      user_data)
{
  self->flush = flush;
  self->flush_data = user_data;
}

static void
maybe_flush (PnJsonWriter *self,
             gboolean      at_end)
{
  if (self->flush != NULL && self->out->len > 0 && (at_end || self->out->len >= FLUSH_BYTES))
    {
      self->flush (self->out, self->flush_data);
      g_string_truncate (self->out, 0);
    }
}

static void
indent (PnJsonWriter *self,
        guint         level)
{
  static const char spaces[] = "                                                                ";
  gsize n = level * INDENT;

  while (n > 0)
    {
      gsize chunk = MIN (n, sizeof spaces - 1);

      put_len (self->out, spaces, chunk);
      n -= chunk;
    }
}

/* What goes before an item of the open container: a comma after the
 * previous one, and in pretty output a new line at the item's depth. */
static void
item (PnJsonWriter *self)
{
  guint64 bit;

  if (self->after_name)
    {
      self->after_name = FALSE;
      return;
    }
  if (self->depth == 0)
    return;

  bit = G_GUINT64_CONSTANT (1) << self->depth;
  if (self->has_items & bit)
    put_c (self->out, ',');
  self->has_items |= bit;
  if (self->pretty)
    {
      /* the new line and its indentation at once, as deep as documents go */
      static const char line[] = "\n                                ";

      if (self->depth * INDENT < sizeof line - 1)
        put_len (self->out, line, 1 + self->depth * INDENT);
      else
        {
          put_c (self->out, '\n');
          indent (self, self->depth);
        }
    }
}

static void
open_container (PnJsonWriter *self,
      char          bracket)
{
  g_return_if_fail (self->depth < 63);

  item (self);
  put_c (self->out, bracket);
  self->depth++;
  self->has_items &= ~(G_GUINT64_CONSTANT (1) << self->depth);
}

static void
close_container (PnJsonWriter *self,
       char          bracket)
{
  gboolean had_items;

  g_return_if_fail (self->depth > 0);

  had_items = (self->has_items & (G_GUINT64_CONSTANT (1) << self->depth)) != 0;
  self->depth--;
  if (had_items && self->pretty)
    {
      put_c (self->out, '\n');
      indent (self, self->depth);
    }
  else if (!had_items && self->pretty && bracket == '}')
    indent (self, self->depth);   /* JsonGenerator writes "{  }" */
  put_c (self->out, bracket);
  maybe_flush (self, self->depth == 0);
}

void
pn_json_writer_begin_object (PnJsonWriter *self)
{
  open_container (self, '{');
}

void
pn_json_writer_end_object (PnJsonWriter *self)
{
  close_container (self, '}');
}

void
pn_json_writer_begin_array (PnJsonWriter *self)
{
  open_container (self, '[');
}

void
pn_json_writer_end_array (PnJsonWriter *self)
{
  close_container (self, ']');
}

/* Bytes a JSON string holds as they are: not '"', '\\', a C0 control,
 * DEL, or the lead byte of a C1 control (0xC2, checked with what follows) */
static inline gboolean
plain_byte (guchar c)
{
  return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c != 0xc2;
}

void
pn_json_append_string (GString    *out,
                       const char *value)
{
  g_autofree char *valid = NULL;
  gsize len = strlen (value);
  const guchar *p;
  const guchar *end;

  if (!pn_utf8_validate_len (value, len))
    {
      value = valid = g_utf8_make_valid (value, -1);
      len = strlen (value);
    }

  put_c (out, '"');
  p = (const guchar *) value;
  end = p + len;
  while (*p != '\0')
    {
      const guchar *run = p;

      /* the common case: a run of plain bytes, copied at once.  Eight at a
       * time while none is below 0x20 (NUL included), '"', '\\', DEL or
       * 0xC2: a word has a byte below n (n <= 0x80) when
       * (x - n·ones) & ~x & highs is not 0, and a byte equal to b when
       * x ^ b·ones has one below 1.  Either test may also fire on a word
       * without one (a borrow), never miss one; the byte loop decides. */
      while (end - p >= 8)
        {
          const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
          const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
          guint64 x, special;

          memcpy (&x, p, sizeof x);
          special = ((x - ones * 0x20) & ~x & highs) |
                    (((x ^ (ones * '"')) - ones) & ~(x ^ (ones * '"')) & highs) |
                    (((x ^ (ones * '\\')) - ones) & ~(x ^ (ones * '\\')) & highs) |
                    (((x ^ (ones * 0x7f)) - ones) & ~(x ^ (ones * 0x7f)) & highs) |
                    (((x ^ (ones * 0xc2)) - ones) & ~(x ^ (ones * 0xc2)) & highs);
          if (special != 0)
            break;
          p += 8;
        }
      while (plain_byte (*p))
        p++;
      if (p > run)
        put_len (out, (const char *) run, p - run);

      switch (*p)
        {
        case '\0':
          break;
        case '"':
          put (out, "\\\"");
          p++;
          break;
        case '\\':
          put (out, "\\\\");
          p++;
          break;
        case '\b':
          put (out, "\\b");
          p++;
          break;
        case '\f':
          put (out, "\\f");
          p++;
          break;
        case '\n':
          put (out, "\\n");
          p++;
          break;
        case '\r':
          put (out, "\\r");
          p++;
          break;
        case '\t':
          put (out, "\\t");
          p++;
          break;
        case 0xc2:
          if (p[1] >= 0x80 && p[1] <= 0x9f)
            {
              /* a C1 control (U+0080–U+009F): escaped as well */
              g_string_append_printf (out, "\\u%04x", p[1]);
              p += 2;
            }
          else
            {
              put_c (out, (char) *p);
              p++;
            }
          break;
        default:
          /* the other C0 controls and DEL */
          g_string_append_printf (out, "\\u%04x", *p);
          p++;
          break;
        }
    }
  put_c (out, '"');
}

/* Member names are the program's own ("estimate_cny"): plain ASCII with
 * nothing to escape, written as they are in one copy with their quotes
 * and separator; anything else goes through the escaping. */
static const guint8 name_byte[256] = {
  ['-'] = 1, ['_'] = 1,
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
  ['8'] = 1, ['9'] = 1,
  ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
  ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
  ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
  ['Y'] = 1, ['Z'] = 1,
  ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
  ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
  ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
  ['y'] = 1, ['z'] = 1,
};

/* the length of `name` when it is made of ASCII letters, digits, '_' and
 * '-' only; 0 otherwise */
static gsize
plain_name_length (const char *name)
{
  const guchar *p = (const guchar *) name;

  while (name_byte[*p])
    p++;
  return *p == '\0' ? (gsize) (p - (const guchar *) name) : 0;
}

void
pn_json_writer_name (PnJsonWriter *self,
                     const char   *name)
{
  gsize separator_len, len;

  g_return_if_fail (name != NULL);

  item (self);
  separator_len = self->pretty ? 4 : 2;
  len = plain_name_length (name);
  if (len > 0 && self->out->len + len + 1 + separator_len < self->out->allocated_len)
    {
      char *p = self->out->str + self->out->len;

      *p++ = '"';
      memcpy (p, name, len);
      /* fixed-size copies, with the NUL */
      if (self->pretty)
        memcpy (p + len, "\" : ", 5);
      else
        memcpy (p + len, "\":", 3);
      self->out->len += 1 + len + separator_len;
    }
  else
    {
      pn_json_append_string (self->out, name);
      put (self->out, self->pretty ? " : " : ":");
    }
  self->after_name = TRUE;
}

void
pn_json_writer_string (PnJsonWriter *self,
                       const char   *value)
{
  if (value == NULL)
    {
      pn_json_writer_null (self);
      return;
    }
  item (self);
  pn_json_append_string (self->out, value);
}

void
pn_json_writer_int (PnJsonWriter *self,
                    gint64        value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  item (self);
  /* printf's machinery is most of the cost of a number */
  do
    {
      *--p = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude > 0);
  if (value < 0)
    *--p = '-';
  put_len (self->out, p, digits + sizeof digits - p);
}

void
pn_json_writer_double (PnJsonWriter *self,
                       double        value)
{
  guint64 bits;

  item (self);
  memcpy (&bits, &value, sizeof bits);
  if (self->last_double_text[0] == '\0' || bits != self->last_double_bits)
    {
      char *text = self->last_double_text;

      /* as JsonGenerator: 17 significant digits, and always a decimal point */
      g_ascii_formatd (text, G_ASCII_DTOSTR_BUF_SIZE, "%.17g", value);
      if (strchr (text, '.') == NULL && strchr (text, 'e') == NULL &&
          strchr (text, 'n') == NULL && strchr (text, 'i') == NULL)
        strcat (text, ".0");
      self->last_double_bits = bits;
    }
  put (self->out, self->last_double_text);
}

void
pn_json_writer_boolean (PnJsonWriter *self,
                        gboolean      value)
{
  item (self);
  put (self->out, value ? "true" : "false");
}

void
pn_json_writer_null (PnJsonWriter *self)
{
  item (self);
  put (self->out, "null");
}
