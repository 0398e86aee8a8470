/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "assistant/pn-page.h"

G_BEGIN_DECLS

#define PN_TYPE_DRUG_PAGE (pn_drug_page_get_type ())

G_DECLARE_FINAL_TYPE (PnDrugPage, pn_drug_page, PN, DRUG_PAGE, PnPage)

G_END_DECLS
