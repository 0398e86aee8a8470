/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "assistant/date/pn-date-page.h"
#include "assistant/device/pn-device-page.h"
#include "assistant/drug/pn-drug-page.h"
#include "assistant/figures/pn-figures-page.h"
#include "assistant/location/pn-location-page.h"
#include "assistant/milestone/pn-milestone-page.h"
#include "assistant/pn-assistant.h"
#include "assistant/product/pn-product-page.h"
#include "editor/pn-benefit-form.h"
#include "editor/pn-case-dialog.h"
#include "editor/pn-document-form.h"
#include "editor/pn-drafts-window.h"
#include "editor/pn-editor-source.h"
#include "editor/pn-impact-dialog.h"
#include "editor/pn-notes-editor.h"
#include "editor/pn-policy-editor.h"
#include "pn-application.h"
#include "pn-date-chooser.h"
#include "pn-fonts.h"
#include "pn-gui-util.h"
#include "pn-profile-view.h"
#include "pn-test-util.h"
#include "planning/pn-compare-cell.h"
#include "planning/pn-compare-row.h"
#include "planning/pn-compare-view.h"
#include "planning/pn-deadlines-view.h"
#include "planning/pn-pipeline-view.h"
#include "pn-window.h"
#include "profiles/pn-profiles-popover.h"
#include "reader/pn-reader-view.h"
#include "results/pn-measure-detail.h"
#include "results/pn-next-step-row.h"
#include "results/pn-result-row.h"
#include "results/pn-results-view.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <string.h>

#define PN_RESOURCE_UI "/io/github/pnav/PolicyNavigator/ui/"
#define PN_TEST_FRAME_TIMEOUT_SECONDS 30

/* Every composite template in the GResource and the type it belongs to.
 * /pn/gui/templates fails for a template missing here: add a line per new
 * template (the path is relative to ui/). */
static const struct {
  const char *resource;
  GType     (*get_type) (void);
} templates[] = {
  { "assistant/pn-assistant.ui", pn_assistant_get_type },
  { "assistant/pn-date-page.ui", pn_date_page_get_type },
  { "assistant/pn-device-page.ui", pn_device_page_get_type },
  { "assistant/pn-drug-page.ui", pn_drug_page_get_type },
  { "assistant/pn-figures-page.ui", pn_figures_page_get_type },
  { "assistant/pn-location-page.ui", pn_location_page_get_type },
  { "assistant/pn-milestone-page.ui", pn_milestone_page_get_type },
  { "assistant/pn-product-page.ui", pn_product_page_get_type },
  { "editor/pn-benefit-form.ui", pn_benefit_form_get_type },
  { "editor/pn-case-dialog.ui", pn_case_dialog_get_type },
  { "editor/pn-document-form.ui", pn_document_form_get_type },
  { "editor/pn-drafts-window.ui", pn_drafts_window_get_type },
  { "editor/pn-editor-source.ui", pn_editor_source_get_type },
  { "editor/pn-impact-dialog.ui", pn_impact_dialog_get_type },
  { "editor/pn-notes-editor.ui", pn_notes_editor_get_type },
  { "editor/pn-policy-editor.ui", pn_policy_editor_get_type },
  { "planning/pn-compare-cell.ui", pn_compare_cell_get_type },
  { "planning/pn-compare-row.ui", pn_compare_row_get_type },
  { "planning/pn-compare-view.ui", pn_compare_view_get_type },
  { "planning/pn-deadlines-view.ui", pn_deadlines_view_get_type },
  { "planning/pn-pipeline-view.ui", pn_pipeline_view_get_type },
  { "pn-date-chooser.ui", pn_date_chooser_get_type },
  { "pn-profiles-popover.ui", pn_profiles_popover_get_type },
  { "pn-reader-view.ui", pn_reader_view_get_type },
  { "pn-window.ui", pn_window_get_type },
  { "results/pn-measure-detail.ui", pn_measure_detail_get_type },
  { "results/pn-next-step-row.ui", pn_next_step_row_get_type },
  { "results/pn-result-row.ui", pn_result_row_get_type },
  { "results/pn-results-view.ui", pn_results_view_get_type },
};

/* Running the real application until its window has drawn a frame. */

typedef struct _AppRun AppRun;
typedef void (*AppRunFunc) (AppRun *run);

struct _AppRun
{
  PnApplication *app;
  GtkWindow     *window;
  AppRunFunc     on_first_frame;
  guint          timeout_id;
  gboolean       mapped;
  gboolean       painted;
};

static gboolean
app_run_timeout_cb (gpointer user_data)
{
  AppRun *run = user_data;

  run->timeout_id = 0;
  g_test_fail_printf ("no frame within %d s (mapped: %d)",
                      PN_TEST_FRAME_TIMEOUT_SECONDS, run->mapped);
  g_application_quit (G_APPLICATION (run->app));

  return G_SOURCE_REMOVE;
}

static void
app_run_after_paint_cb (GdkFrameClock *frame_clock,
                        AppRun        *run)
{
  g_signal_handlers_disconnect_by_func (frame_clock, app_run_after_paint_cb, run);
  run->painted = TRUE;

  if (run->on_first_frame != NULL)
    run->on_first_frame (run);

  /* The quit action closes every window; the application then exits. */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
}

static void
app_run_map_cb (GtkWidget *widget,
                AppRun    *run)
{
  run->mapped = TRUE;
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (app_run_after_paint_cb), run);
}

static void
app_run_window_added_cb (GtkApplication *app G_GNUC_UNUSED,
                         GtkWindow      *window,
                         AppRun         *run)
{
  if (run->window != NULL || !PN_IS_WINDOW (window))
    return;

  run->window = window;
  g_signal_connect (window, "map", G_CALLBACK (app_run_map_cb), run);
}

static void
app_run (AppRunFunc on_first_frame)
{
  AppRun run = { .on_first_frame = on_first_frame };
  int status;

  run.app = pn_application_new ();
  /* Both language runs of this binary share one session bus. */
  g_application_set_flags (G_APPLICATION (run.app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect (run.app, "window-added", G_CALLBACK (app_run_window_added_cb), &run);
  run.timeout_id = g_timeout_add_seconds (PN_TEST_FRAME_TIMEOUT_SECONDS, app_run_timeout_cb, &run);

  status = g_application_run (G_APPLICATION (run.app), 0, NULL);

  g_clear_handle_id (&run.timeout_id, g_source_remove);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.mapped);
  g_assert_true (run.painted);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (run.app)));
  g_clear_object (&run.app);
}

/* /pn/gui/application/first-frame */

static void
first_frame_cb (AppRun *run)
{
  GtkStack *main_stack;

  g_assert_true (PN_IS_WINDOW (run->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (run->window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (run->window)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (run->window)), >, 0);
  g_assert_cmpstr (gtk_window_get_title (run->window), ==, _("Policy Navigator"));

  main_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (run->window),
                                                         PN_TYPE_WINDOW, "main_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "welcome");

  /* The first frame shows the welcome alone; the other views are built
   * when first shown, and follow the application's profile and corpus
   * from then on. */
  g_assert_null (gtk_stack_get_child_by_name (main_stack, "assistant"));
  g_assert_null (gtk_stack_get_child_by_name (main_stack, "results"));
  g_assert_null (gtk_stack_get_child_by_name (main_stack, "compare"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run->window), "win.start", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "assistant");
  g_assert_true (PN_IS_ASSISTANT (gtk_stack_get_visible_child (main_stack)));
  g_assert_true (pn_assistant_get_profile (PN_ASSISTANT (gtk_stack_get_visible_child (main_stack))) ==
                 pn_application_get_profile (PN_APPLICATION (run->app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run->window), "win.show-pipeline", NULL));
  g_assert_true (pn_profile_view_get_corpus (PN_PROFILE_VIEW (gtk_stack_get_visible_child (main_stack))) ==
                 pn_application_get_corpus (PN_APPLICATION (run->app)));
  g_assert_true (pn_window_get_view (PN_WINDOW (run->window), "pipeline") ==
                 gtk_stack_get_visible_child (main_stack));
}

static void
test_application_first_frame (void)
{
  app_run (first_frame_cb);
}

/* /pn/gui/window/import-elsewhere: pnav imported into the database
 * while the window was in the background; the window, active again, has
 * the application reload the corpus. */

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
import_elsewhere_cb (AppRun *run)
{
  static const char document_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<policy-document schema-version=\"1\" id=\"elsewhere-doc\" status=\"final\">\n"
    "  <title><zh>测试</zh><en>Test</en></title>\n"
    "  <issuer><zh>测试</zh><en>Test</en></issuer>\n"
    "  <jurisdiction>xiamen</jurisdiction>\n"
    "  <validity in-force-from=\"2020-01-01\"/>\n"
    "  <source file=\"test.txt\" last-verified=\"2026-11-23\"/>\n"
    "  <article number=\"1\" chapter=\"一\"><heading><zh>测试</zh><en>Test</en></heading>\n"
    "    <original>测试</original><summary>A test.</summary></article>\n"
    "</policy-document>\n";
  PnApplication *app = PN_APPLICATION (run->app);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) other = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (document_xml, sizeof document_xml - 1);
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(PnCorpus) before = NULL;
  guint reloads = 0;

  g_assert_true (gtk_window_is_active (run->window));
  g_signal_connect_swapped (app, "corpus-changed", G_CALLBACK (count_cb), &reloads);

  other = pn_store_open (pn_store_get_path (pn_application_get_store (app)), &error);
  g_assert_no_error (error);
  document = pn_store_import_bytes (other, "elsewhere.xml", bytes, FALSE, &error);
  g_assert_no_error (error);
  before = pn_corpus_ref (pn_application_get_corpus (app));

  /* as when it becomes active again: the views get a new corpus */
  g_object_notify (G_OBJECT (run->window), "is-active");
  g_assert_cmpuint (reloads, ==, 1);
  g_assert_true (pn_application_get_corpus (app) != before);
  g_assert_nonnull (pn_corpus_find_header (pn_application_get_corpus (app), "elsewhere-doc", NULL));

  g_object_notify (G_OBJECT (run->window), "is-active");
  g_assert_cmpuint (reloads, ==, 1);
  g_signal_handlers_disconnect_by_func (app, count_cb, &reloads);
}

static void
test_window_import_elsewhere (void)
{
  app_run (import_elsewhere_cb);
}

/* /pn/gui/application/actions */

static gboolean
application_has_window_of_type (GtkApplication *app,
                                GType           type)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return TRUE;
    }

  return FALSE;
}

static void
actions_cb (AppRun *run)
{
  GtkApplication *app = GTK_APPLICATION (run->app);
  static const struct {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.quit", "<Control>q" },
    { "app.shortcuts", "<Control>question" },
    { "app.help", "F1" },
  };
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (pn_test_window_child (PN_WINDOW (run->window),
                                                                                             "primary_menu_button")));
  gboolean has_help = FALSE;
  gboolean has_quit = FALSE;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "shortcuts"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run->window), "win.start", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_auto(GStrv) set = gtk_application_get_accels_for_action (app, accels[i].action);

      g_assert_nonnull (set);
      g_assert_cmpstr (set[0], ==, accels[i].accel);
    }

  /* The HIG's primary menu: Help, no Quit (Ctrl+Q still quits). */
  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *action = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
            {
              has_help |= g_str_equal (action, "app.help");
              has_quit |= g_str_equal (action, "app.quit");
            }
        }
      g_clear_object (&section);
    }
  g_assert_true (has_help);
  g_assert_false (has_quit);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  g_assert_true (application_has_window_of_type (app, GTK_TYPE_SHORTCUTS_WINDOW));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (application_has_window_of_type (app, ADW_TYPE_ABOUT_WINDOW));
}

static void
test_application_actions (void)
{
  app_run (actions_cb);
}

/* /pn/gui/help: the user guide as HTML from the build tree, in the UI
 * language, for a machine without Yelp. */
static void
test_help_html (void)
{
  g_autofree char *html = pn_application_dup_help_html ();
  g_autofree char *contents = NULL;
  const char *language = g_get_language_names ()[0];

  g_assert_nonnull (g_getenv ("POLICY_NAVIGATOR_HELPDIR"));
  g_assert_nonnull (html);
  g_assert_true (g_file_get_contents (html, &contents, NULL, NULL));
  if (g_str_has_prefix (language, "zh"))
    g_assert_nonnull (strstr (contents, "<title>政策导航帮助</title>"));
  else
    g_assert_nonnull (strstr (contents, "<title>Policy Navigator Help</title>"));
}

/* /pn/gui/chinese/numerals: Ⅰ, Ⅱ, Ⅲ of Chinese text from a Latin font, as
 * tight as one another; the whole text stays Simplified Chinese. */
static void
test_chinese_numerals (void)
{
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  const char *text = "完成Ⅰ期临床试验（进入Ⅲ期）";
  PangoAttrList *attrs;
  GSList *list;
  guint families = 0;

  pn_gui_label_set_text (GTK_LABEL (label), text);
  g_assert_true (pn_test_label_is_simplified_chinese (GTK_LABEL (label)));
  attrs = gtk_label_get_attributes (GTK_LABEL (label));
  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_FAMILY)
        {
          gunichar c = g_utf8_get_char (text + attr->start_index);

          g_assert_true (c == 0x2160 || c == 0x2162);
          g_assert_cmpuint (attr->end_index - attr->start_index, ==, strlen ("Ⅰ"));
          families++;
        }
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  g_assert_cmpuint (families, ==, 2);

  /* and again when the text changes */
  gtk_label_set_text (GTK_LABEL (label), "Ⅱ");
  list = pango_attr_list_get_attributes (gtk_label_get_attributes (GTK_LABEL (label)));
  families = 0;
  for (GSList *l = list; l != NULL; l = l->next)
    families += ((PangoAttribute *) l->data)->klass->type == PANGO_ATTR_FAMILY;
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);
  g_assert_cmpuint (families, ==, 1);
  g_object_unref (label);
}

/* /pn/gui/window/screenshot */

static void
screenshot_cb (AppRun *run)
{
  g_autofree char *filename = pn_test_screenshot_path ("main-window");

  /* The window's content, header bar included: without a compositor (Xvfb)
   * the window itself would add the grey frame of its resize border. */
  pn_test_save_screenshot (adw_application_window_get_content (ADW_APPLICATION_WINDOW (run->window)),
                   filename);
  g_assert_true (g_file_test (filename, G_FILE_TEST_IS_REGULAR));
}

static void
test_window_screenshot (void)
{
  app_run (screenshot_cb);
}

/* /pn/gui/templates */

static char *
template_class (const char *xml)
{
  const char *start = strstr (xml, "<template class=\"");

  if (start == NULL)
    return NULL;

  start += strlen ("<template class=\"");

  return g_strndup (start, strcspn (start, "\""));
}

static void
check_templates_under (const char *dir,
                       guint      *n_templates)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = NULL;

  children = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *class_name = NULL;
      const char *relative = path + strlen (PN_RESOURCE_UI);
      GType type = G_TYPE_INVALID;

      if (g_str_has_suffix (path, "/"))
        {
          check_templates_under (path, n_templates);
          continue;
        }

      if (!g_str_has_suffix (path, ".ui"))
        continue;

      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);

      /* GResource data is always NUL-terminated. */
      class_name = template_class (g_bytes_get_data (bytes, NULL));
      g_test_message ("%s: %s", path, class_name != NULL ? class_name : "builder file");

      if (class_name == NULL)
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new ();

          gtk_builder_add_from_resource (builder, path, &error);
          g_assert_no_error (error);
          continue;
        }

      for (guint j = 0; j < G_N_ELEMENTS (templates); j++)
        {
          if (g_str_equal (templates[j].resource, relative))
            type = templates[j].get_type ();
        }

      if (type == G_TYPE_INVALID)
        {
          g_test_fail_printf ("%s is the template of %s, which the templates table in %s lacks",
                              path, class_name, __FILE__);
          continue;
        }

      g_assert_cmpstr (g_type_name (type), ==, class_name);

      {
        GObject *object = g_object_new (type, NULL);

        if (GTK_IS_WINDOW (object))
          gtk_window_destroy (GTK_WINDOW (object));
        else
          g_object_unref (g_object_ref_sink (object));
      }

      (*n_templates)++;
    }
}

static void
test_templates (void)
{
  guint n_templates = 0;

  check_templates_under (PN_RESOURCE_UI, &n_templates);
  g_assert_cmpuint (n_templates, ==, G_N_ELEMENTS (templates));

  pn_test_destroy_toplevels ();
}

/* /pn/gui/window/state */

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWindow *window;
  gboolean handled = TRUE;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = g_object_new (PN_TYPE_WINDOW, NULL);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_false (gtk_window_is_maximized (window));

  /* As if the user had resized it and closed it: close-request saves.
   * (gtk_window_close() does nothing on a window that was never shown.) */
  gtk_window_set_default_size (window, 820, 610);
  g_signal_emit_by_name (window, "close-request", &handled);
  g_assert_false (handled);
  gtk_window_destroy (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
  pn_test_destroy_toplevels ();
}

/* /pn/gui/fonts/simplified-chinese */

static gboolean
fontconfig_has_simplified_chinese (void)
{
  FcPattern *pattern = FcPatternCreate ();
  FcLangSet *langs = FcLangSetCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_FAMILY, NULL);
  FcFontSet *fonts;
  gboolean found;

  FcLangSetAdd (langs, (const FcChar8 *) "zh-cn");
  FcPatternAddLangSet (pattern, FC_LANG, langs);
  fonts = FcFontList (NULL, pattern, objects);
  found = fonts != NULL && fonts->nfont > 0;

  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcLangSetDestroy (langs);
  FcPatternDestroy (pattern);

  return found;
}

static void
test_fonts_simplified_chinese (void)
{
  g_autoptr(PangoFontMap) empty_map = NULL;
  PangoContext *context;
  GtkWindow *window;
  GtkRevealer *banner;
  gboolean covered;

  /* The installed fonts, as fontconfig sees them. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  covered = pn_fonts_cover_simplified_chinese (context);
  g_assert_cmpint (covered, ==, fontconfig_has_simplified_chinese ());
  g_object_unref (context);

  /* No fonts at all. */
  empty_map = pango_cairo_font_map_new ();
  if (PANGO_IS_FC_FONT_MAP (empty_map))
    {
      FcConfig *config = FcConfigCreate ();

      pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (empty_map), config);
      FcConfigDestroy (config);

      context = pango_font_map_create_context (empty_map);
      g_assert_false (pn_fonts_cover_simplified_chinese (context));
      g_object_unref (context);
    }

  /* The window shows its banner exactly when no font covers. */
  window = g_object_new (PN_TYPE_WINDOW, NULL);
  banner = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                        PN_TYPE_WINDOW, "font_banner"));
  g_assert_cmpint (gtk_revealer_get_reveal_child (banner), ==,
                   !pn_fonts_cover_simplified_chinese (gtk_widget_get_pango_context (GTK_WIDGET (window))));
  g_test_message ("Simplified Chinese font installed: %s", covered ? "yes" : "no");
  gtk_window_destroy (window);
}

/* /pn/gui/i18n/catalogue */

static void
test_i18n_catalogue (void)
{
  const char *language = g_get_language_names ()[0];

  if (g_str_has_prefix (language, "zh"))
    {
      /* The build tree's catalogue was found and used. */
      g_assert_cmpstr (_("Policy Navigator"), !=, "Policy Navigator");
      g_assert_false (g_str_is_ascii (_("Find the incentives your project qualifies for")));
    }
  else if (g_str_has_prefix (language, "en") || g_str_equal (language, "C"))
    {
      g_assert_cmpstr (_("Policy Navigator"), ==, "Policy Navigator");
    }
  else
    {
      g_test_skip ("no expectations for this language");
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The real application's first frames, animations as a user gets them. */
  pn_test_init (&argc, &argv, PN_TEST_INIT_ANIMATIONS);

  g_test_add_func ("/pn/gui/i18n/catalogue", test_i18n_catalogue);
  g_test_add_func ("/pn/gui/templates", test_templates);
  g_test_add_func ("/pn/gui/fonts/simplified-chinese", test_fonts_simplified_chinese);
  g_test_add_func ("/pn/gui/window/state", test_window_state);
  g_test_add_func ("/pn/gui/application/first-frame", test_application_first_frame);
  g_test_add_func ("/pn/gui/application/actions", test_application_actions);
  g_test_add_func ("/pn/gui/window/import-elsewhere", test_window_import_elsewhere);
  g_test_add_func ("/pn/gui/window/screenshot", test_window_screenshot);
  g_test_add_func ("/pn/gui/help", test_help_html);
  g_test_add_func ("/pn/gui/chinese/numerals", test_chinese_numerals);

  return g_test_run ();
}
