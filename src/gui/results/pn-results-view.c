/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-results-view"

#include "config.h"

#include "pn-results-view.h"

#include "pn-date-chooser.h"
#include "pn-engine.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "results/pn-measure-detail.h"
#include "results/pn-next-step-row.h"
#include "results/pn-result-item.h"
#include "results/pn-result-row.h"

#include <glib/gi18n.h>

/* "What would add most" shows this many steps until "Show All". */
#define PN_NEXT_STEPS_SHOWN 5
/* Rows a list shows at first, and adds each time "Show More" is pressed:
 * a place answered alone lists tens of thousands of measures in a large
 * corpus, and a row is a widget. */
#define PN_RESULTS_PAGE 25
#define PN_FIGURE_MARK "\xee\x80\x80"

struct _PnResultsView
{
  PnProfileView        parent_instance;

  PnResults           *results;
  GError              *error;     /* why there are no results, or NULL */
  GHashTable          *rows;     /* benefit id → PnResultRow, reused */
  /* The three lists: a store of PnResultItem each, filtered by the words
   * of filter_entry and sorted as sort_dropdown says, bound to its list
   * box. */
  GListStore          *stores[3];
  GtkSortListModel    *models[3];
  GtkSliceListModel   *pages[3];  /* the rows shown: the first of models[] */
  GtkCustomFilter     *filter;
  GtkSorter           *sorter;
  char                *query;    /* casefolded, or NULL */
  GPtrArray           *step_rows; /* PnNextStepRow, in the order shown */
  gboolean             steps_expanded; /* every next step, not the first few */
  gboolean             detail_chosen; /* by the user, not by default */
  gboolean             stale;    /* results newer than the widgets */
  gint64               last_refresh_usec;

  /* Template children */
  GtkStack            *content_stack;
  AdwStatusPage       *error_page;
  AdwPreferencesGroup *counted_group;
  GtkListBox          *counted_list;
  GtkButton           *counted_more_button;
  GtkMenuButton       *date_button;
  GtkButton           *edit_button;
  GtkSearchEntry      *filter_entry;
  GtkLabel            *counted_placeholder;
  GtkScrolledWindow   *list_scrolled_window;
  PnDateChooser       *date_chooser;
  PnMeasureDetail     *detail;
  AdwLeaflet          *leaflet;
  GtkButton           *more_steps_button;
  AdwPreferencesGroup *next_steps_group;
  GtkListBox          *next_steps_list;
  AdwPreferencesGroup *not_counted_group;
  GtkListBox          *not_counted_list;
  GtkButton           *not_counted_more_button;
  AdwPreferencesGroup *possible_group;
  GtkListBox          *possible_list;
  GtkButton           *possible_more_button;
  GtkDropDown         *sort_dropdown;
  GtkLabel            *summary_label;
  GtkLabel            *total_label;
  GtkLabel            *upside_label;
};

enum {
  EDIT_ANSWER,
  DETAIL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnResultsView, pn_results_view, PN_TYPE_PROFILE_VIEW)

typedef enum
{
  GROUP_COUNTED,
  GROUP_POSSIBLE,
  GROUP_NOT_COUNTED,
} Group;

static Group
group_of (const PnResultOutline *outline)
{
  if (outline->counted)
    return GROUP_COUNTED;

  if (outline->not_counted == PN_NOT_COUNTED_POSSIBLE ||
      outline->not_counted == PN_NOT_COUNTED_MISSING_FIGURE)
    return GROUP_POSSIBLE;

  return GROUP_NOT_COUNTED;
}

static void
pn_results_view_row_answer_cb (PnResultsView *self,
                               const char    *key)
{
  g_signal_emit (self, signals[EDIT_ANSWER], 0, key);
}

/* A row for an item of a list model: the measure's row of the last run
 * when there is one (building a row from its template is what costs),
 * else a new one. */
static GtkWidget *
pn_results_view_create_row_cb (gpointer item,
                               gpointer user_data)
{
  PnResultsView *self = PN_RESULTS_VIEW (user_data);
  PnProfile *profile = pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
  PnResults *results = pn_result_item_get_results (item);
  const PnResult *result = pn_result_item_get_result (item);
  PnResultRow *row = g_hash_table_lookup (self->rows, result->benefit->id);

  if (row != NULL && gtk_widget_get_parent (GTK_WIDGET (row)) == NULL)
    {
      pn_result_row_set_result (row, results, result, profile);
      return GTK_WIDGET (g_object_ref (row));
    }

  row = g_object_ref_sink (pn_result_row_new (results, result, profile));
  g_signal_connect_object (row, "answer",
                           G_CALLBACK (pn_results_view_row_answer_cb), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_replace (self->rows, g_strdup (result->benefit->id), row);

  return GTK_WIDGET (g_object_ref (row));
}

static void
pn_results_view_empty_stores (PnResultsView *self)
{
  for (guint g = 0; g < G_N_ELEMENTS (self->stores); g++)
    if (self->stores[g] != NULL)
      g_list_store_remove_all (self->stores[g]);
}

static void
pn_results_view_clear_rows (PnResultsView *self)
{
  pn_results_view_empty_stores (self);
  g_hash_table_remove_all (self->rows);
}

/* Why the "up to" total has no upper bound: the first next step that
 * adds without bound names what is missing. */
static char *
pn_results_view_unbounded_reason (PnResultsView *self)
{
  GPtrArray *steps = pn_results_get_next_steps (self->results);

  for (guint i = 0; i < steps->len; i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);

      if (step->adds_high_cny != PN_YUAN_UNSET)
        continue;
      if (step->kind == PN_NEXT_STEP_FIGURE)
        /* Translators: under the total "¥0 counted · no upper bound"; %s
         * names a figure, "National (higher-level) funding received" */
        return g_strdup_printf (_("No upper bound while “%s” is not given: a measure pays a share of it with no cap."),
                                pn_gui_text (&step->text));

      {
        g_autofree char *title = pn_gui_next_step_title (step);

        /* Translators: under the total "¥0 counted · no upper bound"; %s
         * is a next step, "Answer: the drug class" */
        return g_strdup_printf (_("No upper bound until this is settled: %s."), title);
      }
    }

  return g_strdup (_("No upper bound: a measure pays a share of a figure not given, with no cap."));
}

/* "¥12,000,000 counted · up to ¥15,000,000", "… · no upper bound", or
 * "¥12,000,000 counted" when nothing more is possible; `counted` is what
 * goes in the place of the counted figure. */
static char *
header_text (PnResults  *results,
             const char *counted)
{
  gint64 total_high = pn_results_get_total_high (results);
  g_autofree char *high_text = NULL;

  if (total_high == PN_YUAN_UNSET)
    /* Translators: the results' total when a measure has no cap; %s is
     * what counts for sure, "¥0" */
    return g_strdup_printf (_("%s counted · no upper bound"), counted);

  if (total_high <= pn_results_get_total (results))
    /* Translators: the results' total when nothing more is possible */
    return g_strdup_printf (_("%s counted"), counted);

  high_text = pn_money_format_yuan (total_high);
  /* Translators: the results' total: what counts for sure, then the most
   * everything listed could give, "¥12,000,000 counted · up to ¥15,000,000" */
  return g_strdup_printf (_("%s counted · up to %s"), counted, high_text);
}

/* The header, and under it what "up to" means or which figure leaves it
 * without a bound. */
static void
pn_results_view_update_summary (PnResultsView *self)
{
  gint64 total = pn_results_get_total (self->results);
  gint64 total_high = pn_results_get_total_high (self->results);
  g_autofree char *total_text = pn_money_format_yuan (total);
  g_autofree char *header = header_text (self->results, total_text);
  g_autofree char *upside = NULL;
  g_autofree char *as_of = pn_gui_format_date (pn_results_get_as_of (self->results));
  g_autofree char *summary = NULL;
  g_autofree char *accessible = NULL;
  guint n_counted = pn_results_get_n_counted (self->results);

  if (total_high == PN_YUAN_UNSET)
    {
      gint64 bounded = pn_results_get_total_high_bounded (self->results);
      g_autofree char *reason = pn_results_view_unbounded_reason (self);

      if (bounded > total)
        {
          g_autofree char *high = pn_money_format_yuan (bounded);
          /* Translators: after the reason the "up to" total has no bound;
           * %s is what the measures with a cap give, "¥18,950,000" */
          g_autofree char *others = g_strdup_printf (_("The measures with a cap give up to %s together."), high);

          upside = g_strconcat (reason, " ", others, NULL);
        }
      else
        upside = g_steal_pointer (&reason);
    }
  else if (total_high > total)
    upside = g_strdup (_("“Up to” is the most the listed measures could give together if every open point went the applicant’s way, with one answer to each open question: one milestone, one class."));

  /* In markup, the counted figure larger: the translation is escaped with
   * a mark where the figure goes (U+E000, private use, which escaping
   * keeps as it is), so no translated string carries markup. */
  {
    g_autofree char *marked = header_text (self->results, PN_FIGURE_MARK);
    g_autofree char *escaped = g_markup_escape_text (marked, -1);
    g_autofree char *figure = g_markup_printf_escaped ("<span size=\"larger\">%s</span>", total_text);
    g_auto(GStrv) parts = g_strsplit (escaped, PN_FIGURE_MARK, -1);
    g_autofree char *markup = g_strjoinv (figure, parts);

    gtk_label_set_markup (self->total_label, markup);
  }
  gtk_label_set_text (self->upside_label, upside != NULL ? upside : "");
  gtk_widget_set_visible (GTK_WIDGET (self->upside_label), upside != NULL);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->total_label)), upside) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->total_label), upside);

  /* Translators: %u is the number of measures counted in the total, %s a
   * date such as "23 November 2026" */
  summary = g_strdup_printf (ngettext ("%u measure counted · as of %s",
                                       "%u measures counted · as of %s",
                                       n_counted),
                             n_counted, as_of);
  /* What the figures are computed from: a founder at Jinjiang took them
   * for every measure of the county, the city and the province, though
   * only the documents held here count (the brief said so, the window
   * not). */
  {
    g_autoptr(GHashTable) documents = g_hash_table_new (NULL, NULL);
    g_autofree char *place = pn_corpus_location_label (pn_results_get_corpus (self->results),
                                                       pn_results_get_location (self->results),
                                                       pn_gui_get_lang ());
    g_autofree char *coverage = NULL;
    char *both;

    for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
      g_hash_table_add (documents, pn_results_get_benefit (self->results, i)->document);
    /* Translators: under the total; %u counts the policy documents whose
     * measures are listed, %s is the place */
    coverage = g_strdup_printf (ngettext ("From %u policy document for %s and the places above it; national programmes and documents not in Policy Documents are not covered.",
                                          "From %u policy documents for %s and the places above it; national programmes and documents not in Policy Documents are not covered.",
                                          g_hash_table_size (documents)),
                                g_hash_table_size (documents), place);
    both = g_strconcat (summary, "\n", coverage, NULL);
    g_free (summary);
    summary = both;
  }
  gtk_label_set_text (self->summary_label, summary);

  /* Translators: what a screen reader says for the total */
  accessible = g_strdup_printf (_("Estimated total: %s"), header);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, upside != NULL ? upside : "",
                                  -1);
}

/* A next step's button: the question it asks, the figure's entry, or the
 * measure whose requirement it is (a requirement is not a question). */
static void
pn_results_view_step_open_cb (PnResultsView *self,
                              PnNextStepRow *row)
{
  const PnNextStep *step = pn_next_step_row_get_step (row);

  if (step == NULL)
    return;

  switch (step->kind)
    {
    case PN_NEXT_STEP_ANSWER:
    case PN_NEXT_STEP_FIGURE:
      g_signal_emit (self, signals[EDIT_ANSWER], 0, step->id);
      break;
    case PN_NEXT_STEP_REQUIREMENT:
    default:
      if (step->benefits->len > 0)
        pn_results_view_show_measure (self, ((PnBenefit *) g_ptr_array_index (step->benefits, 0))->id);
      break;
    }
}

/* "What would add most": the first few next steps, or all of them; the
 * rows are kept and refilled, as the steps change at every answer. */
static void
pn_results_view_update_next_steps (PnResultsView *self)
{
  GPtrArray *steps = self->results != NULL ? pn_results_get_next_steps (self->results) : NULL;
  guint n = steps != NULL ? steps->len : 0;
  guint shown = self->steps_expanded ? n : MIN (n, PN_NEXT_STEPS_SHOWN);

  for (guint i = 0; i < shown; i++)
    {
      PnNextStepRow *row;

      if (i < self->step_rows->len)
        row = g_ptr_array_index (self->step_rows, i);
      else
        {
          row = pn_next_step_row_new ();
          g_signal_connect_object (row, "open", G_CALLBACK (pn_results_view_step_open_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_list_box_append (self->next_steps_list, GTK_WIDGET (row));
          g_ptr_array_add (self->step_rows, g_object_ref (row));
        }
      pn_next_step_row_set_step (row, self->results, g_ptr_array_index (steps, i));
    }

  while (self->step_rows->len > shown)
    {
      GtkWidget *row = g_ptr_array_index (self->step_rows, self->step_rows->len - 1);

      gtk_list_box_remove (self->next_steps_list, row);
      g_ptr_array_remove_index (self->step_rows, self->step_rows->len - 1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->next_steps_group), n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->more_steps_button), n > PN_NEXT_STEPS_SHOWN);
  if (n > PN_NEXT_STEPS_SHOWN)
    {
      g_autofree char *label = NULL;

      if (self->steps_expanded)
        label = g_strdup (_("Show Fewer"));
      else
        /* Translators: a button under the first five next steps; %u is
         * how many more there are */
        label = g_strdup_printf (ngettext ("Show %u More Step", "Show %u More Steps", n - PN_NEXT_STEPS_SHOWN),
                                 n - PN_NEXT_STEPS_SHOWN);
      gtk_button_set_label (self->more_steps_button, label);
    }
}

static void
pn_results_view_more_steps_cb (PnResultsView *self)
{
  self->steps_expanded = !self->steps_expanded;
  pn_results_view_update_next_steps (self);

  /* Fewer: the keyboard stays on the button, which the rows moved. */
  gtk_widget_grab_focus (GTK_WIDGET (self->more_steps_button));
}

static GtkButton *
pn_results_view_more_button (PnResultsView *self,
                             Group          group)
{
  switch (group)
    {
    case GROUP_COUNTED:
      return self->counted_more_button;
    case GROUP_POSSIBLE:
      return self->possible_more_button;
    case GROUP_NOT_COUNTED:
    default:
      return self->not_counted_more_button;
    }
}

/* Under a list with more measures than rows: "Show 25 More of 25,662". */
static void
pn_results_view_update_more_buttons (PnResultsView *self)
{
  for (Group g = 0; g < G_N_ELEMENTS (self->pages); g++)
    {
      GtkButton *button = pn_results_view_more_button (self, g);

      if (button != NULL && self->pages[g] != NULL)
        pn_gui_update_more_button (button, PN_RESULTS_PAGE,
                                   g_list_model_get_n_items (G_LIST_MODEL (self->pages[g])),
                                   g_list_model_get_n_items (G_LIST_MODEL (self->models[g])));
    }
}

/* Each list back to its first page. */
static void
pn_results_view_reset_pages (PnResultsView *self)
{
  for (guint g = 0; g < G_N_ELEMENTS (self->pages); g++)
    if (self->pages[g] != NULL)
      gtk_slice_list_model_set_size (self->pages[g], PN_RESULTS_PAGE);
}

static void
pn_results_view_more_rows_cb (PnResultsView *self,
                              GtkButton     *button)
{
  for (Group g = 0; g < G_N_ELEMENTS (self->pages); g++)
    {
      GtkListBox *lists[3] = { self->counted_list, self->possible_list, self->not_counted_list };
      guint shown;
      GtkListBoxRow *first_new;

      if (pn_results_view_more_button (self, g) != button)
        continue;
      shown = g_list_model_get_n_items (G_LIST_MODEL (self->pages[g]));
      gtk_slice_list_model_set_size (self->pages[g], shown + PN_RESULTS_PAGE);
      pn_results_view_update_more_buttons (self);
      /* The keyboard goes on from the first new row, where the eye does;
       * the button may be gone, at the end of the list. */
      first_new = gtk_list_box_get_row_at_index (lists[g], shown);
      if (first_new != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (first_new));
    }
}

static void
pn_results_view_update_detail (PnResultsView *self)
{
  const char *shown = pn_measure_detail_get_benefit_id (self->detail);
  const PnResult *result = NULL;

  /* The measure the user opened stays; a default one follows the list. */
  if (self->results != NULL && shown != NULL && self->detail_chosen)
    result = pn_results_find (self->results, shown);
  if (result == NULL)
    self->detail_chosen = FALSE;

  /* Side by side, the detail is never empty while a measure is listed. */
  /* The most relevant: the top counted measure, else the most valuable
   * possible one, else the first of the rest. */
  if (result == NULL && self->results != NULL && !adw_leaflet_get_folded (self->leaflet) &&
      pn_results_get_n_results (self->results) > 0)
    {
      for (guint g = 0; g < G_N_ELEMENTS (self->models) && result == NULL; g++)
        {
          g_autoptr(PnResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->models[g]), 0);

          if (item != NULL)
            result = pn_result_item_get_result (item);
        }
    }

  pn_measure_detail_set_result (self->detail, result ? self->results : NULL, result);

  if (result == NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* A list shows when something of it passes the filter; the counted one
 * always, with its placeholder. */
static void
pn_results_view_update_groups (PnResultsView *self)
{
  if (self->possible_group == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->possible_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->models[GROUP_POSSIBLE])) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->not_counted_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->models[GROUP_NOT_COUNTED])) > 0);
  pn_results_view_update_more_buttons (self);
}

static gboolean
pn_results_view_filter_cb (gpointer item,
                           gpointer user_data)
{
  PnResultsView *self = PN_RESULTS_VIEW (user_data);

  return pn_result_item_matches (item, self->query);
}

static void
pn_results_view_filter_changed_cb (PnResultsView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry))));

  g_clear_pointer (&self->query, g_free);
  if (*text != '\0')
    self->query = g_utf8_casefold (text, -1);
  /* the first page of what matches */
  pn_results_view_reset_pages (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  pn_results_view_update_groups (self);

  /* with words to filter by, an empty list says so, not that nothing counts */
  if (self->query != NULL)
    {
      /* Translators: the counted list hides every measure; %s is what was typed in the filter */
      g_autofree char *none = g_strdup_printf (_("No counted measure matches “%s”."), text);

      gtk_label_set_text (self->counted_placeholder, none);
    }
  else
    gtk_label_set_text (self->counted_placeholder, _("Nothing is counted for these answers on this date."));
}

static void
pn_results_view_sort_changed_cb (PnResultsView *self)
{
  gboolean by_value = gtk_drop_down_get_selected (self->sort_dropdown) == 0;
  g_autoptr(GtkSorter) sorter = pn_result_item_sorter_new (by_value);

  g_set_object (&self->sorter, sorter);
  for (guint g = 0; g < G_N_ELEMENTS (self->models); g++)
    gtk_sort_list_model_set_sorter (self->models[g], self->sorter);
}

/* The widgets for self->results. */
static void
pn_results_view_rebuild (PnResultsView *self)
{
  GPtrArray *groups[3] = { NULL, };

  self->stale = FALSE;

  pn_results_view_update_next_steps (self);

  if (self->results == NULL)
    {
      pn_results_view_clear_rows (self);
      gtk_stack_set_visible_child_name (self->content_stack, self->error != NULL ? "error" : "empty");
      pn_measure_detail_set_result (self->detail, NULL, NULL);
      return;
    }

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    groups[g] = g_ptr_array_new_with_free_func (g_object_unref);
  /* Grouped by their outline: only the rows shown write their text. */
  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      PnResultOutline outline;

      pn_results_get_outline (self->results, i, &outline);
      g_ptr_array_add (groups[group_of (&outline)], pn_result_item_new (self->results, i));
    }
  pn_results_view_reset_pages (self);

  /* Every row out of every list first, so that a measure moving to
   * another list finds its row free. */
  pn_results_view_empty_stores (self);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_list_store_splice (self->stores[g], 0, 0, groups[g]->pdata, groups[g]->len);

  /* Measures no longer listed: their rows are out of every list now. */
  {
    GHashTableIter iter;
    PnResultRow *row;

    g_hash_table_iter_init (&iter, self->rows);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
      {
        if (gtk_widget_get_parent (GTK_WIDGET (row)) == NULL)
          g_hash_table_iter_remove (&iter);
      }
  }
  pn_results_view_update_groups (self);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_ptr_array_unref (groups[g]);

  pn_results_view_update_summary (self);
  gtk_stack_set_visible_child_name (self->content_stack, "results");
  pn_results_view_update_detail (self);
}

/* The engine runs at every change (it is fast); the widgets follow at
 * once when shown, else when next mapped. */
static void
pn_results_view_refresh (PnProfileView *view)
{
  PnResultsView *self = PN_RESULTS_VIEW (view);
  PnProfile *profile = pn_profile_view_get_profile (view);
  PnCorpus *corpus = pn_profile_view_get_corpus (view);
  gint64 start;

  /* Not while disposing: the template children are going away. */
  if (self->content_stack == NULL)
    return;

  start = g_get_monotonic_time ();
  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_error (&self->error);

  /* A damaged database or a document replaced meanwhile: say so where
   * the results would be. */
  if (profile != NULL && corpus != NULL && pn_profile_get_location (profile) != NULL)
    self->results = pn_engine_evaluate (corpus, profile, &self->error);
  adw_status_page_set_description (self->error_page, self->error != NULL ? self->error->message : NULL);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  pn_results_view_rebuild (self);

  self->last_refresh_usec = g_get_monotonic_time () - start;
  g_debug ("engine and view: %" G_GINT64_FORMAT " µs for %u measures",
           self->last_refresh_usec,
           self->results != NULL ? pn_results_get_n_results (self->results) : 0);
}

static void
pn_results_view_map (GtkWidget *widget)
{
  PnResultsView *self = PN_RESULTS_VIEW (widget);

  /* Before the children map, so that they map as they will show. */
  if (self->stale)
    pn_results_view_rebuild (self);

  GTK_WIDGET_CLASS (pn_results_view_parent_class)->map (widget);
}

static void
pn_results_view_row_activated_cb (PnResultsView *self,
                                  GtkListBoxRow *row)
{
  if (!PN_IS_RESULT_ROW (row))
    return;

  pn_measure_detail_set_result (self->detail,
                                pn_result_row_get_results (PN_RESULT_ROW (row)),
                                pn_result_row_get_result (PN_RESULT_ROW (row)));
  pn_measure_detail_scroll_to_top (self->detail);
  self->detail_chosen = TRUE;
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  pn_measure_detail_focus_start (self->detail);
}

static void
pn_results_view_folded_cb (PnResultsView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  /* Folded, the window's header bar has the way back (and the measure's
   * title): the detail needs no button of its own. */
  pn_measure_detail_set_show_back (self->detail, FALSE);
  g_signal_emit (self, signals[DETAIL_CHANGED], 0);

  /* Unfolding with nothing chosen: show the first measure. */
  if (!folded && pn_measure_detail_get_benefit_id (self->detail) == NULL && self->results != NULL)
    pn_results_view_update_detail (self);
}

static void
pn_results_view_show_list_action (GtkWidget  *widget,
                                  const char *action_name G_GNUC_UNUSED,
                                  GVariant   *parameter G_GNUC_UNUSED)
{
  pn_results_view_show_list (PN_RESULTS_VIEW (widget));
}

/* The rows point into the old corpus. */
static void
pn_results_view_corpus_changed (PnProfileView *view)
{
  pn_results_view_clear_rows (PN_RESULTS_VIEW (view));
}

static void
pn_results_view_dispose (GObject *object)
{
  PnResultsView *self = PN_RESULTS_VIEW (object);

  if (self->counted_list != NULL && self->rows != NULL)
    pn_results_view_clear_rows (self);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->step_rows, g_ptr_array_unref);
  for (guint g = 0; g < G_N_ELEMENTS (self->stores); g++)
    {
      g_clear_object (&self->pages[g]);
      g_clear_object (&self->models[g]);
      g_clear_object (&self->stores[g]);
    }
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_pointer (&self->query, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_RESULTS_VIEW);

  G_OBJECT_CLASS (pn_results_view_parent_class)->dispose (object);
}

static void
pn_results_view_finalize (GObject *object)
{
  PnResultsView *self = PN_RESULTS_VIEW (object);

  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (pn_results_view_parent_class)->finalize (object);
}

static void
pn_results_view_class_init (PnResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnProfileViewClass *view_class = PN_PROFILE_VIEW_CLASS (klass);

  object_class->dispose = pn_results_view_dispose;
  object_class->finalize = pn_results_view_finalize;

  widget_class->map = pn_results_view_map;

  view_class->refresh = pn_results_view_refresh;
  view_class->corpus_changed = pn_results_view_corpus_changed;

  /**
   * PnResultsView::edit-answer:
   * @key: what to ask: a question or figure id, "location" or "as-of"
   *
   * The user wants to answer what a measure still needs.
   */
  signals[EDIT_ANSWER] = g_signal_new ("edit-answer", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * PnResultsView::detail-changed:
   *
   * Whether the detail fills the view (folded), or which measure it shows,
   * changed: see pn_results_view_get_detail_title().
   */
  signals[DETAIL_CHANGED] = g_signal_new ("detail-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  g_type_ensure (PN_TYPE_DATE_CHOOSER);
  g_type_ensure (PN_TYPE_MEASURE_DETAIL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/results/pn-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, counted_group);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, counted_list);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, counted_more_button);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, date_button);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, date_chooser);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, detail);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, counted_placeholder);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, list_scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, more_steps_button);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, next_steps_group);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, next_steps_list);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, not_counted_group);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, not_counted_list);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, not_counted_more_button);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, possible_group);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, possible_list);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, possible_more_button);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, total_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultsView, upside_label);
  gtk_widget_class_bind_template_callback (widget_class, pn_results_view_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_results_view_more_steps_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_results_view_more_rows_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_results_view_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_results_view_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_results_view_sort_changed_cb);

  gtk_widget_class_install_action (widget_class, "results.show-list", NULL, pn_results_view_show_list_action);
}

static void
pn_results_view_init (PnResultsView *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->step_rows = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  pn_gui_tag_chinese (GTK_WIDGET (self));

  /* Highest amount first: the first possible measure is the most
   * valuable one, not the first in the documents. */
  self->filter = gtk_custom_filter_new (pn_results_view_filter_cb, self, NULL);
  self->sorter = pn_result_item_sorter_new (TRUE);
  {
    GtkListBox *lists[3] = { self->counted_list, self->possible_list, self->not_counted_list };

    for (guint g = 0; g < G_N_ELEMENTS (self->stores); g++)
      {
        GtkFilterListModel *filtered;

        self->stores[g] = g_list_store_new (PN_TYPE_RESULT_ITEM);
        filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->stores[g])),
                                              GTK_FILTER (g_object_ref (self->filter)));
        self->models[g] = gtk_sort_list_model_new (G_LIST_MODEL (filtered), g_object_ref (self->sorter));
        self->pages[g] = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->models[g])), 0, PN_RESULTS_PAGE);
        gtk_list_box_bind_model (lists[g], G_LIST_MODEL (self->pages[g]),
                                 pn_results_view_create_row_cb, self, NULL);
      }
  }

  pn_results_view_folded_cb (self);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

GtkWidget *
pn_results_view_new (void)
{
  return g_object_new (PN_TYPE_RESULTS_VIEW, NULL);
}

PnProfile *
pn_results_view_get_profile (PnResultsView *self)
{
  g_return_val_if_fail (PN_IS_RESULTS_VIEW (self), NULL);

  return pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
}

void
pn_results_view_set_profile (PnResultsView *self,
                             PnProfile     *profile)
{
  g_return_if_fail (PN_IS_RESULTS_VIEW (self));

  pn_profile_view_set_profile (PN_PROFILE_VIEW (self), profile);
}

PnCorpus *
pn_results_view_get_corpus (PnResultsView *self)
{
  g_return_val_if_fail (PN_IS_RESULTS_VIEW (self), NULL);

  return pn_profile_view_get_corpus (PN_PROFILE_VIEW (self));
}

void
pn_results_view_set_corpus (PnResultsView *self,
                            PnCorpus      *corpus)
{
  g_return_if_fail (PN_IS_RESULTS_VIEW (self));

  pn_profile_view_set_corpus (PN_PROFILE_VIEW (self), corpus);
}

PnResults *
pn_results_view_get_results (PnResultsView *self)
{
  g_return_val_if_fail (PN_IS_RESULTS_VIEW (self), NULL);

  return self->results;
}

gboolean
pn_results_view_show_measure (PnResultsView *self,
                              const char    *benefit_id)
{
  const PnResult *result;

  g_return_val_if_fail (PN_IS_RESULTS_VIEW (self), FALSE);
  g_return_val_if_fail (benefit_id != NULL, FALSE);

  if (self->results == NULL || (result = pn_results_find (self->results, benefit_id)) == NULL)
    return FALSE;

  pn_measure_detail_set_result (self->detail, self->results, result);
  pn_measure_detail_scroll_to_top (self->detail);
  self->detail_chosen = TRUE;
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  pn_measure_detail_focus_start (self->detail);

  return TRUE;
}

void
pn_results_view_show_list (PnResultsView *self)
{
  g_return_if_fail (PN_IS_RESULTS_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

void
pn_results_view_show_summary (PnResultsView *self)
{
  g_return_if_fail (PN_IS_RESULTS_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  /* Focus at the top, which scrolls there too; a row that moved while
   * focused would otherwise pull the view down. */
  gtk_widget_grab_focus (GTK_WIDGET (self->edit_button));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->list_scrolled_window), 0);
}

void
pn_results_view_show_client (PnResultsView *self)
{
  g_return_if_fail (PN_IS_RESULTS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  pn_results_view_show_summary (self);
}

const char *
pn_results_view_get_detail_title (PnResultsView *self)
{
  const PnResult *result;

  g_return_val_if_fail (PN_IS_RESULTS_VIEW (self), NULL);

  if (self->leaflet == NULL || !adw_leaflet_get_folded (self->leaflet) ||
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") != 0 ||
      self->results == NULL)
    return NULL;

  result = pn_results_find (self->results, pn_measure_detail_get_benefit_id (self->detail) ?
                                           pn_measure_detail_get_benefit_id (self->detail) : "");

  return result != NULL ? pn_gui_text (&result->benefit->title) : NULL;
}

gint64
pn_results_view_get_last_refresh_usec (PnResultsView *self)
{
  g_return_val_if_fail (PN_IS_RESULTS_VIEW (self), 0);

  return self->last_refresh_usec;
}
