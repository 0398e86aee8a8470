/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy-editor"

#include "config.h"

#include "pn-policy-editor-private.h"

#include "pn-editor-drafts.h"
#include "pn-gui-util.h"
#include "profiles/pn-import.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (PnPolicyEditor, pn_policy_editor, ADW_TYPE_WINDOW)

PnApplication *
pn_policy_editor_get_application (PnPolicyEditor *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return PN_IS_APPLICATION (application) ? PN_APPLICATION (application) : NULL;
}

static PnDocument *
get_document (PnPolicyEditor *self)
{
  return pn_editor_document_get_document (self->document);
}

void
pn_policy_editor_add_toast (PnPolicyEditor *self,
                            const char     *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (PN_IS_POLICY_EDITOR (self));

  /* toast titles are markup in libadwaita 1.2 */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* ---- the header ---- */

static gboolean
showing_form (PnPolicyEditor *self)
{
  return g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "article") == 0 &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->article_leaflet), "form") == 0;
}

static void
pn_policy_editor_update_header (PnPolicyEditor *self)
{
  PnDocument *document;
  guint n, reviewed;
  gboolean back;

  if (self->document == NULL || self->leaflet == NULL)
    return;

  document = get_document (self);
  n = pn_editor_document_get_n_benefits (self->document);
  reviewed = pn_editor_document_get_n_reviewed (self->document);
  g_free (self->progress);
  /* a notice extending another document awards nothing: its dates and
   * what it extends are the review */
  self->progress = n == 0 ? g_strdup (_("No benefits: check the dates and what it extends or replaces"))
                          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u benefit reviewed",
                                                          "%u of %u benefits reviewed", n),
                                             reviewed, n);
  /* the text under review is Chinese: its own title */
  adw_window_title_set_title (self->window_title, document->title.zh);
  adw_window_title_set_subtitle (self->window_title, self->progress);

  back = (adw_leaflet_get_folded (self->leaflet) &&
          g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0) ||
         (adw_leaflet_get_folded (self->article_leaflet) && showing_form (self));
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.back", back);
}

void
pn_policy_editor_actions_update (PnPolicyEditor *self)
{
  PnApplication *application = pn_policy_editor_get_application (self);
  PnStore *store = application != NULL ? pn_application_get_store (application) : NULL;
  gboolean valid, refusing;

  if (self->document == NULL)
    return;

  valid = pn_editor_document_get_check (self->document) == PN_EDITOR_CHECK_VALID;
  /* a field that refused what was typed: the document holds its last good
   * value (a cap cleared on the way to an amount it could not read), not
   * what the reviewer means */
  refusing = pn_benefit_form_get_refusing (self->benefit_form) ||
             pn_document_form_get_refusing (self->document_form);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.import",
                                 valid && !refusing && store != NULL && !self->importing &&
                                 !pn_store_is_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save-case", valid && application != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.toggle-reviewed", self->benefit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-benefit", self->benefit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-benefit", self->article != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.mark-article-reviewed",
                                 self->article != NULL &&
                                 pn_editor_document_count_unreviewed (self->document, self->article) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.show-issue",
                                 pn_editor_document_get_issue (self->document) != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button),
                               refusing ? _("Correct the field marked in red first: it holds a value it cannot take")
                               : valid ? _("Check what it changes for each saved client, then add it to the policy documents")
                                       : _("Import is possible once the whole document checks"));
}

/* ---- rows ---- */

static char *
article_state (PnPolicyEditor *self,
               PnArticle      *article)
{
  guint n = article->benefits->len;
  guint open = pn_editor_document_count_unreviewed (self->document, article);

  if (n == 0)
    return g_strdup (_("No benefits"));
  if (open == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u benefit, reviewed",
                                         "%u benefits, all reviewed", n), n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u benefit to review",
                                       "%u of %u benefits to review", n), open, n);
}

static GtkWidget *
sidebar_row_new (const char *title,
                 const char *subtitle,
                 gboolean    chinese)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *subtitle_label = gtk_label_new (subtitle);
  GtkWidget *icon = gtk_image_new ();

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle_label), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle_label), TRUE);
  gtk_widget_add_css_class (subtitle_label, "caption");
  gtk_widget_add_css_class (subtitle_label, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title_label);
  gtk_box_append (GTK_BOX (labels), subtitle_label);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "title", title_label);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle_label);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  if (chinese)
    pn_gui_label_set_chinese (GTK_LABEL (title_label));
  return row;
}

static void
set_row_state (GtkWidget  *row,
               const char *subtitle,
               gboolean    done,
               gboolean    open)
{
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "icon");
  g_autofree char *name = NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "subtitle"), subtitle);
  gtk_image_set_from_icon_name (icon, done ? "emblem-ok-symbolic" : open ? "document-edit-symbolic" : NULL);
  gtk_widget_set_visible (GTK_WIDGET (icon), done || open);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle, -1);
}

static void
update_article_rows (PnPolicyEditor *self)
{
  PnDocument *document = get_document (self);

  for (guint i = 0; i < document->articles->len && i + 1 < self->article_rows->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);
      GtkWidget *row = g_ptr_array_index (self->article_rows, i + 1);
      g_autofree char *state = article_state (self, article);
      guint open = pn_editor_document_count_unreviewed (self->document, article);

      set_row_state (row, state, article->benefits->len > 0 && open == 0, open > 0);
    }
  if (self->article_rows->len > 0)
    {
      g_autofree char *number = get_document (self)->doc_number != NULL
                                ? g_strdup (get_document (self)->doc_number) : NULL;

      set_row_state (g_ptr_array_index (self->article_rows, 0),
                     number != NULL ? number : _("Title, dates, what it replaces"), FALSE, FALSE);
    }
}

static void
build_article_rows (PnPolicyEditor *self)
{
  PnDocument *document = get_document (self);
  GtkWidget *row;

  pn_gui_list_box_remove_all (self->article_list);
  g_ptr_array_set_size (self->article_rows, 0);

  row = sidebar_row_new (_("Document Details"), "", FALSE);
  gtk_list_box_append (self->article_list, row);
  g_ptr_array_add (self->article_rows, row);

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);
      /* Translators: an article in the editor's list: its number, heading
       * (the original's, Chinese, as the text under review) */
      g_autofree char *title = g_strdup_printf (_("%s · %s"), article->number,
                                                article->heading.zh != NULL ? article->heading.zh
                                                                            : pn_gui_text (&article->heading));

      row = sidebar_row_new (title, "", TRUE);
      g_object_set_data (G_OBJECT (row), "article", article);
      gtk_list_box_append (self->article_list, row);
      g_ptr_array_add (self->article_rows, row);
    }
  update_article_rows (self);
}

static char *
benefit_summary (PnBenefit *benefit)
{
  g_autofree char *amount = pn_gui_benefit_amount (benefit);

  return g_strdup_printf ("%s · %s", amount,
                          benefit->reviewed ? _("Reviewed") : _("Not yet reviewed"));
}

static void
update_benefit_rows (PnPolicyEditor *self)
{
  for (guint i = 0; i < self->benefit_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->benefit_rows, i);
      PnBenefit *benefit = g_object_get_data (G_OBJECT (row), "benefit");
      g_autofree char *summary = benefit_summary (benefit);

      gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), benefit->title.zh);
      gtk_widget_set_tooltip_text (row, benefit->title.en);
      set_row_state (row, summary, benefit->reviewed, !benefit->reviewed);
    }
}

static void
build_benefit_rows (PnPolicyEditor *self)
{
  pn_gui_list_box_remove_all (self->benefit_list);
  g_ptr_array_set_size (self->benefit_rows, 0);
  if (self->article == NULL)
    return;

  for (guint i = 0; i < self->article->benefits->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (self->article->benefits, i);
      GtkWidget *row = sidebar_row_new (benefit->title.zh, "", TRUE);

      gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), 12);
      gtk_widget_set_margin_end (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)), 12);
      g_object_set_data (G_OBJECT (row), "benefit", benefit);
      gtk_list_box_append (self->benefit_list, row);
      g_ptr_array_add (self->benefit_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->benefit_list), self->benefit_rows->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_benefits_label), self->benefit_rows->len == 0);
  update_benefit_rows (self);
}

static void
update_article_state (PnPolicyEditor *self)
{
  g_autofree char *state = NULL;

  if (self->article == NULL)
    return;
  state = article_state (self, self->article);
  gtk_label_set_text (self->article_state_label, state);
}

/* ---- the check's issue ---- */

static char *
describe_issue_place (PnPolicyEditor      *self,
                      const PnEditorIssue *issue)
{
  PnDocument *document = get_document (self);

  if (issue->benefit != NULL)
    {
      for (guint i = 0; i < document->articles->len; i++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, i);

          for (guint j = 0; j < article->benefits->len; j++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

              if (g_strcmp0 (benefit->id, issue->benefit) == 0)
                /* Translators: where the check found a problem: an article
                 * number and a benefit's title */
                return g_strdup_printf (_("Article %s, “%s”"), article->number, pn_gui_text (&benefit->title));
            }
        }
    }
  if (issue->article != NULL)
    return g_strdup_printf (_("Article %s"), issue->article);
  if (issue->case_name != NULL)
    /* Translators: %s is the name of an expected-result case */
    return g_strdup_printf (_("Case “%s”"), issue->case_name);
  if (issue->line > 0)
    return g_strdup (_("Document details"));
  return NULL;
}

static void
update_issue (PnPolicyEditor *self)
{
  const PnEditorIssue *issue = pn_editor_document_get_issue (self->document);
  gboolean shown = FALSE;

  /* next to its field when the form it belongs to is in view */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "document") == 0)
    shown = pn_document_form_show_issue (self->document_form, issue);
  else
    pn_document_form_show_issue (self->document_form, NULL);
  if (self->benefit != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "article") == 0)
    shown |= pn_benefit_form_show_issue (self->benefit_form, issue);
  else
    pn_benefit_form_show_issue (self->benefit_form, NULL);

  if (issue != NULL && !shown)
    {
      g_autofree char *place = describe_issue_place (self, issue);
      /* Translators: the banner of a problem the check found: where, what */
      g_autofree char *text = place != NULL ? g_strdup_printf (_("%s: %s"), place, issue->message)
                                            : g_strdup (issue->message);

      gtk_label_set_text (self->issue_label, text);
      pn_gui_label_set_chinese (self->issue_label);
      gtk_widget_set_visible (GTK_WIDGET (self->issue_show_button),
                              issue->benefit != NULL || issue->article != NULL || issue->line > 0);
    }
  gtk_revealer_set_reveal_child (self->issue_banner, issue != NULL && !shown);
  pn_policy_editor_actions_update (self);
}

const char *
pn_policy_editor_get_issue_banner (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);

  return gtk_revealer_get_reveal_child (self->issue_banner) ? gtk_label_get_text (self->issue_label) : NULL;
}

/* ---- supersession ---- */

static void
update_supersede_banner (PnPolicyEditor *self)
{
  PnDocument *guess;

  g_clear_pointer (&self->supersede_guess, pn_document_unref);
  guess = self->supersede_dismissed ? NULL : pn_editor_document_guess_superseded (self->document);
  if (guess != NULL)
    {
      PnDocument *document = get_document (self);
      g_autofree char *date = pn_gui_format_date (document->in_force_from != NULL ? document->in_force_from
                                                                                  : document->applies_from);
      const char *name = guess->doc_number != NULL ? guess->doc_number : pn_gui_text (&guess->title);
      g_autofree char *text = NULL;

      self->supersede_guess = pn_document_ref (guess);
      if (document->in_force_from != NULL || document->applies_from != NULL)
        /* Translators: the first %s names a stored document (its number,
         * else its title), the second is a date */
        text = g_strdup_printf (_("This looks like a new version of %s — replace it from %s?"), name, date);
      else
        /* Translators: %s names a stored document */
        text = g_strdup_printf (_("This looks like a new version of %s — replace it from today?"), name);
      gtk_label_set_text (self->supersede_label, text);
      pn_gui_label_set_chinese (self->supersede_label);
    }
  gtk_revealer_set_reveal_child (self->supersede_banner, self->supersede_guess != NULL);
}

const char *
pn_policy_editor_get_supersede_banner (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);

  return gtk_revealer_get_reveal_child (self->supersede_banner) ? gtk_label_get_text (self->supersede_label) : NULL;
}

static void
link_superseded_cb (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);
  PnDocument *document = get_document (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *from;
  g_autofree char *message = NULL;

  if (self->supersede_guess == NULL)
    return;

  from = document->in_force_from != NULL ? document->in_force_from
         : document->applies_from != NULL ? document->applies_from : today;
  pn_document_add_supersession (document, self->supersede_guess->id, from);
  {
    g_autofree char *date = pn_gui_format_date (from);

    /* Translators: a toast, short enough to be read whole (the date can be
     * changed under Document Details); the first %s names the document
     * replaced, the second is a date such as "7 December 2026" */
    message = g_strdup_printf (_("Replaces %s from %s"),
                               self->supersede_guess->doc_number != NULL ? self->supersede_guess->doc_number
                                                                         : pn_gui_text (&self->supersede_guess->title),
                               date);
  }
  pn_editor_document_changed (self->document);
  pn_document_form_refresh (self->document_form);
  update_supersede_banner (self);
  pn_policy_editor_add_toast (self, message);
}

static void
dismiss_superseded_cb (GtkWidget  *widget,
                       const char *action_name G_GNUC_UNUSED,
                       GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);

  self->supersede_dismissed = TRUE;
  update_supersede_banner (self);
}

/* ---- selection ---- */

static void
select_row (GtkListBox *list,
            GPtrArray  *rows,
            gconstpointer data,
            const char *key)
{
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (g_object_get_data (G_OBJECT (row), key) == data)
        {
          gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (row));
          return;
        }
    }
  gtk_list_box_unselect_all (list);
}

void
pn_policy_editor_show_details (PnPolicyEditor *self)
{
  g_return_if_fail (PN_IS_POLICY_EDITOR (self));

  self->article = NULL;
  self->benefit = NULL;
  pn_benefit_form_set_benefit (self->benefit_form, NULL, NULL);
  gtk_stack_set_visible_child_name (self->content_stack, "document");
  if (self->article_rows->len > 0)
    gtk_list_box_select_row (self->article_list, g_ptr_array_index (self->article_rows, 0));
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  update_issue (self);
  pn_policy_editor_update_header (self);
}

void
pn_policy_editor_select_benefit (PnPolicyEditor *self,
                                 PnBenefit      *benefit)
{
  g_return_if_fail (PN_IS_POLICY_EDITOR (self));
  g_return_if_fail (benefit == NULL || benefit->document == get_document (self));

  if (benefit != NULL && benefit->article != self->article)
    pn_policy_editor_select_article (self, benefit->article);

  self->benefit = benefit;
  pn_benefit_form_set_benefit (self->benefit_form, benefit != NULL ? self->document : NULL, benefit);
  pn_editor_source_set_benefit (self->source, benefit);
  select_row (self->benefit_list, self->benefit_rows, benefit, "benefit");
  gtk_stack_set_visible_child_name (self->form_stack, benefit != NULL ? "benefit" : "empty");
  if (benefit != NULL)
    adw_leaflet_set_visible_child_name (self->article_leaflet, "form");
  update_issue (self);
  pn_policy_editor_update_header (self);
}

void
pn_policy_editor_select_article (PnPolicyEditor *self,
                                 PnArticle      *article)
{
  g_autoptr(GPtrArray) figures = NULL;
  g_autofree char *heading = NULL;

  g_return_if_fail (PN_IS_POLICY_EDITOR (self));

  if (article == NULL)
    {
      pn_policy_editor_show_details (self);
      return;
    }
  g_return_if_fail (article->document == get_document (self));

  self->article = article;
  self->benefit = NULL;
  /* Translators: an article's number and heading */
  heading = g_strdup_printf (_("%s · %s"), article->number,
                             article->heading.zh != NULL ? article->heading.zh : pn_gui_text (&article->heading));
  pn_gui_label_set_text (self->article_heading_label, heading);
  update_article_state (self);
  figures = pn_editor_document_get_figures (self->document, article);
  pn_editor_source_set_article (self->source, article, figures);
  build_benefit_rows (self);
  select_row (self->article_list, self->article_rows, article, "article");
  gtk_stack_set_visible_child_name (self->content_stack, "article");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  adw_leaflet_set_visible_child_name (self->article_leaflet, "text");

  /* side by side, the first benefit is open at once; the leaflet of a
   * page not shown yet may not know it will fold, the window's width does
   * (the sidebar, the text and the form at their narrowest) */
  if (!adw_leaflet_get_folded (self->leaflet) && !adw_leaflet_get_folded (self->article_leaflet) &&
      gtk_widget_get_width (GTK_WIDGET (self)) >= 260 + 360 + 360 + 2 && article->benefits->len > 0)
    pn_policy_editor_select_benefit (self, g_ptr_array_index (article->benefits, 0));
  else
    {
      pn_benefit_form_set_benefit (self->benefit_form, NULL, NULL);
      pn_editor_source_set_benefit (self->source, NULL);
      gtk_stack_set_visible_child_name (self->form_stack, "empty");
      update_issue (self);
      pn_policy_editor_update_header (self);
    }
}

static void
article_row_activated_cb (PnPolicyEditor *self,
                          GtkListBoxRow  *row)
{
  PnArticle *article = g_object_get_data (G_OBJECT (row), "article");

  if (article == NULL)
    pn_policy_editor_show_details (self);
  else
    pn_policy_editor_select_article (self, article);
}

static void
benefit_row_activated_cb (PnPolicyEditor *self,
                          GtkListBoxRow  *row)
{
  pn_policy_editor_select_benefit (self, g_object_get_data (G_OBJECT (row), "benefit"));
}

static void
figure_activated_cb (PnPolicyEditor *self,
                     PnBenefit      *benefit)
{
  if (benefit != NULL && benefit->document == get_document (self))
    pn_policy_editor_select_benefit (self, benefit);
}

/* ---- the document ---- */

static void
document_changed_cb (PnPolicyEditor *self)
{
  update_article_rows (self);
  update_benefit_rows (self);
  update_article_state (self);
  pn_policy_editor_update_header (self);
  pn_policy_editor_actions_update (self);
}

static void
document_checked_cb (PnPolicyEditor *self)
{
  update_issue (self);
}

static void
corpus_changed_cb (PnPolicyEditor *self)
{
  PnApplication *application = pn_policy_editor_get_application (self);
  PnCorpus *corpus = application != NULL ? pn_application_get_corpus (application) : NULL;

  if (corpus != NULL)
    pn_editor_document_set_corpus (self->document, corpus);
  update_supersede_banner (self);
}

/* ---- actions ---- */

static void
back_cb (GtkWidget  *widget,
         const char *action_name G_GNUC_UNUSED,
         GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);

  if (adw_leaflet_get_folded (self->article_leaflet) && showing_form (self))
    adw_leaflet_navigate (self->article_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "articles");
}

static void
toggle_reviewed_cb (GtkWidget  *widget,
                    const char *action_name G_GNUC_UNUSED,
                    GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);

  if (self->benefit == NULL)
    return;
  pn_editor_document_set_reviewed (self->document, self->benefit, !self->benefit->reviewed);
  pn_benefit_form_refresh (self->benefit_form);
}

static void
mark_article_reviewed_cb (GtkWidget  *widget,
                          const char *action_name G_GNUC_UNUSED,
                          GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);
  gboolean any = FALSE;

  if (self->article == NULL)
    return;
  for (guint i = 0; i < self->article->benefits->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (self->article->benefits, i);

      any |= !benefit->reviewed;
      benefit->reviewed = TRUE;
    }
  if (any)
    pn_editor_document_changed (self->document);
  pn_benefit_form_refresh (self->benefit_form);
}

static void
add_benefit_cb (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);
  PnBenefit *benefit;

  if (self->article == NULL)
    return;
  benefit = pn_editor_document_add_benefit (self->document, self->article);
  build_benefit_rows (self);
  pn_policy_editor_select_benefit (self, benefit);
}

static void
delete_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                    const char       *response,
                    PnPolicyEditor   *self)
{
  PnBenefit *benefit = g_object_get_data (G_OBJECT (dialog), "benefit");
  PnArticle *article;

  if (g_strcmp0 (response, "delete") != 0 || benefit == NULL || benefit != self->benefit)
    return;

  article = benefit->article;
  pn_policy_editor_select_benefit (self, NULL);
  pn_editor_document_remove_benefit (self->document, benefit);
  /* the figures lost their link to it */
  pn_policy_editor_select_article (self, article);
}

static void
delete_benefit_cb (GtkWidget  *widget,
                   const char *action_name G_GNUC_UNUSED,
                   GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);
  GtkWidget *dialog;

  if (self->benefit == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete the Benefit?"), NULL);
  /* Translators: %s is a benefit's title */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and every case expecting it go from the draft."),
                                  pn_gui_text (&self->benefit->title));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "benefit", self->benefit);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_issue_cb (GtkWidget  *widget,
               const char *action_name G_GNUC_UNUSED,
               GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);
  const PnEditorIssue *issue = pn_editor_document_get_issue (self->document);
  PnDocument *document = get_document (self);

  if (issue == NULL)
    return;

  if (issue->benefit != NULL || issue->article != NULL)
    {
      PnArticle *article = issue->article != NULL ? pn_document_find_article (document, issue->article) : NULL;

      for (guint i = 0; article != NULL && issue->benefit != NULL && i < article->benefits->len; i++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, i);

          if (g_strcmp0 (benefit->id, issue->benefit) == 0)
            {
              pn_policy_editor_select_benefit (self, benefit);
              return;
            }
        }
      if (article != NULL)
        {
          pn_policy_editor_select_article (self, article);
          return;
        }
    }
  pn_policy_editor_show_details (self);
}

/* ---- Save As, discard ---- */

static void
save_as_response_cb (GtkNativeDialog *native,
                     int              response,
                     PnPolicyEditor  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) old = NULL;
  g_autoptr(GError) error = NULL;
  PnApplication *application = pn_policy_editor_get_application (self);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL)
    return;

  old = g_object_ref (pn_editor_document_get_file (self->document));
  if (!pn_editor_document_set_file (self->document, file, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Save the Draft"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (application != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

      pn_editor_drafts_remember (settings, file);
      if (!g_file_equal (old, file))
        {
          /* it lives there now: the copy in the drafts folder goes */
          if (pn_editor_drafts_is_default (old))
            g_file_delete (old, NULL, NULL);
          else
            pn_editor_drafts_forget (settings, old);
        }
    }
  {
    g_autofree char *name = g_file_get_parse_name (file);
    /* Translators: a toast; %s is a file */
    g_autofree char *message = g_strdup_printf (_("Saved to %s; changes go there from now on"), name);

    pn_policy_editor_add_toast (self, message);
  }
}

static void
save_as_cb (GtkWidget  *widget,
            const char *action_name G_GNUC_UNUSED,
            GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = g_strconcat (get_document (self)->id, ".xml", NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Save the Draft As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _("Policy documents (XML)"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Once the dialog asking it is gone: it is transient for this window. */
static void
destroy_later (PnPolicyEditor *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
discard_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                     const char       *response,
                     PnPolicyEditor   *self)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (g_strcmp0 (response, "discard") != 0)
    return;

  file = pn_editor_document_get_file (self->document);
  settings = g_settings_new (APPLICATION_ID);
  /* nothing more is written: the document goes with the window */
  pn_editor_document_stop_saving (self->document);
  g_object_set_data (G_OBJECT (self), "pn-discarded", GINT_TO_POINTER (TRUE));
  if (!pn_editor_drafts_discard (settings, file, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("Cannot delete the draft: %s", error->message);
  destroy_later (self);
}

static void
discard_cb (GtkWidget  *widget,
            const char *action_name G_GNUC_UNUSED,
            GVariant   *parameter G_GNUC_UNUSED)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (widget);
  GtkWidget *dialog;
  gboolean default_file = pn_editor_drafts_is_default (pn_editor_document_get_file (self->document));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard the Draft?"),
                                   default_file
                                   ? _("The draft and every change made to it are deleted. Policy documents already imported stay.")
                                   : _("The draft is no longer listed with the drafts in progress; its file stays where it was saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name G_GNUC_UNUSED,
           GVariant   *parameter G_GNUC_UNUSED)
{
  pn_policy_editor_import (PN_POLICY_EDITOR (widget));
}

static void
save_case_cb (GtkWidget  *widget,
              const char *action_name G_GNUC_UNUSED,
              GVariant   *parameter G_GNUC_UNUSED)
{
  pn_policy_editor_save_case (PN_POLICY_EDITOR (widget));
}

/* ---- the window ---- */

static void
close_anyway_response_cb (AdwMessageDialog *dialog G_GNUC_UNUSED,
                          const char       *response,
                          PnPolicyEditor   *self)
{
  if (g_strcmp0 (response, "close") != 0)
    return;
  pn_editor_document_stop_saving (self->document);
  g_object_set_data (G_OBJECT (self), "pn-discarded", GINT_TO_POINTER (TRUE));
  destroy_later (self);
}

static gboolean
pn_policy_editor_close_request (GtkWindow *window)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (window);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  /* nothing lost: what is not written yet is written before it closes;
   * when it cannot be, the window stays unless the user says otherwise */
  if (self->document == NULL || pn_editor_document_save_now (self->document, &error))
    return GTK_WINDOW_CLASS (pn_policy_editor_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Save the Draft"), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "close", _("_Close Without Saving"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_anyway_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
pn_policy_editor_dispose (GObject *object)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      if (!GPOINTER_TO_INT (g_object_get_data (object, "pn-discarded")))
        {
          g_autoptr(GError) error = NULL;

          if (!pn_editor_document_save_now (self->document, &error))
            g_warning ("Cannot save the draft: %s", error->message);
        }
    }
  self->article = NULL;
  self->benefit = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_POLICY_EDITOR);
  g_clear_object (&self->document);
  g_clear_pointer (&self->supersede_guess, pn_document_unref);

  G_OBJECT_CLASS (pn_policy_editor_parent_class)->dispose (object);
}

static void
pn_policy_editor_finalize (GObject *object)
{
  PnPolicyEditor *self = PN_POLICY_EDITOR (object);

  g_clear_pointer (&self->article_rows, g_ptr_array_unref);
  g_clear_pointer (&self->benefit_rows, g_ptr_array_unref);
  g_free (self->progress);

  G_OBJECT_CLASS (pn_policy_editor_parent_class)->finalize (object);
}

static void
pn_policy_editor_class_init (PnPolicyEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pn_policy_editor_dispose;
  object_class->finalize = pn_policy_editor_finalize;
  window_class->close_request = pn_policy_editor_close_request;

  g_type_ensure (PN_TYPE_BENEFIT_FORM);
  g_type_ensure (PN_TYPE_DOCUMENT_FORM);
  g_type_ensure (PN_TYPE_EDITOR_SOURCE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-policy-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, article_heading_label);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, article_leaflet);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, article_list);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, article_reviewed_button);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, article_state_label);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, benefit_form);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, benefit_list);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, document_form);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, form_stack);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, import_button);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, issue_banner);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, issue_label);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, issue_show_button);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, no_benefits_label);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, source);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, supersede_banner);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, supersede_label);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PnPolicyEditor, window_title);
  gtk_widget_class_bind_template_callback (widget_class, article_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, benefit_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_policy_editor_update_header);

  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "editor.toggle-reviewed", NULL, toggle_reviewed_cb);
  gtk_widget_class_install_action (widget_class, "editor.mark-article-reviewed", NULL, mark_article_reviewed_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-benefit", NULL, add_benefit_cb);
  gtk_widget_class_install_action (widget_class, "editor.delete-benefit", NULL, delete_benefit_cb);
  gtk_widget_class_install_action (widget_class, "editor.show-issue", NULL, show_issue_cb);
  gtk_widget_class_install_action (widget_class, "editor.link-superseded", NULL, link_superseded_cb);
  gtk_widget_class_install_action (widget_class, "editor.dismiss-superseded", NULL, dismiss_superseded_cb);
  gtk_widget_class_install_action (widget_class, "editor.save-as", NULL, save_as_cb);
  gtk_widget_class_install_action (widget_class, "editor.discard", NULL, discard_cb);
  gtk_widget_class_install_action (widget_class, "editor.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "editor.save-case", NULL, save_case_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "editor.toggle-reviewed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back", NULL);
}

static void
pn_policy_editor_init (PnPolicyEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->article_rows = g_ptr_array_new ();
  self->benefit_rows = g_ptr_array_new ();
  g_signal_connect_object (self->source, "figure-activated", G_CALLBACK (figure_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->benefit_form, "notify::refusing", G_CALLBACK (pn_policy_editor_actions_update),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document_form, "notify::refusing", G_CALLBACK (pn_policy_editor_actions_update),
                           self, G_CONNECT_SWAPPED);
}

PnPolicyEditor *
pn_policy_editor_new (PnApplication    *application,
                      PnEditorDocument *document)
{
  PnPolicyEditor *self;

  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (document), NULL);

  self = g_object_new (PN_TYPE_POLICY_EDITOR, "application", application, NULL);
  self->document = g_object_ref (document);

  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "checked", G_CALLBACK (document_checked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::check", G_CALLBACK (pn_policy_editor_actions_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "corpus-changed", G_CALLBACK (corpus_changed_cb), self,
                           G_CONNECT_SWAPPED);

  pn_document_form_set_document (self->document_form, document);
  build_article_rows (self);

  /* the first article with something to review, else the details */
  {
    PnDocument *doc = get_document (self);
    PnArticle *first = NULL;

    for (guint i = 0; i < doc->articles->len && first == NULL; i++)
      {
        PnArticle *article = g_ptr_array_index (doc->articles, i);

        if (pn_editor_document_count_unreviewed (document, article) > 0)
          first = article;
      }
    if (first != NULL)
      pn_policy_editor_select_article (self, first);
    else
      pn_policy_editor_show_details (self);
    /* on a phone, the list of articles first */
    adw_leaflet_set_visible_child_name (self->leaflet, "articles");
  }

  update_supersede_banner (self);
  update_issue (self);
  pn_policy_editor_update_header (self);
  pn_policy_editor_actions_update (self);
  return self;
}

PnPolicyEditor *
pn_policy_editor_find (GtkApplication *application,
                       GFile          *file)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (PN_IS_POLICY_EDITOR (l->data) &&
        g_file_equal (pn_editor_document_get_file (PN_POLICY_EDITOR (l->data)->document), file))
      return PN_POLICY_EDITOR (l->data);
  return NULL;
}

PnEditorDocument *
pn_policy_editor_get_document (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);
  return self->document;
}

PnArticle *
pn_policy_editor_get_article (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);
  return self->article;
}

PnBenefit *
pn_policy_editor_get_benefit (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);
  return self->benefit;
}

PnBenefitForm *
pn_policy_editor_get_benefit_form (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);
  return self->benefit_form;
}

PnDocumentForm *
pn_policy_editor_get_document_form (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);
  return self->document_form;
}

PnEditorSource *
pn_policy_editor_get_source (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);
  return self->source;
}

const char *
pn_policy_editor_get_progress (PnPolicyEditor *self)
{
  g_return_val_if_fail (PN_IS_POLICY_EDITOR (self), NULL);
  return self->progress;
}
