/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-profiles-popover"

#include "config.h"

#include "pn-profiles-popover.h"

#include "pn-gui-profiles.h"
#include "pn-gui-util.h"
#include "pn-window.h"

#include <glib/gi18n.h>

struct _PnProfilesPopover
{
  GtkPopover     parent_instance;

  GtkLabel      *current_label;
  GtkLabel      *error_label;
  GtkStack      *list_stack;
  GtkButton     *new_client_button;
  AdwEntryRow   *name_row;
  GtkListBox    *profile_list;
  GtkButton     *save_changes_button;
  GtkButton     *start_over_button;

  PnApplication *application;
};

G_DEFINE_FINAL_TYPE (PnProfilesPopover, pn_profiles_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (PnProfilesPopover *self,
            const GError      *error)
{
  pn_gui_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static GtkWindow *
get_parent_window (PnProfilesPopover *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
current_name (PnProfilesPopover *self)
{
  if (self->application == NULL)
    return NULL;

  return pn_profile_get_name (pn_application_get_profile (self->application));
}

/* ---- dialogs ---- */

typedef struct
{
  PnProfilesPopover *self;
  char              *name;
} DialogData;

static void
dialog_data_free (gpointer  data,
                  GClosure *closure G_GNUC_UNUSED)
{
  DialogData *dialog_data = data;

  g_object_unref (dialog_data->self);
  g_free (dialog_data->name);
  g_free (dialog_data);
}

static void
connect_response (GtkWidget         *dialog,
                  GCallback          callback,
                  PnProfilesPopover *self,
                  const char        *name)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->self = g_object_ref (self);
  data->name = g_strdup (name);
  g_signal_connect_data (dialog, "response", callback, data, dialog_data_free, 0);
}

static void
show_error_dialog (PnProfilesPopover *self,
                   const char        *heading,
                   const GError      *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                    const char       *response,
                    DialogData       *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") == 0 &&
      !pn_profiles_popover_delete (data->self, data->name, &error))
    show_error_dialog (data->self, _("Cannot Delete Client"), error);
}

static void
request_delete (PnProfilesPopover *self,
                const char        *name)
{
  GtkWidget *dialog;

  gtk_popover_popdown (GTK_POPOVER (self));

  dialog = adw_message_dialog_new (get_parent_window (self), _("Delete Client?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The saved answers of “%s” will be deleted. The answers open now stay as they are."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  connect_response (dialog, G_CALLBACK (delete_response_cb), self, name);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *data)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") == 0 &&
      !pn_profiles_popover_rename (data->self, data->name, gtk_editable_get_text (entry), &error))
    show_error_dialog (data->self, _("Cannot Rename Client"), error);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", *text != '\0');
}

static void
request_rename (PnProfilesPopover *self,
                const char        *name)
{
  GtkWidget *dialog;
  GtkWidget *entry;

  gtk_popover_popdown (GTK_POPOVER (self));

  dialog = adw_message_dialog_new (get_parent_window (self), _("Rename Client"), NULL);
  /* Translators: %s is the name of a saved profile */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("A new name for “%s”:"), name);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog, 0);
  connect_response (dialog, G_CALLBACK (rename_response_cb), self, name);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                       const char       *response,
                       DialogData       *data)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "replace") != 0)
    return;

  if (!pn_profiles_popover_save (data->self, data->name, &error))
    show_error_dialog (data->self, _("Cannot Save Client"), error);
  else
    pn_profiles_popover_saved (data->self, data->name);
}

/* ---- rows ---- */

static void
rename_clicked_cb (GtkButton         *button,
                   PnProfilesPopover *self)
{
  request_rename (self, g_object_get_data (G_OBJECT (button), "pn-profile-name"));
}

static void
delete_clicked_cb (GtkButton         *button,
                   PnProfilesPopover *self)
{
  request_delete (self, g_object_get_data (G_OBJECT (button), "pn-profile-name"));
}

static GtkWidget *
row_button_new (PnProfilesPopover *self,
                const char        *name,
                const char        *icon_name,
                const char        *tooltip,
                GCallback          callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "pn-profile-name", g_strdup (name), g_free);
  g_signal_connect_object (button, "clicked", callback, self, 0);

  return button;
}

static GtkWidget *
profile_row_new (PnProfilesPopover *self,
                 const char        *name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (g_strcmp0 (name, current_name (self)) == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Open now"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "pn-profile-name", g_strdup (name), g_free);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button_new (self, name, "document-edit-symbolic", _("Rename"),
                                             G_CALLBACK (rename_clicked_cb)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button_new (self, name, "user-trash-symbolic", _("Delete"),
                                             G_CALLBACK (delete_clicked_cb)));

  return row;
}

static void
profile_row_activated_cb (PnProfilesPopover *self,
                          GtkListBoxRow     *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "pn-profile-name");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (self));

  /* Through the window, which asks first when the open client has
   * unsaved changes; here directly when there is no such window. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-client", "s", name) &&
      !pn_profiles_popover_open (self, name, &error))
    show_error (self, error);
}

/* ---- saving ---- */

static void
name_row_changed_cb (PnProfilesPopover *self)
{
  show_error (self, NULL);
}

static void
name_row_apply_cb (PnProfilesPopover *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_auto(GStrv) names = pn_profiles_popover_dup_names (self);
  g_autoptr(GError) error = NULL;

  /* Saving over another client's profile asks first. */
  if (*name != '\0' && g_strv_contains ((const char * const *) names, name) &&
      g_strcmp0 (name, current_name (self)) != 0)
    {
      GtkWidget *dialog;

      gtk_popover_popdown (GTK_POPOVER (self));
      dialog = adw_message_dialog_new (get_parent_window (self), _("Replace Saved Client?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("A client named “%s” already exists. Saving replaces its answers with the current ones."),
                                      name);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      connect_response (dialog, G_CALLBACK (overwrite_response_cb), self, name);
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (!pn_profiles_popover_save (self, name, &error))
    {
      show_error (self, error);
      return;
    }

  pn_profiles_popover_saved (self, name);
}

static void
update_current (PnProfilesPopover *self)
{
  const char *name = current_name (self);
  gboolean unsaved = self->application != NULL && pn_application_get_unsaved_changes (self->application);
  g_autofree char *text = NULL;

  gboolean answered = self->application != NULL &&
                      pn_profile_get_location (pn_application_get_profile (self->application)) != NULL;

  if (name == NULL)
    text = g_strdup (_("No client is open: the answers are not saved."));
  else if (!answered)
    /* Translators: %s is the open client's name, whose answers were
     * cleared (Start Over) */
    text = g_strdup_printf (_("“%s” is open with no answers; its saved answers stay until new ones are saved."), name);
  else if (unsaved)
    /* Translators: %s is the open client's name */
    text = g_strdup_printf (_("“%s” is open; its answers changed since it was saved."), name);
  else
    /* Translators: %s is the open client's name */
    text = g_strdup_printf (_("“%s” is open and saved."), name);

  pn_gui_label_set_text (self->current_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->save_changes_button), name != NULL && unsaved && answered);
}

static void
show_cb (PnProfilesPopover *self)
{
  show_error (self, NULL);
  /* Empty: the entry names a new client; the open one is saved with Save
   * Changes. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  update_current (self);
  pn_profiles_popover_reload (self);
}

/* ---- GObject ---- */

static void
pn_profiles_popover_dispose (GObject *object)
{
  PnProfilesPopover *self = (PnProfilesPopover *) object;

  g_clear_object (&self->application);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_PROFILES_POPOVER);

  G_OBJECT_CLASS (pn_profiles_popover_parent_class)->dispose (object);
}

static void
pn_profiles_popover_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PnProfilesPopover *self = PN_PROFILES_POPOVER (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_profiles_popover_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PnProfilesPopover *self = PN_PROFILES_POPOVER (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      pn_profiles_popover_set_application (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_profiles_popover_class_init (PnProfilesPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_profiles_popover_dispose;
  object_class->get_property = pn_profiles_popover_get_property;
  object_class->set_property = pn_profiles_popover_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, PN_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pnav/PolicyNavigator/ui/pn-profiles-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, current_label);
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, name_row);
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, new_client_button);
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, profile_list);
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, save_changes_button);
  gtk_widget_class_bind_template_child (widget_class, PnProfilesPopover, start_over_button);
  gtk_widget_class_bind_template_callback (widget_class, name_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, profile_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_cb);
}

static void
pn_profiles_popover_init (PnProfilesPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pn_gui_tag_chinese (GTK_WIDGET (self));
}

/* ---- public ---- */

GtkWidget *
pn_profiles_popover_new (PnApplication *application)
{
  g_return_val_if_fail (application == NULL || PN_IS_APPLICATION (application), NULL);

  return g_object_new (PN_TYPE_PROFILES_POPOVER, "application", application, NULL);
}

PnApplication *
pn_profiles_popover_get_application (PnProfilesPopover *self)
{
  g_return_val_if_fail (PN_IS_PROFILES_POPOVER (self), NULL);
  return self->application;
}

void
pn_profiles_popover_set_application (PnProfilesPopover *self,
                                     PnApplication     *application)
{
  g_return_if_fail (PN_IS_PROFILES_POPOVER (self));
  g_return_if_fail (application == NULL || PN_IS_APPLICATION (application));

  if (self->application != NULL)
    g_signal_handlers_disconnect_by_func (self->application, update_current, self);
  if (g_set_object (&self->application, application))
    {
      if (application != NULL)
        {
          g_signal_connect_object (application, "notify::unsaved-changes",
                                   G_CALLBACK (update_current), self, G_CONNECT_SWAPPED);
          /* another client open, or none (New Client): the line on top and
           * the list's "Open now" say the same */
          g_signal_connect_object (pn_application_get_profile (application), "notify::name",
                                   G_CALLBACK (update_current), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (pn_application_get_profile (application), "notify::location",
                                   G_CALLBACK (update_current), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (pn_application_get_profile (application), "notify::name",
                                   G_CALLBACK (pn_profiles_popover_reload), self, G_CONNECT_SWAPPED);
        }
      update_current (self);
      pn_profiles_popover_reload (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
    }
}

void
pn_profiles_popover_reload (PnProfilesPopover *self)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_return_if_fail (PN_IS_PROFILES_POPOVER (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->profile_list))) != NULL)
    gtk_list_box_remove (self->profile_list, child);

  if (self->application != NULL)
    {
      names = pn_gui_list_profiles (self->application, &error);
      if (names == NULL)
        show_error (self, error);
    }

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_list_box_append (self->profile_list, profile_row_new (self, names[i]));

  gtk_stack_set_visible_child_name (self->list_stack,
                                    names != NULL && names[0] != NULL ? "list" : "empty");
  pn_gui_tag_chinese (GTK_WIDGET (self->profile_list));
}

GStrv
pn_profiles_popover_dup_names (PnProfilesPopover *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PN_IS_PROFILES_POPOVER (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->profile_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *name = g_object_get_data (G_OBJECT (child), "pn-profile-name");

      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

gboolean
pn_profiles_popover_save (PnProfilesPopover  *self,
                          const char         *name,
                          GError            **error)
{
  g_return_val_if_fail (PN_IS_PROFILES_POPOVER (self), FALSE);
  g_return_val_if_fail (self->application != NULL, FALSE);

  if (!pn_gui_save_profile (self->application, name, error))
    return FALSE;

  pn_profiles_popover_reload (self);
  return TRUE;
}

void
pn_profiles_popover_saved (PnProfilesPopover *self,
                           const char        *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = NULL;

  g_return_if_fail (PN_IS_PROFILES_POPOVER (self));

  /* Said, and the entry ready for the next one. */
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  update_current (self);
  if (PN_IS_WINDOW (root))
    pn_window_add_saved_toast (PN_WINDOW (root), name);
}

gboolean
pn_profiles_popover_open (PnProfilesPopover  *self,
                          const char         *name,
                          GError            **error)
{
  g_return_val_if_fail (PN_IS_PROFILES_POPOVER (self), FALSE);
  g_return_val_if_fail (self->application != NULL, FALSE);

  if (!pn_gui_open_profile (self->application, name, error))
    return FALSE;

  pn_profiles_popover_reload (self);
  return TRUE;
}

gboolean
pn_profiles_popover_rename (PnProfilesPopover  *self,
                            const char         *old_name,
                            const char         *new_name,
                            GError            **error)
{
  g_return_val_if_fail (PN_IS_PROFILES_POPOVER (self), FALSE);
  g_return_val_if_fail (self->application != NULL, FALSE);

  if (!pn_gui_rename_profile (self->application, old_name, new_name, error))
    return FALSE;

  pn_profiles_popover_reload (self);
  return TRUE;
}

gboolean
pn_profiles_popover_delete (PnProfilesPopover  *self,
                            const char         *name,
                            GError            **error)
{
  g_return_val_if_fail (PN_IS_PROFILES_POPOVER (self), FALSE);
  g_return_val_if_fail (self->application != NULL, FALSE);

  if (!pn_gui_delete_profile (self->application, name, error))
    return FALSE;

  pn_profiles_popover_reload (self);
  return TRUE;
}
