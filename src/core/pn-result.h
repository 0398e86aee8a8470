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
  PN_NOT_COUNTED_SUPERSEDED,
} PnNotCounted;

/* A reading of the benefit's sentence (PnReading) and what it gives. */
typedef struct
{
  const PnReading *reading;     /* owned by the benefit */
  gint64           estimate_cny; /* or PN_YUAN_UNSET */
  PnText           derivation;
} PnReadingResult;

/* One instalment of a staged payment. */
typedef struct
{
  double  share;
  gint64  cny;                  /* or PN_YUAN_UNSET when the estimate is */
  guint   year;                 /* 1, 2, 3 … after the award */
} PnStageResult;

typedef struct
{
  PnBenefit     *benefit;       /* owned by the corpus */
  PnMatch        match;
  GPtrArray     *missing;       /* char*: question ids, "requirement:ID",
                                 * "review:QUESTION", "unreviewed" */
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
  char          *superseded_by; /* the id of the document replacing it, or NULL */
  /* The most it can give for these answers if every open point goes the
   * applicant's way: missing answers and requirements met, a figure not
   * given at the value that reaches its cap or threshold, the most
   * favourable reading.  0 when it cannot give on the date (expired,
   * pending, a draft); PN_YUAN_UNSET when there is no upper bound (an
   * uncapped rate of a figure not given) or the text states no amount:
   * `high_reason` says which in words. */
  gint64         high_cny;
  gboolean       unbounded;     /* high_cny unset: no upper bound (else no amount) */
  PnText         high_reason;   /* empty unless high_cny is unset */
  GPtrArray     *readings;      /* PnReadingResult; empty when only one reading */
  GArray        *stages;        /* PnStageResult; empty unless staged */
} PnResult;

/* What would add most: one answer, figure or requirement that stands
 * between listed measures and their "up to" amounts. */
typedef enum
{
  PN_NEXT_STEP_ANSWER,          /*< nick=answer >*/
  PN_NEXT_STEP_FIGURE,          /*< nick=figure >*/
  PN_NEXT_STEP_REQUIREMENT,     /*< nick=requirement >*/
} PnNextStepKind;

typedef struct
{
  PnNextStepKind kind;
  char          *id;            /* a question id, figure id, requirement id,
                                 * "review:QUESTION" or "unreviewed" */
  PnText         text;          /* what it asks, as a founder reads it */
  gint64         adds_high_cny; /* what it may add to the "up to" total */
  GPtrArray     *benefits;      /* PnBenefit (owned by the corpus) it opens */
} PnNextStep;

/* What grouping and sorting a list of results need, without the text
 * pn_results_get_result() writes: each field has the value of the
 * PnResult's field of its name.  A place answered alone lists tens of
 * thousands of measures at 100,000 benefits; a view shows a page. */
typedef struct
{
  PnMatch        match;
  PnStatus       status;
  gboolean       counted;
  PnNotCounted   not_counted;
  gint64         estimate_cny;
  gint64         high_cny;
  gboolean       unbounded;
  const PnBenefit *overlap_winner;
} PnResultOutline;

#define PN_TYPE_RESULTS (pn_results_get_type ())

typedef struct _PnResults PnResults;

GType        pn_results_get_type        (void) G_GNUC_CONST;
PnResults   *pn_results_ref             (PnResults  *self);
void         pn_results_unref           (PnResults  *self);
PnCorpus    *pn_results_get_corpus      (PnResults  *self);
const char  *pn_results_get_as_of       (PnResults  *self);
const char  *pn_results_get_location    (PnResults  *self);
gint64          pn_results_get_figure      (PnResults      *self,
                                            PnFigure        figure);
guint        pn_results_get_n_results   (PnResults  *self);
const PnResult *pn_results_get_result   (PnResults  *self,
                                         guint       position);
/* The benefit at `position`, without writing its whole result. */
PnBenefit   *pn_results_get_benefit     (PnResults  *self,
                                         guint       position);
/* The outline of the result at `position`: cheap unless its amount was
 * not worked out yet (a measure that cannot count), which is then done
 * without the text. */
void         pn_results_get_outline     (PnResults  *self,
                                         guint       position,
                                         PnResultOutline *out);
const PnResult *pn_results_find         (PnResults  *self,
                                         const char *benefit_id);
gint64       pn_results_get_total       (PnResults  *self);
/* The most everything listed could give together on the date, overlap
 * groups, top-ups and annual caps respected; PN_YUAN_UNSET when some
 * measure has no upper bound. */
gint64       pn_results_get_total_high  (PnResults  *self);
/* The same of the measures that have an upper bound: what the others give
 * together beside those with none (pn_results_get_total_high() when every
 * one has a bound) */
gint64       pn_results_get_total_high_bounded (PnResults *self);
/* PnNextStep, what it adds first; worked out the first time it is asked
 * for (from any thread).  Transfer none. */
GPtrArray   *pn_results_get_next_steps  (PnResults  *self);
guint        pn_results_get_n_counted   (PnResults  *self);

const char  *pn_not_counted_to_string   (PnNotCounted reason);
const char  *pn_next_step_kind_to_string (PnNextStepKind kind);
const char  *pn_condition_state_to_string (PnConditionState state);
/* What a possible match still needs, as a sentence fragment: "the drug
 * class, Listed on a capital market". */
/* What an unanswered question asks, as it reads after "still needs":
 * "the drug class", "药品类别". */
const char  *pn_question_describe       (PnQuestion      question,
                                         PnLang          lang);
char        *pn_result_describe_missing (const PnResult *result,
                                         PnLang          lang);
char        *pn_result_describe_missing_in (const PnResult *result,
                                            PnTaxonomy     *taxonomy,
                                            PnLang          lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnResults, pn_results_unref)

G_END_DECLS
