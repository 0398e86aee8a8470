/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy-writer"

#include "config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include "pn-policy-writer.h"
#include "pn-core-private.h"
#include "pn-policy-loader.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* The writer stops at the first failure; every helper is a no-op after it,
 * so the code below reads as the schema does. */
typedef struct
{
  xmlTextWriter *w;
  GError        *error;
  const char    *document_id;
} Writer;

static gboolean
failed (Writer *self)
{
  return self->error != NULL;
}

static void
set_failure (Writer     *self,
             const char *what)
{
  if (self->error == NULL)
    g_set_error (&self->error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                 "%s: cannot write %s", self->document_id ? self->document_id : "document", what);
}

/* XML 1.0 Char: no C0 control but tab, newline and carriage return, and
 * none of U+FFFE, U+FFFF (valid UTF-8 holds no surrogates). */
static gboolean
is_xml_text (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_text (Writer     *self,
            const char *what,
            const char *text)
{
  if (failed (self))
    return FALSE;

  if (!is_xml_text (text))
    {
      g_set_error (&self->error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s: %s holds a character XML cannot carry (a control character or "
                   "invalid UTF-8)", self->document_id ? self->document_id : "document", what);
      return FALSE;
    }

  return TRUE;
}

static void
start (Writer     *self,
       const char *name)
{
  if (!failed (self) && xmlTextWriterStartElement (self->w, (const xmlChar *) name) < 0)
    set_failure (self, name);
}

static void
end (Writer *self)
{
  if (!failed (self) && xmlTextWriterEndElement (self->w) < 0)
    set_failure (self, "an end tag");
}

static void
attribute (Writer     *self,
           const char *name,
           const char *value)
{
  if (value == NULL || !check_text (self, name, value))
    return;
  if (xmlTextWriterWriteAttribute (self->w, (const xmlChar *) name, (const xmlChar *) value) < 0)
    set_failure (self, name);
}

static void
required_attribute (Writer     *self,
                    const char *element,
                    const char *name,
                    const char *value)
{
  if (value == NULL && !failed (self))
    {
      g_set_error (&self->error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s: <%s> has no %s", self->document_id ? self->document_id : "document",
                   element, name);
      return;
    }
  attribute (self, name, value);
}

static void
text_element (Writer     *self,
              const char *name,
              const char *value)
{
  if (value == NULL || !check_text (self, name, value))
    return;
  if (xmlTextWriterWriteElement (self->w, (const xmlChar *) name, (const xmlChar *) value) < 0)
    set_failure (self, name);
}

/* A required text: the schema wants it non-empty, say which is missing. */
static void
required_text_element (Writer     *self,
                       const char *name,
                       const char *value)
{
  if ((value == NULL || *value == '\0') && !failed (self))
    {
      g_set_error (&self->error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s: <%s> is empty", self->document_id ? self->document_id : "document", name);
      return;
    }
  text_element (self, name, value);
}

static void
yuan_element (Writer     *self,
              const char *name,
              gint64      yuan)
{
  char buffer[32];

  if (yuan == PN_YUAN_UNSET)
    return;
  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, yuan);
  text_element (self, name, buffer);
}

static void
bilingual (Writer       *self,
           const char   *name,
           const PnText *text)
{
  start (self, name);
  required_text_element (self, "zh", text->zh);
  required_text_element (self, "en", text->en);
  end (self);
}

static void
notes (Writer    *self,
       GPtrArray *array)
{
  for (guint i = 0; array != NULL && i < array->len; i++)
    bilingual (self, "note", g_ptr_array_index (array, i));
}

static void
units (Writer    *self,
       GPtrArray *refs)
{
  if (refs == NULL || refs->len == 0)
    return;

  start (self, "units");
  for (guint i = 0; i < refs->len; i++)
    {
      const PnUnitRef *ref = g_ptr_array_index (refs, i);

      start (self, "unit");
      required_attribute (self, "unit", "ref", ref->id);
      required_attribute (self, "unit", "role", ref->role);
      end (self);
    }
  end (self);
}

char *
pn_policy_writer_format_rate (double rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.4f", rate);
  end = buffer + strlen (buffer) - 1;
  if (strchr (buffer, '.') != NULL)
    {
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  return g_strdup (buffer);
}

static void
list_element (Writer      *self,
              const char  *name,
              GStrv        values,
              GStrv        review)
{
  g_autofree char *joined = NULL;

  if (failed (self))
    return;

  joined = values != NULL ? g_strjoinv (" ", values) : g_strdup ("");
  start (self, name);
  if (review != NULL && review[0] != NULL)
    {
      g_autofree char *reviews = g_strjoinv (" ", review);

      attribute (self, "review", reviews);
    }
  if (!failed (self) && check_text (self, name, joined) &&
      xmlTextWriterWriteString (self->w, (const xmlChar *) joined) < 0)
    set_failure (self, name);
  end (self);
}

static int
compare_conditions (gconstpointer a,
                    gconstpointer b)
{
  const PnCondition *ca = *(const PnCondition * const *) a;
  const PnCondition *cb = *(const PnCondition * const *) b;

  return (int) ca->question - (int) cb->question;
}

static void
benefit_element (Writer    *self,
                 PnBenefit *benefit)
{
  start (self, "benefit");
  required_attribute (self, "benefit", "id", benefit->id);
  required_attribute (self, "benefit", "kind", pn_benefit_kind_to_string (benefit->kind));
  attribute (self, "per", benefit->per);
  if (benefit->one_time)
    attribute (self, "one-time", "true");
  if (!benefit->reviewed)
    attribute (self, "reviewed", "false");

  bilingual (self, "title", &benefit->title);
  units (self, benefit->units);

  if (benefit->rate >= 0)
    {
      g_autofree char *rate = pn_policy_writer_format_rate (benefit->rate);

      start (self, "rate");
      if (benefit->rate_ceiling)
        attribute (self, "ceiling", "true");
      if (!failed (self) && xmlTextWriterWriteString (self->w, (const xmlChar *) rate) < 0)
        set_failure (self, "rate");
      end (self);
    }
  if (benefit->base != PN_FIGURE_NONE)
    text_element (self, "base", pn_figure_to_string (benefit->base));
  yuan_element (self, "amount", benefit->amount);
  yuan_element (self, "cap", benefit->cap);

  for (guint i = 0; i < benefit->thresholds->len; i++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, i);
      char min[32];

      g_snprintf (min, sizeof min, "%" G_GINT64_FORMAT, threshold->min);
      start (self, "threshold");
      required_attribute (self, "threshold", "figure", pn_figure_to_string (threshold->figure));
      attribute (self, "min", min);
      attribute (self, "inclusive", threshold->inclusive ? "true" : "false");
      end (self);
    }

  if (benefit->combined_limit != PN_FIGURE_NONE)
    {
      start (self, "combined-limit");
      attribute (self, "figure", pn_figure_to_string (benefit->combined_limit));
      end (self);
    }

  if (benefit->conditions->len > 0)
    {
      g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (benefit->conditions->len);

      /* (a copy would take the free function of the original) */
      for (guint i = 0; i < benefit->conditions->len; i++)
        g_ptr_array_add (sorted, g_ptr_array_index (benefit->conditions, i));
      /* the schema's order is the order of PnQuestion */
      g_ptr_array_sort (sorted, compare_conditions);
      start (self, "conditions");
      for (guint i = 0; i < sorted->len; i++)
        {
          const PnCondition *condition = g_ptr_array_index (sorted, i);

          list_element (self, pn_question_to_string (condition->question),
                        condition->values, condition->review);
        }
      end (self);
    }

  for (guint i = 0; i < benefit->requirements->len; i++)
    {
      const PnRequirement *requirement = g_ptr_array_index (benefit->requirements, i);

      start (self, "requirement");
      required_attribute (self, "requirement", "id", requirement->id);
      if (requirement->attestation)
        attribute (self, "kind", "attestation");
      required_text_element (self, "zh", requirement->text.zh);
      required_text_element (self, "en", requirement->text.en);
      end (self);
    }

  for (guint i = 0; benefit->tops_up != NULL && benefit->tops_up[i] != NULL; i++)
    {
      start (self, "tops-up");
      attribute (self, "ref", benefit->tops_up[i]);
      end (self);
    }

  if (benefit->overlap_group != NULL)
    {
      start (self, "overlap");
      attribute (self, "ref", benefit->overlap_group);
      end (self);
    }

  for (guint i = 0; benefit->annual_caps != NULL && benefit->annual_caps[i] != NULL; i++)
    {
      start (self, "annual-cap");
      attribute (self, "ref", benefit->annual_caps[i]);
      end (self);
    }

  if (benefit->stages != NULL && benefit->stages->len > 0)
    {
      start (self, "staged-payment");
      attribute (self, "over", benefit->stages_over);
      for (guint i = 0; i < benefit->stages->len; i++)
        {
          g_autofree char *share = pn_policy_writer_format_rate (g_array_index (benefit->stages, double, i));

          start (self, "stage");
          attribute (self, "share", share);
          end (self);
        }
      end (self);
    }

  for (guint i = 0; benefit->readings != NULL && i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);

      start (self, "reading");
      required_attribute (self, "reading", "id", reading->id);
      if (reading->chosen)
        attribute (self, "chosen", "true");
      if (reading->keep_lapsed_target)
        attribute (self, "lapsed-target", "not-deducted");
      required_text_element (self, "zh", reading->text.zh);
      required_text_element (self, "en", reading->text.en);
      end (self);
    }

  notes (self, benefit->notes);
  end (self);
}

static void
article_element (Writer    *self,
                 PnArticle *article)
{
  start (self, "article");
  required_attribute (self, "article", "number", article->number);
  required_attribute (self, "article", "chapter", article->chapter);
  bilingual (self, "heading", &article->heading);
  required_text_element (self, "original", article->original);
  required_text_element (self, "summary", article->summary);
  units (self, article->units);

  if (article->deadline_text != NULL)
    {
      start (self, "deadline");
      attribute (self, "text", article->deadline_text);
      attribute (self, "from", article->valid_from);
      attribute (self, "until", article->valid_until);
      end (self);
    }

  for (guint i = 0; i < article->benefits->len; i++)
    benefit_element (self, g_ptr_array_index (article->benefits, i));

  notes (self, article->notes);
  end (self);
}

static void
yuan_attribute (Writer     *self,
                const char *name,
                gint64      yuan)
{
  char buffer[32];

  if (yuan == PN_YUAN_UNSET)
    return;
  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, yuan);
  attribute (self, name, buffer);
}

static void
expectation_element (Writer                  *self,
                     const PnCaseExpectation *expectation)
{
  if (expectation->listed)
    {
      start (self, "expect");
      required_attribute (self, "expect", "benefit", expectation->benefit_id);
      if (!failed (self) && expectation->counted_cny == PN_YUAN_UNSET)
        {
          g_set_error (&self->error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s: <expect> of “%s” has no counted-cny",
                       self->document_id ? self->document_id : "document",
                       expectation->benefit_id ? expectation->benefit_id : "?");
          return;
        }
      yuan_attribute (self, "counted-cny", expectation->counted_cny);
      yuan_attribute (self, "estimate-cny", expectation->estimate_cny);
      if (expectation->has_match)
        attribute (self, "match", pn_match_to_string (expectation->match));
      if (expectation->has_status)
        attribute (self, "status", pn_status_to_string (expectation->status));
      attribute (self, "reason", expectation->reason);
    }
  else
    {
      start (self, "not-listed");
      required_attribute (self, "not-listed", "benefit", expectation->benefit_id);
    }

  required_text_element (self, "quote", expectation->quote);
  notes (self, expectation->notes);
  end (self);
}

/* <cases>, after the articles, as the loader reads them back. */
static void
cases_element (Writer     *self,
               PnDocument *document)
{
  if (document->cases == NULL || document->cases->len == 0)
    return;

  start (self, "cases");
  for (guint i = 0; i < document->cases->len; i++)
    {
      const PnCase *pcase = g_ptr_array_index (document->cases, i);
      gboolean has_figures = FALSE;

      start (self, "case");
      required_attribute (self, "case", "name", pcase->name);
      required_attribute (self, "case", "as-of", pcase->as_of);
      notes (self, pcase->notes);

      start (self, "answers");
      required_attribute (self, "answers", "location", pcase->location);
      /* the schema's <xs:all> takes any order: the order of PnQuestion */
      for (guint q = 0; q < PN_N_QUESTIONS; q++)
        text_element (self, pn_question_to_string (q), pcase->answers[q]);
      end (self);

      for (guint f = 0; f < PN_N_FIGURES; f++)
        has_figures |= pcase->figures[f] != PN_YUAN_UNSET;
      if (has_figures)
        {
          start (self, "figures");
          for (guint f = 0; f < PN_N_FIGURES; f++)
            {
              char buffer[32];

              if (pcase->figures[f] == PN_YUAN_UNSET)
                continue;
              g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, pcase->figures[f]);
              start (self, "figure");
              attribute (self, "id", pn_figure_to_string (f));
              if (!failed (self) && xmlTextWriterWriteString (self->w, (const xmlChar *) buffer) < 0)
                set_failure (self, "figure");
              end (self);
            }
          end (self);
        }

      for (guint j = 0; j < pcase->expectations->len; j++)
        expectation_element (self, g_ptr_array_index (pcase->expectations, j));

      if (pcase->total_cny != PN_YUAN_UNSET)
        {
          start (self, "total");
          yuan_attribute (self, "cny", pcase->total_cny);
          end (self);
        }
      end (self);
    }
  end (self);
}

static void
local_declarations (Writer     *self,
                    PnDocument *document)
{
  if (document->local_locations->len > 0)
    {
      start (self, "local-locations");
      for (guint i = 0; i < document->local_locations->len; i++)
        {
          const PnTerm *term = g_ptr_array_index (document->local_locations, i);

          start (self, "location");
          required_attribute (self, "location", "id", term->id);
          required_attribute (self, "location", "level", term->level);
          attribute (self, "parent", term->parent);
          required_text_element (self, "zh", term->zh);
          required_text_element (self, "en", term->en);
          end (self);
        }
      end (self);
    }

  if (document->local_units->len > 0)
    {
      start (self, "local-units");
      for (guint i = 0; i < document->local_units->len; i++)
        {
          const PnTerm *term = g_ptr_array_index (document->local_units, i);

          start (self, "unit");
          required_attribute (self, "unit", "id", term->id);
          required_attribute (self, "unit", "location", term->parent);
          required_text_element (self, "zh", term->zh);
          required_text_element (self, "en", term->en);
          end (self);
        }
      end (self);
    }
}

GBytes *
pn_policy_writer_write (PnDocument  *document,
                        GError     **error)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) w = NULL;
  Writer self = { NULL, NULL, NULL };

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = xmlBufferCreate ();
  w = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (w == NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO, "out of memory");
      return NULL;
    }

  self.w = w;
  self.document_id = document->id;
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, (const xmlChar *) "  ");

  if (xmlTextWriterStartDocument (w, "1.0", "UTF-8", NULL) < 0)
    set_failure (&self, "the XML declaration");

  start (&self, "policy-document");
  attribute (&self, "schema-version", "1");
  required_attribute (&self, "policy-document", "id", document->id);
  attribute (&self, "status", document->draft ? "draft" : "final");

  text_element (&self, "doc-number", document->doc_number);
  bilingual (&self, "title", &document->title);
  bilingual (&self, "issuer", &document->issuer);
  local_declarations (&self, document);
  required_text_element (&self, "jurisdiction", document->jurisdiction);

  start (&self, "validity");
  attribute (&self, "issued", document->issued);
  attribute (&self, "in-force-from", document->in_force_from);
  attribute (&self, "in-force-until", document->in_force_until);
  attribute (&self, "applies-from", document->applies_from);
  end (&self);

  start (&self, "source");
  required_attribute (&self, "source", "file", document->source_file);
  required_attribute (&self, "source", "last-verified", document->last_verified);
  end (&self);

  for (guint i = 0; document->supersedes != NULL && i < document->supersedes->len; i++)
    {
      const PnSupersession *supersession = g_ptr_array_index (document->supersedes, i);

      start (&self, "supersedes");
      required_attribute (&self, "supersedes", "ref", supersession->ref);
      required_attribute (&self, "supersedes", "from", supersession->from);
      end (&self);
    }

  for (guint i = 0; document->extends != NULL && i < document->extends->len; i++)
    {
      const PnExtension *extension = g_ptr_array_index (document->extends, i);

      start (&self, "extends");
      required_attribute (&self, "extends", "ref", extension->ref);
      required_attribute (&self, "extends", "until", extension->until);
      end (&self);
    }

  if (document->overlap_principle != NULL)
    {
      start (&self, "overlap-rule");
      attribute (&self, "principle", document->overlap_principle);
      required_attribute (&self, "overlap-rule", "where", document->overlap_where);
      required_text_element (&self, "quote", document->overlap_quote);
      required_text_element (&self, "en", document->overlap_en);
      end (&self);
    }

  notes (&self, document->notes);

  for (guint i = 0; i < document->annual_caps->len; i++)
    {
      const PnAnnualCap *cap = g_ptr_array_index (document->annual_caps, i);
      char amount[32];

      g_snprintf (amount, sizeof amount, "%" G_GINT64_FORMAT, cap->amount);
      start (&self, "annual-cap");
      required_attribute (&self, "annual-cap", "id", cap->id);
      attribute (&self, "amount", amount);
      required_attribute (&self, "annual-cap", "per", cap->per);
      required_attribute (&self, "annual-cap", "article", cap->article);
      required_text_element (&self, "zh", cap->text.zh);
      required_text_element (&self, "en", cap->text.en);
      end (&self);
    }

  for (guint i = 0; i < document->articles->len; i++)
    article_element (&self, g_ptr_array_index (document->articles, i));

  cases_element (&self, document);

  end (&self);

  if (!failed (&self) && xmlTextWriterEndDocument (w) < 0)
    set_failure (&self, "the end of the document");

  if (failed (&self))
    {
      g_propagate_error (error, self.error);
      return NULL;
    }

  /* flushes into the buffer */
  g_clear_pointer (&w, xmlFreeTextWriter);
  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}
