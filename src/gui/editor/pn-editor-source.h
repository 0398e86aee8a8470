/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-draft.h"
#include "pn-policy.h"

G_BEGIN_DECLS

#define PN_TYPE_EDITOR_SOURCE (pn_editor_source_get_type ())

G_DECLARE_FINAL_TYPE (PnEditorSource, pn_editor_source, PN, EDITOR_SOURCE, GtkWidget)

/* An article's original text, every figure found in it highlighted by
 * what it is (amount, rate, cap, threshold …: the legend under the text
 * says which colour is which, a tooltip too), the figures of the selected
 * benefit underlined.  Clicking a figure emits "figure-activated" with
 * the benefit it went into. */
GtkWidget   *pn_editor_source_new           (void);
/* `figures`: PnDraftFigure of `article` (not owned; kept until the next
 * call, which must come before they go). */
void         pn_editor_source_set_article   (PnEditorSource *self,
                                             PnArticle      *article,
                                             GPtrArray      *figures);
void         pn_editor_source_set_benefit   (PnEditorSource *self,
                                             PnBenefit      *benefit);
/* How many figures of the text are highlighted, and of the benefit. */
guint        pn_editor_source_get_n_highlighted (PnEditorSource *self);
guint        pn_editor_source_get_n_selected    (PnEditorSource *self);
/* The role label of a figure ("Cap"), for the legend and tooltips. */
const char  *pn_editor_source_role_label    (PnDraftFigureRole role);
GtkTextView *pn_editor_source_get_text_view (PnEditorSource *self);

G_END_DECLS
