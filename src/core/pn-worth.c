/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-engine"

#include "config.h"

#include "pn-worth-private.h"
#include "pn-policy-private.h"
#include "pn-money.h"

/* The arithmetic of one benefit: thresholds, then a fixed award, a rate
 * of a figure (capped, limited) or a top-up, each a function of its own
 * that records its steps.  No text here: pn-derivation writes the steps. */

/* ---- facts ---- */

void
pn_facts_init (PnFacts    *facts,
               PnCorpus   *corpus,
               PnProfile  *profile,
               const char *as_of)
{
  facts->corpus = corpus;
  facts->answered = 0;
  facts->taxonomy = pn_corpus_get_taxonomy (corpus);
  facts->profile = profile;
  facts->as_of = as_of;
  facts->as_of_day = pn_day_key (as_of, 0);
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    {
      facts->answers[q] = pn_profile_get_effective_answer (profile, q);
      /* the candidates are read after this: their conditions' quarks may
       * not exist yet.  An answer the taxonomy does not know is no quark
       * unless a condition made it one, and then meets no condition (0 is
       * in no list). */
      facts->quarks[q] = facts->answers[q] ? _pn_answer_quark (facts->taxonomy, q, facts->answers[q]) : 0;
      if (facts->answers[q] != NULL)
        facts->answered |= 1u << q;
    }
  facts->given = 0;
  for (guint f = 0; f < PN_N_FIGURES; f++)
    {
      facts->figures[f] = pn_profile_get_figure (profile, f);
      if (facts->figures[f] != PN_YUAN_UNSET)
        facts->given |= 1u << f;
    }
}

gboolean
_pn_quark_in (const GQuark *quarks,
              GQuark        quark)
{
  if (quarks == NULL || quark == 0)
    return FALSE;
  for (; *quarks != 0; quarks++)
    if (*quarks == quark)
      return TRUE;
  return FALSE;
}

PnConditionState
pn_facts_condition_state (const PnFacts     *facts,
                          const PnCondition *condition)
{
  PnQuestion question = condition->question;

  if (facts->answers[question] == NULL)
    return condition->asks_nothing ? PN_CONDITION_MET : PN_CONDITION_UNKNOWN;
  if (_pn_quark_in (condition->value_quarks, facts->quarks[question]))
    return PN_CONDITION_MET;
  if (_pn_quark_in (condition->review_quarks, facts->quarks[question]))
    return PN_CONDITION_REVIEW;
  return PN_CONDITION_UNMET;
}

gboolean
pn_facts_check_conditions (const PnFacts *facts,
                           PnBenefit     *benefit,
                           guint         *out_open)
{
  guint open = 0;

  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      PnConditionState state = pn_facts_condition_state (facts, g_ptr_array_index (benefit->conditions, i));

      if (state == PN_CONDITION_UNMET)
        return FALSE;
      if (state != PN_CONDITION_MET)
        open++;
    }

  if (out_open != NULL)
    *out_open = open;
  return TRUE;
}

static gboolean
quark_among (const guint32 *quarks,
             guint          n,
             GQuark         quark)
{
  for (guint i = 0; i < n; i++)
    if (quarks[i] == quark)
      return TRUE;
  return FALSE;
}

gboolean
pn_facts_check_compiled (const PnFacts *facts,
                         const guint32 *compiled,
                         guint         *out_open)
{
  const guint32 *p = compiled + 1;
  guint open = 0;

  for (guint i = 0; i < compiled[0]; i++)
    {
      PnQuestion question = p[0] & PN_COMPILED_QUESTION;
      gboolean asks_nothing = (p[0] & PN_COMPILED_ASKS_NOTHING) != 0;
      const guint32 *values = p + 3;
      const guint32 *review = values + p[1];
      GQuark answer = facts->quarks[question];

      p = review + p[2];
      /* as pn_facts_condition_state () */
      if (facts->answers[question] == NULL)
        {
          if (!asks_nothing)
            open++;
        }
      else if (quark_among (values, review - values, answer))
        continue;
      else if (quark_among (review, p - review, answer))
        open++;
      else
        return FALSE;
    }

  if (out_open != NULL)
    *out_open = open;
  return TRUE;
}

const PnSupersededBy *
pn_facts_superseded_by (const PnFacts *facts,
                        PnBenefit     *benefit)
{
  const PnSupersededBy *by;

  if (facts->superseded == NULL)
    return NULL;
  by = g_hash_table_lookup (facts->superseded, benefit->document->id);
  if (by == NULL || facts->as_of_day < pn_day_key (by->from, G_MAXUINT32))
    return NULL;
  return by;
}

PnStatus
pn_facts_status_at (const PnFacts        *facts,
                    const PnSupersededBy *by,
                    gboolean              draft,
                    guint32               from_day,
                    guint32               until_day)
{
  /* replaced, from a day before the as-of date: whatever the document
   * itself says of its validity, a newer one now applies */
  if (by != NULL)
    return PN_STATUS_SUPERSEDED;
  if (draft)
    return PN_STATUS_DRAFT;
  if (facts->as_of_day < from_day)
    return PN_STATUS_PENDING;
  if (facts->as_of_day > until_day)
    return PN_STATUS_EXPIRED;
  return PN_STATUS_IN_FORCE;
}

PnStatus
pn_facts_status (const PnFacts *facts,
                 PnBenefit     *benefit)
{
  const char *from;
  const char *until;

  pn_benefit_get_validity (benefit, &from, &until);
  return pn_facts_status_at (facts, pn_facts_superseded_by (facts, benefit), benefit->document->draft,
                             pn_day_key (from, 0), pn_day_key (until, G_MAXUINT32));
}

/* ---- favourable figures ---- */

/* rate × value, floored to the yuan; rates have at most four decimals */
static gint64
apply_rate (double rate,
            gint64 value)
{
  gint64 basis_points = (gint64) (rate * 10000.0 + 0.5);

  if (value > G_MAXINT64 / 10001)
    return (gint64) MIN ((double) value * basis_points / 10000.0, (double) G_MAXINT64);
  return value * basis_points / 10000;
}

/* The least figure whose rate reaches the cap. */
static gint64
figure_for_cap (double rate,
                gint64 cap)
{
  gint64 basis_points = (gint64) (rate * 10000.0 + 0.5);

  if (basis_points <= 0)
    return 0;
  if (cap > G_MAXINT64 / 10000)
    return G_MAXINT64;
  return (cap * 10000 + basis_points - 1) / basis_points;
}

static void
need (gint64   *figures,
      PnFigure  figure,
      gint64    value)
{
  if (figure != PN_FIGURE_NONE && figures[figure] != PN_YUAN_UNSET)
    figures[figure] = MAX (figures[figure], value);
}

gboolean
pn_facts_unbounded (const PnFacts *facts,
                    PnBenefit     *benefit)
{
  return benefit->base != PN_FIGURE_NONE && benefit->rate > 0 &&
         benefit->cap == PN_YUAN_UNSET && facts->figures[benefit->base] == PN_YUAN_UNSET &&
         benefit->kind != PN_BENEFIT_FIXED && benefit->kind != PN_BENEFIT_UNSPECIFIED &&
         benefit->kind != PN_BENEFIT_NON_MONETARY &&
         /* "资助总金额不超过项目总投入", the total given: bounded by it */
         (benefit->combined_limit == PN_FIGURE_NONE || facts->figures[benefit->combined_limit] == PN_YUAN_UNSET);
}

void
pn_facts_favourable (const PnFacts  *facts,
                     PnBenefit     **benefits,
                     guint           n_benefits,
                     PnFacts        *out)
{
  gint64 needed[PN_N_FIGURES];

  *out = *facts;
  /* 0 marks a figure not given, whose need is yet to be found */
  for (guint f = 0; f < PN_N_FIGURES; f++)
    needed[f] = facts->figures[f] == PN_YUAN_UNSET ? 0 : PN_YUAN_UNSET;

  for (guint i = 0; i < n_benefits; i++)
    {
      PnBenefit *benefit = benefits[i];

      for (guint t = 0; t < benefit->thresholds->len; t++)
        {
          const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, t);

          need (needed, threshold->figure,
                threshold->inclusive ? threshold->min : pn_money_sum (threshold->min, 1));
        }
      if (benefit->base != PN_FIGURE_NONE && benefit->rate > 0)
        {
          gint64 want = benefit->cap != PN_YUAN_UNSET ? figure_for_cap (benefit->rate, benefit->cap) : G_MAXINT64;

          /* the award and its base together within a given limit ("1:1
           * 配套…资助总金额不超过项目总投入"): the base that gives most is the
           * limit ÷ (1 + rate), past it the award shrinks */
          if (benefit->combined_limit != PN_FIGURE_NONE && benefit->combined_limit != benefit->base &&
              facts->figures[benefit->combined_limit] != PN_YUAN_UNSET)
            want = MIN (want, (gint64) ((double) facts->figures[benefit->combined_limit] / (1.0 + benefit->rate)));
          need (needed, benefit->base, MAX (want, 1));
        }
    }

  for (guint f = 0; f < PN_N_FIGURES; f++)
    if (needed[f] != PN_YUAN_UNSET && needed[f] > 0)
      out->figures[f] = needed[f];
}

/* ---- the arithmetic ---- */

static void
step (PnWorth          *worth,
      PnDerivationKind  kind,
      PnFigure          figure,
      gint64            value,
      gint64            amount,
      gint64            result)
{
  PnDerivationStep s = { kind, figure, PN_FIGURE_NONE, value, amount, result, 0, FALSE, NULL };

  if (worth->steps != NULL)
    g_array_append_val (worth->steps, s);
}

static PnDerivationStep *
last_step (PnWorth *worth)
{
  if (worth->steps == NULL || worth->steps->len == 0)
    return NULL;
  return &g_array_index (worth->steps, PnDerivationStep, worth->steps->len - 1);
}

/* Thresholds first: an award is due only once they are met.  FALSE when
 * one is not, or its figure is missing: the worth is then final. */
static gboolean
worth_thresholds (const PnFacts *facts,
                  PnBenefit     *benefit,
                  PnWorth       *worth)
{
  for (guint i = 0; i < benefit->thresholds->len; i++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, i);
      gint64 value = facts->figures[threshold->figure];
      gboolean met = value != PN_YUAN_UNSET &&
                     (threshold->inclusive ? value >= threshold->min : value > threshold->min);
      PnDerivationKind kind = value == PN_YUAN_UNSET ? PN_DERIVATION_THRESHOLD_MISSING
                            : met ? PN_DERIVATION_THRESHOLD_MET : PN_DERIVATION_THRESHOLD_BELOW;
      PnDerivationStep *s;

      worth->threshold = threshold->min;
      step (worth, kind, threshold->figure, value, threshold->min, PN_YUAN_UNSET);
      if ((s = last_step (worth)) != NULL)
        s->inclusive = threshold->inclusive;

      if (value == PN_YUAN_UNSET)
        {
          worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
          worth->missing_figure = threshold->figure;
          return FALSE;
        }
      if (!met)
        {
          worth->problem = PN_NOT_COUNTED_THRESHOLD;
          worth->estimate = 0;
          return FALSE;
        }
    }

  return TRUE;
}

static void
worth_fixed (PnBenefit *benefit,
             PnWorth   *worth)
{
  gint64 amount = benefit->amount != PN_YUAN_UNSET ? benefit->amount : benefit->cap;

  if (amount == PN_YUAN_UNSET)
    {
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      step (worth, PN_DERIVATION_NO_AMOUNT, PN_FIGURE_NONE, PN_YUAN_UNSET, PN_YUAN_UNSET, PN_YUAN_UNSET);
      return;
    }

  worth->estimate = amount;
  /* the data's way of saying 最高 (up to): the amount is the cap */
  step (worth, benefit->cap != PN_YUAN_UNSET && benefit->cap <= amount
               ? PN_DERIVATION_UP_TO : PN_DERIVATION_FIXED,
        PN_FIGURE_NONE, PN_YUAN_UNSET, amount, PN_YUAN_UNSET);
}

/* A combined limit: the award and `value` together may not exceed the
 * limit figure (national funding plus local funding ≤ total investment). */
static gint64
worth_limit (const PnFacts *facts,
             PnBenefit     *benefit,
             gint64         value,
             gint64         estimate,
             PnWorth       *worth)
{
  gint64 limit = facts->figures[benefit->combined_limit];
  PnDerivationStep *s;
  gint64 room;

  if (limit == PN_YUAN_UNSET)
    {
      step (worth, PN_DERIVATION_LIMIT_MISSING, benefit->base, PN_YUAN_UNSET, PN_YUAN_UNSET, PN_YUAN_UNSET);
      if ((s = last_step (worth)) != NULL)
        s->other = benefit->combined_limit;
      return estimate;
    }

  room = MAX (0, limit - value);
  step (worth, PN_DERIVATION_LIMIT, benefit->base, value, limit, room);
  if ((s = last_step (worth)) != NULL)
    s->other = benefit->combined_limit;
  return MIN (estimate, room);
}

static void
worth_rate (const PnFacts *facts,
            PnBenefit     *benefit,
            PnWorth       *worth)
{
  gint64 value = facts->figures[benefit->base];
  double rate = benefit->rate >= 0 ? benefit->rate : 0;
  PnDerivationStep *s;
  gint64 uncapped;
  gint64 estimate;

  if (value == PN_YUAN_UNSET)
    {
      worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
      worth->missing_figure = benefit->base;
      step (worth, PN_DERIVATION_BASE_MISSING, benefit->base, PN_YUAN_UNSET, benefit->cap, PN_YUAN_UNSET);
      return;
    }

  worth->base = value;
  uncapped = apply_rate (rate, value);
  estimate = uncapped;
  step (worth, benefit->rate_ceiling ? PN_DERIVATION_RATE_UP_TO : PN_DERIVATION_RATE,
        benefit->base, value, PN_YUAN_UNSET, uncapped);
  if ((s = last_step (worth)) != NULL)
    s->rate = rate;

  if (benefit->cap != PN_YUAN_UNSET)
    {
      step (worth, uncapped > benefit->cap ? PN_DERIVATION_CAPPED
                 : uncapped == benefit->cap ? PN_DERIVATION_CAP_REACHED
                 : PN_DERIVATION_CAP_NOT_REACHED,
            PN_FIGURE_NONE, PN_YUAN_UNSET, benefit->cap, uncapped);
      estimate = MIN (estimate, benefit->cap);
    }

  if (benefit->combined_limit != PN_FIGURE_NONE)
    estimate = worth_limit (facts, benefit, value, estimate, worth);

  worth->estimate = estimate;
}

/* The most a top-up's target gives for the same facts: 0 when the
 * answers contradict it, unset when a figure is missing.  A target that is
 * not in force on the as-of date (the province's 2022—2025 task list in
 * 2026) is deducted all the same: "在省级奖励的基础上配套补足到40%" adds
 * the difference over the provincial award, it does not take its place.
 * Only a draft, never in force, is not deducted. */
static void compute (const PnFacts        *facts,
                     PnBenefit            *benefit,
                     const PnWorthReading *reading,
                     guint                 depth,
                     PnWorth              *worth);

static gint64
target_award (const PnFacts  *facts,
              PnBenefit      *benefit,
              guint           depth,
              PnBenefit     **out_target,
              gboolean       *out_stored)
{
  gint64 best = 0;
  gboolean unknown = FALSE;

  *out_target = NULL;
  *out_stored = FALSE;

  for (guint i = 0; benefit->tops_up && benefit->tops_up[i]; i++)
    {
      /* read with the candidates (_pn_corpus_get_candidates): no error now */
      PnBenefit *target = pn_corpus_find_benefit (facts->corpus, benefit->tops_up[i], NULL);
      PnWorth worth = { 0, };

      if (target != NULL && target != benefit)
        *out_stored = TRUE;
      if (target == NULL || target == benefit || target->document->draft ||
          !pn_facts_check_conditions (facts, target, NULL))
        continue;

      compute (facts, target, NULL, depth + 1, &worth);
      if (worth.estimate == PN_YUAN_UNSET && worth.problem == PN_NOT_COUNTED_MISSING_FIGURE)
        unknown = TRUE;
      else if (worth.estimate != PN_YUAN_UNSET && worth.estimate >= best)
        {
          best = worth.estimate;
          *out_target = target;
        }
    }

  return unknown ? PN_YUAN_UNSET : best;
}

static void
worth_top_up (const PnFacts        *facts,
              PnBenefit            *benefit,
              const PnWorthReading *reading,
              guint                 depth,
              PnWorth              *worth)
{
  PnBenefit *target = NULL;
  gboolean stored = FALSE;
  gint64 award = target_award (facts, benefit, depth, &target, &stored);
  gboolean lapsed = target != NULL && pn_facts_status (facts, target) != PN_STATUS_IN_FORCE;
  PnDerivationKind kind;
  gint64 difference;
  PnDerivationStep *s;

  if (award == PN_YUAN_UNSET)
    {
      worth->estimate = PN_YUAN_UNSET;
      worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
      step (worth, PN_DERIVATION_TARGET_MISSING, PN_FIGURE_NONE, PN_YUAN_UNSET, PN_YUAN_UNSET, PN_YUAN_UNSET);
      return;
    }

  /* "在省级奖励的基础上补足到45%" over a province no stored document is
   * of: what the province gave is not known, so neither is what the
   * top-up adds.  Counted in full it would promise the province's share
   * twice. */
  if (!stored)
    {
      worth->estimate = PN_YUAN_UNSET;
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      step (worth, PN_DERIVATION_TARGET_UNKNOWN, PN_FIGURE_NONE, PN_YUAN_UNSET, PN_YUAN_UNSET, PN_YUAN_UNSET);
      return;
    }

  if (lapsed && reading != NULL && reading->keep_lapsed_target)
    {
      /* the other reading: a target no longer paid is not deducted */
      kind = PN_DERIVATION_LAPSED_KEPT;
      difference = worth->estimate;
      worth->topped_up = 0;
    }
  else
    {
      kind = target == NULL ? PN_DERIVATION_NO_TARGET
           : lapsed ? PN_DERIVATION_MINUS_LAPSED : PN_DERIVATION_MINUS_TARGET;
      difference = MAX (0, worth->estimate - award);
      worth->topped_up = award;
    }

  worth->estimate = difference;
  step (worth, kind, PN_FIGURE_NONE, PN_YUAN_UNSET, award, difference);
  if ((s = last_step (worth)) != NULL)
    s->target = target;
}

static void
compute (const PnFacts        *facts,
         PnBenefit            *benefit,
         const PnWorthReading *reading,
         guint                 depth,
         PnWorth              *worth)
{
  worth->estimate = PN_YUAN_UNSET;
  worth->base = PN_YUAN_UNSET;
  worth->threshold = PN_YUAN_UNSET;
  worth->topped_up = PN_YUAN_UNSET;
  worth->problem = PN_NOT_COUNTED_NONE;
  worth->missing_figure = PN_FIGURE_NONE;

  if (benefit->kind == PN_BENEFIT_NON_MONETARY)
    {
      worth->problem = PN_NOT_COUNTED_NON_MONETARY;
      step (worth, PN_DERIVATION_NON_MONETARY, PN_FIGURE_NONE, PN_YUAN_UNSET, PN_YUAN_UNSET, PN_YUAN_UNSET);
      return;
    }

  if (benefit->kind == PN_BENEFIT_UNSPECIFIED)
    {
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      step (worth, PN_DERIVATION_NO_AMOUNT, PN_FIGURE_NONE, PN_YUAN_UNSET, benefit->cap, PN_YUAN_UNSET);
      return;
    }

  if (!worth_thresholds (facts, benefit, worth))
    return;

  if (benefit->kind == PN_BENEFIT_FIXED)
    {
      worth_fixed (benefit, worth);
      return;
    }

  /* rate, matching, top-up */
  if (benefit->base != PN_FIGURE_NONE)
    {
      worth_rate (facts, benefit, worth);
      if (worth->problem != PN_NOT_COUNTED_NONE)
        return;
    }
  else if (benefit->kind == PN_BENEFIT_TOP_UP && benefit->amount != PN_YUAN_UNSET)
    {
      worth->estimate = benefit->amount;
      step (worth, PN_DERIVATION_TOP_UP_TO, PN_FIGURE_NONE, PN_YUAN_UNSET, benefit->amount, PN_YUAN_UNSET);
    }
  else if (benefit->rate > 0)
    {
      /* "按年度广告推广费用的50%": a rate stated, of a figure no question
       * holds: not "the text states no amount" */
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      step (worth, PN_DERIVATION_RATE_NO_BASE, PN_FIGURE_NONE, PN_YUAN_UNSET, benefit->cap, PN_YUAN_UNSET);
      if (worth->steps != NULL)
        last_step (worth)->rate = benefit->rate;
      return;
    }
  else
    {
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      step (worth, PN_DERIVATION_NO_AMOUNT, PN_FIGURE_NONE, PN_YUAN_UNSET, PN_YUAN_UNSET, PN_YUAN_UNSET);
      return;
    }

  /* the depth bounds a cycle, which the loader and the store refuse */
  if (benefit->kind == PN_BENEFIT_TOP_UP && depth < 4)
    worth_top_up (facts, benefit, reading, depth, worth);
}

void
pn_worth_compute (const PnFacts        *facts,
                  PnBenefit            *benefit,
                  const PnWorthReading *reading,
                  gboolean              with_steps,
                  PnWorth              *worth)
{
  worth->steps = with_steps ? g_array_new (FALSE, FALSE, sizeof (PnDerivationStep)) : NULL;
  compute (facts, benefit, reading, 0, worth);
}

void
pn_worth_clear (PnWorth *worth)
{
  g_clear_pointer (&worth->steps, g_array_unref);
}
