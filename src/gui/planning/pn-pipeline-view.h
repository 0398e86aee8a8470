/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-profile-view.h"

G_BEGIN_DECLS

#define PN_TYPE_PIPELINE_VIEW (pn_pipeline_view_get_type ())

G_DECLARE_FINAL_TYPE (PnPipelineView, pn_pipeline_view, PN, PIPELINE_VIEW, PnProfileView)

/* What each milestone of the profile's drug or device is worth at its
 * location: a bar chart and a table of the same amounts, from
 * pn_pipeline_new().  Follows the profile's "changed" and the corpus. */
GtkWidget   *pn_pipeline_view_new          (void);
PnProfile   *pn_pipeline_view_get_profile  (PnPipelineView *self);
void         pn_pipeline_view_set_profile  (PnPipelineView *self,
                                            PnProfile      *profile);
PnCorpus    *pn_pipeline_view_get_corpus   (PnPipelineView *self);
void         pn_pipeline_view_set_corpus   (PnPipelineView *self,
                                            PnCorpus       *corpus);

G_END_DECLS
