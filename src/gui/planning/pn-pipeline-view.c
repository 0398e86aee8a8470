/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-pipeline-view"

#include "config.h"

#include "pn-pipeline-view.h"

#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-pipeline.h"
#include "planning/pn-pipeline-chart.h"

#include <glib/gi18n.h>
#include <string.h>

/* What each milestone of a drug or device is worth at the profile's
 * location (issue 7): pn_pipeline_new() for the profile, drawn as a bar
 * chart and listed in full below it.  A milestone may be given figures of
 * its own (PnPipelineFigure); the rest use the profile's. */

struct _PnPipelineView
{
  PnProfileView        parent_instance;

  PnPipeline          *pipeline;
  GArray              *overrides;      /* PnPipelineFigure; phase interned */
  char                *overrides_key;  /* the entries shown: "phase:figure;…" */
  GHashTable          *override_rows;  /* phase → AdwExpanderRow */
  GHashTable          *override_entries; /* "phase:figure" → AdwEntryRow */
  gboolean             stale;          /* the profile changed while unmapped */
  gboolean             syncing;        /* entries set by the view, not typed */

  /* Template children */
  PnPipelineChart     *chart;
  GtkStack            *content_stack;
  GtkButton           *edit_button;
  GtkButton           *empty_button;
  AdwStatusPage       *empty_page;
  GtkLabel            *figures_label;
  GtkButton           *no_stages_button;
  AdwStatusPage       *no_stages_page;
  AdwPreferencesGroup *overrides_group;
  GtkListBox          *overrides_list;
  GtkScrolledWindow   *scrolled_window;
  GtkListBox          *stage_list;
  GtkLabel            *summary_label;
  GtkLabel            *total_label;
  GtkLabel            *total_note_label;
  GtkButton           *unsupported_button;
  AdwStatusPage       *unsupported_page;
};

G_DEFINE_FINAL_TYPE (PnPipelineView, pn_pipeline_view, PN_TYPE_PROFILE_VIEW)

static void pn_pipeline_view_refresh (PnProfileView *view);

/* ---- labels ---- */

static PnTaxonomy *
pn_pipeline_view_get_taxonomy (PnPipelineView *self)
{
  return pn_corpus_get_taxonomy (pn_profile_view_get_corpus (PN_PROFILE_VIEW (self)));
}

static const char *
phase_label (PnTaxonomy *taxonomy,
             const char *phase)
{
  const PnTerm *term = pn_taxonomy_get_term (taxonomy, "phase", phase);

  return term != NULL ? pn_gui_term_label (term) : phase;
}

static const char *
figure_label (PnTaxonomy *taxonomy,
              PnFigure    figure)
{
  const char *id = pn_figure_to_string (figure);
  const PnTerm *term = pn_taxonomy_get_term (taxonomy, "figure", id);

  return term != NULL ? pn_gui_term_label (term) : id;
}

static char *
format_yuan_or (gint64      yuan,
                const char *unset)
{
  return yuan != PN_YUAN_UNSET ? pn_money_format_yuan (yuan) : g_strdup (unset);
}

/* ---- the figures given to one milestone ---- */

static PnPipelineFigure *
pn_pipeline_view_find_override (PnPipelineView *self,
                                const char     *phase,
                                PnFigure        figure)
{
  const char *interned = g_intern_string (phase);

  for (guint i = 0; i < self->overrides->len; i++)
    {
      PnPipelineFigure *override = &g_array_index (self->overrides, PnPipelineFigure, i);

      if (override->phase == interned && override->figure == figure)
        return override;
    }

  return NULL;
}

static void
pn_pipeline_view_set_override (PnPipelineView *self,
                               const char     *phase,
                               PnFigure        figure,
                               gint64          yuan)
{
  PnPipelineFigure *override = pn_pipeline_view_find_override (self, phase, figure);

  if (yuan == PN_YUAN_UNSET)
    {
      if (override != NULL)
        g_array_remove_index (self->overrides, override - (PnPipelineFigure *) (gpointer) self->overrides->data);
      return;
    }

  if (override != NULL)
    {
      override->yuan = yuan;
      return;
    }

  g_array_append_val (self->overrides, ((PnPipelineFigure) { g_intern_string (phase), figure, yuan }));
}

/* ---- the table: one row per milestone ---- */

typedef struct
{
  GtkGrid *grid;
  int      n_lines;
  GString *accessible;
} TableRow;

static GtkWidget *
table_row_add_line (TableRow   *row,
                    const char *key,
                    const char *name,
                    const char *value)
{
  GtkWidget *key_label = gtk_label_new (key);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (key_label), 0);
  gtk_label_set_yalign (GTK_LABEL (key_label), 0);
  gtk_label_set_wrap (GTK_LABEL (key_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (key_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (key_label, "dim-label");
  /* A figure's name comes from the taxonomy; amounts stay Latin, or a
   * lone "¥4,000,000" would take a CJK font's digits. */
  pn_gui_label_set_chinese (GTK_LABEL (key_label));

  gtk_widget_set_name (value_label, name);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (value_label, TRUE);
  gtk_widget_add_css_class (value_label, "numeric");

  gtk_grid_attach (row->grid, key_label, 0, row->n_lines, 1, 1);
  gtk_grid_attach (row->grid, value_label, 1, row->n_lines, 1, 1);
  row->n_lines++;

  /* Translators: one line of a milestone as a screen reader says it: a
   * heading such as "Cap", then its value */
  g_string_append_printf (row->accessible, _("%s: %s. "), key, value);

  return value_label;
}

/* How many of a milestone's measures count once open questions are
 * answered (possible matches), and the largest "up to" among them */
static guint
stage_count_open (const PnPipelineStage *stage,
                  gint64                *out_most,
                  gboolean              *out_unbounded)
{
  guint open = 0;

  *out_most = 0;
  *out_unbounded = FALSE;
  for (guint i = 0; i < stage->milestones->len; i++)
    {
      const PnResult *result = g_ptr_array_index (stage->milestones, i);

      if (result->counted || result->not_counted != PN_NOT_COUNTED_POSSIBLE)
        continue;
      open++;
      if (result->high_cny == PN_YUAN_UNSET)
        *out_unbounded = *out_unbounded || result->unbounded;
      else
        *out_most = MAX (*out_most, result->high_cny);
    }
  return open;
}

static char *
need_ceiling_text (const PnPipelineNeed  *need,
                   const PnPipelineStage *stage)
{
  g_autofree char *amount = NULL;

  if (need->for_ceiling_cny == PN_YUAN_UNSET)
    return g_strdup (_("No cap: a higher figure gives more"));
  /* "any amount reaches the cap" beside a cap of ¥0 said the figure
   * mattered to nothing, when the measures it matters to are not counted */
  if (need->for_ceiling_cny == 0 && stage->milestone_count == 0)
    return g_strdup (_("No counted measure reads it yet"));
  if (need->for_ceiling_cny == 0)
    return g_strdup (_("Any amount reaches the cap"));

  amount = pn_money_format_yuan (need->for_ceiling_cny);
  if (need->falls)
    /* Translators: %s is an amount such as "¥30,000,000"; a top-up pays
     * the difference over the award it tops up, which grows faster */
    return g_strdup_printf (_("%s gives the most: more gives less here (a top-up pays only the difference)"),
                            amount);
  /* Translators: %s is an amount such as "¥50,000,000" */
  return g_strdup_printf (_("%s reaches the cap"), amount);
}

static char *
need_given_text (const PnPipelineNeed *need,
                 gboolean              own)
{
  g_autofree char *amount = NULL;

  if (need->given_cny == PN_YUAN_UNSET)
    return g_strdup (_("Not given"));

  amount = pn_money_format_yuan (need->given_cny);
  if (own)
    /* Translators: %s is an amount given to one milestone only */
    return g_strdup_printf (_("%s given for this milestone"), amount);

  /* Translators: %s is an amount from the profile's answers */
  return g_strdup_printf (_("%s from the client’s answers"), amount);
}

static GtkWidget *
pn_pipeline_view_create_stage_row (PnPipelineView        *self,
                                   const PnPipelineStage *stage)
{
  PnTaxonomy *taxonomy = pn_pipeline_view_get_taxonomy (self);
  const char *label = phase_label (taxonomy, stage->phase);
  g_autofree char *estimate = pn_money_format_yuan (stage->milestone_total_cny);
  g_autofree char *ceiling = format_yuan_or (stage->ceiling_cny, _("No cap"));
  g_autofree char *measures = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *title = gtk_label_new (label);
  TableRow table = { GTK_GRID (gtk_grid_new ()), 0, g_string_new (NULL) };
  guint n_listed = stage->milestones->len;

  gtk_widget_set_name (row, stage->phase);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_name (title, "stage");
  gtk_widget_add_css_class (title, "heading");
  pn_gui_label_set_chinese (GTK_LABEL (title));
  gtk_box_append (GTK_BOX (box), title);
  /* Translators: a milestone's name as a screen reader says it before
   * its amounts */
  g_string_append_printf (table.accessible, _("%s. "), label);

  gtk_grid_set_column_spacing (table.grid, 12);
  gtk_grid_set_row_spacing (table.grid, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (table.grid));

  table_row_add_line (&table, _("Counted estimate"), "estimate", estimate);
  table_row_add_line (&table, _("Cap"), "ceiling", ceiling);

  /* Translators: the measures tied to a milestone: how many count towards
   * its estimate, of how many listed */
  measures = g_strdup_printf (ngettext ("%u of %u measure counted", "%u of %u measures counted", n_listed),
                              stage->milestone_count, n_listed);
  table_row_add_line (&table, _("Measures"), "measures", measures);

  /* What the milestone's measures not counted yet may give once the open
   * questions are answered: the Results list them "up to" that, and this
   * page said a cap of ¥0 */
  {
    gint64 most;
    gboolean unbounded;
    guint open = stage_count_open (stage, &most, &unbounded);

    if (open > 0)
      {
        g_autofree char *amount = pn_money_format_yuan (most);
        g_autofree char *text = NULL;

        if (unbounded)
          text = g_strdup_printf (ngettext ("%u measure, counted once open questions are answered; no upper bound",
                                            "%u measures, counted once open questions are answered; no upper bound",
                                            open), open);
        else if (open == 1)
          /* Translators: %s is an amount such as "¥4,000,000" */
          text = g_strdup_printf (_("1 measure, counted once open questions are answered: up to %s"), amount);
        else
          /* Translators: %u is a number of measures (more than one), %s an
           * amount such as "¥4,000,000" */
          text = g_strdup_printf (ngettext ("%u measure, counted once open questions are answered: the largest up to %s",
                                            "%u measures, counted once open questions are answered: the largest up to %s",
                                            open), open, amount);
        table_row_add_line (&table, _("Still open"), "open", text);
      }
  }

  for (guint i = 0; i < stage->needs->len; i++)
    {
      const PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);
      const char *id = pn_figure_to_string (need->figure);
      gboolean own = pn_pipeline_view_find_override (self, stage->phase, need->figure) != NULL;
      g_autofree char *ceiling_text = need_ceiling_text (need, stage);
      g_autofree char *given_text = need_given_text (need, own);
      g_autofree char *value = g_strdup_printf ("%s\n%s", ceiling_text, given_text);
      g_autofree char *need_name = g_strconcat ("need-", id, NULL);
      GtkWidget *value_label;

      value_label = table_row_add_line (&table, figure_label (taxonomy, need->figure), need_name, value);
      /* The second line, the figure used, in a smaller type. */
      {
        PangoAttrList *attrs = pango_attr_list_new ();
        PangoAttribute *scale = pango_attr_scale_new (0.9);
        /* dimmed unless the milestone has it of its own */
        PangoAttribute *alpha = pango_attr_foreground_alpha_new (own ? 65535 : 45000);
        guint start = strlen (ceiling_text) + 1;

        scale->start_index = alpha->start_index = start;
        pango_attr_list_insert (attrs, scale);
        pango_attr_list_insert (attrs, alpha);
        gtk_label_set_attributes (GTK_LABEL (value_label), attrs);
        pango_attr_list_unref (attrs);
      }
      if (own)
        g_object_set_data (G_OBJECT (value_label), "pn-own-figure", GINT_TO_POINTER (TRUE));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, g_strchomp (table.accessible->str),
                                  -1);
  g_string_free (table.accessible, TRUE);

  return row;
}

static void
pn_pipeline_view_fill_table (PnPipelineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focused_phase = NULL;

  /* The keyboard stays on the same milestone across a rebuild. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stage_list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      if (row != NULL)
        focused_phase = g_strdup (gtk_widget_get_name (row));
    }

  pn_gui_list_box_remove_all (self->stage_list);

  for (guint i = 0; i < pn_pipeline_get_n_stages (self->pipeline); i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);
      GtkWidget *row = pn_pipeline_view_create_stage_row (self, stage);

      gtk_list_box_append (self->stage_list, row);
      if (g_strcmp0 (focused_phase, stage->phase) == 0)
        gtk_widget_grab_focus (row);
    }
}

/* ---- the figures per milestone ---- */

typedef struct
{
  PnPipelineView *view;     /* not owned */
  const char     *phase;    /* interned */
  PnFigure        figure;
} OverrideEntry;

static void
override_entry_set_invalid (AdwEntryRow *entry_row,
                            gboolean     invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      g_autofree char *message = pn_gui_amount_error (gtk_editable_get_text (GTK_EDITABLE (entry_row)));

      gtk_widget_set_tooltip_text (GTK_WIDGET (entry_row), message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry_row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry_row), NULL);
    }
}

static void
override_entry_changed_cb (AdwEntryRow   *entry_row,
                           OverrideEntry *entry)
{
  PnPipelineView *self = entry->view;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row))));
  gint64 yuan = PN_YUAN_UNSET;

  if (self->syncing)
    return;

  /* Marked while it is not an amount; the last good one stays in use. */
  if (*text != '\0' && !pn_money_parse (text, &yuan, NULL))
    {
      override_entry_set_invalid (entry_row, TRUE);
      return;
    }

  override_entry_set_invalid (entry_row, FALSE);
  pn_pipeline_view_set_override (self, entry->phase, entry->figure, yuan);
  pn_pipeline_view_refresh (PN_PROFILE_VIEW (self));
}

/* "R&D investment · profile: ¥30,000,000" */
static char *
override_entry_title (PnPipelineView *self,
                      PnFigure        figure)
{
  const char *label = figure_label (pn_pipeline_view_get_taxonomy (self), figure);
  gint64 yuan = pn_profile_get_figure (pn_profile_view_get_profile (PN_PROFILE_VIEW (self)), figure);
  g_autofree char *amount = NULL;

  if (yuan == PN_YUAN_UNSET)
    /* Translators: the title of a milestone's own figure; %s is the
     * figure's name, which the profile does not give */
    return g_strdup_printf (_("%s · not in the client’s answers"), label);

  amount = pn_money_format_yuan (yuan);
  /* Translators: the title of a milestone's own figure: the figure's
   * name, then the profile's value that applies while it is empty */
  return g_strdup_printf (_("%s · client: %s"), label, amount);
}

static char *
override_row_subtitle (PnPipelineView        *self,
                       const PnPipelineStage *stage)
{
  PnTaxonomy *taxonomy = pn_pipeline_view_get_taxonomy (self);
  GString *own = g_string_new (NULL);

  for (guint i = 0; i < stage->needs->len; i++)
    {
      const PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, i);
      const PnPipelineFigure *override = pn_pipeline_view_find_override (self, stage->phase, need->figure);
      g_autofree char *amount = NULL;

      if (override == NULL)
        continue;

      amount = pn_money_format_yuan (override->yuan);
      if (own->len > 0)
        /* Translators: between the figures of a list */
        g_string_append (own, _(" · "));
      /* Translators: a figure and its amount, such as "R&D investment: ¥30,000,000" */
      g_string_append_printf (own, _("%s: %s"), figure_label (taxonomy, need->figure), amount);
    }

  if (own->len == 0)
    {
      g_string_free (own, TRUE);
      return g_strdup (_("The client’s figures"));
    }

  {
    /* Translators: %s lists a milestone's own figures, such as
     * "R&D investment: ¥50,000,000" */
    char *subtitle = g_strdup_printf (_("%s, for this milestone only"), own->str);

    g_string_free (own, TRUE);
    return subtitle;
  }
}

static char *
pair_name (const char *phase,
           PnFigure    figure)
{
  return g_strdup_printf ("%s:%s", phase, pn_figure_to_string (figure));
}

/* The (milestone, figure) pairs of the pipeline, joined: whether the
 * entries must be built again. */
static char *
pn_pipeline_view_overrides_key (PnPipelineView *self,
                                GHashTable     *pairs)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < pn_pipeline_get_n_stages (self->pipeline); i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);

      for (guint n = 0; n < stage->needs->len; n++)
        {
          char *pair = pair_name (stage->phase, g_array_index (stage->needs, PnPipelineNeed, n).figure);

          g_string_append_printf (key, "%s;", pair);
          g_hash_table_add (pairs, pair);
        }
    }

  return g_string_free (key, FALSE);
}

static GtkWidget *
pn_pipeline_view_create_override_row (PnPipelineView        *self,
                                      const PnPipelineStage *stage)
{
  PnTaxonomy *taxonomy = pn_pipeline_view_get_taxonomy (self);
  const char *label = phase_label (taxonomy, stage->phase);
  g_autofree char *row_name = g_strconcat ("override-", stage->phase, NULL);
  GtkWidget *row = adw_expander_row_new ();

  gtk_widget_set_name (row, row_name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  g_hash_table_insert (self->override_rows, g_strdup (stage->phase), row);

  for (guint n = 0; n < stage->needs->len; n++)
    {
      const PnPipelineNeed *need = &g_array_index (stage->needs, PnPipelineNeed, n);
      const PnPipelineFigure *override = pn_pipeline_view_find_override (self, stage->phase, need->figure);
      OverrideEntry *entry = g_new0 (OverrideEntry, 1);
      char *entry_name = pair_name (stage->phase, need->figure);
      g_autofree char *accessible = NULL;
      GtkWidget *entry_row = adw_entry_row_new ();

      entry->view = self;
      entry->phase = g_intern_string (stage->phase);
      entry->figure = need->figure;

      gtk_widget_set_name (entry_row, entry_name);
      g_hash_table_insert (self->override_entries, entry_name, entry_row);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry_row), FALSE);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry_row), GTK_INPUT_PURPOSE_FREE_FORM);
      /* Translators: the accessible name of an entry: a figure's name,
       * then the milestone it is given for */
      accessible = g_strdup_printf (_("%s for “%s”"), figure_label (taxonomy, need->figure), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry_row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      if (override != NULL)
        {
          g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, override->yuan);

          gtk_editable_set_text (GTK_EDITABLE (entry_row), digits);
        }
      g_object_set_data_full (G_OBJECT (entry_row), "pn-override", entry, g_free);
      g_signal_connect (entry_row, "changed", G_CALLBACK (override_entry_changed_cb), entry);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry_row);
    }

  pn_gui_tag_chinese (row);

  return row;
}

/* Rebuilds the entries when the pairs changed, never under the user's
 * typing otherwise, and drops the figures of pairs no longer shown.
 * Returns whether any was dropped: the pipeline then needs working out
 * again. */
static gboolean
pn_pipeline_view_fill_overrides (PnPipelineView *self)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *key = pn_pipeline_view_overrides_key (self, pairs);
  gboolean dropped = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->overrides_group), *key != '\0');

  for (guint i = self->overrides->len; i > 0; i--)
    {
      const PnPipelineFigure *override = &g_array_index (self->overrides, PnPipelineFigure, i - 1);
      g_autofree char *pair = pair_name (override->phase, override->figure);

      if (!g_hash_table_contains (pairs, pair))
        {
          g_array_remove_index (self->overrides, i - 1);
          dropped = TRUE;
        }
    }

  if (g_strcmp0 (key, self->overrides_key) != 0)
    {
      g_hash_table_remove_all (self->override_entries);
      g_hash_table_remove_all (self->override_rows);
      pn_gui_list_box_remove_all (self->overrides_list);
      g_free (self->overrides_key);
      self->overrides_key = g_steal_pointer (&key);

      for (guint i = 0; i < pn_pipeline_get_n_stages (self->pipeline); i++)
        {
          const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);

          if (stage->needs->len > 0)
            gtk_list_box_append (self->overrides_list, pn_pipeline_view_create_override_row (self, stage));
        }
    }

  /* Titles and subtitles follow the profile's figures at every run. */
  for (guint i = 0; i < pn_pipeline_get_n_stages (self->pipeline); i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);
      GtkWidget *row = g_hash_table_lookup (self->override_rows, stage->phase);
      g_autofree char *subtitle = NULL;

      if (row == NULL)
        continue;

      subtitle = override_row_subtitle (self, stage);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      for (guint n = 0; n < stage->needs->len; n++)
        {
          PnFigure figure = g_array_index (stage->needs, PnPipelineNeed, n).figure;
          g_autofree char *entry_name = pair_name (stage->phase, figure);
          g_autofree char *title = override_entry_title (self, figure);
          GtkWidget *entry_row = g_hash_table_lookup (self->override_entries, entry_name);

          if (entry_row != NULL)
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry_row), title);
        }
    }

  return dropped;
}

/* ---- the header ---- */

static void
pn_pipeline_view_update_header (PnPipelineView *self)
{
  PnProfile *profile = pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
  PnTaxonomy *taxonomy = pn_pipeline_view_get_taxonomy (self);
  g_autofree char *place_label = pn_gui_location_label (pn_profile_view_get_corpus (PN_PROFILE_VIEW (self)),
                                                        pn_pipeline_get_location (self->pipeline));
  g_autofree char *as_of = pn_gui_format_date (pn_pipeline_get_as_of (self->pipeline));
  g_autofree char *summary = NULL;
  g_autofree char *figures_text = NULL;
  g_autoptr(GArray) figures = g_array_new (FALSE, FALSE, sizeof (PnFigure));
  GString *list = g_string_new (NULL);

  if (g_strcmp0 (pn_pipeline_get_product (self->pipeline), "device") == 0)
    /* Translators: %s are a location such as "Xiamen" and a date */
    summary = g_strdup_printf (_("A medical device in %s, as of %s"), place_label, as_of);
  else
    /* Translators: %s are a location such as "Xiamen" and a date */
    summary = g_strdup_printf (_("A drug in %s, as of %s"), place_label, as_of);
  pn_gui_label_set_text (self->summary_label, summary);

  /* The whole pipeline: every milestone's counted estimate added up, and
   * what the caps allow once every figure reaches them. */
  {
    gint64 total = 0;
    gint64 ceiling = 0;
    const char *first_end = NULL;
    g_autofree char *total_text = NULL;
    g_autofree char *amount = NULL;
    g_autofree char *note = NULL;

    pn_pipeline_get_whole (self->pipeline, &total, &ceiling, &first_end);
    amount = pn_money_format_yuan (total);
    /* Translators: the sum of every milestone's estimate, "¥27,000,000" */
    total_text = g_strdup_printf (_("Whole pipeline: %s"), amount);
    gtk_label_set_text (self->total_label, total_text);
    if (ceiling == PN_YUAN_UNSET)
      note = g_strdup (_("The sum of the milestones’ counted estimates below; some rates have no cap, so higher figures give more."));
    else
      {
        g_autofree char *most = pn_money_format_yuan (ceiling);

        /* Translators: %s is the most the milestones' caps allow together */
        note = g_strdup_printf (_("The sum of the milestones’ counted estimates below; at most %s once every figure reaches the caps."),
                                most);
      }
    /* Each milestone is worked out on the as-of date: a measure counted
     * there that ends before the project reaches a later milestone gives
     * that milestone nothing (Xiamen 2023 and Jinjiang 2025 end on
     * 2026-12-31) */
    if (first_end != NULL)
      {
        g_autofree char *date = pn_gui_format_date (first_end);
        g_autofree char *more = NULL;
        /* Translators: %s is a date; the milestones are worked out as if reached on the as-of date */
        g_autofree char *ends = g_strdup_printf (_("The first counted measure ends on %s: a milestone reached after that gets nothing from it."),
                                                 date);

        more = g_strconcat (note, "\n", ends, NULL);
        g_free (note);
        note = g_steal_pointer (&more);
      }
    /* "at most ¥0" above milestones whose measures may give ¥5,500,000 once
     * their open questions are answered */
    {
      guint open = 0;

      for (guint i = 0; i < pn_pipeline_get_n_stages (self->pipeline); i++)
        {
          gint64 most;
          gboolean unbounded;

          open += stage_count_open (pn_pipeline_get_stage (self->pipeline, i), &most, &unbounded);
        }
      if (open > 0)
        {
          char *more = g_strconcat (note, "\n",
                                    _("Measures still open may add more once their questions are answered (“Still open” below)."),
                                    NULL);

          g_free (note);
          note = more;
        }
    }
    gtk_label_set_text (self->total_note_label, note);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->total_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, note,
                                    -1);
  }

  /* The figures any milestone is worked out from, once each. */
  for (guint i = 0; i < pn_pipeline_get_n_stages (self->pipeline); i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);

      for (guint n = 0; n < stage->needs->len; n++)
        {
          PnFigure figure = g_array_index (stage->needs, PnPipelineNeed, n).figure;
          gboolean seen = FALSE;

          for (guint f = 0; f < figures->len; f++)
            seen |= g_array_index (figures, PnFigure, f) == figure;
          if (!seen)
            g_array_append_val (figures, figure);
        }
    }

  for (guint f = 0; f < figures->len; f++)
    {
      PnFigure figure = g_array_index (figures, PnFigure, f);
      g_autofree char *amount = format_yuan_or (pn_profile_get_figure (profile, figure),
                                                _("not given"));

      if (list->len > 0)
        /* Translators: between the figures of a list */
        g_string_append (list, _(" · "));
      /* Translators: a figure and its amount, such as "R&D investment: ¥30,000,000" */
      g_string_append_printf (list, _("%s: %s"), figure_label (taxonomy, figure), amount);
    }

  if (figures->len == 0)
    figures_text = g_strdup (_("These milestones give fixed sums: no figure changes them."));
  else if (self->overrides->len == 0)
    /* Translators: %s lists figures and their amounts, on a line of its own */
    figures_text = g_strdup_printf (_("Every milestone is worked out with the client’s figures:\n%s"), list->str);
  else
    /* Translators: %s lists figures and their amounts, on a line of its own */
    figures_text = g_strdup_printf (_("Milestones are worked out with the client’s figures, except those given their own below:\n%s"),
                                    list->str);
  g_string_free (list, TRUE);
  pn_gui_label_set_text (self->figures_label, figures_text);
}

/* ---- running the pipeline ---- */

static void
pn_pipeline_view_show_unsupported (PnPipelineView *self)
{
  const char *product = pn_profile_get_effective_answer (pn_profile_view_get_profile (PN_PROFILE_VIEW (self)),
                                                         PN_QUESTION_PRODUCT);
  const PnTerm *term = product != NULL
                       ? pn_taxonomy_get_term (pn_pipeline_view_get_taxonomy (self), "product", product)
                       : NULL;
  g_autofree char *description = NULL;

  if (term == NULL)
    description = g_strdup (_("Say whether the project is a drug or a medical device: the worth of each milestone is worked out for those."));
  else
    /* Translators: %s is what the answers fund, such as "An organisation or platform" */
    description = g_strdup_printf (_("The worth of each milestone is worked out for a drug or a medical device, not for “%s”."),
                                   pn_gui_term_label (term));

  adw_status_page_set_description (self->unsupported_page, description);
  pn_gui_tag_chinese (GTK_WIDGET (self->unsupported_page));
  gtk_stack_set_visible_child_name (self->content_stack, "unsupported");
}

static void
pn_pipeline_view_show_no_stages (PnPipelineView *self)
{
  g_autofree char *place = pn_gui_location_label (pn_profile_view_get_corpus (PN_PROFILE_VIEW (self)),
                                                  pn_pipeline_get_location (self->pipeline));
  g_autofree char *description = NULL;

  /* Translators: %s is a location such as "Xiamen" */
  description = g_strdup_printf (_("No measure of %s is tied to a milestone of this project."), place);
  adw_status_page_set_description (self->no_stages_page, description);
  pn_gui_tag_chinese (GTK_WIDGET (self->no_stages_page));
  gtk_stack_set_visible_child_name (self->content_stack, "no-stages");
}

static void
pn_pipeline_view_refresh (PnProfileView *view)
{
  PnPipelineView *self = PN_PIPELINE_VIEW (view);
  PnProfile *profile = pn_profile_view_get_profile (view);
  PnCorpus *corpus = pn_profile_view_get_corpus (view);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* The pipeline runs the engine many times: only for what is seen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  g_clear_pointer (&self->pipeline, pn_pipeline_unref);

  if (profile == NULL || corpus == NULL || pn_profile_get_location (profile) == NULL)
    {
      pn_pipeline_chart_set_pipeline (self->chart, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  self->pipeline = pn_pipeline_new (corpus, profile,
                                    (const PnPipelineFigure *) (gpointer) self->overrides->data,
                                    self->overrides->len, &error);

  /* A milestone the corpus no longer knows: its figures go. */
  if (self->pipeline == NULL && g_error_matches (error, PN_PIPELINE_ERROR, PN_PIPELINE_ERROR_PHASE))
    {
      g_clear_error (&error);
      g_array_set_size (self->overrides, 0);
      self->pipeline = pn_pipeline_new (corpus, profile, NULL, 0, &error);
    }

  pn_pipeline_chart_set_pipeline (self->chart, self->pipeline);

  if (self->pipeline == NULL)
    {
      if (g_error_matches (error, PN_PIPELINE_ERROR, PN_PIPELINE_ERROR_PRODUCT))
        pn_pipeline_view_show_unsupported (self);
      else
        {
          if (!g_error_matches (error, PN_PIPELINE_ERROR, PN_PIPELINE_ERROR_LOCATION))
            g_warning ("No pipeline: %s", error->message);
          gtk_stack_set_visible_child_name (self->content_stack, "empty");
        }
      return;
    }

  if (pn_pipeline_get_n_stages (self->pipeline) == 0)
    {
      pn_pipeline_view_show_no_stages (self);
      return;
    }

  if (pn_pipeline_view_fill_overrides (self))
    {
      /* Figures of milestones gone: worked out again without them. */
      pn_pipeline_view_refresh (view);
      return;
    }

  pn_pipeline_view_update_header (self);
  pn_pipeline_view_fill_table (self);
  gtk_stack_set_visible_child_name (self->content_stack, "pipeline");

  g_debug ("pipeline and view: %" G_GINT64_FORMAT " µs for %u milestones",
           g_get_monotonic_time () - start, pn_pipeline_get_n_stages (self->pipeline));
}

static void
pn_pipeline_view_map (GtkWidget *widget)
{
  PnPipelineView *self = PN_PIPELINE_VIEW (widget);

  GTK_WIDGET_CLASS (pn_pipeline_view_parent_class)->map (widget);

  if (self->stale)
    pn_pipeline_view_refresh (PN_PROFILE_VIEW (self));
}

/* ---- GObject ---- */

static void
pn_pipeline_view_dispose (GObject *object)
{
  PnPipelineView *self = (PnPipelineView *) object;
  GtkWidget *child;

  if (self->override_rows != NULL)
    g_hash_table_remove_all (self->override_rows);
  if (self->override_entries != NULL)
    g_hash_table_remove_all (self->override_entries);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_PIPELINE_VIEW);
  /* Children without an id are not template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->pipeline, pn_pipeline_unref);

  G_OBJECT_CLASS (pn_pipeline_view_parent_class)->dispose (object);
}

static void
pn_pipeline_view_finalize (GObject *object)
{
  PnPipelineView *self = (PnPipelineView *) object;

  g_clear_pointer (&self->overrides, g_array_unref);
  g_clear_pointer (&self->overrides_key, g_free);
  g_clear_pointer (&self->override_rows, g_hash_table_unref);
  g_clear_pointer (&self->override_entries, g_hash_table_unref);

  G_OBJECT_CLASS (pn_pipeline_view_parent_class)->finalize (object);
}

static void
pn_pipeline_view_class_init (PnPipelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnProfileViewClass *view_class = PN_PROFILE_VIEW_CLASS (klass);

  object_class->dispose = pn_pipeline_view_dispose;
  object_class->finalize = pn_pipeline_view_finalize;

  widget_class->map = pn_pipeline_view_map;

  view_class->refresh = pn_pipeline_view_refresh;

  g_type_ensure (PN_TYPE_PIPELINE_CHART);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/planning/pn-pipeline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, chart);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, empty_button);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, figures_label);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, no_stages_button);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, no_stages_page);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, overrides_group);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, overrides_list);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, stage_list);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, total_label);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, total_note_label);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, unsupported_button);
  gtk_widget_class_bind_template_child (widget_class, PnPipelineView, unsupported_page);
}

static void
pn_pipeline_view_init (PnPipelineView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->overrides = g_array_new (FALSE, FALSE, sizeof (PnPipelineFigure));
  self->override_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->override_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  pn_gui_tag_chinese (GTK_WIDGET (self));
}

GtkWidget *
pn_pipeline_view_new (void)
{
  return g_object_new (PN_TYPE_PIPELINE_VIEW, NULL);
}

PnProfile *
pn_pipeline_view_get_profile (PnPipelineView *self)
{
  g_return_val_if_fail (PN_IS_PIPELINE_VIEW (self), NULL);

  return pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
}

void
pn_pipeline_view_set_profile (PnPipelineView *self,
                              PnProfile      *profile)
{
  g_return_if_fail (PN_IS_PIPELINE_VIEW (self));

  pn_profile_view_set_profile (PN_PROFILE_VIEW (self), profile);
}

PnCorpus *
pn_pipeline_view_get_corpus (PnPipelineView *self)
{
  g_return_val_if_fail (PN_IS_PIPELINE_VIEW (self), NULL);

  return pn_profile_view_get_corpus (PN_PROFILE_VIEW (self));
}

void
pn_pipeline_view_set_corpus (PnPipelineView *self,
                             PnCorpus       *corpus)
{
  g_return_if_fail (PN_IS_PIPELINE_VIEW (self));

  pn_profile_view_set_corpus (PN_PROFILE_VIEW (self), corpus);
}
