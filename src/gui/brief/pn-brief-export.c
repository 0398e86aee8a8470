/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-brief-export"

#include "config.h"

#include "pn-brief-export.h"

#include "pn-brief.h"
#include "pn-date.h"
#include "pn-engine.h"
#include "pn-export.h"
#include "pn-gui-util.h"
#include "pn-window.h"

#include <glib/gi18n.h>
#include <string.h>

/* The folder of the last export, on the application, for the next one. */
#define PN_BRIEF_EXPORT_FOLDER_KEY "pn-brief-export-folder"
/* The print settings of the last print, on the application. */
#define PN_BRIEF_PRINT_SETTINGS_KEY "pn-brief-print-settings"
#define PN_BRIEF_FORMAT_KEY "pn-brief-format"
#define PN_BRIEF_PRINT_JOB_KEY "pn-brief-print-job"

/* The smallest paper the brief's own margins leave room on, in points. */
#define PN_BRIEF_MIN_PAPER_WIDTH  144.0
#define PN_BRIEF_MIN_PAPER_HEIGHT 288.0

static const struct
{
  const char *extension;
  const char *mime_type;
  const char *name;
} formats[] = {
  [PN_BRIEF_FORMAT_PDF] = { ".pdf", "application/pdf", N_("PDF document (A4)") },
  [PN_BRIEF_FORMAT_MARKDOWN] = { ".md", "text/markdown", N_("Markdown") },
  [PN_BRIEF_FORMAT_CSV] = { ".csv", "text/csv", N_("CSV table (UTF-8)") },
};

/* The editions, by their own names, as language pickers show them: each
 * reads it in the language it names, whatever the UI language. */
static const char * const edition_ids[] = { "en", "zh", NULL };
static const char * const edition_names[] = { "English", "简体中文", NULL };
/* The same, the UI language first. */
static const char * const edition_ids_zh_first[] = { "zh", "en", NULL };
static const char * const edition_names_zh_first[] = { "简体中文", "English", NULL };

const char *
pn_brief_format_get_extension (PnBriefFormat format)
{
  g_return_val_if_fail (format <= PN_BRIEF_FORMAT_CSV, NULL);

  return formats[format].extension;
}

gboolean
pn_brief_format_from_filename (const char    *filename,
                               PnBriefFormat *out_format)
{
  g_autofree char *lower = NULL;
  PnBriefFormat format;

  g_return_val_if_fail (filename != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    format = PN_BRIEF_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    format = PN_BRIEF_FORMAT_MARKDOWN;
  else if (g_str_has_suffix (lower, ".csv"))
    format = PN_BRIEF_FORMAT_CSV;
  else
    return FALSE;

  if (out_format != NULL)
    *out_format = format;
  return TRUE;
}

static const char *
client_name (PnProfile *profile)
{
  const char *name = profile != NULL ? pn_profile_get_name (profile) : NULL;

  return name != NULL && name[0] != '\0' ? name : NULL;
}

char *
pn_brief_export_default_name (PnProfile     *profile,
                              PnBriefFormat  format,
                              const char    *date)
{
  g_autofree char *stem = NULL;
  g_autofree char *today = NULL;
  const char *name;

  g_return_val_if_fail (profile == NULL || PN_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (format <= PN_BRIEF_FORMAT_CSV, NULL);

  /* the date the brief is as of (a brief as of 2026-06-30 was named after
   * today), else today */
  if (date == NULL)
    date = today = profile != NULL ? pn_profile_dup_effective_as_of (profile) : pn_date_today ();

  name = client_name (profile);
  if (name != NULL)
    {
      g_autofree char *safe = g_strdup (name);

      /* a client name is no path */
      g_strdelimit (safe, "/\\", '-');
      /* Translators: the default file name of an exported brief, without
       * its extension: the client's name, then the date (2026-12-06) */
      stem = g_strdup_printf (_("%s – policy brief %s"), g_strstrip (safe), date);
    }
  else
    {
      /* Translators: the default file name of an exported brief without a
       * client name, without its extension; %s is the date (2026-12-06) */
      stem = g_strdup_printf (_("Policy brief %s"), date);
    }

  return g_strconcat (stem, formats[format].extension, NULL);
}

/* ---- the thread ---- */

typedef struct
{
  PnBriefFormat  format;
  GFile         *file;
  PnResults     *results;   /* immutable */
  PnBrief       *brief;     /* immutable; NULL for CSV */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->results, pn_results_unref);
  g_clear_pointer (&data->brief, pn_brief_unref);
  g_free (data);
}

/* "Cannot write “FILE”: REASON.", keeping the domain and code of `cause`. */
static GError *
write_error_new (GFile        *file,
                 const GError *cause)
{
  g_autofree char *shown = g_file_get_parse_name (file);
  const char *reason;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("its folder does not exist");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("permission denied");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    reason = _("it is a folder");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    reason = _("a part of the path is not a folder");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    reason = _("no space left on the device");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    reason = _("the file system is read-only");
  else
    reason = cause->message;

  /* Translators: %s is a file name, then the reason it cannot be written */
  return g_error_new (cause->domain, cause->code, _("Cannot write “%s”: %s."), shown, reason);
}

/* Only immutable, atomically reference-counted values are read here: the
 * brief, the results and the corpus behind them.  The PDF is laid out with
 * its own font map and cairo surface. */
static void
export_thread (GTask        *task,
               gpointer      source_object G_GNUC_UNUSED,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  switch (data->format)
    {
    case PN_BRIEF_FORMAT_PDF:
      bytes = pn_brief_pdf_render (data->brief, &error);
      if (bytes == NULL)
        {
          /* Translators: %s says why (a missing font, say) */
          g_task_return_new_error (task, error->domain, error->code,
                                   _("Cannot make the PDF: %s"), error->message);
          return;
        }
      break;

    case PN_BRIEF_FORMAT_MARKDOWN:
      {
        char *markdown = pn_export_brief_markdown (data->brief);

        bytes = g_bytes_new_take (markdown, strlen (markdown));
      }
      break;

    case PN_BRIEF_FORMAT_CSV:
      {
        char *csv = pn_export_results_csv (data->results);

        bytes = g_bytes_new_take (csv, strlen (csv));
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A temporary file renamed over the old one: never half-written. */
  if (!g_file_replace_contents (data->file,
                                g_bytes_get_size (bytes) > 0 ? g_bytes_get_data (bytes, NULL) : "",
                                g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, &error))
    {
      g_task_return_error (task, write_error_new (data->file, error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
pn_brief_export_file_async (PnApplication       *application,
                            GFile               *file,
                            PnBriefFormat        format,
                            PnLang               lang,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  PnProfile *profile;
  PnCorpus *corpus;
  ExportData *data;

  g_return_if_fail (PN_IS_APPLICATION (application));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format <= PN_BRIEF_FORMAT_CSV);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (application, cancellable, callback, user_data);
  g_task_set_source_tag (task, pn_brief_export_file_async);

  corpus = pn_application_get_corpus (application);
  if (corpus == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "%s", _("The policy database is not available."));
      return;
    }

  /* The profile is a GObject the UI changes: read it here, once.  What
   * the thread gets is immutable. */
  profile = pn_application_get_profile (application);
  data = g_new0 (ExportData, 1);
  data->format = format;
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);

  data->results = pn_engine_evaluate (corpus, profile, &error);
  if (data->results != NULL && format != PN_BRIEF_FORMAT_CSV)
    data->brief = pn_brief_new (data->results, profile, lang, NULL, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, export_thread);
}

gboolean
pn_brief_export_file_finish (PnApplication  *application,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (PN_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, application), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pn_brief_export_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- messages ---- */

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A toast's title is markup in libadwaita 1.2. */
static AdwToast *
toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

static void
open_file (GtkWindow *parent,
           GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  /* GtkFileLauncher arrived in GTK 4.10; this goes through the portal too. */
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

typedef struct
{
  GWeakRef  parent;
  GFile    *file;
} OpenData;

static void
open_data_free (gpointer  data,
                GClosure *closure G_GNUC_UNUSED)
{
  OpenData *open = data;

  g_weak_ref_clear (&open->parent);
  g_clear_object (&open->file);
  g_free (open);
}

static void
toast_open_cb (AdwToast *toast G_GNUC_UNUSED,
               OpenData *open)
{
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&open->parent);

  open_file (parent, open->file);
}

static void
exported_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GFile            *file)
{
  if (g_strcmp0 (response, "open") == 0)
    open_file (gtk_window_get_transient_for (GTK_WINDOW (dialog)), file);
}

static void
report_exported (GtkWindow *parent,
                 GFile     *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *message = NULL;

  if (PN_IS_WINDOW (parent))
    {
      AdwToast *toast;
      OpenData *open = g_new0 (OpenData, 1);

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Brief exported as “%s”"), display);
      toast = toast_new (message);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_weak_ref_init (&open->parent, parent);
      open->file = g_object_ref (file);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open_cb),
                             open, open_data_free, 0);
      pn_window_add_toast (PN_WINDOW (parent), toast);
    }
  else
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *folder_name = folder != NULL ? g_file_get_parse_name (folder) : NULL;
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Brief Exported"), NULL);

      if (folder_name != NULL)
        /* Translators: a file name, then the folder it is in */
        adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Saved as “%s” in %s."),
                                        display, folder_name);
      else
        /* Translators: %s is a file name */
        adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Saved as “%s”."), display);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "open", _("_Open"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect_data (dialog, "response", G_CALLBACK (exported_response_cb),
                             g_object_ref (file), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* ---- the export flow ---- */

typedef struct
{
  GWeakRef       parent;       /* the window may close meanwhile */
  PnApplication *application;
  GFile         *file;
  AdwToast      *progress;     /* or NULL */
} ExportFlow;

static void
export_flow_free (ExportFlow *flow)
{
  g_weak_ref_clear (&flow->parent);
  g_clear_object (&flow->application);
  g_clear_object (&flow->file);
  g_clear_object (&flow->progress);
  g_free (flow);
}

static void
export_failed_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           PnApplication    *application)
{
  if (g_strcmp0 (response, "choose") == 0)
    pn_brief_export (gtk_window_get_transient_for (GTK_WINDOW (dialog)), application);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportFlow *flow = user_data;
  g_autoptr(GtkWindow) parent = g_weak_ref_get (&flow->parent);
  g_autoptr(GError) error = NULL;

  if (flow->progress != NULL)
    adw_toast_dismiss (flow->progress);

  if (pn_brief_export_file_finish (PN_APPLICATION (source_object), result, &error))
    {
      /* The next export starts in the same folder. */
      g_object_set_data_full (G_OBJECT (flow->application), PN_BRIEF_EXPORT_FOLDER_KEY,
                              g_file_get_parent (flow->file), g_object_unref);
      report_exported (parent, flow->file);
    }
  else
    {
      /* the way on: another file, another folder */
      GtkWidget *dialog = adw_message_dialog_new (parent, _("Cannot Export Brief"), error->message);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "choose", _("Choose _Another File…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect_data (dialog, "response", G_CALLBACK (export_failed_response_cb),
                             g_object_ref (flow->application), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
      gtk_window_present (GTK_WINDOW (dialog));
    }

  g_application_release (G_APPLICATION (flow->application));
  export_flow_free (flow);
}

void
pn_brief_export_to_file (GtkWindow     *parent,
                         PnApplication *application,
                         GFile         *file,
                         PnBriefFormat  format,
                         PnLang         lang)
{
  ExportFlow *flow;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (format <= PN_BRIEF_FORMAT_CSV);

  flow = g_new0 (ExportFlow, 1);
  g_weak_ref_init (&flow->parent, parent);
  flow->application = g_object_ref (application);
  flow->file = g_object_ref (file);

  if (PN_IS_WINDOW (parent))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (basename);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exporting brief as “%s”…"), display);

      /* Until the thread is done. */
      flow->progress = toast_new (message);
      adw_toast_set_timeout (flow->progress, 0);
      pn_window_add_toast (PN_WINDOW (parent), g_object_ref (flow->progress));
    }

  /* Closing the last window does not end the application half-way. */
  g_application_hold (G_APPLICATION (application));
  pn_brief_export_file_async (application, file, format, lang, NULL, export_done_cb, flow);
}

/* ---- the save dialog ---- */

GtkFileChooserNative *
pn_brief_export_chooser_new (GtkWindow     *parent,
                             PnApplication *application)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  gboolean zh_first;
  GFile *folder;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);

  /* GtkFileChooserNative goes through the portal inside Flatpak. */
  native = gtk_file_chooser_native_new (_("Export Brief"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  chooser = GTK_FILE_CHOOSER (native);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      gtk_file_filter_add_suffix (filter, formats[i].extension + 1);
      if (i == PN_BRIEF_FORMAT_MARKDOWN)
        gtk_file_filter_add_suffix (filter, "markdown");
      g_object_set_data (G_OBJECT (filter), PN_BRIEF_FORMAT_KEY, GUINT_TO_POINTER (i + 1));
      gtk_file_chooser_add_filter (chooser, filter);
      if (i == PN_BRIEF_FORMAT_PDF)
        gtk_file_chooser_set_filter (chooser, filter);
    }

  /* The UI language comes first, so that it is the default even where
   * gtk_file_chooser_set_choice() does not select a list option (the
   * fallback dialog of GTK 4.8). */
  zh_first = pn_gui_get_lang () == PN_LANG_ZH;
  /* Translators: the choice of the brief's language in the save dialog */
  gtk_file_chooser_add_choice (chooser, "edition", _("Edition"),
                               (const char **) (zh_first ? edition_ids_zh_first : edition_ids),
                               (const char **) (zh_first ? edition_names_zh_first : edition_names));
  gtk_file_chooser_set_choice (chooser, "edition", zh_first ? "zh" : "en");

  folder = g_object_get_data (G_OBJECT (application), PN_BRIEF_EXPORT_FOLDER_KEY);
  if (folder == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) documents_folder = g_file_new_for_path (documents);

          gtk_file_chooser_set_current_folder (chooser, documents_folder, NULL);
        }
    }
  else
    {
      gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }

  name = pn_brief_export_default_name (pn_application_get_profile (application), PN_BRIEF_FORMAT_PDF, NULL);
  gtk_file_chooser_set_current_name (chooser, name);

  return native;
}

PnBriefFormat
pn_brief_export_chooser_get_format (GtkFileChooser *chooser,
                                    GFile          *file)
{
  g_autofree char *basename = NULL;
  PnBriefFormat format = PN_BRIEF_FORMAT_PDF;
  GtkFileFilter *filter;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), PN_BRIEF_FORMAT_PDF);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), PN_BRIEF_FORMAT_PDF);

  /* What the name says wins: "x.md" typed under the PDF filter is Markdown. */
  basename = file != NULL ? g_file_get_basename (file) : NULL;
  if (basename != NULL && pn_brief_format_from_filename (basename, &format))
    return format;

  filter = gtk_file_chooser_get_filter (chooser);
  if (filter != NULL)
    {
      guint stored = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (filter), PN_BRIEF_FORMAT_KEY));

      if (stored > 0)
        return (PnBriefFormat) (stored - 1);
    }

  return PN_BRIEF_FORMAT_PDF;
}

PnLang
pn_brief_export_chooser_get_lang (GtkFileChooser *chooser)
{
  const char *edition;

  g_return_val_if_fail (GTK_IS_FILE_CHOOSER (chooser), PN_LANG_EN);

  edition = gtk_file_chooser_get_choice (chooser, "edition");
  if (edition == NULL)
    return pn_gui_get_lang ();

  return g_strcmp0 (edition, "zh") == 0 ? PN_LANG_ZH : PN_LANG_EN;
}

typedef struct
{
  GtkWindow     *parent;
  PnApplication *application;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->application);
  g_free (data);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     ChooserData     *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    pn_brief_export_to_file (data->parent, data->application, file,
                             pn_brief_export_chooser_get_format (GTK_FILE_CHOOSER (native), file),
                             pn_brief_export_chooser_get_lang (GTK_FILE_CHOOSER (native)));

  chooser_data_free (data);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
pn_brief_export (GtkWindow     *parent,
                 PnApplication *application)
{
  GtkFileChooserNative *native;
  ChooserData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));

  if (pn_application_get_corpus (application) == NULL)
    {
      show_message (parent, _("Cannot Export Brief"), _("The policy database is not available."));
      return;
    }

  native = pn_brief_export_chooser_new (parent, application);
  data = g_new0 (ChooserData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->application = g_object_ref (application);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- printing ---- */

typedef struct
{
  PnResults   *results;
  PnProfile   *profile;    /* a copy: the answers when printing began */
  PnLang       lang;
  PnBriefPdf  *pdf;        /* the layout of the last begin-print */
  GError      *error;      /* why that layout failed */
  GtkWindow   *parent;     /* for pn_brief_print()'s messages, or NULL */
  gboolean     reported;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->results, pn_results_unref);
  g_clear_object (&job->profile);
  g_clear_object (&job->pdf);
  g_clear_error (&job->error);
  g_clear_object (&job->parent);
  g_free (job);
}

static PrintJob *
print_job_get (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), PN_BRIEF_PRINT_JOB_KEY);
}

static void
print_begin_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  g_autoptr(PnBrief) brief = NULL;
  /* points: gtk_print_operation_set_unit (GTK_UNIT_POINTS) */
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  guint n_pages;

  g_clear_object (&job->pdf);
  g_clear_error (&job->error);

  brief = pn_brief_new (job->results, job->profile, job->lang, NULL, &job->error);
  if (brief == NULL)
    {
      gtk_print_operation_cancel (operation);
      return;
    }
  job->pdf = pn_brief_pdf_new (brief);

  if (width < PN_BRIEF_MIN_PAPER_WIDTH || height < PN_BRIEF_MIN_PAPER_HEIGHT)
    {
      g_set_error (&job->error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL, "%s",
                   _("The paper is too small for the brief: choose A4 or another larger size."));
      gtk_print_operation_cancel (operation);
      return;
    }

  n_pages = pn_brief_pdf_paginate (job->pdf, gtk_print_context_get_cairo_context (context),
                                   width, height, &job->error);
  if (n_pages == 0)
    {
      if (job->error == NULL)
        g_set_error (&job->error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL, "%s",
                     _("The brief could not be laid out on the page."));
      gtk_print_operation_cancel (operation);
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int) n_pages);
}

static void
print_draw_page_cb (GtkPrintOperation *operation G_GNUC_UNUSED,
                    GtkPrintContext   *context,
                    int                page_nr,
                    PrintJob          *job)
{
  g_return_if_fail (job->pdf != NULL);
  g_return_if_fail (page_nr >= 0 && (guint) page_nr < pn_brief_pdf_get_n_pages (job->pdf));

  pn_brief_pdf_draw_page (job->pdf, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

/* The "Brief" tab of GTK's print dialog: which edition to print. */
static GObject *
print_create_custom_widget_cb (GtkPrintOperation *operation G_GNUC_UNUSED,
                               PrintJob          *job)
{
  GtkWidget *box;
  GtkWidget *row;
  GtkWidget *label;
  GtkWidget *edition;
  GtkWidget *note;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = gtk_label_new_with_mnemonic (_("_Edition"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  edition = gtk_drop_down_new_from_strings ((const char * const *) edition_names);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (edition), job->lang == PN_LANG_ZH ? 1 : 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), edition);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (edition),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), edition);
  gtk_box_append (GTK_BOX (box), row);

  note = gtk_label_new (_("The language the brief is written in. Both editions list the same "
                          "measures and amounts."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_box_append (GTK_BOX (box), note);

  g_object_set_data (G_OBJECT (box), "pn-brief-edition", edition);

  return G_OBJECT (box);
}

static void
print_custom_widget_apply_cb (GtkPrintOperation *operation G_GNUC_UNUSED,
                              GtkWidget         *widget,
                              PrintJob          *job)
{
  GtkDropDown *edition = g_object_get_data (G_OBJECT (widget), "pn-brief-edition");

  if (edition != NULL)
    job->lang = gtk_drop_down_get_selected (edition) == 1 ? PN_LANG_ZH : PN_LANG_EN;
}

GtkPrintOperation *
pn_brief_print_operation_new (PnApplication  *application,
                              PnLang          lang,
                              GError        **error)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autofree char *job_name = NULL;
  g_autoptr(PnResults) results = NULL;
  PnCorpus *corpus;
  PnProfile *profile;
  const char *client;
  PrintJob *job;

  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  corpus = pn_application_get_corpus (application);
  if (corpus == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   "%s", _("The policy database is not available."));
      return NULL;
    }

  profile = pn_application_get_profile (application);
  results = pn_engine_evaluate (corpus, profile, error);
  if (results == NULL)
    return NULL;
  job = g_new0 (PrintJob, 1);
  job->results = g_steal_pointer (&results);
  job->profile = pn_profile_copy (profile);
  job->lang = lang;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), PN_BRIEF_PRINT_JOB_KEY, job,
                          (GDestroyNotify) print_job_free);

  /* The brief lays itself out in points, margins included. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  page_setup = gtk_page_setup_new ();
  paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  client = client_name (profile);
  if (client != NULL)
    /* Translators: the name of a print job; %s is the client's name */
    job_name = g_strdup_printf (_("%s — Policy brief"), client);
  else
    /* Translators: the name of a print job without a client name */
    job_name = g_strdup (_("Policy brief"));
  gtk_print_operation_set_job_name (operation, job_name);

  /* Translators: the tab of the print dialog with the brief's options */
  gtk_print_operation_set_custom_tab_label (operation, _("Brief"));
  g_signal_connect (operation, "create-custom-widget", G_CALLBACK (print_create_custom_widget_cb), job);
  g_signal_connect (operation, "custom-widget-apply", G_CALLBACK (print_custom_widget_apply_cb), job);
  g_signal_connect (operation, "begin-print", G_CALLBACK (print_begin_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (print_draw_page_cb), job);

  return operation;
}

PnBriefPdf *
pn_brief_print_operation_get_pdf (GtkPrintOperation *operation)
{
  PrintJob *job;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);

  job = print_job_get (operation);
  g_return_val_if_fail (job != NULL, NULL);

  return job->pdf;
}

const GError *
pn_brief_print_operation_get_error (GtkPrintOperation *operation)
{
  PrintJob *job;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);

  job = print_job_get (operation);
  g_return_val_if_fail (job != NULL, NULL);

  return job->error;
}

static void
print_report (GtkPrintOperation       *operation,
              GtkPrintOperationResult  result,
              const GError            *error)
{
  PrintJob *job = print_job_get (operation);
  g_autoptr(GError) operation_error = NULL;

  if (job->reported)
    return;

  /* A layout that failed cancelled the operation: that is the error. */
  if (job->error != NULL)
    error = job->error;
  else if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    error = NULL;
  else if (error == NULL)
    {
      gtk_print_operation_get_error (operation, &operation_error);
      error = operation_error;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_IN_PROGRESS && error == NULL)
    return;

  job->reported = TRUE;
  if (error != NULL)
    show_message (job->parent, _("Cannot Print Brief"), error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_message (job->parent, _("Cannot Print Brief"), _("The printing system reported an error."));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PnApplication           *application)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* The next print starts with the same printer and paper. */
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

      if (settings != NULL)
        g_object_set_data_full (G_OBJECT (application), PN_BRIEF_PRINT_SETTINGS_KEY,
                                g_object_ref (settings), g_object_unref);
    }

  print_report (operation, result, NULL);
}

void
pn_brief_print (GtkWindow     *parent,
                PnApplication *application)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (PN_IS_APPLICATION (application));

  operation = pn_brief_print_operation_new (application, pn_gui_get_lang (), &error);
  if (operation == NULL)
    {
      show_message (parent, _("Cannot Print Brief"), error->message);
      return;
    }

  print_job_get (operation)->parent = parent != NULL ? g_object_ref (parent) : NULL;
  settings = g_object_get_data (G_OBJECT (application), PN_BRIEF_PRINT_SETTINGS_KEY);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), application, 0);

  /* GTK keeps the operation alive while it runs. */
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  print_report (operation, result, error);
}
