/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-brief-pdf.h"

G_BEGIN_DECLS

/* For tests/core/test-brief.c: what pn_brief_pdf_draw_page() must agree
 * with, and what it costs. */

/* Draws page `page` by laying the brief out from its first block, as the
 * pagination does, instead of from the page's mark. */
void         _pn_brief_pdf_draw_page_from_start (PnBriefPdf *self,
                                                 cairo_t    *cr,
                                                 guint       page);
/* How many texts the last pagination or drawing laid out. */
guint        _pn_brief_pdf_get_n_layouts        (PnBriefPdf *self);

G_END_DECLS
