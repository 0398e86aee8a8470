/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-reader-view"

#include "config.h"

#include "pn-reader-view.h"

#include "pn-export.h"
#include "pn-citation.h"
#include "pn-date.h"
#include "pn-gui-util.h"
#include "profiles/pn-import.h"

#include <glib/gi18n.h>
#include <string.h>

#define PN_SEARCH_LIMIT 50
#define PN_BUSY_RETRY_MS 150

struct _PnReaderView
{
  AdwBin          parent_instance;

  GtkLabel       *article_chapter_label;
  GtkLabel       *article_citation_label;
  GtkLabel       *article_document_label;
  GtkLabel       *article_heading_label;
  GtkListBox     *article_list;
  GtkLabel       *article_original_label;
  GtkLabel       *article_other_heading_label;
  GtkScrolledWindow *article_scroller;
  GtkLabel       *article_summary_label;
  GtkLabel       *article_units_label;
  GtkButton      *content_back_button;
  gboolean        back_in_header;   /* the window's Back goes back here */
  GtkStack       *content_stack;
  GtkLabel       *document_articles_label;
  GtkBox         *document_badges;
  GtkLabel       *document_issuer_label;
  GtkListBox     *document_list;
  GtkLabel       *document_number_label;
  GtkLabel       *document_other_title_label;
  GtkScrolledWindow *document_scroller;
  GtkLabel       *document_title_label;
  GtkLabel       *document_validity_label;
  GtkButton      *documents_button;
  GtkButton      *edit_document_button;
  GtkButton      *remove_document_button;
  AdwLeaflet     *leaflet;
  AdwStatusPage  *no_results_page;
  GtkSearchBar   *search_bar;
  GtkSearchEntry *search_entry;
  GtkListBox     *search_list;
  GtkStack       *sidebar_stack;
  GtkLabel       *sidebar_title;

  PnApplication  *application;
  PnProfile      *profile;
  PnCorpus       *corpus;
  PnDocument     *document;     /* the one whose articles are listed */
  PnArticle      *article;      /* shown; belongs to document */
  char           *highlight;    /* the search that opened the article */
  guint           n_hits;       /* of the search shown */
  guint           busy_retry_id;
};

G_DEFINE_FINAL_TYPE (PnReaderView, pn_reader_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_APPLICATION,
  PROP_DOCUMENT_ID,
  PROP_ARTICLE_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- small helpers ---- */

/* Tagged when Chinese, hidden when empty. */
static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  pn_gui_label_set_text (label, text);
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static GtkWidget *
text_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  set_label_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (list));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  /* Rows about to go must not hold the focus. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (list)))
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/pnav/PolicyNavigator/reader/pn-reader.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* ---- status ---- */

static char *
dup_as_of (PnReaderView *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->profile != NULL)
    return pn_profile_dup_effective_as_of (self->profile);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

/* As the engine decides it for a benefit without its own deadline. */
static PnStatus
document_status (PnDocument           *document,
                 const PnSupersededBy *by,
                 const char           *as_of)
{
  const char *from = document->applies_from ? document->applies_from : document->in_force_from;

  if (by != NULL && strcmp (as_of, by->from) >= 0)
    return PN_STATUS_SUPERSEDED;
  if (document->draft)
    return PN_STATUS_DRAFT;
  if (pn_document_get_in_force_until (document) != NULL &&
      strcmp (as_of, pn_document_get_in_force_until (document)) > 0)
    return PN_STATUS_EXPIRED;
  if (from != NULL && strcmp (as_of, from) < 0)
    return PN_STATUS_PENDING;
  return PN_STATUS_IN_FORCE;
}

static GtkWidget *
badge_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  set_label_text (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, "pn-badge");
  gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  return label;
}

static GtkWidget *
status_badge_new (PnStatus    status,
                  const char *as_of)
{
  static const struct {
    const char *label;
    const char *css_class;
  } badges[] = {
    [PN_STATUS_IN_FORCE] = { N_("In force"), "in-force" },
    [PN_STATUS_EXPIRED] = { N_("Expired"), "expired" },
    [PN_STATUS_PENDING] = { N_("Pending"), "pending" },
    [PN_STATUS_DRAFT] = { N_("Draft"), "draft" },
    [PN_STATUS_SUPERSEDED] = { N_("Superseded"), "superseded" },
  };
  GtkWidget *badge;
  g_autofree char *tooltip = NULL;

  g_assert (status < G_N_ELEMENTS (badges));

  badge = badge_new (_(badges[status].label), badges[status].css_class);
  /* Translators: the tooltip of a status badge; %s is a date (2026-11-23) */
  tooltip = g_strdup_printf (_("Status as of %s"), as_of);
  gtk_widget_set_tooltip_text (badge, tooltip);

  return badge;
}

/* The final document replacing `document`, from a date, or NULL; the
 * corpus keeps what it returns. */
static const PnSupersededBy *
superseded_by (PnCorpus   *corpus,
               PnDocument *document)
{
  g_autoptr(GHashTable) superseded = corpus != NULL ? pn_corpus_get_superseded (corpus, NULL) : NULL;

  return superseded != NULL ? g_hash_table_lookup (superseded, document->id) : NULL;
}

static void
add_document_badges (GtkBox     *box,
                     PnCorpus   *corpus,
                     PnDocument *document,
                     const char *as_of)
{
  PnStatus status = document_status (document, superseded_by (corpus, document), as_of);

  /* a text that states no period of its own (Fujian's task list, the
   * Fuzhou plan): a measure's own time limit, where it states one, says
   * when it applies, and "In force" would promise what the text does not */
  if (status == PN_STATUS_IN_FORCE && document->in_force_from == NULL &&
      pn_document_get_in_force_until (document) == NULL && document->applies_from == NULL)
    {
      GtkWidget *badge = badge_new (_("Dates per measure"), "undated");

      gtk_widget_set_tooltip_text (badge, _("The text states no period of validity; a measure’s own time limit applies where it states one"));
      gtk_box_append (box, badge);
    }
  else
    {
      g_autofree char *today = pn_date_today ();

      gtk_box_append (box, status_badge_new (status, as_of));
      /* on the client's day, not today's: "Expired" of a document in
       * force today must say when it is so */
      if (g_strcmp0 (as_of, today) != 0)
        {
          g_autofree char *date = pn_gui_format_date (as_of);
          /* Translators: beside a document's status when it is worked out
           * on a day other than today (the client's); %s is a date */
          g_autofree char *text = g_strdup_printf (_("as of %s"), date);
          GtkWidget *label = gtk_label_new (text);

          gtk_widget_add_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "caption");
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_box_append (box, label);
        }
    }
  if (document->user_imported)
    gtk_box_append (box, badge_new (_("User imported"), "imported"));
}

static char *
describe_validity (PnCorpus   *corpus,
                   PnDocument *document)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const PnSupersededBy *by = superseded_by (corpus, document);
  g_autofree char *from = document->in_force_from ? pn_gui_format_date (document->in_force_from) : NULL;
  const char *last_day = pn_document_get_in_force_until (document);
  g_autofree char *until = last_day != NULL ? pn_gui_format_date (last_day) : NULL;

  if (document->draft)
    g_string_append (text, _("A draft for comment, not in force"));
  else if (document->in_force_from != NULL && last_day != NULL)
    g_string_append_printf (text, _("In force from %s to %s"), from, until);
  else if (document->in_force_from != NULL)
    g_string_append_printf (text, _("In force from %s, with no end date"), from);
  else if (last_day != NULL)
    g_string_append_printf (text, _("In force until %s"), until);
  else
    g_string_append (text, _("The text states no period of validity; a measure’s own time limit applies where it states one"));

  if (last_day != NULL && last_day != document->in_force_until)
    {
      PnDocument *notice = pn_corpus_find_header (corpus, document->extended_by, NULL);
      const char *name = notice == NULL ? document->extended_by
                         : notice->doc_number != NULL ? notice->doc_number
                         : pn_text_get (&notice->title, pn_lang_from_locale ());
      g_autofree char *written = document->in_force_until != NULL
                                 ? pn_gui_format_date (document->in_force_until) : NULL;

      g_string_append_c (text, '\n');
      /* Translators: "Extended by 厦府办规〔2026〕15号; the text said until 31 Dec 2026" */
      if (written != NULL)
        g_string_append_printf (text, _("Extended by %s; the text said until %s"), name, written);
      else
        g_string_append_printf (text, _("Extended by %s"), name);
    }

  if (document->applies_from != NULL)
    {
      g_autofree char *applies = pn_gui_format_date (document->applies_from);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Applies from %s"), applies);
    }

  if (by != NULL)
    {
      PnDocument *replacing = pn_corpus_find_header (corpus, by->by, NULL);
      const char *name = replacing == NULL ? by->by
                         : replacing->doc_number != NULL ? replacing->doc_number
                         : pn_text_get (&replacing->title, pn_lang_from_locale ());

      g_string_append_c (text, '\n');
      /* Translators: "Replaced by 厦府规〔2027〕1号 from 2027-01-01": its
       * measures are shown but no longer counted from that day */
      {
        g_autofree char *date = pn_gui_format_date (by->from);

        g_string_append_printf (text, _("Replaced by %s from %s"), name, date);
      }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- texts ---- */

static const char *
document_short_name (PnDocument *document,
                     PnLang      lang)
{
  if (document->doc_number != NULL)
    return document->doc_number;

  return pn_text_get (&document->title, lang);
}

/* An article as its document numbers its measures, as the results cite
 * it: "Art. 12", "Task 53"; 第12条, 第53项, 第一条第（二）项. */
static char *
article_label (PnDocument *document,
               const char *number,
               PnLang      lang)
{
  char *label;

  if (document == NULL)
    /* Translators: an article of a policy document; %s is its number ("12") */
    return g_strdup_printf (_("Article %s"), number);
  label = pn_citation_format_number (document, number, lang);
  /* at the start of a line */
  if (g_ascii_islower (label[0]))
    label[0] = g_ascii_toupper (label[0]);
  return label;
}

static char *
describe_units (PnArticle  *article,
                PnTaxonomy *taxonomy,
                PnLang      lang)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; article->units != NULL && i < article->units->len; i++)
    {
      PnUnitRef *ref = g_ptr_array_index (article->units, i);
      const PnTerm *term = pn_document_lookup_unit (article->document, taxonomy, ref->id);
      const char *name = ref->id;

      if (term != NULL)
        name = (lang == PN_LANG_ZH || term->en == NULL) ? term->zh : term->en;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Nearly every unit leads: mark only the others. */
      if (g_strcmp0 (ref->role, "cooperating") == 0)
        /* Translators: a unit that cooperates in carrying out an article */
        g_string_append_printf (text, _("%s (cooperating)"), name);
      else
        g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "…前文«临床试验»后文…" → Pango markup with the hit in bold. */
static char *
snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new ("<span lang=\"zh-cn\">");
  const char *p = snippet;

  while (*p != '\0')
    {
      const char *open = strstr (p, "«");
      const char *close = open ? strstr (open, "»") : NULL;
      g_autofree char *before = NULL;
      g_autofree char *hit = NULL;

      if (open == NULL || close == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);

          g_string_append (markup, rest);
          break;
        }

      before = g_markup_escape_text (p, open - p);
      open += strlen ("«");
      hit = g_markup_escape_text (open, close - open);
      g_string_append_printf (markup, "%s<b>%s</b>", before, hit);
      p = close + strlen ("»");
    }

  g_string_append (markup, "</span>");
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Marks every occurrence of `needle` (case-insensitively for ASCII). */
static void
highlight_occurrences (PangoAttrList *attrs,
                       const char    *text,
                       const char    *needle)
{
  g_autofree char *folded_text = NULL;
  g_autofree char *folded_needle = NULL;
  gsize needle_len;
  const char *p;

  if (needle == NULL || *needle == '\0')
    return;

  /* ASCII folding keeps byte offsets intact. */
  folded_text = g_ascii_strdown (text, -1);
  folded_needle = g_ascii_strdown (needle, -1);
  needle_len = strlen (folded_needle);

  for (p = strstr (folded_text, folded_needle); p != NULL; p = strstr (p + needle_len, folded_needle))
    {
      PangoAttribute *attr;
      guint start = p - folded_text;

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = start + needle_len;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_background_new (0xf600, 0xd300, 0x2d00);
      attr->start_index = start;
      attr->end_index = start + needle_len;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_background_alpha_new (0x6000);
      attr->start_index = start;
      attr->end_index = start + needle_len;
      pango_attr_list_insert (attrs, attr);
    }
}

/* ---- the corpus ---- */

static PnCorpus *
ensure_corpus (PnReaderView *self)
{
  PnStore *store;
  PnCorpus *corpus;

  if (self->corpus != NULL || self->application == NULL)
    return self->corpus;

  /* An import thread owns the store until it is done; the corpus comes
   * back through "corpus-changed". */
  store = pn_application_get_store (self->application);
  if (store != NULL && pn_gui_store_is_busy (store))
    return NULL;

  corpus = pn_application_get_corpus (self->application);
  if (corpus != NULL)
    self->corpus = pn_corpus_ref (corpus);

  return self->corpus;
}

static PnTaxonomy *
get_taxonomy (PnReaderView *self)
{
  return self->corpus ? pn_corpus_get_taxonomy (self->corpus) : NULL;
}

/* ---- actions ---- */

static gboolean
can_go_back (PnReaderView *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0)
    return TRUE;

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "articles") == 0;
}

static void
pn_reader_view_actions_update (PnReaderView *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean in_document = g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "articles") == 0 &&
                         self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.back", can_go_back (self));
  /* one Back at a phone's width: the window's, when it goes back here
   * (a document's articles had the window's and the list's, one above
   * the other, both back to the documents) */
  gtk_widget_set_visible (GTK_WIDGET (self->content_back_button), folded && !self->back_in_header);
  gtk_widget_set_visible (GTK_WIDGET (self->documents_button), in_document && !(folded && self->back_in_header));
}

gboolean
pn_reader_view_can_go_back (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  /* at a phone's width only: side by side, the window's Back leaves */
  return adw_leaflet_get_folded (self->leaflet) && can_go_back (self);
}

void
pn_reader_view_set_back_in_header (PnReaderView *self,
                                   gboolean      back_in_header)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  self->back_in_header = back_in_header;
  pn_reader_view_actions_update (self);
}

/* ---- the sidebar ---- */

static void
update_sidebar_header (PnReaderView *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);
  gboolean in_document = g_strcmp0 (page, "articles") == 0 && self->document != NULL;

  pn_reader_view_actions_update (self);
  if (in_document)
    set_label_text (self->sidebar_title, document_short_name (self->document, pn_lang_from_locale ()));
  else if (g_strcmp0 (page, "search") == 0)
    {
      g_autofree char *count = NULL;

      /* How many articles match, said where the list starts. */
      if (self->n_hits >= PN_SEARCH_LIMIT)
        /* Translators: the search shows its first %u hits, and there are more */
        count = g_strdup_printf (_("First %u Results"), self->n_hits);
      else
        /* Translators: the number of articles a search found */
        count = g_strdup_printf (ngettext ("%u Result", "%u Results", self->n_hits), self->n_hits);
      set_label_text (self->sidebar_title, count);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_list),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count,
                                      -1);
    }
  else if (g_strcmp0 (page, "no-results") == 0)
    set_label_text (self->sidebar_title, _("Search Results"));
  else
    set_label_text (self->sidebar_title, _("Documents"));
}

static void
show_sidebar_page (PnReaderView *self,
                   const char   *name)
{
  gtk_stack_set_visible_child_name (self->sidebar_stack, name);
  update_sidebar_header (self);
}

/* The page to return to when the search ends. */
static const char *
browse_page (PnReaderView *self)
{
  return self->document != NULL ? "articles" : "documents";
}

static GtkWidget *
document_row_new (PnCorpus   *corpus,
                  PnDocument *document,
                  PnLang      lang,
                  const char *as_of)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *meta = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number;

  g_object_set_data_full (G_OBJECT (row), "pn-document-id", g_strdup (document->id), g_free);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), text_label_new (pn_text_get (&document->title, lang), NULL));

  add_document_badges (GTK_BOX (meta), corpus, document, as_of);
  number = text_label_new (document->doc_number, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (number), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (number), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (number, "caption");
  gtk_box_append (GTK_BOX (meta), number);
  gtk_box_append (GTK_BOX (box), meta);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
article_row_new (PnArticle *article,
                 PnLang     lang)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = article_label (article->document, article->number, lang);

  g_object_set_data_full (G_OBJECT (row), "pn-article", g_strdup (article->number), g_free);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), text_label_new (number, "caption-heading"));
  gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");
  gtk_box_append (GTK_BOX (box), text_label_new (pn_text_get (&article->heading, lang), NULL));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkWidget *
search_row_new (PnSearchHit *hit,
                PnDocument  *document,
                PnLang       lang)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  GtkWidget *snippet;
  g_autofree char *markup = snippet_to_markup (hit->snippet ? hit->snippet : "");
  g_autofree char *number = article_label (document, hit->article, lang);
  g_autofree char *where = NULL;
  const PnText heading = { .zh = hit->heading_zh, .en = hit->heading_en };

  g_object_set_data_full (G_OBJECT (row), "pn-document-id", g_strdup (hit->document_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "pn-article", g_strdup (hit->article), g_free);

  /* Translators: where a search hit is: "Article 3", then the document
   * (its number, or its title when it has none) */
  where = g_strdup_printf (_("%s · %s"), number,
                           document ? document_short_name (document, lang) : hit->document_id);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  label = text_label_new (where, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), text_label_new (pn_text_get (&heading, lang), "heading"));

  snippet = text_label_new (NULL, NULL);
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_widget_set_visible (snippet, TRUE);
  gtk_box_append (GTK_BOX (box), snippet);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *key,
          const char *value)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), key), value) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
populate_documents (PnReaderView *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = dup_as_of (self);
  PnLang lang = pn_lang_from_locale ();
  PnCorpus *corpus = ensure_corpus (self);

  clear_list_box (self->document_list);
  if (corpus == NULL)
    return;

  documents = pn_corpus_list_documents (corpus, &error);
  if (documents == NULL)
    {
      g_warning ("Cannot list the policy documents: %s", error->message);
      return;
    }
  for (guint i = 0; i < documents->len; i++)
    gtk_list_box_append (self->document_list,
                         document_row_new (self->corpus, g_ptr_array_index (documents, i), lang, as_of));

  if (self->document != NULL)
    gtk_list_box_select_row (self->document_list,
                             find_row (self->document_list, "pn-document-id", self->document->id));
}

static void
populate_articles (PnReaderView *self)
{
  PnLang lang = pn_lang_from_locale ();

  clear_list_box (self->article_list);
  if (self->document == NULL)
    return;

  for (guint i = 0; i < self->document->articles->len; i++)
    gtk_list_box_append (self->article_list,
                         article_row_new (g_ptr_array_index (self->document->articles, i), lang));
}

/* ---- the content ---- */

static void
scroll_to_top (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
show_document_content (PnReaderView *self)
{
  PnDocument *document = self->document;
  PnLang lang = pn_lang_from_locale ();
  PnLang other = lang == PN_LANG_ZH ? PN_LANG_EN : PN_LANG_ZH;
  g_autofree char *as_of = dup_as_of (self);
  g_autofree char *validity = NULL;
  g_autofree char *count = NULL;
  g_autofree char *issuer = NULL;

  g_assert (document != NULL);

  clear_box (self->document_badges);
  add_document_badges (self->document_badges, self->corpus, document, as_of);

  set_label_text (self->document_title_label, pn_text_get (&document->title, lang));
  set_label_text (self->document_other_title_label, pn_text_get (&document->title, other));
  set_label_text (self->document_number_label, document->doc_number ? document->doc_number : "—");
  issuer = g_strdup (pn_text_get (&document->issuer, lang));
  set_label_text (self->document_issuer_label, issuer && *issuer ? issuer : "—");
  validity = describe_validity (self->corpus, document);
  set_label_text (self->document_validity_label, validity);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                        document->articles->len),
                           document->articles->len);
  set_label_text (self->document_articles_label, count);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_document_button), "s", document->id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->remove_document_button), "s", document->id);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_document_button), document->user_imported);

  gtk_stack_set_visible_child_name (self->content_stack, "document");
  scroll_to_top (self->document_scroller);
}

static void
show_article_content (PnReaderView *self)
{
  PnArticle *article = self->article;
  PnLang lang = pn_lang_from_locale ();
  PnLang other = lang == PN_LANG_ZH ? PN_LANG_EN : PN_LANG_ZH;
  g_autofree char *citation = NULL;
  g_autofree char *units = NULL;
  PangoAttrList *attrs;
  const char *original;

  g_assert (article != NULL);

  set_label_text (self->article_document_label, pn_text_get (&article->document->title, lang));
  set_label_text (self->article_heading_label, pn_text_get (&article->heading, lang));
  set_label_text (self->article_other_heading_label, pn_text_get (&article->heading, other));
  citation = pn_citation_format (article, lang);
  set_label_text (self->article_citation_label, citation);
  set_label_text (self->article_chapter_label, article->chapter ? article->chapter : "—");
  units = describe_units (article, get_taxonomy (self), lang);
  set_label_text (self->article_units_label, *units ? units : "—");

  /* The original is always Chinese: tag it even when the search highlight
   * adds attributes of its own. */
  original = article->original ? article->original : "";
  gtk_label_set_text (self->article_original_label, original);
  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  highlight_occurrences (attrs, original, self->highlight);
  gtk_label_set_attributes (self->article_original_label, attrs);
  pango_attr_list_unref (attrs);

  set_label_text (self->article_summary_label, article->summary ? article->summary : "—");
  gtk_widget_set_visible (GTK_WIDGET (self->article_summary_label), TRUE);

  gtk_stack_set_visible_child_name (self->content_stack, "article");
  scroll_to_top (self->article_scroller);
}

static void
show_empty_content (PnReaderView *self)
{
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

/* ---- navigation ---- */

static void
set_document (PnReaderView *self,
              PnDocument   *document)
{
  if (document == self->document)
    return;

  g_clear_pointer (&self->document, pn_document_unref);
  self->article = NULL;
  if (document != NULL)
    self->document = pn_document_ref (document);

  populate_articles (self);
  gtk_list_box_select_row (self->document_list,
                           document ? find_row (self->document_list, "pn-document-id", document->id) : NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_NUMBER]);
}

static void
set_article (PnReaderView *self,
             PnArticle    *article)
{
  g_assert (article == NULL || article->document == self->document);

  if (article == self->article)
    return;

  self->article = article;
  gtk_list_box_select_row (self->article_list,
                           article ? find_row (self->article_list, "pn-article", article->number) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_NUMBER]);
}

static void
navigate_to_content (PnReaderView *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static gboolean
open_article (PnReaderView *self,
              const char   *document_id,
              const char   *article_number,
              const char   *highlight,
              gboolean      show_articles)
{
  PnCorpus *corpus = ensure_corpus (self);
  g_autoptr(GError) error = NULL;
  PnDocument *document;
  PnArticle *article = NULL;

  if (corpus == NULL)
    return FALSE;

  document = pn_corpus_find_document (corpus, document_id, &error);
  if (document == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot read document %s: %s", document_id, error->message);
      return FALSE;
    }

  if (article_number != NULL)
    {
      article = pn_document_find_article (document, article_number);
      if (article == NULL)
        return FALSE;
    }

  g_free (self->highlight);
  self->highlight = g_strdup (highlight);

  set_document (self, document);
  set_article (self, article);

  if (show_articles)
    show_sidebar_page (self, "articles");
  else
    update_sidebar_header (self);

  if (article != NULL)
    show_article_content (self);
  else
    show_document_content (self);

  return TRUE;
}

static void
document_row_activated_cb (PnReaderView  *self,
                           GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "pn-document-id");

  if (open_article (self, id, NULL, NULL, TRUE))
    navigate_to_content (self);
}

static void
article_row_activated_cb (PnReaderView  *self,
                          GtkListBoxRow *row)
{
  const char *number = g_object_get_data (G_OBJECT (row), "pn-article");

  if (self->document != NULL &&
      open_article (self, self->document->id, number, NULL, TRUE))
    navigate_to_content (self);
}

static void
search_row_activated_cb (PnReaderView  *self,
                         GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "pn-document-id");
  const char *number = g_object_get_data (G_OBJECT (row), "pn-article");
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (open_article (self, id, number, query, FALSE))
    navigate_to_content (self);
}

static void
documents_button_clicked_cb (PnReaderView *self)
{
  show_sidebar_page (self, "documents");
}

/* ---- search ---- */

static void run_search (PnReaderView *self);

static gboolean
busy_retry_cb (gpointer user_data)
{
  PnReaderView *self = user_data;

  self->busy_retry_id = 0;
  run_search (self);

  return G_SOURCE_REMOVE;
}

static void
show_no_results (PnReaderView *self,
                 const char   *title,
                 const char   *description)
{
  adw_status_page_set_title (self->no_results_page, title);
  adw_status_page_set_description (self->no_results_page, description);
  pn_gui_tag_chinese (GTK_WIDGET (self->no_results_page));
  show_sidebar_page (self, "no-results");
}

static void
run_search (PnReaderView *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  PnLang lang = pn_lang_from_locale ();
  PnStore *store;

  g_clear_handle_id (&self->busy_retry_id, g_source_remove);

  if (*query == '\0')
    {
      clear_list_box (self->search_list);
      show_sidebar_page (self, browse_page (self));
      return;
    }

  store = self->application ? pn_application_get_store (self->application) : NULL;
  if (store == NULL)
    {
      show_no_results (self, _("No Results"), _("The policy database is not available."));
      return;
    }

  if (pn_gui_store_is_busy (store))
    {
      self->busy_retry_id = g_timeout_add (PN_BUSY_RETRY_MS, busy_retry_cb, self);
      return;
    }

  hits = pn_store_search (store, query, NULL, PN_SEARCH_LIMIT, &error);
  if (hits == NULL)
    {
      show_no_results (self, _("Search Failed"), error->message);
      return;
    }

  clear_list_box (self->search_list);
  for (guint i = 0; i < hits->len; i++)
    {
      PnSearchHit *hit = g_ptr_array_index (hits, i);
      PnCorpus *corpus = ensure_corpus (self);
      PnDocument *document = corpus ? pn_corpus_find_header (corpus, hit->document_id, NULL) : NULL;

      gtk_list_box_append (self->search_list, search_row_new (hit, document, lang));
    }

  self->n_hits = hits->len;
  if (hits->len == 0)
    show_no_results (self, _("No Results"), _("No article contains these words."));
  else
    show_sidebar_page (self, "search");
}

static void
search_changed_cb (PnReaderView *self)
{
  run_search (self);
}

static void
search_activate_cb (PnReaderView *self)
{
  GtkListBoxRow *first;

  /* Enter opens the best hit. */
  run_search (self);
  first = gtk_list_box_get_row_at_index (self->search_list, 0);
  if (first != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "search") == 0)
    {
      gtk_list_box_select_row (self->search_list, first);
      search_row_activated_cb (self, first);
    }
}

static void
search_mode_changed_cb (PnReaderView *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);

      if (g_strcmp0 (page, "search") == 0 || g_strcmp0 (page, "no-results") == 0)
        show_sidebar_page (self, browse_page (self));
    }
}

/* ---- the application ---- */

static void
refresh (PnReaderView *self)
{
  g_autofree char *document_id = self->document ? g_strdup (self->document->id) : NULL;
  g_autofree char *article_number = self->article ? g_strdup (self->article->number) : NULL;
  g_autofree char *highlight = g_strdup (self->highlight);
  const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);
  gboolean showing_content = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") != 0;

  /* Documents may be gone or replaced: look everything up again by id. */
  self->article = NULL;
  g_clear_pointer (&self->document, pn_document_unref);
  populate_documents (self);
  populate_articles (self);

  if (document_id != NULL && showing_content &&
      open_article (self, document_id, article_number, highlight, g_strcmp0 (page, "articles") == 0))
    return;

  if (document_id != NULL && !showing_content && self->corpus != NULL)
    {
      PnDocument *document = pn_corpus_find_document (self->corpus, document_id, NULL);

      if (document != NULL)
        {
          set_document (self, document);
          update_sidebar_header (self);
          return;
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_NUMBER]);
  show_empty_content (self);
  if (g_strcmp0 (page, "articles") == 0)
    show_sidebar_page (self, "documents");
  else
    update_sidebar_header (self);
  /* at a phone's width the empty page would be all there is to see (a
   * removed document's): the list instead */
  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0)
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
corpus_changed_cb (PnReaderView *self)
{
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  refresh (self);

  if (gtk_search_bar_get_search_mode (self->search_bar))
    run_search (self);
}

static void
as_of_changed_cb (PnReaderView *self)
{
  /* Only the badges depend on the date. */
  refresh (self);
}

void
pn_reader_view_set_application (PnReaderView  *self,
                                PnApplication *application)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));
  g_return_if_fail (application == NULL || PN_IS_APPLICATION (application));

  if (self->application == application)
    return;

  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_set_object (&self->application, application);

  if (application != NULL)
    {
      g_signal_connect_object (application, "corpus-changed",
                               G_CALLBACK (corpus_changed_cb), self, G_CONNECT_SWAPPED);
      self->profile = g_object_ref (pn_application_get_profile (application));
      g_signal_connect_object (self->profile, "notify::as-of",
                               G_CALLBACK (as_of_changed_cb), self, G_CONNECT_SWAPPED);
    }

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLICATION]);
}

/* ---- action callbacks ---- */

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name G_GNUC_UNUSED,
                  GVariant   *parameter G_GNUC_UNUSED)
{
  pn_reader_view_focus_search (PN_READER_VIEW (widget));
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name G_GNUC_UNUSED,
                GVariant   *parameter G_GNUC_UNUSED)
{
  PnReaderView *self = PN_READER_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet) &&
      g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0)
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sidebar_stack), "articles") == 0)
    show_sidebar_page (self, "documents");
}

/* ---- GObject ---- */

static void
pn_reader_view_dispose (GObject *object)
{
  PnReaderView *self = (PnReaderView *) object;

  g_clear_handle_id (&self->busy_retry_id, g_source_remove);
  if (self->application != NULL)
    g_signal_handlers_disconnect_by_data (self->application, self);
  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_data (self->profile, self);
  g_clear_object (&self->application);
  g_clear_object (&self->profile);

  /* AdwBin unparents the template's root itself. */

  G_OBJECT_CLASS (pn_reader_view_parent_class)->dispose (object);
}

static void
pn_reader_view_finalize (GObject *object)
{
  PnReaderView *self = (PnReaderView *) object;

  self->article = NULL;
  g_clear_pointer (&self->document, pn_document_unref);
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_free (self->highlight);

  G_OBJECT_CLASS (pn_reader_view_parent_class)->finalize (object);
}

static void
pn_reader_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PnReaderView *self = PN_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;

    case PROP_DOCUMENT_ID:
      g_value_set_string (value, pn_reader_view_get_document_id (self));
      break;

    case PROP_ARTICLE_NUMBER:
      g_value_set_string (value, pn_reader_view_get_article_number (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_reader_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PnReaderView *self = PN_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      pn_reader_view_set_application (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_reader_view_class_init (PnReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_reader_view_dispose;
  object_class->finalize = pn_reader_view_finalize;
  object_class->get_property = pn_reader_view_get_property;
  object_class->set_property = pn_reader_view_set_property;

  properties[PROP_APPLICATION] =
    g_param_spec_object ("application", NULL, NULL, PN_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ARTICLE_NUMBER] =
    g_param_spec_string ("article-number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pnav/PolicyNavigator/ui/pn-reader-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_chapter_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_citation_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_document_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_heading_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_list);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_original_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_other_heading_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_scroller);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_summary_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, article_units_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, content_back_button);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_articles_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_badges);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_issuer_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_list);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_number_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_other_title_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_scroller);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_title_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, document_validity_label);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, documents_button);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, edit_document_button);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, remove_document_button);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, search_list);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, PnReaderView, sidebar_title);
  gtk_widget_class_bind_template_callback (widget_class, article_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, documents_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "reader.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "reader.back", NULL, back_action_cb);
}

static void
pn_reader_view_init (PnReaderView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_style ();
  pn_gui_tag_chinese (GTK_WIDGET (self));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (pn_reader_view_actions_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::visible-child",
                           G_CALLBACK (pn_reader_view_actions_update), self, G_CONNECT_SWAPPED);

  /* Ctrl+F within the view; the window may bind reader.search itself. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("reader.search")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Alt>Left"),
                                                          gtk_named_action_new ("reader.back")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_sidebar_header (self);
}

/* ---- public ---- */

GtkWidget *
pn_reader_view_new (PnApplication *application)
{
  g_return_val_if_fail (application == NULL || PN_IS_APPLICATION (application), NULL);

  return g_object_new (PN_TYPE_READER_VIEW, "application", application, NULL);
}

PnApplication *
pn_reader_view_get_application (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->application;
}

gboolean
pn_reader_view_show_article (PnReaderView *self,
                             const char   *document_id,
                             const char   *article_number)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  /* Coming from elsewhere (the results' "Show in document"): leave the
   * search and list the document's articles. */
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (!open_article (self, document_id, article_number, NULL, TRUE))
    return FALSE;

  navigate_to_content (self);
  return TRUE;
}

const char *
pn_reader_view_get_document_id (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->document ? self->document->id : NULL;
}

const char *
pn_reader_view_get_article_number (PnReaderView *self)
{
  g_return_val_if_fail (PN_IS_READER_VIEW (self), NULL);
  return self->article ? self->article->number : NULL;
}

void
pn_reader_view_focus_search (PnReaderView *self)
{
  g_return_if_fail (PN_IS_READER_VIEW (self));

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
