/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"

G_BEGIN_DECLS

void pn_brief_export (GtkWindow     *parent,
                      PnApplication *application);
void pn_brief_print  (GtkWindow     *parent,
                      PnApplication *application);

G_END_DECLS
