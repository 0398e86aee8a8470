/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-check"

#include "config.h"

#include <string.h>

#include "pn-check.h"
#include "pn-engine.h"
#include "pn-export.h"
#include "pn-money.h"

const char *
pn_check_field_to_string (PnCheckField field)
{
  static const char * const ids[] = {
    "listed", "counted", "estimate", "match", "status", "reason", "total",
  };

  g_return_val_if_fail (field <= PN_CHECK_TOTAL, NULL);
  return ids[field];
}

static void
mismatch_free (PnCheckMismatch *mismatch)
{
  g_clear_pointer (&mismatch->expected, json_node_unref);
  g_clear_pointer (&mismatch->actual, json_node_unref);
  pn_text_clear (&mismatch->derivation);
  pn_text_clear (&mismatch->not_counted);
  g_free (mismatch);
}

void
pn_check_outcome_free (PnCheckOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->document, pn_document_unref);
  g_clear_pointer (&outcome->mismatches, g_ptr_array_unref);
  g_free (outcome);
}

PnProfile *
pn_check_case_profile (const PnCase *pcase)
{
  PnProfile *profile;

  g_return_val_if_fail (pcase != NULL, NULL);

  profile = pn_profile_new ();
  pn_profile_set_name (profile, pcase->name);
  pn_profile_set_location (profile, pcase->location);
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    if (pcase->answers[q] != NULL)
      pn_profile_set_answer (profile, q, pcase->answers[q]);
  for (guint f = 0; f < PN_N_FIGURES; f++)
    if (pcase->figures[f] != PN_YUAN_UNSET)
      pn_profile_set_figure (profile, f, pcase->figures[f]);
  pn_profile_set_as_of (profile, pcase->as_of);

  return profile;
}

/* ---- values ---------------------------------------------------------- */

static JsonNode *
yuan_node (gint64 yuan)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (yuan == PN_YUAN_UNSET)
    return json_node_init_null (node);
  return json_node_init_int (node, yuan);
}

static JsonNode *
string_node (const char *str)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (str == NULL)
    return json_node_init_null (node);
  return json_node_init_string (node, str);
}

static JsonNode *
boolean_node (gboolean value)
{
  return json_node_init_boolean (json_node_new (JSON_NODE_VALUE), value);
}

/* A value as a person reads it: ¥12,000,000; "none" for null. */
static char *
describe_value (JsonNode     *node,
                PnCheckField  field,
                gboolean      zh)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup (zh ? "无" : "none");

  switch (field)
    {
    case PN_CHECK_LISTED:
      return g_strdup (json_node_get_boolean (node) ? (zh ? "列出" : "listed")
                                                    : (zh ? "未列出" : "not listed"));
    case PN_CHECK_COUNTED:
    case PN_CHECK_ESTIMATE:
    case PN_CHECK_TOTAL:
      return pn_money_format_yuan (json_node_get_int (node));
    case PN_CHECK_MATCH:
    case PN_CHECK_STATUS:
    case PN_CHECK_REASON:
    default:
      return g_strdup (json_node_get_string (node));
    }
}

/* ---- running a case -------------------------------------------------- */

static PnCheckMismatch *
add_mismatch (PnCheckOutcome          *outcome,
              PnCheckField             field,
              const PnCaseExpectation *expectation,
              JsonNode                *expected,
              JsonNode                *actual,
              const PnResult          *result)
{
  PnCheckMismatch *mismatch = g_new0 (PnCheckMismatch, 1);

  mismatch->field = field;
  mismatch->expectation = expectation;
  mismatch->expected = expected;
  mismatch->actual = actual;
  if (result != NULL)
    {
      mismatch->derivation.zh = g_strdup (result->derivation.zh);
      mismatch->derivation.en = g_strdup (result->derivation.en);
      if (!result->counted)
        {
          mismatch->not_counted.zh = g_strdup (result->not_counted_reason.zh);
          mismatch->not_counted.en = g_strdup (result->not_counted_reason.en);
        }
    }
  g_ptr_array_add (outcome->mismatches, mismatch);
  return mismatch;
}

/* Why the engine does not list `benefit` for the case's answers: the
 * place, or the conditions the answers contradict. */
static void
explain_unlisted (PnCorpus        *corpus,
                  const PnCase    *pcase,
                  PnBenefit       *benefit,
                  PnCheckMismatch *mismatch)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);
  g_autoptr(GString) zh = g_string_new (NULL);
  g_autoptr(GString) en = g_string_new (NULL);
  g_autoptr(PnProfile) profile = NULL;

  if (benefit == NULL)
    {
      g_string_append (zh, "语料中没有该项待遇");
      g_string_append (en, "The corpus has no such benefit");
    }
  else if (!pn_taxonomy_location_within (taxonomy, pcase->location, benefit->document->jurisdiction))
    {
      g_string_append_printf (zh, "文件适用于%s，所在地%s不在其内",
                              benefit->document->jurisdiction, pcase->location);
      g_string_append_printf (en, "The document applies in %s, which does not include %s",
                              benefit->document->jurisdiction, pcase->location);
    }
  else
    {
      profile = pn_check_case_profile (pcase);
      for (guint i = 0; i < benefit->conditions->len; i++)
        {
          const PnCondition *condition = g_ptr_array_index (benefit->conditions, i);
          const char *answer = pn_profile_get_effective_answer (profile, condition->question);
          const char *question = pn_question_to_string (condition->question);
          g_autofree char *accepted = NULL;

          if (answer == NULL ||
              (condition->values && g_strv_contains ((const char * const *) condition->values, answer)) ||
              (condition->review && g_strv_contains ((const char * const *) condition->review, answer)))
            continue;

          accepted = condition->values ? g_strjoinv (", ", condition->values) : g_strdup ("—");
          g_string_append_printf (zh, "%s%s：回答 %s 不符（接受 %s）", zh->len ? "；" : "",
                                  question, answer, accepted);
          g_string_append_printf (en, "%s%s: the answer %s is not accepted (accepts %s)",
                                  en->len ? "; " : "", question, answer, accepted);
        }
      if (zh->len == 0)
        {
          g_string_append (zh, "答案与条件不矛盾，但未列出");
          g_string_append (en, "No answer contradicts its conditions, yet it is not listed");
        }
    }

  mismatch->derivation.zh = g_strdup (zh->str);
  mismatch->derivation.en = g_strdup (en->str);
}

static void
check_expectation (PnCorpus                *corpus,
                   PnResults               *results,
                   PnCheckOutcome          *outcome,
                   const PnCaseExpectation *expectation)
{
  const PnResult *result = pn_results_find (results, expectation->benefit_id);
  gint64 counted;

  if (!expectation->listed)
    {
      if (result != NULL)
        add_mismatch (outcome, PN_CHECK_LISTED, expectation, boolean_node (FALSE),
                      boolean_node (TRUE), result);
      return;
    }

  if (result == NULL)
    {
      PnCheckMismatch *mismatch = add_mismatch (outcome, PN_CHECK_LISTED, expectation,
                                                boolean_node (TRUE), boolean_node (FALSE), NULL);

      explain_unlisted (corpus, outcome->pcase,
                        pn_corpus_find_benefit (corpus, expectation->benefit_id, NULL), mismatch);
      return;
    }

  counted = result->counted ? result->estimate_cny : 0;
  if (counted != expectation->counted_cny)
    add_mismatch (outcome, PN_CHECK_COUNTED, expectation, yuan_node (expectation->counted_cny),
                  yuan_node (counted), result);

  if (expectation->estimate_cny != PN_YUAN_UNSET &&
      expectation->estimate_cny != result->estimate_cny)
    add_mismatch (outcome, PN_CHECK_ESTIMATE, expectation, yuan_node (expectation->estimate_cny),
                  yuan_node (result->estimate_cny), result);

  if (expectation->has_match && expectation->match != result->match)
    add_mismatch (outcome, PN_CHECK_MATCH, expectation,
                  string_node (pn_match_to_string (expectation->match)),
                  string_node (pn_match_to_string (result->match)), result);

  if (expectation->has_status && expectation->status != result->status)
    add_mismatch (outcome, PN_CHECK_STATUS, expectation,
                  string_node (pn_status_to_string (expectation->status)),
                  string_node (pn_status_to_string (result->status)), result);

  if (expectation->reason != NULL &&
      g_strcmp0 (expectation->reason, pn_not_counted_to_string (result->not_counted)) != 0)
    add_mismatch (outcome, PN_CHECK_REASON, expectation, string_node (expectation->reason),
                  string_node (pn_not_counted_to_string (result->not_counted)), result);
}

/* What entered the engine's total, for a total that differs. */
static void
describe_counted (PnResults       *results,
                  PnCheckMismatch *mismatch)
{
  g_autoptr(GString) zh = g_string_new ("计入：");
  g_autoptr(GString) en = g_string_new ("Counted: ");
  guint n = 0;

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);
      g_autofree char *amount = NULL;

      if (!result->counted)
        continue;
      amount = pn_money_format_yuan (result->estimate_cny);
      g_string_append_printf (zh, "%s%s %s", n ? "；" : "", result->benefit->id, amount);
      g_string_append_printf (en, "%s%s %s", n ? "; " : "", result->benefit->id, amount);
      n++;
    }
  if (n == 0)
    {
      g_string_append (zh, "无");
      g_string_append (en, "nothing");
    }

  mismatch->derivation.zh = g_strdup (zh->str);
  mismatch->derivation.en = g_strdup (en->str);
}

PnCheckOutcome *
pn_check_run_case (PnCorpus      *corpus,
                   const PnCase  *pcase,
                   GError       **error)
{
  g_autoptr(PnProfile) profile = NULL;
  g_autoptr(PnResults) results = NULL;
  PnCheckOutcome *outcome;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (pcase != NULL && pcase->document != NULL, NULL);

  profile = pn_check_case_profile (pcase);
  results = pn_engine_evaluate (corpus, profile, error);
  if (results == NULL)
    return NULL;

  outcome = g_new0 (PnCheckOutcome, 1);
  outcome->document = pn_document_ref (pcase->document);
  outcome->pcase = pcase;
  outcome->mismatches = g_ptr_array_new_with_free_func ((GDestroyNotify) mismatch_free);
  outcome->total_cny = pn_results_get_total (results);

  for (guint i = 0; i < pcase->expectations->len; i++)
    check_expectation (corpus, results, outcome, g_ptr_array_index (pcase->expectations, i));

  if (pcase->total_cny != PN_YUAN_UNSET && pcase->total_cny != outcome->total_cny)
    {
      PnCheckMismatch *mismatch = add_mismatch (outcome, PN_CHECK_TOTAL, NULL,
                                                yuan_node (pcase->total_cny),
                                                yuan_node (outcome->total_cny), NULL);

      describe_counted (results, mismatch);
    }

  outcome->passed = outcome->mismatches->len == 0;
  return outcome;
}

static gboolean
run_document_into (PnCorpus    *corpus,
                   PnDocument  *document,
                   GPtrArray   *outcomes,
                   GError     **error)
{
  if (!pn_corpus_load_whole (corpus, document, error))
    return FALSE;

  for (guint i = 0; i < document->cases->len; i++)
    {
      PnCheckOutcome *outcome = pn_check_run_case (corpus, g_ptr_array_index (document->cases, i), error);

      if (outcome == NULL)
        return FALSE;
      g_ptr_array_add (outcomes, outcome);
    }

  return TRUE;
}

GPtrArray *
pn_check_run_document (PnCorpus    *corpus,
                       PnDocument  *document,
                       GError     **error)
{
  g_autoptr(GPtrArray) outcomes = NULL;

  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (document != NULL, NULL);

  outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_check_outcome_free);
  if (!run_document_into (corpus, document, outcomes, error))
    return NULL;
  return g_steal_pointer (&outcomes);
}

GPtrArray *
pn_check_run_corpus (PnCorpus  *corpus,
                     GError   **error)
{
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  g_return_val_if_fail (corpus != NULL, NULL);

  documents = pn_corpus_list_documents (corpus, error);
  if (documents == NULL)
    return NULL;

  outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_check_outcome_free);
  for (guint d = 0; d < documents->len; d++)
    if (!run_document_into (corpus, g_ptr_array_index (documents, d), outcomes, error))
      return NULL;

  return g_steal_pointer (&outcomes);
}

guint
pn_check_count_failed (GPtrArray *outcomes)
{
  guint failed = 0;

  g_return_val_if_fail (outcomes != NULL, 0);

  for (guint i = 0; i < outcomes->len; i++)
    if (!((PnCheckOutcome *) g_ptr_array_index (outcomes, i))->passed)
      failed++;
  return failed;
}

/* ---- output ---------------------------------------------------------- */

/* The XML a document was read from, as errors name it. */
static const char *
document_file (PnDocument *document)
{
  return document->file_name != NULL ? document->file_name : document->id;
}

static void
add_member_text (JsonBuilder  *builder,
                 const char   *name,
                 const PnText *text)
{
  json_builder_set_member_name (builder, name);
  if (text->zh == NULL && text->en == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zh");
  json_builder_add_string_value (builder, text->zh ? text->zh : "");
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, text->en ? text->en : "");
  json_builder_end_object (builder);
}

static void
add_member_yuan (JsonBuilder *builder,
                 const char  *name,
                 gint64       yuan)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_value (builder, yuan_node (yuan));
}

JsonNode *
pn_check_outcomes_json (GPtrArray *outcomes)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint failed;

  g_return_val_if_fail (outcomes != NULL, NULL);

  failed = pn_check_count_failed (outcomes);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);

  for (guint i = 0; i < outcomes->len; i++)
    {
      const PnCheckOutcome *outcome = g_ptr_array_index (outcomes, i);
      const PnCase *pcase = outcome->pcase;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "document_id");
      json_builder_add_string_value (builder, outcome->document->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, pcase->name);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, document_file (outcome->document));
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, pcase->line);
      json_builder_set_member_name (builder, "as_of");
      json_builder_add_string_value (builder, pcase->as_of);
      json_builder_set_member_name (builder, "location");
      json_builder_add_string_value (builder, pcase->location);
      json_builder_set_member_name (builder, "passed");
      json_builder_add_boolean_value (builder, outcome->passed);
      json_builder_set_member_name (builder, "expectations");
      json_builder_add_int_value (builder, pcase->expectations->len);
      add_member_yuan (builder, "total_cny", outcome->total_cny);
      add_member_yuan (builder, "expected_total_cny", pcase->total_cny);

      json_builder_set_member_name (builder, "mismatches");
      json_builder_begin_array (builder);
      for (guint m = 0; m < outcome->mismatches->len; m++)
        {
          const PnCheckMismatch *mismatch = g_ptr_array_index (outcome->mismatches, m);
          const PnCaseExpectation *expectation = mismatch->expectation;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "benefit_id");
          json_builder_add_value (builder, string_node (expectation ? expectation->benefit_id : NULL));
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, pn_check_field_to_string (mismatch->field));
          json_builder_set_member_name (builder, "expected");
          json_builder_add_value (builder, json_node_copy (mismatch->expected));
          json_builder_set_member_name (builder, "actual");
          json_builder_add_value (builder, json_node_copy (mismatch->actual));
          json_builder_set_member_name (builder, "line");
          json_builder_add_int_value (builder, expectation ? expectation->line : pcase->line);
          json_builder_set_member_name (builder, "quote");
          json_builder_add_value (builder, string_node (expectation ? expectation->quote : NULL));
          add_member_text (builder, "derivation", &mismatch->derivation);
          add_member_text (builder, "not_counted_reason", &mismatch->not_counted);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "passed");
  json_builder_add_int_value (builder, outcomes->len - failed);
  json_builder_set_member_name (builder, "failed");
  json_builder_add_int_value (builder, failed);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
field_label (PnCheckField field,
             gboolean     zh)
{
  static const struct { const char *zh; const char *en; } labels[] = {
    { "是否列出", "listed" },
    { "计入金额", "counted amount" },
    { "估算金额", "estimate" },
    { "匹配", "match" },
    { "状态", "status" },
    { "未计入原因", "reason not counted" },
    { "合计", "total" },
  };

  g_assert (field < G_N_ELEMENTS (labels));
  return zh ? labels[field].zh : labels[field].en;
}

char *
pn_check_outcomes_text (GPtrArray *outcomes,
                        PnLang     lang)
{
  GString *str = g_string_new (NULL);
  gboolean zh = lang == PN_LANG_ZH;
  guint failed;

  g_return_val_if_fail (outcomes != NULL, NULL);

  failed = pn_check_count_failed (outcomes);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const PnCheckOutcome *outcome = g_ptr_array_index (outcomes, i);
      const PnCase *pcase = outcome->pcase;
      const char *file = document_file (outcome->document);

      g_string_append_printf (str, "%s  %s · %s (%s, %s)\n",
                              outcome->passed ? (zh ? "通过  " : "PASS") : (zh ? "未通过" : "FAIL"),
                              outcome->document->id, pcase->name, pcase->location, pcase->as_of);

      for (guint m = 0; m < outcome->mismatches->len; m++)
        {
          const PnCheckMismatch *mismatch = g_ptr_array_index (outcome->mismatches, m);
          const PnCaseExpectation *expectation = mismatch->expectation;
          g_autofree char *expected = describe_value (mismatch->expected, mismatch->field, zh);
          g_autofree char *actual = describe_value (mismatch->actual, mismatch->field, zh);
          const char *derivation = pn_text_get (&mismatch->derivation, lang);
          const char *not_counted = pn_text_get (&mismatch->not_counted, lang);

          if (expectation != NULL)
            g_string_append_printf (str, zh ? "      %s — %s：应为%s，实为%s（%s:%u）\n"
                                            : "      %s — %s: expected %s, got %s (%s:%u)\n",
                                    expectation->benefit_id, field_label (mismatch->field, zh),
                                    expected, actual, file, expectation->line);
          else
            g_string_append_printf (str, zh ? "      %s：应为%s，实为%s（%s:%u）\n"
                                            : "      %s: expected %s, got %s (%s:%u)\n",
                                    field_label (mismatch->field, zh), expected, actual,
                                    file, pcase->line);
          if (derivation != NULL && derivation[0] != '\0')
            g_string_append_printf (str, zh ? "        推导：%s\n" : "        derivation: %s\n",
                                    derivation);
          if (not_counted != NULL && not_counted[0] != '\0')
            g_string_append_printf (str, zh ? "        未计入：%s\n" : "        not counted: %s\n",
                                    not_counted);
          if (expectation != NULL)
            g_string_append_printf (str, zh ? "        原文：%s\n" : "        the text: %s\n",
                                    expectation->quote);
        }
    }

  if (zh)
    g_string_append_printf (str, "\n共 %u 个案例：%u 个通过，%u 个未通过\n",
                            outcomes->len, outcomes->len - failed, failed);
  else
    g_string_append_printf (str, "\n%u case%s: %u passed, %u failed\n",
                            outcomes->len, outcomes->len == 1 ? "" : "s",
                            outcomes->len - failed, failed);

  return g_string_free (str, FALSE);
}
