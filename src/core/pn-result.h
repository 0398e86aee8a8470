/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pn-policy.h"
#include "pn-profile.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

typedef enum
{
  PN_CONDITION_MET,
  PN_CONDITION_UNKNOWN,   /* question unanswered */
  PN_CONDITION_REVIEW,    /* needs an expert review the data cannot decide */
  PN_CONDITION_UNMET,
} PnConditionState;

typedef struct
{
  PnQuestion        question;
  PnConditionState  state;
  const PnCondition *condition;
} PnConditionResult;

/* Why a listed benefit does not enter the total. */
typedef enum
{
  PN_NOT_COUNTED_NONE, /*< skip >*/
  PN_NOT_COUNTED_DRAFT,
  PN_NOT_COUNTED_EXPIRED,
  PN_NOT_COUNTED_PENDING,
  PN_NOT_COUNTED_POSSIBLE,
  PN_NOT_COUNTED_MISSING_FIGURE,
  PN_NOT_COUNTED_THRESHOLD,    /*< nick=threshold-not-met >*/
  PN_NOT_COUNTED_OVERLAP,
  PN_NOT_COUNTED_UNSPECIFIED,  /*< nick=amount-unspecified >*/
  PN_NOT_COUNTED_NON_MONETARY,
  PN_NOT_COUNTED_NOTHING_DUE,
} PnNotCounted;

typedef struct
{
  PnBenefit     *benefit;       /* owned by the corpus */
  PnMatch        match;
  GPtrArray     *missing;       /* char*: question ids, "requirement:ID" */
  GPtrArray     *conditions;    /* PnConditionResult */
  PnStatus       status;
  const char    *valid_from;    /* or NULL */
  const char    *valid_until;   /* or NULL */
  gint64         base_cny;      /* the figure used, or PN_YUAN_UNSET */
  gint64         threshold_cny; /* or PN_YUAN_UNSET */
  gint64         estimate_cny;  /* or PN_YUAN_UNSET */
  gint64         topped_up_cny; /* top-up: the award it tops up, or unset */
  gboolean       counted;
  PnNotCounted   not_counted;
  PnText         not_counted_reason;
  PnText         derivation;
  const PnBenefit *overlap_winner; /* for PN_NOT_COUNTED_OVERLAP */
  GPtrArray     *notes;         /* PnText: annual caps, staged payment */
} PnResult;

#define PN_TYPE_RESULTS (pn_results_get_type ())

typedef struct _PnResults PnResults;

GType        pn_results_get_type        (void) G_GNUC_CONST;
PnResults   *pn_results_ref             (PnResults  *self);
void         pn_results_unref           (PnResults  *self);
PnCorpus    *pn_results_get_corpus      (PnResults  *self);
const char  *pn_results_get_as_of       (PnResults  *self);
const char  *pn_results_get_location    (PnResults  *self);
guint        pn_results_get_n_results   (PnResults  *self);
const PnResult *pn_results_get_result   (PnResults  *self,
                                         guint       position);
/* The benefit at `position`, without writing its whole result. */
PnBenefit   *pn_results_get_benefit     (PnResults  *self,
                                         guint       position);
const PnResult *pn_results_find         (PnResults  *self,
                                         const char *benefit_id);
gint64       pn_results_get_total       (PnResults  *self);
guint        pn_results_get_n_counted   (PnResults  *self);

const char  *pn_not_counted_to_string   (PnNotCounted reason);
const char  *pn_condition_state_to_string (PnConditionState state);
/* What a possible match still needs, as a sentence fragment: "the drug
 * class, Listed on a capital market". */
char        *pn_result_describe_missing (const PnResult *result,
                                         PnLang          lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnResults, pn_results_unref)

G_END_DECLS
