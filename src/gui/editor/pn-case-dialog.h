/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-editor-document.h"

G_BEGIN_DECLS

#define PN_TYPE_CASE_DIALOG (pn_case_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PnCaseDialog, pn_case_dialog, PN, CASE_DIALOG, AdwWindow)

/* Save as Case: the open client's answers, date and what the engine gives
 * for each of the document's listed benefits, shown before they become an
 * expected-result case of the document.  The name and each quoted
 * sentence can be edited; Save adds the case to the document ("saved"). */
GtkWidget   *pn_case_dialog_new               (GtkWindow        *parent,
                                               PnEditorDocument *document,
                                               PnCase           *pcase);
guint        pn_case_dialog_get_n_expectations (PnCaseDialog    *self);
/* The quoted sentence's field of expectation `position`. */
GtkWidget   *pn_case_dialog_get_quote_row     (PnCaseDialog     *self,
                                               guint             position);
GtkWidget   *pn_case_dialog_get_name_row      (PnCaseDialog     *self);
/* As Save: FALSE (and the reasons under the fields) when a field is
 * refused. */
gboolean     pn_case_dialog_save              (PnCaseDialog     *self);

G_END_DECLS
