/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-compare-item"

#include "config.h"

#include "pn-compare-item.h"

#include <string.h>

struct _PnCompareItem
{
  GObject  parent_instance;

  char    *name;
  char    *title;
  char    *other_title;
  char    *citation;
  int      status;
  char    *document_id;
  char    *article_number;
  GArray  *cells;   /* PnCompareCellData */
};

G_DEFINE_FINAL_TYPE (PnCompareItem, pn_compare_item, G_TYPE_OBJECT)

static void
cell_data_clear (gpointer data)
{
  PnCompareCellData *cell = data;

  g_free (cell->location);
  g_free (cell->label);
  g_free (cell->amount);
  g_free (cell->state);
  g_free (cell->state_class);
  g_free (cell->tooltip);
}

static void
pn_compare_item_finalize (GObject *object)
{
  PnCompareItem *self = PN_COMPARE_ITEM (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->other_title);
  g_free (self->citation);
  g_free (self->document_id);
  g_free (self->article_number);
  g_array_unref (self->cells);

  G_OBJECT_CLASS (pn_compare_item_parent_class)->finalize (object);
}

static void
pn_compare_item_class_init (PnCompareItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_compare_item_finalize;
}

static void
pn_compare_item_init (PnCompareItem *self)
{
  self->cells = g_array_new (FALSE, TRUE, sizeof (PnCompareCellData));
  g_array_set_clear_func (self->cells, cell_data_clear);
}

PnCompareItem *
pn_compare_item_new (const char *name,
                     const char *title,
                     const char *other_title,
                     const char *citation,
                     int         status)
{
  PnCompareItem *self = g_object_new (PN_TYPE_COMPARE_ITEM, NULL);

  self->name = g_strdup (name);
  self->title = g_strdup (title);
  self->other_title = g_strdup (other_title);
  self->citation = g_strdup (citation);
  self->status = status;

  return self;
}

void
pn_compare_item_add_cell (PnCompareItem     *self,
                          PnCompareCellData *cell)
{
  g_return_if_fail (PN_IS_COMPARE_ITEM (self));
  g_return_if_fail (cell != NULL);

  g_array_append_vals (self->cells, cell, 1);
  memset (cell, 0, sizeof *cell);
}

void
pn_compare_item_set_article (PnCompareItem *self,
                             const char    *document_id,
                             const char    *article_number)
{
  g_return_if_fail (PN_IS_COMPARE_ITEM (self));

  g_free (self->document_id);
  self->document_id = g_strdup (document_id);
  g_free (self->article_number);
  self->article_number = g_strdup (article_number);
}

const char *
pn_compare_item_get_name (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), NULL);
  return self->name;
}

const char *
pn_compare_item_get_title (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), NULL);
  return self->title;
}

const char *
pn_compare_item_get_other_title (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), NULL);
  return self->other_title;
}

const char *
pn_compare_item_get_citation (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), NULL);
  return self->citation;
}

int
pn_compare_item_get_status (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), -1);
  return self->status;
}

const char *
pn_compare_item_get_document_id (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), NULL);
  return self->document_id;
}

const char *
pn_compare_item_get_article_number (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), NULL);
  return self->article_number;
}

guint
pn_compare_item_get_n_cells (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), 0);
  return self->cells->len;
}

const PnCompareCellData *
pn_compare_item_get_cell (PnCompareItem *self,
                          guint          position)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), NULL);
  g_return_val_if_fail (position < self->cells->len, NULL);
  return &g_array_index (self->cells, PnCompareCellData, position);
}

gboolean
pn_compare_item_get_differs (PnCompareItem *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ITEM (self), FALSE);

  for (guint i = 1; i < self->cells->len; i++)
    {
      const PnCompareCellData *first = &g_array_index (self->cells, PnCompareCellData, 0);
      const PnCompareCellData *cell = &g_array_index (self->cells, PnCompareCellData, i);

      if (g_strcmp0 (cell->amount, first->amount) != 0 || g_strcmp0 (cell->state, first->state) != 0)
        return TRUE;
    }

  return FALSE;
}
