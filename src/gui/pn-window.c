/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-window"

#include "config.h"

#include "pn-window.h"

#include "assistant/pn-assistant.h"
#include "brief/pn-brief-export.h"
#include "editor/pn-editor-open.h"
#include "planning/pn-compare-view.h"
#include "planning/pn-deadlines-view.h"
#include "planning/pn-pipeline-view.h"
#include "pn-fonts.h"
#include "pn-profile-view.h"
#include "profiles/pn-gui-profiles.h"
#include "profiles/pn-import.h"
#include "profiles/pn-profiles-popover.h"
#include "reader/pn-reader-view.h"
#include "reader/pn-remove-document.h"
#include "results/pn-results-view.h"

#include <glib/gi18n.h>

struct _PnWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *pending_client;  /* to open once the user said */
  gboolean              close_confirmed; /* the user said what to do with changes */
  gboolean              narrow;          /* a phone's width: no client name in the title */

  /* Built when first shown (pn_window_ensure_view) */
  PnAssistant          *assistant;
  PnResultsView        *results_view;
  GtkWidget            *reader_view;

  /* Template children */
  GtkButton            *back_button;
  GtkButton            *edit_button;
  GtkRevealer          *font_banner;
  GtkStack             *main_stack;
  GtkButton            *next_button;
  AdwToast             *saved_toast;   /* weak: "Saved “Client A”" while shown */
  /* a question opened from the results ("Enter Amount", "Go to Question"):
   * Next goes back to them, as See Results, not on through the questions */
  gboolean              back_to_results;
  /* Whether the view shown (documents, compare, …) was opened in the
   * middle of the questions: Back returns to the question */
  gboolean              back_to_question;
  GtkButton            *next_arrow_button;
  GtkWidget            *next_squeezer;
  GtkMenuButton        *primary_menu_button;
  GMenu                *clients_section;
  GtkMenuButton        *profiles_button;
  GtkButton            *start_button;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
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

static PnApplication *pn_window_get_pn_application (PnWindow *self);

/* Every enabled flag and what the header bar shows, from the visible view. */
static void
pn_window_actions_update (PnWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *view;
  const char *detail_title;
  const char *client;
  g_autofree char *client_text = NULL;
  PnApplication *application;
  gboolean in_assistant;
  gboolean in_results;
  gboolean in_planning;
  gboolean unsaved;
  const char *title;

  g_assert (PN_IS_WINDOW (self));

  /* Notifications still arrive while the template is torn down. */
  if (self->main_stack == NULL || self->window_title == NULL ||
      self->back_button == NULL || self->next_button == NULL || self->edit_button == NULL)
    return;

  view = gtk_stack_get_visible_child_name (self->main_stack);
  in_assistant = g_strcmp0 (view, "assistant") == 0 && self->assistant != NULL;
  in_results = g_strcmp0 (view, "results") == 0;
  in_planning = g_strcmp0 (view, "compare") == 0 ||
                g_strcmp0 (view, "pipeline") == 0 ||
                g_strcmp0 (view, "deadlines") == 0 ||
                g_strcmp0 (view, "documents") == 0;

  detail_title = in_results && self->results_view != NULL ?
                 pn_results_view_get_detail_title (self->results_view) : NULL;
  application = pn_window_get_pn_application (self);
  client = application != NULL ? pn_profile_get_name (pn_application_get_profile (application)) : NULL;
  /* answers cleared (Start Over) are nothing to save: the client keeps
   * its saved ones, and the header says no change */
  unsaved = client != NULL && pn_application_get_unsaved_changes (application) &&
            pn_profile_get_location (pn_application_get_profile (application)) != NULL;
  /* At a phone's width the client's name made the title so wide that a
   * header bar, which centres it, left no room for the buttons beside it
   * (Policy Documents, Saved Clients): there, no subtitle, and a dot
   * before the title for changes not saved, as GNOME's editors mark a
   * changed file.  The clients popover names the open client. */
  if (client != NULL && self->narrow)
    client_text = NULL;
  else if (client != NULL)
    /* Translators: the open client in the header bar; the second form
     * when its answers changed since it was saved */
    client_text = unsaved ? g_strdup_printf (_("%s · unsaved changes"), client) : g_strdup (client);

  gtk_widget_action_set_enabled (widget, "win.save-client", unsaved);
  /* "Saved “Client A”" beside "Client A · unsaved changes" says two things */
  if (unsaved && self->saved_toast != NULL)
    adw_toast_dismiss (self->saved_toast);
  gtk_widget_action_set_enabled (widget, "win.back", in_assistant || in_planning || detail_title != NULL);
  gtk_widget_action_set_enabled (widget, "win.next",
                                 in_assistant && (self->back_to_results ||
                                                  pn_assistant_get_can_go_next (self->assistant)));
  gtk_widget_action_set_enabled (widget, "win.edit-answers", in_results || in_planning);
  gtk_widget_action_set_enabled (widget, "win.show-results", !in_results);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), in_assistant || in_planning || detail_title != NULL);
  /* The last page has its own "See Results": one such button, not two. */
  gtk_widget_set_visible (GTK_WIDGET (self->next_button),
                          in_assistant && (self->back_to_results || !pn_assistant_get_is_last (self->assistant)));
  gtk_widget_set_visible (GTK_WIDGET (self->next_arrow_button),
                          gtk_widget_get_visible (GTK_WIDGET (self->next_button)));
  gtk_widget_set_visible (self->next_squeezer, gtk_widget_get_visible (GTK_WIDGET (self->next_button)));
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), in_results && detail_title == NULL);

  if (in_assistant)
    {
      const char *progress = pn_assistant_get_progress (self->assistant);
      g_autofree char *subtitle = client != NULL && !self->narrow ?
                                  /* Translators: the client, then "Step 2 of 6" */
                                  g_strdup_printf (_("%s · %s"), client, progress) : g_strdup (progress);

      gtk_button_set_label (self->next_button, self->back_to_results ? _("See Results")
                                                                      : pn_assistant_get_next_label (self->assistant));
      /* what the greyed-out button waits for */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button),
                                   pn_assistant_get_can_go_next (self->assistant) ? NULL
                                   : _("Answer this question to go on"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_arrow_button),
                                   self->back_to_results ? _("See Results")
                                   : pn_assistant_get_can_go_next (self->assistant)
                                   ? pn_assistant_get_next_label (self->assistant)
                                   : _("Answer this question to go on"));
      title = pn_assistant_get_title (self->assistant);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else if (detail_title != NULL)
    {
      /* A measure fills the view: its title, and Back to the list. */
      title = detail_title;
      adw_window_title_set_subtitle (self->window_title, client_text);
    }
  else if (in_results)
    {
      title = _("Results");
      adw_window_title_set_subtitle (self->window_title, client_text);
    }
  else if (in_planning)
    {
      GtkStackPage *page = gtk_stack_get_page (self->main_stack,
                                               gtk_stack_get_visible_child (self->main_stack));

      title = gtk_stack_page_get_title (page);
      adw_window_title_set_subtitle (self->window_title, client_text);
    }
  else
    {
      title = _("Policy Navigator");
      adw_window_title_set_subtitle (self->window_title, client_text);
    }
  /* one change of the title per update (set twice, it was resized while
   * being drawn) */
  {
    g_autofree char *marked = self->narrow && unsaved ? g_strconcat ("• ", title, NULL) : NULL;

    adw_window_title_set_title (self->window_title, marked != NULL ? marked : title);
  }

  /* The person button says which client is open, for a screen reader too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->profiles_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  client_text != NULL ? client_text : _("No client open"),
                                  -1);
}

static void
pn_window_assistant_notify_cb (PnWindow *self)
{
  pn_window_actions_update (self);
}

static GtkWidget *pn_window_ensure_view (PnWindow   *self,
                                         const char *name);

static void
pn_window_show_view (PnWindow   *self,
                     const char *name)
{
  const char *from = gtk_stack_get_visible_child_name (self->main_stack);

  if (pn_window_ensure_view (self, name) == NULL)
    return;
  /* a view opened in the middle of the questions: Back returns to the
   * question (the answers so far may not even name a place yet) */
  self->back_to_question = g_strcmp0 (from, "assistant") == 0 && g_strcmp0 (name, "assistant") != 0
                           ? TRUE
                           : g_strcmp0 (name, "assistant") == 0 || g_strcmp0 (name, "results") == 0 ||
                             g_strcmp0 (name, "welcome") == 0
                           ? FALSE : self->back_to_question;
  /* any way out of the questions ends the errand from the results */
  self->back_to_results = FALSE;
  gtk_stack_set_visible_child_name (self->main_stack, name);
  pn_window_actions_update (self);
}

static void
pn_window_assistant_finished_cb (PnWindow *self)
{
  pn_window_show_view (self, "results");
  pn_results_view_show_summary (self->results_view);
}

/* A measure of the results needs an answer: open the page that asks it.
 * The assistant is shown first, so that the page is mapped when it puts
 * the keyboard on the control that asks the key (a figure's entry). */
static void
pn_window_edit_answer_cb (PnWindow   *self,
                          const char *key)
{
  g_autofree char *from = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));

  pn_window_show_view (self, "assistant");
  if (self->assistant == NULL || !pn_assistant_show_key (self->assistant, key))
    {
      g_debug ("no page asks “%s”", key);
      if (from != NULL)
        pn_window_show_view (self, from);
      return;
    }
  self->back_to_results = g_strcmp0 (from, "results") == 0;
  pn_window_actions_update (self);
}

static void
pn_window_start_cb (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter G_GNUC_UNUSED)
{
  PnWindow *self = PN_WINDOW (widget);

  pn_window_show_view (self, "assistant");
  pn_assistant_restart (self->assistant);
}

static void
pn_window_back_cb (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *parameter G_GNUC_UNUSED)
{
  PnWindow *self = PN_WINDOW (widget);
  const char *view = gtk_stack_get_visible_child_name (self->main_stack);

  /* Back from a measure filling the results is back to their list. */
  if (g_strcmp0 (view, "results") == 0 && self->results_view != NULL)
    {
      pn_results_view_show_list (self->results_view);
      return;
    }

  /* Back within the documents first: a page to its list, an article's
   * list to the documents (at a phone's width there were two arrows) */
  if (g_strcmp0 (view, "documents") == 0 && self->reader_view != NULL &&
      pn_reader_view_can_go_back (PN_READER_VIEW (self->reader_view)))
    {
      gtk_widget_activate_action (self->reader_view, "reader.back", NULL);
      return;
    }

  /* Back from a view opened from the results is back to the results;
   * before any answer (the documents opened from the welcome), back to
   * the welcome, not to an empty results page. */
  if (g_strcmp0 (view, "assistant") != 0)
    {
      PnApplication *application = pn_window_get_pn_application (self);
      PnProfile *profile = application != NULL ? pn_application_get_profile (application) : NULL;

      if (self->back_to_question && self->assistant != NULL)
        {
          pn_window_show_view (self, "assistant");
          return;
        }
      pn_window_show_view (self, profile != NULL && pn_profile_get_location (profile) != NULL
                                 ? "results" : "welcome");
      return;
    }

  /* Back from the first question is back to the welcome. */
  if (self->assistant != NULL && pn_assistant_get_can_go_back (self->assistant))
    pn_assistant_back (self->assistant);
  else
    pn_window_show_view (self, "welcome");
}

static void
pn_window_next_cb (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *parameter G_GNUC_UNUSED)
{
  PnWindow *self = PN_WINDOW (widget);

  if (self->back_to_results)
    {
      pn_window_show_view (self, "results");
      return;
    }
  if (self->assistant != NULL)
    pn_assistant_next (self->assistant);
}

static void
pn_window_edit_answers_cb (GtkWidget  *widget,
                           const char *action_name G_GNUC_UNUSED,
                           GVariant   *parameter G_GNUC_UNUSED)
{
  PnWindow *self = PN_WINDOW (widget);

  pn_window_show_view (self, "assistant");
  pn_assistant_restart (self->assistant);
}

static void
pn_window_show_results_cb (GtkWidget  *widget,
                           const char *action_name G_GNUC_UNUSED,
                           GVariant   *parameter G_GNUC_UNUSED)
{
  pn_window_assistant_finished_cb (PN_WINDOW (widget));
}

/* The document reader, built on first use; NULL without a store. */
static PnReaderView *
pn_window_ensure_reader (PnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->reader_view == NULL && PN_IS_APPLICATION (application) &&
      pn_application_get_store (PN_APPLICATION (application)) != NULL)
    {
      GtkStackPage *page;

      self->reader_view = pn_reader_view_new (PN_APPLICATION (application));
      /* the header's Back goes back within it first: one Back arrow */
      pn_reader_view_set_back_in_header (PN_READER_VIEW (self->reader_view), TRUE);
      page = gtk_stack_add_named (self->main_stack, self->reader_view, "documents");
      gtk_stack_page_set_title (page, _("Policy Documents"));
    }

  return self->reader_view != NULL ? PN_READER_VIEW (self->reader_view) : NULL;
}

static void
pn_window_show_documents_cb (GtkWidget  *widget,
                             const char *action_name G_GNUC_UNUSED,
                             GVariant   *parameter G_GNUC_UNUSED)
{
  PnWindow *self = PN_WINDOW (widget);

  if (pn_window_ensure_reader (self) == NULL)
    return;
  pn_window_show_view (self, "documents");
}

static void
pn_window_show_planning_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter G_GNUC_UNUSED)
{
  PnWindow *self = PN_WINDOW (widget);

  /* "win.show-compare" → "compare" */
  pn_window_show_view (self, action_name + strlen ("win.show-"));
  /* The keyboard follows into the view, as it does into a page. */
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->main_stack), GTK_DIR_TAB_FORWARD);
}

static PnApplication *
pn_window_get_pn_application (PnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return PN_IS_APPLICATION (application) ? PN_APPLICATION (application) : NULL;
}

static void
pn_window_export_brief_cb (GtkWidget  *widget,
                           const char *action_name G_GNUC_UNUSED,
                           GVariant   *parameter G_GNUC_UNUSED)
{
  PnApplication *application = pn_window_get_pn_application (PN_WINDOW (widget));

  if (application != NULL)
    pn_brief_export (GTK_WINDOW (widget), application);
}

static void
pn_window_print_brief_cb (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *parameter G_GNUC_UNUSED)
{
  PnApplication *application = pn_window_get_pn_application (PN_WINDOW (widget));

  if (application != NULL)
    pn_brief_print (GTK_WINDOW (widget), application);
}

/* "Show in Document" of a measure: (document id, article number) */
static void
pn_window_show_article_cb (GtkWidget  *widget,
                           const char *action_name G_GNUC_UNUSED,
                           GVariant   *parameter)
{
  PnWindow *self = PN_WINDOW (widget);
  const char *document_id;
  const char *article_number;

  if (pn_window_ensure_reader (self) == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &document_id, &article_number);
  /* ("ID", ""): the document's own page */
  if (!pn_reader_view_show_article (PN_READER_VIEW (self->reader_view), document_id,
                                    *article_number != '\0' ? article_number : NULL))
    {
      g_debug ("no article %s of “%s” to show", article_number, document_id);
      return;
    }
  pn_window_show_view (self, "documents");
}

static void
pn_window_find_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PnWindow *self = PN_WINDOW (widget);

  if (pn_window_ensure_reader (self) == NULL)
    return;
  pn_window_show_documents_cb (widget, action_name, parameter);
  pn_reader_view_focus_search (PN_READER_VIEW (self->reader_view));
}

/* ---- clients ---- */

typedef void (*PnWindowThen) (PnWindow *self);

static void
pn_window_save_client (PnWindow *self)
{
  PnApplication *application = pn_window_get_pn_application (self);
  const char *name = application != NULL ? pn_profile_get_name (pn_application_get_profile (application)) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (name == NULL || pn_profile_get_location (pn_application_get_profile (application)) == NULL)
    return;

  if (!pn_gui_save_profile (application, name, &error))
    {
      pn_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  pn_window_add_saved_toast (self, name);
}

typedef struct
{
  PnWindow     *self;
  PnWindowThen  then;
} ConfirmData;

static void
pn_window_confirm_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                               const char       *response,
                               ConfirmData      *data)
{
  PnApplication *application = pn_window_get_pn_application (data->self);

  if (g_strcmp0 (response, "save") == 0)
    {
      pn_window_save_client (data->self);
      if (application != NULL && pn_application_get_unsaved_changes (application))
        goto out;   /* the save failed: the toast says why */
    }

  if (g_strcmp0 (response, "save") == 0 || g_strcmp0 (response, "discard") == 0)
    data->then (data->self);

out:
  g_object_unref (data->self);
  g_free (data);
}

/* `then` at once, unless the open client has changes: then the user says
 * whether to save them first, drop them, or stay. */
static void
pn_window_unless_unsaved (PnWindow     *self,
                          PnWindowThen  then)
{
  PnApplication *application = pn_window_get_pn_application (self);
  const char *name = application != NULL ? pn_profile_get_name (pn_application_get_profile (application)) : NULL;
  ConfirmData *data;
  GtkWidget *dialog;

  /* answers given but never saved as a client: lost without a word when
   * a saved client was opened over them */
  if (name == NULL && application != NULL &&
      pn_profile_get_location (pn_application_get_profile (application)) != NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Answers Given?"),
                                       _("They are not saved as a client, and are lost. "
                                         "To keep them, cancel and save them from Saved Clients."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      data = g_new0 (ConfirmData, 1);
      data->self = g_object_ref (self);
      data->then = then;
      g_signal_connect (dialog, "response", G_CALLBACK (pn_window_confirm_response_cb), data);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* answers cleared (Start Over) lose nothing: the client keeps its saved
   * ones (asked, the emphasised Save wrote the empty answers over them) */
  if (name == NULL || !pn_application_get_unsaved_changes (application) ||
      pn_profile_get_location (pn_application_get_profile (application)) == NULL)
    {
      then (self);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  /* Translators: %s is the client's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Save Changes to “%s”?"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The answers changed since the client was saved. Unsaved changes are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (ConfirmData, 1);
  data->self = g_object_ref (self);
  data->then = then;
  g_signal_connect (dialog, "response", G_CALLBACK (pn_window_confirm_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pn_window_new_client_now (PnWindow *self)
{
  PnApplication *application = pn_window_get_pn_application (self);

  if (application == NULL)
    return;

  pn_gui_new_client (application);
  pn_window_show_view (self, "assistant");
  pn_assistant_restart (self->assistant);
}

static void
pn_window_start_over_now (PnWindow *self)
{
  PnApplication *application = pn_window_get_pn_application (self);

  if (application == NULL)
    return;

  pn_gui_start_over (application);
  pn_window_show_view (self, "assistant");
  pn_assistant_restart (self->assistant);
}

static void
pn_window_new_client_cb (GtkWidget  *widget,
                         const char *action_name G_GNUC_UNUSED,
                         GVariant   *parameter G_GNUC_UNUSED)
{
  pn_window_unless_unsaved (PN_WINDOW (widget), pn_window_new_client_now);
}

static void
pn_window_start_over_cb (GtkWidget  *widget,
                         const char *action_name G_GNUC_UNUSED,
                         GVariant   *parameter G_GNUC_UNUSED)
{
  /* it clears every answer: changes not saved are asked about first */
  pn_window_unless_unsaved (PN_WINDOW (widget), pn_window_start_over_now);
}

static void
pn_window_save_client_cb (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *parameter G_GNUC_UNUSED)
{
  pn_window_save_client (PN_WINDOW (widget));
}

static void
pn_window_open_client_now (PnWindow *self)
{
  PnApplication *application = pn_window_get_pn_application (self);
  g_autofree char *name = g_steal_pointer (&self->pending_client);
  g_autoptr(GError) error = NULL;

  if (application == NULL || name == NULL)
    return;

  if (!pn_gui_open_profile (application, name, &error))
    {
      pn_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  /* opened from the questions or the welcome: the client's results, not
   * its Step 1 (the other views show the client where they are) */
  {
    const char *view = gtk_stack_get_visible_child_name (self->main_stack);

    if ((g_strcmp0 (view, "assistant") == 0 || g_strcmp0 (view, "welcome") == 0) &&
        pn_profile_get_location (pn_application_get_profile (application)) != NULL)
      pn_window_show_view (self, "results");
    /* at a phone's width the header names no client: say which one is
     * open where nothing else changes that the eye would catch */
    else if (self->narrow && g_strcmp0 (view, "results") != 0)
      {
        g_autofree char *escaped = g_markup_escape_text (name, -1);
        /* Translators: a toast once a saved client is open */
        g_autofree char *title = g_strdup_printf (_("Opened “%s”"), escaped);

        pn_window_add_toast (self, adw_toast_new (title));
      }
  }
  /* another client's results from the top, not filtered by the words
   * typed for the one before (a client showed "no counted measure
   * matches “zzz”") */
  pn_results_view_show_client (self->results_view);
}

/* A saved client from the person menu: its answers replace the open
 * ones, which are saved first if the user wants. */
static void
pn_window_open_client_cb (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *parameter)
{
  PnWindow *self = PN_WINDOW (widget);

  g_free (self->pending_client);
  self->pending_client = g_variant_dup_string (parameter, NULL);
  pn_window_unless_unsaved (self, pn_window_open_client_now);
}

static void
pn_window_import_cb (GtkWidget  *widget,
                     const char *action_name G_GNUC_UNUSED,
                     GVariant   *parameter G_GNUC_UNUSED)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (widget));

  if (PN_IS_APPLICATION (application))
    pn_gui_import_policy (GTK_WINDOW (widget), PN_APPLICATION (application));
}

/* Policy Documents' "Edit": the document in the editor. */
static void
pn_window_edit_document_cb (GtkWidget  *widget,
                            const char *action_name G_GNUC_UNUSED,
                            GVariant   *parameter)
{
  PnApplication *application = pn_window_get_pn_application (PN_WINDOW (widget));

  if (application != NULL)
    pn_editor_open_document (GTK_WINDOW (widget), application, g_variant_get_string (parameter, NULL));
}

static void
pn_window_remove_document_cb (GtkWidget  *widget,
                              const char *action_name G_GNUC_UNUSED,
                              GVariant   *parameter)
{
  PnApplication *application = pn_window_get_pn_application (PN_WINDOW (widget));

  if (application != NULL)
    pn_gui_remove_document (GTK_WINDOW (widget), application, g_variant_get_string (parameter, NULL));
}

/* A file dropped on the window: an official text is drafted and opens in
 * the editor; a policy XML is imported. */
static gboolean
pn_window_drop_cb (PnWindow     *self,
                   const GValue *value,
                   double        x G_GNUC_UNUSED,
                   double        y G_GNUC_UNUSED)
{
  PnApplication *application = pn_window_get_pn_application (self);
  GSList *files;
  GFile *file;
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  if (application == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  file = files != NULL ? files->data : NULL;
  if (file == NULL)
    {
      g_slist_free (files);
      return FALSE;
    }

  name = g_file_get_basename (file);
  lower = g_ascii_strdown (name != NULL ? name : "", -1);
  if (pn_editor_is_draftable (file))
    pn_editor_draft_file (GTK_WINDOW (self), application, file);
  else if (g_str_has_suffix (lower, ".xml"))
    pn_gui_import_policy_file (GTK_WINDOW (self), application, file);
  else
    {
      /* Translators: a toast; %s is the file dropped on the window */
      g_autofree char *message = g_strdup_printf (_("%s: not a text the app reads (.txt, .html, .htm, .pdf, .docx) nor a policy file (.xml)"),
                                                  name);
      g_autofree char *escaped = g_markup_escape_text (message, -1);

      pn_window_add_toast (self, adw_toast_new (escaped));
    }
  g_slist_free (files);
  return TRUE;
}

/* A view follows the application's profile and corpus from when it is
 * built (the setters do nothing when the value is the same); nothing
 * until the window has its application. */
static void
pn_window_follow_application (PnWindow  *self,
                              GtkWidget *view)
{
  PnApplication *application = pn_window_get_pn_application (self);
  PnProfile *profile;
  PnCorpus *corpus;

  if (application == NULL)
    return;

  profile = pn_application_get_profile (application);
  corpus = pn_application_get_corpus (application);

  if (PN_IS_ASSISTANT (view))
    {
      pn_assistant_set_profile (PN_ASSISTANT (view), profile);
      pn_assistant_set_corpus (PN_ASSISTANT (view), corpus);
    }
  else if (PN_IS_PROFILE_VIEW (view))
    {
      pn_profile_view_set_profile (PN_PROFILE_VIEW (view), profile);
      pn_profile_view_set_corpus (PN_PROFILE_VIEW (view), corpus);
    }
}

/* Every view built so far: when the application is set, and when its
 * corpus changes (an import, a removal). */
static void
pn_window_follow_application_all (PnWindow *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->main_stack));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    pn_window_follow_application (self, child);
}

/* The views besides the welcome, built when first shown: the first
 * frame, with the welcome alone, need not pay for the others. */
static GtkWidget *
pn_window_ensure_view (PnWindow   *self,
                       const char *name)
{
  GtkWidget *view = gtk_stack_get_child_by_name (self->main_stack, name);
  const char *title;
  GtkStackPage *page;

  if (view != NULL)
    return view;

  if (g_str_equal (name, "documents"))
    return GTK_WIDGET (pn_window_ensure_reader (self));

  if (g_str_equal (name, "assistant"))
    {
      view = pn_assistant_new ();
      self->assistant = PN_ASSISTANT (view);
      g_signal_connect_object (view, "finished", G_CALLBACK (pn_window_assistant_finished_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "notify", G_CALLBACK (pn_window_assistant_notify_cb),
                               self, G_CONNECT_SWAPPED);
      title = _("Questions");
    }
  else if (g_str_equal (name, "results"))
    {
      view = pn_results_view_new ();
      self->results_view = PN_RESULTS_VIEW (view);
      g_signal_connect_object (view, "edit-answer", G_CALLBACK (pn_window_edit_answer_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "detail-changed", G_CALLBACK (pn_window_actions_update),
                               self, G_CONNECT_SWAPPED);
      title = _("Results");
    }
  else if (g_str_equal (name, "compare"))
    {
      view = pn_compare_view_new ();
      title = _("Compare Locations");
    }
  else if (g_str_equal (name, "pipeline"))
    {
      view = pn_pipeline_view_new ();
      title = _("Pipeline Value");
    }
  else if (g_str_equal (name, "deadlines"))
    {
      view = pn_deadlines_view_new ();
      title = _("Deadlines");
    }
  else
    {
      g_critical ("no view named “%s”", name);
      return NULL;
    }

  page = gtk_stack_add_named (self->main_stack, view, name);
  gtk_stack_page_set_title (page, title);
  pn_window_follow_application (self, view);

  return view;
}

/**
 * pn_window_get_view:
 * @self: a #PnWindow
 * @name: "assistant", "results", "compare", "pipeline", "deadlines" or
 *   "documents"
 *
 * Returns: (transfer none) (nullable): the view, built now if it had not
 *   been shown yet; %NULL for "documents" without a store
 */
GtkWidget *
pn_window_get_view (PnWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (PN_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return pn_window_ensure_view (self, name);
}

/* The views observe the application's one profile; "application" is set
 * after construction, hence the notification. */
static void
pn_window_application_cb (PnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!PN_IS_APPLICATION (application))
    return;

  pn_window_follow_application_all (self);

  /* The reader is built when first opened: listing every article of
   * every document is a cost the first frame need not pay. */
  if (pn_application_get_store (PN_APPLICATION (application)) != NULL &&
      gtk_menu_button_get_popover (self->profiles_button) == NULL)
    gtk_menu_button_set_popover (self->profiles_button,
                                 pn_profiles_popover_new (PN_APPLICATION (application)));

  g_signal_connect_object (application, "corpus-changed",
                           G_CALLBACK (pn_window_follow_application_all), self,
                           G_CONNECT_SWAPPED);
  /* The open client and whether it has changes, in the header bar. */
  g_signal_connect_object (application, "notify::unsaved-changes",
                           G_CALLBACK (pn_window_actions_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (pn_application_get_profile (PN_APPLICATION (application)), "notify::name",
                           G_CALLBACK (pn_window_actions_update), self,
                           G_CONNECT_SWAPPED);
  /* answers cleared are nothing to save */
  g_signal_connect_object (pn_application_get_profile (PN_APPLICATION (application)), "notify::location",
                           G_CALLBACK (pn_window_actions_update), self,
                           G_CONNECT_SWAPPED);
  pn_window_actions_update (self);

  /* The app reopens on the client it showed last: on its results, not on
   * the welcome's Start, six steps away from them. */
  {
    PnProfile *profile = pn_application_get_profile (PN_APPLICATION (application));

    if (pn_profile_get_name (profile) != NULL && pn_profile_get_location (profile) != NULL &&
        g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
      pn_window_show_view (self, "results");
  }
}

static void
pn_window_close_now (PnWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* The saved clients in the main menu, read when it opens: each opens it
 * (win.open-client asks first when the open one has changes). */
static void
pn_window_primary_menu_show_cb (PnWindow *self)
{
  PnApplication *application = pn_window_get_pn_application (self);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_menu_remove_all (self->clients_section);
  names = application != NULL ? pn_gui_list_profiles (application, &error) : NULL;
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (names[i], NULL);

      g_menu_item_set_action_and_target (item, "win.open-client", "s", names[i]);
      g_menu_append_item (self->clients_section, item);
    }
  if (names == NULL || names[0] == NULL)
    /* no action: shown greyed out */
    g_menu_append (self->clients_section, error != NULL ? error->message : _("No saved clients yet"), NULL);
}

static gboolean
pn_window_close_request (GtkWindow *window)
{
  PnWindow *self = PN_WINDOW (window);
  PnApplication *application = pn_window_get_pn_application (self);

  /* The last window of an open client with changes: closing it quits, and
   * the changes would be lost without a word (the next start reopens the
   * client as it was saved).  Asked as on opening another client. */
  if (!self->close_confirmed && application != NULL &&
      pn_profile_get_name (pn_application_get_profile (application)) != NULL &&
      pn_application_get_unsaved_changes (application))
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));
      guint others = 0;

      for (GList *l = windows; l != NULL; l = l->next)
        others += l->data != window && PN_IS_WINDOW (l->data);
      if (others == 0)
        {
          pn_window_unless_unsaved (self, pn_window_close_now);
          return TRUE;
        }
    }

  pn_window_save_state (self);

  return GTK_WINDOW_CLASS (pn_window_parent_class)->close_request (window);
}

#define PN_WINDOW_NARROW_WIDTH 560

/* The window's width as the user or the desktop set it (GTK keeps
 * default-width as the current width): below a phone's, the title drops
 * the client's name.  Not from size_allocate: changing the title there
 * changes what is being allocated. */
static void
pn_window_width_cb (PnWindow *self)
{
  int width = 0, height = 0;
  gboolean narrow;

  /* (GTK 4.8 takes no NULL here) */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < PN_WINDOW_NARROW_WIDTH;
  if (narrow == self->narrow)
    return;
  self->narrow = narrow;
  pn_window_actions_update (self);
}

static void
pn_window_map (GtkWidget *widget)
{
  PnWindow *self = PN_WINDOW (widget);

  GTK_WIDGET_CLASS (pn_window_parent_class)->map (widget);

  /* Enter starts: the welcome's one action has the keyboard first. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->start_button));
}

static void
pn_window_dispose (GObject *object)
{
  PnWindow *self = PN_WINDOW (object);

  /* No header updates from views that are going away. */
  if (self->assistant != NULL)
    g_signal_handlers_disconnect_by_data (self->assistant, self);
  if (self->main_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->main_stack, self);
  self->assistant = NULL;
  self->results_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_client, g_free);
  g_clear_weak_pointer (&self->saved_toast);

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

  widget_class->map = pn_window_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/pn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PnWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, font_banner);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, next_arrow_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, next_squeezer);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, clients_section);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, profiles_button);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, start_button);
  gtk_widget_class_bind_template_child_full (widget_class, "browse_documents_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PnWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, pn_window_actions_update);

  gtk_widget_class_install_action (widget_class, "win.start", NULL, pn_window_start_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, pn_window_back_cb);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, pn_window_next_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-answers", NULL, pn_window_edit_answers_cb);
  gtk_widget_class_install_action (widget_class, "win.show-results", NULL, pn_window_show_results_cb);
  gtk_widget_class_install_action (widget_class, "win.show-documents", NULL, pn_window_show_documents_cb);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, pn_window_find_cb);
  gtk_widget_class_install_action (widget_class, "win.show-article", "(ss)", pn_window_show_article_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, pn_window_import_cb);
  gtk_widget_class_install_action (widget_class, "win.edit-document", "s", pn_window_edit_document_cb);
  gtk_widget_class_install_action (widget_class, "win.remove-document", "s", pn_window_remove_document_cb);
  gtk_widget_class_install_action (widget_class, "win.show-compare", NULL, pn_window_show_planning_cb);
  gtk_widget_class_install_action (widget_class, "win.show-pipeline", NULL, pn_window_show_planning_cb);
  gtk_widget_class_install_action (widget_class, "win.show-deadlines", NULL, pn_window_show_planning_cb);
  gtk_widget_class_install_action (widget_class, "win.export-brief", NULL, pn_window_export_brief_cb);
  gtk_widget_class_install_action (widget_class, "win.print-brief", NULL, pn_window_print_brief_cb);
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, pn_window_new_client_cb);
  gtk_widget_class_install_action (widget_class, "win.start-over", NULL, pn_window_start_over_cb);
  gtk_widget_class_install_action (widget_class, "win.save-client", NULL, pn_window_save_client_cb);
  gtk_widget_class_install_action (widget_class, "win.open-client", "s", pn_window_open_client_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.show-compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.show-pipeline", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.show-deadlines", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-brief", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print-brief", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.show-documents", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-client", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.start-over", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-client", NULL);
}

/* Back from a terminal where pnav imported or removed a document: the
 * views show the database as it is now. */
static void
pn_window_is_active_cb (PnWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (gtk_window_is_active (GTK_WINDOW (self)) && PN_IS_APPLICATION (application))
    pn_application_check_store (PN_APPLICATION (application));
}

static void
pn_window_init (PnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (pn_window_application_cb), NULL);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (pn_window_is_active_cb), NULL);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (pn_window_width_cb), NULL);
  g_signal_connect_object (gtk_menu_button_get_popover (self->primary_menu_button), "show",
                           G_CALLBACK (pn_window_primary_menu_show_cb), self, G_CONNECT_SWAPPED);
  pn_window_actions_update (self);

  {
    GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect_object (target, "drop", G_CALLBACK (pn_window_drop_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  }

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

/**
 * pn_window_add_toast:
 * @self: a #PnWindow
 * @toast: (transfer full): the toast
 *
 * Shows a passing message (an export written, a file imported) over the
 * window's content.
 */
void
pn_window_add_toast (PnWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (PN_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * pn_window_add_saved_toast:
 * @self: a #PnWindow
 * @name: the client's name
 *
 * Says the client was saved; the toast goes as soon as its answers change
 * again, when the header bar says they are unsaved.
 */
void
pn_window_add_saved_toast (PnWindow   *self,
                           const char *name)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (PN_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  /* Translators: a toast; %s is the client's name */
  title = g_strdup_printf (_("Saved “%s”"), name);
  toast = adw_toast_new (title);
  g_set_weak_pointer (&self->saved_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
