/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-date-chooser"

#include "config.h"

#include "pn-date-chooser.h"

#include "pn-gui-util.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

struct _PnDateChooser
{
  GtkWidget     parent_instance;

  PnProfile    *profile;
  char         *date;      /* without a profile: the date chosen, or NULL */
  gboolean      syncing;
  char         *error;

  /* Template children */
  GtkCalendar  *calendar;
  GtkEntry     *date_entry;
  GtkLabel     *date_label;
  GtkLabel     *error_label;
  GtkButton    *today_button;
};

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PnDateChooser, pn_date_chooser, GTK_TYPE_WIDGET)

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Under the field, in words: what is wrong and which date still counts. */
static void
pn_date_chooser_show_error (PnDateChooser *self,
                            const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->date_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static char *
pn_date_chooser_describe_error (PnDateChooser *self,
                                const char    *text)
{
  g_autofree char *effective = self->profile != NULL ? pn_profile_dup_effective_as_of (self->profile) : NULL;
  g_autofree char *kept = effective != NULL ? pn_gui_format_date (effective) : NULL;
  int year, month, day;
  char tail;
  g_autofree char *what = NULL;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    {
      if (month < 1 || month > 12)
        /* Translators: %s is what was typed, such as 2026-13-45 */
        what = g_strdup_printf (_("“%s” is not a date: there is no month %d."), text, month);
      else
        /* Translators: %s is what was typed, such as 2026-02-30 */
        what = g_strdup_printf (_("“%s” is not a date: that month has no day %d."), text, day);
    }
  else
    /* Translators: %s is what was typed */
    what = g_strdup_printf (_("“%s” is not a date: type year-month-day, such as 2026-12-06."), text);

  /* Without a profile no results depend on it. */
  if (kept == NULL || self->profile == NULL)
    return g_steal_pointer (&what);

  /* Translators: after why a date is refused; %s is the date still used,
   * such as "6 December 2026" */
  return g_strdup_printf (_("%s The results still use %s."), what, kept);
}

/* Without a profile: the chooser's own date, which may be none. */
static void
pn_date_chooser_sync_date (PnDateChooser *self)
{
  g_autoptr(GDateTime) date = pn_gui_parse_date (self->date);
  g_autofree char *today = today_iso ();

  if (self->date != NULL)
    {
      g_autofree char *formatted = pn_gui_format_date (self->date);

      gtk_label_set_text (self->date_label, formatted);
    }
  else
    gtk_label_set_text (self->date_label, _("No date chosen"));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)),
                 self->date ? self->date : "") != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), self->date ? self->date : "");
      self->syncing = FALSE;
    }
  pn_date_chooser_show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->today_button), g_strcmp0 (self->date, today) != 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->today_button), _("Choose today"));

  if (date != NULL)
    {
      self->syncing = TRUE;
      gtk_calendar_select_day (self->calendar, date);
      self->syncing = FALSE;
    }
}

static void
pn_date_chooser_sync (PnDateChooser *self)
{
  g_autofree char *effective = NULL;
  g_autofree char *formatted = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date = NULL;
  const char *as_of;

  if (self->profile == NULL)
    {
      pn_date_chooser_sync_date (self);
      return;
    }

  as_of = pn_profile_get_as_of (self->profile);
  effective = pn_profile_dup_effective_as_of (self->profile);
  formatted = pn_gui_format_date (effective);

  if (as_of == NULL)
    /* Translators: %s is a date such as "23 November 2026" */
    text = g_strdup_printf (_("Checking as of today, %s"), formatted);
  else
    /* Translators: %s is a date such as "1 January 2019" */
    text = g_strdup_printf (_("Checking as of %s"), formatted);
  gtk_label_set_text (self->date_label, text);
  /* Not under the cursor when it says the same already. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)), effective) != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), effective);
      self->syncing = FALSE;
    }
  pn_date_chooser_show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->today_button), as_of != NULL);

  date = pn_gui_parse_date (effective);
  if (date != NULL)
    {
      g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->calendar);

      if (g_date_time_get_year (shown) != g_date_time_get_year (date) ||
          g_date_time_get_day_of_year (shown) != g_date_time_get_day_of_year (date))
        {
          self->syncing = TRUE;
          gtk_calendar_select_day (self->calendar, date);
          self->syncing = FALSE;
        }
    }
}

static void
pn_date_chooser_day_selected_cb (PnDateChooser *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *today = NULL;

  if (self->syncing)
    return;

  date = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  if (self->profile == NULL)
    {
      pn_date_chooser_set_date (self, iso);
      return;
    }
  today = today_iso ();

  /* Today is "no date": the profile keeps following the clock. */
  pn_profile_set_as_of (self->profile, g_str_equal (iso, today) ? NULL : iso);
}

gboolean
pn_date_chooser_commit (PnDateChooser *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *today = NULL;

  g_return_val_if_fail (PN_IS_DATE_CHOOSER (self), FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  /* An emptied field: today, as the Today button says; without a
   * profile, no date. */
  if (*text == '\0' && self->profile == NULL)
    {
      pn_date_chooser_set_date (self, NULL);
      return TRUE;
    }
  if (*text == '\0')
    {
      pn_profile_set_as_of (self->profile, NULL);
      pn_date_chooser_sync (self);
      return TRUE;
    }

  date = pn_gui_parse_date (text);
  if (date == NULL)
    {
      g_autofree char *message = pn_date_chooser_describe_error (self, text);

      pn_date_chooser_show_error (self, message);
      return FALSE;
    }

  iso = g_date_time_format (date, "%Y-%m-%d");
  pn_date_chooser_show_error (self, NULL);
  if (self->profile == NULL)
    {
      pn_date_chooser_set_date (self, iso);
      return TRUE;
    }
  today = today_iso ();
  pn_profile_set_as_of (self->profile, g_str_equal (iso, today) ? NULL : iso);

  return TRUE;
}

static void
pn_date_chooser_entry_activate_cb (PnDateChooser *self)
{
  if (!pn_date_chooser_commit (self))
    gtk_widget_error_bell (GTK_WIDGET (self->date_entry));
}

/* While typing: a whole date counts at once; a wrong one is said when
 * the field is left or Enter pressed, not at every key. */
static void
pn_date_chooser_entry_changed_cb (PnDateChooser *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (self->syncing)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  /* Only a date typed in full: "2026-12-1" may still become 2026-12-15. */
  date = strlen (text) == strlen ("YYYY-MM-DD") ? pn_gui_parse_date (text) : NULL;
  if (date != NULL)
    pn_date_chooser_commit (self);
  else if (self->error != NULL)
    {
      g_autofree char *message = pn_date_chooser_describe_error (self, text);

      pn_date_chooser_show_error (self, message);
    }
}

static void
pn_date_chooser_focus_leave_cb (PnDateChooser *self)
{
  pn_date_chooser_commit (self);
}

const char *
pn_date_chooser_get_error (PnDateChooser *self)
{
  g_return_val_if_fail (PN_IS_DATE_CHOOSER (self), NULL);

  return self->error;
}

static void
pn_date_chooser_today_cb (PnDateChooser *self)
{
  if (self->profile != NULL)
    pn_profile_set_as_of (self->profile, NULL);
  else
    {
      g_autofree char *today = today_iso ();

      pn_date_chooser_set_date (self, today);
    }
}

static void
pn_date_chooser_dispose (GObject *object)
{
  PnDateChooser *self = PN_DATE_CHOOSER (object);

  GtkWidget *child;

  pn_date_chooser_set_profile (self, NULL);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->date, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_DATE_CHOOSER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pn_date_chooser_parent_class)->dispose (object);
}

static void
pn_date_chooser_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PnDateChooser *self = PN_DATE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_date_chooser_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PnDateChooser *self = PN_DATE_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      pn_date_chooser_set_profile (self, g_value_get_object (value));
      break;

    case PROP_DATE:
      pn_date_chooser_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_date_chooser_class_init (PnDateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_date_chooser_dispose;
  object_class->get_property = pn_date_chooser_get_property;
  object_class->set_property = pn_date_chooser_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, PN_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Without a profile: the date chosen (YYYY-MM-DD), NULL for none. */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/pn-date-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, PnDateChooser, calendar);
  gtk_widget_class_bind_template_child (widget_class, PnDateChooser, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PnDateChooser, date_label);
  gtk_widget_class_bind_template_child (widget_class, PnDateChooser, error_label);
  gtk_widget_class_bind_template_child (widget_class, PnDateChooser, today_button);
  gtk_widget_class_bind_template_callback (widget_class, pn_date_chooser_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_date_chooser_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_date_chooser_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_date_chooser_today_cb);
}

static void
pn_date_chooser_init (PnDateChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pn_gui_tag_chinese (GTK_WIDGET (self));

  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (pn_date_chooser_focus_leave_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->date_entry), focus);
  }
}

GtkWidget *
pn_date_chooser_new (void)
{
  return g_object_new (PN_TYPE_DATE_CHOOSER, NULL);
}

PnProfile *
pn_date_chooser_get_profile (PnDateChooser *self)
{
  g_return_val_if_fail (PN_IS_DATE_CHOOSER (self), NULL);

  return self->profile;
}

void
pn_date_chooser_set_profile (PnDateChooser *self,
                             PnProfile     *profile)
{
  g_return_if_fail (PN_IS_DATE_CHOOSER (self));
  g_return_if_fail (profile == NULL || PN_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, pn_date_chooser_sync, self);

  g_set_object (&self->profile, profile);

  if (profile != NULL)
    g_signal_connect_object (profile, "notify::as-of",
                             G_CALLBACK (pn_date_chooser_sync), self,
                             G_CONNECT_SWAPPED);

  pn_date_chooser_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

const char *
pn_date_chooser_get_date (PnDateChooser *self)
{
  g_return_val_if_fail (PN_IS_DATE_CHOOSER (self), NULL);

  return self->date;
}

void
pn_date_chooser_set_date (PnDateChooser *self,
                          const char    *date)
{
  g_return_if_fail (PN_IS_DATE_CHOOSER (self));

  if (g_strcmp0 (self->date, date) == 0)
    {
      /* what was typed may differ (an error shown): show the date again */
      if (self->profile == NULL)
        pn_date_chooser_sync_date (self);
      return;
    }

  g_free (self->date);
  self->date = g_strdup (date);
  if (self->profile == NULL)
    pn_date_chooser_sync_date (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
