/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assistant/pn-page.h"

G_BEGIN_DECLS

#define PN_TYPE_MILESTONE_PAGE (pn_milestone_page_get_type ())

G_DECLARE_FINAL_TYPE (PnMilestonePage, pn_milestone_page, PN, MILESTONE_PAGE, PnPage)

G_END_DECLS
