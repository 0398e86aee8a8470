/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-pipeline"

#include "config.h"

#include <string.h>

#include "pn-pipeline.h"
#include "pn-citation.h"

#include "pn-core-private.h"
#include "pn-engine.h"
#include "pn-export.h"
#include "pn-date.h"
#include "pn-money.h"

struct _PnPipeline
{
  PnCorpus   *corpus;
  char       *location;
  char       *as_of;
  char       *product;
  GPtrArray  *stages;     /* PnPipelineStage */
};

G_DEFINE_BOXED_TYPE (PnPipeline, pn_pipeline, pn_pipeline_ref, pn_pipeline_unref)

G_DEFINE_QUARK (pn-pipeline-error-quark, pn_pipeline_error)

static void
pn_pipeline_stage_free (PnPipelineStage *stage)
{
  g_free (stage->phase);
  g_clear_object (&stage->profile);
  g_clear_pointer (&stage->milestones, g_ptr_array_unref);
  g_clear_pointer (&stage->results, pn_results_unref);
  g_clear_pointer (&stage->needs, g_array_unref);
  g_free (stage);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnPipelineStage, pn_pipeline_stage_free)

static void
pn_pipeline_clear (PnPipeline *self)
{
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_free (self->location);
  g_free (self->as_of);
  g_free (self->product);
}

PnPipeline *
pn_pipeline_ref (PnPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_pipeline_unref (PnPipeline *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_pipeline_clear);
}

/* The least figure for which rate × figure (as the engine rounds it)
 * reaches `cap`. */
static gint64
figure_for_cap (double rate,
                gint64 cap)
{
  gint64 basis_points = (gint64) (rate * 10000.0 + 0.5);

  if (basis_points <= 0)
    return PN_YUAN_UNSET;
  return (cap * 10000 + basis_points - 1) / basis_points;
}

static PnPipelineNeed *
find_need (GArray   *needs,
           PnFigure  figure)
{
  for (guint i = 0; i < needs->len; i++)
    if (g_array_index (needs, PnPipelineNeed, i).figure == figure)
      return &g_array_index (needs, PnPipelineNeed, i);
  return NULL;
}

static void
add_need (GArray    *needs,
          PnProfile *profile,
          PnFigure   figure,
          gint64     amount,
          gboolean   bounded)
{
  PnPipelineNeed *need = find_need (needs, figure);

  if (need == NULL)
    {
      PnPipelineNeed fresh = { figure, pn_profile_get_figure (profile, figure), 0, FALSE };

      g_array_append_val (needs, fresh);
      need = &g_array_index (needs, PnPipelineNeed, needs->len - 1);
    }

  if (!bounded || need->for_ceiling_cny == PN_YUAN_UNSET)
    need->for_ceiling_cny = PN_YUAN_UNSET;
  else
    need->for_ceiling_cny = MAX (need->for_ceiling_cny, amount);
}

static void
stage_sum (PnResults *results,
           gint64    *out_total,
           guint     *out_count,
           GPtrArray *milestones)
{
  *out_total = 0;
  *out_count = 0;

  /* the milestone's measures only, and of the trials of figures their
   * amounts alone: writing every result's text made a pipeline at 100,000
   * benefits take 85 s (a question answered 60 times a milestone) */
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      PnResultOutline outline;

      if (pn_benefit_find_condition (pn_results_get_benefit (results, i), PN_QUESTION_PHASE) == NULL)
        continue;
      if (milestones != NULL)
        g_ptr_array_add (milestones, (gpointer) pn_results_get_result (results, i));
      pn_results_get_outline (results, i, &outline);
      if (outline.counted)
        {
          *out_total += outline.estimate_cny;
          (*out_count)++;
        }
    }
}

/* The stage's milestone total with every needed figure at least at its
 * for_ceiling_cny, but figure `which` (unless G_MAXUINT) at `value`. */
static gint64
saturated_total (PnPipeline            *self,
                 const PnPipelineStage *stage,
                 guint                  which,
                 gint64                 value,
                 GError               **error)
{
  g_autoptr(PnProfile) profile = pn_profile_copy (stage->profile);
  g_autoptr(PnResults) results = NULL;
  gint64 total;
  guint count;

  for (guint i = 0; i < stage->needs->len; i++)
    {
      const PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);

      pn_profile_set_figure (profile, need->figure,
                             i == which ? value : MAX (need->given_cny, need->for_ceiling_cny));
    }

  results = pn_engine_evaluate (self->corpus, profile, error);
  if (results == NULL)
    return -1;
  stage_sum (results, &total, &count, NULL);
  return total;
}

/* A figure's value where a measure's rate reaches its cap */
typedef struct
{
  PnFigure figure;
  gint64   value;
} Point;

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const Point *x = a;
  const Point *y = b;

  if (x->figure != y->figure)
    return x->figure < y->figure ? -1 : 1;
  return x->value < y->value ? -1 : x->value > y->value;
}

static PnPipelineStage *
evaluate_stage (PnPipeline             *self,
                PnProfile              *profile,
                const char             *phase,
                const PnPipelineFigure *figures,
                guint                   n_figures,
                GError                **error)
{
  g_autoptr(PnPipelineStage) stage = g_new0 (PnPipelineStage, 1);
  g_autoptr(GArray) points = NULL;
  gboolean bounded = TRUE;
  gboolean has_top_up = FALSE;

  stage->phase = g_strdup (phase);
  stage->profile = pn_profile_copy (profile);
  pn_profile_set_answer (stage->profile, PN_QUESTION_PHASE, phase);
  for (guint i = 0; i < n_figures; i++)
    if (g_strcmp0 (figures[i].phase, phase) == 0)
      pn_profile_set_figure (stage->profile, figures[i].figure, figures[i].yuan);

  stage->results = pn_engine_evaluate (self->corpus, stage->profile, error);
  if (stage->results == NULL)
    return NULL;
  stage->milestones = g_ptr_array_new ();
  stage_sum (stage->results, &stage->milestone_total_cny, &stage->milestone_count, stage->milestones);

  /* what the milestone measures are computed from, and what reaches
   * every cap and threshold; each figure's own cap points too (a top-up
   * gives most at its own cap's point, less past it: 晋江 1.1 over the
   * province's 30%) */
  stage->needs = g_array_new (FALSE, FALSE, sizeof (PnPipelineNeed));
  points = g_array_new (FALSE, FALSE, sizeof (Point));
  for (guint i = 0; i < stage->milestones->len; i++)
    {
      const PnResult *result = g_ptr_array_index (stage->milestones, i);
      PnBenefit *benefit = result->benefit;

      has_top_up = has_top_up || benefit->kind == PN_BENEFIT_TOP_UP;
      if (benefit->base != PN_FIGURE_NONE && benefit->cap != PN_YUAN_UNSET && benefit->rate > 0)
        {
          Point point = { benefit->base, figure_for_cap (benefit->rate, benefit->cap) };

          g_array_append_val (points, point);
        }

      for (guint t = 0; t < benefit->thresholds->len; t++)
        {
          const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, t);

          add_need (stage->needs, stage->profile, threshold->figure,
                    threshold->inclusive ? threshold->min : threshold->min + 1, TRUE);
        }

      if (benefit->base != PN_FIGURE_NONE)
        {
          gboolean capped = benefit->cap != PN_YUAN_UNSET && benefit->rate > 0;

          add_need (stage->needs, stage->profile, benefit->base,
                    capped ? figure_for_cap (benefit->rate, benefit->cap) : PN_YUAN_UNSET,
                    capped);
        }
    }

  for (guint i = 0; i < stage->needs->len; i++)
    bounded &= g_array_index (stage->needs, PnPipelineNeed, i).for_ceiling_cny != PN_YUAN_UNSET;

  if (!bounded)
    stage->ceiling_cny = PN_YUAN_UNSET;
  else if (stage->needs->len == 0)
    stage->ceiling_cny = stage->milestone_total_cny;
  else
    {
      gboolean *at_point;

      stage->ceiling_cny = saturated_total (self, stage, G_MAXUINT, 0, error);
      if (stage->ceiling_cny < 0)
        return NULL;

      /* the total does not always grow with a figure (a top-up less the
       * award it tops up): each cap's own point may give more than all of
       * them reached at once, and never less than what counts.  Without a
       * top-up it only grows: every cap reached at once is the most. */
      at_point = g_newa (gboolean, stage->needs->len);
      for (guint i = 0; i < stage->needs->len; i++)
        at_point[i] = FALSE;
      stage->ceiling_cny = MAX (stage->ceiling_cny, stage->milestone_total_cny);
      if (!has_top_up)
        g_array_set_size (points, 0);
      /* each point once (at 100,000 benefits, hundreds of measures share
       * a few) */
      g_array_sort (points, compare_points);
      for (guint p = 0; p < points->len; p++)
        {
          const Point *point = &g_array_index (points, Point, p);

          if (p > 0 && compare_points (point, point - 1) == 0)
            continue;

          for (guint i = 0; i < stage->needs->len; i++)
            {
              PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);
              gint64 total;

              /* a figure given is the least it can be */
              if (need->figure != point->figure ||
                  (need->given_cny != PN_YUAN_UNSET && point->value < need->given_cny))
                continue;
              total = saturated_total (self, stage, i, point->value, error);
              if (total < 0)
                return NULL;
              if (total > stage->ceiling_cny)
                {
                  stage->ceiling_cny = total;
                  need->for_ceiling_cny = point->value;
                  at_point[i] = TRUE;
                }
            }
        }

      /* The caps of measures that lose an overlap do not matter: what
       * reaches the ceiling is the least figure that gives it, every other
       * figure being enough.  The total only grows with a figure, so a
       * bisection finds it. */
      for (guint i = 0; i < stage->needs->len; i++)
        {
          PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);
          gint64 low = 0;
          gint64 high = need->for_ceiling_cny;

          /* a point past which the total falls: that point, no bisection */
          if (at_point[i])
            continue;

          while (low < high)
            {
              gint64 middle = low + (high - low) / 2;
              gint64 total = saturated_total (self, stage, i, middle, error);

              if (total < 0)
                return NULL;
              if (total >= stage->ceiling_cny)
                high = middle;
              else
                low = middle + 1;
            }
          need->for_ceiling_cny = high;
        }

      /* A top-up of a rate pays the difference over the award it tops up:
       * past its own cap's point, more of the figure gives less (晋江 1.1
       * over the province's 30%).  Then the least figure that gives the
       * ceiling may be below the one given (¥9,999,993 for the ¥1,000,000
       * R&D of ¥30,000,000 gives), which read as though less would do:
       * what was spent is spent, the figure given is the one to show.
       * Without a top-up the total only grows with a figure: nothing to
       * look at. */
      for (guint i = 0; has_top_up && i < stage->needs->len; i++)
        {
          PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);
          gint64 furthest = need->given_cny != PN_YUAN_UNSET ? need->given_cny : 0;
          gint64 total;

          for (guint p = 0; p < points->len; p++)
            if (g_array_index (points, Point, p).figure == need->figure)
              furthest = MAX (furthest, g_array_index (points, Point, p).value);
          if (furthest <= 0 || furthest > PN_MONEY_MAX / 2)
            continue;
          /* well past every cap's point, and past the figure given */
          total = saturated_total (self, stage, i, furthest * 2, error);
          if (total < 0)
            return NULL;
          need->falls = total < stage->ceiling_cny;
          if (need->falls && need->given_cny != PN_YUAN_UNSET && need->for_ceiling_cny > 0 &&
              need->for_ceiling_cny < need->given_cny)
            need->for_ceiling_cny = need->given_cny;
        }
    }

  return g_steal_pointer (&stage);
}

PnPipeline *
pn_pipeline_new (PnCorpus               *corpus,
                 PnProfile              *profile,
                 const PnPipelineFigure *figures,
                 guint                   n_figures,
                 GError                **error)
{
  g_autoptr(PnPipeline) self = NULL;
  g_autoptr(PnProfile) base = NULL;
  PnTaxonomy *taxonomy;
  GPtrArray *phases;
  const char *product;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (PN_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (figures != NULL || n_figures == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  taxonomy = pn_corpus_get_taxonomy (corpus);

  if (pn_profile_get_location (profile) == NULL)
    {
      g_set_error_literal (error, PN_PIPELINE_ERROR, PN_PIPELINE_ERROR_LOCATION,
                           "The profile has no location");
      return NULL;
    }

  product = pn_profile_get_effective_answer (profile, PN_QUESTION_PRODUCT);
  if (g_strcmp0 (product, "drug") != 0 && g_strcmp0 (product, "device") != 0)
    {
      g_set_error (error, PN_PIPELINE_ERROR, PN_PIPELINE_ERROR_PRODUCT,
                   "A pipeline is for a drug or a device; the profile's product is %s",
                   product != NULL ? product : "not given");
      return NULL;
    }

  for (guint i = 0; i < n_figures; i++)
    if (pn_taxonomy_get_term (taxonomy, "phase", figures[i].phase) == NULL)
      {
        g_set_error (error, PN_PIPELINE_ERROR, PN_PIPELINE_ERROR_PHASE,
                     "Unknown phase “%s”", figures[i].phase);
        return NULL;
      }

  self = g_atomic_rc_box_new0 (PnPipeline);
  self->corpus = pn_corpus_ref (corpus);
  self->location = g_strdup (pn_profile_get_location (profile));
  self->as_of = pn_profile_dup_effective_as_of (profile);
  self->product = g_strdup (product);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_pipeline_stage_free);

  /* one as-of date and an explicit product for every stage: the product
   * the profile implies may change with the phase */
  base = pn_profile_copy (profile);
  pn_profile_set_as_of (base, self->as_of);
  pn_profile_set_answer (base, PN_QUESTION_PRODUCT, product);

  phases = pn_taxonomy_get_terms (taxonomy, "phase");
  for (guint i = 0; phases != NULL && i < phases->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (phases, i);
      PnPipelineStage *stage = evaluate_stage (self, base, term->id, figures, n_figures, error);

      if (stage == NULL)
        return NULL;
      if (stage->milestones->len == 0)
        {
          pn_pipeline_stage_free (stage);
          continue;
        }
      g_ptr_array_add (self->stages, stage);
    }

  return g_steal_pointer (&self);
}

const char *
pn_pipeline_get_location (PnPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->location;
}

const char *
pn_pipeline_get_as_of (PnPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->as_of;
}

const char *
pn_pipeline_get_product (PnPipeline *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->product;
}

guint
pn_pipeline_get_n_stages (PnPipeline *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stages->len;
}

const PnPipelineStage *
pn_pipeline_get_stage (PnPipeline *self,
                       guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->stages->len, NULL);
  return g_ptr_array_index (self->stages, position);
}

static void
add_yuan (JsonBuilder *builder,
          const char  *name,
          gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != PN_YUAN_UNSET)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
pn_pipeline_get_whole (PnPipeline  *self,
                       gint64      *out_total,
                       gint64      *out_ceiling,
                       const char **out_first_end)
{
  gint64 total = 0;
  gint64 ceiling = 0;
  const char *first_end = NULL;

  g_return_if_fail (self != NULL);

  for (guint s = 0; s < self->stages->len; s++)
    {
      const PnPipelineStage *stage = g_ptr_array_index (self->stages, s);

      total += stage->milestone_total_cny;
      if (ceiling != PN_YUAN_UNSET)
        ceiling = stage->ceiling_cny == PN_YUAN_UNSET ? PN_YUAN_UNSET : ceiling + stage->ceiling_cny;
      for (guint m = 0; m < stage->milestones->len; m++)
        {
          const PnResult *result = g_ptr_array_index (stage->milestones, m);

          if (result->counted && result->valid_until != NULL &&
              (first_end == NULL || strcmp (result->valid_until, first_end) < 0))
            first_end = result->valid_until;
        }
    }
  if (out_total != NULL)
    *out_total = total;
  if (out_ceiling != NULL)
    *out_ceiling = ceiling;
  if (out_first_end != NULL)
    *out_first_end = first_end;
}

JsonNode *
pn_pipeline_to_json (PnPipeline *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PnTaxonomy *taxonomy;

  g_return_val_if_fail (self != NULL, NULL);

  taxonomy = pn_corpus_get_taxonomy (self->corpus);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "location");
  json_builder_add_string_value (builder, self->location);
  json_builder_set_member_name (builder, "as_of");
  json_builder_add_string_value (builder, self->as_of);
  json_builder_set_member_name (builder, "product");
  json_builder_add_string_value (builder, self->product);
  {
    gint64 total, ceiling;
    const char *first_end;

    pn_pipeline_get_whole (self, &total, &ceiling, &first_end);
    add_yuan (builder, "pipeline_estimate_cny", total);
    add_yuan (builder, "pipeline_ceiling_cny", ceiling);
    json_builder_set_member_name (builder, "counted_until");
    if (first_end != NULL)
      json_builder_add_string_value (builder, first_end);
    else
      json_builder_add_null_value (builder);
  }

  json_builder_set_member_name (builder, "stages");
  json_builder_begin_array (builder);
  for (guint s = 0; s < self->stages->len; s++)
    {
      const PnPipelineStage *stage = g_ptr_array_index (self->stages, s);
      const PnTerm *term = pn_taxonomy_get_term (taxonomy, "phase", stage->phase);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "phase");
      json_builder_add_string_value (builder, stage->phase);
      json_builder_set_member_name (builder, "label");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "zh");
      json_builder_add_string_value (builder, term != NULL ? term->zh : stage->phase);
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, term != NULL ? term->en : stage->phase);
      json_builder_end_object (builder);

      add_yuan (builder, "total_estimate_cny", pn_results_get_total (stage->results));
      add_yuan (builder, "total_high_cny", pn_results_get_total_high (stage->results));
      json_builder_set_member_name (builder, "counted_count");
      json_builder_add_int_value (builder, pn_results_get_n_counted (stage->results));
      add_yuan (builder, "milestone_estimate_cny", stage->milestone_total_cny);
      json_builder_set_member_name (builder, "milestone_counted_count");
      json_builder_add_int_value (builder, stage->milestone_count);
      add_yuan (builder, "ceiling_cny", stage->ceiling_cny);

      json_builder_set_member_name (builder, "figures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stage->needs->len; i++)
        {
          const PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "figure");
          json_builder_add_string_value (builder, pn_figure_to_string (need->figure));
          add_yuan (builder, "given_cny", need->given_cny);
          add_yuan (builder, "for_ceiling_cny", need->for_ceiling_cny);
          json_builder_set_member_name (builder, "more_gives_less");
          json_builder_add_boolean_value (builder, need->falls);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "milestones");
      json_builder_begin_array (builder);
      for (guint i = 0; i < stage->milestones->len; i++)
        json_builder_add_value (builder,
                                pn_export_result_json (stage->results,
                                                       g_ptr_array_index (stage->milestones, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
yuan_or_dash (gint64 yuan)
{
  return yuan != PN_YUAN_UNSET ? pn_money_format_yuan (yuan) : g_strdup ("—");
}

char *
pn_pipeline_to_text (PnPipeline *self,
                     PnLang      lang)
{
  GString *str;
  PnTaxonomy *taxonomy;
  g_autofree char *place = NULL;
  gboolean zh = lang == PN_LANG_ZH;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);
  taxonomy = pn_corpus_get_taxonomy (self->corpus);
  place = pn_corpus_location_label (self->corpus, self->location, lang);

  g_string_append_printf (str, zh ? "地点：%s    日期：%s    产品：%s\n"
                                  : "Location: %s    As of: %s    Product: %s\n",
                          place,
                          self->as_of,
                          zh ? (g_str_equal (self->product, "drug") ? "药品" : "医疗器械")
                             : self->product);

  if (self->stages->len == 0)
    g_string_append (str, zh ? "\n此地没有按研发阶段给予的措施。\n"
                             : "\nNo measure here depends on the milestone reached.\n");

  for (guint s = 0; s < self->stages->len; s++)
    {
      const PnPipelineStage *stage = g_ptr_array_index (self->stages, s);
      const PnTerm *term = pn_taxonomy_get_term (taxonomy, "phase", stage->phase);
      g_autofree char *milestone = pn_money_format_yuan (stage->milestone_total_cny);
      g_autofree char *ceiling = yuan_or_dash (stage->ceiling_cny);
      g_autofree char *total = pn_money_format_yuan (pn_results_get_total (stage->results));
      g_autofree char *high_yuan = pn_results_get_total_high (stage->results) != PN_YUAN_UNSET
                                   ? pn_money_format_yuan (pn_results_get_total_high (stage->results))
                                   : NULL;
      g_autofree char *high = high_yuan != NULL
                              ? g_strdup_printf (zh ? "最高可达 %s" : "up to %s", high_yuan)
                              : g_strdup (zh ? "无上限" : "no upper bound");

      g_string_append_printf (str, "\n%s (%s)\n",
                              term != NULL ? (zh ? term->zh : term->en) : stage->phase, stage->phase);
      g_string_append_printf (str, zh ? "  本阶段计入：%s（%u 项）；最高可得：%s\n"
                                      : "  Counted for this milestone: %s (%u); ceiling: %s\n",
                              milestone, stage->milestone_count, ceiling);

      for (guint i = 0; i < stage->needs->len; i++)
        {
          const PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);
          const PnTerm *figure = pn_taxonomy_get_term (taxonomy, "figure", pn_figure_to_string (need->figure));
          g_autofree char *given = yuan_or_dash (need->given_cny);
          g_autofree char *needed = yuan_or_dash (need->for_ceiling_cny);

          const char *label = figure != NULL ? (zh ? figure->zh : figure->en) : pn_figure_to_string (need->figure);

          if (need->for_ceiling_cny == 0)
            /* the ceiling is reached with none of it (an award without a
             * threshold beats the one that has it) */
            g_string_append_printf (str, zh ? "  %s：已填 %s；最高可得不取决于此项\n"
                                            : "  %s: given %s; the ceiling does not depend on it\n",
                                    label, given);
          else if (need->for_ceiling_cny != PN_YUAN_UNSET && need->given_cny == need->for_ceiling_cny)
            g_string_append_printf (str, zh ? "  %s：已填 %s，即达到最高可得\n"
                                            : "  %s: given %s, which reaches the ceiling\n",
                                    label, given);
          else if (need->for_ceiling_cny != PN_YUAN_UNSET && need->given_cny != PN_YUAN_UNSET &&
                   need->given_cny >= need->for_ceiling_cny)
            g_string_append_printf (str, zh ? "  %s：已填 %s，已达到最高可得所需的 %s\n"
                                            : "  %s: given %s, enough for the ceiling (%s)\n",
                                    label, given, needed);
          else
            g_string_append_printf (str, zh ? "  %s：已填 %s；达到最高可得需 %s\n"
                                            : "  %s: given %s; %s reaches the ceiling\n",
                                    label, given, needed);
          if (need->falls)
            {
              /* "more equipment investment", "more R&D investment" */
              g_autofree char *lower = g_strdup (label);

              if (!zh && g_ascii_isupper (lower[0]) && g_ascii_islower (lower[1]))
                lower[0] = g_ascii_tolower (lower[0]);
              g_string_append_printf (str, zh ? "  （超过 %s 后，%s越多反而越少：补足类奖励只补与所补奖励之间的差额）\n"
                                              : "  (past %s, more %s gives less: a top-up pays only the difference "
                                                "over the award it tops up)\n",
                                      needed, lower);
            }
        }

      for (guint i = 0; i < stage->milestones->len; i++)
        {
          const PnResult *result = g_ptr_array_index (stage->milestones, i);
          g_autofree char *amount = pn_export_amount_label (result, lang);
          g_autofree char *citation = pn_citation_format (result->benefit->article, lang);

          /* citations run long: after the measure, as in `pnav match` */
          g_string_append (str, "    ");
          pn_export_append_padded (str, amount, 20);
          /* "¥1,000,000 – ¥10,000,000" fills the column: a space before the title */
          if (g_utf8_strlen (amount, -1) >= 20)
            g_string_append_c (str, ' ');
          g_string_append_printf (str, zh ? "%s（%s）" : "%s (%s)",
                                  pn_text_get (&result->benefit->title, lang), citation);
          if (!result->counted)
            g_string_append_printf (str, zh ? "（未计入：%s）" : " (not counted: %s)",
                                    pn_text_get (&result->not_counted_reason, lang));
          else
            {
              /* a milestone reached later may find the measure ended */
              g_autofree char *until = pn_export_in_force_until (result, lang);

              if (until != NULL)
                g_string_append_printf (str, zh ? "（%s）" : " (%s)", until);
            }
          g_string_append_c (str, '\n');
        }

      g_string_append_printf (str, zh ? "  此阶段全部计入合计：%s（%u 项）；%s\n"
                                      : "  Whole profile at this milestone: %s (%u counted); %s\n",
                              total, pn_results_get_n_counted (stage->results), high);
    }

  /* the milestones together, as the window's total says */
  if (self->stages->len > 0)
    {
      gint64 whole, ceiling;
      const char *first_end;
      g_autofree char *whole_text = NULL;

      pn_pipeline_get_whole (self, &whole, &ceiling, &first_end);
      whole_text = pn_money_format_yuan (whole);
      if (ceiling == PN_YUAN_UNSET)
        g_string_append_printf (str, zh ? "\n整个研发管线：%s（各里程碑计入金额之和）；部分比例无上限，数额越高可得越多\n"
                                        : "\nWhole pipeline: %s (the milestones' counted estimates added up); some rates "
                                          "have no cap, so higher figures give more\n", whole_text);
      else
        {
          g_autofree char *most = pn_money_format_yuan (ceiling);

          g_string_append_printf (str, zh ? "\n整个研发管线：%s（各里程碑计入金额之和）；各项数额达到上限时最多%s\n"
                                          : "\nWhole pipeline: %s (the milestones' counted estimates added up); at most "
                                            "%s once every figure reaches the caps\n", whole_text, most);
        }
      if (first_end != NULL)
        {
          g_autofree char *date = pn_date_to_words (first_end, zh);

          g_string_append_printf (str, zh ? "最早到期的计入措施于%s到期：此后达到的里程碑无法再获得该措施的奖励\n"
                                          : "The first counted measure ends on %s: a milestone reached after that "
                                            "gets nothing from it\n", date);
        }
    }

  return g_string_free (str, FALSE);
}
