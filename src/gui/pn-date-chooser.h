/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-profile.h"

G_BEGIN_DECLS

#define PN_TYPE_DATE_CHOOSER (pn_date_chooser_get_type ())

G_DECLARE_FINAL_TYPE (PnDateChooser, pn_date_chooser, PN, DATE_CHOOSER, GtkWidget)

/* A calendar and a Today button bound to the profile's as-of date; today
 * is stored as "no date" so that the profile stays current.  Without a
 * profile it edits its own "date" (YYYY-MM-DD, NULL for none): a date of
 * a policy document, say. */
GtkWidget   *pn_date_chooser_new          (void);
PnProfile   *pn_date_chooser_get_profile  (PnDateChooser *self);
void         pn_date_chooser_set_profile  (PnDateChooser *self,
                                           PnProfile     *profile);
/* Takes the typed date: TRUE when it is one (the profile has it now);
 * FALSE with an error under the field, which says that the results keep
 * the last valid date. */
gboolean     pn_date_chooser_commit       (PnDateChooser *self);
const char  *pn_date_chooser_get_date     (PnDateChooser *self);
void         pn_date_chooser_set_date     (PnDateChooser *self,
                                           const char    *date);
/* The error shown under the field, or NULL. */
const char  *pn_date_chooser_get_error    (PnDateChooser *self);

G_END_DECLS
