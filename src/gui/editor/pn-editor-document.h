/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pn-corpus.h"
#include "pn-draft.h"
#include "pn-policy.h"

G_BEGIN_DECLS

/* A document being reviewed: the one mutable PnDocument the editor's
 * forms change in place, the figures found in its text, the file it is
 * saved to and what the last check of the whole document found.
 *
 * A form changes a field (only to a value the field accepts), then calls
 * pn_editor_document_changed().  Half a second later the document is
 * written to its file (g_file_replace_contents: the old file stays whole
 * until the new one is), and after a shorter pause it is written to
 * memory and read back through the loader, the schema, the taxonomy and
 * the corpus it will join ("validated").  What that check refuses is a
 * PnEditorIssue placing the loader's line in the document: the article,
 * benefit or case written there, and the element. */

#define PN_TYPE_EDITOR_DOCUMENT (pn_editor_document_get_type ())

G_DECLARE_FINAL_TYPE (PnEditorDocument, pn_editor_document, PN, EDITOR_DOCUMENT, GObject)

typedef enum
{
  PN_EDITOR_CHECK_PENDING,      /* changed since the last check */
  PN_EDITOR_CHECK_VALID,
  PN_EDITOR_CHECK_INVALID,
} PnEditorCheck;

typedef struct
{
  char  *message;       /* the loader's reason, without "file:line: " */
  char  *full;          /* the whole one-line error */
  guint  line;          /* 0 when the error names none */
  char  *article;       /* the article number written there, or NULL */
  char  *benefit;       /* the benefit id, or NULL */
  char  *case_name;     /* the case, or NULL */
  char  *element;       /* the element on that line ("amount"), or NULL */
} PnEditorIssue;

/* How long after a change the document is written to its file, and
 * checked; tests wait for "saved" and "checked" instead. */
#define PN_EDITOR_SAVE_DELAY_MS  500
#define PN_EDITOR_CHECK_DELAY_MS 300

/* `document` (whole) becomes the editor's alone: nobody else may hold it.
 * `figures` (PnDraftFigure of `document`, or NULL: found again) is
 * copied.  `file` is where it is saved. */
PnEditorDocument *pn_editor_document_new          (PnDocument       *document,
                                                   GPtrArray        *figures,
                                                   PnCorpus         *corpus,
                                                   GFile            *file);
/* Reads a document saved by the editor (or any policy XML): the schema
 * and the model's rules, not yet the taxonomy's references. */
PnEditorDocument *pn_editor_document_new_from_file (GFile           *file,
                                                    PnCorpus        *corpus,
                                                    GError         **error);

PnDocument       *pn_editor_document_get_document (PnEditorDocument *self);
PnTaxonomy       *pn_editor_document_get_taxonomy (PnEditorDocument *self);
PnCorpus         *pn_editor_document_get_corpus   (PnEditorDocument *self);
/* After an import or removal: checks again against the new corpus. */
void              pn_editor_document_set_corpus   (PnEditorDocument *self,
                                                   PnCorpus         *corpus);
GFile            *pn_editor_document_get_file     (PnEditorDocument *self);
/* Save As: from now on it is saved there (written at once). */
gboolean          pn_editor_document_set_file     (PnEditorDocument *self,
                                                   GFile            *file,
                                                   GError          **error);

/* PnDraftFigure of one article, in text order (transfer container). */
GPtrArray        *pn_editor_document_get_figures  (PnEditorDocument *self,
                                                   PnArticle        *article);
/* The sentence of the article's text that holds the benefit's figure (the
 * first of them), or the first sentence naming its amount; never NULL. */
char             *pn_editor_document_dup_quote    (PnEditorDocument *self,
                                                   PnBenefit        *benefit);

/* Call after changing any field of the document. */
void              pn_editor_document_changed      (PnEditorDocument *self);

PnBenefit        *pn_editor_document_add_benefit  (PnEditorDocument *self,
                                                   PnArticle        *article);
/* Takes it out, and every reference to it in the document: top-ups,
 * expectations of cases (a case left expecting nothing goes too). */
void              pn_editor_document_remove_benefit (PnEditorDocument *self,
                                                     PnBenefit        *benefit);
void              pn_editor_document_set_reviewed (PnEditorDocument *self,
                                                   PnBenefit        *benefit,
                                                   gboolean          reviewed);
/* Gives the document another id (the schema's pattern: a–z, 0–9, single
 * hyphens), renaming every id made from it: its benefits, annual caps and
 * local units, and the references to them.  An id the corpus holds means
 * that importing replaces that document. */
gboolean          pn_editor_document_set_id       (PnEditorDocument *self,
                                                   const char       *id,
                                                   GError          **error);

guint             pn_editor_document_get_n_benefits (PnEditorDocument *self);
guint             pn_editor_document_get_n_reviewed (PnEditorDocument *self);
/* How many benefits of `article` are not reviewed. */
guint             pn_editor_document_count_unreviewed (PnEditorDocument *self,
                                                       PnArticle        *article);

PnEditorCheck     pn_editor_document_get_check    (PnEditorDocument *self);
/* The issue of the last check (INVALID), else NULL. */
const PnEditorIssue *pn_editor_document_get_issue (PnEditorDocument *self);
/* The document as the last valid check read it back, sealed and whole, to
 * evaluate; NULL unless VALID.  What was checked: */
PnDocument       *pn_editor_document_get_checked  (PnEditorDocument *self);
GBytes           *pn_editor_document_get_checked_bytes (PnEditorDocument *self);
/* Checks now, without waiting for the pause. */
void              pn_editor_document_check_now    (PnEditorDocument *self);

/* Whether every change is written to the file. */
gboolean          pn_editor_document_get_saved    (PnEditorDocument *self);
/* Writes now, synchronously (closing, quitting). */
gboolean          pn_editor_document_save_now     (PnEditorDocument *self,
                                                   GError          **error);
/* Discarded (its file deleted, or another draft taking its place): from
 * now on nothing of it is written, not even when it goes. */
void              pn_editor_document_stop_saving  (PnEditorDocument *self);
/* The error of the last write, or NULL. */
const GError     *pn_editor_document_get_save_error (PnEditorDocument *self);

/* The document this draft looks like a new version of (pn_draft_guess_
 * superseded), when it does not replace it yet; NULL otherwise. */
PnDocument       *pn_editor_document_guess_superseded (PnEditorDocument *self);

void              pn_editor_issue_free            (PnEditorIssue    *issue);
/* Where each line of `bytes` (written XML) stands: the issue `error`
 * (the loader's "name:LINE: reason") points to. */
PnEditorIssue    *pn_editor_issue_new             (GBytes           *bytes,
                                                   const GError     *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnEditorIssue, pn_editor_issue_free)

G_END_DECLS
