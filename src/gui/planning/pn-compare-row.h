/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "planning/pn-compare-item.h"

G_BEGIN_DECLS

#define PN_TYPE_COMPARE_ROW (pn_compare_row_get_type ())

G_DECLARE_FINAL_TYPE (PnCompareRow, pn_compare_row, PN, COMPARE_ROW, GtkListBoxRow)

/* The row of a PnCompareItem, from its template: the title, the citation
 * and badges, then a PnCompareCell per location, side by side or, when
 * `compact`, one under the other with the place names in `name_group`,
 * so that the amounts start in line.  (Not the amounts too: the widest
 * amount of any row, "¥0 – ¥30,000,000", would widen every line past a
 * narrow window.) */
GtkWidget     *pn_compare_row_new      (PnCompareItem *item,
                                        gboolean       compact,
                                        GtkSizeGroup  *name_group);
PnCompareItem *pn_compare_row_get_item (PnCompareRow  *self);

G_END_DECLS
