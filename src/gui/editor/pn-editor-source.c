/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-editor-source"

#include "config.h"

#include "pn-editor-source.h"

#include "pn-gui-util.h"

#include <glib/gi18n.h>
#include <string.h>

#define N_ROLES (PN_DRAFT_FIGURE_OTHER + 1)

struct _PnEditorSource
{
  GtkWidget       parent_instance;

  PnArticle      *article;       /* not owned */
  GPtrArray      *figures;       /* PnDraftFigure, not owned */
  PnBenefit      *benefit;       /* not owned */
  GtkTextTag     *role_tags[N_ROLES];
  GtkTextTag     *selected_tag;
  guint           n_selected;

  GtkTextBuffer  *buffer;        /* the text view's */
  guint           settle_id;     /* tick callback: the view laid out anew */
  guint           settle_frames;

  /* Template children */
  GtkFlowBox     *legend;
  GtkTextView    *text_view;
};

enum {
  FIGURE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnEditorSource, pn_editor_source, GTK_TYPE_WIDGET)

/* Translucent, so that they read on a light and a dark background alike;
 * the legend's CSS (style.css, .pn-figure-*) uses the same colours. */
static const struct
{
  const char *css;
  GdkRGBA     colour;
} roles[N_ROLES] = {
  [PN_DRAFT_FIGURE_AMOUNT]     = { "amount",     { 0.18, 0.76, 0.49, 0.35 } },
  [PN_DRAFT_FIGURE_RATE]       = { "rate",       { 0.21, 0.52, 0.89, 0.35 } },
  [PN_DRAFT_FIGURE_CAP]        = { "cap",        { 0.96, 0.47, 0.00, 0.35 } },
  [PN_DRAFT_FIGURE_THRESHOLD]  = { "threshold",  { 0.57, 0.25, 0.67, 0.35 } },
  [PN_DRAFT_FIGURE_ANNUAL_CAP] = { "annual-cap", { 0.88, 0.11, 0.14, 0.30 } },
  [PN_DRAFT_FIGURE_STAGE]      = { "stage",      { 0.13, 0.63, 0.63, 0.35 } },
  [PN_DRAFT_FIGURE_OTHER]      = { "other",      { 0.50, 0.50, 0.50, 0.25 } },
};

const char *
pn_editor_source_role_label (PnDraftFigureRole role)
{
  switch (role)
    {
    case PN_DRAFT_FIGURE_AMOUNT:
      return _("Amount");
    case PN_DRAFT_FIGURE_RATE:
      return _("Rate");
    case PN_DRAFT_FIGURE_CAP:
      return _("Cap");
    case PN_DRAFT_FIGURE_THRESHOLD:
      return _("Threshold");
    case PN_DRAFT_FIGURE_ANNUAL_CAP:
      return _("Yearly cap per enterprise");
    case PN_DRAFT_FIGURE_STAGE:
      return _("Instalment");
    case PN_DRAFT_FIGURE_OTHER:
    default:
      return _("Other figure (no award)");
    }
}

static const PnDraftFigure *
figure_at_offset (PnEditorSource *self,
                  gsize           byte_offset)
{
  for (guint i = 0; self->figures != NULL && i < self->figures->len; i++)
    {
      const PnDraftFigure *figure = g_ptr_array_index (self->figures, i);

      if (byte_offset >= figure->start && byte_offset < figure->end)
        return figure;
    }
  return NULL;
}

/* The byte offset in the original of a point of the view, or -1. */
static gssize
offset_at (PnEditorSource *self,
           double          x,
           double          y)
{
  GtkTextIter iter;
  int bx, by;
  g_autofree char *before = NULL;
  GtkTextIter start;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return -1;
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  before = gtk_text_buffer_get_text (self->buffer, &start, &iter, FALSE);
  return (gssize) strlen (before);
}

static gboolean
query_tooltip_cb (PnEditorSource *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  const PnDraftFigure *figure;
  gssize offset;

  if (keyboard)
    return FALSE;
  offset = offset_at (self, x, y);
  figure = offset >= 0 ? figure_at_offset (self, offset) : NULL;
  if (figure == NULL)
    return FALSE;

  if (figure->benefit != NULL)
    {
      /* Translators: a highlighted figure's tooltip: what it is, then the
       * benefit it went into */
      g_autofree char *text = g_strdup_printf (_("%s — %s"), pn_editor_source_role_label (figure->role),
                                               pn_gui_text (&figure->benefit->title));

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    gtk_tooltip_set_text (tooltip, pn_editor_source_role_label (figure->role));
  return TRUE;
}

static void
click_released_cb (PnEditorSource  *self,
                   int              n_press G_GNUC_UNUSED,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture G_GNUC_UNUSED)
{
  gssize offset = offset_at (self, x, y);
  const PnDraftFigure *figure = offset >= 0 ? figure_at_offset (self, offset) : NULL;

  if (figure != NULL && figure->benefit != NULL)
    g_signal_emit (self, signals[FIGURE_ACTIVATED], 0, figure->benefit);
}

/* Byte offsets in the original are character offsets in the buffer. */
static void
iter_at_byte (PnEditorSource *self,
              GtkTextIter    *iter,
              gsize           byte_offset)
{
  const char *original = self->article->original;
  gsize length = strlen (original);

  gtk_text_buffer_get_iter_at_offset (self->buffer, iter,
                                      (int) g_utf8_pointer_to_offset (original, original + MIN (byte_offset, length)));
}

static void
apply_selection (PnEditorSource *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_remove_tag (self->buffer, self->selected_tag, &start, &end);
  self->n_selected = 0;
  if (self->article == NULL || self->benefit == NULL)
    return;

  for (guint i = 0; self->figures != NULL && i < self->figures->len; i++)
    {
      const PnDraftFigure *figure = g_ptr_array_index (self->figures, i);

      if (figure->benefit != self->benefit)
        continue;
      iter_at_byte (self, &start, figure->start);
      iter_at_byte (self, &end, figure->end);
      gtk_text_buffer_apply_tag (self->buffer, self->selected_tag, &start, &end);
      self->n_selected++;
    }
}

/* A text view measures its lines in idle steps after its text changes;
 * GTK 4.8 does not always ask the widgets around it to make room when it
 * is done, and the text stayed one pixel high under the legend (a long
 * article, opened first).  For a few frames after the text changes, a
 * view shorter than it measures asks for its size again. */
static gboolean
settle_cb (GtkWidget     *widget,
           GdkFrameClock *clock G_GNUC_UNUSED,
           gpointer       data)
{
  PnEditorSource *self = PN_EDITOR_SOURCE (data);
  int natural = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget),
                      NULL, &natural, NULL, NULL);
  if (gtk_widget_get_height (widget) < natural)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  if (++self->settle_frames < 30)
    return G_SOURCE_CONTINUE;

  self->settle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
settle (PnEditorSource *self)
{
  self->settle_frames = 0;
  if (self->settle_id == 0)
    self->settle_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), settle_cb, self, NULL);
}

void
pn_editor_source_set_article (PnEditorSource *self,
                              PnArticle      *article,
                              GPtrArray      *figures)
{
  GtkTextIter start, end;
  const char *original;

  g_return_if_fail (PN_IS_EDITOR_SOURCE (self));

  g_clear_pointer (&self->figures, g_ptr_array_unref);
  self->article = article;
  self->benefit = NULL;
  self->figures = figures != NULL ? g_ptr_array_ref (figures) : NULL;

  original = article != NULL && article->original != NULL ? article->original : "";
  gtk_text_buffer_set_text (self->buffer, original, -1);
  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (self->buffer, "chinese", &start, &end);

  for (guint i = 0; article != NULL && figures != NULL && i < figures->len; i++)
    {
      const PnDraftFigure *figure = g_ptr_array_index (figures, i);

      if (figure->end <= figure->start || figure->end > strlen (original) || figure->role >= N_ROLES)
        continue;
      iter_at_byte (self, &start, figure->start);
      iter_at_byte (self, &end, figure->end);
      gtk_text_buffer_apply_tag (self->buffer, self->role_tags[figure->role], &start, &end);
    }
  apply_selection (self);
  settle (self);
}

void
pn_editor_source_set_benefit (PnEditorSource *self,
                              PnBenefit      *benefit)
{
  g_return_if_fail (PN_IS_EDITOR_SOURCE (self));

  self->benefit = benefit;
  apply_selection (self);
}

guint
pn_editor_source_get_n_highlighted (PnEditorSource *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_SOURCE (self), 0);

  return self->figures != NULL ? self->figures->len : 0;
}

guint
pn_editor_source_get_n_selected (PnEditorSource *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_SOURCE (self), 0);

  return self->n_selected;
}

GtkTextView *
pn_editor_source_get_text_view (PnEditorSource *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_SOURCE (self), NULL);

  return self->text_view;
}

static void
pn_editor_source_dispose (GObject *object)
{
  PnEditorSource *self = PN_EDITOR_SOURCE (object);
  GtkWidget *child;

  g_clear_pointer (&self->figures, g_ptr_array_unref);
  if (self->settle_id != 0 && self->text_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->settle_id);
  self->settle_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_EDITOR_SOURCE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pn_editor_source_parent_class)->dispose (object);
}

static void
pn_editor_source_class_init (PnEditorSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_editor_source_dispose;

  /**
   * PnEditorSource::figure-activated:
   * @benefit: (type gpointer): the PnBenefit the figure went into
   *
   * A highlighted figure was clicked.
   */
  signals[FIGURE_ACTIVATED] = g_signal_new ("figure-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/editor/pn-editor-source.ui");
  gtk_widget_class_bind_template_child (widget_class, PnEditorSource, legend);
  gtk_widget_class_bind_template_child (widget_class, PnEditorSource, text_view);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
}

static void
pn_editor_source_init (PnEditorSource *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  /* The original is Chinese: Simplified glyphs whatever the UI language. */
  gtk_text_buffer_create_tag (self->buffer, "chinese", "language", "zh-cn", NULL);
  for (guint role = 0; role < N_ROLES; role++)
    {
      GtkWidget *label = gtk_label_new (pn_editor_source_role_label (role));
      g_autofree char *css = g_strconcat ("pn-figure-", roles[role].css, NULL);

      self->role_tags[role] = gtk_text_buffer_create_tag (self->buffer, NULL,
                                                          "background-rgba", &roles[role].colour,
                                                          NULL);
      gtk_widget_add_css_class (label, "pn-figure");
      gtk_widget_add_css_class (label, css);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_flow_box_append (self->legend, label);
    }
  self->selected_tag = gtk_text_buffer_create_tag (self->buffer, "selected",
                                                   "underline", PANGO_UNDERLINE_DOUBLE,
                                                   "weight", PANGO_WEIGHT_BOLD,
                                                   NULL);
}

GtkWidget *
pn_editor_source_new (void)
{
  return g_object_new (PN_TYPE_EDITOR_SOURCE, NULL);
}
