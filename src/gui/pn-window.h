/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"

G_BEGIN_DECLS

#define PN_TYPE_WINDOW (pn_window_get_type ())

G_DECLARE_FINAL_TYPE (PnWindow, pn_window, PN, WINDOW, AdwApplicationWindow)

PnWindow *pn_window_new       (PnApplication *application);
GtkWidget *pn_window_get_view (PnWindow      *self,
                               const char    *name);
void      pn_window_add_toast (PnWindow      *self,
                               AdwToast      *toast);
void      pn_window_add_saved_toast (PnWindow   *self,
                                     const char *name);

G_END_DECLS
