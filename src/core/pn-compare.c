/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-compare"

#include "config.h"

#include "pn-compare.h"

#include "pn-core-private.h"
#include "pn-engine.h"
#include "pn-export-private.h"
#include "pn-money.h"

struct _PnCompare
{
  PnCorpus   *corpus;
  GPtrArray  *locations;   /* char* */
  GPtrArray  *results;     /* PnResults, one per location */
};

G_DEFINE_BOXED_TYPE (PnCompare, pn_compare, pn_compare_ref, pn_compare_unref)

G_DEFINE_QUARK (pn-compare-error-quark, pn_compare_error)

static void
pn_compare_clear (PnCompare *self)
{
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_clear_pointer (&self->locations, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
}

PnCompare *
pn_compare_ref (PnCompare *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_compare_unref (PnCompare *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_compare_clear);
}

PnCompare *
pn_compare_new (PnCorpus            *corpus,
                PnProfile           *profile,
                const char * const  *locations,
                GError             **error)
{
  g_autofree char *as_of = NULL;
  PnCompare *self;
  guint n;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (PN_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (locations != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n = g_strv_length ((GStrv) locations);
  if (n < PN_COMPARE_MIN_LOCATIONS || n > PN_COMPARE_MAX_LOCATIONS)
    {
      g_set_error (error, PN_COMPARE_ERROR, PN_COMPARE_ERROR_COUNT,
                   "Compare %d to %d locations, not %u",
                   PN_COMPARE_MIN_LOCATIONS, PN_COMPARE_MAX_LOCATIONS, n);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      if (!pn_corpus_has_location (corpus, locations[i]))
        {
          g_set_error (error, PN_COMPARE_ERROR, PN_COMPARE_ERROR_LOCATION,
                       "Unknown location “%s”", locations[i]);
          return NULL;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (locations[i], locations[j]))
          {
            g_set_error (error, PN_COMPARE_ERROR, PN_COMPARE_ERROR_DUPLICATE,
                         "The location “%s” is given twice", locations[i]);
            return NULL;
          }
    }

  self = g_atomic_rc_box_new0 (PnCompare);
  self->corpus = pn_corpus_ref (corpus);
  self->locations = g_ptr_array_new_with_free_func (g_free);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_results_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PnProfile) copy = pn_profile_copy (profile);
      PnResults *results;

      /* one as-of date for every location, even across midnight */
      if (i == 0)
        as_of = pn_profile_dup_effective_as_of (profile);
      pn_profile_set_as_of (copy, as_of);
      pn_profile_set_location (copy, locations[i]);
      g_ptr_array_add (self->locations, g_strdup (locations[i]));
      results = pn_engine_evaluate (corpus, copy, error);
      if (results == NULL)
        {
          pn_compare_unref (self);
          return NULL;
        }
      g_ptr_array_add (self->results, results);
    }

  return self;
}

guint
pn_compare_get_n_locations (PnCompare *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->locations->len;
}

const char *
pn_compare_get_location (PnCompare *self,
                         guint      position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->locations->len, NULL);
  return g_ptr_array_index (self->locations, position);
}

PnResults *
pn_compare_get_results (PnCompare *self,
                        guint      position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->results->len, NULL);
  return g_ptr_array_index (self->results, position);
}

guint
pn_compare_get_best (PnCompare *self)
{
  guint best = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 1; i < self->results->len; i++)
    if (pn_results_get_total (g_ptr_array_index (self->results, i)) >
        pn_results_get_total (g_ptr_array_index (self->results, best)))
      best = i;

  return best;
}

gint64
pn_compare_get_kind_total (PnCompare     *self,
                           guint          position,
                           PnBenefitKind  kind,
                           guint         *out_count)
{
  PnResults *results;
  gint64 total = 0;
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (position < self->results->len, 0);
  g_return_val_if_fail (kind < PN_N_BENEFIT_KINDS, 0);

  results = g_ptr_array_index (self->results, position);
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);

      if (result->counted && result->benefit->kind == kind)
        {
          total += result->estimate_cny;
          count++;
        }
    }

  if (out_count != NULL)
    *out_count = count;
  return total;
}

/* Whether any location counts a benefit of `kind`. */
static gboolean
kind_counted (PnCompare     *self,
              PnBenefitKind  kind)
{
  for (guint i = 0; i < self->results->len; i++)
    {
      guint count = 0;

      pn_compare_get_kind_total (self, i, kind, &count);
      if (count > 0)
        return TRUE;
    }
  return FALSE;
}

/* `results`: the location's, for its "up to" total; NULL in a kind's row */
static void
write_location_total (PnJsonWriter *w,
                      const char   *location,
                      gint64        total,
                      guint         count,
                      PnResults    *results)
{
  pn_json_writer_begin_object (w);
  pn_json_writer_name (w, "location");
  pn_json_writer_string (w, location);
  pn_json_writer_name (w, "total_estimate_cny");
  pn_json_writer_int (w, total);
  if (results != NULL)
    {
      pn_json_writer_name (w, "total_high_cny");
      if (pn_results_get_total_high (results) != PN_YUAN_UNSET)
        pn_json_writer_int (w, pn_results_get_total_high (results));
      else
        pn_json_writer_null (w);
      /* what the measures with a cap give, beside those with none */
      pn_json_writer_name (w, "total_high_bounded_cny");
      pn_json_writer_int (w, pn_results_get_total_high_bounded (results));
      /* the earliest end among the measures that count */
      pn_json_writer_name (w, "counted_until");
      pn_json_writer_string (w, pn_export_counted_until (results));
    }
  pn_json_writer_name (w, "counted_count");
  pn_json_writer_int (w, count);
  pn_json_writer_end_object (w);
}

/* Written as it goes: three places answered alone at 100,000 benefits list
 * tens of thousands of measures each, and a tree of them took 1 GB */
void
pn_compare_write_json (PnCompare   *self,
                       GString     *out,
                       gboolean     pretty,
                       PnJsonFlush  flush,
                       gpointer     user_data)
{
  PnJsonWriter writer;
  PnJsonWriter *w = &writer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  pn_json_writer_init (w, out, pretty);
  pn_json_writer_set_flush (w, flush, user_data);
  pn_json_writer_begin_object (w);

  pn_json_writer_name (w, "locations");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < self->locations->len; i++)
    pn_json_writer_string (w, g_ptr_array_index (self->locations, i));
  pn_json_writer_end_array (w);

  pn_json_writer_name (w, "results");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < self->results->len; i++)
    _pn_export_write_results (w, g_ptr_array_index (self->results, i));
  pn_json_writer_end_array (w);

  pn_json_writer_name (w, "summary");
  pn_json_writer_begin_object (w);

  pn_json_writer_name (w, "locations");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < self->results->len; i++)
    {
      PnResults *results = g_ptr_array_index (self->results, i);

      write_location_total (w, g_ptr_array_index (self->locations, i),
                            pn_results_get_total (results), pn_results_get_n_counted (results), results);
    }
  pn_json_writer_end_array (w);

  /* no best place when nothing counts anywhere: null and none */
  pn_json_writer_name (w, "best_location");
  if (pn_results_get_total (g_ptr_array_index (self->results, pn_compare_get_best (self))) > 0)
    pn_json_writer_string (w, g_ptr_array_index (self->locations, pn_compare_get_best (self)));
  else
    pn_json_writer_null (w);
  /* every location with the highest total, when it is a tie */
  pn_json_writer_name (w, "best_locations");
  pn_json_writer_begin_array (w);
  {
    gint64 best = pn_results_get_total (g_ptr_array_index (self->results, pn_compare_get_best (self)));

    for (guint i = 0; best > 0 && i < self->results->len; i++)
      if (pn_results_get_total (g_ptr_array_index (self->results, i)) == best)
        pn_json_writer_string (w, g_ptr_array_index (self->locations, i));
  }
  pn_json_writer_end_array (w);

  pn_json_writer_name (w, "by_kind");
  pn_json_writer_begin_array (w);
  for (PnBenefitKind kind = 0; kind < PN_N_BENEFIT_KINDS; kind++)
    {
      gint64 min = G_MAXINT64, max = G_MININT64;
      guint best = 0;

      if (!kind_counted (self, kind))
        continue;

      pn_json_writer_begin_object (w);
      pn_json_writer_name (w, "kind");
      pn_json_writer_string (w, pn_benefit_kind_to_string (kind));
      pn_json_writer_name (w, "locations");
      pn_json_writer_begin_array (w);
      for (guint i = 0; i < self->results->len; i++)
        {
          guint count = 0;
          gint64 total = pn_compare_get_kind_total (self, i, kind, &count);

          write_location_total (w, g_ptr_array_index (self->locations, i), total, count, NULL);
          if (total > max)
            {
              max = total;
              best = i;
            }
          min = MIN (min, total);
        }
      pn_json_writer_end_array (w);
      pn_json_writer_name (w, "difference_cny");
      pn_json_writer_int (w, max - min);
      pn_json_writer_name (w, "best_location");
      pn_json_writer_string (w, g_ptr_array_index (self->locations, best));
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);

  pn_json_writer_end_object (w);
  pn_json_writer_end_object (w);
}

JsonNode *
pn_compare_to_json (PnCompare *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  pn_compare_write_json (self, text, FALSE, NULL, NULL);
  return json_from_string (text->str, NULL);
}

static const char *
kind_label (PnBenefitKind kind,
            gboolean      zh)
{
  static const struct { const char *en; const char *zh; } labels[] = {
    { "Fixed awards", "定额奖励" },
    { "Rate-based awards", "按比例奖补" },
    { "Top-ups", "补足差额" },
    { "Matching funds", "配套资助" },
    { "Unspecified amounts", "未定金额" },
    { "Non-monetary", "非资金支持" },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == PN_N_BENEFIT_KINDS);

  return zh ? labels[kind].zh : labels[kind].en;
}

#define LABEL_WIDTH 24
#define COLUMN_WIDTH 18

char *
pn_compare_to_text (PnCompare *self,
                    PnLang     lang)
{
  GString *str;
  gboolean zh = lang == PN_LANG_ZH;
  gboolean any_unbounded = FALSE;
  guint best;

  g_return_val_if_fail (self != NULL, NULL);

  str = g_string_new (NULL);

  pn_export_append_padded (str, "", LABEL_WIDTH);
  for (guint i = 0; i < self->locations->len; i++)
    {
      const char *id = g_ptr_array_index (self->locations, i);
      g_autofree char *label = pn_corpus_location_label (self->corpus, id, lang);

      pn_export_append_padded (str, label, COLUMN_WIDTH);
    }
  g_string_append_c (str, '\n');

  pn_export_append_padded (str, zh ? "计入合计" : "Counted total", LABEL_WIDTH);
  for (guint i = 0; i < self->results->len; i++)
    {
      g_autofree char *total = pn_money_format_yuan (pn_results_get_total (g_ptr_array_index (self->results, i)));

      pn_export_append_padded (str, total, COLUMN_WIDTH);
    }
  g_string_append_c (str, '\n');

  pn_export_append_padded (str, zh ? "最高可达" : "Up to", LABEL_WIDTH);
  for (guint i = 0; i < self->results->len; i++)
    {
      PnResults *results = g_ptr_array_index (self->results, i);
      gint64 high = pn_results_get_total_high (results);
      g_autofree char *bounded = high == PN_YUAN_UNSET
                                 ? pn_money_format_yuan (pn_results_get_total_high_bounded (results)) : NULL;
      /* "≥ ¥38,800,000": what the capped measures give, and a measure
       * with no cap besides (said under the table) */
      g_autofree char *label = high != PN_YUAN_UNSET ? pn_money_format_yuan (high)
                               : pn_strdup_template ("≥ %s", bounded);

      any_unbounded = any_unbounded || high == PN_YUAN_UNSET;

      pn_export_append_padded (str, label, COLUMN_WIDTH);
    }
  g_string_append_c (str, '\n');

  pn_export_append_padded (str, zh ? "计入措施数" : "Measures counted", LABEL_WIDTH);
  for (guint i = 0; i < self->results->len; i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", pn_results_get_n_counted (g_ptr_array_index (self->results, i)));

      pn_export_append_padded (str, count, COLUMN_WIDTH);
    }
  g_string_append_c (str, '\n');

  /* when the first measure that counts ends: Xiamen's 2023 measures end
   * on 2026-12-31, and a place's total may not be there next month */
  {
    gboolean any_end = FALSE;

    for (guint i = 0; i < self->results->len; i++)
      any_end = any_end || pn_export_counted_until (g_ptr_array_index (self->results, i)) != NULL;
    if (any_end)
      {
        pn_export_append_padded (str, zh ? "计入措施有效至" : "Counted until", LABEL_WIDTH);
        for (guint i = 0; i < self->results->len; i++)
          {
            const char *until = pn_export_counted_until (g_ptr_array_index (self->results, i));

            pn_export_append_padded (str, until != NULL ? until : "—", COLUMN_WIDTH);
          }
        g_string_append_c (str, '\n');
      }
  }

  for (PnBenefitKind kind = 0; kind < PN_N_BENEFIT_KINDS; kind++)
    {
      if (!kind_counted (self, kind))
        continue;

      g_string_append (str, "  ");
      pn_export_append_padded (str, kind_label (kind, zh), LABEL_WIDTH - 2);
      for (guint i = 0; i < self->results->len; i++)
        {
          guint count = 0;
          gint64 total = pn_compare_get_kind_total (self, i, kind, &count);
          g_autofree char *yuan = pn_money_format_yuan (total);
          g_autofree char *cell = g_strdup_printf ("%s (%u)", yuan, count);

          pn_export_append_padded (str, cell, COLUMN_WIDTH);
        }
      g_string_append_c (str, '\n');
    }

  best = pn_compare_get_best (self);
  {
    gint64 best_total = pn_results_get_total (g_ptr_array_index (self->results, best));
    g_autofree char *total = pn_money_format_yuan (best_total);
    g_autoptr(GString) names = g_string_new (NULL);

    for (guint i = 0; i < self->results->len; i++)
      {
        const char *id = g_ptr_array_index (self->locations, i);
        g_autofree char *label = NULL;

        if (pn_results_get_total (g_ptr_array_index (self->results, i)) != best_total)
          continue;
        label = pn_corpus_location_label (self->corpus, id, lang);
        if (names->len > 0)
          g_string_append (names, zh ? "、" : ", ");
        g_string_append (names, label);
      }

    if (best_total > 0)
      g_string_append_printf (str, zh ? "\n合计最高：%s（%s）\n" : "\nHighest total: %s (%s)\n",
                              names->str, total);
    else
      g_string_append (str, zh ? "\n各地均无计入合计的措施。\n" : "\nNo place has a measure that counts.\n");
  }
  if (any_unbounded)
    g_string_append (str, zh ? "“≥”：有上限的措施合计最高可得的金额；另有措施按未填写的数额的比例计算，没有上限。\n"
                             : "“≥”: what the measures with a cap give together; another pays a share of a "
                               "figure not given, with no cap.\n");

  /* no trailing blanks from the padding */
  for (gsize i = str->len; i > 0; i--)
    if (str->str[i - 1] == ' ' && (i == str->len || str->str[i] == '\n'))
      {
        gsize start = i - 1;

        while (start > 0 && str->str[start - 1] == ' ')
          start--;
        g_string_erase (str, start, i - start);
        i = start + 1;
      }

  return g_string_free (str, FALSE);
}
