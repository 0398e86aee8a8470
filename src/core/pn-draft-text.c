/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pn-date.h"
#include "pn-draft-private.h"

gboolean
pn_draft_is_cjk (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

gboolean
pn_draft_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0xFEFF ||
         c == 0x200B || c == 0x2002 || c == 0x2003;
}

guint
pn_draft_count_cjk (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (pn_draft_is_cjk (g_utf8_get_char (p)))
      n++;

  return n;
}

guint
pn_draft_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += (pn_draft_is_cjk (c) || g_unichar_iswide (c) || (c >= 0x3000 && c <= 0x303F) ||
                (c >= 0xFF00 && c <= 0xFFEF)) ? 2 : 1;
    }

  return width;
}

static int
cn_digit (gunichar c)
{
  switch (c)
    {
    case 0x3007: /* 〇 */
    case 0x96F6: /* 零 */
      return 0;
    case 0x4E00: return 1; /* 一 */
    case 0x4E8C: return 2; /* 二 */
    case 0x4E24: return 2; /* 两 */
    case 0x4E09: return 3; /* 三 */
    case 0x56DB: return 4; /* 四 */
    case 0x4E94: return 5; /* 五 */
    case 0x516D: return 6; /* 六 */
    case 0x4E03: return 7; /* 七 */
    case 0x516B: return 8; /* 八 */
    case 0x4E5D: return 9; /* 九 */
    /* the capitals of amounts on forms and in some notices: 壹佰万元 */
    case 0x58F9: return 1; /* 壹 */
    case 0x8D30: return 2; /* 贰 */
    case 0x8CB3: return 2; /* 貳 */
    case 0x53C1: return 3; /* 叁 */
    case 0x53C3: return 3; /* 參 */
    case 0x8086: return 4; /* 肆 */
    case 0x4F0D: return 5; /* 伍 */
    case 0x9646: return 6; /* 陆 */
    case 0x9678: return 6; /* 陸 */
    case 0x67D2: return 7; /* 柒 */
    case 0x634C: return 8; /* 捌 */
    case 0x7396: return 9; /* 玖 */
    default: return -1;
    }
}

static int
cn_multiplier (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;    /* 十 */
    case 0x767E: return 100;   /* 百 */
    case 0x5343: return 1000;  /* 千 */
    case 0x62FE: return 10;    /* 拾 */
    case 0x4F70: return 100;   /* 佰 */
    case 0x4EDF: return 1000;  /* 仟 */
    default: return -1;
    }
}

gsize
pn_draft_cn_number_len (const char *text)
{
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (cn_digit (c) < 0 && cn_multiplier (c) < 0)
        break;
      p = g_utf8_next_char (p);
    }

  return p - text;
}

#define PN_DRAFT_CN_NUMBER_MAX 100000000

int
pn_draft_cn_number (const char *text,
                    gssize      len)
{
  const char *end;
  int total = 0, digit = -1;
  gboolean any = FALSE;

  if (len < 0)
    len = strlen (text);
  end = text + len;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = cn_digit (c);
      int m = cn_multiplier (c);

      /* an article, a year or a count: past that it is no number we read
       * (and "一一一…" or "千千千…" would overflow) */
      if (total > PN_DRAFT_CN_NUMBER_MAX)
        return -1;
      if (d >= 0)
        {
          /* 二二 is no number; 一〇 style (digits only) is read digit by digit */
          if (digit >= 0 && d != 0 && digit != 0)
            {
              total = total * 10 + digit;
              digit = d;
            }
          else
            digit = d;
        }
      else if (m > 0)
        {
          total += (digit < 0 ? 1 : digit) * m;
          digit = -1;
        }
      else
        return -1;
      any = TRUE;
    }

  if (!any)
    return -1;
  if (digit > 0)
    total += digit;
  return total <= PN_DRAFT_CN_NUMBER_MAX ? total : -1;
}

char *
pn_draft_normalize (const char *text,
                    GArray     *map)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *prev_out_digit = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize before = out->len;
      gsize offset = p - text;

      if (c == '\n')
        g_string_append_c (out, '\n');
      else if (pn_draft_is_space (c) || c == '\r')
        continue;
      else if (c >= 0xFF10 && c <= 0xFF19)          /* ０-９ */
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c >= 0xFF21 && c <= 0xFF3A)          /* Ａ-Ｚ */
        g_string_append_c (out, (char) ('A' + (c - 0xFF21)));
      else if (c >= 0xFF41 && c <= 0xFF5A)          /* ａ-ｚ */
        g_string_append_c (out, (char) ('a' + (c - 0xFF41)));
      else if (c == 0xFF05)                         /* ％ */
        g_string_append_c (out, '%');
      else if (c == 0xFF0E && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]))
        g_string_append_c (out, '.');               /* ． after a digit */
      else if ((c == 0x2236 || c == 0xFE30 || c == 0xFF1A || c == ':') &&
               out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) &&
               g_ascii_isdigit (*g_utf8_next_char (p)) )
        g_string_append_c (out, ':');               /* 1∶1, 1︰1, 1：1 */
      else if (c == 0xFF0C && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) &&
               g_ascii_isdigit (*g_utf8_next_char (p)))
        continue;                                   /* 1，000 */
      else if (c == ',' && out->len > 0 && g_ascii_isdigit (out->str[out->len - 1]) &&
               g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
        continue;                                   /* 1,000 */
      else
        g_string_append_unichar (out, c);

      if (map != NULL)
        for (gsize i = before; i < out->len; i++)
          g_array_append_val (map, offset);
    }

  (void) prev_out_digit;
  if (map != NULL)
    {
      gsize end = strlen (text);

      g_array_append_val (map, end);
    }

  return g_string_free (out, FALSE);
}

char *
pn_draft_strip (char *text)
{
  char *start = text;
  char *end;

  if (text == NULL)
    return NULL;

  while (*start != '\0' && pn_draft_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  memmove (text, start, strlen (start) + 1);

  end = text + strlen (text);
  while (end > text)
    {
      char *prev = g_utf8_find_prev_char (text, end);

      if (prev == NULL || !pn_draft_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  *end = '\0';
  return text;
}

char *
pn_draft_clean_controls (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0xFFFE || c == 0xFFFF ||
          c == 0xFEFF || (c >= 0xE000 && c <= 0xF8FF))
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
pn_draft_has_prefix_any (const char         *text,
                         const char * const *prefixes)
{
  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return TRUE;

  return FALSE;
}

const char *
pn_draft_find_any (const char         *text,
                   const char * const *words)
{
  const char *best = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *hit = strstr (text, words[i]);

      if (hit != NULL && (best == NULL || hit < best))
        best = hit;
    }

  return best;
}

const char *
pn_draft_rfind (const char *start,
                const char *end,
                const char *needle)
{
  gsize n = strlen (needle);
  const char *last = NULL;

  for (const char *p = start; p + n <= end; p++)
    if (memcmp (p, needle, n) == 0)
      last = p;

  return last;
}

static gboolean
read_number (const char  *text,
             gsize       *pos,
             int         *out_value,
             gboolean     cn_allowed)
{
  gsize i = *pos;
  int value = 0;
  gsize start;

  while (text[i] == ' ' || text[i] == '\t' || (guchar) text[i] == 0xE3)
    {
      if ((guchar) text[i] == 0xE3)
        {
          /* U+3000 */
          if ((guchar) text[i + 1] == 0x80 && (guchar) text[i + 2] == 0x80)
            i += 3;
          else
            break;
        }
      else
        i++;
    }

  start = i;
  while (g_ascii_isdigit (text[i]))
    {
      /* a year, month or day: a longer run of digits is none of them */
      if (i - start >= 9)
        return FALSE;
      value = value * 10 + (text[i++] - '0');
    }

  if (i == start && cn_allowed)
    {
      gsize len = pn_draft_cn_number_len (text + i);
      int cn = len > 0 ? pn_draft_cn_number (text + i, len) : -1;

      if (cn < 0)
        return FALSE;
      value = cn;
      i += len;
    }
  else if (i == start)
    return FALSE;

  while (text[i] == ' ' || text[i] == '\t')
    i++;

  *pos = i;
  *out_value = value;
  return TRUE;
}

static gboolean
skip_word (const char *text,
           gsize      *pos,
           const char *word)
{
  if (!g_str_has_prefix (text + *pos, word))
    return FALSE;
  *pos += strlen (word);
  return TRUE;
}

/* A year in Chinese digits, as a signature writes it: 二〇二四 (〇 or 零
 * for 0), four of them. */
static gboolean
read_cn_year (const char *text,
              gsize      *pos,
              int        *out_year)
{
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  gsize i = *pos;
  int year = 0;

  for (guint n = 0; n < 4; n++)
    {
      gboolean found = FALSE;

      for (guint d = 0; d < G_N_ELEMENTS (digits) && !found; d++)
        if (g_str_has_prefix (text + i, digits[d]) ||
            (d == 0 && g_str_has_prefix (text + i, "零")) ||
            (d == 0 && g_str_has_prefix (text + i, "○")) ||
            (d == 0 && g_str_has_prefix (text + i, "Ｏ")))
          {
            year = year * 10 + (int) d;
            i += strlen (digits[d]);
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }
  *pos = i;
  *out_year = year;
  return TRUE;
}

const char *
pn_draft_skip_date_label (const char *text)
{
  static const char * const labels[] = {
    "发布日期", "成文日期", "印发日期", "发文日期", "签发日期", "日期", NULL
  };

  for (guint l = 0; labels[l] != NULL; l++)
    if (g_str_has_prefix (text, labels[l]))
      {
        const char *rest = text + strlen (labels[l]);

        if (g_str_has_prefix (rest, "："))
          return rest + strlen ("：");
        if (*rest == ':')
          return rest + 1;
      }
  return text;
}

gboolean
pn_draft_parse_date (const char  *text,
                     gsize       *pos,
                     char       **out_iso)
{
  gsize i = *pos;
  int year, month, day;
  g_autoptr(GDate) date = NULL;

  if ((!read_number (text, &i, &year, FALSE) && !read_cn_year (text, &i, &year)) ||
      year < 1949 || year > 2200 ||
      !skip_word (text, &i, "年") ||
      !read_number (text, &i, &month, TRUE) || !skip_word (text, &i, "月") ||
      !read_number (text, &i, &day, TRUE) || !skip_word (text, &i, "日"))
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  *pos = i;
  if (out_iso != NULL)
    *out_iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return TRUE;
}

char *
pn_draft_add_years (const char *iso,
                    int         years)
{
  GDate date;

  if (iso == NULL || !pn_date_parse (iso, &date))
    return NULL;
  g_date_add_years (&date, years);
  g_date_subtract_days (&date, 1);
  return pn_date_to_iso (&date);
}

char *
pn_draft_add_days (const char *iso,
                   guint       days)
{
  GDate date;

  if (iso == NULL || !pn_date_parse (iso, &date))
    return NULL;
  g_date_add_days (&date, days);
  return pn_date_to_iso (&date);
}

void
pn_draft_warn (GPtrArray *warnings,
               char      *zh,
               char      *en)
{
  PnText *text = g_new0 (PnText, 1);

  text->zh = zh;
  text->en = en;
  g_ptr_array_add (warnings, text);
}
