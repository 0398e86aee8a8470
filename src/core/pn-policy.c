/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy"

#include "config.h"

#include <string.h>

#include "pn-policy.h"
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
pn_local_term_free (PnTerm *term)
{
  if (term == NULL)
    return;
  g_free (term->id);
  g_free (term->parent);
  g_free (term->level);
  g_free (term->zh);
  g_free (term->en);
  g_free (term);
}

static void
pn_benefit_free (PnBenefit *benefit)
{
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
  g_free (benefit);
}

static void
pn_article_free (PnArticle *article)
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
  g_free (article);
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
  g_clear_pointer (&self->local_locations, g_ptr_array_unref);
  g_clear_pointer (&self->local_units, g_ptr_array_unref);
}

PnDocument *
pn_document_new (void)
{
  PnDocument *self = g_atomic_rc_box_new0 (PnDocument);

  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  self->annual_caps = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_annual_cap_free);
  self->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_article_free);
  self->local_locations = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_local_term_free);
  self->local_units = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_local_term_free);
  return self;
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
pn_document_add_article (PnDocument *self)
{
  PnArticle *article = g_new0 (PnArticle, 1);

  g_return_val_if_fail (self != NULL, NULL);

  article->units = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_unit_ref_free);
  article->benefits = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_benefit_free);
  article->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  article->document = self;
  g_ptr_array_add (self->articles, article);
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
pn_article_add_benefit (PnArticle *article)
{
  PnBenefit *benefit = g_new0 (PnBenefit, 1);

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
  benefit->article = article;
  benefit->document = article->document;
  g_ptr_array_add (article->benefits, benefit);
  return benefit;
}

void
pn_document_seal (PnDocument *self)
{
  g_return_if_fail (self != NULL);

  /* Re-point the back references; nothing else to do while the model is
   * plain data, but callers must not change the document afterwards. */
  for (guint i = 0; i < self->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (self->articles, i);

      article->document = self;
      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          benefit->article = article;
          benefit->document = self;
        }
    }
}

PnArticle *
pn_document_find_article (PnDocument *self,
                          const char *number)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (number != NULL, NULL);

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

char *
pn_article_citation (PnArticle *article)
{
  PnDocument *document;

  g_return_val_if_fail (article != NULL, NULL);

  document = article->document;
  return g_strdup_printf ("%s art. %s",
                          document->doc_number ? document->doc_number : document->id,
                          article->number);
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
      *out_until = document->in_force_until;
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

static PnTerm *
new_local_term (const char *id,
                const char *parent,
                const char *level,
                const char *zh,
                const char *en)
{
  PnTerm *term = g_new0 (PnTerm, 1);

  term->id = g_strdup (id);
  term->parent = g_strdup (parent);
  term->level = g_strdup (level);
  term->zh = g_strdup (zh);
  term->en = g_strdup (en);
  return term;
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

  term = new_local_term (id, parent, level, zh, en);
  g_ptr_array_add (self->local_locations, term);
  return term;
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

  term = new_local_term (id, location, NULL, zh, en);
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
