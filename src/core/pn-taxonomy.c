/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-taxonomy"

#include "config.h"

#include "pn-taxonomy.h"
#include "pn-core-private.h"

struct _PnTaxonomy
{
  GPtrArray  *locations;    /* PnTerm, document order */
  GHashTable *location_map; /* id → PnTerm */
  GPtrArray  *vocabulary_ids;
  GHashTable *vocabularies; /* id → GPtrArray of PnTerm */
  GPtrArray  *units;
  GHashTable *unit_map;
  GPtrArray  *groups;
  GHashTable *group_map;
};

G_DEFINE_BOXED_TYPE (PnTaxonomy, pn_taxonomy, pn_taxonomy_ref, pn_taxonomy_unref)

void
_pn_term_free (PnTerm *term)
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

PnTerm *
_pn_term_new (const char *id,
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

static void
pn_taxonomy_clear (PnTaxonomy *self)
{
  g_clear_pointer (&self->location_map, g_hash_table_unref);
  g_clear_pointer (&self->locations, g_ptr_array_unref);
  g_clear_pointer (&self->vocabularies, g_hash_table_unref);
  g_clear_pointer (&self->vocabulary_ids, g_ptr_array_unref);
  g_clear_pointer (&self->unit_map, g_hash_table_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->group_map, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
}

PnTaxonomy *
pn_taxonomy_new (void)
{
  PnTaxonomy *self = g_atomic_rc_box_new0 (PnTaxonomy);

  self->locations = g_ptr_array_new_with_free_func ((GDestroyNotify) _pn_term_free);
  self->location_map = g_hash_table_new (g_str_hash, g_str_equal);
  self->vocabulary_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->vocabulary_ids, NULL);
  self->vocabularies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) _pn_term_free);
  self->unit_map = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) _pn_term_free);
  self->group_map = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

PnTaxonomy *
pn_taxonomy_ref (PnTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_taxonomy_unref (PnTaxonomy *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_taxonomy_clear);
}

void
pn_taxonomy_add_location (PnTaxonomy *self,
                          const char *id,
                          const char *parent,
                          const char *level,
                          const char *zh,
                          const char *en)
{
  PnTerm *term;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  term = _pn_term_new (id, parent, level, zh, en);
  g_ptr_array_add (self->locations, term);
  g_hash_table_replace (self->location_map, term->id, term);
}

void
pn_taxonomy_add_term (PnTaxonomy *self,
                      const char *vocabulary,
                      const char *id,
                      const char *zh,
                      const char *en)
{
  GPtrArray *terms;

  g_return_if_fail (self != NULL);
  g_return_if_fail (vocabulary != NULL && id != NULL);

  terms = g_hash_table_lookup (self->vocabularies, vocabulary);
  if (terms == NULL)
    {
      terms = g_ptr_array_new_with_free_func ((GDestroyNotify) _pn_term_free);
      g_hash_table_insert (self->vocabularies, g_strdup (vocabulary), terms);
      self->vocabulary_ids->pdata[self->vocabulary_ids->len - 1] = g_strdup (vocabulary);
      g_ptr_array_add (self->vocabulary_ids, NULL);
    }
  g_ptr_array_add (terms, _pn_term_new (id, vocabulary, NULL, zh, en));
}

void
pn_taxonomy_add_unit (PnTaxonomy *self,
                      const char *id,
                      const char *location,
                      const char *zh,
                      const char *en)
{
  PnTerm *term;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  term = _pn_term_new (id, location, NULL, zh, en);
  g_ptr_array_add (self->units, term);
  g_hash_table_replace (self->unit_map, term->id, term);
}

void
pn_taxonomy_add_group (PnTaxonomy *self,
                       const char *id,
                       const char *zh,
                       const char *en)
{
  PnTerm *term;

  g_return_if_fail (self != NULL);
  g_return_if_fail (id != NULL);

  term = _pn_term_new (id, NULL, NULL, zh, en);
  g_ptr_array_add (self->groups, term);
  g_hash_table_replace (self->group_map, term->id, term);
}

const PnTerm *
pn_taxonomy_get_location (PnTaxonomy *self,
                          const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id ? g_hash_table_lookup (self->location_map, id) : NULL;
}

const PnTerm *
pn_taxonomy_get_term (PnTaxonomy *self,
                      const char *vocabulary,
                      const char *id)
{
  GPtrArray *terms;

  g_return_val_if_fail (self != NULL, NULL);

  if (vocabulary == NULL || id == NULL)
    return NULL;
  if (g_str_equal (vocabulary, "location"))
    return pn_taxonomy_get_location (self, id);

  terms = g_hash_table_lookup (self->vocabularies, vocabulary);
  if (terms == NULL)
    return NULL;

  for (guint i = 0; i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      if (g_str_equal (term->id, id))
        return term;
    }

  return NULL;
}

const PnTerm *
pn_taxonomy_get_unit (PnTaxonomy *self,
                      const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id ? g_hash_table_lookup (self->unit_map, id) : NULL;
}

const PnTerm *
pn_taxonomy_get_group (PnTaxonomy *self,
                       const char *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id ? g_hash_table_lookup (self->group_map, id) : NULL;
}

GPtrArray *
pn_taxonomy_get_locations (PnTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->locations;
}

GPtrArray *
pn_taxonomy_get_terms (PnTaxonomy *self,
                       const char *vocabulary)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (g_strcmp0 (vocabulary, "location") == 0)
    return self->locations;
  return g_hash_table_lookup (self->vocabularies, vocabulary);
}

GPtrArray *
pn_taxonomy_get_units (PnTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->units;
}

GPtrArray *
pn_taxonomy_get_groups (PnTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->groups;
}

const char * const *
pn_taxonomy_get_vocabulary_ids (PnTaxonomy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->vocabulary_ids->pdata;
}

gboolean
pn_taxonomy_location_within (PnTaxonomy *self,
                             const char *place,
                             const char *ancestor)
{
  const PnTerm *term;

  g_return_val_if_fail (self != NULL, FALSE);

  if (place == NULL || ancestor == NULL)
    return FALSE;

  for (term = pn_taxonomy_get_location (self, place);
       term != NULL;
       term = pn_taxonomy_get_location (self, term->parent))
    {
      if (g_str_equal (term->id, ancestor))
        return TRUE;
    }

  return FALSE;
}

guint
pn_taxonomy_location_depth (PnTaxonomy *self,
                            const char *id)
{
  const PnTerm *term = pn_taxonomy_get_location (self, id);
  guint depth = 0;

  while (term != NULL && term->parent != NULL)
    {
      depth++;
      term = pn_taxonomy_get_location (self, term->parent);
    }

  return depth;
}

char *
pn_taxonomy_describe_ids (PnTaxonomy *self,
                          const char *vocabulary)
{
  GPtrArray *terms = pn_taxonomy_get_terms (self, vocabulary);
  GString *str = g_string_new (NULL);

  if (terms == NULL)
    return g_string_free (str, FALSE);

  for (guint i = 0; i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, term->id);
    }

  return g_string_free (str, FALSE);
}
