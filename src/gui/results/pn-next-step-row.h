/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-result.h"

G_BEGIN_DECLS

#define PN_TYPE_NEXT_STEP_ROW (pn_next_step_row_get_type ())

G_DECLARE_FINAL_TYPE (PnNextStepRow, pn_next_step_row, PN, NEXT_STEP_ROW, GtkListBoxRow)

/* One step of "What would add most": what it asks ("Give: R&D
 * investment"), what it may add to the "up to" total, how many measures it
 * opens, and a button to where it is answered; "open" when pressed. */
PnNextStepRow    *pn_next_step_row_new       (void);
/* `step` is owned by `results`, which the row keeps. */
void              pn_next_step_row_set_step  (PnNextStepRow    *self,
                                              PnResults        *results,
                                              const PnNextStep *step);
const PnNextStep *pn_next_step_row_get_step  (PnNextStepRow    *self);

G_END_DECLS
