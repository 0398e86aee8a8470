/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assistant/pn-page.h"

G_BEGIN_DECLS

#define PN_TYPE_DEVICE_PAGE (pn_device_page_get_type ())

G_DECLARE_FINAL_TYPE (PnDevicePage, pn_device_page, PN, DEVICE_PAGE, PnPage)

G_END_DECLS
