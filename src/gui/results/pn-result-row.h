/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-profile.h"
#include "pn-result.h"

G_BEGIN_DECLS

#define PN_TYPE_RESULT_ROW (pn_result_row_get_type ())

G_DECLARE_FINAL_TYPE (PnResultRow, pn_result_row, PN, RESULT_ROW, GtkListBoxRow)

/* One listed measure: title, amount, status, citation, responsible
 * units and why it is not counted; "answer" asks for the missing answer
 * (a key of pn_page_asks()). */
/* `profile` (optional) tells which figure a result lacks. */
PnResultRow    *pn_result_row_new             (PnResults      *results,
                                               const PnResult *result,
                                               PnProfile      *profile);
void            pn_result_row_set_result      (PnResultRow    *self,
                                               PnResults      *results,
                                               const PnResult *result,
                                               PnProfile      *profile);
PnResults      *pn_result_row_get_results     (PnResultRow    *self);
const PnResult *pn_result_row_get_result      (PnResultRow    *self);
const char     *pn_result_row_get_benefit_id  (PnResultRow    *self);
/* The key the answer button asks for, or NULL. */
const char     *pn_result_row_get_missing_key (PnResultRow    *self);

/* What a result lacks that a page of the assistant asks: a question or a
 * figure id; NULL when nothing (or only an outside requirement). */
const char     *pn_result_find_missing_key    (const PnResult *result,
                                               PnProfile      *profile);

G_END_DECLS
