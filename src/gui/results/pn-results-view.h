/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-profile-view.h"
#include "pn-result.h"

G_BEGIN_DECLS

#define PN_TYPE_RESULTS_VIEW (pn_results_view_get_type ())

G_DECLARE_FINAL_TYPE (PnResultsView, pn_results_view, PN, RESULTS_VIEW, PnProfileView)

/* The estimate: the total of the counted measures, then the counted, the
 * possible and the not counted ones, and the detail of one of them.  It
 * runs the engine again whenever the profile changes.  "edit-answer"
 * asks for the page that asks a key (see pn_page_asks()). */
GtkWidget   *pn_results_view_new               (void);
PnProfile   *pn_results_view_get_profile       (PnResultsView *self);
void         pn_results_view_set_profile       (PnResultsView *self,
                                                PnProfile     *profile);
PnCorpus    *pn_results_view_get_corpus        (PnResultsView *self);
void         pn_results_view_set_corpus        (PnResultsView *self,
                                                PnCorpus      *corpus);
/* The results shown, or NULL. */
PnResults   *pn_results_view_get_results       (PnResultsView *self);
/* Opens the detail of a listed measure. */
gboolean     pn_results_view_show_measure      (PnResultsView *self,
                                                const char    *benefit_id);
/* Back from the detail to the list, when folded. */
void         pn_results_view_show_list         (PnResultsView *self);
/* The list from its top, the total, focused: for a fresh estimate. */
void         pn_results_view_show_summary      (PnResultsView *self);
/* The same for another client: its words filter nothing of the new one's */
void         pn_results_view_show_client       (PnResultsView *self);
/* Folded on a measure: its title (the window's header shows it, and its
 * Back goes to the list); NULL while the list is shown or side by side. */
const char  *pn_results_view_get_detail_title (PnResultsView *self);
/* How long the last engine run and rebuild took, in µs. */
gint64       pn_results_view_get_last_refresh_usec (PnResultsView *self);

G_END_DECLS
