/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "planning/pn-compare-item.h"

G_BEGIN_DECLS

#define PN_TYPE_COMPARE_CELL (pn_compare_cell_get_type ())

G_DECLARE_FINAL_TYPE (PnCompareCell, pn_compare_cell, PN, COMPARE_CELL, GtkBox)

/* A location's cell of a comparison row, named after the location; a
 * line (the place first) when `compact`. */
GtkWidget *pn_compare_cell_new (const PnCompareCellData *data,
                                gboolean                 compact,
                                gboolean                 differs);
/* The labels a compact row lines up across its cells. */
GtkWidget *pn_compare_cell_get_location_label (PnCompareCell *self);
GtkWidget *pn_compare_cell_get_amount_label   (PnCompareCell *self);

G_END_DECLS
