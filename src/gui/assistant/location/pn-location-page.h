/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assistant/pn-page.h"

G_BEGIN_DECLS

#define PN_TYPE_LOCATION_PAGE (pn_location_page_get_type ())

G_DECLARE_FINAL_TYPE (PnLocationPage, pn_location_page, PN, LOCATION_PAGE, PnPage)

G_END_DECLS
