/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-draft"

#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/HTMLparser.h>
#include <poppler.h>

#include "pn-draft-private.h"
#include "pn-core-private.h"

/* word/document.xml of a .docx may not unpack to more than this. */
#define MAX_DOCUMENT_XML_BYTES (64 * 1024 * 1024)
/* what reading a PDF's text may take, as the loader's time limit */
#define PDF_TIME_LIMIT_S 20

G_DEFINE_AUTOPTR_CLEANUP_FUNC (htmlParserCtxt, htmlFreeParserCtxt)

typedef enum
{
  FORMAT_TEXT,
  FORMAT_HTML,
  FORMAT_PDF,
  FORMAT_DOCX,
} Format;

static void
item_free (PnDraftItem *item)
{
  if (item == NULL)
    return;
  g_free (item->text);
  g_clear_pointer (&item->cells, g_ptr_array_unref);
  g_free (item);
}

void
pn_draft_extract_free (PnDraftExtract *extract)
{
  if (extract == NULL)
    return;
  g_clear_pointer (&extract->items, g_ptr_array_unref);
  g_free (extract->outside);
  g_free (extract->page_title);
  g_free (extract);
}

static PnDraftExtract *
extract_new (gboolean lines)
{
  PnDraftExtract *extract = g_new0 (PnDraftExtract, 1);

  extract->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  extract->lines = lines;
  return extract;
}

/* Adds a line or paragraph, controls removed and "[bookmark: _GoBack]"
 * (a Word bookmark some extractions keep) dropped. */
static void
add_text (PnDraftExtract *extract,
          const char     *text)
{
  PnDraftItem *item = g_new0 (PnDraftItem, 1);
  g_autofree char *clean = pn_draft_clean_controls (text);
  char *mark;

  while ((mark = strstr (clean, "[bookmark: _GoBack]")) != NULL)
    memmove (mark, mark + strlen ("[bookmark: _GoBack]"),
             strlen (mark + strlen ("[bookmark: _GoBack]")) + 1);

  item->text = g_steal_pointer (&clean);
  g_ptr_array_add (extract->items, item);
}

static void
add_row (PnDraftExtract *extract,
         GPtrArray      *cells)
{
  PnDraftItem *item = g_new0 (PnDraftItem, 1);

  item->cells = g_ptr_array_ref (cells);
  g_ptr_array_add (extract->items, item);
}

static gboolean
has_text (PnDraftExtract *extract)
{
  for (guint i = 0; i < extract->items->len; i++)
    {
      PnDraftItem *item = g_ptr_array_index (extract->items, i);

      if (item->text != NULL)
        {
          for (const char *p = item->text; *p != '\0'; p = g_utf8_next_char (p))
            if (!pn_draft_is_space (g_utf8_get_char (p)))
              return TRUE;
        }
      else if (item->cells != NULL && item->cells->len > 0)
        return TRUE;
    }

  return FALSE;
}

static void
add_lines (PnDraftExtract *extract,
           const char     *text)
{
  g_auto(GStrv) lines = g_strsplit_set (text, "\n\f", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      add_text (extract, lines[i]);
    }
}

/* ---- plain text ---- */

static gboolean
looks_binary (const char *text)
{
  gsize n = 0, controls = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n++;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0xFFFD)
        controls++;
    }

  return n > 0 && controls * 100 > n;
}

/* `data` as UTF-8 when it is UTF-8 but for a few bytes (a stray byte in a
 * saved page or file: at most 2, or one in 200), those few as U+FFFD;
 * NULL when it is not (GB18030 text is invalid UTF-8 at nearly every
 * character). */
static char *
mostly_utf8 (const char *data,
             gsize       size)
{
  gsize invalid = 0;

  for (const char *p = data, *end = data + size; p < end;)
    {
      const char *stop = NULL;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;
      invalid++;
      p = stop + 1;
    }

  if (invalid > 2 && invalid * 200 > size)
    return NULL;
  return g_utf8_make_valid (data, size);
}

/* UTF-8 first (a BOM dropped), else UTF-16 with a BOM, else GB18030, else
 * UTF-8 with a few bytes that are not. */
static char *
decode_text (const char  *display_name,
             const char  *data,
             gsize        size,
             GError     **error)
{
  g_autofree char *text = NULL;

  if (size >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                    ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      text = g_convert (data + 2, size - 2, "UTF-8",
                        (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, NULL, NULL);
      if (text == NULL)
        {
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_BINARY,
                       "%s: not a text file (invalid UTF-16)", display_name);
          return NULL;
        }
    }
  else if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_BINARY,
                   "%s: not a text file (it holds binary data)", display_name);
      return NULL;
    }
  else if (g_utf8_validate (data, size, NULL))
    {
      if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        text = g_strndup (data + 3, size - 3);
      else
        text = g_strndup (data, size);
    }
  else
    {
      text = mostly_utf8 (data, size);
      if (text == NULL)
        text = g_convert (data, size, "UTF-8", "GB18030", NULL, NULL, NULL);
      if (text == NULL)
        {
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_BINARY,
                       "%s: not a text file (neither UTF-8 nor GB18030)", display_name);
          return NULL;
        }
    }

  if (looks_binary (text))
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_BINARY,
                   "%s: not a text file (it holds binary data)", display_name);
      return NULL;
    }

  return g_steal_pointer (&text);
}

static PnDraftExtract *
extract_text (const char  *display_name,
              const char  *data,
              gsize        size,
              GError     **error)
{
  g_autofree char *text = decode_text (display_name, data, size, error);
  PnDraftExtract *extract;

  if (text == NULL)
    return NULL;

  extract = extract_new (TRUE);
  add_lines (extract, text);
  return extract;
}

/* ---- HTML ---- */

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_is_any (xmlNode            *node,
             const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (name_is (node, names[i]))
      return TRUE;
  return FALSE;
}

static const char * const dropped_elements[] = {
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
  "head", "nav", "footer", "aside", "form", "select", "button", "input", "textarea",
  "menu", "map", "audio", "video", NULL
};

static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tbody", "thead",
  "section", "article", "blockquote", "pre", "dd", "dt", "dl", "center", "main", "address",
  "figure", "figcaption", "caption", "hr", NULL
};

/* Navigation, menus, footers and the like by their class or id. */
static gboolean
is_chrome (xmlNode *node)
{
  static const char * const words[] = {
    "nav", "navbar", "menu", "footer", "breadcrumb", "crumb", "sidebar", "share",
    "copyright", "topbar", "toolbar", "login", "friendlink", NULL
  };
  const char *attrs[] = { "class", "id" };

  for (guint a = 0; a < G_N_ELEMENTS (attrs); a++)
    {
      xmlChar *value = xmlGetProp (node, (const xmlChar *) attrs[a]);
      g_autofree char *lower = NULL;
      g_auto(GStrv) parts = NULL;

      if (value == NULL)
        continue;
      lower = g_ascii_strdown ((const char *) value, -1);
      xmlFree (value);
      parts = g_strsplit_set (lower, " -_", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (g_strv_contains (words, parts[i]))
          return TRUE;
    }

  return FALSE;
}

static gboolean
is_dropped (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE &&
         (name_is_any (node, dropped_elements) || is_chrome (node));
}

/* CJK characters a node holds outside links: menus are mostly links. */
static guint
score_node (xmlNode    *node,
            GHashTable *scores,
            gboolean    in_link)
{
  guint score = 0;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    return in_link ? 0 : pn_draft_count_cjk ((const char *) node->content);

  if (node->type != XML_ELEMENT_NODE || is_dropped (node))
    return 0;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    score += score_node (c, scores, in_link || name_is (node, "a"));

  g_hash_table_insert (scores, node, GUINT_TO_POINTER (score));
  return score;
}

static guint
score_of (GHashTable *scores,
          xmlNode    *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (scores, node));
}

/* From the body down, into the child that holds most of the text, while
 * one child holds most of it: the article body, not the page. */
static xmlNode *
main_element (xmlNode    *body,
              GHashTable *scores)
{
  xmlNode *node = body;

  for (;;)
    {
      xmlNode *best = NULL;
      guint total = score_of (scores, node);

      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !is_dropped (c) &&
            (best == NULL || score_of (scores, c) > score_of (scores, best)))
          best = c;

      if (best == NULL || total == 0 || score_of (scores, best) * 10 < total * 7 ||
          name_is (best, "p") || name_is (best, "table") || name_is (best, "tr"))
        return node;
      node = best;
    }
}

typedef struct
{
  PnDraftExtract *extract;
  GString        *line;
  int             in_link;   /* depth of <a> elements */
  gboolean        plain;     /* the line holds text outside links */
} Linearizer;

static void
flush_line (Linearizer *self)
{
  /* a line of links only is a menu */
  if (self->line->len > 0 && self->plain)
    add_text (self->extract, self->line->str);
  g_string_truncate (self->line, 0);
  self->plain = FALSE;
}

static void linearize (Linearizer *self, xmlNode *node);

/* A cell linearized once, into an extract of its own: its text for a row
 * of a task table, its items for a table that lays a page out.  (A cell
 * was linearized for its text and again for its items, so a table in a
 * cell in a table… was read 2^depth times: a 25 kB page took 7 minutes.) */
static PnDraftExtract *
cell_extract (xmlNode *cell)
{
  PnDraftExtract *inner = extract_new (FALSE);
  Linearizer lin = { inner, g_string_new (NULL), 0, FALSE };

  for (xmlNode *c = cell->children; c != NULL; c = c->next)
    linearize (&lin, c);
  flush_line (&lin);
  g_string_free (lin.line, TRUE);
  return inner;
}

static char *
cell_text (PnDraftExtract *inner)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < inner->items->len; i++)
    {
      PnDraftItem *item = g_ptr_array_index (inner->items, i);
      g_autofree char *stripped = NULL;

      if (item->text == NULL)
        continue;
      stripped = pn_draft_strip (g_strdup (item->text));
      if (*stripped == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, stripped);
    }

  return g_string_free (text, FALSE);
}

static void
linearize_row (Linearizer *self,
               xmlNode    *row)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) inners = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_draft_extract_free);
  gsize longest = 0;
  guint filled = 0;

  for (xmlNode *c = row->children; c != NULL; c = c->next)
    if (name_is (c, "td") || name_is (c, "th"))
      {
        PnDraftExtract *inner = cell_extract (c);
        char *text = cell_text (inner);

        longest = MAX (longest, (gsize) g_utf8_strlen (text, -1));
        filled += *text != '\0';
        g_ptr_array_add (cells, text);
        g_ptr_array_add (inners, inner);
      }

  flush_line (self);

  /* Old sites lay a page out in tables: a row of one cell, or with a cell
   * of whole paragraphs, is text; a task table has short cells. */
  if (filled < 2 || longest > 600)
    {
      for (guint i = 0; i < inners->len; i++)
        {
          PnDraftExtract *inner = g_ptr_array_index (inners, i);

          g_ptr_array_extend_and_steal (self->extract->items, g_steal_pointer (&inner->items));
        }
      return;
    }

  add_row (self->extract, cells);
}

static void
linearize (Linearizer *self,
           xmlNode    *node)
{
  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      /* HTML white space: runs of it are one space */
      for (const char *p = (const char *) node->content; p != NULL && *p != '\0';
           p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\n' || c == '\r' || c == '\t' || c == ' ')
            {
              if (self->line->len > 0 && self->line->str[self->line->len - 1] != ' ')
                g_string_append_c (self->line, ' ');
            }
          else
            {
              g_string_append_unichar (self->line, c);
              if (self->in_link == 0 && !pn_draft_is_space (c))
                self->plain = TRUE;
            }
        }
      return;
    }

  if (node->type != XML_ELEMENT_NODE || is_dropped (node))
    return;

  if (name_is (node, "br"))
    {
      flush_line (self);
      return;
    }

  if (name_is (node, "tr"))
    {
      linearize_row (self, node);
      return;
    }

  if (name_is_any (node, block_elements))
    flush_line (self);

  self->in_link += name_is (node, "a");
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    linearize (self, c);
  self->in_link -= name_is (node, "a");

  if (name_is_any (node, block_elements))
    flush_line (self);
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      xmlNode *found;

      if (name_is (c, name))
        return c;
      if (c->type == XML_ELEMENT_NODE && (found = find_element (c->children, name)) != NULL)
        return found;
    }

  return NULL;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  if (node == NULL)
    return NULL;
  content = xmlNodeGetContent (node);
  text = pn_draft_strip (g_strdup (content ? (const char *) content : ""));
  xmlFree (content);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
is_ancestor (xmlNode *ancestor,
             xmlNode *node)
{
  for (; node != NULL; node = node->parent)
    if (node == ancestor)
      return TRUE;
  return FALSE;
}

static char *
text_of (xmlNode *node)
{
  g_autoptr(PnDraftExtract) inner = extract_new (FALSE);
  Linearizer lin = { inner, g_string_new (NULL), 0, FALSE };
  GString *text = g_string_new (NULL);

  linearize (&lin, node);
  flush_line (&lin);
  g_string_free (lin.line, TRUE);

  for (guint i = 0; i < inner->items->len; i++)
    {
      PnDraftItem *item = g_ptr_array_index (inner->items, i);

      if (item->text != NULL)
        g_string_append (text, item->text);
      else
        for (guint c = 0; c < item->cells->len; c++)
          {
            g_string_append (text, g_ptr_array_index (item->cells, c));
            g_string_append_c (text, '\t');
          }
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

/* libxml2's HTML parser passes on bytes that are not UTF-8 (a page whose
 * bytes are not in the encoding it declares).  The tree's texts get U+FFFD
 * for them, once, after parsing: what reads them (the score of a block,
 * its lines, the page's title) steps through them as UTF-8, and a step
 * from a broken sequence could pass the text's end. */
static void
repair_texts (xmlNode *node)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL &&
          !g_utf8_validate ((const char *) c->content, -1, NULL))
        {
          g_autofree char *valid = g_utf8_make_valid ((const char *) c->content, -1);

          xmlNodeSetContent (c, (const xmlChar *) valid);
        }
      if (c->type == XML_ELEMENT_NODE)
        repair_texts (c->children);
    }
}

static PnDraftExtract *
extract_html (const char  *display_name,
              const char  *data,
              gsize        size,
              GError     **error)
{
  g_autoptr(htmlParserCtxt) ctxt = htmlNewParserCtxt ();
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GHashTable) scores = NULL;
  g_autoptr(PnDraftExtract) extract = extract_new (FALSE);
  xmlNode *root, *body, *main, *heading;
  const char *encoding = NULL;
  g_autofree char *head = g_ascii_strdown (data, MIN (size, 4096));
  g_autofree char *repaired = NULL;
  Linearizer lin;

  if (ctxt == NULL)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_IO, "%s: out of memory", display_name);
      return NULL;
    }

  /* A page that declares no charset and is not UTF-8 is GB18030 (GBK,
   * GB2312) on a Chinese government site.  One that is UTF-8 but for a
   * few bytes has them as U+FFFD: libxml2 reads the rest of a page as
   * Latin-1 from the first byte that is not UTF-8. */
  if ((strstr (head, "charset") == NULL || strstr (head, "utf-8") != NULL ||
       strstr (head, "utf8") != NULL) && !g_utf8_validate (data, size, NULL))
    {
      repaired = mostly_utf8 (data, size);
      if (repaired != NULL)
        {
          data = repaired;
          size = strlen (repaired);
          encoding = "UTF-8";
        }
      else if (strstr (head, "charset") == NULL)
        encoding = "GB18030";
    }

  /* no network, no external entities (the HTML parser loads no DTD) */
  doc = htmlCtxtReadMemory (ctxt, data, (int) size, NULL, encoding,
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                   "%s: not an HTML page it can read", display_name);
      return NULL;
    }
  repair_texts (root);

  body = find_element (root, "body");
  if (body == NULL)
    body = root;

  heading = find_element (root, "title");
  extract->page_title = node_text (heading);

  scores = g_hash_table_new (NULL, NULL);
  score_node (body, scores, FALSE);
  main = main_element (body, scores);

  /* The page's title when it sits above the main part (an <h1> before the
   * article body) */
  heading = find_element (body->children, "h1");
  if (heading == NULL)
    heading = find_element (body->children, "h2");
  if (heading != NULL && !is_ancestor (main, heading) && !is_dropped (heading))
    {
      g_autofree char *title = node_text (heading);

      if (title != NULL && pn_draft_count_cjk (title) >= 4)
        add_text (extract, title);
    }

  lin.extract = extract;
  lin.line = g_string_new (NULL);
  lin.in_link = 0;
  lin.plain = FALSE;
  linearize (&lin, main);
  flush_line (&lin);
  g_string_free (lin.line, TRUE);

  extract->outside = text_of (body);
  return g_steal_pointer (&extract);
}

/* ---- PDF ---- */

static gboolean
is_page_number (const char *line)
{
  g_autofree char *squashed = pn_draft_normalize (line, NULL);
  const char *p = squashed;
  gboolean digits = FALSE;

  /* "— 3 —", "-3-", "3", "第3页", "3/12" */
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        digits = TRUE;
      else if (!(c == '-' || c == 0x2014 || c == 0x2013 || c == 0xFF0D || c == '/' ||
                 c == 0x7B2C || c == 0x9875 || c == 0x5171))   /* 第 页 共 */
        return FALSE;
      p = g_utf8_next_char (p);
    }

  return digits;
}

static PnDraftExtract *
extract_pdf (const char  *display_name,
             GBytes      *bytes,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  /* (poppler-glib 22 declares no autoptr cleanups) */
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  g_autoptr(PnDraftExtract) extract = extract_new (TRUE);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GHashTable) edges = NULL;
  gint64 started;
  int n_pages;

  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                     "%s: the PDF is protected by a password", display_name);
      else
        g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                     "%s: not a PDF it can read (%s)", display_name,
                     local_error ? local_error->message : "damaged");
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (document);
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  started = g_get_monotonic_time ();

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;

      /* 1,000 pages sharing one stream that inflates to 1 GiB kept poppler
       * busy for hours: a policy's text is read in seconds, or refused */
      if (g_get_monotonic_time () - started > PDF_TIME_LIMIT_S * G_USEC_PER_SEC)
        {
          g_object_unref (document);
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_TOO_LARGE,
                       "%s: reading its text took more than %d s (page %d of %d); "
                       "save the text of the policy as .txt and draft that",
                       display_name, PDF_TIME_LIMIT_S, i + 1, n_pages);
          return NULL;
        }
      page = poppler_document_get_page (document, i);
      g_autofree char *text = page != NULL ? poppler_page_get_text (page) : NULL;
      g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();
      guint first = G_MAXUINT, last = 0;

      g_clear_object (&page);

      for (guint l = 0; lines[l] != NULL; l++)
        {
          pn_draft_strip (lines[l]);
          if (*lines[l] == '\0' || is_page_number (lines[l]))
            continue;
          if (first == G_MAXUINT)
            first = l;
          last = l;
        }

      /* count the first and last lines of each page: a running header or
       * footer repeats on most pages */
      if (first != G_MAXUINT)
        {
          const char *keys[] = { lines[first], lines[last] };

          for (guint k = 0; k < (first == last ? 1u : 2u); k++)
            {
              gpointer n = g_hash_table_lookup (edges, keys[k]);

              g_hash_table_replace (edges, g_strdup (keys[k]), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
            }
        }

      for (guint l = 0; lines[l] != NULL; l++)
        if (*lines[l] != '\0' && !is_page_number (lines[l]))
          g_ptr_array_add (kept, g_strdup (lines[l]));
      g_ptr_array_add (kept, NULL);
      g_ptr_array_add (pages, g_ptr_array_free (g_steal_pointer (&kept), FALSE));
    }

  g_object_unref (document);

  for (guint i = 0; i < pages->len; i++)
    {
      GStrv lines = g_ptr_array_index (pages, i);
      guint n = lines ? g_strv_length (lines) : 0;

      for (guint l = 0; l < n; l++)
        {
          guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (edges, lines[l]));

          if ((l == 0 || l == n - 1) && pages->len >= 3 && seen * 2 >= pages->len)
            continue;
          add_text (extract, lines[l]);
        }
    }

  if (!has_text (extract))
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_NO_TEXT,
                   n_pages > 0 ? "%s: the PDF has no text layer (scanned pages?): run text "
                                 "recognition (OCR) on it first"
                               : "%s: the PDF has no pages", display_name);
      return NULL;
    }

  return g_steal_pointer (&extract);
}

/* ---- .docx ---- */

/* Word's automatic numbering (w:numPr): the labels "一、" "（一）" "1."
 * are not in the text, word/numbering.xml says how to count them. */
#define N_LEVELS 9

typedef struct
{
  char *format[N_LEVELS];
  char *text[N_LEVELS];
  int   start[N_LEVELS];
} AbstractNum;

typedef struct
{
  GHashTable *abstracts;   /* abstractNumId → AbstractNum */
  GHashTable *nums;        /* numId → abstractNumId */
  GHashTable *counters;    /* numId → int[N_LEVELS] */
} Numbering;

static void
abstract_num_free (AbstractNum *num)
{
  for (int i = 0; i < N_LEVELS; i++)
    {
      g_free (num->format[i]);
      g_free (num->text[i]);
    }
  g_free (num);
}

static void
numbering_clear (Numbering *self)
{
  g_clear_pointer (&self->abstracts, g_hash_table_unref);
  g_clear_pointer (&self->nums, g_hash_table_unref);
  g_clear_pointer (&self->counters, g_hash_table_unref);
}

static gboolean w_is (xmlNode *node, const char *name);

static char *
w_val (xmlNode    *node,
       const char *child)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (w_is (c, child))
      {
        xmlChar *value = NULL;

        for (xmlAttr *a = c->properties; a != NULL; a = a->next)
          if (strcmp ((const char *) a->name, "val") == 0)
            value = xmlNodeGetContent ((xmlNode *) a);
        if (value != NULL)
          {
            char *ret = g_strdup ((const char *) value);

            xmlFree (value);
            return ret;
          }
      }
  return NULL;
}

static char *
w_attr (xmlNode    *node,
        const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (strcmp ((const char *) a->name, name) == 0)
      {
        xmlChar *value = xmlNodeGetContent ((xmlNode *) a);
        char *ret = g_strdup ((const char *) value);

        xmlFree (value);
        return ret;
      }
  return NULL;
}

static void
numbering_load (Numbering *self,
                GBytes    *bytes)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  gsize size;
  const char *data;

  self->abstracts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) abstract_num_free);
  self->nums = g_hash_table_new (NULL, NULL);
  self->counters = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (bytes == NULL)
    return;

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0 || g_strstr_len (data, MIN (size, 4096), "<!DOCTYPE") != NULL)
    return;
  ctxt = xmlNewParserCtxt ();
  doc = ctxt ? xmlCtxtReadMemory (ctxt, data, (int) size, "numbering.xml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
             : NULL;
  root = doc ? xmlDocGetRootElement (doc) : NULL;

  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;

      if (w_is (c, "abstractNum") && (id = w_attr (c, "abstractNumId")) != NULL)
        {
          AbstractNum *num = g_new0 (AbstractNum, 1);

          for (xmlNode *l = c->children; l != NULL; l = l->next)
            {
              g_autofree char *ilvl = NULL;
              g_autofree char *start = NULL;
              int level;

              if (!w_is (l, "lvl") || (ilvl = w_attr (l, "ilvl")) == NULL)
                continue;
              level = atoi (ilvl);
              if (level < 0 || level >= N_LEVELS)
                continue;
              /* a level given twice: the last counts, the first is freed */
              g_free (num->format[level]);
              num->format[level] = w_val (l, "numFmt");
              g_free (num->text[level]);
              num->text[level] = w_val (l, "lvlText");
              start = w_val (l, "start");
              /* counted on from there: no start a document means is near
               * G_MAXINT, where counting on would overflow */
              num->start[level] = start ? (int) CLAMP (g_ascii_strtoll (start, NULL, 10), 0, 1000000) : 1;
            }
          g_hash_table_replace (self->abstracts, GINT_TO_POINTER (atoi (id)), num);
        }
      else if (w_is (c, "num") && (id = w_attr (c, "numId")) != NULL)
        {
          g_autofree char *abstract = w_val (c, "abstractNumId");

          if (abstract != NULL)
            g_hash_table_replace (self->nums, GINT_TO_POINTER (atoi (id)),
                                  GINT_TO_POINTER (atoi (abstract) + 1));
        }
    }
}

static void
append_cn_number (GString *out,
                  int      n)
{
  static const char * const digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n <= 0 || n >= 100)
    g_string_append_printf (out, "%d", n);
  else if (n < 10)
    g_string_append (out, digits[n]);
  else
    {
      if (n >= 20)
        g_string_append (out, digits[n / 10]);
      g_string_append (out, "十");
      if (n % 10)
        g_string_append (out, digits[n % 10]);
    }
}

static void
append_counter (GString    *out,
                const char *format,
                int         n)
{
  static const char * const roman[] = { "", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ", "Ⅶ", "Ⅷ", "Ⅸ", "Ⅹ", "Ⅺ", "Ⅻ" };

  if (format == NULL || g_str_equal (format, "decimal") || g_str_equal (format, "decimalZero"))
    g_string_append_printf (out, "%d", n);
  else if (g_str_has_prefix (format, "chinese") || g_str_has_prefix (format, "japanese") ||
           g_str_has_prefix (format, "ideographDigital") || g_str_equal (format, "taiwaneseCounting"))
    append_cn_number (out, n);
  else if (g_str_equal (format, "upperRoman") && n > 0 && n < (int) G_N_ELEMENTS (roman))
    g_string_append (out, roman[n]);
  else if ((g_str_equal (format, "upperLetter") || g_str_equal (format, "lowerLetter")) && n > 0 && n <= 26)
    g_string_append_c (out, (char) ((g_str_equal (format, "upperLetter") ? 'A' : 'a') + n - 1));
  else if (g_str_equal (format, "decimalEnclosedCircle") || g_str_equal (format, "decimalEnclosedCircleChinese"))
    g_string_append_unichar (out, 0x2460 + n - 1);
  else
    g_string_append_printf (out, "%d", n);
}

/* The label of a numbered paragraph, counted on; NULL when it has none. */
static char *
numbering_label (Numbering *self,
                 xmlNode   *p)
{
  xmlNode *ppr = NULL, *numpr = NULL;
  g_autofree char *ilvl = NULL;
  g_autofree char *num_id = NULL;
  AbstractNum *abstract;
  int *counters, level, abstract_id;
  GString *label;

  if (self == NULL || self->nums == NULL)
    return NULL;
  for (xmlNode *c = p->children; c != NULL && ppr == NULL; c = c->next)
    if (w_is (c, "pPr"))
      ppr = c;
  for (xmlNode *c = ppr ? ppr->children : NULL; c != NULL && numpr == NULL; c = c->next)
    if (w_is (c, "numPr"))
      numpr = c;
  if (numpr == NULL)
    return NULL;

  ilvl = w_val (numpr, "ilvl");
  num_id = w_val (numpr, "numId");
  level = ilvl ? atoi (ilvl) : 0;
  abstract_id = num_id ? GPOINTER_TO_INT (g_hash_table_lookup (self->nums, GINT_TO_POINTER (atoi (num_id)))) : 0;
  abstract = abstract_id > 0 ? g_hash_table_lookup (self->abstracts, GINT_TO_POINTER (abstract_id - 1)) : NULL;
  if (abstract == NULL || level < 0 || level >= N_LEVELS || abstract->text[level] == NULL ||
      g_strcmp0 (abstract->format[level], "bullet") == 0 || g_strcmp0 (abstract->format[level], "none") == 0)
    return NULL;

  counters = g_hash_table_lookup (self->counters, GINT_TO_POINTER (atoi (num_id)));
  if (counters == NULL)
    {
      counters = g_new0 (int, N_LEVELS);
      g_hash_table_insert (self->counters, GINT_TO_POINTER (atoi (num_id)), counters);
    }
  counters[level] = counters[level] == 0 ? abstract->start[level] : counters[level] + 1;
  for (int deeper = level + 1; deeper < N_LEVELS; deeper++)
    counters[deeper] = 0;

  label = g_string_new (NULL);
  for (const char *t = abstract->text[level]; *t != '\0'; t++)
    {
      if (*t == '%' && t[1] >= '1' && t[1] <= '9')
        {
          int which = t[1] - '1';

          append_counter (label, abstract->format[which],
                          counters[which] > 0 ? counters[which] : abstract->start[which]);
          t++;
        }
      else
        g_string_append_c (label, *t);
    }
  return g_string_free (label, FALSE);
}

static gboolean
w_is (xmlNode    *node,
      const char *name)
{
  /* WordprocessingML elements, by local name (w: prefix) */
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0 &&
         node->ns != NULL && node->ns->href != NULL &&
         strstr ((const char *) node->ns->href, "wordprocessingml") != NULL;
}

static void
docx_run_text (xmlNode *node,
               GString *text)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (w_is (c, "del") || w_is (c, "delText") || w_is (c, "instrText") ||
          w_is (c, "rPr") || w_is (c, "pPr") || w_is (c, "tbl"))
        continue;
      if (w_is (c, "t"))
        {
          xmlChar *content = xmlNodeGetContent (c);

          g_string_append (text, content ? (const char *) content : "");
          xmlFree (content);
        }
      else if (w_is (c, "tab"))
        g_string_append_c (text, '\t');
      else if (w_is (c, "br") || w_is (c, "cr"))
        g_string_append_c (text, '\n');
      else
        docx_run_text (c, text);
    }
}

static char *
docx_paragraph (Numbering *numbering,
                xmlNode   *p)
{
  GString *text = g_string_new (NULL);
  g_autofree char *label = numbering_label (numbering, p);

  if (label != NULL)
    g_string_append (text, label);
  docx_run_text (p, text);
  return g_string_free (text, FALSE);
}

static void docx_block (PnDraftExtract *extract, Numbering *numbering, xmlNode *node);

static char *
docx_cell (Numbering *numbering,
           xmlNode   *cell)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *c = cell->children; c != NULL; c = c->next)
    {
      g_autofree char *part = NULL;

      if (w_is (c, "p"))
        part = docx_paragraph (numbering, c);
      else if (w_is (c, "tbl") || w_is (c, "sdt"))
        {
          xmlChar *content = xmlNodeGetContent (c);

          part = g_strdup (content ? (const char *) content : "");
          xmlFree (content);
        }
      else
        continue;

      pn_draft_strip (part);
      if (*part == '\0')
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, part);
    }

  return g_string_free (text, FALSE);
}

static void
docx_table (PnDraftExtract *extract,
            Numbering      *numbering,
            xmlNode        *table)
{
  for (xmlNode *row = table->children; row != NULL; row = row->next)
    {
      g_autoptr(GPtrArray) cells = NULL;

      if (!w_is (row, "tr"))
        continue;
      cells = g_ptr_array_new_with_free_func (g_free);
      for (xmlNode *c = row->children; c != NULL; c = c->next)
        {
          if (w_is (c, "tc"))
            g_ptr_array_add (cells, docx_cell (numbering, c));
          else if (w_is (c, "sdt"))
            for (xmlNode *s = c->children; s != NULL; s = s->next)
              if (w_is (s, "sdtContent"))
                for (xmlNode *t = s->children; t != NULL; t = t->next)
                  if (w_is (t, "tc"))
                    g_ptr_array_add (cells, docx_cell (numbering, t));
        }
      if (cells->len > 0)
        add_row (extract, cells);
    }
}

static void
docx_block (PnDraftExtract *extract,
            Numbering      *numbering,
            xmlNode        *node)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      if (w_is (c, "p"))
        {
          g_autofree char *text = docx_paragraph (numbering, c);

          /* a manual line break starts a new line of its own */
          add_lines (extract, text);
        }
      else if (w_is (c, "tbl"))
        docx_table (extract, numbering, c);
      else if (w_is (c, "sdt") || w_is (c, "sdtContent") || w_is (c, "customXml") ||
               w_is (c, "ins") || w_is (c, "smartTag"))
        docx_block (extract, numbering, c->children);
    }
}

/* word/document.xml, and word/numbering.xml when there is one */
static GBytes *
docx_document_xml (const char  *display_name,
                   GBytes      *bytes,
                   GBytes     **out_numbering,
                   GError     **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  GBytes *result = NULL;
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  gboolean is_zip = FALSE;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    {
      /* a renamed text file, a download cut short: said, not a crash */
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                   "%s: not a .docx it can read (no zip container: is it another kind of file "
                   "named .docx?)", display_name);
      goto out;
    }

  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      GByteArray *xml;
      char buffer[65536];
      la_ssize_t n;

      is_zip = TRUE;
      if (g_strcmp0 (archive_entry_pathname (entry), "word/document.xml") != 0 &&
          g_strcmp0 (archive_entry_pathname (entry), "word/numbering.xml") != 0)
        {
          archive_read_data_skip (archive);
          continue;
        }

      /* bounded: a small zip may unpack to gigabytes */
      xml = g_byte_array_new ();
      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        {
          if (xml->len + (gsize) n > MAX_DOCUMENT_XML_BYTES)
            {
              g_byte_array_unref (xml);
              g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_TOO_LARGE,
                           "%s: its text (word/document.xml) unpacks to more than %d MiB",
                           display_name, MAX_DOCUMENT_XML_BYTES / (1024 * 1024));
              goto out;
            }
          g_byte_array_append (xml, (const guint8 *) buffer, n);
        }

      if (n < 0)
        {
          g_byte_array_unref (xml);
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                       "%s: a damaged .docx (%s)", display_name, archive_error_string (archive));
          goto out;
        }

      if (g_strcmp0 (archive_entry_pathname (entry), "word/numbering.xml") == 0)
        {
          g_clear_pointer (out_numbering, g_bytes_unref);
          *out_numbering = g_byte_array_free_to_bytes (xml);
          continue;
        }
      g_clear_pointer (&result, g_bytes_unref);
      result = g_byte_array_free_to_bytes (xml);
    }

  if (result != NULL)
    goto out;

  g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
               is_zip ? "%s: not a Word document (.docx): it has no word/document.xml"
                      : "%s: not a .docx it can read (a damaged zip container)",
               display_name);

out:
  archive_read_free (archive);
  if (result == NULL)
    g_clear_pointer (out_numbering, g_bytes_unref);
  return result;
}

static PnDraftExtract *
extract_docx (const char  *display_name,
              GBytes      *bytes,
              GError     **error)
{
  g_autoptr(GBytes) numbering_xml = NULL;
  g_autoptr(GBytes) xml = docx_document_xml (display_name, bytes, &numbering_xml, error);
  Numbering numbering = { NULL, NULL, NULL };
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PnDraftExtract) extract = NULL;
  xmlNode *root, *body = NULL;
  gsize size;
  const char *data;

  if (xml == NULL)
    return NULL;

  data = g_bytes_get_data (xml, &size);
  if (data == NULL || size == 0)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                   "%s: its text (word/document.xml) is empty", display_name);
      return NULL;
    }
  if (g_strstr_len (data, MIN (size, 4096), "<!DOCTYPE") != NULL)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                   "%s: its word/document.xml declares a DOCTYPE, which a Word document "
                   "never does", display_name);
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  /* the loader's rules: no network, no entity substitution, no DTD */
  doc = ctxt != NULL ? xmlCtxtReadMemory (ctxt, data, (int) size, "document.xml", NULL,
                                          XML_PARSE_NONET | XML_PARSE_NOERROR |
                                          XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)
                     : NULL;
  root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  for (xmlNode *c = root ? root->children : NULL; c != NULL; c = c->next)
    if (w_is (c, "body"))
      body = c;

  if (body == NULL)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                   "%s: a damaged .docx (its word/document.xml is not a Word document body)",
                   display_name);
      return NULL;
    }

  extract = extract_new (FALSE);
  numbering_load (&numbering, numbering_xml);
  docx_block (extract, &numbering, body->children);
  numbering_clear (&numbering);
  return g_steal_pointer (&extract);
}

/* ---- dispatch ---- */

static Format
sniff (const char *display_name,
       const char *data,
       gsize       size)
{
  g_autofree char *lower = g_ascii_strdown (display_name, -1);
  g_autofree char *head = g_ascii_strdown (data, MIN (size, 2048));

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    return FORMAT_PDF;
  if (size >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return FORMAT_DOCX;
  if (g_str_has_suffix (lower, ".pdf"))
    return FORMAT_PDF;
  if (g_str_has_suffix (lower, ".docx"))
    return FORMAT_DOCX;
  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm") ||
      g_str_has_suffix (lower, ".xhtml") || g_str_has_suffix (lower, ".shtml"))
    return FORMAT_HTML;
  if (strstr (head, "<html") != NULL || strstr (head, "<!doctype html") != NULL ||
      (strstr (head, "<body") != NULL && strstr (head, "<p") != NULL))
    return FORMAT_HTML;
  return FORMAT_TEXT;
}

/* Formats it refuses by their magic number, with what to do instead. */
static gboolean
refuse_known_binary (const char  *display_name,
                     const char  *data,
                     gsize        size,
                     GError     **error)
{
  static const struct { const char *magic; gsize len; const char *what; } known[] = {
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "an old Word or WPS document (.doc, .wps): save it as .docx or PDF" },
    { "\x89PNG", 4, "a PNG image, not a text: run text recognition (OCR) on it first" },
    { "\xFF\xD8\xFF", 3, "a JPEG image, not a text: run text recognition (OCR) on it first" },
    { "GIF8", 4, "a GIF image, not a text" },
    { "{\\rtf", 5, "an RTF document: save it as .docx or PDF" },
    { "Rar!", 4, "a RAR archive, not a text" },
    { "\x1F\x8B", 2, "a gzip archive, not a text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (size >= known[i].len && memcmp (data, known[i].magic, known[i].len) == 0)
      {
        g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_BINARY, "%s: %s",
                     display_name, known[i].what);
        return TRUE;
      }

  return FALSE;
}

PnDraftExtract *
pn_draft_extract (const char  *display_name,
                  GBytes      *bytes,
                  GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  PnDraftExtract *extract = NULL;

  if (size == 0)
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_EMPTY, "%s: the file is empty", display_name);
      return NULL;
    }

  if (refuse_known_binary (display_name, data, size, error))
    return NULL;

  switch (sniff (display_name, data, size))
    {
    case FORMAT_PDF:
      if (size < 5 || memcmp (data, "%PDF-", 5) != 0)
        {
          g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED,
                       "%s: named .pdf but not a PDF file", display_name);
          return NULL;
        }
      extract = extract_pdf (display_name, bytes, error);
      break;
    case FORMAT_DOCX:
      extract = extract_docx (display_name, bytes, error);
      break;
    case FORMAT_HTML:
      extract = extract_html (display_name, data, size, error);
      break;
    case FORMAT_TEXT:
    default:
      extract = extract_text (display_name, data, size, error);
      break;
    }

  if (extract != NULL && !has_text (extract))
    {
      g_set_error (error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_EMPTY,
                   "%s: holds no text", display_name);
      g_clear_pointer (&extract, pn_draft_extract_free);
    }

  return extract;
}
