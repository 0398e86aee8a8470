/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-corpus"

#include "config.h"

#include <string.h>

#include "pn-corpus.h"
#include "pn-policy-loader.h"

struct _PnCorpus
{
  PnTaxonomy *taxonomy;
  GPtrArray  *documents;  /* PnDocument */
  GHashTable *benefits;   /* id → PnBenefit */

  GMutex         index_lock;
  gpointer       engine_index;
  GDestroyNotify free_engine_index;
};

G_DEFINE_BOXED_TYPE (PnCorpus, pn_corpus, pn_corpus_ref, pn_corpus_unref)

static void
pn_corpus_clear (PnCorpus *self)
{
  if (self->engine_index != NULL)
    self->free_engine_index (self->engine_index);
  g_mutex_clear (&self->index_lock);
  g_clear_pointer (&self->benefits, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->taxonomy, pn_taxonomy_unref);
}

PnCorpus *
pn_corpus_new (PnTaxonomy *taxonomy,
               GPtrArray  *documents)
{
  PnCorpus *self;

  g_return_val_if_fail (taxonomy != NULL, NULL);
  g_return_val_if_fail (documents != NULL, NULL);

  self = g_atomic_rc_box_new0 (PnCorpus);
  self->taxonomy = pn_taxonomy_ref (taxonomy);
  self->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  g_mutex_init (&self->index_lock);

  /* The look-up by benefit id is built when first needed: an import
   * makes a new corpus for every file and needs none. */
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (self->documents, pn_document_ref (g_ptr_array_index (documents, i)));

  return self;
}

static GHashTable *
build_benefit_table (PnCorpus *self)
{
  GHashTable *benefits = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->documents, i);

      for (guint j = 0; j < document->articles->len; j++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, j);

          for (guint k = 0; k < article->benefits->len; k++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, k);

              g_hash_table_insert (benefits, benefit->id, benefit);
            }
        }
    }

  return benefits;
}

gpointer
_pn_corpus_get_engine_index (PnCorpus       *self,
                             gpointer      (*build) (PnCorpus *corpus),
                             GDestroyNotify  free_index)
{
  gpointer index;

  g_mutex_lock (&self->index_lock);
  if (self->engine_index == NULL)
    {
      self->engine_index = build (self);
      self->free_engine_index = free_index;
    }
  index = self->engine_index;
  g_mutex_unlock (&self->index_lock);

  return index;
}

PnCorpus *
pn_corpus_ref (PnCorpus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_corpus_unref (PnCorpus *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_corpus_clear);
}

PnTaxonomy *
pn_corpus_get_taxonomy (PnCorpus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->taxonomy;
}

guint
pn_corpus_get_n_documents (PnCorpus *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->documents->len;
}

PnDocument *
pn_corpus_get_document (PnCorpus *self,
                        guint     position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, position);
}

PnDocument *
pn_corpus_find_document (PnCorpus   *self,
                         const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->documents, i);

      if (g_strcmp0 (document->id, id) == 0)
        return document;
    }

  return NULL;
}

PnBenefit *
pn_corpus_find_benefit (PnCorpus   *self,
                        const char *id)
{
  PnBenefit *benefit;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;

  g_mutex_lock (&self->index_lock);
  if (self->benefits == NULL)
    self->benefits = build_benefit_table (self);
  benefit = g_hash_table_lookup (self->benefits, id);
  g_mutex_unlock (&self->index_lock);

  return benefit;
}

/* A benefit id starts with its document's id and a slash (the schema's
 * BenefitId, checked by the loader): look in that document only. */
static PnBenefit *
find_benefit_by_path (PnCorpus   *self,
                      const char *id)
{
  const char *slash = strchr (id, '/');
  g_autofree char *document_id = NULL;
  PnDocument *document;

  if (slash == NULL)
    return NULL;
  document_id = g_strndup (id, slash - id);
  document = pn_corpus_find_document (self, document_id);
  if (document == NULL)
    return NULL;

  for (guint j = 0; j < document->articles->len; j++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, j);

      for (guint k = 0; k < article->benefits->len; k++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, k);

          if (g_str_equal (benefit->id, id))
            return benefit;
        }
    }

  return NULL;
}

GPtrArray *
pn_corpus_documents_at (PnCorpus   *self,
                        const char *location)
{
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, found);

  for (guint i = 0; i < self->documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->documents, i);

      if (pn_taxonomy_location_within (self->taxonomy, location, document->jurisdiction))
        g_ptr_array_add (found, document);
    }

  return found;
}

static gboolean
reference_error (GError     **error,
                 PnDocument  *document,
                 guint        line,
                 const char  *what,
                 const char  *id)
{
  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
               "%s:%u: unknown %s “%s”",
               document->file_name ? document->file_name : document->id,
               line, what, id);
  return FALSE;
}

static gboolean
check_document (PnCorpus    *self,
                PnDocument  *document,
                GError     **error)
{
  for (guint j = 0; j < document->articles->len; j++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, j);

      for (guint u = 0; u < article->units->len; u++)
        {
          PnUnitRef *ref = g_ptr_array_index (article->units, u);

          if (pn_taxonomy_get_unit (self->taxonomy, ref->id) == NULL)
            return reference_error (error, document, article->line, "unit", ref->id);
        }

      for (guint k = 0; k < article->benefits->len; k++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, k);

          if (benefit->overlap_group != NULL &&
              pn_taxonomy_get_group (self->taxonomy, benefit->overlap_group) == NULL)
            return reference_error (error, document, benefit->line,
                                    "overlap group", benefit->overlap_group);

          for (guint u = 0; u < benefit->units->len; u++)
            {
              PnUnitRef *ref = g_ptr_array_index (benefit->units, u);

              if (pn_taxonomy_get_unit (self->taxonomy, ref->id) == NULL)
                return reference_error (error, document, benefit->line, "unit", ref->id);
            }

          for (guint t = 0; benefit->tops_up && benefit->tops_up[t]; t++)
            if (find_benefit_by_path (self, benefit->tops_up[t]) == NULL)
              return reference_error (error, document, benefit->line,
                                      "benefit to top up", benefit->tops_up[t]);

          for (guint c = 0; benefit->annual_caps && benefit->annual_caps[c]; c++)
            if (pn_document_find_annual_cap (document, benefit->annual_caps[c]) == NULL)
              return reference_error (error, document, benefit->line,
                                      "annual cap", benefit->annual_caps[c]);
        }
    }

  return TRUE;
}

gboolean
pn_corpus_check_references (PnCorpus  *self,
                            GError   **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->documents->len; i++)
    if (!check_document (self, g_ptr_array_index (self->documents, i), error))
      return FALSE;

  return TRUE;
}

gboolean
pn_corpus_check_new_document (PnCorpus    *self,
                              PnDocument  *document,
                              gboolean     replaces,
                              GError     **error)
{
  g_autofree char *prefix = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  if (!check_document (self, document, error))
    return FALSE;
  if (!replaces)
    return TRUE;

  /* What the others top up in a document it replaces must still be there. */
  prefix = g_strconcat (document->id, "/", NULL);
  for (guint i = 0; i < self->documents->len; i++)
    {
      PnDocument *other = g_ptr_array_index (self->documents, i);

      if (other == document)
        continue;
      for (guint j = 0; j < other->articles->len; j++)
        {
          PnArticle *article = g_ptr_array_index (other->articles, j);

          for (guint k = 0; k < article->benefits->len; k++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, k);

              for (guint t = 0; benefit->tops_up && benefit->tops_up[t]; t++)
                if (g_str_has_prefix (benefit->tops_up[t], prefix) &&
                    find_benefit_by_path (self, benefit->tops_up[t]) == NULL)
                  return reference_error (error, other, benefit->line,
                                          "benefit to top up", benefit->tops_up[t]);
            }
        }
    }

  return TRUE;
}
