/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "pn-brief.h"

G_BEGIN_DECLS

/* Lays a PnBrief out on pages with cairo and Pango (no GTK): title,
 * running header, page numbers, headings, tables whose header repeats on
 * each page and rows that end within 12 months shaded.  Chinese text is
 * set in Noto Sans CJK SC with the language zh-cn, so that glyphs take
 * their Simplified Chinese shapes.
 *
 * For a PDF file, pn_brief_pdf_render().  To print (GtkPrintOperation
 * with gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) and
 * set_use_full_page (op, TRUE)): pn_brief_pdf_paginate() in "begin-print"
 * with the print context's cairo context and page size, set the number of
 * pages, then pn_brief_pdf_draw_page() in "draw-page".  The margins are
 * the brief's own. */

#define PN_BRIEF_PDF_ERROR (pn_brief_pdf_error_quark ())

typedef enum
{
  PN_BRIEF_PDF_ERROR_FONT,    /* no installed font has a glyph for some text */
  PN_BRIEF_PDF_ERROR_CAIRO,   /* cairo could not make the document */
} PnBriefPdfError;

/* ISO A4, in points */
#define PN_BRIEF_PDF_A4_WIDTH  595.2756
#define PN_BRIEF_PDF_A4_HEIGHT 841.8898

#define PN_TYPE_BRIEF_PDF (pn_brief_pdf_get_type ())

G_DECLARE_FINAL_TYPE (PnBriefPdf, pn_brief_pdf, PN, BRIEF_PDF, GObject)

GQuark       pn_brief_pdf_error_quark  (void);

PnBriefPdf  *pn_brief_pdf_new          (PnBrief     *brief);
PnBrief     *pn_brief_pdf_get_brief    (PnBriefPdf  *self);
/* Lays the brief out on pages `width` × `height` points big, for drawing
 * on `cr` (whose user units are points); returns the number of pages, or
 * 0 and PN_BRIEF_PDF_ERROR_FONT when some character has no font. */
guint        pn_brief_pdf_paginate     (PnBriefPdf  *self,
                                        cairo_t     *cr,
                                        double       width,
                                        double       height,
                                        GError     **error);
guint        pn_brief_pdf_get_n_pages  (PnBriefPdf  *self);
/* Draws page `page` (from 0) of the last pagination on `cr`. */
void         pn_brief_pdf_draw_page    (PnBriefPdf  *self,
                                        cairo_t     *cr,
                                        guint        page);

/* The whole brief as an A4 PDF document, fonts embedded. */
GBytes      *pn_brief_pdf_render       (PnBrief     *brief,
                                        GError     **error);

G_END_DECLS
