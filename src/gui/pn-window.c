/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include "pn-window.h"

#include "pn-fonts.h"

#include <glib/gi18n.h>

struct _PnWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  GtkRevealer          *font_banner;
  GtkStack             *main_stack;
};

G_DEFINE_FINAL_TYPE (PnWindow, pn_window, ADW_TYPE_APPLICATION_WINDOW)

static void
pn_window_restore_state (PnWindow *self)
{
  g_assert (PN_IS_WINDOW (self));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
pn_window_save_state (PnWindow *self)
{
  int width = 0;
  int height = 0;

  g_assert (PN_IS_WINDOW (self));

  /* GTK keeps the default size at the last unmaximized size. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
pn_window_update_font_banner (PnWindow *self)
{
  PangoContext *context;

  g_assert (PN_IS_WINDOW (self));

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  gtk_revealer_set_reveal_child (self->font_banner,
                                 !pn_fonts_cover_simplified_chinese (context));
}

static void
pn_window_start_cb (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter G_GNUC_UNUSED)
{
  PnWindow *self = PN_WINDOW (widget);

  /* The assistant (DESIGN.md, src/gui/assistant/) will be pushed onto
   * main_stack here. */
  g_debug ("%s: the assistant is not built yet; staying on “%s”",
           G_STRFUNC, gtk_stack_get_visible_child_name (self->main_stack));
}

static gboolean
pn_window_close_request (GtkWindow *window)
{
  pn_window_save_state (PN_WINDOW (window));

  return GTK_WINDOW_CLASS (pn_window_parent_class)->close_request (window);
}

static void
pn_window_dispose (GObject *object)
{
  PnWindow *self = PN_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pn_window_parent_class)->dispose (object);
}

static void
pn_window_class_init (PnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pn_window_dispose;

  window_class->close_request = pn_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/pn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnWindow, font_banner);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, main_stack);

  gtk_widget_class_install_action (widget_class, "win.start", NULL, pn_window_start_cb);
}

static void
pn_window_init (PnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  pn_window_restore_state (self);
  pn_window_update_font_banner (self);
}

PnWindow *
pn_window_new (PnApplication *application)
{
  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);

  return g_object_new (PN_TYPE_WINDOW,
                       "application", application,
                       NULL);
}
