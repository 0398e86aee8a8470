/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The policy writer: every bundled document survives load → write → load
 * unchanged, the result validates, and what XML cannot carry is refused. */

#include "config.h"

#include <string.h>

#include "pn-policy-loader.h"
#include "pn-policy-writer.h"

static PnTaxonomy *taxonomy;

static void
assert_text_equal (const PnText *a,
                   const PnText *b)
{
  g_assert_cmpstr (a->zh, ==, b->zh);
  g_assert_cmpstr (a->en, ==, b->en);
}

static void
assert_texts_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    assert_text_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i));
}

static void
assert_strv_equal (GStrv a,
                   GStrv b)
{
  g_assert_cmpuint (a ? g_strv_length (a) : 0, ==, b ? g_strv_length (b) : 0);
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_units_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const PnUnitRef *ra = g_ptr_array_index (a, i);
      const PnUnitRef *rb = g_ptr_array_index (b, i);

      g_assert_cmpstr (ra->id, ==, rb->id);
      g_assert_cmpstr (ra->role, ==, rb->role);
    }
}

static void
assert_terms_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const PnTerm *ta = g_ptr_array_index (a, i);
      const PnTerm *tb = g_ptr_array_index (b, i);

      g_assert_cmpstr (ta->id, ==, tb->id);
      g_assert_cmpstr (ta->parent, ==, tb->parent);
      g_assert_cmpstr (ta->level, ==, tb->level);
      g_assert_cmpstr (ta->zh, ==, tb->zh);
      g_assert_cmpstr (ta->en, ==, tb->en);
    }
}

static void
assert_benefits_equal (PnBenefit *a,
                       PnBenefit *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpstr (a->per, ==, b->per);
  g_assert_cmpint (a->one_time, ==, b->one_time);
  g_assert_cmpint (a->reviewed, ==, b->reviewed);
  assert_text_equal (&a->title, &b->title);
  g_assert_cmpfloat_with_epsilon (a->rate, b->rate, 1e-9);
  g_assert_cmpint (a->rate_ceiling, ==, b->rate_ceiling);
  g_assert_cmpint (a->base, ==, b->base);
  g_assert_cmpint (a->amount, ==, b->amount);
  g_assert_cmpint (a->cap, ==, b->cap);
  g_assert_cmpuint (a->thresholds->len, ==, b->thresholds->len);
  for (guint i = 0; i < a->thresholds->len; i++)
    {
      const PnThreshold *ta = g_ptr_array_index (a->thresholds, i);
      const PnThreshold *tb = g_ptr_array_index (b->thresholds, i);

      g_assert_cmpint (ta->figure, ==, tb->figure);
      g_assert_cmpint (ta->min, ==, tb->min);
      g_assert_cmpint (ta->inclusive, ==, tb->inclusive);
    }
  g_assert_cmpint (a->combined_limit, ==, b->combined_limit);
  g_assert_cmpuint (a->conditions->len, ==, b->conditions->len);
  for (guint i = 0; i < a->conditions->len; i++)
    {
      const PnCondition *ca = g_ptr_array_index (a->conditions, i);
      const PnCondition *cb = g_ptr_array_index (b->conditions, i);

      g_assert_cmpint (ca->question, ==, cb->question);
      assert_strv_equal (ca->values, cb->values);
      assert_strv_equal (ca->review, cb->review);
      g_assert_cmpint (ca->asks_nothing, ==, cb->asks_nothing);
    }
  g_assert_cmpuint (a->requirements->len, ==, b->requirements->len);
  for (guint i = 0; i < a->requirements->len; i++)
    {
      const PnRequirement *ra = g_ptr_array_index (a->requirements, i);
      const PnRequirement *rb = g_ptr_array_index (b->requirements, i);

      g_assert_cmpstr (ra->id, ==, rb->id);
      g_assert_cmpint (ra->attestation, ==, rb->attestation);
      assert_text_equal (&ra->text, &rb->text);
    }
  assert_strv_equal (a->tops_up, b->tops_up);
  g_assert_cmpstr (a->overlap_group, ==, b->overlap_group);
  assert_strv_equal (a->annual_caps, b->annual_caps);
  g_assert_cmpuint (a->stages ? a->stages->len : 0, ==, b->stages ? b->stages->len : 0);
  for (guint i = 0; a->stages != NULL && i < a->stages->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (a->stages, double, i),
                                    g_array_index (b->stages, double, i), 1e-9);
  g_assert_cmpstr (a->stages_over, ==, b->stages_over);
  assert_texts_equal (a->notes, b->notes);
  assert_units_equal (a->units, b->units);
  g_assert_cmpuint (a->readings->len, ==, b->readings->len);
  for (guint i = 0; i < a->readings->len; i++)
    {
      const PnReading *ra = g_ptr_array_index (a->readings, i);
      const PnReading *rb = g_ptr_array_index (b->readings, i);

      g_assert_cmpstr (ra->id, ==, rb->id);
      g_assert_cmpint (ra->chosen, ==, rb->chosen);
      g_assert_cmpint (ra->keep_lapsed_target, ==, rb->keep_lapsed_target);
      assert_text_equal (&ra->text, &rb->text);
    }
}

static void
assert_cases_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const PnCase *ca = g_ptr_array_index (a, i);
      const PnCase *cb = g_ptr_array_index (b, i);

      g_assert_cmpstr (ca->name, ==, cb->name);
      g_assert_cmpstr (ca->as_of, ==, cb->as_of);
      g_assert_cmpstr (ca->location, ==, cb->location);
      for (guint q = 0; q < PN_N_QUESTIONS; q++)
        g_assert_cmpstr (ca->answers[q], ==, cb->answers[q]);
      for (guint f = 0; f < PN_N_FIGURES; f++)
        g_assert_cmpint (ca->figures[f], ==, cb->figures[f]);
      g_assert_cmpint (ca->total_cny, ==, cb->total_cny);
      assert_texts_equal (ca->notes, cb->notes);
      g_assert_cmpuint (ca->expectations->len, ==, cb->expectations->len);
      for (guint j = 0; j < ca->expectations->len; j++)
        {
          const PnCaseExpectation *ea = g_ptr_array_index (ca->expectations, j);
          const PnCaseExpectation *eb = g_ptr_array_index (cb->expectations, j);

          g_assert_cmpstr (ea->benefit_id, ==, eb->benefit_id);
          g_assert_cmpint (ea->listed, ==, eb->listed);
          g_assert_cmpint (ea->counted_cny, ==, eb->counted_cny);
          g_assert_cmpint (ea->estimate_cny, ==, eb->estimate_cny);
          g_assert_cmpint (ea->has_match, ==, eb->has_match);
          if (ea->has_match)
            g_assert_cmpint (ea->match, ==, eb->match);
          g_assert_cmpint (ea->has_status, ==, eb->has_status);
          if (ea->has_status)
            g_assert_cmpint (ea->status, ==, eb->status);
          g_assert_cmpstr (ea->reason, ==, eb->reason);
          g_assert_cmpstr (ea->quote, ==, eb->quote);
          assert_texts_equal (ea->notes, eb->notes);
        }
    }
}

static void
assert_documents_equal (PnDocument *a,
                        PnDocument *b)
{
  g_assert_cmpstr (a->id, ==, b->id);
  g_assert_cmpstr (a->doc_number, ==, b->doc_number);
  assert_text_equal (&a->title, &b->title);
  assert_text_equal (&a->issuer, &b->issuer);
  g_assert_cmpstr (a->jurisdiction, ==, b->jurisdiction);
  g_assert_cmpint (a->draft, ==, b->draft);
  g_assert_cmpstr (a->issued, ==, b->issued);
  g_assert_cmpstr (a->in_force_from, ==, b->in_force_from);
  g_assert_cmpstr (a->in_force_until, ==, b->in_force_until);
  g_assert_cmpstr (a->applies_from, ==, b->applies_from);
  g_assert_cmpstr (a->source_file, ==, b->source_file);
  g_assert_cmpstr (a->last_verified, ==, b->last_verified);
  g_assert_cmpstr (a->overlap_principle, ==, b->overlap_principle);
  g_assert_cmpstr (a->overlap_where, ==, b->overlap_where);
  g_assert_cmpstr (a->overlap_quote, ==, b->overlap_quote);
  g_assert_cmpstr (a->overlap_en, ==, b->overlap_en);
  assert_texts_equal (a->notes, b->notes);
  assert_terms_equal (a->local_locations, b->local_locations);
  assert_terms_equal (a->local_units, b->local_units);

  g_assert_cmpuint (a->annual_caps->len, ==, b->annual_caps->len);
  for (guint i = 0; i < a->annual_caps->len; i++)
    {
      const PnAnnualCap *ca = g_ptr_array_index (a->annual_caps, i);
      const PnAnnualCap *cb = g_ptr_array_index (b->annual_caps, i);

      g_assert_cmpstr (ca->id, ==, cb->id);
      g_assert_cmpint (ca->amount, ==, cb->amount);
      g_assert_cmpstr (ca->per, ==, cb->per);
      g_assert_cmpstr (ca->article, ==, cb->article);
      assert_text_equal (&ca->text, &cb->text);
    }

  g_assert_cmpuint (a->articles->len, ==, b->articles->len);
  for (guint i = 0; i < a->articles->len; i++)
    {
      PnArticle *aa = g_ptr_array_index (a->articles, i);
      PnArticle *ab = g_ptr_array_index (b->articles, i);

      g_assert_cmpstr (aa->number, ==, ab->number);
      g_assert_cmpstr (aa->chapter, ==, ab->chapter);
      assert_text_equal (&aa->heading, &ab->heading);
      g_assert_cmpstr (aa->original, ==, ab->original);
      g_assert_cmpstr (aa->summary, ==, ab->summary);
      assert_units_equal (aa->units, ab->units);
      g_assert_cmpstr (aa->deadline_text, ==, ab->deadline_text);
      g_assert_cmpstr (aa->valid_from, ==, ab->valid_from);
      g_assert_cmpstr (aa->valid_until, ==, ab->valid_until);
      assert_texts_equal (aa->notes, ab->notes);
      g_assert_cmpuint (aa->benefits->len, ==, ab->benefits->len);
      for (guint j = 0; j < aa->benefits->len; j++)
        assert_benefits_equal (g_ptr_array_index (aa->benefits, j),
                               g_ptr_array_index (ab->benefits, j));
    }

  assert_cases_equal (a->cases, b->cases);
}

static PnDocument *
round_trip (PnDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = pn_policy_writer_write (document, &error);
  PnDocument *again;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  /* the loader validates against the schema and checks references */
  again = pn_policy_loader_load_document ("written.xml", bytes, taxonomy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

/* Every bundled document: load → write → load gives the same model, and
 * writing that again gives the same bytes. */
static void
test_round_trip_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  guint n_cases = 0;
  guint n_readings = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, >=, 5);

  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(PnDocument) again = round_trip (document);
      g_autoptr(GBytes) first = pn_policy_writer_write (document, NULL);
      g_autoptr(GBytes) second = pn_policy_writer_write (again, NULL);

      g_test_message ("%s: %u articles, %u cases", document->id, document->articles->len,
                      document->cases->len);
      assert_documents_equal (document, again);
      g_assert_true (g_bytes_equal (first, second));
      n_cases += document->cases->len;
      for (guint j = 0; j < document->articles->len; j++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, j);

          for (guint k = 0; k < article->benefits->len; k++)
            n_readings += ((PnBenefit *) g_ptr_array_index (article->benefits, k))->readings->len;
        }
    }

  /* the corpus has both, so the comparison above covered them */
  g_assert_cmpuint (n_cases, >, 0);
  g_assert_cmpuint (n_readings, >, 0);
}

static const char draft_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"wuhan-2026-1\" status=\"final\">\n"
  "  <title><zh>武汉市支持生物医药产业发展若干措施</zh><en>Wuhan measures</en></title>\n"
  "  <issuer><zh>武汉市人民政府</zh><en>Wuhan Municipal People's Government</en></issuer>\n"
  "  <local-locations>\n"
  "    <location id=\"hubei\" level=\"province\"><zh>湖北省</zh><en>Hubei</en></location>\n"
  "    <location id=\"wuhan\" level=\"city\" parent=\"hubei\"><zh>武汉市</zh><en>Wuhan</en></location>\n"
  "  </local-locations>\n"
  "  <local-units>\n"
  "    <unit id=\"wuhan-2026-1-unit-1\" location=\"wuhan\"><zh>武汉市科学技术局</zh><en>Wuhan S&amp;T Bureau</en></unit>\n"
  "  </local-units>\n"
  "  <jurisdiction>wuhan</jurisdiction>\n"
  "  <validity issued=\"2026-01-05\"/>\n"
  "  <source file=\"wuhan.txt\" last-verified=\"2026-01-06\"/>\n"
  "  <article number=\"1\" chapter=\"一、支持研发\">\n"
  "    <heading><zh>支持研发</zh><en>R&amp;D</en></heading>\n"
  "    <original>对完成Ⅰ期临床试验的创新药，给予100万元奖励。</original>\n"
  "    <summary>A fixed award.</summary>\n"
  "    <units><unit ref=\"wuhan-2026-1-unit-1\" role=\"lead\"/></units>\n"
  "    <benefit id=\"wuhan-2026-1/1/phase-1\" kind=\"fixed\" per=\"product\" reviewed=\"false\">\n"
  "      <title><zh>创新药完成Ⅰ期临床试验奖励</zh><en>Phase I</en></title>\n"
  "      <amount>1000000</amount>\n"
  "    </benefit>\n"
  "    <benefit id=\"wuhan-2026-1/1/phase-2\" kind=\"rate\" one-time=\"true\">\n"
  "      <title><zh>奖励</zh><en>Award</en></title>\n"
  "      <rate>0.125</rate>\n"
  "      <base>rd-investment</base>\n"
  "      <cap>2000000</cap>\n"
  "      <staged-payment over=\"3年\"><stage share=\"0.4\"/><stage share=\"0.3\"/><stage share=\"0.3\"/></staged-payment>\n"
  "    </benefit>\n"
  "  </article>\n"
  "</policy-document>\n";

/* A draft's unreviewed benefit, a place and a unit the taxonomy does not
 * know: the loader reads them, the writer writes them back. */
static void
test_round_trip_draft_features (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (draft_xml, strlen (draft_xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(PnDocument) again = NULL;
  PnArticle *article;
  PnBenefit *benefit;
  guint unreviewed = 0;

  document = pn_policy_loader_load_document ("draft.xml", bytes, taxonomy, &error);
  g_assert_no_error (error);

  article = g_ptr_array_index (document->articles, 0);
  benefit = g_ptr_array_index (article->benefits, 0);
  g_assert_false (benefit->reviewed);
  benefit = g_ptr_array_index (article->benefits, 1);
  g_assert_true (benefit->reviewed);
  g_assert_cmpuint (pn_document_count_benefits (document, &unreviewed), ==, 2);
  g_assert_cmpuint (unreviewed, ==, 1);
  g_assert_cmpuint (document->local_locations->len, ==, 2);
  g_assert_cmpstr (pn_document_lookup_unit (document, taxonomy, "wuhan-2026-1-unit-1")->zh, ==,
                   "武汉市科学技术局");
  g_assert_cmpstr (pn_document_lookup_location (document, taxonomy, "wuhan")->parent, ==, "hubei");
  g_assert_cmpstr (pn_document_lookup_location (document, taxonomy, "xiamen")->zh, ==, "厦门市");

  again = round_trip (document);
  assert_documents_equal (document, again);
}

/* A case built in memory, as the editor's Save as Case builds one: the
 * writer writes it where the schema wants it, the loader reads the same. */
static void
test_round_trip_added_case (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (draft_xml, strlen (draft_xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(PnDocument) again = NULL;
  PnCaseExpectation *expectation;
  PnCase *pcase;

  document = pn_policy_loader_load_document ("draft.xml", bytes, taxonomy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document->cases->len, ==, 0);

  /* a case's location is one of the taxonomy's (the schema lists them),
   * within the document's jurisdiction */
  g_free (document->jurisdiction);
  document->jurisdiction = g_strdup ("xiamen");
  pcase = pn_document_add_case (document);
  pcase->name = g_strdup ("phase-2-rd-30m");
  pcase->as_of = g_strdup ("2026-06-01");
  pcase->location = g_strdup ("xiamen");
  pcase->answers[PN_QUESTION_PRODUCT] = g_strdup ("drug");
  pcase->answers[PN_QUESTION_DRUG_CLASS] = g_strdup ("innovative");
  pcase->answers[PN_QUESTION_PHASE] = g_strdup ("phase-2");
  pcase->figures[PN_FIGURE_RD_INVESTMENT] = 30000000;
  g_ptr_array_add (pcase->notes, pn_text_new ("说明", "A note"));

  expectation = pn_case_add_expectation (pcase);
  expectation->benefit_id = g_strdup ("wuhan-2026-1/1/phase-2");
  expectation->counted_cny = 2000000;
  expectation->quote = g_strdup ("对完成Ⅰ期临床试验的创新药，给予100万元奖励。");

  expectation = pn_case_add_expectation (pcase);
  expectation->benefit_id = g_strdup ("wuhan-2026-1/1/phase-1");
  expectation->counted_cny = 0;
  expectation->estimate_cny = 1000000;
  expectation->has_match = TRUE;
  expectation->match = PN_MATCH_POSSIBLE;
  expectation->has_status = TRUE;
  expectation->status = PN_STATUS_IN_FORCE;
  expectation->reason = g_strdup ("possible");
  expectation->quote = g_strdup ("给予100万元奖励");
  g_ptr_array_add (expectation->notes, pn_text_new ("未审核", "Not reviewed"));

  pcase->total_cny = 2000000;

  again = round_trip (document);
  g_assert_cmpuint (again->cases->len, ==, 1);
  assert_documents_equal (document, again);
}

/* A control character cannot be written as XML 1.0: an error, not a file
 * the loader would refuse later. */
static void
test_refuses_control_characters (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (draft_xml, strlen (draft_xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  PnArticle *article;

  document = pn_policy_loader_load_document ("draft.xml", bytes, taxonomy, &error);
  g_assert_no_error (error);
  article = g_ptr_array_index (document->articles, 0);
  g_free (article->original);
  article->original = g_strdup ("page one\fpage two");

  written = pn_policy_writer_write (document, &error);
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
  g_assert_null (written);
  g_assert_nonnull (strstr (error->message, "original"));
}

static void
test_format_rate (void)
{
  const struct { double rate; const char *text; } cases[] = {
    { 0.4, "0.4" }, { 1.0, "1" }, { 0.0, "0" }, { 0.05, "0.05" }, { 0.125, "0.125" },
    { 0.3333, "0.3333" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pn_policy_writer_format_rate (cases[i].rate);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
  g_assert_no_error (error);

  g_test_add_func ("/pn/policy-writer/round-trip/bundled", test_round_trip_bundled);
  g_test_add_func ("/pn/policy-writer/round-trip/draft-features", test_round_trip_draft_features);
  g_test_add_func ("/pn/policy-writer/round-trip/added-case", test_round_trip_added_case);
  g_test_add_func ("/pn/policy-writer/refuses-control-characters", test_refuses_control_characters);
  g_test_add_func ("/pn/policy-writer/format-rate", test_format_rate);

  status = g_test_run ();
  pn_taxonomy_unref (taxonomy);
  return status;
}
