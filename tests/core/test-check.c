/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Expected-result cases (PnCase): the loader reads them and refuses the
 * ones that cannot hold, naming the line; pn-check runs them and reports
 * each difference with the engine's derivation.
 */
#define G_LOG_DOMAIN "test-check"

#include "config.h"

#include "pn-check.h"
#include "pn-policy-loader.h"

#include <string.h>

static PnCorpus *corpus;

static PnDocument *
find_document (const char *id)
{
  g_autoptr(GError) error = NULL;
  PnDocument *document = pn_corpus_find_document (corpus, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The first case of 厦府规〔2023〕17号 as the loader reads it:
 * 完成Ⅰ、Ⅱ、Ⅲ期临床试验的，按照研发投入最高不超过 40%的标准，分别给予最高不超过 1000 万元、
 * 2000 万元、3000 万元的奖励 — 40% × 30,000,000 = 12,000,000 < 20,000,000. */
static void
test_bundled_cases_read (void)
{
  PnDocument *document = find_document ("xiamen-2023-17");
  const PnCase *pcase;
  const PnCaseExpectation *expectation;

  g_assert_cmpuint (document->cases->len, >=, 8);
  pcase = g_ptr_array_index (document->cases, 0);
  g_assert_true (pcase->document == document);
  g_assert_true (pn_document_find_case (document, pcase->name) == pcase);
  g_assert_cmpstr (pcase->name, ==, "innovative-phase-2-rd-30m");
  g_assert_cmpstr (pcase->as_of, ==, "2025-06-01");
  g_assert_cmpstr (pcase->location, ==, "xiamen");
  g_assert_cmpstr (pcase->answers[PN_QUESTION_DRUG_CLASS], ==, "innovative");
  g_assert_cmpstr (pcase->answers[PN_QUESTION_PHASE], ==, "phase-2");
  g_assert_null (pcase->answers[PN_QUESTION_RANK]);
  g_assert_cmpint (pcase->figures[PN_FIGURE_RD_INVESTMENT], ==, 30000000);
  g_assert_cmpint (pcase->figures[PN_FIGURE_SALES], ==, PN_YUAN_UNSET);
  g_assert_cmpint (pcase->total_cny, ==, 12000000);
  g_assert_cmpuint (pcase->notes->len, ==, 1);

  expectation = g_ptr_array_index (pcase->expectations, 0);
  g_assert_cmpstr (expectation->benefit_id, ==, "xiamen-2023-17/1/innovative-phase-2");
  g_assert_true (expectation->listed);
  g_assert_cmpint (expectation->counted_cny, ==, 12000000);
  g_assert_cmpint (expectation->estimate_cny, ==, PN_YUAN_UNSET);
  g_assert_true (expectation->has_match && expectation->match == PN_MATCH_DEFINITE);
  g_assert_true (expectation->has_status && expectation->status == PN_STATUS_IN_FORCE);
  g_assert_null (expectation->reason);
  g_assert_nonnull (strstr (expectation->quote, "40%的标准"));
  g_assert_cmpuint (expectation->line, >, pcase->line);

  expectation = g_ptr_array_index (pcase->expectations, 1);
  g_assert_cmpstr (expectation->reason, ==, "overlap");
  g_assert_cmpint (expectation->estimate_cny, ==, 9000000);
  expectation = g_ptr_array_index (pcase->expectations, 2);
  g_assert_false (expectation->listed);
}

static void
test_bundled_cases_pass (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = pn_check_run_corpus (corpus, &error);
  g_autoptr(GPtrArray) documents = pn_corpus_list_documents (corpus, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint d = 0; d < documents->len; d++)
    n += ((PnDocument *) g_ptr_array_index (documents, d))->cases->len;

  g_assert_cmpuint (outcomes->len, ==, n);
  for (guint i = 0; i < outcomes->len; i++)
    {
      PnCheckOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (!outcome->passed)
        g_test_message ("%s: %s failed", outcome->document->id, outcome->pcase->name);
    }
  g_assert_cmpuint (pn_check_count_failed (outcomes), ==, 0);
}

/* A case of a document of its own, run against the bundled corpus, with
 * the wrong amount for the Xiamen Phase II award. */
static void
test_mismatch_reported (void)
{
  g_autoptr(PnDocument) document = pn_document_new ();
  g_autoptr(PnCheckOutcome) outcome = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  PnCase *pcase;
  PnCaseExpectation *expectation;
  const PnCheckMismatch *mismatch;
  JsonObject *object;

  document->id = g_strdup ("test-doc");
  document->file_name = g_strdup ("test-doc.xml");
  pcase = pn_document_add_case (document);
  pcase->name = g_strdup ("wrong");
  pcase->as_of = g_strdup ("2025-06-01");
  pcase->location = g_strdup ("xiamen");
  pcase->line = 7;
  pcase->answers[PN_QUESTION_DRUG_CLASS] = g_strdup ("innovative");
  pcase->answers[PN_QUESTION_PHASE] = g_strdup ("phase-2");
  pcase->figures[PN_FIGURE_RD_INVESTMENT] = 30000000;
  pcase->total_cny = 12000000;
  expectation = pn_case_add_expectation (pcase);
  expectation->benefit_id = g_strdup ("xiamen-2023-17/1/innovative-phase-2");
  expectation->counted_cny = 11000000;
  expectation->quote = g_strdup ("完成Ⅰ、Ⅱ、Ⅲ期临床试验的");
  expectation->line = 9;

  outcome = pn_check_run_case (corpus, pcase, NULL);
  g_assert_false (outcome->passed);
  g_assert_cmpint (outcome->total_cny, ==, 12000000);
  g_assert_cmpuint (outcome->mismatches->len, ==, 1);
  mismatch = g_ptr_array_index (outcome->mismatches, 0);
  g_assert_cmpint (mismatch->field, ==, PN_CHECK_COUNTED);
  g_assert_true (mismatch->expectation == expectation);
  g_assert_cmpint (json_node_get_int (mismatch->expected), ==, 11000000);
  g_assert_cmpint (json_node_get_int (mismatch->actual), ==, 12000000);
  g_assert_nonnull (strstr (mismatch->derivation.en, "¥12,000,000"));
  g_assert_nonnull (strstr (mismatch->derivation.zh, "1,200万元"));

  /* the right amount passes */
  expectation->counted_cny = 12000000;
  g_clear_pointer (&outcome, pn_check_outcome_free);
  outcome = pn_check_run_case (corpus, pcase, NULL);
  g_assert_true (outcome->passed);

  /* a wrong total says what was counted */
  pcase->total_cny = 1;
  g_clear_pointer (&outcome, pn_check_outcome_free);
  outcome = pn_check_run_case (corpus, pcase, NULL);
  g_assert_false (outcome->passed);
  mismatch = g_ptr_array_index (outcome->mismatches, 0);
  g_assert_cmpint (mismatch->field, ==, PN_CHECK_TOTAL);
  g_assert_null (mismatch->expectation);
  g_assert_nonnull (strstr (mismatch->derivation.en, "xiamen-2023-17/1/innovative-phase-2 ¥12,000,000"));

  {
    g_autoptr(GPtrArray) outcomes = g_ptr_array_new ();

    g_ptr_array_add (outcomes, outcome);
    json = pn_check_outcomes_json (outcomes);
    text = pn_check_outcomes_text (outcomes, PN_LANG_EN);
  }
  object = json_node_get_object (json);
  g_assert_cmpint (json_object_get_int_member (object, "failed"), ==, 1);
  object = json_array_get_object_element (json_object_get_array_member (object, "cases"), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "document_id"), ==, "test-doc");
  g_assert_false (json_object_get_boolean_member (object, "passed"));
  g_assert_nonnull (strstr (text, "FAIL  test-doc · wrong (xiamen, 2025-06-01)"));
  g_assert_nonnull (strstr (text, "total: expected ¥1, got ¥12,000,000 (test-doc.xml:7)"));
}

static const char document_head[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"test-doc\" status=\"final\">\n"
  "  <title><zh>测试</zh><en>Test</en></title>\n"
  "  <issuer><zh>测试</zh><en>Test</en></issuer>\n"
  "  <jurisdiction>xiamen</jurisdiction>\n"
  "  <validity in-force-from=\"2020-01-01\"/>\n"
  "  <source file=\"test.txt\" last-verified=\"2026-11-23\"/>\n"
  "  <article number=\"1\" chapter=\"一\">\n"
  "    <heading><zh>测试</zh><en>Test</en></heading>\n"
  "    <original>测试条款原文</original>\n"
  "    <summary>A test.</summary>\n"
  "    <benefit id=\"test-doc/1/a\" kind=\"fixed\">\n"
  "      <title><zh>甲</zh><en>A</en></title>\n"
  "      <amount>100</amount>\n"
  "      <conditions><product>drug</product></conditions>\n"
  "    </benefit>\n"
  "  </article>\n"
  "  <cases>\n"
  "    <case name=\"a\" as-of=\"2025-01-01\">\n";         /* line 19 */

typedef struct
{
  const char *name;
  const char *rest;          /* from line 20 */
  int         code;          /* PnPolicyError, -1: valid */
  guint       line;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "valid",
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"100\"><quote>测试条款原文</quote></expect>\n",
    -1, 0, NULL },
  { "own-benefit-missing",
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/b\" counted-cny=\"100\"><quote>测试</quote></expect>\n",
    PN_POLICY_ERROR_REFERENCE, 21, "no benefit “test-doc/1/b” in this document" },
  { "counts-but-possible",
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"100\" match=\"possible\"><quote>测试</quote></expect>\n",
    PN_POLICY_ERROR_INVALID, 21, "must be a definite, in-force match" },
  { "counts-but-expired",
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"100\" status=\"expired\"><quote>测试</quote></expect>\n",
    PN_POLICY_ERROR_INVALID, 21, "must be a definite, in-force match" },
  { "counts-other-estimate",
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"100\" estimate-cny=\"90\"><quote>测试</quote></expect>\n",
    PN_POLICY_ERROR_INVALID, 21, "with that estimate" },
  { "outside-jurisdiction",
    "      <answers location=\"fuzhou\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"0\"><quote>测试</quote></expect>\n",
    PN_POLICY_ERROR_REFERENCE, 19, "outside the document's jurisdiction" },
  { "unknown-answer",
    "      <answers location=\"xiamen\"><product>food</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"0\"><quote>测试</quote></expect>\n",
    PN_POLICY_ERROR_INVALID, 20, NULL },
  { "expected-twice",
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"0\"><quote>测试</quote></expect>\n"
    "      <not-listed benefit=\"test-doc/1/a\"><quote>测试</quote></not-listed>\n",
    PN_POLICY_ERROR_INVALID, 22, NULL },
  { "no-quote",
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"test-doc/1/a\" counted-cny=\"0\"></expect>\n",
    PN_POLICY_ERROR_INVALID, 21, NULL },
};

static void
test_loader_refuses (void)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autofree char *xml = g_strconcat (document_head, c->rest,
                                          "    </case>\n  </cases>\n</policy-document>\n", NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
      g_autoptr(GError) error = NULL;
      g_autoptr(PnDocument) document = NULL;
      g_autofree char *where = NULL;

      g_test_message ("%s", c->name);
      document = pn_policy_loader_load_document ("cases.xml", bytes, taxonomy, &error);
      if (c->code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpuint (document->cases->len, ==, 1);
          g_assert_true (pn_policy_loader_check_case_references (document, corpus, &error));
          g_assert_no_error (error);
          continue;
        }

      g_assert_null (document);
      g_assert_error (error, PN_POLICY_ERROR, c->code);
      where = g_strdup_printf ("cases.xml:%u:", c->line);
      g_assert_true (g_str_has_prefix (error->message, where));
      if (c->message != NULL)
        g_assert_nonnull (strstr (error->message, c->message));
    }
}

/* A benefit of another document must be in the corpus. */
static void
test_references_in_corpus (void)
{
  static const char rest[] =
    "      <answers location=\"xiamen\"><product>drug</product></answers>\n"
    "      <expect benefit=\"xiamen-2023-17/1/innovative-phase-2\" counted-cny=\"0\"><quote>测试</quote></expect>\n"
    "      <expect benefit=\"xiamen-2023-17/1/no-such\" counted-cny=\"0\"><quote>测试</quote></expect>\n";
  g_autofree char *xml = g_strconcat (document_head, rest,
                                      "    </case>\n  </cases>\n</policy-document>\n", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;

  document = pn_policy_loader_load_document ("cases.xml", bytes, pn_corpus_get_taxonomy (corpus), &error);
  g_assert_no_error (error);
  g_assert_false (pn_policy_loader_check_case_references (document, corpus, &error));
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE);
  g_assert_true (g_str_has_prefix (error->message, "cases.xml:22:"));
  g_assert_nonnull (strstr (error->message, "xiamen-2023-17/1/no-such"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
  g_assert_no_error (error);
  documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_assert_no_error (error);
  corpus = pn_corpus_new (taxonomy, documents);

  g_test_add_func ("/pn/check/bundled/read", test_bundled_cases_read);
  g_test_add_func ("/pn/check/bundled/pass", test_bundled_cases_pass);
  g_test_add_func ("/pn/check/mismatch", test_mismatch_reported);
  g_test_add_func ("/pn/check/loader/refuses", test_loader_refuses);
  g_test_add_func ("/pn/check/loader/references", test_references_in_corpus);

  status = g_test_run ();
  pn_corpus_unref (corpus);
  return status;
}
