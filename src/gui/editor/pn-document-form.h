/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-editor-document.h"

G_BEGIN_DECLS

#define PN_TYPE_DOCUMENT_FORM (pn_document_form_get_type ())

G_DECLARE_FINAL_TYPE (PnDocumentForm, pn_document_form, PN, DOCUMENT_FORM, AdwBin)

/* The document's header: titles, number, issuer, where it applies,
 * whether it is a consultation draft, its id, its dates (each chosen with
 * a PnDateChooser), the document it replaces and from when, and notes. */
GtkWidget   *pn_document_form_new             (void);
void         pn_document_form_set_document    (PnDocumentForm   *self,
                                               PnEditorDocument *document);
/* Fields again from the document (a link added from the banner). */
void         pn_document_form_refresh         (PnDocumentForm   *self);
/* The check's issue when it is the header's (else NULL): under its field
 * or at the top.  Returns whether it is shown. */
gboolean     pn_document_form_show_issue      (PnDocumentForm   *self,
                                               const PnEditorIssue *issue);
/* The message under a field ("title", "issuer", "jurisdiction", "id",
 * "dates", "supersedes", "top"), or NULL. */
const char  *pn_document_form_get_field_error (PnDocumentForm   *self,
                                               const char       *field);
/* A date field ("issued", "in-force-from", "in-force-until",
 * "applies-from", "supersedes-from"): its chooser, for tests. */
GtkWidget   *pn_document_form_get_date_chooser (PnDocumentForm  *self,
                                                const char      *field);

/* Whether a field holds what it refused: nothing is imported meanwhile. */
gboolean     pn_document_form_get_refusing (PnDocumentForm *self);

G_END_DECLS
