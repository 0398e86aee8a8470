/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-pipeline-chart"

#include "config.h"

#include "pn-pipeline-chart.h"

#include "pn-gui-util.h"
#include "pn-money.h"

#include <glib/gi18n.h>

#define BAR_HEIGHT     14
#define BAR_RADIUS     4
#define LABEL_GAP      4    /* between a stage's text and its bar */
#define ROW_GAP        16   /* between stages */
#define LEGEND_GAP     20   /* under the legend */
#define SWATCH_SIZE    12
#define SWATCH_GAP     6    /* swatch to its text */
#define ITEM_GAP       18   /* between legend items */
#define AMOUNT_GAP     12   /* stage label to its amount on one line */
#define MIN_WIDTH      200
#define NATURAL_WIDTH  560

struct _PnPipelineChart
{
  GtkWidget   parent_instance;

  PnPipeline *pipeline;
};

enum {
  PROP_0,
  PROP_PIPELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PnPipelineChart, pn_pipeline_chart, GTK_TYPE_WIDGET)

char *
pn_pipeline_chart_format_amount (gint64 yuan)
{
  static const struct {
    gint64      unit;
    const char *suffix;
  } units[] = {
    { G_GINT64_CONSTANT (1000000000), "B" },
    { 1000000, "M" },
    { 1000, "K" },
  };

  g_return_val_if_fail (yuan >= 0, NULL);

  if (pn_gui_get_lang () == PN_LANG_ZH)
    return pn_money_format_wan (yuan);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gint64 tenths;

      if (yuan < units[i].unit)
        continue;

      /* Rounded to a tenth of the unit, in integers: no locale's comma. */
      tenths = (yuan + units[i].unit / 20) / (units[i].unit / 10);
      /* ¥999,999,999 is ¥1B, not ¥1000M */
      if (tenths >= 10000 && i > 0)
        return g_strdup_printf ("¥1%s", units[i - 1].suffix);
      if (tenths >= 1000)
        return g_strdup_printf ("¥%" G_GINT64_FORMAT "%s", (yuan + units[i].unit / 2) / units[i].unit,
                                units[i].suffix);
      if (tenths % 10 == 0)
        return g_strdup_printf ("¥%" G_GINT64_FORMAT "%s", tenths / 10, units[i].suffix);
      return g_strdup_printf ("¥%" G_GINT64_FORMAT ".%d%s", tenths / 10, (int) (tenths % 10), units[i].suffix);
    }

  return g_strdup_printf ("¥%" G_GINT64_FORMAT, yuan);
}

static const char *
stage_label (const PnPipelineStage *stage)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (pn_results_get_corpus (stage->results));
  const PnTerm *term = pn_taxonomy_get_term (taxonomy, "phase", stage->phase);

  return term != NULL ? pn_gui_term_label (term) : stage->phase;
}

/* "¥12M · cap ¥20M" */
static char *
stage_amount_text (const PnPipelineStage *stage)
{
  g_autofree char *estimate = pn_pipeline_chart_format_amount (stage->milestone_total_cny);

  if (stage->ceiling_cny == PN_YUAN_UNSET)
    /* Translators: on the milestone chart; %s is a short amount such as "¥12M" */
    return g_strdup_printf (_("%s · no cap"), estimate);
  else
    {
      g_autofree char *ceiling = pn_pipeline_chart_format_amount (stage->ceiling_cny);

      /* Translators: on the milestone chart; the counted estimate, then the
       * cap, both short amounts such as "¥12M" */
      return g_strdup_printf (_("%s · cap %s"), estimate, ceiling);
    }
}

/* ---- colours ---- */

static void
pn_pipeline_chart_get_colors (PnPipelineChart *self,
                              GdkRGBA         *fg,
                              GdkRGBA         *fill,
                              GdkRGBA         *outline)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, fg);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif

  /* The theme's accent, which follows the light or dark style; the text
   * colour when the theme names none. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", fill))
    *fill = *fg;
  if (!gtk_style_context_lookup_color (context, "accent_color", outline))
    *outline = *fill;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* ---- layout and drawing ---- */

static PangoLayout *
pn_pipeline_chart_create_layout (PnPipelineChart *self,
                                 const char      *text,
                                 gboolean         small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Simplified Chinese glyphs for the stage names. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  if (small)
    {
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

typedef enum
{
  SWATCH_COUNTED,
  SWATCH_CAP,
  SWATCH_NO_CAP,
} SwatchKind;

/* The bar of one stage, or a legend swatch: the cap (filled lightly and
 * outlined, dashed to the edge when there is none), then the counted
 * estimate over it. */
static void
draw_bar (GtkSnapshot   *snapshot,
          double         x,
          double         y,
          double         width,
          double         height,
          double         estimate_width,
          double         ceiling_width,  /* < 0: no cap */
          const GdkRGBA *fill,
          const GdkRGBA *outline)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (x - 1, y - 1, width + 2, height + 2));
  gboolean capped = ceiling_width >= 0;
  double outline_width = capped ? ceiling_width : width;

  if (outline_width >= 1)
    {
      rounded_rectangle (cr, x + 0.75, y + 0.75, MAX (outline_width - 1.5, 1), height - 1.5, BAR_RADIUS);
      cairo_set_source_rgba (cr, outline->red, outline->green, outline->blue, outline->alpha * 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, outline->red, outline->green, outline->blue, outline->alpha);
      cairo_set_line_width (cr, 1.5);
      if (!capped)
        {
          static const double dashes[] = { 4, 3 };

          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (estimate_width > 0)
    {
      rounded_rectangle (cr, x, y, MAX (estimate_width, 2), height, BAR_RADIUS);
      gdk_cairo_set_source_rgba (cr, fill);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static int
draw_legend (PnPipelineChart *self,
             int              width,
             GtkSnapshot     *snapshot,
             const GdkRGBA   *fg,
             const GdkRGBA   *fill,
             const GdkRGBA   *outline)
{
  const char *texts[] = {
    /* Translators: the chart's legend: the filled part of a bar */
    _("Counted estimate"),
    /* Translators: the chart's legend: the outline behind a bar */
    _("Cap"),
    /* Translators: the chart's legend: a dashed outline to the edge */
    _("No cap"),
  };
  gboolean uncapped = FALSE;
  int x = 0;
  int y = 0;
  int line_height = 0;

  for (guint i = 0; i < pn_pipeline_get_n_stages (self->pipeline); i++)
    uncapped |= pn_pipeline_get_stage (self->pipeline, i)->ceiling_cny == PN_YUAN_UNSET;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int item_width;
      int text_height;

      if (i == SWATCH_NO_CAP && !uncapped)
        continue;

      layout = pn_pipeline_chart_create_layout (self, texts[i], TRUE);
      item_width = SWATCH_SIZE + SWATCH_GAP + layout_width (layout);
      text_height = layout_height (layout);

      /* Items wrap to the next line as words do. */
      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += line_height + 6;
          line_height = 0;
        }
      line_height = MAX (line_height, MAX (SWATCH_SIZE, text_height));

      if (snapshot != NULL)
        {
          double swatch_y = y + (MAX (text_height, SWATCH_SIZE) - SWATCH_SIZE) / 2.0;
          double swatch_x = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                            ? width - x - SWATCH_SIZE : x;
          double text_x = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
                          ? width - x - item_width : x + SWATCH_SIZE + SWATCH_GAP;
          GdkRGBA dim = *fg;

          /* A short bar stands for each part of the real ones. */
          switch ((SwatchKind) i)
            {
            case SWATCH_COUNTED:
              draw_bar (snapshot, swatch_x, swatch_y, SWATCH_SIZE, SWATCH_SIZE,
                        SWATCH_SIZE, SWATCH_SIZE, fill, outline);
              break;
            case SWATCH_CAP:
              draw_bar (snapshot, swatch_x, swatch_y, SWATCH_SIZE, SWATCH_SIZE,
                        0, SWATCH_SIZE, fill, outline);
              break;
            case SWATCH_NO_CAP:
            default:
              draw_bar (snapshot, swatch_x, swatch_y, SWATCH_SIZE, SWATCH_SIZE,
                        0, -1, fill, outline);
              break;
            }

          dim.alpha *= 0.75;
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (text_x, y));
          gtk_snapshot_append_layout (snapshot, layout, &dim);
          gtk_snapshot_restore (snapshot);
        }

      x += item_width + ITEM_GAP;
    }

  return y + line_height;
}

/* Lays the chart out in `width` and draws it when `snapshot` is given;
 * returns the height it takes.  Measuring and drawing share this, so the
 * height asked for is the height drawn. */
static int
pn_pipeline_chart_render (PnPipelineChart *self,
                          int              width,
                          GtkSnapshot     *snapshot)
{
  GdkRGBA fg, fill, outline, dim;
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gint64 scale = 0;
  guint n_stages;
  int y;

  if (self->pipeline == NULL || (n_stages = pn_pipeline_get_n_stages (self->pipeline)) == 0)
    return 0;

  width = MAX (width, 1);
  pn_pipeline_chart_get_colors (self, &fg, &fill, &outline);
  dim = fg;
  dim.alpha *= 0.75;

  /* One scale for every bar: the largest cap or estimate. */
  for (guint i = 0; i < n_stages; i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);

      scale = MAX (scale, stage->milestone_total_cny);
      if (stage->ceiling_cny != PN_YUAN_UNSET)
        scale = MAX (scale, stage->ceiling_cny);
    }

  y = draw_legend (self, width, snapshot, &fg, &fill, &outline) + LEGEND_GAP;

  for (guint i = 0; i < n_stages; i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);
      g_autofree char *amount_text = stage_amount_text (stage);
      g_autoptr(PangoLayout) label = pn_pipeline_chart_create_layout (self, stage_label (stage), FALSE);
      g_autoptr(PangoLayout) amount = pn_pipeline_chart_create_layout (self, amount_text, TRUE);
      int amount_width = layout_width (amount);
      int label_room = width - amount_width - AMOUNT_GAP;
      gboolean beside;
      int text_height;
      int label_height;

      /* The amount beside the name when the name fits beside it on one
       * line; under it when the name fits the width alone; beside again
       * when the name wraps anyway, if it keeps half the width. */
      if (layout_width (label) <= label_room)
        beside = TRUE;
      else if (layout_width (label) <= width)
        beside = FALSE;
      else
        beside = label_room >= width / 2;
      pango_layout_set_width (label, (beside ? label_room : width) * PANGO_SCALE);
      pango_layout_set_width (amount, width * PANGO_SCALE);
      label_height = layout_height (label);

      if (beside)
        text_height = MAX (label_height, layout_height (amount));
      else
        text_height = label_height + 2 + layout_height (amount);

      if (snapshot != NULL)
        {
          double estimate_width = scale > 0 ? (double) width * stage->milestone_total_cny / scale : 0;
          double ceiling_width = stage->ceiling_cny == PN_YUAN_UNSET ? -1
                                 : scale > 0 ? (double) width * stage->ceiling_cny / scale : 0;
          int amount_x = beside ? width - amount_width : 0;
          int amount_y = beside ? y + MAX (0, (label_height - layout_height (amount)) / 2) : y + label_height + 2;

          if (rtl)
            {
              pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
              amount_x = beside ? 0 : width - amount_width;
            }

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rtl && beside ? amount_width + AMOUNT_GAP : 0, y));
          gtk_snapshot_append_layout (snapshot, label, &fg);
          gtk_snapshot_restore (snapshot);

          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (amount_x, amount_y));
          gtk_snapshot_append_layout (snapshot, amount, &dim);
          gtk_snapshot_restore (snapshot);

          if (rtl)
            {
              /* Bars grow from the right. */
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (width, 0));
              gtk_snapshot_scale (snapshot, -1, 1);
            }
          draw_bar (snapshot, 0, y + text_height + LABEL_GAP, width, BAR_HEIGHT,
                    estimate_width, ceiling_width, &fill, &outline);
          if (rtl)
            gtk_snapshot_restore (snapshot);
        }

      y += text_height + LABEL_GAP + BAR_HEIGHT;
      if (i + 1 < n_stages)
        y += ROW_GAP;
    }

  return y;
}

static GtkSizeRequestMode
pn_pipeline_chart_get_request_mode (GtkWidget *widget G_GNUC_UNUSED)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pn_pipeline_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline G_GNUC_UNUSED,
                           int            *natural_baseline G_GNUC_UNUSED)
{
  PnPipelineChart *self = PN_PIPELINE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
      return;
    }

  *minimum = *natural = pn_pipeline_chart_render (self, for_size >= 0 ? for_size : NATURAL_WIDTH, NULL);
}

static void
pn_pipeline_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PnPipelineChart *self = PN_PIPELINE_CHART (widget);

  pn_pipeline_chart_render (self, gtk_widget_get_width (widget), snapshot);
}

/* What a screen reader says instead of the picture. */
static void
pn_pipeline_chart_update_accessible (PnPipelineChart *self)
{
  GString *description = g_string_new (NULL);
  guint n_stages = self->pipeline != NULL ? pn_pipeline_get_n_stages (self->pipeline) : 0;

  for (guint i = 0; i < n_stages; i++)
    {
      const PnPipelineStage *stage = pn_pipeline_get_stage (self->pipeline, i);
      g_autofree char *estimate = pn_money_format_yuan (stage->milestone_total_cny);
      g_autofree char *sentence = NULL;

      if (stage->ceiling_cny == PN_YUAN_UNSET)
        /* Translators: read for one bar of the milestone chart: the
         * milestone, then the counted estimate */
        sentence = g_strdup_printf (_("%s: %s counted, no cap."), stage_label (stage), estimate);
      else
        {
          g_autofree char *ceiling = pn_money_format_yuan (stage->ceiling_cny);

          /* Translators: read for one bar of the milestone chart: the
           * milestone, the counted estimate, the cap */
          sentence = g_strdup_printf (_("%s: %s counted, cap %s."), stage_label (stage), estimate, ceiling);
        }

      if (description->len > 0)
        g_string_append_c (description, ' ');
      g_string_append (description, sentence);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the bar chart */
                                  _("Chart of the counted estimate and the cap of each milestone"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_string_free (description, TRUE);
}

static void
pn_pipeline_chart_finalize (GObject *object)
{
  PnPipelineChart *self = PN_PIPELINE_CHART (object);

  g_clear_pointer (&self->pipeline, pn_pipeline_unref);

  G_OBJECT_CLASS (pn_pipeline_chart_parent_class)->finalize (object);
}

static void
pn_pipeline_chart_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PnPipelineChart *self = PN_PIPELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      g_value_set_boxed (value, self->pipeline);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_pipeline_chart_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PnPipelineChart *self = PN_PIPELINE_CHART (object);

  switch (prop_id)
    {
    case PROP_PIPELINE:
      pn_pipeline_chart_set_pipeline (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_pipeline_chart_class_init (PnPipelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pn_pipeline_chart_finalize;
  object_class->get_property = pn_pipeline_chart_get_property;
  object_class->set_property = pn_pipeline_chart_set_property;

  widget_class->get_request_mode = pn_pipeline_chart_get_request_mode;
  widget_class->measure = pn_pipeline_chart_measure;
  widget_class->snapshot = pn_pipeline_chart_snapshot;

  properties[PROP_PIPELINE] =
    g_param_spec_boxed ("pipeline", NULL, NULL, PN_TYPE_PIPELINE,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "pn-pipeline-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pn_pipeline_chart_init (PnPipelineChart *self)
{
  /* The table beside it is what the keyboard reaches. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  pn_pipeline_chart_update_accessible (self);
}

GtkWidget *
pn_pipeline_chart_new (void)
{
  return g_object_new (PN_TYPE_PIPELINE_CHART, NULL);
}

PnPipeline *
pn_pipeline_chart_get_pipeline (PnPipelineChart *self)
{
  g_return_val_if_fail (PN_IS_PIPELINE_CHART (self), NULL);

  return self->pipeline;
}

void
pn_pipeline_chart_set_pipeline (PnPipelineChart *self,
                                PnPipeline      *pipeline)
{
  g_return_if_fail (PN_IS_PIPELINE_CHART (self));

  if (self->pipeline == pipeline)
    return;

  g_clear_pointer (&self->pipeline, pn_pipeline_unref);
  if (pipeline != NULL)
    self->pipeline = pn_pipeline_ref (pipeline);

  pn_pipeline_chart_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PIPELINE]);
}
