/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "assistant/pn-page.h"
#include "pn-corpus.h"
#include "pn-profile.h"

G_BEGIN_DECLS

#define PN_TYPE_ASSISTANT (pn_assistant_get_type ())

G_DECLARE_FINAL_TYPE (PnAssistant, pn_assistant, PN, ASSISTANT, GtkWidget)

/* The wizard: a stack of PnPage, skipping those that do not apply.  The
 * actions assistant.next, assistant.back and assistant.finish (Enter,
 * Escape) move through it; "finished" is emitted after the last page. */
GtkWidget   *pn_assistant_new               (void);
PnProfile   *pn_assistant_get_profile       (PnAssistant *self);
void         pn_assistant_set_profile       (PnAssistant *self,
                                             PnProfile   *profile);
PnCorpus    *pn_assistant_get_corpus        (PnAssistant *self);
void         pn_assistant_set_corpus        (PnAssistant *self,
                                             PnCorpus    *corpus);

PnPage      *pn_assistant_get_current_page  (PnAssistant *self);
/* The current page's title, "Step 2 of 6", and the Next button's label. */
const char  *pn_assistant_get_title         (PnAssistant *self);
const char  *pn_assistant_get_progress      (PnAssistant *self);
const char  *pn_assistant_get_next_label    (PnAssistant *self);
/* The current page is the last that applies (the date: its own "See
 * Results" button finishes). */
gboolean     pn_assistant_get_is_last       (PnAssistant *self);
gboolean     pn_assistant_get_can_go_back   (PnAssistant *self);
gboolean     pn_assistant_get_can_go_next   (PnAssistant *self);

void         pn_assistant_next              (PnAssistant *self);
void         pn_assistant_back              (PnAssistant *self);
/* Back to the first page. */
void         pn_assistant_restart           (PnAssistant *self);
/* Shows the page that asks `key` (a question, figure, "location" or
 * "as-of"), the keyboard on the control that asks it; when that page does
 * not apply yet, the first incomplete page before it, whose answer
 * decides; FALSE when there is neither. */
gboolean     pn_assistant_show_key          (PnAssistant *self,
                                             const char  *key);

G_END_DECLS
