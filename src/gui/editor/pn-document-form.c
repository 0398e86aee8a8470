/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-document-form"

#include "config.h"

#include "pn-document-form.h"

#include "pn-date-chooser.h"
#include "pn-editor-fields.h"
#include "pn-gui-util.h"
#include "pn-notes-editor.h"

#include <glib/gi18n.h>

typedef enum
{
  DATE_ISSUED,
  DATE_FROM,
  DATE_UNTIL,
  DATE_APPLIES,
  DATE_SUPERSEDES_FROM,
  DATE_EXTENDS_UNTIL,
  N_DATES
} DateKind;

static const char * const date_names[N_DATES] = {
  "issued", "in-force-from", "in-force-until", "applies-from", "supersedes-from", "extends-until",
};

typedef struct
{
  PnDocumentForm *form;         /* not owned */
  DateKind        kind;
  GtkWidget      *row;          /* AdwActionRow */
  PnDateChooser  *chooser;
  GtkWidget      *clear;
} DateField;

typedef enum
{
  FIELD_TOP,
  FIELD_TITLE,
  FIELD_ISSUER,
  FIELD_JURISDICTION,
  FIELD_ID,
  FIELD_DATES,
  FIELD_SUPERSEDES,
  FIELD_EXTENDS,
  FIELD_CASES,
  FIELD_NOTES,
  N_FIELDS
} Field;

static const char * const field_names[N_FIELDS] = {
  "top", "title", "issuer", "jurisdiction", "id", "dates", "supersedes", "extends", "cases", "notes",
};

struct _PnDocumentForm
{
  AdwBin            parent_instance;

  PnEditorDocument *document;
  gboolean          syncing;
  DateField         dates[N_DATES];
  GtkWidget        *dates_error_row;
  GtkWidget        *supersedes_error_row;
  GPtrArray        *case_rows;
  GtkWidget        *cases_error_row;
  GStrv             location_ids;
  GStrv             document_ids;   /* the supersedes row's; "" for none */
  GStrv             extends_ids;    /* the extends row's; "" for none */
  GtkWidget        *extends_error_row;

  char             *errors[N_FIELDS];
  gboolean          refusing;           /* a field holds what it refused */
  Field             issue_field;
  char             *issue_message;

  /* Template children */
  AdwPreferencesGroup *cases_group;
  AdwPreferencesGroup *dates_group;
  GtkSwitch        *draft_switch;
  GtkWidget        *id_error_row;
  AdwEntryRow      *id_row;
  GtkWidget        *issuer_error_row;
  AdwEntryRow      *issuer_en_row;
  AdwEntryRow      *issuer_zh_row;
  GtkWidget        *jurisdiction_error_row;
  AdwComboRow      *jurisdiction_row;
  PnNotesEditor    *notes_editor;
  AdwEntryRow      *number_row;
  AdwActionRow     *overlap_rule_row;
  AdwActionRow     *source_row;
  AdwPreferencesGroup *supersedes_group;
  AdwComboRow      *supersedes_row;
  AdwPreferencesGroup *extends_group;
  AdwComboRow      *extends_row;
  GtkWidget        *title_error_row;
  AdwEntryRow      *title_en_row;
  AdwEntryRow      *title_zh_row;
  GtkWidget        *top_error_row;
};

G_DEFINE_FINAL_TYPE (PnDocumentForm, pn_document_form, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_REFUSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PnDocument *
get_document (PnDocumentForm *self)
{
  return self->document != NULL ? pn_editor_document_get_document (self->document) : NULL;
}

/* ---- errors ---- */

static GtkWidget *
field_widget (PnDocumentForm *self,
              Field           field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return GTK_WIDGET (self->title_zh_row);
    case FIELD_ISSUER:
      return GTK_WIDGET (self->issuer_zh_row);
    case FIELD_JURISDICTION:
      return GTK_WIDGET (self->jurisdiction_row);
    case FIELD_ID:
      return GTK_WIDGET (self->id_row);
    case FIELD_DATES:
      return GTK_WIDGET (self->dates_group);
    case FIELD_SUPERSEDES:
      return GTK_WIDGET (self->supersedes_row);
    case FIELD_EXTENDS:
      return GTK_WIDGET (self->extends_row);
    case FIELD_CASES:
      return GTK_WIDGET (self->cases_group);
    case FIELD_NOTES:
    case FIELD_TOP:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static GtkWidget *
error_row (PnDocumentForm *self,
           Field           field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return self->title_error_row;
    case FIELD_ISSUER:
      return self->issuer_error_row;
    case FIELD_JURISDICTION:
      return self->jurisdiction_error_row;
    case FIELD_ID:
      return self->id_error_row;
    case FIELD_DATES:
      return self->dates_error_row;
    case FIELD_SUPERSEDES:
      return self->supersedes_error_row;
    case FIELD_EXTENDS:
      return self->extends_error_row;
    case FIELD_CASES:
      return self->cases_error_row;
    case FIELD_NOTES:
    case FIELD_TOP:
    case N_FIELDS:
    default:
      return self->top_error_row;
    }
}

static void
update_errors (PnDocumentForm *self)
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
      if (field == FIELD_NOTES)
        pn_notes_editor_set_issue (self->notes_editor, message);
      else
        pn_editor_show_field_error (field_widget (self, field), error_row (self, field), message);
    }
}

static void
set_error (PnDocumentForm *self,
           Field           field,
           const char     *message)
{
  if (g_strcmp0 (self->errors[field], message) == 0)
    return;
  g_free (self->errors[field]);
  self->errors[field] = g_strdup (message);
  update_errors (self);
}

static void
changed (PnDocumentForm *self)
{
  pn_editor_document_changed (self->document);
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
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* Both languages, or the document keeps what it had. */
static gboolean
take_text (PnDocumentForm *self,
           Field           field,
           AdwEntryRow    *zh_row,
           AdwEntryRow    *en_row,
           PnText         *text,
           const char     *missing_zh,
           const char     *missing_en)
{
  g_autofree char *zh = entry_text (zh_row);
  g_autofree char *en = entry_text (en_row);

  if (*zh == '\0' || *en == '\0')
    {
      set_error (self, field, *zh == '\0' ? missing_zh : missing_en);
      return FALSE;
    }
  set_error (self, field, NULL);
  if (g_strcmp0 (text->zh, zh) == 0 && g_strcmp0 (text->en, en) == 0)
    return FALSE;
  g_free (text->zh);
  g_free (text->en);
  text->zh = g_steal_pointer (&zh);
  text->en = g_steal_pointer (&en);
  return TRUE;
}

static void
texts_changed_cb (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  g_autofree char *number = NULL;
  gboolean any = FALSE;

  if (self->syncing || document == NULL)
    return;

  any |= take_text (self, FIELD_TITLE, self->title_zh_row, self->title_en_row, &document->title,
                    _("Give the document its title in Chinese."),
                    _("Give the document a title in English."));
  any |= take_text (self, FIELD_ISSUER, self->issuer_zh_row, self->issuer_en_row, &document->issuer,
                    _("Name the issuer in Chinese."), _("Name the issuer in English."));

  number = entry_text (self->number_row);
  if (g_strcmp0 (document->doc_number ? document->doc_number : "", number) != 0)
    {
      g_free (document->doc_number);
      document->doc_number = *number != '\0' ? g_steal_pointer (&number) : NULL;
      any = TRUE;
    }

  if (any)
    changed (self);
}

static void
id_changed_cb (PnDocumentForm *self)
{
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->document == NULL)
    return;

  id = entry_text (self->id_row);
  if (!pn_editor_document_set_id (self->document, id, &error))
    {
      set_error (self, FIELD_ID, error->message);
      return;
    }
  set_error (self, FIELD_ID, NULL);
}

static void
jurisdiction_changed_cb (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  guint selected = adw_combo_row_get_selected (self->jurisdiction_row);

  if (self->syncing || document == NULL || self->location_ids == NULL ||
      selected >= g_strv_length (self->location_ids))
    return;
  if (g_strcmp0 (document->jurisdiction, self->location_ids[selected]) == 0)
    return;
  g_free (document->jurisdiction);
  document->jurisdiction = g_strdup (self->location_ids[selected]);
  changed (self);
}

static void
draft_changed_cb (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  gboolean active = gtk_switch_get_active (self->draft_switch);

  if (self->syncing || document == NULL || document->draft == active)
    return;
  document->draft = active;
  changed (self);
}

/* ---- dates ---- */

static char **
date_target (PnDocumentForm *self,
             DateKind        kind)
{
  PnDocument *document = get_document (self);

  if (document == NULL)
    return NULL;
  switch (kind)
    {
    case DATE_ISSUED:
      return &document->issued;
    case DATE_FROM:
      return &document->in_force_from;
    case DATE_UNTIL:
      return &document->in_force_until;
    case DATE_APPLIES:
      return &document->applies_from;
    case DATE_SUPERSEDES_FROM:
      return document->supersedes->len > 0
             ? &((PnSupersession *) g_ptr_array_index (document->supersedes, 0))->from : NULL;
    case DATE_EXTENDS_UNTIL:
      return document->extends->len > 0
             ? &((PnExtension *) g_ptr_array_index (document->extends, 0))->until : NULL;
    case N_DATES:
    default:
      return NULL;
    }
}

static void
update_date_row (DateField  *field,
                 const char *value)
{
  g_autofree char *shown = value != NULL ? pn_gui_format_date (value) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), shown != NULL ? shown : _("Not stated"));
  gtk_widget_set_visible (field->clear, value != NULL && field->kind != DATE_SUPERSEDES_FROM &&
                          field->kind != DATE_EXTENDS_UNTIL);
}

static void
date_chosen_cb (DateField *field)
{
  PnDocumentForm *self = field->form;
  const char *date = pn_date_chooser_get_date (field->chooser);
  char **target;

  if (self->syncing)
    return;
  target = date_target (self, field->kind);
  if (target == NULL || g_strcmp0 (*target, date) == 0)
    return;
  /* a replacement needs its date */
  if (date == NULL && (field->kind == DATE_SUPERSEDES_FROM || field->kind == DATE_EXTENDS_UNTIL))
    return;
  g_free (*target);
  *target = g_strdup (date);
  update_date_row (field, date);
  changed (self);
}

static void
date_clear_cb (DateField *field)
{
  pn_date_chooser_set_date (field->chooser, NULL);
}

static void
add_date_field (PnDocumentForm      *self,
                AdwPreferencesGroup *group,
                DateKind             kind,
                const char          *title)
{
  DateField *field = &self->dates[kind];
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  field->form = self;
  field->kind = kind;
  field->row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
  field->chooser = PN_DATE_CHOOSER (pn_date_chooser_new ());
  gtk_widget_set_margin_top (GTK_WIDGET (field->chooser), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (field->chooser), 6);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (field->chooser));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: %s names a date field, such as "In force from" */
  {
    g_autofree char *label = g_strdup_printf (_("Choose the date: %s"), title);

    gtk_widget_set_tooltip_text (button, label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  field->clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (field->clear, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (field->clear, "flat");
  gtk_widget_set_tooltip_text (field->clear, _("No Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->clear), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("No Date"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->clear);
  adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), button);

  g_signal_connect_swapped (field->chooser, "notify::date", G_CALLBACK (date_chosen_cb), field);
  g_signal_connect_swapped (field->clear, "clicked", G_CALLBACK (date_clear_cb), field);
  adw_preferences_group_add (group, field->row);
}

static void
sync_dates (PnDocumentForm *self)
{
  for (DateKind kind = 0; kind < N_DATES; kind++)
    {
      char **target = date_target (self, kind);
      const char *value = target != NULL ? *target : NULL;

      pn_date_chooser_set_date (self->dates[kind].chooser, value);
      update_date_row (&self->dates[kind], value);
    }
  gtk_widget_set_visible (self->dates[DATE_SUPERSEDES_FROM].row,
                          date_target (self, DATE_SUPERSEDES_FROM) != NULL);
  gtk_widget_set_visible (self->dates[DATE_EXTENDS_UNTIL].row,
                          date_target (self, DATE_EXTENDS_UNTIL) != NULL);
}

/* ---- what it replaces ---- */

/* The library's other documents in `row`, `current` chosen (or None):
 * the ids of its items, "" for none */
static GStrv
fill_document_row (PnDocumentForm *self,
                   const char     *current,
                   AdwComboRow    *row)
{
  PnDocument *document = get_document (self);
  PnCorpus *corpus = pn_editor_document_get_corpus (self->document);
  g_autoptr(GPtrArray) documents = pn_corpus_list_documents (corpus, NULL);
  PnIdChoices choices;

  pn_id_choices_init (&choices, current);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PnDocument *other = g_ptr_array_index (documents, i);
      g_autofree char *label = NULL;

      if (g_strcmp0 (other->id, document->id) == 0)
        continue;
      label = other->doc_number != NULL
              ? g_strdup_printf ("%s %s", other->doc_number, pn_gui_text (&other->title))
              : g_strdup (pn_gui_text (&other->title));
      pn_id_choices_add (&choices, other->id, label);
    }
  return pn_id_choices_finish (&choices, row);
}

static void
build_supersedes (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);

  g_strfreev (self->document_ids);
  self->document_ids = fill_document_row (self, document->supersedes->len > 0
                                                ? ((PnSupersession *) g_ptr_array_index (document->supersedes, 0))->ref
                                                : NULL,
                                          self->supersedes_row);
}

static void
supersedes_changed_cb (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  guint selected = adw_combo_row_get_selected (self->supersedes_row);
  const char *id;

  if (self->syncing || document == NULL || self->document_ids == NULL ||
      selected >= g_strv_length (self->document_ids))
    return;
  id = self->document_ids[selected];

  if (*id == '\0')
    {
      if (document->supersedes->len == 0)
        return;
      g_ptr_array_remove_index (document->supersedes, 0);
    }
  else if (document->supersedes->len > 0)
    {
      PnSupersession *supersession = g_ptr_array_index (document->supersedes, 0);

      if (g_str_equal (supersession->ref, id))
        return;
      g_free (supersession->ref);
      supersession->ref = g_strdup (id);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      /* from when it takes effect, as the text usually means */
      pn_document_add_supersession (document, id,
                                    document->in_force_from != NULL ? document->in_force_from : today);
    }

  self->syncing = TRUE;
  sync_dates (self);
  self->syncing = FALSE;
  changed (self);
}

/* ---- what it keeps in force longer ---- */

static void
build_extends (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);

  g_strfreev (self->extends_ids);
  self->extends_ids = fill_document_row (self, document->extends->len > 0
                                               ? ((PnExtension *) g_ptr_array_index (document->extends, 0))->ref
                                               : NULL,
                                         self->extends_row);
}

static void
extends_changed_cb (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  guint selected = adw_combo_row_get_selected (self->extends_row);
  const char *id;

  if (self->syncing || document == NULL || self->extends_ids == NULL ||
      selected >= g_strv_length (self->extends_ids))
    return;
  id = self->extends_ids[selected];

  if (*id == '\0')
    {
      if (document->extends->len == 0)
        return;
      g_ptr_array_remove_index (document->extends, 0);
    }
  else if (document->extends->len > 0)
    {
      PnExtension *extension = g_ptr_array_index (document->extends, 0);

      if (g_str_equal (extension->ref, id))
        return;
      g_free (extension->ref);
      extension->ref = g_strdup (id);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

      /* until the notice's own end, as such a notice usually runs */
      pn_document_add_extension (document, id,
                                 document->in_force_until != NULL ? document->in_force_until : today);
    }

  self->syncing = TRUE;
  sync_dates (self);
  self->syncing = FALSE;
  changed (self);
}

/* ---- cases ---- */

static void build_cases (PnDocumentForm *self);

static void
remove_case_cb (GtkButton      *button,
                PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  PnCase *pcase = g_object_get_data (G_OBJECT (button), "case");

  if (document == NULL || !g_ptr_array_remove (document->cases, pcase))
    return;
  build_cases (self);
  changed (self);
}

static void
build_cases (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);

  for (guint i = 0; i < self->case_rows->len; i++)
    adw_preferences_group_remove (self->cases_group, g_ptr_array_index (self->case_rows, i));
  g_ptr_array_set_size (self->case_rows, 0);

  for (guint i = 0; document != NULL && i < document->cases->len; i++)
    {
      PnCase *pcase = g_ptr_array_index (document->cases, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *date = pn_gui_format_date (pcase->as_of);
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "As of %s, %u expectation",
                                               "As of %s, %u expectations", pcase->expectations->len),
                                  date, pcase->expectations->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pcase->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Case"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove the Case"), -1);
      g_object_set_data (G_OBJECT (remove), "case", pcase);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_case_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->cases_group, row);
      g_ptr_array_add (self->case_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cases_group), document != NULL && document->cases->len > 0);
}

/* ---- the document ---- */

static void
build_locations (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  PnTaxonomy *taxonomy = pn_editor_document_get_taxonomy (self->document);
  GPtrArray *locations = pn_taxonomy_get_locations (taxonomy);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n = 0;

  for (guint i = 0; locations != NULL && i < locations->len; i++, n++)
    {
      const PnTerm *term = g_ptr_array_index (locations, i);

      gtk_string_list_append (labels, pn_gui_term_label (term));
      g_strv_builder_add (ids, term->id);
      if (g_strcmp0 (term->id, document->jurisdiction) == 0)
        selected = n;
    }
  for (guint i = 0; i < document->local_locations->len; i++, n++)
    {
      const PnTerm *term = g_ptr_array_index (document->local_locations, i);
      /* Translators: a place the document declares itself, not in the
       * app's list of places */
      g_autofree char *label = g_strdup_printf (_("%s (declared by this document)"),
                                                pn_gui_term_label (term));

      gtk_string_list_append (labels, label);
      g_strv_builder_add (ids, term->id);
      if (g_strcmp0 (term->id, document->jurisdiction) == 0)
        selected = n;
    }
  if (selected == GTK_INVALID_LIST_POSITION && document->jurisdiction != NULL)
    {
      gtk_string_list_append (labels, document->jurisdiction);
      g_strv_builder_add (ids, document->jurisdiction);
      selected = n;
    }

  g_strfreev (self->location_ids);
  self->location_ids = g_strv_builder_end (ids);
  adw_combo_row_set_model (self->jurisdiction_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->jurisdiction_row, selected);
}

static void
sync_fields (PnDocumentForm *self)
{
  PnDocument *document = get_document (self);
  g_autofree char *source = NULL;

  self->syncing = TRUE;
  set_entry_text (self->title_zh_row, document->title.zh);
  set_entry_text (self->title_en_row, document->title.en);
  set_entry_text (self->number_row, document->doc_number);
  set_entry_text (self->issuer_zh_row, document->issuer.zh);
  set_entry_text (self->issuer_en_row, document->issuer.en);
  set_entry_text (self->id_row, document->id);
  gtk_switch_set_active (self->draft_switch, document->draft);
  build_locations (self);
  sync_dates (self);
  build_supersedes (self);
  build_extends (self);
  build_cases (self);

  adw_action_row_set_subtitle (self->overlap_rule_row,
                               document->overlap_quote != NULL ? document->overlap_quote
                                                               : _("The text states no rule."));
  /* Translators: the source file, then the date it was last checked */
  source = g_strdup_printf (_("%s, checked %s"), document->source_file ? document->source_file : "—",
                            document->last_verified ? document->last_verified : "—");
  adw_action_row_set_subtitle (self->source_row, source);
  self->syncing = FALSE;

  pn_notes_editor_set_notes (self->notes_editor, self->document, document->notes);
}

void
pn_document_form_set_document (PnDocumentForm   *self,
                               PnEditorDocument *document)
{
  g_return_if_fail (PN_IS_DOCUMENT_FORM (self));
  g_return_if_fail (document == NULL || PN_IS_EDITOR_DOCUMENT (document));

  g_set_object (&self->document, document);
  for (Field field = 0; field < N_FIELDS; field++)
    g_clear_pointer (&self->errors[field], g_free);
  g_clear_pointer (&self->issue_message, g_free);
  if (document != NULL)
    sync_fields (self);
  update_errors (self);
}

void
pn_document_form_refresh (PnDocumentForm *self)
{
  g_return_if_fail (PN_IS_DOCUMENT_FORM (self));

  if (self->document != NULL)
    sync_fields (self);
}

static Field
field_of_element (const char *element)
{
  static const struct { const char *element; Field field; } map[] = {
    { "title", FIELD_TITLE }, { "title/zh", FIELD_TITLE }, { "title/en", FIELD_TITLE },
    { "doc-number", FIELD_TITLE },
    { "issuer", FIELD_ISSUER }, { "issuer/zh", FIELD_ISSUER }, { "issuer/en", FIELD_ISSUER },
    { "jurisdiction", FIELD_JURISDICTION }, { "local-locations", FIELD_JURISDICTION },
    { "location", FIELD_JURISDICTION }, { "location/zh", FIELD_JURISDICTION },
    { "location/en", FIELD_JURISDICTION },
    { "validity", FIELD_DATES }, { "supersedes", FIELD_SUPERSEDES }, { "extends", FIELD_EXTENDS },
    { "policy-document", FIELD_ID },
    { "cases", FIELD_CASES }, { "case", FIELD_CASES }, { "expect", FIELD_CASES },
    { "not-listed", FIELD_CASES }, { "answers", FIELD_CASES }, { "figures", FIELD_CASES },
    { "figure", FIELD_CASES }, { "quote", FIELD_CASES }, { "total", FIELD_CASES },
    { "note", FIELD_NOTES }, { "note/zh", FIELD_NOTES }, { "note/en", FIELD_NOTES },
  };

  for (guint i = 0; element != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].element, element))
      return map[i].field;
  return FIELD_TOP;
}

gboolean
pn_document_form_show_issue (PnDocumentForm      *self,
                             const PnEditorIssue *issue)
{
  gboolean mine;

  g_return_val_if_fail (PN_IS_DOCUMENT_FORM (self), FALSE);

  /* the header (before the first article) and the cases */
  mine = issue != NULL && issue->article == NULL;
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
pn_document_form_get_field_error (PnDocumentForm *self,
                                  const char     *field)
{
  g_return_val_if_fail (PN_IS_DOCUMENT_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *row;

      if (!g_str_equal (field_names[f], field))
        continue;
      if (f == FIELD_NOTES)
        return pn_notes_editor_get_error (self->notes_editor);
      row = error_row (self, f);
      return gtk_widget_get_visible (row) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
    }
  return NULL;
}

GtkWidget *
pn_document_form_get_date_chooser (PnDocumentForm *self,
                                   const char     *field)
{
  g_return_val_if_fail (PN_IS_DOCUMENT_FORM (self), NULL);

  for (DateKind kind = 0; kind < N_DATES; kind++)
    if (g_strcmp0 (date_names[kind], field) == 0)
      return GTK_WIDGET (self->dates[kind].chooser);
  return NULL;
}

static void
add_note_cb (PnDocumentForm *self)
{
  pn_notes_editor_add (self->notes_editor);
}

/* ---- the object ---- */

static void
pn_document_form_dispose (GObject *object)
{
  PnDocumentForm *self = PN_DOCUMENT_FORM (object);

  for (DateKind kind = 0; kind < N_DATES; kind++)
    if (self->dates[kind].chooser != NULL)
      g_signal_handlers_disconnect_by_data (self->dates[kind].chooser, &self->dates[kind]);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_DOCUMENT_FORM);

  G_OBJECT_CLASS (pn_document_form_parent_class)->dispose (object);
}

static void
pn_document_form_finalize (GObject *object)
{
  PnDocumentForm *self = PN_DOCUMENT_FORM (object);

  for (Field field = 0; field < N_FIELDS; field++)
    g_free (self->errors[field]);
  g_free (self->issue_message);
  g_strfreev (self->location_ids);
  g_strfreev (self->document_ids);
  g_strfreev (self->extends_ids);
  g_clear_pointer (&self->case_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_document_form_parent_class)->finalize (object);
}

static void
pn_document_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PnDocumentForm *self = (PnDocumentForm *) object;

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
pn_document_form_class_init (PnDocumentFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_document_form_dispose;
  object_class->finalize = pn_document_form_finalize;
  object_class->get_property = pn_document_form_get_property;

  /**
   * PnDocumentForm:refusing:
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
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-document-form.ui");
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, cases_group);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, dates_group);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, draft_switch);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, id_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, id_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, issuer_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, issuer_en_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, issuer_zh_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, jurisdiction_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, jurisdiction_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, notes_editor);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, number_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, overlap_rule_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, source_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, supersedes_group);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, supersedes_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, extends_group);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, extends_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, title_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, title_zh_row);
  gtk_widget_class_bind_template_child (widget_class, PnDocumentForm, top_error_row);
  gtk_widget_class_bind_template_callback (widget_class, add_note_cb);
  gtk_widget_class_bind_template_callback (widget_class, draft_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, jurisdiction_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, supersedes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, extends_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, texts_changed_cb);
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
pn_document_form_init (PnDocumentForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_date_field (self, self->dates_group, DATE_ISSUED, _("Issued"));
  add_date_field (self, self->dates_group, DATE_FROM, _("In force from"));
  add_date_field (self, self->dates_group, DATE_UNTIL, _("In force until"));
  add_date_field (self, self->dates_group, DATE_APPLIES, _("Applies from (reaching back)"));
  self->dates_error_row = error_row_new ();
  adw_preferences_group_add (self->dates_group, self->dates_error_row);
  add_date_field (self, self->supersedes_group, DATE_SUPERSEDES_FROM, _("From"));
  self->supersedes_error_row = error_row_new ();
  adw_preferences_group_add (self->supersedes_group, self->supersedes_error_row);
  add_date_field (self, self->extends_group, DATE_EXTENDS_UNTIL, _("Until"));
  self->extends_error_row = error_row_new ();
  adw_preferences_group_add (self->extends_group, self->extends_error_row);
  self->case_rows = g_ptr_array_new ();
  self->cases_error_row = error_row_new ();
  adw_preferences_group_add (self->cases_group, self->cases_error_row);

  pn_gui_tag_chinese (GTK_WIDGET (self->title_zh_row));
  pn_gui_tag_chinese (GTK_WIDGET (self->issuer_zh_row));
}

GtkWidget *
pn_document_form_new (void)
{
  return g_object_new (PN_TYPE_DOCUMENT_FORM, NULL);
}

gboolean
pn_document_form_get_refusing (PnDocumentForm *self)
{
  g_return_val_if_fail (PN_IS_DOCUMENT_FORM (self), FALSE);

  return self->refusing;
}
