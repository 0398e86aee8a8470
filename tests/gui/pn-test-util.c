/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-test-util"

#include "config.h"

#include "pn-test-util.h"

#include "pn-profile-view.h"
#include "pn-store.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

void
pn_test_init (int              *argc,
              char           ***argv,
              PnTestInitFlags   flags)
{
  /* XDG_DATA_DIRS before g_test_init() isolates it. */
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  if (data_dirs == NULL || *data_dirs == '\0')
    {
      g_free (data_dirs);
      data_dirs = g_strdup ("/usr/local/share/:/usr/share/");
    }

  setlocale (LC_ALL, "");
  /* The uninstalled catalogue: the build tree's po/<lang>/LC_MESSAGES/. */
  bindtextdomain (GETTEXT_PACKAGE, PN_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Keep the system MIME database (gdk-pixbuf sniffs SVG icons with it),
   * then isolate the environment. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Under a loaded Xvfb a connection is now and then refused ("cannot
   * open display: :99", seen once in a full run while the other GUI tests
   * of the same run connected): a few tries before giving up, which
   * gtk_init () then does with its own message. */
  for (guint tries = 0; tries < 10 && !gtk_init_check (); tries++)
    g_usleep (300 * 1000);
  gtk_init ();
  adw_init ();
  pn_test_keep_system_icon_themes (data_dirs);

  /* Screenshots of settled pages, not of transitions; a frame shows the
   * end state (leaflets, stacks, toasts). */
  if ((flags & PN_TEST_INIT_ANIMATIONS) == 0)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

char *
pn_test_screenshot_language (void)
{
  const char *name = g_get_language_names ()[0];

  /* "zh_CN", "en"; "C" when no language is set */
  return g_strndup (name, strcspn (name, ".@"));
}

char *
pn_test_screenshot_path (const char *name)
{
  g_autofree char *language = pn_test_screenshot_language ();
  g_autofree char *basename = g_strdup_printf ("%s-%s.png", name, language);
  g_autofree char *dir = g_test_build_filename (G_TEST_BUILT, "gui", "screenshots", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);

  return g_build_filename (dir, basename, NULL);
}

void
pn_test_save_screenshot (GtkWidget  *widget,
                         const char *filename)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  GdkRGBA background;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  /* The window draws the background, not its content: paint it under. */
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (gtk_widget_get_root (widget))),
                                       "window_bg_color", &background))
    gdk_rgba_parse (&background, "white");
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);

  g_assert_true (gdk_texture_save_to_png (texture, filename));
  g_test_message ("screenshot: %s (%d×%d)", filename, width, height);
}

static void
after_paint_cb (GdkFrameClock *frame_clock G_GNUC_UNUSED,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

gboolean
pn_test_wait_for_frame (GtkWidget *widget,
                        guint      timeout_ms)
{
  GdkFrameClock *frame_clock;
  gboolean painted = FALSE;
  gboolean timed_out = FALSE;
  gulong handler;
  guint timeout_id;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  timeout_id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  /* The widget may not be realized yet: wait for its frame clock first. */
  while ((frame_clock = gtk_widget_get_frame_clock (widget)) == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (frame_clock == NULL)
    return FALSE;

  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (frame_clock, handler);

  if (!timed_out)
    g_source_remove (timeout_id);

  return painted;
}

void
pn_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
pn_test_wait_until (PnTestPredicate predicate,
                    gpointer        data,
                    guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return !timed_out;
}

gboolean
pn_test_is_true (gpointer data)
{
  return *(gboolean *) data;
}

gboolean
pn_test_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

gboolean
pn_test_is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name,
             gboolean    mapped_only)
{
  if (mapped_only && !gtk_widget_get_mapped (root))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name, mapped_only);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
pn_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  return find_widget (root, type, name, FALSE);
}

GtkWidget *
pn_test_find_mapped_widget (GtkWidget  *root,
                            GType       type,
                            const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  return find_widget (root, type, name, TRUE);
}

GtkWidget *
pn_test_template_child (GtkWidget  *widget,
                        GType       widget_type,
                        const char *name)
{
  GObject *child = gtk_widget_get_template_child (widget, widget_type, name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

GtkWidget *
pn_test_window_child (PnWindow   *window,
                      const char *name)
{
  return pn_test_template_child (GTK_WIDGET (window), PN_TYPE_WINDOW, name);
}

gboolean
pn_test_label_is_simplified_chinese (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  GSList *list;
  gboolean found = FALSE;

  if (attrs == NULL)
    return FALSE;

  list = pango_attr_list_get_attributes (attrs);
  for (GSList *l = list; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == PANGO_ATTR_LANGUAGE &&
          g_str_equal (pango_language_to_string (((PangoAttrLanguage *) attr)->value), "zh-cn") &&
          attr->start_index == 0 &&
          attr->end_index >= strlen (gtk_label_get_text (label)))
        found = TRUE;
    }
  g_slist_free_full (list, (GDestroyNotify) pango_attribute_destroy);

  return found;
}

void
pn_test_keep_system_icon_themes (const char *data_dirs)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_auto(GStrv) dirs = g_strsplit (data_dirs, G_SEARCHPATH_SEPARATOR_S, -1);
  g_autoptr(GPtrArray) search_path = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      if (*dirs[i] != '\0')
        g_ptr_array_add (search_path, g_build_filename (dirs[i], "icons", NULL));
    }
  g_ptr_array_add (search_path, NULL);

  gtk_icon_theme_set_search_path (theme, (const char * const *) search_path->pdata);
}

void
pn_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) contents = g_dir_open (dir, 0, NULL);
  const char *name;

  while (contents != NULL && (name = g_dir_read_name (contents)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

void
pn_test_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
}

/* ---- the real application ---- */

typedef struct
{
  PnTestAppOptions  options;
  PnTestAppFunc     func;
  gpointer          user_data;
  char             *dir;
  PnWindow         *window;
  gboolean          ran;
} AppRun;

/* After the application's own activate: its window is up; run `func` on
 * it, then close everything, which ends g_application_run(). */
static void
app_activate_cb (GApplication *app,
                 AppRun       *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint i = 0;

  g_assert_true (PN_IS_WINDOW (window));
  g_assert_nonnull (pn_application_get_corpus (PN_APPLICATION (app)));
  run->window = PN_WINDOW (window);

  if (run->options.width > 0 && run->options.height > 0)
    gtk_window_set_default_size (window, run->options.width, run->options.height);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (window), run->options.frame_timeout_ms));

  run->func (PN_APPLICATION (app), run->window, run->dir, run->user_data);
  run->ran = TRUE;

  /* Dialogs the test left open go before the window, so that the
   * application ends. */
  while (i < g_list_model_get_n_items (toplevels))
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        i++;
      else
        gtk_window_destroy (toplevel);
    }
  gtk_window_destroy (window);
  run->window = NULL;
}

void
pn_test_run_app (const PnTestAppOptions *options,
                 PnTestAppFunc           func,
                 gpointer                user_data)
{
  AppRun run = { .func = func, .user_data = user_data };
  g_autoptr(GError) error = NULL;
  /* g_test_init() names the program after argv[0]: pn-test-compare-XXXXXX */
  g_autofree char *program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "test");
  g_autofree char *template = g_strdup_printf ("pn-%s-XXXXXX", program);
  g_autofree char *db_path = NULL;
  PnApplication *app;
  int status;

  g_return_if_fail (func != NULL);

  if (options != NULL)
    run.options = *options;
  if (run.options.frame_timeout_ms == 0)
    run.options.frame_timeout_ms = PN_TEST_FRAME_TIMEOUT_MS;

  run.dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  db_path = g_build_filename (run.dir, "policy-navigator.db", NULL);
  g_setenv ("POLICY_NAVIGATOR_DB", db_path, TRUE);

  app = pn_application_new ();
  /* Every test's application shares the session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (app_activate_cb), &run);

  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (run.ran);
  g_assert_null (run.window);
  g_clear_object (&app);

  /* The database and whatever the test wrote there. */
  pn_test_remove_dir (run.dir);
  g_clear_pointer (&run.dir, g_free);
  g_unsetenv ("POLICY_NAVIGATOR_DB");
}

void
pn_test_window_screenshot (PnWindow   *window,
                           const char *name)
{
  g_autofree char *filename = pn_test_screenshot_path (name);

  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_save_screenshot (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)),
                           filename);
}

/* ---- the shared fixture ---- */

typedef struct
{
  PnTestCase        test_case;
  const char       *view;
  PnTestAppOptions  options;
  gboolean          has_options;
} AppTest;

static void
fixture_app_cb (PnApplication *app,
                PnWindow      *window,
                const char    *dir,
                gpointer       user_data)
{
  PnTestFixture *fixture = user_data;

  g_assert_nonnull (pn_application_get_store (app));

  fixture->app = app;
  fixture->window = window;
  fixture->db_dir = dir;
  fixture->main_stack = GTK_STACK (pn_test_window_child (window, "main_stack"));
  fixture->profile = pn_application_get_profile (app);
  fixture->corpus = pn_application_get_corpus (app);
  if (fixture->view_name != NULL)
    {
      fixture->view = pn_window_get_view (window, fixture->view_name);
      g_assert_nonnull (fixture->view);
      /* The window hands a view the application's profile and corpus. */
      if (PN_IS_PROFILE_VIEW (fixture->view))
        {
          g_assert_true (pn_profile_view_get_profile (fixture->view) == fixture->profile);
          g_assert_true (pn_profile_view_get_corpus (fixture->view) == fixture->corpus);
        }
    }

  fixture->body (fixture);
}

static void
fixture_set_up (PnTestFixture *fixture,
                gconstpointer  data)
{
  const AppTest *test = data;
  g_autoptr(GError) error = NULL;

  fixture->body = test->test_case.body;
  fixture->view_name = test->view;
  fixture->out_dir = g_dir_make_tmp ("pn-test-out-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (PnTestFixture *fixture,
                   gconstpointer  data G_GNUC_UNUSED)
{
  pn_test_remove_dir (fixture->out_dir);
  g_clear_pointer (&fixture->out_dir, g_free);
}

static void
fixture_run (PnTestFixture *fixture,
             gconstpointer  data)
{
  const AppTest *test = data;

  pn_test_run_app (test->has_options ? &test->options : NULL, fixture_app_cb, fixture);
}

void
pn_test_add_app_tests (const PnTestCase       *cases,
                       guint                   n_cases,
                       const char             *view,
                       const PnTestAppOptions *options)
{
  for (guint i = 0; i < n_cases; i++)
    {
      AppTest *test = g_new0 (AppTest, 1);

      test->test_case = cases[i];
      test->view = view;
      if (options != NULL)
        {
          test->options = *options;
          test->has_options = TRUE;
        }
      /* Lives as long as the test program. */
      g_test_add_vtable (cases[i].path, sizeof (PnTestFixture), test,
                         (GTestFixtureFunc) fixture_set_up,
                         (GTestFixtureFunc) fixture_run,
                         (GTestFixtureFunc) fixture_tear_down);
    }
}

gboolean
pn_test_wait (PnTestPredicate predicate,
              gpointer        data)
{
  return pn_test_wait_until (predicate, data, PN_TEST_FRAME_TIMEOUT_MS);
}

gboolean
pn_test_has_accessible_name (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;

  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL;

  if (GTK_IS_MENU_BUTTON (widget))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) != NULL;

  if (GTK_IS_BUTTON (widget))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (widget));

      return gtk_button_get_label (GTK_BUTTON (widget)) != NULL ||
             (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0') ||
             (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_label (ADW_BUTTON_CONTENT (child)) != NULL);
    }

  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      return title != NULL && *title != '\0';
    }

  return FALSE;
}

AdwMessageDialog *
pn_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

void
pn_test_resize_window (PnWindow *window,
                       int       width,
                       int       height)
{
  int default_width, default_height;
  int shadow;

  g_return_if_fail (PN_IS_WINDOW (window));

  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  shadow = default_width - gtk_widget_get_width (GTK_WIDGET (window));
  g_assert_cmpint (shadow, >=, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), width + shadow, height + shadow);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (window), PN_TEST_FRAME_TIMEOUT_MS));
  /* the window took the width: its minimum is no wider */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width);
}

static void
assert_within (GtkWidget *widget,
               GtkWidget *window,
               int        width,
               guint     *n_checked)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (widget) || !gtk_widget_get_child_visible (widget))
    return;

  /* An overlay scrollbar's slider is drawn over the edge: not content. */
  if (GTK_IS_SCROLLBAR (widget))
    return;

  /* What scrolls sideways on purpose is within its viewport. */
  if (GTK_IS_VIEWPORT (widget) || GTK_IS_SCROLLED_WINDOW (gtk_widget_get_parent (widget)))
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);

      if (scrolled != NULL)
        {
          GtkPolicyType h;

          gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scrolled), &h, NULL);
          if (h != GTK_POLICY_NEVER)
            return;
        }
    }

  if (gtk_widget_get_width (widget) > 0 && gtk_widget_compute_bounds (widget, window, &bounds))
    {
      (*n_checked)++;
      /* The header bar's style reaches a pixel past each side. */
      if (bounds.origin.x < -1.5 || bounds.origin.x + bounds.size.width > width + 1.5)
        {
          g_test_message ("a %s named “%s” spans %.0f…%.0f of %d px%s%s",
                          G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                          bounds.origin.x, bounds.origin.x + bounds.size.width, width,
                          GTK_IS_LABEL (widget) ? ": " : "",
                          GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : "");
          g_test_fail ();
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_within (child, window, width, n_checked);
}

void
pn_test_assert_within_width (GtkWidget *root,
                             int        width)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (root));
  guint n_checked = 0;

  assert_within (root, window, width, &n_checked);
  g_test_message ("%u widgets within %d px", n_checked, width);
  g_assert_cmpuint (n_checked, >, 0);
}

/* The documents tests/bench's generator writes into the fixture's
 * out_dir: their paths. */
GPtrArray *
pn_test_generate_documents (PnTestFixture *fixture,
                            guint          n_benefits,
                            guint          n_documents)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "bench", "gen-corpus.py", NULL);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *benefits = g_strdup_printf ("%u", n_benefits);
  g_autofree char *documents = g_strdup_printf ("%u", n_documents);
  const char *argv[] = { python, script, "--benefits", benefits, "--documents", documents, "--seed", "14",
                         fixture->out_dir, NULL };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  g_assert_nonnull (python);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);

  dir = g_dir_open (fixture->out_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (paths, g_build_filename (fixture->out_dir, name, NULL));
  g_assert_cmpuint (paths->len, ==, n_documents);

  return paths;
}

/* A new city's measures: the document declares Guangdong and Shenzhen
 * (<local-locations>), which the taxonomy does not know. */
static const char shenzhen_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"shenzhen-test\" status=\"final\">\n"
  "  <title><zh>深圳市测试措施</zh><en>Shenzhen test measures</en></title>\n"
  "  <issuer><zh>深圳市人民政府</zh><en>Shenzhen People's Government</en></issuer>\n"
  "  <local-locations>\n"
  "    <location id=\"guangdong\" level=\"province\"><zh>广东省</zh><en>Guangdong</en></location>\n"
  "    <location id=\"shenzhen\" level=\"city\" parent=\"guangdong\"><zh>深圳市</zh><en>Shenzhen</en></location>\n"
  "  </local-locations>\n"
  "  <jurisdiction>shenzhen</jurisdiction>\n"
  "  <validity issued=\"2025-01-01\" in-force-from=\"2025-01-01\" in-force-until=\"2029-12-31\"/>\n"
  "  <source file=\"shenzhen-test.txt\" last-verified=\"2025-01-02\"/>\n"
  "  <article number=\"1\" chapter=\"一、测试\">\n"
  "    <heading><zh>临床试验奖励</zh><en>Clinical trial award</en></heading>\n"
  "    <original>对完成Ⅱ期临床试验的创新药，给予最高200万元奖励。</original>\n"
  "    <summary>An innovative drug that completes a Phase II trial gets 2 million yuan.</summary>\n"
  "    <benefit id=\"shenzhen-test/1/phase-2\" kind=\"fixed\" per=\"product\">\n"
  "      <title><zh>Ⅱ期临床试验奖励</zh><en>Phase II award</en></title>\n"
  "      <amount>2000000</amount>\n"
  "      <conditions><product>drug</product><drug-class>innovative</drug-class><phase>phase-2</phase></conditions>\n"
  "    </benefit>\n"
  "  </article>\n"
  "</policy-document>\n";

void
pn_test_import_shenzhen (PnTestFixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, "shenzhen-test.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, shenzhen_document, -1, &error));
  document = pn_store_import_file (pn_application_get_store (fixture->app), file, FALSE, &error);
  g_assert_no_error (error);
  pn_application_reload_corpus (fixture->app);
}

void
pn_test_import_generated (PnTestFixture *fixture,
                          guint          n_benefits)
{
  g_autoptr(GPtrArray) paths = pn_test_generate_documents (fixture, n_benefits, 2);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (paths, i));
      g_autoptr(PnDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = pn_store_import_file (pn_application_get_store (fixture->app), file, FALSE, &error);
      g_assert_no_error (error);
    }
  pn_application_reload_corpus (fixture->app);
}
