/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-editor-document.h"

G_BEGIN_DECLS

#define PN_TYPE_BENEFIT_FORM (pn_benefit_form_get_type ())

G_DECLARE_FINAL_TYPE (PnBenefitForm, pn_benefit_form, PN, BENEFIT_FORM, AdwBin)

/* One benefit's fields: title, kind, per, one-time, amount / rate / base /
 * cap, thresholds, instalments, conditions (ticked from the taxonomy's
 * vocabularies), overlap group, the award it tops up, responsible units
 * and notes.  Each field checks what is typed at once: what it refuses
 * stays in the field with the reason under it, and the document keeps
 * its last good value.  Its buttons activate the editor's
 * "editor.toggle-reviewed" and "editor.delete-benefit". */
GtkWidget   *pn_benefit_form_new             (void);
void         pn_benefit_form_set_benefit     (PnBenefitForm    *self,
                                              PnEditorDocument *document,
                                              PnBenefit        *benefit);
PnBenefit   *pn_benefit_form_get_benefit     (PnBenefitForm    *self);
/* Fields again from the benefit (marked reviewed elsewhere, say). */
void         pn_benefit_form_refresh         (PnBenefitForm    *self);
/* The check's issue when it is this benefit's (else NULL): under the
 * field it concerns, or at the top.  Returns whether it is shown. */
gboolean     pn_benefit_form_show_issue      (PnBenefitForm    *self,
                                              const PnEditorIssue *issue);
/* The message under a field ("title", "amount", "rate", "cap", "stages",
 * "thresholds", "conditions", "links", "notes", "top"), or NULL. */
const char  *pn_benefit_form_get_field_error (PnBenefitForm    *self,
                                              const char       *field);
/* The field's widget, for tests and focus ("amount" …). */
GtkWidget   *pn_benefit_form_get_field       (PnBenefitForm    *self,
                                              const char       *field);

/* The check box of a condition's answer (PN_QUESTION_DRUG_CLASS,
 * "innovative"), or NULL. */
GtkCheckButton *pn_benefit_form_get_condition_check (PnBenefitForm *self,
                                                     PnQuestion     question,
                                                     const char    *term);

/* Whether a field holds what it refused: nothing is imported meanwhile. */
gboolean     pn_benefit_form_get_refusing (PnBenefitForm *self);

G_END_DECLS
