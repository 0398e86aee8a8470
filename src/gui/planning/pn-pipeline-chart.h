/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-pipeline.h"

G_BEGIN_DECLS

#define PN_TYPE_PIPELINE_CHART (pn_pipeline_chart_get_type ())

G_DECLARE_FINAL_TYPE (PnPipelineChart, pn_pipeline_chart, PN, PIPELINE_CHART, GtkWidget)

/* A bar per milestone of a pipeline: the counted estimate filled, the cap
 * outlined behind it (dashed to the edge when a rate has no cap).  Drawn,
 * not focusable: an image to assistive technologies, whose description
 * reads every stage's amounts. */
GtkWidget   *pn_pipeline_chart_new           (void);
PnPipeline  *pn_pipeline_chart_get_pipeline  (PnPipelineChart *self);
void         pn_pipeline_chart_set_pipeline  (PnPipelineChart *self,
                                              PnPipeline      *pipeline);

/* The short amount written on the chart: "¥12M", "¥7.5M", "¥500K" in
 * English, "1,200万元" in Chinese.  The table beside it shows full yuan. */
char        *pn_pipeline_chart_format_amount (gint64           yuan);

G_END_DECLS
