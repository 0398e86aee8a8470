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
  PN_NOT_COUNTED_NONE,
  PN_NOT_COUNTED_DRAFT,
  PN_NOT_COUNTED_EXPIRED,
  PN_NOT_COUNTED_PENDING,
  PN_NOT_COUNTED_POSSIBLE,
  PN_NOT_COUNTED_MISSING_FIGURE,
  PN_NOT_COUNTED_THRESHOLD,
  PN_NOT_COUNTED_OVERLAP,
  PN_NOT_COUNTED_UNSPECIFIED,
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

/* for pn-engine only.  An evaluation lists its results as small entries:
 * the match, the state, and the amounts of those that may enter the total
 * (the total and the overlap groups need nothing else).  The whole
 * PnResult, with every amount and the text (missing, conditions,
 * derivation, notes, not_counted_reason), is written when
 * pn_results_get_result() or pn_results_find() first returns it: a
 * profile that answers only its location lists tens of thousands. */
typedef struct
{
  PnBenefit *benefit;
  gint64     estimate_cny;     /* when `priced`; PN_YUAN_UNSET otherwise */
  guint32    overlap_winner;   /* its position, for PN_NOT_COUNTED_OVERLAP */
  guint8     match;            /* PnMatch */
  guint8     status;           /* PnStatus */
  guint8     not_counted;      /* PnNotCounted */
  guint8     counted : 1;
  guint8     priced : 1;       /* the first pass computed estimate_cny */
} PnResultEntry;

PnResults   *_pn_results_new            (PnCorpus   *corpus,
                                         PnProfile  *profile);
/* what the engine keeps to write the results later, freed with them */
void         _pn_results_set_engine_data (PnResults     *self,
                                          gpointer       data,
                                          GDestroyNotify free_data);
gpointer     _pn_results_get_engine_data (PnResults     *self);
void         _pn_results_reserve        (PnResults  *self,
                                         guint       n);
/* valid until the next append */
PnResultEntry *_pn_results_append       (PnResults  *self,
                                         PnBenefit  *benefit);
PnResultEntry *_pn_results_peek         (PnResults  *self,
                                         guint       position);
void         _pn_results_set_total      (PnResults  *self,
                                         gint64      total);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnResults, pn_results_unref)

G_END_DECLS
