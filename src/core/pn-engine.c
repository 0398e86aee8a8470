/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-engine"

#include "config.h"

#include <string.h>

#include "pn-engine-private.h"
#include "pn-result-private.h"
#include "pn-corpus-private.h"
#include "pn-money.h"

/* What one benefit is worth for the profile's figures, before statuses and
 * overlaps are considered. */
typedef struct
{
  gint64        estimate;     /* PN_YUAN_UNSET when a figure is missing */
  gint64        base;
  gint64        threshold;
  gint64        topped_up;
  PnNotCounted  problem;      /* MISSING_FIGURE, THRESHOLD, UNSPECIFIED, NON_MONETARY */
  PnFigure      missing_figure;
  GString      *zh;
  GString      *en;
} Worth;

static void
worth_clear (Worth *worth)
{
  g_string_free (worth->zh, TRUE);
  g_string_free (worth->en, TRUE);
}

static const char *
figure_label (PnTaxonomy *taxonomy,
              PnFigure    figure,
              gboolean    zh)
{
  const PnTerm *term = pn_taxonomy_get_term (taxonomy, "figure", pn_figure_to_string (figure));

  if (term == NULL)
    return pn_figure_to_string (figure);
  return zh ? term->zh : term->en;
}

/* rate × value, floored to the yuan; rates have at most four decimals */
static gint64
apply_rate (double rate,
            gint64 value)
{
  gint64 basis_points = (gint64) (rate * 10000.0 + 0.5);

  if (value > G_MAXINT64 / 10001)
    return (gint64) ((double) value * basis_points / 10000.0);
  return value * basis_points / 10000;
}

/* An ISO date (the schema's Date, a profile's as-of) as YYYYMMDD, which
 * orders as the string does; `none` for NULL. */
static guint32
day_key (const char *date,
         guint32     none)
{
  guint32 day = 0;

  if (date == NULL)
    return none;
  for (const char *p = date; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      day = day * 10 + (guint32) (*p - '0');
  return day;
}

/* What the engine reads of the profile, once per evaluation: the
 * effective answers as strings and as quarks, the as-of date. */
typedef struct
{
  PnProfile   *profile;
  PnTaxonomy  *taxonomy;
  const char  *as_of;
  guint32      as_of_day;   /* day_key() */
  const char  *answers[PN_N_QUESTIONS];
  GQuark       quarks[PN_N_QUESTIONS];
} Facts;

static void
facts_init (Facts      *facts,
            PnProfile  *profile,
            PnTaxonomy *taxonomy,
            const char *as_of)
{
  facts->profile = profile;
  facts->taxonomy = taxonomy;
  facts->as_of = as_of;
  facts->as_of_day = day_key (as_of, 0);
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    {
      facts->answers[q] = pn_profile_get_effective_answer (profile, q);
      /* the candidates are read after this: their conditions' quarks may
       * not exist yet (answers are vocabulary ids, a bounded set) */
      facts->quarks[q] = facts->answers[q] ? g_quark_from_string (facts->answers[q]) : 0;
    }
}

static gboolean
quark_in (const GQuark *quarks,
          GQuark        quark)
{
  if (quarks == NULL || quark == 0)
    return FALSE;
  for (; *quarks != 0; quarks++)
    if (*quarks == quark)
      return TRUE;
  return FALSE;
}

static PnConditionState
condition_state (const Facts       *facts,
                 const PnCondition *condition)
{
  PnQuestion question = condition->question;

  if (facts->answers[question] == NULL)
    return condition->asks_nothing ? PN_CONDITION_MET : PN_CONDITION_UNKNOWN;
  if (quark_in (condition->value_quarks, facts->quarks[question]))
    return PN_CONDITION_MET;
  if (quark_in (condition->review_quarks, facts->quarks[question]))
    return PN_CONDITION_REVIEW;
  return PN_CONDITION_UNMET;
}

/* Returns FALSE when a given answer contradicts a condition; otherwise
 * counts in `out_open` what is still open (unanswered or for review). */
static gboolean
check_conditions (const Facts *facts,
                  PnBenefit   *benefit,
                  guint       *out_open)
{
  guint open = 0;

  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      PnConditionState state = condition_state (facts, g_ptr_array_index (benefit->conditions, i));

      if (state == PN_CONDITION_UNMET)
        return FALSE;
      if (state != PN_CONDITION_MET)
        open++;
    }

  if (out_open != NULL)
    *out_open = open;
  return TRUE;
}

/* The conditions one by one, and what is still missing, for a benefit
 * check_conditions() accepted. */
static void
record_conditions (const Facts *facts,
                   PnBenefit   *benefit,
                   PnResult    *result)
{
  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      const PnCondition *condition = g_ptr_array_index (benefit->conditions, i);
      PnConditionResult *cr = g_new0 (PnConditionResult, 1);

      cr->question = condition->question;
      cr->state = condition_state (facts, condition);
      cr->condition = condition;
      g_ptr_array_add (result->conditions, cr);

      if (cr->state == PN_CONDITION_UNKNOWN)
        g_ptr_array_add (result->missing, g_strdup (pn_question_to_string (condition->question)));
      else if (cr->state == PN_CONDITION_REVIEW)
        g_ptr_array_add (result->missing,
                         g_strdup_printf ("review:%s", pn_question_to_string (condition->question)));
    }
}

/* Requirements the data cannot check: each one not attested by the
 * applicant leaves the match possible. */
static guint
count_open_requirements (PnBenefit *benefit)
{
  guint open = 0;

  for (guint r = 0; r < benefit->requirements->len; r++)
    if (!((PnRequirement *) g_ptr_array_index (benefit->requirements, r))->attestation)
      open++;
  return open;
}

/* Whether the derivation is being written: the first pass of an
 * evaluation computes amounts only, the text is written when a result is
 * read (_pn_engine_fill_result). */
static inline gboolean
telling (const Worth *worth)
{
  return worth->en != NULL;
}

static void
append_cap (Worth      *worth,
            gint64      uncapped,
            gint64      cap)
{
  g_autofree char *cap_y = NULL;
  g_autofree char *cap_w = NULL;

  if (!telling (worth))
    return;

  cap_y = pn_money_format_yuan (cap);
  cap_w = pn_money_format_wan (cap);
  if (uncapped > cap)
    {
      g_string_append_printf (worth->en, "; capped at %s", cap_y);
      g_string_append_printf (worth->zh, "，超过上限，按上限%s计", cap_w);
    }
  else
    {
      g_string_append_printf (worth->en, "; cap %s not reached", cap_y);
      g_string_append_printf (worth->zh, "，未超过上限%s", cap_w);
    }
}

static void
say (Worth      *worth,
     const char *en,
     const char *zh)
{
  if (!telling (worth))
    return;
  g_string_append (worth->en, en);
  g_string_append (worth->zh, zh);
}

static void compute_worth (PnCorpus    *corpus,
                           PnBenefit   *benefit,
                           const Facts *facts,
                           Worth       *worth,
                           guint        depth);

static PnStatus
status_between (gboolean draft,
                guint32  from_day,
                guint32  until_day,
                guint32  as_of_day)
{
  if (draft)
    return PN_STATUS_DRAFT;
  if (as_of_day < from_day)
    return PN_STATUS_PENDING;
  if (as_of_day > until_day)
    return PN_STATUS_EXPIRED;
  return PN_STATUS_IN_FORCE;
}

static PnStatus
status_on (PnBenefit *benefit,
           guint32    as_of_day)
{
  const char *from;
  const char *until;

  pn_benefit_get_validity (benefit, &from, &until);
  return status_between (benefit->document->draft, day_key (from, 0),
                         day_key (until, G_MAXUINT32), as_of_day);
}

/* The most a top-up's target gives for the same profile: 0 when the
 * profile contradicts it, unset when a figure is missing.  A target that
 * is not in force on the as-of date (the province's 2022—2025 task list
 * in 2026) is deducted all the same: "在省级奖励的基础上配套补足到40%"
 * adds the difference over the provincial award, it does not take its
 * place.  Only a draft, never in force, is not deducted.  `out_lapsed`
 * is the deducted target when it is not in force. */
static gint64
target_award (PnCorpus    *corpus,
              PnBenefit   *benefit,
              const Facts *facts,
              guint        depth,
              PnBenefit  **out_target,
              PnBenefit  **out_lapsed)
{
  gint64 best = 0;
  gboolean unknown = FALSE;

  *out_target = NULL;
  *out_lapsed = NULL;

  for (guint i = 0; benefit->tops_up && benefit->tops_up[i]; i++)
    {
      /* read with the candidates (_pn_corpus_get_candidates): no error now */
      PnBenefit *target = pn_corpus_find_benefit (corpus, benefit->tops_up[i], NULL);
      Worth worth = { 0, };

      if (target == NULL || target == benefit || target->document->draft ||
          !check_conditions (facts, target, NULL))
        continue;

      compute_worth (corpus, target, facts, &worth, depth + 1);
      if (worth.estimate == PN_YUAN_UNSET && worth.problem == PN_NOT_COUNTED_MISSING_FIGURE)
        unknown = TRUE;
      else if (worth.estimate != PN_YUAN_UNSET && worth.estimate >= best)
        {
          best = worth.estimate;
          *out_target = target;
        }
    }

  if (*out_target != NULL &&
      status_on (*out_target, facts->as_of_day) != PN_STATUS_IN_FORCE)
    *out_lapsed = *out_target;

  return unknown ? PN_YUAN_UNSET : best;
}

static void
compute_worth (PnCorpus    *corpus,
               PnBenefit   *benefit,
               const Facts *facts,
               Worth       *worth,
               guint        depth)
{
  PnTaxonomy *taxonomy = facts->taxonomy;
  PnProfile *profile = facts->profile;

  worth->estimate = PN_YUAN_UNSET;
  worth->base = PN_YUAN_UNSET;
  worth->threshold = PN_YUAN_UNSET;
  worth->topped_up = PN_YUAN_UNSET;
  worth->problem = PN_NOT_COUNTED_NONE;
  worth->missing_figure = PN_FIGURE_NONE;

  if (benefit->kind == PN_BENEFIT_NON_MONETARY)
    {
      worth->problem = PN_NOT_COUNTED_NON_MONETARY;
      say (worth, "Non-monetary support", "非资金支持");
      return;
    }

  if (benefit->kind == PN_BENEFIT_UNSPECIFIED)
    {
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      say (worth, "The text states no amount", "原文未规定金额");
      if (telling (worth) && benefit->cap != PN_YUAN_UNSET)
        {
          g_autofree char *y = pn_money_format_yuan (benefit->cap);
          g_autofree char *w = pn_money_format_wan (benefit->cap);

          g_string_append_printf (worth->en, "; at most %s", y);
          g_string_append_printf (worth->zh, "，最高%s", w);
        }
      return;
    }

  /* Thresholds first: a fixed award is due only once they are met. */
  for (guint i = 0; i < benefit->thresholds->len; i++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, i);
      gint64 value = pn_profile_get_figure (profile, threshold->figure);
      gboolean met = value != PN_YUAN_UNSET &&
                     (threshold->inclusive ? value >= threshold->min : value > threshold->min);
      g_autofree char *min_y = NULL;
      g_autofree char *min_w = NULL;
      g_autofree char *v_y = NULL;
      g_autofree char *v_w = NULL;
      const char *op_en = threshold->inclusive ? "≥" : ">";
      const char *op_zh = threshold->inclusive ? "达到" : "超过";
      const char *label_en = NULL;
      const char *label_zh = NULL;

      worth->threshold = threshold->min;

      if (telling (worth))
        {
          min_y = pn_money_format_yuan (threshold->min);
          min_w = pn_money_format_wan (threshold->min);
          label_en = figure_label (taxonomy, threshold->figure, FALSE);
          label_zh = figure_label (taxonomy, threshold->figure, TRUE);
          if (value != PN_YUAN_UNSET)
            {
              v_y = pn_money_format_yuan (value);
              v_w = pn_money_format_wan (value);
            }
        }

      if (value == PN_YUAN_UNSET)
        {
          worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
          worth->missing_figure = threshold->figure;
          if (telling (worth))
            {
              g_string_append_printf (worth->en, "Needs %s (threshold %s %s)", label_en, op_en, min_y);
              g_string_append_printf (worth->zh, "需提供%s（门槛%s%s）", label_zh, op_zh, min_w);
            }
          return;
        }

      if (!met)
        {
          worth->problem = PN_NOT_COUNTED_THRESHOLD;
          worth->estimate = 0;
          if (telling (worth))
            {
              g_string_append_printf (worth->en, "%s %s is below the threshold (%s %s)",
                                      label_en, v_y, op_en, min_y);
              g_string_append_printf (worth->zh, "%s%s未达到门槛（%s%s）",
                                      label_zh, v_w, op_zh, min_w);
            }
          return;
        }

      if (telling (worth))
        {
          g_string_append_printf (worth->en, "%s %s %s %s; ", label_en, v_y, op_en, min_y);
          g_string_append_printf (worth->zh, "%s%s%s门槛%s；", label_zh, v_w, op_zh, min_w);
        }
    }

  if (benefit->kind == PN_BENEFIT_FIXED)
    {
      gint64 amount = benefit->amount != PN_YUAN_UNSET ? benefit->amount : benefit->cap;

      if (amount == PN_YUAN_UNSET)
        {
          worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
          say (worth, "The text states no amount", "原文未规定金额");
          return;
        }

      worth->estimate = amount;
      if (telling (worth))
        {
          g_autofree char *y = pn_money_format_yuan (amount);
          g_autofree char *w = pn_money_format_wan (amount);

          /* the data's way of saying 最高 (up to): the amount is the cap */
          if (benefit->cap != PN_YUAN_UNSET && benefit->cap <= amount)
            {
              g_string_append_printf (worth->en, "award of up to %s, counted at that ceiling; "
                                      "the actual award may be lower", y);
              g_string_append_printf (worth->zh, "最高奖励%s，按上限计，实际金额可能更低", w);
            }
          else
            {
              g_string_append_printf (worth->en, "fixed award %s", y);
              g_string_append_printf (worth->zh, "定额奖励%s", w);
            }
        }
      return;
    }

  /* rate, matching, top-up */
  if (benefit->base != PN_FIGURE_NONE)
    {
      gint64 value = pn_profile_get_figure (profile, benefit->base);
      double rate = benefit->rate >= 0 ? benefit->rate : 0;
      const char *label_en = NULL;
      const char *label_zh = NULL;
      gint64 uncapped;
      gint64 estimate;

      if (telling (worth))
        {
          label_en = figure_label (taxonomy, benefit->base, FALSE);
          label_zh = figure_label (taxonomy, benefit->base, TRUE);
        }

      if (value == PN_YUAN_UNSET)
        {
          worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
          worth->missing_figure = benefit->base;
          if (telling (worth))
            {
              g_string_append_printf (worth->en, "Needs %s", label_en);
              g_string_append_printf (worth->zh, "需提供%s", label_zh);
              if (benefit->cap != PN_YUAN_UNSET)
                {
                  g_autofree char *y = pn_money_format_yuan (benefit->cap);
                  g_autofree char *w = pn_money_format_wan (benefit->cap);

                  g_string_append_printf (worth->en, "; up to %s", y);
                  g_string_append_printf (worth->zh, "，最高%s", w);
                }
            }
          return;
        }

      worth->base = value;
      uncapped = apply_rate (rate, value);
      estimate = uncapped;
      if (telling (worth))
        {
          g_autofree char *rate_str = pn_money_format_rate (rate);
          g_autofree char *v_y = pn_money_format_yuan (value);
          g_autofree char *v_w = pn_money_format_wan (value);
          g_autofree char *e_y = pn_money_format_yuan (uncapped);
          g_autofree char *e_w = pn_money_format_wan (uncapped);

          g_string_append_printf (worth->en, "%s × %s %s = %s", rate_str, label_en, v_y, e_y);
          g_string_append_printf (worth->zh, "%s%s × %s = %s", label_zh, v_w, rate_str, e_w);
        }

      if (benefit->cap != PN_YUAN_UNSET)
        {
          append_cap (worth, uncapped, benefit->cap);
          estimate = MIN (estimate, benefit->cap);
        }

      if (benefit->combined_limit != PN_FIGURE_NONE)
        {
          gint64 limit = pn_profile_get_figure (profile, benefit->combined_limit);
          const char *limit_en = NULL;
          const char *limit_zh = NULL;

          if (telling (worth))
            {
              limit_en = figure_label (taxonomy, benefit->combined_limit, FALSE);
              limit_zh = figure_label (taxonomy, benefit->combined_limit, TRUE);
            }

          if (limit == PN_YUAN_UNSET)
            {
              if (telling (worth))
                {
                  g_string_append_printf (worth->en, "; the award plus %s may not exceed %s (not given)",
                                          label_en, limit_en);
                  g_string_append_printf (worth->zh, "；资助总额不得超过%s（未提供）", limit_zh);
                }
            }
          else
            {
              gint64 room = MAX (0, limit - value);

              if (telling (worth))
                {
                  g_autofree char *v_y = pn_money_format_yuan (value);
                  g_autofree char *l_y = pn_money_format_yuan (limit);
                  g_autofree char *l_w = pn_money_format_wan (limit);
                  g_autofree char *r_y = pn_money_format_yuan (room);
                  g_autofree char *r_w = pn_money_format_wan (room);

                  g_string_append_printf (worth->en, "; limited by %s %s − %s = %s",
                                          limit_en, l_y, v_y, r_y);
                  g_string_append_printf (worth->zh, "；资助总额不超过%s%s，本项最多%s",
                                          limit_zh, l_w, r_w);
                }
              estimate = MIN (estimate, room);
            }
        }

      worth->estimate = estimate;
    }
  else if (benefit->kind == PN_BENEFIT_TOP_UP && benefit->amount != PN_YUAN_UNSET)
    {
      worth->estimate = benefit->amount;
      if (telling (worth))
        {
          g_autofree char *y = pn_money_format_yuan (benefit->amount);
          g_autofree char *w = pn_money_format_wan (benefit->amount);

          g_string_append_printf (worth->en, "top-up to %s", y);
          g_string_append_printf (worth->zh, "补足至%s", w);
        }
    }
  else
    {
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      say (worth, "The text states no amount", "原文未规定金额");
      return;
    }

  if (benefit->kind == PN_BENEFIT_TOP_UP && depth < 4)
    {
      PnBenefit *target = NULL;
      PnBenefit *lapsed = NULL;
      gint64 award = target_award (corpus, benefit, facts, depth, &target, &lapsed);

      if (award == PN_YUAN_UNSET)
        {
          worth->estimate = PN_YUAN_UNSET;
          worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
          say (worth, "; the award it tops up needs a figure", "；被补足的奖励缺少所需金额");
        }
      else
        {
          gint64 difference = MAX (0, worth->estimate - award);

          worth->topped_up = award;
          worth->estimate = difference;

          if (telling (worth))
            {
              g_autofree char *a_y = pn_money_format_yuan (award);
              g_autofree char *a_w = pn_money_format_wan (award);
              g_autofree char *d_y = pn_money_format_yuan (difference);
              g_autofree char *d_w = pn_money_format_wan (difference);

              if (target != NULL && lapsed != NULL)
                {
                  g_autofree char *citation = pn_article_citation (target->article);

                  g_string_append_printf (worth->en,
                                          "; minus the award it tops up (%s) %s = %s: that award is not "
                                          "in force on this date, but the top-up adds only the "
                                          "difference over it",
                                          citation, a_y, d_y);
                  g_string_append_printf (worth->zh,
                                          "；减去被补足的奖励（%s）%s，补足%s：该奖励在该日期不在有效期内，"
                                          "但补足额仍只为其差额",
                                          citation, a_w, d_w);
                }
              else if (target != NULL)
                {
                  g_autofree char *citation = pn_article_citation (target->article);

                  g_string_append_printf (worth->en, "; minus the award it tops up (%s) %s = %s",
                                          citation, a_y, d_y);
                  g_string_append_printf (worth->zh, "；减去被补足的奖励（%s）%s，补足%s",
                                          citation, a_w, d_w);
                }
              else
                {
                  g_string_append_printf (worth->en, "; no higher-level award applies to deduct: %s",
                                          d_y);
                  g_string_append_printf (worth->zh, "；无可扣减的上级奖励：%s", d_w);
                }
            }
        }
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
add_notes (PnResult *result)
{
  PnBenefit *benefit = result->benefit;

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
        g_autofree char *zh = g_strdup_printf ("年度上限：每%s每年最高%s（第%s条），与同一上限下的其他奖励合计",
                                               g_strcmp0 (cap->per, "enterprise") == 0 ? "家企业" : "个单位",
                                               w, cap->article);
        g_autofree char *en = g_strdup_printf ("Annual cap: at most %s a year per %s (art. %s), shared with the other awards under it",
                                               y, cap->per, cap->article);

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

          g_string_append_printf (zh, "%s%s", i ? "、" : "", rate);
          g_string_append_printf (en, "%s%s", i ? ", " : "", rate);
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

/* Higher estimate wins; on a tie the more local document, then the id.
 * A total order: every member of a group agrees on the winner. */
static gboolean
beats (PnTaxonomy          *taxonomy,
       const PnResultEntry *a,
       const PnResultEntry *b)
{
  guint depth_a, depth_b;

  if (a->estimate_cny != b->estimate_cny)
    return a->estimate_cny > b->estimate_cny;

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

/* 就高从优不重复: in each overlap group only the highest counts.  One
 * pass finds each group's winner, a second marks the others. */
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
      if (winner == 0 || beats (taxonomy, entry, _pn_results_peek (results, winner - 1)))
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

/* The first pass: whether the benefit is listed, its match and state,
 * and, when it may enter the total, its amount.  Nothing else. */
static void
evaluate_benefit (PnCorpus    *corpus,
                  const Facts *facts,
                  PnResults   *results,
                  PnBenefit   *benefit)
{
  PnResultEntry *entry;
  Worth worth = { 0, };
  guint open;

  /* Most candidates contradict the profile and are not listed at all. */
  if (!check_conditions (facts, benefit, &open))
    return;
  open += count_open_requirements (benefit);

  entry = _pn_results_append (results, benefit);
  entry->match = open == 0 ? PN_MATCH_DEFINITE : PN_MATCH_POSSIBLE;
  entry->status = status_on (benefit, facts->as_of_day);

  if (entry->status == PN_STATUS_DRAFT)
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
      compute_worth (corpus, benefit, facts, &worth, 0);
      entry->priced = TRUE;
      entry->estimate_cny = worth.estimate;
      if (worth.problem != PN_NOT_COUNTED_NONE)
        entry->not_counted = worth.problem;
      else if (worth.estimate == PN_YUAN_UNSET || worth.estimate <= 0)
        entry->not_counted = PN_NOT_COUNTED_NOTHING_DUE;
    }
  entry->counted = entry->not_counted == PN_NOT_COUNTED_NONE;
}

PnResults *
pn_engine_evaluate (PnCorpus   *corpus,
                    PnProfile  *profile,
                    GError    **error)
{
  g_autoptr(PnResults) results = NULL;
  g_autoptr(PnProfile) snapshot = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autofree char *as_of = NULL;
  const char *location;
  Facts facts;
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

  facts_init (&facts, snapshot, pn_corpus_get_taxonomy (corpus), pn_results_get_as_of (results));
  /* the second pass reads the same facts */
  _pn_results_set_engine_data (results, g_memdup2 (&facts, sizeof facts), g_free);

  /* The benefits of the documents at the location or above it that the
   * answers may match, in document order. */
  candidates = _pn_corpus_get_candidates (corpus, location, facts.answers, error);
  if (candidates == NULL)
    return NULL;

  _pn_results_reserve (results, candidates->len);
  for (guint i = 0; i < candidates->len; i++)
    evaluate_benefit (corpus, &facts, results, g_ptr_array_index (candidates, i));

  resolve_overlaps (results, facts.taxonomy);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResultEntry *entry = _pn_results_peek (results, i);

      if (entry->counted)
        total = pn_money_add (total, entry->estimate_cny);
    }
  _pn_results_set_total (results, total);

  return g_steal_pointer (&results);
}

/* The second pass, for one result when it is first read: the conditions
 * one by one, what is missing, the derivation, the notes and the reason
 * it is not counted, in both languages. */
void
_pn_engine_fill_result (PnResults *results,
                        guint      position,
                        PnResult  *result)
{
  PnCorpus *corpus = pn_results_get_corpus (results);
  const Facts *facts = _pn_results_get_engine_data (results);
  const PnResultEntry *entry = _pn_results_peek (results, position);
  const PnResultEntry *winner = NULL;
  PnBenefit *benefit = entry->benefit;
  Worth worth = { 0, };

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
          g_autofree char *zh = g_strdup_printf ("须由申请人确认：%s", requirement->text.zh);
          g_autofree char *en = g_strdup_printf ("The applicant must also confirm: %s", requirement->text.en);

          g_ptr_array_add (result->notes, pn_text_new (zh, en));
          continue;
        }
      g_ptr_array_add (result->missing, g_strdup_printf ("requirement:%s", requirement->id));
    }

  worth.zh = g_string_new (NULL);
  worth.en = g_string_new (NULL);
  compute_worth (corpus, benefit, facts, &worth, 0);
  /* the same amounts as the first pass: one function computes both */
  g_warn_if_fail (!entry->priced || worth.estimate == entry->estimate_cny);
  result->base_cny = worth.base;
  result->threshold_cny = worth.threshold;
  result->estimate_cny = worth.estimate;
  result->topped_up_cny = worth.topped_up;
  result->derivation.zh = g_strdup (worth.zh->str);
  result->derivation.en = g_strdup (worth.en->str);
  add_notes (result);

  switch (result->not_counted)
    {
    case PN_NOT_COUNTED_NONE:
      break;
    case PN_NOT_COUNTED_DRAFT:
      set_reason (result, g_strdup ("征求意见稿，尚未施行"),
                  g_strdup ("Draft for comment: never in force"));
      break;
    case PN_NOT_COUNTED_EXPIRED:
      set_reason (result, g_strdup_printf ("已于%s到期", result->valid_until),
                  g_strdup_printf ("Expired on %s", result->valid_until));
      break;
    case PN_NOT_COUNTED_PENDING:
      set_reason (result, g_strdup_printf ("尚未施行（%s起）", result->valid_from),
                  g_strdup_printf ("Not yet in force (from %s)", result->valid_from));
      break;
    case PN_NOT_COUNTED_POSSIBLE:
      {
        g_autofree char *zh = pn_result_describe_missing (result, PN_LANG_ZH);
        g_autofree char *en = pn_result_describe_missing (result, PN_LANG_EN);

        set_reason (result, g_strdup_printf ("可能符合，尚需：%s", zh),
                    g_strdup_printf ("Possible match; still needs: %s", en));
      }
      break;
    case PN_NOT_COUNTED_MISSING_FIGURE:
    case PN_NOT_COUNTED_THRESHOLD:
    case PN_NOT_COUNTED_UNSPECIFIED:
    case PN_NOT_COUNTED_NON_MONETARY:
      set_reason (result, g_strdup (worth.zh->str), g_strdup (worth.en->str));
      break;
    case PN_NOT_COUNTED_NOTHING_DUE:
      set_reason (result, g_strdup ("按所填金额无可获得金额"),
                  g_strdup ("Nothing is due for the figures given"));
      break;
    case PN_NOT_COUNTED_OVERLAP:
      {
        g_autofree char *citation = pn_article_citation (winner->benefit->article);
        g_autofree char *w_y = pn_money_format_yuan (winner->estimate_cny);
        g_autofree char *w_w = pn_money_format_wan (winner->estimate_cny);
        g_autofree char *s_y = pn_money_format_yuan (result->estimate_cny);
        g_autofree char *s_w = pn_money_format_wan (result->estimate_cny);

        set_reason (result,
                    g_strdup_printf ("就高从优不重复：%s（%s）金额更高或同等（%s，本项%s）",
                                     winner->benefit->title.zh, citation, w_w, s_w),
                    g_strdup_printf ("Not cumulative (就高从优不重复): %s (%s) gives %s, this gives %s",
                                     winner->benefit->title.en, citation, w_y, s_y));
      }
      break;
    }

  worth_clear (&worth);
}
