/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-result.h"

G_BEGIN_DECLS

/* What each milestone of a drug or device is worth at the profile's
 * location: the engine run once per milestone (each term of the "phase"
 * vocabulary, in its order) on a copy of the profile with the phase
 * replaced, the product made explicit and the stage's own figures put
 * over the profile's.  A stage is kept when some measure conditioned on
 * that milestone is listed.  Immutable. */

#define PN_PIPELINE_ERROR (pn_pipeline_error_quark ())

typedef enum
{
  PN_PIPELINE_ERROR_LOCATION,  /* the profile has no location */
  PN_PIPELINE_ERROR_PRODUCT,   /* not a drug or device profile */
  PN_PIPELINE_ERROR_PHASE,     /* a stage figure names an unknown phase */
} PnPipelineError;

/* A figure for one stage only, e.g. the R&D spent up to Phase I. */
typedef struct
{
  const char *phase;
  PnFigure    figure;
  gint64      yuan;
} PnPipelineFigure;

/* A figure the stage's milestone measures are computed from. */
typedef struct
{
  PnFigure  figure;
  gint64    given_cny;        /* used for the stage, or PN_YUAN_UNSET */
  gint64    for_ceiling_cny;  /* the least figure that gives the ceiling,
                                 the other figures being enough; unset
                                 when a rate has no cap; at least the
                                 figure given when more of it may give
                                 less (`falls`) */
  gboolean  falls;            /* more of it gives less (a top-up pays the
                                 difference over the award it tops up) */
} PnPipelineNeed;

typedef struct
{
  char       *phase;          /* vocabulary id */
  PnProfile  *profile;        /* as evaluated */
  PnResults  *results;
  GPtrArray  *milestones;     /* const PnResult *: conditioned on the phase */
  gint64      milestone_total_cny;   /* their counted estimates */
  guint       milestone_count;       /* how many are counted */
  /* The milestone total once every figure reaches for_ceiling_cny (caps,
   * fixed amounts, one per overlap group), or PN_YUAN_UNSET when some
   * rate has no cap. */
  gint64      ceiling_cny;
  GArray     *needs;          /* PnPipelineNeed */
} PnPipelineStage;

#define PN_TYPE_PIPELINE (pn_pipeline_get_type ())

typedef struct _PnPipeline PnPipeline;

GQuark        pn_pipeline_error_quark    (void);
GType         pn_pipeline_get_type       (void) G_GNUC_CONST;

PnPipeline   *pn_pipeline_new            (PnCorpus               *corpus,
                                          PnProfile              *profile,
                                          const PnPipelineFigure *figures,
                                          guint                   n_figures,
                                          GError                **error);
PnPipeline   *pn_pipeline_ref            (PnPipeline  *self);
void          pn_pipeline_unref          (PnPipeline  *self);

const char   *pn_pipeline_get_location   (PnPipeline  *self);
const char   *pn_pipeline_get_as_of      (PnPipeline  *self);
/* "drug" or "device" */
const char   *pn_pipeline_get_product    (PnPipeline  *self);
guint         pn_pipeline_get_n_stages   (PnPipeline  *self);
const PnPipelineStage *pn_pipeline_get_stage (PnPipeline *self,
                                              guint       position);
/* The whole pipeline: every milestone's counted estimates added up, what
 * their caps allow together (PN_YUAN_UNSET when some rate has no cap),
 * and the first end (YYYY-MM-DD) of a counted milestone measure, or NULL:
 * a milestone reached after it gets nothing from that measure. */
void          pn_pipeline_get_whole      (PnPipeline  *self,
                                          gint64      *out_total,
                                          gint64      *out_ceiling,
                                          const char **out_first_end);

/* {"location","as_of","product","stages":[{"phase","label":{"zh","en"},
 *  "total_estimate_cny","total_high_cny" (null when unbounded),"counted_count","milestone_estimate_cny",
 *  "milestone_counted_count","ceiling_cny","figures":[{"figure",
 *  "given_cny","for_ceiling_cny"}],"milestones":[`pnav match` entries]}]} */
JsonNode     *pn_pipeline_to_json        (PnPipeline  *self);
char         *pn_pipeline_to_text        (PnPipeline  *self,
                                          PnLang       lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnPipeline, pn_pipeline_unref)

G_END_DECLS
