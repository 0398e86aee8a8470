/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The drafts in progress: files in $XDG_DATA_HOME/policy-navigator/drafts/
 * (one per document id, where the editor saves a new draft) and the files
 * saved elsewhere with Save As (GSettings "other-drafts"). */

typedef struct
{
  GFile     *file;
  char      *id;          /* or NULL when the file cannot be read */
  char      *title;       /* in the UI language; the file name when unreadable */
  char      *doc_number;  /* or NULL */
  char      *error;       /* why it cannot be read, or NULL */
  guint      n_benefits;
  guint      n_reviewed;
  GDateTime *modified;    /* or NULL */
} PnEditorDraftInfo;

void        pn_editor_draft_info_free       (PnEditorDraftInfo *info);

/* The folder, not created: $POLICY_NAVIGATOR_DRAFTS_DIR when set (as
 * $POLICY_NAVIGATOR_DB names the database), else the default. */
char       *pn_editor_drafts_dir            (void);
/* Where a new draft of document `id` is saved. */
GFile      *pn_editor_drafts_file_for_id    (const char        *id);
/* Whether `file` lies in the drafts folder. */
gboolean    pn_editor_drafts_is_default     (GFile             *file);
/* PnEditorDraftInfo, most recently changed first (never NULL). */
GPtrArray  *pn_editor_drafts_list           (GSettings         *settings);
/* Remembers a file saved elsewhere; forgets one. */
void        pn_editor_drafts_remember       (GSettings         *settings,
                                             GFile             *file);
void        pn_editor_drafts_forget         (GSettings         *settings,
                                             GFile             *file);
/* Deletes a draft of the drafts folder, or forgets one saved elsewhere
 * (that file is the user's: it stays). */
gboolean    pn_editor_drafts_discard        (GSettings         *settings,
                                             GFile             *file,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnEditorDraftInfo, pn_editor_draft_info_free)

G_END_DECLS
