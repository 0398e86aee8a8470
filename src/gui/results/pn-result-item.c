/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-result-item"

#include "config.h"

#include "pn-result-item.h"

#include "pn-gui-util.h"

#include <string.h>

struct _PnResultItem
{
  GObject         parent_instance;

  PnResults      *results;
  const PnResult *result;     /* owned by results; written when first asked for */
  guint           position;
  gint64          value;      /* pn_result_item_get_value () */
  char           *search_text;  /* casefolded, built when first searched */
};

G_DEFINE_FINAL_TYPE (PnResultItem, pn_result_item, G_TYPE_OBJECT)

static void
pn_result_item_finalize (GObject *object)
{
  PnResultItem *self = PN_RESULT_ITEM (object);

  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (pn_result_item_parent_class)->finalize (object);
}

static void
pn_result_item_class_init (PnResultItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_result_item_finalize;
}

static void
pn_result_item_init (PnResultItem *self G_GNUC_UNUSED)
{
}

PnResultItem *
pn_result_item_new (PnResults *results,
                    guint      position)
{
  PnResultItem *self;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (position < pn_results_get_n_results (results), NULL);

  self = g_object_new (PN_TYPE_RESULT_ITEM, NULL);
  self->results = pn_results_ref (results);
  self->position = position;
  self->value = G_MININT64;  /* not worked out yet */

  return self;
}

PnResults *
pn_result_item_get_results (PnResultItem *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ITEM (self), NULL);
  return self->results;
}

const PnResult *
pn_result_item_get_result (PnResultItem *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ITEM (self), NULL);

  /* Only the rows shown need the whole text. */
  if (self->result == NULL)
    self->result = pn_results_get_result (self->results, self->position);
  return self->result;
}

guint
pn_result_item_get_position (PnResultItem *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ITEM (self), 0);
  return self->position;
}

/* As pn_export_amount_label() shows it: a possible measure by the most
 * it can give, so that the list reads in the order of its ranges. */
static gint64
value_of (const PnResultOutline *outline,
          const PnBenefit       *benefit)
{
  if (!outline->counted && outline->status == PN_STATUS_IN_FORCE &&
      outline->not_counted != PN_NOT_COUNTED_OVERLAP &&
      benefit->kind != PN_BENEFIT_NON_MONETARY)
    {
      if (outline->high_cny == PN_YUAN_UNSET && outline->unbounded)
        return G_MAXINT64;
      if (outline->high_cny != PN_YUAN_UNSET)
        return outline->high_cny;
    }

  if (outline->estimate_cny != PN_YUAN_UNSET)
    return outline->estimate_cny;

  if (benefit->cap != PN_YUAN_UNSET)
    return benefit->cap;
  if (benefit->amount != PN_YUAN_UNSET)
    return benefit->amount;

  return -1;
}

gint64
pn_result_item_get_value (PnResultItem *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ITEM (self), -1);

  /* Sorting asks often: worked out once, from the outline, so that a list
   * of thousands writes no text. */
  if (self->value == G_MININT64)
    {
      PnResultOutline outline;

      pn_results_get_outline (self->results, self->position, &outline);
      self->value = value_of (&outline, pn_results_get_benefit (self->results, self->position));
    }
  return self->value;
}

static void
append_folded (GString    *text,
               const char *part)
{
  g_autofree char *folded = NULL;

  if (part == NULL)
    return;
  folded = g_utf8_casefold (part, -1);
  g_string_append (text, folded);
  g_string_append_c (text, '\n');
}

gboolean
pn_result_item_matches (PnResultItem *self,
                        const char   *casefolded_query)
{
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (PN_IS_RESULT_ITEM (self), FALSE);

  if (casefolded_query == NULL || *casefolded_query == '\0')
    return TRUE;

  if (self->search_text == NULL)
    {
      PnBenefit *benefit = pn_results_get_benefit (self->results, self->position);
      PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_results_get_corpus (self->results));
      GString *text = g_string_new (NULL);
      g_autofree char *citation = pn_gui_citation (benefit->article);
      g_autofree char *units = pn_gui_units_text (pn_benefit_get_units (benefit), benefit->document, taxonomy);

      append_folded (text, benefit->title.zh);
      append_folded (text, benefit->title.en);
      append_folded (text, citation);
      append_folded (text, units);
      self->search_text = g_string_free (text, FALSE);
    }

  words = g_strsplit_set (casefolded_query, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] != '\0' && strstr (self->search_text, words[i]) == NULL)
        return FALSE;
    }

  return TRUE;
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  PnResultItem *ia = PN_RESULT_ITEM ((gpointer) a);
  PnResultItem *ib = PN_RESULT_ITEM ((gpointer) b);

  if (GPOINTER_TO_INT (user_data))
    {
      gint64 va = pn_result_item_get_value (ia);
      gint64 vb = pn_result_item_get_value (ib);

      if (va != vb)
        return va > vb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
    }

  if (ia->position != ib->position)
    return ia->position < ib->position ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  return GTK_ORDERING_EQUAL;
}

GtkSorter *
pn_result_item_sorter_new (gboolean by_value)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_cb, GINT_TO_POINTER (by_value), NULL));
}
