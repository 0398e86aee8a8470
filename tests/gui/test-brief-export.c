/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-brief-export"

#include "config.h"

#include "brief/pn-brief-export.h"
#include "pn-application.h"
#include "pn-brief-pdf.h"
#include "pn-brief.h"
#include "pn-date.h"
#include "pn-engine.h"
#include "pn-export.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-test-util.h"
#include "pn-window.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#define PN_TEST_TIMEOUT_MS 60000

/* The client: 厦府规〔2023〕17号 article 1, "对在本市转化的创新药…完成Ⅰ、Ⅱ、Ⅲ期临床
 * 试验的，按照研发投入最高不超过 40%的标准，分别给予最高不超过 1000 万元、2000 万元、
 * 3000 万元的奖励" counts for an innovative drug after Phase II with
 * ¥30,000,000 of R&D.  The amounts asserted are the core's, for the same
 * profile. */
#define CLIENT "Acme Bio"
#define XIAMEN_PHASE_2 "xiamen-2023-17/1/innovative-phase-2"
#define XIAMEN_DOC_NUMBER "厦府规〔2023〕17号"
#define UNWRITABLE_PATH "/proc/pn-test/brief.pdf"

/* The application, its window and an output folder: pn-test-util. */
typedef PnTestFixture Fixture;

/* ---- waiting ---- */

/* ---- the client ---- */

static void
set_client (PnProfile *profile)
{
  pn_profile_clear (profile);
  pn_profile_set_name (profile, CLIENT);
  pn_profile_set_location (profile, "xiamen");
  pn_profile_set_answer (profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (profile, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_figure (profile, PN_FIGURE_RD_INVESTMENT, 30000000);
  pn_profile_set_as_of (profile, "2025-08-01");
}

/* What the core says for the application's profile. */
static PnResults *
core_results (Fixture *fixture)
{
  return pn_engine_evaluate (pn_application_get_corpus (fixture->app), fixture->profile, NULL);
}

static PnBrief *
core_brief (Fixture *fixture,
            PnLang   lang)
{
  g_autoptr(PnResults) results = core_results (fixture);

  return pn_brief_new (results, fixture->profile, lang, NULL, NULL);
}

/* ---- files ---- */

static GFile *
out_file (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_build_filename (fixture->out_dir, name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
load_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
load_text (GFile *file)
{
  g_autoptr(GBytes) bytes = load_bytes (file);
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static guint
count_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A tool's standard output, or NULL when the tool is not installed. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_error = NULL;
  char *standard_output = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &standard_output, &standard_error, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return standard_output;
}

static guint
count_pdf_pages (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *pages = NULL;

  if (info != NULL)
    regex = g_regex_new ("^Pages:\\s+(\\d+)", G_REGEX_MULTILINE, 0, NULL);
  else
    {
      /* no poppler-utils: cairo 1.16 writes the page tree as plain text */
      info = load_text (file);
      regex = g_regex_new ("/Type /Pages\\s+/Kids \\[[^]]*\\]\\s+/Count (\\d+)", 0, 0, NULL);
    }

  g_assert_true (g_regex_match (regex, info, 0, &match));
  pages = g_match_info_fetch (match, 1);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

/* The PDF's text without any white space (lines break anywhere), or NULL
 * without pdftotext. */
static char *
pdf_text (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  char *text = run_tool (argv);
  char *out;

  if (text == NULL)
    return NULL;

  out = text;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      *out++ = *p;
  *out = '\0';
  return text;
}

static char *
squeeze (const char *text)
{
  GString *str = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (str, *p);
  return g_string_free (str, FALSE);
}

/* ---- exporting ---- */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} ExportWait;

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportWait *wait = user_data;

  wait->ok = pn_brief_export_file_finish (PN_APPLICATION (source_object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
export_file (Fixture        *fixture,
             GFile          *file,
             PnBriefFormat   format,
             PnLang          lang,
             GError        **error)
{
  ExportWait wait = { FALSE, FALSE, NULL };

  pn_brief_export_file_async (fixture->app, file, format, lang, NULL, export_done_cb, &wait);
  /* the work is in a thread: nothing is written yet */
  g_assert_false (wait.done);
  g_assert_true (pn_test_wait (pn_test_is_true, &wait.done));
  g_assert_true (wait.ok == (wait.error == NULL));

  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.ok;
}

/* ---- tests ---- */

static void
test_names (Fixture *fixture)
{
  static const struct
  {
    const char    *name;
    gboolean       known;
    PnBriefFormat  format;
  } cases[] = {
    { "brief.pdf", TRUE, PN_BRIEF_FORMAT_PDF },
    { "Acme Bio brief.PDF", TRUE, PN_BRIEF_FORMAT_PDF },
    { "brief.md", TRUE, PN_BRIEF_FORMAT_MARKDOWN },
    { "简报.Markdown", TRUE, PN_BRIEF_FORMAT_MARKDOWN },
    { "brief.csv", TRUE, PN_BRIEF_FORMAT_CSV },
    { "brief", FALSE, PN_BRIEF_FORMAT_PDF },
    { "brief.pdf.txt", FALSE, PN_BRIEF_FORMAT_PDF },
    { "pdf", FALSE, PN_BRIEF_FORMAT_PDF },
  };
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;
  g_autofree char *unnamed = NULL;
  g_autofree char *fallback_stem = g_strdup_printf (_("Policy brief %s"), "2026-12-06");
  g_autofree char *fallback = g_strconcat (fallback_stem, ".md", NULL);
  g_autofree char *today = pn_date_today ();
  g_autoptr(PnProfile) slashed = pn_profile_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PnBriefFormat format = PN_BRIEF_FORMAT_CSV + 1;

      g_test_message ("file name %s", cases[i].name);
      g_assert_cmpint (pn_brief_format_from_filename (cases[i].name, &format), ==, cases[i].known);
      if (cases[i].known)
        g_assert_cmpint (format, ==, cases[i].format);
    }

  g_assert_cmpstr (pn_brief_format_get_extension (PN_BRIEF_FORMAT_PDF), ==, ".pdf");
  g_assert_cmpstr (pn_brief_format_get_extension (PN_BRIEF_FORMAT_MARKDOWN), ==, ".md");
  g_assert_cmpstr (pn_brief_format_get_extension (PN_BRIEF_FORMAT_CSV), ==, ".csv");

  set_client (fixture->profile);
  /* the client and the date, so that a folder of briefs sorts itself */
  name = pn_brief_export_default_name (fixture->profile, PN_BRIEF_FORMAT_PDF, "2026-12-06");
  expected = g_strdup_printf (_("%s – policy brief %s"), CLIENT, "2026-12-06");
  g_assert_true (g_str_has_prefix (name, expected));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  if (pn_gui_get_lang () == PN_LANG_EN)
    g_assert_cmpstr (name, ==, "Acme Bio – policy brief 2026-12-06.pdf");
  else
    g_assert_cmpstr (name, ==, "Acme Bio – 政策简报 2026-12-06.pdf");
  g_clear_pointer (&name, g_free);
  /* no date given: the one the brief is as of (the client's 2025-08-01) */
  name = pn_brief_export_default_name (fixture->profile, PN_BRIEF_FORMAT_CSV, NULL);
  g_assert_true (g_str_has_suffix (name, ".csv"));
  g_assert_nonnull (strstr (name, "2025-08-01"));
  /* a brief as of another date is named after it, not after today */
  {
    g_autoptr(PnProfile) dated = pn_profile_copy (fixture->profile);

    pn_profile_set_as_of (dated, "2026-06-30");
    g_clear_pointer (&name, g_free);
    name = pn_brief_export_default_name (dated, PN_BRIEF_FORMAT_PDF, NULL);
    g_assert_nonnull (strstr (name, "2026-06-30"));
  }

  /* no name: the fallback; a name with a slash stays one file name */
  unnamed = pn_brief_export_default_name (NULL, PN_BRIEF_FORMAT_MARKDOWN, "2026-12-06");
  g_assert_cmpstr (unnamed, ==, fallback);
  pn_profile_set_name (slashed, " A/B\\C ");
  g_clear_pointer (&name, g_free);
  name = pn_brief_export_default_name (slashed, PN_BRIEF_FORMAT_PDF, NULL);
  g_assert_null (strchr (name, '/'));
  g_assert_null (strchr (name, '\\'));
  g_assert_nonnull (strstr (name, "A-B-C"));
}

/* The save dialog, set up but never shown. */
static void
test_chooser (Fixture *fixture)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GFile) markdown = g_file_new_for_path ("/tmp/x.md");
  g_autoptr(GFile) bare = g_file_new_for_path ("/tmp/x");
  g_autofree char *current_name = NULL;
  g_autofree char *expected_name = NULL;
  PnBriefFormat filter_formats[3];

  set_client (fixture->profile);
  native = pn_brief_export_chooser_new (GTK_WINDOW (fixture->window), fixture->app);
  chooser = GTK_FILE_CHOOSER (native);

  g_assert_cmpstr (gtk_native_dialog_get_title (GTK_NATIVE_DIALOG (native)), ==, _("Export Brief"));
  g_assert_cmpstr (gtk_file_chooser_native_get_accept_label (native), ==, _("_Export"));
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  g_assert_true (gtk_native_dialog_get_modal (GTK_NATIVE_DIALOG (native)));

  current_name = gtk_file_chooser_get_current_name (chooser);
  expected_name = pn_brief_export_default_name (fixture->profile, PN_BRIEF_FORMAT_PDF, NULL);
  g_assert_cmpstr (current_name, ==, expected_name);

  /* the edition defaults to the UI language */
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "edition"), ==,
                   pn_gui_get_lang () == PN_LANG_ZH ? "zh" : "en");
  g_assert_cmpint (pn_brief_export_chooser_get_lang (chooser), ==, pn_gui_get_lang ());
  /* (gtk_file_chooser_set_choice() selects nothing in GTK 4.8's fallback
   * dialog: the other edition cannot be chosen from here) */

  /* a filter per format, PDF first and chosen; the filter decides only
   * when the name's extension does not */
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_nonnull (gtk_file_filter_get_name (filter));
      gtk_file_chooser_set_filter (chooser, filter);
      filter_formats[i] = pn_brief_export_chooser_get_format (chooser, bare);
      g_assert_cmpint (pn_brief_export_chooser_get_format (chooser, markdown), ==, PN_BRIEF_FORMAT_MARKDOWN);
    }
  g_assert_cmpint (filter_formats[0], ==, PN_BRIEF_FORMAT_PDF);
  g_assert_cmpint (filter_formats[1], ==, PN_BRIEF_FORMAT_MARKDOWN);
  g_assert_cmpint (filter_formats[2], ==, PN_BRIEF_FORMAT_CSV);

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
test_files (Fixture *fixture)
{
  g_autoptr(PnResults) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) pdf = out_file (fixture, "Acme Bio brief.pdf");
  g_autoptr(GFile) csv = out_file (fixture, "Acme Bio brief.csv");
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autofree char *csv_text = NULL;
  g_autofree char *expected_csv = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  const PnResult *xiamen;
  gsize size = 0;
  const char *data;

  set_client (fixture->profile);
  results = core_results (fixture);
  xiamen = pn_results_find (results, XIAMEN_PHASE_2);
  g_assert_nonnull (xiamen);
  g_assert_true (xiamen->counted);
  g_assert_cmpint (pn_results_get_total (results), >, 0);
  total = pn_money_format_yuan (pn_results_get_total (results));

  /* PDF */
  g_assert_true (export_file (fixture, pdf, PN_BRIEF_FORMAT_PDF, pn_gui_get_lang (), &error));
  g_assert_no_error (error);
  pdf_bytes = load_bytes (pdf);
  data = g_bytes_get_data (pdf_bytes, &size);
  g_assert_cmpuint (size, >, 1000);
  g_assert_true (memcmp (data, "%PDF-", 5) == 0);
  g_assert_cmpuint (count_pdf_pages (pdf), >=, 1);
  text = pdf_text (pdf);
  if (text != NULL)
    {
      g_autofree char *client = squeeze (CLIENT);

      g_assert_nonnull (strstr (text, client));
      g_assert_nonnull (strstr (text, XIAMEN_DOC_NUMBER));
      g_assert_nonnull (strstr (text, total));
    }
  else
    g_test_message ("pdftotext is not installed: the PDF's text is not checked");

  /* Markdown, in both editions: the core's brief, with the citation and
   * the counted total */
  for (PnLang lang = PN_LANG_EN; lang <= PN_LANG_ZH; lang++)
    {
      g_autoptr(GFile) md = out_file (fixture, lang == PN_LANG_ZH ? "brief-zh.md" : "brief-en.md");
      g_autoptr(PnBrief) brief = core_brief (fixture, lang);
      g_autofree char *expected = pn_export_brief_markdown (brief);
      g_autofree char *markdown = NULL;

      g_assert_true (export_file (fixture, md, PN_BRIEF_FORMAT_MARKDOWN, lang, &error));
      g_assert_no_error (error);
      markdown = load_text (md);
      g_assert_cmpstr (markdown, ==, expected);
      g_assert_true (g_str_has_prefix (markdown, "# "));
      g_assert_nonnull (strstr (markdown, pn_brief_get_title (brief)));
      g_assert_nonnull (strstr (markdown, CLIENT));
      g_assert_nonnull (strstr (markdown, XIAMEN_DOC_NUMBER));
      g_assert_nonnull (strstr (markdown, total));
    }

  /* CSV: UTF-8 with a byte-order mark, the core's rows */
  g_assert_true (export_file (fixture, csv, PN_BRIEF_FORMAT_CSV, pn_gui_get_lang (), &error));
  g_assert_no_error (error);
  csv_text = load_text (csv);
  g_assert_true (g_str_has_prefix (csv_text, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_prefix (csv_text + 3, pn_export_results_csv_columns ()[0]));
  g_assert_true (g_utf8_validate (csv_text, -1, NULL));
  expected_csv = pn_export_results_csv (results);
  g_assert_cmpstr (csv_text, ==, expected_csv);
  g_assert_nonnull (strstr (csv_text, XIAMEN_PHASE_2));
}

/* A profile without answers still makes a brief: the core says so. */
static void
test_empty_profile (Fixture *fixture)
{
  g_autoptr(GFile) md = out_file (fixture, "empty.md");
  g_autoptr(GFile) pdf = out_file (fixture, "empty.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnBrief) brief = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(GBytes) bytes = NULL;

  pn_profile_clear (fixture->profile);
  pn_profile_set_name (fixture->profile, NULL);
  brief = core_brief (fixture, pn_gui_get_lang ());
  expected = pn_export_brief_markdown (brief);

  g_assert_true (export_file (fixture, md, PN_BRIEF_FORMAT_MARKDOWN, pn_gui_get_lang (), &error));
  g_assert_no_error (error);
  markdown = load_text (md);
  g_assert_cmpstr (markdown, ==, expected);

  g_assert_true (export_file (fixture, pdf, PN_BRIEF_FORMAT_PDF, pn_gui_get_lang (), &error));
  g_assert_no_error (error);
  bytes = load_bytes (pdf);
  g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), "%PDF-", 5) == 0);
}

/* An existing file is replaced in one step: the new content, and no
 * temporary file left beside it. */
static void
test_replace (Fixture *fixture)
{
  g_autoptr(GFile) csv = out_file (fixture, "replace.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnResults) results = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = g_file_get_path (csv);
  static const char old_content[] = "old content that is longer than nothing\n";

  set_client (fixture->profile);
  g_assert_true (g_file_set_contents (path, old_content, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (fixture->out_dir), ==, 1);

  g_assert_true (export_file (fixture, csv, PN_BRIEF_FORMAT_CSV, PN_LANG_EN, &error));
  g_assert_no_error (error);

  results = core_results (fixture);
  expected = pn_export_results_csv (results);
  text = load_text (csv);
  g_assert_cmpstr (text, ==, expected);
  g_assert_null (strstr (text, "old content"));
  g_assert_cmpuint (count_files (fixture->out_dir), ==, 1);

  /* and again, with a different format's bytes under the same name */
  g_assert_true (export_file (fixture, csv, PN_BRIEF_FORMAT_MARKDOWN, PN_LANG_EN, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = load_text (csv);
  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_cmpuint (count_files (fixture->out_dir), ==, 1);
}

static void
test_unwritable (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (UNWRITABLE_PATH);
  g_autoptr(GFile) folder = out_file (fixture, "a-folder.pdf");
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GError) error = NULL;

  set_client (fixture->profile);
  for (PnBriefFormat format = PN_BRIEF_FORMAT_PDF; format <= PN_BRIEF_FORMAT_CSV; format++)
    {
      g_assert_false (export_file (fixture, file, format, PN_LANG_EN, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
      g_test_message ("%s", error->message);
      /* the message names the file */
      g_assert_nonnull (strstr (error->message, UNWRITABLE_PATH));
      g_clear_error (&error);
      g_assert_false (g_file_test (UNWRITABLE_PATH, G_FILE_TEST_EXISTS));
    }

  /* a folder in the way: "it is a folder", and the folder is left alone */
  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  g_assert_false (export_file (fixture, folder, PN_BRIEF_FORMAT_PDF, PN_LANG_EN, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, _("it is a folder")));
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_rmdir (folder_path), ==, 0);
}

static void
test_print (Fixture *fixture)
{
  g_autoptr(GFile) printed = out_file (fixture, "printed.pdf");
  g_autoptr(GFile) rendered = out_file (fixture, "rendered.pdf");
  g_autofree char *printed_path = g_file_get_path (printed);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnResults) results = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;
  g_autofree char *job_name = NULL;
  GtkPageSetup *page_setup;
  GtkPrintOperationResult result;
  PnBriefPdf *pdf;
  guint n_pages;

  set_client (fixture->profile);
  results = core_results (fixture);
  total = pn_money_format_yuan (pn_results_get_total (results));

  operation = pn_brief_print_operation_new (fixture->app, pn_gui_get_lang (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);
  g_assert_null (pn_brief_print_operation_get_pdf (operation));

  /* A4 by default; the job is named after the client */
  page_setup = gtk_print_operation_get_default_page_setup (operation);
  g_assert_nonnull (page_setup);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (page_setup)), ==, GTK_PAPER_NAME_A4);
  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_nonnull (strstr (job_name, CLIENT));

  /* The answers change after the operation was made: it prints what was
   * asked for. */
  gtk_print_operation_set_export_filename (operation, printed_path);
  pn_profile_set_name (fixture->profile, "Someone Else");
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (pn_brief_print_operation_get_error (operation));

  pdf = pn_brief_print_operation_get_pdf (operation);
  g_assert_nonnull (pdf);
  n_pages = pn_brief_pdf_get_n_pages (pdf);
  g_assert_cmpuint (n_pages, >, 0);
  g_assert_cmpuint (count_pdf_pages (printed), ==, n_pages);
  g_assert_cmpstr (pn_brief_get_client (pn_brief_pdf_get_brief (pdf)), ==, CLIENT);

  /* the same pages as the exported PDF of the same brief */
  set_client (fixture->profile);
  g_assert_true (export_file (fixture, rendered, PN_BRIEF_FORMAT_PDF, pn_gui_get_lang (), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_pdf_pages (rendered), ==, n_pages);

  text = pdf_text (printed);
  if (text != NULL)
    {
      g_autofree char *client = squeeze (CLIENT);

      g_assert_nonnull (strstr (text, client));
      g_assert_nonnull (strstr (text, XIAMEN_DOC_NUMBER));
      g_assert_nonnull (strstr (text, total));
      g_assert_null (strstr (text, "SomeoneElse"));
    }
  else
    g_test_message ("pdftotext is not installed: the printed text is not checked");
}

/* The other edition prints in the other language. */
static void
test_print_edition (Fixture *fixture)
{
  PnLang other = pn_gui_get_lang () == PN_LANG_ZH ? PN_LANG_EN : PN_LANG_ZH;
  g_autoptr(GFile) printed = out_file (fixture, "printed-other.pdf");
  g_autofree char *printed_path = g_file_get_path (printed);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnBrief) brief = NULL;
  PnBriefPdf *pdf;

  set_client (fixture->profile);
  brief = core_brief (fixture, other);
  operation = pn_brief_print_operation_new (fixture->app, other, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, printed_path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  pdf = pn_brief_print_operation_get_pdf (operation);
  g_assert_cmpint (pn_brief_get_lang (pn_brief_pdf_get_brief (pdf)), ==, other);
  g_assert_cmpstr (pn_brief_get_title (pn_brief_pdf_get_brief (pdf)), ==, pn_brief_get_title (brief));
  g_assert_cmpuint (count_pdf_pages (printed), ==, pn_brief_pdf_get_n_pages (pdf));
}

/* ---- the flow's messages ---- */

static gboolean
has_message_dialog (gpointer data G_GNUC_UNUSED)
{
  return pn_test_find_message_dialog () != NULL;
}

static gboolean
has_no_message_dialog (gpointer data G_GNUC_UNUSED)
{
  return pn_test_find_message_dialog () == NULL;
}

/* A label inside `root` whose text holds `needle`. */
static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *needle)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *needle;
} LabelWait;

static void
screenshot_window (GtkWindow  *window,
                   const char *name)
{
  g_autofree char *filename = pn_test_screenshot_path (name);

  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (window), PN_TEST_TIMEOUT_MS));
  pn_test_save_screenshot (GTK_WIDGET (window), filename);
}

static AdwMessageDialog *
wait_for_message_dialog (void)
{
  AdwMessageDialog *dialog;

  g_assert_true (pn_test_wait (has_message_dialog, NULL));
  dialog = pn_test_find_message_dialog ();
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return dialog;
}

static void
close_message_dialog (AdwMessageDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (pn_test_wait (has_no_message_dialog, NULL));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (data, NULL);
}

/* The "Open" button of a toast that names `needle`. */
static GtkWidget *
find_open_button (GtkWidget  *root,
                  const char *needle)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), _("_Open")) == 0 &&
      find_label_with (gtk_widget_get_parent (root), needle) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_open_button (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_open_button (gpointer data)
{
  LabelWait *wait = data;

  return find_open_button (wait->root, wait->needle) != NULL;
}

/* Through the window: a toast while it works, then one with "Open". */
static void
test_flow_toast (Fixture *fixture)
{
  g_autoptr(GFile) md = out_file (fixture, "Acme Bio brief.md");
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (fixture->window));
  LabelWait wait = { content, "Acme Bio brief.md" };
  g_autofree char *expected = NULL;
  g_autofree char *markdown = NULL;
  g_autoptr(PnBrief) brief = NULL;
  GtkWidget *open_button;

  set_client (fixture->profile);
  pn_brief_export_to_file (GTK_WINDOW (fixture->window), fixture->app, md,
                           PN_BRIEF_FORMAT_MARKDOWN, PN_LANG_ZH);
  /* the progress toast shows at once, without an Open button */
  g_assert_nonnull (find_label_with (content, "Acme Bio brief.md"));
  g_assert_null (find_open_button (content, "Acme Bio brief.md"));

  g_assert_true (pn_test_wait (file_exists, md));
  brief = core_brief (fixture, PN_LANG_ZH);
  expected = pn_export_brief_markdown (brief);
  markdown = load_text (md);
  g_assert_cmpstr (markdown, ==, expected);

  /* the result toast, with its Open button */
  g_assert_true (pn_test_wait (has_open_button, &wait));
  open_button = find_open_button (content, "Acme Bio brief.md");
  g_assert_true (gtk_widget_get_mapped (open_button));
  g_assert_true (gtk_widget_get_focusable (open_button));
  g_assert_null (pn_test_find_message_dialog ());
  screenshot_window (GTK_WINDOW (fixture->window), "brief-export-toast");
}

/* No PnWindow: a message dialog says where the file went; failures say
 * which file and why. */
static void
test_flow_dialogs (Fixture *fixture)
{
  g_autoptr(GFile) csv = out_file (fixture, "dialog.csv");
  g_autoptr(GFile) unwritable = g_file_new_for_path (UNWRITABLE_PATH);
  GtkWindow *parent;
  AdwMessageDialog *dialog;

  set_client (fixture->profile);
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (parent, 640, 480);
  gtk_window_present (parent);

  pn_brief_export_to_file (parent, fixture->app, csv, PN_BRIEF_FORMAT_CSV, PN_LANG_EN);
  dialog = wait_for_message_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Brief Exported"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "dialog.csv"));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (g_file_query_exists (csv, NULL));
  screenshot_window (GTK_WINDOW (dialog), "brief-export-done");
  close_message_dialog (dialog);

  pn_brief_export_to_file (parent, fixture->app, unwritable, PN_BRIEF_FORMAT_PDF, PN_LANG_EN);
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Cannot Export Brief"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), UNWRITABLE_PATH));
  g_assert_false (adw_message_dialog_has_response (dialog, "open"));
  /* the way on: another file */
  g_assert_true (adw_message_dialog_has_response (dialog, "choose"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "choose");
  g_assert_false (g_file_test (UNWRITABLE_PATH, G_FILE_TEST_EXISTS));
  screenshot_window (GTK_WINDOW (dialog), "brief-export-error");
  close_message_dialog (dialog);

  /* the same through the window */
  pn_brief_export_to_file (GTK_WINDOW (fixture->window), fixture->app, unwritable,
                           PN_BRIEF_FORMAT_MARKDOWN, PN_LANG_EN);
  dialog = wait_for_message_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), UNWRITABLE_PATH));
  close_message_dialog (dialog);

  gtk_window_destroy (parent);
}

/* ---- the tests ---- */

static const PnTestCase tests[] = {
  { "/pn/gui/brief-export/names", test_names },
  { "/pn/gui/brief-export/chooser", test_chooser },
  { "/pn/gui/brief-export/files", test_files },
  { "/pn/gui/brief-export/empty-profile", test_empty_profile },
  { "/pn/gui/brief-export/replace", test_replace },
  { "/pn/gui/brief-export/unwritable", test_unwritable },
  { "/pn/gui/brief-export/print", test_print },
  { "/pn/gui/brief-export/print-edition", test_print_edition },
  { "/pn/gui/brief-export/flow-toast", test_flow_toast },
  { "/pn/gui/brief-export/flow-dialogs", test_flow_dialogs },
};

int
main (int   argc,
      char *argv[])
{
  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);

  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), NULL,
                         &(PnTestAppOptions) { .frame_timeout_ms = PN_TEST_TIMEOUT_MS });

  return g_test_run ();
}
