/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"

G_BEGIN_DECLS

/* The whole "Remove Document…" flow for a document the user imported:
 * what the removal changes for each saved client (worked out in a
 * thread), Remove or Cancel, then the removal (in a thread) and a toast
 * in `parent`'s window, or the error in a message dialog. */
void        pn_gui_remove_document     (GtkWindow     *parent,
                                        PnApplication *application,
                                        const char    *document_id);

G_END_DECLS
