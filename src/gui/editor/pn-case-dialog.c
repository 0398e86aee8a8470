/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-case-dialog"

#include "config.h"

#include "pn-case-dialog.h"

#include "pn-draft.h"
#include "pn-editor-fields.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-result.h"

#include <glib/gi18n.h>
#include <string.h>

struct _PnCaseDialog
{
  AdwWindow         parent_instance;

  PnEditorDocument *document;
  PnCase           *pcase;          /* owned until saved */
  GPtrArray        *quote_rows;     /* AdwEntryRow, one per expectation */
  GPtrArray        *quote_errors;   /* AdwActionRow */

  /* Template children */
  AdwActionRow     *client_row;
  AdwPreferencesGroup *expectations_group;
  GtkWidget        *name_error_row;
  AdwEntryRow      *name_row;
  GtkButton        *save_button;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnCaseDialog, pn_case_dialog, ADW_TYPE_WINDOW)

static PnBenefit *
find_benefit (PnDocument *document,
              const char *id)
{
  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          if (g_strcmp0 (benefit->id, id) == 0)
            return benefit;
        }
    }
  return NULL;
}

/* The name's error, or NULL. */
static char *
name_error (PnCaseDialog *self,
            const char   *name)
{
  PnDocument *document = pn_editor_document_get_document (self->document);

  if (*name == '\0')
    return g_strdup (_("Name the case."));
  if (!pn_draft_id_is_valid (name))
    return g_strdup (_("Use lower-case letters, digits and single hyphens, such as phase-2-rd-30m."));
  if (pn_document_find_case (document, name) != NULL)
    /* Translators: %s is a case name */
    return g_strdup_printf (_("The document has a case named “%s” already."), name);
  return NULL;
}

static void
name_changed_cb (PnCaseDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *error = name_error (self, name);

  pn_editor_show_field_error (GTK_WIDGET (self->name_row), self->name_error_row, error);
}

gboolean
pn_case_dialog_save (PnCaseDialog *self)
{
  PnDocument *document;
  g_autofree char *name = NULL;
  g_autofree char *error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PN_IS_CASE_DIALOG (self), FALSE);

  if (self->pcase == NULL)
    return FALSE;
  document = pn_editor_document_get_document (self->document);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  error = name_error (self, name);
  pn_editor_show_field_error (GTK_WIDGET (self->name_row), self->name_error_row, error);
  ok = error == NULL;

  for (guint i = 0; i < self->quote_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->quote_rows, i);
      g_autofree char *quote = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      PnCaseExpectation *expectation = g_ptr_array_index (self->pcase->expectations, i);
      PnBenefit *benefit = find_benefit (document, expectation->benefit_id);
      const char *message = NULL;

      if (*quote == '\0')
        message = _("Quote the sentence that justifies it.");
      else if (benefit != NULL && benefit->article->original != NULL &&
               strstr (benefit->article->original, quote) == NULL)
        message = _("Quote the article's own words: this is not part of its text.");
      pn_editor_show_field_error (row, g_ptr_array_index (self->quote_errors, i), message);
      ok &= message == NULL;
    }
  if (!ok)
    return FALSE;

  g_free (self->pcase->name);
  self->pcase->name = g_steal_pointer (&name);
  for (guint i = 0; i < self->quote_rows->len; i++)
    {
      PnCaseExpectation *expectation = g_ptr_array_index (self->pcase->expectations, i);

      g_free (expectation->quote);
      expectation->quote = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->quote_rows, i)))));
    }

  g_ptr_array_add (document->cases, g_steal_pointer (&self->pcase));
  pn_editor_document_changed (self->document);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (PnCaseDialog *self)
{
  if (!pn_case_dialog_save (self))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static char *
describe_expectation (const PnCaseExpectation *expectation)
{
  g_autofree char *counted = pn_money_format_yuan (expectation->counted_cny);

  if (expectation->counted_cny > 0)
    /* Translators: what a benefit adds to the client's total */
    return g_strdup_printf (_("Counts %s"), counted);

  if (expectation->estimate_cny != PN_YUAN_UNSET)
    {
      g_autofree char *estimate = pn_money_format_yuan (expectation->estimate_cny);

      /* Translators: a benefit that does not count: its estimate, then why
       * (an id such as "possible", "expired") */
      return g_strdup_printf (_("Does not count (estimate %s; %s)"), estimate,
                              expectation->reason != NULL ? expectation->reason : "—");
    }
  /* Translators: a benefit that does not count; %s says why (an id such as
   * "possible") */
  return g_strdup_printf (_("Does not count (%s)"), expectation->reason != NULL ? expectation->reason : "—");
}

static char *
describe_client (PnCase     *pcase,
                 PnTaxonomy *taxonomy)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const PnTerm *location = pn_taxonomy_get_location (taxonomy, pcase->location);
  g_autofree char *date = pn_gui_format_date (pcase->as_of);

  /* Translators: a case's place and date */
  g_string_append_printf (text, _("%s, as of %s"), location != NULL ? pn_gui_term_label (location) : pcase->location,
                          date);
  for (PnQuestion q = 0; q < PN_N_QUESTIONS; q++)
    if (pcase->answers[q] != NULL)
      {
        g_string_append (text, _(", "));
        g_string_append (text, pn_gui_answer_label (taxonomy, q, pcase->answers[q]));
      }
  for (PnFigure f = 0; f < PN_N_FIGURES; f++)
    if (pcase->figures[f] != PN_YUAN_UNSET)
      {
        g_autofree char *label = pn_gui_key_label (taxonomy, pn_figure_to_string (f));
        g_autofree char *amount = pn_money_format_yuan (pcase->figures[f]);

        /* Translators: a figure of the client: its name and amount */
        g_string_append_printf (text, _(", %s %s"), label, amount);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

guint
pn_case_dialog_get_n_expectations (PnCaseDialog *self)
{
  g_return_val_if_fail (PN_IS_CASE_DIALOG (self), 0);
  return self->quote_rows->len;
}

GtkWidget *
pn_case_dialog_get_quote_row (PnCaseDialog *self,
                              guint         position)
{
  g_return_val_if_fail (PN_IS_CASE_DIALOG (self), NULL);
  g_return_val_if_fail (position < self->quote_rows->len, NULL);
  return g_ptr_array_index (self->quote_rows, position);
}

GtkWidget *
pn_case_dialog_get_name_row (PnCaseDialog *self)
{
  g_return_val_if_fail (PN_IS_CASE_DIALOG (self), NULL);
  return GTK_WIDGET (self->name_row);
}

static void
pn_case_dialog_dispose (GObject *object)
{
  PnCaseDialog *self = PN_CASE_DIALOG (object);

  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_CASE_DIALOG);

  G_OBJECT_CLASS (pn_case_dialog_parent_class)->dispose (object);
}

static void
pn_case_dialog_finalize (GObject *object)
{
  PnCaseDialog *self = PN_CASE_DIALOG (object);

  g_clear_pointer (&self->pcase, pn_case_free);
  g_clear_pointer (&self->quote_rows, g_ptr_array_unref);
  g_clear_pointer (&self->quote_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_case_dialog_parent_class)->finalize (object);
}

static void
pn_case_dialog_class_init (PnCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_case_dialog_dispose;
  object_class->finalize = pn_case_dialog_finalize;

  /**
   * PnCaseDialog::saved:
   *
   * The case is now the document's.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PnCaseDialog, client_row);
  gtk_widget_class_bind_template_child (widget_class, PnCaseDialog, expectations_group);
  gtk_widget_class_bind_template_child (widget_class, PnCaseDialog, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, PnCaseDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PnCaseDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pn_case_dialog_init (PnCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->quote_rows = g_ptr_array_new ();
  self->quote_errors = g_ptr_array_new ();
}

GtkWidget *
pn_case_dialog_new (GtkWindow        *parent,
                    PnEditorDocument *document,
                    PnCase           *pcase)
{
  PnCaseDialog *self;
  PnDocument *doc;
  g_autofree char *client = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (document), NULL);
  g_return_val_if_fail (pcase != NULL, NULL);

  self = g_object_new (PN_TYPE_CASE_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->pcase = pcase;
  doc = pn_editor_document_get_document (document);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), pcase->name != NULL ? pcase->name : "");
  client = describe_client (pcase, pn_editor_document_get_taxonomy (document));
  adw_action_row_set_subtitle (self->client_row, client);

  for (guint i = 0; i < pcase->expectations->len; i++)
    {
      PnCaseExpectation *expectation = g_ptr_array_index (pcase->expectations, i);
      PnBenefit *benefit = find_benefit (doc, expectation->benefit_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *quote = adw_entry_row_new ();
      GtkWidget *error = adw_action_row_new ();
      g_autofree char *subtitle = describe_expectation (expectation);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     benefit != NULL ? benefit->title.zh : expectation->benefit_id);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (row, "property");
      pn_gui_tag_chinese (row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (quote), _("The sentence that says so"));
      gtk_editable_set_text (GTK_EDITABLE (quote), expectation->quote != NULL ? expectation->quote : "");
      pn_gui_tag_chinese (quote);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (error), 0);
      gtk_widget_add_css_class (error, "pn-field-error");
      gtk_widget_set_visible (error, FALSE);

      adw_preferences_group_add (self->expectations_group, row);
      adw_preferences_group_add (self->expectations_group, quote);
      adw_preferences_group_add (self->expectations_group, error);
      g_ptr_array_add (self->quote_rows, quote);
      g_ptr_array_add (self->quote_errors, error);
    }

  name_changed_cb (self);
  return GTK_WIDGET (self);
}
