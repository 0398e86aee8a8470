/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-editor-document.h"

G_BEGIN_DECLS

#define PN_TYPE_NOTES_EDITOR (pn_notes_editor_get_type ())

G_DECLARE_FINAL_TYPE (PnNotesEditor, pn_notes_editor, PN, NOTES_EDITOR, GtkWidget)

/* The notes of a benefit or a document (PnText: Chinese and English),
 * each in two text fields with a Remove button.  A note needs both
 * languages: until it has them (a note just added, a text emptied) the
 * error under it says so and the document keeps what it had. */
GtkWidget   *pn_notes_editor_new        (void);
/* `notes` is the document's own array (PnText), changed in place. */
void         pn_notes_editor_set_notes  (PnNotesEditor    *self,
                                         PnEditorDocument *document,
                                         GPtrArray        *notes);
/* The same for the requirements of a benefit (PnRequirement: what the
 * applicant must show besides the conditions), each with whether the
 * applicant confirms it itself (an attestation, the match stays definite)
 * or it is checked with the authority (the match is possible only).  A new
 * requirement gets an id no other of the list has. */
void         pn_notes_editor_set_requirements (PnNotesEditor    *self,
                                               PnEditorDocument *document,
                                               GPtrArray        *requirements);
/* A new empty note (or requirement), focused. */
void         pn_notes_editor_add        (PnNotesEditor    *self);
/* The first error shown under a note, or NULL. */
const char  *pn_notes_editor_get_error  (PnNotesEditor    *self);
/* A message about the notes from the document's check (NULL: none). */
void         pn_notes_editor_set_issue  (PnNotesEditor    *self,
                                         const char       *message);

G_END_DECLS
