/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-result"

#include "config.h"

#include "pn-result-private.h"

#include <string.h>

#include "pn-core-private.h"
#include "pn-corpus.h"
#include "pn-derivation.h"
#include "pn-money.h"
#include "pn-engine-private.h"
#include "pn-enums.h"
#include "pn-upside-private.h"

struct _PnResults
{
  PnCorpus   *corpus;
  PnProfile  *profile;   /* the answers the results are for */
  char       *as_of;
  GArray     *entries;   /* PnResultEntry, in one block: a profile can list
                          * tens of thousands */
  PnResult  **full;      /* per position, written when first read; or NULL */
  GMutex      fill_lock;
  gint64      total;
  gint64      total_high;
  gint64      total_high_bounded;  /* PN_YUAN_UNSET until asked for */
  gboolean    bounded_known;
  GPtrArray  *next_steps;

  gpointer       engine_data;
  GDestroyNotify free_engine_data;
};

G_DEFINE_BOXED_TYPE (PnResults, pn_results, pn_results_ref, pn_results_unref)

static void
reading_result_clear (PnReadingResult *reading)
{
  pn_text_clear (&reading->derivation);
}

void
pn_next_step_free (PnNextStep *step)
{
  if (step == NULL)
    return;
  g_free (step->id);
  pn_text_clear (&step->text);
  g_clear_pointer (&step->benefits, g_ptr_array_unref);
  g_free (step);
}

static void
pn_result_free (PnResult *result)
{
  g_clear_pointer (&result->missing, g_ptr_array_unref);
  g_clear_pointer (&result->conditions, g_ptr_array_unref);
  pn_text_clear (&result->not_counted_reason);
  pn_text_clear (&result->derivation);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  pn_text_clear (&result->high_reason);
  g_free (result->superseded_by);
  if (result->readings != NULL)
    {
      for (guint i = 0; i < result->readings->len; i++)
        reading_result_clear (g_ptr_array_index (result->readings, i));
      g_ptr_array_unref (result->readings);
    }
  g_clear_pointer (&result->stages, g_array_unref);
  g_free (result);
}

static void
pn_results_clear (PnResults *self)
{
  if (self->full != NULL)
    {
      for (guint i = 0; i < self->entries->len; i++)
        g_clear_pointer (&self->full[i], pn_result_free);
      g_free (self->full);
    }
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->next_steps, g_ptr_array_unref);
  if (self->engine_data != NULL)
    self->free_engine_data (self->engine_data);
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_clear_object (&self->profile);
  g_free (self->as_of);
  g_mutex_clear (&self->fill_lock);
}

PnResults *
_pn_results_new (PnCorpus  *corpus,
                 PnProfile *profile)
{
  PnResults *self = g_atomic_rc_box_new0 (PnResults);

  self->corpus = pn_corpus_ref (corpus);
  self->profile = g_object_ref (profile);
  self->as_of = pn_profile_dup_effective_as_of (profile);
  self->entries = g_array_sized_new (FALSE, FALSE, sizeof (PnResultEntry), 64);
  g_mutex_init (&self->fill_lock);
  return self;
}

/* Room for up to `n` results: untouched pages of a large block cost
 * nothing, growing it would copy. */
void
_pn_results_reserve (PnResults *self,
                     guint      n)
{
  if (n > self->entries->len)
    {
      guint len = self->entries->len;

      g_array_set_size (self->entries, n);
      g_array_set_size (self->entries, len);
    }
}

void
_pn_results_set_engine_data (PnResults      *self,
                             gpointer        data,
                             GDestroyNotify  free_data)
{
  g_assert (self->engine_data == NULL);
  self->engine_data = data;
  self->free_engine_data = free_data;
}

gpointer
_pn_results_get_engine_data (PnResults *self)
{
  return self->engine_data;
}

PnResultEntry *
_pn_results_append (PnResults *self,
                    PnBenefit *benefit)
{
  PnResultEntry *entry;

  g_array_set_size (self->entries, self->entries->len + 1);
  entry = &g_array_index (self->entries, PnResultEntry, self->entries->len - 1);
  memset (entry, 0, sizeof *entry);
  entry->benefit = benefit;
  entry->estimate_cny = PN_YUAN_UNSET;
  entry->high_cny = PN_YUAN_UNSET;
  return entry;
}

PnResultEntry *
_pn_results_peek (PnResults *self,
                  guint      position)
{
  return &g_array_index (self->entries, PnResultEntry, position);
}

void
_pn_results_set_total (PnResults *self,
                       gint64     total)
{
  self->total = total;
}

void
_pn_results_set_total_high (PnResults *self,
                            gint64     total_high)
{
  self->total_high = total_high;
}

/* The whole result, written the first time it is read; results may be
 * read from more than one thread (a brief is written in a worker). */
static const PnResult *
filled (PnResults *self,
        guint      position)
{
  PnResult **full = g_atomic_pointer_get (&self->full);
  PnResult *result = full != NULL ? g_atomic_pointer_get (&full[position]) : NULL;

  if (result != NULL)
    return result;

  g_mutex_lock (&self->fill_lock);
  if (self->full == NULL)
    g_atomic_pointer_set (&self->full, g_new0 (PnResult *, self->entries->len));
  result = self->full[position];
  if (result == NULL)
    {
      result = g_new0 (PnResult, 1);
      _pn_engine_fill_result (self, position, result);
      g_atomic_pointer_set (&self->full[position], result);
    }
  g_mutex_unlock (&self->fill_lock);

  return result;
}

PnResults *
pn_results_ref (PnResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_results_unref (PnResults *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_results_clear);
}

PnCorpus *
pn_results_get_corpus (PnResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->corpus;
}

const char *
pn_results_get_as_of (PnResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->as_of;
}

const char *
pn_results_get_location (PnResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pn_profile_get_location (self->profile);
}

guint
pn_results_get_n_results (PnResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const PnResult *
pn_results_get_result (PnResults *self,
                       guint      position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return filled (self, position);
}

PnBenefit *
pn_results_get_benefit (PnResults *self,
                        guint      position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);
  return _pn_results_peek (self, position)->benefit;
}

void
pn_results_get_outline (PnResults       *self,
                        guint            position,
                        PnResultOutline *out)
{
  PnResult **full;
  const PnResult *result;
  const PnResultEntry *entry;

  g_return_if_fail (self != NULL);
  g_return_if_fail (position < self->entries->len);
  g_return_if_fail (out != NULL);

  full = g_atomic_pointer_get (&self->full);
  result = full != NULL ? g_atomic_pointer_get (&full[position]) : NULL;
  if (result != NULL)
    {
      out->match = result->match;
      out->status = result->status;
      out->counted = result->counted;
      out->not_counted = result->not_counted;
      out->estimate_cny = result->estimate_cny;
      out->high_cny = result->high_cny;
      out->unbounded = result->unbounded;
      out->overlap_winner = result->overlap_winner;
      return;
    }

  /* what the first pass wrote, as _pn_engine_fill_result() copies it */
  entry = _pn_results_peek (self, position);
  out->match = entry->match;
  out->status = entry->status;
  out->counted = entry->counted;
  out->not_counted = entry->not_counted;
  out->estimate_cny = (entry->priced ? entry->estimate_cny : _pn_engine_estimate (self, position)) -
                      entry->cut_cny;
  out->high_cny = entry->high_cny;
  out->unbounded = entry->high_limit == PN_UPSIDE_UNBOUNDED;
  out->overlap_winner = entry->not_counted == PN_NOT_COUNTED_OVERLAP
                        ? _pn_results_peek (self, entry->overlap_winner)->benefit : NULL;
}

const PnResult *
pn_results_find (PnResults  *self,
                 const char *benefit_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      if (g_strcmp0 (_pn_results_peek (self, i)->benefit->id, benefit_id) == 0)
        return filled (self, i);
    }

  return NULL;
}

/* The figure the answers give, or PN_YUAN_UNSET */
gint64
pn_results_get_figure (PnResults *self,
                       PnFigure   figure)
{
  g_return_val_if_fail (self != NULL, PN_YUAN_UNSET);
  return pn_profile_get_figure (self->profile, figure);
}

gint64
pn_results_get_total (PnResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->total;
}

gint64
pn_results_get_total_high (PnResults *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->total_high;
}

gint64
pn_results_get_total_high_bounded (PnResults *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->total_high != PN_YUAN_UNSET)
    return self->total_high;
  /* worked out the first time it is asked for, as the next steps are:
   * comparing places or a pipeline never asks */
  g_mutex_lock (&self->fill_lock);
  if (!self->bounded_known)
    {
      self->total_high_bounded = _pn_engine_total_high_bounded (self);
      self->bounded_known = TRUE;
    }
  g_mutex_unlock (&self->fill_lock);
  return self->total_high_bounded;
}

GPtrArray *
pn_results_get_next_steps (PnResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* worked out the first time, as a result's text is (filled()) */
  if (g_atomic_pointer_get (&self->next_steps) == NULL)
    {
      g_mutex_lock (&self->fill_lock);
      if (self->next_steps == NULL)
        g_atomic_pointer_set (&self->next_steps, _pn_engine_next_steps (self));
      g_mutex_unlock (&self->fill_lock);
    }
  return self->next_steps;
}

guint
pn_results_get_n_counted (PnResults *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      if (_pn_results_peek (self, i)->counted)
        n++;
    }

  return n;
}

const char *
pn_not_counted_to_string (PnNotCounted reason)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (PN_TYPE_NOT_COUNTED));

  g_return_val_if_fail (reason <= PN_NOT_COUNTED_SUPERSEDED, NULL);
  value = g_enum_get_value (klass, reason);
  return value != NULL ? value->value_nick : NULL;
}

const char *
pn_next_step_kind_to_string (PnNextStepKind kind)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (PN_TYPE_NEXT_STEP_KIND));

  g_return_val_if_fail (kind <= PN_NEXT_STEP_REQUIREMENT, NULL);
  value = g_enum_get_value (klass, kind);
  return value != NULL ? value->value_nick : NULL;
}

const char *
pn_condition_state_to_string (PnConditionState state)
{
  static GEnumClass *klass;
  GEnumValue *value;

  if (g_once_init_enter (&klass))
    g_once_init_leave (&klass, g_type_class_ref (PN_TYPE_CONDITION_STATE));

  g_return_val_if_fail (state <= PN_CONDITION_UNMET, NULL);
  value = g_enum_get_value (klass, state);
  return value != NULL ? value->value_nick : NULL;
}

/* What an unanswered question asks, as it reads after "still needs". */
static const struct { const char *zh; const char *en; } question_labels[] = {
  { "支持对象（药品、器械或机构）", "what is funded (drug, device or organisation)" },
  { "申请主体类型", "the applicant type" },
  { "药品类别", "the drug class" },
  { "药品类型", "the modality" },
  { "治疗领域", "the therapeutic area" },
  { "医疗器械类别", "the device class" },
  { "是否进入国家创新医疗器械特别审查程序", "whether the device went through the national innovative-device special review" },
  { "医疗器械类型", "the device type" },
  { "刚完成的研发阶段", "the milestone just reached" },
  { "一致性评价通过次序", "the consistency evaluation rank" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (question_labels) == PN_N_QUESTIONS);

const char *
pn_question_describe (PnQuestion question,
                      PnLang     lang)
{
  g_return_val_if_fail (question < PN_N_QUESTIONS, NULL);
  return lang == PN_LANG_ZH ? question_labels[question].zh : question_labels[question].en;
}

char *
pn_result_describe_missing (const PnResult *result,
                            PnLang          lang)
{
  return pn_result_describe_missing_in (result, NULL, lang);
}

/* The same, with the figures a threshold asks for named as `taxonomy`
 * names them ("figure:total-investment": "Total project investment above
 * ¥50,000,000"); without it, by their ids. */
char *
pn_result_describe_missing_in (const PnResult *result,
                               PnTaxonomy     *taxonomy,
                               PnLang          lang)
{
  GString *str;
  gboolean zh = lang == PN_LANG_ZH;

  g_return_val_if_fail (result != NULL, NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < result->missing->len; i++)
    {
      const char *item = g_ptr_array_index (result->missing, i);
      PnQuestion question;

      if (i > 0)
        g_string_append (str, zh ? "、" : ", ");

      if (g_str_has_prefix (item, "requirement:"))
        {
          const char *id = item + strlen ("requirement:");

          for (guint r = 0; r < result->benefit->requirements->len; r++)
            {
              PnRequirement *requirement = g_ptr_array_index (result->benefit->requirements, r);

              if (g_strcmp0 (requirement->id, id) == 0)
                g_string_append (str, zh ? requirement->text.zh : requirement->text.en);
            }
        }
      else if (g_str_has_prefix (item, "review:"))
        {
          /* the answer given leaves it to the authority: say which */
          if (pn_question_from_string (item + strlen ("review:"), &question))
            pn_string_append_template (str, zh ? "有关部门认定（“%s”的回答不能确定）"
                                               : "a recognition by the authority (the answer on %s leaves it open)",
                                       zh ? question_labels[question].zh : question_labels[question].en);
          else
            g_string_append (str, zh ? "有关部门认定" : "a recognition by the authority");
        }
      else if (g_str_has_prefix (item, "figure:"))
        {
          const char *id = item + strlen ("figure:");
          PnFigure figure = PN_FIGURE_NONE;
          const char *label = id;

          if (pn_figure_from_string (id, &figure) && taxonomy != NULL)
            label = pn_derivation_figure_label (taxonomy, figure, lang);
          /* in a list of "the device type, …": "total project investment" */
          if (!zh && g_ascii_isupper (label[0]) && g_ascii_islower (label[1]))
            g_string_append_c (str, g_ascii_tolower (label[0])), label++;
          g_string_append (str, label);
          for (guint t = 0; t < result->benefit->thresholds->len; t++)
            {
              const PnThreshold *threshold = g_ptr_array_index (result->benefit->thresholds, t);
              g_autofree char *min = NULL;

              if (threshold->figure != figure)
                continue;
              min = zh ? pn_money_format_wan (threshold->min) : pn_money_format_yuan (threshold->min);
              g_string_append_printf (str, zh ? (threshold->inclusive ? "达到%s" : "超过%s")
                                              : (threshold->inclusive ? " of at least %s" : " above %s"), min);
              break;
            }
        }
      else if (g_str_equal (item, "unreviewed"))
        g_string_append (str, zh ? "人工审核（该项由 pnav draft 起草，尚未审核）"
                                 : "a person's review (drafted by pnav draft, not yet reviewed)");
      else if (pn_question_from_string (item, &question))
        g_string_append (str, zh ? question_labels[question].zh : question_labels[question].en);
      else
        g_string_append (str, item);
    }

  return g_string_free (str, FALSE);
}
