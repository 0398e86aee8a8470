/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-deadlines-view"

#include "config.h"

#include "pn-deadlines-view.h"

#include "pn-engine.h"
#include "pn-gui-util.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

/* The deadlines timeline (issue 7): the core's PnDeadlines for the
 * profile's location and as-of date, grouped by end date, optionally
 * narrowed to the measures the engine lists for the profile's answers,
 * and saved as iCalendar. */

#define PN_DEADLINES_VIEW_FILE_NAME "policy-deadlines.ics"
/* Measures the timeline shows at first, and adds each time "Show More" is
 * pressed: a place of a large corpus has hundreds ending in a year, and a
 * row is a widget. */
#define PN_DEADLINES_VIEW_PAGE 100

/* The "Ending within" choices, in the order of the combo row's model. */
static const gint within_days[] = { -1, 90, 365 };

struct _PnDeadlinesView
{
  PnProfileView      parent_instance;

  PnDeadlines       *deadlines;      /* or NULL: no location yet */
  PnResults         *results;        /* the profile at the location: amounts */
  GHashTable        *matching;       /* ids of the benefits the engine lists
                                      * for the answers, or NULL */
  GHashTable        *positions;      /* benefit id → its place in results + 1 */
  GPtrArray         *shown;          /* const PnDeadline *, into deadlines */
  guint              n_rows;         /* of `shown`, the first that have a row */
  GtkListBox        *last_list;      /* the list of the last date with rows */
  GError            *error;          /* why there are no deadlines */
  gboolean           has_answers;
  gboolean           project_chosen; /* the user set the switch */
  gboolean           setting_switch;
  gboolean           stale;          /* the profile changed since update */

  /* Template children */
  GtkStack          *content_stack;
  AdwStatusPage     *error_page;
  GtkButton         *export_button;
  GtkLabel          *footer_label;
  GtkLabel          *location_label;
  GtkButton         *more_button;
  GtkLabel          *nothing_label;
  AdwActionRow      *project_row;
  GtkSwitch         *project_switch;
  GtkScrolledWindow *scrolled_window;
  GtkButton         *start_button;
  GtkLabel          *summary_label;
  GtkBox            *timeline_box;
  AdwToastOverlay   *toast_overlay;
  AdwComboRow       *within_row;
};

G_DEFINE_FINAL_TYPE (PnDeadlinesView, pn_deadlines_view, PN_TYPE_PROFILE_VIEW)

/* ---- the model: the core's deadlines, filtered -------------------------- */

static gboolean
profile_has_answers (PnProfile *profile)
{
  for (PnQuestion question = 0; question < PN_N_QUESTIONS; question++)
    {
      if (pn_profile_get_answer (profile, question) != NULL)
        return TRUE;
    }

  return FALSE;
}

static gint
pn_deadlines_view_get_within (PnDeadlinesView *self)
{
  guint selected = adw_combo_row_get_selected (self->within_row);

  return selected < G_N_ELEMENTS (within_days) ? within_days[selected] : -1;
}

static gboolean
pn_deadlines_view_filters (PnDeadlinesView *self)
{
  return self->matching != NULL && gtk_switch_get_active (self->project_switch);
}

static void
pn_deadlines_view_compute (PnDeadlinesView *self)
{
  PnProfile *profile = pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
  PnCorpus *corpus = pn_profile_view_get_corpus (PN_PROFILE_VIEW (self));
  g_autofree char *as_of = NULL;
  const char *location;

  g_clear_pointer (&self->deadlines, pn_deadlines_unref);
  g_clear_pointer (&self->matching, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_error (&self->error);
  g_ptr_array_set_size (self->shown, 0);
  self->has_answers = FALSE;

  if (profile == NULL || corpus == NULL ||
      (location = pn_profile_get_location (profile)) == NULL)
    return;

  as_of = pn_profile_dup_effective_as_of (profile);
  self->deadlines = pn_deadlines_new (corpus, location, as_of,
                                      pn_deadlines_view_get_within (self), &self->error);
  if (self->deadlines == NULL)
    return;

  /* Each measure's amount for these answers (the engine's estimate); with
   * answers, the measures it lists are also "for this project". */
  self->results = pn_engine_evaluate (corpus, profile, &self->error);
  if (self->results == NULL)
    return;
  self->has_answers = profile_has_answers (profile);
  /* Ids owned by the corpus, which self->deadlines keeps. */
  self->positions = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    g_hash_table_insert (self->positions, pn_results_get_benefit (self->results, i)->id, GUINT_TO_POINTER (i + 1));
  if (self->has_answers)
    {
      self->matching = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
        g_hash_table_add (self->matching, pn_results_get_benefit (self->results, i)->id);
    }

  if (!self->project_chosen)
    {
      self->setting_switch = TRUE;
      gtk_switch_set_active (self->project_switch, self->has_answers);
      self->setting_switch = FALSE;
    }

  for (guint i = 0; i < pn_deadlines_get_n_deadlines (self->deadlines); i++)
    {
      const PnDeadline *deadline = pn_deadlines_get_deadline (self->deadlines, i);

      if (pn_deadlines_view_filters (self) &&
          !g_hash_table_contains (self->matching, deadline->benefit->id))
        continue;
      g_ptr_array_add (self->shown, (gpointer) deadline);
    }
}

/* ---- the widgets -------------------------------------------------------- */

static char *
days_text (gint days)
{
  if (days == 0)
    return g_strdup (_("ends today"));

  /* Translators: %d is a number of days until a measure ends */
  return g_strdup_printf (ngettext ("ends in %d day", "ends in %d days", days), days);
}

static GtkWidget *
caption_label_new (const char *text,
                   const char *name,
                   const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, style_class);
  pn_gui_label_set_text (GTK_LABEL (label), text);

  return label;
}

static GtkWidget *
badge_new (const char *text,
           const char *name,
           const char *style_class)
{
  GtkWidget *badge = gtk_label_new (text);

  gtk_widget_set_name (badge, name);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "pn-badge");
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, style_class);

  return badge;
}

/* One measure: its title, status, citation and responsible units; it
 * opens its article in the reader. */
static GtkWidget *
pn_deadlines_view_row_new (PnDeadlinesView  *self,
                           const PnDeadline *deadline)
{
  PnBenefit *benefit = deadline->benefit;
  PnArticle *article = benefit->article;
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_profile_view_get_corpus (PN_PROFILE_VIEW (self)));
  g_autofree char *citation = pn_gui_citation (article);
  g_autofree char *units = pn_gui_units_text (pn_benefit_get_units (benefit), benefit->document, taxonomy);
  g_autofree char *end = pn_gui_format_date (deadline->valid_until);
  g_autofree char *description = NULL;
  g_autofree char *amount = NULL;
  const char *title = pn_gui_text (&benefit->title);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *text;
  GtkWidget *badges;
  GtkWidget *icon;

  row = gtk_list_box_row_new ();
  gtk_widget_set_name (row, benefit->id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-article");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", benefit->document->id, article->number);

  /* The chevron over the row's end, as in the results (pn-result-row.ui):
   * beside wrapping text in a horizontal box, it makes GTK lay the text
   * out at width after width. */
  box = gtk_overlay_new ();
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* room for the chevron: 16 px and a 12 px gap */
  gtk_widget_set_margin_end (text, 28);
  gtk_overlay_set_child (GTK_OVERLAY (box), text);

  gtk_box_append (GTK_BOX (text), caption_label_new (title, "title", "heading"));

  /* What it is worth: the estimate for these answers, else what the text
   * states ("up to ¥4,000,000"). */
  {
    guint position = self->positions != NULL
                     ? GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, benefit->id)) : 0;
    /* written out for the rows shown only */
    const PnResult *result = position > 0 ? pn_results_get_result (self->results, position - 1) : NULL;
    GtkWidget *label;

    amount = result != NULL ? pn_gui_result_amount (result) : pn_gui_benefit_amount (benefit);
    label = caption_label_new (amount, "amount", "pn-amount");
    gtk_widget_add_css_class (label, "numeric");
    gtk_box_append (GTK_BOX (text), label);
  }

  badges = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (badges), badge_new (pn_gui_status_label (deadline->status), "status",
                                               pn_gui_status_style_class (deadline->status)));
  if (self->matching != NULL && !pn_deadlines_view_filters (self) &&
      g_hash_table_contains (self->matching, benefit->id))
    gtk_box_append (GTK_BOX (badges), badge_new (_("For this project"), "project", "accent"));
  gtk_box_append (GTK_BOX (text), badges);

  gtk_box_append (GTK_BOX (text), caption_label_new (citation, "citation", "caption-heading"));
  if (units != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Responsible: %s"), units);
      GtkWidget *label = caption_label_new (line, "units", "caption");

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);
    }

  icon = g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", "go-next-symbolic",
                       "halign", GTK_ALIGN_END,
                       "valign", GTK_ALIGN_CENTER,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_overlay_add_overlay (GTK_OVERLAY (box), icon);

  /* Translators: what a screen reader says after a measure's title: its
   * amount, its citation and the date it ends */
  description = g_strdup_printf (_("%s, %s, ends on %s"), amount, citation, end);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return row;
}

/* The heading of one end date ("31 December 2026 — ends in 38 days") and
 * the list of what ends then, marked when it is soon. */
static GtkWidget *
pn_deadlines_view_section_new (const PnDeadline  *first,
                               GtkListBox       **out_list)
{
  g_autofree char *date = pn_gui_format_date (first->valid_until);
  g_autofree char *days = days_text (first->days_left);
  g_autofree char *heading_text = NULL;
  gboolean soon = first->days_left <= PN_DEADLINES_VIEW_SOON_DAYS;
  GtkWidget *section;
  GtkWidget *header;
  GtkWidget *heading;
  GtkWidget *list;

  /* Translators: a heading of the deadlines timeline: a date, then how
   * far away it is ("ends in 38 days") */
  heading_text = g_strdup_printf (_("%s — %s"), date, days);

  section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_name (section, first->valid_until);
  gtk_widget_add_css_class (section, "pn-deadline-section");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  heading = g_object_new (GTK_TYPE_LABEL,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          "label", heading_text,
                          "name", "heading",
                          "xalign", 0.0f,
                          "wrap", TRUE,
                          "wrap-mode", PANGO_WRAP_WORD_CHAR,
                          NULL);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);

  /* Not by colour alone: a soon date says so in words too. */
  if (soon)
    {
      gtk_widget_add_css_class (section, "pn-deadline-soon");
      gtk_widget_add_css_class (heading, "warning");
      GtkWidget *badge = badge_new (_("Ends soon"), "soon", "warning");

      gtk_widget_set_halign (badge, GTK_ALIGN_START);
      gtk_widget_set_hexpand (badge, TRUE);
      gtk_box_append (GTK_BOX (header), badge);
    }
  gtk_box_append (GTK_BOX (section), header);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading_text,
                                  -1);
  gtk_box_append (GTK_BOX (section), list);

  *out_list = GTK_LIST_BOX (list);

  return section;
}

static void
pn_deadlines_view_fill_header (PnDeadlinesView *self)
{
  g_autofree char *place = pn_gui_location_label (pn_profile_view_get_corpus (PN_PROFILE_VIEW (self)),
                                                  pn_deadlines_get_location (self->deadlines));
  g_autofree char *as_of = pn_gui_format_date (pn_deadlines_get_as_of (self->deadlines));
  g_autofree char *summary = NULL;
  guint n = self->shown->len;

  pn_gui_label_set_text (self->location_label, place);

  if (pn_deadlines_view_filters (self))
    /* Translators: %u is a number of measures, %s a date such as "23 November 2026" */
    summary = g_strdup_printf (ngettext ("%u measure for this project · as of %s",
                                         "%u measures for this project · as of %s", n),
                               n, as_of);
  else
    /* Translators: %u is a number of measures, %s a date such as "23 November 2026" */
    summary = g_strdup_printf (ngettext ("%u measure · as of %s",
                                         "%u measures · as of %s", n),
                               n, as_of);
  gtk_label_set_text (self->summary_label, summary);

  gtk_widget_set_visible (GTK_WIDGET (self->project_row), self->has_answers);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), n > 0);
}

static void
pn_deadlines_view_fill_footer (PnDeadlinesView *self)
{
  guint n_undated = pn_deadlines_get_n_undated (self->deadlines);
  const char *left_out = _("Measures that have already ended and those of drafts are not listed.");
  g_autofree char *undated = NULL;
  g_autofree char *text = NULL;

  if (n_undated > 0)
    {
      /* Translators: %u is a number of measures at the location */
      undated = g_strdup_printf (ngettext ("%u measure here has no end date and is not listed.",
                                           "%u measures here have no end date and are not listed.",
                                           n_undated),
                                 n_undated);
      text = g_strconcat (undated, "\n", left_out, NULL);
    }
  else
    {
      text = g_strdup (left_out);
    }

  gtk_label_set_text (self->footer_label, text);
}

/* The widgets for the model. */
/* Rows for the next page of `shown`, the sections of their dates first
 * where a date begins; and the button for what is left. */
static GtkListBoxRow *
pn_deadlines_view_add_rows (PnDeadlinesView *self)
{
  guint end = MIN (self->shown->len, self->n_rows + PN_DEADLINES_VIEW_PAGE);
  GtkListBoxRow *first = NULL;

  for (guint i = self->n_rows; i < end; i++)
    {
      const PnDeadline *deadline = g_ptr_array_index (self->shown, i);
      const PnDeadline *previous = i > 0 ? g_ptr_array_index (self->shown, i - 1) : NULL;
      GtkWidget *row;

      if (self->last_list == NULL || g_strcmp0 (previous->valid_until, deadline->valid_until) != 0)
        {
          GtkWidget *section = pn_deadlines_view_section_new (deadline, &self->last_list);

          pn_gui_tag_chinese (section);
          gtk_box_append (self->timeline_box, section);
        }
      row = pn_deadlines_view_row_new (self, deadline);
      gtk_list_box_append (self->last_list, row);
      if (first == NULL)
        first = GTK_LIST_BOX_ROW (row);
    }
  self->n_rows = end;

  pn_gui_update_more_button (self->more_button, PN_DEADLINES_VIEW_PAGE, self->n_rows, self->shown->len);
  return first;
}

static void
pn_deadlines_view_more_cb (PnDeadlinesView *self)
{
  GtkListBoxRow *first = pn_deadlines_view_add_rows (self);

  /* the keyboard goes on from the first new row */
  if (first != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
pn_deadlines_view_rebuild (PnDeadlinesView *self)
{
  pn_gui_box_remove_all (self->timeline_box);
  self->last_list = NULL;
  self->n_rows = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);

  if (self->error != NULL)
    {
      adw_status_page_set_description (self->error_page, self->error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
      return;
    }

  if (self->deadlines == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  pn_deadlines_view_fill_header (self);

  gtk_widget_set_visible (GTK_WIDGET (self->nothing_label), self->shown->len == 0);
  gtk_label_set_text (self->nothing_label,
                      pn_deadlines_view_filters (self) ? _("No measure for this project ends in this period.")
                                                       : _("No measure here ends in this period."));

  self->n_rows = 0;
  self->last_list = NULL;
  pn_deadlines_view_add_rows (self);

  pn_deadlines_view_fill_footer (self);
  gtk_stack_set_visible_child_name (self->content_stack, "deadlines");
}

/* Model and widgets, if anything changed since. */
static void
pn_deadlines_view_update (PnDeadlinesView *self)
{
  gint64 start;

  if (!self->stale || self->content_stack == NULL)
    return;

  start = g_get_monotonic_time ();
  self->stale = FALSE;
  pn_deadlines_view_compute (self);
  pn_deadlines_view_rebuild (self);
  g_debug ("deadlines: %u of %u listed in %.2f ms",
           self->shown->len,
           self->deadlines != NULL ? pn_deadlines_get_n_deadlines (self->deadlines) : 0,
           (g_get_monotonic_time () - start) / 1000.0);
}

/* At once when shown, else when next mapped. */
static void
pn_deadlines_view_refresh (PnProfileView *view)
{
  PnDeadlinesView *self = PN_DEADLINES_VIEW (view);

  self->stale = TRUE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    pn_deadlines_view_update (self);
}

static void
pn_deadlines_view_within_cb (PnDeadlinesView *self)
{
  pn_deadlines_view_refresh (PN_PROFILE_VIEW (self));
}

static void
pn_deadlines_view_project_cb (PnDeadlinesView *self)
{
  if (self->setting_switch)
    return;

  self->project_chosen = TRUE;
  pn_deadlines_view_refresh (PN_PROFILE_VIEW (self));
}

static void
pn_deadlines_view_map (GtkWidget *widget)
{
  /* Before the children map, so that they map as they will show. */
  pn_deadlines_view_update (PN_DEADLINES_VIEW (widget));

  GTK_WIDGET_CLASS (pn_deadlines_view_parent_class)->map (widget);
}

/* ---- iCalendar ---------------------------------------------------------- */

typedef struct
{
  PnDeadlines *deadlines;
  GStrv        uids;      /* the events to keep, or NULL for every one */
  PnLang       lang;
  GFile       *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->deadlines, pn_deadlines_unref);
  g_clear_pointer (&data->uids, g_strfreev);
  g_clear_object (&data->file);
  g_free (data);
}

/* The core's calendar with only the events listed: the core writes every
 * deadline of the window, the view may show only the project's. */
static char *
keep_events (const char          *ical,
             const char * const  *uids,
             GError             **error)
{
  icalcomponent *calendar = icalparser_parse_string (ical);
  g_autoptr(GPtrArray) dropped = g_ptr_array_new ();
  char *written;
  char *text;

  if (calendar == NULL)
    {
      g_set_error (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_ICAL,
                   _("Cannot write the calendar: %s"), icalerror_strerror (icalerrno));
      return NULL;
    }

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);

      if (uid == NULL || !g_strv_contains (uids, uid))
        g_ptr_array_add (dropped, event);
    }
  for (guint i = 0; i < dropped->len; i++)
    {
      icalcomponent *event = g_ptr_array_index (dropped, i);

      icalcomponent_remove_component (calendar, event);
      icalcomponent_free (event);
    }

  written = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  if (written == NULL)
    {
      g_set_error (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_ICAL,
                   _("Cannot write the calendar: %s"), icalerror_strerror (icalerrno));
      return NULL;
    }

  /* As pn_deadlines_to_ical() does: libical 3.0 may fold a line between
   * its CR and LF ("\r" "\r\n " "\n"); put the line end back together. */
  {
    g_auto(GStrv) parts = g_strsplit (written, "\r\r\n \n", -1);

    text = g_strjoinv ("\r\n", parts);
  }
  icalmemory_free_buffer (written);

  return text;
}

static void
export_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *ical = NULL;

  ical = pn_deadlines_to_ical (data->deadlines, data->lang, &error);
  if (ical != NULL && data->uids != NULL)
    {
      char *kept = keep_events (ical, (const char * const *) data->uids, &error);

      g_free (ical);
      ical = kept;
    }

  /* Written beside and renamed over: never half a calendar. */
  if (ical == NULL ||
      !g_file_replace_contents (data->file, ical, strlen (ical), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
pn_deadlines_view_export_async (PnDeadlinesView     *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (PN_IS_DEADLINES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pn_deadlines_view_export_async);

  pn_deadlines_view_update (self);
  if (self->deadlines == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                               _("There are no deadlines to save: say where the project is based first."));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->deadlines = pn_deadlines_ref (self->deadlines);
  data->lang = pn_gui_get_lang ();
  data->file = g_object_ref (file);
  if (self->shown->len < pn_deadlines_get_n_deadlines (self->deadlines))
    {
      data->uids = g_new0 (char *, self->shown->len + 1);
      for (guint i = 0; i < self->shown->len; i++)
        data->uids[i] = pn_deadline_dup_uid (g_ptr_array_index (self->shown, i));
    }

  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
pn_deadlines_view_export_finish (PnDeadlinesView  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (PN_IS_DEADLINES_VIEW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pn_deadlines_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GtkWindow *
pn_deadlines_view_get_window (PnDeadlinesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
save_done_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PnDeadlinesView *self = PN_DEADLINES_VIEW (source_object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!pn_deadlines_view_export_finish (self, result, &error))
    {
      g_autofree char *where = g_file_get_parse_name (file);
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (pn_deadlines_view_get_window (self),
                                       _("Could Not Save the Calendar"), NULL);
      /* Translators: %s is a file's path, then the reason it could not be written */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("“%s” could not be written: %s"),
                                      where, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* Gone from the window meanwhile: nowhere to say it. */
  if (self->toast_overlay != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = NULL;
      g_autofree char *escaped = NULL;
      AdwToast *toast;

      /* Translators: %s is a file name; the dates are in it */
      message = g_strdup_printf (_("Saved “%s”"), name);
      /* Toast titles are markup in libadwaita 1.2. */
      escaped = g_markup_escape_text (message, -1);
      toast = adw_toast_new (escaped);
      /* Translators: opens the saved calendar file, which adds its dates to the calendar app */
      adw_toast_set_button_label (toast, _("Open"));
      adw_toast_set_action_name (toast, "deadlines.open-file");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
}

void
pn_deadlines_view_save_calendar (PnDeadlinesView *self,
                                 GFile           *file)
{
  g_return_if_fail (PN_IS_DEADLINES_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  pn_deadlines_view_export_async (self, file, NULL, save_done_cb, g_object_ref (file));
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          PnDeadlinesView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        pn_deadlines_view_save_calendar (self, file);
    }

  g_object_unref (native);
  g_object_unref (self);
}

static void
pn_deadlines_view_export_clicked_cb (PnDeadlinesView *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;

  /* GtkFileChooserNative goes through the portal inside Flatpak. */
  native = gtk_file_chooser_native_new (_("Add to Calendar"),
                                        pn_deadlines_view_get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), PN_DEADLINES_VIEW_FILE_NAME);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("iCalendar files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_signal_connect (native, "response", G_CALLBACK (file_chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The toast's "Open": the calendar app offers to add the dates. */
static void
pn_deadlines_view_open_file_action (GtkWidget  *widget,
                                    const char *action_name G_GNUC_UNUSED,
                                    GVariant   *parameter)
{
  gtk_show_uri (pn_deadlines_view_get_window (PN_DEADLINES_VIEW (widget)),
                g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* ---- GObject ------------------------------------------------------------ */

static void
pn_deadlines_view_dispose (GObject *object)
{
  PnDeadlinesView *self = (PnDeadlinesView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_DEADLINES_VIEW);
  /* Children without an id are not template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pn_deadlines_view_parent_class)->dispose (object);
}

static void
pn_deadlines_view_finalize (GObject *object)
{
  PnDeadlinesView *self = (PnDeadlinesView *) object;

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->matching, g_hash_table_unref);
  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_pointer (&self->deadlines, pn_deadlines_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pn_deadlines_view_parent_class)->finalize (object);
}

static void
pn_deadlines_view_class_init (PnDeadlinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnProfileViewClass *view_class = PN_PROFILE_VIEW_CLASS (klass);

  object_class->dispose = pn_deadlines_view_dispose;
  object_class->finalize = pn_deadlines_view_finalize;

  widget_class->map = pn_deadlines_view_map;

  view_class->refresh = pn_deadlines_view_refresh;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/planning/pn-deadlines-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, export_button);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, more_button);
  gtk_widget_class_bind_template_callback (widget_class, pn_deadlines_view_more_cb);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, footer_label);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, location_label);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, nothing_label);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, project_row);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, project_switch);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, start_button);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, timeline_box);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PnDeadlinesView, within_row);
  gtk_widget_class_bind_template_callback (widget_class, pn_deadlines_view_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_deadlines_view_project_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_deadlines_view_within_cb);

  gtk_widget_class_install_action (widget_class, "deadlines.open-file", "s",
                                   pn_deadlines_view_open_file_action);
}

static void
pn_deadlines_view_init (PnDeadlinesView *self)
{
  self->shown = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pn_gui_tag_chinese (GTK_WIDGET (self));

  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

GtkWidget *
pn_deadlines_view_new (void)
{
  return g_object_new (PN_TYPE_DEADLINES_VIEW, NULL);
}

PnProfile *
pn_deadlines_view_get_profile (PnDeadlinesView *self)
{
  g_return_val_if_fail (PN_IS_DEADLINES_VIEW (self), NULL);

  return pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
}

void
pn_deadlines_view_set_profile (PnDeadlinesView *self,
                               PnProfile       *profile)
{
  g_return_if_fail (PN_IS_DEADLINES_VIEW (self));

  pn_profile_view_set_profile (PN_PROFILE_VIEW (self), profile);
}

PnCorpus *
pn_deadlines_view_get_corpus (PnDeadlinesView *self)
{
  g_return_val_if_fail (PN_IS_DEADLINES_VIEW (self), NULL);

  return pn_profile_view_get_corpus (PN_PROFILE_VIEW (self));
}

void
pn_deadlines_view_set_corpus (PnDeadlinesView *self,
                              PnCorpus        *corpus)
{
  g_return_if_fail (PN_IS_DEADLINES_VIEW (self));

  pn_profile_view_set_corpus (PN_PROFILE_VIEW (self), corpus);
}

PnDeadlines *
pn_deadlines_view_get_deadlines (PnDeadlinesView *self)
{
  g_return_val_if_fail (PN_IS_DEADLINES_VIEW (self), NULL);

  pn_deadlines_view_update (self);

  return self->deadlines;
}

guint
pn_deadlines_view_get_n_shown (PnDeadlinesView *self)
{
  g_return_val_if_fail (PN_IS_DEADLINES_VIEW (self), 0);

  pn_deadlines_view_update (self);

  return self->shown->len;
}
