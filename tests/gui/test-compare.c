/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-compare"

#include "config.h"

#include "planning/pn-compare-view.h"
#include "pn-application.h"
#include "pn-engine.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-test-util.h"
#include "pn-window.h"
#include "reader/pn-reader-view.h"

#include <glib/gi18n.h>
#include <string.h>

/* The scenario of issue 7, evaluated on one date so that the figures do
 * not move with the calendar.  Xiamen, 厦府规〔2023〕17号 art. 1, "按照研发投入
 * 最高不超过 40%的标准…给予最高不超过…2000 万元…的奖励" counts there and nowhere else. */
#define XIAMEN_PHASE_2 "xiamen-2023-17/1/innovative-phase-2"
#define AS_OF "2025-08-01"

static const char * const scenario_locations[] = { "xiamen", "jinjiang", "fuzhou", NULL };

/* The application, its window and the view under test: pn-test-util. */
typedef PnTestFixture Fixture;

/* ---- the real application on a fresh store ---- */

static GtkWidget *
view_child (Fixture    *fixture,
            const char *name)
{
  return pn_test_template_child (GTK_WIDGET (fixture->view), PN_TYPE_COMPARE_VIEW, name);
}

/* The window's content, header bar included. */
static void
screenshot (Fixture    *fixture,
            const char *name)
{
  /* Two frames, this one and pn_test_window_screenshot()'s: the first may
   * still lay out the rows just built. */
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_window_screenshot (fixture->window, name);
}

static void
show_compare (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-compare", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "compare");
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}

/* drug, innovative, chemical, oncology, Phase II, ¥30,000,000 of R&D. */
static void
answer_scenario (Fixture    *fixture,
                 const char *location)
{
  pn_profile_set_location (fixture->profile, location);
  pn_profile_set_as_of (fixture->profile, AS_OF);
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_THERAPEUTIC_AREA, "oncology");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 30000000);
}

/* ---- what the core says, independently of the view ---- */

/* The profile's results with its location set to `location`. */
static PnResults *
evaluate_at (Fixture    *fixture,
             const char *location)
{
  g_autoptr(PnProfile) copy = pn_profile_copy (fixture->profile);

  pn_profile_set_location (copy, location);
  return pn_engine_evaluate (pn_application_get_corpus (fixture->app), copy, NULL);
}

/* ---- reading the view ---- */

static GtkWidget *
find_check (Fixture    *fixture,
            const char *location)
{
  GtkWidget *check = pn_test_find_widget (view_child (fixture, "location_checks"), GTK_TYPE_CHECK_BUTTON, location);

  g_assert_nonnull (check);

  return check;
}

/* Ticks or clears a location in the picker, as a click would. */
static void
toggle_location (Fixture    *fixture,
                 const char *location,
                 gboolean    active)
{
  GtkWidget *check = find_check (fixture, location);

  g_assert_true (gtk_widget_is_sensitive (check));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != active);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  pn_test_flush ();
}

static void
assert_locations (Fixture            *fixture,
                  const char * const *expected)
{
  const char * const *locations = pn_compare_view_get_locations (fixture->view);

  g_assert_nonnull (locations);
  g_assert_cmpstrv (locations, expected);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;

  return n;
}

/* A list shows a page of 50 rows, then "Show More" adds up to 50 more,
 * the keyboard on the first new row, until every measure has its row. */
static void
show_all_rows (Fixture    *fixture,
               const char *list_name,
               const char *button_name)
{
  GtkWidget *list = view_child (fixture, list_name);
  GtkWidget *more = view_child (fixture, button_name);
  guint n = count_rows (list);

  g_assert_cmpuint (n, <=, 50);
  g_assert_true (!gtk_widget_get_visible (more) || n == 50);
  while (gtk_widget_get_visible (more))
    {
      guint before = n;

      g_signal_emit_by_name (more, "clicked");
      pn_test_flush ();
      n = count_rows (list);
      g_assert_cmpuint (n, >, before);
      g_assert_cmpuint (n, <=, before + 50);
      g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), before))));
    }
}

static GtkWidget *
nth_column (Fixture *fixture,
            guint    position)
{
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (view_child (fixture, "location_columns")),
                                                            position);

  g_assert_nonnull (child);

  return GTK_WIDGET (child);
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  GtkWidget *label = pn_test_find_widget (root, GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
column_marked_best (GtkWidget *column)
{
  GtkWidget *badge = pn_test_find_widget (column, GTK_TYPE_BOX, "best");

  g_assert_nonnull (badge);
  /* The outline and the words go together. */
  g_assert_true (gtk_widget_has_css_class (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (column)), "best") ==
                 gtk_widget_get_visible (badge));

  return gtk_widget_get_visible (badge);
}

static GtkListBoxRow *
find_row (GtkWidget  *list,
          const char *name)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
    {
      if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0)
        return row;
    }

  return NULL;
}

static GtkWidget *
row_cell (GtkListBoxRow *row,
          const char    *location)
{
  GtkWidget *cells = pn_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BOX, "cells");
  GtkWidget *cell;

  g_assert_nonnull (cells);
  cell = pn_test_find_widget (cells, GTK_TYPE_BOX, location);
  g_assert_nonnull (cell);

  return cell;
}

/* A measure's outcome at one place, as the comparison tells it apart. */
static char *
outcome (const PnResult *result)
{
  g_autofree char *amount = NULL;

  if (result == NULL)
    return g_strdup ("absent");

  amount = pn_gui_result_amount (result);
  return g_strdup_printf ("%s/%d/%d", amount, result->counted, result->not_counted);
}

/* Every column and every cell of the view against separate engine runs. */
static void
check_against_core (Fixture *fixture)
{
  const char * const *locations = pn_compare_view_get_locations (fixture->view);
  guint n = g_strv_length ((GStrv) locations);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_results_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PnCompare) compare = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *counted_list = view_child (fixture, "counted_list");
  GtkWidget *other_list = view_child (fixture, "other_list");
  GtkWidget *kind_list = view_child (fixture, "kind_list");
  gint64 max = G_MININT64, min = G_MAXINT64;
  guint n_best = 0;
  guint n_rows = 0;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture, "content_stack"))), ==, "compare");
  g_assert_cmpuint (count_children (view_child (fixture, "location_columns")), ==, n);
  show_all_rows (fixture, "counted_list", "counted_more_button");
  show_all_rows (fixture, "other_list", "other_more_button");

  for (guint i = 0; i < n; i++)
    {
      PnResults *at = evaluate_at (fixture, locations[i]);

      g_ptr_array_add (results, at);
      max = MAX (max, pn_results_get_total (at));
      min = MIN (min, pn_results_get_total (at));
    }

  /* The columns: the place, its counted total, the best ones marked. */
  for (guint i = 0; i < n; i++)
    {
      PnResults *at = g_ptr_array_index (results, i);
      GtkWidget *column = nth_column (fixture, i);
      g_autofree char *total = pn_money_format_yuan (pn_results_get_total (at));
      g_autofree char *name = pn_corpus_location_label (pn_application_get_corpus (fixture->app), locations[i],
                                                        pn_gui_get_lang ());
      gboolean best = max > min && pn_results_get_total (at) == max;

      g_assert_cmpstr (gtk_widget_get_name (column), ==, locations[i]);
      g_assert_cmpstr (label_text (column, "name"), ==, name);
      g_assert_cmpstr (label_text (column, "total"), ==, total);
      g_assert_cmpint (column_marked_best (column), ==, best);
      /* Marked for a screen reader too. */
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_test_message ("%s: %s%s", locations[i], total, best ? " (highest)" : "");
      n_best += best;
    }
  if (max > min)
    g_assert_cmpuint (n_best, >, 0);

  /* The view's own comparison is the core's for the same answers. */
  compare = pn_compare_new (pn_application_get_corpus (fixture->app), fixture->profile, locations, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pn_compare_view_get_compare (fixture->view));
  g_assert_true (column_marked_best (nth_column (fixture, pn_compare_get_best (compare))) || max == min);

  /* A row per measure listed anywhere, in the right list, each cell the
   * engine's amount at that place, highlighted where the places differ. */
  for (guint i = 0; i < n; i++)
    {
      PnResults *at = g_ptr_array_index (results, i);

      for (guint j = 0; j < pn_results_get_n_results (at); j++)
        {
          const PnResult *result = pn_results_get_result (at, j);
          const char *id = result->benefit->id;
          gboolean counted_anywhere = FALSE;
          gboolean differs = FALSE;
          g_autofree char *first = NULL;
          GtkListBoxRow *row;

          if (g_hash_table_contains (seen, id))
            continue;
          g_hash_table_add (seen, (gpointer) id);

          for (guint k = 0; k < n; k++)
            {
              const PnResult *there = pn_results_find (g_ptr_array_index (results, k), id);
              g_autofree char *here = outcome (there);

              counted_anywhere |= there != NULL && there->counted;
              if (k == 0)
                first = g_steal_pointer (&here);
              else
                differs |= g_strcmp0 (first, here) != 0;
            }

          row = find_row (counted_anywhere ? counted_list : other_list, id);
          g_assert_nonnull (row);
          g_assert_null (find_row (counted_anywhere ? other_list : counted_list, id));
          g_assert_cmpstr (label_text (GTK_WIDGET (row), "title"), ==, pn_gui_text (&result->benefit->title));
          g_assert_cmpint (pn_test_find_mapped_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "differs") != NULL, ==, differs);
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL));

          for (guint k = 0; k < n; k++)
            {
              const PnResult *there = pn_results_find (g_ptr_array_index (results, k), id);
              GtkWidget *cell = row_cell (row, locations[k]);
              g_autofree char *amount = there != NULL ? pn_gui_result_amount (there) : g_strdup ("—");

              g_assert_cmpstr (label_text (cell, "amount"), ==, amount);
              g_assert_cmpint (gtk_widget_has_css_class (cell, "differs"), ==, differs);
              if (differs)
                {
                  const char *tooltip = gtk_widget_get_tooltip_text (cell);
                  g_autofree char *expected = NULL;

                  if (tooltip != NULL)
                    expected = g_strdup_printf (_("%s. %s"), _("Differs between locations"), tooltip);
                  else
                    expected = g_strdup (_("Differs between locations"));
                  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
                }
              if (there != NULL && there->counted)
                g_assert_cmpstr (label_text (cell, "state"), ==, _("Counted"));
            }
          n_rows++;
        }
    }
  g_assert_cmpuint (n_rows, ==, g_hash_table_size (seen));
  /* …and no other rows. */
  g_assert_cmpuint (count_rows (counted_list) + count_rows (other_list), ==, n_rows);

  /* The totals by kind: pn_compare_get_kind_total(). */
  for (PnBenefitKind kind = 0; kind < PN_N_BENEFIT_KINDS; kind++)
    {
      GtkListBoxRow *row = find_row (kind_list, pn_benefit_kind_to_string (kind));
      guint counted = 0;

      for (guint i = 0; i < n; i++)
        {
          guint count = 0;

          pn_compare_get_kind_total (compare, i, kind, &count);
          counted += count;
        }
      g_assert_cmpint (row != NULL, ==, counted > 0);
      if (row == NULL)
        continue;
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *total = pn_money_format_yuan (pn_compare_get_kind_total (compare, i, kind, NULL));

          g_assert_cmpstr (label_text (row_cell (row, locations[i]), "amount"), ==, total);
        }
    }

  g_test_message ("%u measures compared at %u locations", n_rows, n);
}

/* ---- the tests ---- */

/* /pn/gui/compare/empty: no answers, nothing to compare; the button starts
 * the questions. */
static void
test_empty (Fixture *fixture)
{
  GtkWidget *button = view_child (fixture, "answer_button");

  show_compare (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture, "content_stack"))), ==, "empty");
  g_assert_null (pn_compare_view_get_compare (fixture->view));
  /* Three locations are ready all the same. */
  g_assert_cmpuint (g_strv_length ((GStrv) pn_compare_view_get_locations (fixture->view)), ==, 3);
  screenshot (fixture, "compare-empty");

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
}

/* /pn/gui/compare/scenario: Xiamen, Jinjiang and Fuzhou side by side, each
 * column what the engine gives there; an answer changed updates them. */
static void
test_scenario (Fixture *fixture)
{
  static const char * const quanzhou_first[] = { "quanzhou", "xiamen", "jinjiang", NULL };
  static const char * const four[] = { "quanzhou", "xiamen", "jinjiang", "fuzhou", NULL };
  g_autofree char *before = NULL;
  gboolean moved = FALSE;

  /* Registered in Quanzhou: it comes first, then two of the defaults. */
  answer_scenario (fixture, "quanzhou");
  show_compare (fixture);
  assert_locations (fixture, quanzhou_first);
  g_assert_true (pn_test_find_widget (nth_column (fixture, 0), GTK_TYPE_LABEL, NULL) != NULL);
  check_against_core (fixture);

  /* Fuzhou in, Quanzhou out. */
  toggle_location (fixture, "fuzhou", TRUE);
  assert_locations (fixture, four);
  g_assert_cmpuint (count_children (view_child (fixture, "location_columns")), ==, 4);
  toggle_location (fixture, "quanzhou", FALSE);
  assert_locations (fixture, scenario_locations);
  check_against_core (fixture);

  /* Xiamen's measure counts there only. */
  {
    GtkListBoxRow *row = find_row (view_child (fixture, "counted_list"), XIAMEN_PHASE_2);

    g_assert_nonnull (row);
    g_assert_cmpstr (label_text (row_cell (row, "jinjiang"), "amount"), ==, "—");
    g_assert_cmpstr (label_text (row_cell (row, "fuzhou"), "amount"), ==, "—");
    g_assert_nonnull (pn_test_find_mapped_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, "differs"));
  }

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), >=, 960);
  screenshot (fixture, "compare");

  /* The profile moves: the choice stays the user's. */
  pn_profile_set_location (fixture->profile, "putian");
  assert_locations (fixture, scenario_locations);

  /* ¥50,000,000 of R&D instead, with the view on screen. */
  before = g_strdup (label_text (nth_column (fixture, 0), "total"));
  {
    gint64 start = g_get_monotonic_time ();

    pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 50000000);
    g_test_message ("benchmark: an answer changed with the comparison on screen → every view updated, "
                    "the comparison rerun at 3 places and rebuilt, in %.2f ms",
                    (g_get_monotonic_time () - start) / 1000.0);
  }
  check_against_core (fixture);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PnResults) old = NULL;
      g_autoptr(PnProfile) copy = pn_profile_copy (fixture->profile);

      pn_profile_set_figure (copy, PN_FIGURE_RD_INVESTMENT, 30000000);
      pn_profile_set_location (copy, scenario_locations[i]);
      old = pn_engine_evaluate (fixture->corpus, copy, NULL);
      {
        g_autofree char *old_total = pn_money_format_yuan (pn_results_get_total (old));

        moved |= g_strcmp0 (old_total, label_text (nth_column (fixture, i), "total")) != 0;
      }
    }
  /* Not a vacuous check: the new figure changes some total. */
  g_assert_true (moved);
  g_test_message ("Xiamen: %s, then %s", before, label_text (nth_column (fixture, 0), "total"));

  /* The phase: another cap, the same columns. */
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-3");
  check_against_core (fixture);

  /* Dark. */
  {
    AdwStyleManager *style = adw_style_manager_get_default ();

    pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
    pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 30000000);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
    for (guint i = 0; i < 3; i++)
      g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
    screenshot (fixture, "compare-dark");
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  }

  /* 2019: nothing is in force yet; every ¥0 says why. */
  pn_profile_set_as_of (fixture->profile, "2019-01-01");
  pn_test_flush ();
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *column = nth_column (fixture, i);
      GtkWidget *why = pn_test_find_widget (column, GTK_TYPE_LABEL, "why");

      g_assert_cmpstr (label_text (column, "total"), ==, "¥0");
      g_assert_nonnull (why);
      g_test_message ("%s: %s", label_text (column, "name"), gtk_label_get_text (GTK_LABEL (why)));
      /* the reason is first the date, not only a question (it said "1
       * possible: it still needs an answer or a check" above a column of
       * measures not yet in force) */
      {
        const char *said = gtk_label_get_text (GTK_LABEL (why));
        g_autofree char *dated = g_strdup_printf (ngettext ("%u not in force on this date",
                                                            "%u not in force on this date", 2), 2u);
        const char *number_end = dated;

        while (g_ascii_isdigit (*number_end))
          number_end++;
        g_assert_true (g_str_equal (said, _("Its measures are not in force on this date")) ||
                       strstr (said, number_end) != NULL);
      }
    }
  screenshot (fixture, "compare-zero");
}

/* /pn/gui/compare/hidden: changes while another view shows reach the
 * comparison when it shows. */
static void
test_hidden (Fixture *fixture)
{
  answer_scenario (fixture, "xiamen");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 40000000);
  /* The default: the profile's location first. */
  assert_locations (fixture, scenario_locations);
  show_compare (fixture);
  check_against_core (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  pn_profile_set_location (fixture->profile, "jinjiang");
  {
    static const char * const jinjiang_first[] = { "jinjiang", "xiamen", "fuzhou", NULL };

    /* Nobody chose yet: the default follows the profile. */
    assert_locations (fixture, jinjiang_first);
  }
  show_compare (fixture);
  check_against_core (fixture);
}

/* /pn/gui/compare/picker: two to four, never fewer nor more. */
static void
test_picker (Fixture *fixture)
{
  static const char * const two[] = { "xiamen", "jinjiang", NULL };
  GtkWidget *hint = view_child (fixture, "locations_hint_label");
  GPtrArray *all = pn_taxonomy_get_locations (pn_corpus_get_taxonomy (fixture->corpus));
  const char * const *chosen;

  answer_scenario (fixture, "xiamen");
  show_compare (fixture);
  assert_locations (fixture, scenario_locations);
  g_assert_cmpuint (count_children (view_child (fixture, "location_checks")), ==, all->len);

  /* Three: every box can change. */
  for (guint i = 0; i < all->len; i++)
    g_assert_true (gtk_widget_is_sensitive (find_check (fixture, ((PnTerm *) g_ptr_array_index (all, i))->id)));

  /* Two: the two chosen cannot be cleared. */
  toggle_location (fixture, "fuzhou", FALSE);
  assert_locations (fixture, two);
  g_assert_false (gtk_widget_is_sensitive (find_check (fixture, "xiamen")));
  g_assert_false (gtk_widget_is_sensitive (find_check (fixture, "jinjiang")));
  g_assert_true (gtk_widget_is_sensitive (find_check (fixture, "fuzhou")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                   _("Two locations at least: choose another before clearing one."));
  check_against_core (fixture);

  /* Four: no fifth. */
  toggle_location (fixture, "fuzhou", TRUE);
  toggle_location (fixture, "putian", TRUE);
  chosen = pn_compare_view_get_locations (fixture->view);
  g_assert_cmpuint (g_strv_length ((GStrv) chosen), ==, 4);
  for (guint i = 0; i < all->len; i++)
    {
      const char *id = ((PnTerm *) g_ptr_array_index (all, i))->id;
      gboolean is_chosen = g_strv_contains (chosen, id);

      g_assert_cmpint (gtk_widget_is_sensitive (find_check (fixture, id)), ==, is_chosen);
      g_assert_cmpint (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (fixture, id))), ==, is_chosen);
    }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==, _("Four locations at most: clear one to choose another."));
  check_against_core (fixture);

  /* Programmatic choices are checked like the user's. */
  {
    static const char * const one[] = { "xiamen", NULL };
    static const char * const twice[] = { "xiamen", "xiamen", NULL };
    static const char * const unknown[] = { "xiamen", "atlantis", NULL };
    static const char * const five[] = { "xiamen", "jinjiang", "fuzhou", "putian", "ningde", NULL };

    g_assert_false (pn_compare_view_set_locations (fixture->view, one));
    g_assert_false (pn_compare_view_set_locations (fixture->view, twice));
    g_assert_false (pn_compare_view_set_locations (fixture->view, unknown));
    g_assert_false (pn_compare_view_set_locations (fixture->view, five));
    g_assert_cmpuint (g_strv_length ((GStrv) pn_compare_view_get_locations (fixture->view)), ==, 4);
    g_assert_true (pn_compare_view_set_locations (fixture->view, two));
    assert_locations (fixture, two);
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (fixture, "jinjiang"))));
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (fixture, "putian"))));
    check_against_core (fixture);
  }

  /* The picker open, for the record: the popover is a surface of its own. */
  {
    GtkMenuButton *button = GTK_MENU_BUTTON (view_child (fixture, "locations_button"));
    GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
    g_autofree char *filename = pn_test_screenshot_path ("compare-picker");

    /* An autohiding popover grabs the pointer, which fails while another
     * test's window on the same X server holds a grab: the popover is then
     * dismissed at once.  Without autohide there is no grab. */
    gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
    gtk_menu_button_popup (button);
    /* The popover's surface maps when the display server says so: wait
     * for that, not for a number of frames. */
    g_assert_true (pn_test_wait (pn_test_is_mapped, find_check (fixture, "putian")));
    g_assert_true (pn_test_wait_for_frame (popover, PN_TEST_FRAME_TIMEOUT_MS));
    pn_test_save_screenshot (popover, filename);
    gtk_menu_button_popdown (button);
    gtk_popover_set_autohide (GTK_POPOVER (popover), TRUE);
  }
}

/* /pn/gui/compare/declared-place: a place only an imported document
 * declares (Shenzhen, under Guangdong) is offered, chosen for a profile
 * there, named in its column and compared like the taxonomy's. */
static void
test_declared_place (Fixture *fixture)
{
  static const char * const expected[] = { "shenzhen", "xiamen", "jinjiang", NULL };
  gboolean zh = pn_gui_get_lang () == PN_LANG_ZH;
  GtkWidget *shenzhen, *guangdong;

  pn_test_import_shenzhen (fixture);
  answer_scenario (fixture, "shenzhen");
  show_compare (fixture);

  /* the profile's place first, then the usual ones */
  assert_locations (fixture, expected);
  shenzhen = find_check (fixture, "shenzhen");
  guangdong = find_check (fixture, "guangdong");
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (shenzhen)), ==, zh ? "深圳市" : "Shenzhen");
  g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (guangdong)), ==, zh ? "广东省" : "Guangdong");
  /* a city under its province, as the taxonomy's are */
  g_assert_cmpint (gtk_widget_get_margin_start (shenzhen), ==, 0);
  g_assert_cmpint (gtk_widget_get_margin_start (guangdong), ==, 0);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (shenzhen)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (view_child (fixture, "locations_label"))),
                            zh ? "深圳市" : "Shenzhen"));

  /* the Phase II award of the Shenzhen document, ¥2,000,000, in its column */
  {
    g_autofree char *total = pn_money_format_yuan (2000000);

    g_assert_cmpstr (label_text (nth_column (fixture, 0), "total"), ==, total);
  }
  check_against_core (fixture);

  /* chosen by code too; a place nobody declares still is not */
  {
    static const char * const two[] = { "guangdong", "shenzhen", NULL };
    static const char * const unknown[] = { "shenzhen", "hangzhou", NULL };

    g_assert_false (pn_compare_view_set_locations (fixture->view, unknown));
    g_assert_true (pn_compare_view_set_locations (fixture->view, two));
    assert_locations (fixture, two);
    check_against_core (fixture);
  }
  screenshot (fixture, "compare-declared-place");
}

/* Every control, list, row and column has a name. */
static void
check_names (GtkWidget *widget,
             guint     *n_controls)
{
  if (GTK_IS_CHECK_BUTTON (widget) || GTK_IS_BUTTON (widget) || GTK_IS_LIST_BOX (widget) ||
      GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_FLOW_BOX_CHILD (widget))
    {
      (*n_controls)++;
      if (!pn_test_has_accessible_name (widget))
        {
          g_test_message ("a %s named “%s” in a %s has no accessible name",
                          G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
          g_test_fail ();
        }
      /* A menu button's inner button is GTK's. */
      if (GTK_IS_MENU_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, n_controls);
}

static gboolean
is_within (GtkWidget *widget,
           GtkWidget *ancestor)
{
  return widget != NULL && (widget == ancestor || gtk_widget_is_ancestor (widget, ancestor));
}

/* /pn/gui/compare/keyboard: Tab reaches the picker, each column and each
 * row; the picker and the columns are named; a row opens its article. */
static void
test_keyboard (Fixture *fixture)
{
  GtkWidget *button = view_child (fixture, "locations_button");
  GtkWidget *columns = view_child (fixture, "location_columns");
  GtkWidget *counted_list = view_child (fixture, "counted_list");
  GtkListBoxRow *row;
  GtkWidget *focus;
  guint n_controls = 0;
  gboolean reached_columns = FALSE;
  gboolean reached_rows = FALSE;

  answer_scenario (fixture, "xiamen");
  show_compare (fixture);

  check_names (GTK_WIDGET (fixture->view), &n_controls);
  check_names (view_child (fixture, "location_checks"), &n_controls);
  g_test_message ("%u controls named", n_controls);
  g_assert_cmpuint (n_controls, >, 20);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (columns), GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* From the picker on, Tab goes through the columns, then the rows. */
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_focusable (gtk_widget_get_first_child (button)));
  g_assert_true (gtk_widget_grab_focus (button));
  for (guint i = 0; i < 12 && !reached_rows; i++)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      g_assert_true (is_within (focus, GTK_WIDGET (fixture->view)));
      if (GTK_IS_FLOW_BOX_CHILD (focus) && is_within (focus, columns))
        reached_columns = TRUE;
      if (GTK_IS_LIST_BOX_ROW (focus))
        reached_rows = TRUE;
    }
  g_assert_true (reached_columns);
  g_assert_true (reached_rows);

  /* Enter on a measure shows its article in the documents. */
  row = find_row (counted_list, XIAMEN_PHASE_2);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "documents");
  {
    GtkWidget *reader = gtk_stack_get_visible_child (fixture->main_stack);

    g_assert_true (PN_IS_READER_VIEW (reader));
    g_assert_cmpstr (pn_reader_view_get_document_id (PN_READER_VIEW (reader)), ==, "xiamen-2023-17");
    g_assert_cmpstr (pn_reader_view_get_article_number (PN_READER_VIEW (reader)), ==, "1");
  }
}

/* /pn/gui/compare/many: a large corpus lists hundreds of measures at the
 * places compared; each list shows a page at a time, and every measure
 * still has its row and its amounts once shown. */
static void
test_many (Fixture *fixture)
{
  pn_test_import_generated (fixture, 1200);
  answer_scenario (fixture, "xiamen");
  show_compare (fixture);
  g_assert_true (gtk_widget_get_visible (view_child (fixture, "other_more_button")));
  check_against_core (fixture);
}

/* /pn/gui/compare/narrow: at 360 px the columns still fit three places,
 * and four scroll sideways, the header with the rows. */
static void
test_narrow (Fixture *fixture)
{
  static const char * const four[] = { "xiamen", "jinjiang", "fuzhou", "quanzhou", NULL };
  GtkScrolledWindow *body = GTK_SCROLLED_WINDOW (view_child (fixture, "body_scrolled_window"));
  GtkScrolledWindow *header = GTK_SCROLLED_WINDOW (view_child (fixture, "header_scrolled_window"));
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (body);

  answer_scenario (fixture, "xiamen");
  show_compare (fixture);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 700);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  /* Under Xvfb the window may come out a few pixels short of its size. */
  g_test_message ("window %d px wide", gtk_widget_get_width (GTK_WIDGET (fixture->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), >=, 340);
  check_against_core (fixture);

  /* One adjustment for both: they cannot drift apart. */
  g_assert_true (gtk_scrolled_window_get_hadjustment (header) == hadjustment);
  g_test_message ("three places: %.0f px of content in %.0f px",
                  gtk_adjustment_get_upper (hadjustment), gtk_adjustment_get_page_size (hadjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment) + 0.5);
  screenshot (fixture, "compare-narrow");
  /* the places chosen stay readable beside the date ("晋…" was left) */
  g_assert_cmpint (gtk_widget_get_width (view_child (fixture, "locations_label")), >=, 60);

  /* The measures, a line a location. */
  {
    GtkWidget *content = gtk_scrolled_window_get_child (body);
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (gtk_widget_get_ancestor (view_child (fixture, "counted_list"), ADW_TYPE_PREFERENCES_GROUP), content,
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (body), point.y);
    screenshot (fixture, "compare-narrow-measures");
  }

  g_assert_true (pn_compare_view_set_locations (fixture->view, four));
  check_against_core (fixture);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_test_message ("four places: %.0f px of content in %.0f px",
                  gtk_adjustment_get_upper (hadjustment), gtk_adjustment_get_page_size (hadjustment));
  screenshot (fixture, "compare-narrow-four");
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment));
  screenshot (fixture, "compare-narrow-four-scrolled");
}

int
main (int   argc,
      char *argv[])
{
  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);

  static const PnTestCase tests[] = {
    { "/pn/gui/compare/empty", test_empty },
    { "/pn/gui/compare/many", test_many },
    { "/pn/gui/compare/scenario", test_scenario },
    { "/pn/gui/compare/hidden", test_hidden },
    { "/pn/gui/compare/picker", test_picker },
    { "/pn/gui/compare/keyboard", test_keyboard },
    { "/pn/gui/compare/narrow", test_narrow },
    { "/pn/gui/compare/declared-place", test_declared_place },
  };
  static const PnTestAppOptions options = { .width = 1000, .height = 700 };

  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), "compare", &options);

  return g_test_run ();
}
