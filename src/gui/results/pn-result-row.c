/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-result-row"

#include "config.h"

#include <string.h>

#include "pn-result-row.h"
#include "pn-export.h"

#include "pn-gui-util.h"

#include <glib/gi18n.h>

struct _PnResultRow
{
  GtkListBoxRow   parent_instance;

  PnResults      *results;
  const PnResult *result;       /* owned by results */
  char           *missing_key;

  /* Template children */
  GtkLabel       *amount_label;
  GtkButton      *answer_button;
  GtkLabel       *answer_label;
  GtkLabel       *citation_label;
  GtkLabel       *reason_label;
  GtkLabel       *status_label;
  GtkLabel       *title_label;
  GtkLabel       *units_label;
};

enum {
  ANSWER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnResultRow, pn_result_row, GTK_TYPE_LIST_BOX_ROW)

const char *
pn_result_find_missing_key (const PnResult *result,
                            PnProfile      *profile)
{
  PnBenefit *benefit;

  g_return_val_if_fail (result != NULL, NULL);

  benefit = result->benefit;

  for (guint i = 0; i < result->missing->len; i++)
    {
      const char *item = g_ptr_array_index (result->missing, i);
      PnQuestion question;
      PnFigure figure;

      if (pn_question_from_string (item, &question))
        return item;
      /* a threshold's figure the reason names */
      if (g_str_has_prefix (item, "figure:") && pn_figure_from_string (item + strlen ("figure:"), &figure))
        return item + strlen ("figure:");
    }

  /* a possible match whose reason names what no page asks (the authority's
   * recognition): no button (it offered the R&D figure, named nowhere) */
  if (result->estimate_cny != PN_YUAN_UNSET || profile == NULL ||
      result->not_counted != PN_NOT_COUNTED_MISSING_FIGURE)
    return NULL;

  /* the threshold first, as the reason beside the button names it ("Needs
   * the total investment (over ¥50,000,000)" above "Answer: Equipment") */
  for (guint i = 0; i < benefit->thresholds->len; i++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, i);

      if (pn_profile_get_figure (profile, threshold->figure) == PN_YUAN_UNSET)
        return pn_figure_to_string (threshold->figure);
    }

  if (benefit->base != PN_FIGURE_NONE && pn_profile_get_figure (profile, benefit->base) == PN_YUAN_UNSET)
    return pn_figure_to_string (benefit->base);

  return NULL;
}

static void
pn_result_row_answer_cb (PnResultRow *self)
{
  if (self->missing_key != NULL)
    g_signal_emit (self, signals[ANSWER], 0, self->missing_key);
}

static void
pn_result_row_dispose (GObject *object)
{
  PnResultRow *self = PN_RESULT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_RESULT_ROW);

  G_OBJECT_CLASS (pn_result_row_parent_class)->dispose (object);
}

static void
pn_result_row_finalize (GObject *object)
{
  PnResultRow *self = PN_RESULT_ROW (object);

  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_pointer (&self->missing_key, g_free);

  G_OBJECT_CLASS (pn_result_row_parent_class)->finalize (object);
}

static void
pn_result_row_class_init (PnResultRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_result_row_dispose;
  object_class->finalize = pn_result_row_finalize;

  /**
   * PnResultRow::answer:
   * @key: the question or figure id to ask
   *
   * The user wants to give the answer this measure lacks.
   */
  signals[ANSWER] = g_signal_new ("answer", G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/results/pn-result-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, amount_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, answer_button);
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, answer_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, PnResultRow, units_label);
  gtk_widget_class_bind_template_callback (widget_class, pn_result_row_answer_cb);
}

static void
pn_result_row_init (PnResultRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Titles, citations, units and reasons come from the data. */
  pn_gui_tag_chinese (GTK_WIDGET (self));
}

PnResultRow *
pn_result_row_new (PnResults      *results,
                   const PnResult *result,
                   PnProfile      *profile)
{
  PnResultRow *self = g_object_new (PN_TYPE_RESULT_ROW, NULL);

  pn_result_row_set_result (self, results, result, profile);

  return self;
}

void
pn_result_row_set_result (PnResultRow    *self,
                          PnResults      *results,
                          const PnResult *result,
                          PnProfile      *profile)
{
  PnTaxonomy *taxonomy;
  PnBenefit *benefit;
  g_autofree char *amount = NULL;
  g_autofree char *citation = NULL;
  g_autofree char *units = NULL;
  g_autofree char *units_line = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *reason = NULL;

  g_return_if_fail (PN_IS_RESULT_ROW (self));
  g_return_if_fail (results != NULL);
  g_return_if_fail (result != NULL);

  pn_results_ref (results);
  g_clear_pointer (&self->results, pn_results_unref);
  self->results = results;
  self->result = result;

  benefit = result->benefit;
  taxonomy = pn_corpus_get_taxonomy (pn_results_get_corpus (results));

  gtk_label_set_text (self->title_label, pn_gui_text (&benefit->title));
  /* Setting a tooltip is costly; rows are reused with the same title. */
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->title_label)),
                 pn_gui_other_text (&benefit->title)) != 0)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), pn_gui_other_text (&benefit->title));

  amount = pn_gui_result_amount (result);
  gtk_label_set_text (self->amount_label, amount);
  if (result->counted)
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_label), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->amount_label), "accent");

  gtk_label_set_text (self->status_label, pn_gui_status_label (result->status));
  for (PnStatus status = PN_STATUS_IN_FORCE; status <= PN_STATUS_SUPERSEDED; status++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), pn_gui_status_style_class (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), pn_gui_status_style_class (result->status));

  citation = pn_gui_citation (benefit->article);
  {
    /* the end of a measure in force, beside where it stands: Xiamen's
     * 2023 measures end on 31 December 2026 */
    g_autofree char *until = pn_export_in_force_until (result, pn_gui_get_lang ());

    if (until != NULL)
      {
        /* "in force until 31 December 2026" kept whole: at 360 px it
         * broke inside the date ("31 / December 2026") */
        g_autoptr(GString) whole = g_string_new (until);

        g_string_replace (whole, " ", "\u00a0", 0);
        g_free (until);
        until = g_string_free (g_steal_pointer (&whole), FALSE);
        /* Translators: a citation, then "in force until 31 December 2026"
         * (the date and its words come from the policy data, in both
         * languages) */
        g_autofree char *both = g_strdup_printf (_("%s · %s"), citation, until);

        gtk_label_set_text (self->citation_label, both);
      }
    else
      gtk_label_set_text (self->citation_label, citation);
  }

  units = pn_gui_units_text (pn_benefit_get_units (benefit), benefit->document, taxonomy);
  if (units != NULL)
    /* Translators: %s lists the responsible government units */
    units_line = g_strdup_printf (_("Responsible: %s"), units);
  gtk_label_set_text (self->units_label, units_line ? units_line : "");
  gtk_widget_set_visible (GTK_WIDGET (self->units_label), units_line != NULL);

  /* Counted: how the amount was worked out; otherwise why not. */
  reason = pn_gui_data_text (results, result->counted ? &result->derivation : &result->not_counted_reason);
  gtk_label_set_text (self->reason_label, reason ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), reason != NULL && *reason != '\0');
  if (result->counted)
    gtk_widget_add_css_class (GTK_WIDGET (self->reason_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->reason_label), "dim-label");

  /* The answer button: only for what a page of the assistant asks. */
  g_clear_pointer (&self->missing_key, g_free);
  if (!result->counted &&
      (result->not_counted == PN_NOT_COUNTED_POSSIBLE || result->not_counted == PN_NOT_COUNTED_MISSING_FIGURE))
    self->missing_key = g_strdup (pn_result_find_missing_key (result, profile));

  if (self->missing_key != NULL)
    {
      g_autofree char *key_label = pn_gui_key_label (taxonomy, self->missing_key);
      /* Translators: a button that opens the question a measure needs */
      g_autofree char *button_label = g_strdup_printf (_("_Answer: %s"), key_label);

      /* A wrapping label: figure names are long for 360 px. */
      gtk_label_set_text_with_mnemonic (self->answer_label, button_label);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_button), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->answer_button), FALSE);
    }

  accessible = g_strdup_printf ("%s, %s, %s, %s", pn_gui_text (&benefit->title), amount,
                                pn_gui_status_label (result->status), citation);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

PnResults *
pn_result_row_get_results (PnResultRow *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ROW (self), NULL);

  return self->results;
}

const PnResult *
pn_result_row_get_result (PnResultRow *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ROW (self), NULL);

  return self->result;
}

const char *
pn_result_row_get_benefit_id (PnResultRow *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ROW (self), NULL);

  return self->result != NULL ? self->result->benefit->id : NULL;
}

const char *
pn_result_row_get_missing_key (PnResultRow *self)
{
  g_return_val_if_fail (PN_IS_RESULT_ROW (self), NULL);

  return self->missing_key;
}
