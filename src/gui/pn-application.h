/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-store.h"

G_BEGIN_DECLS

#define PN_TYPE_APPLICATION (pn_application_get_type ())

G_DECLARE_FINAL_TYPE (PnApplication, pn_application, PN, APPLICATION, AdwApplication)

PnApplication *pn_application_new              (void);
/* The store, opened at startup from $POLICY_NAVIGATOR_DB or the default
 * path; NULL when it could not be opened (see get_store_error). */
PnStore       *pn_application_get_store        (PnApplication *self);
const GError  *pn_application_get_store_error  (PnApplication *self);
/* The corpus as loaded from the store (NULL when the store failed). */
PnCorpus      *pn_application_get_corpus       (PnApplication *self);
/* Drops the cached corpus after an import, so views reload it. */
void           pn_application_reload_corpus    (PnApplication *self);
/* Reloads the corpus when another process changed the database since
 * the application last looked (a document imported with pnav while the
 * window was in the background); a window calls it when it becomes
 * active. */
void           pn_application_check_store      (PnApplication *self);
/* The one profile every view observes. */
PnProfile     *pn_application_get_profile      (PnApplication *self);
/* Whether the answers changed since they were last opened or saved
 * (pn-gui-profiles resets it); "notify::unsaved-changes". */
gboolean       pn_application_get_unsaved_changes (PnApplication *self);
void           pn_application_set_unsaved_changes (PnApplication *self,
                                                   gboolean       unsaved);

/* The user guide as HTML for the UI language, or NULL when not built. */
char          *pn_application_dup_help_html    (void);

G_END_DECLS
