/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PN_TYPE_APPLICATION (pn_application_get_type ())

G_DECLARE_FINAL_TYPE (PnApplication, pn_application, PN, APPLICATION, AdwApplication)

PnApplication *pn_application_new (void);

G_END_DECLS
