/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-application.h"

G_BEGIN_DECLS

/* Saved client profiles, between the store and the application's one
 * PnProfile.  Errors carry messages fit for the user. */

/* Names, sorted. */
GStrv     pn_gui_list_profiles        (PnApplication  *application,
                                       GError        **error);
/* Saves the application's profile under `name` (it then bears that name). */
gboolean  pn_gui_save_profile         (PnApplication  *application,
                                       const char     *name,
                                       GError        **error);
/* Copies the saved answers, figures, location and as-of date into the
 * application's profile and remembers `name` in GSettings "last-profile". */
gboolean  pn_gui_open_profile         (PnApplication  *application,
                                       const char     *name,
                                       GError        **error);
/* No client open and no answers: a new client, not yet saved. */
void      pn_gui_new_client           (PnApplication  *application);
/* The answers cleared; the open client (if any) stays open. */
void      pn_gui_start_over           (PnApplication  *application);
gboolean  pn_gui_rename_profile       (PnApplication  *application,
                                       const char     *old_name,
                                       const char     *new_name,
                                       GError        **error);
gboolean  pn_gui_delete_profile       (PnApplication  *application,
                                       const char     *name,
                                       GError        **error);
/* Opens the profile named by "last-profile", if any.  TRUE when one was
 * opened; FALSE with no error when there was none to open (an unset key,
 * or a profile deleted since, which also clears the key). */
gboolean  pn_gui_restore_last_profile (PnApplication  *application,
                                       GError        **error);

G_END_DECLS
