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
#include "pn-gui-util.h"
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

static gboolean
message_dialog_is_open (gpointer data G_GNUC_UNUSED)
{
  return pn_test_find_message_dialog () != NULL;
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

/* The article's text laid out, as tall as it measures: a text view
 * measures its lines after it is shown, and the editor makes room then
 * (PnEditorSource's settle_cb()). */
static gboolean
source_laid_out (gpointer data)
{
  PnPolicyEditor *editor = data;
  GtkWidget *view = GTK_WIDGET (pn_editor_source_get_text_view (pn_policy_editor_get_source (editor)));

  int natural = 0;

  if (!gtk_widget_get_mapped (view))
    return TRUE;
  gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), NULL, &natural, NULL, NULL);
  return gtk_widget_get_height (view) >= natural && natural > 20;
}

static void
editor_screenshot (PnPolicyEditor *editor,
                   const char     *name)
{
  g_autofree char *filename = pn_test_screenshot_path (name);

  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (editor), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (pn_test_wait (source_laid_out, editor));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (editor), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_save_screenshot (adw_window_get_content (ADW_WINDOW (editor)), filename);
}

/* "1 of 2 benefits reviewed", in the UI language */
static void
assert_progress (PnPolicyEditor *editor,
                 guint           reviewed,
                 guint           n)
{
  g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u benefit reviewed",
                                                            "%u of %u benefits reviewed", n),
                                               reviewed, n);

  g_assert_cmpstr (pn_policy_editor_get_progress (editor), ==, expected);
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
  assert_progress (editor, 0, 2);
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
  assert_progress (editor, 1, 2);

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
  g_assert_nonnull (strstr (pn_impact_dialog_get_summary (dialog), pn_gui_text (&doc->title)));
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

/* ---- /pn/gui/editor/requirements ---- */

static void
collect_text_views (GtkWidget *widget,
                    GPtrArray *found)
{
  if (GTK_IS_TEXT_VIEW (widget))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_text_views (child, found);
}

static void
set_buffer_text (GtkWidget  *view,
                 const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  pn_test_flush ();
}

/* How the saved draft matches the fixture's profile, alone in a corpus:
 * the result of `benefit_id`. */
static const PnResult *
saved_result (PnTestFixture     *fixture,
              PnEditorDocument  *document,
              const char        *benefit_id,
              PnResults        **out_results)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_application_get_corpus (fixture->app));
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  PnDocument *saved;

  g_assert_true (pn_test_wait (is_saved, document));
  saved = pn_policy_loader_load_document_file (pn_editor_document_get_file (document), taxonomy, &error);
  g_assert_no_error (error);
  g_ptr_array_add (documents, saved);
  corpus = pn_corpus_new (taxonomy, documents);
  *out_results = pn_engine_evaluate (corpus, fixture->profile, &error);
  g_assert_no_error (error);
  return pn_results_find (*out_results, benefit_id);
}

/* A requirement the text states and no question asks: added in the form,
 * it makes the match possible until checked with the authority; as an
 * attestation (the applicant confirms it) the match stays definite. */
static void
test_requirements (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnBenefitForm *form = pn_policy_editor_get_benefit_form (editor);
  PnBenefit *benefit = find_benefit (pn_editor_document_get_document (document), PHASE_2_ID);
  GtkWidget *requirements = pn_benefit_form_get_field (form, "requirements");
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(PnResults) results = NULL;
  const PnResult *result;
  PnRequirement *requirement;
  GtkWidget *attestation;

  g_assert_nonnull (benefit);
  g_assert_nonnull (requirements);
  set_zhangzhou_client (fixture->profile);
  pn_policy_editor_select_benefit (editor, benefit);
  set_text (pn_benefit_form_get_field (form, "amount"), "300万元");
  activate (editor, "editor.toggle-reviewed");
  g_assert_cmpuint (benefit->requirements->len, ==, 0);

  /* counted as drafted */
  result = saved_result (fixture, document, PHASE_2_ID, &results);
  g_assert_nonnull (result);
  g_assert_cmpint (result->match, ==, PN_MATCH_DEFINITE);
  g_assert_true (result->counted);
  g_clear_pointer (&results, pn_results_unref);

  /* a new requirement: both languages first */
  g_signal_emit_by_name (pn_test_template_child (GTK_WIDGET (form), PN_TYPE_BENEFIT_FORM, "add_requirement_button"),
                         "clicked");
  pn_test_flush ();
  collect_text_views (requirements, views);
  g_assert_cmpuint (views->len, ==, 2);
  g_assert_true (gtk_widget_is_focus (g_ptr_array_index (views, 0)));
  set_buffer_text (g_ptr_array_index (views, 0), "须取得国家药监局临床试验批准");
  g_assert_cmpuint (benefit->requirements->len, ==, 0);
  g_assert_nonnull (pn_benefit_form_get_field_error (form, "requirements"));
  set_buffer_text (g_ptr_array_index (views, 1), "Holds the NMPA's approval of the clinical trial");
  g_assert_null (pn_benefit_form_get_field_error (form, "requirements"));
  g_assert_cmpuint (benefit->requirements->len, ==, 1);
  requirement = g_ptr_array_index (benefit->requirements, 0);
  g_assert_cmpstr (requirement->id, ==, "requirement-1");
  g_assert_cmpstr (requirement->text.zh, ==, "须取得国家药监局临床试验批准");
  g_assert_false (requirement->attestation);
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);

  /* possible until checked with the authority */
  result = saved_result (fixture, document, PHASE_2_ID, &results);
  g_assert_nonnull (result);
  g_assert_cmpint (result->match, ==, PN_MATCH_POSSIBLE);
  g_assert_false (result->counted);
  g_assert_true (g_ptr_array_find_with_equal_func (result->missing, "requirement:requirement-1", g_str_equal, NULL));
  g_clear_pointer (&results, pn_results_unref);

  /* the applicant confirms it: definite, counted again */
  attestation = pn_test_find_widget (requirements, GTK_TYPE_CHECK_BUTTON, NULL);
  g_assert_nonnull (attestation);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (attestation), TRUE);
  pn_test_flush ();
  g_assert_true (requirement->attestation);
  gtk_widget_grab_focus (attestation);
  editor_screenshot (editor, "editor-requirement");
  result = saved_result (fixture, document, PHASE_2_ID, &results);
  g_assert_nonnull (result);
  g_assert_cmpint (result->match, ==, PN_MATCH_DEFINITE);
  g_assert_true (result->counted);
  g_assert_cmpint (result->estimate_cny, ==, 3000000);
  g_clear_pointer (&results, pn_results_unref);

  /* removed */
  g_signal_emit_by_name (pn_test_find_widget (requirements, GTK_TYPE_BUTTON, NULL), "clicked");
  pn_test_flush ();
  g_assert_cmpuint (benefit->requirements->len, ==, 0);
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
}

/* ---- /pn/gui/editor/combined-limit ---- */

/* 20% of R&D, at most 200万元; limited in the form to what is left of the
 * total investment beside the R&D (¥5,500,000 − ¥5,000,000). */
static void
test_combined_limit (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnBenefitForm *form = pn_policy_editor_get_benefit_form (editor);
  PnBenefit *benefit = find_benefit (pn_editor_document_get_document (document), DEVICE_ID);
  GtkWidget *row = pn_benefit_form_get_field (form, "combined-limit");
  g_autoptr(PnResults) results = NULL;
  const PnResult *result;

  g_assert_nonnull (benefit);
  g_assert_nonnull (row);
  pn_profile_set_location (fixture->profile, "zhangzhou");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "device");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS, "class-3");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "registered");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 5000000);
  pn_profile_set_figure (fixture->profile, PN_FIGURE_TOTAL_INVESTMENT, 5500000);
  pn_profile_set_as_of (fixture->profile, "2026-06-01");

  pn_policy_editor_select_benefit (editor, benefit);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpint (benefit->combined_limit, ==, PN_FIGURE_NONE);
  activate (editor, "editor.toggle-reviewed");
  result = saved_result (fixture, document, DEVICE_ID, &results);
  g_assert_nonnull (result);
  g_assert_true (result->counted);
  g_assert_cmpint (result->estimate_cny, ==, 1000000);
  g_clear_pointer (&results, pn_results_unref);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), PN_FIGURE_TOTAL_INVESTMENT + 1);
  pn_test_flush ();
  g_assert_cmpint (benefit->combined_limit, ==, PN_FIGURE_TOTAL_INVESTMENT);
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  result = saved_result (fixture, document, DEVICE_ID, &results);
  g_assert_nonnull (result);
  g_assert_true (result->counted);
  g_assert_cmpint (result->estimate_cny, ==, 500000);
  g_clear_pointer (&results, pn_results_unref);

  /* and back */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  pn_test_flush ();
  g_assert_cmpint (benefit->combined_limit, ==, PN_FIGURE_NONE);
}

/* ---- /pn/gui/editor/validation ---- */

static void
test_validation (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnDocument *doc = pn_editor_document_get_document (document);
  PnBenefitForm *form = pn_policy_editor_get_benefit_form (editor);
  PnDocumentForm *header = pn_policy_editor_get_document_form (editor);
  PnBenefit *benefit = find_benefit (doc, PHASE_2_ID);
  GtkWidget *amount;
  const char *error;

  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  pn_policy_editor_select_benefit (editor, benefit);
  amount = pn_benefit_form_get_field (form, "amount");

  /* each field at once: the reason under it, the document keeps its last
   * good value (typing on after 300万) */
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (amount), "abc", -1, &position);
    pn_test_flush ();
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "300万abc");
  error = pn_benefit_form_get_field_error (form, "amount");
  g_assert_nonnull (error);
  g_test_message ("under the amount: %s", error);
  g_assert_cmpint (benefit->amount, ==, 3000000);
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  /* nothing is imported while a field holds what it refused: the document
   * has the last good value, not what the reviewer means (a cap cleared on
   * the way to 五百万 was imported with no cap) */
  g_assert_true (pn_benefit_form_get_refusing (form));
  g_assert_false (gtk_widget_is_sensitive (pn_test_template_child (GTK_WIDGET (editor), PN_TYPE_POLICY_EDITOR,
                                                                    "import_button")));
  editor_screenshot (editor, "editor-invalid-amount");
  set_text (amount, "-5");
  g_assert_nonnull (pn_benefit_form_get_field_error (form, "amount"));
  set_text (amount, "12.5万");
  g_assert_null (pn_benefit_form_get_field_error (form, "amount"));
  g_assert_false (pn_benefit_form_get_refusing (form));
  g_assert_cmpint (benefit->amount, ==, 125000);
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  set_text (amount, "300万");
  g_assert_cmpint (benefit->amount, ==, 3000000);

  set_text (pn_benefit_form_get_field (form, "rate"), "150%");
  g_assert_nonnull (pn_benefit_form_get_field_error (form, "rate"));
  g_assert_cmpfloat (benefit->rate, <, 0);
  set_text (pn_benefit_form_get_field (form, "rate"), "");
  g_assert_null (pn_benefit_form_get_field_error (form, "rate"));

  set_text (pn_benefit_form_get_field (form, "stages"), "40%, 30%");
  g_assert_nonnull (strstr (pn_benefit_form_get_field_error (form, "stages"), "70"));
  g_assert_null (benefit->stages);
  set_text (pn_benefit_form_get_field (form, "stages"), "40%、30%、30%");
  g_assert_null (pn_benefit_form_get_field_error (form, "stages"));
  g_assert_cmpuint (benefit->stages->len, ==, 3);
  set_text (pn_benefit_form_get_field (form, "stages"), "");
  g_assert_null (benefit->stages);

  set_text (pn_benefit_form_get_field (form, "title"), "");
  g_assert_nonnull (pn_benefit_form_get_field_error (form, "title"));
  g_assert_cmpstr (benefit->title.zh, ==, "在本市注册的企业开展创新药临床试验奖励");
  set_text (pn_benefit_form_get_field (form, "title"), "创新药Ⅱ期临床试验奖励");
  g_assert_cmpstr (benefit->title.zh, ==, "创新药Ⅱ期临床试验奖励");
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  g_assert_true (gtk_widget_is_sensitive (pn_test_template_child (GTK_WIDGET (editor), PN_TYPE_POLICY_EDITOR,
                                                                   "import_button")));

  /* the whole document after a pause: in force until before it takes
   * effect is the loader's to refuse, on the line of <validity> */
  pn_date_chooser_set_date (PN_DATE_CHOOSER (pn_document_form_get_date_chooser (header, "in-force-until")),
                            "2026-01-01");
  g_assert_cmpstr (doc->in_force_until, ==, "2026-01-01");
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_INVALID);
  g_assert_cmpstr (pn_editor_document_get_issue (document)->element, ==, "validity");
  g_assert_false (gtk_widget_is_sensitive (pn_test_template_child (GTK_WIDGET (editor), PN_TYPE_POLICY_EDITOR,
                                                                   "import_button")));
  /* a benefit is in view: the banner says where, with Show */
  g_assert_nonnull (pn_policy_editor_get_issue_banner (editor));
  g_assert_nonnull (strstr (pn_policy_editor_get_issue_banner (editor), "in-force-until"));
  editor_screenshot (editor, "editor-issue-banner");
  activate (editor, "editor.show-issue");
  g_assert_null (pn_policy_editor_get_article (editor));
  g_assert_null (pn_policy_editor_get_issue_banner (editor));
  g_assert_nonnull (strstr (pn_document_form_get_field_error (header, "dates"), "in-force-until"));

  pn_date_chooser_set_date (PN_DATE_CHOOSER (pn_document_form_get_date_chooser (header, "in-force-until")),
                            "2028-12-31");
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  g_assert_null (pn_document_form_get_field_error (header, "dates"));
}

/* The loader's line placed in the written document: the benefit, its
 * element, under its field. */
static void
test_issue_lines (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnBenefitForm *form = pn_policy_editor_get_benefit_form (editor);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint amount_line = 0;

  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  bytes = g_bytes_ref (pn_editor_document_get_checked_bytes (document));
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL && amount_line == 0; i++)
    if (strstr (lines[i], "<amount>3000000</amount>") != NULL)
      amount_line = i + 1;
  g_assert_cmpuint (amount_line, >, 0);

  {
    g_autofree char *message = g_strdup_printf ("%s.xml:%u: too much", ZHANGZHOU_ID, amount_line);
    g_autoptr(GError) fake = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);
    g_autoptr(PnEditorIssue) issue = pn_editor_issue_new (bytes, fake);

    g_assert_cmpuint (issue->line, ==, amount_line);
    g_assert_cmpstr (issue->message, ==, "too much");
    g_assert_cmpstr (issue->article, ==, "1.1");
    g_assert_cmpstr (issue->benefit, ==, PHASE_2_ID);
    g_assert_cmpstr (issue->element, ==, "amount");

    pn_policy_editor_select_benefit (editor, find_benefit (pn_editor_document_get_document (document), PHASE_2_ID));
    g_assert_true (pn_benefit_form_show_issue (form, issue));
    g_assert_cmpstr (pn_benefit_form_get_field_error (form, "amount"), ==, "too much");
    g_assert_null (pn_benefit_form_get_field_error (form, "top"));
    /* another benefit's issue is not this form's */
    pn_policy_editor_select_benefit (editor, find_benefit (pn_editor_document_get_document (document), DEVICE_ID));
    g_assert_false (pn_benefit_form_show_issue (form, issue));
    g_assert_null (pn_benefit_form_get_field_error (form, "amount"));
  }

  {
    g_autoptr(GError) fake = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x.xml:3: bad title");
    g_autoptr(PnEditorIssue) issue = pn_editor_issue_new (bytes, fake);

    /* <title> of the document, before any article */
    g_assert_null (issue->article);
    g_assert_null (issue->benefit);
    g_assert_nonnull (issue->element);
  }
}

/* ---- /pn/gui/editor/impact ---- */

static void
save_client (PnTestFixture *fixture,
             const char    *name,
             const char    *location,
             const char    *phase)
{
  g_autoptr(PnProfile) profile = pn_profile_new ();
  g_autoptr(GError) error = NULL;

  pn_profile_set_name (profile, name);
  pn_profile_set_location (profile, location);
  pn_profile_set_answer (profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, phase);
  pn_profile_set_as_of (profile, "2026-06-01");
  g_assert_true (pn_store_save_profile (pn_application_get_store (fixture->app), profile, &error));
  g_assert_no_error (error);
}

static void
test_impact (PnTestFixture *fixture)
{
  PnPolicyEditor *editor;
  PnEditorDocument *document;
  PnImpactDialog *dialog;
  PnStore *store = pn_application_get_store (fixture->app);
  PnCorpus *corpus = pn_application_get_corpus (fixture->app);
  g_autoptr(PnDocument) incoming = NULL;
  g_autoptr(PnCorpus) after = NULL;
  g_autoptr(PnImpact) impact = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  gboolean checked_a = FALSE;

  /* A gains the 300万元 award; B, in Xiamen, is not where it applies */
  save_client (fixture, "Client A", "zhangzhou", "phase-2");
  save_client (fixture, "Client B", "xiamen", "phase-2");

  editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  document = pn_policy_editor_get_document (editor);
  pn_policy_editor_select_benefit (editor, find_benefit (pn_editor_document_get_document (document), PHASE_2_ID));
  activate (editor, "editor.toggle-reviewed");
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);

  activate (editor, "editor.import");
  g_assert_true (pn_test_wait (impact_dialog_is_open, NULL));
  dialog = find_toplevel_of_type (PN_TYPE_IMPACT_DIALOG);
  {
    g_autofree char *filename = pn_test_screenshot_path ("editor-impact");

    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (dialog), PN_TEST_FRAME_TIMEOUT_MS));
    pn_test_save_screenshot (adw_window_get_content (ADW_WINDOW (dialog)), filename);
  }

  /* pn_impact's own figures, from the same bytes */
  name = g_file_get_basename (pn_editor_document_get_file (document));
  incoming = pn_store_check_import_bytes (store, name, pn_editor_document_get_checked_bytes (document),
                                          FALSE, &error);
  g_assert_no_error (error);
  g_ptr_array_add (documents, incoming);
  after = pn_corpus_new_overlay (corpus, documents, NULL);
  impact = pn_impact_new (store, corpus, after, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (pn_impact_dialog_get_n_rows (dialog), ==, pn_impact_get_n_clients (impact));
  g_assert_cmpuint (pn_impact_get_n_clients (impact), ==, 2);
  for (guint i = 0; i < pn_impact_get_n_clients (impact); i++)
    {
      const PnClientImpact *client = pn_impact_get_client (impact, i);
      GtkWidget *row = pn_impact_dialog_get_row (dialog, i);
      const char *subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      g_autofree char *before = pn_money_format_yuan (client->before_cny);
      g_autofree char *after_text = pn_money_format_yuan (client->after_cny);

      g_test_message ("%s: %s", client->name, subtitle);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, client->name);
      g_assert_nonnull (strstr (subtitle, before));
      g_assert_nonnull (strstr (subtitle, after_text));
      if (g_str_equal (client->name, "Client A"))
        {
          /* by hand: article 1.1, "给予300万元奖励": ¥3,000,000 more */
          g_assert_cmpint (client->after_cny - client->before_cny, ==, 3000000);
          g_assert_nonnull (strstr (subtitle, "+¥3,000,000"));
          checked_a = TRUE;
        }
      else
        g_assert_cmpint (client->after_cny, ==, client->before_cny);
    }
  g_assert_true (checked_a);
  /* the other benefit is not reviewed: the dialog warns */
  g_assert_true (gtk_widget_get_visible (pn_test_template_child (GTK_WIDGET (dialog), PN_TYPE_IMPACT_DIALOG,
                                                                 "unreviewed_label")));

  /* Cancel imports nothing */
  pn_impact_dialog_respond (dialog, "cancel");
  pn_test_flush ();
  g_assert_null (pn_corpus_find_header (pn_application_get_corpus (fixture->app), ZHANGZHOU_ID, NULL));
}

/* ---- /pn/gui/editor/autosave-kill ---- */

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

#define KILL_EDIT "Edited just before the process was killed"

static void
test_autosave_kill (PnTestFixture *fixture)
{
  g_autofree char *drafts = NULL;
  g_autofree char *data_dirs = NULL;

  if (g_test_subprocess ())
    {
      PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
      PnEditorDocument *document = pn_policy_editor_get_document (editor);
      PnBenefitForm *form = pn_policy_editor_get_benefit_form (editor);
      g_autoptr(GFile) isolated = NULL;
      g_autofree char *root = NULL;
      const char *data_dir = g_get_user_data_dir ();
      gint64 edited;

      g_assert_true (pn_test_wait (is_saved, document));
      pn_policy_editor_select_benefit (editor, find_benefit (pn_editor_document_get_document (document), PHASE_2_ID));
      set_text (pn_benefit_form_get_field (form, "title-en"), KILL_EDIT);
      activate (editor, "editor.toggle-reviewed");
      g_assert_false (pn_editor_document_get_saved (document));
      edited = g_get_monotonic_time ();
      g_assert_true (pn_test_wait (is_saved, document));
      /* written within twice the delay, without closing anything */
      g_assert_cmpint (g_get_monotonic_time () - edited, <, 2 * 1000 * PN_EDITOR_SAVE_DELAY_MS + 500000);

      /* what a killed process cannot remove: its folders */
      pn_test_remove_dir (fixture->db_dir);
      pn_test_remove_dir (fixture->out_dir);
      root = g_strndup (data_dir, strstr (data_dir, "/pn/gui/") - data_dir);
      isolated = g_file_new_for_path (root);
      remove_tree (isolated);
      g_printerr ("editor-test: killing the application\n");
      kill (getpid (), SIGKILL);
      g_assert_not_reached ();
    }

  /* the child's drafts where this process finds them; the system's data
   * folders (MIME types, icons) for its pn_test_init() */
  drafts = g_build_filename (fixture->out_dir, "drafts", NULL);
  data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  g_setenv ("POLICY_NAVIGATOR_DRAFTS_DIR", drafts, TRUE);
  g_setenv ("XDG_DATA_DIRS", "/usr/local/share/:/usr/share/", TRUE);
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  /* killed: neither passed nor failed an assertion */
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*killing the application*");
  g_test_trap_assert_stderr_unmatched ("*ERROR*");

  /* reopened from Open Draft…: the edit is there */
  {
    PnDraftsWindow *window = PN_DRAFTS_WINDOW (pn_drafts_window_new (GTK_WINDOW (fixture->window), fixture->app));
    PnPolicyEditor *editor;
    PnDocument *doc;
    PnBenefit *benefit;

    g_assert_cmpuint (pn_drafts_window_get_n_drafts (window), ==, 1);
    pn_drafts_window_open (window, 0);
    editor = find_editor ();
    g_assert_nonnull (editor);
    doc = pn_editor_document_get_document (pn_policy_editor_get_document (editor));
    benefit = find_benefit (doc, PHASE_2_ID);
    g_assert_cmpstr (benefit->title.en, ==, KILL_EDIT);
    g_assert_true (benefit->reviewed);
    assert_progress (editor, 1, 2);

    /* closing right after an edit writes it: nothing waits for the pause */
    pn_policy_editor_select_benefit (editor, benefit);
    set_text (pn_benefit_form_get_field (pn_policy_editor_get_benefit_form (editor), "title-en"), "Closed at once");
    gtk_window_close (GTK_WINDOW (editor));
    pn_test_flush ();
    g_assert_null (find_editor ());
  }
  {
    g_autoptr(GFile) file = pn_editor_drafts_file_for_id (ZHANGZHOU_ID);
    g_autoptr(GError) error = NULL;
    g_autoptr(PnDocument) saved = pn_policy_loader_load_document_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (find_benefit (saved, PHASE_2_ID)->title.en, ==, "Closed at once");
    g_assert_true (g_file_delete (file, NULL, NULL));
  }
  g_rmdir (drafts);
  g_unsetenv ("POLICY_NAVIGATOR_DRAFTS_DIR");
}

/* ---- /pn/gui/editor/save-case ---- */

static gboolean
case_dialog_is_open (gpointer data G_GNUC_UNUSED)
{
  return find_toplevel_of_type (PN_TYPE_CASE_DIALOG) != NULL;
}

/* `pnav check FILE` on the draft: its exit status and output. */
static int
pnav_check (PnTestFixture *fixture,
            GFile         *file,
            char         **out_stdout)
{
  const char *pnav = g_getenv ("PNAV");
  g_autofree char *db = g_build_filename (fixture->db_dir, "policy-navigator.db", NULL);
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { pnav, "--db", db, "check", "--format", "json", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (pnav);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out_stdout, NULL, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* {"cases": [{"name", "passed", …}]}: the case named, passed or not */
static void
assert_check_json (const char *json,
                   const char *name,
                   gboolean    passed)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cases;
  gboolean found = FALSE;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  cases = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "cases");
  for (guint i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *pcase = json_array_get_object_element (cases, i);

      if (g_strcmp0 (json_object_get_string_member (pcase, "name"), name) != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (json_object_get_boolean_member (pcase, "passed"), ==, passed);
    }
  g_assert_true (found);
}

static void
test_save_case (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnDocument *doc = pn_editor_document_get_document (document);
  PnCaseDialog *dialog;
  PnCase *pcase;
  const PnCaseExpectation *expectation = NULL;
  g_autofree char *out = NULL;
  GtkWidget *quote;

  pn_policy_editor_select_benefit (editor, find_benefit (doc, PHASE_2_ID));
  activate (editor, "editor.toggle-reviewed");
  set_zhangzhou_client (fixture->profile);
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);

  activate (editor, "editor.save-case");
  g_assert_true (pn_test_wait (case_dialog_is_open, NULL));
  dialog = find_toplevel_of_type (PN_TYPE_CASE_DIALOG);
  {
    g_autofree char *filename = pn_test_screenshot_path ("editor-save-case");

    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (dialog), PN_TEST_FRAME_TIMEOUT_MS));
    pn_test_save_screenshot (adw_window_get_content (ADW_WINDOW (dialog)), filename);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pn_case_dialog_get_name_row (dialog))), ==,
                   "case-2026-06-01");
  g_assert_cmpuint (pn_case_dialog_get_n_expectations (dialog), >=, 1);
  /* the sentence holding the benefit's figure, 300万元 */
  quote = pn_case_dialog_get_quote_row (dialog, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (quote)), ==,
                   "对在本市注册的企业开展创新药临床试验的，完成Ⅱ期临床试验后，给予300万元奖励。");
  /* words that are not the article's are refused */
  set_text (quote, "给予三百万元");
  g_assert_false (pn_case_dialog_save (dialog));
  g_assert_cmpuint (doc->cases->len, ==, 0);
  set_text (quote, "完成Ⅱ期临床试验后，给予300万元奖励");
  set_text (pn_case_dialog_get_name_row (dialog), "phase-2-zhangzhou");
  g_assert_true (pn_case_dialog_save (dialog));
  pn_test_flush ();

  g_assert_cmpuint (doc->cases->len, ==, 1);
  pcase = g_ptr_array_index (doc->cases, 0);
  g_assert_cmpstr (pcase->name, ==, "phase-2-zhangzhou");
  g_assert_cmpstr (pcase->as_of, ==, "2026-06-01");
  g_assert_cmpstr (pcase->location, ==, "zhangzhou");
  g_assert_cmpstr (pcase->answers[PN_QUESTION_PHASE], ==, "phase-2");
  for (guint i = 0; i < pcase->expectations->len; i++)
    if (g_str_equal (((PnCaseExpectation *) g_ptr_array_index (pcase->expectations, i))->benefit_id, PHASE_2_ID))
      expectation = g_ptr_array_index (pcase->expectations, i);
  g_assert_nonnull (expectation);
  /* by hand: "给予300万元奖励", ¥3,000,000, counted */
  g_assert_cmpint (expectation->counted_cny, ==, 3000000);

  /* the saved file passes `pnav check FILE` */
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  g_assert_true (pn_test_wait (is_saved, document));
  g_assert_cmpint (pnav_check (fixture, pn_editor_document_get_file (document), &out), ==, 0);
  g_test_message ("%s", out);
  assert_check_json (out, "phase-2-zhangzhou", TRUE);

  /* listed under the details, where it can be removed */
  {
    PnDocumentForm *header = pn_policy_editor_get_document_form (editor);
    GtkWidget *group = pn_test_template_child (GTK_WIDGET (header), PN_TYPE_DOCUMENT_FORM, "cases_group");

    g_assert_true (gtk_widget_get_visible (group));
    g_assert_nonnull (pn_test_find_widget (group, ADW_TYPE_ACTION_ROW, NULL));
  }

  /* and fails when the case says something else */
  ((PnCaseExpectation *) expectation)->counted_cny = 2000000;
  pn_editor_document_changed (document);
  g_assert_true (pn_editor_document_save_now (document, NULL));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (pnav_check (fixture, pn_editor_document_get_file (document), &out), !=, 0);
  g_test_message ("%s", out);
  assert_check_json (out, "phase-2-zhangzhou", FALSE);
}

/* ---- /pn/gui/editor/supersedes ---- */

/* A new version of 厦府规〔2023〕17号: the same title, another number. */
static const char xiamen_text[] =
  "厦门市人民政府关于印发厦门市加快推进生物医药产业高质量发展若干措施的通知\n"
  "厦府规〔2026〕9号\n"
  "各区人民政府，市直各委、办、局：\n"
  "　　现将《厦门市加快推进生物医药产业高质量发展若干措施》印发给你们，请认真贯彻执行。\n"
  "厦门市人民政府\n"
  "2026年12月1日\n"
  "厦门市加快推进生物医药产业高质量发展若干措施\n"
  "一、支持研发创新\n"
  "　　（一）支持创新药研发。对完成Ⅱ期临床试验的创新药，给予最高1000万元奖励。（责任单位：市科技局）\n"
  "二、附则\n"
  "　　本措施自2027年1月1日起施行，有效期至2029年12月31日。\n";

static void
test_supersedes (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "xiamen-2026.txt", xiamen_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnDocument *doc = pn_editor_document_get_document (document);
  const char *banner = pn_policy_editor_get_supersede_banner (editor);
  const PnSupersession *supersession;

  g_assert_nonnull (banner);
  g_test_message ("%s", banner);
  g_assert_nonnull (strstr (banner, "厦府规〔2023〕17号"));
  g_assert_cmpuint (doc->supersedes->len, ==, 0);
  editor_screenshot (editor, "editor-supersedes");

  activate (editor, "editor.link-superseded");
  g_assert_cmpuint (doc->supersedes->len, ==, 1);
  supersession = g_ptr_array_index (doc->supersedes, 0);
  g_assert_cmpstr (supersession->ref, ==, "xiamen-2023-17");
  g_assert_cmpstr (supersession->from, ==, "2027-01-01");
  g_assert_null (pn_policy_editor_get_supersede_banner (editor));
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);

  /* the import says what it replaces, and from when (it said only that
   * the document "joins the policy documents") */
  {
    PnImpactDialog *dialog;
    g_autofree char *date = pn_gui_format_date ("2027-01-01");
    PnDocument *old = pn_corpus_find_header (pn_application_get_corpus (fixture->app), "xiamen-2023-17", NULL);
    g_autofree char *expected = g_strdup_printf (_("It replaces “%s” from %s: that document’s measures no longer count from then."),
                                                 pn_gui_text (&old->title), date);

    activate (editor, "editor.import");
    g_assert_true (pn_test_wait (impact_dialog_is_open, NULL));
    dialog = find_toplevel_of_type (PN_TYPE_IMPACT_DIALOG);
    g_assert_nonnull (strstr (pn_impact_dialog_get_summary (dialog), expected));
    gtk_window_destroy (GTK_WINDOW (dialog));
    pn_test_flush ();
  }
}

/* ---- /pn/gui/editor/extension ---- */

static const char notice_text[] =
  "厦门市人民政府办公厅关于延长《厦门市加快推进生物医药产业高质量发展若干措施》有效期的通知\n\n"
  "厦府办规〔2026〕15号\n\n"
  "各区人民政府，市直各委、办、局：\n\n"
  "经市政府同意，《厦门市加快推进生物医药产业高质量发展若干措施》（厦府规〔2023〕17号）有效期延长至2027年12月31日。\n\n"
  "厦门市人民政府办公厅\n2026年12月1日\n";

/* A notice extending Xiamen 2023, drafted in the window: the document
 * form shows what it extends and until when, the review asks for no
 * benefit, and the import says the document's new last day. */
static void
test_extension (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "notice.txt", notice_text);
  PnEditorDocument *document = pn_policy_editor_get_document (editor);
  PnDocument *doc = pn_editor_document_get_document (document);
  PnDocumentForm *form = pn_policy_editor_get_document_form (editor);
  AdwComboRow *row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (form), PN_TYPE_DOCUMENT_FORM,
                                                                   "extends_row"));
  const PnExtension *extension;
  GtkStringObject *selected;

  g_assert_cmpuint (doc->extends->len, ==, 1);
  extension = g_ptr_array_index (doc->extends, 0);
  g_assert_cmpstr (extension->ref, ==, "xiamen-2023-17");
  g_assert_cmpstr (extension->until, ==, "2027-12-31");
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  g_assert_cmpstr (pn_policy_editor_get_progress (editor), ==,
                   _("No benefits: check the dates and what it extends or replaces"));

  selected = GTK_STRING_OBJECT (adw_combo_row_get_selected_item (row));
  g_assert_nonnull (selected);
  g_assert_nonnull (strstr (gtk_string_object_get_string (selected), "厦府规〔2023〕17号"));
  editor_screenshot (editor, "editor-extension");

  {
    PnImpactDialog *dialog;
    g_autofree char *before = pn_gui_format_date ("2026-12-31");
    g_autofree char *after = pn_gui_format_date ("2027-12-31");
    g_autofree char *expected = g_strdup_printf (_("%s is then in force until %s (until %s before)."),
                                                 "厦府规〔2023〕17号", after, before);

    activate (editor, "editor.import");
    g_assert_true (pn_test_wait (impact_dialog_is_open, NULL));
    dialog = find_toplevel_of_type (PN_TYPE_IMPACT_DIALOG);
    g_test_message ("%s", pn_impact_dialog_get_summary (dialog));
    g_assert_nonnull (strstr (pn_impact_dialog_get_summary (dialog), expected));
    gtk_window_destroy (GTK_WINDOW (dialog));
    pn_test_flush ();
  }
}

/* ---- /pn/gui/editor/screenshot ---- */

/* A real official text drafted: the README's picture of the editor. */
static void
test_screenshot (PnTestFixture *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sources", "jinjiang-2025-8.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  PnPolicyEditor *editor;
  PnDocument *doc;
  PnArticle *article;

  pn_editor_draft_file (GTK_WINDOW (fixture->window), fixture->app, file);
  g_assert_true (pn_test_wait (editor_is_open, NULL));
  editor = find_editor ();
  doc = pn_editor_document_get_document (pn_policy_editor_get_document (editor));
  article = pn_document_find_article (doc, "1.1");
  g_assert_nonnull (article);
  g_assert_cmpuint (article->benefits->len, >=, 3);
  pn_policy_editor_select_benefit (editor, g_ptr_array_index (article->benefits, 1));
  /* opening a benefit changes nothing of it: a top-up of 40% of R&D,
   * "最高分别不超过 1000万元、2000万元、3000万元": Phase II's cap 2000万元 */
  {
    PnBenefit *benefit = g_ptr_array_index (article->benefits, 1);

    g_assert_cmpint (benefit->kind, ==, PN_BENEFIT_TOP_UP);
    g_assert_cmpint (benefit->base, ==, PN_FIGURE_RD_INVESTMENT);
    g_assert_cmpfloat_with_epsilon (benefit->rate, 0.4, 1e-9);
    g_assert_cmpint (benefit->cap, ==, 20000000);
    g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (pn_test_template_child (GTK_WIDGET (pn_policy_editor_get_benefit_form (editor)),
                                                                                         PN_TYPE_BENEFIT_FORM, "base_row"))),
                      ==, 1 + PN_FIGURE_RD_INVESTMENT);
  }
  /* rates, caps: several roles in one sentence */
  g_assert_cmpuint (pn_editor_source_get_n_highlighted (pn_policy_editor_get_source (editor)), >=, 4);
  g_assert_cmpint (wait_for_check (pn_policy_editor_get_document (editor)), ==, PN_EDITOR_CHECK_VALID);
  editor_screenshot (editor, "editor-draft");
}

/* ---- /pn/gui/editor/remove-imported ---- */

/* Policy Documents removes a document the user imported: the bundled
 * ones show no Remove button; an imported one does, and Remove shows
 * what the removal changes, then removes it. */
static void
test_remove_imported (PnTestFixture *fixture)
{
  PnImpactDialog *dialog;
  GtkWidget *reader;
  GtkWidget *button;
  PnCorpus *corpus;

  pn_test_import_shenzhen (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-article", "(ss)",
                                             "xiamen-2023-17", ""));
  pn_test_flush ();
  reader = pn_test_find_widget (GTK_WIDGET (fixture->window), PN_TYPE_READER_VIEW, NULL);
  button = pn_test_template_child (reader, PN_TYPE_READER_VIEW, "remove_document_button");
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-article", "(ss)",
                                             "shenzhen-test", ""));
  pn_test_flush ();
  g_assert_true (gtk_widget_get_visible (button));
  {
    g_autofree char *page = pn_test_screenshot_path ("reader-imported-document");

    g_assert_true (pn_test_wait_for_frame (reader, PN_TEST_FRAME_TIMEOUT_MS));
    pn_test_save_screenshot (reader, page);
  }

  gtk_widget_activate (button);
  g_assert_true (pn_test_wait (impact_dialog_is_open, NULL));
  dialog = find_toplevel_of_type (PN_TYPE_IMPACT_DIALOG);
  {
    g_autofree char *shot = pn_test_screenshot_path ("impact-removal");

    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (dialog), PN_TEST_FRAME_TIMEOUT_MS));
    pn_test_save_screenshot (adw_window_get_content (ADW_WINDOW (dialog)), shot);
  }
  g_assert_nonnull (strstr (pn_impact_dialog_get_summary (dialog),
                            pn_gui_text (&pn_corpus_find_header (pn_application_get_corpus (fixture->app),
                                                                 "shenzhen-test", NULL)->title)));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pn_test_template_child (GTK_WIDGET (dialog), PN_TYPE_IMPACT_DIALOG,
                                                                              "import_button"))),
                   ==, _("_Remove"));
  respond_and_wait_for_import (fixture, dialog, "remove");
  corpus = pn_application_get_corpus (fixture->app);
  g_assert_null (pn_corpus_find_header (corpus, "shenzhen-test", NULL));
  g_assert_nonnull (pn_corpus_find_header (corpus, "xiamen-2023-17", NULL));
}

/* ---- /pn/gui/editor/reopen-imported ---- */

static gboolean
editor_of (gpointer data)
{
  PnPolicyEditor *editor = find_editor ();

  return editor != NULL &&
         g_strcmp0 (pn_editor_document_get_document (pn_policy_editor_get_document (editor))->id, data) == 0;
}

static void
test_reopen_imported (PnTestFixture *fixture)
{
  PnPolicyEditor *editor;
  PnEditorDocument *document;
  PnImpactDialog *dialog;
  PnDocument *doc;

  /* from Policy Documents: a bundled document with readings and cases */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-document", "s",
                                             "jinjiang-2025-8"));
  g_assert_true (pn_test_wait (editor_of, "jinjiang-2025-8"));
  editor = find_editor ();
  document = pn_policy_editor_get_document (editor);
  doc = pn_editor_document_get_document (document);
  g_assert_cmpuint (doc->cases->len, >=, 5);
  /* its figures found again in its text */
  pn_policy_editor_select_article (editor, pn_document_find_article (doc, "1.1"));
  g_assert_cmpstr (pn_policy_editor_get_article (editor)->number, ==, "1.1");
  g_assert_cmpuint (pn_editor_source_get_n_highlighted (pn_policy_editor_get_source (editor)), >, 0);
  assert_progress (editor, 26, 26);
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);

  /* imported again in place of the stored one */
  activate (editor, "editor.import");
  g_assert_true (pn_test_wait (impact_dialog_is_open, NULL));
  dialog = find_toplevel_of_type (PN_TYPE_IMPACT_DIALOG);
  g_assert_nonnull (strstr (pn_impact_dialog_get_summary (dialog), pn_gui_text (&doc->title)));
  /* the id is taken: it replaces the stored one */
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (pn_test_template_child (GTK_WIDGET (dialog), PN_TYPE_IMPACT_DIALOG,
                                                                              "import_button"))),
                   ==, _("_Replace"));
  respond_and_wait_for_import (fixture, dialog, "import");
  {
    PnDocument *stored = pn_corpus_find_header (pn_application_get_corpus (fixture->app), "jinjiang-2025-8", NULL);

    g_assert_nonnull (stored);
    g_assert_true (stored->user_imported);
  }
}

/* ---- /pn/gui/editor/yearly-caps ---- */

#define JINJIANG_CLASS_2 "jinjiang-2025-8/1.2/class-2-device-registration"
#define JINJIANG_DEVICE_CAP "jinjiang-2025-8/caps/device-rd"
#define JINJIANG_INDUSTRY_CAP "jinjiang-2025-8/caps/industrialisation"

/* The row under a field that says what is wrong with it. */
static GtkWidget *
error_row (GtkWidget *widget)
{
  if (gtk_widget_has_css_class (widget, "pn-field-error"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = error_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_cap (PnBenefit  *benefit,
         const char *id)
{
  return benefit->annual_caps != NULL && g_strv_contains ((const char * const *) benefit->annual_caps, id);
}

/* The expander row of the yearly cap `id` in the form, and its parts. */
static AdwExpanderRow *
cap_row (PnBenefitForm *form,
         PnDocument    *doc,
         const char    *id)
{
  GtkWidget *group = pn_test_template_child (GTK_WIDGET (form), PN_TYPE_BENEFIT_FORM, "caps_group");
  guint n = 0;

  for (guint i = 0; i < doc->annual_caps->len; i++)
    if (g_str_equal (((PnAnnualCap *) g_ptr_array_index (doc->annual_caps, i))->id, id))
      n = i + 1;
  g_assert_cmpuint (n, >, 0);
  /* the rows, in the document's order */
  for (GtkWidget *w = pn_test_find_widget (group, ADW_TYPE_EXPANDER_ROW, NULL); w != NULL; )
    {
      if (--n == 0)
        return ADW_EXPANDER_ROW (w);
      do
        w = gtk_widget_get_next_sibling (w);
      while (w != NULL && !ADW_IS_EXPANDER_ROW (w));
    }
  g_assert_not_reached ();
}

/* A bundled document opened for review: the yearly caps the drafter or
 * the encoder set are ticked per benefit, and their amount and what they
 * are counted per can be corrected; the saved draft keeps it all. */
static void
test_yearly_caps (PnTestFixture *fixture)
{
  PnPolicyEditor *editor;
  PnEditorDocument *document;
  PnBenefitForm *form;
  PnDocument *doc;
  PnBenefit *benefit;
  const PnAnnualCap *device_cap;
  AdwExpanderRow *device_row;
  AdwExpanderRow *industry_row;
  GtkWidget *amount;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) saved = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-document", "s",
                                             "jinjiang-2025-8"));
  g_assert_true (pn_test_wait (editor_of, "jinjiang-2025-8"));
  editor = find_editor ();
  document = pn_policy_editor_get_document (editor);
  doc = pn_editor_document_get_document (document);
  form = pn_policy_editor_get_benefit_form (editor);
  benefit = find_benefit (doc, JINJIANG_CLASS_2);
  g_assert_nonnull (benefit);
  pn_policy_editor_select_benefit (editor, benefit);
  g_assert_true (gtk_widget_get_visible (pn_test_template_child (GTK_WIDGET (form), PN_TYPE_BENEFIT_FORM, "caps_group")));

  device_row = cap_row (form, doc, JINJIANG_DEVICE_CAP);
  industry_row = cap_row (form, doc, JINJIANG_INDUSTRY_CAP);
  g_assert_true (has_cap (benefit, JINJIANG_DEVICE_CAP));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (pn_test_find_widget (GTK_WIDGET (device_row), GTK_TYPE_CHECK_BUTTON, NULL))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (pn_test_find_widget (GTK_WIDGET (industry_row), GTK_TYPE_CHECK_BUTTON, NULL))));

  /* under the other cap instead */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pn_test_find_widget (GTK_WIDGET (device_row), GTK_TYPE_CHECK_BUTTON, NULL)), FALSE);
  pn_test_flush ();
  g_assert_null (benefit->annual_caps);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (pn_test_find_widget (GTK_WIDGET (industry_row), GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  pn_test_flush ();
  g_assert_true (has_cap (benefit, JINJIANG_INDUSTRY_CAP));
  g_assert_false (has_cap (benefit, JINJIANG_DEVICE_CAP));

  /* the device cap's amount and what it is counted per */
  device_cap = pn_document_find_annual_cap (doc, JINJIANG_DEVICE_CAP);
  g_assert_cmpint (device_cap->amount, ==, 8000000);
  amount = pn_test_find_widget (GTK_WIDGET (device_row), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_nonnull (amount);
  set_text (amount, "很多");
  g_assert_cmpint (device_cap->amount, ==, 8000000);
  g_assert_true (gtk_widget_get_visible (error_row (GTK_WIDGET (device_row))));
  set_text (amount, "");
  g_assert_cmpint (device_cap->amount, ==, 8000000);
  g_assert_true (gtk_widget_get_visible (error_row (GTK_WIDGET (device_row))));
  set_text (amount, "900万元");
  g_assert_cmpint (device_cap->amount, ==, 9000000);
  g_assert_false (gtk_widget_get_visible (error_row (GTK_WIDGET (device_row))));
  adw_combo_row_set_selected (ADW_COMBO_ROW (pn_test_find_widget (GTK_WIDGET (device_row), ADW_TYPE_COMBO_ROW, NULL)),
                              2 /* pers[3]: project */);
  pn_test_flush ();
  g_assert_cmpstr (device_cap->per, ==, "project");
  g_assert_cmpint (wait_for_check (document), ==, PN_EDITOR_CHECK_VALID);
  adw_expander_row_set_expanded (device_row, TRUE);
  gtk_widget_grab_focus (amount);
  editor_screenshot (editor, "editor-yearly-cap");

  /* saved as edited */
  g_assert_true (pn_test_wait (is_saved, document));
  saved = pn_policy_loader_load_document_file (pn_editor_document_get_file (document), NULL, &error);
  g_assert_no_error (error);
  benefit = find_benefit (saved, JINJIANG_CLASS_2);
  g_assert_true (has_cap (benefit, JINJIANG_INDUSTRY_CAP));
  g_assert_false (has_cap (benefit, JINJIANG_DEVICE_CAP));
  g_assert_cmpint (pn_document_find_annual_cap (saved, JINJIANG_DEVICE_CAP)->amount, ==, 9000000);
  g_assert_cmpstr (pn_document_find_annual_cap (saved, JINJIANG_DEVICE_CAP)->per, ==, "project");
}

/* ---- /pn/gui/editor/narrow ---- */

static void
resize_editor (PnPolicyEditor *editor,
               int             width)
{
  gtk_window_set_default_size (GTK_WINDOW (editor), width, 700);
  for (int i = 0; i < 3; i++)
    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (editor), PN_TEST_FRAME_TIMEOUT_MS));
}

static void
test_narrow (PnTestFixture *fixture)
{
  PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
  GtkWidget *content = adw_window_get_content (ADW_WINDOW (editor));
  AdwLeaflet *leaflet = ADW_LEAFLET (pn_test_template_child (GTK_WIDGET (editor), PN_TYPE_POLICY_EDITOR, "leaflet"));
  PnDocument *doc = pn_editor_document_get_document (pn_policy_editor_get_document (editor));

  resize_editor (editor, 360);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (content), ==, 360);

  /* the articles first */
  adw_leaflet_set_visible_child_name (leaflet, "articles");
  resize_editor (editor, 360);
  pn_test_assert_within_width (content, 360);
  editor_screenshot (editor, "editor-narrow-articles");

  /* an article's text, Back in the header bar */
  pn_policy_editor_select_article (editor, pn_document_find_article (doc, "1.1"));
  resize_editor (editor, 360);
  g_assert_true (gtk_widget_get_visible (pn_test_template_child (GTK_WIDGET (editor), PN_TYPE_POLICY_EDITOR,
                                                                 "back_button")));
  pn_test_assert_within_width (content, 360);
  editor_screenshot (editor, "editor-narrow-text");

  /* a benefit's form */
  pn_policy_editor_select_benefit (editor, find_benefit (doc, PHASE_2_ID));
  resize_editor (editor, 360);
  pn_test_assert_within_width (content, 360);
  editor_screenshot (editor, "editor-narrow-form");

  /* the details */
  pn_policy_editor_show_details (editor);
  resize_editor (editor, 360);
  pn_test_assert_within_width (content, 360);

  /* Back goes up: form → text → articles */
  pn_policy_editor_select_benefit (editor, find_benefit (doc, PHASE_2_ID));
  activate (editor, "editor.back");
  activate (editor, "editor.back");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "articles");
}

/* ---- /pn/gui/editor/menu ---- */

static void
test_menu (PnTestFixture *fixture)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), "app.new-policy");
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/pnav/PolicyNavigator/ui/shortcuts-dialog.ui");
  GtkWidget *dialog = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts_dialog"));
  gboolean listed = FALSE;

  g_assert_nonnull (accels[0]);
  g_assert_cmpstr (accels[0], ==, "<Shift><Control>o");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "new-policy"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (fixture->app), "open-draft"));

  /* in the shortcuts window */
  {
    g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

    for (GSList *l = objects; l != NULL; l = l->next)
      if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        {
          g_autofree char *accelerator = NULL;

          g_object_get (l->data, "accelerator", &accelerator, NULL);
          listed |= g_strcmp0 (accelerator, accels[0]) == 0;
        }
  }
  g_assert_true (listed);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a text dropped on the window is drafted and opens in the editor */
  {
    g_autofree char *path = write_text (fixture, "dropped.txt", zhangzhou_text);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GSList) files = g_slist_prepend (NULL, file);
    GdkFileList *list = gdk_file_list_new_from_list (files);
    GtkDropTarget *target = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
    GValue value = G_VALUE_INIT;
    gboolean accepted = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, list);
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
    g_value_unset (&value);
    g_assert_true (accepted);
    g_assert_true (pn_test_wait (editor_is_open, NULL));
    g_assert_cmpstr (pn_editor_document_get_document (pn_policy_editor_get_document (find_editor ()))->id, ==,
                     ZHANGZHOU_ID);
    gtk_window_destroy (GTK_WINDOW (find_editor ()));
  }

  /* Save As: the draft lives there from now on, and is listed */
  {
    PnPolicyEditor *editor = NULL;
    g_autofree char *path = g_build_filename (fixture->out_dir, "kept-here.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFile) in_drafts = pn_editor_drafts_file_for_id (ZHANGZHOU_ID);
    g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) drafts = NULL;
    g_autoptr(PnDocument) saved = NULL;
    PnEditorDocument *document;

    editor = pn_editor_open_file (GTK_WINDOW (fixture->window), fixture->app, in_drafts);
    g_assert_nonnull (editor);
    document = pn_policy_editor_get_document (editor);
    g_assert_true (pn_editor_document_set_file (document, file, &error));
    g_assert_no_error (error);
    pn_editor_drafts_remember (settings, file);
    g_assert_true (pn_editor_drafts_discard (settings, in_drafts, NULL));
    pn_policy_editor_select_benefit (editor, find_benefit (pn_editor_document_get_document (document), PHASE_2_ID));
    set_text (pn_benefit_form_get_field (pn_policy_editor_get_benefit_form (editor), "title-en"), "Kept here");
    g_assert_true (pn_test_wait (is_saved, document));
    saved = pn_policy_loader_load_document_file (file, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (find_benefit (saved, PHASE_2_ID)->title.en, ==, "Kept here");
    drafts = pn_editor_drafts_list (settings);
    g_assert_cmpuint (drafts->len, ==, 1);
    g_assert_true (g_file_equal (((PnEditorDraftInfo *) g_ptr_array_index (drafts, 0))->file, file));
    gtk_window_destroy (GTK_WINDOW (editor));
    /* discarding a draft kept elsewhere forgets it, the file stays */
    g_assert_true (pn_editor_drafts_discard (settings, file, NULL));
    g_assert_true (g_file_query_exists (file, NULL));
    g_clear_pointer (&drafts, g_ptr_array_unref);
    drafts = pn_editor_drafts_list (settings);
    g_assert_cmpuint (drafts->len, ==, 0);
    g_assert_true (g_file_delete (file, NULL, NULL));
  }

  /* Discard, an edit not yet written: the draft is gone for good */
  {
    PnPolicyEditor *editor = draft_and_open (fixture, "zhangzhou.txt", zhangzhou_text);
    PnEditorDocument *document = pn_policy_editor_get_document (editor);
    g_autoptr(GFile) draft = pn_editor_drafts_file_for_id (ZHANGZHOU_ID);
    AdwMessageDialog *question;

    g_assert_true (pn_test_wait (is_saved, document));
    g_assert_true (g_file_query_exists (draft, NULL));
    pn_policy_editor_select_benefit (editor, find_benefit (pn_editor_document_get_document (document), PHASE_2_ID));
    set_text (pn_benefit_form_get_field (pn_policy_editor_get_benefit_form (editor), "title-en"), "Never kept");
    g_assert_false (pn_editor_document_get_saved (document));
    activate (editor, "editor.discard");
    g_assert_true (pn_test_wait (message_dialog_is_open, NULL));
    question = pn_test_find_message_dialog ();
    adw_message_dialog_response (question, "discard");
    pn_test_flush ();
    g_assert_null (find_editor ());
    /* past the pause a pending write would have waited for */
    g_usleep (2 * 1000 * PN_EDITOR_SAVE_DELAY_MS);
    pn_test_flush ();
    g_assert_false (g_file_query_exists (draft, NULL));
  }

  /* a file the app cannot draft is refused in one line naming it */
  {
    g_autofree char *path = write_text (fixture, "empty.txt", "   \n");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    AdwMessageDialog *message;

    pn_editor_draft_file (GTK_WINDOW (fixture->window), fixture->app, file);
    g_assert_true (pn_test_wait (message_dialog_is_open, NULL));
    message = pn_test_find_message_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "empty.txt"));
    g_assert_null (strchr (adw_message_dialog_get_body (message), '\n'));
    g_assert_null (find_editor ());
  }
}

int
main (int   argc,
      char *argv[])
{
  static const PnTestCase tests[] = {
    { "/pn/gui/editor/review-import", test_review_import },
    { "/pn/gui/editor/validation", test_validation },
    { "/pn/gui/editor/requirements", test_requirements },
    { "/pn/gui/editor/combined-limit", test_combined_limit },
    { "/pn/gui/editor/yearly-caps", test_yearly_caps },
    { "/pn/gui/editor/issue-lines", test_issue_lines },
    { "/pn/gui/editor/impact", test_impact },
    { "/pn/gui/editor/autosave-kill", test_autosave_kill },
    { "/pn/gui/editor/save-case", test_save_case },
    { "/pn/gui/editor/supersedes", test_supersedes },
    { "/pn/gui/editor/extension", test_extension },
    { "/pn/gui/editor/reopen-imported", test_reopen_imported },
    { "/pn/gui/editor/remove-imported", test_remove_imported },
    { "/pn/gui/editor/screenshot", test_screenshot },
    { "/pn/gui/editor/narrow", test_narrow },
    { "/pn/gui/editor/menu", test_menu },
  };

  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);
  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), NULL,
                         &(PnTestAppOptions) { .width = 1000, .height = 700 });

  return g_test_run ();
}
