/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reader"

#include "config.h"

#include "pn-application.h"
#include "pn-gui-util.h"
#include "pn-test-util.h"
#include "editor/pn-impact-dialog.h"
#include "profiles/pn-gui-profiles.h"
#include "profiles/pn-import.h"
#include "profiles/pn-profiles-popover.h"
#include "reader/pn-reader-view.h"

#include <glib/gi18n.h>
#include <string.h>

#define PN_TEST_TIMEOUT_MS 30000

/* A hostile file: the entity would read /etc/passwd if the loader let it. */
static const char hostile_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!DOCTYPE policy-document [<!ENTITY leak SYSTEM \"file:///etc/passwd\">]>\n"
  "<policy-document schema-version=\"1\" id=\"hostile\" status=\"final\">&leak;</policy-document>\n";

static const char small_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"test-doc\" status=\"final\">\n"
  "  <title><zh>测试文件</zh><en>Test document</en></title>\n"
  "  <issuer><zh>测试</zh><en>Test</en></issuer>\n"
  "  <jurisdiction>xiamen</jurisdiction>\n"
  "  <validity in-force-from=\"2020-01-01\"/>\n"
  "  <source file=\"test.txt\" last-verified=\"2026-11-23\"/>\n"
  "  <article number=\"1\" chapter=\"一\">\n"
  "    <heading><zh>临床奖励测试</zh><en>Test</en></heading>\n"
  "    <original>测试条款原文</original>\n"
  "    <summary>A test.</summary>\n"
  "    <benefit id=\"test-doc/1/a\" kind=\"fixed\">\n"
  "      <title><zh>甲</zh><en>A</en></title>\n"
  "      <amount>100</amount>\n"
  "      <conditions><product>drug</product><drug-class>innovative</drug-class></conditions>\n"
  "    </benefit>\n"
  "  </article>\n"
  "</policy-document>\n";

/* ---- waiting ---- */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
set_true_cb (gboolean *flag)
{
  *flag = TRUE;
}

/* Until `widget` has been drawn once more. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  g_assert_true (pn_test_wait (is_mapped, widget));
  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_true_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (pn_test_wait (pn_test_is_true, &painted));
  g_signal_handler_disconnect (clock, id);
}

/* ---- fixture: the real application on a fresh store ---- */

typedef struct
{
  PnApplication *app;
  GtkWindow     *window;
  PnReaderView  *reader;
} Fixture;

typedef void (*FixtureFunc) (Fixture *fixture);

static void
fixture_set_up (Fixture *fixture)
{
  g_assert_nonnull (pn_application_get_store (fixture->app));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->reader = PN_READER_VIEW (pn_reader_view_new (fixture->app));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->reader));
  gtk_window_present (fixture->window);
  wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture G_GNUC_UNUSED)
{
  pn_test_destroy_toplevels ();
}

typedef struct
{
  const char  *path;
  FixtureFunc  func;
} AppTest;

typedef struct
{
  Fixture        fixture;
  const AppTest *test;
} AppRun;

static gboolean
app_test_idle_cb (gpointer user_data)
{
  AppRun *run = user_data;

  fixture_set_up (&run->fixture);
  run->test->func (&run->fixture);
  fixture_tear_down (&run->fixture);
  g_application_release (G_APPLICATION (run->fixture.app));

  return G_SOURCE_REMOVE;
}

static void
app_startup_cb (GApplication *app,
                AppRun       *run)
{
  g_application_hold (app);
  g_idle_add (app_test_idle_cb, run);
}

/* The test runs inside g_application_run(), so that the application
 * registers, starts up (opening the store from $POLICY_NAVIGATOR_DB), shuts
 * down and unregisters as it does for real.  As a service it opens no
 * window of its own. */
static void
run_app_test (gconstpointer data)
{
  AppRun run = { .test = data };
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "test-reader.db", NULL);
  gpointer app;

  /* The directories are this test's own (G_TEST_OPTION_ISOLATE_DIRS). */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  g_setenv ("POLICY_NAVIGATOR_DB", db, TRUE);

  run.fixture.app = pn_application_new ();
  g_application_set_flags (G_APPLICATION (run.fixture.app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_IS_SERVICE);
  g_signal_connect_after (run.fixture.app, "startup", G_CALLBACK (app_startup_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (run.fixture.app), 0, NULL), ==, 0);

  app = run.fixture.app;
  g_object_add_weak_pointer (app, &app);
  g_clear_object (&run.fixture.app);
  g_assert_null (app);
  g_unsetenv ("POLICY_NAVIGATOR_DB");
}

/* ---- looking at the widgets ---- */

static GtkWidget *
child (PnReaderView *reader,
       const char   *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (reader), PN_TYPE_READER_VIEW, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);

  return n;
}

static GtkListBoxRow *
find_row (GtkWidget  *list,
          const char *key,
          const char *value)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), key), value) == 0)
        return GTK_LIST_BOX_ROW (row);
    }

  return NULL;
}

/* Every label's text under `widget`, one a line. */
static void
collect_texts (GtkWidget *widget,
               GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_texts (c, out);
}

static char *
row_texts (GtkListBoxRow *row)
{
  GString *out = g_string_new (NULL);

  collect_texts (GTK_WIDGET (row), out);
  return g_string_free (out, FALSE);
}

static gboolean
has_line (const char *texts,
          const char *line)
{
  g_auto(GStrv) lines = g_strsplit (texts, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static const char *
label_text (PnReaderView *reader,
            const char   *name)
{
  return gtk_label_get_text (GTK_LABEL (child (reader, name)));
}

/* The family of the first font Pango chose for Han characters of the label,
 * or NULL when it shows none (or no CJK font is installed). */
static char *
label_han_font_family (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  char *family = NULL;

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && run->item->analysis.script == PANGO_SCRIPT_HAN && run->item->analysis.font != NULL)
        {
          PangoFontDescription *desc = pango_font_describe (run->item->analysis.font);

          family = g_strdup (pango_font_description_get_family (desc));
          pango_font_description_free (desc);
        }
    }
  while (family == NULL && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return family;
}

/* Noto Sans CJK and Source Han fonts come in one family per region; the
 * Simplified Chinese one must be chosen. */
static void
assert_simplified_glyphs (GtkLabel *label)
{
  g_autofree char *family = label_han_font_family (label);

  g_test_message ("“%.12s…” uses %s", gtk_label_get_text (label), family ? family : "(no font)");
  if (family == NULL || strstr (family, "CJK") == NULL)
    return;

  g_assert_null (strstr (family, " JP"));
  g_assert_null (strstr (family, " KR"));
  g_assert_null (strstr (family, " TC"));
  g_assert_null (strstr (family, " HK"));
}

/* Every label shown, tagged or not (the template's own, translated). */
static void
assert_simplified_glyphs_under (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && !g_str_is_ascii (gtk_label_get_text (GTK_LABEL (widget))))
    assert_simplified_glyphs (GTK_LABEL (widget));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    assert_simplified_glyphs_under (c);
}

static PnLang
ui_lang (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "zh") ? PN_LANG_ZH : PN_LANG_EN;
}

/* ---- /pn/gui/reader/templates ---- */

/* Both templates build without an application (as the window's template
 * test does it), and their .ui files need nothing newer than GTK 4.8. */
static void
test_templates (void)
{
  GType types[] = { PN_TYPE_READER_VIEW, PN_TYPE_PROFILES_POPOVER };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GObject *object = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (GTK_IS_WIDGET (object));
      g_object_unref (object);
    }
}

/* ---- /pn/gui/reader/documents ---- */

typedef struct
{
  const char *as_of;
  const char *document_id;
  const char *status;   /* untranslated badge */
} StatusCase;

static const StatusCase status_cases[] = {
  /* "status=draft" */
  { "2026-11-23", "xiamen-2025-draft", N_("Draft") },
  { NULL, "xiamen-2025-draft", N_("Draft") },
  /* in-force-from="2023-11-20" in-force-until="2026-12-31" */
  { "2026-11-23", "xiamen-2023-17", N_("In force") },
  { "2023-11-19", "xiamen-2023-17", N_("Pending") },
  { "2027-01-01", "xiamen-2023-17", N_("Expired") },
  /* applies-from="2025-01-01" comes before in-force-from="2025-06-26" */
  { "2025-03-01", "jinjiang-2025-8", N_("In force") },
  { "2024-12-31", "jinjiang-2025-8", N_("Pending") },
  /* <validity/>: no dates, and no status the text states */
  { "2030-01-01", "fuzhou-plan", N_("Dates per measure") },
  { "2026-12-07", "fujian-2022-tasks", N_("Dates per measure") },
};

static void
test_documents (Fixture *fixture)
{
  GtkWidget *list = child (fixture->reader, "document_list");
  PnProfile *profile = pn_application_get_profile (fixture->app);
  static const char *ids[] = {
    "fujian-2022-tasks", "fuzhou-plan", "jinjiang-2025-8", "xiamen-2023-17", "xiamen-2025-draft",
  };

  g_assert_cmpuint (count_rows (list), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (find_row (list, "pn-document-id", ids[i]));

  if (ui_lang () == PN_LANG_ZH)
    g_assert_false (g_str_is_ascii (_("Draft")));

  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      const StatusCase *c = &status_cases[i];
      g_autofree char *texts = NULL;
      GtkListBoxRow *row;

      g_test_message ("%s as of %s", c->document_id, c->as_of ? c->as_of : "today");
      pn_profile_set_as_of (profile, c->as_of);
      row = find_row (list, "pn-document-id", c->document_id);
      g_assert_nonnull (row);
      texts = row_texts (row);
      g_assert_true (has_line (texts, _(c->status)));
      /* a status on another day than today says which (a text of no
       * dates has none to say) */
      if (c->as_of != NULL && g_strcmp0 (c->status, "Dates per measure") != 0)
        {
          g_autofree char *date = pn_gui_format_date (c->as_of);
          g_autofree char *line = g_strdup_printf (_("as of %s"), date);

          g_assert_true (has_line (texts, line));
        }
      /* bundled, not imported */
      g_assert_false (has_line (texts, _("User imported")));
    }

  pn_profile_set_as_of (profile, NULL);
  g_assert_cmpuint (count_rows (list), ==, 5);
  wait_for_frame (GTK_WIDGET (fixture->reader));
  assert_simplified_glyphs_under (GTK_WIDGET (fixture->reader));
}

/* ---- /pn/gui/reader/article ---- */

static void
test_article (Fixture *fixture)
{
  PnReaderView *reader = fixture->reader;
  GtkWidget *sidebar_stack = child (reader, "sidebar_stack");
  GtkListBoxRow *row;
  const char *original;

  /* Through the rows, as a click does it. */
  row = find_row (child (reader, "document_list"), "pn-document-id", "xiamen-2023-17");
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (pn_reader_view_get_document_id (reader), ==, "xiamen-2023-17");
  g_assert_null (pn_reader_view_get_article_number (reader));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sidebar_stack)), ==, "articles");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (reader, "content_stack"))), ==, "document");
  g_assert_cmpstr (label_text (reader, "document_number_label"), ==, "厦府规〔2023〕17号");
  g_assert_cmpuint (count_rows (child (reader, "article_list")), ==, 24);

  row = find_row (child (reader, "article_list"), "pn-article", "1");
  g_assert_nonnull (row);
  gtk_widget_activate (GTK_WIDGET (row));
  g_assert_cmpstr (pn_reader_view_get_article_number (reader), ==, "1");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (reader, "content_stack"))), ==, "article");

  original = label_text (reader, "article_original_label");
  g_assert_true (g_str_has_prefix (original, "对开展临床试验"));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (child (reader, "article_original_label"))));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (child (reader, "article_original_label"))));
  g_assert_true (pn_test_label_is_simplified_chinese (GTK_LABEL (child (reader, "article_original_label"))));
  g_assert_true (pn_test_label_is_simplified_chinese (GTK_LABEL (child (reader, "article_chapter_label"))));
  assert_simplified_glyphs (GTK_LABEL (child (reader, "article_original_label")));
  assert_simplified_glyphs (GTK_LABEL (child (reader, "article_chapter_label")));
  assert_simplified_glyphs (GTK_LABEL (child (reader, "article_heading_label")));
  assert_simplified_glyphs (GTK_LABEL (child (reader, "article_other_heading_label")));
  assert_simplified_glyphs (GTK_LABEL (child (reader, "sidebar_title")));
  wait_for_frame (GTK_WIDGET (reader));
  assert_simplified_glyphs_under (GTK_WIDGET (reader));
  g_assert_cmpstr (label_text (reader, "article_chapter_label"), ==, "一、提升研发创新能力");
  g_assert_cmpstr (label_text (reader, "article_heading_label"), ==,
                   ui_lang () == PN_LANG_ZH ? "支持创新产品研发" : "Supporting R&D of innovative products");
  g_assert_true (g_str_has_prefix (label_text (reader, "article_summary_label"), "Drugs developed"));
  g_assert_nonnull (strstr (label_text (reader, "article_citation_label"), "厦府规〔2023〕17号"));
  /* <unit ref="xm-kjj" role="lead"/>: the names follow the UI language */
  g_assert_true (g_str_is_ascii (label_text (reader, "article_units_label")) == (ui_lang () == PN_LANG_EN));

  /* The public entry point, as the results' "Show in document" uses it. */
  g_assert_true (pn_reader_view_show_article (reader, "xiamen-2025-draft", NULL));
  g_assert_cmpstr (pn_reader_view_get_document_id (reader), ==, "xiamen-2025-draft");
  g_assert_true (pn_reader_view_show_article (reader, "xiamen-2023-17", "2"));
  g_assert_cmpstr (pn_reader_view_get_article_number (reader), ==, "2");
  g_assert_false (pn_reader_view_show_article (reader, "no-such-document", "1"));
  g_assert_false (pn_reader_view_show_article (reader, "xiamen-2023-17", "999"));
  g_assert_cmpstr (pn_reader_view_get_article_number (reader), ==, "2");

  /* Back to the documents. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (sidebar_stack)), ==, "documents");
}

/* ---- /pn/gui/reader/search ---- */

static gboolean
search_page_shown (gpointer data)
{
  PnReaderView *reader = data;
  const char *page = gtk_stack_get_visible_child_name (GTK_STACK (child (reader, "sidebar_stack")));

  return g_strcmp0 (page, "search") == 0 || g_strcmp0 (page, "no-results") == 0;
}

static guint
search (PnReaderView *reader,
        const char   *query)
{
  GtkWidget *entry = child (reader, "search_entry");
  GtkWidget *stack = child (reader, "sidebar_stack");

  /* Leave the results of the last query first: search-changed comes after
   * the entry's delay. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (search_page_shown (reader));
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  g_assert_true (pn_test_wait (search_page_shown, reader));
  if (g_str_equal (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "no-results"))
    return 0;

  return count_rows (child (reader, "search_list"));
}

static void
check_hits (PnReaderView *reader,
            const char   *query)
{
  GtkWidget *list = child (reader, "search_list");
  g_autofree char *bold = g_ascii_strdown (query, -1);
  g_autofree char *bold_tag = g_strdup_printf ("<b>%s</b>", bold);
  GtkListBoxRow *first;
  g_autofree char *document_id = NULL;
  g_autofree char *article = NULL;
  guint n;

  n = search (reader, query);
  g_test_message ("“%s”: %u hits", query, n);
  g_assert_cmpuint (n, >, 0);

  /* The count, where the list starts. */
  {
    g_autofree char *count = n >= 50 ? g_strdup_printf (_("First %u Results"), n)
                                     : g_strdup_printf (ngettext ("%u Result", "%u Results", n), n);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (reader, "sidebar_title"))), ==, count);
  }

  /* Each snippet shows the hit in bold. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      GtkWidget *snippet = gtk_widget_get_last_child (box);

      g_assert_true (GTK_IS_LABEL (snippet));
      g_autofree char *markup = g_ascii_strdown (gtk_label_get_label (GTK_LABEL (snippet)), -1);

      g_assert_nonnull (strstr (markup, bold_tag));
      g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (snippet)), "«"));
    }

  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  document_id = g_strdup (g_object_get_data (G_OBJECT (first), "pn-document-id"));
  article = g_strdup (g_object_get_data (G_OBJECT (first), "pn-article"));
  gtk_widget_activate (GTK_WIDGET (first));

  g_assert_cmpstr (pn_reader_view_get_document_id (reader), ==, document_id);
  g_assert_cmpstr (pn_reader_view_get_article_number (reader), ==, article);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (reader, "content_stack"))), ==, "article");
  /* The hits stay listed. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (reader, "sidebar_stack"))), ==, "search");
}

static void
test_search (Fixture *fixture)
{
  PnReaderView *reader = fixture->reader;
  GtkSearchBar *bar = GTK_SEARCH_BAR (child (reader, "search_bar"));
  GtkWidget *focus;

  g_assert_false (gtk_search_bar_get_search_mode (bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.search", NULL));
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  /* Trigram FTS, then the instr() route for two characters. */
  check_hits (reader, "临床试验");
  g_assert_nonnull (strstr (label_text (reader, "article_original_label"), "临床试验"));
  wait_for_frame (GTK_WIDGET (reader));
  assert_simplified_glyphs_under (GTK_WIDGET (reader));
  check_hits (reader, "临床");
  check_hits (reader, "clinical");

  g_assert_cmpuint (search (reader, "zzzqqq-nothing"), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (reader, "sidebar_stack"))), ==, "no-results");

  /* Closing the search returns to the list it came from. */
  gtk_search_bar_set_search_mode (bar, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (reader, "sidebar_stack"))), ==, "articles");

  /* Ctrl+F through the view's shortcut controller. */
  pn_reader_view_focus_search (reader);
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (reader)));
  g_assert_nonnull (focus);
  g_assert_true (focus == child (reader, "search_entry") ||
                 gtk_widget_is_ancestor (focus, child (reader, "search_entry")));
}

/* ---- /pn/gui/reader/import ---- */

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static void
got_result_cb (GObject      *source_object G_GNUC_UNUSED,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static PnDocument *
import (Fixture   *fixture,
        GFile     *file,
        gboolean   replace,
        GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  PnStore *store = pn_application_get_store (fixture->app);

  pn_gui_import_file_async (fixture->app, file, replace, NULL, got_result_cb, &result);
  /* The thread owns the store until it is done. */
  g_assert_true (pn_gui_store_is_busy (store));
  g_assert_true (pn_test_wait (pn_test_is_set, &result));
  g_assert_false (pn_gui_store_is_busy (store));

  return pn_gui_import_file_finish (fixture->app, result, error);
}

static guint
n_documents (Fixture *fixture)
{
  g_autoptr(GPtrArray) documents = pn_corpus_list_documents (pn_application_get_corpus (fixture->app), NULL);
  guint n = documents->len;

  g_assert_cmpuint (count_rows (child (fixture->reader, "document_list")), ==, n);
  return n;
}

static void
test_import (Fixture *fixture)
{
  g_autoptr(GFile) hostile = write_file ("hostile.xml", hostile_document);
  g_autoptr(GFile) good = write_file ("test-doc.xml", small_document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autofree char *texts = NULL;
  GtkListBoxRow *row;

  g_assert_cmpuint (n_documents (fixture), ==, 5);

  /* Refused: the message names the file and the line of the DOCTYPE. */
  document = import (fixture, hostile, FALSE, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "hostile.xml:2:"));
  g_assert_null (strstr (error->message, "root:"));
  g_clear_error (&error);
  g_assert_cmpuint (n_documents (fixture), ==, 5);

  /* Accepted: the reader lists it, tagged as the user's. */
  document = import (fixture, good, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->id, ==, "test-doc");
  g_clear_pointer (&document, pn_document_unref);
  g_assert_cmpuint (n_documents (fixture), ==, 6);
  row = find_row (child (fixture->reader, "document_list"), "pn-document-id", "test-doc");
  g_assert_nonnull (row);
  texts = row_texts (row);
  g_assert_true (has_line (texts, _("User imported")));
  g_assert_true (has_line (texts, _("In force")));
  g_assert_true (pn_reader_view_show_article (fixture->reader, "test-doc", "1"));
  g_assert_cmpstr (label_text (fixture->reader, "article_original_label"), ==, "测试条款原文");

  /* Again: the id is taken, and the message says which document. */
  document = import (fixture, good, FALSE, &error);
  g_assert_null (document);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "test-doc"));
  g_clear_error (&error);
  g_assert_cmpuint (n_documents (fixture), ==, 6);

  /* Replace, as the dialog's "Replace" does; the reader keeps the article. */
  document = import (fixture, good, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents (fixture), ==, 6);
  g_assert_cmpstr (pn_reader_view_get_document_id (fixture->reader), ==, "test-doc");
  g_assert_cmpstr (label_text (fixture->reader, "article_original_label"), ==, "测试条款原文");
}

/* ---- /pn/gui/reader/extension ---- */

static void save_screenshot (GtkWidget  *widget,
                             const char *name);

static const char extension_notice[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"xiamen-2026-15\" status=\"final\">\n"
  "  <doc-number>厦府办规〔2026〕15号</doc-number>\n"
  "  <title><zh>关于延长有效期的通知</zh><en>Notice extending a document</en></title>\n"
  "  <issuer><zh>厦门市人民政府办公厅</zh><en>General Office of the Xiamen Municipal People's Government</en></issuer>\n"
  "  <jurisdiction>xiamen</jurisdiction>\n"
  "  <validity issued=\"2026-12-01\" in-force-from=\"2026-12-01\" in-force-until=\"2027-12-31\"/>\n"
  "  <source file=\"notice.txt\" last-verified=\"2026-12-07\"/>\n"
  "  <extends ref=\"xiamen-2023-17\" until=\"2027-12-31\"/>\n"
  "  <article number=\"1\" chapter=\"通知\">\n"
  "    <heading><zh>延长有效期</zh><en>Validity extended</en></heading>\n"
  "    <original>《厦门市加快推进生物医药产业高质量发展若干措施》（厦府规〔2023〕17号）有效期延长至2027年12月31日。</original>\n"
  "    <summary>Keeps 厦府规〔2023〕17号 in force until 31 December 2027.</summary>\n"
  "  </article>\n"
  "</policy-document>\n";

/* A notice keeping Xiamen 2023 in force until 2027-12-31: the document's
 * row is in force in 2027 and its page names the notice and the text's
 * own day; removed, the row says Expired again. */
static void
test_extension (Fixture *fixture)
{
  g_autoptr(GFile) file = write_file ("notice.xml", extension_notice);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(PnStore) other = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  PnProfile *profile = pn_application_get_profile (fixture->app);
  GtkWidget *list = child (fixture->reader, "document_list");
  const char *validity;

  pn_profile_set_as_of (profile, "2027-03-01");
  texts = row_texts (find_row (list, "pn-document-id", "xiamen-2023-17"));
  g_assert_true (has_line (texts, _("Expired")));
  g_clear_pointer (&texts, g_free);

  document = import (fixture, file, FALSE, &error);
  g_assert_no_error (error);
  texts = row_texts (find_row (child (fixture->reader, "document_list"), "pn-document-id", "xiamen-2023-17"));
  g_assert_true (has_line (texts, _("In force")));

  g_assert_true (pn_reader_view_show_article (fixture->reader, "xiamen-2023-17", NULL));
  validity = label_text (fixture->reader, "document_validity_label");
  g_test_message ("validity: %s", validity);
  written = pn_gui_format_date ("2026-12-31");
  expected = g_strdup_printf (_("Extended by %s; the text said until %s"), "厦府办规〔2026〕15号", written);
  g_assert_nonnull (strstr (validity, expected));
  save_screenshot (GTK_WIDGET (fixture->reader), "reader-extended");

  /* removed as another process's pnav remove does */
  other = pn_store_open (pn_store_get_path (pn_application_get_store (fixture->app)), &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_remove_document (other, "xiamen-2026-15", &error));
  g_assert_no_error (error);
  pn_application_check_store (fixture->app);
  g_clear_pointer (&texts, g_free);
  texts = row_texts (find_row (child (fixture->reader, "document_list"), "pn-document-id", "xiamen-2023-17"));
  g_assert_true (has_line (texts, _("Expired")));
  pn_profile_set_as_of (profile, NULL);
}

/* ---- /pn/gui/reader/import/elsewhere ---- */

static void
count_cb (guint *count)
{
  (*count)++;
}

/* pnav imports into the same database: once the application looks again
 * (a window does when it becomes active, and the application when the
 * database's log changes), it reloads the corpus and the reader lists the
 * document; when nothing changed, nothing is reloaded. */
static void
test_import_elsewhere (Fixture *fixture)
{
  g_autoptr(GFile) good = write_file ("test-doc.xml", small_document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) other = NULL;
  g_autoptr(PnDocument) document = NULL;
  PnStore *store = pn_application_get_store (fixture->app);
  guint reloads = 0;

  g_signal_connect_swapped (fixture->app, "corpus-changed", G_CALLBACK (count_cb), &reloads);
  g_assert_cmpuint (n_documents (fixture), ==, 5);
  pn_application_check_store (fixture->app);
  g_assert_cmpuint (reloads, ==, 0);

  /* another connection: what another process's pnav import is */
  other = pn_store_open (pn_store_get_path (store), &error);
  g_assert_no_error (error);
  document = pn_store_import_file (other, good, FALSE, &error);
  g_assert_no_error (error);
  /* the reader shows what it showed until the application looks */
  g_assert_cmpuint (count_rows (child (fixture->reader, "document_list")), ==, 5);

  pn_application_check_store (fixture->app);
  g_assert_cmpuint (reloads, ==, 1);
  g_assert_cmpuint (n_documents (fixture), ==, 6);
  g_assert_nonnull (find_row (child (fixture->reader, "document_list"), "pn-document-id", "test-doc"));

  pn_application_check_store (fixture->app);
  g_assert_cmpuint (reloads, ==, 1);

  /* removed the same way */
  g_assert_true (pn_store_remove_document (other, "test-doc", &error));
  g_assert_no_error (error);
  pn_application_check_store (fixture->app);
  g_assert_cmpuint (reloads, ==, 2);
  g_assert_cmpuint (n_documents (fixture), ==, 5);
  g_signal_handlers_disconnect_by_func (fixture->app, count_cb, &reloads);
}

/* pnav imports while the window stays in front: the application watches
 * the database's log, looks by itself, and the reader lists the document
 * without the window being activated again.  Fails (after the wait) when
 * nothing watches the store. */
static void
test_import_watched (Fixture *fixture)
{
  g_autoptr(GFile) good = write_file ("test-doc.xml", small_document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) other = NULL;
  g_autoptr(PnDocument) document = NULL;
  gboolean reloaded = FALSE;

  g_assert_cmpuint (n_documents (fixture), ==, 5);
  g_signal_connect_swapped (fixture->app, "corpus-changed", G_CALLBACK (set_true_cb), &reloaded);

  other = pn_store_open (pn_store_get_path (pn_application_get_store (fixture->app)), &error);
  g_assert_no_error (error);
  document = pn_store_import_file (other, good, FALSE, &error);
  g_assert_no_error (error);

  g_assert_true (pn_test_wait (pn_test_is_true, &reloaded));
  pn_test_flush ();
  g_assert_cmpuint (n_documents (fixture), ==, 6);
  g_assert_nonnull (find_row (child (fixture->reader, "document_list"), "pn-document-id", "test-doc"));

  /* and a removal */
  reloaded = FALSE;
  g_assert_true (pn_store_remove_document (other, "test-doc", &error));
  g_assert_no_error (error);
  g_assert_true (pn_test_wait (pn_test_is_true, &reloaded));
  pn_test_flush ();
  g_assert_cmpuint (n_documents (fixture), ==, 5);
  g_signal_handlers_disconnect_by_func (fixture->app, set_true_cb, &reloaded);
}

/* ---- /pn/gui/reader/import-dialogs ---- */

static gboolean
dialog_has_responses (gpointer data G_GNUC_UNUSED)
{
  AdwMessageDialog *dialog = pn_test_find_message_dialog ();

  /* The progress dialog has none; the outcome has at least one. */
  return dialog != NULL && adw_message_dialog_has_response (dialog, "close");
}

static gboolean
replace_asked (gpointer data G_GNUC_UNUSED)
{
  AdwMessageDialog *dialog = pn_test_find_message_dialog ();

  return dialog != NULL && adw_message_dialog_has_response (dialog, "replace");
}

static gboolean
no_dialog (gpointer data G_GNUC_UNUSED)
{
  return pn_test_find_message_dialog () == NULL;
}

static gboolean
has_toast (gpointer data)
{
  /* A toast adds a widget beside the overlay's child. */
  return gtk_widget_get_last_child (data) != gtk_widget_get_first_child (data);
}

static PnImpactDialog *
impact_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PN_IS_IMPACT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
impact_dialog_shown (gpointer data G_GNUC_UNUSED)
{
  return impact_dialog () != NULL;
}

static void
test_import_dialogs (Fixture *fixture)
{
  g_autoptr(GFile) hostile = write_file ("hostile.xml", hostile_document);
  g_autoptr(GFile) good = write_file ("test-doc.xml", small_document);
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  AdwMessageDialog *dialog;

  /* As the window will hold it: the reader inside a toast overlay. */
  g_object_ref (fixture->reader);
  gtk_window_set_child (fixture->window, GTK_WIDGET (overlay));
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (fixture->reader));
  g_object_unref (fixture->reader);

  /* Refused: the reason with file and line, before anything is shown
   * of what it would change. */
  pn_gui_import_policy_file (fixture->window, fixture->app, hostile);
  g_assert_true (pn_test_wait (dialog_has_responses, NULL));
  dialog = pn_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Cannot Import Policy Document"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "hostile.xml:2:"));
  /* first in the interface's words (the details are the loader's English) */
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   _("The file holds content a policy document may not have (a DTD, entities or links to other files), and was not read.")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_documents (fixture), ==, 5);

  /* Accepted: first what it changes for each client; Cancel imports
   * nothing, Import imports it and says so in a toast. */
  pn_gui_import_policy_file (fixture->window, fixture->app, good);
  g_assert_true (pn_test_wait (impact_dialog_shown, NULL));
  pn_impact_dialog_respond (impact_dialog (), "cancel");
  pn_test_flush ();
  g_assert_cmpuint (n_documents (fixture), ==, 5);
  pn_gui_import_policy_file (fixture->window, fixture->app, good);
  g_assert_true (pn_test_wait (impact_dialog_shown, NULL));
  g_assert_true (strstr (pn_impact_dialog_get_summary (impact_dialog ()), "测试文件") != NULL ||
                 strstr (pn_impact_dialog_get_summary (impact_dialog ()), "Test document") != NULL);
  pn_impact_dialog_respond (impact_dialog (), "import");
  g_assert_true (pn_test_wait (no_dialog, NULL));
  g_assert_true (pn_test_wait (has_toast, overlay));
  g_assert_cmpuint (n_documents (fixture), ==, 6);

  /* Taken: Replace shows what the replacement changes, then replaces. */
  pn_gui_import_policy_file (fixture->window, fixture->app, good);
  g_assert_true (pn_test_wait (replace_asked, NULL));
  dialog = pn_test_find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "test-doc"));
  adw_message_dialog_response (dialog, "replace");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (pn_test_wait (impact_dialog_shown, NULL));
  pn_impact_dialog_respond (impact_dialog (), "import");
  g_assert_true (pn_test_wait (no_dialog, NULL));
  g_assert_cmpuint (n_documents (fixture), ==, 6);
}

/* ---- /pn/gui/reader/profiles ---- */

static void
assert_names (PnProfilesPopover *popover,
              const char        *expected)
{
  g_auto(GStrv) names = pn_profiles_popover_dup_names (popover);
  g_autofree char *joined = g_strjoinv (",", names);

  g_assert_cmpstr (joined, ==, expected);
}

static char *
dup_last_profile (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  return g_settings_get_string (settings, "last-profile");
}

static void
test_profiles (Fixture *fixture)
{
  PnProfilesPopover *popover = PN_PROFILES_POPOVER (g_object_ref_sink (pn_profiles_popover_new (fixture->app)));
  PnProfile *profile = pn_application_get_profile (fixture->app);
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  assert_names (popover, "");

  pn_profile_set_location (profile, "xiamen");
  pn_profile_set_as_of (profile, "2025-03-01");
  pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-1");
  pn_profile_set_figure (profile, PN_FIGURE_RD_INVESTMENT, 8000000);

  /* Save */
  g_assert_true (pn_profiles_popover_save (popover, "  Acme Bio ", &error));
  g_assert_no_error (error);
  assert_names (popover, "Acme Bio");
  g_assert_cmpstr (pn_profile_get_name (profile), ==, "Acme Bio");
  last = dup_last_profile ();
  g_assert_cmpstr (last, ==, "Acme Bio");
  g_clear_pointer (&last, g_free);

  g_assert_false (pn_profiles_popover_save (popover, "   ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* A second client with other answers. */
  pn_profile_clear (profile);
  pn_profile_set_location (profile, "fuzhou");
  pn_profile_set_answer (profile, PN_QUESTION_DEVICE_CLASS, "class-3");
  g_assert_true (pn_profiles_popover_save (popover, "Beta Devices", &error));
  g_assert_no_error (error);
  assert_names (popover, "Acme Bio,Beta Devices");

  /* Open copies every answer back into the one profile. */
  g_assert_true (pn_profiles_popover_open (popover, "Acme Bio", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pn_profile_get_location (profile), ==, "xiamen");
  g_assert_cmpstr (pn_profile_get_as_of (profile), ==, "2025-03-01");
  g_assert_cmpstr (pn_profile_get_answer (profile, PN_QUESTION_DRUG_CLASS), ==, "innovative");
  g_assert_cmpstr (pn_profile_get_answer (profile, PN_QUESTION_PHASE), ==, "phase-1");
  g_assert_null (pn_profile_get_answer (profile, PN_QUESTION_DEVICE_CLASS));
  g_assert_cmpint (pn_profile_get_figure (profile, PN_FIGURE_RD_INVESTMENT), ==, 8000000);
  g_assert_cmpstr (pn_profile_get_name (profile), ==, "Acme Bio");

  /* Rename follows into the profile and GSettings. */
  g_assert_false (pn_profiles_popover_rename (popover, "Acme Bio", "Beta Devices", &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (pn_profiles_popover_rename (popover, "Acme Bio", "Acme Biotech", &error));
  g_assert_no_error (error);
  assert_names (popover, "Acme Biotech,Beta Devices");
  g_assert_cmpstr (pn_profile_get_name (profile), ==, "Acme Biotech");
  last = dup_last_profile ();
  g_assert_cmpstr (last, ==, "Acme Biotech");
  g_clear_pointer (&last, g_free);

  /* Delete */
  g_assert_true (pn_profiles_popover_delete (popover, "Beta Devices", &error));
  g_assert_no_error (error);
  assert_names (popover, "Acme Biotech");
  g_assert_false (pn_profiles_popover_delete (popover, "Beta Devices", &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Restoring at startup opens the last profile. */
  pn_profile_clear (profile);
  pn_profile_set_name (profile, NULL);
  g_assert_true (pn_gui_restore_last_profile (fixture->app, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pn_profile_get_answer (profile, PN_QUESTION_DRUG_CLASS), ==, "innovative");
  g_assert_cmpstr (pn_profile_get_name (profile), ==, "Acme Biotech");

  /* Deleting the last profile forgets it; nothing to restore then. */
  g_assert_true (pn_profiles_popover_delete (popover, "Acme Biotech", &error));
  g_assert_no_error (error);
  assert_names (popover, "");
  g_assert_null (pn_profile_get_name (profile));
  last = dup_last_profile ();
  g_assert_cmpstr (last, ==, "");
  g_assert_false (pn_gui_restore_last_profile (fixture->app, &error));
  g_assert_no_error (error);

  g_object_unref (popover);
}

/* ---- /pn/gui/reader/folded ---- */

static void
test_folded (Fixture *fixture)
{
  GtkWindow *narrow = GTK_WINDOW (gtk_window_new ());
  PnReaderView *reader = PN_READER_VIEW (pn_reader_view_new (fixture->app));
  AdwLeaflet *leaflet = ADW_LEAFLET (child (reader, "leaflet"));

  gtk_window_set_default_size (narrow, 480, 700);
  gtk_window_set_child (narrow, GTK_WIDGET (reader));
  gtk_window_present (narrow);
  wait_for_frame (GTK_WIDGET (narrow));

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (child (fixture->reader, "leaflet"))));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  g_assert_true (pn_reader_view_show_article (reader, "xiamen-2023-17", "1"));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_true (gtk_widget_get_visible (child (reader, "content_back_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");

  /* A document removed while its page is shown: the list, not an empty
   * page with nothing but Back on it. */
  {
    g_autoptr(GFile) good = write_file ("test-doc.xml", small_document);
    g_autoptr(GError) error = NULL;
    g_autoptr(PnDocument) document = import (fixture, good, FALSE, &error);
    g_autoptr(PnStore) other = NULL;

    g_assert_no_error (error);
    g_assert_true (pn_reader_view_show_article (reader, "test-doc", NULL));
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
    other = pn_store_open (pn_store_get_path (pn_application_get_store (fixture->app)), &error);
    g_assert_no_error (error);
    g_assert_true (pn_store_remove_document (other, "test-doc", &error));
    g_assert_no_error (error);
    pn_application_check_store (fixture->app);
    g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "sidebar");
  }

  gtk_window_destroy (narrow);
}

/* ---- /pn/gui/reader/screenshot ---- */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autofree char *filename = pn_test_screenshot_path (name);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width;
  int height;

  wait_for_frame (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, filename));
  g_test_message ("screenshot: %s (%d×%d)", filename, width, height);
}

static void
test_screenshot (Fixture *fixture)
{
  PnReaderView *reader = fixture->reader;

  /* 1000×700, less whatever decoration the window draws itself. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (reader)), >, 900);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (reader)), >, 600);

  /* A document's overview, then an article open from its document. */
  g_assert_true (pn_reader_view_show_article (reader, "jinjiang-2025-8", NULL));
  save_screenshot (GTK_WIDGET (reader), "reader-document");
  g_assert_true (pn_reader_view_show_article (reader, "xiamen-2023-17", "1"));
  save_screenshot (GTK_WIDGET (reader), "reader");

  /* Search results, the best hit open. */
  pn_reader_view_focus_search (reader);
  g_assert_cmpuint (search (reader, "临床试验"), >, 0);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (reader, "search_list")), 0)));
  save_screenshot (GTK_WIDGET (reader), "reader-search");
}

/* ---- /pn/gui/reader/profiles-screenshot ---- */

static void
test_profiles_screenshot (Fixture *fixture)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *popover = pn_profiles_popover_new (fixture->app);
  PnProfile *profile = pn_application_get_profile (fixture->app);
  g_autoptr(GError) error = NULL;

  pn_profile_set_location (profile, "xiamen");
  g_assert_true (pn_gui_save_profile (fixture->app, "Acme Bio", &error));
  g_assert_true (pn_gui_save_profile (fixture->app, "Beta Devices", &error));
  g_assert_true (pn_gui_save_profile (fixture->app, "厦门新药研发有限公司", &error));
  g_assert_no_error (error);

  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "avatar-default-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_box_append (GTK_BOX (box), button);
  gtk_window_set_child (fixture->window, box);
  wait_for_frame (GTK_WIDGET (fixture->window));

  /* no pointer grab, which another test's window on the same X server
   * may hold (see test-compare.c) */
  gtk_popover_set_autohide (GTK_POPOVER (popover), FALSE);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (pn_test_wait (is_mapped, popover));
  {
    g_auto(GStrv) names = pn_profiles_popover_dup_names (PN_PROFILES_POPOVER (popover));

    g_assert_cmpuint (g_strv_length (names), ==, 3);
  }
  /* The popover is a surface of its own: take its content. */
  save_screenshot (gtk_popover_get_child (GTK_POPOVER (popover)), "profiles");
  assert_simplified_glyphs_under (popover);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

static const AppTest app_tests[] = {
  { "/pn/gui/reader/documents", test_documents },
  { "/pn/gui/reader/article", test_article },
  { "/pn/gui/reader/search", test_search },
  { "/pn/gui/reader/folded", test_folded },
  { "/pn/gui/reader/import/thread", test_import },
  { "/pn/gui/reader/import/dialogs", test_import_dialogs },
  { "/pn/gui/reader/import/elsewhere", test_import_elsewhere },
  { "/pn/gui/reader/extension", test_extension },
  { "/pn/gui/reader/import/watched", test_import_watched },
  { "/pn/gui/reader/profiles", test_profiles },
  { "/pn/gui/reader/screenshot", test_screenshot },
  { "/pn/gui/reader/profiles-screenshot", test_profiles_screenshot },
};

int
main (int   argc,
      char *argv[])
{
  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);

  g_test_add_func ("/pn/gui/reader/templates", test_templates);
  for (guint i = 0; i < G_N_ELEMENTS (app_tests); i++)
    g_test_add_data_func (app_tests[i].path, &app_tests[i], run_app_test);

  return g_test_run ();
}
