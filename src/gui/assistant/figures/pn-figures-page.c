/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-figures-page"

#include "config.h"

#include "pn-figures-page.h"

#include "pn-engine.h"
#include "pn-gui-util.h"
#include "pn-money.h"

#include <glib/gi18n.h>

/* One asked figure: a group with an entry row, an "I don't know yet" row
 * and a feedback label. */
typedef struct
{
  PnFiguresPage  *page;          /* not owned */
  PnFigure        figure;
  GtkWidget      *group;
  AdwEntryRow    *entry_row;
  GtkCheckButton *unknown_check;
  GtkLabel       *feedback_label;
  gboolean        invalid;
} FigureRow;

struct _PnFiguresPage
{
  PnPage          parent_instance;

  GPtrArray      *rows;          /* FigureRow */
  GArray         *shown_figures; /* PnFigure, in the order shown */
  gboolean        syncing;
  gboolean        stale;         /* rows not updated while unmapped */

  /* Template children */
  AdwStatusPage  *empty_page;
  GtkBox         *figures_box;
  GtkScrolledWindow *scrolled_window;
  guint           scroll_idle_id;
};

G_DEFINE_FINAL_TYPE (PnFiguresPage, pn_figures_page, PN_TYPE_PAGE)

typedef struct
{
  PnFigure        figure;
  guint           n_measures;
  const PnResult *example;
} FigureUse;

static void
figure_row_free (FigureRow *row)
{
  g_free (row);
}

static void
figure_use_add (GArray         *uses,
                PnFigure        figure,
                const PnResult *result)
{
  FigureUse *use;

  if (figure == PN_FIGURE_NONE)
    return;

  for (guint i = 0; i < uses->len; i++)
    {
      use = &g_array_index (uses, FigureUse, i);
      if (use->figure == figure)
        {
          use->n_measures++;
          /* Prefer a counted measure as the example. */
          if (result->counted && !use->example->counted)
            use->example = result;
          return;
        }
    }

  g_array_append_val (uses, ((FigureUse) { figure, 1, result }));
}

static int
figure_use_compare (gconstpointer a,
                    gconstpointer b)
{
  const FigureUse *ua = a;
  const FigureUse *ub = b;

  if (ua->n_measures != ub->n_measures)
    return ua->n_measures > ub->n_measures ? -1 : 1;

  return ua->figure - ub->figure;
}

/* The figures that the measures applying to the answers use, most used
 * first.  Expired and draft measures never count, so they ask nothing. */
static GArray *
pn_figures_page_compute_uses (PnFiguresPage *self,
                              PnResults    **out_results)
{
  PnCorpus *corpus = pn_page_get_corpus (PN_PAGE (self));
  PnProfile *profile = pn_page_get_profile (PN_PAGE (self));
  GArray *uses = g_array_new (FALSE, FALSE, sizeof (FigureUse));
  g_autoptr(PnResults) results = NULL;
  g_autoptr(GError) error = NULL;

  *out_results = NULL;
  if (corpus == NULL || profile == NULL)
    return uses;

  /* an error shows in the results; the page then asks every figure */
  results = pn_engine_evaluate (corpus, profile, &error);
  if (results == NULL)
    {
      g_debug ("figures: %s", error->message);
      return uses;
    }
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      PnBenefit *benefit = pn_results_get_benefit (results, i);
      PnResultOutline outline;
      const PnResult *result;

      /* a measure that reads no figure is not written out */
      if (benefit->base == PN_FIGURE_NONE && benefit->combined_limit == PN_FIGURE_NONE &&
          benefit->thresholds->len == 0)
        continue;
      pn_results_get_outline (results, i, &outline);
      if (outline.status == PN_STATUS_EXPIRED || outline.status == PN_STATUS_DRAFT ||
          outline.status == PN_STATUS_SUPERSEDED)
        continue;
      result = pn_results_get_result (results, i);

      figure_use_add (uses, benefit->base, result);
      figure_use_add (uses, benefit->combined_limit, result);
      for (guint t = 0; t < benefit->thresholds->len; t++)
        figure_use_add (uses, ((PnThreshold *) g_ptr_array_index (benefit->thresholds, t))->figure, result);
    }

  g_array_sort (uses, figure_use_compare);
  *out_results = g_steal_pointer (&results);

  return uses;
}

static void
figure_row_set_feedback (FigureRow  *row,
                         const char *text,
                         const char *style)
{
  gtk_label_set_text (row->feedback_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (row->feedback_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row->feedback_label), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (row->feedback_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->feedback_label), style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
figure_row_show_value (FigureRow *row,
                       gint64     yuan)
{
  if (yuan == PN_YUAN_UNSET)
    {
      figure_row_set_feedback (row, _("Not given: estimates show the most each measure can give."),
                               "dim-label");
    }
  else
    {
      g_autofree char *y = pn_money_format_yuan (yuan);
      g_autofree char *w = pn_money_format_wan (yuan);
      g_autofree char *text = g_strdup_printf ("%s · %s", y, w);

      figure_row_set_feedback (row, text, "accent");
    }
}

static void
pn_figures_page_update_complete (PnFiguresPage *self)
{
  gboolean complete = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FigureRow *row = g_ptr_array_index (self->rows, i);

      complete = complete && !row->invalid;
    }

  pn_page_set_complete (PN_PAGE (self), complete);
}

static void
figure_row_entry_changed_cb (AdwEntryRow *entry_row G_GNUC_UNUSED,
                             FigureRow   *row)
{
  PnFiguresPage *self = row->page;
  PnProfile *profile = pn_page_get_profile (PN_PAGE (self));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->entry_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gint64 yuan = PN_YUAN_UNSET;

  if (self->syncing || profile == NULL)
    return;

  /* Typing anything is knowing: the box unticks at the first key. */
  self->syncing = TRUE;
  gtk_check_button_set_active (row->unknown_check, *stripped == '\0');
  self->syncing = FALSE;

  if (*stripped != '\0' && !pn_money_parse (stripped, &yuan, &error))
    {
      g_autofree char *message = pn_gui_amount_error (stripped);

      /* Marked, never written to the profile: the profile keeps its last
       * amount, and the message says what is wrong. */
      row->invalid = TRUE;
      gtk_widget_add_css_class (GTK_WIDGET (row->entry_row), "error");
      figure_row_set_feedback (row, message, "error");
      pn_figures_page_update_complete (self);
      return;
    }

  row->invalid = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (row->entry_row), "error");

  figure_row_show_value (row, yuan);
  pn_figures_page_update_complete (self);
  pn_profile_set_figure (profile, row->figure, yuan);
}

static void
figure_row_unknown_toggled_cb (GtkCheckButton *check,
                               FigureRow      *row)
{
  if (row->page->syncing)
    return;

  if (gtk_check_button_get_active (check))
    gtk_editable_set_text (GTK_EDITABLE (row->entry_row), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (row->entry_row));
}

static void
figure_row_entry_activated_cb (AdwEntryRow *entry_row,
                               FigureRow   *row G_GNUC_UNUSED)
{
  gtk_widget_activate_action (GTK_WIDGET (entry_row), "assistant.next", NULL);
}

/* Shows the profile's value unless the entry already says it. */
static void
figure_row_sync (FigureRow *row,
                 PnProfile *profile)
{
  gint64 yuan = pn_profile_get_figure (profile, row->figure);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row->entry_row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 shown = PN_YUAN_UNSET;

  if (row->invalid)
    return;

  if (*stripped != '\0' && !pn_money_parse (stripped, &shown, NULL))
    shown = PN_YUAN_UNSET;

  if (shown != yuan)
    {
      g_autofree char *digits = yuan != PN_YUAN_UNSET ? g_strdup_printf ("%" G_GINT64_FORMAT, yuan) : g_strdup ("");

      gtk_editable_set_text (GTK_EDITABLE (row->entry_row), digits);
    }

  gtk_check_button_set_active (row->unknown_check, yuan == PN_YUAN_UNSET);
  figure_row_show_value (row, yuan);
}

static FigureRow *
pn_figures_page_add_row (PnFiguresPage   *self,
                         const FigureUse *use)
{
  PnCorpus *corpus = pn_page_get_corpus (PN_PAGE (self));
  const char *id = pn_figure_to_string (use->figure);
  const PnTerm *term = pn_taxonomy_get_term (pn_corpus_get_taxonomy (corpus), "figure", id);
  const char *label = term != NULL ? pn_gui_term_label (term) : id;
  g_autofree char *citation = pn_gui_citation (use->example->benefit->article);
  g_autofree char *description = NULL;
  g_autofree char *unknown_name = g_strconcat (id, "-unknown", NULL);
  g_autofree char *feedback_name = g_strconcat (id, "-feedback", NULL);
  g_autofree char *unknown_label = NULL;
  g_autofree char *escaped_label = NULL;
  g_autofree char *escaped_description = NULL;
  FigureRow *row = g_new0 (FigureRow, 1);
  GtkWidget *unknown_row;

  row->page = self;
  row->figure = use->figure;

  if (use->n_measures == 1)
    /* Translators: %s is a citation such as "厦府规〔2023〕17号 art. 1" */
    description = g_strdup_printf (_("Used by %s"), citation);
  else
    /* Translators: %s is a citation, %u the number of other measures */
    description = g_strdup_printf (ngettext ("Used by %s and %u other measure",
                                             "Used by %s and %u other measures",
                                             use->n_measures - 1),
                                   citation, use->n_measures - 1);

  /* Group titles and descriptions are markup. */
  escaped_label = g_markup_escape_text (label, -1);
  escaped_description = g_markup_escape_text (description, -1);
  row->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (row->group), escaped_label);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (row->group), escaped_description);

  row->entry_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (row->entry_row), id);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->entry_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->entry_row), _("Amount in yuan or 万元"));
  adw_entry_row_set_input_purpose (row->entry_row, GTK_INPUT_PURPOSE_FREE_FORM);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entry_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect (row->entry_row, "changed", G_CALLBACK (figure_row_entry_changed_cb), row);
  g_signal_connect (row->entry_row, "entry-activated", G_CALLBACK (figure_row_entry_activated_cb), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (row->group), GTK_WIDGET (row->entry_row));

  unknown_row = adw_action_row_new ();
  gtk_widget_set_name (unknown_row, unknown_name);
  /* No mnemonic: one such row per figure, so it could not be unique. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (unknown_row), _("I don’t know yet"));
  row->unknown_check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->unknown_check), GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a check button; %s is an amount's name */
  unknown_label = g_strdup_printf (_("I don’t know the %s yet"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->unknown_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, unknown_label,
                                  -1);
  g_signal_connect (row->unknown_check, "toggled", G_CALLBACK (figure_row_unknown_toggled_cb), row);
  adw_action_row_add_prefix (ADW_ACTION_ROW (unknown_row), GTK_WIDGET (row->unknown_check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (unknown_row), GTK_WIDGET (row->unknown_check));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (row->group), unknown_row);

  row->feedback_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (row->feedback_label), feedback_name);
  gtk_label_set_xalign (row->feedback_label, 0);
  gtk_label_set_wrap (row->feedback_label, TRUE);
  gtk_label_set_wrap_mode (row->feedback_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (GTK_WIDGET (row->feedback_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (row->feedback_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->feedback_label), "numeric");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (row->group), GTK_WIDGET (row->feedback_label));

  pn_gui_tag_chinese (row->group);
  gtk_box_append (self->figures_box, row->group);
  g_ptr_array_add (self->rows, row);

  return row;
}

static void
pn_figures_page_update (PnPage *page)
{
  PnFiguresPage *self = PN_FIGURES_PAGE (page);
  PnProfile *profile = pn_page_get_profile (page);
  g_autoptr(GArray) uses = NULL;
  g_autoptr(PnResults) results = NULL;
  gboolean same;

  uses = pn_figures_page_compute_uses (self, &results);
  pn_page_set_applies (page, uses->len > 0);

  /* Off screen, only whether the page applies matters now: the rows
   * follow when it is mapped, and answers elsewhere stay fast. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  same = uses->len == self->shown_figures->len;
  for (guint i = 0; same && i < uses->len; i++)
    same = g_array_index (uses, FigureUse, i).figure == g_array_index (self->shown_figures, PnFigure, i);

  /* Rebuilt only when the set changes: never under the user's typing. */
  if (!same)
    {
      pn_gui_box_remove_all (self->figures_box);
      g_ptr_array_set_size (self->rows, 0);
      g_array_set_size (self->shown_figures, 0);

      for (guint i = 0; i < uses->len; i++)
        {
          const FigureUse *use = &g_array_index (uses, FigureUse, i);

          pn_figures_page_add_row (self, use);
          g_array_append_val (self->shown_figures, use->figure);
        }
    }

  self->syncing = TRUE;
  for (guint i = 0; profile != NULL && i < self->rows->len; i++)
    figure_row_sync (g_ptr_array_index (self->rows, i), profile);
  self->syncing = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), uses->len == 0);
  pn_figures_page_update_complete (self);
}

static void
pn_figures_page_map (GtkWidget *widget)
{
  PnFiguresPage *self = PN_FIGURES_PAGE (widget);

  GTK_WIDGET_CLASS (pn_figures_page_parent_class)->map (widget);

  if (self->stale)
    pn_figures_page_update (PN_PAGE (self));
}

/* The heading first: focusing the first field scrolls it into view during
 * the next allocation, which may hide the question above it. */
static gboolean
pn_figures_page_scroll_top_cb (gpointer user_data)
{
  PnFiguresPage *self = user_data;

  self->scroll_idle_id = 0;
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  return G_SOURCE_REMOVE;
}

static void
pn_figures_page_shown (PnPage *page)
{
  PnFiguresPage *self = PN_FIGURES_PAGE (page);

  if (self->stale)
    pn_figures_page_update (page);

  if (self->rows->len > 0)
    {
      FigureRow *row = g_ptr_array_index (self->rows, 0);

      gtk_widget_grab_focus (GTK_WIDGET (row->entry_row));
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, pn_figures_page_scroll_top_cb, self, NULL);
}

/* The figure's group at the top, as far as the page scrolls: its title
 * says what is asked, the entry under it has the keyboard. */
static gboolean
pn_figures_page_scroll_to_focus_cb (gpointer user_data)
{
  PnFiguresPage *self = user_data;
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);
  /* in the viewport's child's coordinates, which do not scroll */
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : viewport;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *group = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_GROUP) : NULL;
  graphene_point_t point;

  self->scroll_idle_id = 0;
  if (group != NULL && gtk_widget_is_ancestor (group, content) &&
      gtk_widget_compute_point (group, content, &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), point.y);

  return G_SOURCE_REMOVE;
}

static void
pn_figures_page_focus_key (PnPage     *page,
                           const char *key)
{
  PnFiguresPage *self = PN_FIGURES_PAGE (page);
  PnFigure figure;

  if (!pn_figure_from_string (key, &figure))
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      FigureRow *row = g_ptr_array_index (self->rows, i);

      if (row->figure != figure)
        continue;

      /* The first field: as shown() left it, focused under the page's
       * heading, which stays in view. */
      if (i == 0)
        return;

      gtk_widget_grab_focus (GTK_WIDGET (row->entry_row));
      /* instead of the scroll to the top that shown() asked for */
      g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
      self->scroll_idle_id = g_idle_add_full (G_PRIORITY_LOW, pn_figures_page_scroll_to_focus_cb, self, NULL);
      return;
    }
}

static void
pn_figures_page_dispose (GObject *object)
{
  PnFiguresPage *self = PN_FIGURES_PAGE (object);

  g_clear_handle_id (&self->scroll_idle_id, g_source_remove);
  /* The rows' widgets go first: their handlers point at the rows. */
  if (self->figures_box != NULL)
    pn_gui_box_remove_all (self->figures_box);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_figures_page_parent_class)->dispose (object);
}

static void
pn_figures_page_finalize (GObject *object)
{
  PnFiguresPage *self = PN_FIGURES_PAGE (object);

  g_clear_pointer (&self->shown_figures, g_array_unref);

  G_OBJECT_CLASS (pn_figures_page_parent_class)->finalize (object);
}

static void
pn_figures_page_class_init (PnFiguresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnPageClass *page_class = PN_PAGE_CLASS (klass);

  object_class->dispose = pn_figures_page_dispose;
  object_class->finalize = pn_figures_page_finalize;

  widget_class->map = pn_figures_page_map;

  page_class->update = pn_figures_page_update;
  page_class->shown = pn_figures_page_shown;
  page_class->focus_key = pn_figures_page_focus_key;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-figures-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnFiguresPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PnFiguresPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, PnFiguresPage, scrolled_window);
}

static void
pn_figures_page_init (PnFiguresPage *self)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_row_free);
  self->shown_figures = g_array_new (FALSE, FALSE, sizeof (PnFigure));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (PnFigure figure = 0; figure < PN_N_FIGURES; figure++)
    g_strv_builder_add (keys, pn_figure_to_string (figure));
  strv = g_strv_builder_end (keys);
  pn_page_set_keys (PN_PAGE (self), (const char * const *) strv);
}
