/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-brief-export"

#include "config.h"

#include "pn-brief-export.h"

#include <glib/gi18n.h>

/* STUB: to be written (issue 7). */

void
pn_brief_export (GtkWindow     *parent,
                 PnApplication *application)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));
}

void
pn_brief_print (GtkWindow     *parent,
                PnApplication *application)
{
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));
}
