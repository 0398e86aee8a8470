/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-export"

#include "config.h"

#include <string.h>

#include "pn-export.h"
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
pn_text_get (const PnText *text,
             PnLang        lang)
{
  if (text == NULL)
    return NULL;
  if (lang == PN_LANG_ZH)
    return text->zh ? text->zh : text->en;
  return text->en ? text->en : text->zh;
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
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

static void
add_text (JsonBuilder  *builder,
          const char   *name,
          const PnText *text)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_string (builder, "zh", text->zh);
  add_string (builder, "en", text->en);
  json_builder_end_object (builder);
}

static void
add_units (JsonBuilder *builder,
           PnTaxonomy  *taxonomy,
           PnArticle   *article)
{
  json_builder_set_member_name (builder, "responsible_units");
  json_builder_begin_array (builder);
  for (guint i = 0; i < article->units->len; i++)
    {
      PnUnitRef *ref = g_ptr_array_index (article->units, i);
      const PnTerm *unit = pn_taxonomy_get_unit (taxonomy, ref->id);

      json_builder_begin_object (builder);
      add_string (builder, "id", ref->id);
      add_string (builder, "zh", unit ? unit->zh : NULL);
      add_string (builder, "en", unit ? unit->en : NULL);
      add_string (builder, "role", ref->role);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_notes (JsonBuilder *builder,
           const char  *name,
           GPtrArray   *notes)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; notes && i < notes->len; i++)
    {
      const PnText *note = g_ptr_array_index (notes, i);

      json_builder_begin_object (builder);
      add_string (builder, "zh", note->zh);
      add_string (builder, "en", note->en);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_result (JsonBuilder    *builder,
              PnTaxonomy     *taxonomy,
              const PnResult *result)
{
  PnBenefit *benefit = result->benefit;
  PnDocument *document = benefit->document;

  json_builder_begin_object (builder);
  add_string (builder, "document_id", document->id);
  add_string (builder, "doc_number", document->doc_number);
  add_string (builder, "article", benefit->article->number);
  add_string (builder, "benefit_id", benefit->id);
  add_string (builder, "title", benefit->title.en);
  add_string (builder, "title_zh", benefit->title.zh);
  add_string (builder, "status", pn_status_to_string (result->status));
  add_string (builder, "match", pn_match_to_string (result->match));

  json_builder_set_member_name (builder, "missing");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->missing->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->missing, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "amount");
  json_builder_begin_object (builder);
  add_string (builder, "kind", pn_benefit_kind_to_string (benefit->kind));
  json_builder_set_member_name (builder, "rate");
  if (benefit->rate >= 0)
    json_builder_add_double_value (builder, benefit->rate);
  else
    json_builder_add_null_value (builder);
  add_string (builder, "base", benefit->base != PN_FIGURE_NONE ? pn_figure_to_string (benefit->base) : NULL);
  add_yuan (builder, "base_cny", result->base_cny);
  add_yuan (builder, "fixed_cny", benefit->amount);
  add_yuan (builder, "cap_cny", benefit->cap);
  add_yuan (builder, "threshold_cny", result->threshold_cny);
  add_yuan (builder, "topped_up_cny", result->topped_up_cny);
  add_yuan (builder, "estimate_cny", result->estimate_cny);
  add_string (builder, "per", benefit->per);
  json_builder_set_member_name (builder, "one_time");
  json_builder_add_boolean_value (builder, benefit->one_time);
  json_builder_end_object (builder);

  add_units (builder, taxonomy, benefit->article);
  add_string (builder, "valid_from", result->valid_from);
  add_string (builder, "valid_until", result->valid_until);
  json_builder_set_member_name (builder, "counted");
  json_builder_add_boolean_value (builder, result->counted);
  add_string (builder, "not_counted_reason",
              result->counted ? NULL : pn_not_counted_to_string (result->not_counted));
  if (result->counted)
    {
      json_builder_set_member_name (builder, "not_counted_detail");
      json_builder_add_null_value (builder);
    }
  else
    add_text (builder, "not_counted_detail", &result->not_counted_reason);
  add_string (builder, "overlap_group", benefit->overlap_group);
  add_string (builder, "overlap_winner", result->overlap_winner ? result->overlap_winner->id : NULL);
  add_text (builder, "derivation", &result->derivation);

  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->conditions->len; i++)
    {
      const PnConditionResult *cr = g_ptr_array_index (result->conditions, i);

      json_builder_begin_object (builder);
      add_string (builder, "question", pn_question_to_string (cr->question));
      add_string (builder, "state", pn_condition_state_to_string (cr->state));
      json_builder_set_member_name (builder, "accepted");
      json_builder_begin_array (builder);
      for (guint v = 0; cr->condition->values && cr->condition->values[v]; v++)
        json_builder_add_string_value (builder, cr->condition->values[v]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_notes (builder, "notes", result->notes);
  add_notes (builder, "interpretation_notes", benefit->notes);
  json_builder_end_object (builder);
}

JsonNode *
pn_export_result_json (PnResults      *results,
                       const PnResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  build_result (builder, pn_corpus_get_taxonomy (pn_results_get_corpus (results)), result);
  return json_builder_get_root (builder);
}

JsonNode *
pn_export_results_json (PnResults *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PnTaxonomy *taxonomy;

  g_return_val_if_fail (results != NULL, NULL);

  taxonomy = pn_corpus_get_taxonomy (pn_results_get_corpus (results));

  json_builder_begin_object (builder);
  add_string (builder, "as_of", pn_results_get_as_of (results));
  add_string (builder, "location", pn_results_get_location (results));
  json_builder_set_member_name (builder, "matches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    build_result (builder, taxonomy, pn_results_get_result (results, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "counted_count");
  json_builder_add_int_value (builder, pn_results_get_n_counted (results));
  json_builder_set_member_name (builder, "total_estimate_cny");
  json_builder_add_int_value (builder, pn_results_get_total (results));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
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

static char *
amount_label (const PnResult *result,
              PnLang          lang)
{
  if (result->estimate_cny != PN_YUAN_UNSET)
    return pn_money_format_yuan (result->estimate_cny);
  if (result->benefit->cap != PN_YUAN_UNSET)
    {
      g_autofree char *cap = pn_money_format_yuan (result->benefit->cap);
      return g_strdup_printf (lang == PN_LANG_ZH ? "最高 %s" : "up to %s", cap);
    }
  if (result->benefit->amount != PN_YUAN_UNSET)
    {
      g_autofree char *amount = pn_money_format_yuan (result->benefit->amount);
      return g_strdup_printf (lang == PN_LANG_ZH ? "最高 %s" : "up to %s", amount);
    }
  return g_strdup ("—");
}

static void
pad (GString    *str,
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

char *
pn_export_results_text (PnResults *results,
                        PnLang     lang)
{
  GString *str = g_string_new (NULL);
  g_autofree char *total = NULL;
  gboolean zh = lang == PN_LANG_ZH;

  g_return_val_if_fail (results != NULL, NULL);

  g_string_append_printf (str, zh ? "地点：%s    日期：%s\n\n" : "Location: %s    As of: %s\n\n",
                          pn_results_get_location (results) ? pn_results_get_location (results) : "—",
                          pn_results_get_as_of (results));

  for (int pass = 0; pass < 2; pass++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < pn_results_get_n_results (results); i++)
        {
          const PnResult *result = pn_results_get_result (results, i);
          PnBenefit *benefit = result->benefit;
          g_autofree char *citation = NULL;
          g_autofree char *amount = NULL;

          if (result->counted != (pass == 0))
            continue;

          if (!any)
            {
              g_string_append (str, pass == 0 ? (zh ? "计入合计\n" : "Counted\n")
                                              : (zh ? "\n未计入\n" : "\nNot counted\n"));
              any = TRUE;
            }

          citation = pn_article_citation (benefit->article);
          amount = amount_label (result, lang);
          g_string_append (str, "  ");
          pad (str, amount, 18);
          pad (str, citation, 28);
          g_string_append (str, pn_text_get (&benefit->title, lang));
          g_string_append_c (str, '\n');
          g_string_append_printf (str, "      %s · %s\n",
                                  pn_status_to_string (result->status),
                                  pn_text_get (&result->derivation, lang));
          if (!result->counted)
            g_string_append_printf (str, "      %s\n", pn_text_get (&result->not_counted_reason, lang));
        }
    }

  total = pn_money_format_yuan (pn_results_get_total (results));
  g_string_append_printf (str, zh ? "\n合计（%u 项计入）：%s\n" : "\nTotal (%u counted): %s\n",
                          pn_results_get_n_counted (results), total);
  return g_string_free (str, FALSE);
}

static void
csv_field (GString    *str,
           const char *value,
           gboolean    last)
{
  if (value != NULL)
    {
      g_string_append_c (str, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (str, '"');
          g_string_append_c (str, *p);
        }
      g_string_append_c (str, '"');
    }
  g_string_append (str, last ? "\r\n" : ",");
}

static void
csv_int (GString *str,
         gint64   value)
{
  if (value != PN_YUAN_UNSET)
    g_string_append_printf (str, "%" G_GINT64_FORMAT, value);
  g_string_append_c (str, ',');
}

char *
pn_export_results_csv (PnResults *results)
{
  GString *str = g_string_new ("\xEF\xBB\xBF");
  PnTaxonomy *taxonomy;

  g_return_val_if_fail (results != NULL, NULL);

  taxonomy = pn_corpus_get_taxonomy (pn_results_get_corpus (results));
  g_string_append (str, "as_of,location,document_id,doc_number,article,benefit_id,title,title_zh,"
                        "status,match,missing,kind,rate,base,base_cny,cap_cny,threshold_cny,"
                        "estimate_cny,responsible_units,valid_from,valid_until,counted,"
                        "not_counted_reason,derivation_zh,derivation_en\r\n");

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);
      PnBenefit *benefit = result->benefit;
      g_autoptr(GString) missing = g_string_new (NULL);
      g_autoptr(GString) units = g_string_new (NULL);
      char rate[G_ASCII_DTOSTR_BUF_SIZE] = "";

      for (guint m = 0; m < result->missing->len; m++)
        g_string_append_printf (missing, "%s%s", m ? ";" : "", (char *) g_ptr_array_index (result->missing, m));
      for (guint u = 0; u < benefit->article->units->len; u++)
        {
          PnUnitRef *ref = g_ptr_array_index (benefit->article->units, u);
          const PnTerm *unit = pn_taxonomy_get_unit (taxonomy, ref->id);

          g_string_append_printf (units, "%s%s", u ? ";" : "", unit ? unit->zh : ref->id);
        }
      if (benefit->rate >= 0)
        g_ascii_dtostr (rate, sizeof rate, benefit->rate);

      csv_field (str, pn_results_get_as_of (results), FALSE);
      csv_field (str, pn_results_get_location (results), FALSE);
      csv_field (str, benefit->document->id, FALSE);
      csv_field (str, benefit->document->doc_number, FALSE);
      csv_field (str, benefit->article->number, FALSE);
      csv_field (str, benefit->id, FALSE);
      csv_field (str, benefit->title.en, FALSE);
      csv_field (str, benefit->title.zh, FALSE);
      csv_field (str, pn_status_to_string (result->status), FALSE);
      csv_field (str, pn_match_to_string (result->match), FALSE);
      csv_field (str, missing->str, FALSE);
      csv_field (str, pn_benefit_kind_to_string (benefit->kind), FALSE);
      g_string_append_printf (str, "%s,", rate);
      csv_field (str, benefit->base != PN_FIGURE_NONE ? pn_figure_to_string (benefit->base) : NULL, FALSE);
      csv_int (str, result->base_cny);
      csv_int (str, benefit->cap);
      csv_int (str, result->threshold_cny);
      csv_int (str, result->estimate_cny);
      csv_field (str, units->str, FALSE);
      csv_field (str, result->valid_from, FALSE);
      csv_field (str, result->valid_until, FALSE);
      g_string_append (str, result->counted ? "true," : "false,");
      csv_field (str, result->counted ? NULL : pn_not_counted_to_string (result->not_counted), FALSE);
      csv_field (str, result->derivation.zh, FALSE);
      csv_field (str, result->derivation.en, TRUE);
    }

  return g_string_free (str, FALSE);
}

char *
pn_export_results_markdown (PnResults *results,
                            PnProfile *profile,
                            PnLang     lang)
{
  GString *str = g_string_new (NULL);
  gboolean zh = lang == PN_LANG_ZH;
  g_autofree char *total = NULL;
  const char *name = profile ? pn_profile_get_name (profile) : NULL;

  g_return_val_if_fail (results != NULL, NULL);

  g_string_append_printf (str, zh ? "# 政策简报%s%s\n\n" : "# Incentive brief%s%s\n\n",
                          name ? (zh ? "：" : ": ") : "", name ? name : "");
  g_string_append_printf (str, zh ? "- 地点：%s\n- 评估日期：%s\n" : "- Location: %s\n- As of: %s\n",
                          pn_results_get_location (results), pn_results_get_as_of (results));
  total = pn_money_format_yuan (pn_results_get_total (results));
  g_string_append_printf (str, zh ? "- 计入合计：**%s**（%u 项）\n\n" : "- Counted total: **%s** (%u measures)\n\n",
                          total, pn_results_get_n_counted (results));

  g_string_append (str, zh ? "| 措施 | 出处 | 金额 | 状态 | 是否计入 | 说明 |\n|---|---|---|---|---|---|\n"
                           : "| Measure | Citation | Amount | Status | Counted | Why |\n|---|---|---|---|---|---|\n");
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);
      g_autofree char *citation = pn_article_citation (result->benefit->article);
      g_autofree char *amount = amount_label (result, lang);

      g_string_append_printf (str, "| %s | %s | %s | %s | %s | %s |\n",
                              pn_text_get (&result->benefit->title, lang), citation, amount,
                              pn_status_to_string (result->status),
                              result->counted ? (zh ? "是" : "yes") : (zh ? "否" : "no"),
                              result->counted ? pn_text_get (&result->derivation, lang)
                                              : pn_text_get (&result->not_counted_reason, lang));
    }

  g_string_append (str, zh ? "\n本简报依据所列政策原文估算，实际金额以主管部门审核为准。\n"
                           : "\nEstimates from the cited policy texts; the administering units decide the actual awards.\n");
  return g_string_free (str, FALSE);
}

JsonNode *
pn_export_article_json (PnCorpus  *corpus,
                        PnArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);

  json_builder_begin_object (builder);
  add_string (builder, "document_id", article->document->id);
  add_string (builder, "article", article->number);
  add_string (builder, "chapter", article->chapter);
  add_text (builder, "heading", &article->heading);
  add_string (builder, "original", article->original);
  add_string (builder, "summary", article->summary);
  add_units (builder, taxonomy, article);
  add_string (builder, "deadline", article->deadline_text);
  add_string (builder, "valid_from", article->valid_from);
  add_string (builder, "valid_until", article->valid_until);
  json_builder_set_member_name (builder, "benefits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < article->benefits->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (article->benefits, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", benefit->id);
      add_string (builder, "kind", pn_benefit_kind_to_string (benefit->kind));
      add_text (builder, "title", &benefit->title);
      json_builder_set_member_name (builder, "rate");
      if (benefit->rate >= 0)
        json_builder_add_double_value (builder, benefit->rate);
      else
        json_builder_add_null_value (builder);
      add_string (builder, "base", benefit->base != PN_FIGURE_NONE ? pn_figure_to_string (benefit->base) : NULL);
      add_yuan (builder, "amount_cny", benefit->amount);
      add_yuan (builder, "cap_cny", benefit->cap);
      add_string (builder, "overlap_group", benefit->overlap_group);
      add_notes (builder, "notes", benefit->notes);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_notes (builder, "notes", article->notes);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
pn_export_document_json (PnCorpus   *corpus,
                         PnDocument *document,
                         gboolean    with_articles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_benefits = 0;

  for (guint i = 0; i < document->articles->len; i++)
    n_benefits += ((PnArticle *) g_ptr_array_index (document->articles, i))->benefits->len;

  json_builder_begin_object (builder);
  add_string (builder, "id", document->id);
  add_string (builder, "doc_number", document->doc_number);
  add_text (builder, "title", &document->title);
  add_text (builder, "issuer", &document->issuer);
  add_string (builder, "jurisdiction", document->jurisdiction);
  add_string (builder, "status", document->draft ? "draft" : "final");
  add_string (builder, "issued", document->issued);
  add_string (builder, "in_force_from", document->in_force_from);
  add_string (builder, "in_force_until", document->in_force_until);
  add_string (builder, "applies_from", document->applies_from);
  add_string (builder, "source_file", document->source_file);
  add_string (builder, "last_verified", document->last_verified);
  json_builder_set_member_name (builder, "user_imported");
  json_builder_add_boolean_value (builder, document->user_imported);
  json_builder_set_member_name (builder, "article_count");
  json_builder_add_int_value (builder, document->articles->len);
  json_builder_set_member_name (builder, "benefit_count");
  json_builder_add_int_value (builder, n_benefits);
  if (document->overlap_principle != NULL)
    {
      json_builder_set_member_name (builder, "overlap_rule");
      json_builder_begin_object (builder);
      add_string (builder, "principle", document->overlap_principle);
      add_string (builder, "where", document->overlap_where);
      add_string (builder, "quote", document->overlap_quote);
      add_string (builder, "en", document->overlap_en);
      json_builder_end_object (builder);
    }
  add_notes (builder, "notes", document->notes);

  if (with_articles)
    {
      json_builder_set_member_name (builder, "articles");
      json_builder_begin_array (builder);
      for (guint i = 0; i < document->articles->len; i++)
        json_builder_add_value (builder,
                                pn_export_article_json (corpus, g_ptr_array_index (document->articles, i)));
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
pn_export_search_hits_json (GPtrArray *hits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; hits && i < hits->len; i++)
    {
      const PnSearchHit *hit = g_ptr_array_index (hits, i);

      json_builder_begin_object (builder);
      add_string (builder, "document_id", hit->document_id);
      add_string (builder, "doc_number", hit->doc_number);
      add_string (builder, "article", hit->article);
      add_string (builder, "heading_zh", hit->heading_zh);
      add_string (builder, "heading_en", hit->heading_en);
      add_string (builder, "snippet", hit->snippet);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

JsonNode *
pn_export_vocabulary_json (PnTaxonomy *taxonomy,
                           const char *vocabulary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *terms;

  if (g_strcmp0 (vocabulary, "unit") == 0)
    terms = pn_taxonomy_get_units (taxonomy);
  else if (g_strcmp0 (vocabulary, "overlap-group") == 0)
    terms = pn_taxonomy_get_groups (taxonomy);
  else
    terms = pn_taxonomy_get_terms (taxonomy, vocabulary);

  json_builder_begin_array (builder);
  for (guint i = 0; terms && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      json_builder_begin_object (builder);
      add_string (builder, "id", term->id);
      add_string (builder, "zh", term->zh);
      add_string (builder, "en", term->en);
      if (term->parent != NULL && g_strcmp0 (term->parent, vocabulary) != 0)
        add_string (builder, "parent", term->parent);
      if (term->level != NULL)
        add_string (builder, "level", term->level);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}
