/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window at GNOME's small-screen size, 360 × 640: it takes that width,
 * and every view (the welcome, each question, the results and a measure,
 * the documents, compare, pipeline, deadlines) draws nothing past it.
 * Screenshots of each in _build/tests/gui/screenshots/narrow-*.
 */
#define G_LOG_DOMAIN "test-adaptive"

#include "config.h"

#include "assistant/pn-assistant.h"
#include "assistant/pn-page.h"
#include "pn-application.h"
#include "pn-test-util.h"
#include "pn-window.h"
#include "reader/pn-reader-view.h"
#include "results/pn-results-view.h"

#include <glib/gi18n.h>
#include <string.h>

#define WIDTH 360
#define HEIGHT 640

static const char *layout = "appmenu:close";
static const char *shot_prefix = "narrow-";

typedef PnTestFixture Fixture;

static GtkWidget *
content (Fixture *fixture)
{
  return adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
}

/* An innovative drug at Phase II in Xiamen with ¥30,000,000 of R&D. */
static void
answer_drug (Fixture *fixture)
{
  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 30000000);
}

static void
log_minimums (GtkWidget *widget,
              int        depth)
{
  int min = 0, nat = 0;

  if (!gtk_widget_get_visible (widget) || depth > 9)
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  g_test_message ("%*s%s “%s” min %d nat %d", depth * 2, "", G_OBJECT_TYPE_NAME (widget),
                  gtk_widget_get_name (widget), min, nat);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    log_minimums (child, depth + 1);
}

/* Drawn, within the width, and on record. */
static void
check (Fixture    *fixture,
       const char *name)
{
  g_autofree char *shot = g_strconcat (shot_prefix, name, NULL);

  g_test_message ("%s", name);
  if (g_getenv ("PN_TEST_LOG_MINIMUMS") != NULL)
    log_minimums (content (fixture), 0);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, WIDTH);
  pn_test_assert_within_width (content (fixture), WIDTH);
  pn_test_window_screenshot (fixture->window, shot);
}

static void
show (Fixture    *fixture,
      const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  pn_test_flush ();
}

static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *needle)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_views (Fixture *fixture)
{
  PnAssistant *assistant;
  PnResultsView *results;
  AdwWindowTitle *title;
  GtkWidget *back;

  /* GNOME's own button layout (org.gnome.desktop.wm.preferences
   * button-layout 'appmenu:close', as on a phone), or, without a settings
   * daemon (Xvfb, another desktop), GTK's fallback with minimize and
   * maximize too: then Next gives way to its arrow and, in the questions,
   * the clients button to nothing (it was 396 px wide). */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);

  /* The window's minimum is no wider than a phone. */
  pn_test_resize_window (fixture->window, WIDTH, HEIGHT);
  check (fixture, "welcome");

  /* The documents before any answer, whatever room the header bar has
   * for its button; Back is back to the welcome. */
  {
    GtkWidget *browse = pn_test_window_child (fixture->window, "browse_documents_button");

    g_assert_true (gtk_widget_get_mapped (browse));
    g_signal_emit_by_name (browse, "clicked");
    pn_test_flush ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pn_test_window_child (fixture->window, "main_stack"))),
                     ==, "documents");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
    pn_test_flush ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pn_test_window_child (fixture->window, "main_stack"))),
                     ==, "welcome");
  }

  /* Every question, one after the other. */
  show (fixture, "win.start");
  assistant = PN_ASSISTANT (pn_window_get_view (fixture->window, "assistant"));
  answer_drug (fixture);
  /* a client open: its name in the title made the title so wide that the
   * buttons beside it gave way, clients included */
  pn_profile_set_name (fixture->profile, "Acme Oncology Holdings");
  pn_application_set_unsaved_changes (fixture->app, FALSE);
  while (TRUE)
    {
      PnPage *page = pn_assistant_get_current_page (assistant);
      /* "PnLocationPage" → "location" */
      const char *type = G_OBJECT_TYPE_NAME (page) + strlen ("Pn");
      g_autofree char *name = g_ascii_strdown (type, strlen (type) - strlen ("Page"));

      check (fixture, name);
      if (pn_assistant_get_is_last (assistant))
        break;
      pn_assistant_next (assistant);
      pn_test_flush ();
    }

  /* The results: a list, then a measure filling the window with its
   * title and Back in the header bar. */
  show (fixture, "win.show-results");
  results = PN_RESULTS_VIEW (pn_window_get_view (fixture->window, "results"));
  check (fixture, "results");
  /* with GNOME's close button alone, the clients stay a click away */
  if (g_str_equal (layout, "appmenu:close"))
    g_assert_true (gtk_widget_get_mapped (pn_test_window_child (fixture->window, "profiles_button")));
  /* no client name in the title at this width; changes not saved, a dot */
  g_assert_null (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (pn_test_window_child (fixture->window, "window_title"))) != NULL &&
                 *adw_window_title_get_subtitle (ADW_WINDOW_TITLE (pn_test_window_child (fixture->window, "window_title"))) != '\0'
                 ? "a subtitle" : NULL);
  pn_application_set_unsaved_changes (fixture->app, TRUE);
  pn_test_flush ();
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (ADW_WINDOW_TITLE (pn_test_window_child (fixture->window, "window_title"))),
                                   "• "));
  pn_application_set_unsaved_changes (fixture->app, FALSE);
  pn_test_flush ();
  title = ADW_WINDOW_TITLE (pn_test_window_child (fixture->window, "window_title"));
  back = pn_test_window_child (fixture->window, "back_button");
  g_assert_cmpstr (adw_window_title_get_title (title), ==, _("Results"));
  g_assert_true (pn_results_view_show_measure (results, "xiamen-2023-17/1/innovative-phase-2"));
  pn_test_flush ();
  g_assert_nonnull (pn_results_view_get_detail_title (results));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, pn_results_view_get_detail_title (results));
  g_assert_true (gtk_widget_get_visible (back));
  check (fixture, "measure");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  pn_test_flush ();
  g_assert_null (pn_results_view_get_detail_title (results));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, _("Results"));

  /* The planning views and the documents. */
  show (fixture, "win.show-compare");
  check (fixture, "compare");
  show (fixture, "win.show-pipeline");
  check (fixture, "pipeline");
  show (fixture, "win.show-deadlines");
  check (fixture, "deadlines");
  show (fixture, "win.show-documents");
  check (fixture, "documents");

  /* A page of the documents: one Back, the header's, back to the list
   * first (the reader's own arrow stood under it), then out */
  {
    GtkWidget *reader = pn_window_get_view (fixture->window, "documents");
    AdwLeaflet *leaflet = ADW_LEAFLET (pn_test_template_child (reader, PN_TYPE_READER_VIEW, "leaflet"));

    g_assert_true (pn_reader_view_show_article (PN_READER_VIEW (reader), "xiamen-2023-17", "1"));
    pn_test_flush ();
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
    g_assert_false (gtk_widget_get_visible (pn_test_template_child (reader, PN_TYPE_READER_VIEW,
                                                                    "content_back_button")));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
    pn_test_flush ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pn_test_window_child (fixture->window, "main_stack"))),
                     ==, "documents");
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
    /* the document's articles: the header's Back alone (the list's own
     * arrow, to the documents too, stood under it) */
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pn_test_template_child (reader, PN_TYPE_READER_VIEW,
                                                                                          "sidebar_stack"))),
                     ==, "articles");
    g_assert_false (gtk_widget_get_visible (pn_test_template_child (reader, PN_TYPE_READER_VIEW, "documents_button")));
  }

  /* A saved client opened here: the header names no client at this
   * width, and the documents look the same; a toast says which it is. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PnProfile) saved = pn_profile_copy (fixture->profile);
    g_autofree char *expected = g_strdup_printf (_("Opened “%s”"), "Beta Devices");

    pn_profile_set_name (saved, "Beta Devices");
    g_assert_true (pn_store_save_profile (pn_application_get_store (fixture->app), saved, &error));
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-client", "s", "Beta Devices"));
    pn_test_flush ();
    g_assert_cmpstr (pn_profile_get_name (fixture->profile), ==, "Beta Devices");
    g_assert_nonnull (find_label_with (GTK_WIDGET (fixture->window), expected));
  }
}

static void
test_views_three_buttons (Fixture *fixture)
{
  layout = "menu:minimize,maximize,close";
  shot_prefix = "narrow-three-buttons-";
  test_views (fixture);
}

int
main (int   argc,
      char *argv[])
{
  static const PnTestCase tests[] = {
    { "/pn/gui/adaptive/360", test_views },
    { "/pn/gui/adaptive/360-three-buttons", test_views_three_buttons },
  };

  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);
  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), NULL,
                         &(PnTestAppOptions) { .width = 1000, .height = 700 });

  return g_test_run ();
}
