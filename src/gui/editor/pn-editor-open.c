/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-editor-open"

#include "config.h"

#include "pn-editor-open.h"

#include "pn-drafts-window.h"
#include "pn-editor-drafts.h"
#include "pn-gui-util.h"
#include "pn-policy-loader.h"
#include "pn-window.h"

#include <glib/gi18n.h>

static const char * const draftable[] = { ".txt", ".html", ".htm", ".pdf", ".docx", NULL };

gboolean
pn_editor_is_draftable (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
  for (guint i = 0; lower != NULL && draftable[i] != NULL; i++)
    if (g_str_has_suffix (lower, draftable[i]))
      return TRUE;
  return FALSE;
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  pn_gui_show_message (parent, heading, message);
}

static void
toast (GtkWindow  *parent,
       const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (PN_IS_WINDOW (parent))
    pn_window_add_toast (PN_WINDOW (parent), adw_toast_new (escaped));
  else if (PN_IS_POLICY_EDITOR (parent))
    pn_policy_editor_add_toast (PN_POLICY_EDITOR (parent), message);
}

static PnPolicyEditor *
present_editor (PnApplication    *application,
                PnEditorDocument *document)
{
  PnPolicyEditor *editor = pn_policy_editor_new (application, document);

  gtk_window_present (GTK_WINDOW (editor));
  return editor;
}

/* ---- drafting a text ---- */

typedef struct
{
  GtkWindow     *parent;
  PnApplication *application;
  GFile         *file;
  PnTaxonomy    *taxonomy;
  PnDraft       *draft;
} DraftFlow;

static void
draft_flow_free (DraftFlow *flow)
{
  g_clear_object (&flow->parent);
  g_clear_object (&flow->application);
  g_clear_object (&flow->file);
  g_clear_pointer (&flow->taxonomy, pn_taxonomy_unref);
  g_clear_pointer (&flow->draft, pn_draft_unref);
  g_free (flow);
}

static void
draft_thread (GTask        *task,
              gpointer      source_object G_GNUC_UNUSED,
              gpointer      task_data,
              GCancellable *cancellable G_GNUC_UNUSED)
{
  DraftFlow *flow = task_data;
  GError *error = NULL;

  flow->draft = pn_draft_new_from_file (flow->file, NULL, flow->taxonomy, &error);
  if (flow->draft == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
open_new_draft (DraftFlow *flow,
                GFile     *target)
{
  PnCorpus *corpus = pn_application_get_corpus (flow->application);
  PnDocument *document = pn_draft_get_document (flow->draft);
  g_autoptr(PnEditorDocument) editing = NULL;

  if (corpus == NULL)
    return;
  /* a notice keeping a document in force longer names the library's id of it */
  pn_draft_resolve_extensions (flow->draft, corpus, NULL);
  /* "…（厦府规〔2023〕17号）同时废止": what it repeals, it supersedes */
  pn_draft_resolve_repeals (flow->draft, corpus, NULL);
  /* the draft's own document: nobody else holds it */
  editing = pn_editor_document_new (pn_document_ref (document), pn_draft_get_figures (flow->draft),
                                    corpus, target);
  present_editor (flow->application, editing);
}

static void
in_progress_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         DraftFlow        *flow)
{
  GFile *target = g_object_get_data (G_OBJECT (dialog), "target");

  if (g_strcmp0 (response, "continue") == 0)
    pn_editor_open_file (flow->parent, flow->application, target);
  else if (g_strcmp0 (response, "replace") == 0)
    {
      PnPolicyEditor *open = pn_policy_editor_find (GTK_APPLICATION (flow->application), target);

      /* the open editor's document would write its own version over it */
      if (open != NULL)
        {
          pn_editor_document_stop_saving (pn_policy_editor_get_document (open));
          g_object_set_data (G_OBJECT (open), "pn-discarded", GINT_TO_POINTER (TRUE));
          gtk_window_destroy (GTK_WINDOW (open));
        }
      open_new_draft (flow, target);
    }
  draft_flow_free (flow);
}

static void
draft_done_cb (GObject      *source_object G_GNUC_UNUSED,
               GAsyncResult *result,
               gpointer      user_data)
{
  DraftFlow *flow = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  PnDocument *document;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* pn-draft's errors are one line naming the file */
      show_error (flow->parent, _("Cannot Draft a Policy from the File"), error->message);
      draft_flow_free (flow);
      return;
    }

  document = pn_draft_get_document (flow->draft);
  target = pn_editor_drafts_file_for_id (document->id);
  if (g_file_query_exists (target, NULL))
    {
      GtkWidget *dialog = adw_message_dialog_new (flow->parent, _("A Draft Is in Progress"), NULL);

      /* Translators: %s is a document's title */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("A draft of “%s” is already being reviewed. Continue it, or start again from this text (the review done so far is lost)?"),
                                      pn_gui_text (&document->title));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Start Again"),
                                        "continue", _("C_ontinue"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "target", g_steal_pointer (&target), g_object_unref);
      g_signal_connect (dialog, "response", G_CALLBACK (in_progress_response_cb), flow);
      gtk_window_set_modal (GTK_WINDOW (dialog), flow->parent != NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  open_new_draft (flow, target);
  draft_flow_free (flow);
}

void
pn_editor_draft_file (GtkWindow     *parent,
                      PnApplication *application,
                      GFile         *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  PnCorpus *corpus;
  DraftFlow *flow;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));
  g_return_if_fail (G_IS_FILE (file));

  corpus = pn_application_get_corpus (application);
  if (corpus == NULL)
    {
      show_error (parent, _("Cannot Draft a Policy from the File"),
                  _("The policy database is not available."));
      return;
    }

  flow = g_new0 (DraftFlow, 1);
  flow->parent = parent != NULL ? g_object_ref (parent) : NULL;
  flow->application = g_object_ref (application);
  flow->file = g_object_ref (file);
  flow->taxonomy = pn_taxonomy_ref (pn_corpus_get_taxonomy (corpus));

  name = g_file_get_basename (file);
  /* Translators: a toast while a text is drafted; %s is its file name */
  message = g_strdup_printf (_("Reading %s…"), name);
  toast (parent, message);

  task = g_task_new (NULL, NULL, draft_done_cb, flow);
  g_task_set_source_tag (task, pn_editor_draft_file);
  g_task_set_task_data (task, flow, NULL);
  g_task_run_in_thread (task, draft_thread);
}

static void
new_policy_response_cb (GtkNativeDialog *native,
                        int              response,
                        PnApplication   *application)
{
  g_autoptr(GFile) file = NULL;
  GtkWindow *parent = gtk_native_dialog_get_transient_for (native);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    pn_editor_draft_file (parent, application, file);
  g_object_unref (native);
  g_object_unref (application);
}

void
pn_editor_new_policy (GtkWindow     *parent,
                      PnApplication *application)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));

  native = gtk_file_chooser_native_new (_("New Policy from Text"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Draft"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Official texts (.txt, .html, .pdf, .docx)"));
  for (guint i = 0; draftable[i] != NULL; i++)
    {
      g_autofree char *suffix = g_strdup (draftable[i] + 1);

      gtk_file_filter_add_suffix (filter, suffix);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (new_policy_response_cb), g_object_ref (application));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- opening a saved draft, an imported document ---- */

PnPolicyEditor *
pn_editor_open_file (GtkWindow     *parent,
                     PnApplication *application,
                     GFile         *file)
{
  g_autoptr(PnEditorDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  PnPolicyEditor *open;
  PnCorpus *corpus;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  open = pn_policy_editor_find (GTK_APPLICATION (application), file);
  if (open != NULL)
    {
      gtk_window_present (GTK_WINDOW (open));
      return open;
    }

  corpus = pn_application_get_corpus (application);
  if (corpus == NULL)
    {
      show_error (parent, _("Cannot Open the Draft"), _("The policy database is not available."));
      return NULL;
    }

  document = pn_editor_document_new_from_file (file, corpus, &error);
  if (document == NULL)
    {
      /* the loader's "FILE:LINE: reason" */
      show_error (parent, _("Cannot Open the Draft"), error->message);
      return NULL;
    }
  return present_editor (application, document);
}

PnPolicyEditor *
pn_editor_open_document (GtkWindow     *parent,
                         PnApplication *application,
                         const char    *document_id)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(PnEditorDocument) editing = NULL;
  g_autofree char *name = NULL;
  PnStore *store;
  PnCorpus *corpus;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  store = pn_application_get_store (application);
  corpus = pn_application_get_corpus (application);
  if (store == NULL || corpus == NULL)
    {
      show_error (parent, _("Cannot Edit the Document"), _("The policy database is not available."));
      return NULL;
    }

  /* a review of it in progress comes first */
  target = pn_editor_drafts_file_for_id (document_id);
  if (g_file_query_exists (target, NULL))
    {
      PnPolicyEditor *editor = pn_editor_open_file (parent, application, target);

      if (editor != NULL)
        pn_policy_editor_add_toast (editor, _("The draft in progress of this document is open."));
      return editor;
    }

  bytes = pn_store_get_document_file (store, document_id, &name, &error);
  if (bytes != NULL)
    document = pn_policy_loader_load_document (name != NULL ? name : document_id, bytes, NULL, &error);
  if (document == NULL)
    {
      show_error (parent, _("Cannot Edit the Document"), error->message);
      return NULL;
    }

  editing = pn_editor_document_new (g_steal_pointer (&document), NULL, corpus, target);
  return present_editor (application, editing);
}

void
pn_editor_show_drafts (GtkWindow     *parent,
                       PnApplication *application)
{
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (pn_drafts_window_new (parent, application)));
}
