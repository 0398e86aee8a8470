/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-engine"

#include "config.h"

#include <string.h>

#include "pn-upside-private.h"
#include "pn-money.h"

/* The second question a founder asks: what more could I get, and how.
 *
 * Each listed measure's "up to" figure is what it gives if every open
 * point goes the applicant's way: its conditions and requirements met, a
 * figure not given at the least value that reaches the measure's cap and
 * thresholds, the most favourable way to read its sentence.  The "up to"
 * total runs the same arithmetic with one set of favourable figures for
 * every measure at once (a top-up and the award it tops up then share
 * their figure, so together they never exceed the top-up's ceiling), keeps
 * the best of each overlap group and holds each annual cap.  The next
 * steps are the answers, figures and requirements that stand between
 * measures and those figures, ranked by what they may add. */

/* The benefit and what it tops up: the favourable figures must reach the
 * caps of both, or the top-up would be priced against a target short of
 * its own. */
static guint
with_targets (const PnFacts  *facts,
              PnBenefit      *benefit,
              PnBenefit     **out,
              guint           max)
{
  guint n = 0;

  out[n++] = benefit;
  for (guint i = 0; benefit->tops_up != NULL && benefit->tops_up[i] != NULL && n < max; i++)
    {
      PnBenefit *target = pn_corpus_find_benefit (facts->corpus, benefit->tops_up[i], NULL);

      if (target != NULL)
        out[n++] = target;
    }
  return n;
}

/* The most the benefit gives for `facts` over its readings. */
static gint64
best_reading (const PnFacts *facts,
              PnBenefit     *benefit,
              PnNotCounted  *out_problem)
{
  PnWorth worth = { 0, };
  gint64 best;

  pn_worth_compute (facts, benefit, NULL, FALSE, &worth);
  best = worth.estimate;
  *out_problem = worth.problem;

  for (guint i = 0; i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);
      PnWorthReading differently = { reading->keep_lapsed_target };

      if (reading->chosen)
        continue;
      pn_worth_compute (facts, benefit, &differently, FALSE, &worth);
      if (worth.estimate != PN_YUAN_UNSET && (best == PN_YUAN_UNSET || worth.estimate > best))
        best = worth.estimate;
    }

  return best;
}

gint64
_pn_upside_high (const PnFacts *facts,
                 PnBenefit     *benefit,
                 PnStatus       status,
                 PnUpsideLimit *out_limit)
{
  PnBenefit *set[8];
  PnFacts favourable;
  PnNotCounted problem;
  gint64 high;

  *out_limit = PN_UPSIDE_BOUNDED;

  /* nothing on this date, whatever the answers */
  if (status != PN_STATUS_IN_FORCE || benefit->kind == PN_BENEFIT_NON_MONETARY)
    return 0;

  if (pn_facts_unbounded (facts, benefit))
    {
      *out_limit = PN_UPSIDE_UNBOUNDED;
      return PN_YUAN_UNSET;
    }

  pn_facts_favourable (facts, set, with_targets (facts, benefit, set, G_N_ELEMENTS (set)), &favourable);
  high = best_reading (&favourable, benefit, &problem);
  if (high == PN_YUAN_UNSET && problem == PN_NOT_COUNTED_UNSPECIFIED)
    {
      /* "at most …" is still an upper bound */
      if (benefit->cap != PN_YUAN_UNSET)
        return benefit->cap;
      *out_limit = PN_UPSIDE_NO_AMOUNT;
      return PN_YUAN_UNSET;
    }
  if (high == PN_YUAN_UNSET)
    {
      /* a top-up whose target needs a figure no benefit here bounds */
      *out_limit = PN_UPSIDE_UNBOUNDED;
      return PN_YUAN_UNSET;
    }

  return high;
}

/* ---- the "up to" total ---- */

/* Whether the entry may add money on the date: in force, and a text that
 * states an amount (a subsidy "予以贴息" with no figure adds no number). */
static gboolean
may_add (const PnResultEntry *entry)
{
  return entry->status == PN_STATUS_IN_FORCE &&
         entry->benefit->kind != PN_BENEFIT_NON_MONETARY &&
         entry->high_limit != PN_UPSIDE_NO_AMOUNT;
}

/* Holds each annual cap: the measures under it give together at most its
 * amount; what is over comes off the last of them first.  One pass to
 * gather each cap's measures, one per cap to hold it. */
void
_pn_hold_annual_caps (PnResults *results,
                      gint64    *highs)
{
  guint n = pn_results_get_n_results (results);
  /* cap id → GArray of positions */
  g_autoptr(GHashTable) under = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer id, value;

  for (guint i = 0; i < n; i++)
    {
      PnBenefit *benefit = _pn_results_peek (results, i)->benefit;

      if (highs[i] == 0)
        continue;
      for (guint c = 0; benefit->annual_caps != NULL && benefit->annual_caps[c] != NULL; c++)
        {
          GArray *positions = g_hash_table_lookup (under, benefit->annual_caps[c]);

          if (positions == NULL)
            {
              positions = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (under, benefit->annual_caps[c], positions);
            }
          g_array_append_val (positions, i);
        }
    }

  g_hash_table_iter_init (&iter, under);
  while (g_hash_table_iter_next (&iter, &id, &value))
    {
      GArray *positions = value;
      PnBenefit *first = _pn_results_peek (results, g_array_index (positions, guint, 0))->benefit;
      const PnAnnualCap *cap = pn_document_find_annual_cap (first->document, id);
      gint64 sum = 0;

      if (cap == NULL)
        continue;
      for (guint k = 0; k < positions->len; k++)
        sum = pn_money_sum (sum, highs[g_array_index (positions, guint, k)]);
      for (guint k = positions->len; k-- > 0 && sum > cap->amount;)
        {
          guint j = g_array_index (positions, guint, k);
          gint64 cut = MIN (highs[j], sum - cap->amount);

          highs[j] -= cut;
          sum -= cut;
        }
    }
}

/* A top-up brings what its targets gave up to its own figure: together
 * they give the more of the two.  With one target the arithmetic above
 * already holds them together (the top-up is priced against that
 * target); a top-up of several awards (Xiamen art. 16: "补足至1000万元"
 * over every award of the article) would otherwise add to all of them,
 * and the "up to" total would count what no centre can receive.  Its
 * share becomes what is left of its figure once its targets listed here
 * are paid. */
static void
hold_top_ups (const PnFacts *favourable,
              PnResults     *results,
              gint64        *highs)
{
  guint n = pn_results_get_n_results (results);
  g_autoptr(GHashTable) positions = NULL;  /* benefit id → position + 1 */

  for (guint i = 0; i < n; i++)
    {
      PnBenefit *benefit = _pn_results_peek (results, i)->benefit;
      PnWorth worth = { 0, };
      gint64 targets = 0;
      guint n_targets = 0;

      if (benefit->kind != PN_BENEFIT_TOP_UP || benefit->tops_up == NULL || benefit->tops_up[1] == NULL ||
          highs[i] <= 0)
        continue;

      if (positions == NULL)
        {
          positions = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint j = 0; j < n; j++)
            g_hash_table_insert (positions, _pn_results_peek (results, j)->benefit->id, GUINT_TO_POINTER (j + 1));
        }
      for (guint t = 0; benefit->tops_up[t] != NULL; t++)
        {
          guint j = GPOINTER_TO_UINT (g_hash_table_lookup (positions, benefit->tops_up[t]));

          if (j > 0 && j - 1 != i && highs[j - 1] > 0)
            {
              targets = pn_money_sum (targets, highs[j - 1]);
              n_targets++;
            }
        }
      if (n_targets < 2)
        continue;

      /* its figure before the target it was priced against came off */
      pn_worth_compute (favourable, benefit, NULL, FALSE, &worth);
      if (worth.estimate != PN_YUAN_UNSET && worth.topped_up != PN_YUAN_UNSET)
        highs[i] = MAX (0, pn_money_sum (worth.estimate, worth.topped_up) - targets);
      pn_worth_clear (&worth);
    }
}

gint64
_pn_upside_total (const PnFacts *facts,
                  PnResults     *results)
{
  guint n = pn_results_get_n_results (results);
  g_autofree gint64 *highs = g_new0 (gint64, MAX (n, 1));
  g_autoptr(GPtrArray) benefits = g_ptr_array_new ();
  g_autoptr(GHashTable) best = g_hash_table_new (g_str_hash, g_str_equal);  /* group → position + 1 */
  PnFacts favourable;
  gint64 total = 0;

  for (guint i = 0; i < n; i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      if (!may_add (entry))
        continue;
      if (entry->high_cny == PN_YUAN_UNSET)
        return PN_YUAN_UNSET;
      g_ptr_array_add (benefits, entry->benefit);
      for (guint t = 0; entry->benefit->tops_up != NULL && entry->benefit->tops_up[t] != NULL; t++)
        {
          PnBenefit *target = pn_corpus_find_benefit (facts->corpus, entry->benefit->tops_up[t], NULL);

          if (target != NULL)
            g_ptr_array_add (benefits, target);
        }
    }

  /* one set of figures for all: what together they could give */
  pn_facts_favourable (facts, (PnBenefit **) benefits->pdata, benefits->len, &favourable);
  for (guint i = 0; i < n; i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);
      const char *group = entry->benefit->overlap_group;
      PnNotCounted problem;
      gint64 high;
      guint winner;

      if (!may_add (entry))
        continue;
      high = best_reading (&favourable, entry->benefit, &problem);
      if (high == PN_YUAN_UNSET)
        high = entry->benefit->cap != PN_YUAN_UNSET ? entry->benefit->cap : 0;
      highs[i] = high;

      /* 就高从优不重复: the best of a group counts */
      if (group == NULL)
        continue;
      winner = GPOINTER_TO_UINT (g_hash_table_lookup (best, group));
      /* as for the counted total: a tie goes to the more local document,
       * whose award no yearly cap of the province's may cut */
      if (winner == 0 || _pn_overlap_beats (facts->taxonomy, entry, high,
                                            _pn_results_peek (results, winner - 1), highs[winner - 1]))
        {
          if (winner != 0)
            highs[winner - 1] = 0;
          g_hash_table_insert (best, (gpointer) group, GUINT_TO_POINTER (i + 1));
        }
      else
        highs[i] = 0;
    }

  hold_top_ups (&favourable, results, highs);
  _pn_hold_annual_caps (results, highs);
  for (guint i = 0; i < n; i++)
    total = pn_money_sum (total, highs[i]);
  return total;
}

/* ---- what would add most ---- */

typedef struct
{
  PnNextStepKind  kind;
  char           *id;
  PnText          text;
  GPtrArray      *positions;   /* guint positions of the results it opens */
} Step;

static void
step_free (Step *step)
{
  g_free (step->id);
  pn_text_clear (&step->text);
  g_ptr_array_unref (step->positions);
  g_free (step);
}

/* The open points found so far: answers and figures by their enum (most
 * points, one look-up each), the others by a key of their words. */
typedef struct
{
  Step       *answers[PN_N_QUESTIONS];
  Step       *figures[PN_N_FIGURES];
  GHashTable *others;   /* "r:" id [en] → Step (borrowed) */
  GPtrArray  *all;      /* Step, owned */
} Points;

static void
points_init (Points *points)
{
  memset (points, 0, sizeof *points);
  points->others = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  points->all = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

static void
points_clear (Points *points)
{
  g_clear_pointer (&points->others, g_hash_table_unref);
  g_clear_pointer (&points->all, g_ptr_array_unref);
}

static Step *
step_new (Points         *points,
          PnNextStepKind  kind,
          const char     *id,
          const char     *zh,
          const char     *en)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->id = g_strdup (id);
  step->text.zh = g_strdup (zh);
  step->text.en = g_strdup (en);
  step->positions = g_ptr_array_new ();
  g_ptr_array_add (points->all, step);
  return step;
}

static void
open_answer (Points     *points,
             PnQuestion  question,
             guint       position)
{
  Step *step = points->answers[question];

  if (step == NULL)
    step = points->answers[question] = step_new (points, PN_NEXT_STEP_ANSWER,
                                                 pn_question_to_string (question),
                                                 pn_question_describe (question, PN_LANG_ZH),
                                                 pn_question_describe (question, PN_LANG_EN));
  g_ptr_array_add (step->positions, GUINT_TO_POINTER (position));
}

static void
open_requirement (Points     *points,
                  const char *id,
                  const char *zh,
                  const char *en,
                  guint       position)
{
  /* a requirement's id is the benefit's own: two with one id but
   * different words are different requirements */
  g_autofree char *key = g_strconcat ("r:", id, en, NULL);
  Step *step = g_hash_table_lookup (points->others, key);

  if (step == NULL)
    {
      step = step_new (points, PN_NEXT_STEP_REQUIREMENT, id, zh, en);
      g_hash_table_insert (points->others, g_steal_pointer (&key), step);
    }
  g_ptr_array_add (step->positions, GUINT_TO_POINTER (position));
}

static void
open_figure (Points        *points,
             const PnFacts *facts,
             PnFigure       figure,
             guint          position)
{
  Step *step = points->figures[figure];

  if (step == NULL)
    step = points->figures[figure] = step_new (points, PN_NEXT_STEP_FIGURE, pn_figure_to_string (figure),
                                               pn_derivation_figure_label (facts->taxonomy, figure, PN_LANG_ZH),
                                               pn_derivation_figure_label (facts->taxonomy, figure, PN_LANG_EN));
  g_ptr_array_add (step->positions, GUINT_TO_POINTER (position));
}

/* The open points of the result at `position`: unanswered questions,
 * expert recognitions, requirements, a review, figures not given. */
static void
open_points (const PnFacts *facts,
             PnResults     *results,
             guint          position,
             Points        *steps)
{
  PnBenefit *benefit = _pn_results_peek (results, position)->benefit;

  for (guint c = 0; c < benefit->conditions->len; c++)
    {
      const PnCondition *condition = g_ptr_array_index (benefit->conditions, c);
      PnConditionState state = pn_facts_condition_state (facts, condition);

      if (state == PN_CONDITION_UNKNOWN)
        open_answer (steps, condition->question, position);
      else if (state == PN_CONDITION_REVIEW)
        {
          const char *id = pn_question_to_string (condition->question);
          g_autofree char *review = g_strconcat ("review:", id, NULL);
          g_autofree char *zh = g_strdup_printf ("专家评估认定（%s）",
                                                 pn_question_describe (condition->question, PN_LANG_ZH));
          g_autofree char *en = g_strdup_printf ("an expert recognition of %s",
                                                 pn_question_describe (condition->question, PN_LANG_EN));

          open_requirement (steps, review, zh, en, position);
        }
    }

  for (guint r = 0; r < benefit->requirements->len; r++)
    {
      const PnRequirement *requirement = g_ptr_array_index (benefit->requirements, r);

      if (!requirement->attestation)
        open_requirement (steps, requirement->id, requirement->text.zh, requirement->text.en, position);
    }

  if (!benefit->reviewed)
    open_requirement (steps, "unreviewed", "人工审核起草的条款", "a person's review of the drafted measure", position);

  /* figures: each one the arithmetic needs and the answers do not give,
   * the thresholds' and the one the amount is a rate of */
  for (guint t = 0; t < benefit->thresholds->len; t++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, t);

      if (facts->figures[threshold->figure] == PN_YUAN_UNSET)
        open_figure (steps, facts, threshold->figure, position);
    }
  if (benefit->base != PN_FIGURE_NONE && benefit->rate > 0 && facts->figures[benefit->base] == PN_YUAN_UNSET)
    open_figure (steps, facts, benefit->base, position);
}

/* What resolving a point may add to the "up to" total: each measure it
 * opens up to its high, but in an overlap group only what the best of
 * them adds over the group's counted winner. */
/* group → the counted estimate of its winner (gint64), for adds_high() */
static GHashTable *
counted_by_group (PnResults *results)
{
  GHashTable *counted = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);
      gint64 *known;

      if (!entry->counted || entry->benefit->overlap_group == NULL)
        continue;
      known = g_hash_table_lookup (counted, entry->benefit->overlap_group);
      if (known == NULL)
        g_hash_table_insert (counted, entry->benefit->overlap_group,
                             g_memdup2 (&entry->estimate_cny, sizeof (gint64)));
      else
        *known = MAX (*known, entry->estimate_cny);
    }
  return counted;
}

static gint64
adds_high (PnResults  *results,
           GHashTable *counted_groups,
           GPtrArray  *positions)
{
  /* group → the best high among the measures the point opens */
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;
  gint64 adds = 0;

  for (guint i = 0; i < positions->len; i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, GPOINTER_TO_UINT (g_ptr_array_index (positions, i)));
      const char *group = entry->benefit->overlap_group;
      gint64 *best;

      if (entry->high_cny == PN_YUAN_UNSET)
        return PN_YUAN_UNSET;
      if (group == NULL)
        {
          adds = pn_money_sum (adds, entry->high_cny);
          continue;
        }
      best = g_hash_table_lookup (groups, group);
      if (best == NULL)
        g_hash_table_insert (groups, (gpointer) group, g_memdup2 (&entry->high_cny, sizeof (gint64)));
      else
        *best = MAX (*best, entry->high_cny);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 best = *(gint64 *) value;
      gint64 *counted = g_hash_table_lookup (counted_groups, key);

      adds = pn_money_sum (adds, MAX (0, best - (counted != NULL ? *counted : 0)));
    }

  return adds;
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const PnNextStep *x = *(PnNextStep **) a;
  const PnNextStep *y = *(PnNextStep **) b;
  /* no upper bound first */
  gint64 ax = x->adds_high_cny == PN_YUAN_UNSET ? G_MAXINT64 : x->adds_high_cny;
  gint64 ay = y->adds_high_cny == PN_YUAN_UNSET ? G_MAXINT64 : y->adds_high_cny;

  if (ax != ay)
    return ax > ay ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (g_strcmp0 (x->id, y->id) != 0)
    return g_strcmp0 (x->id, y->id);
  return g_strcmp0 (x->text.en, y->text.en);
}

GPtrArray *
_pn_upside_next_steps (const PnFacts *facts,
                       PnResults     *results)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_next_step_free);
  g_autoptr(GHashTable) counted_groups = NULL;
  Points points;

  points_init (&points);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      /* what counts needs nothing; what cannot give on this date, or
       * loses its group, is not opened by any answer */
      if (entry->counted || !may_add (entry) || entry->not_counted == PN_NOT_COUNTED_OVERLAP ||
          entry->high_cny == 0)
        continue;
      open_points (facts, results, i, &points);
    }

  counted_groups = counted_by_group (results);
  for (guint p = 0; p < points.all->len; p++)
    {
      const Step *point = g_ptr_array_index (points.all, p);
      PnNextStep *step = g_new0 (PnNextStep, 1);

      step->kind = point->kind;
      step->id = g_strdup (point->id);
      step->text.zh = g_strdup (point->text.zh);
      step->text.en = g_strdup (point->text.en);
      step->adds_high_cny = adds_high (results, counted_groups, point->positions);
      step->benefits = g_ptr_array_new ();
      for (guint i = 0; i < point->positions->len; i++)
        g_ptr_array_add (step->benefits,
                         _pn_results_peek (results, GPOINTER_TO_UINT (g_ptr_array_index (point->positions, i)))->benefit);
      if (step->adds_high_cny == 0)
        {
          pn_next_step_free (step);
          continue;
        }
      g_ptr_array_add (steps, step);
    }

  points_clear (&points);
  g_ptr_array_sort (steps, compare_steps);
  return steps;
}

/* ---- one result's readings and instalments ---- */

void
_pn_upside_fill (const PnFacts       *facts,
                 const PnResultEntry *entry,
                 PnResult            *result)
{
  PnBenefit *benefit = entry->benefit;
  PnUpsideLimit limit;

  result->high_cny = _pn_upside_high (facts, benefit, entry->status, &limit);
  result->unbounded = limit == PN_UPSIDE_UNBOUNDED;
  if (limit == PN_UPSIDE_UNBOUNDED)
    {
      if (benefit->base != PN_FIGURE_NONE)
        {
          const char *zh = pn_derivation_figure_label (facts->taxonomy, benefit->base, PN_LANG_ZH);
          g_autofree char *en = g_strdup (pn_derivation_figure_label (facts->taxonomy, benefit->base, PN_LANG_EN));

          /* "National (higher-level) funding received" inside a sentence */
          if (g_ascii_isupper (en[0]) && g_ascii_islower (en[1]))
            en[0] = g_ascii_tolower (en[0]);
          result->high_reason.zh = g_strdup_printf ("无上限：本项按%s的比例计算，原文未设封顶；填写%s后可得出金额",
                                                    zh, zh);
          result->high_reason.en = g_strdup_printf ("No upper bound: it is a share of %s, with no cap in the text; "
                                                    "give %s to see the amount", en, en);
        }
      else
        {
          result->high_reason.zh = g_strdup ("无上限：本项按比例计算，计算基数未填写，原文也未设封顶");
          result->high_reason.en = g_strdup ("No upper bound: it is a share of a figure not given, with no cap in the text");
        }
    }
  else if (limit == PN_UPSIDE_NO_AMOUNT)
    {
      result->high_reason.zh = g_strdup ("原文未规定金额，无法估计上限");
      result->high_reason.en = g_strdup ("The text states no amount, so there is no figure to reach");
    }

  result->readings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);
      PnWorthReading differently = { reading->keep_lapsed_target };
      PnReadingResult *out = g_new0 (PnReadingResult, 1);
      PnWorth worth = { 0, };

      pn_worth_compute (facts, benefit, reading->chosen ? NULL : &differently, TRUE, &worth);
      out->reading = reading;
      out->estimate_cny = worth.estimate;
      out->derivation.zh = pn_derivation_write (worth.steps, facts->taxonomy, PN_LANG_ZH);
      out->derivation.en = pn_derivation_write (worth.steps, facts->taxonomy, PN_LANG_EN);
      g_ptr_array_add (result->readings, out);
      pn_worth_clear (&worth);
    }

  result->stages = g_array_new (FALSE, FALSE, sizeof (PnStageResult));
  if (benefit->stages != NULL)
    {
      gint64 paid = 0;

      for (guint i = 0; i < benefit->stages->len; i++)
        {
          PnStageResult stage = { g_array_index (benefit->stages, double, i), PN_YUAN_UNSET, i + 1 };

          /* each year its share, floored; the last year what is left, so
           * that the years add up to the award */
          if (result->estimate_cny != PN_YUAN_UNSET)
            {
              stage.cny = i + 1 == benefit->stages->len
                          ? result->estimate_cny - paid
                          : (gint64) ((double) result->estimate_cny * stage.share + 1e-9);
              paid += stage.cny;
            }
          g_array_append_val (result->stages, stage);
        }
    }
}
