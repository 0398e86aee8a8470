/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-export"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <unistd.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>

#include "pn-export-private.h"
#include "pn-json-writer.h"

#include "pn-corpus-private.h"
#include "pn-citation.h"
#include "pn-core-private.h"
#include "pn-date.h"
#include "pn-money.h"

PnLang
pn_lang_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i]; i++)
    {
      if (g_str_has_prefix (names[i], "zh"))
        return PN_LANG_ZH;
      if (g_str_has_prefix (names[i], "en"))
        return PN_LANG_EN;
    }

  return PN_LANG_EN;
}

const char *
pn_term_get (const PnTerm *term,
             PnLang        lang)
{
  PnText names;

  if (term == NULL)
    return NULL;
  names.zh = term->zh;
  names.en = term->en;
  return pn_text_get (&names, lang);
}

const char *
pn_text_get (const PnText *text,
             PnLang        lang)
{
  if (text == NULL)
    return NULL;
  if (lang == PN_LANG_ZH)
    return text->zh ? text->zh : text->en;
  /* a drafted English field the reviewer has not written yet ("Not yet
   * translated: 漳州市科技局"): the Chinese alone, not the placeholder */
  if (text->en != NULL && text->zh != NULL && g_str_has_prefix (text->en, PN_UNTRANSLATED_PREFIX))
    return text->zh;
  return text->en ? text->en : text->zh;
}

/* ---- `pnav match` JSON, written as it goes (pn-json-writer.h) ---- */

static void
w_string (PnJsonWriter *w,
          const char   *name,
          const char   *value)
{
  pn_json_writer_name (w, name);
  pn_json_writer_string (w, value);
}

static void
w_yuan (PnJsonWriter *w,
        const char   *name,
        gint64        value)
{
  pn_json_writer_name (w, name);
  if (value != PN_YUAN_UNSET)
    pn_json_writer_int (w, value);
  else
    pn_json_writer_null (w);
}

static void
w_boolean (PnJsonWriter *w,
           const char   *name,
           gboolean      value)
{
  pn_json_writer_name (w, name);
  pn_json_writer_boolean (w, value);
}

static void
w_text (PnJsonWriter *w,
        const char   *name,
        const PnText *text)
{
  pn_json_writer_name (w, name);
  pn_json_writer_begin_object (w);
  w_string (w, "zh", text->zh);
  w_string (w, "en", text->en);
  pn_json_writer_end_object (w);
}

static void
w_units (PnJsonWriter *w,
         PnTaxonomy   *taxonomy,
         PnDocument   *document,
         GPtrArray    *units)
{
  pn_json_writer_name (w, "responsible_units");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < units->len; i++)
    {
      PnUnitRef *ref = g_ptr_array_index (units, i);
      /* a unit of the taxonomy, or one an imported document declares */
      const PnTerm *unit = pn_document_lookup_unit (document, taxonomy, ref->id);

      pn_json_writer_begin_object (w);
      w_string (w, "id", ref->id);
      w_string (w, "zh", unit ? unit->zh : NULL);
      w_string (w, "en", unit ? unit->en : NULL);
      w_string (w, "role", ref->role);
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);
}

static void
w_notes (PnJsonWriter *w,
         const char   *name,
         GPtrArray    *notes)
{
  pn_json_writer_name (w, name);
  pn_json_writer_begin_array (w);
  for (guint i = 0; notes && i < notes->len; i++)
    {
      const PnText *note = g_ptr_array_index (notes, i);

      pn_json_writer_begin_object (w);
      w_string (w, "zh", note->zh);
      w_string (w, "en", note->en);
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);
}

/* One entry per way the sentence can be read, the chosen one included */
static void
w_readings (PnJsonWriter   *w,
            const PnResult *result)
{
  pn_json_writer_name (w, "readings");
  pn_json_writer_begin_array (w);
  for (guint i = 0; result->readings != NULL && i < result->readings->len; i++)
    {
      const PnReadingResult *reading = g_ptr_array_index (result->readings, i);

      pn_json_writer_begin_object (w);
      w_string (w, "id", reading->reading->id);
      w_yuan (w, "estimate_cny", reading->estimate_cny);
      w_string (w, "zh", reading->reading->text.zh);
      w_string (w, "en", reading->reading->text.en);
      w_boolean (w, "chosen", reading->reading->chosen);
      w_text (w, "derivation", &reading->derivation);
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);
}

/* A staged payment's instalments, year by year */
static void
w_stages (PnJsonWriter   *w,
          const PnResult *result)
{
  pn_json_writer_name (w, "stages");
  pn_json_writer_begin_array (w);
  for (guint i = 0; result->stages != NULL && i < result->stages->len; i++)
    {
      const PnStageResult *stage = &g_array_index (result->stages, PnStageResult, i);

      pn_json_writer_begin_object (w);
      pn_json_writer_name (w, "share");
      pn_json_writer_double (w, stage->share);
      w_yuan (w, "cny", stage->cny);
      pn_json_writer_name (w, "year");
      pn_json_writer_int (w, stage->year);
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);
}

static void
write_result (PnJsonWriter   *w,
              PnTaxonomy     *taxonomy,
              const PnResult *result)
{
  PnBenefit *benefit = result->benefit;
  PnDocument *document = benefit->document;

  pn_json_writer_begin_object (w);
  w_string (w, "document_id", document->id);
  w_string (w, "doc_number", document->doc_number);
  w_string (w, "article", benefit->article->number);
  w_string (w, "benefit_id", benefit->id);
  w_string (w, "title", benefit->title.en);
  w_string (w, "title_zh", benefit->title.zh);
  w_string (w, "status", pn_status_to_string (result->status));
  w_string (w, "match", pn_match_to_string (result->match));

  pn_json_writer_name (w, "missing");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < result->missing->len; i++)
    pn_json_writer_string (w, g_ptr_array_index (result->missing, i));
  pn_json_writer_end_array (w);

  pn_json_writer_name (w, "amount");
  pn_json_writer_begin_object (w);
  w_string (w, "kind", pn_benefit_kind_to_string (benefit->kind));
  pn_json_writer_name (w, "rate");
  if (benefit->rate >= 0)
    pn_json_writer_double (w, benefit->rate);
  else
    pn_json_writer_null (w);
  w_boolean (w, "rate_ceiling", benefit->rate >= 0 && benefit->rate_ceiling);
  w_string (w, "base", benefit->base != PN_FIGURE_NONE ? pn_figure_to_string (benefit->base) : NULL);
  w_yuan (w, "base_cny", result->base_cny);
  w_yuan (w, "fixed_cny", benefit->amount);
  w_yuan (w, "cap_cny", benefit->cap);
  w_yuan (w, "threshold_cny", result->threshold_cny);
  w_yuan (w, "topped_up_cny", result->topped_up_cny);
  w_yuan (w, "estimate_cny", result->estimate_cny);
  w_string (w, "per", benefit->per);
  w_boolean (w, "one_time", benefit->one_time);
  w_yuan (w, "high_cny", result->high_cny);
  if (result->high_reason.en != NULL)
    w_text (w, "high_reason", &result->high_reason);
  else
    w_string (w, "high_reason", NULL);
  w_readings (w, result);
  w_stages (w, result);
  pn_json_writer_end_object (w);

  w_units (w, taxonomy, benefit->document, pn_benefit_get_units (benefit));
  w_string (w, "valid_from", result->valid_from);
  w_string (w, "valid_until", result->valid_until);
  w_boolean (w, "counted", result->counted);
  w_string (w, "not_counted_reason", result->counted ? NULL : pn_not_counted_to_string (result->not_counted));
  if (result->counted)
    w_string (w, "not_counted_detail", NULL);
  else
    w_text (w, "not_counted_detail", &result->not_counted_reason);
  w_string (w, "overlap_group", benefit->overlap_group);
  w_string (w, "overlap_winner", result->overlap_winner ? result->overlap_winner->id : NULL);
  w_text (w, "derivation", &result->derivation);

  pn_json_writer_name (w, "conditions");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < result->conditions->len; i++)
    {
      const PnConditionResult *cr = g_ptr_array_index (result->conditions, i);

      pn_json_writer_begin_object (w);
      w_string (w, "question", pn_question_to_string (cr->question));
      w_string (w, "state", pn_condition_state_to_string (cr->state));
      pn_json_writer_name (w, "accepted");
      pn_json_writer_begin_array (w);
      for (guint v = 0; cr->condition->values && cr->condition->values[v]; v++)
        pn_json_writer_string (w, cr->condition->values[v]);
      pn_json_writer_end_array (w);
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);

  w_notes (w, "notes", result->notes);
  w_notes (w, "interpretation_notes", benefit->notes);
  pn_json_writer_end_object (w);
}

static void
w_next_steps (PnJsonWriter *w,
              GPtrArray    *steps)
{
  pn_json_writer_name (w, "next_steps");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < steps->len; i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);

      pn_json_writer_begin_object (w);
      w_string (w, "kind", pn_next_step_kind_to_string (step->kind));
      w_string (w, "id", step->id);
      w_string (w, "zh", step->text.zh);
      w_string (w, "en", step->text.en);
      w_yuan (w, "adds_high_cny", step->adds_high_cny);
      pn_json_writer_name (w, "benefit_ids");
      pn_json_writer_begin_array (w);
      for (guint b = 0; b < step->benefits->len; b++)
        pn_json_writer_string (w, ((PnBenefit *) g_ptr_array_index (step->benefits, b))->id);
      pn_json_writer_end_array (w);
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);
}

/* A text we wrote ourselves back as a tree, for the callers that build
 * larger documents (compare, pipeline, CSV) */
static JsonNode *
parse_own (GString *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text->str, &error);

  g_assert_no_error (error);  /* the writer's own output */
  return node;
}

JsonNode *
pn_export_result_json (PnResults      *results,
                       const PnResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PnJsonWriter w;

  pn_json_writer_init (&w, text, FALSE);
  write_result (&w, pn_corpus_get_taxonomy (pn_results_get_corpus (results)), result);
  return parse_own (text);
}

void
_pn_export_write_results (PnJsonWriter *w,
                          PnResults    *results)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_results_get_corpus (results));

  pn_json_writer_begin_object (w);
  w_string (w, "as_of", pn_results_get_as_of (results));
  w_string (w, "location", pn_results_get_location (results));
  pn_json_writer_name (w, "matches");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    write_result (w, taxonomy, pn_results_get_result (results, i));
  pn_json_writer_end_array (w);
  pn_json_writer_name (w, "counted_count");
  pn_json_writer_int (w, pn_results_get_n_counted (results));
  pn_json_writer_name (w, "total_estimate_cny");
  pn_json_writer_int (w, pn_results_get_total (results));
  w_yuan (w, "total_high_cny", pn_results_get_total_high (results));
  w_yuan (w, "total_high_bounded_cny", pn_results_get_total_high_bounded (results));
  w_next_steps (w, pn_results_get_next_steps (results));
  pn_json_writer_end_object (w);
}

void
pn_export_write_results_json (PnResults   *results,
                              GString     *out,
                              gboolean     pretty,
                              PnJsonFlush  flush,
                              gpointer     user_data)
{
  PnJsonWriter w;

  g_return_if_fail (results != NULL);
  g_return_if_fail (out != NULL);

  pn_json_writer_init (&w, out, pretty);
  pn_json_writer_set_flush (&w, flush, user_data);
  _pn_export_write_results (&w, results);
}

JsonNode *
pn_export_results_json (PnResults *results)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (results != NULL, NULL);

  pn_export_write_results_json (results, text, FALSE, NULL, NULL);
  return parse_own (text);
}

char *
pn_export_json_to_string (JsonNode *node,
                          gboolean  pretty)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

/* What a result is worth on its own, as before the ranges: the estimate,
 * else "up to" its cap or fixed amount, else "—". */
static char *
amount_alone (const PnResult *result,
              PnLang          lang)
{
  if (result->estimate_cny != PN_YUAN_UNSET)
    return pn_money_format_yuan (result->estimate_cny);
  if (result->benefit->cap != PN_YUAN_UNSET)
    {
      g_autofree char *cap = pn_money_format_yuan (result->benefit->cap);
      return pn_strdup_template (lang == PN_LANG_ZH ? "最高 %s" : "up to %s", cap);
    }
  if (result->benefit->amount != PN_YUAN_UNSET)
    {
      g_autofree char *amount = pn_money_format_yuan (result->benefit->amount);
      return pn_strdup_template (lang == PN_LANG_ZH ? "最高 %s" : "up to %s", amount);
    }
  return g_strdup ("—");
}

char *
pn_export_amount_label (const PnResult *result,
                        PnLang          lang)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  gint64 counted;

  g_return_val_if_fail (result != NULL, NULL);

  /* what cannot give on the date, and what another measure of its group
   * outranks, keep their own amount: a range would promise it */
  if (result->status != PN_STATUS_IN_FORCE || result->not_counted == PN_NOT_COUNTED_OVERLAP ||
      result->benefit->kind == PN_BENEFIT_NON_MONETARY)
    return amount_alone (result, lang);

  counted = result->counted ? result->estimate_cny : 0;
  if (result->high_cny == PN_YUAN_UNSET && !result->unbounded)
    return result->counted ? pn_money_format_yuan (counted) : g_strdup ("—");

  low = pn_money_format_yuan (counted);
  if (result->high_cny == PN_YUAN_UNSET)
    return pn_strdup_template (lang == PN_LANG_ZH ? "%s – 无上限" : "%s – no upper bound", low);
  if (result->high_cny <= counted)
    return g_steal_pointer (&low);
  high = pn_money_format_yuan (result->high_cny);
  return pn_strdup_template ("%s – %s", low, high);
}

char *
pn_export_total_label (PnResults *results,
                       PnLang     lang)
{
  g_autofree char *total = NULL;
  g_autofree char *high = NULL;
  gint64 total_high;
  gboolean zh = lang == PN_LANG_ZH;

  g_return_val_if_fail (results != NULL, NULL);

  total = pn_money_format_yuan (pn_results_get_total (results));
  total_high = pn_results_get_total_high (results);
  if (total_high == PN_YUAN_UNSET)
    return pn_strdup_template (zh ? "计入 %s · 无上限" : "%s counted · no upper bound", total);
  if (total_high <= pn_results_get_total (results))
    return pn_strdup_template (zh ? "计入 %s" : "%s counted", total);
  high = pn_money_format_yuan (total_high);
  return pn_strdup_template (zh ? "计入 %s · 最高 %s" : "%s counted · up to %s", total, high);
}

/* The amount column of the text output: padded, and never run into the
 * title when it is as wide as the column ("¥7,000,000 – ¥28,000,000"). */
static void
append_amount_column (GString    *str,
                      const char *amount)
{
  pn_export_append_padded (str, amount, 20);
  if (str->len == 0 || str->str[str->len - 1] != ' ')
    g_string_append_c (str, ' ');
}

void
pn_export_append_padded (GString    *str,
                          const char *text,
                          int         width)
{
  /* CJK characters take two columns in a terminal */
  int columns = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  g_string_append (str, text);
  for (int i = columns; i < width; i++)
    g_string_append_c (str, ' ');
}

const char *
pn_next_step_kind_verb (PnNextStepKind kind,
                        PnLang         lang)
{
  gboolean zh = lang == PN_LANG_ZH;

  switch (kind)
    {
    case PN_NEXT_STEP_ANSWER:
      return zh ? "回答" : "Answer";
    case PN_NEXT_STEP_FIGURE:
      return zh ? "填写" : "Give";
    case PN_NEXT_STEP_REQUIREMENT:
    default:
      return zh ? "确认" : "Check";
    }
}

/* The first few steps that would add most, after the total */
static void
append_next_steps (GString   *str,
                   PnResults *results,
                   PnLang     lang)
{
  GPtrArray *steps = pn_results_get_next_steps (results);
  gboolean zh = lang == PN_LANG_ZH;

  if (steps->len == 0)
    return;
  g_string_append (str, zh ? "\n最能增加金额的下一步\n" : "\nWhat would add most\n");
  for (guint i = 0; i < MIN (steps->len, 5); i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);
      g_autofree char *adds = NULL;

      if (step->adds_high_cny == PN_YUAN_UNSET)
        adds = g_strdup (zh ? "无上限" : "no upper bound");
      else
        {
          g_autofree char *yuan = pn_money_format_yuan (step->adds_high_cny);
          adds = pn_strdup_template (zh ? "最多 +%s" : "up to +%s", yuan);
        }
      g_string_append (str, "  ");
      append_amount_column (str, adds);
      g_string_append_printf (str, zh ? "%s：%s（%u 项措施）\n"
                                      : step->benefits->len == 1 ? "%s: %s (%u measure)\n"
                                                                 : "%s: %s (%u measures)\n",
                              pn_next_step_kind_verb (step->kind, lang),
                              pn_text_get (&step->text, lang), step->benefits->len);
    }
}

/* A status in words, as the window and the brief say it */
static const char *
status_label (PnStatus status,
              gboolean zh)
{
  switch (status)
    {
    case PN_STATUS_IN_FORCE:
      return zh ? "有效" : "In force";
    case PN_STATUS_EXPIRED:
      return zh ? "已失效" : "Expired";
    case PN_STATUS_PENDING:
      return zh ? "尚未施行" : "Not yet in force";
    case PN_STATUS_DRAFT:
      return zh ? "征求意见稿" : "Draft";
    case PN_STATUS_SUPERSEDED:
      return zh ? "已被取代" : "Superseded";
    default:
      g_return_val_if_reached ("—");
    }
}

/* The end of a benefit's validity, unless it has none ("9999-12-31") */
static const char *
benefit_until (PnBenefit *benefit)
{
  const char *from = NULL, *until = NULL;

  pn_benefit_get_validity (benefit, &from, &until);
  if (until == NULL || g_str_has_prefix (until, "9999"))
    return NULL;
  return until;
}

/* "31 December 2026" for a result in force with an end; else NULL */
static char *
in_force_until_words (const PnResult *result,
                      gboolean        zh)
{
  const char *until;

  if (result->status != PN_STATUS_IN_FORCE || (until = benefit_until (result->benefit)) == NULL)
    return NULL;
  return pn_date_to_words (until, zh);
}

char *
pn_export_in_force_until (const PnResult *result,
                          PnLang          lang)
{
  g_autofree char *words = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  words = in_force_until_words (result, lang == PN_LANG_ZH);
  if (words == NULL)
    return NULL;
  return lang == PN_LANG_ZH ? g_strdup_printf ("有效期至%s", words)
                            : g_strdup_printf ("in force until %s", words);
}

char *
pn_export_stages_label (const PnResult *result,
                        PnLang          lang)
{
  gboolean zh = lang == PN_LANG_ZH;
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (result != NULL, NULL);

  for (guint i = 0; result->stages != NULL && i < result->stages->len; i++)
    {
      const PnStageResult *stage = &g_array_index (result->stages, PnStageResult, i);
      g_autofree char *yuan = stage->cny != PN_YUAN_UNSET ? pn_money_format_yuan (stage->cny) : NULL;
      int percent = (int) (stage->share * 100 + 0.5);

      if (i > 0)
        g_string_append (str, zh ? "，" : ", ");
      if (yuan != NULL)
        g_string_append_printf (str, zh ? "第%u年%s（%d%%）" : "year %u: %s (%d%%)", stage->year, yuan, percent);
      else
        g_string_append_printf (str, zh ? "第%u年%d%%" : "year %u: %d%%", stage->year, percent);
    }
  return g_string_free (str, FALSE);
}

const char *
pn_export_counted_until (PnResults *results)
{
  const char *earliest = NULL;

  g_return_val_if_fail (results != NULL, NULL);

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);
      const char *until;

      if (!result->counted || (until = benefit_until (result->benefit)) == NULL)
        continue;
      if (earliest == NULL || strcmp (until, earliest) < 0)
        earliest = until;
    }
  return earliest;
}

char *
pn_export_units_label (PnDocument *document,
                       PnTaxonomy *taxonomy,
                       GPtrArray  *units,
                       PnLang      lang)
{
  GString *str = g_string_new (NULL);
  gboolean zh = lang == PN_LANG_ZH;

  /* lead units first, in the order the article gives them */
  for (int pass = 0; units != NULL && pass < 2; pass++)
    for (guint i = 0; i < units->len; i++)
      {
        PnUnitRef *ref = g_ptr_array_index (units, i);
        gboolean lead = g_strcmp0 (ref->role, "lead") == 0;
        /* a unit of the taxonomy, or one an imported document declares */
        const PnTerm *unit = pn_document_lookup_unit (document, taxonomy, ref->id);
        const char *name = unit != NULL ? pn_term_get (unit, lang) : NULL;

        if (lead != (pass == 0))
          continue;
        if (name == NULL)
          name = ref->id;
        if (str->len > 0)
          g_string_append (str, zh ? "；" : "; ");
        g_string_append (str, name);
        if (lead)
          g_string_append (str, zh ? "（牵头）" : " (lead)");
        else if (g_strcmp0 (ref->role, "cooperating") == 0)
          g_string_append (str, zh ? "（配合）" : " (cooperating)");
      }
  return g_string_free (str, FALSE);
}

char *
pn_export_results_text (PnResults *results,
                        PnLang     lang)
{
  GString *str = g_string_new (NULL);
  g_autofree char *total = NULL;
  gboolean zh = lang == PN_LANG_ZH;
  g_autofree char *place = NULL;

  g_return_val_if_fail (results != NULL, NULL);

  /* a place of the taxonomy or one an imported document declares */
  place = pn_corpus_location_label (pn_results_get_corpus (results), pn_results_get_location (results), lang);
  g_string_append_printf (str, zh ? "地点：%s    日期：%s\n\n" : "Location: %s    As of: %s\n\n",
                          place, pn_results_get_as_of (results));

  /* as the window lists them: what counts, what may once an answer or a
   * figure is given, and what does not (expired, unmet, outranked) */
  for (int pass = 0, any_section = FALSE; pass < 3; pass++)
    {
      static const char * const headings[3][2] = {
        { "Counted\n", "计入合计\n" },
        { "Possible matches\n", "可能符合\n" },
        { "Not counted\n", "未计入\n" },
      };
      gboolean any = FALSE;

      for (guint i = 0; i < pn_results_get_n_results (results); i++)
        {
          const PnResult *result = pn_results_get_result (results, i);
          PnBenefit *benefit = result->benefit;
          g_autofree char *citation = NULL;
          g_autofree char *amount = NULL;
          int group = result->counted ? 0
                      : result->not_counted == PN_NOT_COUNTED_POSSIBLE ||
                        result->not_counted == PN_NOT_COUNTED_MISSING_FIGURE ? 1 : 2;

          if (group != pass)
            continue;

          if (!any)
            {
              /* a blank line between sections */
              if (any_section)
                g_string_append_c (str, '\n');
              g_string_append (str, headings[pass][zh]);
              any = any_section = TRUE;
            }

          citation = pn_citation_format (benefit->article, lang);
          /* what does not count shows no figure where a reader adds them
           * up: the line under it says what it would have been */
          amount = group == 2 ? g_strdup ("—") : pn_export_amount_label (result, lang);
          /* citations run long (a task list cites itself by its title):
           * after the measure, not in a column */
          g_string_append (str, "  ");
          append_amount_column (str, amount);
          g_string_append_printf (str, zh ? "%s（%s）\n" : "%s (%s)\n",
                                  pn_text_get (&benefit->title, lang), citation);
          {
            g_autofree char *until = in_force_until_words (result, zh);
            /* "In force until 31 December 2026 · …": a founder sees the
             * end of what counts beside its amount */
            g_autofree char *status = until == NULL ? g_strdup (status_label (result->status, zh))
                                      : zh ? g_strdup_printf ("有效（至%s）", until)
                                           : g_strdup_printf ("In force until %s", until);

            g_string_append_printf (str, "      %s · %s\n", status, pn_text_get (&result->derivation, lang));
          }
          if (!result->counted)
            {
              const char *reason = pn_text_get (&result->not_counted_reason, lang);

              /* a missing figure is both the derivation and the reason */
              if (g_strcmp0 (reason, pn_text_get (&result->derivation, lang)) != 0)
                g_string_append_printf (str, "      %s\n", reason);
            }
          /* what a counted amount rests on, its yearly cap and payment in
           * stages: the JSON had them, the text not (the engine's notes
           * begin with the attestations, said below in their own words) */
          /* and where a yearly cap holds the "up to" below the award the
           * derivation names ("¥0 – ¥5,000,000 … award of up to
           * ¥6,000,000"), the cap that does it */
          if (result->counted ||
              (group == 1 && result->high_cny != PN_YUAN_UNSET && result->estimate_cny != PN_YUAN_UNSET &&
               result->high_cny < result->estimate_cny))
            {
              guint attested = 0;

              for (guint n = 0; n < benefit->requirements->len; n++)
                attested += ((PnRequirement *) g_ptr_array_index (benefit->requirements, n))->attestation;
              for (guint n = attested; n < result->notes->len; n++)
                g_string_append_printf (str, zh ? "      说明：%s\n" : "      Note: %s\n",
                                        pn_text_get (g_ptr_array_index (result->notes, n), lang));
            }
          if (group < 2 && result->stages != NULL && result->stages->len > 0)
            {
              g_autofree char *stages = pn_export_stages_label (result, lang);

              g_string_append_printf (str, zh ? "      按年发放：%s\n" : "      Paid by year: %s\n", stages);
            }
          if (result->counted)
            /* what the applicant must confirm for the amount to hold */
            for (guint n = 0; n < benefit->requirements->len; n++)
              {
                PnRequirement *requirement = g_ptr_array_index (benefit->requirements, n);

                if (requirement->attestation)
                  g_string_append_printf (str, zh ? "      须由申请人确认：%s\n" : "      The applicant must confirm: %s\n",
                                          pn_text_get (&requirement->text, lang));
              }
          /* whom to apply to, for what counts or may */
          if (group < 2)
            {
              g_autofree char *who = pn_export_units_label (benefit->document,
                                                            pn_corpus_get_taxonomy (pn_results_get_corpus (results)),
                                                            pn_benefit_get_units (benefit), lang);

              if (*who != '\0')
                g_string_append_printf (str, zh ? "      责任单位：%s\n" : "      Responsible: %s\n", who);
            }
        }
    }

  total = pn_money_format_yuan (pn_results_get_total (results));
  g_string_append_printf (str, zh ? "\n合计（%u 项计入）：%s" : "\nTotal (%u counted): %s",
                          pn_results_get_n_counted (results), total);
  if (pn_results_get_total_high (results) == PN_YUAN_UNSET)
    {
      gint64 bounded = pn_results_get_total_high_bounded (results);

      g_string_append (str, zh ? " · 无上限\n" : " · no upper bound\n");
      /* what the measures with a cap give beside those without one */
      if (bounded > pn_results_get_total (results))
        {
          g_autofree char *high = pn_money_format_yuan (bounded);

          g_string_append_printf (str, zh ? "不计无上限的措施，其余所列措施合计最高 %s。\n"
                                          : "Leaving out the measures with no upper bound, the others give up to %s together.\n",
                                  high);
        }
    }
  else if (pn_results_get_total_high (results) > pn_results_get_total (results))
    {
      g_autofree char *high = pn_money_format_yuan (pn_results_get_total_high (results));

      g_string_append_printf (str, zh ? " · 最高 %s\n" : " · up to %s\n", high);
      g_string_append (str, zh ? "“最高”为所列措施在各未定事项都有利于申请人时合计最多可得的金额：重叠的措施只计最高者，"
                                 "并计入补足和年度上限；未回答的问题只取一个答案（一个阶段、一个类别），"
                                 "因此可能少于各行相加。\n"
                               : "“Up to” is the most the listed measures could give together if every open point "
                                 "went the applicant’s way: of overlapping measures only the highest counts, "
                                 "top-ups and yearly caps apply, and a question left open takes one answer (one "
                                 "milestone, one class), so it may be less than the lines added up.\n");
    }
  else
    g_string_append_c (str, '\n');
  append_next_steps (str, results, lang);
  return g_string_free (str, FALSE);
}

/* ---- CSV ------------------------------------------------------------- */

/* Every field of pn_export_result_json(), in its order: a path into the
 * result's JSON object ("amount.kind"; "units[].id" maps over an array).
 * The first two come from the results. */
static const struct
{
  const char *column;
  const char *path;
} csv_columns[] = {
  { "as_of", NULL },
  { "location", NULL },
  { "document_id", "document_id" },
  { "doc_number", "doc_number" },
  { "article", "article" },
  { "benefit_id", "benefit_id" },
  { "title", "title" },
  { "title_zh", "title_zh" },
  { "status", "status" },
  { "match", "match" },
  { "missing", "missing" },
  { "kind", "amount.kind" },
  { "rate", "amount.rate" },
  { "rate_ceiling", "amount.rate_ceiling" },
  { "base", "amount.base" },
  { "base_cny", "amount.base_cny" },
  { "fixed_cny", "amount.fixed_cny" },
  { "cap_cny", "amount.cap_cny" },
  { "threshold_cny", "amount.threshold_cny" },
  { "topped_up_cny", "amount.topped_up_cny" },
  { "estimate_cny", "amount.estimate_cny" },
  { "per", "amount.per" },
  { "one_time", "amount.one_time" },
  { "high_cny", "amount.high_cny" },
  { "high_reason_zh", "amount.high_reason.zh" },
  { "high_reason_en", "amount.high_reason.en" },
  { "readings_id", "amount.readings[].id" },
  { "readings_estimate_cny", "amount.readings[].estimate_cny" },
  { "readings_zh", "amount.readings[].zh" },
  { "readings_en", "amount.readings[].en" },
  { "readings_chosen", "amount.readings[].chosen" },
  { "stages_share", "amount.stages[].share" },
  { "stages_cny", "amount.stages[].cny" },
  { "stages_year", "amount.stages[].year" },
  { "responsible_units_id", "responsible_units[].id" },
  { "responsible_units_zh", "responsible_units[].zh" },
  { "responsible_units_en", "responsible_units[].en" },
  { "responsible_units_role", "responsible_units[].role" },
  { "valid_from", "valid_from" },
  { "valid_until", "valid_until" },
  { "counted", "counted" },
  { "not_counted_reason", "not_counted_reason" },
  { "not_counted_detail_zh", "not_counted_detail.zh" },
  { "not_counted_detail_en", "not_counted_detail.en" },
  { "overlap_group", "overlap_group" },
  { "overlap_winner", "overlap_winner" },
  { "derivation_zh", "derivation.zh" },
  { "derivation_en", "derivation.en" },
  { "conditions_question", "conditions[].question" },
  { "conditions_state", "conditions[].state" },
  { "conditions_accepted", "conditions[].accepted" },
  { "notes_zh", "notes[].zh" },
  { "notes_en", "notes[].en" },
  { "interpretation_notes_zh", "interpretation_notes[].zh" },
  { "interpretation_notes_en", "interpretation_notes[].en" },
};

const char * const *
pn_export_results_csv_columns (void)
{
  static const char *names[G_N_ELEMENTS (csv_columns) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (csv_columns); i++)
      names[i] = csv_columns[i].column;
  return names;
}

static void
csv_quoted (GString    *str,
            const char *value)
{
  g_string_append_c (str, '"');
  /* a spreadsheet takes "=HYPERLINK(…)" or "=cmd|…" at a text cell's
   * start for a formula: the titles come from policy files anyone may
   * write, so such a cell starts with an apostrophe (OWASP's CSV
   * injection advice) */
  if (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
      value[0] == '\t' || value[0] == '\r')
    g_string_append_c (str, '\'');
  for (const char *p = value; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (str, '"');
      g_string_append_c (str, *p);
    }
  g_string_append_c (str, '"');
}

/* A scalar or an array of scalars (joined with `separator`) as text;
 * FALSE for null. */
static gboolean
csv_scalar_text (JsonNode   *node,
                 const char *separator,
                 GString    *out)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append (out, separator);
          csv_scalar_text (json_array_get_element (array, i), ";", out);
        }
      return TRUE;
    }

  g_assert (JSON_NODE_HOLDS_VALUE (node));
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      g_string_append (out, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];
        double value = json_node_get_double (node);

        /* the shortest form that reads back as the same double: 0.4 */
        g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
        if (g_ascii_strtod (buffer, NULL) != value)
          g_ascii_dtostr (buffer, sizeof buffer, value);
        g_string_append (out, buffer);
      }
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/* Writes the value at `path` ("a", "a.b", "a[].b", "a.b[].c") in
 * `object` as text; FALSE when it is absent or null.  An array of
 * objects gives one line per element. */
static gboolean
csv_field_text (JsonObject *object,
                const char *path,
                const char *separator,
                GString    *out,
                gboolean   *out_quoted)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", 2);
  JsonNode *node;

  if (g_str_has_suffix (parts[0], "[]"))
    {
      g_autofree char *name = g_strndup (parts[0], strlen (parts[0]) - 2);
      JsonArray *array = json_object_get_array_member (object, name);

      g_assert (parts[1] != NULL);
      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          gboolean quoted;

          if (i > 0)
            g_string_append_c (out, '\n');
          /* an array inside an element joins with ";" */
          csv_field_text (json_array_get_object_element (array, i), parts[1], ";", out, &quoted);
        }
      *out_quoted = TRUE;
      return TRUE;
    }

  node = json_object_get_member (object, parts[0]);
  if (parts[1] != NULL)
    {
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return FALSE;
      return csv_field_text (json_node_get_object (node), parts[1], separator, out, out_quoted);
    }

  if (!csv_scalar_text (node, separator, out))
    return FALSE;
  *out_quoted = JSON_NODE_HOLDS_ARRAY (node) || json_node_get_value_type (node) == G_TYPE_STRING;
  return TRUE;
}

/* Appends one field */
static void
csv_append_field (GString    *str,
                  JsonObject *object,
                  const char *path)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean quoted = FALSE;

  if (!csv_field_text (object, path, "\n", text, &quoted))
    return;
  if (quoted)
    csv_quoted (str, text->str);
  else
    g_string_append (str, text->str);
}

char *
pn_export_results_csv (PnResults *results)
{
  GString *str;

  g_return_val_if_fail (results != NULL, NULL);

  str = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < G_N_ELEMENTS (csv_columns); c++)
    g_string_append_printf (str, "%s%s", c ? "," : "", csv_columns[c].column);
  g_string_append (str, "\r\n");

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      g_autoptr(JsonNode) node = pn_export_result_json (results, pn_results_get_result (results, i));
      JsonObject *object = json_node_get_object (node);

      csv_quoted (str, pn_results_get_as_of (results));
      g_string_append_c (str, ',');
      if (pn_results_get_location (results) != NULL)
        csv_quoted (str, pn_results_get_location (results));
      for (guint c = 2; c < G_N_ELEMENTS (csv_columns); c++)
        {
          g_string_append_c (str, ',');
          csv_append_field (str, object, csv_columns[c].path);
        }
      g_string_append (str, "\r\n");
    }

  return g_string_free (str, FALSE);
}

/* ---- Markdown -------------------------------------------------------- */

/* Table cells: a | would end the cell, a newline the row. */
static void
md_cell (GString    *str,
         const char *text,
         gboolean    strong)
{
  if (text == NULL || text[0] == '\0')
    return;

  if (strong)
    g_string_append (str, "**");
  for (const char *p = text; *p; p++)
    {
      if (*p == '|')
        g_string_append (str, "\\|");
      else if (*p == '\n')
        g_string_append (str, "<br>");
      else
        g_string_append_c (str, *p);
    }
  if (strong)
    g_string_append (str, "**");
}

/* Keeps text from being read as Markdown structure at the start of a line. */
static void
md_text (GString    *str,
         const char *text)
{
  if (text[0] == '#' || text[0] == '>' || text[0] == '-' || text[0] == '+' || text[0] == '*')
    g_string_append_c (str, '\\');
  for (const char *p = text; *p; p++)
    {
      if (*p == '\n')
        g_string_append (str, "  \n");
      else
        g_string_append_c (str, *p);
    }
}

char *
pn_export_brief_markdown (PnBrief *brief)
{
  GString *str;

  g_return_val_if_fail (brief != NULL, NULL);

  str = g_string_new (NULL);
  g_string_append_printf (str, "# %s\n", pn_brief_get_title (brief));

  for (guint b = 0; b < pn_brief_get_n_blocks (brief); b++)
    {
      const PnBriefBlock *block = pn_brief_get_block (brief, b);

      g_string_append_c (str, '\n');
      switch (block->kind)
        {
        case PN_BRIEF_BLOCK_HEADING:
          g_string_append_printf (str, "## %s\n", block->text);
          break;

        case PN_BRIEF_BLOCK_PARAGRAPH:
          if (block->style == PN_BRIEF_STYLE_NOTE)
            {
              g_string_append (str, "*");
              md_text (str, block->text);
              g_string_append (str, "*\n");
            }
          else if (block->style == PN_BRIEF_STYLE_WARNING)
            {
              g_string_append (str, "> ");
              md_text (str, block->text);
              g_string_append_c (str, '\n');
            }
          else
            {
              md_text (str, block->text);
              g_string_append_c (str, '\n');
            }
          break;

        case PN_BRIEF_BLOCK_FIELDS:
          for (guint r = 0; r < block->rows->len; r++)
            {
              const PnBriefRow *row = g_ptr_array_index (block->rows, r);

              g_string_append_printf (str, "- **%s:** ", row->cells[0]);
              md_text (str, row->cells[1]);
              g_string_append_c (str, '\n');
            }
          break;

        case PN_BRIEF_BLOCK_LIST:
          for (guint r = 0; r < block->rows->len; r++)
            {
              const PnBriefRow *row = g_ptr_array_index (block->rows, r);

              g_string_append (str, "- ");
              md_text (str, row->cells[0]);
              g_string_append_c (str, '\n');
            }
          break;

        case PN_BRIEF_BLOCK_TABLE:
          {
            guint n = g_strv_length (block->columns);

            g_string_append (str, "|");
            for (guint c = 0; c < n; c++)
              {
                g_string_append_c (str, ' ');
                md_cell (str, block->columns[c], FALSE);
                g_string_append (str, " |");
              }
            g_string_append (str, "\n|");
            for (guint c = 0; c < n; c++)
              g_string_append (str, block->numeric[c] ? "---:|" : "---|");
            g_string_append_c (str, '\n');

            for (guint r = 0; r < block->rows->len; r++)
              {
                const PnBriefRow *row = g_ptr_array_index (block->rows, r);

                g_string_append (str, "|");
                for (guint c = 0; c < n; c++)
                  {
                    g_string_append_c (str, ' ');
                    md_cell (str, row->cells[c], row->kind != PN_BRIEF_ROW_NORMAL);
                    g_string_append (str, " |");
                  }
                g_string_append_c (str, '\n');
              }
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (str, FALSE);
}

char *
pn_export_results_markdown (PnResults  *results,
                            PnProfile  *profile,
                            PnLang      lang,
                            GError    **error)
{
  g_autoptr(PnBrief) brief = NULL;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (profile == NULL || PN_IS_PROFILE (profile), NULL);

  brief = pn_brief_new (results, profile, lang, NULL, error);
  if (brief == NULL)
    return NULL;
  return pn_export_brief_markdown (brief);
}

/* ---- files ----------------------------------------------------------- */

/* The reason alone: the caller names the file it was writing */
static gboolean
set_errno_error (GError **error,
                 int      saved_errno)
{
  g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
  return FALSE;
}

gboolean
pn_export_save (GFile   *file,
                GBytes  *bytes,
                GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  const guint8 *data;
  gsize size = 0;
  GStatBuf existing;
  gboolean has_existing;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  path = g_file_get_path (file);
  if (path == NULL)
    return g_file_replace_contents (file, data != NULL ? (const char *) data : "", size, NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, error);

  /* g_file_replace_contents() renames its temporary file over the target
   * even when the write failed (a full disk, a file size limit): the old
   * file was replaced by a cut one.  Here the temporary file is renamed
   * only once all of it is written and on the disk. */
  has_existing = g_stat (path, &existing) == 0;
  if (has_existing && !S_ISREG (existing.st_mode))
    {
      /* a FIFO would block the write until a reader came */
      g_set_error_literal (error, G_IO_ERROR, S_ISDIR (existing.st_mode) ? G_IO_ERROR_IS_DIRECTORY
                                                                         : G_IO_ERROR_NOT_REGULAR_FILE,
                           "not a regular file");
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  {
    g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);

    temp = g_build_filename (dir, name, NULL);
  }
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, has_existing ? (existing.st_mode & 0777) : 0666);
  if (fd < 0)
    return set_errno_error (error, errno);

  for (gsize done = 0; done < size;)
    {
      gssize n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          close (fd);
          g_unlink (temp);
          return set_errno_error (error, saved);
        }
      done += n;
    }
  /* the old file's permissions (a new file has 0666 less the umask, as
   * open() gave it) */
  if (has_existing)
    fchmod (fd, existing.st_mode & 0777);
  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_errno_error (error, saved);
    }
  if (g_rename (temp, path) != 0)
    {
      int saved = errno;

      g_unlink (temp);
      return set_errno_error (error, saved);
    }
  return TRUE;
}

static void
write_article (PnJsonWriter *w,
               PnTaxonomy   *taxonomy,
               PnArticle    *article)
{
  pn_json_writer_begin_object (w);
  w_string (w, "document_id", article->document->id);
  w_string (w, "article", article->number);
  w_string (w, "chapter", article->chapter);
  w_text (w, "heading", &article->heading);
  w_string (w, "original", article->original);
  w_string (w, "summary", article->summary);
  w_units (w, taxonomy, article->document, article->units);
  w_string (w, "deadline", article->deadline_text);
  w_string (w, "valid_from", article->valid_from);
  w_string (w, "valid_until", article->valid_until);
  pn_json_writer_name (w, "benefits");
  pn_json_writer_begin_array (w);
  for (guint i = 0; i < article->benefits->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (article->benefits, i);

      pn_json_writer_begin_object (w);
      w_string (w, "id", benefit->id);
      w_string (w, "kind", pn_benefit_kind_to_string (benefit->kind));
      w_text (w, "title", &benefit->title);
      pn_json_writer_name (w, "rate");
      if (benefit->rate >= 0)
        pn_json_writer_double (w, benefit->rate);
      else
        pn_json_writer_null (w);
      w_boolean (w, "rate_ceiling", benefit->rate >= 0 && benefit->rate_ceiling);
      w_string (w, "base", benefit->base != PN_FIGURE_NONE ? pn_figure_to_string (benefit->base) : NULL);
      w_yuan (w, "amount_cny", benefit->amount);
      w_yuan (w, "cap_cny", benefit->cap);
      w_string (w, "overlap_group", benefit->overlap_group);
      w_notes (w, "notes", benefit->notes);
      pn_json_writer_end_object (w);
    }
  pn_json_writer_end_array (w);
  w_notes (w, "notes", article->notes);
  pn_json_writer_end_object (w);
}

JsonNode *
pn_export_article_json (PnCorpus  *corpus,
                        PnArticle *article)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PnJsonWriter w;

  pn_json_writer_init (&w, text, FALSE);
  /* an article met through a benefit may not have its texts yet; a
   * damaged store gives them as null */
  pn_corpus_read_article_texts (corpus, article, NULL);
  write_article (&w, pn_corpus_get_taxonomy (corpus), article);
  return parse_own (text);
}

JsonNode *
pn_export_document_json (PnCorpus   *corpus,
                         PnDocument *document,
                         gboolean    with_articles)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) superseded = NULL;
  const PnSupersededBy *by;
  PnJsonWriter w;

  /* the counts are known from a header; the articles need the whole */
  g_return_val_if_fail (!with_articles || pn_document_is_whole (document), NULL);

  pn_json_writer_init (&w, text, FALSE);
  pn_json_writer_begin_object (&w);
  w_string (&w, "id", document->id);
  w_string (&w, "doc_number", document->doc_number);
  w_text (&w, "title", &document->title);
  w_text (&w, "issuer", &document->issuer);
  w_string (&w, "jurisdiction", document->jurisdiction);
  w_string (&w, "status", document->draft ? "draft" : "final");
  w_string (&w, "issued", document->issued);
  w_string (&w, "in_force_from", document->in_force_from);
  /* the day that holds; the text's own when a notice extended it */
  w_string (&w, "in_force_until", pn_document_get_in_force_until (document));
  w_string (&w, "in_force_until_as_written", document->in_force_until);
  w_string (&w, "extended_by", pn_document_get_in_force_until (document) != document->in_force_until
                               ? document->extended_by : NULL);
  w_string (&w, "applies_from", document->applies_from);
  w_string (&w, "source_file", document->source_file);
  w_string (&w, "last_verified", document->last_verified);
  w_boolean (&w, "user_imported", document->user_imported);
  pn_json_writer_name (&w, "article_count");
  pn_json_writer_int (&w, document->n_articles);
  pn_json_writer_name (&w, "benefit_count");
  pn_json_writer_int (&w, document->n_benefits);
  if (document->overlap_principle != NULL)
    {
      pn_json_writer_name (&w, "overlap_rule");
      pn_json_writer_begin_object (&w);
      w_string (&w, "principle", document->overlap_principle);
      w_string (&w, "where", document->overlap_where);
      w_string (&w, "quote", document->overlap_quote);
      w_string (&w, "en", document->overlap_en);
      pn_json_writer_end_object (&w);
    }
  w_notes (&w, "notes", document->notes);

  /* what it replaces, and what replaces it (a final document, from a date) */
  pn_json_writer_name (&w, "supersedes");
  pn_json_writer_begin_array (&w);
  for (guint i = 0; document->supersedes != NULL && i < document->supersedes->len; i++)
    {
      const PnSupersession *supersession = g_ptr_array_index (document->supersedes, i);

      pn_json_writer_begin_object (&w);
      w_string (&w, "id", supersession->ref);
      w_string (&w, "from", supersession->from);
      pn_json_writer_end_object (&w);
    }
  pn_json_writer_end_array (&w);
  pn_json_writer_name (&w, "extends");
  pn_json_writer_begin_array (&w);
  for (guint i = 0; document->extends != NULL && i < document->extends->len; i++)
    {
      const PnExtension *extension = g_ptr_array_index (document->extends, i);

      pn_json_writer_begin_object (&w);
      w_string (&w, "id", extension->ref);
      w_string (&w, "until", extension->until);
      pn_json_writer_end_object (&w);
    }
  pn_json_writer_end_array (&w);
  superseded = pn_corpus_get_superseded (corpus, NULL);
  by = superseded != NULL ? g_hash_table_lookup (superseded, document->id) : NULL;
  pn_json_writer_name (&w, "superseded_by");
  if (by != NULL)
    {
      pn_json_writer_begin_object (&w);
      w_string (&w, "id", by->by);
      w_string (&w, "from", by->from);
      pn_json_writer_end_object (&w);
    }
  else
    pn_json_writer_null (&w);

  if (with_articles)
    {
      pn_json_writer_name (&w, "articles");
      pn_json_writer_begin_array (&w);
      for (guint i = 0; i < document->articles->len; i++)
        write_article (&w, pn_corpus_get_taxonomy (corpus), g_ptr_array_index (document->articles, i));
      pn_json_writer_end_array (&w);
    }

  pn_json_writer_end_object (&w);
  return parse_own (text);
}

JsonNode *
pn_export_search_hits_json (GPtrArray *hits)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PnJsonWriter w;

  pn_json_writer_init (&w, text, FALSE);
  pn_json_writer_begin_array (&w);
  for (guint i = 0; hits && i < hits->len; i++)
    {
      const PnSearchHit *hit = g_ptr_array_index (hits, i);

      pn_json_writer_begin_object (&w);
      w_string (&w, "document_id", hit->document_id);
      w_string (&w, "doc_number", hit->doc_number);
      w_string (&w, "article", hit->article);
      w_string (&w, "heading_zh", hit->heading_zh);
      w_string (&w, "heading_en", hit->heading_en);
      w_string (&w, "snippet", hit->snippet);
      pn_json_writer_end_object (&w);
    }
  pn_json_writer_end_array (&w);
  return parse_own (text);
}

JsonNode *
pn_export_vocabulary_json (PnTaxonomy *taxonomy,
                           const char *vocabulary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *terms;
  PnJsonWriter w;

  if (g_strcmp0 (vocabulary, "unit") == 0)
    terms = pn_taxonomy_get_units (taxonomy);
  else if (g_strcmp0 (vocabulary, "overlap-group") == 0)
    terms = pn_taxonomy_get_groups (taxonomy);
  else
    terms = pn_taxonomy_get_terms (taxonomy, vocabulary);

  pn_json_writer_init (&w, text, FALSE);
  pn_json_writer_begin_array (&w);
  for (guint i = 0; terms && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      pn_json_writer_begin_object (&w);
      w_string (&w, "id", term->id);
      w_string (&w, "zh", term->zh);
      w_string (&w, "en", term->en);
      if (term->parent != NULL && g_strcmp0 (term->parent, vocabulary) != 0)
        w_string (&w, "parent", term->parent);
      if (term->level != NULL)
        w_string (&w, "level", term->level);
      pn_json_writer_end_object (&w);
    }
  pn_json_writer_end_array (&w);
  return parse_own (text);
}
