/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-assistant"

#include "config.h"

#include "assistant/date/pn-date-page.h"
#include "assistant/device/pn-device-page.h"
#include "assistant/drug/pn-drug-page.h"
#include "assistant/figures/pn-figures-page.h"
#include "assistant/location/pn-location-page.h"
#include "assistant/milestone/pn-milestone-page.h"
#include "assistant/pn-assistant.h"
#include "assistant/pn-choice-group.h"
#include "assistant/product/pn-product-page.h"
#include "pn-application.h"
#include "pn-date-chooser.h"
#include "pn-gui-util.h"
#include "pn-money.h"
#include "pn-test-util.h"
#include "pn-engine.h"
#include "pn-store.h"
#include "pn-window.h"
#include "reader/pn-reader-view.h"
#include "results/pn-measure-detail.h"
#include "results/pn-result-row.h"
#include "results/pn-results-view.h"

#include <glib/gi18n.h>
#include <string.h>

/* The scenario's measure: Xiamen, 厦府规〔2023〕17号 article 1, "对在本市转化的创新药
 * …完成Ⅰ、Ⅱ、Ⅲ期临床试验的，按照研发投入最高不超过 40%的标准，分别给予最高不超过
 * 1000 万元、2000 万元、3000 万元的奖励": 40% of ¥30,000,000 R&D is
 * ¥12,000,000, under the Phase II cap of ¥20,000,000. */
#define XIAMEN_PHASE_2 "xiamen-2023-17/1/innovative-phase-2"
#define XIAMEN_DOC_NUMBER "厦府规〔2023〕17号"
#define XIAMEN_PHASE_2_AMOUNT "¥12,000,000"

/* The application, its window and the view under test: pn-test-util. */
typedef PnTestFixture Fixture;

static PnResultsView *
results_view (Fixture *fixture)
{
  return PN_RESULTS_VIEW (pn_window_get_view (fixture->window, "results"));
}

static GtkWidget *
next_button (Fixture *fixture)
{
  return pn_test_window_child (fixture->window, "next_button");
}

static PnPage *
current_page (Fixture *fixture)
{
  return pn_assistant_get_current_page (fixture->view);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  PnPage *page = current_page (fixture);
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), G_OBJECT_TYPE (page), name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

/* Selects a radio row of the current page, as a click on it would. */
static void
choose (Fixture    *fixture,
        const char *group_name,
        const char *id)
{
  GtkWidget *root = group_name != NULL ? page_child (fixture, group_name) : GTK_WIDGET (current_page (fixture));
  GtkWidget *row = pn_test_find_widget (root, ADW_TYPE_ACTION_ROW, id);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

static gboolean
next_sensitive (Fixture *fixture)
{
  return gtk_widget_get_visible (next_button (fixture)) &&
         gtk_widget_is_sensitive (next_button (fixture));
}

static void
press_next (Fixture *fixture)
{
  g_assert_true (next_sensitive (fixture));
  /* gtk_widget_activate() would click only after the pressed look's delay. */
  g_signal_emit_by_name (next_button (fixture), "clicked");
  pn_test_flush ();
}

/* The date page's own "See Results": the header has no Next there. */
static void
see_results (Fixture *fixture)
{
  GtkWidget *button;

  g_assert_true (PN_IS_DATE_PAGE (current_page (fixture)));
  g_assert_false (gtk_widget_get_visible (next_button (fixture)));
  button = page_child (fixture, "results_button");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pn_test_flush ();
}

static PnResultRow *
find_row (GtkListBox *list,
          const char *benefit_id)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      if (g_strcmp0 (pn_result_row_get_benefit_id (PN_RESULT_ROW (row)), benefit_id) == 0)
        return PN_RESULT_ROW (row);
    }

  return NULL;
}

static const char *
row_label (PnResultRow *row,
           const char  *name)
{
  GObject *label = gtk_widget_get_template_child (GTK_WIDGET (row), PN_TYPE_RESULT_ROW, name);

  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkListBox *
results_list (Fixture    *fixture,
              const char *name)
{
  GObject *list = gtk_widget_get_template_child (GTK_WIDGET (results_view (fixture)),
                                                 PN_TYPE_RESULTS_VIEW, name);

  g_assert_true (GTK_IS_LIST_BOX (list));

  return GTK_LIST_BOX (list);
}

static char *
expected_citation (void)
{
  /* "厦府规〔2023〕17号 art. 1" in English, 第1条 in Chinese. */
  return g_strdup_printf (pn_gui_get_lang () == PN_LANG_ZH ? "%s第%s条" : "%s art. %s", XIAMEN_DOC_NUMBER, "1");
}

/* /pn/gui/assistant/declared-place: a new city's measures, imported with
 * the place their document declares (<local-locations>), are offered on the
 * first page, under the taxonomy's places. */
static void
test_declared_place (Fixture *fixture)
{
  GtkWidget *row;

  pn_test_import_shenzhen (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  pn_test_flush ();
  g_assert_true (PN_IS_LOCATION_PAGE (current_page (fixture)));

  row = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ACTION_ROW, "shenzhen");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   pn_gui_get_lang () == PN_LANG_ZH ? "深圳市" : "Shenzhen");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            _("%s · from an imported document") + strlen ("%s")));
  g_assert_nonnull (pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ACTION_ROW, "xiamen"));

  choose (fixture, NULL, "shenzhen");
  g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "shenzhen");
  g_assert_true (next_sensitive (fixture));
  gtk_widget_grab_focus (row);
  pn_test_flush ();
  pn_test_window_screenshot (fixture->window, "assistant-declared-place");
}

/* /pn/gui/assistant/scenario: the five questions to a cited estimate, by
 * the real widgets. */
static void
test_scenario (Fixture *fixture)
{
  g_autofree char *citation = expected_citation ();
  g_autoptr(GDateTime) new_year_2019 = NULL;
  GtkWidget *entry;
  GtkLabel *feedback;
  GtkWidget *calendar;
  PnResultRow *row;
  GtkListBox *counted;
  gint64 start, elapsed;

  if (pn_gui_get_lang () == PN_LANG_EN)
    g_assert_cmpstr (citation, ==, "厦府规〔2023〕17号 art. 1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");

  /* Location: nothing chosen, so Next is insensitive. */
  g_assert_true (PN_IS_LOCATION_PAGE (current_page (fixture)));
  g_assert_false (next_sensitive (fixture));
  g_assert_false (pn_assistant_get_can_go_next (fixture->view));
  /* the greyed-out button says what it waits for */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (next_button (fixture)), ==, _("Answer this question to go on"));
  pn_test_window_screenshot (fixture->window, "assistant-location-empty");

  /* The search filters the places; Jinjiang is found by its city. */
  {
    GtkEditable *search = GTK_EDITABLE (page_child (fixture, "search_entry"));
    GtkWidget *jinjiang = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ACTION_ROW, "jinjiang");
    GtkWidget *xiamen = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ACTION_ROW, "xiamen");

    gtk_editable_set_text (search, "quanzhou");
    pn_test_flush ();
    g_assert_true (gtk_widget_get_child_visible (jinjiang));
    g_assert_false (gtk_widget_get_child_visible (xiamen));
    gtk_editable_set_text (search, "厦门");
    pn_test_flush ();
    g_assert_true (gtk_widget_get_child_visible (xiamen));
    g_assert_false (gtk_widget_get_child_visible (jinjiang));
    gtk_editable_set_text (search, "");
    pn_test_flush ();
  }

  choose (fixture, NULL, "xiamen");
  g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "xiamen");
  g_assert_true (next_sensitive (fixture));
  pn_test_window_screenshot (fixture->window, "assistant-location");
  press_next (fixture);

  /* Product */
  g_assert_true (PN_IS_PRODUCT_PAGE (current_page (fixture)));
  g_assert_false (next_sensitive (fixture));
  choose (fixture, "product_group", "drug");
  g_assert_cmpstr (pn_profile_get_answer (fixture->profile, PN_QUESTION_PRODUCT), ==, "drug");
  pn_test_window_screenshot (fixture->window, "assistant-product");
  press_next (fixture);

  /* Drug: the class alone is not enough. */
  g_assert_true (PN_IS_DRUG_PAGE (current_page (fixture)));
  choose (fixture, "drug_class_group", "innovative");
  g_assert_false (next_sensitive (fixture));
  choose (fixture, "modality_group", "chemical");
  g_assert_true (next_sensitive (fixture));
  pn_test_window_screenshot (fixture->window, "assistant-drug");
  press_next (fixture);

  /* No device page for a drug. */
  g_assert_true (PN_IS_MILESTONE_PAGE (current_page (fixture)));
  {
    GtkWidget *device_page = pn_test_find_widget (GTK_WIDGET (fixture->view), PN_TYPE_DEVICE_PAGE, NULL);

    g_assert_false (pn_page_get_applies (PN_PAGE (device_page)));
  }
  g_assert_false (next_sensitive (fixture));
  choose (fixture, "phase_group", "phase-2");
  pn_test_window_screenshot (fixture->window, "assistant-milestone");
  press_next (fixture);

  /* Figures: "3000万" in the R&D entry row. */
  g_assert_true (PN_IS_FIGURES_PAGE (current_page (fixture)));
  entry = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ENTRY_ROW, "rd-investment");
  g_assert_nonnull (entry);
  feedback = GTK_LABEL (pn_test_find_widget (GTK_WIDGET (current_page (fixture)), GTK_TYPE_LABEL,
                                             "rd-investment-feedback"));
  g_assert_nonnull (feedback);

  /* Invalid input is marked and never reaches the profile. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "3000x");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (pn_profile_get_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT), ==, PN_YUAN_UNSET);
  g_assert_false (next_sensitive (fixture));

  start = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), "3000万");
  elapsed = g_get_monotonic_time () - start;
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (pn_profile_get_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT), ==, 30000000);
  g_assert_cmpstr (gtk_label_get_text (feedback), ==, "¥30,000,000 · 3,000万元");
  g_assert_true (next_sensitive (fixture));
  g_test_message ("benchmark: a figure typed in the assistant → every page and view updated in %.2f ms "
                  "(the hidden results view reran the engine, %u measures)",
                  elapsed / 1000.0,
                  pn_results_get_n_results (pn_results_view_get_results (results_view (fixture))));
  pn_test_window_screenshot (fixture->window, "assistant-figures");
  press_next (fixture);

  /* Date: today, the last page. */
  g_assert_true (PN_IS_DATE_PAGE (current_page (fixture)));
  g_assert_null (pn_profile_get_as_of (fixture->profile));
  /* One "See Results", the page's: the header's Next is gone. */
  g_assert_false (gtk_widget_get_visible (next_button (fixture)));
  pn_test_window_screenshot (fixture->window, "assistant-date");
  see_results (fixture);

  /* Results: 厦府规〔2023〕17号 art. 1 counts ¥12,000,000. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
  counted = results_list (fixture, "counted_list");
  row = find_row (counted, XIAMEN_PHASE_2);
  g_assert_nonnull (row);
  /* the citation, then when the measure ends (today: before 2026-12-31) */
  {
    /* (the words kept whole: no-break spaces) */
    g_autofree char *ends = g_strdup_printf (_("%s · %s"), citation,
                                             pn_gui_get_lang () == PN_LANG_ZH ? "有效期至2026年12月31日"
                                             : "in\u00a0force\u00a0until\u00a031\u00a0December\u00a02026");

    g_assert_cmpstr (row_label (row, "citation_label"), ==, ends);
  }
  g_assert_cmpstr (row_label (row, "amount_label"), ==, XIAMEN_PHASE_2_AMOUNT);
  g_assert_cmpstr (row_label (row, "status_label"), ==, _("In force"));
  /* under the total, what it is computed from */
  {
    GObject *summary = gtk_widget_get_template_child (GTK_WIDGET (results_view (fixture)),
                                                      PN_TYPE_RESULTS_VIEW, "summary_label");
    const char *text = gtk_label_get_text (GTK_LABEL (summary));

    g_assert_nonnull (strchr (text, '\n'));
    g_assert_nonnull (strstr (text, pn_gui_get_lang () == PN_LANG_ZH ? "厦门市" : "Xiamen"));
  }
  pn_test_window_screenshot (fixture->window, "results");

  /* An answer changed with the results on screen: 40% of ¥40,000,000 is
   * ¥16,000,000, under the ¥20,000,000 cap; the row says so at once. */
  for (guint run = 0; run < 2; run++)
    {
      start = g_get_monotonic_time ();
      pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, run == 0 ? 40000000 : 30000000);
      elapsed = g_get_monotonic_time () - start;
      row = find_row (counted, XIAMEN_PHASE_2);
      g_assert_nonnull (row);
      g_assert_cmpstr (row_label (row, "amount_label"), ==, run == 0 ? "¥16,000,000" : XIAMEN_PHASE_2_AMOUNT);
      g_test_message ("benchmark: an answer changed on the results page → engine + results view "
                      "(%u measures) in %.2f ms; every page and view in %.2f ms",
                      pn_results_get_n_results (pn_results_view_get_results (results_view (fixture))),
                      pn_results_view_get_last_refresh_usec (results_view (fixture)) / 1000.0,
                      elapsed / 1000.0);
    }

  /* Its detail: activating the row. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  pn_test_flush ();
  {
    GObject *detail = gtk_widget_get_template_child (GTK_WIDGET (results_view (fixture)),
                                                     PN_TYPE_RESULTS_VIEW, "detail");
    GObject *detail_citation = gtk_widget_get_template_child (GTK_WIDGET (detail), PN_TYPE_MEASURE_DETAIL,
                                                              "citation_label");
    GObject *original = gtk_widget_get_template_child (GTK_WIDGET (detail), PN_TYPE_MEASURE_DETAIL,
                                                       "original_label");

    g_assert_cmpstr (pn_measure_detail_get_benefit_id (PN_MEASURE_DETAIL (detail)), ==, XIAMEN_PHASE_2);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (detail_citation)), ==, citation);
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (original)), "完成Ⅰ、Ⅱ、Ⅲ期临床试验"));
  }
  pn_test_window_screenshot (fixture->window, "measure-detail");

  /* 1 January 2019, on the date page's calendar: 厦府规〔2023〕17号 was not in
   * force yet, so nothing is counted. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-answers", NULL));
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  g_assert_true (PN_IS_LOCATION_PAGE (current_page (fixture)));
  while (!PN_IS_DATE_PAGE (current_page (fixture)))
    press_next (fixture);

  calendar = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), GTK_TYPE_CALENDAR, NULL);
  g_assert_nonnull (calendar);
  new_year_2019 = g_date_time_new_local (2019, 1, 1, 0, 0, 0);
  start = g_get_monotonic_time ();
  gtk_calendar_select_day (GTK_CALENDAR (calendar), new_year_2019);
  elapsed = g_get_monotonic_time () - start;
  g_assert_cmpstr (pn_profile_get_as_of (fixture->profile), ==, "2019-01-01");
  g_test_message ("benchmark: the date changed in the assistant → every page and view updated in %.2f ms",
                  elapsed / 1000.0);
  pn_test_window_screenshot (fixture->window, "assistant-date-2019");

  see_results (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
  g_assert_null (gtk_list_box_get_row_at_index (counted, 0));
  g_assert_null (find_row (counted, XIAMEN_PHASE_2));
  g_assert_cmpint (pn_results_get_total (pn_results_view_get_results (results_view (fixture))), ==, 0);
  pn_test_window_screenshot (fixture->window, "results-2019");

  /* Back to today from the results page's own date button. */
  {
    GObject *chooser = gtk_widget_get_template_child (GTK_WIDGET (results_view (fixture)),
                                                      PN_TYPE_RESULTS_VIEW, "date_chooser");
    GObject *today = gtk_widget_get_template_child (GTK_WIDGET (chooser), PN_TYPE_DATE_CHOOSER,
                                                    "today_button");

    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (today)));
    start = g_get_monotonic_time ();
    g_signal_emit_by_name (today, "clicked");
    elapsed = g_get_monotonic_time () - start;
    g_test_message ("benchmark: the date changed on the results page → engine + results view "
                    "(%u measures) in %.2f ms; every page and view in %.2f ms",
                    pn_results_get_n_results (pn_results_view_get_results (results_view (fixture))),
                    pn_results_view_get_last_refresh_usec (results_view (fixture)) / 1000.0,
                    elapsed / 1000.0);
    g_assert_null (pn_profile_get_as_of (fixture->profile));
    row = find_row (counted, XIAMEN_PHASE_2);
    g_assert_nonnull (row);
    g_assert_cmpstr (row_label (row, "amount_label"), ==, XIAMEN_PHASE_2_AMOUNT);
  }
}

/* /pn/gui/assistant/device: a device gets the device page, not the drug one. */
static void
test_device (Fixture *fixture)
{
  GtkWidget *drug_page = pn_test_find_widget (GTK_WIDGET (fixture->view), PN_TYPE_DRUG_PAGE, NULL);
  GtkWidget *innovative;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  choose (fixture, NULL, "jinjiang");
  press_next (fixture);
  choose (fixture, "product_group", "device");
  press_next (fixture);

  g_assert_true (PN_IS_DEVICE_PAGE (current_page (fixture)));
  g_assert_false (pn_page_get_applies (PN_PAGE (drug_page)));
  g_assert_false (next_sensitive (fixture));
  choose (fixture, "device_class_group", "class-3");
  g_assert_true (next_sensitive (fixture));

  innovative = page_child (fixture, "innovative_switch");
  gtk_switch_set_active (GTK_SWITCH (innovative), TRUE);
  g_assert_cmpstr (pn_profile_get_answer (fixture->profile, PN_QUESTION_INNOVATIVE_DEVICE), ==, "true");
  pn_test_window_screenshot (fixture->window, "assistant-device");
  /* its milestones are no clinical phases, nor is their hint */
  {
    GtkWidget *milestone = pn_test_find_widget (GTK_WIDGET (fixture->view), PN_TYPE_MILESTONE_PAGE, NULL);
    GObject *hint = gtk_widget_get_template_child (milestone, PN_TYPE_MILESTONE_PAGE, "hint_label");

    pn_page_update (PN_PAGE (milestone));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hint)), ==,
                     _("Most awards are paid once a milestone is reached. Choose the last one reached: "
                       "a product whose registration certificate was issued is registered, even before "
                       "its first sales."));
  }

  /* Policy Documents opened in the middle of the questions: Back is back
   * to the question, with its answers, not to results or the welcome. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-documents", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "documents");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  g_assert_true (PN_IS_DEVICE_PAGE (current_page (fixture)));
  g_assert_cmpstr (pn_profile_get_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS), ==, "class-3");

  /* Back to the product, then a drug instead: the device answers go. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  g_assert_true (PN_IS_PRODUCT_PAGE (current_page (fixture)));
  choose (fixture, "product_group", "drug");
  g_assert_null (pn_profile_get_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS));
  g_assert_null (pn_profile_get_answer (fixture->profile, PN_QUESTION_INNOVATIVE_DEVICE));
  press_next (fixture);
  g_assert_true (PN_IS_DRUG_PAGE (current_page (fixture)));

  /* An organisation has neither page and names its kind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  choose (fixture, "product_group", "organisation");
  g_assert_false (next_sensitive (fixture));
  choose (fixture, "entity_group", "cro");
  g_assert_true (next_sensitive (fixture));
  pn_test_window_screenshot (fixture->window, "assistant-product-organisation");
  press_next (fixture);
  g_assert_false (PN_IS_DRUG_PAGE (current_page (fixture)));
  g_assert_false (PN_IS_DEVICE_PAGE (current_page (fixture)));
}

/* /pn/gui/assistant/keyboard: Enter is Next and Escape is Back. */
static void
test_keyboard (Fixture *fixture)
{
  GtkShortcutController *controller = NULL;
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
  gboolean has_enter = FALSE;
  gboolean has_escape = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && controller == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (item))
        controller = GTK_SHORTCUT_CONTROLLER (item);
    }
  g_assert_nonnull (controller);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

      g_test_message ("shortcut %s → %s", trigger, action);
      if (strstr (trigger, "Return") != NULL)
        {
          g_assert_cmpstr (action, ==, "action(assistant.next)");
          has_enter = TRUE;
        }
      if (strstr (trigger, "Escape") != NULL)
        {
          g_assert_cmpstr (action, ==, "action(assistant.back)");
          has_escape = TRUE;
        }
    }
  g_object_unref (controllers);
  g_assert_true (has_enter);
  g_assert_true (has_escape);

  /* The actions the keys run follow the page's state. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assistant.next", NULL);
  g_assert_true (PN_IS_LOCATION_PAGE (current_page (fixture)));
  choose (fixture, NULL, "fuzhou");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assistant.next", NULL));
  g_assert_true (PN_IS_PRODUCT_PAGE (current_page (fixture)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "assistant.back", NULL));
  g_assert_true (PN_IS_LOCATION_PAGE (current_page (fixture)));

  /* Type, Enter chooses the first match, Enter again goes on. */
  {
    GtkWidget *search = page_child (fixture, "search_entry");

    gtk_editable_set_text (GTK_EDITABLE (search), "jinj");
    g_signal_emit_by_name (search, "activate");
    g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "jinjiang");
    g_assert_true (PN_IS_LOCATION_PAGE (current_page (fixture)));
    g_signal_emit_by_name (search, "activate");
    g_assert_true (PN_IS_PRODUCT_PAGE (current_page (fixture)));
  }

  /* Enter on a row Tab merely passed, in a question already answered:
   * the answer stays and the questions go on (it chose the row: "Chemical
   * drug" became "Biologic" unseen).  In a question not yet answered,
   * Enter chooses the row and goes on. */
  {
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->view));
    GtkWidget *row;
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (item))
          keys = GTK_EVENT_CONTROLLER (item);
      }
    g_object_unref (controllers);
    g_assert_nonnull (keys);

    row = pn_test_find_widget (page_child (fixture, "product_group"), ADW_TYPE_ACTION_ROW, "drug");
    gtk_widget_grab_focus (row);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    pn_test_flush ();
    g_assert_true (handled);
    g_assert_cmpstr (pn_profile_get_answer (fixture->profile, PN_QUESTION_PRODUCT), ==, "drug");
    g_assert_true (PN_IS_DRUG_PAGE (current_page (fixture)));

    choose (fixture, "drug_class_group", "innovative");
    pn_test_flush ();
    row = pn_test_find_widget (page_child (fixture, "drug_class_group"), ADW_TYPE_ACTION_ROW, "generic");
    g_assert_nonnull (row);
    gtk_widget_grab_focus (row);
    handled = FALSE;
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    pn_test_flush ();
    g_assert_true (handled);
    g_assert_cmpstr (pn_profile_get_answer (fixture->profile, PN_QUESTION_DRUG_CLASS), ==, "innovative");
    /* the page asks the modality too: the keyboard is on it */
    g_assert_true (PN_IS_DRUG_PAGE (current_page (fixture)));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                           page_child (fixture, "modality_group")));

    choose (fixture, "modality_group", "chemical");
    pn_test_flush ();
    g_assert_true (next_sensitive (fixture));
    row = pn_test_find_widget (page_child (fixture, "modality_group"), ADW_TYPE_ACTION_ROW, "biologic");
    g_assert_nonnull (row);
    gtk_widget_grab_focus (row);
    handled = FALSE;
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    pn_test_flush ();
    g_assert_true (handled);
    g_assert_cmpstr (pn_profile_get_answer (fixture->profile, PN_QUESTION_MODALITY), ==, "chemical");
    g_assert_false (PN_IS_DRUG_PAGE (current_page (fixture)));
  }
}

/* /pn/gui/results/answer: a possible measure's button opens the question. */
static void
test_answer_jump (Fixture *fixture)
{
  GtkListBox *possible;
  GtkListBoxRow *row;
  PnResultRow *with_key = NULL;
  GObject *button;
  const char *key;

  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));

  possible = results_list (fixture, "possible_list");
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (possible, i)) != NULL && with_key == NULL; i++)
    {
      if (pn_result_row_get_missing_key (PN_RESULT_ROW (row)) != NULL)
        with_key = PN_RESULT_ROW (row);
    }
  g_assert_nonnull (with_key);
  key = pn_result_row_get_missing_key (with_key);
  g_test_message ("%s needs “%s”", pn_result_row_get_benefit_id (with_key), key);

  button = gtk_widget_get_template_child (GTK_WIDGET (with_key), PN_TYPE_RESULT_ROW, "answer_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  pn_test_flush ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  g_assert_true (pn_page_asks (current_page (fixture), key));
}

/* /pn/gui/results/answer-threshold-first: a measure that needs both its
 * threshold's figure and its base asks first for the threshold's, which
 * its reason names ("Needs the total investment (over ¥50,000,000)" was
 * shown above "Answer: Equipment investment") */
static void
test_answer_threshold_first (Fixture *fixture)
{
  g_autoptr(PnResults) results = NULL;
  gboolean found = FALSE;

  pn_profile_set_location (fixture->profile, "jinjiang");
  pn_profile_set_as_of (fixture->profile, "2026-06-01");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "device");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS, "class-3");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DEVICE_TYPE, "imaging");
  results = pn_engine_evaluate (pn_application_get_corpus (fixture->app), fixture->profile, NULL);
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);

      if (g_strcmp0 (result->benefit->id, "jinjiang-2025-8/3.1/new-project-equipment-device") != 0)
        continue;
      found = TRUE;
      g_assert_cmpint (result->not_counted, ==, PN_NOT_COUNTED_MISSING_FIGURE);
      g_assert_cmpstr (pn_result_find_missing_key (result, fixture->profile), ==, "total-investment");
      pn_profile_set_figure (fixture->profile, PN_FIGURE_TOTAL_INVESTMENT, 60000000);
      g_assert_cmpstr (pn_result_find_missing_key (result, fixture->profile), ==,
                       pn_figure_to_string (result->benefit->base));
    }
  g_assert_true (found);

  /* a possible match waiting on the authority's recognition (the special
   * review answered no): no page asks it, so no button (it offered the
   * R&D figure, which the reason names nowhere) */
  {
    g_autoptr(PnResults) review = NULL;
    const PnResult *result;

    pn_profile_set_answer (fixture->profile, PN_QUESTION_INNOVATIVE_DEVICE, "false");
    pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "registered");
    review = pn_engine_evaluate (pn_application_get_corpus (fixture->app), fixture->profile, NULL);
    result = pn_results_find (review, "jinjiang-2025-8/1.2/class-3-device-registration");
    g_assert_nonnull (result);
    g_assert_cmpint (result->not_counted, ==, PN_NOT_COUNTED_POSSIBLE);
    g_assert_null (pn_result_find_missing_key (result, fixture->profile));
  }
}

/* /pn/gui/results/layouts: narrow, dark, and the measure alone. */
static void
test_layouts (Fixture *fixture)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GObject *leaflet = gtk_widget_get_template_child (GTK_WIDGET (results_view (fixture)),
                                                    PN_TYPE_RESULTS_VIEW, "leaflet");

  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 30000000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  /* The new style sheet reaches every widget over the next frames. */
  for (guint i = 0; i < 3; i++)
    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_window_screenshot (fixture->window, "results-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The measure's original text, scrolled to. */
  g_assert_true (pn_results_view_show_measure (results_view (fixture), XIAMEN_PHASE_2));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  {
    GObject *detail = gtk_widget_get_template_child (GTK_WIDGET (results_view (fixture)),
                                                     PN_TYPE_RESULTS_VIEW, "detail");
    GObject *scrolled = gtk_widget_get_template_child (GTK_WIDGET (detail), PN_TYPE_MEASURE_DETAIL,
                                                       "scrolled_window");
    GObject *group = gtk_widget_get_template_child (GTK_WIDGET (detail), PN_TYPE_MEASURE_DETAIL,
                                                    "original_group");
    GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (group), content, &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), point.y);
  }
  pn_test_window_screenshot (fixture->window, "measure-detail-text");

  /* 360 px: the leaflet folds; the list, then the measure alone. */
  pn_results_view_show_list (results_view (fixture));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 720);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, 360);
  g_assert_true (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "list");
  pn_test_window_screenshot (fixture->window, "results-narrow");

  g_assert_true (pn_results_view_show_measure (results_view (fixture), XIAMEN_PHASE_2));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (ADW_LEAFLET (leaflet)), ==, "detail");
  pn_test_window_screenshot (fixture->window, "measure-detail-narrow");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-answers", NULL));
  pn_test_window_screenshot (fixture->window, "assistant-location-narrow");
}

/* /pn/gui/results/show-in-document: the measure's button opens its article
 * in the reader, and Back returns to the results. */
static void
test_show_in_document (Fixture *fixture)
{
  g_autoptr(PnResults) results = NULL;
  const PnResult *result;
  GObject *detail;
  GObject *button;
  GtkWidget *reader;

  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  g_assert_true (pn_results_view_show_measure (results_view (fixture), XIAMEN_PHASE_2));

  results = pn_engine_evaluate (pn_application_get_corpus (fixture->app), fixture->profile, NULL);
  result = pn_results_find (results, XIAMEN_PHASE_2);
  g_assert_nonnull (result);

  detail = gtk_widget_get_template_child (GTK_WIDGET (results_view (fixture)), PN_TYPE_RESULTS_VIEW, "detail");
  button = gtk_widget_get_template_child (GTK_WIDGET (detail), PN_TYPE_MEASURE_DETAIL, "show_in_document_button");
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "documents");
  reader = gtk_stack_get_visible_child (fixture->main_stack);
  g_assert_true (PN_IS_READER_VIEW (reader));
  g_assert_cmpstr (pn_reader_view_get_document_id (PN_READER_VIEW (reader)), ==, result->benefit->document->id);
  g_assert_cmpstr (pn_reader_view_get_article_number (PN_READER_VIEW (reader)), ==, result->benefit->article->number);
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_window_screenshot (fixture->window, "show-in-document");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
}

static void
check_names (GtkWidget *widget,
             guint     *n_controls)
{
  if (!gtk_widget_get_visible (widget))
    return;

  /* GtkCalendar's own arrows and a menu button's inner button are GTK's. */
  if (GTK_IS_CALENDAR (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_SEARCH_ENTRY (widget) ||
      ADW_IS_ENTRY_ROW (widget) || GTK_IS_PROGRESS_BAR (widget) || GTK_IS_LIST_BOX (widget) ||
      (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget))))
    {
      (*n_controls)++;
      if (!pn_test_has_accessible_name (widget))
        {
          g_test_message ("a %s named “%s” in a %s has no accessible name",
                          G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                          G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
          g_test_fail ();
        }
      if (GTK_IS_CALENDAR (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_DROP_DOWN (widget) ||
          ADW_IS_ENTRY_ROW (widget))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, n_controls);
}

static void
test_accessible_names (Fixture *fixture)
{
  static const char * const keys[] = {
    "location", "product", "drug-class", "device-class", "phase", "sales", "rd-investment",
    "equipment", "as-of",
  };
  gboolean shown_figures = FALSE;
  guint n_controls = 0;

  pn_profile_set_location (fixture->profile, "jinjiang");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "device");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS, "class-3");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "registered");

  /* Every page, applicable or not, then each applicable one on screen
   * (the figures page builds its rows when shown), then the results. */
  check_names (GTK_WIDGET (fixture->window), &n_controls);
  check_names (GTK_WIDGET (fixture->view), &n_controls);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!pn_assistant_show_key (fixture->view, keys[i]))
        continue;
      check_names (GTK_WIDGET (current_page (fixture)), &n_controls);
      if (PN_IS_FIGURES_PAGE (current_page (fixture)))
        {
          g_assert_nonnull (pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ENTRY_ROW, NULL));
          shown_figures = TRUE;
        }
    }
  g_assert_true (shown_figures);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  check_names (GTK_WIDGET (results_view (fixture)), &n_controls);

  g_test_message ("%u controls checked", n_controls);
  g_assert_cmpuint (n_controls, >, 50);
}


/* ---- what a new user met (issue 18) ---- */

static const char *
progress (Fixture *fixture)
{
  return pn_assistant_get_progress (fixture->view);
}

/* "Step N of 6" from the first page to the last: the count does not jump
 * when the product is chosen. */
static void
test_steps (Fixture *fixture)
{
  g_autofree char *first = g_strdup_printf (_("Step %u of %u"), 1, 6);
  g_autofree char *second = g_strdup_printf (_("Step %u of %u"), 2, 6);
  g_autofree char *third = g_strdup_printf (_("Step %u of %u"), 3, 6);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  pn_test_flush ();
  g_assert_cmpstr (progress (fixture), ==, first);
  choose (fixture, NULL, "xiamen");
  g_assert_cmpstr (progress (fixture), ==, first);
  press_next (fixture);
  g_assert_cmpstr (progress (fixture), ==, second);
  choose (fixture, "product_group", "device");
  g_assert_cmpstr (progress (fixture), ==, second);
  choose (fixture, "product_group", "drug");
  g_assert_cmpstr (progress (fixture), ==, second);
  press_next (fixture);
  g_assert_cmpstr (progress (fixture), ==, third);
}

/* Every label's text under `widget`, as "|a|b|" */
static void
append_label_texts (GtkWidget *widget,
                    GString   *out)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s|", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_label_texts (child, out);
}

static char *
label_texts (GtkWidget *widget)
{
  GString *out = g_string_new ("|");

  append_label_texts (widget, out);
  return g_string_free (out, FALSE);
}

/* The milestones say the stage being entered; the header's Next has no
 * mnemonic; conditions show words, never "true". */
static void
test_wording (Fixture *fixture)
{
  GtkWidget *row;
  GtkWidget *detail;
  GtkWidget *conditions;
  GString *subtitles = g_string_new (NULL);
  g_autofree char *all = NULL;

  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (next_button (fixture))), ==, _("Next"));
  g_assert_false (gtk_button_get_use_underline (GTK_BUTTON (next_button (fixture))));

  pn_profile_set_location (fixture->profile, "jinjiang");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  g_assert_true (pn_assistant_show_key (fixture->view, "phase"));
  pn_test_flush ();
  row = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ACTION_ROW, "phase-1");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   _("Phase I completed (entering Phase II)"));

  /* A class III innovative device in Jinjiang: the special review is a
   * condition, said as "Passed". */
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "device");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DEVICE_CLASS, "class-3");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_INNOVATIVE_DEVICE, "true");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "registered");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  pn_test_flush ();
  g_assert_true (pn_results_view_show_measure (results_view (fixture), "jinjiang-2025-8/1.2/class-3-device-registration"));
  pn_test_flush ();
  detail = pn_test_template_child (GTK_WIDGET (results_view (fixture)), PN_TYPE_RESULTS_VIEW, "detail");
  conditions = pn_test_template_child (detail, PN_TYPE_MEASURE_DETAIL, "conditions_list");
  {
    GtkListBoxRow *r;

    for (guint i = 0; (r = gtk_list_box_get_row_at_index (GTK_LIST_BOX (conditions), i)) != NULL; i++)
      g_string_append_printf (subtitles, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (r)));
  }
  all = g_string_free (subtitles, FALSE);
  g_test_message ("conditions: %s", all);
  g_assert_nonnull (strstr (all, _("Passed")));
  g_assert_null (strstr (all, "true"));

  /* 晋政规〔2025〕8号 3.1, 总投资超5000万元: with no total investment given
   * its threshold is not answered, not "Met" (the measure is possible for
   * another reason, the device type) */
  g_assert_true (pn_results_view_show_measure (results_view (fixture),
                                               "jinjiang-2025-8/3.1/new-project-equipment-device"));
  pn_test_flush ();
  {
    GtkListBoxRow *r;
    gboolean found = FALSE;

    for (guint i = 0; (r = gtk_list_box_get_row_at_index (GTK_LIST_BOX (conditions), i)) != NULL; i++)
      {
        const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (r));
        g_autofree char *labels = NULL;

        if (strstr (title, "50,000,000") == NULL)
          continue;
        found = TRUE;
        labels = label_texts (GTK_WIDGET (r));
        g_test_message ("threshold row: %s: %s", title, labels);
        g_assert_nonnull (strstr (labels, _("Not answered yet")));
        g_assert_null (strstr (labels, "|" "Met" "|"));
      }
    g_assert_true (found);
  }
}

/* A date that does not exist: an error under the field, the results keep
 * the last valid date, and See Results does not pass it. */
static void
test_invalid_date (Fixture *fixture)
{
  GtkWidget *chooser;
  GtkWidget *entry;
  GtkWidget *error;
  g_autofree char *kept = NULL;

  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_as_of (fixture->profile, "2026-06-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  g_assert_true (pn_assistant_show_key (fixture->view, "as-of"));
  pn_test_flush ();
  chooser = page_child (fixture, "date_chooser");
  entry = pn_test_template_child (chooser, PN_TYPE_DATE_CHOOSER, "date_entry");
  error = pn_test_template_child (chooser, PN_TYPE_DATE_CHOOSER, "error_label");
  g_assert_false (gtk_widget_get_visible (error));

  gtk_editable_set_text (GTK_EDITABLE (entry), "2026-13-45");
  g_signal_emit_by_name (entry, "activate");
  pn_test_flush ();
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "2026-13-45"));
  kept = pn_gui_format_date ("2026-06-01");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), kept));
  g_assert_cmpstr (pn_profile_get_as_of (fixture->profile), ==, "2026-06-01");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  pn_test_window_screenshot (fixture->window, "assistant-date-invalid");

  /* See Results stays on the page while the field is wrong. */
  g_signal_emit_by_name (page_child (fixture, "results_button"), "clicked");
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  g_assert_true (PN_IS_DATE_PAGE (current_page (fixture)));

  /* A whole date typed counts at once and clears the error. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "2025-02-28");
  pn_test_flush ();
  g_assert_cmpstr (pn_profile_get_as_of (fixture->profile), ==, "2025-02-28");
  g_assert_false (gtk_widget_get_visible (error));
  see_results (fixture);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");
}

/* Each wrong amount says what is wrong; typing unticks "I don't know yet". */
static void
test_amounts (Fixture *fixture)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "-5000", N_("An amount must be positive: type it without a minus sign.") },
    { "1e20", NULL },   /* too large */
    { "100000000000000000000", NULL },
    { "1e5", N_("Write the amount out in full, such as 30000000, not as a power of ten.") },
    { "12.5", N_("Whole yuan only: round it, or type 万元 such as 12.5万.") },
    { "abc", N_("Not a number: type yuan, such as 30000000 or 30,000,000, or 万元, such as 3000万.") },
  };
  g_autofree char *max = pn_money_format_yuan (G_GINT64_CONSTANT (100000000000000));
  g_autofree char *too_large = g_strdup_printf (_("Too large: an amount is at most %s."), max);
  GtkWidget *entry;
  GtkWidget *unknown;
  GtkWidget *feedback;

  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  /* Short, as on a phone held sideways: focusing the first field used to
   * scroll the question out of sight. */
  pn_test_resize_window (fixture->window, 360, 300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  g_assert_true (pn_assistant_show_key (fixture->view, "rd-investment"));
  pn_test_flush ();
  /* The page opens at its heading, its first field focused. */
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
  pn_test_flush ();
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page_child (fixture, "scrolled_window")));

    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
    /* Left scrolled down, and come back to: at the heading again. */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
    pn_assistant_back (fixture->view);
    pn_test_flush ();
    pn_assistant_next (fixture->view);
    g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));
    pn_test_flush ();
    g_assert_true (PN_IS_FIGURES_PAGE (current_page (fixture)));
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  }

  entry = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ENTRY_ROW, "rd-investment");
  unknown = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), ADW_TYPE_ACTION_ROW, "rd-investment-unknown");
  feedback = pn_test_find_widget (GTK_WIDGET (current_page (fixture)), GTK_TYPE_LABEL, "rd-investment-feedback");
  g_assert_nonnull (entry);
  g_assert_nonnull (unknown);
  g_assert_nonnull (feedback);
  unknown = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (unknown));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (unknown)));
      gtk_editable_set_text (GTK_EDITABLE (entry), cases[i].text);
      pn_test_flush ();
      g_test_message ("%s: %s", cases[i].text, gtk_label_get_text (GTK_LABEL (feedback)));
      g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (unknown)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (feedback)), ==,
                       cases[i].message != NULL ? _(cases[i].message) : too_large);
      g_assert_false (pn_page_get_complete (current_page (fixture)));
      g_assert_cmpint (pn_profile_get_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT), ==, PN_YUAN_UNSET);
    }
  pn_test_window_screenshot (fixture->window, "assistant-figures-invalid");
}

/* Another product is another project: its milestone and figures go.  Edit
 * Answers shows every place again. */
static void
test_state (Fixture *fixture)
{
  GtkEditable *search;

  pn_profile_set_location (fixture->profile, "xiamen");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  pn_test_flush ();
  search = GTK_EDITABLE (page_child (fixture, "search_entry"));
  gtk_editable_set_text (search, "xiamen");
  press_next (fixture);
  choose (fixture, "product_group", "drug");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT, 30000000);

  choose (fixture, "product_group", "device");
  g_assert_null (pn_profile_get_answer (fixture->profile, PN_QUESTION_DRUG_CLASS));
  g_assert_null (pn_profile_get_answer (fixture->profile, PN_QUESTION_PHASE));
  g_assert_cmpint (pn_profile_get_figure (fixture->profile, PN_FIGURE_RD_INVESTMENT), ==, PN_YUAN_UNSET);
  g_assert_cmpstr (pn_profile_get_location (fixture->profile), ==, "xiamen");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  pn_test_flush ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-answers", NULL));
  pn_test_flush ();
  g_assert_true (PN_IS_LOCATION_PAGE (current_page (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
}

/* A Xiamen CRO counts nothing: the first measure shown is the most
 * valuable possible one; on a wide window the list takes a fair share. */
static gint64
result_value (const PnResult *result)
{
  /* the right end of its range: "¥0 – no upper bound" first */
  if (result->high_cny == PN_YUAN_UNSET && result->unbounded)
    return G_MAXINT64;
  if (result->high_cny != PN_YUAN_UNSET)
    return result->high_cny;
  if (result->estimate_cny != PN_YUAN_UNSET)
    return result->estimate_cny;
  if (result->benefit->cap != PN_YUAN_UNSET)
    return result->benefit->cap;
  return result->benefit->amount;
}

static void
test_first_detail (Fixture *fixture)
{
  GtkWidget *detail;
  GtkWidget *list;
  PnResults *results;
  const char *shown;
  const PnResult *first;
  gint64 best = -1;

  /* As wide as the test's screen allows (Xvfb: 1280). */
  pn_test_resize_window (fixture->window, 1200, 800);
  pn_profile_set_location (fixture->profile, "xiamen");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_PRODUCT, "organisation");
  pn_profile_set_answer (fixture->profile, PN_QUESTION_ENTITY, "cro");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-results", NULL));
  pn_test_flush ();
  g_assert_true (pn_test_wait_for_frame (GTK_WIDGET (fixture->window), PN_TEST_FRAME_TIMEOUT_MS));

  results = pn_results_view_get_results (results_view (fixture));
  g_assert_cmpuint (pn_results_get_n_counted (results), ==, 0);
  detail = pn_test_template_child (GTK_WIDGET (results_view (fixture)), PN_TYPE_RESULTS_VIEW, "detail");
  shown = pn_measure_detail_get_benefit_id (PN_MEASURE_DETAIL (detail));
  g_assert_nonnull (shown);
  first = pn_results_find (results, shown);
  g_assert_true (first->not_counted == PN_NOT_COUNTED_POSSIBLE ||
                 first->not_counted == PN_NOT_COUNTED_MISSING_FIGURE);
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      const PnResult *result = pn_results_get_result (results, i);
      gint64 value = result_value (result);

      if (result->not_counted == PN_NOT_COUNTED_POSSIBLE || result->not_counted == PN_NOT_COUNTED_MISSING_FIGURE)
        best = MAX (best, value);
    }
  g_test_message ("first shown: %s", shown);
  g_assert_cmpint (result_value (first), ==, best);
  g_assert_cmpint (best, >, 0);

  list = pn_test_template_child (GTK_WIDGET (results_view (fixture)), PN_TYPE_RESULTS_VIEW, "content_stack");
  g_test_message ("list %d px of %d", gtk_widget_get_width (list), gtk_widget_get_width (GTK_WIDGET (fixture->window)));
  /* It used to keep 360 px whatever the width. */
  g_assert_cmpint (gtk_widget_get_width (list), >=, 450);
  pn_test_window_screenshot (fixture->window, "results-cro-wide");
}

/* /pn/gui/assistant/reopened-client: a saved client opened again walks
 * through its answers: the milestone page is complete, in its own words
 * (it was greyed out, its rows in the taxonomy's words, until another
 * milestone was picked). */
static void
test_reopened_client (Fixture *fixture)
{
  g_autoptr(PnProfile) saved = pn_profile_new ();
  g_autoptr(GError) error = NULL;
  AdwActionRow *row;

  pn_profile_set_location (saved, "xiamen");
  pn_profile_set_answer (saved, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (saved, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (saved, PN_QUESTION_MODALITY, "chemical");
  pn_profile_set_answer (saved, PN_QUESTION_PHASE, "phase-1");
  pn_profile_set_figure (saved, PN_FIGURE_RD_INVESTMENT, 30000000);
  pn_profile_set_name (saved, "Reopened");
  g_assert_true (pn_store_save_profile (pn_application_get_store (fixture->app), saved, &error));
  g_assert_no_error (error);

  /* opened from the questions' first step: its results, not Step 1 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  pn_test_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "assistant");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-client", "s", "Reopened"));
  pn_test_flush ();
  g_assert_cmpstr (pn_profile_get_answer (fixture->profile, PN_QUESTION_PHASE), ==, "phase-1");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");

  /* as on the next start: a new window on the client already open */
  fixture->window = pn_window_new (fixture->app);
  gtk_window_present (GTK_WINDOW (fixture->window));
  pn_test_flush ();
  fixture->main_stack = GTK_STACK (pn_test_window_child (fixture->window, "main_stack"));
  fixture->view = pn_window_get_view (fixture->window, "assistant");
  /* it opens on the client's results, not on the welcome's Start */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->main_stack), ==, "results");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.start", NULL));
  pn_test_flush ();
  for (int i = 0; i < 6 && !PN_IS_MILESTONE_PAGE (current_page (fixture)); i++)
    press_next (fixture);
  g_assert_true (PN_IS_MILESTONE_PAGE (current_page (fixture)));
  g_assert_true (next_sensitive (fixture));
  row = ADW_ACTION_ROW (pn_test_find_widget (page_child (fixture, "phase_group"), ADW_TYPE_ACTION_ROW, "phase-1"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   _("Phase I completed (entering Phase II)"));
}

int
main (int   argc,
      char *argv[])
{
  pn_test_init (&argc, &argv, PN_TEST_INIT_DEFAULT);

  static const PnTestCase tests[] = {
    { "/pn/gui/assistant/scenario", test_scenario },
    { "/pn/gui/assistant/declared-place", test_declared_place },
    { "/pn/gui/assistant/device", test_device },
    { "/pn/gui/assistant/keyboard", test_keyboard },
    { "/pn/gui/results/answer", test_answer_jump },
    { "/pn/gui/results/answer-threshold-first", test_answer_threshold_first },
    { "/pn/gui/results/layouts", test_layouts },
    { "/pn/gui/results/show-in-document", test_show_in_document },
    { "/pn/gui/a11y/names", test_accessible_names },
    { "/pn/gui/assistant/steps", test_steps },
    { "/pn/gui/assistant/wording", test_wording },
    { "/pn/gui/assistant/invalid-date", test_invalid_date },
    { "/pn/gui/assistant/amounts", test_amounts },
    { "/pn/gui/assistant/state", test_state },
    { "/pn/gui/results/first-detail", test_first_detail },
    { "/pn/gui/assistant/reopened-client", test_reopened_client },
  };

  pn_test_add_app_tests (tests, G_N_ELEMENTS (tests), "assistant", NULL);

  return g_test_run ();
}
