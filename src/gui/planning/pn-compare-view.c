/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-compare-view"

#include "config.h"

#include "pn-compare-view.h"

#include "planning/pn-compare-item.h"
#include "planning/pn-compare-row.h"

#include "pn-gui-util.h"
#include "pn-money.h"

#include <glib/gi18n.h>

/* The profile evaluated at two to four locations side by side: a column
 * per location with its counted total, then a row per kind of benefit and
 * per measure listed anywhere, with each location's amount and state.
 * Everything shown comes from PnCompare; nothing is recomputed here. */

#define PN_COMPARE_VIEW_CSS "/io/github/pnav/PolicyNavigator/planning/pn-compare-view.css"

/* When the user has not chosen: the profile's location, then these. */
static const char * const default_locations[] = { "xiamen", "jinjiang", "fuzhou" };
#define N_DEFAULT_CHOSEN 3
/* Measures a list shows at first, and adds each time "Show More" is
 * pressed: in a large corpus three places list thousands together. */
#define PN_COMPARE_VIEW_PAGE 50

struct _PnCompareView
{
  PnProfileView        parent_instance;

  PnCompare           *compare;        /* NULL while nothing is compared */
  GPtrArray           *locations;      /* char*, NULL-terminated: the chosen ids, in column order */
  GPtrArray           *places;         /* PnTerm: the places that may be chosen, or NULL until asked */
  gboolean             user_chose;     /* keep the user's choice when the profile moves */
  gboolean             stale;          /* widgets behind the profile */
  gboolean             syncing;        /* check buttons being set from code */
  gboolean             compact;        /* too narrow for columns: a line a location */
  guint                layout_idle_id; /* switching between wide and compact */
  GtkSizeGroup        *columns_group;  /* wide: the header as wide as the measures */
  GtkSizeGroup        *name_group;     /* compact: the location names, in line */
  GListStore          *kind_store;     /* PnCompareItem of each list */
  GListStore          *counted_store;
  GListStore          *other_store;
  /* Every measure listed somewhere (Measure), and the two lists' own, in
   * their order; their items are built a page at a time. */
  GPtrArray           *measures;
  GPtrArray           *counted_measures;
  GPtrArray           *other_measures;
  guint                counted_pages;   /* pages shown, kept when the layout changes */
  guint                other_pages;

  /* Template children */
  GtkButton           *answer_button;
  GtkLabel            *as_of_label;
  GtkWidget           *body_box;
  GtkScrolledWindow   *body_scrolled_window;
  GtkStack            *content_stack;
  GtkListBox          *counted_list;
  GtkButton           *counted_more_button;
  GtkWidget           *header_box;
  GtkScrolledWindow   *header_scrolled_window;
  AdwPreferencesGroup *kind_group;
  GtkListBox          *kind_list;
  GtkBox              *location_checks;
  GtkFlowBox          *location_columns;
  GtkMenuButton       *locations_button;
  GtkLabel            *locations_hint_label;
  GtkLabel            *locations_label;
  AdwPreferencesGroup *other_group;
  GtkListBox          *other_list;
  GtkButton           *other_more_button;
};

G_DEFINE_FINAL_TYPE (PnCompareView, pn_compare_view, PN_TYPE_PROFILE_VIEW)

/* ---- helpers ---- */

static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, PN_COMPARE_VIEW_CSS);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

/* The taxonomy's places, then those imported documents declare (a new
 * city's measures): read once for each corpus. */
static GPtrArray *
pn_compare_view_get_places (PnCompareView *self)
{
  PnCorpus *corpus = pn_profile_view_get_corpus (PN_PROFILE_VIEW (self));

  if (self->places == NULL && corpus != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->places = pn_corpus_list_locations (corpus, &error);
      if (self->places == NULL)
        {
          /* the documents could not be listed: the taxonomy's places still can */
          g_warning ("Could not list the places imported documents declare: %s", error->message);
          self->places = g_ptr_array_copy (pn_taxonomy_get_locations (pn_corpus_get_taxonomy (corpus)), NULL, NULL);
        }
    }
  return self->places;
}

static const PnTerm *
pn_compare_view_find_place (PnCompareView *self,
                            const char    *id)
{
  GPtrArray *places = pn_compare_view_get_places (self);

  for (guint i = 0; places != NULL && id != NULL && i < places->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (places, i);

      if (g_str_equal (term->id, id))
        return term;
    }
  return NULL;
}

static const char *
pn_compare_view_location_label (PnCompareView *self,
                                const char    *id)
{
  const PnTerm *term = pn_compare_view_find_place (self, id);

  return term != NULL ? pn_gui_term_label (term) : id;
}

static gboolean
pn_compare_view_has_location (PnCompareView *self,
                              const char    *id)
{
  for (guint i = 0; i < self->locations->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->locations, i), id) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
kind_label (PnBenefitKind kind)
{
  static const char * const labels[] = {
    N_("Fixed awards"),
    N_("Rate-based awards"),
    N_("Top-ups"),
    N_("Matching funds"),
    N_("Unspecified amounts"),
    N_("Non-monetary support"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == PN_N_BENEFIT_KINDS);

  g_assert (kind < PN_N_BENEFIT_KINDS);

  return _(labels[kind]);
}

/* What a measure comes to at one location, in a few words. */
static const char *
result_state_label (const PnResult *result)
{
  if (result->counted)
    return _("Counted");

  switch (result->not_counted)
    {
    case PN_NOT_COUNTED_DRAFT:
      return _("Draft");
    case PN_NOT_COUNTED_EXPIRED:
      return _("Expired");
    case PN_NOT_COUNTED_PENDING:
      return _("Not yet in force");
    case PN_NOT_COUNTED_POSSIBLE:
      return _("Possible");
    case PN_NOT_COUNTED_MISSING_FIGURE:
      return _("Needs a figure");
    case PN_NOT_COUNTED_THRESHOLD:
      return _("Threshold not met");
    case PN_NOT_COUNTED_OVERLAP:
      /* Translators: not counted because a higher measure of the same
       * overlap group is (就高从优) */
      return _("Beaten by a higher one");
    case PN_NOT_COUNTED_UNSPECIFIED:
      return _("No amount stated");
    case PN_NOT_COUNTED_NON_MONETARY:
      return _("Non-monetary");
    case PN_NOT_COUNTED_NOTHING_DUE:
      return _("Nothing due");
    case PN_NOT_COUNTED_SUPERSEDED:
      return _("Superseded");
    case PN_NOT_COUNTED_NONE:
    default:
      return _("Not counted");
    }
}

/* ---- the chosen locations ---- */

/* The profile's location, then Xiamen, Jinjiang and Fuzhou, then the
 * taxonomy's order: the first three that exist. */
static void
pn_compare_view_choose_default (PnCompareView *self)
{
  PnProfile *profile = pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
  GPtrArray *all = pn_compare_view_get_places (self);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();

  g_ptr_array_set_size (self->locations, 0);
  if (all == NULL)
    return;

  if (profile != NULL && pn_profile_get_location (profile) != NULL)
    g_ptr_array_add (candidates, (gpointer) pn_profile_get_location (profile));
  for (guint i = 0; i < G_N_ELEMENTS (default_locations); i++)
    g_ptr_array_add (candidates, (gpointer) default_locations[i]);
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (candidates, ((const PnTerm *) g_ptr_array_index (all, i))->id);

  for (guint i = 0; i < candidates->len && self->locations->len < N_DEFAULT_CHOSEN; i++)
    {
      const char *id = g_ptr_array_index (candidates, i);

      if (pn_compare_view_find_place (self, id) != NULL && !pn_compare_view_has_location (self, id))
        g_ptr_array_add (self->locations, g_strdup (id));
    }
}

/* The user's choice while it is valid for the corpus, else the default. */
static void
pn_compare_view_check_locations (PnCompareView *self)
{
  if (pn_compare_view_get_places (self) == NULL)
    return;

  if (self->user_chose)
    {
      for (guint i = self->locations->len; i > 0; i--)
        {
          if (pn_compare_view_find_place (self, g_ptr_array_index (self->locations, i - 1)) == NULL)
            g_ptr_array_remove_index (self->locations, i - 1);
        }
      if (self->locations->len >= PN_COMPARE_MIN_LOCATIONS)
        return;
      self->user_chose = FALSE;
    }

  pn_compare_view_choose_default (self);
}

/* The check buttons, their sensitivity and the labels, from the choice:
 * fewer than two or more than four cannot be chosen. */
static void
pn_compare_view_sync_picker (PnCompareView *self)
{
  g_autoptr(GString) names = g_string_new (NULL);
  const char *separator = pn_gui_get_lang () == PN_LANG_ZH ? "、" : ", ";
  guint n = self->locations->len;

  self->syncing = TRUE;
  for (GtkWidget *check = gtk_widget_get_first_child (GTK_WIDGET (self->location_checks));
       check != NULL;
       check = gtk_widget_get_next_sibling (check))
    {
      gboolean active = pn_compare_view_has_location (self, gtk_widget_get_name (check));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_sensitive (check, active ? n > PN_COMPARE_MIN_LOCATIONS : n < PN_COMPARE_MAX_LOCATIONS);
    }
  self->syncing = FALSE;

  if (n >= PN_COMPARE_MAX_LOCATIONS)
    gtk_label_set_text (self->locations_hint_label, _("Four locations at most: clear one to choose another."));
  else if (n <= PN_COMPARE_MIN_LOCATIONS)
    gtk_label_set_text (self->locations_hint_label, _("Two locations at least: choose another before clearing one."));
  else
    gtk_label_set_text (self->locations_hint_label, _("Choose two to four locations."));

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (names, separator);
      g_string_append (names, pn_compare_view_location_label (self, g_ptr_array_index (self->locations, i)));
    }
  pn_gui_label_set_text (self->locations_label, names->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->locations_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, names->str,
                                  -1);
}

static void pn_compare_view_refresh (PnProfileView *view);

static void
pn_compare_view_check_toggled_cb (PnCompareView  *self,
                                  GtkCheckButton *check)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (check));
  gboolean active = gtk_check_button_get_active (check);
  gboolean chosen = pn_compare_view_has_location (self, id);

  if (self->syncing || active == chosen)
    return;

  if (active && self->locations->len < PN_COMPARE_MAX_LOCATIONS)
    g_ptr_array_add (self->locations, g_strdup (id));
  else if (!active && self->locations->len > PN_COMPARE_MIN_LOCATIONS)
    {
      for (guint i = 0; i < self->locations->len; i++)
        {
          if (g_str_equal (g_ptr_array_index (self->locations, i), id))
            {
              g_ptr_array_remove_index (self->locations, i);
              break;
            }
        }
    }
  /* else out of bounds: the sync below puts the check back */

  self->user_chose = TRUE;
  pn_compare_view_refresh (PN_PROFILE_VIEW (self));
}

/* A check button per place, counties indented under their city: the
 * taxonomy's, then those imported documents declare. */
static void
pn_compare_view_build_picker (PnCompareView *self)
{
  GPtrArray *all = pn_compare_view_get_places (self);

  pn_gui_box_remove_all (self->location_checks);
  if (all == NULL)
    return;

  for (guint i = 0; i < all->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (all, i);
      GtkWidget *check = gtk_check_button_new_with_label (pn_gui_term_label (term));
      guint depth = pn_gui_location_depth (all, term->id);

      gtk_widget_set_name (check, term->id);
      gtk_widget_set_margin_start (check, depth > 1 ? 24 * (depth - 1) : 0);
      if (pn_gui_term_other_label (term) != NULL)
        gtk_widget_set_tooltip_text (check, pn_gui_term_other_label (term));
      pn_gui_tag_chinese (check);
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (pn_compare_view_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->location_checks, check);
    }
}

/* ---- the columns ---- */

/* Wide, the header scrolls sideways and is measured at its natural
 * width: its labels keep one line, whatever the width. */
static void
set_one_line (GtkLabel *label,
              gboolean  one_line)
{
  gtk_label_set_wrap (label, !one_line);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (label, one_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  if (one_line)
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), gtk_label_get_text (label));
}

/* A line that may be long: it wraps rather than widen the card. */
static GtkWidget *
make_why (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, "why");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
make_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  set_one_line (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

/* Why a place counts nothing, in a few words: a ¥0 says why. */
static char *
zero_reason (PnResults *results)
{
  guint possible = 0;
  guint inactive = 0;
  guint n = pn_results_get_n_results (results);

  for (guint i = 0; i < n; i++)
    {
      PnResultOutline outline;

      pn_results_get_outline (results, i, &outline);
      /* a measure not in force gives nothing whatever the answers: in
       * 2019 every card said "1 possible: it still needs an answer" */
      if (outline.status != PN_STATUS_IN_FORCE)
        inactive++;
      else if (outline.not_counted == PN_NOT_COUNTED_POSSIBLE ||
               outline.not_counted == PN_NOT_COUNTED_MISSING_FIGURE)
        possible++;
    }

  if (n == 0)
    return g_strdup (_("No measure here fits these answers"));
  if (possible > 0 && inactive > 0)
    {
      /* Translators: why a place's total is ¥0, first part */
      g_autofree char *open = g_strdup_printf (ngettext ("%u possible: it still needs an answer or a check",
                                                         "%u possible: they still need an answer or a check",
                                                         possible),
                                               possible);
      /* Translators: why a place's total is ¥0, second part */
      g_autofree char *dated = g_strdup_printf (ngettext ("%u not in force on this date",
                                                          "%u not in force on this date",
                                                          inactive),
                                                inactive);

      /* Translators: the two parts of why a place's total is ¥0 */
      return g_strdup_printf (_("%s; %s"), dated, open);
    }
  if (possible > 0)
    /* Translators: why a place's total is ¥0 */
    return g_strdup_printf (ngettext ("%u possible: it still needs an answer or a check",
                                      "%u possible: they still need an answer or a check",
                                      possible),
                            possible);
  if (inactive > 0)
    return g_strdup (_("Its measures are not in force on this date"));

  return g_strdup (_("No amount to count: none stated, or beaten by a higher one"));
}

/* A location's card: its name, counted total and count, and whether it is
 * the best.  Wide: one above the other; compact: a line, the total at the
 * end, the best marked by a star. */
static GtkWidget *
pn_compare_view_make_column (PnCompareView *self,
                             guint          position,
                             gboolean       best)
{
  const char *id = pn_compare_get_location (self->compare, position);
  PnResults *results = pn_compare_get_results (self->compare, position);
  const char *name = pn_compare_view_location_label (self, id);
  guint n_counted = pn_results_get_n_counted (results);
  g_autofree char *total = pn_money_format_yuan (pn_results_get_total (results));
  g_autofree char *counted = NULL;
  g_autofree char *why = NULL;
  g_autofree char *accessible = NULL;
  PnProfile *profile = pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
  gboolean here = profile != NULL && g_strcmp0 (pn_profile_get_location (profile), id) == 0;
  GtkWidget *child;
  GtkWidget *grid;
  GtkWidget *name_label;
  GtkWidget *total_label;
  GtkWidget *badge;
  GtkWidget *label;

  /* Translators: under a location's counted total */
  counted = g_strdup_printf (ngettext ("%u measure counted", "%u measures counted", n_counted), n_counted);
  if (n_counted == 0)
    why = zero_reason (results);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_widget_add_css_class (grid, "card");
  gtk_widget_add_css_class (grid, "pn-compare-location");
  if (best)
    gtk_widget_add_css_class (grid, "best");

  name_label = gtk_label_new (NULL);
  pn_gui_label_set_text (GTK_LABEL (name_label), name);
  gtk_widget_set_name (name_label, "name");
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  /* One line each: the header is measured at its natural width. */
  set_one_line (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "heading");

  total_label = gtk_label_new (total);
  gtk_widget_set_name (total_label, "total");
  gtk_widget_add_css_class (total_label, "pn-compare-total");

  /* The best location says so in words or a star, not by colour only. */
  badge = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_name (badge, "best");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "pn-compare-badge");
  gtk_widget_add_css_class (badge, "success");
  gtk_widget_set_tooltip_text (badge, _("Highest total"));
  {
    GtkWidget *icon = gtk_image_new_from_icon_name ("starred-symbolic");

    gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
    gtk_box_append (GTK_BOX (badge), icon);
  }
  gtk_widget_set_visible (badge, best);

  if (!self->compact)
    {
      /* The totals line up from card to card. */
      gtk_grid_attach (GTK_GRID (grid), name_label, 0, 0, 1, 1);
      gtk_label_set_xalign (GTK_LABEL (total_label), 0);
      gtk_widget_set_margin_top (total_label, 4);
      gtk_grid_attach (GTK_GRID (grid), total_label, 0, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_caption (counted), 0, 2, 1, 1);
      if (why != NULL)
        gtk_grid_attach (GTK_GRID (grid), make_why (why), 0, 5, 1, 1);
      if (here)
        gtk_grid_attach (GTK_GRID (grid), make_caption (_("Your location")), 0, 3, 1, 1);
      label = gtk_label_new (_("Highest total"));
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (badge), label);
      gtk_widget_set_margin_top (badge, 4);
      gtk_grid_attach (GTK_GRID (grid), badge, 0, 4, 1, 1);
    }
  else
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      guint lines = 2;

      gtk_widget_set_hexpand (line, TRUE);
      gtk_box_append (GTK_BOX (line), name_label);
      gtk_box_append (GTK_BOX (line), badge);
      gtk_grid_attach (GTK_GRID (grid), line, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), make_caption (counted), 0, 1, 1, 1);
      if (here)
        gtk_grid_attach (GTK_GRID (grid), make_caption (_("Your location")), 0, lines++, 1, 1);
      if (why != NULL)
        gtk_grid_attach (GTK_GRID (grid), make_why (why), 0, lines++, 1, 1);
      gtk_label_set_xalign (GTK_LABEL (total_label), 1);
      gtk_widget_set_valign (total_label, GTK_ALIGN_CENTER);
      gtk_grid_attach (GTK_GRID (grid), total_label, 1, 0, 1, lines);
    }

  child = gtk_flow_box_child_new ();
  gtk_widget_set_name (child, id);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), grid);

  if (best)
    /* Translators: what a screen reader says for a location's column:
     * the place, its counted total, "2 measures counted" */
    accessible = g_strdup_printf (_("%s: counted total %s, %s, the highest total"), name, total, counted);
  else
    /* Translators: what a screen reader says for a location's column:
     * the place, its counted total, "2 measures counted" */
    accessible = g_strdup_printf (_("%s: counted total %s, %s"), name, total, counted);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  if (here || why != NULL)
    {
      g_autofree char *description = g_strjoin (". ", here ? _("Your location") : why,
                                                here && why != NULL ? why : NULL, NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  return child;
}

/* ---- the rows: items of list models, rows from a template ---- */

typedef struct
{
  PnBenefit      *benefit;
  guint           positions[PN_COMPARE_MAX_LOCATIONS]; /* in each place's results + 1; 0: not listed */
  gint64          best_counted;                        /* or -1 */
  guint           order;
} Measure;

/* Counted anywhere: by the highest counted amount, then first listed. */
static int
compare_measures (gconstpointer a,
                  gconstpointer b)
{
  const Measure *ma = *(const Measure * const *) a;
  const Measure *mb = *(const Measure * const *) b;

  if (ma->best_counted != mb->best_counted)
    return ma->best_counted > mb->best_counted ? -1 : 1;

  return ma->order < mb->order ? -1 : ma->order > mb->order;
}

/* A measure's item: a cell per location with its amount and state. */
static PnCompareItem *
pn_compare_view_measure_item (PnCompareView *self,
                              const Measure *measure,
                              guint          n)
{
  PnBenefit *benefit = measure->benefit;
  g_autofree char *citation = pn_gui_citation (benefit->article);
  PnStatus status = PN_STATUS_IN_FORCE;
  const PnResult *results[PN_COMPARE_MAX_LOCATIONS] = { NULL, };
  PnCompareItem *item;

  /* Written out now, for the rows shown only. */
  for (guint i = 0; i < n; i++)
    if (measure->positions[i] > 0)
      results[i] = pn_results_get_result (pn_compare_get_results (self->compare, i), measure->positions[i] - 1);

  /* The status is the document's on the date: the same everywhere. */
  for (guint i = 0; i < n; i++)
    if (results[i] != NULL)
      status = results[i]->status;

  item = pn_compare_item_new (benefit->id, pn_gui_text (&benefit->title), pn_gui_other_text (&benefit->title),
                              citation, status);
  pn_compare_item_set_article (item, benefit->document->id, benefit->article->number);

  for (guint i = 0; i < n; i++)
    {
      const char *location = pn_compare_get_location (self->compare, i);
      const PnResult *result = results[i];
      PnCompareCellData cell = {
        .location = g_strdup (location),
        .label = g_strdup (pn_compare_view_location_label (self, location)),
      };

      if (result == NULL)
        {
          cell.amount = g_strdup ("—");
          cell.state = g_strdup (_("Not offered here"));
        }
      else
        {
          cell.amount = pn_gui_result_amount (result);
          cell.state = g_strdup (result_state_label (result));
          cell.state_class = g_strdup (result->counted ? "success" : NULL);
          cell.tooltip = pn_gui_data_text (pn_compare_get_results (self->compare, i),
                                           result->counted ? &result->derivation : &result->not_counted_reason);
          cell.emphasis = result->counted && result->estimate_cny == measure->best_counted;
        }
      pn_compare_item_add_cell (item, &cell);
    }

  return item;
}

static GtkWidget *
pn_compare_view_create_row_cb (gpointer item,
                               gpointer user_data)
{
  PnCompareView *self = PN_COMPARE_VIEW (user_data);

  return pn_compare_row_new (item, self->compact, self->name_group);
}

static void
pn_compare_view_fill_kinds (PnCompareView *self,
                            guint          n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (PnBenefitKind kind = 0; kind < PN_N_BENEFIT_KINDS; kind++)
    {
      gint64 totals[PN_COMPARE_MAX_LOCATIONS];
      guint counts[PN_COMPARE_MAX_LOCATIONS];
      gint64 max = 0;
      guint counted = 0;
      PnCompareItem *item;

      for (guint i = 0; i < n; i++)
        {
          counts[i] = 0;
          totals[i] = pn_compare_get_kind_total (self->compare, i, kind, &counts[i]);
          counted += counts[i];
          max = MAX (max, totals[i]);
        }
      if (counted == 0)
        continue;

      item = pn_compare_item_new (pn_benefit_kind_to_string (kind), kind_label (kind), NULL, NULL, -1);
      for (guint i = 0; i < n; i++)
        {
          const char *location = pn_compare_get_location (self->compare, i);
          PnCompareCellData cell = {
            .location = g_strdup (location),
            .label = g_strdup (pn_compare_view_location_label (self, location)),
            .amount = pn_money_format_yuan (totals[i]),
            /* Translators: how many measures of a kind a location counts */
            .state = g_strdup_printf (ngettext ("%u measure", "%u measures", counts[i]), counts[i]),
            .emphasis = max > 0 && totals[i] == max,
          };

          pn_compare_item_add_cell (item, &cell);
        }
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->kind_store, 0, 0, items->pdata, items->len);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_group), items->len > 0);
}

/* Items for `measures` up to `pages` pages, after those `store` has. */
static void
pn_compare_view_add_items (PnCompareView *self,
                           GListStore    *store,
                           GPtrArray     *measures,
                           guint          pages,
                           GtkButton     *more)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = pn_compare_get_n_locations (self->compare);
  guint from = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint to = MIN (measures->len, pages * PN_COMPARE_VIEW_PAGE);

  for (guint i = from; i < to; i++)
    g_ptr_array_add (items, pn_compare_view_measure_item (self, g_ptr_array_index (measures, i), n));
  g_list_store_splice (store, from, 0, items->pdata, items->len);
  pn_gui_update_more_button (more, PN_COMPARE_VIEW_PAGE, MAX (from, to), measures->len);
}

static void
pn_compare_view_fill_measures (PnCompareView *self,
                               guint          n)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  g_ptr_array_set_size (self->measures, 0);
  g_ptr_array_set_size (self->counted_measures, 0);
  g_ptr_array_set_size (self->other_measures, 0);

  /* Every measure listed at any location, in the order first listed;
   * from the results' outlines, so that only the rows shown are written. */
  for (guint i = 0; i < n; i++)
    {
      PnResults *results = pn_compare_get_results (self->compare, i);

      for (guint j = 0; j < pn_results_get_n_results (results); j++)
        {
          PnBenefit *benefit = pn_results_get_benefit (results, j);
          Measure *measure = g_hash_table_lookup (by_id, benefit->id);
          PnResultOutline outline;

          if (measure == NULL)
            {
              measure = g_new0 (Measure, 1);
              measure->benefit = benefit;
              measure->best_counted = -1;
              measure->order = self->measures->len;
              g_ptr_array_add (self->measures, measure);
              g_hash_table_insert (by_id, benefit->id, measure);
            }
          measure->positions[i] = j + 1;
          pn_results_get_outline (results, j, &outline);
          if (outline.counted)
            measure->best_counted = MAX (measure->best_counted, outline.estimate_cny);
        }
    }

  for (guint i = 0; i < self->measures->len; i++)
    {
      Measure *measure = g_ptr_array_index (self->measures, i);

      g_ptr_array_add (measure->best_counted >= 0 ? self->counted_measures : self->other_measures, measure);
    }
  g_ptr_array_sort (self->counted_measures, compare_measures);

  pn_compare_view_add_items (self, self->counted_store, self->counted_measures, self->counted_pages,
                             self->counted_more_button);
  pn_compare_view_add_items (self, self->other_store, self->other_measures, self->other_pages,
                             self->other_more_button);

  gtk_widget_set_visible (GTK_WIDGET (self->other_group), self->other_measures->len > 0);
}

static void
pn_compare_view_more_cb (PnCompareView *self,
                         GtkButton     *button)
{
  gboolean counted = button == self->counted_more_button;
  GListStore *store = counted ? self->counted_store : self->other_store;
  GtkListBox *list = counted ? self->counted_list : self->other_list;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (store));
  GtkListBoxRow *first_new;

  if (counted)
    pn_compare_view_add_items (self, store, self->counted_measures, ++self->counted_pages, button);
  else
    pn_compare_view_add_items (self, store, self->other_measures, ++self->other_pages, button);

  /* the keyboard goes on from the first new row */
  first_new = gtk_list_box_get_row_at_index (list, before);
  if (first_new != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (first_new));
}

static void
pn_compare_view_clear (PnCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->location_columns))) != NULL)
    gtk_flow_box_remove (self->location_columns, child);
  g_list_store_remove_all (self->kind_store);
  g_list_store_remove_all (self->counted_store);
  g_list_store_remove_all (self->other_store);
}

static gboolean
pn_compare_view_has_answers (PnCompareView *self)
{
  PnProfile *profile = pn_profile_view_get_profile (PN_PROFILE_VIEW (self));

  return profile != NULL && pn_profile_view_get_corpus (PN_PROFILE_VIEW (self)) != NULL &&
         pn_profile_get_effective_answer (profile, PN_QUESTION_PRODUCT) != NULL;
}

/* Columns need this width, else a line a location. */
#define COLUMN_MIN_WIDTH 150

static gboolean
wants_compact (int   width,
               guint n)
{
  /* the columns' gaps, the margins of the lists and of the columns */
  return width < (int) (n * COLUMN_MIN_WIDTH + (n - 1) * 12 + 2 * 12 + 2 * 13);
}

/* The widgets for self->compare, wide or compact. */
static void
pn_compare_view_populate (PnCompareView *self)
{
  g_autofree char *as_of = NULL;
  g_autofree char *as_of_text = NULL;
  gint64 max = G_MININT64;
  gint64 min = G_MAXINT64;
  guint n;

  pn_compare_view_clear (self);

  if (self->compare == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  n = pn_compare_get_n_locations (self->compare);
  for (guint i = 0; i < n; i++)
    {
      gint64 total = pn_results_get_total (pn_compare_get_results (self->compare, i));

      max = MAX (max, total);
      min = MIN (min, total);
    }

  /* Compact, nothing scrolls sideways, and the cards take the height
   * their width needs; wide, the header scrolls with the measures. */
  gtk_scrolled_window_set_policy (self->header_scrolled_window,
                                  self->compact ? GTK_POLICY_NEVER : GTK_POLICY_EXTERNAL, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_policy (self->body_scrolled_window,
                                  self->compact ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  /* Wide, the header and the measures are as wide as each other, so that
   * they scroll together; compact, a size group would spoil the height
   * the header needs for its width. */
  if (self->compact)
    {
      if (g_slist_find (gtk_size_group_get_widgets (self->columns_group), self->header_box) != NULL)
        {
          gtk_size_group_remove_widget (self->columns_group, self->header_box);
          gtk_size_group_remove_widget (self->columns_group, self->body_box);
        }
    }
  else if (g_slist_find (gtk_size_group_get_widgets (self->columns_group), self->header_box) == NULL)
    {
      gtk_size_group_add_widget (self->columns_group, self->header_box);
      gtk_size_group_add_widget (self->columns_group, self->body_box);
    }
  gtk_flow_box_set_min_children_per_line (self->location_columns, self->compact ? 1 : n);
  gtk_flow_box_set_max_children_per_line (self->location_columns, self->compact ? 1 : n);
  gtk_flow_box_set_row_spacing (self->location_columns, self->compact ? 6 : 12);
  gtk_flow_box_set_homogeneous (self->location_columns, !self->compact);
  /* Every location with the highest total is the best, unless all are. */
  for (guint i = 0; i < n; i++)
    {
      gint64 total = pn_results_get_total (pn_compare_get_results (self->compare, i));

      gtk_flow_box_append (self->location_columns,
                           pn_compare_view_make_column (self, i, max > min && total == max));
    }
  g_assert (max == min ||
            pn_results_get_total (pn_compare_get_results (self->compare, pn_compare_get_best (self->compare))) == max);

  as_of = pn_gui_format_date (pn_results_get_as_of (pn_compare_get_results (self->compare, 0)));
  if (max == min)
    /* Translators: %s is a date such as "23 November 2026" */
    as_of_text = g_strdup_printf (_("As of %s · the same total everywhere"), as_of);
  else
    /* Translators: %s is a date such as "23 November 2026" */
    as_of_text = g_strdup_printf (_("As of %s"), as_of);
  gtk_label_set_text (self->as_of_label, as_of_text);

  pn_compare_view_fill_kinds (self, n);
  pn_compare_view_fill_measures (self, n);

  gtk_stack_set_visible_child_name (self->content_stack, "compare");
}

/* The comparison and its widgets, for the profile and the locations now. */
static void
pn_compare_view_rebuild (PnCompareView *self)
{
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->stale = FALSE;
  g_clear_pointer (&self->compare, pn_compare_unref);
  self->counted_pages = 1;
  self->other_pages = 1;

  if (pn_compare_view_has_answers (self) && self->locations->len >= PN_COMPARE_MIN_LOCATIONS)
    {
      self->compare = pn_compare_new (pn_profile_view_get_corpus (PN_PROFILE_VIEW (self)),
                                      pn_profile_view_get_profile (PN_PROFILE_VIEW (self)),
                                      (const char * const *) self->locations->pdata, &error);
      /* The choice is checked against the taxonomy first: a bug. */
      if (self->compare == NULL)
        g_warning ("Cannot compare: %s", error->message);
    }

  /* Built for the width it has, when it has one. */
  if (self->compare != NULL && width > 0)
    self->compact = wants_compact (width, pn_compare_get_n_locations (self->compare));

  pn_compare_view_populate (self);
}

static gboolean
pn_compare_view_layout_idle_cb (gpointer user_data)
{
  PnCompareView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->layout_idle_id = 0;

  if (self->compare != NULL && width > 0 &&
      wants_compact (width, pn_compare_get_n_locations (self->compare)) != self->compact)
    {
      self->compact = !self->compact;
      pn_compare_view_populate (self);
    }

  return G_SOURCE_REMOVE;
}

static void
pn_compare_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PnCompareView *self = PN_COMPARE_VIEW (widget);

  gtk_widget_measure (GTK_WIDGET (self->content_stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Past the width the columns need, the layout changes: not while being
 * allocated, but right after, before the next frame. */
static void
pn_compare_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PnCompareView *self = PN_COMPARE_VIEW (widget);

  if (self->compare != NULL && self->layout_idle_id == 0 &&
      wants_compact (width, pn_compare_get_n_locations (self->compare)) != self->compact)
    self->layout_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, pn_compare_view_layout_idle_cb, self, NULL);

  gtk_widget_allocate (GTK_WIDGET (self->content_stack), width, height, baseline, NULL);
}

/* The choice follows the profile and the corpus at once; the comparison
 * runs when shown, else when next mapped. */
static void
pn_compare_view_refresh (PnProfileView *view)
{
  PnCompareView *self = PN_COMPARE_VIEW (view);

  /* Not while disposing: the template children are going away. */
  if (self->content_stack == NULL)
    return;

  pn_compare_view_check_locations (self);
  pn_compare_view_sync_picker (self);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_clear_pointer (&self->compare, pn_compare_unref);
      self->stale = TRUE;
      return;
    }

  pn_compare_view_rebuild (self);
}

static void
pn_compare_view_map (GtkWidget *widget)
{
  PnCompareView *self = PN_COMPARE_VIEW (widget);

  /* Before the children map, so that they map as they will show. */
  if (self->stale)
    pn_compare_view_rebuild (self);

  GTK_WIDGET_CLASS (pn_compare_view_parent_class)->map (widget);
}

/* A measure opens its article in the documents, where the window can. */
static void
pn_compare_view_row_activated_cb (PnCompareView *self,
                                  GtkListBoxRow *row)
{
  PnCompareItem *item = PN_IS_COMPARE_ROW (row) ? pn_compare_row_get_item (PN_COMPARE_ROW (row)) : NULL;
  const char *document_id = item != NULL ? pn_compare_item_get_document_id (item) : NULL;
  const char *article_number = item != NULL ? pn_compare_item_get_article_number (item) : NULL;

  if (document_id == NULL || article_number == NULL)
    return;

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-article", "(ss)",
                                   document_id, article_number))
    g_debug ("no window action to show %s art. %s", document_id, article_number);
}

/* The rows point into the old corpus; the picker lists the new one's
 * locations. */
static void
pn_compare_view_corpus_changed (PnProfileView *view)
{
  PnCompareView *self = PN_COMPARE_VIEW (view);

  g_clear_pointer (&self->compare, pn_compare_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  if (self->content_stack != NULL)
    pn_compare_view_clear (self);
  if (self->location_checks != NULL)
    pn_compare_view_build_picker (self);
}

/* ---- GObject ---- */

static void
pn_compare_view_dispose (GObject *object)
{
  PnCompareView *self = PN_COMPARE_VIEW (object);

  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_COMPARE_VIEW);
  g_clear_object (&self->columns_group);
  g_clear_object (&self->name_group);
  g_clear_object (&self->kind_store);
  g_clear_object (&self->counted_store);
  g_clear_object (&self->other_store);
  g_clear_pointer (&self->compare, pn_compare_unref);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->counted_measures, g_ptr_array_unref);
  g_clear_pointer (&self->other_measures, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_compare_view_parent_class)->dispose (object);
}

static void
pn_compare_view_finalize (GObject *object)
{
  PnCompareView *self = PN_COMPARE_VIEW (object);

  g_clear_pointer (&self->locations, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_compare_view_parent_class)->finalize (object);
}

static void
pn_compare_view_class_init (PnCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnProfileViewClass *view_class = PN_PROFILE_VIEW_CLASS (klass);

  object_class->dispose = pn_compare_view_dispose;
  object_class->finalize = pn_compare_view_finalize;

  widget_class->map = pn_compare_view_map;
  widget_class->measure = pn_compare_view_measure;
  widget_class->size_allocate = pn_compare_view_size_allocate;

  view_class->refresh = pn_compare_view_refresh;
  view_class->corpus_changed = pn_compare_view_corpus_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/planning/pn-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, answer_button);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, body_box);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, body_scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, counted_list);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, header_box);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, header_scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, kind_group);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, kind_list);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, location_checks);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, location_columns);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, locations_button);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, locations_hint_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, locations_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, other_group);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, other_list);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, counted_more_button);
  gtk_widget_class_bind_template_child (widget_class, PnCompareView, other_more_button);
  gtk_widget_class_bind_template_callback (widget_class, pn_compare_view_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, pn_compare_view_more_cb);
}

static void
pn_compare_view_init (PnCompareView *self)
{
  self->locations = g_ptr_array_new_null_terminated (PN_COMPARE_MAX_LOCATIONS + 1, g_free, TRUE);
  self->columns_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->name_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->kind_store = g_list_store_new (PN_TYPE_COMPARE_ITEM);
  self->counted_store = g_list_store_new (PN_TYPE_COMPARE_ITEM);
  self->other_store = g_list_store_new (PN_TYPE_COMPARE_ITEM);
  self->measures = g_ptr_array_new_with_free_func (g_free);
  self->counted_measures = g_ptr_array_new ();
  self->other_measures = g_ptr_array_new ();
  self->counted_pages = 1;
  self->other_pages = 1;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->kind_list, G_LIST_MODEL (self->kind_store),
                           pn_compare_view_create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->counted_list, G_LIST_MODEL (self->counted_store),
                           pn_compare_view_create_row_cb, self, NULL);
  gtk_list_box_bind_model (self->other_list, G_LIST_MODEL (self->other_store),
                           pn_compare_view_create_row_cb, self, NULL);
  ensure_style ();
  pn_gui_tag_chinese (GTK_WIDGET (self));

  /* The columns scroll sideways with the measures beneath them. */
  gtk_scrolled_window_set_hadjustment (self->header_scrolled_window,
                                       gtk_scrolled_window_get_hadjustment (self->body_scrolled_window));

  pn_compare_view_sync_picker (self);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
}

GtkWidget *
pn_compare_view_new (void)
{
  return g_object_new (PN_TYPE_COMPARE_VIEW, NULL);
}

PnProfile *
pn_compare_view_get_profile (PnCompareView *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_VIEW (self), NULL);

  return pn_profile_view_get_profile (PN_PROFILE_VIEW (self));
}

void
pn_compare_view_set_profile (PnCompareView *self,
                             PnProfile     *profile)
{
  g_return_if_fail (PN_IS_COMPARE_VIEW (self));

  pn_profile_view_set_profile (PN_PROFILE_VIEW (self), profile);
}

PnCorpus *
pn_compare_view_get_corpus (PnCompareView *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_VIEW (self), NULL);

  return pn_profile_view_get_corpus (PN_PROFILE_VIEW (self));
}

void
pn_compare_view_set_corpus (PnCompareView *self,
                            PnCorpus      *corpus)
{
  g_return_if_fail (PN_IS_COMPARE_VIEW (self));

  pn_profile_view_set_corpus (PN_PROFILE_VIEW (self), corpus);
}

const char * const *
pn_compare_view_get_locations (PnCompareView *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_VIEW (self), NULL);

  return (const char * const *) self->locations->pdata;
}

gboolean
pn_compare_view_set_locations (PnCompareView      *self,
                               const char * const *locations)
{
  guint n;

  g_return_val_if_fail (PN_IS_COMPARE_VIEW (self), FALSE);
  g_return_val_if_fail (locations != NULL, FALSE);

  n = g_strv_length ((GStrv) locations);
  if (pn_compare_view_get_places (self) == NULL ||
      n < PN_COMPARE_MIN_LOCATIONS || n > PN_COMPARE_MAX_LOCATIONS)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (pn_compare_view_find_place (self, locations[i]) == NULL)
        return FALSE;
      for (guint j = 0; j < i; j++)
        {
          if (g_str_equal (locations[i], locations[j]))
            return FALSE;
        }
    }

  g_ptr_array_set_size (self->locations, 0);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->locations, g_strdup (locations[i]));
  self->user_chose = TRUE;
  pn_compare_view_refresh (PN_PROFILE_VIEW (self));

  return TRUE;
}

PnCompare *
pn_compare_view_get_compare (PnCompareView *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_VIEW (self), NULL);

  return self->compare;
}
