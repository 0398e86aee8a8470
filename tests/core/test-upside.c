/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "up to" side of the engine on the real bundled corpus: each result's
 * high figure, the readings of a sentence, staged payments, the "up to"
 * total and the next steps.  Every figure is worked out by hand from the
 * source text quoted next to it.
 */
#define G_LOG_DOMAIN "test-upside"

#include "config.h"

#include "pn-engine.h"
#include "pn-policy-loader.h"

#include <string.h>

static PnTaxonomy *taxonomy;
static PnCorpus *corpus;

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

static PnResults *
evaluate (PnCorpus   *in,
          const char *args,
          const char *as_of)
{
  g_autoptr(PnProfile) profile = profile_from_args (args, as_of);
  g_autoptr(GError) error = NULL;
  PnResults *results = pn_engine_evaluate (in, profile, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static const PnResult *
find (PnResults  *results,
      const char *benefit_id)
{
  const PnResult *result = pn_results_find (results, benefit_id);

  g_test_message ("%s", benefit_id);
  g_assert_nonnull (result);
  return result;
}

static const PnReadingResult *
find_reading (const PnResult *result,
              const char     *id)
{
  for (guint i = 0; i < result->readings->len; i++)
    {
      const PnReadingResult *reading = g_ptr_array_index (result->readings, i);

      if (g_str_equal (reading->reading->id, id))
        return reading;
    }
  g_error ("no reading %s", id);
  return NULL;
}

static const PnNextStep *
find_step (PnResults  *results,
           const char *id,
           guint      *out_position)
{
  GPtrArray *steps = pn_results_get_next_steps (results);

  for (guint i = 0; i < steps->len; i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);

      if (g_str_equal (step->id, id))
        {
          if (out_position != NULL)
            *out_position = i;
          return step;
        }
    }
  return NULL;
}

/* 晋政文〔2025〕8号 1.2: 对自主研发首次取得高端创新型第二类、第三类医疗器械产品注册证，给予研发投入
 * 40%的奖励，单个品种最高分别不超过200万元、400万元.  With R&D left blank nothing is counted,
 * but the most it can give is the class III cap: ¥4,000,000 (40% of ¥10,000,000 of R&D
 * reaches it). */
#define JINJIANG_DEVICE "location=jinjiang product=device device-class=class-3 innovative-device=true " \
                        "device-type=imaging phase=registered entity=enterprise"

static void
test_blank_figure_high_is_cap (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, JINJIANG_DEVICE, "2026-06-01");
  const PnResult *r = find (results, "jinjiang-2025-8/1.2/class-3-device-registration");
  const PnNextStep *step;

  g_assert_false (r->counted);
  g_assert_cmpstr (pn_not_counted_to_string (r->not_counted), ==, "missing-figure");
  g_assert_cmpint (r->estimate_cny, ==, PN_YUAN_UNSET);
  g_assert_cmpint (r->high_cny, ==, 4000000);
  g_assert_null (r->high_reason.en);

  /* giving the R&D figure is a next step worth that much */
  step = find_step (results, "rd-investment", NULL);
  g_assert_nonnull (step);
  g_assert_cmpint (step->kind, ==, PN_NEXT_STEP_FIGURE);
  g_assert_cmpint (step->adds_high_cny, ==, 4000000);

  /* and once given, the estimate is the same arithmetic: 40% × 5,000,000 */
  {
    g_autoptr(PnResults) given = evaluate (corpus, JINJIANG_DEVICE " rd-investment=5000000", "2026-06-01");
    const PnResult *g = find (given, "jinjiang-2025-8/1.2/class-3-device-registration");

    g_assert_true (g->counted);
    g_assert_cmpint (g->estimate_cny, ==, 2000000);
    g_assert_cmpint (g->high_cny, ==, 2000000);
  }
}

/* The "up to" total of the same device maker, measure by measure:
 *   1.2 class III registration, 最高不超过400万元                            4,000,000
 *   1.2 首台（套）: 国内、省内…分别一次性奖励50万元、30万元 — one overlap group,
 *       only the national ¥500,000 counts (not 500,000 + 300,000)             500,000
 *   1.4 按上级扶持资金的100%配套，配套资金最高200万元                          2,000,000
 *   2.2 取得乙级、甲级非密封放射性工作场所许可的，分别一次性给予100万元、150万元
 *       — one group, only grade A's ¥1,500,000                              1,500,000
 *   3.1 总投资超5000万元…新购置生产设备金额10%的补助，最高不超过1000万元     10,000,000
 *   3.2 高新技术企业 首次认定 20万元、重新认定 10万元 — one recognition is one
 *       of the two, one group: 200,000; 单项冠军 30万元、15万元; 小巨人、省级
 *       专精特新 20万元、10万元                                               950,000
 *   Fujian task 53 (专利质押贷款…予以贴息) states no amount and adds nothing;
 *   4.1 (registration fast track) is not money.                          ----------
 *                                                                      18,950,000 */
static void
test_total_high_takes_best_of_group (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, JINJIANG_DEVICE, "2026-06-01");
  const PnResult *national = find (results, "jinjiang-2025-8/1.2/first-set-equipment-national");
  const PnResult *provincial = find (results, "jinjiang-2025-8/1.2/first-set-equipment-provincial");
  const PnResult *pledge = find (results, "fujian-2022-tasks/53/patent-pledge-interest");

  g_assert_cmpint (national->high_cny, ==, 500000);
  g_assert_cmpint (provincial->high_cny, ==, 300000);
  g_assert_cmpint (pledge->high_cny, ==, PN_YUAN_UNSET);
  g_assert_nonnull (pledge->high_reason.en);
  g_assert_nonnull (strstr (pledge->high_reason.en, "no amount"));

  g_assert_cmpint (pn_results_get_total (results), ==, 0);
  g_assert_cmpint (pn_results_get_total_high (results), ==, 18950000);
}

/* 厦府规〔2023〕17号（十六）"对取得国家临床医学研究中心资质的，给予补足至1000万元": the
 * top-up brings the centre's awards under the article up to ¥10,000,000 together, so with
 * them it gives ¥10,000,000, not their sum.  A Xiamen hospital on 2025-06-01, everything
 * possible; the "up to" figures:
 *   Fujian task 8 national key lab, engineering centre (own groups)     20,000,000
 *   Fujian task 9 provincial, national incubator                          1,500,000
 *   Fujian tasks 18, 19 (each under its own yearly cap of 100万)          1,000,000
 *   Xiamen art. 15 GCP discipline 20万, clinical trial services 200万     2,200,000
 *   Xiamen art. 16: municipal or provincial centre 200万 (one group),
 *     excellent 150万 (one group), national branch 400万, its excellent
 *     200万 = 950万; the top-up to 1000万 adds 50万                      10,000,000
 *                                                                      ----------
 *                                                                      34,700,000
 * (Before, the top-up's ¥6,000,000 — ¥10,000,000 less the branch award alone — was added to
 * all of them: ¥40,200,000.) */
static void
test_total_high_tops_up_several (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=organisation entity=medical-institution",
                                           "2025-06-01");
  const PnResult *top_up = find (results, "xiamen-2023-17/16/national-centre-top-up");

  /* the row alone: the branch award deducted, as its estimate is */
  g_assert_cmpint (top_up->high_cny, ==, 6000000);
  g_assert_cmpint (pn_results_get_total (results), ==, 0);
  g_assert_cmpint (pn_results_get_total_high (results), ==, 34700000);
}

/* An innovative class III device at Xiamen, 2025-12-15: the major-project
 * award is 最高不超过600万元 in 厦府规〔2023〕17号（二） and 最高600万元 in the Fujian
 * task list's task 13, one overlap group (neither under a yearly cap: the 500万元
 * limit of each is its class III sentence's).  The "up to" total once took the
 * first of the tie, the province's; as for the counted total, a tie goes to the
 * more local document: Xiamen's 6,000,000 (its class III ¥1,000,000 in the same
 * group: one first industrialisation) + 3,000,000 + 3,000,000 + 10,000,000 +
 * 5,000,000 + 800,000 = ¥27,800,000. */
static void
test_total_high_tie_goes_local (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=device device-class=class-3 "
                                                   "innovative-device=true device-type=vascular-interventional "
                                                   "phase=marketed sales=1000000 national-funding=0",
                                           "2025-12-15");

  g_assert_cmpint (find (results, "xiamen-2023-17/2/innovative-device-major-project")->high_cny, ==, 6000000);
  g_assert_cmpint (find (results, "fujian-2022-tasks/13/innovative-device-major-project")->high_cny, ==, 6000000);
  g_assert_cmpint (pn_results_get_total (results), ==, 2000000);
  g_assert_cmpint (pn_results_get_total_high (results), ==, 27800000);
}

/* 厦府规〔2023〕17号（四）: 按照国家实际资助1:1的比例予以配套 — no cap but the total project
 * investment, itself not given: with national funding blank there is no upper bound, the
 * result says so in words, and so is the "up to" total.  The figure is the first next
 * step. */
static void
test_uncapped_rate_has_no_high (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=organisation entity=cro", "2026-06-01");
  const PnResult *r = find (results, "xiamen-2023-17/4/national-project-matching");
  GPtrArray *steps = pn_results_get_next_steps (results);
  const PnNextStep *first;

  g_assert_cmpint (r->high_cny, ==, PN_YUAN_UNSET);
  g_assert_nonnull (r->high_reason.en);
  g_assert_nonnull (strstr (r->high_reason.en, "No upper bound"));
  g_assert_nonnull (r->high_reason.zh);
  g_assert_cmpint (pn_results_get_total_high (results), ==, PN_YUAN_UNSET);

  g_assert_cmpuint (steps->len, >, 0);
  first = g_ptr_array_index (steps, 0);
  g_assert_cmpstr (first->id, ==, "national-funding");
  g_assert_cmpint (first->adds_high_cny, ==, PN_YUAN_UNSET);

  /* with the figure given the match is bounded again: 1 × 5,000,000 */
  {
    g_autoptr(PnResults) given = evaluate (corpus, "location=xiamen product=organisation entity=cro "
                                                   "national-funding=5000000 total-investment=20000000",
                                           "2026-06-01");

    g_assert_cmpint (find (given, "xiamen-2023-17/4/national-project-matching")->high_cny, ==, 5000000);
  }
}

/* 晋政文〔2025〕8号 1.1: 完成Ⅰ期、Ⅱ期、Ⅲ期临床试验的，研发投入在省级奖励的基础上配套补足到40%，
 * 最高分别不超过1000万元、2000万元、3000万元.  The provincial award is Fujian task 11's 30%
 * (in force 2022—2025).
 * 2025, Phase II, R&D ¥30,000,000: 40% = 12,000,000 ≤ 20,000,000, minus the province's
 * 30% = 9,000,000: ¥3,000,000 on either reading (the provincial task is in force). */
static void
test_jinjiang_readings_2025 (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=jinjiang product=drug drug-class=innovative "
                                                   "therapeutic-area=oncology phase=phase-2 rd-investment=30000000",
                                           "2025-06-01");
  const PnResult *r = find (results, "jinjiang-2025-8/1.1/innovative-phase-2");
  const PnReadingResult *deducted, *kept;

  g_assert_cmpint (r->estimate_cny, ==, 3000000);
  g_assert_cmpint (r->high_cny, ==, 3000000);
  g_assert_cmpuint (r->readings->len, ==, 2);
  deducted = find_reading (r, "province-deducted");
  kept = find_reading (r, "lapsed-province-not-deducted");
  g_assert_true (deducted->reading->chosen);
  g_assert_false (kept->reading->chosen);
  g_assert_cmpint (deducted->estimate_cny, ==, 3000000);
  g_assert_cmpint (kept->estimate_cny, ==, 3000000);
}

/* 2026, Phase III, R&D ¥200,000,000: 40% = 80,000,000, capped at ¥30,000,000.  The provincial
 * task list lapsed on 2025-12-31.  Read as the corpus chooses (the province's award is still
 * deducted, 30% × 200,000,000 = 60,000,000 capped at its own 3000万元 = ¥30,000,000), nothing
 * is due: ¥0.  Read the other way (a lapsed award is not deducted): ¥30,000,000.  The
 * estimate keeps the chosen reading; the high takes the other. */
static void
test_jinjiang_readings_2026 (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=jinjiang product=drug drug-class=innovative "
                                                   "therapeutic-area=oncology phase=phase-3 rd-investment=200000000",
                                           "2026-06-01");
  const PnResult *r = find (results, "jinjiang-2025-8/1.1/innovative-phase-3");

  g_assert_false (r->counted);
  g_assert_cmpstr (pn_not_counted_to_string (r->not_counted), ==, "nothing-due");
  g_assert_cmpint (r->estimate_cny, ==, 0);
  g_assert_cmpint (find_reading (r, "province-deducted")->estimate_cny, ==, 0);
  g_assert_cmpint (find_reading (r, "lapsed-province-not-deducted")->estimate_cny, ==, 30000000);
  g_assert_cmpint (r->high_cny, ==, 30000000);
  g_assert_nonnull (find_reading (r, "lapsed-province-not-deducted")->reading->text.zh);
  g_assert_cmpint (pn_results_get_total (results), ==, 0);
}

/* 厦府规〔2023〕17号（二十）: 经审核确认的给予最高80万元补贴，按40%、30%、30%的比例分3年发放:
 * 320,000, 240,000 and 240,000. */
static void
test_staged_payment_by_year (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=drug entity=enterprise", "2026-06-01");
  const PnResult *r = find (results, "xiamen-2023-17/20/high-end-talent");
  static const gint64 yearly[] = { 320000, 240000, 240000 };
  gint64 sum = 0;

  g_assert_cmpint (r->estimate_cny, ==, 800000);
  g_assert_cmpuint (r->stages->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const PnStageResult *stage = &g_array_index (r->stages, PnStageResult, i);

      g_assert_cmpuint (stage->year, ==, i + 1);
      g_assert_cmpint (stage->cny, ==, yearly[i]);
      sum += stage->cny;
    }
  g_assert_cmpint (sum, ==, r->estimate_cny);
}

/* A CRO in Xiamen: what would add most, in order.  National funding first (1:1, no upper
 * bound), then the fixed-asset figure of 厦府规〔2023〕17号（十）(按照不超过固定资产投资40%的标准，
 * 给予最高不超过5000万元补助: ¥50,000,000), then the ¥10,000,000 recognitions of （五）. */
static void
test_next_steps_ranked (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=organisation entity=cro", "2026-06-01");
  GPtrArray *steps = pn_results_get_next_steps (results);
  const PnNextStep *fixed_assets;
  guint position = G_MAXUINT;

  fixed_assets = find_step (results, "fixed-assets", &position);
  g_assert_nonnull (fixed_assets);
  g_assert_cmpuint (position, ==, 1);
  g_assert_cmpint (fixed_assets->adds_high_cny, ==, 50000000);
  g_assert_cmpuint (fixed_assets->benefits->len, ==, 1);
  g_assert_cmpstr (((PnBenefit *) g_ptr_array_index (fixed_assets->benefits, 0))->id, ==,
                   "xiamen-2023-17/10/cro-platform-construction");

  /* sorted by what they add, the unbounded first */
  for (guint i = 1; i < steps->len; i++)
    {
      const PnNextStep *a = g_ptr_array_index (steps, i - 1);
      const PnNextStep *b = g_ptr_array_index (steps, i);

      g_assert_true (b->adds_high_cny != PN_YUAN_UNSET);
      g_assert_true (a->adds_high_cny == PN_YUAN_UNSET || a->adds_high_cny >= b->adds_high_cny);
      g_assert_cmpint (b->adds_high_cny, >, 0);
    }
  g_assert_cmpint (((PnNextStep *) g_ptr_array_index (steps, 2))->adds_high_cny, ==, 10000000);

  /* nothing that already counts, and nothing from a draft */
  for (guint i = 0; i < steps->len; i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);

      for (guint b = 0; b < step->benefits->len; b++)
        g_assert_false (g_str_has_prefix (((PnBenefit *) g_ptr_array_index (step->benefits, b))->id,
                                          "xiamen-2025-draft/"));
    }
}

/* A step that opens one of an overlap group adds only what it gives over
 * the group's counted winner: with Xiamen's Phase II award counted
 * (¥12,000,000) a result of the same group adds nothing. */
static void
test_next_step_over_counted_winner (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=drug drug-class=innovative "
                                                   "modality=chemical phase=phase-2 rd-investment=30000000",
                                           "2025-06-01");
  GPtrArray *steps = pn_results_get_next_steps (results);

  g_assert_cmpint (pn_results_get_total (results), ==, 12000000);
  for (guint i = 0; i < steps->len; i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);

      for (guint b = 0; b < step->benefits->len; b++)
        g_assert_cmpstr (((PnBenefit *) g_ptr_array_index (step->benefits, b))->id, !=,
                         "fujian-2022-tasks/11/innovative-phase-2");
    }
  /* the counted award: its high is its estimate */
  g_assert_cmpint (find (results, "xiamen-2023-17/1/innovative-phase-2")->high_cny, ==, 12000000);
}

/* What the next step `id` may add (fails when it is not listed) */
static gint64
step_adds (PnResults  *results,
           const char *id)
{
  GPtrArray *steps = pn_results_get_next_steps (results);

  for (guint i = 0; i < steps->len; i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);

      if (g_strcmp0 (step->id, id) == 0)
        return step->adds_high_cny;
    }
  g_error ("no next step %s", id);
  return 0;
}

/* A product has one milestone: with it left blank, the "up to" total is
 * the most one milestone gives, not the awards of every phase at once.
 * An innovative chemical drug at Xiamen, 2025-06-30, national funding
 * ¥5,000,000 of a ¥8,000,000 project: 厦府规〔2023〕17号（四） 1:1 gives
 * ¥3,000,000 (within the project's total), counted.  The best milestone
 * is Phase III, 最高不超过3000万元 (article 1), which with the other open
 * measures makes ¥55,300,000; adding the Phase I, II and III awards, the
 * 产业化 award, preclinical, overseas trials and approvals together made
 * ¥75,300,000.  Answering the milestone adds at most the ¥30,000,000 of
 * Phase III, as does giving the R&D investment. */
static void
test_total_high_one_milestone (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=drug drug-class=innovative "
                                                   "modality=chemical entity=enterprise "
                                                   "national-funding=5000000 total-investment=8000000",
                                           "2025-06-30");

  g_assert_cmpint (pn_results_get_total (results), ==, 3000000);
  g_assert_cmpint (pn_results_get_total_high (results), ==, 55300000);
  g_assert_cmpint (step_adds (results, "phase"), ==, 30000000);
  g_assert_cmpint (step_adds (results, "rd-investment"), ==, 30000000);
}

/* The same at Jinjiang, 2026-06-30 (the province's task list lapsed):
 * 晋政规〔2025〕8号 1.1's caps are 最高分别不超过1000万元、2000万元、3000万元, one
 * of them for one milestone; answering the therapeutic area opens the
 * best of them and article 3.1's ¥10,000,000, not every phase at once. */
static void
test_total_high_exclusive_answers (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=jinjiang product=drug drug-class=innovative "
                                                   "modality=chemical entity=enterprise national-funding=3000000",
                                           "2026-06-30");

  g_assert_cmpint (pn_results_get_total (results), ==, 2000000);
  g_assert_cmpint (pn_results_get_total_high (results), ==, 44450000);
  g_assert_cmpint (step_adds (results, "therapeutic-area"), ==, 40000000);
  g_assert_cmpint (step_adds (results, "phase"), ==, 30000000);
}

/* One drug class: a Phase II drug at Xiamen of no stated class may be
 * innovative (最高不超过2000万元) or improved (800万元), not both. */
static void
test_next_step_one_drug_class (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=drug phase=phase-2 "
                                                   "rd-investment=100000000",
                                           "2025-06-30");

  g_assert_cmpint (step_adds (results, "drug-class"), ==, 20000000);
}

/* A yearly cap holds what a next step adds: at Putian (no city
 * document), a made-to-measure document's ¥2,000,000 and ¥500,000 count
 * under its 每个单位每年最高500万元; a major project's review would bring
 * up to ¥6,000,000 more, of which the cap lets ¥2,500,000 count. */
static const char capped_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"capdoc\" status=\"final\">\n"
  "  <title><zh>测试</zh><en>Test</en></title>\n"
  "  <issuer><zh>测试</zh><en>Test</en></issuer>\n"
  "  <jurisdiction>putian</jurisdiction>\n"
  "  <validity in-force-from=\"2025-01-01\" in-force-until=\"2027-12-31\"/>\n"
  "  <source file=\"x.txt\" last-verified=\"2026-01-01\"/>\n"
  "  <annual-cap id=\"capdoc/caps/devices\" amount=\"5000000\" per=\"enterprise\" article=\"1\">"
  "<zh>每个单位每年最高500万元</zh><en>At most 5,000,000 a year</en></annual-cap>\n"
  "  <article number=\"1\" chapter=\"一\">\n"
  "    <heading><zh>标题</zh><en>Heading</en></heading>\n"
  "    <original>原文</original>\n"
  "    <summary>Summary</summary>\n"
  "    <benefit id=\"capdoc/1/device\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>"
  "<amount>2000000</amount><conditions><product>device</product><phase>marketed</phase></conditions>"
  "<annual-cap ref=\"capdoc/caps/devices\"/></benefit>\n"
  "    <benefit id=\"capdoc/1/series\" kind=\"fixed\"><title><zh>乙</zh><en>B</en></title>"
  "<amount>500000</amount><conditions><product>device</product><phase>marketed</phase></conditions>"
  "<annual-cap ref=\"capdoc/caps/devices\"/></benefit>\n"
  "    <benefit id=\"capdoc/1/major\" kind=\"fixed\"><title><zh>丙</zh><en>C</en></title>"
  "<amount>6000000</amount><cap>6000000</cap><conditions><product>device</product><phase>marketed</phase></conditions>"
  "<requirement id=\"major-project-review\"><zh>重大项目经评审</zh><en>A major project, after review</en></requirement>"
  "<annual-cap ref=\"capdoc/caps/devices\"/></benefit>\n"
  "  </article>\n"
  "</policy-document>\n";

static void
test_next_step_holds_yearly_cap (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (capped_document, strlen (capped_document));
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = pn_policy_loader_load_document ("capdoc.xml", bytes, taxonomy, &error);
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(PnCorpus) capped = NULL;
  g_autoptr(PnResults) results = NULL;

  g_assert_no_error (error);
  g_ptr_array_add (documents, document);
  capped = pn_corpus_new_overlay (corpus, documents, NULL);
  results = evaluate (capped, "location=putian product=device phase=marketed sales=3000000", "2026-06-30");

  g_assert_cmpint (pn_results_get_total (results), ==, 2500000);
  g_assert_cmpint (find (results, "capdoc/1/major")->high_cny, ==, 5000000);
  g_assert_cmpint (step_adds (results, "major-project-review"), ==, 2500000);
}

/* 晋政规〔2025〕8号 1.1 "在省级奖励的基础上配套补足到40%，最高…3000万元" over
 * the province's 30% (task 11, capped at ¥30,000,000): with R&D blank the
 * top-up alone gives most at its own cap's figure, ¥75,000,000, where it
 * adds ¥30,000,000 − ¥22,500,000 = ¥7,500,000.  It said ¥0 (priced at the
 * figure where the province's cap is reached, where it adds nothing).
 * Beside the province's award the two still give ¥30,000,000 at most: the
 * R&D step adds that, not ¥37,500,000. */
static void
test_top_up_alone (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=jinjiang product=drug drug-class=innovative "
                                                   "modality=biologic therapeutic-area=oncology phase=phase-3",
                                           "2025-07-01");

  g_assert_cmpint (find (results, "jinjiang-2025-8/1.1/innovative-phase-3")->high_cny, ==, 7500000);
  g_assert_cmpint (find (results, "fujian-2022-tasks/11/innovative-phase-3")->high_cny, ==, 30000000);
  g_assert_cmpint (step_adds (results, "rd-investment"), ==, 30000000);
}

/* 晋江 3.1 (新购置生产设备金额10%，最高1000万元) and the province's task 36
 * (设备投资额不超过5%，最高500万元) both take the one equipment figure;
 * the 附则's 就高从优不重复 lets the higher count: giving it adds
 * ¥10,000,000, not ¥15,000,000 (¥20,000,000 with task 36's leading
 * enterprise tier). */
static void
test_equipment_once (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=jinjiang product=drug drug-class=innovative "
                                                   "modality=biologic therapeutic-area=oncology "
                                                   "rd-investment=40000000",
                                           "2025-07-01");

  g_assert_cmpstr (find (results, "jinjiang-2025-8/3.1/new-project-equipment-drug")->benefit->overlap_group, ==,
                   "tech-upgrade-equipment");
  g_assert_cmpint (step_adds (results, "equipment"), ==, 10000000);
}

/* With national funding blank, 厦府规〔2023〕17号（四）'s 1:1 matching leaves
 * the "up to" total without a bound; the measures with a cap still give
 * ¥52,300,000 together (the ¥55,300,000 of /pn/upside/total-high-one-
 * milestone less the ¥3,000,000 the matching gave there): said beside "no
 * upper bound" instead of nothing. */
static void
test_total_high_bounded (void)
{
  g_autoptr(PnResults) open = evaluate (corpus, "location=xiamen product=drug drug-class=innovative "
                                                "modality=chemical entity=enterprise", "2025-06-30");
  g_autoptr(PnResults) closed = evaluate (corpus, "location=xiamen product=drug drug-class=innovative "
                                                  "modality=chemical entity=enterprise "
                                                  "national-funding=5000000 total-investment=8000000",
                                          "2025-06-30");

  g_assert_cmpint (pn_results_get_total_high (open), ==, PN_YUAN_UNSET);
  g_assert_cmpint (pn_results_get_total_high_bounded (open), ==, 52300000);
  g_assert_cmpint (pn_results_get_total_high_bounded (closed), ==, pn_results_get_total_high (closed));
}

/* 厦府规〔2023〕17号（四）: 按照国家实际资助1:1的比例予以配套，国家、省、市项目资助总
 * 金额不超过项目总投入.  With the project's total given (¥20,000,000) and
 * national funding blank, the matching is bounded: at most half of it,
 * ¥10,000,000, when the national funding is the other half.  It said "no
 * upper bound". */
static void
test_combined_limit_bounds (void)
{
  g_autoptr(PnResults) results = evaluate (corpus, "location=xiamen product=drug total-investment=20000000",
                                           "2026-03-01");

  g_assert_cmpint (find (results, "xiamen-2023-17/4/national-project-matching")->high_cny, ==, 10000000);
  g_assert_cmpint (pn_results_get_total_high (results), ==, 48800000);
  g_assert_cmpint (step_adds (results, "national-funding"), ==, 10000000);
}

static gboolean
has_note (const PnResult *result,
          const char     *words)
{
  for (guint i = 0; result->notes != NULL && i < result->notes->len; i++)
    if (strstr (((PnText *) g_ptr_array_index (result->notes, i))->en, words) != NULL)
      return TRUE;
  return FALSE;
}

/* 晋政规〔2025〕8号 took effect on 2025-06-26; "2025年1月1日至正式施行之日符合
 * 条件的参照执行" makes it in force before: said, not left to guess why a
 * measure is "In force" on 2025-03-01. */
static void
test_reach_back_said (void)
{
  const char *args = "location=jinjiang product=device device-class=class-3 innovative-device=true "
                     "device-type=imaging phase=registered rd-investment=10000000";
  g_autoptr(PnResults) before = evaluate (corpus, args, "2025-03-01");
  g_autoptr(PnResults) after = evaluate (corpus, args, "2025-07-01");

  g_assert_true (has_note (find (before, "jinjiang-2025-8/1.2/class-3-device-registration"), "reach-back"));
  g_assert_false (has_note (find (after, "jinjiang-2025-8/1.2/class-3-device-registration"), "reach-back"));
}

/* A measure drafted from the text and not yet reviewed never counts: it
 * is a possible match that still needs a person's review, and its high is
 * what it would give. */
/* The benefit `id` of bundled documents loaded for one test, to change
 * before a corpus of its own is made of them. */
static PnBenefit *
benefit_in (GPtrArray  *documents,
            const char *id)
{
  for (guint d = 0; d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);

      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);

          for (guint b = 0; b < article->benefits->len; b++)
            if (g_str_equal (((PnBenefit *) g_ptr_array_index (article->benefits, b))->id, id))
              return g_ptr_array_index (article->benefits, b);
        }
    }
  g_error ("no benefit %s", id);
}

static void
test_unreviewed_never_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_autoptr(PnCorpus) drafted = NULL;
  g_autoptr(PnResults) results = NULL;
  const PnResult *r;
  const PnNextStep *step;

  g_assert_no_error (error);
  benefit_in (documents, "xiamen-2023-17/1/innovative-phase-2")->reviewed = FALSE;
  drafted = pn_corpus_new (taxonomy, documents);

  results = evaluate (drafted, "location=xiamen product=drug drug-class=innovative "
                               "modality=chemical phase=phase-2 rd-investment=30000000", "2025-06-01");
  r = find (results, "xiamen-2023-17/1/innovative-phase-2");
  g_assert_false (r->counted);
  g_assert_cmpint (r->match, ==, PN_MATCH_POSSIBLE);
  g_assert_true (g_ptr_array_find_with_equal_func (r->missing, "unreviewed", g_str_equal, NULL));
  g_assert_cmpint (r->high_cny, ==, 12000000);
  /* the province's 30% = 9,000,000 counts instead */
  g_assert_true (find (results, "fujian-2022-tasks/11/innovative-phase-2")->counted);
  g_assert_cmpint (pn_results_get_total (results), ==, 9000000);

  /* a review would add what the drafted award gives over it */
  step = find_step (results, "unreviewed", NULL);
  g_assert_nonnull (step);
  g_assert_cmpint (step->adds_high_cny, ==, 3000000);
}

/* /pn/upside/top-up-of-unstored-award: a top-up of an award no stored
 * document holds (a consultant's Suzhou text over a Jiangsu award) is not
 * counted in full: what the other award gave is not known.  Jinjiang 1.1
 * with its province's award renamed away. */
static void
test_top_up_of_unstored_award (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_autoptr(PnCorpus) alone = NULL;
  g_autoptr(PnResults) results = NULL;
  const PnResult *r;
  PnBenefit *top_up;

  g_assert_no_error (error);
  top_up = benefit_in (documents, "jinjiang-2025-8/1.1/innovative-phase-2");
  g_strfreev (top_up->tops_up);
  top_up->tops_up = g_new0 (char *, 2);
  top_up->tops_up[0] = g_strdup ("jiangsu-2026-1/3/innovative-phase-2");
  alone = pn_corpus_new (taxonomy, documents);

  results = evaluate (alone, "location=jinjiang product=drug drug-class=innovative therapeutic-area=oncology "
                             "phase=phase-2 rd-investment=30000000", "2025-06-01");
  r = find (results, "jinjiang-2025-8/1.1/innovative-phase-2");
  g_assert_false (r->counted);
  g_assert_cmpint (r->not_counted, ==, PN_NOT_COUNTED_UNSPECIFIED);
  g_assert_nonnull (strstr (r->derivation.en, "in no stored policy document"));
}

/* /pn/upside/annual-cap-holds-counted: a yearly cap holds the counted
 * total as it holds the "up to" one: Xiamen art. 2's class III and
 * innovative device awards (¥1,000,000 + ¥2,000,000) under a cap of
 * ¥2,500,000 a year count ¥2,500,000, the last giving up ¥500,000 and
 * saying so. */
static void
test_annual_cap_holds_counted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_autoptr(PnCorpus) capped = NULL;
  g_autoptr(PnResults) results = NULL;
  const char *ids[] = { "xiamen-2023-17/2/class-3-device-industrialisation",
                        "xiamen-2023-17/2/innovative-device-industrialisation" };
  PnAnnualCap *cap = pn_annual_cap_new ();
  const PnResult *first, *last;
  PnResultOutline outline;

  g_assert_no_error (error);
  cap->id = g_strdup ("xiamen-2023-17/caps/test-device");
  cap->amount = 2500000;
  cap->per = g_strdup ("enterprise");
  cap->article = g_strdup ("2");
  cap->text.zh = g_strdup ("测试：每家企业每年不超过250万元");
  cap->text.en = g_strdup ("Test: at most 2,500,000 yuan per enterprise a year");
  g_ptr_array_add (benefit_in (documents, ids[0])->document->annual_caps, cap);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      PnBenefit *benefit = benefit_in (documents, ids[i]);

      g_strfreev (benefit->annual_caps);
      benefit->annual_caps = g_new0 (char *, 2);
      benefit->annual_caps[0] = g_strdup (cap->id);
    }
  /* the two reward one first industrialisation, one overlap group in the
   * corpus: here they both count, for the cap to hold them */
  g_clear_pointer (&benefit_in (documents, ids[1])->overlap_group, g_free);
  capped = pn_corpus_new (taxonomy, documents);

  /* (the province's task list has ended: its awards stay out of the groups) */
  results = evaluate (capped, "location=xiamen product=device device-class=class-3 innovative-device=true "
                              "phase=marketed sales=500000", "2026-06-01");
  g_assert_cmpint (pn_results_get_total (results), ==, 2500000);
  first = find (results, ids[0]);
  last = find (results, ids[1]);
  g_assert_true (first->counted && last->counted);
  g_assert_cmpint (first->estimate_cny + last->estimate_cny, ==, 2500000);
  g_assert_cmpint (last->estimate_cny, ==, 1500000);
  g_assert_nonnull (strstr (last->derivation.en, "yearly cap"));
  /* the outline a list shows agrees with the result */
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    if (pn_results_get_result (results, i) == last)
      {
        pn_results_get_outline (results, i, &outline);
        g_assert_cmpint (outline.estimate_cny, ==, 1500000);
      }
  /* and "up to" is no less than what counts */
  g_assert_true (pn_results_get_total_high (results) == PN_YUAN_UNSET ||
                 pn_results_get_total_high (results) >= pn_results_get_total (results));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
  g_assert_no_error (error);
  documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_assert_no_error (error);
  corpus = pn_corpus_new (taxonomy, documents);

  g_test_add_func ("/pn/upside/blank-figure-high-is-cap", test_blank_figure_high_is_cap);
  g_test_add_func ("/pn/upside/total-high-takes-best-of-group", test_total_high_takes_best_of_group);
  g_test_add_func ("/pn/upside/total-high-tops-up-several", test_total_high_tops_up_several);
  g_test_add_func ("/pn/upside/total-high-tie-goes-local", test_total_high_tie_goes_local);
  g_test_add_func ("/pn/upside/uncapped-rate-has-no-high", test_uncapped_rate_has_no_high);
  g_test_add_func ("/pn/upside/jinjiang-readings-2025", test_jinjiang_readings_2025);
  g_test_add_func ("/pn/upside/jinjiang-readings-2026", test_jinjiang_readings_2026);
  g_test_add_func ("/pn/upside/staged-payment-by-year", test_staged_payment_by_year);
  g_test_add_func ("/pn/upside/next-steps-ranked", test_next_steps_ranked);
  g_test_add_func ("/pn/upside/next-step-over-counted-winner", test_next_step_over_counted_winner);
  g_test_add_func ("/pn/upside/unreviewed-never-counts", test_unreviewed_never_counts);
  g_test_add_func ("/pn/upside/annual-cap-holds-counted", test_annual_cap_holds_counted);
  g_test_add_func ("/pn/upside/top-up-of-unstored-award", test_top_up_of_unstored_award);
  g_test_add_func ("/pn/upside/total-high-one-milestone", test_total_high_one_milestone);
  g_test_add_func ("/pn/upside/total-high-exclusive-answers", test_total_high_exclusive_answers);
  g_test_add_func ("/pn/upside/next-step-one-drug-class", test_next_step_one_drug_class);
  g_test_add_func ("/pn/upside/next-step-holds-yearly-cap", test_next_step_holds_yearly_cap);
  g_test_add_func ("/pn/upside/reach-back-said", test_reach_back_said);
  g_test_add_func ("/pn/upside/total-high-bounded", test_total_high_bounded);
  g_test_add_func ("/pn/upside/combined-limit-bounds", test_combined_limit_bounds);
  g_test_add_func ("/pn/upside/top-up-alone", test_top_up_alone);
  g_test_add_func ("/pn/upside/equipment-once", test_equipment_once);

  status = g_test_run ();
  pn_corpus_unref (corpus);
  pn_taxonomy_unref (taxonomy);
  return status;
}
