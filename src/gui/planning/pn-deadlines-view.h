/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-deadlines.h"
#include "pn-profile.h"
#include "pn-profile-view.h"

G_BEGIN_DECLS

#define PN_TYPE_DEADLINES_VIEW (pn_deadlines_view_get_type ())

G_DECLARE_FINAL_TYPE (PnDeadlinesView, pn_deadlines_view, PN, DEADLINES_VIEW, PnProfileView)

/* Measures ending within this many days of the as-of date are marked. */
#define PN_DEADLINES_VIEW_SOON_DAYS 90

GtkWidget   *pn_deadlines_view_new            (void);
PnProfile   *pn_deadlines_view_get_profile    (PnDeadlinesView *self);
void         pn_deadlines_view_set_profile    (PnDeadlinesView *self,
                                               PnProfile       *profile);
PnCorpus    *pn_deadlines_view_get_corpus     (PnDeadlinesView *self);
void         pn_deadlines_view_set_corpus     (PnDeadlinesView *self,
                                               PnCorpus        *corpus);

/* The core's deadlines for the profile's location, as-of date and the
 * chosen window, or NULL when there is no location yet. */
PnDeadlines *pn_deadlines_view_get_deadlines  (PnDeadlinesView *self);
/* How many of them are listed (fewer when only the project's measures
 * are shown). */
guint        pn_deadlines_view_get_n_shown    (PnDeadlinesView *self);

/* Writes the listed deadlines as iCalendar to `file`, replacing it in one
 * step, in a thread. */
void         pn_deadlines_view_export_async   (PnDeadlinesView     *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean     pn_deadlines_view_export_finish  (PnDeadlinesView     *self,
                                               GAsyncResult        *result,
                                               GError             **error);
/* What "Add to Calendar…" does once a file is chosen: exports, then says
 * so in a toast, or names the file and the reason in a dialog. */
void         pn_deadlines_view_save_calendar  (PnDeadlinesView     *self,
                                               GFile               *file);

G_END_DECLS
