/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-benefit-form"

#include "config.h"

#include "pn-benefit-form.h"

#include "pn-citation.h"
#include "pn-editor-fields.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-notes-editor.h"

#include <glib/gi18n.h>
#include <string.h>

typedef enum
{
  FIELD_TOP,
  FIELD_TITLE,
  FIELD_AMOUNT,
  FIELD_RATE,
  FIELD_CAP,
  FIELD_STAGES,
  FIELD_THRESHOLDS,
  FIELD_CONDITIONS,
  FIELD_LINKS,
  FIELD_REQUIREMENTS,
  FIELD_NOTES,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "top", "title", "amount", "rate", "cap", "stages", "thresholds", "conditions", "links", "requirements",
  "notes",
};

static const PnBenefitKind kinds[] = {
  PN_BENEFIT_FIXED, PN_BENEFIT_RATE, PN_BENEFIT_TOP_UP, PN_BENEFIT_MATCHING,
  PN_BENEFIT_UNSPECIFIED, PN_BENEFIT_NON_MONETARY,
};

/* NULL first: not stated */
static const char * const pers[] = {
  NULL, "product", "registration-unit", "project", "enterprise", "institution", "platform",
  "person", "item",
};

/* One yearly cap of the document (<annual-cap>), as the benefit form
 * shows it: whether the benefit is under it, its amount and what it is
 * counted per.  The amount and per are the document's, shared by every
 * benefit under the cap. */
typedef struct
{
  PnBenefitForm  *form;        /* not owned */
  PnAnnualCap    *cap;         /* the document's */
  AdwExpanderRow *row;
  GtkCheckButton *check;
  AdwEntryRow    *amount;
  AdwComboRow    *per;
  GtkWidget      *error_row;
} CapFields;

typedef struct
{
  PnBenefitForm *form;         /* not owned */
  guint          index;        /* in benefit->thresholds */
  GtkWidget     *entry;        /* AdwEntryRow */
  GtkDropDown   *figure;
  GtkCheckButton *inclusive;
  GtkWidget     *error_row;
  char          *error;
} ThresholdFields;

typedef struct
{
  PnBenefitForm *form;         /* not owned */
  PnQuestion     question;
  GtkWidget     *expander;     /* AdwExpanderRow */
  GPtrArray     *checks;       /* GtkCheckButton, data "term-id" */
} ConditionFields;

struct _PnBenefitForm
{
  AdwBin            parent_instance;

  PnEditorDocument *document;
  PnBenefit        *benefit;       /* of the document, not owned */
  PnTaxonomy       *taxonomy;      /* the conditions were built for */
  gboolean          syncing;

  char             *errors[N_FIELDS];   /* what typing was refused for */
  gboolean          refusing;           /* a field holds what it refused */
  Field             issue_field;
  char             *issue_message;      /* the check's, or NULL */

  GPtrArray        *thresholds;    /* ThresholdFields */
  GPtrArray        *conditions;    /* ConditionFields */
  GtkWidget        *thresholds_error_row;
  GtkWidget        *conditions_error_row;
  GStrv             tops_up_ids;   /* the tops-up row's items; "" for none */
  GPtrArray        *unit_rows;     /* GtkDropDown, data "unit-id" */

  /* Template children */
  GtkWidget        *amount_error_row;
  AdwEntryRow      *amount_row;
  AdwComboRow      *base_row;
  AdwComboRow      *combined_limit_row;
  GtkWidget        *cap_error_row;
  AdwEntryRow      *cap_row;
  GtkButton        *delete_button;
  AdwPreferencesGroup *conditions_group;
  AdwActionRow     *id_row;
  AdwComboRow      *kind_row;
  GtkWidget        *links_error_row;
  PnNotesEditor    *notes_editor;
  PnNotesEditor    *requirements_editor;
  AdwPreferencesGroup *caps_group;
  GPtrArray        *caps;          /* CapFields */
  GtkButton        *add_requirement_button;
  GtkSwitch        *one_time_switch;
  AdwComboRow      *overlap_row;
  AdwComboRow      *per_row;
  GtkWidget        *rate_error_row;
  AdwEntryRow      *rate_row;
  GtkSwitch        *rate_ceiling_switch;
  AdwActionRow     *rate_ceiling_row;
  GtkButton        *review_button;
  AdwActionRow     *review_row;
  GtkWidget        *stages_error_row;
  AdwEntryRow      *stages_over_row;
  AdwEntryRow      *stages_row;
  AdwPreferencesGroup *thresholds_group;
  GtkWidget        *title_error_row;
  AdwEntryRow      *title_en_row;
  AdwEntryRow      *title_zh_row;
  GtkWidget        *top_error_row;
  AdwComboRow      *tops_up_row;
  AdwExpanderRow   *units_row;
};

G_DEFINE_FINAL_TYPE (PnBenefitForm, pn_benefit_form, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_REFUSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
kind_label (PnBenefitKind kind)
{
  switch (kind)
    {
    case PN_BENEFIT_FIXED:
      return _("Fixed award");
    case PN_BENEFIT_RATE:
      return _("Rate of a figure");
    case PN_BENEFIT_TOP_UP:
      return _("Top-up of another award");
    case PN_BENEFIT_MATCHING:
      return _("Matching of other funding");
    case PN_BENEFIT_UNSPECIFIED:
      return _("Amount not stated");
    case PN_BENEFIT_NON_MONETARY:
    case PN_N_BENEFIT_KINDS:
    default:
      return _("Non-monetary (a service, a priority)");
    }
}

static const char *
per_label (const char *per)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "product", N_("Per product") },
    { "registration-unit", N_("Per registration unit") },
    { "project", N_("Per project") },
    { "enterprise", N_("Per enterprise") },
    { "institution", N_("Per institution") },
    { "platform", N_("Per platform") },
    { "person", N_("Per person") },
    { "item", N_("Per item") },
  };

  for (guint i = 0; per != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].id, per))
      return _(labels[i].label);
  return _("Not stated");
}

static const char *
figure_label (PnTaxonomy *taxonomy,
              PnFigure    figure)
{
  const PnTerm *term = taxonomy != NULL ? pn_taxonomy_get_term (taxonomy, "figure", pn_figure_to_string (figure)) : NULL;

  return term != NULL ? pn_gui_term_label (term) : pn_figure_to_string (figure);
}

/* ---- errors ---- */

static GtkWidget *
field_widget (PnBenefitForm *self,
              Field          field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return GTK_WIDGET (self->title_zh_row);
    case FIELD_AMOUNT:
      return GTK_WIDGET (self->amount_row);
    case FIELD_RATE:
      return GTK_WIDGET (self->rate_row);
    case FIELD_CAP:
      return GTK_WIDGET (self->cap_row);
    case FIELD_STAGES:
      return GTK_WIDGET (self->stages_row);
    case FIELD_CONDITIONS:
      return GTK_WIDGET (self->conditions_group);
    case FIELD_THRESHOLDS:
      return GTK_WIDGET (self->thresholds_group);
    case FIELD_LINKS:
      return GTK_WIDGET (self->tops_up_row);
    case FIELD_REQUIREMENTS:
      return GTK_WIDGET (self->requirements_editor);
    case FIELD_NOTES:
      return GTK_WIDGET (self->notes_editor);
    case FIELD_TOP:
    case N_FIELDS:
    default:
      return GTK_WIDGET (self->review_row);
    }
}

static GtkWidget *
error_row (PnBenefitForm *self,
           Field          field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return self->title_error_row;
    case FIELD_AMOUNT:
      return self->amount_error_row;
    case FIELD_RATE:
      return self->rate_error_row;
    case FIELD_CAP:
      return self->cap_error_row;
    case FIELD_STAGES:
      return self->stages_error_row;
    case FIELD_THRESHOLDS:
      return self->thresholds_error_row;
    case FIELD_CONDITIONS:
      return self->conditions_error_row;
    case FIELD_LINKS:
      return self->links_error_row;
    case FIELD_REQUIREMENTS:
    case FIELD_NOTES:
    case FIELD_TOP:
    case N_FIELDS:
    default:
      return self->top_error_row;
    }
}

static void
update_errors (PnBenefitForm *self)
{
  gboolean refusing = FALSE;

  for (Field field = 0; field < N_FIELDS; field++)
    refusing = refusing || self->errors[field] != NULL;
  if (refusing != self->refusing)
    {
      self->refusing = refusing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSING]);
    }

  for (Field field = 0; field < N_FIELDS; field++)
    {
      const char *message = self->errors[field];

      if (message == NULL && self->issue_message != NULL && self->issue_field == field)
        message = self->issue_message;

      if (field == FIELD_NOTES || field == FIELD_REQUIREMENTS)
        {
          pn_notes_editor_set_issue (field == FIELD_NOTES ? self->notes_editor : self->requirements_editor,
                                     message);
          continue;
        }
      /* the top row is also where an issue of no field goes */
      if (field == FIELD_TOP)
        {
          pn_editor_show_field_error (NULL, self->top_error_row, message);
          continue;
        }
      pn_editor_show_field_error (field_widget (self, field), error_row (self, field), message);
    }
}

static void
set_error (PnBenefitForm *self,
           Field          field,
           const char    *message)
{
  if (g_strcmp0 (self->errors[field], message) == 0)
    return;
  g_free (self->errors[field]);
  self->errors[field] = g_strdup (message);
  update_errors (self);
}

static void
changed (PnBenefitForm *self)
{
  pn_editor_document_changed (self->document);
}

/* ---- simple fields ---- */

static void
update_review (PnBenefitForm *self)
{
  gboolean reviewed = self->benefit != NULL && self->benefit->reviewed;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->review_row),
                                 reviewed ? _("Reviewed") : _("Not yet reviewed"));
  adw_action_row_set_subtitle (self->review_row,
                               reviewed ? _("It counts in totals once the document is imported.")
                                        : _("It counts in no total until it is marked as reviewed."));
  gtk_button_set_label (self->review_button, reviewed ? _("_Mark as Not Reviewed") : _("_Mark as Reviewed"));
  if (reviewed)
    gtk_widget_remove_css_class (GTK_WIDGET (self->review_button), "suggested-action");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->review_button), "suggested-action");
}

static void
update_visibility (PnBenefitForm *self)
{
  PnBenefit *benefit = self->benefit;
  gboolean money;
  gboolean rated;

  if (benefit == NULL)
    return;
  /* what the kind uses, and whatever holds a value */
  money = benefit->kind != PN_BENEFIT_UNSPECIFIED && benefit->kind != PN_BENEFIT_NON_MONETARY;
  rated = benefit->kind == PN_BENEFIT_RATE || benefit->kind == PN_BENEFIT_TOP_UP ||
          benefit->kind == PN_BENEFIT_MATCHING;
  gtk_widget_set_visible (GTK_WIDGET (self->amount_row),
                          benefit->kind == PN_BENEFIT_FIXED || benefit->amount != PN_YUAN_UNSET ||
                          self->errors[FIELD_AMOUNT] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rate_row),
                          rated || benefit->rate >= 0 || self->errors[FIELD_RATE] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rate_ceiling_row), rated || benefit->rate >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->base_row), rated || benefit->base != PN_FIGURE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->combined_limit_row), rated || benefit->combined_limit != PN_FIGURE_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->cap_row),
                          money || benefit->cap != PN_YUAN_UNSET || self->errors[FIELD_CAP] != NULL);
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
title_changed_cb (PnBenefitForm *self)
{
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  if (self->syncing || self->benefit == NULL)
    return;

  zh = entry_text (self->title_zh_row);
  en = entry_text (self->title_en_row);
  if (*zh == '\0' || *en == '\0')
    {
      set_error (self, FIELD_TITLE, *zh == '\0' ? _("Give the benefit a title in Chinese.")
                                                : _("Give the benefit a title in English."));
      return;
    }
  set_error (self, FIELD_TITLE, NULL);
  if (g_strcmp0 (self->benefit->title.zh, zh) == 0 && g_strcmp0 (self->benefit->title.en, en) == 0)
    return;
  g_free (self->benefit->title.zh);
  g_free (self->benefit->title.en);
  self->benefit->title.zh = g_steal_pointer (&zh);
  self->benefit->title.en = g_steal_pointer (&en);
  changed (self);
}

static void
kind_changed_cb (PnBenefitForm *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->syncing || self->benefit == NULL || selected >= G_N_ELEMENTS (kinds))
    return;
  if (self->benefit->kind == kinds[selected])
    return;
  self->benefit->kind = kinds[selected];
  update_visibility (self);
  changed (self);
}

static void
per_changed_cb (PnBenefitForm *self)
{
  guint selected = adw_combo_row_get_selected (self->per_row);

  if (self->syncing || self->benefit == NULL || selected >= G_N_ELEMENTS (pers))
    return;
  if (g_strcmp0 (self->benefit->per, pers[selected]) == 0)
    return;
  g_free (self->benefit->per);
  self->benefit->per = g_strdup (pers[selected]);
  changed (self);
}

static void
one_time_changed_cb (PnBenefitForm *self)
{
  gboolean active = gtk_switch_get_active (self->one_time_switch);

  if (self->syncing || self->benefit == NULL || self->benefit->one_time == active)
    return;
  self->benefit->one_time = active;
  changed (self);
}

static void
rate_ceiling_changed_cb (PnBenefitForm *self)
{
  gboolean active = gtk_switch_get_active (self->rate_ceiling_switch);

  if (self->syncing || self->benefit == NULL || self->benefit->rate_ceiling == active)
    return;
  self->benefit->rate_ceiling = active;
  changed (self);
}

static void
yuan_changed (PnBenefitForm *self,
              AdwEntryRow   *row,
              Field          field,
              gint64        *value)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 yuan;

  if (self->syncing || self->benefit == NULL)
    return;

  text = entry_text (row);
  if (!pn_editor_parse_yuan (text, &yuan, &error))
    {
      set_error (self, field, error->message);
      return;
    }
  set_error (self, field, NULL);
  if (*value == yuan)
    return;
  *value = yuan;
  changed (self);
}

static void
amount_changed_cb (PnBenefitForm *self)
{
  if (self->benefit != NULL)
    yuan_changed (self, self->amount_row, FIELD_AMOUNT, &self->benefit->amount);
}

static void
cap_changed_cb (PnBenefitForm *self)
{
  if (self->benefit != NULL)
    yuan_changed (self, self->cap_row, FIELD_CAP, &self->benefit->cap);
}

static void
rate_changed_cb (PnBenefitForm *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  double rate;

  if (self->syncing || self->benefit == NULL)
    return;

  text = entry_text (self->rate_row);
  if (!pn_editor_parse_rate (text, &rate, &error))
    {
      set_error (self, FIELD_RATE, error->message);
      return;
    }
  set_error (self, FIELD_RATE, NULL);
  if (self->benefit->rate == rate)
    return;
  self->benefit->rate = rate;
  changed (self);
}

/* A row choosing a figure, "None" first: into `field` of the benefit. */
static void
figure_row_changed (PnBenefitForm *self,
                    AdwComboRow   *row,
                    PnFigure      *field)
{
  guint selected = adw_combo_row_get_selected (row);
  PnFigure figure;

  if (self->syncing || self->benefit == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  figure = selected == 0 ? PN_FIGURE_NONE : (PnFigure) (selected - 1);
  if (*field == figure)
    return;
  *field = figure;
  changed (self);
}

static void
figure_row_set (AdwComboRow *row,
                PnFigure     figure)
{
  adw_combo_row_set_selected (row, figure == PN_FIGURE_NONE ? 0 : (guint) figure + 1);
}

static void
base_changed_cb (PnBenefitForm *self)
{
  if (self->benefit != NULL)
    figure_row_changed (self, self->base_row, &self->benefit->base);
}

static void
combined_limit_changed_cb (PnBenefitForm *self)
{
  if (self->benefit != NULL)
    figure_row_changed (self, self->combined_limit_row, &self->benefit->combined_limit);
}

static void
stages_changed_cb (PnBenefitForm *self)
{
  g_autofree char *text = NULL;
  g_autofree char *over = NULL;
  g_autoptr(GError) error = NULL;
  GArray *shares = NULL;

  if (self->syncing || self->benefit == NULL)
    return;

  text = entry_text (self->stages_row);
  over = entry_text (self->stages_over_row);
  if (!pn_editor_parse_stages (text, &shares, &error))
    {
      set_error (self, FIELD_STAGES, error->message);
      return;
    }
  set_error (self, FIELD_STAGES, NULL);

  g_clear_pointer (&self->benefit->stages, g_array_unref);
  g_clear_pointer (&self->benefit->stages_over, g_free);
  self->benefit->stages = shares;
  if (shares != NULL && *over != '\0')
    self->benefit->stages_over = g_steal_pointer (&over);
  changed (self);
}

/* ---- thresholds ---- */

static void
threshold_fields_free (ThresholdFields *fields)
{
  g_free (fields->error);
  g_free (fields);
}

static void
threshold_changed_cb (ThresholdFields *fields)
{
  PnBenefitForm *self = fields->form;
  PnThreshold *threshold;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 yuan;
  guint figure;
  gboolean inclusive;
  gboolean any = FALSE;

  if (self->syncing || self->benefit == NULL || fields->index >= self->benefit->thresholds->len)
    return;
  threshold = g_ptr_array_index (self->benefit->thresholds, fields->index);

  text = entry_text (ADW_ENTRY_ROW (fields->entry));
  g_clear_pointer (&fields->error, g_free);
  if (!pn_editor_parse_yuan (text, &yuan, &error) || yuan == PN_YUAN_UNSET)
    fields->error = g_strdup (error != NULL ? error->message : _("Type the amount the figure must reach."));
  /* each threshold's message under its own row */
  pn_editor_show_field_error (fields->entry, fields->error_row, fields->error);

  figure = gtk_drop_down_get_selected (fields->figure);
  inclusive = gtk_check_button_get_active (fields->inclusive);
  if (figure < PN_N_FIGURES && threshold->figure != (PnFigure) figure)
    {
      threshold->figure = figure;
      any = TRUE;
    }
  if (threshold->inclusive != inclusive)
    {
      threshold->inclusive = inclusive;
      any = TRUE;
    }
  if (fields->error == NULL && threshold->min != yuan)
    {
      threshold->min = yuan;
      any = TRUE;
    }
  if (any)
    changed (self);
}

static void rebuild_thresholds (PnBenefitForm *self);

static void
remove_threshold_cb (ThresholdFields *fields)
{
  PnBenefitForm *self = fields->form;

  if (self->benefit == NULL || fields->index >= self->benefit->thresholds->len)
    return;
  g_ptr_array_remove_index (self->benefit->thresholds, fields->index);
  rebuild_thresholds (self);
  changed (self);
}

static GtkStringList *
figures_model (PnTaxonomy *taxonomy)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (PnFigure figure = 0; figure < PN_N_FIGURES; figure++)
    gtk_string_list_append (list, figure_label (taxonomy, figure));
  return list;
}

static void
rebuild_thresholds (PnBenefitForm *self)
{
  for (guint i = 0; i < self->thresholds->len; i++)
    {
      ThresholdFields *fields = g_ptr_array_index (self->thresholds, i);

      adw_preferences_group_remove (self->thresholds_group, fields->entry);
      adw_preferences_group_remove (self->thresholds_group, fields->error_row);
    }
  g_ptr_array_set_size (self->thresholds, 0);

  if (self->benefit == NULL)
    return;

  self->syncing = TRUE;
  for (guint i = 0; i < self->benefit->thresholds->len; i++)
    {
      const PnThreshold *threshold = g_ptr_array_index (self->benefit->thresholds, i);
      ThresholdFields *fields = g_new0 (ThresholdFields, 1);
      g_autoptr(GtkStringList) figures = figures_model (self->taxonomy);
      g_autofree char *min = pn_editor_format_yuan (threshold->min);
      GtkWidget *remove;

      fields->form = self;
      fields->index = i;
      fields->entry = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->entry), _("Reaches at least"));
      gtk_editable_set_text (GTK_EDITABLE (fields->entry), min);

      fields->figure = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&figures)), NULL));
      gtk_drop_down_set_selected (fields->figure, threshold->figure >= 0 ? (guint) threshold->figure : 0);
      gtk_widget_set_valign (GTK_WIDGET (fields->figure), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (fields->figure), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Figure the threshold is about"), -1);
      fields->inclusive = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("or more")));
      gtk_check_button_set_active (fields->inclusive, threshold->inclusive);
      gtk_widget_set_tooltip_text (GTK_WIDGET (fields->inclusive),
                                   _("Reaching the amount is enough (达到, 以上); untick when it must be exceeded (超过)"));
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Threshold"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the Threshold"), -1);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (fields->entry), GTK_WIDGET (fields->figure));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (fields->entry), GTK_WIDGET (fields->inclusive));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (fields->entry), remove);

      fields->error_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->error_row), "");
      adw_action_row_set_title_lines (ADW_ACTION_ROW (fields->error_row), 0);
      gtk_widget_add_css_class (fields->error_row, "pn-field-error");
      gtk_widget_set_visible (fields->error_row, FALSE);

      g_signal_connect_swapped (fields->entry, "changed", G_CALLBACK (threshold_changed_cb), fields);
      g_signal_connect_swapped (fields->figure, "notify::selected", G_CALLBACK (threshold_changed_cb), fields);
      g_signal_connect_swapped (fields->inclusive, "toggled", G_CALLBACK (threshold_changed_cb), fields);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_threshold_cb), fields);

      adw_preferences_group_add (self->thresholds_group, fields->entry);
      adw_preferences_group_add (self->thresholds_group, fields->error_row);
      g_ptr_array_add (self->thresholds, fields);
    }
  self->syncing = FALSE;
}

static void
add_threshold_cb (PnBenefitForm *self)
{
  PnThreshold *threshold;
  ThresholdFields *fields;

  if (self->benefit == NULL)
    return;
  threshold = g_new0 (PnThreshold, 1);
  threshold->figure = self->benefit->base != PN_FIGURE_NONE ? self->benefit->base : PN_FIGURE_RD_INVESTMENT;
  threshold->min = 0;
  threshold->inclusive = TRUE;
  g_ptr_array_add (self->benefit->thresholds, threshold);
  rebuild_thresholds (self);
  changed (self);

  fields = g_ptr_array_index (self->thresholds, self->thresholds->len - 1);
  gtk_widget_grab_focus (fields->entry);
}

/* ---- conditions ---- */

static void
condition_fields_free (ConditionFields *fields)
{
  g_clear_pointer (&fields->checks, g_ptr_array_unref);
  g_free (fields);
}

static PnCondition *
find_condition (PnBenefit  *benefit,
                PnQuestion  question)
{
  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      PnCondition *condition = g_ptr_array_index (benefit->conditions, i);

      if (condition->question == question)
        return condition;
    }
  return NULL;
}

static void
update_condition_subtitle (ConditionFields *fields)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < fields->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (fields->checks, i);

      if (!gtk_check_button_get_active (check))
        continue;
      if (text->len > 0)
        /* Translators: between the answers a condition accepts */
        g_string_append (text, _(", "));
      g_string_append (text, g_object_get_data (G_OBJECT (check), "label"));
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (fields->expander),
                                 text->len > 0 ? text->str : _("Any"));
}

static void
condition_toggled_cb (ConditionFields *fields)
{
  PnBenefitForm *self = fields->form;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) values = NULL;
  PnCondition *condition;

  update_condition_subtitle (fields);
  if (self->syncing || self->benefit == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < fields->checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (fields->checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "term-id"));
    }
  values = g_strv_builder_end (builder);

  condition = find_condition (self->benefit, fields->question);
  if (values[0] == NULL)
    {
      /* nothing ticked: the benefit asks nothing about it */
      if (condition != NULL)
        g_ptr_array_remove (self->benefit->conditions, condition);
    }
  else
    {
      if (condition == NULL)
        {
          condition = pn_condition_new ();
          condition->question = fields->question;
          g_ptr_array_add (self->benefit->conditions, condition);
        }
      g_strfreev (condition->values);
      condition->values = g_steal_pointer (&values);
      /* what the loader derives; the check reads the document again */
      g_clear_pointer (&condition->value_quarks, g_free);
      condition->asks_nothing = FALSE;
    }
  changed (self);
}

static void
add_condition_question (PnBenefitForm *self,
                        PnQuestion     question)
{
  ConditionFields *fields = g_new0 (ConditionFields, 1);
  g_autofree char *title = pn_gui_key_label (self->taxonomy, pn_question_to_string (question));
  g_autoptr(GPtrArray) terms = NULL;

  fields->form = self;
  fields->question = question;
  fields->checks = g_ptr_array_new ();
  fields->expander = adw_expander_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->expander),
                                 title != NULL ? title : pn_question_to_string (question));

  if (question == PN_QUESTION_INNOVATIVE_DEVICE)
    {
      /* a yes/no question: no vocabulary in the taxonomy */
      static const char * const ids[] = { "true", "false" };
      const char *labels[] = { _("Yes"), _("No") };

      terms = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          PnTerm *term = g_new0 (PnTerm, 1);

          term->id = (char *) ids[i];
          term->zh = term->en = (char *) labels[i];
          g_ptr_array_add (terms, term);
        }
    }
  else
    {
      GPtrArray *vocabulary = pn_taxonomy_get_terms (self->taxonomy, pn_question_to_string (question));

      terms = vocabulary != NULL ? g_ptr_array_ref (vocabulary) : g_ptr_array_new ();
    }

  for (guint i = 0; i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = pn_gui_term_label (term);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (pn_gui_term_other_label (term) != NULL && question != PN_QUESTION_INNOVATIVE_DEVICE)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pn_gui_term_other_label (term));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data_full (G_OBJECT (check), "term-id", g_strdup (term->id), g_free);
      g_object_set_data_full (G_OBJECT (check), "label", g_strdup (label), g_free);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (condition_toggled_cb), fields);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (fields->expander), row);
      g_ptr_array_add (fields->checks, check);
    }
  pn_gui_tag_chinese (fields->expander);

  adw_preferences_group_add (self->conditions_group, fields->expander);
  g_ptr_array_add (self->conditions, fields);
}

static void
ensure_conditions (PnBenefitForm *self,
                   PnTaxonomy    *taxonomy)
{
  if (self->taxonomy == taxonomy)
    return;

  for (guint i = 0; i < self->conditions->len; i++)
    adw_preferences_group_remove (self->conditions_group,
                                  ((ConditionFields *) g_ptr_array_index (self->conditions, i))->expander);
  g_ptr_array_set_size (self->conditions, 0);
  g_clear_pointer (&self->taxonomy, pn_taxonomy_unref);
  if (taxonomy == NULL)
    return;
  self->taxonomy = pn_taxonomy_ref (taxonomy);

  for (PnQuestion question = 0; question < PN_N_QUESTIONS; question++)
    add_condition_question (self, question);

  /* the figure names of the base and thresholds */
  {
    g_autoptr(GtkStringList) bases = gtk_string_list_new (NULL);

    gtk_string_list_append (bases, _("None"));
    for (PnFigure figure = 0; figure < PN_N_FIGURES; figure++)
      gtk_string_list_append (bases, figure_label (taxonomy, figure));
    adw_combo_row_set_model (self->base_row, G_LIST_MODEL (bases));
    adw_combo_row_set_model (self->combined_limit_row, G_LIST_MODEL (bases));
  }
  {
    g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);
    GPtrArray *all = pn_taxonomy_get_groups (taxonomy);

    gtk_string_list_append (groups, _("None"));
    for (guint i = 0; all != NULL && i < all->len; i++)
      gtk_string_list_append (groups, pn_gui_term_label (g_ptr_array_index (all, i)));
    adw_combo_row_set_model (self->overlap_row, G_LIST_MODEL (groups));
  }
}

static void
sync_conditions (PnBenefitForm *self)
{
  for (guint i = 0; i < self->conditions->len; i++)
    {
      ConditionFields *fields = g_ptr_array_index (self->conditions, i);
      const PnCondition *condition = find_condition (self->benefit, fields->question);

      for (guint j = 0; j < fields->checks->len; j++)
        {
          GtkCheckButton *check = g_ptr_array_index (fields->checks, j);
          const char *id = g_object_get_data (G_OBJECT (check), "term-id");

          gtk_check_button_set_active (check, condition != NULL && condition->values != NULL &&
                                              g_strv_contains ((const char * const *) condition->values, id));
        }
      update_condition_subtitle (fields);
    }
}

/* ---- links: overlap group, top-up, units ---- */

static void
overlap_changed_cb (PnBenefitForm *self)
{
  guint selected = adw_combo_row_get_selected (self->overlap_row);
  GPtrArray *groups;
  const char *id = NULL;

  if (self->syncing || self->benefit == NULL || self->taxonomy == NULL ||
      selected == GTK_INVALID_LIST_POSITION)
    return;
  groups = pn_taxonomy_get_groups (self->taxonomy);
  if (selected > 0 && groups != NULL && selected - 1 < groups->len)
    id = ((PnTerm *) g_ptr_array_index (groups, selected - 1))->id;
  if (g_strcmp0 (self->benefit->overlap_group, id) == 0)
    return;
  g_free (self->benefit->overlap_group);
  self->benefit->overlap_group = g_strdup (id);
  changed (self);
}

static gboolean
chain_reaches (PnDocument *document,
               const char *from,
               const char *target,
               guint       depth)
{
  if (depth > 32 || from == NULL)
    return FALSE;
  if (g_strcmp0 (from, target) == 0)
    return TRUE;
  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          if (g_strcmp0 (benefit->id, from) != 0)
            continue;
          for (guint t = 0; benefit->tops_up != NULL && benefit->tops_up[t] != NULL; t++)
            if (chain_reaches (document, benefit->tops_up[t], target, depth + 1))
              return TRUE;
          return FALSE;
        }
    }
  return FALSE;
}

static char *
benefit_label (PnBenefit *benefit)
{
  g_autofree char *citation = benefit->article != NULL ? pn_gui_citation (benefit->article) : NULL;

  /* Translators: a benefit another may top up: where it stands, its title */
  return g_strdup_printf (_("%s — %s"), citation != NULL ? citation : benefit->id,
                          pn_gui_text (&benefit->title));
}

static void
build_tops_up (PnBenefitForm *self)
{
  PnDocument *document = pn_editor_document_get_document (self->document);
  PnCorpus *corpus = pn_editor_document_get_corpus (self->document);
  g_autoptr(GPtrArray) others = NULL;
  PnIdChoices choices;

  pn_id_choices_init (&choices, self->benefit->tops_up != NULL ? self->benefit->tops_up[0] : NULL);

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);
          g_autofree char *label = NULL;

          /* never itself, nor one that tops this one up already */
          if (benefit == self->benefit || chain_reaches (document, benefit->id, self->benefit->id, 0))
            continue;
          label = benefit_label (benefit);
          pn_id_choices_add (&choices, benefit->id, label);
        }
    }

  /* the awards of the documents above it (the province's, the city's) */
  others = document->jurisdiction != NULL ? pn_corpus_documents_at (corpus, document->jurisdiction, NULL) : NULL;
  for (guint i = 0; others != NULL && i < others->len; i++)
    {
      PnDocument *other = g_ptr_array_index (others, i);

      if (g_strcmp0 (other->id, document->id) == 0 || !pn_corpus_load_whole (corpus, other, NULL))
        continue;
      for (guint a = 0; a < other->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (other->articles, a);

          for (guint j = 0; j < article->benefits->len; j++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, j);
              g_autofree char *label = NULL;

              if (benefit->kind == PN_BENEFIT_NON_MONETARY || benefit->kind == PN_BENEFIT_UNSPECIFIED)
                continue;
              label = benefit_label (benefit);
              pn_id_choices_add (&choices, benefit->id, label);
            }
        }
    }

  g_strfreev (self->tops_up_ids);
  self->tops_up_ids = pn_id_choices_finish (&choices, self->tops_up_row);
}

static void
tops_up_changed_cb (PnBenefitForm *self)
{
  guint selected = adw_combo_row_get_selected (self->tops_up_row);
  const char *id;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (self->syncing || self->benefit == NULL || self->tops_up_ids == NULL ||
      selected >= g_strv_length (self->tops_up_ids))
    return;
  id = self->tops_up_ids[selected];
  if (g_strcmp0 (self->benefit->tops_up ? self->benefit->tops_up[0] : "", id) == 0)
    return;

  /* the first target is the one chosen here; others stay */
  builder = g_strv_builder_new ();
  if (*id != '\0')
    g_strv_builder_add (builder, id);
  for (guint i = 1; self->benefit->tops_up != NULL && self->benefit->tops_up[0] != NULL &&
                    self->benefit->tops_up[i] != NULL; i++)
    if (g_strcmp0 (self->benefit->tops_up[i], id) != 0)
      g_strv_builder_add (builder, self->benefit->tops_up[i]);
  g_strfreev (self->benefit->tops_up);
  self->benefit->tops_up = g_strv_builder_end (builder);
  if (self->benefit->tops_up[0] == NULL)
    g_clear_pointer (&self->benefit->tops_up, g_strfreev);
  changed (self);
}

static const char *
unit_label (PnEditorDocument *document,
            const char       *id)
{
  const PnTerm *term = pn_document_lookup_unit (pn_editor_document_get_document (document),
                                                pn_editor_document_get_taxonomy (document), id);

  return term != NULL ? pn_gui_term_label (term) : id;
}

static void
update_units_subtitle (PnBenefitForm *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *units = self->benefit->units->len > 0 ? self->benefit->units : self->benefit->article->units;

  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const PnUnitRef *ref = g_ptr_array_index (units, i);

      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, unit_label (self->document, ref->id));
    }
  if (self->benefit->units->len == 0)
    {
      /* Translators: the units responsible for a benefit that names none
       * of its own; %s lists the article's */
      g_autofree char *article = g_strdup_printf (_("The article's: %s"),
                                                  text->len > 0 ? text->str : _("none named"));

      adw_expander_row_set_subtitle (self->units_row, article);
    }
  else
    adw_expander_row_set_subtitle (self->units_row, text->str);
}

static void
unit_changed_cb (PnBenefitForm *self)
{
  if (self->syncing || self->benefit == NULL)
    return;

  g_ptr_array_set_size (self->benefit->units, 0);
  for (guint i = 0; i < self->unit_rows->len; i++)
    {
      GtkDropDown *role = g_ptr_array_index (self->unit_rows, i);
      guint selected = gtk_drop_down_get_selected (role);

      if (selected == 1 || selected == 2)
        g_ptr_array_add (self->benefit->units,
                         pn_unit_ref_new (g_object_get_data (G_OBJECT (role), "unit-id"),
                                          selected == 1 ? "lead" : "cooperating"));
    }
  update_units_subtitle (self);
  changed (self);
}

static void
add_unit_row (PnBenefitForm *self,
              const char    *id,
              GHashTable    *seen)
{
  GtkWidget *row;
  GtkWidget *role;
  const char * const roles[] = { _("Not named"), _("Lead"), _("Cooperating"), NULL };
  guint selected = 0;

  if (!g_hash_table_add (seen, g_strdup (id)))
    return;

  for (guint i = 0; i < self->benefit->units->len; i++)
    {
      const PnUnitRef *ref = g_ptr_array_index (self->benefit->units, i);

      if (g_strcmp0 (ref->id, id) == 0)
        selected = g_strcmp0 (ref->role, "cooperating") == 0 ? 2 : 1;
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unit_label (self->document, id));
  role = gtk_drop_down_new_from_strings (roles);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (role), selected);
  gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (role), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unit_label (self->document, id), -1);
  g_object_set_data_full (G_OBJECT (role), "unit-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (role), "row", row);
  g_signal_connect_swapped (role, "notify::selected", G_CALLBACK (unit_changed_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
  pn_gui_tag_chinese (row);
  adw_expander_row_add_row (self->units_row, row);
  g_ptr_array_add (self->unit_rows, role);
}

/* ---- yearly caps ---- */

/* "At most ¥100,000,000 a year · Per enterprise · art. 1" */
static char *
cap_summary (const PnAnnualCap *cap)
{
  g_autofree char *amount = pn_money_format_yuan (cap->amount);

  /* Translators: a yearly cap in the review editor: its amount, what it
   * is counted per ("Per enterprise") and the article that sets it */
  return g_strdup_printf (_("At most %s a year · %s · art. %s"), amount, per_label (cap->per), cap->article);
}

static void
cap_toggled_cb (GtkCheckButton *check,
                CapFields      *fields)
{
  PnBenefitForm *self = fields->form;
  PnBenefit *benefit = self->benefit;
  gboolean under = gtk_check_button_get_active (check);
  gboolean was = benefit != NULL && benefit->annual_caps != NULL &&
                 g_strv_contains ((const char * const *) benefit->annual_caps, fields->cap->id);
  g_autoptr(GStrvBuilder) builder = NULL;
  GStrv caps;

  if (self->syncing || benefit == NULL || under == was)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; benefit->annual_caps != NULL && benefit->annual_caps[i] != NULL; i++)
    if (!g_str_equal (benefit->annual_caps[i], fields->cap->id))
      g_strv_builder_add (builder, benefit->annual_caps[i]);
  if (under)
    g_strv_builder_add (builder, fields->cap->id);
  caps = g_strv_builder_end (builder);
  g_strfreev (benefit->annual_caps);
  /* none: NULL, as the loader has it */
  benefit->annual_caps = caps[0] != NULL ? caps : (g_strfreev (caps), NULL);
  changed (self);
}

static void
cap_amount_changed_cb (CapFields *fields)
{
  PnBenefitForm *self = fields->form;
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 yuan;

  if (self->syncing)
    return;

  text = entry_text (fields->amount);
  if (!pn_editor_parse_yuan (text, &yuan, &error))
    {
      pn_editor_show_field_error (GTK_WIDGET (fields->amount), fields->error_row, error->message);
      return;
    }
  if (yuan == PN_YUAN_UNSET || yuan <= 0)
    {
      pn_editor_show_field_error (GTK_WIDGET (fields->amount), fields->error_row,
                                  _("A yearly cap needs its amount."));
      return;
    }
  pn_editor_show_field_error (GTK_WIDGET (fields->amount), fields->error_row, NULL);
  if (fields->cap->amount == yuan)
    return;
  fields->cap->amount = yuan;
  summary = cap_summary (fields->cap);
  adw_expander_row_set_subtitle (fields->row, summary);
  changed (self);
}

static void
cap_per_changed_cb (CapFields *fields)
{
  PnBenefitForm *self = fields->form;
  guint selected = adw_combo_row_get_selected (fields->per);
  g_autofree char *summary = NULL;

  /* pers[0] is "not stated": a cap always says */
  if (self->syncing || selected == GTK_INVALID_LIST_POSITION || selected + 1 >= G_N_ELEMENTS (pers) ||
      g_strcmp0 (fields->cap->per, pers[selected + 1]) == 0)
    return;
  g_free (fields->cap->per);
  fields->cap->per = g_strdup (pers[selected + 1]);
  summary = cap_summary (fields->cap);
  adw_expander_row_set_subtitle (fields->row, summary);
  changed (self);
}

static void
add_cap_fields (PnBenefitForm *self,
                PnAnnualCap   *cap)
{
  CapFields *fields = g_new0 (CapFields, 1);
  g_autofree char *summary = cap_summary (cap);
  g_autofree char *amount = pn_editor_format_yuan (cap->amount);
  g_autoptr(GtkStringList) per_labels = gtk_string_list_new (NULL);
  GtkWidget *text_row;
  guint per = 0;

  fields->form = self;
  fields->cap = cap;

  fields->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  /* the policy's words are text, not markup ("R&D") */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (fields->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->row), pn_gui_text (&cap->text));
  adw_expander_row_set_subtitle (fields->row, summary);
  fields->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (fields->check), GTK_ALIGN_CENTER);
  gtk_check_button_set_active (fields->check,
                               self->benefit->annual_caps != NULL &&
                               g_strv_contains ((const char * const *) self->benefit->annual_caps, cap->id));
  /* Translators: the check of a yearly cap in the review editor */
  gtk_accessible_update_property (GTK_ACCESSIBLE (fields->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("This benefit is under the cap"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (fields->check), _("This benefit is under the cap"));
  adw_expander_row_add_prefix (fields->row, GTK_WIDGET (fields->check));

  /* the whole sentence: the title may be cut short */
  text_row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (text_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (text_row), pn_gui_text (&cap->text));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (text_row), 0);
  adw_expander_row_add_row (fields->row, text_row);

  fields->amount = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->amount), _("Amount a year (yuan or 万元)"));
  gtk_editable_set_text (GTK_EDITABLE (fields->amount), amount);
  adw_expander_row_add_row (fields->row, GTK_WIDGET (fields->amount));
  fields->error_row = adw_action_row_new ();
  adw_action_row_set_title_lines (ADW_ACTION_ROW (fields->error_row), 0);
  gtk_widget_add_css_class (fields->error_row, "pn-field-error");
  gtk_widget_set_visible (fields->error_row, FALSE);
  adw_expander_row_add_row (fields->row, fields->error_row);

  fields->per = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->per), _("Cap applies"));
  for (guint i = 1; i < G_N_ELEMENTS (pers); i++)
    {
      gtk_string_list_append (per_labels, per_label (pers[i]));
      if (g_strcmp0 (pers[i], cap->per) == 0)
        per = i - 1;
    }
  adw_combo_row_set_model (fields->per, G_LIST_MODEL (per_labels));
  adw_combo_row_set_selected (fields->per, per);
  adw_expander_row_add_row (fields->row, GTK_WIDGET (fields->per));

  g_signal_connect (fields->check, "toggled", G_CALLBACK (cap_toggled_cb), fields);
  g_signal_connect_swapped (fields->amount, "changed", G_CALLBACK (cap_amount_changed_cb), fields);
  g_signal_connect_swapped (fields->per, "notify::selected", G_CALLBACK (cap_per_changed_cb), fields);

  adw_preferences_group_add (self->caps_group, GTK_WIDGET (fields->row));
  g_ptr_array_add (self->caps, fields);
}

/* A row for each yearly cap of the document; none without one. */
static void
build_caps (PnBenefitForm *self)
{
  PnDocument *document = self->document != NULL ? pn_editor_document_get_document (self->document) : NULL;

  for (guint i = 0; i < self->caps->len; i++)
    {
      CapFields *fields = g_ptr_array_index (self->caps, i);

      g_signal_handlers_disconnect_by_data (fields->check, fields);
      g_signal_handlers_disconnect_by_data (fields->amount, fields);
      g_signal_handlers_disconnect_by_data (fields->per, fields);
      adw_preferences_group_remove (self->caps_group, GTK_WIDGET (fields->row));
    }
  g_ptr_array_set_size (self->caps, 0);

  for (guint i = 0; self->benefit != NULL && document != NULL && i < document->annual_caps->len; i++)
    add_cap_fields (self, g_ptr_array_index (document->annual_caps, i));
  gtk_widget_set_visible (GTK_WIDGET (self->caps_group), self->caps->len > 0);
}

/* The units of the document's place and the places above it, its own
 * units, and any unit the benefit or article names already. */
static void
build_units (PnBenefitForm *self)
{
  PnDocument *document = pn_editor_document_get_document (self->document);
  PnTaxonomy *taxonomy = pn_editor_document_get_taxonomy (self->document);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *units = pn_taxonomy_get_units (taxonomy);

  for (guint i = 0; i < self->unit_rows->len; i++)
    adw_expander_row_remove (self->units_row,
                             g_object_get_data (G_OBJECT (g_ptr_array_index (self->unit_rows, i)), "row"));
  g_ptr_array_set_size (self->unit_rows, 0);

  for (guint i = 0; i < self->benefit->units->len; i++)
    add_unit_row (self, ((PnUnitRef *) g_ptr_array_index (self->benefit->units, i))->id, seen);
  for (guint i = 0; i < self->benefit->article->units->len; i++)
    add_unit_row (self, ((PnUnitRef *) g_ptr_array_index (self->benefit->article->units, i))->id, seen);
  for (guint i = 0; i < document->local_units->len; i++)
    add_unit_row (self, ((PnTerm *) g_ptr_array_index (document->local_units, i))->id, seen);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const PnTerm *unit = g_ptr_array_index (units, i);

      if (document->jurisdiction != NULL && unit->parent != NULL &&
          pn_taxonomy_location_within (taxonomy, document->jurisdiction, unit->parent))
        add_unit_row (self, unit->id, seen);
    }
  update_units_subtitle (self);
}

/* ---- the benefit ---- */

static void
sync_fields (PnBenefitForm *self)
{
  PnBenefit *benefit = self->benefit;
  g_autofree char *amount = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *stages = NULL;
  GPtrArray *groups;
  guint overlap = 0;

  self->syncing = TRUE;
  set_entry_text (self->title_zh_row, benefit->title.zh);
  set_entry_text (self->title_en_row, benefit->title.en);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == benefit->kind)
      adw_combo_row_set_selected (self->kind_row, i);
  for (guint i = 0; i < G_N_ELEMENTS (pers); i++)
    if (g_strcmp0 (pers[i], benefit->per) == 0)
      adw_combo_row_set_selected (self->per_row, i);
  gtk_switch_set_active (self->one_time_switch, benefit->one_time);
  adw_action_row_set_subtitle (self->id_row, benefit->id);

  amount = pn_editor_format_yuan (benefit->amount);
  rate = pn_editor_format_rate (benefit->rate);
  cap = pn_editor_format_yuan (benefit->cap);
  stages = pn_editor_format_stages (benefit->stages);
  set_entry_text (self->amount_row, amount);
  set_entry_text (self->rate_row, rate);
  gtk_switch_set_active (self->rate_ceiling_switch, benefit->rate_ceiling);
  set_entry_text (self->cap_row, cap);
  set_entry_text (self->stages_row, stages);
  set_entry_text (self->stages_over_row, benefit->stages_over);
  figure_row_set (self->base_row, benefit->base);
  figure_row_set (self->combined_limit_row, benefit->combined_limit);

  groups = pn_taxonomy_get_groups (self->taxonomy);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    if (g_strcmp0 (((PnTerm *) g_ptr_array_index (groups, i))->id, benefit->overlap_group) == 0)
      overlap = i + 1;
  adw_combo_row_set_selected (self->overlap_row, overlap);

  sync_conditions (self);
  build_tops_up (self);
  self->syncing = FALSE;

  rebuild_thresholds (self);
  self->syncing = TRUE;
  build_units (self);
  self->syncing = FALSE;
  pn_notes_editor_set_notes (self->notes_editor, self->document, benefit->notes);
  pn_notes_editor_set_requirements (self->requirements_editor, self->document, benefit->requirements);
  self->syncing = TRUE;
  build_caps (self);
  self->syncing = FALSE;
  update_review (self);
  update_visibility (self);
}

void
pn_benefit_form_set_benefit (PnBenefitForm    *self,
                             PnEditorDocument *document,
                             PnBenefit        *benefit)
{
  g_return_if_fail (PN_IS_BENEFIT_FORM (self));
  g_return_if_fail (document == NULL || PN_IS_EDITOR_DOCUMENT (document));

  g_set_object (&self->document, document);
  self->benefit = benefit;
  for (Field field = 0; field < N_FIELDS; field++)
    g_clear_pointer (&self->errors[field], g_free);
  g_clear_pointer (&self->issue_message, g_free);

  if (document == NULL || benefit == NULL)
    {
      build_caps (self);
      rebuild_thresholds (self);
      update_errors (self);
      return;
    }

  /* new models select their first item: not a change of the benefit */
  self->syncing = TRUE;
  ensure_conditions (self, pn_editor_document_get_taxonomy (document));
  self->syncing = FALSE;
  sync_fields (self);
  update_errors (self);
}

void
pn_benefit_form_refresh (PnBenefitForm *self)
{
  g_return_if_fail (PN_IS_BENEFIT_FORM (self));

  if (self->benefit != NULL)
    update_review (self);
}

PnBenefit *
pn_benefit_form_get_benefit (PnBenefitForm *self)
{
  g_return_val_if_fail (PN_IS_BENEFIT_FORM (self), NULL);

  return self->benefit;
}

static Field
field_of_element (const char *element)
{
  static const struct { const char *element; Field field; } map[] = {
    { "title", FIELD_TITLE }, { "title/zh", FIELD_TITLE }, { "title/en", FIELD_TITLE },
    { "amount", FIELD_AMOUNT }, { "rate", FIELD_RATE }, { "base", FIELD_RATE },
    { "cap", FIELD_CAP }, { "threshold", FIELD_THRESHOLDS }, { "combined-limit", FIELD_CAP },
    { "staged-payment", FIELD_STAGES }, { "stage", FIELD_STAGES },
    { "conditions", FIELD_CONDITIONS }, { "tops-up", FIELD_LINKS }, { "overlap", FIELD_LINKS },
    { "annual-cap", FIELD_LINKS }, { "units", FIELD_LINKS }, { "unit", FIELD_LINKS },
    { "note", FIELD_NOTES }, { "note/zh", FIELD_NOTES }, { "note/en", FIELD_NOTES },
    { "requirement", FIELD_REQUIREMENTS }, { "requirement/zh", FIELD_REQUIREMENTS },
    { "requirement/en", FIELD_REQUIREMENTS },
  };
  PnQuestion question;

  if (element == NULL)
    return FIELD_TOP;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].element, element))
      return map[i].field;
  if (pn_question_from_string (element, &question))
    return FIELD_CONDITIONS;
  return FIELD_TOP;
}

gboolean
pn_benefit_form_show_issue (PnBenefitForm       *self,
                            const PnEditorIssue *issue)
{
  gboolean mine;

  g_return_val_if_fail (PN_IS_BENEFIT_FORM (self), FALSE);

  mine = issue != NULL && self->benefit != NULL && issue->benefit != NULL &&
         g_strcmp0 (issue->benefit, self->benefit->id) == 0;
  g_clear_pointer (&self->issue_message, g_free);
  if (mine)
    {
      self->issue_field = field_of_element (issue->element);
      self->issue_message = g_strdup (issue->message);
    }
  update_errors (self);
  return mine;
}

const char *
pn_benefit_form_get_field_error (PnBenefitForm *self,
                                 const char    *field)
{
  g_return_val_if_fail (PN_IS_BENEFIT_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "notes") || g_str_equal (field, "requirements"))
    {
      const char *error = pn_notes_editor_get_error (g_str_equal (field, "notes") ? self->notes_editor
                                                                                 : self->requirements_editor);

      if (error != NULL)
        return error;
    }
  if (g_str_equal (field, "thresholds"))
    for (guint i = 0; i < self->thresholds->len; i++)
      {
        ThresholdFields *fields = g_ptr_array_index (self->thresholds, i);

        if (fields->error != NULL)
          return fields->error;
      }

  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *row;

      if (!g_str_equal (field_names[f], field))
        continue;
      if (f == FIELD_NOTES || f == FIELD_REQUIREMENTS)
        return self->issue_field == f ? self->issue_message : NULL;
      row = error_row (self, f);
      if (!gtk_widget_get_visible (row))
        return NULL;
      return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
    }
  return NULL;
}

GtkWidget *
pn_benefit_form_get_field (PnBenefitForm *self,
                           const char    *field)
{
  g_return_val_if_fail (PN_IS_BENEFIT_FORM (self), NULL);

  if (g_strcmp0 (field, "title-en") == 0)
    return GTK_WIDGET (self->title_en_row);
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (field, "overlap") == 0)
    return GTK_WIDGET (self->overlap_row);
  if (g_strcmp0 (field, "tops-up") == 0)
    return GTK_WIDGET (self->tops_up_row);
  if (g_strcmp0 (field, "units") == 0)
    return GTK_WIDGET (self->units_row);
  if (g_strcmp0 (field, "review") == 0)
    return GTK_WIDGET (self->review_button);
  if (g_strcmp0 (field, "stages-over") == 0)
    return GTK_WIDGET (self->stages_over_row);
  if (g_strcmp0 (field, "combined-limit") == 0)
    return GTK_WIDGET (self->combined_limit_row);
  for (Field f = 0; f < N_FIELDS; f++)
    if (g_strcmp0 (field_names[f], field) == 0)
      return field_widget (self, f);
  return NULL;
}

GtkCheckButton *
pn_benefit_form_get_condition_check (PnBenefitForm *self,
                                     PnQuestion     question,
                                     const char    *term)
{
  g_return_val_if_fail (PN_IS_BENEFIT_FORM (self), NULL);

  for (guint i = 0; i < self->conditions->len; i++)
    {
      ConditionFields *fields = g_ptr_array_index (self->conditions, i);

      if (fields->question != question)
        continue;
      for (guint j = 0; j < fields->checks->len; j++)
        {
          GtkCheckButton *check = g_ptr_array_index (fields->checks, j);

          if (g_strcmp0 (g_object_get_data (G_OBJECT (check), "term-id"), term) == 0)
            return check;
        }
    }
  return NULL;
}

static void
add_requirement_cb (PnBenefitForm *self)
{
  pn_notes_editor_add (self->requirements_editor);
}

static void
add_note_cb (PnBenefitForm *self)
{
  pn_notes_editor_add (self->notes_editor);
}

/* ---- the object ---- */

static void
pn_benefit_form_dispose (GObject *object)
{
  PnBenefitForm *self = PN_BENEFIT_FORM (object);

  self->benefit = NULL;
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_BENEFIT_FORM);

  G_OBJECT_CLASS (pn_benefit_form_parent_class)->dispose (object);
}

static void
pn_benefit_form_finalize (GObject *object)
{
  PnBenefitForm *self = PN_BENEFIT_FORM (object);

  for (Field field = 0; field < N_FIELDS; field++)
    g_free (self->errors[field]);
  g_free (self->issue_message);
  g_clear_pointer (&self->thresholds, g_ptr_array_unref);
  g_clear_pointer (&self->caps, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);
  g_clear_pointer (&self->unit_rows, g_ptr_array_unref);
  g_clear_pointer (&self->taxonomy, pn_taxonomy_unref);
  g_strfreev (self->tops_up_ids);

  G_OBJECT_CLASS (pn_benefit_form_parent_class)->finalize (object);
}

static void
pn_benefit_form_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PnBenefitForm *self = (PnBenefitForm *) object;

  switch (prop_id)
    {
    case PROP_REFUSING:
      g_value_set_boolean (value, self->refusing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_benefit_form_class_init (PnBenefitFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_benefit_form_dispose;
  object_class->finalize = pn_benefit_form_finalize;
  object_class->get_property = pn_benefit_form_get_property;

  /**
   * PnBenefitForm:refusing:
   *
   * Whether a field holds what it refused (the reason under it): the
   * document keeps its last good value meanwhile, which may not be what
   * the reviewer means, so the editor imports nothing until it is fixed.
   */
  properties[PROP_REFUSING] =
    g_param_spec_boolean ("refusing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PN_TYPE_NOTES_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-benefit-form.ui");
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, amount_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, amount_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, base_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, combined_limit_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, cap_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, cap_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, id_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, links_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, notes_editor);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, requirements_editor);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, caps_group);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, add_requirement_button);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, one_time_switch);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, overlap_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, per_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, rate_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, rate_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, rate_ceiling_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, rate_ceiling_switch);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, review_button);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, review_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, stages_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, stages_over_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, stages_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, thresholds_group);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, title_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, title_zh_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, top_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, tops_up_row);
  gtk_widget_class_bind_template_child (widget_class, PnBenefitForm, units_row);
  gtk_widget_class_bind_template_callback (widget_class, add_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_requirement_cb);
  gtk_widget_class_bind_template_callback (widget_class, combined_limit_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_threshold_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, base_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, one_time_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, overlap_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, per_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rate_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rate_ceiling_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stages_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tops_up_changed_cb);
}

static GtkWidget *
error_row_new (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "pn-field-error");
  gtk_widget_set_visible (row, FALSE);
  return row;
}

static void
pn_benefit_form_init (PnBenefitForm *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) per_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->thresholds = g_ptr_array_new_with_free_func ((GDestroyNotify) threshold_fields_free);
  self->caps = g_ptr_array_new_with_free_func (g_free);
  self->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) condition_fields_free);
  self->unit_rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, kind_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
  for (guint i = 0; i < G_N_ELEMENTS (pers); i++)
    gtk_string_list_append (per_labels, per_label (pers[i]));
  adw_combo_row_set_model (self->per_row, G_LIST_MODEL (per_labels));

  /* the groups' own messages come first in them */
  self->thresholds_error_row = error_row_new ();
  adw_preferences_group_add (self->thresholds_group, self->thresholds_error_row);
  self->conditions_error_row = error_row_new ();
  adw_preferences_group_add (self->conditions_group, self->conditions_error_row);

  pn_gui_tag_chinese (GTK_WIDGET (self->title_zh_row));
}

GtkWidget *
pn_benefit_form_new (void)
{
  return g_object_new (PN_TYPE_BENEFIT_FORM, NULL);
}

gboolean
pn_benefit_form_get_refusing (PnBenefitForm *self)
{
  g_return_val_if_fail (PN_IS_BENEFIT_FORM (self), FALSE);

  return self->refusing;
}
