/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-impact.h"

G_BEGIN_DECLS

#define PN_TYPE_IMPACT_DIALOG (pn_impact_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PnImpactDialog, pn_impact_dialog, PN, IMPACT_DIALOG, AdwWindow)

/* What importing a document changes for every saved client, before it is
 * imported: each client's counted total before and after, and the
 * measures gained, lost or changed in amount (PnImpact).  Import (or
 * Replace) emits "response" with "import", Cancel with "cancel". */
GtkWidget   *pn_impact_dialog_new          (GtkWindow   *parent,
                                            PnImpact    *impact,
                                            PnDocument  *incoming,
                                            PnDocument  *replaced,
                                            guint        n_unreviewed);
/* What removing `removed` changes (Remove emits "response" with
 * "remove"); `restored` is the bundled document it had replaced, or NULL. */
GtkWidget   *pn_impact_dialog_new_for_removal (GtkWindow  *parent,
                                               PnImpact   *impact,
                                               PnDocument *removed,
                                               PnDocument *restored);
/* Each client's row (AdwExpanderRow): title the name, subtitle
 * "¥before → ¥after"; its changes as rows under it. */
guint        pn_impact_dialog_get_n_rows   (PnImpactDialog *self);
GtkWidget   *pn_impact_dialog_get_row      (PnImpactDialog *self,
                                            guint           position);
/* The line above the clients (what is imported, what it replaces, the
 * benefits not yet reviewed). */
const char  *pn_impact_dialog_get_summary  (PnImpactDialog *self);
/* As if a button was pressed. */
void         pn_impact_dialog_respond      (PnImpactDialog *self,
                                            const char     *response);

/* A sentence more under the summary: what the document replaces. */
void         pn_impact_dialog_add_summary (PnImpactDialog *self,
                                           const char     *text);

G_END_DECLS
