/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assistant/pn-page.h"

G_BEGIN_DECLS

#define PN_TYPE_PRODUCT_PAGE (pn_product_page_get_type ())

G_DECLARE_FINAL_TYPE (PnProductPage, pn_product_page, PN, PRODUCT_PAGE, PnPage)

G_END_DECLS
