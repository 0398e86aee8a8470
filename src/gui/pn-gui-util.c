/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-gui-util"

#include "config.h"

#include "pn-gui-util.h"

#include "pn-citation.h"
#include "pn-money.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

static PnLang ui_lang = -1;

PnLang
pn_gui_get_lang (void)
{
  if ((int) ui_lang == -1)
    ui_lang = pn_lang_from_locale ();

  return ui_lang;
}

const char *
pn_gui_text (const PnText *text)
{
  return pn_text_get (text, pn_gui_get_lang ());
}

const char *
pn_gui_other_text (const PnText *text)
{
  const char *shown = pn_gui_text (text);
  const char *other;

  if (text == NULL)
    return NULL;

  other = pn_gui_get_lang () == PN_LANG_ZH ? text->en : text->zh;
  if (other == NULL || *other == '\0' || g_strcmp0 (other, shown) == 0 ||
      g_str_has_prefix (other, PN_UNTRANSLATED_PREFIX))
    return NULL;

  return other;
}

const char *
pn_gui_term_label (const PnTerm *term)
{
  return pn_term_get (term, pn_gui_get_lang ());
}

char *
pn_gui_location_label (PnCorpus   *corpus,
                       const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  if (corpus == NULL)
    return g_strdup (id);
  return pn_corpus_location_label (corpus, id, pn_gui_get_lang ());
}

static const PnTerm *
find_location (GPtrArray  *locations,
               const char *id)
{
  for (guint i = 0; locations != NULL && i < locations->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (locations, i);

      if (g_strcmp0 (term->id, id) == 0)
        return term;
    }
  return NULL;
}

guint
pn_gui_location_depth (GPtrArray  *locations,
                       const char *id)
{
  guint depth = 0;

  /* a parent chain longer than the list is a loop: stop there */
  for (const PnTerm *term = find_location (locations, id);
       term != NULL && term->parent != NULL && depth < locations->len;
       term = find_location (locations, term->parent))
    depth++;
  return depth;
}

const char *
pn_gui_term_other_label (const PnTerm *term)
{
  PnText text;

  if (term == NULL)
    return NULL;

  text.zh = term->zh;
  text.en = term->en;

  return pn_gui_other_text (&text);
}

#define PN_GUI_CHINESE_KEY "pn-gui-chinese"

/* Ⅰ, Ⅱ, Ⅲ … (U+2160–U+217F) in a CJK font are full-width boxes with the
 * numeral in the middle: "完成 Ⅰ 期" but "完成Ⅲ期".  From a Latin font
 * that has them, they are as tight as the letters I, II, III.  (A
 * language attribute would not do: the numerals take the script, hence
 * the font, of the Han text around them.) */
static void
label_numerals_cb (GtkLabel *label)
{
  PangoAttrList *base = g_object_get_data (G_OBJECT (label), PN_GUI_CHINESE_KEY);
  PangoAttrList *attrs = pango_attr_list_copy (base);
  const char *text = gtk_label_get_text (label);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x2160 && c <= 0x217F)
        {
          PangoAttribute *latin = pango_attr_family_new ("DejaVu Sans, Noto Sans, Liberation Sans");

          latin->start_index = p - text;
          latin->end_index = g_utf8_next_char (p) - text;
          pango_attr_list_insert (attrs, latin);
        }
    }

  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

void
pn_gui_label_set_chinese (GtkLabel *label)
{
  PangoAttrList *current;
  PangoAttrList *attrs;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (g_object_get_data (G_OBJECT (label), PN_GUI_CHINESE_KEY) != NULL)
    return;

  current = gtk_label_get_attributes (label);
  attrs = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
  /* The attribute covers the whole text, whatever it becomes later. */
  pango_attr_list_insert_before (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));

  g_object_set_data_full (G_OBJECT (label), PN_GUI_CHINESE_KEY, attrs, (GDestroyNotify) pango_attr_list_unref);
  g_signal_connect (label, "notify::label", G_CALLBACK (label_numerals_cb), NULL);
  label_numerals_cb (label);
}

void
pn_gui_tag_chinese (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget))
    pn_gui_label_set_chinese (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pn_gui_tag_chinese (child);
}

void
pn_gui_label_set_text (GtkLabel   *label,
                       const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  pn_gui_label_set_chinese (label);
  gtk_label_set_text (label, text != NULL ? text : "");
}

char *
pn_gui_citation (PnArticle *article)
{
  g_return_val_if_fail (article != NULL, NULL);

  /* As the brief cites: never the document's internal id, and numbered
   * as the document numbers its measures (第1条, 第53项). */
  return pn_citation_format (article, pn_gui_get_lang ());
}

char *
pn_gui_data_text (PnResults    *results,
                  const PnText *text)
{
  const char *shown = pn_gui_text (text);

  /* the engine writes its citations for the client already (pn-citation) */
  (void) results;
  return g_strdup (shown);
}

GDateTime *
pn_gui_parse_date (const char *iso)
{
  int year, month, day;
  char tail;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

char *
pn_gui_format_count (guint count)
{
  /* the ' flag groups digits as LC_NUMERIC says */
  return g_strdup_printf ("%'u", count);
}

void
pn_gui_update_more_button (GtkButton *button,
                           guint      page,
                           guint      shown,
                           guint      total)
{
  g_autofree char *all = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_widget_set_visible (GTK_WIDGET (button), shown < total);
  if (shown >= total)
    return;

  all = pn_gui_format_count (total);
  /* Translators: a button under a list of measures shown a page at a
   * time; %u is how many more it shows (25, or what is left), %s how
   * many the list has in all ("25,662") */
  label = g_strdup_printf (ngettext ("Show %u More of %s", "Show %u More of %s", total),
                           MIN (page, total - shown), all);
  gtk_button_set_label (button, label);
}

char *
pn_gui_format_date (const char *iso)
{
  g_autoptr(GDateTime) date = pn_gui_parse_date (iso);

  if (date == NULL)
    return g_strdup (iso);

  /* Translators: a date as g_date_time_format() writes it: "23 November 2026" */
  return g_date_time_format (date, C_("date format", "%-d %B %Y"));
}

int
pn_gui_days_between (const char *from,
                     const char *to)
{
  g_autoptr(GDateTime) a = pn_gui_parse_date (from);
  g_autoptr(GDateTime) b = pn_gui_parse_date (to);

  if (a == NULL || b == NULL)
    return G_MININT;

  return (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
}

const char *
pn_gui_status_label (PnStatus status)
{
  switch (status)
    {
    case PN_STATUS_IN_FORCE:
      return _("In force");
    case PN_STATUS_EXPIRED:
      return _("Expired");
    case PN_STATUS_PENDING:
      return _("Not yet in force");
    case PN_STATUS_DRAFT:
      return _("Draft");
    case PN_STATUS_SUPERSEDED:
      /* Translators: a measure whose document a newer one replaces */
      return _("Superseded");
    default:
      g_assert_not_reached ();
    }
}

const char *
pn_gui_status_style_class (PnStatus status)
{
  switch (status)
    {
    case PN_STATUS_IN_FORCE:
      return "success";
    case PN_STATUS_EXPIRED:
    case PN_STATUS_SUPERSEDED:
      return "error";
    case PN_STATUS_PENDING:
    case PN_STATUS_DRAFT:
      return "warning";
    default:
      g_assert_not_reached ();
    }
}

const char *
pn_gui_condition_state_label (PnConditionState state)
{
  switch (state)
    {
    case PN_CONDITION_MET:
      return _("Met");
    case PN_CONDITION_UNKNOWN:
      return _("Not answered yet");
    case PN_CONDITION_REVIEW:
      return _("Needs an expert review");
    case PN_CONDITION_UNMET:
      return _("Not met");
    default:
      g_assert_not_reached ();
    }
}

static const struct {
  const char *key;
  const char *label;
} key_labels[] = {
  { "location", N_("Location") },
  { "as-of", N_("Date") },
  { "product", N_("What is funded") },
  { "entity", N_("Kind of organisation") },
  { "drug-class", N_("Drug class") },
  { "modality", N_("Kind of drug") },
  { "therapeutic-area", N_("Therapeutic area") },
  { "device-class", N_("Device class") },
  { "innovative-device", N_("Innovative device special review") },
  { "device-type", N_("Device type") },
  { "phase", N_("Milestone") },
  { "rank", N_("Consistency evaluation rank") },
};

char *
pn_gui_key_label (PnTaxonomy *taxonomy,
                  const char *key)
{
  PnFigure figure;

  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
    {
      if (g_str_equal (key_labels[i].key, key))
        return g_strdup (_(key_labels[i].label));
    }

  if (taxonomy != NULL && pn_figure_from_string (key, &figure))
    {
      const PnTerm *term = pn_taxonomy_get_term (taxonomy, "figure", key);

      if (term != NULL)
        return g_strdup (pn_gui_term_label (term));
    }

  return g_strdup (key);
}

const char *
pn_gui_answer_label (PnTaxonomy *taxonomy,
                     PnQuestion  question,
                     const char *value)
{
  const PnTerm *term;

  g_return_val_if_fail (value != NULL, NULL);

  /* A yes/no question has no vocabulary: words, not "true". */
  if (question == PN_QUESTION_INNOVATIVE_DEVICE)
    {
      if (g_str_equal (value, "true"))
        /* Translators: the answer to "Innovative device special review" */
        return _("Passed");
      if (g_str_equal (value, "false"))
        /* Translators: the answer to "Innovative device special review" */
        return _("Not passed");
    }

  term = taxonomy != NULL ? pn_taxonomy_get_term (taxonomy, pn_question_to_string (question), value) : NULL;
  if (term != NULL)
    return pn_gui_term_label (term);

  /* Not in the taxonomy (an imported document's own value): say so
   * rather than show an id as if it were a word. */
  return _("Another answer");
}

char *
pn_gui_amount_error (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GError) error = NULL;
  g_autofree char *max = pn_money_format_yuan (G_GINT64_CONSTANT (100000000000000));
  gint64 yuan = 0;
  char *end = NULL;
  double number;

  if (*stripped == '\0' || pn_money_parse (stripped, &yuan, &error))
    return NULL;

  if (g_str_has_prefix (stripped, "-") || g_str_has_prefix (stripped, "−"))
    return g_strdup (_("An amount must be positive: type it without a minus sign."));

  if (g_error_matches (error, PN_MONEY_ERROR, PN_MONEY_ERROR_OVERFLOW))
    /* Translators: %s is the largest amount, ¥100,000,000,000,000 */
    return g_strdup_printf (_("Too large: an amount is at most %s."), max);

  /* Numbers the parser refuses for their form: 1e20, 12.5 (yuan). */
  number = g_ascii_strtod (stripped, &end);
  if (end != stripped && *end == '\0' && isfinite (number))
    {
      if (number >= 1e14)
        return g_strdup_printf (_("Too large: an amount is at most %s."), max);
      if (strpbrk (stripped, "eE") != NULL)
        return g_strdup (_("Write the amount out in full, such as 30000000, not as a power of ten."));
      return g_strdup (_("Whole yuan only: round it, or type 万元 such as 12.5万."));
    }

  return g_strdup (_("Not a number: type yuan, such as 30000000 or 30,000,000, or 万元, such as 3000万."));
}

char *
pn_gui_result_amount (const PnResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  /* support that is no money (a service, a faster review) says so, not
   * a bare dash a reader takes for nothing */
  if (result->benefit->kind == PN_BENEFIT_NON_MONETARY)
    return g_strdup (_("Non-monetary"));

  /* The CLI's wording, in the UI language. */
  return pn_export_amount_label (result, pn_gui_get_lang ());
}

char *
pn_gui_next_step_title (const PnNextStep *step)
{
  const char *text;

  g_return_val_if_fail (step != NULL, NULL);

  text = pn_gui_text (&step->text);
  switch (step->kind)
    {
    case PN_NEXT_STEP_ANSWER:
      /* Translators: a next step that asks a question; %s is what it asks,
       * "the drug class" */
      return g_strdup_printf (_("Answer: %s"), text);
    case PN_NEXT_STEP_FIGURE:
      /* Translators: a next step that asks a figure; %s names it, "R&D
       * investment" */
      return g_strdup_printf (_("Give: %s"), text);
    case PN_NEXT_STEP_REQUIREMENT:
    default:
      /* Translators: a next step that is a requirement to check with the
       * authority; %s is the requirement */
      return g_strdup_printf (_("Check: %s"), text);
    }
}

char *
pn_gui_next_step_adds (const PnNextStep *step)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (step != NULL, NULL);

  if (step->adds_high_cny == PN_YUAN_UNSET)
    /* Translators: what a next step may add when a measure it opens has
     * no cap */
    return g_strdup (_("no upper bound"));

  amount = pn_money_format_yuan (step->adds_high_cny);
  /* Translators: what a next step may add to the "up to" total,
   * "up to +¥4,000,000" */
  return g_strdup_printf (_("up to +%s"), amount);
}

char *
pn_gui_benefit_amount (PnBenefit *benefit)
{
  g_return_val_if_fail (benefit != NULL, NULL);

  if (benefit->kind == PN_BENEFIT_NON_MONETARY)
    return g_strdup (_("Non-monetary"));
  /* a fixed award of 300万元 is ¥3,000,000, not "up to" it: only a cap
   * (最高…) makes it a most */
  if (benefit->kind == PN_BENEFIT_FIXED && benefit->amount != PN_YUAN_UNSET &&
      (benefit->cap == PN_YUAN_UNSET || benefit->cap > benefit->amount))
    return pn_money_format_yuan (benefit->amount);
  if (benefit->cap != PN_YUAN_UNSET || benefit->amount != PN_YUAN_UNSET)
    {
      g_autofree char *amount = pn_money_format_yuan (benefit->cap != PN_YUAN_UNSET ? benefit->cap : benefit->amount);

      /* Translators: what a measure gives at most, "up to ¥4,000,000" */
      return g_strdup_printf (_("up to %s"), amount);
    }
  if (benefit->rate >= 0)
    {
      g_autofree char *rate = pn_money_format_rate (benefit->rate);

      if (benefit->rate_ceiling)
        /* Translators: a measure's rate with no cap that the text sets as
         * a most, "up to 40% of a figure" */
        return g_strdup_printf (_("up to %s of a figure"), rate);
      /* Translators: a measure's rate with no cap, "40% of a figure" */
      return g_strdup_printf (_("%s of a figure"), rate);
    }

  return g_strdup (_("No amount stated"));
}

void
pn_gui_list_box_remove_all (GtkListBox *list_box)
{
  GtkListBoxRow *row;

  g_return_if_fail (GTK_IS_LIST_BOX (list_box));

  /* Rows only: a placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (list_box, 0)) != NULL)
    gtk_list_box_remove (list_box, GTK_WIDGET (row));
}

void
pn_gui_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/**
 * pn_gui_units_text:
 * @units: (element-type PnUnitRef): responsible units
 *
 * Returns: (nullable): the units in the UI language, leads first, then
 *   the cooperating ones; %NULL when there are none
 */
char *
pn_gui_units_text (GPtrArray  *units,
                   PnDocument *document,
                   PnTaxonomy *taxonomy)
{
  GString *text = g_string_new (NULL);
  const char *separator = pn_gui_get_lang () == PN_LANG_ZH ? "、" : ", ";

  /* Leads first, then the cooperating units. */
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < units->len; i++)
        {
          const PnUnitRef *ref = g_ptr_array_index (units, i);
          gboolean lead = g_strcmp0 (ref->role, "cooperating") != 0;
          const PnTerm *unit;

          if (lead != (pass == 0))
            continue;

          unit = pn_document_lookup_unit (document, taxonomy, ref->id);
          if (text->len > 0)
            g_string_append (text, separator);
          g_string_append (text, unit != NULL ? pn_gui_term_label (unit) : ref->id);
        }
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

/* ---- a combo row of ids ---- */

void
pn_id_choices_init (PnIdChoices *self,
                    const char  *current)
{
  self->labels = gtk_string_list_new (NULL);
  self->ids = g_strv_builder_new ();
  self->current = current;
  self->n = 1;
  self->selected = 0;
  self->listed = current == NULL;
  gtk_string_list_append (self->labels, _("None"));
  g_strv_builder_add (self->ids, "");
}

void
pn_id_choices_add (PnIdChoices *self,
                   const char  *id,
                   const char  *label)
{
  gtk_string_list_append (self->labels, label);
  g_strv_builder_add (self->ids, id);
  if (g_strcmp0 (id, self->current) == 0)
    {
      self->selected = self->n;
      self->listed = TRUE;
    }
  self->n++;
}

GStrv
pn_id_choices_finish (PnIdChoices *self,
                      AdwComboRow *row)
{
  GStrv ids;

  if (!self->listed)
    {
      gtk_string_list_append (self->labels, self->current);
      g_strv_builder_add (self->ids, self->current);
      self->selected = self->n;
    }
  ids = g_strv_builder_end (self->ids);
  adw_combo_row_set_model (row, G_LIST_MODEL (self->labels));
  adw_combo_row_set_selected (row, self->selected);
  g_clear_object (&self->labels);
  g_clear_pointer (&self->ids, g_strv_builder_unref);
  return ids;
}

void
pn_gui_show_message (GtkWindow  *parent,
                     const char *heading,
                     const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}
