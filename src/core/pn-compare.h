/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-json-writer.h"
#include "pn-result.h"

G_BEGIN_DECLS

/* One profile evaluated at 2–4 locations: each location's results are
 * exactly those of pn_engine_evaluate() for a copy of the profile with
 * that location.  Immutable. */

#define PN_COMPARE_ERROR (pn_compare_error_quark ())

typedef enum
{
  PN_COMPARE_ERROR_COUNT,      /* fewer than 2 or more than 4 locations */
  PN_COMPARE_ERROR_LOCATION,   /* not a location of the taxonomy */
  PN_COMPARE_ERROR_DUPLICATE,  /* the same location twice */
} PnCompareError;

#define PN_COMPARE_MIN_LOCATIONS 2
#define PN_COMPARE_MAX_LOCATIONS 4

#define PN_TYPE_COMPARE (pn_compare_get_type ())

typedef struct _PnCompare PnCompare;

GQuark        pn_compare_error_quark       (void);
GType         pn_compare_get_type          (void) G_GNUC_CONST;

/* `locations`: NULL-terminated location ids, in the order to show them. */
PnCompare    *pn_compare_new               (PnCorpus            *corpus,
                                            PnProfile           *profile,
                                            const char * const  *locations,
                                            GError             **error);
PnCompare    *pn_compare_ref               (PnCompare   *self);
void          pn_compare_unref             (PnCompare   *self);

guint         pn_compare_get_n_locations   (PnCompare   *self);
const char   *pn_compare_get_location      (PnCompare   *self,
                                            guint        position);
PnResults    *pn_compare_get_results       (PnCompare   *self,
                                            guint        position);
/* The position of the location with the highest counted total (the first
 * given on a tie). */
guint         pn_compare_get_best          (PnCompare   *self);
/* The counted total of one kind of benefit at one location. */
gint64        pn_compare_get_kind_total    (PnCompare     *self,
                                            guint          position,
                                            PnBenefitKind  kind,
                                            guint         *out_count);

/* {"locations":[…], "results":[`pnav match` JSON per location],
 *  "summary":{"locations":[{"location","total_estimate_cny",
 *  "total_high_cny" (null when unbounded),"counted_count"}…], "best_location" (the first on a tie),
 *  "best_locations" (all with the highest total), "by_kind":[{"kind","locations":
 *  [{"location","total_estimate_cny","counted_count"}…],
 *  "difference_cny","best_location"}…]}} */
JsonNode     *pn_compare_to_json           (PnCompare   *self);
/* The same, written into `out` as it goes (pn-json-writer.h): a tree of
 * three places' measures at 100,000 benefits took 1 GB */
void          pn_compare_write_json        (PnCompare   *self,
                                            GString     *out,
                                            gboolean     pretty,
                                            PnJsonFlush  flush,
                                            gpointer     user_data);
char         *pn_compare_to_text           (PnCompare   *self,
                                            PnLang       lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnCompare, pn_compare_unref)

G_END_DECLS
