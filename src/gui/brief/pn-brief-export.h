/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"
#include "pn-brief-pdf.h"

G_BEGIN_DECLS

typedef enum
{
  PN_BRIEF_FORMAT_PDF,       /* A4, pn_brief_pdf_render() */
  PN_BRIEF_FORMAT_MARKDOWN,  /* pn_export_brief_markdown() */
  PN_BRIEF_FORMAT_CSV,       /* pn_export_results_csv(): UTF-8 with a BOM */
} PnBriefFormat;

/* The whole "Export Brief…" flow: the save dialog of
 * pn_brief_export_chooser_new(), then pn_brief_export_to_file(). */
void                  pn_brief_export                  (GtkWindow            *parent,
                                                        PnApplication        *application);
/* The whole "Print Brief…" flow: GTK's print dialog over
 * pn_brief_print_operation_new() in the UI language, errors in a dialog. */
void                  pn_brief_print                   (GtkWindow            *parent,
                                                        PnApplication        *application);

/* ".pdf", ".md", ".csv" */
const char           *pn_brief_format_get_extension    (PnBriefFormat         format);
/* The format a file name's extension names (.pdf, .md or .markdown, .csv;
 * any case); FALSE when it names none. */
gboolean              pn_brief_format_from_filename    (const char           *filename,
                                                        PnBriefFormat        *out_format);
/* "Acme Bio – policy brief 2026-12-06.pdf", "Policy brief 2026-12-06.pdf"
 * without a client name; `date` is YYYY-MM-DD, NULL for the date the
 * brief is as of (the profile's, else today). */
char                 *pn_brief_export_default_name     (PnProfile            *profile,
                                                        PnBriefFormat         format,
                                                        const char           *date);

/* The save dialog of pn_brief_export(), not shown: a filter per format
 * (each carries its format, see pn_brief_export_chooser_get_format()), the
 * choice "edition" ("en" / "zh", the UI language first) and the default
 * name for the application's profile. */
GtkFileChooserNative *pn_brief_export_chooser_new      (GtkWindow            *parent,
                                                        PnApplication        *application);
/* What the chooser's answer asks for: the file name's extension when it
 * names a format, else the chosen filter's format. */
PnBriefFormat         pn_brief_export_chooser_get_format (GtkFileChooser     *chooser,
                                                          GFile              *file);
PnLang                pn_brief_export_chooser_get_lang (GtkFileChooser       *chooser);

/* After the save dialog: a toast while the brief is written (on a
 * PnWindow), then a toast with "Open" on success (a message dialog when
 * `parent` is no PnWindow), or a message dialog naming the file and the
 * reason. */
void                  pn_brief_export_to_file          (GtkWindow            *parent,
                                                        PnApplication        *application,
                                                        GFile                *file,
                                                        PnBriefFormat         format,
                                                        PnLang                lang);

/* Evaluates the application's profile and makes its brief on this (the
 * main) thread, then renders and writes it in a GTask thread through
 * g_file_replace_contents(): an existing file is replaced in one step,
 * never left half-written.  Errors keep their G_IO_ERROR code, with a
 * message naming the file and the reason. */
void                  pn_brief_export_file_async       (PnApplication        *application,
                                                        GFile                *file,
                                                        PnBriefFormat         format,
                                                        PnLang                lang,
                                                        GCancellable         *cancellable,
                                                        GAsyncReadyCallback   callback,
                                                        gpointer              user_data);
gboolean              pn_brief_export_file_finish      (PnApplication        *application,
                                                        GAsyncResult         *result,
                                                        GError              **error);

/* A print operation of the brief of the application's profile as it is
 * now, not run: A4 by default, the job name "<client> — Policy brief",
 * pages laid out by pn_brief_pdf_paginate() in "begin-print" for the
 * chosen paper and drawn by pn_brief_pdf_draw_page(); an "Edition" tab in
 * the print dialog.  NULL when there is no corpus. */
GtkPrintOperation    *pn_brief_print_operation_new     (PnApplication        *application,
                                                        PnLang                lang,
                                                        GError              **error);
/* The layout of the last "begin-print" (NULL before), and its error (a
 * missing font, a paper too small) when it failed and cancelled. */
PnBriefPdf           *pn_brief_print_operation_get_pdf (GtkPrintOperation    *operation);
const GError         *pn_brief_print_operation_get_error (GtkPrintOperation  *operation);

G_END_DECLS
