/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Engine tests on the real bundled corpus.  Every expected amount is worked
 * out by hand from the source text quoted next to it.
 */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include "pn-date.h"
#include "pn-engine.h"
#include "pn-policy-loader.h"
#include "pn-policy-private.h"
#include "pn-worth-private.h"

#include <string.h>

static PnCorpus *corpus;

typedef struct
{
  const char *benefit_id;
  const char *status;     /* NULL: not listed at all */
  const char *match;
  gint64      estimate;   /* PN_YUAN_UNSET for null */
  gboolean    counted;
  const char *reason;     /* not_counted reason id, or NULL */
} Expect;

typedef struct
{
  const char *name;
  const char *args;       /* "question=value figure=value …" */
  const char *as_of;
  gint64      total;
  Expect      expect[4];
} Case;

static const Case cases[] = {
  /* 厦府规〔2023〕17号（一）: 对在本市转化的创新药…完成Ⅰ、Ⅱ、Ⅲ期临床试验的，按照研发投入最高不
   * 超过40%的标准，分别给予最高不超过1000万元、2000万元、3000万元的奖励.
   * 40% × 30,000,000 = 12,000,000 < 20,000,000.  Fujian task 11 (30%, in force
   * 2022—2025) gives 9,000,000 and loses: 就高从优不重复. */
  { "xiamen-phase-2", "location=xiamen drug-class=innovative modality=chemical phase=phase-2 rd-investment=30000000",
    "2025-06-01", 12000000,
    { { "xiamen-2023-17/1/innovative-phase-2", "in-force", "definite", 12000000, TRUE, NULL },
      { "fujian-2022-tasks/11/innovative-phase-2", "in-force", "definite", 9000000, FALSE, "overlap" } } },
  /* 厦府规〔2023〕17号（四）: 对承担生物医药类国家重大新药创制、国家重点研发计划等国家重大专项的企业，
   * 按照国家实际资助1:1的比例予以配套，国家、省、市项目资助总金额不超过项目总投入.  No product is
   * named, so a CRO qualifies: 1 × 5,000,000 = 5,000,000, and 5,000,000 × 2 ≤ 20,000,000.
   * Fujian task 2 gives the same; on a tie the more local award counts. */
  { "xiamen-cro-national-matching", "location=xiamen product=organisation entity=cro national-funding=5000000 total-investment=20000000",
    "2025-06-01", 5000000,
    { { "xiamen-2023-17/4/national-project-matching", "in-force", "definite", 5000000, TRUE, NULL },
      { "fujian-2022-tasks/2/national-project-matching", "in-force", "definite", 5000000, FALSE, "overlap" } } },
  /* Before either text: 本措施自2023年11月20日施行; task list 2022—2025. */
  { "xiamen-phase-2-2019", "location=xiamen drug-class=innovative modality=chemical phase=phase-2 rd-investment=30000000",
    "2019-01-01", 0,
    { { "xiamen-2023-17/1/innovative-phase-2", "pending", "definite", 12000000, FALSE, "pending" },
      { "fujian-2022-tasks/11/innovative-phase-2", "pending", "definite", 9000000, FALSE, "pending" } } },
  /* 有效期至2026年12月31日 */
  { "xiamen-phase-2-2027", "location=xiamen drug-class=innovative phase=phase-2 rd-investment=30000000",
    "2027-01-01", 0,
    { { "xiamen-2023-17/1/innovative-phase-2", "expired", "definite", 12000000, FALSE, "expired" },
      { "fujian-2022-tasks/11/innovative-phase-2", "expired", "definite", 9000000, FALSE, "expired" } } },
  /* Cap above: 40% × 30,000,000 = 12,000,000 > 10,000,000 (Phase I cap). */
  { "cap-above", "location=xiamen drug-class=innovative phase=phase-1 rd-investment=30000000",
    "2026-03-01", 10000000,
    { { "xiamen-2023-17/1/innovative-phase-1", "in-force", "definite", 10000000, TRUE, NULL },
      { "fujian-2022-tasks/11/innovative-phase-1", "expired", "definite", 9000000, FALSE, "expired" } } },
  /* Cap exactly reached: 40% × 25,000,000 = 10,000,000. */
  { "cap-at", "location=xiamen drug-class=innovative phase=phase-1 rd-investment=25000000",
    "2026-03-01", 10000000,
    { { "xiamen-2023-17/1/innovative-phase-1", "in-force", "definite", 10000000, TRUE, NULL } } },
  /* Cap below: 40% × 20,000,001 = 8,000,000.4 → 8,000,000 (whole yuan, floored). */
  { "cap-below", "location=xiamen drug-class=innovative phase=phase-1 rd-investment=20000001",
    "2026-03-01", 8000000,
    { { "xiamen-2023-17/1/innovative-phase-1", "in-force", "definite", 8000000, TRUE, NULL } } },
  /* Improved new drug: 按照研发投入最高不超过20%…完成Ⅲ期…最高不超过1500万元: 20% × 50,000,000 = 10,000,000. */
  { "improved-phase-3", "location=xiamen drug-class=improved phase=phase-3 rd-investment=50000000",
    "2026-03-01", 10000000,
    { { "xiamen-2023-17/1/improved-phase-3", "in-force", "definite", 10000000, TRUE, NULL } } },
  /* （二）累计销售收入达到100万元的…创新药…1000万元: threshold met exactly. Fujian task 12
   * (500万元, no threshold) loses the overlap. */
  { "threshold-at", "location=xiamen drug-class=innovative phase=marketed sales=1000000",
    "2025-06-01", 10000000,
    { { "xiamen-2023-17/2/innovative-drug-industrialisation", "in-force", "definite", 10000000, TRUE, NULL },
      { "fujian-2022-tasks/12/innovative-drug-industrialisation", "in-force", "definite", 5000000, FALSE, "overlap" } } },
  /* Threshold not met: 999,999 < 1,000,000; the province's 5,000,000 then counts. */
  { "threshold-below", "location=xiamen drug-class=innovative phase=marketed sales=999999",
    "2025-06-01", 5000000,
    { { "xiamen-2023-17/2/innovative-drug-industrialisation", "in-force", "definite", 0, FALSE, "threshold-not-met" },
      { "fujian-2022-tasks/12/innovative-drug-industrialisation", "in-force", "definite", 5000000, TRUE, NULL } } },
  /* Sales not given: the Xiamen award cannot be estimated. */
  { "threshold-missing", "location=xiamen drug-class=innovative phase=marketed",
    "2025-06-01", 5000000,
    { { "xiamen-2023-17/2/innovative-drug-industrialisation", "in-force", "definite", PN_YUAN_UNSET, FALSE, "missing-figure" },
      { "fujian-2022-tasks/12/innovative-drug-industrialisation", "in-force", "definite", 5000000, TRUE, NULL } } },
  /* 晋江（一）1: 研发投入在省级奖励的基础上配套补足到40%，最高分别不超过…2000万元.
   * Province 30% × 30,000,000 = 9,000,000; 40% = 12,000,000; top-up 3,000,000. */
  { "jinjiang-top-up", "location=jinjiang drug-class=innovative therapeutic-area=oncology phase=phase-2 rd-investment=30000000",
    "2025-08-01", 12000000,
    { { "jinjiang-2025-8/1.1/innovative-phase-2", "in-force", "definite", 3000000, TRUE, NULL },
      { "fujian-2022-tasks/11/innovative-phase-2", "in-force", "definite", 9000000, TRUE, NULL } } },
  /* Reach-back: 2025年1月1日至正式施行之日符合条件的参照执行. */
  { "jinjiang-reach-back", "location=jinjiang drug-class=innovative therapeutic-area=oncology phase=phase-2 rd-investment=30000000",
    "2025-03-01", 12000000,
    { { "jinjiang-2025-8/1.1/innovative-phase-2", "in-force", "definite", 3000000, TRUE, NULL } } },
  { "jinjiang-before-reach-back", "location=jinjiang drug-class=innovative therapeutic-area=oncology phase=phase-2 rd-investment=30000000",
    "2024-12-31", 9000000,
    { { "jinjiang-2025-8/1.1/innovative-phase-2", "pending", "definite", 3000000, FALSE, "pending" } } },
  /* 2026: the task list (2022—2025) has expired, so the provincial award
   * is not counted, but 在省级奖励的基础上配套补足到40% still adds only the
   * difference over it: min(40% × 30,000,000, 20,000,000) − 30% × 30,000,000
   * = 12,000,000 − 9,000,000 = 3,000,000.  Jinjiang does not replace the
   * province. */
  { "jinjiang-top-up-2026", "location=jinjiang drug-class=innovative therapeutic-area=oncology phase=phase-2 rd-investment=30000000",
    "2026-06-01", 3000000,
    { { "jinjiang-2025-8/1.1/innovative-phase-2", "in-force", "definite", 3000000, TRUE, NULL },
      { "fujian-2022-tasks/11/innovative-phase-2", "expired", "definite", 9000000, FALSE, "expired" } } },
  /* Annex: other areas only by expert recognition → possible. */
  { "jinjiang-review", "location=jinjiang drug-class=innovative therapeutic-area=other phase=phase-2 rd-investment=30000000",
    "2026-06-01", 0,
    { { "jinjiang-2025-8/1.1/innovative-phase-2", "in-force", "possible", 3000000, FALSE, "possible" } } },
  /* Unanswered drug class: possible, not counted. */
  { "possible", "location=xiamen phase=phase-2 rd-investment=30000000",
    "2026-03-01", 0,
    { { "xiamen-2023-17/1/innovative-phase-2", "in-force", "possible", 12000000, FALSE, "possible" } } },
  /* A device profile is not shown drug awards. */
  /* 晋江（一）2: 对自主研发首次取得高端创新型第二类、第三类医疗器械产品注册证，给予研发投入40%的奖励，
   * 单个品种最高分别不超过200万元、400万元.  40% × 5,000,000 = 2,000,000 < 4,000,000.
   * A device through the national special review is "innovative": counted. */
  { "jinjiang-device-special-review", "location=jinjiang device-class=class-3 innovative-device=true device-type=ivd phase=registered rd-investment=5000000",
    "2025-08-01", 2000000,
    { { "jinjiang-2025-8/1.2/class-3-device-registration", "in-force", "definite", 2000000, TRUE, NULL } } },
  /* An annex-type device without the special review: 创新型 is for the
   * authority to recognise, so the same amount is possible, not counted. */
  { "jinjiang-device-no-special-review", "location=jinjiang device-class=class-3 innovative-device=false device-type=ivd phase=registered rd-investment=5000000",
    "2025-08-01", 0,
    { { "jinjiang-2025-8/1.2/class-3-device-registration", "in-force", "possible", 2000000, FALSE, "possible" } } },
  /* the class III award and the innovative device's reward one first
   * industrialisation: the higher counts (the texts do not say both) */
  { "contradiction", "location=xiamen device-class=class-3 innovative-device=true phase=marketed sales=1000000",
    "2025-06-01", 2000000,
    { { "xiamen-2023-17/1/innovative-phase-2", NULL, NULL, 0, FALSE, NULL },
      { "xiamen-2023-17/2/class-3-device-industrialisation", "in-force", "definite", 1000000, FALSE, "overlap" },
      { "xiamen-2023-17/2/innovative-device-industrialisation", "in-force", "definite", 2000000, TRUE, NULL },
      { "fujian-2022-tasks/13/innovative-device-industrialisation", "in-force", "definite", 2000000, FALSE, "overlap" } } },
  /* 晋江（三）1: 对总投资超5000万元的新建生命健康重点鼓励业态项目，给予新购置生产设备金额10%的补助，
   * 最高不超过1000万元; the annex's 二、创新药物 lists 抗肿瘤药物.  Total investment
   * ¥100,000,000 > ¥50,000,000; 10% × ¥20,000,000 = ¥2,000,000 < ¥10,000,000. */
  { "jinjiang-equipment-innovative", "location=jinjiang drug-class=innovative therapeutic-area=oncology equipment=20000000 total-investment=100000000",
    "2025-08-01", 2000000,
    { { "jinjiang-2025-8/3.1/new-project-equipment-drug", "in-force", "definite", 2000000, TRUE, NULL } } },
  /* An oncology generic is no innovative drug: not an encouraged field. */
  { "jinjiang-equipment-generic", "location=jinjiang drug-class=generic therapeutic-area=oncology equipment=20000000 total-investment=100000000",
    "2025-08-01", 0,
    { { "jinjiang-2025-8/3.1/new-project-equipment-drug", NULL, NULL, 0, FALSE, NULL } } },
  /* An improved new drug only by recognition (附件三、新兴创新药物): possible. */
  { "jinjiang-equipment-improved", "location=jinjiang drug-class=improved therapeutic-area=oncology equipment=20000000 total-investment=100000000",
    "2025-08-01", 0,
    { { "jinjiang-2025-8/3.1/new-project-equipment-drug", "in-force", "possible", 2000000, FALSE, "possible" } } },
  /* 一致性评价: 分别按最高不超过评价成本的40%、30%和20%…最高不超过300万 */
  { "consistency-first", "location=xiamen drug-class=generic phase=consistency-evaluation rank=first evaluation-cost=5000000",
    "2026-03-01", 2000000,
    { { "xiamen-2023-17/1/consistency-evaluation-first", "in-force", "definite", 2000000, TRUE, NULL } } },
  { "consistency-top3-capped", "location=xiamen drug-class=generic phase=consistency-evaluation rank=top3 evaluation-cost=20000000",
    "2026-03-01", 3000000,
    { { "xiamen-2023-17/1/consistency-evaluation-top3", "in-force", "definite", 3000000, TRUE, NULL } } },
  { "consistency-other", "location=xiamen drug-class=generic phase=consistency-evaluation rank=other evaluation-cost=5000000",
    "2026-03-01", 1000000,
    { { "xiamen-2023-17/1/consistency-evaluation-other", "in-force", "definite", 1000000, TRUE, NULL } } },
  /* A draft is never in force. */
  { "draft", "location=xiamen entity=platform equipment=10000000",
    "2026-03-01", 0,
    { { "xiamen-2025-draft/3/equipment-renewal", "draft", NULL, 3000000, FALSE, "draft" } } },
};

static PnProfile *
profile_from_args (const char *args,
                   const char *as_of)
{
  g_auto(GStrv) pairs = g_strsplit (args, " ", -1);
  PnProfile *profile = pn_profile_new ();

  pn_profile_set_as_of (profile, as_of);
  for (guint i = 0; pairs[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      PnQuestion question;
      PnFigure figure;

      g_assert_nonnull (kv[1]);
      if (g_str_equal (kv[0], "location"))
        pn_profile_set_location (profile, kv[1]);
      else if (pn_question_from_string (kv[0], &question))
        pn_profile_set_answer (profile, question, kv[1]);
      else if (pn_figure_from_string (kv[0], &figure))
        pn_profile_set_figure (profile, figure, g_ascii_strtoll (kv[1], NULL, 10));
      else
        g_error ("bad test key %s", kv[0]);
    }

  return profile;
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(PnProfile) profile = profile_from_args (c->args, c->as_of);
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (c->expect) && c->expect[i].benefit_id; i++)
    {
      const Expect *e = &c->expect[i];
      const PnResult *r = pn_results_find (results, e->benefit_id);

      g_test_message ("%s: %s", c->name, e->benefit_id);
      if (e->status == NULL)
        {
          g_assert_null (r);
          continue;
        }

      g_assert_nonnull (r);
      g_assert_cmpstr (pn_status_to_string (r->status), ==, e->status);
      if (e->match != NULL)
        g_assert_cmpstr (pn_match_to_string (r->match), ==, e->match);
      g_assert_cmpint (r->estimate_cny, ==, e->estimate);
      g_assert_cmpint (r->counted, ==, e->counted);
      g_assert_cmpstr (r->counted ? NULL : pn_not_counted_to_string (r->not_counted), ==, e->reason);
      g_assert_nonnull (r->derivation.en);
      g_assert_nonnull (r->derivation.zh);
    }

  g_assert_cmpint (pn_results_get_total (results), ==, c->total);
}

static void
test_overlap_names_winner (void)
{
  g_autoptr(PnProfile) profile = profile_from_args (cases[0].args, cases[0].as_of);
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, NULL);
  const PnResult *r = pn_results_find (results, "fujian-2022-tasks/11/innovative-phase-2");

  g_assert_nonnull (r);
  g_assert_nonnull (r->overlap_winner);
  g_assert_cmpstr (r->overlap_winner->id, ==, "xiamen-2023-17/1/innovative-phase-2");
  g_assert_true (strstr (r->not_counted_reason.en, "17号") != NULL);
}

/* An answer that leaves the match to the authority says which answer:
 * 晋江 1.1's annex areas, other areas only after expert assessment. */
static void
test_review_names_answer (void)
{
  g_autoptr(PnProfile) profile =
    profile_from_args ("location=jinjiang drug-class=innovative therapeutic-area=other phase=phase-2 "
                       "rd-investment=30000000", "2026-06-01");
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, NULL);
  const PnResult *r = pn_results_find (results, "jinjiang-2025-8/1.1/innovative-phase-2");
  g_autofree char *en = NULL;
  g_autofree char *zh = NULL;

  g_assert_nonnull (r);
  en = pn_result_describe_missing (r, PN_LANG_EN);
  zh = pn_result_describe_missing (r, PN_LANG_ZH);
  g_assert_cmpstr (en, ==, "a recognition by the authority (the answer on the therapeutic area leaves it open)");
  g_assert_cmpstr (zh, ==, "有关部门认定（“治疗领域”的回答不能确定）");
}

/* A result's text is written when it is first read: it must describe the
 * answers the results were computed for, not the profile as it is later,
 * and be the same whichever thread reads it first. */
static void
test_text_follows_evaluated_answers (void)
{
  g_autoptr(PnProfile) profile =
    profile_from_args ("location=xiamen product=drug drug-class=innovative modality=chemical "
                       "phase=phase-2 rd-investment=30000000", "2025-06-30");
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, NULL);
  const PnResult *r;

  /* change every answer the derivation uses before reading it */
  pn_profile_set_figure (profile, PN_FIGURE_RD_INVESTMENT, 1000000);
  pn_profile_set_as_of (profile, "2019-01-01");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-1");

  r = pn_results_find (results, "xiamen-2023-17/1/innovative-phase-2");
  g_assert_nonnull (r);
  g_assert_cmpint (r->estimate_cny, ==, 12000000);
  g_assert_true (r->counted);
  /* 40% × ¥30,000,000 = ¥12,000,000, as evaluated */
  g_assert_nonnull (strstr (r->derivation.en, "¥30,000,000"));
  g_assert_nonnull (strstr (r->derivation.en, "¥12,000,000"));
  g_assert_cmpuint (r->missing->len, ==, 0);
  g_assert_cmpstr (pn_results_get_as_of (results), ==, "2025-06-30");
  /* reading it again gives the same result, text and all */
  g_assert_true (pn_results_find (results, "xiamen-2023-17/1/innovative-phase-2") == r);
}

/* Reasons a founder reads say dates in words, as the window's other
 * dates do ("Not yet in force (from 2023-11-20)" stood under "Valid from
 * 20 November 2023"). */
static void
test_reason_dates_in_words (void)
{
  g_autoptr(PnProfile) profile =
    profile_from_args ("location=xiamen product=drug drug-class=innovative modality=chemical "
                       "phase=phase-2 rd-investment=30000000", "2019-06-30");
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, NULL);
  g_autofree char *en = pn_date_to_words ("2023-11-20", FALSE);
  g_autofree char *zh = pn_date_to_words ("2023-11-20", TRUE);
  g_autofree char *not_a_date = pn_date_to_words ("2023-02-30", FALSE);
  const PnResult *r;

  g_assert_cmpstr (en, ==, "20 November 2023");
  g_assert_cmpstr (zh, ==, "2023年11月20日");
  g_assert_cmpstr (not_a_date, ==, "2023-02-30");

  r = pn_results_find (results, "xiamen-2023-17/1/innovative-phase-2");
  g_assert_nonnull (r);
  g_assert_cmpint (r->status, ==, PN_STATUS_PENDING);
  g_assert_cmpstr (r->not_counted_reason.en, ==, "Not yet in force (from 20 November 2023)");
  g_assert_cmpstr (r->not_counted_reason.zh, ==, "尚未施行（2023年11月20日起）");
}

/* "按照研发投入最高不超过40%的标准" is a most: the derivation says the
 * estimate is at the ceiling rate, which "给予研发投入40%的奖励" (晋江 1.2)
 * is not. */
static void
test_rate_ceiling_said (void)
{
  g_autoptr(PnProfile) xiamen =
    profile_from_args ("location=xiamen product=drug drug-class=innovative modality=chemical "
                       "phase=phase-2 rd-investment=30000000", "2025-06-30");
  g_autoptr(PnProfile) jinjiang =
    profile_from_args ("location=jinjiang product=device device-class=class-2 innovative-device=true "
                       "device-type=ivd phase=registered rd-investment=5000000", "2025-07-01");
  g_autoptr(PnResults) at_xiamen = pn_engine_evaluate (corpus, xiamen, NULL);
  g_autoptr(PnResults) at_jinjiang = pn_engine_evaluate (corpus, jinjiang, NULL);
  const PnResult *r;

  r = pn_results_find (at_xiamen, "xiamen-2023-17/1/innovative-phase-2");
  g_assert_nonnull (r);
  g_assert_true (r->benefit->rate_ceiling);
  g_assert_cmpint (r->estimate_cny, ==, 12000000);
  g_assert_true (g_str_has_prefix (r->derivation.en, "at most 40% × R&D investment ¥30,000,000 = ¥12,000,000 "
                                                     "(at the text's highest rate: the actual rate may be "
                                                     "lower); cap ¥20,000,000 not reached"));
  g_assert_nonnull (strstr (r->derivation.zh, "× 最高40% = 1,200万元（按原文最高比例计算的上限），未超过上限"));

  r = pn_results_find (at_jinjiang, "jinjiang-2025-8/1.2/class-2-device-registration");
  g_assert_nonnull (r);
  g_assert_false (r->benefit->rate_ceiling);
  g_assert_true (g_str_has_prefix (r->derivation.en, "40% × R&D investment ¥5,000,000 = ¥2,000,000"));
}

static gpointer
read_every_result (gpointer data)
{
  PnResults *results = data;
  gsize length = 0;

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *r = pn_results_get_result (results, i);

      length += strlen (r->derivation.en) + strlen (r->derivation.zh);
    }
  return GSIZE_TO_POINTER (length);
}

static void
test_text_from_two_threads (void)
{
  g_autoptr(PnProfile) profile = profile_from_args ("location=jinjiang", "2025-06-30");
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, NULL);
  GThread *a, *b;
  gsize la, lb;

  g_assert_cmpuint (pn_results_get_n_results (results), >, 20);
  a = g_thread_new ("reader-a", read_every_result, results);
  b = g_thread_new ("reader-b", read_every_result, results);
  la = GPOINTER_TO_SIZE (g_thread_join (a));
  lb = GPOINTER_TO_SIZE (g_thread_join (b));
  g_assert_cmpuint (la, >, 0);
  g_assert_cmpuint (la, ==, lb);
}

static void
test_no_location (void)
{
  g_autoptr(PnProfile) profile = pn_profile_new ();
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, NULL);

  g_assert_cmpuint (pn_results_get_n_results (results), ==, 0);
  g_assert_cmpint (pn_results_get_total (results), ==, 0);
}

/* Every condition of the bundled corpus checked as compiled into one block
 * (what the engine reads for a benefit of the store) and as it is: the
 * same verdict and the same open count, for each term of every question
 * alone, and for random answers to all questions at once. */
static void
test_compiled_conditions (void)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);
  g_autoptr(GPtrArray) benefits = g_ptr_array_new ();
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) documents = pn_corpus_list_documents (corpus, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  guint ruled_out = 0, open = 0;

  for (guint d = 0; d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);

      for (guint a = 0; a < document->articles->len; a++)
        g_ptr_array_extend (benefits, ((PnArticle *) g_ptr_array_index (document->articles, a))->benefits,
                            NULL, NULL);
    }
  g_assert_cmpuint (benefits->len, >, 100);

  g_ptr_array_add (profiles, pn_profile_new ());
  for (PnQuestion q = 0; q < PN_N_QUESTIONS; q++)
    {
      GPtrArray *terms = pn_taxonomy_get_terms (taxonomy, pn_question_to_string (q));

      for (guint t = 0; terms != NULL && t < terms->len; t++)
        {
          PnProfile *profile = pn_profile_new ();

          pn_profile_set_answer (profile, q, ((PnTerm *) g_ptr_array_index (terms, t))->id);
          g_ptr_array_add (profiles, profile);
        }
    }
  for (guint i = 0; i < 300; i++)
    {
      PnProfile *profile = pn_profile_new ();

      for (PnQuestion q = 0; q < PN_N_QUESTIONS; q++)
        {
          GPtrArray *terms = pn_taxonomy_get_terms (taxonomy, pn_question_to_string (q));

          if (terms != NULL && terms->len > 0 && g_rand_boolean (rand))
            pn_profile_set_answer (profile, q,
                                   ((PnTerm *) g_ptr_array_index (terms, g_rand_int_range (rand, 0, terms->len)))->id);
        }
      g_ptr_array_add (profiles, profile);
    }

  for (guint b = 0; b < benefits->len; b++)
    {
      PnBenefit *benefit = g_ptr_array_index (benefits, b);
      g_autofree guint32 *compiled = _pn_conditions_compile (benefit->conditions);

      for (guint p = 0; p < profiles->len; p++)
        {
          PnFacts facts;
          guint open_as_is = G_MAXUINT, open_compiled = G_MAXUINT;
          gboolean as_is, from_block;

          pn_facts_init (&facts, corpus, g_ptr_array_index (profiles, p), "2025-06-30");
          as_is = pn_facts_check_conditions (&facts, benefit, &open_as_is);
          from_block = pn_facts_check_compiled (&facts, compiled, &open_compiled);
          g_assert_cmpint (as_is, ==, from_block);
          if (as_is)
            g_assert_cmpuint (open_as_is, ==, open_compiled);
          ruled_out += !as_is;
          open += as_is && open_as_is > 0;
        }
    }
  /* both outcomes were met */
  g_assert_cmpuint (ruled_out, >, 1000);
  g_assert_cmpuint (open, >, 1000);
}

/* Random answers and figures at one of a few places, on one of a few
 * dates: the `i`th of a run. */
static PnProfile *
random_profile (PnTaxonomy *taxonomy,
                GRand      *rand,
                guint       i)
{
  static const char *places[] = { "xiamen", "fuzhou", "jinjiang", "quanzhou", "fujian", "ningde" };
  static const char *dates[] = { "2024-06-01", "2025-06-30", "2026-12-31", "2027-03-01" };
  static const PnFigure figures[] = { PN_FIGURE_RD_INVESTMENT, PN_FIGURE_SALES, PN_FIGURE_EQUIPMENT,
                                      PN_FIGURE_EVALUATION_COST };
  PnProfile *profile = pn_profile_new ();

  pn_profile_set_location (profile, places[i % G_N_ELEMENTS (places)]);
  pn_profile_set_as_of (profile, dates[(i / G_N_ELEMENTS (places)) % G_N_ELEMENTS (dates)]);
  for (PnQuestion q = 0; q < PN_N_QUESTIONS; q++)
    {
      GPtrArray *terms = pn_taxonomy_get_terms (taxonomy, pn_question_to_string (q));

      if (terms != NULL && terms->len > 0 && g_rand_int_range (rand, 0, 3) > 0)
        pn_profile_set_answer (profile, q,
                               ((PnTerm *) g_ptr_array_index (terms, g_rand_int_range (rand, 0, terms->len)))->id);
    }
  for (guint f = 0; f < G_N_ELEMENTS (figures); f++)
    if (g_rand_boolean (rand))
      pn_profile_set_figure (profile, figures[f], (gint64) g_rand_int_range (rand, 1, 5000) * 10000);

  return profile;
}

/* What a list groups and sorts by (pn_results_get_outline ()) is what
 * the whole result says, read before any result is written and after. */
static void
test_outline_matches_result (void)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  guint compared = 0, unpriced = 0, possible = 0, beaten = 0;

  /* the cases above (overlaps among them), then random answers */
  for (guint i = 0; i < G_N_ELEMENTS (cases) + 120; i++)
    {
      g_autoptr(PnProfile) profile = NULL;
      g_autoptr(PnResults) results = NULL;
      g_autoptr(GArray) outlines = g_array_new (FALSE, TRUE, sizeof (PnResultOutline));
      guint n;

      if (i < G_N_ELEMENTS (cases))
        profile = profile_from_args (cases[i].args, cases[i].as_of);
      else
        profile = random_profile (taxonomy, rand, i);

      results = pn_engine_evaluate (corpus, profile, NULL);
      g_assert_nonnull (results);
      n = pn_results_get_n_results (results);
      g_array_set_size (outlines, n);
      /* before any result is written */
      for (guint r = 0; r < n; r++)
        pn_results_get_outline (results, r, &g_array_index (outlines, PnResultOutline, r));

      for (guint r = 0; r < n; r++)
        {
          const PnResultOutline *before = &g_array_index (outlines, PnResultOutline, r);
          const PnResult *result = pn_results_get_result (results, r);
          PnResultOutline after;

          g_test_message ("profile %u, %s", i, result->benefit->id);
          pn_results_get_outline (results, r, &after);
          for (guint pass = 0; pass < 2; pass++)
            {
              const PnResultOutline *o = pass == 0 ? before : &after;

              g_assert_cmpint (o->match, ==, result->match);
              g_assert_cmpint (o->status, ==, result->status);
              g_assert_cmpint (o->counted, ==, result->counted);
              g_assert_cmpint (o->not_counted, ==, result->not_counted);
              g_assert_cmpint (o->estimate_cny, ==, result->estimate_cny);
              g_assert_cmpint (o->high_cny, ==, result->high_cny);
              g_assert_cmpint (o->unbounded, ==, result->unbounded);
              g_assert_true (o->overlap_winner == result->overlap_winner);
            }
          compared++;
          unpriced += result->status != PN_STATUS_IN_FORCE && result->estimate_cny != PN_YUAN_UNSET;
          possible += result->not_counted == PN_NOT_COUNTED_POSSIBLE;
          beaten += result->overlap_winner != NULL;
        }
    }
  /* the estimate the first pass leaves out was worked out, and compared */
  g_assert_cmpuint (compared, >, 1000);
  g_assert_cmpuint (unpriced, >, 50);
  g_assert_cmpuint (possible, >, 100);
  g_assert_cmpuint (beaten, >, 2);
}

static void
test_preconditions (void)
{
  if (g_test_subprocess ())
    {
      pn_engine_evaluate (NULL, NULL, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*corpus != NULL*");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
  g_assert_no_error (error);
  documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_assert_no_error (error);
  corpus = pn_corpus_new (taxonomy, documents);
  g_assert_true (pn_corpus_check_references (corpus, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pn/engine/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/pn/engine/overlap-names-winner", test_overlap_names_winner);
  g_test_add_func ("/pn/engine/review-names-answer", test_review_names_answer);
  g_test_add_func ("/pn/engine/no-location", test_no_location);
  g_test_add_func ("/pn/engine/text-follows-evaluated-answers", test_text_follows_evaluated_answers);
  g_test_add_func ("/pn/engine/rate-ceiling-said", test_rate_ceiling_said);
  g_test_add_func ("/pn/engine/reason-dates-in-words", test_reason_dates_in_words);
  g_test_add_func ("/pn/engine/text-from-two-threads", test_text_from_two_threads);
  g_test_add_func ("/pn/engine/compiled-conditions", test_compiled_conditions);
  g_test_add_func ("/pn/engine/outline-matches-result", test_outline_matches_result);
  g_test_add_func ("/pn/engine/preconditions", test_preconditions);

  return g_test_run ();
}
