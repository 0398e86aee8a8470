/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assistant/pn-page.h"

G_BEGIN_DECLS

#define PN_TYPE_DATE_PAGE (pn_date_page_get_type ())

G_DECLARE_FINAL_TYPE (PnDatePage, pn_date_page, PN, DATE_PAGE, PnPage)

G_END_DECLS
