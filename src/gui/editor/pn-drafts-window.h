/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"

G_BEGIN_DECLS

#define PN_TYPE_DRAFTS_WINDOW (pn_drafts_window_get_type ())

G_DECLARE_FINAL_TYPE (PnDraftsWindow, pn_drafts_window, PN, DRAFTS_WINDOW, AdwWindow)

/* Open Draft…: the drafts in progress (pn_editor_drafts_list), most
 * recently changed first, each opened in the editor or discarded; and
 * Open Other File… for a draft saved anywhere. */
GtkWidget   *pn_drafts_window_new        (GtkWindow      *parent,
                                          PnApplication  *application);
/* Reads the list again. */
void         pn_drafts_window_refresh    (PnDraftsWindow *self);
guint        pn_drafts_window_get_n_drafts (PnDraftsWindow *self);
/* Opens the draft at `position` (as activating its row). */
void         pn_drafts_window_open       (PnDraftsWindow *self,
                                          guint           position);

G_END_DECLS
