/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-impact-dialog"

#include "config.h"

#include "pn-impact-dialog.h"

#include "pn-gui-util.h"
#include "pn-money.h"

#include <glib/gi18n.h>

struct _PnImpactDialog
{
  AdwWindow        parent_instance;

  GPtrArray       *rows;
  gboolean         responded;
  const char      *response;    /* of the button at the end: "import" or "remove" */

  /* Template children */
  GtkButton       *cancel_button;
  AdwPreferencesGroup *clients_group;
  GtkButton       *import_button;
  GtkLabel        *summary_label;
  GtkLabel        *unreviewed_label;
  AdwWindowTitle  *window_title;
};

enum {
  RESPONSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnImpactDialog, pn_impact_dialog, ADW_TYPE_WINDOW)

void
pn_impact_dialog_respond (PnImpactDialog *self,
                          const char     *response)
{
  g_return_if_fail (PN_IS_IMPACT_DIALOG (self));

  if (self->responded)
    return;
  self->responded = TRUE;
  g_object_ref (self);
  g_signal_emit (self, signals[RESPONSE], 0, response);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
cancel_clicked_cb (PnImpactDialog *self)
{
  pn_impact_dialog_respond (self, "cancel");
}

static void
import_clicked_cb (PnImpactDialog *self)
{
  pn_impact_dialog_respond (self, self->response);
}

static gboolean
pn_impact_dialog_close_request (GtkWindow *window)
{
  PnImpactDialog *self = PN_IMPACT_DIALOG (window);

  if (!self->responded)
    {
      self->responded = TRUE;
      g_signal_emit (self, signals[RESPONSE], 0, "cancel");
    }
  return GTK_WINDOW_CLASS (pn_impact_dialog_parent_class)->close_request (window);
}

static GtkWidget *
change_row_new (const PnImpactChange *change)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *before = pn_money_format_yuan (change->before_cny);
  g_autofree char *after = pn_money_format_yuan (change->after_cny);
  g_autofree char *subtitle = NULL;

  switch (change->kind)
    {
    case PN_IMPACT_GAINED:
      /* Translators: a measure a client gains with the import; %s an amount */
      subtitle = g_strdup_printf (_("Gained: %s"), after);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "list-add-symbolic");
      break;
    case PN_IMPACT_LOST:
      {
        const char *reason = pn_gui_text (&change->reason);

        /* Translators: a measure a client loses; the amount, then why */
        subtitle = reason != NULL && *reason != '\0'
                   ? g_strdup_printf (_("Lost: %s (%s)"), before, reason)
                   : g_strdup_printf (_("Lost: %s"), before);
        adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "list-remove-symbolic");
      }
      break;
    case PN_IMPACT_CHANGED:
    default:
      /* Translators: a measure whose amount changes: before → after */
      subtitle = g_strdup_printf (_("Changed: %s → %s"), before, after);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "view-refresh-symbolic");
      break;
    }

  /* titles are text ("R&D investment"), not markup: an & left the row blank */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pn_gui_text (&change->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  pn_gui_tag_chinese (row);
  return row;
}

static GtkWidget *
client_row_new (const PnClientImpact *client)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), client->name);

  if (client->error != NULL)
    {
      /* Translators: a saved client that cannot be read; %s says why */
      subtitle = g_strdup_printf (_("Cannot be read: %s"), client->error);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
      return row;
    }

  before = pn_money_format_yuan (client->before_cny);
  after = pn_money_format_yuan (client->after_cny);
  date = pn_gui_format_date (client->as_of);
  if (client->before_cny == client->after_cny && client->changes->len == 0)
    {
      if (client->as_of_from == PN_IMPACT_DATE_TAKES_EFFECT)
        /* Translators: a client's total the import does not change; the
         * amount, then the date the document takes effect, which is
         * after the client's own date */
        subtitle = g_strdup_printf (_("Unchanged: %s (from %s, when it takes effect)"), before, date);
      else
        /* Translators: a client's total the import does not change; the
         * amount, then the date it is worked out on */
        subtitle = g_strdup_printf (_("Unchanged: %s (as of %s)"), before, date);
    }
  else
    {
      gint64 difference = client->after_cny - client->before_cny;
      g_autofree char *delta = pn_money_format_yuan (ABS (difference));

      if (client->as_of_from == PN_IMPACT_DATE_TAKES_EFFECT)
        /* Translators: a client's total before → after the import, the
         * difference (with its sign), and the date the document takes
         * effect, which is after the client's own date */
        subtitle = g_strdup_printf (_("%s → %s (%s%s, from %s, when it takes effect)"), before, after,
                                    difference < 0 ? "−" : "+", delta, date);
      else
        /* Translators: a client's total before → after the import, the
         * difference (with its sign), and the date it is worked out on */
        subtitle = g_strdup_printf (_("%s → %s (%s%s, as of %s)"), before, after,
                                    difference < 0 ? "−" : "+", delta, date);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  for (guint i = 0; i < client->changes->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), change_row_new (g_ptr_array_index (client->changes, i)));
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), client->changes->len > 0);
  if (client->changes->len == 0)
    gtk_widget_add_css_class (row, "pn-unchanged");
  return row;
}

guint
pn_impact_dialog_get_n_rows (PnImpactDialog *self)
{
  g_return_val_if_fail (PN_IS_IMPACT_DIALOG (self), 0);
  return self->rows->len;
}

GtkWidget *
pn_impact_dialog_get_row (PnImpactDialog *self,
                          guint           position)
{
  g_return_val_if_fail (PN_IS_IMPACT_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, position);
}

const char *
pn_impact_dialog_get_summary (PnImpactDialog *self)
{
  g_return_val_if_fail (PN_IS_IMPACT_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

static void
pn_impact_dialog_finalize (GObject *object)
{
  PnImpactDialog *self = PN_IMPACT_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_impact_dialog_parent_class)->finalize (object);
}

static void
pn_impact_dialog_class_init (PnImpactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = pn_impact_dialog_finalize;
  window_class->close_request = pn_impact_dialog_close_request;

  /**
   * PnImpactDialog::response:
   * @response: "import" (or "remove", pn_impact_dialog_new_for_removal()) or "cancel"
   */
  signals[RESPONSE] = g_signal_new ("response", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-impact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PnImpactDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PnImpactDialog, clients_group);
  gtk_widget_class_bind_template_child (widget_class, PnImpactDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PnImpactDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnImpactDialog, unreviewed_label);
  gtk_widget_class_bind_template_child (widget_class, PnImpactDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pn_impact_dialog_init (PnImpactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->response = "import";
}

static void
add_client_rows (PnImpactDialog *self,
                 PnImpact       *impact)
{
  guint n = pn_impact_get_n_clients (impact);

  /* a notice extending a document changes its last day, whoever the
   * clients are: said first */
  for (guint i = 0; i < pn_impact_get_n_periods (impact); i++)
    {
      const PnImpactPeriod *period = pn_impact_get_period (impact, i);
      g_autofree char *before = period->before_until != NULL ? pn_gui_format_date (period->before_until)
                                                             : g_strdup (_("no end date"));
      g_autofree char *after = period->after_until != NULL ? pn_gui_format_date (period->after_until)
                                                           : g_strdup (_("no end date"));
      /* Translators: "厦府规〔2023〕17号 is then in force until 31 December 2027 (until 31 December 2026 before)" */
      g_autofree char *text = g_strdup_printf (_("%s is then in force until %s (until %s before)."),
                                               period->doc_number != NULL ? period->doc_number
                                                                          : pn_gui_text (&period->title),
                                               after, before);

      pn_impact_dialog_add_summary (self, text);
    }

  if (n == 0)
    adw_preferences_group_set_description (self->clients_group,
                                           _("No client is saved: nothing to compare."));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = client_row_new (pn_impact_get_client (impact, i));

      adw_preferences_group_add (self->clients_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* What removing `removed` changes; `restored` is the bundled document it
 * had replaced, which comes back, or NULL.  Remove emits "response" with
 * "remove". */
GtkWidget *
pn_impact_dialog_new_for_removal (GtkWindow  *parent,
                                  PnImpact   *impact,
                                  PnDocument *removed,
                                  PnDocument *restored)
{
  PnImpactDialog *self;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (impact != NULL, NULL);
  g_return_val_if_fail (removed != NULL, NULL);

  self = g_object_new (PN_TYPE_IMPACT_DIALOG, "transient-for", parent, NULL);
  self->response = "remove";
  adw_preferences_group_set_description (self->clients_group,
                                         _("Each client's counted total on its own date, before and after the removal."));
  gtk_window_set_title (GTK_WINDOW (self), _("What the Removal Changes"));
  adw_window_title_set_title (self->window_title, _("What the Removal Changes"));
  gtk_button_set_label (self->import_button, _("_Remove"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->import_button), "suggested-action");
  gtk_widget_add_css_class (GTK_WIDGET (self->import_button), "destructive-action");

  if (restored != NULL)
    /* Translators: the first %s is the document removed, the second the
     * bundled document it had replaced */
    summary = g_strdup_printf (_("“%s” leaves the policy documents, and “%s”, which it replaced, comes back."),
                               pn_gui_text (&removed->title), pn_gui_text (&restored->title));
  else if (removed->n_benefits == 0)
    /* Translators: %s is the title of a document of no measures removed (a notice) */
    summary = g_strdup_printf (_("“%s” leaves the policy documents."), pn_gui_text (&removed->title));
  else
    /* Translators: %s is the title of the document removed */
    summary = g_strdup_printf (_("“%s” leaves the policy documents: its measures are no longer shown or counted."),
                               pn_gui_text (&removed->title));
  gtk_label_set_text (self->summary_label, summary);
  pn_gui_label_set_chinese (self->summary_label);

  add_client_rows (self, impact);
  return GTK_WIDGET (self);
}

GtkWidget *
pn_impact_dialog_new (GtkWindow  *parent,
                      PnImpact   *impact,
                      PnDocument *incoming,
                      PnDocument *replaced,
                      guint       n_unreviewed)
{
  PnImpactDialog *self;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (impact != NULL, NULL);
  g_return_val_if_fail (incoming != NULL, NULL);

  self = g_object_new (PN_TYPE_IMPACT_DIALOG, "transient-for", parent, NULL);

  if (replaced != NULL)
    {
      /* Translators: the first %s is the document imported, the second the
       * stored document of the same identifier it replaces */
      summary = g_strdup_printf (_("“%s” replaces the stored “%s”, which has the same identifier."),
                                 pn_gui_text (&incoming->title), pn_gui_text (&replaced->title));
      gtk_button_set_label (self->import_button, _("_Replace"));
    }
  else
    /* Translators: %s is the title of the document imported */
    summary = g_strdup_printf (_("“%s” joins the policy documents."), pn_gui_text (&incoming->title));
  gtk_label_set_text (self->summary_label, summary);
  pn_gui_label_set_chinese (self->summary_label);

  if (n_unreviewed > 0)
    {
      guint n_benefits = 0;
      g_autofree char *warning = NULL;

      for (guint a = 0; a < incoming->articles->len; a++)
        n_benefits += ((PnArticle *) g_ptr_array_index (incoming->articles, a))->benefits->len;

      if (n_unreviewed < n_benefits)
        /* Translators: the first %u is how many benefits of the imported
         * document are not reviewed, the second how many it has */
        warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of its %u benefits is not yet reviewed: the totals below leave it out until it is.",
                                                "%u of its %u benefits are not yet reviewed: the totals below leave them out until they are.",
                                                n_unreviewed),
                                   n_unreviewed, n_benefits);
      else
        warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u benefit is not yet reviewed: it will not count in any total until it is.",
                                                "%u benefits are not yet reviewed: they will not count in any total until they are.",
                                                n_unreviewed),
                                   n_unreviewed);

      gtk_label_set_text (self->unreviewed_label, warning);
      gtk_widget_set_visible (GTK_WIDGET (self->unreviewed_label), TRUE);
    }

  add_client_rows (self, impact);
  return GTK_WIDGET (self);
}

void
pn_impact_dialog_add_summary (PnImpactDialog *self,
                              const char     *text)
{
  g_autofree char *both = NULL;

  g_return_if_fail (PN_IS_IMPACT_DIALOG (self));
  g_return_if_fail (text != NULL);

  both = g_strconcat (gtk_label_get_text (self->summary_label), "\n", text, NULL);
  gtk_label_set_text (self->summary_label, both);
}
