/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"

G_BEGIN_DECLS

#define PN_TYPE_READER_VIEW (pn_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (PnReaderView, pn_reader_view, PN, READER_VIEW, AdwBin)

/* The policy documents, their articles and a full-text search.  Reads the
 * corpus and the profile's as-of date from `application`, and follows its
 * "corpus-changed" signal.  Actions: "reader.search" (Ctrl+F), "reader.back". */
GtkWidget     *pn_reader_view_new                (PnApplication *application);
PnApplication *pn_reader_view_get_application    (PnReaderView  *self);
void           pn_reader_view_set_application    (PnReaderView  *self,
                                                  PnApplication *application);

/* Opens the article ("1", "12") of a document; FALSE when either is
 * unknown.  A NULL article_number shows the document's overview. */
gboolean       pn_reader_view_show_article       (PnReaderView  *self,
                                                  const char    *document_id,
                                                  const char    *article_number);
/* What is shown: NULL when nothing (or only a document) is. */
const char    *pn_reader_view_get_document_id    (PnReaderView  *self);
const char    *pn_reader_view_get_article_number (PnReaderView  *self);

/* Reveals the search bar and focuses its entry. */
void           pn_reader_view_focus_search       (PnReaderView  *self);

/* Whether, at a phone's width, Back would return within the reader (a
 * page to the list, an article's list to the documents); the window's
 * Back does it when told so, and the reader then shows no Back of its own
 * on a page. */
gboolean      pn_reader_view_can_go_back        (PnReaderView *self);
void          pn_reader_view_set_back_in_header (PnReaderView *self,
                                                 gboolean      back_in_header);

G_END_DECLS
