/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"

G_BEGIN_DECLS

#define PN_TYPE_PROFILES_POPOVER (pn_profiles_popover_get_type ())

G_DECLARE_FINAL_TYPE (PnProfilesPopover, pn_profiles_popover, PN, PROFILES_POPOVER, GtkPopover)

/* Saves the current answers under a client name and lists the saved
 * profiles to open, rename or delete (after a confirmation).  Put it in a
 * GtkMenuButton; it re-reads the list each time it is shown. */
GtkWidget     *pn_profiles_popover_new             (PnApplication     *application);
PnApplication *pn_profiles_popover_get_application (PnProfilesPopover *self);
void           pn_profiles_popover_set_application (PnProfilesPopover *self,
                                                    PnApplication     *application);

/* Re-reads the saved profiles from the store. */
void           pn_profiles_popover_reload          (PnProfilesPopover *self);
/* The names the list shows, in order. */
GStrv          pn_profiles_popover_dup_names       (PnProfilesPopover *self);

/* What the popover's rows and buttons do, without the dialogs. */
gboolean       pn_profiles_popover_save            (PnProfilesPopover *self,
                                                    const char        *name,
                                                    GError           **error);
/* After a save from the entry: the entry emptied, a toast on the window. */
void           pn_profiles_popover_saved           (PnProfilesPopover *self,
                                                    const char        *name);
gboolean       pn_profiles_popover_open            (PnProfilesPopover *self,
                                                    const char        *name,
                                                    GError           **error);
gboolean       pn_profiles_popover_rename          (PnProfilesPopover *self,
                                                    const char        *old_name,
                                                    const char        *new_name,
                                                    GError           **error);
gboolean       pn_profiles_popover_delete          (PnProfilesPopover *self,
                                                    const char        *name,
                                                    GError           **error);

G_END_DECLS
