/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "up to" side of the results (issue 16) in the real window: the
 * header's range, the rows' ranges, "What would add most" and where its
 * buttons lead, and a measure's readings and instalments.  What the
 * widgets say is checked against the engine's own results for the same
 * profile, formatted with pn_money_format_yuan(), and against the figures
 * worked out by hand in tests/core/test-upside.c (the sentences are quoted
 * there).  Screenshots in _build/tests/gui/screenshots/: results-upside,
 * results-cro and readings are data/screenshots' (README, metainfo).
 */
#define G_LOG_DOMAIN "test-upside"

#include "config.h"

#include "assistant/figures/pn-figures-page.h"
#include "assistant/pn-assistant.h"
#include "assistant/pn-choice-group.h"
#include "assistant/pn-page.h"
#include "assistant/product/pn-product-page.h"
#include "pn-application.h"
#include "pn-engine.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-test-util.h"
#include "pn-window.h"
#include "results/pn-measure-detail.h"
#include "results/pn-next-step-row.h"
#include "results/pn-result-row.h"
#include "results/pn-results-view.h"

#include <glib/gi18n.h>
#include <string.h>

typedef PnTestFixture Fixture;

/* A class III innovative imaging device in Jinjiang, registered, R&D left
 * blank (the audit's jinjiang-device-blank-rd.png). */
#define JINJIANG_DEVICE "location=jinjiang product=device device-class=class-3 innovative-device=true " \
                        "device-type=imaging phase=registered entity=enterprise"
#define JINJIANG_REGISTRATION "jinjiang-2025-8/1.2/class-3-device-registration"
/* A CRO in Xiamen (the audit's xiamen-cro.png). */
#define XIAMEN_CRO "location=xiamen product=organisation entity=cro"
/* 晋江 1.1 Phase III, in 2026, after the provincial task list lapsed. */
#define JINJIANG_PHASE_3 "location=jinjiang product=drug drug-class=innovative therapeutic-area=oncology " \
                         "phase=phase-3 rd-investment=200000000"
#define JINJIANG_PHASE_3_ID "jinjiang-2025-8/1.1/innovative-phase-3"
#define XIAMEN_TALENT_ID "xiamen-2023-17/20/high-end-talent"
#define AS_OF "2026-06-01"

/* ---- helpers ---- */

static gboolean
is_english (void)
{
  return pn_gui_get_lang () == PN_LANG_EN;
}

/* The application's one profile answers `args` ("location=xiamen
 * product=drug rd-investment=5000000") on `as_of`. */
static void
answer (Fixture    *fixture,
        const char *args,
        const char *as_of)
{
  g_auto(GStrv) pairs = g_strsplit (args, " ", -1);

  pn_profile_set_as_of (fixture->profile, as_of);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (pairs[i], "=", 2);
      PnQuestion question;
      PnFigure figure;

      g_assert_nonnull (kv[1]);
      if (g_str_equal (kv[0], "location"))
        pn_profile_set_location (fixture->profile, kv[1]);
      else if (pn_question_from_string (kv[0], &question))
        pn_profile_set_answer (fixture->profile, question, kv[1]);
      else if (pn_figure_from_string (kv[0], &figure))
        pn_profile_set_figure (fixture->profile, figure, g_ascii_strtoll (kv[1], NULL, 10));
      else
        g_error ("bad test key %s", kv[0]);
    }
}

static PnResultsView *
results_view (Fixture *fixture)
{
  return PN_RESULTS_VIEW (fixture->view);
}

static GtkWidget *
view_child (Fixture    *fixture,
            const char *name)
{
  return pn_test_template_child (GTK_WIDGET (results_view (fixture)), PN_TYPE_RESULTS_VIEW, name);
}

static GtkWidget *
detail_child (Fixture    *fixture,
              const char *name)
{
  return pn_test_template_child (view_child (fixture, "detail"), PN_TYPE_MEASURE_DETAIL, name);
}

static const char *
label_text (GtkWidget *widget)
{
  g_assert_true (GTK_IS_LABEL (widget));
  return gtk_label_get_text (GTK_LABEL (widget));
}

static void
show_results (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
}

/* The engine's own results for the application's profile, apart from the
 * view's. */
static PnResults *
engine_results (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PnResults *results = pn_engine_evaluate (fixture->corpus, fixture->profile, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static char *
yuan (gint64 amount)
{
  return pn_money_format_yuan (amount);
}

/* What the header must say, built here from the engine's figures. */
static char *
expected_header (PnResults *results)
{
  g_autofree char *total = yuan (pn_results_get_total (results));
  gint64 high = pn_results_get_total_high (results);

  if (high == PN_YUAN_UNSET)
    return g_strdup_printf (_("%s counted · no upper bound"), total);
  if (high > pn_results_get_total (results))
    {
      g_autofree char *up_to = yuan (high);

      return g_strdup_printf (_("%s counted · up to %s"), total, up_to);
    }
  return g_strdup_printf (_("%s counted"), total);
}

static char *
expected_step_title (const PnNextStep *step)
{
  const char *text = pn_text_get (&step->text, pn_gui_get_lang ());

  switch (step->kind)
    {
    case PN_NEXT_STEP_ANSWER:
      return g_strdup_printf (_("Answer: %s"), text);
    case PN_NEXT_STEP_FIGURE:
      return g_strdup_printf (_("Give: %s"), text);
    case PN_NEXT_STEP_REQUIREMENT:
    default:
      return g_strdup_printf (_("Check: %s"), text);
    }
}

static char *
expected_step_adds (const PnNextStep *step)
{
  g_autofree char *amount = NULL;

  if (step->adds_high_cny == PN_YUAN_UNSET)
    return g_strdup (_("no upper bound"));
  amount = yuan (step->adds_high_cny);
  return g_strdup_printf (_("up to +%s"), amount);
}

static GtkWidget *
row_child (GtkWidget  *row,
           const char *name)
{
  return pn_test_template_child (row, PN_TYPE_NEXT_STEP_ROW, name);
}

/* Every shown row of "What would add most" against the engine's steps, in
 * order. */
static void
check_step_rows (Fixture   *fixture,
                 GPtrArray *steps,
                 guint      expected_rows)
{
  GtkListBox *list = GTK_LIST_BOX (view_child (fixture, "next_steps_list"));

  g_assert_cmpuint (n_rows (list), ==, expected_rows);
  for (guint i = 0; i < expected_rows; i++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));
      const PnNextStep *step = g_ptr_array_index (steps, i);
      const PnNextStep *shown = pn_next_step_row_get_step (PN_NEXT_STEP_ROW (row));
      g_autofree char *title = expected_step_title (step);
      g_autofree char *adds = expected_step_adds (step);
      g_autofree char *measures = NULL;

      /* one measure is named: rows of the same measure read as one amount */
      if (step->benefits->len == 1)
        {
          PnBenefit *benefit = g_ptr_array_index (step->benefits, 0);
          g_autofree char *citation = pn_gui_citation (benefit->article);

          measures = g_strdup_printf (_("for “%s” (%s)"), pn_gui_text (&benefit->title), citation);
        }
      else
        measures = g_strdup_printf (ngettext ("%u measure", "%u measures", step->benefits->len),
                                    step->benefits->len);

      g_assert_cmpint (shown->kind, ==, step->kind);
      g_assert_cmpstr (shown->id, ==, step->id);
      g_assert_cmpstr (label_text (row_child (row, "title_label")), ==, title);
      g_assert_cmpstr (label_text (row_child (row, "adds_label")), ==, adds);
      g_assert_cmpstr (label_text (row_child (row, "measures_label")), ==, measures);
      g_assert_true (gtk_widget_get_visible (row_child (row, "go_button")));
    }
}

/* The row of the step `id` (of `kind`), or NULL. */
static GtkWidget *
find_step_row (Fixture        *fixture,
               PnNextStepKind  kind,
               const char     *id)
{
  GtkListBox *list = GTK_LIST_BOX (view_child (fixture, "next_steps_list"));
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const PnNextStep *step = pn_next_step_row_get_step (PN_NEXT_STEP_ROW (row));

      if (step->kind == kind && (id == NULL || g_strcmp0 (step->id, id) == 0))
        return GTK_WIDGET (row);
    }
  return NULL;
}

/* Shows every step, so that find_step_row() sees them all. */
static void
expand_steps (Fixture *fixture)
{
  GtkWidget *more = view_child (fixture, "more_steps_button");
  GPtrArray *steps = pn_results_get_next_steps (pn_results_view_get_results (results_view (fixture)));

  if (steps->len > 5 && n_rows (GTK_LIST_BOX (view_child (fixture, "next_steps_list"))) < steps->len)
    g_signal_emit_by_name (more, "clicked");
}

static void
click_step (GtkWidget *row)
{
  g_signal_emit_by_name (row_child (row, "go_button"), "clicked");
  pn_test_flush ();
}

static PnResultRow *
find_result_row (GtkListBox *list,
                 const char *benefit_id)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (g_strcmp0 (pn_result_row_get_benefit_id (PN_RESULT_ROW (row)), benefit_id) == 0)
        return PN_RESULT_ROW (row);
    }
  return NULL;
}

/* Scrolls `scrolled` so that `widget` is at its top. */
static void
scroll_to (GtkWidget *scrolled,
           GtkWidget *widget)
{
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  /* the viewport's child does not move as it scrolls */
  g_assert_true (GTK_IS_VIEWPORT (viewport));
  g_assert_true (gtk_widget_compute_point (widget, gtk_viewport_get_child (GTK_VIEWPORT (viewport)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), point.y);
}

/* `widget`'s top is within what `scrolled` shows. */
typedef struct
{
  GtkWidget *widget;
  GtkWidget *scrolled;
} InView;

static gboolean
top_in_view (gpointer data)
{
  InView *in_view = data;
  graphene_point_t point;

  if (!gtk_widget_compute_point (in_view->widget, in_view->scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  return point.y >= 0 && point.y + 24 <= gtk_widget_get_height (in_view->scrolled);
}

static GtkWidget *
focus_widget (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static PnPage *
assistant_page (Fixture *fixture)
{
  return pn_assistant_get_current_page (PN_ASSISTANT (pn_window_get_view (fixture->window, "assistant")));
}

/* ---- the tests ---- */

/* /pn/gui/upside/device: R&D left blank, the class III registration award
 * (最高不超过400万元) shows as ¥0 – ¥4,000,000, and the header says what counts
 * and what more is possible: ¥0 counted · up to ¥18,950,000 (worked out
 * measure by measure in tests/core/test-upside.c). */
static void
test_device (Fixture *fixture)
{
  g_autoptr(PnResults) engine = NULL;
  g_autofree char *header = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *range = NULL;
  g_autofree char *zero = yuan (0);
  g_autofree char *high = NULL;
  PnResults *shown;
  GPtrArray *steps;
  GtkWidget *total_label;
  GtkWidget *upside_label;
  GtkWidget *more;
  const PnResult *registration;
  PnResultRow *row;
  GtkWidget *rd_row;

  answer (fixture, JINJIANG_DEVICE, AS_OF);
  show_results (fixture);
  engine = engine_results (fixture);
  shown = pn_results_view_get_results (results_view (fixture));

  /* The view's figures are the engine's, and the hand-worked ones. */
  g_assert_cmpint (pn_results_get_total (shown), ==, pn_results_get_total (engine));
  g_assert_cmpint (pn_results_get_total_high (shown), ==, pn_results_get_total_high (engine));
  g_assert_cmpint (pn_results_get_total (engine), ==, 0);
  g_assert_cmpint (pn_results_get_total_high (engine), ==, 18950000);

  total_label = view_child (fixture, "total_label");
  header = expected_header (engine);
  g_assert_cmpstr (label_text (total_label), ==, header);
  if (is_english ())
    g_assert_cmpstr (label_text (total_label), ==, "¥0 counted · up to ¥18,950,000");
  else
    g_assert_cmpstr (label_text (total_label), ==, "计入 ¥0 · 最高 ¥18,950,000");
  /* A screen reader says the same. */
  accessible = g_strdup_printf (_("Estimated total: %s"), header);
  gtk_test_accessible_assert_property (total_label, GTK_ACCESSIBLE_PROPERTY_LABEL, accessible);
  upside_label = view_child (fixture, "upside_label");
  g_assert_true (gtk_widget_get_visible (upside_label));
  g_assert_cmpstr (label_text (upside_label), !=, "");

  /* The row: what counts, then the most it can give. */
  registration = pn_results_find (engine, JINJIANG_REGISTRATION);
  g_assert_nonnull (registration);
  g_assert_cmpint (registration->high_cny, ==, 4000000);
  high = yuan (registration->high_cny);
  range = g_strdup_printf ("%s – %s", zero, high);
  row = find_result_row (GTK_LIST_BOX (view_child (fixture, "possible_list")), JINJIANG_REGISTRATION);
  g_assert_nonnull (row);
  g_assert_cmpstr (label_text (pn_test_template_child (GTK_WIDGET (row), PN_TYPE_RESULT_ROW, "amount_label")),
                   ==, range);
  g_assert_cmpstr (range, ==, "¥0 – ¥4,000,000");

  /* What would add most: above the possible measures, the engine's steps
   * in its order, five of them until Show All. */
  steps = pn_results_get_next_steps (engine);
  g_assert_cmpuint (steps->len, >, 5);
  g_assert_true (gtk_widget_get_visible (view_child (fixture, "next_steps_group")));
  g_assert_true (gtk_widget_get_next_sibling (view_child (fixture, "next_steps_group")) ==
                 view_child (fixture, "possible_group"));
  check_step_rows (fixture, steps, 5);

  /* Giving the R&D figure may add the registration award's ¥4,000,000. */
  rd_row = find_step_row (fixture, PN_NEXT_STEP_FIGURE, "rd-investment");
  g_assert_nonnull (rd_row);
  if (is_english ())
    {
      g_assert_cmpstr (label_text (row_child (rd_row, "title_label")), ==, "Give: R&D investment");
      g_assert_cmpstr (label_text (row_child (rd_row, "adds_label")), ==, "up to +¥4,000,000");
    }
  else
    g_assert_nonnull (strstr (label_text (row_child (rd_row, "adds_label")), "¥4,000,000"));

  more = view_child (fixture, "more_steps_button");
  g_assert_true (gtk_widget_get_visible (more));
  {
    g_autofree char *label = g_strdup_printf (ngettext ("Show %u More Step", "Show %u More Steps", steps->len - 5),
                                              steps->len - 5);

    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, label);
  }
  g_signal_emit_by_name (more, "clicked");
  check_step_rows (fixture, steps, steps->len);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (more)), ==, _("Show Fewer"));
  g_signal_emit_by_name (more, "clicked");
  check_step_rows (fixture, steps, 5);

  /* The rows follow the answers: with R&D given, that step is gone and the
   * header and the steps are the engine's again. */
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 5000000);
  g_clear_pointer (&engine, pn_results_unref);
  engine = engine_results (fixture);
  g_clear_pointer (&header, g_free);
  header = expected_header (engine);
  g_assert_cmpstr (label_text (total_label), ==, header);
  check_step_rows (fixture, pn_results_get_next_steps (engine),
                   MIN (5, pn_results_get_next_steps (engine)->len));
  expand_steps (fixture);
  g_assert_null (find_step_row (fixture, PN_NEXT_STEP_FIGURE, "rd-investment"));
}

/* /pn/gui/upside/nothing-more: on a date when no measure is in force,
 * nothing more is possible: the header is what counts alone, and no step
 * is listed. */
static void
test_nothing_more (Fixture *fixture)
{
  g_autoptr(PnResults) engine = NULL;
  g_autofree char *zero = yuan (0);
  g_autofree char *header = NULL;

  answer (fixture, JINJIANG_DEVICE, "2019-01-01");
  show_results (fixture);
  engine = engine_results (fixture);

  g_assert_cmpint (pn_results_get_total (engine), ==, 0);
  g_assert_cmpint (pn_results_get_total_high (engine), ==, 0);
  g_assert_cmpuint (pn_results_get_next_steps (engine)->len, ==, 0);
  header = g_strdup_printf (_("%s counted"), zero);
  g_assert_cmpstr (label_text (view_child (fixture, "total_label")), ==, header);
  if (is_english ())
    g_assert_cmpstr (header, ==, "¥0 counted");
  g_assert_false (gtk_widget_get_visible (view_child (fixture, "upside_label")));
  g_assert_false (gtk_widget_get_visible (view_child (fixture, "next_steps_group")));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (view_child (fixture, "next_steps_list")), 0));

  /* and back on a date when they are: the steps return */
  pn_profile_set_as_of (fixture->profile, AS_OF);
  g_assert_true (gtk_widget_get_visible (view_child (fixture, "next_steps_group")));
  g_assert_true (gtk_widget_get_visible (view_child (fixture, "upside_label")));
}

/* /pn/gui/upside/unbounded: a Xiamen CRO.  厦府规〔2023〕17号（四） matches national
 * funding 1:1 with no cap, and the figure is not given: the header says
 * "no upper bound" and which figure is missing; that figure is the first
 * step, the fixed assets (（十）: 最高不超过5000万元) the second. */
static void
test_unbounded (Fixture *fixture)
{
  g_autoptr(PnResults) engine = NULL;
  g_autofree char *header = NULL;
  g_autofree char *fifty = yuan (50000000);
  g_autofree char *adds = NULL;
  GPtrArray *steps;
  const PnNextStep *first;
  const PnNextStep *second;
  GtkWidget *upside_label;
  GtkListBox *list;

  answer (fixture, XIAMEN_CRO, AS_OF);
  show_results (fixture);
  engine = engine_results (fixture);

  g_assert_cmpint (pn_results_get_total_high (engine), ==, PN_YUAN_UNSET);
  header = expected_header (engine);
  g_assert_cmpstr (label_text (view_child (fixture, "total_label")), ==, header);
  if (is_english ())
    g_assert_cmpstr (header, ==, "¥0 counted · no upper bound");
  else
    g_assert_cmpstr (header, ==, "计入 ¥0 · 无上限");

  steps = pn_results_get_next_steps (engine);
  first = g_ptr_array_index (steps, 0);
  second = g_ptr_array_index (steps, 1);
  g_assert_cmpstr (first->id, ==, "national-funding");
  g_assert_cmpint (first->adds_high_cny, ==, PN_YUAN_UNSET);
  g_assert_cmpstr (second->id, ==, "fixed-assets");
  g_assert_cmpint (second->adds_high_cny, ==, 50000000);

  /* Under the total, the missing figure by name; the same as a tooltip. */
  upside_label = view_child (fixture, "upside_label");
  g_assert_true (gtk_widget_get_visible (upside_label));
  g_assert_nonnull (strstr (label_text (upside_label), pn_text_get (&first->text, pn_gui_get_lang ())));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (view_child (fixture, "total_label")), ==, label_text (upside_label));

  check_step_rows (fixture, steps, MIN (5, steps->len));
  list = GTK_LIST_BOX (view_child (fixture, "next_steps_list"));
  g_assert_cmpstr (label_text (row_child (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), "adds_label")),
                   ==, _("no upper bound"));
  adds = g_strdup_printf (_("up to +%s"), fifty);
  g_assert_cmpstr (label_text (row_child (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)), "adds_label")),
                   ==, adds);
  if (is_english ())
    g_assert_cmpstr (adds, ==, "up to +¥50,000,000");

  pn_test_window_screenshot (fixture->window, "results-cro");
}

/* /pn/gui/upside/go-figure: "Enter Amount" of a figure step opens the
 * figures page with that figure's entry focused and scrolled to, not the
 * page's first. */
static void
go_figure (Fixture    *fixture,
           const char *figure,
           gboolean    first_on_page)
{
  GtkWidget *row;
  GtkWidget *focus;
  GtkWidget *entry;
  GtkWidget *first;
  PnPage *page;
  InView in_view;

  show_results (fixture);
  row = find_step_row (fixture, PN_NEXT_STEP_FIGURE, figure);
  g_assert_nonnull (row);
  click_step (row);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  page = assistant_page (fixture);
  g_assert_true (PN_IS_FIGURES_PAGE (page));
  entry = pn_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, figure);
  first = pn_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (entry);
  g_assert_true ((entry == first) == first_on_page);

  focus = focus_widget (fixture);
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  /* scrolled to: the figure's group, its title first */
  in_view.widget = gtk_widget_get_ancestor (entry, ADW_TYPE_PREFERENCES_GROUP);
  in_view.scrolled = pn_test_template_child (GTK_WIDGET (page), PN_TYPE_FIGURES_PAGE, "scrolled_window");
  g_assert_nonnull (in_view.widget);
  g_assert_true (pn_test_wait (top_in_view, &in_view));
}

static void
test_go_figure (Fixture *fixture)
{
  answer (fixture, XIAMEN_CRO, AS_OF);
  /* short enough that the figures page scrolls */
  pn_test_resize_window (fixture->window, 900, 420);

  /* the first step, a figure further down the page */
  go_figure (fixture, "national-funding", FALSE);
  pn_test_window_screenshot (fixture->window, "upside-go-figure");

  /* the way back: Next is "See Results" and goes there (it went on to
   * the date, then See Results, a dead end for a founder) */
  {
    GtkWidget *next = pn_test_window_child (fixture->window, "next_button");

    g_assert_true (gtk_widget_get_visible (next));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next)), ==, _("See Results"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.next", NULL));
    pn_test_flush ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
  }

  /* and the one the page shows first, as well */
  go_figure (fixture, "fixed-assets", TRUE);
}

/* /pn/gui/upside/go-requirement: a requirement is not a question: its
 * button opens the measure whose requirement it is. */
static void
test_go_requirement (Fixture *fixture)
{
  GtkWidget *row;
  const PnNextStep *step;
  const char *benefit_id;

  answer (fixture, XIAMEN_CRO, AS_OF);
  show_results (fixture);
  expand_steps (fixture);

  row = find_step_row (fixture, PN_NEXT_STEP_REQUIREMENT, NULL);
  g_assert_nonnull (row);
  step = pn_next_step_row_get_step (PN_NEXT_STEP_ROW (row));
  benefit_id = ((PnBenefit *) g_ptr_array_index (step->benefits, 0))->id;
  g_test_message ("requirement %s of %s", step->id, benefit_id);
  /* a measure the detail does not show already */
  g_assert_true (pn_results_view_show_measure (results_view (fixture), "xiamen-2023-17/20/high-end-talent"));
  g_assert_cmpstr (pn_measure_detail_get_benefit_id (PN_MEASURE_DETAIL (view_child (fixture, "detail"))), !=,
                   benefit_id);

  click_step (row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
  g_assert_cmpstr (pn_measure_detail_get_benefit_id (PN_MEASURE_DETAIL (view_child (fixture, "detail"))), ==,
                   benefit_id);
}

/* /pn/gui/upside/go-answer: an answer step opens the page that asks it,
 * the keyboard on its group; one whose page does not apply yet (the kind
 * of product decides) opens the page that decides. */
static void
test_go_answer (Fixture *fixture)
{
  GtkWidget *row;
  GtkWidget *focus;
  GtkWidget *group;
  PnPage *page;

  answer (fixture, "location=xiamen product=drug", AS_OF);
  show_results (fixture);
  expand_steps (fixture);

  /* the kind of drug: the page's second group, not the first */
  row = find_step_row (fixture, PN_NEXT_STEP_ANSWER, "modality");
  g_assert_nonnull (row);
  click_step (row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  page = assistant_page (fixture);
  g_assert_true (pn_page_asks (page, "modality"));
  group = pn_test_template_child (GTK_WIDGET (page), G_OBJECT_TYPE (page), "modality_group");
  g_assert_cmpstr (pn_choice_group_get_question (PN_CHOICE_GROUP (group)), ==, "modality");
  focus = focus_widget (fixture);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, group));

  /* No product yet: the drug page does not apply, the product page asks
   * first. */
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, NULL);
  show_results (fixture);
  expand_steps (fixture);
  row = find_step_row (fixture, PN_NEXT_STEP_ANSWER, "drug-class");
  g_assert_nonnull (row);
  click_step (row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  g_assert_true (PN_IS_PRODUCT_PAGE (assistant_page (fixture)));
}

/* /pn/gui/upside/readings: 晋江 1.1 in 2026, Phase III, R&D ¥200,000,000.  Read as
 * the corpus chooses (the lapsed provincial award still deducted) nothing is
 * due, ¥0; read the other way, min(40% × 200,000,000, 3000万元) = ¥30,000,000.
 * The detail shows both, the counted one marked, the "confirm" note in the
 * reading's words, and "Up to ¥30,000,000". */
static void
test_readings (Fixture *fixture)
{
  g_autoptr(PnResults) engine = NULL;
  static const char *hand[] = { "¥0", "¥30,000,000" };
  g_autofree char *high = NULL;
  g_autofree char *high_text = NULL;
  const PnResult *result;
  GtkListBox *list;
  guint n_counted = 0;

  answer (fixture, JINJIANG_PHASE_3, AS_OF);
  show_results (fixture);
  engine = engine_results (fixture);
  result = pn_results_find (engine, JINJIANG_PHASE_3_ID);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->readings->len, ==, 2);

  g_assert_true (pn_results_view_show_measure (results_view (fixture), JINJIANG_PHASE_3_ID));
  pn_test_flush ();
  g_assert_true (gtk_widget_get_visible (detail_child (fixture, "readings_group")));
  list = GTK_LIST_BOX (detail_child (fixture, "readings_list"));
  g_assert_cmpuint (n_rows (list), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      const PnReadingResult *reading = g_ptr_array_index (result->readings, i);
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));
      GtkWidget *amount = pn_test_find_widget (row, GTK_TYPE_LABEL, "amount");
      GtkWidget *counted = pn_test_find_widget (row, GTK_TYPE_LABEL, "counted");
      g_autofree char *expected = yuan (reading->estimate_cny);

      g_assert_nonnull (amount);
      g_assert_cmpstr (label_text (amount), ==, expected);
      g_assert_cmpstr (label_text (amount), ==, hand[i]);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       pn_text_get (&reading->reading->text, pn_gui_get_lang ()));
      g_assert_true ((counted != NULL) == reading->reading->chosen);
      if (counted != NULL)
        {
          g_assert_cmpstr (label_text (counted), ==, C_("reading", "Counted"));
          n_counted++;
        }
    }
  g_assert_cmpuint (n_counted, ==, 1);
  /* the other reading says to confirm with the bureau */
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))),
                            is_english () ? "confirm with the Jinjiang Bureau of Science and Technology"
                                          : "须向晋江市科技局确认"));

  g_assert_cmpint (result->high_cny, ==, 30000000);
  high = yuan (result->high_cny);
  high_text = g_strdup_printf (_("Up to %s if every open point goes the applicant’s way"), high);
  g_assert_true (gtk_widget_get_visible (detail_child (fixture, "high_label")));
  g_assert_cmpstr (label_text (detail_child (fixture, "high_label")), ==, high_text);
  /* no instalments for this one */
  g_assert_false (gtk_widget_get_visible (detail_child (fixture, "stages_group")));

  pn_test_window_screenshot (fixture->window, "readings");

  /* A measure read one way only has no such group. */
  {
    const PnResult *plain = NULL;

    for (guint i = 0; i < pn_results_get_n_results (engine) && plain == NULL; i++)
      {
        const PnResult *candidate = pn_results_get_result (engine, i);

        if (candidate->readings->len < 2)
          plain = candidate;
      }
    g_assert_nonnull (plain);
    g_assert_true (pn_results_view_show_measure (results_view (fixture), plain->benefit->id));
    g_assert_false (gtk_widget_get_visible (detail_child (fixture, "readings_group")));
  }
}

/* /pn/gui/upside/stages: 厦府规〔2023〕17号（二十）: 给予最高80万元补贴，按40%、30%、30%的比例
 * 分3年发放 — ¥320,000, ¥240,000 and ¥240,000, year by year. */
static void
test_stages (Fixture *fixture)
{
  g_autoptr(PnResults) engine = NULL;
  static const char *hand_en[] = { "Year 1 · ¥320,000 (40%)", "Year 2 · ¥240,000 (30%)", "Year 3 · ¥240,000 (30%)" };
  const PnResult *result;
  GtkListBox *list;

  answer (fixture, "location=xiamen product=drug entity=enterprise", AS_OF);
  show_results (fixture);
  engine = engine_results (fixture);
  result = pn_results_find (engine, XIAMEN_TALENT_ID);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->stages->len, ==, 3);

  g_assert_true (pn_results_view_show_measure (results_view (fixture), XIAMEN_TALENT_ID));
  pn_test_flush ();
  g_assert_true (gtk_widget_get_visible (detail_child (fixture, "stages_group")));
  list = GTK_LIST_BOX (detail_child (fixture, "stages_list"));
  g_assert_cmpuint (n_rows (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const PnStageResult *stage = &g_array_index (result->stages, PnStageResult, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      g_autofree char *amount = yuan (stage->cny);
      g_autofree char *share = pn_money_format_rate (stage->share);
      g_autofree char *expected = g_strdup_printf (_("Year %u · %s (%s)"), stage->year, amount, share);

      g_assert_cmpuint (stage->year, ==, i + 1);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);
      if (is_english ())
        g_assert_cmpstr (expected, ==, hand_en[i]);
    }
  g_assert_false (gtk_widget_get_visible (detail_child (fixture, "readings_group")));
  pn_test_window_screenshot (fixture->window, "upside-stages");
}

/* /pn/gui/upside/narrow: at 360 px the header, the steps and the rows'
 * ranges wrap rather than run past the edge, and so does a measure's
 * readings. */
static void
test_narrow (Fixture *fixture)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
  GtkWidget *scrolled = view_child (fixture, "list_scrolled_window");
  GtkWidget *group = view_child (fixture, "next_steps_group");

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  answer (fixture, JINJIANG_DEVICE, AS_OF);
  show_results (fixture);
  pn_test_resize_window (fixture->window, 360, 640);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (view_child (fixture, "leaflet"))));
  pn_test_assert_within_width (content, 360);
  pn_test_window_screenshot (fixture->window, "upside-narrow-header");

  /* the steps, scrolled to */
  expand_steps (fixture);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  scroll_to (scrolled, group);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_assert_within_width (content, 360);
  pn_test_window_screenshot (fixture->window, "upside-narrow-steps");

  /* readings, side by side no more: one under the other */
  answer (fixture, JINJIANG_PHASE_3, AS_OF);
  g_assert_true (pn_results_view_show_measure (results_view (fixture), JINJIANG_PHASE_3_ID));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  {
    GtkWidget *readings = detail_child (fixture, "readings_group");

    g_assert_true (gtk_widget_get_visible (readings));
    scroll_to (detail_child (fixture, "scrolled_window"), readings);
  }
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_assert_within_width (content, 360);
  pn_test_window_screenshot (fixture->window, "upside-narrow-readings");

  /* The widest range a row shows: R&D ¥70,000,000 counts 28,000,000 −
   * 21,000,000 = ¥7,000,000 and reads ¥28,000,000 the other way. */
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 70000000);
  pn_results_view_show_list (results_view (fixture));
  {
    PnResultRow *row = find_result_row (GTK_LIST_BOX (view_child (fixture, "counted_list")), JINJIANG_PHASE_3_ID);
    g_autofree char *low = yuan (7000000);
    g_autofree char *high = yuan (28000000);
    g_autofree char *range = g_strdup_printf ("%s – %s", low, high);

    g_assert_nonnull (row);
    g_assert_cmpstr (label_text (pn_test_template_child (GTK_WIDGET (row), PN_TYPE_RESULT_ROW, "amount_label")),
                     ==, range);
    scroll_to (scrolled, GTK_WIDGET (row));
  }
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_assert_within_width (content, 360);
  pn_test_window_screenshot (fixture->window, "upside-narrow-range");
}

/* /pn/gui/upside/screenshot: the device maker's results, the header and
 * "What would add most" in view, its first measure beside them. */
static void
test_screenshot (Fixture *fixture)
{
  GtkWidget *scrolled = view_child (fixture, "list_scrolled_window");
  GtkWidget *group = view_child (fixture, "counted_group");

  answer (fixture, JINJIANG_DEVICE, AS_OF);
  show_results (fixture);
  g_assert_true (pn_results_view_show_measure (results_view (fixture), JINJIANG_REGISTRATION));
  pn_test_window_screenshot (fixture->window, "results-upside");

  /* the counted group (empty here) scrolled away: the steps in view */
  scroll_to (scrolled, group);
  pn_test_window_screenshot (fixture->window, "results-upside-steps");
}

/* ---- /pn/gui/upside/many-measures ---- */

/* The rows of `list`, each a PnResultRow's benefit id. */
static GPtrArray *
listed_ids (GtkWidget *list)
{
  GPtrArray *ids = g_ptr_array_new ();
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      g_assert_true (PN_IS_RESULT_ROW (row));
      g_ptr_array_add (ids, pn_result_row_get_result (PN_RESULT_ROW (row))->benefit->id);
    }
  return ids;
}

typedef struct
{
  Fixture    *fixture;
  const char *id;
} Listed;

/* Whether a row of a results list shows the measure `data` (Listed) names. */
static gboolean
is_listed (gpointer data)
{
  static const char *lists[] = { "counted_list", "possible_list", "not_counted_list" };
  Listed *listed = data;

  for (guint g = 0; g < G_N_ELEMENTS (lists); g++)
    {
      g_autoptr(GPtrArray) ids = listed_ids (view_child (listed->fixture, lists[g]));

      for (guint i = 0; i < ids->len; i++)
        if (g_str_equal (g_ptr_array_index (ids, i), listed->id))
          return TRUE;
    }
  return FALSE;
}

static gboolean
is_not_listed (gpointer data)
{
  return !is_listed (data);
}

/* Thousands of measures at a place: each list shows a page of rows, the
 * order and the filter still go over all of them, and "Show More" adds
 * the next page where the keyboard is. */
static void
test_many_measures (Fixture *fixture)
{
  static const char *lists[] = { "counted_list", "possible_list", "not_counted_list" };
  static const char *buttons[] = { "counted_more_button", "possible_more_button", "not_counted_more_button" };
  PnResults *results;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) first_page = NULL;
  const char *hidden_id = NULL;
  guint n, total_rows = 0, paged = 0;

  pn_test_import_generated (fixture, 1000);
  answer (fixture, "location=xiamen", "2025-06-30");
  show_results (fixture);
  results = pn_results_view_get_results (results_view (fixture));
  g_assert_nonnull (results);
  n = pn_results_get_n_results (results);
  g_assert_cmpuint (n, >, 150);

  /* a page each, and a way to the rest */
  for (guint g = 0; g < G_N_ELEMENTS (lists); g++)
    {
      g_autoptr(GPtrArray) ids = listed_ids (view_child (fixture, lists[g]));
      GtkWidget *more = view_child (fixture, buttons[g]);

      g_assert_cmpuint (ids->len, <=, 25);
      if (gtk_widget_get_visible (more))
        {
          g_assert_cmpuint (ids->len, ==, 25);
          g_assert_true (strstr (gtk_button_get_label (GTK_BUTTON (more)), "25") != NULL);
          paged++;
        }
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (shown, g_ptr_array_index (ids, i));
    }
  g_assert_cmpuint (paged, >, 0);
  g_assert_cmpuint (g_hash_table_size (shown), <, n);
  scroll_to (GTK_WIDGET (view_child (fixture, "list_scrolled_window")), view_child (fixture, "possible_more_button"));
  pn_test_window_screenshot (fixture->window, "results-many");

  /* highest first over every measure, not over the page: nothing listed
   * further down the possible list is worth more than its first row */
  {
    g_autoptr(GPtrArray) ids = listed_ids (view_child (fixture, "possible_list"));
    const PnResult *top = pn_results_find (results, g_ptr_array_index (ids, 0));

    for (guint i = 0; i < n; i++)
      {
        PnResultOutline outline;

        pn_results_get_outline (results, i, &outline);
        if (outline.not_counted == PN_NOT_COUNTED_POSSIBLE && outline.status == PN_STATUS_IN_FORCE &&
            !outline.unbounded && outline.high_cny != PN_YUAN_UNSET && !top->unbounded &&
            top->high_cny != PN_YUAN_UNSET)
          g_assert_cmpint (outline.high_cny, <=, top->high_cny);
      }
  }

  /* the filter finds a measure that is not on the first page */
  for (guint i = 0; i < n && hidden_id == NULL; i++)
    {
      PnBenefit *benefit = pn_results_get_benefit (results, i);

      if (!g_hash_table_contains (shown, benefit->id))
        hidden_id = benefit->id;
    }
  g_assert_nonnull (hidden_id);
  {
    const PnResult *hidden = pn_results_find (results, hidden_id);
    g_autofree char *citation = pn_gui_citation (hidden->benefit->article);
    g_autofree char *query = g_strdup_printf ("%s %s", pn_gui_text (&hidden->benefit->title), citation);
    Listed listed = { fixture, hidden_id };

    g_assert_false (is_listed (&listed));
    /* the entry tells its change a moment later */
    gtk_editable_set_text (GTK_EDITABLE (view_child (fixture, "filter_entry")), query);
    g_assert_true (pn_test_wait (is_listed, &listed));
    gtk_editable_set_text (GTK_EDITABLE (view_child (fixture, "filter_entry")), "");
    g_assert_true (pn_test_wait_until ((PnTestPredicate) is_not_listed, &listed, PN_TEST_FRAME_TIMEOUT_MS));
  }

  /* "Show More" until every measure has its row */
  for (guint g = 0; g < G_N_ELEMENTS (lists); g++)
    {
      GtkWidget *list = view_child (fixture, lists[g]);
      GtkWidget *more = view_child (fixture, buttons[g]);
      g_autoptr(GPtrArray) page = listed_ids (list);

      if (g == 1)
        first_page = g_ptr_array_ref (page);
      while (gtk_widget_get_visible (more))
        {
          guint before = n_rows (GTK_LIST_BOX (list));
          g_autoptr(GPtrArray) after = NULL;

          g_signal_emit_by_name (more, "clicked");
          pn_test_flush ();
          after = listed_ids (list);
          g_assert_cmpuint (after->len, >, before);
          g_assert_cmpuint (after->len, <=, before + 25);
          /* the keyboard on the first new row */
          g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), before))));
        }
      total_rows += n_rows (GTK_LIST_BOX (list));
    }
  g_assert_cmpuint (total_rows, ==, n);

  /* the same first rows: the pages are the order's, not another one */
  {
    g_autoptr(GPtrArray) all = listed_ids (view_child (fixture, "possible_list"));

    for (guint i = 0; i < first_page->len; i++)
      g_assert_cmpstr (g_ptr_array_index (all, i), ==, g_ptr_array_index (first_page, i));
  }

  /* answering again starts from the first page */
  answer (fixture, "location=xiamen rd-investment=10000000", "2025-06-30");
  pn_test_flush ();
  g_assert_cmpuint (n_rows (GTK_LIST_BOX (view_child (fixture, "possible_list"))), <=, 25);
}

int
main (int   argc,
      char *argv[])
{
  static const PnTestCase tests[] = {
    { "/pn/gui/upside/device", test_device },
    { "/pn/gui/upside/nothing-more", test_nothing_more },
    { "/pn/gui/upside/unbounded", test_unbounded },
    { "/pn/gui/upside/go-figure", test_go_figure },
    { "/pn/gui/upside/go-requirement", test_go_requirement },
    { "/pn/gui/upside/go-answer", test_go_answer },
    { "/pn/gui/upside/readings", test_readings },
    { "/pn/gui/upside/stages", test_stages },
    { "/pn/gui/upside/narrow", test_narrow },
    { "/pn/gui/upside/screenshot", test_screenshot },
    { "/pn/gui/upside/many-measures", test_many_measures },
  };

  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);
  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), "results",
                         &(PnTestAppOptions) { .width = 1100, .height = 820 });

  return g_test_run ();
}
