/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pipeline"

#include "config.h"

#include "pn-application.h"
#include "pn-engine.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-pipeline.h"
#include "pn-test-util.h"
#include "pn-window.h"
#include "planning/pn-pipeline-chart.h"
#include "planning/pn-pipeline-view.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

/* 厦府规〔2023〕17号 art. 1: "对在本市转化的创新药…完成Ⅰ、Ⅱ、Ⅲ期临床试验的，按照
 * 研发投入最高不超过 40%的标准，分别给予最高不超过 1000 万元、2000 万元、3000 万元
 * 的奖励": with ¥30,000,000 of R&D, Phase II gives 40% = ¥12,000,000 under
 * its ¥20,000,000 cap, which ¥50,000,000 of R&D reaches. */
#define RD_INVESTMENT          G_GINT64_CONSTANT (30000000)
#define PHASE_2_BY_HAND        G_GINT64_CONSTANT (12000000)
#define PHASE_2_CAP_BY_HAND    G_GINT64_CONSTANT (20000000)
#define PHASE_2_RD_FOR_CAP     G_GINT64_CONSTANT (50000000)

/* The application, its window and the view under test: pn-test-util. */
typedef PnTestFixture Fixture;

/* ---- the real application on a temporary store ---- */

static GtkWidget *
view_child (Fixture    *fixture,
            const char *name)
{
  return pn_test_template_child (GTK_WIDGET (fixture->view), PN_TYPE_PIPELINE_VIEW, name);
}

/* ---- profiles ---- */

/* Scrolls the view so that `widget` is near the top. */
static void
scroll_to (Fixture   *fixture,
           GtkWidget *widget)
{
  GtkWidget *scrolled = view_child (fixture, "scrolled_window");
  GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), point.y - 60);
}

static void
set_drug_profile (Fixture *fixture)
{
  pn_profile_clear (fixture->profile);
  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_as_of (fixture->profile, "2025-08-01");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, RD_INVESTMENT);
}

static void
set_device_profile (Fixture *fixture)
{
  pn_profile_clear (fixture->profile);
  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_as_of (fixture->profile, "2025-08-01");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "device");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS, "class-3");
}

static void
show_pipeline (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-pipeline", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "pipeline");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture, "content_stack")));
}

/* ---- reading the table ---- */

static GtkWidget *
stage_row (Fixture    *fixture,
           const char *phase)
{
  GtkListBox *list = GTK_LIST_BOX (view_child (fixture, "stage_list"));
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), phase) == 0)
        return GTK_WIDGET (row);
    }

  return NULL;
}

static guint
n_stage_rows (Fixture *fixture)
{
  GtkListBox *list = GTK_LIST_BOX (view_child (fixture, "stage_list"));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static const char *
row_text (GtkWidget  *row,
          const char *name)
{
  GtkWidget *label = pn_test_find_widget (row, GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static void
assert_amount (GtkWidget  *row,
               const char *name,
               gint64      yuan)
{
  g_autofree char *expected = yuan != PN_YUAN_UNSET ? pn_money_format_yuan (yuan) : g_strdup (_("No cap"));

  g_assert_cmpstr (row_text (row, name), ==, expected);
}

/* The counted estimate of the milestone measures of a separate engine run
 * with the phase set to `phase`: what the stage must show. */
static gint64
engine_milestone_total (Fixture    *fixture,
                        const char *phase,
                        guint      *out_counted)
{
  g_autoptr(PnProfile) profile = pn_profile_copy (fixture->profile);
  g_autoptr(PnResults) results = NULL;
  gint64 total = 0;

  pn_profile_set_answer (profile, PN_QUESTION_PHASE, phase);
  results = pn_engine_evaluate (pn_application_get_corpus (fixture->app), profile, NULL);
  *out_counted = 0;

  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);

      if (!result->counted || pn_benefit_find_condition (result->benefit, PN_QUESTION_PHASE) == NULL)
        continue;
      total += result->estimate_cny;
      (*out_counted)++;
    }

  return total;
}

/* Every row against the core's pipeline for the same profile, and each
 * estimate against a separate engine run for its milestone. */
/* stages with measures not counted until open questions are answered,
 * over the tests so far */
static guint n_open_lines;

static PnPipeline *
check_table (Fixture                *fixture,
             const PnPipelineFigure *figures,
             guint                   n_figures)
{
  PnCorpus *corpus = pn_application_get_corpus (fixture->app);
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);
  g_autoptr(GError) error = NULL;
  PnPipeline *pipeline = pn_pipeline_new (corpus, fixture->profile, figures, n_figures, &error);
  GtkListBox *list = GTK_LIST_BOX (view_child (fixture, "stage_list"));
  PnPipelineChart *chart = PN_PIPELINE_CHART (view_child (fixture, "chart"));

  g_assert_no_error (error);
  g_assert_cmpstr (visible_page (fixture), ==, "pipeline");
  g_assert_cmpuint (pn_pipeline_get_n_stages (pipeline), >, 0);
  g_assert_cmpuint (n_stage_rows (fixture), ==, pn_pipeline_get_n_stages (pipeline));
  g_assert_cmpuint (pn_pipeline_get_n_stages (pn_pipeline_chart_get_pipeline (chart)), ==,
                    pn_pipeline_get_n_stages (pipeline));

  for (guint i = 0; i < pn_pipeline_get_n_stages (pipeline); i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (pipeline, i);
      const PnPipelineStage *drawn = pn_pipeline_get_stage (pn_pipeline_chart_get_pipeline (chart), i);
      GtkWidget *row = stage_row (fixture, stage->phase);
      gboolean own_stage = FALSE;
      guint counted;

      g_test_message ("%s: %" G_GINT64_FORMAT " counted, cap %" G_GINT64_FORMAT,
                      stage->phase, stage->milestone_total_cny, stage->ceiling_cny);
      g_assert_nonnull (row);
      /* in the order of the phase vocabulary */
      g_assert_true (gtk_list_box_get_row_at_index (list, i) == GTK_LIST_BOX_ROW (row));
      g_assert_cmpstr (row_text (row, "stage"), ==,
                       pn_gui_term_label (pn_taxonomy_get_term (taxonomy, "phase", stage->phase)));
      g_assert_true (pn_test_label_is_simplified_chinese (GTK_LABEL (pn_test_find_widget (row, GTK_TYPE_LABEL, "stage"))));
      if (pn_gui_get_lang () == PN_LANG_ZH)
        g_assert_false (g_str_is_ascii (row_text (row, "stage")));

      assert_amount (row, "estimate", stage->milestone_total_cny);
      assert_amount (row, "ceiling", stage->ceiling_cny);

      /* The chart draws the same amounts. */
      g_assert_cmpstr (drawn->phase, ==, stage->phase);
      g_assert_cmpint (drawn->milestone_total_cny, ==, stage->milestone_total_cny);
      g_assert_cmpint (drawn->ceiling_cny, ==, stage->ceiling_cny);

      /* A stage's own figures change its engine run only. */
      for (guint f = 0; f < n_figures; f++)
        own_stage |= g_str_equal (figures[f].phase, stage->phase);
      if (!own_stage)
        {
          g_assert_cmpint (engine_milestone_total (fixture, stage->phase, &counted), ==,
                           stage->milestone_total_cny);
          g_assert_cmpuint (counted, ==, stage->milestone_count);
        }

      for (guint n = 0; n < stage->needs->len; n++)
        {
          const PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, n);
          g_autofree char *name = g_strconcat ("need-", pn_figure_to_string (need->figure), NULL);
          const char *text = row_text (row, name);

          g_autofree char *first_line = g_strndup (text, strcspn (text, "\n"));

          if (need->for_ceiling_cny == PN_YUAN_UNSET)
            g_assert_cmpstr (first_line, ==, _("No cap: a higher figure gives more"));
          else if (need->for_ceiling_cny == 0 && stage->milestone_count == 0)
            g_assert_cmpstr (first_line, ==, _("No counted measure reads it yet"));
          else if (need->for_ceiling_cny == 0)
            g_assert_cmpstr (first_line, ==, _("Any amount reaches the cap"));
          else
            {
              g_autofree char *amount = pn_money_format_yuan (need->for_ceiling_cny);
              g_autofree char *expected = g_strdup_printf (_("%s reaches the cap"), amount);

              g_assert_cmpstr (first_line, ==, expected);
            }
          if (need->given_cny != PN_YUAN_UNSET)
            {
              g_autofree char *given = pn_money_format_yuan (need->given_cny);

              g_assert_nonnull (strstr (text, given));
            }
        }

      /* What is not counted until open questions are answered, with the
       * largest "up to" of the Results (the cap read ¥0 beside them) */
      {
        guint open = 0;
        gint64 most = 0;
        gboolean unbounded = FALSE;
        GtkWidget *label = pn_test_find_widget (row, GTK_TYPE_LABEL, "open");

        for (guint m = 0; m < stage->milestones->len; m++)
          {
            const PnResult *result = g_ptr_array_index (stage->milestones, m);

            if (result->counted || result->not_counted != PN_NOT_COUNTED_POSSIBLE)
              continue;
            open++;
            if (result->high_cny == PN_YUAN_UNSET)
              unbounded = unbounded || result->unbounded;
            else
              most = MAX (most, result->high_cny);
          }
        g_assert_true ((label != NULL) == (open > 0));
        if (open > 0 && !unbounded)
          {
            g_autofree char *amount = pn_money_format_yuan (most);

            g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), amount));
          }
        n_open_lines += open > 0;
      }

      /* The row says it all to a screen reader. */
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL));
    }

  return pipeline;
}

/* ---- /pn/gui/pipeline/templates ---- */

static void
test_templates (void)
{
  GType types[] = { PN_TYPE_PIPELINE_VIEW, PN_TYPE_PIPELINE_CHART };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GObject *object = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (GTK_IS_WIDGET (object));
      g_object_unref (object);
    }
}

/* ---- /pn/gui/pipeline/compact-amounts ---- */

static void
test_compact_amounts (void)
{
  static const struct {
    gint64      yuan;
    const char *en;
  } cases[] = {
    { 0, "¥0" },
    { 800, "¥800" },
    { 500000, "¥500K" },
    { 7500000, "¥7.5M" },
    { 12000000, "¥12M" },
    { 12345678, "¥12.3M" },
    { 999999999, "¥1B" },
    { 999999, "¥1M" },
    { 123456789, "¥123M" },
    { G_GINT64_CONSTANT (1500000000), "¥1.5B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pn_pipeline_chart_format_amount (cases[i].yuan);

      if (pn_gui_get_lang () == PN_LANG_ZH)
        {
          g_autofree char *wan = pn_money_format_wan (cases[i].yuan);

          g_assert_cmpstr (text, ==, wan);
        }
      else
        g_assert_cmpstr (text, ==, cases[i].en);
    }
}

/* ---- /pn/gui/pipeline/declared-place ---- */

/* A place only an imported document declares: named in the summary, its
 * Phase II award (¥2,000,000, fixed) on its milestone. */
static void
test_declared_place (Fixture *fixture)
{
  g_autofree char *date = pn_gui_format_date ("2025-08-01");
  g_autofree char *summary = NULL;

  pn_test_import_shenzhen (fixture);
  show_pipeline (fixture);
  set_drug_profile (fixture);
  pn_profile_set_location (fixture->profile, "shenzhen");
  pn_test_flush ();
  summary = g_strdup_printf (_("A drug in %s, as of %s"), pn_gui_get_lang () == PN_LANG_ZH ? "深圳市" : "Shenzhen", date);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture, "summary_label"))), ==, summary);
  assert_amount (stage_row (fixture, "phase-2"), "estimate", 2000000);
}

/* ---- /pn/gui/pipeline/drug ---- */

static void
test_drug (Fixture *fixture)
{
  g_autoptr(PnPipeline) pipeline = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *date = pn_gui_format_date ("2025-08-01");
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_application_get_corpus (fixture->app));
  static const char * const drug_stages[] = {
    "preclinical", "phase-1", "phase-2", "phase-3", "overseas-clinical", "marketed", "overseas-approval",
  };
  GtkWidget *row;

  set_drug_profile (fixture);
  /* opened from the results, Back is back to them */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  show_pipeline (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
  show_pipeline (fixture);
  pipeline = check_table (fixture, NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (drug_stages); i++)
    g_assert_nonnull (stage_row (fixture, drug_stages[i]));
  g_assert_null (stage_row (fixture, "consistency-evaluation"));

  /* By hand from the article. */
  row = stage_row (fixture, "phase-2");
  assert_amount (row, "estimate", PHASE_2_BY_HAND);
  assert_amount (row, "ceiling", PHASE_2_CAP_BY_HAND);
  {
    g_autofree char *amount = pn_money_format_yuan (PHASE_2_RD_FOR_CAP);

    g_assert_nonnull (strstr (row_text (row, "need-rd-investment"), amount));
  }

  summary = g_strdup_printf (_("A drug in %s, as of %s"),
                             pn_gui_term_label (pn_taxonomy_get_location (taxonomy, "xiamen")), date);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture, "summary_label"))), ==, summary);

  /* The whole pipeline: every milestone's counted estimate added up. */
  {
    gint64 sum = 0;
    g_autofree char *amount = NULL;
    g_autofree char *total = NULL;

    for (guint i = 0; i < pn_pipeline_get_n_stages (pipeline); i++)
      sum += pn_pipeline_get_stage (pipeline, i)->milestone_total_cny;
    g_assert_cmpint (sum, >=, PHASE_2_BY_HAND);
    amount = pn_money_format_yuan (sum);
    total = g_strdup_printf (_("Whole pipeline: %s"), amount);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture, "total_label"))), ==, total);
  }

  /* The counted Phase II award (厦府规〔2023〕17号, 有效期至2026年12月31日)
   * ends: the note under the total says when the first counted one does */
  {
    const char *first = NULL;
    g_autofree char *date_end = NULL;
    const char *note = gtk_label_get_text (GTK_LABEL (view_child (fixture, "total_note_label")));

    for (guint i = 0; i < pn_pipeline_get_n_stages (pipeline); i++)
      {
        const PnPipelineStage *stage = pn_pipeline_get_stage (pipeline, i);

        for (guint m = 0; m < stage->milestones->len; m++)
          {
            const PnResult *result = g_ptr_array_index (stage->milestones, m);

            if (result->counted && result->valid_until != NULL && (first == NULL || strcmp (result->valid_until, first) < 0))
              first = result->valid_until;
          }
      }
    g_assert_nonnull (first);
    g_assert_cmpstr (first, <=, "2026-12-31");
    date_end = pn_gui_format_date (first);
    g_test_message ("%s", note);
    g_assert_nonnull (strstr (note, date_end));
  }

  /* The corpus going and coming back. */
  pn_pipeline_view_set_corpus (fixture->view, NULL);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  pn_pipeline_view_set_corpus (fixture->view, pn_application_get_corpus (fixture->app));
  g_assert_cmpstr (visible_page (fixture), ==, "pipeline");
  g_clear_pointer (&pipeline, pn_pipeline_unref);
  pipeline = check_table (fixture, NULL, 0);

  /* Off screen the view waits; shown again, it is up to date. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  pn_profile_set_as_of (fixture->profile, "2025-09-01");
  show_pipeline (fixture);
  g_clear_pointer (&pipeline, pn_pipeline_unref);
  pipeline = check_table (fixture, NULL, 0);
  g_assert_cmpstr (pn_pipeline_get_as_of (pn_pipeline_chart_get_pipeline (PN_PIPELINE_CHART (view_child (fixture, "chart")))),
                   ==, "2025-09-01");
}

/* ---- /pn/gui/pipeline/device ---- */

static void
test_device (Fixture *fixture)
{
  g_autoptr(PnPipeline) pipeline = NULL;
  static const char * const drug_only[] = {
    "preclinical", "phase-1", "phase-2", "phase-3", "consistency-evaluation",
  };

  show_pipeline (fixture);
  set_device_profile (fixture);
  pipeline = check_table (fixture, NULL, 0);

  g_assert_cmpstr (pn_pipeline_get_product (pipeline), ==, "device");
  g_assert_nonnull (stage_row (fixture, "marketed"));
  for (guint i = 0; i < G_N_ELEMENTS (drug_only); i++)
    g_assert_null (stage_row (fixture, drug_only[i]));
  {
    PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_application_get_corpus (fixture->app));
    g_autofree char *date = pn_gui_format_date ("2025-08-01");
    g_autofree char *summary = g_strdup_printf (_("A medical device in %s, as of %s"),
                                                pn_gui_term_label (pn_taxonomy_get_location (taxonomy, "xiamen")),
                                                date);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture, "summary_label"))), ==, summary);
  }

  /* Cumulative sales reach the cap of the marketed milestone. */
  g_assert_nonnull (pn_test_find_widget (stage_row (fixture, "marketed"), GTK_TYPE_LABEL, "need-sales"));

  /* At Jinjiang, a class III device whose special review is not answered:
   * each milestone's measure is open, "up to" its figure (the page said a
   * cap of ¥0, and that any amount of R&D reached it) */
  pn_profile_set_location (fixture->profile, "jinjiang");
  pn_profile_set_as_of (fixture->profile, "2026-06-01");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 30000000);
  pn_test_flush ();
  g_clear_pointer (&pipeline, pn_pipeline_unref);
  n_open_lines = 0;
  pipeline = check_table (fixture, NULL, 0);
  g_assert_cmpuint (n_open_lines, ==, 3);
  g_assert_nonnull (strstr (row_text (stage_row (fixture, "registered"), "open"), "4,000,000"));
  g_assert_cmpstr (row_text (stage_row (fixture, "registered"), "need-rd-investment"), !=, NULL);
  g_assert_true (g_str_has_prefix (row_text (stage_row (fixture, "registered"), "need-rd-investment"),
                                   _("No counted measure reads it yet")));
  /* the whole's "at most ¥0" says more may come of them */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (view_child (fixture, "total_note_label"))),
                            _("Measures still open may add more once their questions are answered (“Still open” below).")));
  {
    GtkWidget *row = stage_row (fixture, "registered");

    gtk_widget_grab_focus (row);
    pn_test_flush ();
    pn_test_window_screenshot (fixture->window, "pipeline-still-open");
  }
}

/* ---- /pn/gui/pipeline/unsupported ---- */

static void
assert_status_button (Fixture    *fixture,
                      const char *button_name)
{
  GtkWidget *button = view_child (fixture, button_name);

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.edit-answers");
  g_assert_true (gtk_widget_is_sensitive (button));
}

static void
test_unsupported (Fixture *fixture)
{
  static const char * const products[] = { "organisation", "health-product" };
  AdwStatusPage *page = ADW_STATUS_PAGE (view_child (fixture, "unsupported_page"));

  show_pipeline (fixture);

  /* No answers, then a location only. */
  g_assert_cmpstr (visible_page (fixture), ==, "empty");
  assert_status_button (fixture, "empty_button");
  pn_profile_set_location (fixture->profile, "xiamen");
  g_assert_cmpstr (visible_page (fixture), ==, "unsupported");
  g_assert_nonnull (adw_status_page_get_description (page));

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      const PnTerm *term = pn_taxonomy_get_term (pn_corpus_get_taxonomy (pn_application_get_corpus (fixture->app)),
                                                 "product", products[i]);

      pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, products[i]);
      g_assert_cmpstr (visible_page (fixture), ==, "unsupported");
      g_assert_nonnull (strstr (adw_status_page_get_description (page), pn_gui_term_label (term)));
      assert_status_button (fixture, "unsupported_button");
    }
  pn_test_window_screenshot (fixture->window, "pipeline-unsupported");

  /* The location cleared: back to the first state. */
  pn_profile_set_location (fixture->profile, NULL);
  g_assert_cmpstr (visible_page (fixture), ==, "empty");

  /* A device where no measure is tied to a milestone. */
  pn_profile_clear (fixture->profile);
  pn_profile_set_location (fixture->profile, "fuzhou");
  pn_profile_set_as_of (fixture->profile, "2025-08-01");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS, "class-2");
  {
    g_autoptr(PnPipeline) pipeline = pn_pipeline_new (pn_application_get_corpus (fixture->app), fixture->profile,
                                                      NULL, 0, NULL);

    g_assert_nonnull (pipeline);
    g_assert_cmpuint (pn_pipeline_get_n_stages (pipeline), ==, 0);
  }
  g_assert_cmpstr (visible_page (fixture), ==, "no-stages");
  assert_status_button (fixture, "no_stages_button");

  /* A drug again: the pipeline. */
  set_drug_profile (fixture);
  g_assert_cmpstr (visible_page (fixture), ==, "pipeline");
}

/* ---- /pn/gui/pipeline/figures ---- */

static GtkWidget *
override_entry (Fixture    *fixture,
                const char *phase,
                const char *figure)
{
  g_autofree char *name = g_strdup_printf ("%s:%s", phase, figure);
  GtkWidget *entry = pn_test_find_widget (view_child (fixture, "overrides_list"), ADW_TYPE_ENTRY_ROW, name);

  g_assert_nonnull (entry);

  return entry;
}

static void
test_figures (Fixture *fixture)
{
  g_autoptr(PnPipeline) pipeline = NULL;
  PnPipelineFigure own = { "phase-2", PN_FIGURE_RD_INVESTMENT, PHASE_2_RD_FOR_CAP };
  g_autofree char *phase_1_before = NULL;
  GtkWidget *entry;
  GtkWidget *expander;

  show_pipeline (fixture);
  set_drug_profile (fixture);
  pipeline = check_table (fixture, NULL, 0);
  g_clear_pointer (&pipeline, pn_pipeline_unref);

  /* The profile's figure: every milestone follows at once. */
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 10000000);
  pipeline = check_table (fixture, NULL, 0);
  /* 40% of ¥10,000,000 */
  assert_amount (stage_row (fixture, "phase-2"), "estimate", 4000000);
  g_clear_pointer (&pipeline, pn_pipeline_unref);

  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, RD_INVESTMENT);
  pipeline = check_table (fixture, NULL, 0);
  g_clear_pointer (&pipeline, pn_pipeline_unref);
  phase_1_before = g_strdup (row_text (stage_row (fixture, "phase-1"), "estimate"));

  /* Phase II's own R&D figure: its cap, the other milestones unchanged. */
  expander = pn_test_find_widget (view_child (fixture, "overrides_list"), ADW_TYPE_EXPANDER_ROW, "override-phase-2");
  g_assert_nonnull (expander);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  entry = override_entry (fixture, "phase-2", "rd-investment");
  gtk_editable_set_text (GTK_EDITABLE (entry), "5000万");
  pipeline = check_table (fixture, &own, 1);
  assert_amount (stage_row (fixture, "phase-2"), "estimate", PHASE_2_CAP_BY_HAND);
  g_assert_cmpstr (row_text (stage_row (fixture, "phase-1"), "estimate"), ==, phase_1_before);
  g_assert_nonnull (g_object_get_data (G_OBJECT (pn_test_find_widget (stage_row (fixture, "phase-2"), GTK_TYPE_LABEL,
                                                                       "need-rd-investment")),
                                       "pn-own-figure"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), !=, _("The client’s figures"));
  g_clear_pointer (&pipeline, pn_pipeline_unref);
  /* The entry stays the same widget while typing. */
  g_assert_true (override_entry (fixture, "phase-2", "rd-investment") == entry);
  scroll_to (fixture, view_child (fixture, "overrides_group"));
  pn_test_window_screenshot (fixture->window, "pipeline-own-figure");

  /* Not an amount: marked, the last good one kept. */
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (entry), "x", -1, &position);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "5000万x");
  }
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  pipeline = check_table (fixture, &own, 1);
  g_clear_pointer (&pipeline, pn_pipeline_unref);

  /* The profile's figure changing leaves the milestone's own in place. */
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 20000000);
  pipeline = check_table (fixture, &own, 1);
  g_clear_pointer (&pipeline, pn_pipeline_unref);

  /* Emptied: the profile's figure again. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  pipeline = check_table (fixture, NULL, 0);
  /* 40% of ¥20,000,000 */
  assert_amount (stage_row (fixture, "phase-2"), "estimate", 8000000);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (expander)), ==, _("The client’s figures"));
}

/* ---- /pn/gui/pipeline/no-cap ---- */

/* A rate without a cap on a milestone, imported into the test's store:
 * no bundled measure has one. */
static const char uncapped_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"test-uncapped\" status=\"final\">\n"
  "  <title><zh>测试文件</zh><en>Test document</en></title>\n"
  "  <issuer><zh>测试</zh><en>Test</en></issuer>\n"
  "  <jurisdiction>sanming</jurisdiction>\n"
  "  <validity in-force-from=\"2020-01-01\"/>\n"
  "  <source file=\"test.txt\" last-verified=\"2026-11-23\"/>\n"
  "  <article number=\"1\" chapter=\"一\">\n"
  "    <heading><zh>临床奖励测试</zh><en>Test</en></heading>\n"
  "    <original>按研发投入的10%给予奖励</original>\n"
  "    <summary>A test.</summary>\n"
  "    <benefit id=\"test-uncapped/1/a\" kind=\"rate\">\n"
  "      <title><zh>甲</zh><en>A</en></title>\n"
  "      <rate>0.1</rate>\n"
  "      <base>rd-investment</base>\n"
  "      <conditions><product>drug</product><drug-class>innovative</drug-class><phase>phase-1</phase></conditions>\n"
  "    </benefit>\n"
  "  </article>\n"
  "</policy-document>\n";

static void
test_no_cap (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->db_dir, "test-uncapped.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(PnPipeline) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  show_pipeline (fixture);
  set_drug_profile (fixture);
  pn_profile_set_location (fixture->profile, "sanming");
  pipeline = check_table (fixture, NULL, 0);
  g_assert_cmpint (pn_pipeline_get_stage (pipeline, 0)->ceiling_cny, !=, PN_YUAN_UNSET);
  g_clear_pointer (&pipeline, pn_pipeline_unref);

  /* The corpus changes under the view: it follows at once. */
  g_assert_true (g_file_set_contents (path, uncapped_document, -1, &error));
  g_assert_no_error (error);
  document = pn_store_import_file (pn_application_get_store (fixture->app), file, FALSE, &error);
  g_assert_no_error (error);
  pn_application_reload_corpus (fixture->app);
  g_assert_true (pn_pipeline_view_get_corpus (fixture->view) == pn_application_get_corpus (fixture->app));

  pipeline = check_table (fixture, NULL, 0);
  row = stage_row (fixture, "phase-1");
  g_assert_nonnull (row);
  assert_amount (row, "ceiling", PN_YUAN_UNSET);
  g_assert_true (g_str_has_prefix (row_text (row, "need-rd-investment"), _("No cap: a higher figure gives more")));
  g_unlink (path);

  pn_test_window_screenshot (fixture->window, "pipeline-no-cap");
}

/* ---- /pn/gui/pipeline/keyboard ---- */

/* Every control of the view shown: named. */
static void
check_names (GtkWidget *widget,
             guint     *n_controls)
{
  if (!gtk_widget_get_visible (widget))
    return;

  /* The view's own lists are checked by name: libadwaita's groups and
   * expander rows hold lists of their own. */
  if (GTK_IS_LIST_BOX_ROW (widget) || ADW_IS_ENTRY_ROW (widget) ||
      (GTK_IS_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW) == NULL))
    {
      (*n_controls)++;
      if (!pn_test_has_accessible_name (widget))
        {
          g_test_message ("a %s named “%s” has no accessible name",
                          G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget));
          g_test_fail ();
        }
      if (ADW_IS_ENTRY_ROW (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_names (child, n_controls);
}

static void
test_keyboard (Fixture *fixture)
{
  GtkWidget *chart = view_child (fixture, "chart");
  GtkWidget *edit_button = view_child (fixture, "edit_button");
  GtkWidget *expander;
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);
  g_autoptr(PnPipeline) pipeline = NULL;
  guint n_controls = 0;
  GtkWidget *focus;

  show_pipeline (fixture);
  set_drug_profile (fixture);
  pipeline = check_table (fixture, NULL, 0);
  expander = pn_test_find_widget (view_child (fixture, "overrides_list"), ADW_TYPE_EXPANDER_ROW, "override-phase-2");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));

  /* The chart is a picture with a name and a description, out of the
   * tab order; the table holds the same figures for the keyboard. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_false (gtk_widget_get_focusable (chart));

  g_assert_true (gtk_widget_is_sensitive (edit_button));

  /* Tab through the window: every row of the table, the button and the
   * milestone's figure are reached; the chart never. */
  gtk_widget_grab_focus (edit_button);
  for (guint i = 0; i < 200; i++)
    {
      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
        continue;
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_nonnull (focus);
      g_assert_false (focus == chart || gtk_widget_is_ancestor (focus, chart));
      for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
        g_hash_table_add (reached, w);
    }

  g_assert_true (g_hash_table_contains (reached, edit_button));
  for (guint i = 0; i < pn_pipeline_get_n_stages (pipeline); i++)
    {
      const char *phase = pn_pipeline_get_stage (pipeline, i)->phase;

      g_test_message ("row %s reached: %d", phase, g_hash_table_contains (reached, stage_row (fixture, phase)));
      g_assert_true (g_hash_table_contains (reached, stage_row (fixture, phase)));
    }
  g_assert_true (g_hash_table_contains (reached, expander));
  g_assert_true (g_hash_table_contains (reached, override_entry (fixture, "phase-2", "rd-investment")));

  check_names (GTK_WIDGET (fixture->view), &n_controls);
  g_assert_true (pn_test_has_accessible_name (view_child (fixture, "stage_list")));
  g_assert_true (pn_test_has_accessible_name (view_child (fixture, "overrides_list")));
  g_test_message ("%u controls checked", n_controls);
  g_assert_cmpuint (n_controls, >=, pn_pipeline_get_n_stages (pipeline) + 3);

  /* Ctrl+M from anywhere opens the view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-pipeline", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "pipeline");
}

/* ---- /pn/gui/pipeline/screenshot ---- */

static void
test_screenshot (Fixture *fixture)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(PnPipeline) pipeline = NULL;

  show_pipeline (fixture);
  set_drug_profile (fixture);
  pipeline = check_table (fixture, NULL, 0);

  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >, 900);
  pn_test_window_screenshot (fixture->window, "pipeline");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  for (guint i = 0; i < 3; i++)
    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_window_screenshot (fixture->window, "pipeline-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The table, scrolled to. */
  scroll_to (fixture, view_child (fixture, "stage_list"));
  pn_test_window_screenshot (fixture->window, "pipeline-table");
  scroll_to (fixture, view_child (fixture, "content_stack"));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  /* The X server takes a few frames to settle the new size. */
  for (guint i = 0; i < 20 && gtk_widget_get_width (GTK_WIDGET (fixture->window)) > 360; i++)
    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  /* Without a window manager, the window keeps a few pixels of the size
   * for its frame, as at 1000 px. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >=, 340);
  /* Nothing wider than the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), <=, 360);
  pn_test_window_screenshot (fixture->window, "pipeline-narrow");

  set_device_profile (fixture);
  g_clear_pointer (&pipeline, pn_pipeline_unref);
  pipeline = check_table (fixture, NULL, 0);
  pn_test_window_screenshot (fixture->window, "pipeline-device-narrow");
}

int
main (int   argc,
      char *argv[])
{
  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);

  static const PnTestCase tests[] = {
    { "/pn/gui/pipeline/drug", test_drug },
    { "/pn/gui/pipeline/device", test_device },
    { "/pn/gui/pipeline/unsupported", test_unsupported },
    { "/pn/gui/pipeline/figures", test_figures },
    { "/pn/gui/pipeline/no-cap", test_no_cap },
    { "/pn/gui/pipeline/keyboard", test_keyboard },
    { "/pn/gui/pipeline/screenshot", test_screenshot },
    { "/pn/gui/pipeline/declared-place", test_declared_place },
  };
  static const PnTestAppOptions options = { .width = 1000, .height = 700 };

  g_test_add_func ("/pn/gui/pipeline/templates", test_templates);
  g_test_add_func ("/pn/gui/pipeline/compact-amounts", test_compact_amounts);
  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), "pipeline", &options);

  return g_test_run ();
}
