/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-engine"

#include "config.h"

#include <string.h>

#include "pn-core-private.h"
#include "pn-engine-private.h"
#include "pn-policy-private.h"
#include "pn-result-private.h"
#include "pn-corpus-private.h"
#include "pn-citation.h"
#include "pn-derivation.h"
#include "pn-money.h"
#include "pn-upside-private.h"
#include "pn-worth-private.h"

/* The conditions one by one, and what is still missing, for a benefit
 * check_conditions() accepted. */
static void
record_conditions (const PnFacts *facts,
                   PnBenefit     *benefit,
                   PnResult      *result)
{
  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      const PnCondition *condition = g_ptr_array_index (benefit->conditions, i);
      PnConditionResult *cr = g_new0 (PnConditionResult, 1);

      cr->question = condition->question;
      cr->state = pn_facts_condition_state (facts, condition);
      cr->condition = condition;
      g_ptr_array_add (result->conditions, cr);

      if (cr->state == PN_CONDITION_UNKNOWN)
        g_ptr_array_add (result->missing, g_strdup (pn_question_to_string (condition->question)));
      else if (cr->state == PN_CONDITION_REVIEW)
        g_ptr_array_add (result->missing,
                         pn_strdup_template ("review:%s", pn_question_to_string (condition->question)));
    }
}

/* Holds each yearly cap over the counted estimates, as the "up to" total
 * holds it (_pn_hold_annual_caps()): what a cap takes off an award is its
 * cut.  Nothing to do, and nothing allocated, when no counted award is
 * under a cap. */
static void
hold_annual_caps (PnResults *results)
{
  guint n = pn_results_get_n_results (results);
  g_autofree gint64 *amounts = NULL;

  for (guint i = 0; i < n && amounts == NULL; i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      if (entry->counted && entry->benefit->annual_caps != NULL && entry->estimate_cny > 0)
        amounts = g_new0 (gint64, n);
    }
  if (amounts == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      if (entry->counted && entry->estimate_cny > 0)
        amounts[i] = entry->estimate_cny;
    }
  _pn_hold_annual_caps (results, amounts);
  for (guint i = 0; i < n; i++)
    {
      PnResultEntry *entry = _pn_results_peek (results, i);

      /* a cap may take all of it: what is left is 0 */
      if (entry->counted && entry->estimate_cny > 0)
        entry->cut_cny = entry->estimate_cny - amounts[i];
    }
}

static void
set_reason (PnResult *result,
            char     *zh,
            char     *en)
{
  pn_text_clear (&result->not_counted_reason);
  result->not_counted_reason.zh = zh;
  result->not_counted_reason.en = en;
}

static void
add_notes (const PnFacts *facts,
           PnResult      *result)
{
  PnBenefit *benefit = result->benefit;
  PnDocument *document = benefit->document;

  /* 晋江: "2025年1月1日至正式施行之日符合条件的参照执行": in force on a day
   * before the document took effect, by its reach-back clause alone */
  if (result->status == PN_STATUS_IN_FORCE && benefit->article->deadline_text == NULL &&
      document->applies_from != NULL && document->in_force_from != NULL &&
      strcmp (facts->as_of, document->in_force_from) < 0 && strcmp (facts->as_of, document->applies_from) >= 0)
    {
      g_autofree char *in_force_zh = pn_date_to_words (document->in_force_from, TRUE);
      g_autofree char *in_force_en = pn_date_to_words (document->in_force_from, FALSE);
      g_autofree char *applies_zh = pn_date_to_words (document->applies_from, TRUE);
      g_autofree char *applies_en = pn_date_to_words (document->applies_from, FALSE);
      g_autofree char *zh = pn_strdup_template ("按追溯条款适用：本文件自%s起施行，%s起至施行之日符合条件的参照执行",
                                             in_force_zh, applies_zh);
      g_autofree char *en = pn_strdup_template ("By its reach-back clause: the document took effect on %s and "
                                             "applies to what qualified from %s",
                                             in_force_en, applies_en);

      g_ptr_array_add (result->notes, pn_text_new (zh, en));
    }

  for (guint i = 0; benefit->annual_caps && benefit->annual_caps[i]; i++)
    {
      const PnAnnualCap *cap = pn_document_find_annual_cap (benefit->document, benefit->annual_caps[i]);
      g_autofree char *y = NULL;
      g_autofree char *w = NULL;

      if (cap == NULL)
        continue;
      y = pn_money_format_yuan (cap->amount);
      w = pn_money_format_wan (cap->amount);
      {
        g_autofree char *where_zh = pn_citation_format_number (benefit->document, cap->article, PN_LANG_ZH);
        g_autofree char *where_en = pn_citation_format_number (benefit->document, cap->article, PN_LANG_EN);
        g_autofree char *zh = pn_strdup_template ("年度上限：每%s每年最高%s（%s），与同一上限下的其他奖励合计",
                                               g_strcmp0 (cap->per, "enterprise") == 0 ? "家企业" : "个单位",
                                               w, where_zh);
        g_autofree char *en = pn_strdup_template ("Annual cap: at most %s a year per %s (%s), shared with the other awards under it",
                                               y, cap->per, where_en);

        g_ptr_array_add (result->notes, pn_text_new (zh, en));
      }
    }

  if (benefit->stages != NULL && benefit->stages->len > 0)
    {
      GString *zh = g_string_new ("分期发放：");
      GString *en = g_string_new ("Paid in instalments: ");

      for (guint i = 0; i < benefit->stages->len; i++)
        {
          g_autofree char *rate = pn_money_format_rate (g_array_index (benefit->stages, double, i));

          pn_string_append_template (zh, "%s%s", i ? "、" : "", rate);
          pn_string_append_template (en, "%s%s", i ? ", " : "", rate);
        }
      g_ptr_array_add (result->notes, pn_text_new (zh->str, en->str));
      g_string_free (zh, TRUE);
      g_string_free (en, TRUE);
    }
}

static gboolean
eligible_for_total (const PnResultEntry *entry)
{
  return entry->priced &&
         entry->estimate_cny != PN_YUAN_UNSET &&
         entry->estimate_cny > 0 &&
         (entry->not_counted == PN_NOT_COUNTED_NONE ||
          entry->not_counted == PN_NOT_COUNTED_OVERLAP);
}

gboolean
_pn_overlap_beats (PnTaxonomy          *taxonomy,
                   const PnResultEntry *a,
                   gint64               amount_a,
                   const PnResultEntry *b,
                   gint64               amount_b)
{
  guint depth_a, depth_b;

  if (amount_a != amount_b)
    return amount_a > amount_b;

  depth_a = pn_taxonomy_location_depth (taxonomy, a->benefit->document->jurisdiction);
  depth_b = pn_taxonomy_location_depth (taxonomy, b->benefit->document->jurisdiction);
  if (depth_a != depth_b)
    return depth_a > depth_b;

  return g_strcmp0 (a->benefit->id, b->benefit->id) < 0;
}

/* The overlap group a result competes in: none unless it would count. */
static const char *
competing_group (const PnResultEntry *entry)
{
  return eligible_for_total (entry) ? entry->benefit->overlap_group : NULL;
}

/* What an estimate can count at most, under the least of its yearly
 * caps: an award of ¥12,000,000 under a cap of ¥8,000,000 is no more than
 * ¥8,000,000 beside another of ¥12,000,000 (it won its group and was then
 * cut: 13.5M counted instead of 17.5M). */
static gint64
within_own_caps (const PnResultEntry *entry)
{
  gint64 bound = pn_benefit_annual_cap_bound (entry->benefit);

  if (entry->estimate_cny == PN_YUAN_UNSET || bound == PN_YUAN_UNSET)
    return entry->estimate_cny;
  return MIN (entry->estimate_cny, bound);
}

/* 就高从优不重复: in each overlap group only the highest counts, as its
 * yearly caps let it count.  One pass finds each group's winner, a second
 * marks the others. */
static void
resolve_overlaps (PnResults  *results,
                  PnTaxonomy *taxonomy)
{
  guint n = pn_results_get_n_results (results);
  g_autoptr(GHashTable) winners = NULL;  /* group → position + 1 */

  for (guint i = 0; i < n; i++)
    {
      PnResultEntry *entry = _pn_results_peek (results, i);
      const char *group = competing_group (entry);
      guint winner;

      if (group == NULL)
        continue;
      if (winners == NULL)
        winners = g_hash_table_new (g_str_hash, g_str_equal);
      winner = GPOINTER_TO_UINT (g_hash_table_lookup (winners, group));
      if (winner == 0 ||
          _pn_overlap_beats (taxonomy, entry, within_own_caps (entry),
                             _pn_results_peek (results, winner - 1),
                             within_own_caps (_pn_results_peek (results, winner - 1))))
        g_hash_table_insert (winners, (gpointer) group, GUINT_TO_POINTER (i + 1));
    }

  if (winners == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      PnResultEntry *entry = _pn_results_peek (results, i);
      const char *group = competing_group (entry);
      guint winner = group ? GPOINTER_TO_UINT (g_hash_table_lookup (winners, group)) - 1 : i;

      if (winner != i)
        {
          entry->overlap_winner = winner;
          entry->counted = FALSE;
          entry->not_counted = PN_NOT_COUNTED_OVERLAP;
        }
    }
}

/* The "up to" figure: worked out once for a benefit whose figure is the
 * same for every question (PnCandidate), else each time. */
static gint64
candidate_high (const PnFacts *facts,
                PnCandidate   *candidate,
                PnStatus       status,
                PnUpsideLimit *out_limit)
{
  gint64 high;

  /* nothing on this date, whatever the answers (upside_high ()): the
   * benefit itself is not read */
  if (status != PN_STATUS_IN_FORCE)
    {
      *out_limit = PN_UPSIDE_BOUNDED;
      return 0;
    }
  if (candidate->tops_up || (candidate->figures & facts->given) != 0)
    return _pn_upside_high (facts, candidate->benefit, status, out_limit);

  if (g_atomic_int_get (&candidate->high_state) == 2)
    {
      *out_limit = candidate->high_limit;
      return candidate->high;
    }
  high = _pn_upside_high (facts, candidate->benefit, status, out_limit);
  /* one writer; another question asking meanwhile works it out too */
  if (g_atomic_int_compare_and_exchange (&candidate->high_state, 0, 1))
    {
      candidate->high = high;
      candidate->high_limit = *out_limit;
      g_atomic_int_set (&candidate->high_state, 2);
    }
  return high;
}

/* The first pass: whether the benefit is listed, its match and state,
 * and, when it may enter the total, its amount.  Nothing else.  `by` is
 * what replaces its document on the as-of day, or NULL. */
static void
evaluate_benefit (const PnFacts        *facts,
                  PnResults            *results,
                  PnCandidate          *candidate,
                  const PnSupersededBy *by)
{
  PnBenefit *benefit = candidate->benefit;
  PnResultEntry *entry;
  PnWorth worth = { 0, };
  guint open;

  /* Most candidates contradict the profile and are not listed at all;
   * those whose conditions ask nothing answered are open on each. */
  if ((candidate->asks & facts->answered) == 0)
    open = candidate->open_unanswered;
  else if (candidate->conditions != NULL
           ? !pn_facts_check_compiled (facts, candidate->conditions, &open)
           : !pn_facts_check_conditions (facts, benefit, &open))
    return;
  open += candidate->open_always;

  entry = _pn_results_append (results, benefit);
  entry->match = open == 0 ? PN_MATCH_DEFINITE : PN_MATCH_POSSIBLE;
  entry->status = pn_facts_status_at (facts, by, candidate->document->draft,
                                      candidate->from_day, candidate->until_day);

  if (entry->status == PN_STATUS_SUPERSEDED)
    entry->not_counted = PN_NOT_COUNTED_SUPERSEDED;
  else if (entry->status == PN_STATUS_DRAFT)
    entry->not_counted = PN_NOT_COUNTED_DRAFT;
  else if (entry->status == PN_STATUS_EXPIRED)
    entry->not_counted = PN_NOT_COUNTED_EXPIRED;
  else if (entry->status == PN_STATUS_PENDING)
    entry->not_counted = PN_NOT_COUNTED_PENDING;
  else if (entry->match == PN_MATCH_POSSIBLE)
    entry->not_counted = PN_NOT_COUNTED_POSSIBLE;
  else
    {
      /* only these can count: the rest are priced when read */
      pn_worth_compute (facts, benefit, NULL, FALSE, &worth);
      entry->priced = TRUE;
      entry->estimate_cny = worth.estimate;
      if (worth.problem != PN_NOT_COUNTED_NONE)
        entry->not_counted = worth.problem;
      else if (worth.estimate == PN_YUAN_UNSET || worth.estimate <= 0)
        entry->not_counted = PN_NOT_COUNTED_NOTHING_DUE;
    }
  entry->counted = entry->not_counted == PN_NOT_COUNTED_NONE;

  {
    PnUpsideLimit limit;

    entry->high_cny = candidate_high (facts, candidate, entry->status, &limit);
    entry->high_limit = limit;
  }
}

static void
facts_free (PnFacts *facts)
{
  g_clear_pointer (&facts->superseded, g_hash_table_unref);
  g_free (facts);
}

PnResults *
pn_engine_evaluate (PnCorpus   *corpus,
                    PnProfile  *profile,
                    GError    **error)
{
  g_autoptr(PnResults) results = NULL;
  g_autoptr(PnProfile) snapshot = NULL;
  g_autoptr(PnCandidates) candidates = NULL;
  g_autofree char *as_of = NULL;
  const char *location;
  PnFacts facts;
  gint64 total = 0;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (PN_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The results keep the answers as they are now: a result is written
   * in full when it is first read, and must not see later changes. */
  as_of = pn_profile_dup_effective_as_of (profile);
  snapshot = pn_profile_copy (profile);
  pn_profile_set_as_of (snapshot, as_of);
  location = pn_profile_get_location (snapshot);
  results = _pn_results_new (corpus, snapshot);

  if (location == NULL)
    return g_steal_pointer (&results);

  pn_facts_init (&facts, corpus, snapshot, pn_results_get_as_of (results));
  facts.superseded = pn_corpus_get_superseded (corpus, error);
  if (facts.superseded == NULL)
    return NULL;
  /* the second pass reads the same facts */
  _pn_results_set_engine_data (results, g_memdup2 (&facts, sizeof facts), (GDestroyNotify) facts_free);

  /* The benefits of the documents at the location or above it that the
   * answers may match, in document order. */
  candidates = _pn_corpus_get_candidates (corpus, location, facts.answers, error);
  if (candidates == NULL)
    return NULL;

  _pn_results_reserve (results, candidates->items->len);
  {
    PnDocument *document = NULL;
    const PnSupersededBy *by = NULL;

    for (guint i = 0; i < candidates->items->len; i++)
      {
        PnCandidate *candidate = g_ptr_array_index (candidates->items, i);

        /* candidates come document by document */
        if (candidate->document != document)
          {
            document = candidate->document;
            by = pn_facts_superseded_by (&facts, candidate->benefit);
          }
        evaluate_benefit (&facts, results, candidate, by);
      }
  }

  resolve_overlaps (results, facts.taxonomy);
  hold_annual_caps (results);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      if (entry->counted)
        total = pn_money_sum (total, entry->estimate_cny - entry->cut_cny);
    }
  _pn_results_set_total (results, total);
  _pn_results_set_total_high (results, _pn_upside_total (&facts, results));
  /* the next steps are worked out when asked for (_pn_engine_next_steps()):
   * comparing places or a pipeline of projects never asks */

  return g_steal_pointer (&results);
}

gint64
_pn_engine_total_high_bounded (PnResults *results)
{
  const PnFacts *facts = _pn_results_get_engine_data (results);

  /* no location, nothing listed */
  if (facts == NULL)
    return 0;
  return _pn_upside_total_bounded (facts, results);
}

GPtrArray *
_pn_engine_next_steps (PnResults *results)
{
  const PnFacts *facts = _pn_results_get_engine_data (results);

  /* no location, nothing listed: nothing to open */
  if (facts == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pn_next_step_free);
  return _pn_upside_next_steps (facts, results);
}

gint64
_pn_engine_estimate (PnResults *results,
                     guint      position)
{
  const PnFacts *facts = _pn_results_get_engine_data (results);
  PnWorth worth = { 0, };
  gint64 estimate;

  pn_worth_compute (facts, _pn_results_peek (results, position)->benefit, NULL, FALSE, &worth);
  estimate = worth.estimate;
  pn_worth_clear (&worth);
  return estimate;
}

/* The reading not chosen that gives most, when it gives anything */
static const PnReadingResult *
best_other_reading (const PnResult *result)
{
  const PnReadingResult *best = NULL;

  for (guint i = 0; i < result->readings->len; i++)
    {
      const PnReadingResult *reading = g_ptr_array_index (result->readings, i);

      if (!reading->reading->chosen && reading->estimate_cny != PN_YUAN_UNSET && reading->estimate_cny > 0 &&
          (best == NULL || reading->estimate_cny > best->estimate_cny))
        best = reading;
    }
  return best;
}

/* The second pass, for one result when it is first read: the conditions
 * one by one, what is missing, the derivation, the notes and the reason
 * it is not counted, in both languages. */
void
_pn_engine_fill_result (PnResults *results,
                        guint      position,
                        PnResult  *result)
{
  const PnFacts *facts = _pn_results_get_engine_data (results);
  const PnResultEntry *entry = _pn_results_peek (results, position);
  const PnResultEntry *winner = NULL;
  PnBenefit *benefit = entry->benefit;
  g_autofree char *text_zh = NULL;
  g_autofree char *text_en = NULL;
  PnWorth worth = { 0, };

  result->benefit = benefit;
  result->match = entry->match;
  result->status = entry->status;
  result->counted = entry->counted;
  result->not_counted = entry->not_counted;
  pn_benefit_get_validity (benefit, &result->valid_from, &result->valid_until);
  if (entry->not_counted == PN_NOT_COUNTED_OVERLAP)
    {
      winner = _pn_results_peek (results, entry->overlap_winner);
      result->overlap_winner = winner->benefit;
    }

  result->missing = g_ptr_array_new_with_free_func (g_free);
  result->conditions = g_ptr_array_new_with_free_func (g_free);
  result->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);

  record_conditions (facts, benefit, result);
  for (guint r = 0; r < benefit->requirements->len; r++)
    {
      PnRequirement *requirement = g_ptr_array_index (benefit->requirements, r);

      if (requirement->attestation)
        {
          g_autofree char *zh = pn_strdup_template ("须由申请人确认：%s", requirement->text.zh);
          g_autofree char *en = pn_strdup_template ("The applicant must also confirm: %s", requirement->text.en);

          g_ptr_array_add (result->notes, pn_text_new (zh, en));
          continue;
        }
      g_ptr_array_add (result->missing, pn_strdup_template ("requirement:%s", requirement->id));
    }
  if (!benefit->reviewed)
    g_ptr_array_add (result->missing, g_strdup ("unreviewed"));
  /* a possible match whose threshold's figure is not given needs it too
   * (a counted one says so in its derivation: "Needs …") */
  if (entry->match == PN_MATCH_POSSIBLE)
    for (guint t = 0; t < benefit->thresholds->len; t++)
      {
        const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, t);

        if ((facts->given & (1u << threshold->figure)) == 0)
          g_ptr_array_add (result->missing,
                           pn_strdup_template ("figure:%s", pn_figure_to_string (threshold->figure)));
      }

  pn_worth_compute (facts, benefit, NULL, TRUE, &worth);
  /* the same amounts as the first pass: one function computes both */
  g_warn_if_fail (!entry->priced || worth.estimate == entry->estimate_cny);
  result->base_cny = worth.base;
  result->threshold_cny = worth.threshold;
  result->estimate_cny = worth.estimate - entry->cut_cny;
  result->topped_up_cny = worth.topped_up;
  text_zh = pn_derivation_write (worth.steps, facts->taxonomy, PN_LANG_ZH);
  text_en = pn_derivation_write (worth.steps, facts->taxonomy, PN_LANG_EN);
  if (entry->cut_cny > 0)
    {
      /* "…= ¥20,000,000; the yearly cap leaves ¥15,000,000" */
      g_autofree char *left = pn_money_format_yuan (result->estimate_cny);
      g_autofree char *left_w = pn_money_format_wan (result->estimate_cny);
      char *zh = g_strdup_printf ("%s；年度上限与同一上限下的其他奖励合计，计入%s", text_zh, left_w);
      char *en = g_strdup_printf ("%s; the yearly cap it shares with the other awards under it leaves %s", text_en, left);

      g_free (text_zh);
      g_free (text_en);
      text_zh = zh;
      text_en = en;
    }
  result->derivation.zh = g_strdup (text_zh);
  result->derivation.en = g_strdup (text_en);
  add_notes (facts, result);
  _pn_upside_fill (facts, entry, result);
  /* the yearly cap that holds what it counts holds what it may give */
  if (entry->cut_cny > 0 && result->high_cny != PN_YUAN_UNSET)
    result->high_cny = MAX (result->estimate_cny, result->high_cny - entry->cut_cny);

  switch (result->not_counted)
    {
    case PN_NOT_COUNTED_NONE:
      break;
    case PN_NOT_COUNTED_DRAFT:
      set_reason (result, g_strdup ("征求意见稿，尚未施行"),
                  g_strdup ("Draft for comment: not in force"));
      break;
    case PN_NOT_COUNTED_SUPERSEDED:
      {
        const PnSupersededBy *by = pn_facts_superseded_by (facts, benefit);
        PnDocument *replacing;  /* the corpus's */
        g_autofree char *zh = NULL;
        g_autofree char *en = NULL;

        replacing = by != NULL ? pn_corpus_find_header (facts->corpus, by->by, NULL) : NULL;
        if (replacing != NULL && replacing->doc_number != NULL)
          {
            zh = g_strdup (replacing->doc_number);
            en = g_strdup (replacing->doc_number);
          }
        else if (replacing != NULL)
          {
            zh = pn_strdup_template ("《%s》", replacing->title.zh);
            en = g_strdup (replacing->title.en);
          }
        else
          {
            zh = g_strdup (by != NULL ? by->by : "");
            en = g_strdup (by != NULL ? by->by : "");
          }
        {
          g_autofree char *from_zh = pn_date_to_words (by ? by->from : "", TRUE);
          g_autofree char *from_en = pn_date_to_words (by ? by->from : "", FALSE);

          set_reason (result,
                      pn_strdup_template ("自%s起由%s取代，不再计入", from_zh, zh),
                      pn_strdup_template ("Superseded by %s from %s: not counted", en, from_en));
        }
        result->superseded_by = by != NULL ? g_strdup (by->by) : NULL;
      }
      break;
    case PN_NOT_COUNTED_EXPIRED:
      {
        g_autofree char *until_zh = pn_date_to_words (result->valid_until, TRUE);
        g_autofree char *until_en = pn_date_to_words (result->valid_until, FALSE);

        set_reason (result, pn_strdup_template ("已于%s到期", until_zh),
                    pn_strdup_template ("Expired on %s", until_en));
      }
      break;
    case PN_NOT_COUNTED_PENDING:
      {
        g_autofree char *from_zh = pn_date_to_words (result->valid_from, TRUE);
        g_autofree char *from_en = pn_date_to_words (result->valid_from, FALSE);

        set_reason (result, pn_strdup_template ("尚未施行（%s起）", from_zh),
                    pn_strdup_template ("Not yet in force (from %s)", from_en));
      }
      break;
    case PN_NOT_COUNTED_POSSIBLE:
      {
        g_autofree char *zh = pn_result_describe_missing_in (result, facts->taxonomy, PN_LANG_ZH);
        g_autofree char *en = pn_result_describe_missing_in (result, facts->taxonomy, PN_LANG_EN);

        set_reason (result, pn_strdup_template ("可能符合，尚需：%s", zh),
                    pn_strdup_template ("Possible match; still needs: %s", en));
      }
      break;
    case PN_NOT_COUNTED_MISSING_FIGURE:
    case PN_NOT_COUNTED_THRESHOLD:
    case PN_NOT_COUNTED_UNSPECIFIED:
    case PN_NOT_COUNTED_NON_MONETARY:
      set_reason (result, g_strdup (text_zh), g_strdup (text_en));
      break;
    case PN_NOT_COUNTED_NOTHING_DUE:
      {
        const PnReadingResult *other = best_other_reading (result);

        if (other != NULL)
          {
            g_autofree char *y = pn_money_format_yuan (other->estimate_cny);
            g_autofree char *w = pn_money_format_wan (other->estimate_cny);

            set_reason (result,
                        pn_strdup_template ("按本工具采用的理解无可获得金额；按另一种理解为%s，须向主管部门确认", w),
                        pn_strdup_template ("Nothing is due on the reading this tool counts; read the other way it gives %s: confirm with the authority", y));
          }
        else
          set_reason (result, g_strdup ("按所填金额无可获得金额"),
                      g_strdup ("Nothing is due for the figures given"));
      }
      break;
    case PN_NOT_COUNTED_OVERLAP:
      {
        g_autofree char *citation_zh = pn_citation_format (winner->benefit->article, PN_LANG_ZH);
        g_autofree char *citation_en = pn_citation_format (winner->benefit->article, PN_LANG_EN);
        g_autofree char *w_y = pn_money_format_yuan (winner->estimate_cny);
        g_autofree char *w_w = pn_money_format_wan (winner->estimate_cny);
        g_autofree char *s_y = pn_money_format_yuan (result->estimate_cny);
        g_autofree char *s_w = pn_money_format_wan (result->estimate_cny);

        set_reason (result,
                    pn_strdup_template ("就高从优不重复：%s（%s）金额更高或同等（%s，本项%s）",
                                     winner->benefit->title.zh, citation_zh, w_w, s_w),
                    pn_strdup_template ("Not cumulative (就高从优不重复): %s (%s) gives %s, this gives %s",
                                     winner->benefit->title.en, citation_en, w_y, s_y));
      }
      break;
    }

  pn_worth_clear (&worth);
}
