/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-drafts-window"

#include "config.h"

#include "pn-drafts-window.h"

#include "pn-editor-drafts.h"
#include "pn-editor-open.h"
#include "pn-gui-util.h"

#include <glib/gi18n.h>

struct _PnDraftsWindow
{
  AdwWindow        parent_instance;

  PnApplication   *application;
  GSettings       *settings;
  GPtrArray       *drafts;     /* PnEditorDraftInfo */
  GPtrArray       *rows;

  /* Template children */
  AdwPreferencesGroup *drafts_group;
  GtkStack        *stack;
};

G_DEFINE_FINAL_TYPE (PnDraftsWindow, pn_drafts_window, ADW_TYPE_WINDOW)

void
pn_drafts_window_open (PnDraftsWindow *self,
                       guint           position)
{
  PnEditorDraftInfo *info;
  GtkWindow *parent;

  g_return_if_fail (PN_IS_DRAFTS_WINDOW (self));
  g_return_if_fail (position < self->drafts->len);

  info = g_ptr_array_index (self->drafts, position);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_object_ref (self);
  if (pn_editor_open_file (parent, self->application, info->file) != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
row_activated_cb (GtkWidget      *row,
                  PnDraftsWindow *self)
{
  guint position;

  if (g_ptr_array_find (self->rows, row, &position))
    pn_drafts_window_open (self, position);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PnDraftsWindow   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "discard") != 0)
    return;
  if (!pn_editor_drafts_discard (self->settings, file, &error))
    g_warning ("Cannot discard the draft: %s", error->message);
  pn_drafts_window_refresh (self);
}

static void
discard_clicked_cb (GtkButton      *button,
                    PnDraftsWindow *self)
{
  PnEditorDraftInfo *info = g_object_get_data (G_OBJECT (button), "info");
  GtkWidget *dialog;

  /* Translators: %s is a draft's title */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Draft?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  pn_editor_drafts_is_default (info->file)
                                  ? _("“%s” and every change made to it are deleted.")
                                  : _("“%s” is no longer listed here; its file stays where it was saved."),
                                  info->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (info->file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pn_drafts_window_refresh (PnDraftsWindow *self)
{
  g_return_if_fail (PN_IS_DRAFTS_WINDOW (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->drafts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);

  self->drafts = pn_editor_drafts_list (self->settings);
  for (guint i = 0; i < self->drafts->len; i++)
    {
      PnEditorDraftInfo *info = g_ptr_array_index (self->drafts, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *date = info->modified != NULL ? g_date_time_format (info->modified, "%Y-%m-%d") : NULL;
      g_autofree char *when = date != NULL ? pn_gui_format_date (date) : NULL;
      g_autofree char *subtitle = NULL;

      if (info->error != NULL)
        subtitle = g_strdup (info->error);
      else
        {
          g_autofree char *progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u benefit reviewed",
                                                                    "%u of %u benefits reviewed",
                                                                    info->n_benefits),
                                                       info->n_reviewed, info->n_benefits);

          /* Translators: a draft in progress: its number (or id), how far
           * its review is, when it last changed */
          subtitle = g_strdup_printf (_("%s · %s · changed %s"),
                                      info->doc_number != NULL ? info->doc_number : info->id,
                                      progress, when != NULL ? when : "—");
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), info->error == NULL);
      gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (discard, "flat");
      gtk_widget_set_tooltip_text (discard, _("Discard the Draft"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Discard the Draft"), -1);
      g_object_set_data (G_OBJECT (discard), "info", info);
      g_signal_connect_object (discard, "clicked", G_CALLBACK (discard_clicked_cb), self, 0);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
      pn_gui_tag_chinese (row);
      adw_preferences_group_add (self->drafts_group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, self->drafts->len > 0 ? "list" : "empty");
}

guint
pn_drafts_window_get_n_drafts (PnDraftsWindow *self)
{
  g_return_val_if_fail (PN_IS_DRAFTS_WINDOW (self), 0);
  return self->drafts != NULL ? self->drafts->len : 0;
}

static void
other_file_response_cb (GtkNativeDialog *native,
                        int              response,
                        PnDraftsWindow  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL)
    return;

  if (pn_editor_open_file (gtk_window_get_transient_for (GTK_WINDOW (self)), self->application, file) != NULL)
    {
      pn_editor_drafts_remember (self->settings, file);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
other_file_cb (PnDraftsWindow *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Open a Draft"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Policy documents (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (other_file_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
pn_drafts_window_dispose (GObject *object)
{
  PnDraftsWindow *self = PN_DRAFTS_WINDOW (object);

  g_clear_object (&self->application);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_DRAFTS_WINDOW);

  G_OBJECT_CLASS (pn_drafts_window_parent_class)->dispose (object);
}

static void
pn_drafts_window_finalize (GObject *object)
{
  PnDraftsWindow *self = PN_DRAFTS_WINDOW (object);

  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_drafts_window_parent_class)->finalize (object);
}

static void
pn_drafts_window_class_init (PnDraftsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_drafts_window_dispose;
  object_class->finalize = pn_drafts_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-drafts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnDraftsWindow, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, PnDraftsWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, other_file_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pn_drafts_window_init (PnDraftsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->settings = g_settings_new (APPLICATION_ID);
}

GtkWidget *
pn_drafts_window_new (GtkWindow     *parent,
                      PnApplication *application)
{
  PnDraftsWindow *self;

  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);

  self = g_object_new (PN_TYPE_DRAFTS_WINDOW, "transient-for", parent, NULL);
  self->application = g_object_ref (application);
  pn_drafts_window_refresh (self);
  return GTK_WIDGET (self);
}
