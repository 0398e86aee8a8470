/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-policy-editor.h"

G_BEGIN_DECLS

/* What pn-policy-editor.c shares with its siblings:
 *   pn-policy-editor-import.c  Import: the impact for every client, then the store
 *   pn-policy-editor-case.c    Save as Case: the open client's result as a case */

struct _PnPolicyEditor
{
  AdwWindow          parent_instance;

  PnEditorDocument  *document;
  PnArticle         *article;          /* NULL: the document's details */
  PnBenefit         *benefit;          /* of `article`, or NULL */
  GPtrArray         *article_rows;     /* GtkListBoxRow; [0] the details */
  GPtrArray         *benefit_rows;     /* GtkListBoxRow of `article` */
  PnDocument        *supersede_guess;  /* a corpus header, or NULL */
  gboolean           supersede_dismissed;
  gboolean           importing;
  char              *progress;

  /* Template children */
  GtkListBox        *article_list;
  AdwLeaflet        *article_leaflet;
  GtkLabel          *article_heading_label;
  GtkButton         *article_reviewed_button;
  GtkLabel          *article_state_label;
  GtkButton         *back_button;
  PnBenefitForm     *benefit_form;
  GtkListBox        *benefit_list;
  GtkStack          *content_stack;
  PnDocumentForm    *document_form;
  GtkStack          *form_stack;
  GtkButton         *import_button;
  GtkRevealer       *issue_banner;
  GtkLabel          *issue_label;
  GtkButton         *issue_show_button;
  AdwLeaflet        *leaflet;
  GtkLabel          *no_benefits_label;
  PnEditorSource    *source;
  GtkRevealer       *supersede_banner;
  GtkLabel          *supersede_label;
  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
};

PnApplication *pn_policy_editor_get_application (PnPolicyEditor *self);
void           pn_policy_editor_actions_update  (PnPolicyEditor *self);

/* pn-policy-editor-import.c */
void           pn_policy_editor_import          (PnPolicyEditor *self);
/* pn-policy-editor-case.c */
void           pn_policy_editor_save_case       (PnPolicyEditor *self);

G_END_DECLS
