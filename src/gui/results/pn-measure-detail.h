/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-result.h"

G_BEGIN_DECLS

#define PN_TYPE_MEASURE_DETAIL (pn_measure_detail_get_type ())

G_DECLARE_FINAL_TYPE (PnMeasureDetail, pn_measure_detail, PN, MEASURE_DETAIL, GtkWidget)

/* Everything about one listed measure: the original Chinese text, the
 * English summary, how the amount was worked out, each condition, how
 * overlaps were resolved, notes, validity and responsible units. */
GtkWidget   *pn_measure_detail_new             (void);
/* NULL `result` shows the empty state. */
void         pn_measure_detail_set_result      (PnMeasureDetail *self,
                                                PnResults       *results,
                                                const PnResult  *result);
const char  *pn_measure_detail_get_benefit_id  (PnMeasureDetail *self);
/* Back to the title, for a measure the user opens (a refresh keeps the
 * reader's place). */
void         pn_measure_detail_scroll_to_top   (PnMeasureDetail *self);
/* Focuses the Back button when it shows, so that the focus never lands
 * on (and selects) a selectable label of the text. */
void         pn_measure_detail_focus_start     (PnMeasureDetail *self);
/* The Back button, for a folded leaflet. */
void         pn_measure_detail_set_show_back   (PnMeasureDetail *self,
                                                gboolean         show_back);

G_END_DECLS
