/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"
#include "pn-benefit-form.h"
#include "pn-document-form.h"
#include "pn-editor-document.h"
#include "pn-editor-source.h"

G_BEGIN_DECLS

#define PN_TYPE_POLICY_EDITOR (pn_policy_editor_get_type ())

G_DECLARE_FINAL_TYPE (PnPolicyEditor, pn_policy_editor, PN, POLICY_EDITOR, AdwWindow)

/* The review editor: a window of its own for one drafted (or imported)
 * document.  Down the side the document's details and its articles, each
 * with how many of its benefits still need review; then the article's
 * original text with its figures highlighted and its benefits; then the
 * selected benefit's form.  Folds from three panes to one at 360 px
 * (AdwLeaflet).  The header bar says "17 of 23 benefits reviewed" and
 * holds Import, enabled once the whole document checks; a banner names
 * what the check refused when it is not in view, with Show.
 *
 * Actions ("editor."): toggle-reviewed, mark-article-reviewed,
 * add-benefit, delete-benefit, import, save-as, save-case, discard,
 * link-superseded, dismiss-superseded, show-issue, back. */
PnPolicyEditor   *pn_policy_editor_new            (PnApplication    *application,
                                                   PnEditorDocument *document);
/* The application's editor of `file`, or NULL. */
PnPolicyEditor   *pn_policy_editor_find           (GtkApplication   *application,
                                                   GFile            *file);

PnEditorDocument *pn_policy_editor_get_document   (PnPolicyEditor   *self);
void              pn_policy_editor_show_details   (PnPolicyEditor   *self);
void              pn_policy_editor_select_article (PnPolicyEditor   *self,
                                                   PnArticle        *article);
void              pn_policy_editor_select_benefit (PnPolicyEditor   *self,
                                                   PnBenefit        *benefit);
PnArticle        *pn_policy_editor_get_article    (PnPolicyEditor   *self);
PnBenefit        *pn_policy_editor_get_benefit    (PnPolicyEditor   *self);

PnBenefitForm    *pn_policy_editor_get_benefit_form  (PnPolicyEditor *self);
PnDocumentForm   *pn_policy_editor_get_document_form (PnPolicyEditor *self);
PnEditorSource   *pn_policy_editor_get_source        (PnPolicyEditor *self);
/* The banner's message when it shows one (the check's issue not in view;
 * the document it looks like a new version of), else NULL. */
const char       *pn_policy_editor_get_issue_banner  (PnPolicyEditor *self);
const char       *pn_policy_editor_get_supersede_banner (PnPolicyEditor *self);
/* "17 of 23 benefits reviewed" */
const char       *pn_policy_editor_get_progress      (PnPolicyEditor *self);
/* A passing message over the editor. */
void              pn_policy_editor_add_toast         (PnPolicyEditor *self,
                                                      const char     *message);

G_END_DECLS
