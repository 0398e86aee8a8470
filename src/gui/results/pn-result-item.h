/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pn-result.h"

G_BEGIN_DECLS

#define PN_TYPE_RESULT_ITEM (pn_result_item_get_type ())

G_DECLARE_FINAL_TYPE (PnResultItem, pn_result_item, PN, RESULT_ITEM, GObject)

/* One measure of an evaluation, as the results' list models hold it: the
 * results (kept alive), the result, its place in the engine's order, and
 * what sorting and filtering read. */
PnResultItem   *pn_result_item_new          (PnResults    *results,
                                             guint         position);
PnResults      *pn_result_item_get_results  (PnResultItem *self);
const PnResult *pn_result_item_get_result   (PnResultItem *self);
/* Its place in the engine's order (the documents' order). */
guint           pn_result_item_get_position (PnResultItem *self);
/* What it may be worth, for "highest first": the right end of the range
 * its row shows ("¥0 – ¥4,000,000": 4,000,000; no upper bound first), else
 * the estimate, else the cap or fixed amount the text states, else -1. */
gint64          pn_result_item_get_value    (PnResultItem *self);
/* Whether every word of `casefolded_query` is in its title (either
 * language), citation or responsible units. */
gboolean        pn_result_item_matches      (PnResultItem *self,
                                             const char   *casefolded_query);

/* Sorters for GtkSortListModel: by value, highest first (ties in the
 * documents' order), or in the documents' order. */
GtkSorter      *pn_result_item_sorter_new   (gboolean      by_value);

G_END_DECLS
