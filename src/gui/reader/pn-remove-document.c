/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-remove-document"

#include "config.h"

#include "pn-remove-document.h"

#include "pn-gui-util.h"
#include "pn-impact.h"
#include "pn-window.h"
#include "editor/pn-impact-dialog.h"
#include "profiles/pn-import.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkWindow     *parent;
  PnApplication *application;
  PnStore       *store;
  PnCorpus      *corpus;
  char          *document_id;
  PnDocument    *removed;       /* its header, for the title */
  PnDocument    *restored;      /* the bundled document that comes back, or NULL */
  PnImpact      *impact;
} Removal;

static void
removal_free (Removal *removal)
{
  g_clear_object (&removal->parent);
  g_clear_object (&removal->application);
  g_clear_object (&removal->store);
  g_clear_pointer (&removal->corpus, pn_corpus_unref);
  g_free (removal->document_id);
  g_clear_pointer (&removal->removed, pn_document_unref);
  g_clear_pointer (&removal->restored, pn_document_unref);
  g_clear_pointer (&removal->impact, pn_impact_unref);
  g_free (removal);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  pn_gui_show_message (parent, _("Cannot Remove the Document"), message);
}

/* ---- removing ---- */

static void
remove_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  Removal *removal = task_data;
  GError *error = NULL;

  if (!pn_store_remove_document (removal->store, removal->document_id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
remove_done_cb (GObject      *source_object G_GNUC_UNUSED,
                GAsyncResult *result,
                gpointer      user_data G_GNUC_UNUSED)
{
  Removal *removal = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  pn_gui_store_release (removal->store);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (removal->parent, error->message);
      return;
    }

  pn_application_reload_corpus (removal->application);
  /* Translators: a toast; %s is the title of the document removed */
  message = g_strdup_printf (_("Removed “%s”"), pn_gui_text (&removal->removed->title));
  if (PN_IS_WINDOW (removal->parent))
    pn_window_add_toast (PN_WINDOW (removal->parent), adw_toast_new (message));
}

static void
response_cb (PnImpactDialog *dialog G_GNUC_UNUSED,
             const char     *response,
             Removal        *removal)
{
  GTask *task;

  if (g_strcmp0 (response, "remove") != 0)
    {
      removal_free (removal);
      return;
    }
  if (pn_gui_store_is_busy (removal->store))
    {
      show_error (removal->parent, _("Another import is still running."));
      removal_free (removal);
      return;
    }

  pn_gui_store_hold (removal->store);
  task = g_task_new (NULL, NULL, remove_done_cb, NULL);
  g_task_set_task_data (task, removal, (GDestroyNotify) removal_free);
  g_task_run_in_thread (task, remove_thread);
  g_object_unref (task);
}

/* ---- what it changes ---- */

static void
impact_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  Removal *removal = task_data;
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  const char *removed[] = { removal->document_id, NULL };
  g_autoptr(PnCorpus) after = NULL;
  GError *error = NULL;

  if (!pn_store_check_remove_document (removal->store, removal->document_id, &removal->restored, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (removal->restored != NULL)
    g_ptr_array_add (documents, removal->restored);
  after = pn_corpus_new_overlay (removal->corpus, documents, removal->restored != NULL ? NULL : removed);
  removal->impact = pn_impact_new (removal->store, removal->corpus, after, &error);
  if (removal->impact == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
impact_done_cb (GObject      *source_object G_GNUC_UNUSED,
                GAsyncResult *result,
                gpointer      user_data G_GNUC_UNUSED)
{
  Removal *removal = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  pn_gui_store_release (removal->store);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (removal->parent, error->message);
      removal_free (removal);
      return;
    }

  dialog = pn_impact_dialog_new_for_removal (removal->parent, removal->impact, removal->removed, removal->restored);
  /* the dialog's answer (Cancel and closing too) takes the removal on */
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), removal);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
pn_gui_remove_document (GtkWindow     *parent,
                        PnApplication *application,
                        const char    *document_id)
{
  Removal *removal;
  PnStore *store;
  PnCorpus *corpus;
  PnDocument *header;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));
  g_return_if_fail (document_id != NULL);

  store = pn_application_get_store (application);
  corpus = pn_application_get_corpus (application);
  header = corpus != NULL ? pn_corpus_find_header (corpus, document_id, NULL) : NULL;
  if (store == NULL || header == NULL)
    {
      show_error (parent, _("The policy database is not available."));
      return;
    }
  if (pn_gui_store_is_busy (store))
    {
      show_error (parent, _("Another import is still running."));
      return;
    }

  removal = g_new0 (Removal, 1);
  removal->parent = parent != NULL ? g_object_ref (parent) : NULL;
  removal->application = g_object_ref (application);
  removal->store = g_object_ref (store);
  removal->corpus = pn_corpus_ref (corpus);
  removal->document_id = g_strdup (document_id);
  removal->removed = pn_document_ref (header);

  pn_gui_store_hold (store);
  task = g_task_new (NULL, NULL, impact_done_cb, NULL);
  /* not the task's: impact_done_cb () passes it on or frees it */
  g_task_set_task_data (task, removal, NULL);
  g_task_run_in_thread (task, impact_thread);
  g_object_unref (task);
}
