/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-engine"

#include "config.h"

#include <string.h>

#include "pn-engine.h"
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

static gboolean
value_in (GStrv       values,
          const char *value)
{
  return values != NULL && value != NULL && g_strv_contains ((const char * const *) values, value);
}

/* A condition that accepts every term of its vocabulary asks nothing. */
static gboolean
accepts_every_term (PnTaxonomy        *taxonomy,
                    const PnCondition *condition)
{
  GPtrArray *terms = pn_taxonomy_get_terms (taxonomy, pn_question_to_string (condition->question));

  if (terms == NULL || terms->len == 0)
    return FALSE;

  for (guint i = 0; i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      if (!value_in (condition->values, term->id))
        return FALSE;
    }

  return TRUE;
}

/* Returns FALSE when a given answer contradicts a condition. */
static gboolean
evaluate_conditions (PnTaxonomy *taxonomy,
                     PnBenefit  *benefit,
                     PnProfile  *profile,
                     PnResult   *result)
{
  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      const PnCondition *condition = g_ptr_array_index (benefit->conditions, i);
      const char *answer = pn_profile_get_effective_answer (profile, condition->question);
      PnConditionState state;

      if (answer == NULL)
        state = accepts_every_term (taxonomy, condition) ? PN_CONDITION_MET : PN_CONDITION_UNKNOWN;
      else if (value_in (condition->values, answer))
        state = PN_CONDITION_MET;
      else if (value_in (condition->review, answer))
        state = PN_CONDITION_REVIEW;
      else
        state = PN_CONDITION_UNMET;

      if (state == PN_CONDITION_UNMET)
        return FALSE;

      if (result != NULL)
        {
          PnConditionResult *cr = g_new0 (PnConditionResult, 1);

          cr->question = condition->question;
          cr->state = state;
          cr->condition = condition;
          g_ptr_array_add (result->conditions, cr);

          if (state == PN_CONDITION_UNKNOWN)
            g_ptr_array_add (result->missing, g_strdup (pn_question_to_string (condition->question)));
          else if (state == PN_CONDITION_REVIEW)
            g_ptr_array_add (result->missing,
                             g_strdup_printf ("review:%s", pn_question_to_string (condition->question)));
        }
    }

  return TRUE;
}

static void
append_cap (Worth      *worth,
            gint64      uncapped,
            gint64      cap)
{
  g_autofree char *cap_y = pn_money_format_yuan (cap);
  g_autofree char *cap_w = pn_money_format_wan (cap);

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

static void compute_worth (PnCorpus  *corpus,
                           PnBenefit *benefit,
                           PnProfile *profile,
                           Worth     *worth,
                           guint      depth);

static PnStatus status_on (PnBenefit   *benefit,
                           const char  *as_of,
                           const char **out_from,
                           const char **out_until);

/* The most a top-up's target gives for the same profile: 0 when the
 * profile contradicts it, unset when a figure is missing.  A target not
 * in force on the as-of date (the province's 2022—2025 task list in 2026)
 * gives nothing, so nothing of it is deducted: "配套补足到40%" then
 * makes up the whole 40%.  `out_lapsed` names such a target. */
static gint64
target_award (PnCorpus   *corpus,
              PnBenefit  *benefit,
              PnProfile  *profile,
              guint       depth,
              PnBenefit **out_target,
              PnBenefit **out_lapsed)
{
  g_autofree char *as_of = pn_profile_dup_effective_as_of (profile);
  gint64 best = 0;
  gboolean unknown = FALSE;

  *out_target = NULL;
  *out_lapsed = NULL;

  for (guint i = 0; benefit->tops_up && benefit->tops_up[i]; i++)
    {
      PnBenefit *target = pn_corpus_find_benefit (corpus, benefit->tops_up[i]);
      Worth worth = { 0, };
      const char *from;
      const char *until;

      if (target == NULL || target == benefit || !evaluate_conditions (pn_corpus_get_taxonomy (corpus), target, profile, NULL))
        continue;

      if (status_on (target, as_of, &from, &until) != PN_STATUS_IN_FORCE)
        {
          *out_lapsed = target;
          continue;
        }

      worth.zh = g_string_new (NULL);
      worth.en = g_string_new (NULL);
      compute_worth (corpus, target, profile, &worth, depth + 1);
      if (worth.estimate == PN_YUAN_UNSET && worth.problem == PN_NOT_COUNTED_MISSING_FIGURE)
        unknown = TRUE;
      else if (worth.estimate != PN_YUAN_UNSET && worth.estimate >= best)
        {
          best = worth.estimate;
          *out_target = target;
        }
      worth_clear (&worth);
    }

  return unknown ? PN_YUAN_UNSET : best;
}

static void
compute_worth (PnCorpus  *corpus,
               PnBenefit *benefit,
               PnProfile *profile,
               Worth     *worth,
               guint      depth)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);
  g_autofree char *rate_str = NULL;

  worth->estimate = PN_YUAN_UNSET;
  worth->base = PN_YUAN_UNSET;
  worth->threshold = PN_YUAN_UNSET;
  worth->topped_up = PN_YUAN_UNSET;
  worth->problem = PN_NOT_COUNTED_NONE;
  worth->missing_figure = PN_FIGURE_NONE;

  if (benefit->kind == PN_BENEFIT_NON_MONETARY)
    {
      worth->problem = PN_NOT_COUNTED_NON_MONETARY;
      g_string_append (worth->en, "Non-monetary support");
      g_string_append (worth->zh, "非资金支持");
      return;
    }

  if (benefit->kind == PN_BENEFIT_UNSPECIFIED)
    {
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      g_string_append (worth->en, "The text states no amount");
      g_string_append (worth->zh, "原文未规定金额");
      if (benefit->cap != PN_YUAN_UNSET)
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
      g_autofree char *min_y = pn_money_format_yuan (threshold->min);
      g_autofree char *min_w = pn_money_format_wan (threshold->min);
      const char *op_en = threshold->inclusive ? "≥" : ">";
      const char *label_en = figure_label (taxonomy, threshold->figure, FALSE);
      const char *label_zh = figure_label (taxonomy, threshold->figure, TRUE);

      worth->threshold = threshold->min;

      if (value == PN_YUAN_UNSET)
        {
          worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
          worth->missing_figure = threshold->figure;
          g_string_append_printf (worth->en, "Needs %s (threshold %s %s)", label_en, op_en, min_y);
          g_string_append_printf (worth->zh, "需提供%s（门槛%s%s）", label_zh,
                                  threshold->inclusive ? "达到" : "超过", min_w);
          return;
        }
      else
        {
          g_autofree char *v_y = pn_money_format_yuan (value);
          g_autofree char *v_w = pn_money_format_wan (value);
          gboolean met = threshold->inclusive ? value >= threshold->min : value > threshold->min;

          if (!met)
            {
              worth->problem = PN_NOT_COUNTED_THRESHOLD;
              worth->estimate = 0;
              g_string_append_printf (worth->en, "%s %s is below the threshold (%s %s)",
                                      label_en, v_y, op_en, min_y);
              g_string_append_printf (worth->zh, "%s%s未达到门槛（%s%s）",
                                      label_zh, v_w, threshold->inclusive ? "达到" : "超过", min_w);
              return;
            }

          g_string_append_printf (worth->en, "%s %s %s %s; ", label_en, v_y, op_en, min_y);
          g_string_append_printf (worth->zh, "%s%s%s门槛%s；", label_zh, v_w,
                                  threshold->inclusive ? "达到" : "超过", min_w);
        }
    }

  if (benefit->kind == PN_BENEFIT_FIXED)
    {
      gint64 amount = benefit->amount != PN_YUAN_UNSET ? benefit->amount : benefit->cap;
      g_autofree char *y = NULL;
      g_autofree char *w = NULL;

      if (amount == PN_YUAN_UNSET)
        {
          worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
          g_string_append (worth->en, "The text states no amount");
          g_string_append (worth->zh, "原文未规定金额");
          return;
        }

      y = pn_money_format_yuan (amount);
      w = pn_money_format_wan (amount);
      worth->estimate = amount;
      g_string_append_printf (worth->en, "fixed award %s", y);
      g_string_append_printf (worth->zh, "定额奖励%s", w);
      return;
    }

  /* rate, matching, top-up */
  if (benefit->base != PN_FIGURE_NONE)
    {
      gint64 value = pn_profile_get_figure (profile, benefit->base);
      const char *label_en = figure_label (taxonomy, benefit->base, FALSE);
      const char *label_zh = figure_label (taxonomy, benefit->base, TRUE);
      g_autofree char *v_y = NULL;
      g_autofree char *v_w = NULL;
      g_autofree char *e_y = NULL;
      g_autofree char *e_w = NULL;
      gint64 uncapped;
      gint64 estimate;

      if (value == PN_YUAN_UNSET)
        {
          worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
          worth->missing_figure = benefit->base;
          g_string_append_printf (worth->en, "Needs %s", label_en);
          g_string_append_printf (worth->zh, "需提供%s", label_zh);
          if (benefit->cap != PN_YUAN_UNSET)
            {
              g_autofree char *y = pn_money_format_yuan (benefit->cap);
              g_autofree char *w = pn_money_format_wan (benefit->cap);

              g_string_append_printf (worth->en, "; up to %s", y);
              g_string_append_printf (worth->zh, "，最高%s", w);
            }
          return;
        }

      worth->base = value;
      rate_str = pn_money_format_rate (benefit->rate >= 0 ? benefit->rate : 0);
      uncapped = apply_rate (benefit->rate >= 0 ? benefit->rate : 0, value);
      estimate = uncapped;
      v_y = pn_money_format_yuan (value);
      v_w = pn_money_format_wan (value);
      e_y = pn_money_format_yuan (uncapped);
      e_w = pn_money_format_wan (uncapped);
      g_string_append_printf (worth->en, "%s × %s %s = %s", rate_str, label_en, v_y, e_y);
      g_string_append_printf (worth->zh, "%s%s × %s = %s", label_zh, v_w, rate_str, e_w);

      if (benefit->cap != PN_YUAN_UNSET)
        {
          append_cap (worth, uncapped, benefit->cap);
          estimate = MIN (estimate, benefit->cap);
        }

      if (benefit->combined_limit != PN_FIGURE_NONE)
        {
          gint64 limit = pn_profile_get_figure (profile, benefit->combined_limit);
          const char *limit_en = figure_label (taxonomy, benefit->combined_limit, FALSE);
          const char *limit_zh = figure_label (taxonomy, benefit->combined_limit, TRUE);

          if (limit == PN_YUAN_UNSET)
            {
              g_string_append_printf (worth->en, "; the award plus %s may not exceed %s (not given)",
                                      label_en, limit_en);
              g_string_append_printf (worth->zh, "；资助总额不得超过%s（未提供）", limit_zh);
            }
          else
            {
              gint64 room = MAX (0, limit - value);
              g_autofree char *l_y = pn_money_format_yuan (limit);
              g_autofree char *l_w = pn_money_format_wan (limit);
              g_autofree char *r_y = pn_money_format_yuan (room);
              g_autofree char *r_w = pn_money_format_wan (room);

              g_string_append_printf (worth->en, "; limited by %s %s − %s = %s",
                                      limit_en, l_y, v_y, r_y);
              g_string_append_printf (worth->zh, "；资助总额不超过%s%s，本项最多%s",
                                      limit_zh, l_w, r_w);
              estimate = MIN (estimate, room);
            }
        }

      worth->estimate = estimate;
    }
  else if (benefit->kind == PN_BENEFIT_TOP_UP && benefit->amount != PN_YUAN_UNSET)
    {
      g_autofree char *y = pn_money_format_yuan (benefit->amount);
      g_autofree char *w = pn_money_format_wan (benefit->amount);

      worth->estimate = benefit->amount;
      g_string_append_printf (worth->en, "top-up to %s", y);
      g_string_append_printf (worth->zh, "补足至%s", w);
    }
  else
    {
      worth->problem = PN_NOT_COUNTED_UNSPECIFIED;
      g_string_append (worth->en, "The text states no amount");
      g_string_append (worth->zh, "原文未规定金额");
      return;
    }

  if (benefit->kind == PN_BENEFIT_TOP_UP && depth < 4)
    {
      PnBenefit *target = NULL;
      PnBenefit *lapsed = NULL;
      gint64 award = target_award (corpus, benefit, profile, depth, &target, &lapsed);

      if (award == PN_YUAN_UNSET)
        {
          worth->estimate = PN_YUAN_UNSET;
          worth->problem = PN_NOT_COUNTED_MISSING_FIGURE;
          g_string_append (worth->en, "; the award it tops up needs a figure");
          g_string_append (worth->zh, "；被补足的奖励缺少所需金额");
        }
      else
        {
          gint64 difference = MAX (0, worth->estimate - award);
          g_autofree char *a_y = pn_money_format_yuan (award);
          g_autofree char *a_w = pn_money_format_wan (award);
          g_autofree char *d_y = pn_money_format_yuan (difference);
          g_autofree char *d_w = pn_money_format_wan (difference);

          worth->topped_up = award;
          if (target != NULL)
            {
              g_autofree char *citation = pn_article_citation (target->article);

              g_string_append_printf (worth->en, "; minus the award it tops up (%s) %s = %s",
                                      citation, a_y, d_y);
              g_string_append_printf (worth->zh, "；减去被补足的奖励（%s）%s，补足%s",
                                      citation, a_w, d_w);
            }
          else if (lapsed != NULL)
            {
              g_autofree char *citation = pn_article_citation (lapsed->article);

              g_string_append_printf (worth->en,
                                      "; the award it tops up (%s) is not in force on this date, "
                                      "so nothing is deducted: %s",
                                      citation, d_y);
              g_string_append_printf (worth->zh, "；被补足的奖励（%s）在该日期不在有效期内，不作扣减：%s",
                                      citation, d_w);
            }
          else
            {
              g_string_append_printf (worth->en, "; no higher-level award applies to deduct: %s",
                                      d_y);
              g_string_append_printf (worth->zh, "；无可扣减的上级奖励：%s", d_w);
            }
          worth->estimate = difference;
        }
    }
}

static int
compare_dates (const char *a,
               const char *b)
{
  /* ISO dates compare as strings */
  return strcmp (a, b);
}

static PnStatus
status_on (PnBenefit  *benefit,
           const char *as_of,
           const char **out_from,
           const char **out_until)
{
  const char *from;
  const char *until;

  pn_benefit_get_validity (benefit, &from, &until);
  *out_from = from;
  *out_until = until;

  if (benefit->document->draft)
    return PN_STATUS_DRAFT;
  if (from != NULL && compare_dates (as_of, from) < 0)
    return PN_STATUS_PENDING;
  if (until != NULL && compare_dates (as_of, until) > 0)
    return PN_STATUS_EXPIRED;
  return PN_STATUS_IN_FORCE;
}

static void
set_reason (PnResult   *result,
            PnNotCounted reason,
            char       *zh,
            char       *en)
{
  result->counted = FALSE;
  result->not_counted = reason;
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
eligible_for_total (const PnResult *result)
{
  return result->status == PN_STATUS_IN_FORCE &&
         result->match == PN_MATCH_DEFINITE &&
         result->estimate_cny != PN_YUAN_UNSET &&
         result->estimate_cny > 0 &&
         (result->not_counted == PN_NOT_COUNTED_NONE ||
          result->not_counted == PN_NOT_COUNTED_OVERLAP);
}

/* Higher estimate wins; on a tie the more local document, then the id. */
static gboolean
beats (PnTaxonomy     *taxonomy,
       const PnResult *a,
       const PnResult *b)
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

static void
resolve_overlaps (PnResults  *results,
                  PnTaxonomy *taxonomy)
{
  guint n = pn_results_get_n_results (results);

  for (guint i = 0; i < n; i++)
    {
      PnResult *result = (PnResult *) pn_results_get_result (results, i);
      const PnResult *winner = result;
      const char *group = result->benefit->overlap_group;

      if (group == NULL || !eligible_for_total (result))
        continue;

      for (guint j = 0; j < n; j++)
        {
          const PnResult *other = pn_results_get_result (results, j);

          if (other == result || g_strcmp0 (other->benefit->overlap_group, group) != 0 ||
              !eligible_for_total (other))
            continue;
          if (beats (taxonomy, other, winner))
            winner = other;
        }

      if (winner != result)
        {
          g_autofree char *citation = pn_article_citation (winner->benefit->article);
          g_autofree char *w_y = pn_money_format_yuan (winner->estimate_cny);
          g_autofree char *w_w = pn_money_format_wan (winner->estimate_cny);
          g_autofree char *s_y = pn_money_format_yuan (result->estimate_cny);
          g_autofree char *s_w = pn_money_format_wan (result->estimate_cny);

          result->overlap_winner = winner->benefit;
          set_reason (result, PN_NOT_COUNTED_OVERLAP,
                      g_strdup_printf ("就高从优不重复：%s（%s）金额更高或同等（%s，本项%s）",
                                       winner->benefit->title.zh, citation, w_w, s_w),
                      g_strdup_printf ("Not cumulative (就高从优不重复): %s (%s) gives %s, this gives %s",
                                       winner->benefit->title.en, citation, w_y, s_y));
        }
    }
}

PnResults *
pn_engine_evaluate (PnCorpus  *corpus,
                    PnProfile *profile)
{
  g_autoptr(PnResults) results = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *as_of = NULL;
  PnTaxonomy *taxonomy;
  const char *location;
  gint64 total = 0;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (PN_IS_PROFILE (profile), NULL);

  taxonomy = pn_corpus_get_taxonomy (corpus);
  location = pn_profile_get_location (profile);
  as_of = pn_profile_dup_effective_as_of (profile);
  results = _pn_results_new (corpus, location, as_of);

  if (location == NULL)
    return g_steal_pointer (&results);

  documents = pn_corpus_documents_at (corpus, location);

  for (guint d = 0; d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);

      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);

          for (guint b = 0; b < article->benefits->len; b++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, b);
              PnResult *result;
              Worth worth = { 0, };

              /* Check without recording first: most benefits
               * contradict the profile and are not listed at all. */
              if (!evaluate_conditions (taxonomy, benefit, profile, NULL))
                continue;

              result = _pn_results_append (results, benefit);
              evaluate_conditions (taxonomy, benefit, profile, result);

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

              result->match = result->missing->len == 0 ? PN_MATCH_DEFINITE : PN_MATCH_POSSIBLE;
              result->status = status_on (benefit, as_of, &result->valid_from, &result->valid_until);

              worth.zh = g_string_new (NULL);
              worth.en = g_string_new (NULL);
              compute_worth (corpus, benefit, profile, &worth, 0);
              result->base_cny = worth.base;
              result->threshold_cny = worth.threshold;
              result->estimate_cny = worth.estimate;
              result->topped_up_cny = worth.topped_up;
              result->derivation.zh = g_strdup (worth.zh->str);
              result->derivation.en = g_strdup (worth.en->str);
              add_notes (result);

              result->counted = TRUE;
              if (result->status == PN_STATUS_DRAFT)
                set_reason (result, PN_NOT_COUNTED_DRAFT,
                            g_strdup ("征求意见稿，尚未施行"),
                            g_strdup ("Draft for comment: never in force"));
              else if (result->status == PN_STATUS_EXPIRED)
                set_reason (result, PN_NOT_COUNTED_EXPIRED,
                            g_strdup_printf ("已于%s到期", result->valid_until),
                            g_strdup_printf ("Expired on %s", result->valid_until));
              else if (result->status == PN_STATUS_PENDING)
                set_reason (result, PN_NOT_COUNTED_PENDING,
                            g_strdup_printf ("尚未施行（%s起）", result->valid_from),
                            g_strdup_printf ("Not yet in force (from %s)", result->valid_from));
              else if (result->match == PN_MATCH_POSSIBLE)
                {
                  g_autofree char *zh = pn_result_describe_missing (result, PN_LANG_ZH);
                  g_autofree char *en = pn_result_describe_missing (result, PN_LANG_EN);

                  set_reason (result, PN_NOT_COUNTED_POSSIBLE,
                              g_strdup_printf ("可能符合，尚需：%s", zh),
                              g_strdup_printf ("Possible match; still needs: %s", en));
                }
              else if (worth.problem != PN_NOT_COUNTED_NONE)
                set_reason (result, worth.problem, g_strdup (worth.zh->str), g_strdup (worth.en->str));
              else if (result->estimate_cny == PN_YUAN_UNSET || result->estimate_cny <= 0)
                set_reason (result, PN_NOT_COUNTED_NOTHING_DUE,
                            g_strdup ("按所填金额无可获得金额"),
                            g_strdup ("Nothing is due for the figures given"));

              worth_clear (&worth);
            }
        }
    }

  resolve_overlaps (results, taxonomy);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);

      if (result->counted)
        total += result->estimate_cny;
    }
  _pn_results_set_total (results, total);

  return g_steal_pointer (&results);
}
