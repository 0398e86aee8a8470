/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-import"

#include "config.h"

#include "pn-import.h"

#include "pn-export.h"
#include "pn-gui-util.h"
#include "pn-impact.h"
#include "pn-policy-loader.h"
#include "editor/pn-impact-dialog.h"

#include <glib/gi18n.h>

/* How many threads use a store; only ever touched on the main thread. */
#define PN_STORE_BUSY_KEY "pn-gui-store-busy"

gboolean
pn_gui_store_is_busy (PnStore *store)
{
  g_return_val_if_fail (PN_IS_STORE (store), FALSE);

  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (store), PN_STORE_BUSY_KEY)) > 0;
}

static void
store_add_busy (PnStore *store,
                int      delta)
{
  guint busy = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (store), PN_STORE_BUSY_KEY));

  g_assert (delta > 0 || busy > 0);
  g_object_set_data (G_OBJECT (store), PN_STORE_BUSY_KEY, GUINT_TO_POINTER (busy + delta));
}

void
pn_gui_store_hold (PnStore *store)
{
  g_return_if_fail (PN_IS_STORE (store));

  store_add_busy (store, +1);
}

void
pn_gui_store_release (PnStore *store)
{
  g_return_if_fail (PN_IS_STORE (store));

  store_add_busy (store, -1);
}

/* ---- the thread ---- */

typedef struct
{
  PnStore  *store;
  GFile    *file;       /* or, from the editor: */
  char     *name;
  GBytes   *bytes;
  gboolean  replace;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->file);
  g_free (data->name);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable G_GNUC_UNUSED)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(PnDocument) incoming = NULL;
  g_autofree char *basename = NULL;
  PnDocument *document;
  PnDocument *existing;
  PnLang lang;

  document = data->bytes != NULL
             ? pn_store_import_bytes (data->store, data->name, data->bytes, data->replace, &error)
             : pn_store_import_file (data->store, data->file, data->replace, &error);
  if (document != NULL)
    {
      g_task_return_pointer (task, document, (GDestroyNotify) pn_document_unref);
      return;
    }

  if (!g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The id is taken: name both documents for the question the UI asks.
   * The file just validated, so this parse succeeds. */
  corpus = pn_store_load_corpus (data->store, NULL);
  if (corpus != NULL && data->bytes != NULL)
    incoming = pn_policy_loader_load_document (data->name, data->bytes, pn_corpus_get_taxonomy (corpus), NULL);
  else if (corpus != NULL)
    incoming = pn_policy_loader_load_document_file (data->file, pn_corpus_get_taxonomy (corpus), NULL);
  if (incoming == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  lang = pn_lang_from_locale ();
  existing = pn_corpus_find_header (corpus, incoming->id, NULL);
  basename = data->file != NULL ? g_file_get_basename (data->file) : g_strdup (data->name);
  g_task_return_new_error (task, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS,
                           /* Translators: the title of a stored document, its id, and a file name */
                           _("The library already holds “%s” (%s), the document that %s contains."),
                           pn_text_get (existing ? &existing->title : &incoming->title, lang),
                           incoming->id, basename);
}

static void
import_thread_done_cb (GObject      *source_object G_GNUC_UNUSED,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PnDocument *document;

  /* The thread is done with the store. */
  store_add_busy (data->store, -1);

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Every view reloads before the caller hears of the success. */
  pn_application_reload_corpus (PN_APPLICATION (g_task_get_source_object (task)));
  g_task_return_pointer (task, document, (GDestroyNotify) pn_document_unref);
}

static void
import_async (PnApplication       *application,
              GFile               *file,
              const char          *name,
              GBytes              *bytes,
              gboolean             replace,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  ImportData *data;
  PnStore *store;

  task = g_task_new (application, cancellable, callback, user_data);
  g_task_set_source_tag (task, pn_gui_import_file_async);

  store = pn_application_get_store (application);
  if (store == NULL)
    {
      g_task_return_new_error (task, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                               "%s", _("The policy database is not available."));
      return;
    }
  if (pn_gui_store_is_busy (store))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               "%s", _("Another import is still running."));
      return;
    }

  data = g_new0 (ImportData, 1);
  data->store = g_object_ref (store);
  data->file = file != NULL ? g_object_ref (file) : NULL;
  data->name = g_strdup (name);
  data->bytes = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  data->replace = replace;

  /* The thread's task only carries the work; its callback, on this thread,
   * releases the store before the caller hears of the result. */
  store_add_busy (store, +1);
  thread_task = g_task_new (application, cancellable, import_thread_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (thread_task, import_thread);
  g_task_set_task_data (thread_task, data, (GDestroyNotify) import_data_free);
  /* The import cannot be interrupted: report what it did. */
  g_task_set_check_cancellable (thread_task, FALSE);
  g_task_run_in_thread (thread_task, import_thread);
}

void
pn_gui_import_file_async (PnApplication       *application,
                          GFile               *file,
                          gboolean             replace,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (PN_IS_APPLICATION (application));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import_async (application, file, NULL, NULL, replace, cancellable, callback, user_data);
}

void
pn_gui_import_bytes_async (PnApplication       *application,
                           const char          *display_name,
                           GBytes              *bytes,
                           gboolean             replace,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (PN_IS_APPLICATION (application));
  g_return_if_fail (display_name != NULL);
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  import_async (application, NULL, display_name, bytes, replace, cancellable, callback, user_data);
}

PnDocument *
pn_gui_import_file_finish (PnApplication  *application,
                           GAsyncResult   *result,
                           GError        **error)
{
  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (g_task_is_valid (result, application), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pn_gui_import_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the dialogs ---- */

typedef struct
{
  GtkWindow     *parent;
  PnApplication *application;
  GFile         *file;
  GtkWindow     *progress;
  /* the preview: what the import would change, worked out in a thread */
  PnStore       *store;
  PnCorpus      *corpus;
  gboolean       replace;
  PnDocument    *incoming;
  PnImpact      *impact;
} ImportFlow;

static void
import_flow_free (ImportFlow *flow)
{
  g_clear_object (&flow->parent);
  g_clear_object (&flow->application);
  g_clear_object (&flow->file);
  g_assert (flow->progress == NULL);
  g_clear_object (&flow->store);
  g_clear_pointer (&flow->corpus, pn_corpus_unref);
  g_clear_pointer (&flow->incoming, pn_document_unref);
  g_clear_pointer (&flow->impact, pn_impact_unref);
  g_free (flow);
}

static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_toast_overlay (child);

      if (overlay != NULL)
        return overlay;
    }

  return NULL;
}

static gboolean
block_close_cb (GtkWindow *window G_GNUC_UNUSED)
{
  /* The import cannot be stopped half-way; the dialog goes when it ends. */
  return TRUE;
}

static void start_import (ImportFlow *flow,
                          gboolean    replace);
static void start_preview (ImportFlow *flow,
                           gboolean    replace);

static void
replace_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                     const char       *response,
                     ImportFlow       *flow)
{
  if (g_strcmp0 (response, "replace") == 0)
    start_preview (flow, TRUE);
  else
    import_flow_free (flow);
}

static void
show_message (ImportFlow *flow,
              const char *heading,
              const char *body)
{
  pn_gui_show_message (flow->parent, heading, body);
}

/* What went wrong in words of the interface's language, then the loader's
 * "FILE:LINE: reason" (which names the file and the line, in English) */
static void
show_import_error (ImportFlow   *flow,
                   const GError *error)
{
  const char *what = NULL;
  g_autofree char *body = NULL;

  if (error->domain == PN_POLICY_ERROR)
    switch ((PnPolicyError) error->code)
      {
      case PN_POLICY_ERROR_MALFORMED:
        what = _("The file is not a policy document that can be read: it is empty, or its XML is broken.");
        break;
      case PN_POLICY_ERROR_FORBIDDEN:
        what = _("The file holds content a policy document may not have (a DTD, entities or links to other files), and was not read.");
        break;
      case PN_POLICY_ERROR_INVALID:
        what = _("The file does not follow the format of a policy document.");
        break;
      case PN_POLICY_ERROR_REFERENCE:
        what = _("The file refers to a unit, overlap group or measure that does not exist.");
        break;
      case PN_POLICY_ERROR_TOO_LARGE:
        what = _("The file is larger or deeper than a policy document may be.");
        break;
      case PN_POLICY_ERROR_IO:
        what = _("The file cannot be read.");
        break;
      case PN_POLICY_ERROR_MODEL:
        what = _("The file breaks a rule of policy documents, such as a date or an amount out of place.");
        break;
      default:
        break;
      }

  /* Translators: an import's error: what went wrong, then the technical
   * details (in English), which name the file and the line */
  body = what != NULL ? g_strdup_printf (_("%s\n\nDetails: %s"), what, error->message) : g_strdup (error->message);
  show_message (flow, _("Cannot Import Policy Document"), body);
}

static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportFlow *flow = user_data;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = pn_gui_import_file_finish (PN_APPLICATION (source_object), result, &error);

  if (flow->progress != NULL)
    {
      g_signal_handlers_disconnect_by_func (flow->progress, block_close_cb, NULL);
      gtk_window_destroy (g_steal_pointer (&flow->progress));
    }

  if (document != NULL)
    {
      const char *title = pn_text_get (&document->title, pn_lang_from_locale ());
      AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (flow->parent));
      g_autofree char *message = NULL;

      /* Translators: %s is the title of the imported document */
      message = g_strdup_printf (_("Imported “%s”"), title);
      if (overlay != NULL)
        {
          /* Toast titles are markup in libadwaita 1.2. */
          g_autofree char *escaped = g_markup_escape_text (message, -1);

          adw_toast_overlay_add_toast (overlay, adw_toast_new (escaped));
        }
      else
        {
          show_message (flow, _("Policy Document Imported"), message);
        }
      import_flow_free (flow);
      return;
    }

  if (g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS))
    {
      GtkWidget *dialog = adw_message_dialog_new (flow->parent, _("Replace Document?"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", error->message,
                                      _("Replace the stored version with it?"));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "replace", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), flow);
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The loader's "FILE:LINE: reason" names the file and the line. */
  show_import_error (flow, error);
  import_flow_free (flow);
}

static void
start_import (ImportFlow *flow,
              gboolean    replace)
{
  g_autofree char *basename = g_file_get_basename (flow->file);
  GtkWidget *dialog;
  GtkWidget *spinner;

  dialog = adw_message_dialog_new (flow->parent, _("Importing Policy Document"), NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Checking and importing %s…"), basename);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  g_signal_connect (dialog, "close-request", G_CALLBACK (block_close_cb), NULL);
  flow->progress = GTK_WINDOW (dialog);
  gtk_window_set_modal (flow->progress, TRUE);
  gtk_window_present (flow->progress);

  pn_gui_import_file_async (flow->application, flow->file, replace, NULL, import_done_cb, flow);
}

/* ---- the preview: what the import changes for each saved client ---- */

static void
preview_thread (GTask        *task,
                gpointer      source_object G_GNUC_UNUSED,
                gpointer      task_data,
                GCancellable *cancellable G_GNUC_UNUSED)
{
  ImportFlow *flow = task_data;
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(PnCorpus) after = NULL;
  g_autofree char *takes_effect = NULL;
  GError *error = NULL;

  flow->incoming = pn_store_check_import_file (flow->store, flow->file, flow->replace, &error);
  if (flow->incoming == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_ptr_array_add (documents, flow->incoming);
  after = pn_corpus_new_overlay (flow->corpus, documents, NULL);
  takes_effect = pn_document_dup_takes_effect (flow->incoming, flow->corpus);
  flow->impact = pn_impact_new_on (flow->store, flow->corpus, after, NULL, takes_effect, &error);
  if (flow->impact == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
preview_response_cb (PnImpactDialog *dialog G_GNUC_UNUSED,
                     const char     *response,
                     ImportFlow     *flow)
{
  if (g_strcmp0 (response, "import") == 0)
    start_import (flow, flow->replace);
  else
    import_flow_free (flow);
}

static void
preview_done_cb (GObject      *source_object G_GNUC_UNUSED,
                 GAsyncResult *result,
                 gpointer      user_data G_GNUC_UNUSED)
{
  ImportFlow *flow = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PnDocument *replaced;
  GtkWidget *dialog;
  guint unreviewed = 0;

  pn_gui_store_release (flow->store);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS) && !flow->replace)
        {
          /* the import's own question, naming both documents */
          start_import (flow, FALSE);
          return;
        }
      show_import_error (flow, error);
      import_flow_free (flow);
      return;
    }

  pn_document_count_benefits (flow->incoming, &unreviewed);
  replaced = flow->replace ? pn_corpus_find_header (flow->corpus, flow->incoming->id, NULL) : NULL;
  dialog = pn_impact_dialog_new (flow->parent, flow->impact, flow->incoming, replaced, unreviewed);
  g_signal_connect (dialog, "response", G_CALLBACK (preview_response_cb), flow);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* What the file would change, before it is imported: the import's dialog
 * of the review editor; Import then imports it. */
static void
start_preview (ImportFlow *flow,
               gboolean    replace)
{
  GTask *task;

  /* again after "Replace Document?" */
  g_clear_object (&flow->store);
  g_clear_pointer (&flow->corpus, pn_corpus_unref);
  g_clear_pointer (&flow->incoming, pn_document_unref);
  g_clear_pointer (&flow->impact, pn_impact_unref);
  flow->store = pn_application_get_store (flow->application) != NULL
                ? g_object_ref (pn_application_get_store (flow->application)) : NULL;
  flow->corpus = pn_application_get_corpus (flow->application) != NULL
                 ? pn_corpus_ref (pn_application_get_corpus (flow->application)) : NULL;
  flow->replace = replace;
  if (flow->store == NULL || flow->corpus == NULL || pn_gui_store_is_busy (flow->store))
    {
      /* no preview to show: the import says what is wrong */
      start_import (flow, replace);
      return;
    }

  pn_gui_store_hold (flow->store);
  task = g_task_new (NULL, NULL, preview_done_cb, NULL);
  /* not the task's: preview_done_cb () passes it on or frees it */
  g_task_set_task_data (task, flow, NULL);
  g_task_run_in_thread (task, preview_thread);
  g_object_unref (task);
}

static ImportFlow *
import_flow_new (GtkWindow     *parent,
                 PnApplication *application)
{
  ImportFlow *flow = g_new0 (ImportFlow, 1);

  flow->parent = parent ? g_object_ref (parent) : NULL;
  flow->application = g_object_ref (application);

  return flow;
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          ImportFlow      *flow)
{
  if (response == GTK_RESPONSE_ACCEPT)
    flow->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  g_object_unref (native);

  if (flow->file == NULL)
    {
      import_flow_free (flow);
      return;
    }

  start_preview (flow, FALSE);
}

void
pn_gui_import_policy_file (GtkWindow     *parent,
                           PnApplication *application,
                           GFile         *file)
{
  ImportFlow *flow;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));
  g_return_if_fail (G_IS_FILE (file));

  flow = import_flow_new (parent, application);
  flow->file = g_object_ref (file);
  start_preview (flow, FALSE);
}

void
pn_gui_import_policy (GtkWindow     *parent,
                      PnApplication *application)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;
  ImportFlow *flow;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));

  flow = import_flow_new (parent, application);

  /* GtkFileChooserNative goes through the portal inside Flatpak. */
  native = gtk_file_chooser_native_new (_("Import Policy Document"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Policy documents (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  g_signal_connect (native, "response", G_CALLBACK (file_chooser_response_cb), flow);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
