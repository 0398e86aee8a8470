/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-corpus.h"
#include "pn-corpus-private.h"
#include "pn-date.h"
#include "pn-derivation.h"
#include "pn-profile.h"
#include "pn-result.h"

G_BEGIN_DECLS

/* The engine's arithmetic (pn-worth.c), shared by pn-engine.c only.
 *
 * Facts are what an evaluation reads of the profile, once: the effective
 * answers (as strings and quarks), the as-of day and the figures.  The
 * figures may be the profile's, or the favourable ones the "up to"
 * figures are computed with (every figure not given at the value that
 * reaches the caps and thresholds that use it). */
typedef struct
{
  PnCorpus    *corpus;
  PnTaxonomy  *taxonomy;
  PnProfile   *profile;
  const char  *as_of;
  guint32      as_of_day;                /* YYYYMMDD */
  const char  *answers[PN_N_QUESTIONS];
  GQuark       quarks[PN_N_QUESTIONS];
  guint32      answered;                 /* 1 << PnQuestion of each answer */
  gint64       figures[PN_N_FIGURES];    /* PN_YUAN_UNSET: not given */
  guint32      given;                    /* 1 << PnFigure of each figure given */
  GHashTable  *superseded;               /* pn_corpus_get_superseded(), or NULL */
} PnFacts;

void         pn_facts_init               (PnFacts      *facts,
                                          PnCorpus     *corpus,
                                          PnProfile    *profile,
                                          const char   *as_of);
/* Whether the 0-terminated `quarks` (may be NULL) hold `quark` */
gboolean     _pn_quark_in                (const GQuark  *quarks,
                                          GQuark         quark);
PnConditionState pn_facts_condition_state (const PnFacts     *facts,
                                           const PnCondition *condition);
/* FALSE when a given answer contradicts a condition; else counts in
 * *out_open (may be NULL) what is still open: unanswered, for review. */
gboolean     pn_facts_check_conditions   (const PnFacts *facts,
                                          PnBenefit     *benefit,
                                          guint         *out_open);
/* The same over the block _pn_conditions_compile() made of its conditions */
gboolean     pn_facts_check_compiled     (const PnFacts *facts,
                                          const guint32 *compiled,
                                          guint         *out_open);
PnStatus     pn_facts_status             (const PnFacts *facts,
                                          PnBenefit     *benefit);
/* The same from what decides it: the replacement in force on the as-of
 * day (or NULL), whether the document is a draft, and the validity as
 * day keys (pn_day_key(), 0 and G_MAXUINT32 when open). */
PnStatus     pn_facts_status_at          (const PnFacts        *facts,
                                          const PnSupersededBy *by,
                                          gboolean              draft,
                                          guint32               from_day,
                                          guint32               until_day);
/* The final document replacing the benefit's from a day on or before
 * the as-of date, or NULL. */
const PnSupersededBy *pn_facts_superseded_by (const PnFacts *facts,
                                              PnBenefit     *benefit);

/* How a sentence is read: NULL, or one of the benefit's readings (only
 * the point it reads differently applies). */
typedef struct
{
  gboolean  keep_lapsed_target;  /* a top-up whose target is not in force
                                  * does not deduct it */
} PnWorthReading;

/* What one benefit is worth for the facts' figures, before statuses and
 * overlaps are considered. */
typedef struct
{
  gint64        estimate;        /* PN_YUAN_UNSET when a figure is missing */
  gint64        base;
  gint64        threshold;
  gint64        topped_up;
  PnNotCounted  problem;         /* MISSING_FIGURE, THRESHOLD, UNSPECIFIED, NON_MONETARY */
  PnFigure      missing_figure;
  GArray       *steps;           /* PnDerivationStep, when asked for */
} PnWorth;

/* `with_steps`: record the derivation (the text is written later, by
 * pn-derivation, only for results that are read). */
void         pn_worth_compute            (const PnFacts        *facts,
                                          PnBenefit            *benefit,
                                          const PnWorthReading *reading,
                                          gboolean              with_steps,
                                          PnWorth              *worth);
void         pn_worth_clear              (PnWorth              *worth);

/* The favourable figures for `benefits` (PnBenefit): each figure the
 * facts do not give set to the least value that reaches every cap and
 * threshold of these benefits that uses it; G_MAXINT64 when one of them is
 * an uncapped rate of it, which then has no upper bound. */
void         pn_facts_favourable         (const PnFacts *facts,
                                          PnBenefit    **benefits,
                                          guint          n_benefits,
                                          PnFacts       *out_favourable);
/* Whether the benefit is a rate of a figure the facts do not give,
 * with no cap: it has no upper bound. */
gboolean     pn_facts_unbounded          (const PnFacts *facts,
                                          PnBenefit     *benefit);

G_END_DECLS
