/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review editor (issue 17 §2, §5): a text drafted and opened, a
 * benefit edited and marked reviewed, saved, imported, in Policy Documents
 * and counted for a matching client; what each field refuses; the check
 * of the whole document and its banner; the impact dialog against
 * pn_impact; a draft that survives a kill; Save as Case that `pnav check`
 * passes; 360 px.  Screenshots in _build/tests/gui/screenshots/editor-*. */

#define G_LOG_DOMAIN "test-editor"

#include "config.h"

#include "editor/pn-benefit-form.h"
#include "editor/pn-case-dialog.h"
#include "editor/pn-document-form.h"
#include "editor/pn-drafts-window.h"
#include "editor/pn-editor-drafts.h"
#include "editor/pn-editor-open.h"
#include "editor/pn-impact-dialog.h"
#include "editor/pn-policy-editor.h"
#include "pn-check.h"
#include "pn-date-chooser.h"
#include "pn-engine.h"
#include "pn-impact.h"
#include "pn-money.h"
#include "pn-policy-loader.h"
#include "pn-test-util.h"
#include "reader/pn-reader-view.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* An official-style text of a place the taxonomy knows (漳州市), where no
 * bundled document gives money: what it awards is what counts.  Article
 * 1.1: "完成Ⅱ期临床试验后，给予300万元奖励" — 300万元 = ¥3,000,000 for an
 * innovative drug completing Phase II.  Article 1.2: 20% of R&D, at most
 * 200万元 (¥2,000,000), for a first class III device registration. */
static const char zhangzhou_text[] =
  "漳州市人民政府关于印发漳州市支持生物医药产业创新发展若干措施的通知\n"
  "漳政规〔2026〕3号\n"
  "各县（区）人民政府，市直有关单位：\n"
  "　　现将《漳州市支持生物医药产业创新发展若干措施》印发给你们，请认真贯彻执行。\n"
  "漳州市人民政府\n"
  "2026年3月2日\n"
  "漳州市支持生物医药产业创新发展若干措施\n"
  "　　为加快生物医药产业创新发展，结合我市实际，制定本措施。\n"
  "一、支持新药研发\n"
  "　　（一）支持创新药临床试验。对在本市注册的企业开展创新药临床试验的，完成Ⅱ期临床试验后，给予300万元奖励。（责任单位：市科技局，配合单位：市财政局）\n"
  "　　（二）支持医疗器械注册。对首次取得第三类医疗器械注册证的企业，按照研发投入的20%给予补助，最高不超过200万元。（责任单位：市市场监管局）\n"
  "二、附则\n"
  "　　本措施自2026年4月1日起施行，有效期至2028年12月31日。\n";

#define ZHANGZHOU_ID "zhangzhou-2026-3"
#define PHASE_2_ID ZHANGZHOU_ID "/1.1/innovative-phase-2"
#define DEVICE_ID ZHANGZHOU_ID "/1.2/class-3-registered"

/* ---- helpers ---- */

static char *
write_text (PnTestFixture *fixture,
            const char    *name,
            const char    *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->out_dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static PnPolicyEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PN_IS_POLICY_EDITOR (window))
        return PN_POLICY_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_is_open (gpointer data G_GNUC_UNUSED)
{
  return find_editor () != NULL;
}

static gpointer
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static gboolean
impact_dialog_is_open (gpointer data G_GNUC_UNUSED)
{
  return find_toplevel_of_type (PN_TYPE_IMPACT_DIALOG) != NULL;
}

/* Drafts the text as New Policy from Text does, and waits for its editor. */
static PnPolicyEditor *
draft_and_open (PnTestFixture *fixture,
                const char    *name,
                const char    *text)
{
  g_autofree char *path = write_text (fixture, name, text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PnPolicyEditor *editor;

  pn_editor_draft_file (GTK_WINDOW (fixture->window), fixture->app, file);
  g_assert_true (pn_test_wait (editor_is_open, NULL));
  editor = find_editor ();
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (editor), PN_TEST_FRAME_TIMEOUT_MS));
  return editor;
}

static gboolean
check_is_done (gpointer data)
{
  return pn_editor_document_get_check (data) != PN_EDITOR_CHECK_PENDING;
}

static gboolean
is_saved (gpointer data)
{
  return pn_editor_document_get_saved (data);
}

/* The document's next check, after the pause that follows a change. */
static PnEditorCheck
wait_for_check (PnEditorDocument *document)
{
  g_assert_true (pn_test_wait (check_is_done, document));
  return pn_editor_document_get_check (document);
}

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

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  pn_test_flush ();
}

static void
activate (PnPolicyEditor *editor,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
  pn_test_flush ();
}

static void
editor_screenshot (PnPolicyEditor *editor,
                   const char     *name)
{
  g_autofree char *filename = pn_test_screenshot_path (name);

  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (editor), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_save_screenshot (adw_window_get_content (ADW_WINDOW (editor)), filename);
}

/* The client of the test: an innovative drug in Zhangzhou that has just
 * completed Phase II, on a date the drafted measures are in force. */
static void
set_zhangzhou_client (PnProfile *profile)
{
  pn_profile_set_location (profile, "zhangzhou");
  pn_profile_set_answer (profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_as_of (profile, "2026-06-01");
}

/* ---- /pn/gui/editor/review-import ---- */

static void
corpus_changed_cb (PnApplication *app G_GNUC_UNUSED,
                   gboolean      *changed)
{
  *changed = TRUE;
}

/* Responds to the impact dialog and waits for the import to be done: the
 * application reloads its corpus. */
static void
respond_and_wait_for_import (PnTestFixture  *fixture,
                             PnImpactDialog *dialog,
                             const char     *response)
{
  gboolean changed = FALSE;
  gulong handler = g_signal_connect (fixture->app, "corpus-changed", G_CALLBACK (corpus_changed_cb), &changed);

  pn_impact_dialog_respond (dialog, response);
  g_assert_true (pn_test_wait (pn_test_is_true, &changed));
  g_signal_handler_disconnect (fixture->app, handler);
}

static void
test_review_import (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnDocument *doc = pn_editor_document_get_document (document);
  PnBenefitForm *form = pn_policy_editor_get_benefit_form (editor);
  PnBenefit *benefit;
  PnImpactDialog *dialog;
  g_autoptr(PnResults) results = NULL;
  const PnResult *result;
  GtkWidget *reader;

  g_assert_cmpstr (doc->id, ==, ZHANGZHOU_ID);
  g_assert_cmpstr (pn_policy_editor_get_progress (editor), ==, "0 of 2 benefits reviewed");
  /* a draft is checked as it opens: schema, taxonomy, corpus */
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);

  /* the first article to review is open, its figures highlighted: 300万元 */
  g_assert_cmpstr (pn_policy_editor_get_article (editor)->number, ==, "1.1");
  g_assert_cmpuint (pn_editor_source_get_n_highlighted (pn_policy_editor_get_source (editor)), >=, 1);

  benefit = find_benefit (doc, PHASE_2_ID);
  g_assert_nonnull (benefit);
  pn_policy_editor_select_benefit (editor, benefit);
  g_assert_true (pn_benefit_form_get_benefit (form) == benefit);
  g_assert_cmpuint (pn_editor_source_get_n_selected (pn_policy_editor_get_source (editor)), ==, 1);
  editor_screenshot (editor, "editor");

  /* edit: an English title, the amount typed in 万元 */
  set_text (pn_benefit_form_get_field (form, "title-en"), "Innovative drug completing Phase II");
  g_assert_cmpstr (benefit->title.en, ==, "Innovative drug completing Phase II");
  set_text (pn_benefit_form_get_field (form, "amount"), "300万元");
  g_assert_cmpint (benefit->amount, ==, 3000000);
  g_assert_null (pn_benefit_form_get_field_error (form, "amount"));

  /* reviewed: the progress says so */
  activate (editor, "editor.toggle-reviewed");
  g_assert_true (benefit->reviewed);
  g_assert_cmpstr (pn_policy_editor_get_progress (editor), ==, "1 of 2 benefits reviewed");

  /* saved to the drafts folder; checked again */
  g_assert_true (pn_test_wait (is_saved, document));
  {
    g_autoptr(GFile) expected = pn_editor_drafts_file_for_id (ZHANGZHOU_ID);
    g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "policy-navigator", "drafts", NULL);
    g_autofree char *parent = g_file_get_path (g_file_get_parent (expected));
    g_autoptr(PnDocument) saved = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_equal (pn_editor_document_get_file (document), expected));
    g_assert_cmpstr (parent, ==, data_dir);
    saved = pn_policy_loader_load_document_file (expected, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (find_benefit (saved, PHASE_2_ID)->title.en, ==, "Innovative drug completing Phase II");
    g_assert_true (find_benefit (saved, PHASE_2_ID)->reviewed);
  }
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);

  /* Import: the impact first, then the store */
  g_assert_true (gtk_widget_is_sensitive (pn_test_template_child (GTK_WIDGET (editor), PN_TYPE_POLICY_EDITOR,
                                                                  "import_button")));
  activate (editor, "editor.import");
  g_assert_true (pn_test_wait (impact_dialog_is_open, NULL));
  dialog = find_toplevel_of_type (PN_TYPE_IMPACT_DIALOG);
  g_assert_nonnull (strstr (pn_impact_dialog_get_summary (dialog), "漳州市支持生物医药产业创新发展若干措施"));
  respond_and_wait_for_import (fixture, dialog, "import");
  g_assert_nonnull (pn_corpus_find_header (pn_application_get_corpus (fixture->app), ZHANGZHOU_ID, NULL));

  /* in Policy Documents */
  reader = pn_window_get_view (fixture->window, "documents");
  g_assert_true (pn_reader_view_show_article (PN_READER_VIEW (reader), ZHANGZHOU_ID, "1.1"));

  /* and it counts for a matching client: 300万元 = ¥3,000,000 */
  set_zhangzhou_client (fixture->profile);
  results = pn_engine_evaluate (pn_application_get_corpus (fixture->app), fixture->profile, NULL);
  g_assert_nonnull (results);
  result = pn_results_find (results, PHASE_2_ID);
  g_assert_nonnull (result);
  g_assert_true (result->counted);
  g_assert_cmpint (result->estimate_cny, ==, 3000000);
  /* the other, unreviewed, is not counted (and not listed for a drug) */
  result = pn_results_find (results, DEVICE_ID);
  g_assert_true (result == NULL || !result->counted);
}

int
main (int   argc,
      char *argv[])
{
  static const PnTestCase tests[] = {
    { "/pn/gui/editor/review-import", test_review_import },
  };

  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);
  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), NULL,
                         &(PnTestAppOptions) { .width = 1000, .height = 700 });

  return g_test_run ();
}
