/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy-editor"

#include "config.h"

#include "pn-policy-editor-private.h"

#include "pn-gui-util.h"
#include "pn-impact-dialog.h"
#include "profiles/pn-import.h"

#include <glib/gi18n.h>

/* Import: a dry run of the store's import (every check, nothing written)
 * and what it changes for every saved client (PnImpact over an overlay of
 * the corpus), both in a thread; the dialog; then the import itself. */

typedef struct
{
  PnStore    *store;
  PnCorpus   *corpus;
  char       *name;
  GBytes     *bytes;
  gboolean    replace;
  /* out */
  PnDocument *document;
  PnImpact   *impact;
} DryRun;

static void
dry_run_free (DryRun *run)
{
  g_clear_object (&run->store);
  g_clear_pointer (&run->corpus, pn_corpus_unref);
  g_free (run->name);
  g_clear_pointer (&run->bytes, g_bytes_unref);
  g_clear_pointer (&run->document, pn_document_unref);
  g_clear_pointer (&run->impact, pn_impact_unref);
  g_free (run);
}

static void
dry_run_thread (GTask        *task,
                gpointer      source_object G_GNUC_UNUSED,
                gpointer      task_data,
                GCancellable *cancellable G_GNUC_UNUSED)
{
  DryRun *run = task_data;
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(PnCorpus) after = NULL;
  g_autofree char *takes_effect = NULL;
  GError *error = NULL;

  run->document = pn_store_check_import_bytes (run->store, run->name, run->bytes, run->replace, &error);
  if (run->document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_ptr_array_add (documents, run->document);
  after = pn_corpus_new_overlay (run->corpus, documents, NULL);
  /* each client on the day the document changes something for it */
  takes_effect = pn_document_dup_takes_effect (run->document, run->corpus);
  run->impact = pn_impact_new_on (run->store, run->corpus, after, NULL, takes_effect, &error);
  if (run->impact == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
show_error (PnPolicyEditor *self,
            const char     *heading,
            const char     *message)
{
  pn_gui_show_message (GTK_WINDOW (self), heading, message);
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PnPolicyEditor) self = user_data;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->importing = FALSE;
  document = pn_gui_import_file_finish (PN_APPLICATION (source_object), result, &error);
  pn_policy_editor_actions_update (self);
  if (document == NULL)
    {
      show_error (self, _("Cannot Import the Document"), error->message);
      return;
    }

  /* Translators: a toast; %s is the document's title */
  message = g_strdup_printf (_("Imported “%s”: it is in Policy Documents"), pn_gui_text (&document->title));
  pn_policy_editor_add_toast (self, message);
}

static void
impact_response_cb (PnImpactDialog *dialog,
                    const char     *response,
                    PnPolicyEditor *self)
{
  PnApplication *application = pn_policy_editor_get_application (self);
  GBytes *bytes = g_object_get_data (G_OBJECT (dialog), "bytes");
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  gboolean replace = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "replace"));

  if (g_strcmp0 (response, "import") != 0 || application == NULL)
    {
      self->importing = FALSE;
      pn_policy_editor_actions_update (self);
      return;
    }

  pn_gui_import_bytes_async (application, name, bytes, replace, NULL, import_done_cb, g_object_ref (self));
}

static void
dry_run_done_cb (GObject      *source_object G_GNUC_UNUSED,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PnPolicyEditor) self = user_data;
  DryRun *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PnDocument *replaced;
  GtkWidget *dialog;
  guint unreviewed = 0;

  pn_gui_store_release (run->store);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->importing = FALSE;
      pn_policy_editor_actions_update (self);
      show_error (self, _("Cannot Import the Document"), error->message);
      return;
    }

  replaced = pn_corpus_find_header (run->corpus, run->document->id, NULL);
  pn_document_count_benefits (run->document, &unreviewed);
  dialog = pn_impact_dialog_new (GTK_WINDOW (self), run->impact, run->document, replaced, unreviewed);
  /* what it replaces from a date (a final text replacing its draft): it
   * said only "joins the policy documents" */
  for (guint i = 0; run->document->supersedes != NULL && i < run->document->supersedes->len; i++)
    {
      const PnSupersession *supersession = g_ptr_array_index (run->document->supersedes, i);
      PnDocument *old = pn_corpus_find_header (run->corpus, supersession->ref, NULL);
      g_autofree char *date = pn_gui_format_date (supersession->from);
      g_autofree char *text = NULL;

      /* Translators: under the summary of an import; the first %s names
       * the stored document replaced, the second is a date */
      text = g_strdup_printf (_("It replaces “%s” from %s: that document’s measures no longer count from then."),
                              old != NULL ? pn_gui_text (&old->title) : supersession->ref, date);
      pn_impact_dialog_add_summary (PN_IMPACT_DIALOG (dialog), text);
    }
  g_object_set_data_full (G_OBJECT (dialog), "bytes", g_bytes_ref (run->bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (run->name), g_free);
  g_object_set_data (G_OBJECT (dialog), "replace", GINT_TO_POINTER (replaced != NULL));
  g_signal_connect_object (dialog, "response", G_CALLBACK (impact_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pn_policy_editor_import (PnPolicyEditor *self)
{
  PnApplication *application = pn_policy_editor_get_application (self);
  g_autoptr(GTask) task = NULL;
  PnStore *store;
  PnCorpus *corpus;
  GBytes *bytes;
  DryRun *run;

  g_return_if_fail (PN_IS_POLICY_EDITOR (self));

  bytes = pn_editor_document_get_checked_bytes (self->document);
  store = application != NULL ? pn_application_get_store (application) : NULL;
  corpus = application != NULL ? pn_application_get_corpus (application) : NULL;
  if (bytes == NULL || store == NULL || corpus == NULL || self->importing)
    return;
  if (pn_gui_store_is_busy (store))
    {
      pn_policy_editor_add_toast (self, _("Another import is still running."));
      return;
    }

  run = g_new0 (DryRun, 1);
  run->store = g_object_ref (store);
  run->corpus = pn_corpus_ref (corpus);
  run->name = g_file_get_basename (pn_editor_document_get_file (self->document));
  run->bytes = g_bytes_ref (bytes);
  run->replace = pn_corpus_find_header (corpus, pn_editor_document_get_document (self->document)->id, NULL) != NULL;

  self->importing = TRUE;
  pn_policy_editor_actions_update (self);
  pn_gui_store_hold (store);
  task = g_task_new (NULL, NULL, dry_run_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, pn_policy_editor_import);
  g_task_set_task_data (task, run, (GDestroyNotify) dry_run_free);
  g_task_run_in_thread (task, dry_run_thread);
}
