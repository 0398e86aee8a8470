/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One location's cell of a comparison row. */
typedef struct
{
  char     *location;    /* the location id */
  char     *label;       /* its name in the UI language */
  char     *amount;
  char     *state;
  char     *state_class; /* or NULL */
  char     *tooltip;     /* or NULL: why it counts or not there */
  gboolean  emphasis;    /* the highest counted amount of the row */
} PnCompareCellData;

#define PN_TYPE_COMPARE_ITEM (pn_compare_item_get_type ())

G_DECLARE_FINAL_TYPE (PnCompareItem, pn_compare_item, PN, COMPARE_ITEM, GObject)

/* One row of the comparison, as its list model holds it: a kind of
 * benefit or a measure, and a cell per location.  `name` names the row
 * (the benefit id, the kind); `status` < 0 for none. */
PnCompareItem *pn_compare_item_new           (const char    *name,
                                              const char    *title,
                                              const char    *other_title,
                                              const char    *citation,
                                              int            status);
/* Takes the strings of `cell`. */
void           pn_compare_item_add_cell      (PnCompareItem     *self,
                                              PnCompareCellData *cell);
/* A measure opens its article (win.show-article). */
void           pn_compare_item_set_article   (PnCompareItem *self,
                                              const char    *document_id,
                                              const char    *article_number);

const char    *pn_compare_item_get_name            (PnCompareItem *self);
const char    *pn_compare_item_get_title           (PnCompareItem *self);
const char    *pn_compare_item_get_other_title     (PnCompareItem *self);
const char    *pn_compare_item_get_citation        (PnCompareItem *self);
int            pn_compare_item_get_status          (PnCompareItem *self);
const char    *pn_compare_item_get_document_id     (PnCompareItem *self);
const char    *pn_compare_item_get_article_number  (PnCompareItem *self);
guint          pn_compare_item_get_n_cells         (PnCompareItem *self);
const PnCompareCellData *pn_compare_item_get_cell  (PnCompareItem *self,
                                                    guint          position);
/* Whether the cells say different things. */
gboolean       pn_compare_item_get_differs         (PnCompareItem *self);

G_END_DECLS
