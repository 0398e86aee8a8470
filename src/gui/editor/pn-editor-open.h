/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"
#include "pn-policy-editor.h"

G_BEGIN_DECLS

/* The ways into the editor.  Each reports what goes wrong in one line
 * naming the file (a message dialog over `parent`). */

/* New Policy from Text…: a file chooser for .txt, .html, .htm, .pdf and
 * .docx, then pn_editor_draft_file(). */
void      pn_editor_new_policy        (GtkWindow     *parent,
                                       PnApplication *application);
/* Drafts `file` in a thread (the window stays responsive), saves the draft
 * to the drafts folder and opens it in an editor.  When a draft of the
 * same document is in progress, asks whether to continue it. */
void      pn_editor_draft_file        (GtkWindow     *parent,
                                       PnApplication *application,
                                       GFile         *file);
/* Opens a draft saved by the editor (or any policy XML) in an editor; the
 * open one when it is open already. */
PnPolicyEditor *pn_editor_open_file   (GtkWindow     *parent,
                                       PnApplication *application,
                                       GFile         *file);
/* An imported document in an editor: its XML as stored, saved as a draft
 * of the same id (imported again, it replaces the stored one). */
PnPolicyEditor *pn_editor_open_document (GtkWindow   *parent,
                                         PnApplication *application,
                                         const char  *document_id);
/* Open Draft…: the drafts in progress, and any other file. */
void      pn_editor_show_drafts       (GtkWindow     *parent,
                                       PnApplication *application);

/* Whether a file dropped on the window is one the editor drafts (.txt,
 * .html, .htm, .pdf, .docx). */
gboolean  pn_editor_is_draftable      (GFile         *file);

G_END_DECLS
