/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-compare.h"
#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-profile-view.h"

G_BEGIN_DECLS

#define PN_TYPE_COMPARE_VIEW (pn_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (PnCompareView, pn_compare_view, PN, COMPARE_VIEW, PnProfileView)

GtkWidget          *pn_compare_view_new            (void);
PnProfile          *pn_compare_view_get_profile    (PnCompareView      *self);
void                pn_compare_view_set_profile    (PnCompareView      *self,
                                                    PnProfile          *profile);
PnCorpus           *pn_compare_view_get_corpus     (PnCompareView      *self);
void                pn_compare_view_set_corpus     (PnCompareView      *self,
                                                    PnCorpus           *corpus);
/* The chosen location ids, NULL-terminated, in column order.  Until the
 * user chooses: the profile's location, then Xiamen, Jinjiang, Fuzhou. */
const char * const *pn_compare_view_get_locations  (PnCompareView      *self);
/* FALSE, changing nothing, unless 2 to 4 distinct known locations. */
gboolean            pn_compare_view_set_locations  (PnCompareView      *self,
                                                    const char * const *locations);
/* The comparison on screen, or NULL (nothing to compare, or not shown
 * since the profile changed). */
PnCompare          *pn_compare_view_get_compare    (PnCompareView      *self);

G_END_DECLS
