/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-location-page"

#include "config.h"

#include "pn-location-page.h"

#include "pn-gui-util.h"

#include <glib/gi18n.h>
#include <string.h>

struct _PnLocationPage
{
  PnPage          parent_instance;

  PnCorpus       *built_for;     /* the corpus the rows show; not owned */
  gboolean        syncing;

  /* Template children */
  GtkListBox     *list_box;
  GtkSearchEntry *search_entry;
};

G_DEFINE_FINAL_TYPE (PnLocationPage, pn_location_page, PN_TYPE_PAGE)

#define ROW_CHECK_KEY "pn-check"
#define ROW_SEARCH_KEY "pn-search-text"

static void
pn_location_page_sync (PnLocationPage *self)
{
  PnProfile *profile = pn_page_get_profile (PN_PAGE (self));
  const char *location = profile != NULL ? pn_profile_get_location (profile) : NULL;
  GtkListBoxRow *row;

  self->syncing = TRUE;
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), ROW_CHECK_KEY);

      gtk_check_button_set_active (check, g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), location) == 0);
    }
  self->syncing = FALSE;
}

static void
pn_location_page_check_toggled_cb (PnLocationPage *self,
                                   GtkCheckButton *check)
{
  PnProfile *profile = pn_page_get_profile (PN_PAGE (self));
  GtkWidget *row;

  if (self->syncing || profile == NULL || !gtk_check_button_get_active (check))
    return;

  row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);
  pn_profile_set_location (profile, gtk_widget_get_name (row));
}

/* Everything a search may match: both labels, the id, and the labels of
 * the places above (so that "Quanzhou" finds Jinjiang). */
static char *
search_text_for (PnTaxonomy   *taxonomy,
                 const PnTerm *term)
{
  GString *text = g_string_new (NULL);

  for (const PnTerm *t = term; t != NULL; t = t->parent ? pn_taxonomy_get_location (taxonomy, t->parent) : NULL)
    {
      g_string_append_printf (text, "%s\n%s\n%s\n", t->id, t->zh ? t->zh : "", t->en ? t->en : "");
      /* The province is above everything; matching it would match all. */
      if (t != term && t->parent == NULL)
        break;
    }

  return g_utf8_casefold (text->str, -1);
}

static void
pn_location_page_rebuild (PnLocationPage *self)
{
  PnCorpus *corpus = pn_page_get_corpus (PN_PAGE (self));
  GtkCheckButton *first = NULL;
  PnTaxonomy *taxonomy;
  g_autoptr(GPtrArray) locations = NULL;

  pn_gui_list_box_remove_all (self->list_box);
  self->built_for = corpus;
  if (corpus == NULL)
    return;

  taxonomy = pn_corpus_get_taxonomy (corpus);
  /* the taxonomy's places, then those imported documents declare */
  locations = pn_corpus_list_locations (corpus, NULL);
  if (locations == NULL)
    locations = g_ptr_array_ref (pn_taxonomy_get_locations (taxonomy));

  for (guint i = 0; i < locations->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (locations, i);
      const PnTerm *parent = term->parent ? pn_taxonomy_get_location (taxonomy, term->parent) : NULL;
      guint depth = pn_taxonomy_location_depth (taxonomy, term->id);
      const char *label = pn_gui_term_label (term);
      const char *other = pn_gui_term_other_label (term);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (pn_taxonomy_get_location (taxonomy, term->id) == NULL)
        /* Translators: the subtitle of a place only an imported document
         * knows (a new city's measures): its name in the other language */
        subtitle = g_strdup_printf (_("%s · from an imported document"), other ? other : "");
      else if (depth == 0)
        /* Translators: the subtitle of the province in the list of places */
        subtitle = g_strdup_printf (_("%s · elsewhere in the province"), other ? other : "");
      else if (depth >= 2 && parent != NULL)
        /* Translators: the subtitle of a county: its name in the other
         * language, then the city it belongs to */
        subtitle = g_strdup_printf (_("%s · in %s"), other ? other : "", pn_gui_term_label (parent));
      else
        subtitle = g_strdup (other);

      gtk_widget_set_name (row, term->id);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* Counties sit under their city. */
      if (depth >= 2)
        gtk_widget_set_margin_start (check, 24 * (depth - 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (pn_location_page_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), ROW_CHECK_KEY, check);
      g_object_set_data_full (G_OBJECT (row), ROW_SEARCH_KEY, search_text_for (taxonomy, term), g_free);
      pn_gui_tag_chinese (row);

      gtk_list_box_append (self->list_box, row);
    }

  pn_location_page_sync (self);
}

static gboolean
pn_location_page_filter_func (GtkListBoxRow *row,
                              gpointer       user_data)
{
  PnLocationPage *self = PN_LOCATION_PAGE (user_data);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;
  const char *haystack;

  if (query == NULL || *query == '\0')
    return TRUE;

  folded = g_utf8_casefold (g_strstrip (g_strdup (query)), -1);
  haystack = g_object_get_data (G_OBJECT (row), ROW_SEARCH_KEY);

  return haystack != NULL && strstr (haystack, folded) != NULL;
}

static void
pn_location_page_search_changed_cb (PnLocationPage *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
}

static GtkListBoxRow *
pn_location_page_first_visible_row (PnLocationPage *self)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      if (pn_location_page_filter_func (row, self))
        return row;
    }

  return NULL;
}

/* Enter in the search: choose the first match, or go on once chosen (an
 * empty search never chooses). */
static void
pn_location_page_search_activate_cb (PnLocationPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkListBoxRow *row = pn_location_page_first_visible_row (self);
  GtkCheckButton *check = row != NULL ? g_object_get_data (G_OBJECT (row), ROW_CHECK_KEY) : NULL;

  if (query != NULL && *query != '\0' && check != NULL && !gtk_check_button_get_active (check))
    gtk_check_button_set_active (check, TRUE);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

static void
pn_location_page_update (PnPage *page)
{
  PnLocationPage *self = PN_LOCATION_PAGE (page);
  PnProfile *profile = pn_page_get_profile (page);

  if (self->built_for != pn_page_get_corpus (page))
    pn_location_page_rebuild (self);
  else
    pn_location_page_sync (self);

  pn_page_set_complete (page, profile != NULL && pn_profile_get_location (profile) != NULL);
}

static void
pn_location_page_shown (PnPage *page)
{
  PnLocationPage *self = PN_LOCATION_PAGE (page);

  /* Back here (Edit Answers, Back), every place shows again, the chosen
   * one ticked: a search from before would hide the others. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
pn_location_page_class_init (PnLocationPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnPageClass *page_class = PN_PAGE_CLASS (klass);

  page_class->update = pn_location_page_update;
  page_class->shown = pn_location_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-location-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnLocationPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, PnLocationPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, pn_location_page_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_location_page_search_changed_cb);
}

static void
pn_location_page_init (PnLocationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pn_page_set_keys (PN_PAGE (self), (const char * const []) { "location", NULL });
  gtk_list_box_set_filter_func (self->list_box, pn_location_page_filter_func, self, NULL);
}
