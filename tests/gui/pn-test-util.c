/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-test-util"

#include "config.h"

#include "pn-test-util.h"

#include <string.h>

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
