/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clients as a consultant expects them: saving says so and empties the
 * name; the header bar names the open client and its unsaved changes;
 * changes are saved only when asked (Save Changes), and opening another
 * client or a new one first asks; New Client and Start Over; the brief
 * names the client.
 */
#define G_LOG_DOMAIN "test-clients"

#include "config.h"

#include "pn-application.h"
#include "pn-brief.h"
#include "pn-engine.h"
#include "pn-gui-util.h"
#include "pn-test-util.h"
#include "pn-window.h"
#include "profiles/pn-gui-profiles.h"
#include "profiles/pn-profiles-popover.h"

#include <glib/gi18n.h>
#include <string.h>

#define CLIENT_A "Client A"
#define CLIENT_B "Client B"

typedef PnTestFixture Fixture;

static PnProfilesPopover *
popover (Fixture *fixture)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (pn_test_window_child (fixture->window, "profiles_button"));

  return PN_PROFILES_POPOVER (gtk_menu_button_get_popover (button));
}

static GtkWidget *
popover_child (Fixture    *fixture,
               const char *name)
{
  return pn_test_template_child (GTK_WIDGET (popover (fixture)), PN_TYPE_PROFILES_POPOVER, name);
}

static const char *
subtitle (Fixture *fixture)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (pn_test_window_child (fixture->window, "window_title"));

  const char *text = adw_window_title_get_subtitle (title);

  /* "" and NULL alike: no subtitle */
  return text != NULL && *text != '\0' ? text : NULL;
}

static void
answer_drug (Fixture    *fixture,
             const char *location)
{
  pn_profile_set_location (fixture->profile, location);
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 30000000);
}

/* A toast with `title` is shown (AdwToastOverlay keeps no list: look for
 * its label). */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return shows_label (wait->root, wait->text);
}

static void
save_from_entry (Fixture    *fixture,
                 const char *name)
{
  GtkWidget *entry = popover_child (fixture, "name_row");

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (entry, "apply");
  pn_test_flush ();
}

static gboolean
has_dialog (gpointer data G_GNUC_UNUSED)
{
  return pn_test_find_message_dialog () != NULL;
}

static void
respond (const char *response)
{
  AdwMessageDialog *dialog;

  g_assert_true (pn_test_wait (has_dialog, NULL));
  dialog = pn_test_find_message_dialog ();
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pn_test_flush ();
}

static void
test_save (Fixture *fixture)
{
  g_autofree char *toast = g_strdup_printf (_("Saved “%s”"), CLIENT_A);
  g_autofree char *unsaved = g_strdup_printf (_("%s · unsaved changes"), CLIENT_A);
  LabelWait wait = { GTK_WIDGET (fixture->window), toast };
  g_autoptr(PnResults) results = NULL;
  g_autoptr(PnBrief) brief = NULL;
  g_autoptr(PnProfile) saved = NULL;
  g_autoptr(GError) error = NULL;

  answer_drug (fixture, "xiamen");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  pn_test_flush ();
  g_assert_null (subtitle (fixture));

  /* Saved: a toast, the name in the header bar, the entry empty again. */
  save_from_entry (fixture, CLIENT_A);
  g_assert_cmpstr (pn_profile_get_name (fixture->profile), ==, CLIENT_A);
  g_assert_true (pn_test_wait (label_shown, &wait));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (popover_child (fixture, "name_row"))), ==, "");
  g_assert_cmpstr (subtitle (fixture), ==, CLIENT_A);
  g_assert_false (pn_application_get_unsaved_changes (fixture->app));
  pn_test_window_screenshot (fixture->window, "clients-saved");

  /* The brief is the client's. */
  results = pn_engine_evaluate (fixture->corpus, fixture->profile, NULL);
  brief = pn_brief_new (results, fixture->profile, pn_gui_get_lang (), NULL, NULL);
  g_assert_cmpstr (pn_brief_get_client (brief), ==, CLIENT_A);

  /* A changed answer is not saved by itself: the header says so, and Save
   * Changes saves it. */
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 40000000);
  g_assert_true (pn_application_get_unsaved_changes (fixture->app));
  g_assert_cmpstr (subtitle (fixture), ==, unsaved);
  saved = pn_store_load_profile (pn_application_get_store (fixture->app), CLIENT_A, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pn_profile_get_figure (saved, PN_FIGURE_RD_INVESTMENT), ==, 30000000);
  g_assert_true (gtk_widget_get_visible (popover_child (fixture, "save_changes_button")));
  pn_test_window_screenshot (fixture->window, "clients-unsaved");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-client", NULL));
  pn_test_flush ();
  g_clear_object (&saved);
  saved = pn_store_load_profile (pn_application_get_store (fixture->app), CLIENT_A, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pn_profile_get_figure (saved, PN_FIGURE_RD_INVESTMENT), ==, 40000000);
  g_assert_false (pn_application_get_unsaved_changes (fixture->app));
  g_assert_cmpstr (subtitle (fixture), ==, CLIENT_A);
}

static void
test_switch (Fixture *fixture)
{
  g_autoptr(PnProfile) saved = NULL;
  g_autoptr(GError) error = NULL;

  answer_drug (fixture, "xiamen");
  save_from_entry (fixture, CLIENT_A);
  pn_profile_set_location (fixture->profile, "jinjiang");
  save_from_entry (fixture, CLIENT_B);
  g_assert_cmpstr (pn_profile_get_name (fixture->profile), ==, CLIENT_B);

  /* The main menu lists them too (at 360 px with a window's three buttons
   * the clients button gives way), each opening its client. */
  {
    GtkMenuButton *menu = GTK_MENU_BUTTON (pn_test_window_child (fixture->window, "primary_menu_button"));
    GMenuModel *section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                       PN_TYPE_WINDOW, "clients_section"));
    g_autofree char *label = NULL;
    g_autofree char *action = NULL;
    g_autoptr(GVariant) target = NULL;

    gtk_menu_button_popup (menu);
    pn_test_flush ();
    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 2);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    target = g_menu_model_get_item_attribute_value (section, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (label, ==, CLIENT_A);
    g_assert_cmpstr (action, ==, "win.open-client");
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, CLIENT_A);
    gtk_menu_button_popdown (menu);
    pn_test_flush ();
  }

  /* Changes, then another client: asked; Cancel stays. */
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 50000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-client", "s", CLIENT_A));
  respond ("cancel");
  g_assert_cmpstr (pn_profile_get_name (fixture->profile), ==, CLIENT_B);
  g_assert_cmpint (pn_profile_get_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT), ==, 50000000);

  /* Discard: Client A opens, Client B keeps its saved answers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-client", "s", CLIENT_A));
  respond ("discard");
  g_assert_cmpstr (pn_profile_get_name (fixture->profile), ==, CLIENT_A);
  g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "xiamen");
  saved = pn_store_load_profile (pn_application_get_store (fixture->app), CLIENT_B, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pn_profile_get_figure (saved, PN_FIGURE_RD_INVESTMENT), ==, 30000000);

  /* Closing the window with changes asks first (it quit at once, and the
   * next start reopened the client as saved); Cancel stays. */
  pn_profile_set_location (fixture->profile, "jinjiang");
  g_assert_true (pn_application_get_unsaved_changes (fixture->app));
  gtk_window_close (GTK_WINDOW (fixture->window));
  respond ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "jinjiang");
  g_assert_true (pn_application_get_unsaved_changes (fixture->app));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save-client", NULL));
  pn_test_flush ();

  /* Start Over: no answers, the client still open (with changes). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-over", NULL));
  pn_test_flush ();
  g_assert_null (pn_profile_get_location (fixture->profile));
  g_assert_cmpstr (pn_profile_get_name (fixture->profile), ==, CLIENT_A);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");

  /* No answers are nothing to save over the client's: no Save Changes,
   * and opening it again asks nothing (asked, the emphasised Save wrote
   * the empty answers over the saved ones) and gives its answers back. */
  g_assert_false (gtk_widget_get_visible (popover_child (fixture, "save_changes_button")));
  {
    g_autofree char *unsaved = g_strdup_printf (_("%s · unsaved changes"), CLIENT_A);

    g_assert_false (g_str_has_prefix (subtitle (fixture), unsaved));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-client", "s", CLIENT_A));
  pn_test_flush ();
  g_assert_null (pn_test_find_message_dialog ());
  g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "jinjiang");
  g_clear_object (&saved);
  saved = pn_store_load_profile (pn_application_get_store (fixture->app), CLIENT_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pn_profile_get_location (saved), ==, "jinjiang");

  /* Start Over with changes not saved asks first; Cancel keeps them */
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 60000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-over", NULL));
  respond ("cancel");
  g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "jinjiang");
  g_assert_cmpint (pn_profile_get_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT), ==, 60000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start-over", NULL));
  respond ("discard");
  g_assert_null (pn_profile_get_location (fixture->profile));

  /* New Client with those changes: asked; Save keeps them, then none is
   * open and nothing is answered. */
  pn_profile_set_location (fixture->profile, "fuzhou");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL));
  respond ("save");
  g_assert_null (pn_profile_get_name (fixture->profile));
  g_assert_null (pn_profile_get_location (fixture->profile));
  g_assert_false (pn_application_get_unsaved_changes (fixture->app));
  /* the list says so too: no client "Open now" (it kept Client A's) */
  {
    GtkWidget *list = popover_child (fixture, "profile_list");

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_ACTION_ROW (row))
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, _("Open now"));
  }
  g_clear_object (&saved);
  saved = pn_store_load_profile (pn_application_get_store (fixture->app), CLIENT_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pn_profile_get_location (saved), ==, "fuzhou");

  /* Without changes, New Client asks nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-client", NULL));
  pn_test_flush ();
  g_assert_null (pn_test_find_message_dialog ());

  /* Answers given and never saved as a client, then a saved client:
   * asked (they were lost without a word); Cancel keeps them, Discard
   * opens the client. */
  pn_profile_set_location (fixture->profile, "jinjiang");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 70000000);
  g_assert_null (pn_profile_get_name (fixture->profile));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-client", "s", CLIENT_A));
  respond ("cancel");
  g_assert_null (pn_profile_get_name (fixture->profile));
  g_assert_cmpint (pn_profile_get_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT), ==, 70000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-client", "s", CLIENT_A));
  respond ("discard");
  g_assert_cmpstr (pn_profile_get_name (fixture->profile), ==, CLIENT_A);
}

/* The person menu has New Client and Start Over, with their shortcuts. */
static void
test_menu (Fixture *fixture)
{
  GtkWidget *new_client = popover_child (fixture, "new_client_button");
  GtkWidget *start_over = popover_child (fixture, "start_over_button");

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (new_client)), ==, "win.new-client");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (start_over)), ==, "win.start-over");

  pn_profile_set_location (fixture->profile, "xiamen");
  /* An autohiding popover grabs the pointer, which fails while another
   * test's window on the same X server holds a grab: the popover is then
   * dismissed at once (test-compare.c has the same).  Without autohide
   * there is no grab. */
  gtk_popover_set_autohide (GTK_POPOVER (popover (fixture)), FALSE);
  gtk_menu_button_popup (GTK_MENU_BUTTON (pn_test_window_child (fixture->window, "profiles_button")));
  g_assert_true (pn_test_wait (pn_test_is_mapped, new_client));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (popover (fixture)), PN_TEST_FRAME_TIMEOUT_MS));
  {
    g_autofree char *filename = pn_test_screenshot_path ("clients-menu");

    pn_test_save_screenshot (GTK_WIDGET (popover (fixture)), filename);
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (pn_test_window_child (fixture->window, "profiles_button")));
  gtk_popover_set_autohide (GTK_POPOVER (popover (fixture)), TRUE);
}

int
main (int   argc,
      char *argv[])
{
  static const PnTestCase tests[] = {
    { "/pn/gui/clients/save", test_save },
    { "/pn/gui/clients/switch", test_switch },
    { "/pn/gui/clients/menu", test_menu },
  };

  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);
  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), NULL,
                         &(PnTestAppOptions) { .width = 1000, .height = 700 });

  return g_test_run ();
}
