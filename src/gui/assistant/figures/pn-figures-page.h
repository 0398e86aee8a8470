/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assistant/pn-page.h"

G_BEGIN_DECLS

#define PN_TYPE_FIGURES_PAGE (pn_figures_page_get_type ())

G_DECLARE_FINAL_TYPE (PnFiguresPage, pn_figures_page, PN, FIGURES_PAGE, PnPage)

G_END_DECLS
