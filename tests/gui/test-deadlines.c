/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-deadlines"

#include "config.h"

#include "pn-application.h"
#include "pn-deadlines.h"
#include "pn-engine.h"
#include "pn-gui-util.h"
#include "pn-test-util.h"
#include "pn-window.h"
#include "planning/pn-deadlines-view.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

/* The example: Jinjiang's 晋政规〔2025〕8号 is in force until
 * 2026-12-31 ("本政策自印发之日起施行，有效期至2026年12月31日"). */
#define LOCATION "jinjiang"
#define AS_OF "2026-11-23"
#define UNWRITABLE "/proc/x.ics"

/* The application, its window and the view under test: pn-test-util. */
typedef PnTestFixture Fixture;

/* ---- waiting ---- */

/* ---- fixture: the real application on a temporary store ---- */

static gpointer
view_child (Fixture    *fixture,
            const char *name)
{
  return pn_test_template_child (GTK_WIDGET (fixture->view), PN_TYPE_DEADLINES_VIEW, name);
}

/* The window at 360 px, the narrowest it goes: the default size counts
 * the client-side shadow, which the allocation does not. */
static void
narrow (Fixture *fixture)
{
  int width, height;
  int shadow;

  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  shadow = width - gtk_widget_get_width (GTK_WIDGET (fixture->window));
  g_assert_cmpint (shadow, >=, 0);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360 + shadow, 720);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->view)), ==, 360);
}

/* Scrolls the timeline to `widget`, or to the top. */
static void
scroll_to (Fixture   *fixture,
           GtkWidget *widget)
{
  GtkScrolledWindow *scrolled = view_child (fixture, "scrolled_window");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);

  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  if (widget != NULL)
    g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (scrolled),
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, point.y);
}

static void
show_deadlines (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-deadlines", NULL));
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "deadlines");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
}

/* ---- what the view shows, read from its widgets ---- */

/* The date sections of the timeline, in order. */
static GPtrArray *
sections (Fixture *fixture)
{
  GPtrArray *found = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (view_child (fixture, "timeline_box"));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (found, child);

  return found;
}

static const char *
section_heading (GtkWidget *section)
{
  GtkWidget *label = pn_test_find_widget (section, GTK_TYPE_LABEL, "heading");

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

/* Every measure row of the timeline, in order. */
static GPtrArray *
rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) all_sections = sections (fixture);
  GPtrArray *found = g_ptr_array_new ();

  for (guint s = 0; s < all_sections->len; s++)
    {
      GtkWidget *list = pn_test_find_widget (g_ptr_array_index (all_sections, s), GTK_TYPE_LIST_BOX, NULL);
      GtkListBoxRow *row;

      g_assert_nonnull (list);
      for (guint i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)) != NULL; i++)
        g_ptr_array_add (found, row);
    }

  return found;
}

static const char *
row_text (GtkWidget  *row,
          const char *name)
{
  GtkWidget *label = pn_test_find_widget (row, GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

/* ---- what the core computes for the same answers ---- */

static PnDeadlines *
core_deadlines (Fixture    *fixture,
                const char *as_of,
                gint        within)
{
  g_autoptr(GError) error = NULL;
  PnDeadlines *deadlines = pn_deadlines_new (pn_application_get_corpus (fixture->app),
                                             pn_profile_get_location (fixture->profile),
                                             as_of, within, &error);

  g_assert_no_error (error);
  g_assert_nonnull (deadlines);

  return deadlines;
}

/* The core's deadlines the engine lists for the profile (NULL: all). */
static GPtrArray *
expected_deadlines (Fixture     *fixture,
                    PnDeadlines *deadlines,
                    gboolean     for_project)
{
  g_autoptr(PnResults) results = NULL;
  GPtrArray *expected = g_ptr_array_new ();

  if (for_project)
    results = pn_engine_evaluate (pn_application_get_corpus (fixture->app), fixture->profile, NULL);

  for (guint i = 0; i < pn_deadlines_get_n_deadlines (deadlines); i++)
    {
      const PnDeadline *deadline = pn_deadlines_get_deadline (deadlines, i);

      if (results == NULL || pn_results_find (results, deadline->benefit->id) != NULL)
        g_ptr_array_add (expected, (gpointer) deadline);
    }

  return expected;
}

static GDateTime *
date_from_iso (const char *iso)
{
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day), ==, 3);

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

static char *
expected_heading (const char *as_of,
                  const char *end)
{
  g_autoptr(GDateTime) from = date_from_iso (as_of);
  g_autoptr(GDateTime) to = date_from_iso (end);
  g_autofree char *date = g_date_time_format (to, C_("date format", "%-d %B %Y"));
  g_autofree char *days = NULL;
  int n = (int) (g_date_time_difference (to, from) / G_TIME_SPAN_DAY);

  g_assert_cmpint (n, >, 0);
  days = g_strdup_printf (ngettext ("ends in %d day", "ends in %d days", n), n);
  if (pn_gui_get_lang () == PN_LANG_EN && g_str_equal (as_of, AS_OF) && g_str_equal (end, "2026-12-31"))
    g_assert_cmpstr (days, ==, "ends in 38 days");

  return g_strdup_printf (_("%s — %s"), date, days);
}

/* The rows are the expected deadlines, in the core's order, each with
 * its title, citation and status; a date heading over each end date,
 * marked when it is within 90 days. */
static void
assert_rows_are (Fixture     *fixture,
                 GPtrArray   *expected,
                 const char  *as_of)
{
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) all_sections = NULL;
  GtkWidget *more = view_child (fixture, "more_button");
  const char *date = NULL;
  guint s = 0;

  /* a page at first, then "Show More" to the end, the keyboard on the
   * first new row each time */
  shown = rows (fixture);
  g_assert_cmpuint (shown->len, ==, MIN (expected->len, 100));
  g_assert_cmpint (gtk_widget_get_visible (more), ==, expected->len > 100);
  while (gtk_widget_get_visible (more))
    {
      guint before = shown->len;

      g_assert_true (strstr (gtk_button_get_label (GTK_BUTTON (more)), "100") != NULL ||
                     expected->len - before < 100);
      g_signal_emit_by_name (more, "clicked");
      pn_test_flush ();
      g_clear_pointer (&shown, g_ptr_array_unref);
      shown = rows (fixture);
      g_assert_cmpuint (shown->len, ==, MIN (expected->len, before + 100));
      g_assert_true (gtk_widget_is_focus (g_ptr_array_index (shown, before)));
    }
  all_sections = sections (fixture);

  g_assert_cmpuint (shown->len, ==, expected->len);
  g_assert_cmpuint (pn_deadlines_view_get_n_shown (fixture->view), ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      const PnDeadline *deadline = g_ptr_array_index (expected, i);
      GtkWidget *row = g_ptr_array_index (shown, i);
      g_autofree char *citation = pn_gui_citation (deadline->benefit->article);

      g_assert_cmpstr (gtk_widget_get_name (row), ==, deadline->benefit->id);
      g_assert_cmpstr (row_text (row, "title"), ==, pn_gui_text (&deadline->benefit->title));
      g_assert_cmpstr (row_text (row, "citation"), ==, citation);
      g_assert_cmpstr (row_text (row, "status"), ==, pn_gui_status_label (deadline->status));
      /* Each says what it is worth: an amount, "up to …", a rate, or
       * that the text states none. */
      g_assert_cmpstr (row_text (row, "amount"), !=, "");

      if (g_strcmp0 (date, deadline->valid_until) != 0)
        {
          GtkWidget *section = g_ptr_array_index (all_sections, s++);
          g_autofree char *heading = expected_heading (as_of, deadline->valid_until);

          date = deadline->valid_until;
          g_assert_cmpstr (section_heading (section), ==, heading);
          g_assert_cmpint (gtk_widget_has_css_class (section, "pn-deadline-soon"), ==,
                           deadline->days_left <= PN_DEADLINES_VIEW_SOON_DAYS);
          /* Not by colour alone. */
          g_assert_cmpint (pn_test_find_widget (section, GTK_TYPE_LABEL, "soon") != NULL, ==,
                           deadline->days_left <= PN_DEADLINES_VIEW_SOON_DAYS);
          g_assert_true (gtk_widget_is_ancestor (row, section));
        }
    }
  g_assert_cmpuint (s, ==, all_sections->len);
}

static void
set_within (Fixture *fixture,
            guint    position)
{
  adw_combo_row_set_selected (view_child (fixture, "within_row"), position);
  pn_test_flush ();
}

/* /pn/gui/deadlines/empty: no location yet; the button starts the questions. */
static void
test_empty (Fixture *fixture)
{
  GtkWidget *button = view_child (fixture, "start_button");

  show_deadlines (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (fixture, "content_stack")), ==, "empty");
  g_assert_null (pn_deadlines_view_get_deadlines (fixture->view));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  pn_test_window_screenshot (fixture->window, "deadlines-empty");

  g_signal_emit_by_name (button, "clicked");
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");

  /* A location: the timeline, at once. */
  pn_profile_set_location (fixture->profile, LOCATION);
  show_deadlines (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (fixture, "content_stack")), ==, "deadlines");
  pn_profile_set_location (fixture->profile, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (fixture, "content_stack")), ==, "empty");
}

/* /pn/gui/deadlines/declared-place: a place only an imported document
 * declares is named, not shown by its id, and its measure is listed. */
static void
test_declared_place (Fixture *fixture)
{
  gboolean zh = pn_gui_get_lang () == PN_LANG_ZH;

  pn_test_import_shenzhen (fixture);
  pn_profile_set_location (fixture->profile, "shenzhen");
  pn_profile_set_as_of (fixture->profile, "2026-06-01");
  show_deadlines (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (fixture, "content_stack")), ==, "deadlines");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view_child (fixture, "location_label"))), ==,
                   zh ? "深圳市" : "Shenzhen");
  /* in force until 2029-12-31: one measure ends then */
  g_assert_cmpuint (pn_deadlines_get_n_deadlines (pn_deadlines_view_get_deadlines (fixture->view)), ==, 1);
}

/* /pn/gui/deadlines/timeline: Jinjiang on 23 November 2026, as the core
 * lists it; other dates and windows follow at once. */
static void
test_timeline (Fixture *fixture)
{
  g_autoptr(PnDeadlines) deadlines = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *undated = NULL;
  g_autofree char *as_of_text = NULL;
  const PnDeadline *first;
  GtkWidget *project_row = view_child (fixture, "project_row");
  g_autoptr(PnCorpus) corpus = NULL;
  guint n;

  pn_profile_set_location (fixture->profile, LOCATION);
  pn_profile_set_as_of (fixture->profile, AS_OF);
  show_deadlines (fixture);

  deadlines = core_deadlines (fixture, AS_OF, -1);
  n = pn_deadlines_get_n_deadlines (deadlines);
  g_assert_cmpuint (n, >, 0);
  first = pn_deadlines_get_deadline (deadlines, 0);
  g_assert_cmpstr (first->valid_until, ==, "2026-12-31");
  expected = expected_deadlines (fixture, deadlines, FALSE);
  assert_rows_are (fixture, expected, AS_OF);
  g_test_message ("%u measures end, the first on %s (%d days); %u undated",
                  n, first->valid_until, first->days_left, pn_deadlines_get_n_undated (deadlines));

  /* No answers but the place: no project filter to offer. */
  g_assert_false (gtk_widget_get_visible (project_row));

  as_of_text = pn_gui_format_date (AS_OF);
  summary = g_strdup_printf (ngettext ("%u measure · as of %s", "%u measures · as of %s", n), n, as_of_text);
  g_assert_cmpstr (gtk_label_get_text (view_child (fixture, "summary_label")), ==, summary);
  g_assert_cmpuint (pn_deadlines_get_n_undated (deadlines), >, 0);
  undated = g_strdup_printf (ngettext ("%u measure here has no end date and is not listed.",
                                       "%u measures here have no end date and are not listed.",
                                       pn_deadlines_get_n_undated (deadlines)),
                             pn_deadlines_get_n_undated (deadlines));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (view_child (fixture, "footer_label")), undated));
  g_assert_true (gtk_widget_is_sensitive (view_child (fixture, "export_button")));
  pn_test_window_screenshot (fixture->window, "deadlines");
  scroll_to (fixture, view_child (fixture, "footer_label"));
  pn_test_window_screenshot (fixture->window, "deadlines-end");
  scroll_to (fixture, NULL);

  /* Another date: 1 June 2025, when Jinjiang 2025 and the 2025 measures
   * both lie ahead and none within 90 days. */
  pn_profile_set_as_of (fixture->profile, "2025-06-01");
  {
    g_autoptr(PnDeadlines) later = core_deadlines (fixture, "2025-06-01", -1);
    g_autoptr(PnDeadlines) year = core_deadlines (fixture, "2025-06-01", 365);
    g_autoptr(PnDeadlines) quarter = core_deadlines (fixture, "2025-06-01", 90);
    g_autoptr(GPtrArray) later_expected = expected_deadlines (fixture, later, FALSE);
    g_autoptr(GPtrArray) year_expected = expected_deadlines (fixture, year, FALSE);
    g_autoptr(GPtrArray) all_sections = NULL;

    assert_rows_are (fixture, later_expected, "2025-06-01");
    all_sections = sections (fixture);
    g_assert_cmpuint (all_sections->len, >, 1);
    scroll_to (fixture, g_ptr_array_index (all_sections, 1));
    pn_test_window_screenshot (fixture->window, "deadlines-2025");

    /* Within a year: fewer, as the core counts them. */
    set_within (fixture, 2);
    g_assert_cmpuint (year_expected->len, <, later_expected->len);
    assert_rows_are (fixture, year_expected, "2025-06-01");

    /* Within 90 days: nothing; said so, and nothing to export. */
    set_within (fixture, 1);
    g_assert_cmpuint (pn_deadlines_get_n_deadlines (quarter), ==, 0);
    g_assert_null (pn_test_find_widget (view_child (fixture, "timeline_box"), GTK_TYPE_LIST_BOX, NULL));
    g_assert_true (gtk_widget_get_visible (view_child (fixture, "nothing_label")));
    g_assert_false (gtk_widget_is_sensitive (view_child (fixture, "export_button")));
    set_within (fixture, 0);
  }

  /* Back to the date, then a corpus reload: the rows follow. */
  pn_profile_set_as_of (fixture->profile, AS_OF);
  assert_rows_are (fixture, expected, AS_OF);
  corpus = pn_corpus_ref (pn_deadlines_view_get_corpus (fixture->view));
  pn_deadlines_view_set_corpus (fixture->view, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (fixture, "content_stack")), ==, "empty");
  pn_deadlines_view_set_corpus (fixture->view, corpus);
  assert_rows_are (fixture, expected, AS_OF);
  pn_application_reload_corpus (fixture->app);
  g_assert_true (pn_deadlines_view_get_corpus (fixture->view) == pn_application_get_corpus (fixture->app));
  {
    g_autoptr(PnDeadlines) reloaded = core_deadlines (fixture, AS_OF, -1);
    g_autoptr(GPtrArray) reloaded_expected = expected_deadlines (fixture, reloaded, FALSE);

    assert_rows_are (fixture, reloaded_expected, AS_OF);
  }

  /* A row opens its article in the reader. */
  shown = rows (fixture);
  g_assert_true (gtk_widget_is_sensitive (g_ptr_array_index (shown, 0)));
  g_signal_emit_by_name (g_ptr_array_index (shown, 0), "activate");
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "documents");

  /* 360 px wide. */
  show_deadlines (fixture);
  narrow (fixture);
  pn_test_window_screenshot (fixture->window, "deadlines-narrow");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  for (guint i = 0; i < 3; i++)
    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_window_screenshot (fixture->window, "deadlines-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* ---- export ---- */

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (PN_IS_DEADLINES_VIEW (source_object));
  *out = g_object_ref (result);
}

static gboolean
export_to (Fixture  *fixture,
           GFile    *file,
           GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pn_deadlines_view_export_async (fixture->view, file, NULL, export_done_cb, &result);
  g_assert_true (pn_test_wait (pn_test_is_set, &result));

  return pn_deadlines_view_export_finish (fixture->view, result, error);
}

/* Parses the file with libical: its events, in order, match `expected`. */
static void
assert_calendar_is (const char *path,
                    GPtrArray  *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  icalcomponent *calendar;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));

  calendar = icalparser_parse_string (contents);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT), n++)
    {
      const PnDeadline *deadline;
      g_autofree char *uid = NULL;
      struct icaltimetype start;
      g_autofree char *start_text = NULL;

      g_assert_cmpuint (n, <, expected->len);
      deadline = g_ptr_array_index (expected, n);
      uid = pn_deadline_dup_uid (deadline);
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, uid);

      start = icalcomponent_get_dtstart (event);
      g_assert_true (start.is_date);
      start_text = g_strdup_printf ("%04d-%02d-%02d", start.year, start.month, start.day);
      g_assert_cmpstr (start_text, ==, deadline->valid_until);
    }
  g_assert_cmpuint (n, ==, expected->len);
  g_assert_cmpuint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, expected->len);

  icalcomponent_free (calendar);
}

static gboolean
has_message_dialog (gpointer data G_GNUC_UNUSED)
{
  return pn_test_find_message_dialog () != NULL;
}

static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelSearch;

static gboolean
has_label (gpointer data)
{
  LabelSearch *search = data;

  return find_label_containing (search->root, search->text) != NULL;
}

/* /pn/gui/deadlines/export: the iCalendar file libical reads back; an
 * unwritable path is an error, named in a dialog; success is a toast. */
static void
test_export (Fixture *fixture)
{
  g_autoptr(PnDeadlines) deadlines = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->db_dir, "policy-deadlines.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) unwritable = g_file_new_for_path (UNWRITABLE);

  /* Nothing to export before a location. */
  g_assert_false (export_to (fixture, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  pn_profile_set_location (fixture->profile, LOCATION);
  pn_profile_set_as_of (fixture->profile, AS_OF);
  show_deadlines (fixture);
  deadlines = core_deadlines (fixture, AS_OF, -1);
  expected = expected_deadlines (fixture, deadlines, FALSE);
  g_assert_cmpuint (pn_deadlines_view_get_n_shown (fixture->view), ==, expected->len);

  g_assert_true (export_to (fixture, file, &error));
  g_assert_no_error (error);
  assert_calendar_is (path, expected);

  /* Written again over the first: replaced, still whole. */
  g_assert_true (export_to (fixture, file, &error));
  g_assert_no_error (error);
  assert_calendar_is (path, expected);

  g_assert_false (export_to (fixture, unwritable, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", UNWRITABLE, error->message);
  g_clear_error (&error);

  /* As the file chooser's answer would: a dialog names file and reason. */
  g_assert_null (pn_test_find_message_dialog ());
  pn_deadlines_view_save_calendar (fixture->view, unwritable);
  g_assert_true (pn_test_wait (has_message_dialog, NULL));
  {
    AdwMessageDialog *dialog = pn_test_find_message_dialog ();

    g_test_message ("%s / %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), UNWRITABLE));
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Success: a toast with the file's name. */
  g_unlink (path);
  pn_deadlines_view_save_calendar (fixture->view, file);
  {
    LabelSearch search = { view_child (fixture, "toast_overlay"), "policy-deadlines.ics" };

    g_assert_true (pn_test_wait (has_label, &search));
  }
  g_assert_null (pn_test_find_message_dialog ());
  assert_calendar_is (path, expected);
  pn_test_window_screenshot (fixture->window, "deadlines-saved");
}

/* /pn/gui/deadlines/project: with answers, only the measures the engine
 * lists for them, by default; the calendar holds what is listed. */
static void
test_project (Fixture *fixture)
{
  g_autoptr(PnDeadlines) deadlines = NULL;
  g_autoptr(GPtrArray) for_project = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->db_dir, "project.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *project_switch = view_child (fixture, "project_switch");
  guint n_badges = 0;

  pn_profile_set_location (fixture->profile, LOCATION);
  pn_profile_set_as_of (fixture->profile, AS_OF);
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  show_deadlines (fixture);

  deadlines = core_deadlines (fixture, AS_OF, -1);
  for_project = expected_deadlines (fixture, deadlines, TRUE);
  all = expected_deadlines (fixture, deadlines, FALSE);
  g_assert_cmpuint (for_project->len, >, 0);
  g_assert_cmpuint (for_project->len, <, all->len);

  g_assert_true (gtk_widget_get_visible (view_child (fixture, "project_row")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (project_switch)));
  assert_rows_are (fixture, for_project, AS_OF);
  pn_test_window_screenshot (fixture->window, "deadlines-project");

  g_assert_true (export_to (fixture, file, &error));
  g_assert_no_error (error);
  assert_calendar_is (path, for_project);

  /* Off: every measure, those for the project marked. */
  gtk_switch_set_active (GTK_SWITCH (project_switch), FALSE);
  pn_test_flush ();
  assert_rows_are (fixture, all, AS_OF);
  {
    g_autoptr(GPtrArray) shown = rows (fixture);

    for (guint i = 0; i < shown->len; i++)
      {
        gboolean marked = pn_test_find_widget (g_ptr_array_index (shown, i), GTK_TYPE_LABEL, "project") != NULL;
        gboolean listed = FALSE;

        for (guint j = 0; j < for_project->len; j++)
          listed |= ((const PnDeadline *) g_ptr_array_index (for_project, j))->benefit ==
                    ((const PnDeadline *) g_ptr_array_index (all, i))->benefit;
        g_assert_cmpint (marked, ==, listed);
        n_badges += marked;
      }
  }
  g_assert_cmpuint (n_badges, ==, for_project->len);

  g_assert_true (export_to (fixture, file, &error));
  g_assert_no_error (error);
  assert_calendar_is (path, all);

  /* The user's choice stays when an answer changes. */
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-3");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (project_switch)));
  g_assert_cmpuint (pn_deadlines_view_get_n_shown (fixture->view), ==, all->len);
}

/* ---- accessibility and keyboard ---- */

static void
check_names (GtkWidget *widget,
             guint     *n_controls)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_LIST_BOX (widget) ||
      GTK_IS_LIST_BOX_ROW (widget) || GTK_IS_DROP_DOWN (widget))
    {
      (*n_controls)++;
      if (!pn_test_has_accessible_name (widget))
        {
          g_test_message ("a %s named “%s” in a %s has no accessible name",
                          G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
          g_test_fail ();
        }
      /* A combo row's inner parts are libadwaita's. */
      if (ADW_IS_COMBO_ROW (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, n_controls);
}

/* The widgets Tab reaches from the top of the window, in order. */
static GPtrArray *
tab_chain (Fixture *fixture)
{
  GPtrArray *reached = g_ptr_array_new ();
  GtkWidget *window = GTK_WIDGET (fixture->window);

  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  for (guint i = 0; i < 400; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      if (focus == NULL || (reached->len > 0 && focus == g_ptr_array_index (reached, 0)))
        break;
      g_ptr_array_add (reached, focus);
    }

  return reached;
}

static gboolean
reached_within (GPtrArray *reached,
                GtkWidget *widget)
{
  for (guint i = 0; i < reached->len; i++)
    {
      GtkWidget *focus = g_ptr_array_index (reached, i);

      if (focus == widget || gtk_widget_is_ancestor (focus, widget))
        return TRUE;
    }

  return FALSE;
}

/* /pn/gui/deadlines/a11y: every control is named; Tab reaches the
 * controls, each date's list and every measure. */
static void
test_accessibility (Fixture *fixture)
{
  g_autoptr(GPtrArray) reached = NULL;
  g_autoptr(GPtrArray) all_sections = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  guint n_controls = 0;

  show_deadlines (fixture);
  check_names (GTK_WIDGET (fixture->view), &n_controls);
  reached = tab_chain (fixture);
  g_assert_true (reached_within (reached, view_child (fixture, "start_button")));
  g_clear_pointer (&reached, g_ptr_array_unref);

  pn_profile_set_location (fixture->profile, LOCATION);
  pn_profile_set_as_of (fixture->profile, AS_OF);
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "device");
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  check_names (GTK_WIDGET (fixture->view), &n_controls);
  g_test_message ("%u controls checked", n_controls);
  g_assert_cmpuint (n_controls, >, 10);

  reached = tab_chain (fixture);
  for (guint i = 0; i < reached->len; i++)
    g_test_message ("Tab %u: %s “%s”", i, G_OBJECT_TYPE_NAME (g_ptr_array_index (reached, i)),
                    gtk_widget_get_name (g_ptr_array_index (reached, i)));
  g_assert_true (reached_within (reached, view_child (fixture, "export_button")));
  g_assert_true (reached_within (reached, view_child (fixture, "within_row")));
  g_assert_true (reached_within (reached, view_child (fixture, "project_switch")) ||
                 reached_within (reached, view_child (fixture, "project_row")));

  all_sections = sections (fixture);
  g_assert_cmpuint (all_sections->len, >, 0);
  for (guint s = 0; s < all_sections->len; s++)
    {
      GtkWidget *list = pn_test_find_widget (g_ptr_array_index (all_sections, s), GTK_TYPE_LIST_BOX, NULL);

      g_assert_true (reached_within (reached, list));
    }

  /* Every measure, each of which opens its article with Enter. */
  shown = rows (fixture);
  g_assert_cmpuint (shown->len, >, 1);
  for (guint i = 0; i < shown->len; i++)
    {
      g_assert_true (reached_within (reached, g_ptr_array_index (shown, i)));
      g_assert_true (gtk_list_box_row_get_activatable (g_ptr_array_index (shown, i)));
    }

  /* Ctrl+T from elsewhere comes back here. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  pn_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-deadlines", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "deadlines");
}

/* Hundreds of measures ending at a place: the timeline shows them a page
 * at a time, a date's heading once even where a page ends within it. */
static void
test_many (Fixture *fixture)
{
  g_autoptr(PnDeadlines) deadlines = NULL;
  g_autoptr(GPtrArray) expected = NULL;

  pn_test_import_generated (fixture, 1200);
  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_as_of (fixture->profile, "2024-01-01");
  show_deadlines (fixture);

  deadlines = core_deadlines (fixture, "2024-01-01", -1);
  expected = expected_deadlines (fixture, deadlines, FALSE);
  g_test_message ("%u measures end", expected->len);
  g_assert_cmpuint (expected->len, >, 150);
  assert_rows_are (fixture, expected, "2024-01-01");
}

int
main (int   argc,
      char *argv[])
{
  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);

  static const PnTestCase tests[] = {
    { "/pn/gui/deadlines/empty", test_empty },
    { "/pn/gui/deadlines/timeline", test_timeline },
    { "/pn/gui/deadlines/export", test_export },
    { "/pn/gui/deadlines/project", test_project },
    { "/pn/gui/deadlines/a11y", test_accessibility },
    { "/pn/gui/deadlines/many", test_many },
    { "/pn/gui/deadlines/declared-place", test_declared_place },
  };
  static const PnTestAppOptions options = { .width = 1000, .height = 700 };

  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), "deadlines", &options);

  return g_test_run ();
}
