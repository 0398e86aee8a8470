/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy"

#include "config.h"

#include <string.h>

#include "pn-policy.h"
#include "pn-policy-private.h"
#include "pn-core-private.h"
#include "pn-taxonomy.h"

G_DEFINE_BOXED_TYPE (PnDocument, pn_document, pn_document_ref, pn_document_unref)

void
pn_text_clear (PnText *text)
{
  g_clear_pointer (&text->zh, g_free);
  g_clear_pointer (&text->en, g_free);
}

PnText *
pn_text_new (const char *zh,
             const char *en)
{
  PnText *text = g_new0 (PnText, 1);

  text->zh = g_strdup (zh);
  text->en = g_strdup (en);
  return text;
}

void
pn_text_free (PnText *text)
{
  if (text == NULL)
    return;
  pn_text_clear (text);
  g_free (text);
}

PnCondition *
pn_condition_new (void)
{
  return g_new0 (PnCondition, 1);
}

void
pn_condition_free (PnCondition *condition)
{
  if (condition == NULL)
    return;
  g_strfreev (condition->values);
  g_strfreev (condition->review);
  g_free (condition->value_quarks);
  g_free (condition->review_quarks);
  g_free (condition);
}

PnRequirement *
pn_requirement_new (void)
{
  return g_new0 (PnRequirement, 1);
}

void
pn_requirement_free (PnRequirement *requirement)
{
  if (requirement == NULL)
    return;
  g_free (requirement->id);
  pn_text_clear (&requirement->text);
  g_free (requirement);
}

PnAnnualCap *
pn_annual_cap_new (void)
{
  return g_new0 (PnAnnualCap, 1);
}

void
pn_annual_cap_free (PnAnnualCap *cap)
{
  if (cap == NULL)
    return;
  g_free (cap->id);
  g_free (cap->per);
  g_free (cap->article);
  pn_text_clear (&cap->text);
  g_free (cap);
}

PnReading *
pn_reading_new (void)
{
  return g_new0 (PnReading, 1);
}

void
pn_reading_free (PnReading *reading)
{
  if (reading == NULL)
    return;
  g_free (reading->id);
  pn_text_clear (&reading->text);
  g_free (reading);
}

PnUnitRef *
pn_unit_ref_new (const char *id,
                 const char *role)
{
  PnUnitRef *ref = g_new0 (PnUnitRef, 1);

  ref->id = g_strdup (id);
  ref->role = g_strdup (role);
  return ref;
}

void
pn_unit_ref_free (PnUnitRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->id);
  g_free (ref->role);
  g_free (ref);
}

static void
pn_benefit_clear (PnBenefit *benefit)
{
  g_free (benefit->checks.conditions);
  g_free (benefit->id);
  g_free (benefit->per);
  pn_text_clear (&benefit->title);
  g_clear_pointer (&benefit->thresholds, g_ptr_array_unref);
  g_clear_pointer (&benefit->conditions, g_ptr_array_unref);
  g_clear_pointer (&benefit->requirements, g_ptr_array_unref);
  g_strfreev (benefit->tops_up);
  g_free (benefit->overlap_group);
  g_strfreev (benefit->annual_caps);
  g_clear_pointer (&benefit->stages, g_array_unref);
  g_free (benefit->stages_over);
  g_clear_pointer (&benefit->notes, g_ptr_array_unref);
  g_clear_pointer (&benefit->units, g_ptr_array_unref);
  g_clear_pointer (&benefit->readings, g_ptr_array_unref);
}

PnBenefit *
pn_benefit_ref (PnBenefit *benefit)
{
  g_return_val_if_fail (benefit != NULL, NULL);
  return g_atomic_rc_box_acquire (benefit);
}

void
pn_benefit_unref (PnBenefit *benefit)
{
  g_return_if_fail (benefit != NULL);
  g_atomic_rc_box_release_full (benefit, (GDestroyNotify) pn_benefit_clear);
}

static void
pn_article_clear (PnArticle *article)
{
  g_free (article->number);
  g_free (article->chapter);
  pn_text_clear (&article->heading);
  g_free (article->original);
  g_free (article->summary);
  g_clear_pointer (&article->units, g_ptr_array_unref);
  g_free (article->deadline_text);
  g_free (article->valid_from);
  g_free (article->valid_until);
  g_clear_pointer (&article->benefits, g_ptr_array_unref);
  g_clear_pointer (&article->notes, g_ptr_array_unref);
}

PnArticle *
pn_article_ref (PnArticle *article)
{
  g_return_val_if_fail (article != NULL, NULL);
  return g_atomic_rc_box_acquire (article);
}

void
pn_article_unref (PnArticle *article)
{
  g_return_if_fail (article != NULL);
  g_atomic_rc_box_release_full (article, (GDestroyNotify) pn_article_clear);
}

static void
pn_case_expectation_free (PnCaseExpectation *expectation)
{
  g_free (expectation->benefit_id);
  g_free (expectation->reason);
  g_free (expectation->quote);
  g_clear_pointer (&expectation->notes, g_ptr_array_unref);
  g_free (expectation);
}

void
pn_case_free (PnCase *self)
{
  g_free (self->name);
  g_free (self->as_of);
  g_free (self->location);
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    g_free (self->answers[q]);
  g_clear_pointer (&self->expectations, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

static void
supersession_free (PnSupersession *supersession)
{
  g_free (supersession->ref);
  g_free (supersession->from);
  g_free (supersession);
}

static void
extension_free (PnExtension *extension)
{
  g_free (extension->ref);
  g_free (extension->until);
  g_free (extension);
}

static void
pn_document_clear (PnDocument *self)
{
  g_free (self->id);
  g_free (self->doc_number);
  pn_text_clear (&self->title);
  pn_text_clear (&self->issuer);
  g_free (self->jurisdiction);
  g_free (self->issued);
  g_free (self->in_force_from);
  g_free (self->in_force_until);
  g_free (self->applies_from);
  g_free (self->source_file);
  g_free (self->file_name);
  g_free (self->last_verified);
  g_free (self->overlap_principle);
  g_free (self->overlap_where);
  g_free (self->overlap_quote);
  g_free (self->overlap_en);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->annual_caps, g_ptr_array_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->local_locations, g_ptr_array_unref);
  g_clear_pointer (&self->local_units, g_ptr_array_unref);
  g_clear_pointer (&self->supersedes, g_ptr_array_unref);
  g_clear_pointer (&self->extends, g_ptr_array_unref);
}

PnDocument *
pn_document_new_header (void)
{
  PnDocument *self = g_atomic_rc_box_new0 (PnDocument);

  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  self->annual_caps = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_annual_cap_free);
  self->local_locations = g_ptr_array_new_with_free_func ((GDestroyNotify) _pn_term_free);
  self->local_units = g_ptr_array_new_with_free_func ((GDestroyNotify) _pn_term_free);
  self->supersedes = g_ptr_array_new_with_free_func ((GDestroyNotify) supersession_free);
  self->extends = g_ptr_array_new_with_free_func ((GDestroyNotify) extension_free);
  return self;
}

PnDocument *
pn_document_new (void)
{
  PnDocument *self = pn_document_new_header ();

  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_article_unref);
  self->cases = pn_document_new_cases ();
  return self;
}

gboolean
pn_document_is_whole (PnDocument *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_atomic_pointer_get (&self->articles) != NULL;
}

PnDocument *
pn_document_ref (PnDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_document_unref (PnDocument *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_document_clear);
}

PnArticle *
pn_article_new_detached (PnDocument *document)
{
  PnArticle *article = g_atomic_rc_box_new0 (PnArticle);

  g_return_val_if_fail (document != NULL, NULL);

  article->units = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_unit_ref_free);
  article->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  article->document = document;
  return article;
}

PnArticle *
pn_document_add_article (PnDocument *self)
{
  PnArticle *article;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->articles != NULL, NULL);

  article = pn_article_new_detached (self);
  article->benefits = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_benefit_unref);
  article->position = self->articles->len;
  g_ptr_array_add (self->articles, article);
  self->n_articles = self->articles->len;
  return article;
}

/**
 * pn_benefit_get_units:
 *
 * Returns: (transfer none) (element-type PnUnitRef): the units responsible
 *   for the benefit: its own when the text names some for its paragraph,
 *   else its article's
 */
GPtrArray *
pn_benefit_get_units (PnBenefit *benefit)
{
  g_return_val_if_fail (benefit != NULL, NULL);

  return benefit->units->len > 0 ? benefit->units : benefit->article->units;
}

PnBenefit *
pn_benefit_new_detached (PnArticle *article)
{
  PnBenefit *benefit = g_atomic_rc_box_new0 (PnBenefit);

  g_return_val_if_fail (article != NULL, NULL);

  benefit->rate = -1;
  benefit->base = PN_FIGURE_NONE;
  benefit->amount = PN_YUAN_UNSET;
  benefit->cap = PN_YUAN_UNSET;
  benefit->combined_limit = PN_FIGURE_NONE;
  benefit->reviewed = TRUE;
  benefit->thresholds = g_ptr_array_new_with_free_func (g_free);
  benefit->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_condition_free);
  benefit->requirements = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_requirement_free);
  benefit->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  benefit->units = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_unit_ref_free);
  benefit->readings = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_reading_free);
  benefit->article = article;
  benefit->document = article->document;
  return benefit;
}

PnBenefit *
pn_article_add_benefit (PnArticle *article)
{
  PnBenefit *benefit;

  g_return_val_if_fail (article != NULL, NULL);
  g_return_val_if_fail (article->benefits != NULL, NULL);

  benefit = pn_benefit_new_detached (article);
  benefit->seq = article->document->n_benefits++;
  g_ptr_array_add (article->benefits, benefit);
  return benefit;
}

GPtrArray *
pn_document_new_cases (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) pn_case_free);
}

PnCase *
pn_case_new (PnDocument *document)
{
  PnCase *pcase;

  g_return_val_if_fail (document != NULL, NULL);

  pcase = g_new0 (PnCase, 1);
  for (guint f = 0; f < PN_N_FIGURES; f++)
    pcase->figures[f] = PN_YUAN_UNSET;
  pcase->total_cny = PN_YUAN_UNSET;
  pcase->expectations = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_case_expectation_free);
  pcase->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  pcase->document = document;
  return pcase;
}

PnCase *
pn_document_add_case (PnDocument *self)
{
  PnCase *pcase;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->cases != NULL, NULL);

  pcase = pn_case_new (self);
  g_ptr_array_add (self->cases, pcase);
  return pcase;
}

PnCaseExpectation *
pn_case_add_expectation (PnCase *self)
{
  PnCaseExpectation *expectation;

  g_return_val_if_fail (self != NULL, NULL);

  expectation = g_new0 (PnCaseExpectation, 1);
  expectation->listed = TRUE;
  expectation->counted_cny = 0;
  expectation->estimate_cny = PN_YUAN_UNSET;
  expectation->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  g_ptr_array_add (self->expectations, expectation);
  return expectation;
}

PnCase *
pn_document_find_case (PnDocument *self,
                       const char *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (self->cases != NULL, NULL);

  for (guint i = 0; i < self->cases->len; i++)
    {
      PnCase *pcase = g_ptr_array_index (self->cases, i);

      if (g_strcmp0 (pcase->name, name) == 0)
        return pcase;
    }

  return NULL;
}

void
pn_document_seal (PnDocument *self)
{
  g_return_if_fail (self != NULL);

  /* Re-point the back references and number the articles and benefits
   * in document order; callers must not change the document afterwards. */
  self->n_benefits = 0;
  for (guint i = 0; i < self->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (self->articles, i);

      article->document = self;
      article->position = i;
      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          benefit->article = article;
          benefit->document = self;
          benefit->seq = self->n_benefits++;
        }
    }
  self->n_articles = self->articles->len;

  for (guint i = 0; i < self->cases->len; i++)
    ((PnCase *) g_ptr_array_index (self->cases, i))->document = self;
}

PnArticle *
pn_document_find_article (PnDocument *self,
                          const char *number)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (pn_document_is_whole (self), NULL);

  for (guint i = 0; i < self->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (self->articles, i);

      if (g_strcmp0 (article->number, number) == 0)
        return article;
    }

  return NULL;
}

const PnAnnualCap *
pn_document_find_annual_cap (PnDocument *self,
                             const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->annual_caps->len; i++)
    {
      const PnAnnualCap *cap = g_ptr_array_index (self->annual_caps, i);

      if (g_strcmp0 (cap->id, id) == 0)
        return cap;
    }

  return NULL;
}

gint64
pn_benefit_annual_cap_bound (PnBenefit *benefit)
{
  gint64 bound = PN_YUAN_UNSET;

  /* asked for each result and each choice of the "up to": a benefit of
   * the store, whose rows never change, has it worked out once */
  if (benefit->checks.known)
    return benefit->checks.annual_cap_bound;
  for (guint c = 0; benefit->annual_caps != NULL && benefit->annual_caps[c] != NULL; c++)
    {
      const PnAnnualCap *cap = pn_document_find_annual_cap (benefit->document, benefit->annual_caps[c]);

      if (cap != NULL && (bound == PN_YUAN_UNSET || cap->amount < bound))
        bound = cap->amount;
    }
  return bound;
}

guint
pn_benefit_count_open_requirements (PnBenefit *benefit)
{
  guint open = 0;

  for (guint r = 0; r < benefit->requirements->len; r++)
    if (!((PnRequirement *) g_ptr_array_index (benefit->requirements, r))->attestation)
      open++;
  return open;
}

guint32
pn_benefit_figures_read (PnBenefit *benefit)
{
  guint32 figures = 0;

  if (benefit->base != PN_FIGURE_NONE)
    figures |= 1u << benefit->base;
  if (benefit->combined_limit != PN_FIGURE_NONE)
    figures |= 1u << benefit->combined_limit;
  for (guint t = 0; t < benefit->thresholds->len; t++)
    figures |= 1u << ((PnThreshold *) g_ptr_array_index (benefit->thresholds, t))->figure;
  return figures;
}

gboolean
_pn_taxonomy_has_answer (PnTaxonomy *taxonomy,
                         PnQuestion  question,
                         const char *value)
{
  /* a yes/no question: no vocabulary in the taxonomy */
  if (question == PN_QUESTION_INNOVATIVE_DEVICE)
    return g_str_equal (value, "true") || g_str_equal (value, "false");
  return pn_taxonomy_get_term (taxonomy, pn_question_to_string (question), value) != NULL;
}

GQuark
_pn_answer_quark (PnTaxonomy *taxonomy,
                  PnQuestion  question,
                  const char *value)
{
  GQuark quark = g_quark_try_string (value);

  /* a quark already: keeping it costs nothing more */
  if (quark == 0 && taxonomy != NULL && _pn_taxonomy_has_answer (taxonomy, question, value))
    quark = g_quark_from_string (value);
  return quark;
}

GQuark *
_pn_condition_quarks (PnTaxonomy *taxonomy,
                      PnQuestion  question,
                      GStrv       values)
{
  guint n = values != NULL ? g_strv_length (values) : 0;
  GQuark *quarks = g_new0 (GQuark, n + 1);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      GQuark quark = _pn_answer_quark (taxonomy, question, values[i]);

      if (quark != 0)
        quarks[found++] = quark;
    }
  return quarks;
}

guint32 *
_pn_conditions_compile (GPtrArray *conditions)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 n = conditions->len;

  g_array_append_val (out, n);
  for (guint i = 0; i < conditions->len; i++)
    {
      const PnCondition *condition = g_ptr_array_index (conditions, i);
      guint32 head[3] = { condition->question | (condition->asks_nothing ? PN_COMPILED_ASKS_NOTHING : 0), 0, 0 };
      guint at = out->len;

      g_array_append_vals (out, head, 3);
      for (guint v = 0; condition->value_quarks != NULL && condition->value_quarks[v] != 0; v++)
        {
          g_array_append_val (out, condition->value_quarks[v]);
          g_array_index (out, guint32, at + 1)++;
        }
      for (guint v = 0; condition->review_quarks != NULL && condition->review_quarks[v] != 0; v++)
        {
          g_array_append_val (out, condition->review_quarks[v]);
          g_array_index (out, guint32, at + 2)++;
        }
    }
  return (guint32 *) g_array_free (out, FALSE);
}

void
pn_benefit_get_validity (PnBenefit   *benefit,
                         const char **out_from,
                         const char **out_until)
{
  PnDocument *document;
  PnArticle *article;

  g_return_if_fail (benefit != NULL);
  g_return_if_fail (out_from != NULL && out_until != NULL);

  document = benefit->document;
  article = benefit->article;

  if (article->deadline_text != NULL)
    {
      *out_from = article->valid_from;
      *out_until = article->valid_until;
    }
  else
    {
      *out_from = document->applies_from ? document->applies_from : document->in_force_from;
      *out_until = pn_document_get_in_force_until (document);
    }
}

const PnCondition *
pn_benefit_find_condition (PnBenefit  *benefit,
                           PnQuestion  question)
{
  g_return_val_if_fail (benefit != NULL, NULL);

  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      const PnCondition *condition = g_ptr_array_index (benefit->conditions, i);

      if (condition->question == question)
        return condition;
    }

  return NULL;
}

gboolean
pn_benefit_depends_on (PnBenefit  *benefit,
                       const char *key)
{
  PnQuestion question;
  PnFigure figure;

  g_return_val_if_fail (benefit != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_str_equal (key, "location"))
    return TRUE;

  if (g_str_equal (key, "as-of"))
    {
      PnDocument *document = benefit->document;
      PnArticle *article = benefit->article;

      return document->draft ||
             article->valid_from != NULL || article->valid_until != NULL ||
             document->in_force_from != NULL || document->in_force_until != NULL ||
             document->applies_from != NULL;
    }

  if (pn_question_from_string (key, &question))
    {
      const PnCondition *condition = pn_benefit_find_condition (benefit, question);

      /* a condition accepting every term asks nothing */
      return condition != NULL && !condition->asks_nothing;
    }

  if (pn_figure_from_string (key, &figure))
    {
      if (benefit->base == figure || benefit->combined_limit == figure)
        return TRUE;

      for (guint i = 0; i < benefit->thresholds->len; i++)
        {
          const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, i);

          if (threshold->figure == figure)
            return TRUE;
        }
    }

  return FALSE;
}

PnTerm *
pn_document_add_local_location (PnDocument *self,
                                const char *id,
                                const char *parent,
                                const char *level,
                                const char *zh,
                                const char *en)
{
  PnTerm *term;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  term = _pn_term_new (id, parent, level, zh, en);
  g_ptr_array_add (self->local_locations, term);
  return term;
}

PnSupersession *
pn_document_add_supersession (PnDocument *self,
                              const char *ref,
                              const char *from)
{
  PnSupersession *supersession;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ref != NULL && from != NULL, NULL);

  supersession = g_new0 (PnSupersession, 1);
  supersession->ref = g_strdup (ref);
  supersession->from = g_strdup (from);
  g_ptr_array_add (self->supersedes, supersession);
  return supersession;
}

PnExtension *
pn_document_add_extension (PnDocument *self,
                           const char *ref,
                           const char *until)
{
  PnExtension *extension;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (ref != NULL && until != NULL, NULL);

  extension = g_new0 (PnExtension, 1);
  extension->ref = g_strdup (ref);
  extension->until = g_strdup (until);
  g_ptr_array_add (self->extends, extension);
  return extension;
}

const char *
pn_document_get_in_force_until (PnDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* a text of no end date is in force without one: nothing to extend */
  if (self->extended_until != NULL && self->in_force_until != NULL &&
      strcmp (self->extended_until, self->in_force_until) > 0)
    return self->extended_until;
  return self->in_force_until;
}

PnTerm *
pn_document_add_local_unit (PnDocument *self,
                            const char *id,
                            const char *location,
                            const char *zh,
                            const char *en)
{
  PnTerm *term;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  term = _pn_term_new (id, location, NULL, zh, en);
  g_ptr_array_add (self->local_units, term);
  return term;
}

static const PnTerm *
find_local (GPtrArray  *terms,
            const char *id)
{
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      if (g_strcmp0 (term->id, id) == 0)
        return term;
    }

  return NULL;
}

const PnTerm *
pn_document_lookup_unit (PnDocument *self,
                         PnTaxonomy *taxonomy,
                         const char *id)
{
  const PnTerm *term = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  if (taxonomy != NULL)
    term = pn_taxonomy_get_unit (taxonomy, id);
  return term != NULL ? term : find_local (self->local_units, id);
}

const PnTerm *
pn_document_lookup_location (PnDocument *self,
                             PnTaxonomy *taxonomy,
                             const char *id)
{
  const PnTerm *term = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;
  if (taxonomy != NULL)
    term = pn_taxonomy_get_location (taxonomy, id);
  return term != NULL ? term : find_local (self->local_locations, id);
}

guint
pn_document_count_benefits (PnDocument *self,
                            guint      *out_unreviewed)
{
  guint n = 0, unreviewed = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (self->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          n++;
          if (!benefit->reviewed)
            unreviewed++;
        }
    }

  if (out_unreviewed != NULL)
    *out_unreviewed = unreviewed;
  return n;
}
