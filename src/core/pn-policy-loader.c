/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy-loader"

#include "config.h"

#include <string.h>

#include "pn-policy-loader.h"
#include "pn-core-private.h"
#include "pn-corpus-resources.h"

/* Policy files are small; anything larger is refused before parsing. */
#define PN_MAX_POLICY_BYTES (64 * 1024 * 1024)

/* Hostile-input rules: no network, never substitute entities, never load a
 * DTD, never validate against one, no XInclude, no "huge" limits. */
#define PN_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                              XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

G_DEFINE_QUARK (pn-policy-error-quark, pn_policy_error)

void
_pn_corpus_ensure_registered (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      pn_corpus_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

typedef struct
{
  char *message;
  int   line;
} FirstError;

#define MAX_MESSAGE_CHARS 300

static void
first_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  FirstError *first = user_data;

  if (first->message != NULL || error == NULL)
    return;

  first->message = g_strstrip (g_strdup (error->message ? error->message : "error"));
  first->line = error->line;

  /* libxml2 quotes the offending value whole: keep a message readable
   * when the value is a megabyte long. */
  if (g_utf8_strlen (first->message, -1) > MAX_MESSAGE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (first->message, MAX_MESSAGE_CHARS);
      char *shorter = g_strdup_printf ("%.*s…", (int) (end - first->message), first->message);

      g_free (first->message);
      first->message = shorter;
    }
}

static void
silent_generic_error_cb (void       *ctx G_GNUC_UNUSED,
                         const char *msg G_GNUC_UNUSED,
                         ...)
{
}

static void
quiet_libxml (void)
{
  xmlSetGenericErrorFunc (NULL, silent_generic_error_cb);
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* Refuses what no policy file needs before libxml2 sees it. */
static gboolean
precheck (const char  *display_name,
          GBytes      *bytes,
          GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *doctype;

  if (size == 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED,
                   "%s: the file is empty", display_name);
      return FALSE;
    }

  if (size > PN_MAX_POLICY_BYTES)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_TOO_LARGE,
                   "%s: the file is larger than %d MiB", display_name,
                   PN_MAX_POLICY_BYTES / (1024 * 1024));
      return FALSE;
    }

  if (memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED,
                   "%s: not a UTF-8 text file", display_name);
      return FALSE;
    }

  doctype = g_strstr_len (data, size, "<!DOCTYPE");
  if (doctype != NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_FORBIDDEN,
                   "%s:%u: DOCTYPE declarations (DTDs, entities) are not allowed in policy files",
                   display_name, line_of_offset (data, doctype - data));
      return FALSE;
    }

  return TRUE;
}

static xmlDoc *
parse_bytes (const char  *display_name,
             GBytes      *bytes,
             const char  *root_name,
             GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  FirstError first = { NULL, 0 };
  xmlNode *root;
  gsize size;
  const char *data;

  if (!precheck (display_name, bytes, error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  quiet_libxml ();
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: out of memory", display_name);
      return NULL;
    }

  xmlSetStructuredErrorFunc (&first, first_error_cb);
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, display_name, "UTF-8", PN_XML_PARSE_OPTIONS);
  xmlSetStructuredErrorFunc (NULL, NULL);

  if (doc == NULL || !ctxt->wellFormed)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED,
                   "%s:%d: not well-formed XML: %s", display_name,
                   first.line > 0 ? first.line : 1,
                   first.message ? first.message : "parse error");
      g_free (first.message);
      return NULL;
    }
  g_free (first.message);

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_FORBIDDEN,
                   "%s: DOCTYPE declarations are not allowed in policy files", display_name);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || g_strcmp0 ((const char *) root->name, root_name) != 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: expected a <%s> root element, found <%s>",
                   display_name, root ? xmlGetLineNo (root) : 1L, root_name,
                   root ? (const char *) root->name : "nothing");
      return NULL;
    }

  /* Policy files use no namespace: <policy-document xmlns="…"> is another
   * element of the same name. */
  if (root->ns != NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: the <%s> root element must not be in a namespace (found “%.200s”)",
                   display_name, xmlGetLineNo (root), root_name,
                   root->ns->href ? (const char *) root->ns->href : "");
      return NULL;
    }

  return g_steal_pointer (&doc);
}

static xmlSchema *
get_schema (void)
{
  static gsize initialized;
  static xmlSchema *schema;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(xmlSchemaParserCtxt) pctxt = NULL;
      gsize size;
      const char *data;

      _pn_corpus_ensure_registered ();
      bytes = g_resources_lookup_data (PN_CORPUS_RESOURCE_PATH "/schema/policy.xsd", 0, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      quiet_libxml ();
      pctxt = xmlSchemaNewMemParserCtxt (data, (int) size);
      schema = xmlSchemaParse (pctxt);
      g_assert (schema != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

static gboolean
validate (const char  *display_name,
          xmlDoc      *doc,
          GError     **error)
{
  g_autoptr(xmlSchemaValidCtxt) vctxt = xmlSchemaNewValidCtxt (get_schema ());
  FirstError first = { NULL, 0 };
  int ret;

  xmlSchemaSetValidStructuredErrors (vctxt, first_error_cb, &first);
  ret = xmlSchemaValidateDoc (vctxt, doc);
  if (ret != 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%d: %s", display_name, first.line > 0 ? first.line : 1,
                   first.message ? first.message : "does not validate against the policy schema");
      g_free (first.message);
      return FALSE;
    }

  g_free (first.message);
  return TRUE;
}

/* ---- DOM helpers ---- */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

static char *
content (xmlNode *node)
{
  xmlChar *text;
  char *ret;

  if (node == NULL)
    return NULL;

  text = xmlNodeGetContent (node);
  ret = g_strstrip (g_strdup ((const char *) text));
  xmlFree (text);
  return ret;
}

static char *
child_content (xmlNode    *node,
               const char *name)
{
  return content (child (node, name));
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  char *ret = value ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return ret;
}

static void
read_text (xmlNode *node,
           PnText  *text)
{
  if (node == NULL)
    return;
  text->zh = child_content (node, "zh");
  text->en = child_content (node, "en");
}

static PnText *
new_text (xmlNode *node)
{
  PnText *text = g_new0 (PnText, 1);

  read_text (node, text);
  return text;
}

static gint64
parse_yuan (const char *str)
{
  guint64 value = 0;

  if (str == NULL || !g_ascii_string_to_unsigned (str, 10, 0, G_MAXINT64, &value, NULL))
    return PN_YUAN_UNSET;
  return (gint64) value;
}

static GStrv
split_list (const char *str)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (str == NULL)
    return NULL;

  parts = g_strsplit_set (str, " \t\r\n", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

/* The engine's fast path compares quarks: an answer that is no quark
 * (g_quark_try_string() gives 0) is in no list. */
static GQuark *
quarks_of (GStrv values)
{
  guint n = values ? g_strv_length (values) : 0;
  GQuark *quarks = g_new0 (GQuark, n + 1);

  for (guint i = 0; i < n; i++)
    quarks[i] = g_quark_from_string (values[i]);
  return quarks;
}

static void
read_units (xmlNode   *node,
            GPtrArray *units)
{
  for (xmlNode *u = node->children; u != NULL; u = u->next)
    {
      g_autofree char *ref = NULL;
      g_autofree char *role = NULL;

      if (!is_element (u, "unit"))
        continue;
      ref = attr (u, "ref");
      role = attr (u, "role");
      g_ptr_array_add (units, pn_unit_ref_new (ref, role));
    }
}

static void
read_benefit (PnArticle *article,
              xmlNode   *node)
{
  PnBenefit *benefit = pn_article_add_benefit (article);
  g_autofree char *kind = attr (node, "kind");
  g_autofree char *one_time = attr (node, "one-time");
  g_autofree char *reviewed = attr (node, "reviewed");
  g_autoptr(GStrvBuilder) tops_up = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) caps = g_strv_builder_new ();
  gboolean has_tops_up = FALSE, has_caps = FALSE;

  benefit->id = attr (node, "id");
  benefit->per = attr (node, "per");
  benefit->one_time = g_strcmp0 (one_time, "true") == 0 || g_strcmp0 (one_time, "1") == 0;
  /* absent: reviewed, as every bundled benefit */
  benefit->reviewed = !(g_strcmp0 (reviewed, "false") == 0 || g_strcmp0 (reviewed, "0") == 0);
  benefit->line = xmlGetLineNo (node);
  if (!pn_benefit_kind_from_string (kind, &benefit->kind))
    g_assert_not_reached (); /* the schema enumerates kinds */

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (!is_element (c, NULL))
        continue;

      if (is_element (c, "title"))
        read_text (c, &benefit->title);
      else if (is_element (c, "units"))
        read_units (c, benefit->units);
      else if (is_element (c, "rate"))
        {
          g_autofree char *s = content (c);
          benefit->rate = g_ascii_strtod (s, NULL);
        }
      else if (is_element (c, "base"))
        {
          g_autofree char *s = content (c);
          pn_figure_from_string (s, &benefit->base);
        }
      else if (is_element (c, "amount"))
        {
          g_autofree char *s = content (c);
          benefit->amount = parse_yuan (s);
        }
      else if (is_element (c, "cap"))
        {
          g_autofree char *s = content (c);
          benefit->cap = parse_yuan (s);
        }
      else if (is_element (c, "threshold"))
        {
          PnThreshold *threshold = g_new0 (PnThreshold, 1);
          g_autofree char *figure = attr (c, "figure");
          g_autofree char *min = attr (c, "min");
          g_autofree char *inclusive = attr (c, "inclusive");

          pn_figure_from_string (figure, &threshold->figure);
          threshold->min = parse_yuan (min);
          threshold->inclusive = g_strcmp0 (inclusive, "true") == 0 || g_strcmp0 (inclusive, "1") == 0;
          g_ptr_array_add (benefit->thresholds, threshold);
        }
      else if (is_element (c, "combined-limit"))
        {
          g_autofree char *figure = attr (c, "figure");
          pn_figure_from_string (figure, &benefit->combined_limit);
        }
      else if (is_element (c, "conditions"))
        {
          for (xmlNode *q = c->children; q != NULL; q = q->next)
            {
              PnCondition *condition;
              g_autofree char *values = NULL;
              g_autofree char *review = NULL;

              if (!is_element (q, NULL))
                continue;

              condition = pn_condition_new ();
              if (!pn_question_from_string ((const char *) q->name, &condition->question))
                g_assert_not_reached ();
              values = content (q);
              review = attr (q, "review");
              condition->values = split_list (values);
              condition->review = split_list (review);
              condition->value_quarks = quarks_of (condition->values);
              condition->review_quarks = quarks_of (condition->review);
              condition->line = xmlGetLineNo (q);
              g_ptr_array_add (benefit->conditions, condition);
            }
        }
      else if (is_element (c, "requirement"))
        {
          PnRequirement *requirement = pn_requirement_new ();

          g_autofree char *kind = attr (c, "kind");

          requirement->id = attr (c, "id");
          requirement->attestation = g_strcmp0 (kind, "attestation") == 0;
          read_text (c, &requirement->text);
          g_ptr_array_add (benefit->requirements, requirement);
        }
      else if (is_element (c, "tops-up"))
        {
          g_autofree char *ref = attr (c, "ref");
          g_strv_builder_add (tops_up, ref);
          has_tops_up = TRUE;
        }
      else if (is_element (c, "overlap"))
        benefit->overlap_group = attr (c, "ref");
      else if (is_element (c, "annual-cap"))
        {
          g_autofree char *ref = attr (c, "ref");
          g_strv_builder_add (caps, ref);
          has_caps = TRUE;
        }
      else if (is_element (c, "staged-payment"))
        {
          benefit->stages = g_array_new (FALSE, FALSE, sizeof (double));
          benefit->stages_over = attr (c, "over");
          for (xmlNode *s = c->children; s != NULL; s = s->next)
            {
              g_autofree char *share = NULL;
              double value;

              if (!is_element (s, "stage"))
                continue;
              share = attr (s, "share");
              value = g_ascii_strtod (share, NULL);
              g_array_append_val (benefit->stages, value);
            }
        }
      else if (is_element (c, "reading"))
        {
          PnReading *reading = pn_reading_new ();
          g_autofree char *chosen = attr (c, "chosen");
          g_autofree char *lapsed = attr (c, "lapsed-target");

          reading->id = attr (c, "id");
          reading->chosen = g_strcmp0 (chosen, "true") == 0 || g_strcmp0 (chosen, "1") == 0;
          reading->keep_lapsed_target = g_strcmp0 (lapsed, "not-deducted") == 0;
          read_text (c, &reading->text);
          g_ptr_array_add (benefit->readings, reading);
        }
      else if (is_element (c, "note"))
        g_ptr_array_add (benefit->notes, new_text (c));
    }

  if (has_tops_up)
    benefit->tops_up = g_strv_builder_end (tops_up);
  if (has_caps)
    benefit->annual_caps = g_strv_builder_end (caps);
}

static void
read_article (PnDocument *document,
              xmlNode    *node)
{
  PnArticle *article = pn_document_add_article (document);

  article->number = attr (node, "number");
  article->chapter = attr (node, "chapter");
  article->line = xmlGetLineNo (node);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "heading"))
        read_text (c, &article->heading);
      else if (is_element (c, "original"))
        article->original = content (c);
      else if (is_element (c, "summary"))
        article->summary = content (c);
      else if (is_element (c, "units"))
        read_units (c, article->units);
      else if (is_element (c, "deadline"))
        {
          article->deadline_text = attr (c, "text");
          article->valid_from = attr (c, "from");
          article->valid_until = attr (c, "until");
        }
      else if (is_element (c, "benefit"))
        read_benefit (article, c);
      else if (is_element (c, "note"))
        g_ptr_array_add (article->notes, new_text (c));
    }
}

/* ---- expected-result cases ---- */

static void
read_expectation (PnCase  *pcase,
                  xmlNode *node)
{
  PnCaseExpectation *expectation = pn_case_add_expectation (pcase);
  g_autofree char *counted = attr (node, "counted-cny");
  g_autofree char *estimate = attr (node, "estimate-cny");
  g_autofree char *match = attr (node, "match");
  g_autofree char *status = attr (node, "status");

  expectation->benefit_id = attr (node, "benefit");
  expectation->line = xmlGetLineNo (node);
  expectation->listed = is_element (node, "expect");
  if (expectation->listed)
    {
      /* an unparsable amount (the store does not validate again) is
       * PN_YUAN_UNSET, which check_cases() refuses */
      expectation->counted_cny = parse_yuan (counted);
      expectation->estimate_cny = parse_yuan (estimate);
      expectation->reason = attr (node, "reason");
      if (match != NULL)
        {
          expectation->has_match = TRUE;
          expectation->match = g_str_equal (match, "possible") ? PN_MATCH_POSSIBLE : PN_MATCH_DEFINITE;
        }
      if (status != NULL)
        {
          static const char * const statuses[] = { "in-force", "expired", "pending", "draft" };

          for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
            if (g_str_equal (status, statuses[i]))
              {
                expectation->has_status = TRUE;
                expectation->status = (PnStatus) i;
              }
        }
    }

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "quote"))
        expectation->quote = content (c);
      else if (is_element (c, "note"))
        g_ptr_array_add (expectation->notes, new_text (c));
    }
}

static void
read_case (PnDocument *document,
           xmlNode    *node)
{
  PnCase *pcase = pn_document_add_case (document);

  pcase->name = attr (node, "name");
  pcase->as_of = attr (node, "as-of");
  pcase->line = xmlGetLineNo (node);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "note"))
        g_ptr_array_add (pcase->notes, new_text (c));
      else if (is_element (c, "answers"))
        {
          pcase->location = attr (c, "location");
          for (xmlNode *a = c->children; a != NULL; a = a->next)
            {
              PnQuestion question;

              if (is_element (a, NULL) &&
                  pn_question_from_string ((const char *) a->name, &question))
                {
                  g_free (pcase->answers[question]);
                  pcase->answers[question] = content (a);
                }
            }
        }
      else if (is_element (c, "figures"))
        {
          for (xmlNode *f = c->children; f != NULL; f = f->next)
            {
              g_autofree char *id = NULL;
              g_autofree char *value = NULL;
              PnFigure figure;

              if (!is_element (f, "figure"))
                continue;
              id = attr (f, "id");
              value = content (f);
              if (pn_figure_from_string (id, &figure))
                pcase->figures[figure] = parse_yuan (value);
            }
        }
      else if (is_element (c, "expect") || is_element (c, "not-listed"))
        read_expectation (pcase, c);
      else if (is_element (c, "total"))
        {
          g_autofree char *cny = attr (c, "cny");

          pcase->total_cny = parse_yuan (cny);
        }
    }
}

static PnBenefit *
find_benefit_in_document (PnDocument *document,
                          const char *id)
{
  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          if (g_strcmp0 (benefit->id, id) == 0)
            return benefit;
        }
    }

  return NULL;
}

static const char * const not_counted_ids[] = {
  "draft", "expired", "pending", "possible", "missing-figure", "threshold-not-met",
  "overlap", "amount-unspecified", "non-monetary", "nothing-due", NULL,
};

/* What a case says must hold together, and name benefits of its own
 * document that exist; the schema cannot say either.  Benefits of other
 * documents are checked against a corpus by
 * pn_policy_loader_check_case_references(). */
static gboolean
check_cases (const char  *display_name,
             PnDocument  *document,
             PnTaxonomy  *taxonomy,
             GError     **error)
{
  g_autofree char *own_prefix = g_strconcat (document->id, "/", NULL);

  for (guint i = 0; i < document->cases->len; i++)
    {
      PnCase *pcase = g_ptr_array_index (document->cases, i);

      if (pcase->name == NULL || pcase->as_of == NULL || pcase->location == NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: a case needs a name, an as-of date and answers with a location",
                       display_name, pcase->line);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (((PnCase *) g_ptr_array_index (document->cases, j))->name, pcase->name) == 0)
          {
            g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                         "%s:%u: a second case named “%s”", display_name, pcase->line, pcase->name);
            return FALSE;
          }

      if (pcase->total_cny == PN_YUAN_UNSET && pcase->expectations->len == 0)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: case “%s” expects nothing", display_name, pcase->line, pcase->name);
          return FALSE;
        }

      if (taxonomy != NULL)
        {
          if (pn_taxonomy_get_location (taxonomy, pcase->location) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: unknown location “%s”",
                           display_name, pcase->line, pcase->name, pcase->location);
              return FALSE;
            }

          if (!pn_taxonomy_location_within (taxonomy, pcase->location, document->jurisdiction))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: location “%s” is outside the document's jurisdiction “%s”",
                           display_name, pcase->line, pcase->name, pcase->location,
                           document->jurisdiction);
              return FALSE;
            }

          for (guint q = 0; q < PN_N_QUESTIONS; q++)
            if (pcase->answers[q] != NULL &&
                (q == PN_QUESTION_INNOVATIVE_DEVICE
                 /* a yes/no question: no vocabulary in the taxonomy */
                 ? !g_str_equal (pcase->answers[q], "true") && !g_str_equal (pcase->answers[q], "false")
                 : pn_taxonomy_get_term (taxonomy, pn_question_to_string (q), pcase->answers[q]) == NULL))
              {
                g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                             "%s:%u: case “%s”: “%s” is no %s of the taxonomy",
                             display_name, pcase->line, pcase->name, pcase->answers[q],
                             pn_question_to_string (q));
                return FALSE;
              }
        }

      for (guint j = 0; j < pcase->expectations->len; j++)
        {
          PnCaseExpectation *expectation = g_ptr_array_index (pcase->expectations, j);
          const char *id = expectation->benefit_id;

          if (id == NULL || expectation->quote == NULL || expectation->quote[0] == '\0')
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: an expectation needs a benefit and the quoted sentence that justifies it",
                           display_name, expectation->line);
              return FALSE;
            }

          for (guint k = 0; k < j; k++)
            if (g_strcmp0 (((PnCaseExpectation *) g_ptr_array_index (pcase->expectations, k))->benefit_id, id) == 0)
              {
                g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                             "%s:%u: case “%s” expects “%s” twice",
                             display_name, expectation->line, pcase->name, id);
                return FALSE;
              }

          if (g_str_has_prefix (id, own_prefix) && find_benefit_in_document (document, id) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: no benefit “%s” in this document",
                           display_name, expectation->line, pcase->name, id);
              return FALSE;
            }

          if (!expectation->listed)
            continue;

          if (expectation->counted_cny == PN_YUAN_UNSET)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: counted-cny must be a whole number of yuan",
                           display_name, expectation->line);
              return FALSE;
            }

          if (expectation->reason != NULL &&
              !g_strv_contains (not_counted_ids, expectation->reason))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: unknown reason “%s”", display_name, expectation->line,
                           expectation->reason);
              return FALSE;
            }

          /* an amount that counts is a definite, in-force match whose
           * estimate is that amount, with no reason not to count */
          if (expectation->counted_cny > 0 &&
              (expectation->reason != NULL ||
               (expectation->has_match && expectation->match != PN_MATCH_DEFINITE) ||
               (expectation->has_status && expectation->status != PN_STATUS_IN_FORCE) ||
               (expectation->estimate_cny != PN_YUAN_UNSET &&
                expectation->estimate_cny != expectation->counted_cny)))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: case “%s”: “%s” counts %" G_GINT64_FORMAT
                           " yuan, so it must be a definite, in-force match with that estimate and no reason",
                           display_name, expectation->line, pcase->name, id,
                           expectation->counted_cny);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
pn_policy_loader_check_case_references (PnDocument  *document,
                                        PnCorpus    *corpus,
                                        GError     **error)
{
  g_autofree char *own_prefix = NULL;
  const char *name;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (corpus != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  own_prefix = g_strconcat (document->id, "/", NULL);
  name = document->file_name ? document->file_name : document->id;
  for (guint i = 0; i < document->cases->len; i++)
    {
      PnCase *pcase = g_ptr_array_index (document->cases, i);

      for (guint j = 0; j < pcase->expectations->len; j++)
        {
          PnCaseExpectation *expectation = g_ptr_array_index (pcase->expectations, j);
          PnBenefit *benefit = find_benefit_in_document (document, expectation->benefit_id);

          /* the corpus may hold another version of this very document */
          if (benefit == NULL && !g_str_has_prefix (expectation->benefit_id, own_prefix))
            {
              benefit = pn_corpus_find_benefit (corpus, expectation->benefit_id, error);
              if (error != NULL && *error != NULL)
                return FALSE;
            }
          if (benefit == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: no benefit “%s” in the corpus",
                           name, expectation->line, pcase->name, expectation->benefit_id);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static void
read_local_declarations (PnDocument *document,
                         xmlNode    *root,
                         guint      *out_locations_line,
                         guint      *out_units_line)
{
  xmlNode *node = child (root, "local-locations");

  if (node != NULL)
    {
      *out_locations_line = xmlGetLineNo (node);
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          g_autofree char *id = NULL;
          g_autofree char *parent = NULL;
          g_autofree char *level = NULL;
          g_autofree char *zh = NULL;
          g_autofree char *en = NULL;

          if (!is_element (c, "location"))
            continue;
          id = attr (c, "id");
          parent = attr (c, "parent");
          level = attr (c, "level");
          zh = child_content (c, "zh");
          en = child_content (c, "en");
          pn_document_add_local_location (document, id, parent, level, zh, en);
        }
    }

  node = child (root, "local-units");
  if (node != NULL)
    {
      *out_units_line = xmlGetLineNo (node);
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          g_autofree char *id = NULL;
          g_autofree char *location = NULL;
          g_autofree char *zh = NULL;
          g_autofree char *en = NULL;

          if (!is_element (c, "unit"))
            continue;
          id = attr (c, "id");
          location = attr (c, "location");
          zh = child_content (c, "zh");
          en = child_content (c, "en");
          pn_document_add_local_unit (document, id, location, zh, en);
        }
    }
}

static gboolean
accepts_every_term (PnTaxonomy        *taxonomy,
                    const PnCondition *condition)
{
  GPtrArray *terms = pn_taxonomy_get_terms (taxonomy, pn_question_to_string (condition->question));

  if (terms == NULL || terms->len == 0 || condition->values == NULL)
    return FALSE;

  for (guint i = 0; i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      if (!g_strv_contains ((const char * const *) condition->values, term->id))
        return FALSE;
    }

  return TRUE;
}

/* <local-locations> and <local-units>: each id new to the taxonomy, each
 * parent or place known (a local location may only name an earlier one, so
 * that the chain of places has no cycle). */
static gboolean
check_local_declarations (const char  *display_name,
                          PnDocument  *document,
                          PnTaxonomy  *taxonomy,
                          guint        locations_line,
                          guint        units_line,
                          GError     **error)
{
  for (guint i = 0; i < document->local_locations->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (document->local_locations, i);
      gboolean parent_known = term->parent == NULL ||
                              pn_taxonomy_get_location (taxonomy, term->parent) != NULL;

      if (pn_taxonomy_get_location (taxonomy, term->id) != NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local location “%s” is already a location of the taxonomy; "
                       "use it without declaring it",
                       display_name, locations_line, term->id);
          return FALSE;
        }

      for (guint j = 0; j < i && !parent_known; j++)
        {
          const PnTerm *earlier = g_ptr_array_index (document->local_locations, j);

          parent_known = g_strcmp0 (earlier->id, term->parent) == 0;
        }

      if (!parent_known)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local location “%s” lies in unknown location “%s” (neither in the "
                       "taxonomy nor declared before it)",
                       display_name, locations_line, term->id, term->parent);
          return FALSE;
        }
    }

  for (guint i = 0; i < document->local_units->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (document->local_units, i);

      if (pn_taxonomy_get_unit (taxonomy, term->id) != NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local unit “%s” is already a unit of the taxonomy; "
                       "use it without declaring it",
                       display_name, units_line, term->id);
          return FALSE;
        }

      if (pn_document_lookup_location (document, taxonomy, term->parent) == NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local unit “%s” lies in unknown location “%s”",
                       display_name, units_line, term->id, term->parent);
          return FALSE;
        }
    }

  return TRUE;
}

/* A benefit's readings: none, or exactly one chosen (the encoding as it
 * is, so it reads nothing differently) and others that each read some
 * point differently, under ids of their own. */
static gboolean
check_readings (const char  *display_name,
                PnBenefit   *benefit,
                GError     **error)
{
  guint chosen = 0;

  for (guint i = 0; i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);
      const char *problem = NULL;

      for (guint j = 0; j < i && problem == NULL; j++)
        if (g_strcmp0 (((PnReading *) g_ptr_array_index (benefit->readings, j))->id, reading->id) == 0)
          problem = "is there twice";
      if (problem == NULL && reading->chosen)
        {
          chosen++;
          if (reading->keep_lapsed_target)
            problem = "is chosen, so it must read nothing differently from the encoding";
        }
      else if (problem == NULL && !reading->keep_lapsed_target)
        problem = "reads nothing differently from the chosen reading";
      if (problem == NULL && reading->keep_lapsed_target && benefit->kind != PN_BENEFIT_TOP_UP)
        problem = "says how a top-up deducts its target, but the benefit is no top-up";

      if (problem != NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: reading “%s” of %s %s", display_name, benefit->line,
                       reading->id, benefit->id, problem);
          return FALSE;
        }
    }

  if (benefit->readings->len > 0 && chosen != 1)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%u: %s has readings but %u chosen ones; exactly one must be chosen=\"true\"",
                   display_name, benefit->line, benefit->id, chosen);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_units (const char  *display_name,
             PnDocument  *document,
             PnTaxonomy  *taxonomy,
             GError     **error)
{

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->units->len; j++)
        {
          PnUnitRef *ref = g_ptr_array_index (article->units, j);

          if (pn_document_lookup_unit (document, taxonomy, ref->id) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: unknown responsible unit “%s” (neither in the taxonomy "
                           "nor in the document's local-units)",
                           display_name, article->line, ref->id);
              return FALSE;
            }
        }

      if (article->valid_from != NULL && article->valid_until != NULL &&
          strcmp (article->valid_from, article->valid_until) > 0)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: deadline of article %s ends (%s) before it starts (%s)",
                       display_name, article->line, article->number,
                       article->valid_until, article->valid_from);
          return FALSE;
        }

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);
          g_autofree char *prefix = g_strconcat (document->id, "/", article->number, "/", NULL);

          if (!g_str_has_prefix (benefit->id, prefix))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: benefit id “%s” must start with “%s”",
                           display_name, benefit->line, benefit->id, prefix);
              return FALSE;
            }

          if (!check_readings (display_name, benefit, error))
            return FALSE;

          if (benefit->overlap_group != NULL &&
              pn_taxonomy_get_group (taxonomy, benefit->overlap_group) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: unknown overlap group “%s” (not in the taxonomy)",
                           display_name, benefit->line, benefit->overlap_group);
              return FALSE;
            }

          for (guint u = 0; u < benefit->units->len; u++)
            {
              PnUnitRef *ref = g_ptr_array_index (benefit->units, u);

              if (pn_document_lookup_unit (document, taxonomy, ref->id) == NULL)
                {
                  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                               "%s:%u: unknown responsible unit “%s” (neither in the taxonomy "
                               "nor in the document's local-units)",
                               display_name, benefit->line, ref->id);
                  return FALSE;
                }
            }

          for (guint c = 0; c < benefit->conditions->len; c++)
            {
              PnCondition *condition = g_ptr_array_index (benefit->conditions, c);

              condition->asks_nothing = accepts_every_term (taxonomy, condition);
            }
        }
    }

  return TRUE;
}

static PnDocument *load_document (const char  *display_name,
                                  GBytes      *bytes,
                                  PnTaxonomy  *taxonomy,
                                  gboolean     validate_schema,
                                  GError     **error);

PnDocument *
pn_policy_loader_load_document (const char  *display_name,
                                GBytes      *bytes,
                                PnTaxonomy  *taxonomy,
                                GError     **error)
{
  return load_document (display_name, bytes, taxonomy, TRUE, error);
}

static PnDocument *
load_document (const char  *display_name,
               GBytes      *bytes,
               PnTaxonomy  *taxonomy,
               gboolean     validate_schema,
               GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autofree char *status = NULL;
  xmlNode *root;
  xmlNode *node;
  guint locations_line = 0, units_line = 0;
  long jurisdiction_line;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = parse_bytes (display_name, bytes, "policy-document", error);
  if (doc == NULL)
    return NULL;
  if (validate_schema && !validate (display_name, doc, error))
    return NULL;

  root = xmlDocGetRootElement (doc);
  document = pn_document_new ();
  document->file_name = g_strdup (display_name);
  document->id = attr (root, "id");
  status = attr (root, "status");
  document->draft = g_strcmp0 (status, "draft") == 0;
  document->doc_number = child_content (root, "doc-number");
  read_text (child (root, "title"), &document->title);
  read_text (child (root, "issuer"), &document->issuer);
  read_local_declarations (document, root, &locations_line, &units_line);
  node = child (root, "jurisdiction");
  document->jurisdiction = content (node);
  jurisdiction_line = node != NULL ? xmlGetLineNo (node) : 1;

  node = child (root, "validity");
  document->issued = attr (node, "issued");
  document->in_force_from = attr (node, "in-force-from");
  document->in_force_until = attr (node, "in-force-until");
  document->applies_from = attr (node, "applies-from");
  /* ISO dates compare as strings; the schema checked they are dates. */
  if (document->in_force_from != NULL && document->in_force_until != NULL &&
      strcmp (document->in_force_from, document->in_force_until) > 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: in-force-until %s is before in-force-from %s",
                   display_name, xmlGetLineNo (node), document->in_force_until,
                   document->in_force_from);
      return NULL;
    }
  if (document->applies_from != NULL && document->in_force_from != NULL &&
      strcmp (document->applies_from, document->in_force_from) > 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: applies-from %s is after in-force-from %s (it reaches back, before the date the document takes effect)",
                   display_name, xmlGetLineNo (node), document->applies_from,
                   document->in_force_from);
      return NULL;
    }

  node = child (root, "source");
  document->source_file = attr (node, "file");
  document->last_verified = attr (node, "last-verified");

  node = child (root, "overlap-rule");
  if (node != NULL)
    {
      document->overlap_principle = attr (node, "principle");
      document->overlap_where = attr (node, "where");
      document->overlap_quote = child_content (node, "quote");
      document->overlap_en = child_content (node, "en");
    }

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (is_element (c, "note"))
        g_ptr_array_add (document->notes, new_text (c));
      else if (is_element (c, "annual-cap"))
        {
          PnAnnualCap *cap = pn_annual_cap_new ();
          g_autofree char *amount = attr (c, "amount");

          cap->id = attr (c, "id");
          cap->amount = parse_yuan (amount);
          cap->per = attr (c, "per");
          cap->article = attr (c, "article");
          read_text (c, &cap->text);
          g_ptr_array_add (document->annual_caps, cap);
        }
      else if (is_element (c, "article"))
        read_article (document, c);
      else if (is_element (c, "cases"))
        {
          for (xmlNode *k = c->children; k != NULL; k = k->next)
            if (is_element (k, "case"))
              read_case (document, k);
        }
    }

  pn_document_seal (document);

  if (taxonomy != NULL)
    {
      if (!check_local_declarations (display_name, document, taxonomy,
                                     locations_line, units_line, error))
        return NULL;

      if (pn_document_lookup_location (document, taxonomy, document->jurisdiction) == NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%ld: unknown jurisdiction “%s” (neither a location of the taxonomy "
                       "nor declared in <local-locations>)",
                       display_name, jurisdiction_line, document->jurisdiction);
          return NULL;
        }

      if (!check_units (display_name, document, taxonomy, error))
        return NULL;
    }
  if (!check_cases (display_name, document, taxonomy, error))
    return NULL;

  return g_steal_pointer (&document);
}

GBytes *
pn_policy_loader_read_file (GFile   *file,
                            GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  /* FIFOs, devices and /proc files report sizes that mean nothing */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: not a regular file", name);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  /* Whatever the file claims its size is, read one byte past the limit
   * at most. */
  data = g_malloc (PN_MAX_POLICY_BYTES + 1);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data, PN_MAX_POLICY_BYTES + 1,
                                &size, NULL, &local_error))
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  if (size > PN_MAX_POLICY_BYTES)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_TOO_LARGE,
                   "%s: the file is larger than %d MiB", name,
                   PN_MAX_POLICY_BYTES / (1024 * 1024));
      return NULL;
    }

  return g_bytes_new_take (g_realloc (g_steal_pointer (&data), MAX (size, 1)), size);
}

PnDocument *
pn_policy_loader_load_document_file (GFile       *file,
                                     PnTaxonomy  *taxonomy,
                                     GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = pn_policy_loader_read_file (file, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  return pn_policy_loader_load_document (name, bytes, taxonomy, error);
}

static void
read_locations (PnTaxonomy *taxonomy,
                xmlNode    *node,
                const char *parent)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *level = NULL;
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      if (!is_element (c, "location"))
        continue;

      id = attr (c, "id");
      level = attr (c, "level");
      zh = child_content (c, "zh");
      en = child_content (c, "en");
      pn_taxonomy_add_location (taxonomy, id, parent, level, zh, en);
      read_locations (taxonomy, c, id);
    }
}

PnTaxonomy *
pn_policy_loader_load_taxonomy (const char  *display_name,
                                GBytes      *bytes,
                                GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  xmlNode *root;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  doc = parse_bytes (display_name, bytes, "taxonomy", error);
  if (doc == NULL)
    return NULL;
  if (!validate (display_name, doc, error))
    return NULL;

  root = xmlDocGetRootElement (doc);
  taxonomy = pn_taxonomy_new ();

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (is_element (c, "locations"))
        read_locations (taxonomy, c, NULL);
      else if (is_element (c, "vocabulary"))
        {
          g_autofree char *vocabulary = attr (c, "id");

          for (xmlNode *t = c->children; t != NULL; t = t->next)
            {
              g_autofree char *id = NULL;
              g_autofree char *zh = NULL;
              g_autofree char *en = NULL;

              if (!is_element (t, "term"))
                continue;
              id = attr (t, "id");
              zh = child_content (t, "zh");
              en = child_content (t, "en");
              pn_taxonomy_add_term (taxonomy, vocabulary, id, zh, en);
            }
        }
      else if (is_element (c, "overlap-groups") || is_element (c, "units"))
        {
          gboolean units = is_element (c, "units");

          for (xmlNode *t = c->children; t != NULL; t = t->next)
            {
              g_autofree char *id = NULL;
              g_autofree char *location = NULL;
              g_autofree char *zh = NULL;
              g_autofree char *en = NULL;

              if (!is_element (t, NULL))
                continue;
              id = attr (t, "id");
              zh = child_content (t, "zh");
              en = child_content (t, "en");
              if (units)
                {
                  location = attr (t, "location");
                  pn_taxonomy_add_unit (taxonomy, id, location, zh, en);
                }
              else
                pn_taxonomy_add_group (taxonomy, id, zh, en);
            }
        }
    }

  return g_steal_pointer (&taxonomy);
}

PnTaxonomy *
pn_policy_loader_load_bundled_taxonomy (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  _pn_corpus_ensure_registered ();
  bytes = g_resources_lookup_data (PN_CORPUS_RESOURCE_PATH "/taxonomy.xml", 0, error);
  if (bytes == NULL)
    return NULL;

  return pn_policy_loader_load_taxonomy ("taxonomy.xml", bytes, error);
}

static GStrv
bundled_policy_names (void)
{
  GStrv names;

  _pn_corpus_ensure_registered ();
  names = g_resources_enumerate_children (PN_CORPUS_RESOURCE_PATH "/policies/", 0, NULL);

  if (names == NULL)
    names = g_new0 (char *, 1);
  qsort (names, g_strv_length (names), sizeof (char *), pn_compare_strings);
  return names;
}

GPtrArray *
pn_policy_loader_load_bundled_documents (PnTaxonomy  *taxonomy,
                                         GError     **error)
{
  g_auto(GStrv) names = bundled_policy_names ();
  g_autoptr(GPtrArray) documents = NULL;

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (PN_CORPUS_RESOURCE_PATH "/policies/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      PnDocument *document;

      if (bytes == NULL)
        return NULL;

      document = pn_policy_loader_load_document (names[i], bytes, taxonomy, error);
      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }

  return g_steal_pointer (&documents);
}
