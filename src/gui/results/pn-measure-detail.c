/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-measure-detail"

#include "config.h"

#include "pn-measure-detail.h"

#include "pn-gui-util.h"
#include "pn-money.h"

#include <glib/gi18n.h>

/* Validity shorter than this shows "ends in N days". */
#define PN_ENDS_SOON_DAYS 90

struct _PnMeasureDetail
{
  GtkWidget             parent_instance;

  PnResults            *results;
  const PnResult       *result;   /* owned by results */

  /* What the widgets show, to rebuild only what changed: the engine runs
   * again at every answer, mostly for the same measure. */
  PnBenefit            *shown_benefit;   /* owned by the corpus */
  char                 *shown_conditions;
  char                 *shown_derivation;
  char                 *shown_upside;     /* readings and instalments */

  /* Template children */
  GtkLabel             *amount_label;
  GtkButton            *back_button;
  GtkBox               *caps_box;
  AdwPreferencesGroup  *caps_group;
  GtkLabel             *citation_label;
  GtkListBox           *conditions_list;
  GtkLabel             *counted_label;
  GtkBox               *derivation_box;
  GtkLabel             *document_label;
  GtkLabel             *high_label;
  GtkButton            *show_in_document_button;
  GtkBox               *notes_box;
  AdwPreferencesGroup  *notes_group;
  AdwPreferencesGroup  *original_group;
  GtkLabel             *original_label;
  GtkLabel             *other_title_label;
  GtkBox               *overlap_box;
  AdwPreferencesGroup  *readings_group;
  GtkListBox           *readings_list;
  GtkScrolledWindow    *scrolled_window;
  AdwPreferencesGroup  *stages_group;
  GtkListBox           *stages_list;
  GtkStack             *stack;
  GtkLabel             *status_label;
  AdwPreferencesGroup  *summary_group;
  GtkLabel             *summary_label;
  GtkLabel             *title_label;
  AdwPreferencesGroup  *units_group;
  GtkListBox           *units_list;
  GtkLabel             *validity_label;
};

G_DEFINE_FINAL_TYPE (PnMeasureDetail, pn_measure_detail, GTK_TYPE_WIDGET)

static GtkWidget *
paragraph_new (const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  pn_gui_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Not selectable: a focus moving through would select it all.  The
   * original text and the summary, worth copying, are. */
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static GtkWidget *
state_row_new (const char *title,
               const char *subtitle,
               const char *state,
               const char *state_style)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (state);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }

  if (state != NULL)
    {
      /* Short words ("Met", "符合"): never wrapped, so never one glyph a line. */
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "caption-heading");
      if (state_style != NULL)
        gtk_widget_add_css_class (label, state_style);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  pn_gui_tag_chinese (row);

  return row;
}

static const char *
condition_state_style (PnConditionState state)
{
  switch (state)
    {
    case PN_CONDITION_MET:
      return "success";
    case PN_CONDITION_UNKNOWN:
    case PN_CONDITION_REVIEW:
      return "warning";
    case PN_CONDITION_UNMET:
    default:
      return "error";
    }
}

static char *
accepted_terms (PnTaxonomy        *taxonomy,
                const PnCondition *condition)
{
  GString *text = g_string_new (NULL);
  const char *separator = pn_gui_get_lang () == PN_LANG_ZH ? "、" : ", ";

  for (guint i = 0; condition->values != NULL && condition->values[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, pn_gui_answer_label (taxonomy, condition->question, condition->values[i]));
    }

  return g_string_free (text, FALSE);
}

static void
pn_measure_detail_fill_derivation (PnMeasureDetail *self)
{
  g_autofree char *derivation = pn_gui_data_text (self->results, &self->result->derivation);
  g_auto(GStrv) steps = NULL;
  guint n = 0;

  if (g_strcmp0 (derivation, self->shown_derivation) == 0)
    return;
  g_free (self->shown_derivation);
  self->shown_derivation = g_strdup (derivation);

  pn_gui_box_remove_all (self->derivation_box);

  if (derivation == NULL || *derivation == '\0')
    return;

  /* One step per clause: "40% × … = …; cap … not reached". */
  if (pn_gui_get_lang () == PN_LANG_ZH)
    {
      g_autofree char *unified = g_strdup (derivation);
      g_autoptr(GString) str = g_string_new (unified);

      g_string_replace (str, "，", "；", 0);
      steps = g_strsplit (str->str, "；", -1);
    }
  else
    steps = g_strsplit (derivation, "; ", -1);

  for (guint i = 0; steps[i] != NULL; i++)
    {
      g_autofree char *step = NULL;

      if (*g_strstrip (steps[i]) == '\0')
        continue;

      step = g_strdup_printf ("%u. %s", ++n, steps[i]);
      gtk_box_append (self->derivation_box, paragraph_new (step, "numeric"));
    }
}

/* "Up to ¥4,000,000 …" where more than what counts is possible, or in
 * words why there is no such figure; nothing for what cannot give on the
 * date or loses its overlap group (the amount is then its own). */
static void
pn_measure_detail_fill_high (PnMeasureDetail *self)
{
  const PnResult *result = self->result;
  gint64 counted = result->counted ? result->estimate_cny : 0;
  g_autofree char *text = NULL;

  if (result->status == PN_STATUS_IN_FORCE && result->not_counted != PN_NOT_COUNTED_OVERLAP &&
      result->benefit->kind != PN_BENEFIT_NON_MONETARY)
    {
      if (result->high_cny == PN_YUAN_UNSET)
        text = g_strdup (pn_gui_text (&result->high_reason));
      else if (result->high_cny > counted)
        {
          g_autofree char *high = pn_money_format_yuan (result->high_cny);

          /* Translators: in a measure's detail, the most it can give,
           * "Up to ¥4,000,000 if every open point goes the applicant’s way" */
          text = g_strdup_printf (_("Up to %s if every open point goes the applicant’s way"), high);
        }
    }

  pn_gui_label_set_text (self->high_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->high_label), text != NULL && *text != '\0');
}

/* One reading of the sentence: its words, what it gives, how, and whether
 * the estimate counts it. */
static GtkWidget *
reading_row_new (PnResults             *results,
                 const PnReadingResult *reading)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *amount_label;
  g_autofree char *amount = reading->estimate_cny != PN_YUAN_UNSET ?
                            pn_money_format_yuan (reading->estimate_cny) : g_strdup ("—");
  g_autofree char *derivation = pn_gui_data_text (results, &reading->derivation);
  g_autofree char *accessible = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pn_gui_text (&reading->reading->text));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (derivation != NULL && *derivation != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), derivation);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  amount_label = gtk_label_new (amount);
  gtk_widget_set_name (amount_label, "amount");
  gtk_label_set_xalign (GTK_LABEL (amount_label), 1);
  gtk_widget_add_css_class (amount_label, "heading");
  gtk_widget_add_css_class (amount_label, "numeric");
  gtk_box_append (GTK_BOX (box), amount_label);
  if (reading->reading->chosen)
    {
      /* Translators: marks the reading of a measure's text that the
       * estimate counts */
      GtkWidget *counted = gtk_label_new (C_("reading", "Counted"));

      gtk_widget_set_name (counted, "counted");
      gtk_label_set_xalign (GTK_LABEL (counted), 1);
      gtk_widget_add_css_class (counted, "caption-heading");
      gtk_widget_add_css_class (counted, "accent");
      gtk_box_append (GTK_BOX (box), counted);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  /* Translators: what a screen reader says for a reading of a measure's
   * text: its words, then what it gives */
  accessible = g_strdup_printf (reading->reading->chosen ? _("%s: %s, counted") : _("%s: %s"),
                                pn_gui_text (&reading->reading->text), amount);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  pn_gui_tag_chinese (row);

  return row;
}

/* The readings side by side when the sentence has more than one, and a
 * staged payment's instalments by year. */
static void
pn_measure_detail_fill_upside (PnMeasureDetail *self)
{
  const PnResult *result = self->result;
  GString *key = g_string_new (result->benefit->id);

  for (guint i = 0; i < result->readings->len; i++)
    g_string_append_printf (key, ",%" G_GINT64_FORMAT,
                            ((PnReadingResult *) g_ptr_array_index (result->readings, i))->estimate_cny);
  g_string_append_c (key, ';');
  for (guint i = 0; i < result->stages->len; i++)
    g_string_append_printf (key, ",%" G_GINT64_FORMAT, g_array_index (result->stages, PnStageResult, i).cny);
  if (g_strcmp0 (key->str, self->shown_upside) == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->shown_upside);
  self->shown_upside = g_string_free (key, FALSE);

  pn_gui_list_box_remove_all (self->readings_list);
  if (result->readings->len >= 2)
    for (guint i = 0; i < result->readings->len; i++)
      gtk_list_box_append (self->readings_list,
                           reading_row_new (self->results, g_ptr_array_index (result->readings, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->readings_group), result->readings->len >= 2);

  pn_gui_list_box_remove_all (self->stages_list);
  for (guint i = 0; i < result->stages->len; i++)
    {
      const PnStageResult *stage = &g_array_index (result->stages, PnStageResult, i);
      g_autofree char *share = pn_money_format_rate (stage->share);
      g_autofree char *title = NULL;

      if (stage->cny != PN_YUAN_UNSET)
        {
          g_autofree char *amount = pn_money_format_yuan (stage->cny);

          /* Translators: one instalment of a staged award, "Year 1 ·
           * ¥320,000 (40%)": the year after the award, its amount, its share */
          title = g_strdup_printf (_("Year %u · %s (%s)"), stage->year, amount, share);
        }
      else
        /* Translators: one instalment of a staged award whose amount is not
         * known, "Year 1 · 40% of the award" */
        title = g_strdup_printf (_("Year %u · %s of the award"), stage->year, share);

      gtk_list_box_append (self->stages_list, state_row_new (title, NULL, NULL, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->stages_group), result->stages->len > 0);
}

static void
pn_measure_detail_fill_conditions (PnMeasureDetail *self,
                                   PnTaxonomy      *taxonomy)
{
  const PnResult *result = self->result;
  PnBenefit *benefit = result->benefit;
  GString *key = g_string_new (benefit->id);

  /* The rows depend on the measure and the states of its conditions. */
  for (guint i = 0; i < result->conditions->len; i++)
    g_string_append_printf (key, ",%d", ((PnConditionResult *) g_ptr_array_index (result->conditions, i))->state);
  g_string_append_printf (key, ",%d,%d", result->not_counted, result->estimate_cny == PN_YUAN_UNSET);
  if (g_strcmp0 (key->str, self->shown_conditions) == 0)
    {
      g_string_free (key, TRUE);
      return;
    }
  g_free (self->shown_conditions);
  self->shown_conditions = g_string_free (key, FALSE);

  pn_gui_list_box_remove_all (self->conditions_list);

  for (guint i = 0; i < result->conditions->len; i++)
    {
      const PnConditionResult *cr = g_ptr_array_index (result->conditions, i);
      g_autofree char *title = pn_gui_key_label (taxonomy, pn_question_to_string (cr->question));
      g_autofree char *accepted = accepted_terms (taxonomy, cr->condition);
      /* Translators: the answers a condition accepts */
      g_autofree char *subtitle = g_strdup_printf (_("Accepts: %s"), accepted);

      gtk_list_box_append (self->conditions_list,
                           state_row_new (title, subtitle,
                                          pn_gui_condition_state_label (cr->state),
                                          condition_state_style (cr->state)));
    }

  for (guint i = 0; i < benefit->thresholds->len; i++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, i);
      const char *figure_id = pn_figure_to_string (threshold->figure);
      g_autofree char *figure = pn_gui_key_label (taxonomy, figure_id);
      g_autofree char *min = pn_money_format_yuan (threshold->min);
      g_autofree char *title = NULL;
      PnConditionState state;

      title = threshold->inclusive ?
        /* Translators: a threshold: "Cumulative sales of at least ¥10,000,000" */
        g_strdup_printf (_("%s of at least %s"), figure, min) :
        /* Translators: a threshold: "Cumulative sales above ¥10,000,000" */
        g_strdup_printf (_("%s above %s"), figure, min);

      /* from the figure given, whatever else the measure still needs */
      {
        gint64 value = pn_results_get_figure (self->results, threshold->figure);

        if (value == PN_YUAN_UNSET)
          state = PN_CONDITION_UNKNOWN;
        else if (threshold->inclusive ? value >= threshold->min : value > threshold->min)
          state = PN_CONDITION_MET;
        else
          state = PN_CONDITION_UNMET;
      }

      gtk_list_box_append (self->conditions_list,
                           state_row_new (title, NULL,
                                          pn_gui_condition_state_label (state),
                                          condition_state_style (state)));
    }

  for (guint i = 0; i < benefit->requirements->len; i++)
    {
      const PnRequirement *requirement = g_ptr_array_index (benefit->requirements, i);

      gtk_list_box_append (self->conditions_list,
                           state_row_new (pn_gui_text (&requirement->text),
                                          pn_gui_other_text (&requirement->text),
                                          _("To check"), "warning"));
    }

  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->conditions_list),
                                                   ADW_TYPE_PREFERENCES_GROUP),
                          gtk_list_box_get_row_at_index (self->conditions_list, 0) != NULL);
}

static void
pn_measure_detail_fill_overlap (PnMeasureDetail *self,
                                PnTaxonomy      *taxonomy)
{
  const PnResult *result = self->result;
  PnBenefit *benefit = result->benefit;
  PnDocument *document = benefit->document;
  const PnTerm *group;
  g_autofree char *text = NULL;
  gboolean compared = FALSE;

  pn_gui_box_remove_all (self->overlap_box);

  if (benefit->overlap_group == NULL)
    {
      gtk_box_append (self->overlap_box,
                      paragraph_new (_("This measure is in no overlap group: it adds to the others."), NULL));
      return;
    }

  group = pn_taxonomy_get_group (taxonomy, benefit->overlap_group);
  if (group != NULL)
    {
      /* Translators: %s names a group of measures that cannot be combined */
      g_autofree char *group_text = g_strdup_printf (_("Overlap group: %s"), pn_gui_term_label (group));

      gtk_box_append (self->overlap_box, paragraph_new (group_text, "heading"));
    }

  if (result->overlap_winner != NULL)
    {
      const PnResult *winner = pn_results_find (self->results, result->overlap_winner->id);

      compared = TRUE;
      g_autofree char *citation = pn_gui_citation (result->overlap_winner->article);
      g_autofree char *winner_amount = winner != NULL ? pn_gui_result_amount (winner) : g_strdup ("—");
      g_autofree char *own_amount = pn_gui_result_amount (result);
      gint64 difference = winner != NULL ? winner->estimate_cny - result->estimate_cny : 0;
      g_autofree char *difference_text = pn_money_format_yuan (MAX (difference, 0));

      /* Translators: how an overlap was resolved; the measure that won, its
       * citation and amount, this measure's amount and the difference */
      text = g_strdup_printf (_("Not counted: only the higher of these measures is paid. “%s” (%s) gives %s, this one %s, so it wins by %s."),
                              pn_gui_text (&result->overlap_winner->title), citation,
                              winner_amount, own_amount, difference_text);
    }
  else
    {
      GString *beaten = g_string_new (NULL);

      for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
        {
          const PnResult *other;
          PnResultOutline outline;
          g_autofree char *citation = NULL;
          g_autofree char *difference = NULL;

          /* only those it beat are written out: a place can list thousands */
          pn_results_get_outline (self->results, i, &outline);
          if (outline.overlap_winner != benefit)
            continue;
          other = pn_results_get_result (self->results, i);

          citation = pn_gui_citation (other->benefit->article);
          difference = pn_money_format_yuan (MAX (result->estimate_cny - other->estimate_cny, 0));
          if (beaten->len > 0)
            g_string_append (beaten, pn_gui_get_lang () == PN_LANG_ZH ? "；" : "; ");
          /* Translators: a measure this one beat in its overlap group, and by how much */
          g_string_append_printf (beaten, _("“%s” (%s) by %s"),
                                  pn_gui_text (&other->benefit->title), citation, difference);
        }

      compared = beaten->len > 0;
      if (beaten->len > 0)
        /* Translators: %s lists the measures this one beat */
        text = g_strdup_printf (_("Counted instead of the other measures of its group: it beats %s."), beaten->str);
      else
        text = g_strdup (_("No other measure of its group applies to your answers."));
      g_string_free (beaten, TRUE);
    }

  gtk_box_append (self->overlap_box, paragraph_new (text, NULL));

  /* the winner priced at a rate the text gives as a most (最高不超过40%):
   * a lower rate decided may make the other the higher */
  {
    const PnBenefit *winner = result->overlap_winner != NULL ? result->overlap_winner : benefit;

    if (winner->kind == PN_BENEFIT_RATE && winner->rate_ceiling && compared)
      {
        /* Translators: %s is the title of the measure that won an overlap */
        g_autofree char *caveat = g_strdup_printf (_("This takes “%s” at the highest rate its text allows; if the rate decided is lower, the other measure may be the higher one, and it is paid instead."),
                                                   pn_gui_text (&winner->title));

        gtk_box_append (self->overlap_box, paragraph_new (caveat, "dim-label"));
      }
  }

  if (document->overlap_quote != NULL)
    gtk_box_append (self->overlap_box, paragraph_new (document->overlap_quote, "dim-label"));
  if (document->overlap_en != NULL && pn_gui_get_lang () != PN_LANG_ZH)
    gtk_box_append (self->overlap_box, paragraph_new (document->overlap_en, "dim-label"));
}

static void
pn_measure_detail_fill_notes (PnMeasureDetail *self)
{
  const PnResult *result = self->result;
  PnBenefit *benefit = result->benefit;
  guint n_notes = 0;

  pn_gui_box_remove_all (self->notes_box);
  for (guint i = 0; i < benefit->notes->len; i++, n_notes++)
    gtk_box_append (self->notes_box, paragraph_new (pn_gui_text (g_ptr_array_index (benefit->notes, i)), NULL));
  for (guint i = 0; i < benefit->article->notes->len; i++, n_notes++)
    gtk_box_append (self->notes_box,
                    paragraph_new (pn_gui_text (g_ptr_array_index (benefit->article->notes, i)), NULL));
  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), n_notes > 0);

  pn_gui_box_remove_all (self->caps_box);
  for (guint i = 0; i < result->notes->len; i++)
    {
      g_autofree char *note = pn_gui_data_text (self->results, g_ptr_array_index (result->notes, i));

      gtk_box_append (self->caps_box, paragraph_new (note, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->caps_group), result->notes->len > 0);
}

static void
pn_measure_detail_fill_units (PnMeasureDetail *self,
                              PnTaxonomy      *taxonomy)
{
  GPtrArray *units = pn_benefit_get_units (self->result->benefit);

  pn_gui_list_box_remove_all (self->units_list);

  for (guint i = 0; i < units->len; i++)
    {
      const PnUnitRef *ref = g_ptr_array_index (units, i);
      const PnTerm *unit = pn_document_lookup_unit (self->result->benefit->document, taxonomy, ref->id);
      const char *role = g_strcmp0 (ref->role, "cooperating") == 0 ? _("Cooperating") : _("Lead");

      gtk_list_box_append (self->units_list,
                           state_row_new (unit != NULL ? pn_gui_term_label (unit) : ref->id,
                                          unit != NULL ? pn_gui_term_other_label (unit) : NULL,
                                          role, NULL));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->units_group), units->len > 0);
}

static void
pn_measure_detail_fill_validity (PnMeasureDetail *self)
{
  const PnResult *result = self->result;
  g_autofree char *from = result->valid_from ? pn_gui_format_date (result->valid_from) : NULL;
  g_autofree char *until = result->valid_until ? pn_gui_format_date (result->valid_until) : NULL;
  g_autofree char *range = NULL;
  g_autofree char *text = NULL;
  int days;

  if (from != NULL && until != NULL)
    /* Translators: a measure's validity, two dates */
    range = g_strdup_printf (_("Valid from %s until %s"), from, until);
  else if (from != NULL)
    range = g_strdup_printf (_("Valid from %s"), from);
  else if (until != NULL)
    range = g_strdup_printf (_("Valid until %s"), until);
  else
    range = g_strdup (_("No end date"));

  /* a day later than the text's: the notice that made it so, for whoever
   * checks it against the printed text */
  {
    PnDocument *document = result->benefit->document;

    if (document->extended_by != NULL && result->valid_until != NULL &&
        g_strcmp0 (result->valid_until, document->extended_until) == 0 &&
        g_strcmp0 (result->valid_until, document->in_force_until) != 0)
      {
        PnDocument *notice = pn_corpus_find_header (pn_results_get_corpus (self->results), document->extended_by, NULL);
        const char *name = notice == NULL ? document->extended_by
                           : notice->doc_number != NULL ? notice->doc_number : pn_gui_text (&notice->title);
        char *extended = range;

        /* Translators: "Valid from … until 31 December 2027 (extended by 厦府办规〔2026〕15号)" */
        range = g_strdup_printf (_("%s (extended by %s)"), extended, name);
        g_free (extended);
      }
  }

  days = result->valid_until != NULL ?
         pn_gui_days_between (pn_results_get_as_of (self->results), result->valid_until) : G_MININT;

  if (result->status == PN_STATUS_IN_FORCE && days >= 0 && days < PN_ENDS_SOON_DAYS)
    {
      /* the last day it is in force: not "ends in 0 days" */
      g_autofree char *soon = days == 0 ? g_strdup (_("ends today"))
                              /* Translators: %d is a number of days until a measure ends */
                              : g_strdup_printf (ngettext ("ends in %d day", "ends in %d days", days), days);

      text = g_strdup_printf ("%s · %s", range, soon);
      gtk_widget_add_css_class (GTK_WIDGET (self->validity_label), "warning");
    }
  else
    {
      text = g_strdup (range);
      gtk_widget_remove_css_class (GTK_WIDGET (self->validity_label), "warning");
    }

  gtk_label_set_text (self->validity_label, text);
}

static void
pn_measure_detail_fill (PnMeasureDetail *self)
{
  const PnResult *result = self->result;
  PnBenefit *benefit = result->benefit;
  PnArticle *article = benefit->article;
  PnDocument *document = benefit->document;
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_results_get_corpus (self->results));
  g_autofree char *amount = pn_gui_result_amount (result);
  g_autofree char *citation = pn_gui_citation (article);
  const char *other_title = pn_gui_other_text (&benefit->title);
  g_autofree char *counted = NULL;

  gtk_label_set_text (self->title_label, pn_gui_text (&benefit->title));
  gtk_label_set_text (self->other_title_label, other_title ? other_title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_title_label), other_title != NULL);

  gtk_label_set_text (self->amount_label, amount);
  gtk_label_set_text (self->status_label, pn_gui_status_label (result->status));
  for (PnStatus status = PN_STATUS_IN_FORCE; status <= PN_STATUS_SUPERSEDED; status++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), pn_gui_status_style_class (status));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), pn_gui_status_style_class (result->status));

  counted = result->counted ? g_strdup (_("Counted in the total.")) : pn_gui_data_text (self->results, &result->not_counted_reason);
  gtk_label_set_text (self->counted_label, counted ? counted : "");

  gtk_label_set_text (self->citation_label, citation);
  /* A numberless document is cited by its title already. */
  gtk_label_set_text (self->document_label, pn_gui_text (&document->title));
  gtk_widget_set_visible (GTK_WIDGET (self->document_label), document->doc_number != NULL);
  pn_measure_detail_fill_validity (self);
  /* win.show-article takes (document id, article number) */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->show_in_document_button), "(ss)",
                                    document->id, article->number);
  /* Named only once it has a target: an action with a parameter refuses
   * a button without one. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->show_in_document_button), "win.show-article");

  pn_measure_detail_fill_high (self);
  pn_measure_detail_fill_derivation (self);
  pn_measure_detail_fill_upside (self);
  pn_measure_detail_fill_conditions (self, taxonomy);
  pn_measure_detail_fill_overlap (self, taxonomy);

  /* What depends on the measure alone, and the scroll position, stay
   * while the same measure is shown again. */
  if (benefit == self->shown_benefit)
    return;
  self->shown_benefit = benefit;

  /* The engine read the article without its texts: read them now. */
  {
    g_autoptr(GError) error = NULL;

    if (!pn_corpus_read_article_texts (pn_results_get_corpus (self->results), article, &error))
      {
        gtk_label_set_text (self->original_label, error->message);
        gtk_widget_set_visible (GTK_WIDGET (self->original_group), TRUE);
        gtk_widget_set_visible (GTK_WIDGET (self->summary_group), FALSE);
        goto texts_done;
      }
  }
  gtk_label_set_text (self->original_label, article->original ? article->original : "");
  gtk_widget_set_visible (GTK_WIDGET (self->original_group), article->original != NULL);
  gtk_label_set_text (self->summary_label, article->summary ? article->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_group), article->summary != NULL);

texts_done:
  pn_measure_detail_fill_notes (self);
  pn_measure_detail_fill_units (self, taxonomy);

  /* Back to the top for a new measure. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
pn_measure_detail_dispose (GObject *object)
{
  PnMeasureDetail *self = PN_MEASURE_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_MEASURE_DETAIL);

  G_OBJECT_CLASS (pn_measure_detail_parent_class)->dispose (object);
}

static void
pn_measure_detail_finalize (GObject *object)
{
  PnMeasureDetail *self = PN_MEASURE_DETAIL (object);

  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_pointer (&self->shown_conditions, g_free);
  g_clear_pointer (&self->shown_derivation, g_free);
  g_clear_pointer (&self->shown_upside, g_free);

  G_OBJECT_CLASS (pn_measure_detail_parent_class)->finalize (object);
}

static void
pn_measure_detail_class_init (PnMeasureDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_measure_detail_dispose;
  object_class->finalize = pn_measure_detail_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/results/pn-measure-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, amount_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, caps_box);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, caps_group);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, citation_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, conditions_list);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, counted_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, derivation_box);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, document_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, high_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, show_in_document_button);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, notes_box);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, notes_group);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, original_group);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, original_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, other_title_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, overlap_box);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, readings_group);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, readings_list);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, stages_group);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, stages_list);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, summary_group);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, units_group);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, units_list);
  gtk_widget_class_bind_template_child (widget_class, PnMeasureDetail, validity_label);
}

static void
pn_measure_detail_init (PnMeasureDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Data text (the original above all): Simplified Chinese glyphs
   * whatever the UI language.  Rows added later are tagged as made. */
  pn_gui_tag_chinese (GTK_WIDGET (self));
}

GtkWidget *
pn_measure_detail_new (void)
{
  return g_object_new (PN_TYPE_MEASURE_DETAIL, NULL);
}

void
pn_measure_detail_set_result (PnMeasureDetail *self,
                              PnResults       *results,
                              const PnResult  *result)
{
  g_return_if_fail (PN_IS_MEASURE_DETAIL (self));
  g_return_if_fail (result == NULL || results != NULL);

  if (results != NULL)
    pn_results_ref (results);
  g_clear_pointer (&self->results, pn_results_unref);
  self->results = results;
  self->result = result;

  if (result == NULL)
    {
      self->shown_benefit = NULL;
      g_clear_pointer (&self->shown_conditions, g_free);
      g_clear_pointer (&self->shown_derivation, g_free);
      g_clear_pointer (&self->shown_upside, g_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  pn_measure_detail_fill (self);
  gtk_stack_set_visible_child_name (self->stack, "measure");
}

const char *
pn_measure_detail_get_benefit_id (PnMeasureDetail *self)
{
  g_return_val_if_fail (PN_IS_MEASURE_DETAIL (self), NULL);

  return self->result != NULL ? self->result->benefit->id : NULL;
}

void
pn_measure_detail_scroll_to_top (PnMeasureDetail *self)
{
  g_return_if_fail (PN_IS_MEASURE_DETAIL (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

void
pn_measure_detail_focus_start (PnMeasureDetail *self)
{
  g_return_if_fail (PN_IS_MEASURE_DETAIL (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->back_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}

void
pn_measure_detail_set_show_back (PnMeasureDetail *self,
                                 gboolean         show_back)
{
  g_return_if_fail (PN_IS_MEASURE_DETAIL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
}
