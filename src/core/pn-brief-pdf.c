/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-brief-pdf"

#include "config.h"

#include "pn-brief-pdf-private.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

/* Page geometry, in points. */
#define MARGIN_X        56.0    /* 2 cm */
#define MARGIN_TOP      62.0
#define MARGIN_BOTTOM   58.0
#define HEADER_Y        30.0
#define FOOTER_FROM_BOTTOM 34.0
#define CELL_PAD_X      3.5
#define CELL_PAD_Y      2.5
#define BULLET_INDENT   12.0
#define FIELD_LABEL_SHARE 0.26

/* The one font: its Latin glyphs are fine for English text, and with the
 * language zh-cn its CJK glyphs take their Simplified Chinese shapes.
 * Fontconfig falls back for anything it lacks. */
#define FONT_FAMILY "Noto Sans CJK SC,Noto Sans,sans-serif"

typedef enum
{
  FONT_TITLE,
  FONT_HEADING,
  FONT_BODY,
  FONT_NOTE,
  FONT_TABLE,
  FONT_TABLE_BOLD,
  FONT_FIELD_LABEL,
  FONT_MARGIN,
  N_FONTS
} Font;

static const struct
{
  double size;
  PangoWeight weight;
} fonts[N_FONTS] = {
  [FONT_TITLE] = { 17.0, PANGO_WEIGHT_BOLD },
  [FONT_HEADING] = { 12.0, PANGO_WEIGHT_BOLD },
  [FONT_BODY] = { 9.5, PANGO_WEIGHT_NORMAL },
  [FONT_NOTE] = { 8.0, PANGO_WEIGHT_NORMAL },
  [FONT_TABLE] = { 8.0, PANGO_WEIGHT_NORMAL },
  [FONT_TABLE_BOLD] = { 8.0, PANGO_WEIGHT_BOLD },
  [FONT_FIELD_LABEL] = { 9.5, PANGO_WEIGHT_BOLD },
  [FONT_MARGIN] = { 7.5, PANGO_WEIGHT_NORMAL },
};

typedef struct { double r, g, b; } Colour;

static const Colour ink = { 0.10, 0.10, 0.10 };
static const Colour accent = { 0.11, 0.24, 0.43 };
static const Colour grey = { 0.38, 0.38, 0.38 };
static const Colour rule = { 0.78, 0.78, 0.78 };
static const Colour header_fill = { 0.90, 0.92, 0.95 };
static const Colour highlight_fill = { 1.00, 0.94, 0.76 };
static const Colour highlight_bar = { 0.85, 0.60, 0.00 };
static const Colour total_fill = { 0.95, 0.95, 0.95 };
static const Colour warning_ink = { 0.45, 0.18, 0.00 };

struct _PnBriefPdf
{
  GObject        parent_instance;

  PnBrief       *brief;
  PangoFontMap  *font_map;   /* the subset fonts, or NULL for the system's */
  char          *font_dir;   /* where the subset fonts are, removed at the end */
  gunichar       missing;    /* a character the brief's font lacks, or 0 */
  PangoContext  *context;
  PangoFontDescription *font_descs[N_FONTS];
  double         width;
  double         height;
  guint          n_pages;
  GArray        *marks;      /* Mark: where each unit of the last pagination began */
  guint          n_layouts;  /* laid out by the last pass */
};

enum
{
  PROP_0,
  PROP_BRIEF,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PnBriefPdf, pn_brief_pdf, G_TYPE_OBJECT)

G_DEFINE_QUARK (pn-brief-pdf-error-quark, pn_brief_pdf_error)

/* One pass over the brief: measures every block and, when `draw_page`
 * is the current page, draws it.  Pagination is a pass that draws
 * nothing; drawing page N is a pass that draws only page N, so both agree
 * on every break.
 *
 * The flow is a sequence of units (the title, a heading, a paragraph, a
 * row of fields, a list or a table), each placed by the same code from
 * the position the unit before left.  Pagination keeps that position for
 * each unit (a Mark), so drawing page N starts at the first unit that
 * reaches page N and stops at the first that starts after it: a brief of
 * a thousand pages is laid out about twice, not a thousand times. */
typedef struct
{
  guint    block;            /* G_MAXUINT: the title */
  guint    row;
  guint    page;
  double   y;
  gboolean header_shown;     /* a table's header is on this page already */
} Mark;

typedef struct
{
  PnBriefPdf *self;
  cairo_t    *cr;
  int         draw_page;      /* -1: measure only */
  guint       page;
  double      y;
  double      left;
  double      content_width;
  double      top;
  double      bottom;
  guint       unknown_glyphs;
  gboolean    pdf_target;
  GArray     *marks;          /* paginating: the marks kept, else NULL */
  gboolean    done;           /* drawing: past the page drawn */
  guint       n_layouts;
} Flow;

static gboolean
drawing (Flow *flow)
{
  return flow->draw_page >= 0 && (guint) flow->draw_page == flow->page;
}

/* Called as each unit begins: keeps its mark when paginating; when
 * drawing, returns FALSE (and every later call too) once the flow is past
 * the page drawn, where nothing more can land on it. */
static gboolean
begin_unit (Flow     *flow,
            guint     block,
            guint     row,
            gboolean  header_shown)
{
  if (flow->marks != NULL)
    {
      Mark mark = { block, row, flow->page, flow->y, header_shown };

      g_array_append_val (flow->marks, mark);
    }
  else if (flow->draw_page >= 0 && flow->page > (guint) flow->draw_page)
    flow->done = TRUE;

  return !flow->done;
}

static void
set_colour (cairo_t      *cr,
            const Colour *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* Pango breaks a word it cannot break quadratically in its length: a
 * title of 200,000 "a"s laid out for minutes.  A break opportunity (a
 * zero-width space) every 40 characters of such a run, and no field
 * longer than the brief can show: NULL when `text` needs neither. */
#define MAX_UNBROKEN 40
#define MAX_FIELD_CHARS 20000

static char *
breakable (const char *text)
{
  GString *out = NULL;
  guint run = 0, chars = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c >= 0x2E80 || c == 0x200B)
        run = 0;
      else if (++run > MAX_UNBROKEN)
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append_unichar (out, 0x200B);
          run = 1;
        }
      if (++chars > MAX_FIELD_CHARS)
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append (out, "…");
          return g_string_free (out, FALSE);
        }
      if (out != NULL)
        g_string_append_unichar (out, c);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static PangoLayout *
make_layout (Flow           *flow,
             Font            font,
             const char     *text,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (flow->self->context);

  flow->n_layouts++;
  pango_layout_set_font_description (layout, flow->self->font_descs[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  {
    g_autofree char *broken = text != NULL ? breakable (text) : NULL;

    pango_layout_set_text (layout, broken != NULL ? broken : text != NULL ? text : "", -1);
  }

  /* counted once, by the pagination (which lays out every text) */
  if (flow->draw_page < 0)
    flow->unknown_glyphs += (guint) pango_layout_get_unknown_glyphs_count (layout);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static double
first_line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  pango_layout_iter_free (iter);
  return (double) (logical.y + logical.height) / PANGO_SCALE;
}

static void
show_layout (Flow         *flow,
             PangoLayout  *layout,
             double        x,
             double        y,
             const Colour *colour)
{
  if (!drawing (flow))
    return;

  cairo_save (flow->cr);
  set_colour (flow->cr, colour);
  cairo_move_to (flow->cr, x, y);
  pango_cairo_show_layout (flow->cr, layout);
  cairo_restore (flow->cr);
}

static void
fill_rect (Flow         *flow,
           double        x,
           double        y,
           double        width,
           double        height,
           const Colour *colour)
{
  if (!drawing (flow))
    return;

  cairo_save (flow->cr);
  set_colour (flow->cr, colour);
  cairo_rectangle (flow->cr, x, y, width, height);
  cairo_fill (flow->cr);
  cairo_restore (flow->cr);
}

static void
hline (Flow         *flow,
       double        x,
       double        y,
       double        width,
       double        thickness,
       const Colour *colour)
{
  fill_rect (flow, x, y - thickness / 2.0, width, thickness, colour);
}

static void
new_page (Flow *flow)
{
  flow->page++;
  flow->y = flow->top;
}

/* Starts a new page unless `height` fits below the current position (a
 * page that is still empty always takes it). */
static void
ensure (Flow   *flow,
        double  height)
{
  if (flow->y + height > flow->bottom && flow->y > flow->top)
    new_page (flow);
}

/* Places a layout that may run over pages, split between lines. */
static void
place_split (Flow         *flow,
             PangoLayout  *layout,
             double        x,
             const Colour *colour)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  guint first = 0;

  do
    {
      PangoRectangle logical;
      double top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (tops, top);
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  while (first < tops->len)
    {
      double offset = g_array_index (tops, double, first);
      double room = flow->bottom - flow->y;
      guint last = first;
      double height;

      if (g_array_index (bottoms, double, first) - offset > room && flow->y > flow->top)
        {
          new_page (flow);
          continue;
        }

      while (last + 1 < tops->len &&
             g_array_index (bottoms, double, last + 1) - offset <= room)
        last++;
      height = g_array_index (bottoms, double, last) - offset;

      if (drawing (flow))
        {
          cairo_save (flow->cr);
          cairo_rectangle (flow->cr, 0, flow->y, flow->self->width, height);
          cairo_clip (flow->cr);
          show_layout (flow, layout, x, flow->y - offset, colour);
          cairo_restore (flow->cr);
        }

      flow->y += height;
      first = last + 1;
      if (first < tops->len)
        new_page (flow);
    }
}

static void
add_outline (Flow       *flow,
             const char *text)
{
  g_autofree char *link = NULL;
  char x[G_ASCII_DTOSTR_BUF_SIZE];
  char y[G_ASCII_DTOSTR_BUF_SIZE];

  if (!drawing (flow) || !flow->pdf_target)
    return;

  g_ascii_formatd (x, sizeof x, "%.1f", flow->left);
  g_ascii_formatd (y, sizeof y, "%.1f", flow->y);
  link = g_strdup_printf ("page=%u pos=[%s %s]", flow->page + 1, x, y);
  cairo_pdf_surface_add_outline (cairo_get_target (flow->cr), CAIRO_PDF_OUTLINE_ROOT,
                                 text, link, 0);
}

/* ---- blocks ---------------------------------------------------------- */

static void
flow_title (Flow *flow)
{
  PnBrief *brief = flow->self->brief;
  g_autoptr(PangoLayout) layout = NULL;

  if (!begin_unit (flow, G_MAXUINT, 0, FALSE))
    return;

  layout = make_layout (flow, FONT_TITLE, pn_brief_get_title (brief),
                        flow->content_width, PANGO_ALIGN_LEFT);
  add_outline (flow, pn_brief_get_title (brief));
  place_split (flow, layout, flow->left, &accent);
  flow->y += 4.0;
  hline (flow, flow->left, flow->y, flow->content_width, 1.2, &accent);
  flow->y += 10.0;
}

static void
flow_heading (Flow               *flow,
              const PnBriefBlock *block,
              guint               b)
{
  g_autoptr(PangoLayout) layout = NULL;
  double height;

  if (!begin_unit (flow, b, 0, FALSE))
    return;

  layout = make_layout (flow, FONT_HEADING, block->text, flow->content_width, PANGO_ALIGN_LEFT);
  height = layout_height (layout);

  /* a heading never ends a page: keep room for a few lines after it */
  flow->y += 10.0;
  ensure (flow, height + 4.0 + 48.0);
  add_outline (flow, block->text);
  show_layout (flow, layout, flow->left, flow->y, &accent);
  flow->y += height + 2.0;
  hline (flow, flow->left, flow->y, flow->content_width, 0.5, &rule);
  flow->y += 5.0;
}

static void
flow_paragraph (Flow               *flow,
                const PnBriefBlock *block,
                guint               b)
{
  Font font = block->style == PN_BRIEF_STYLE_NOTE ? FONT_NOTE : FONT_BODY;
  const Colour *colour = block->style == PN_BRIEF_STYLE_NOTE ? &grey
                         : block->style == PN_BRIEF_STYLE_WARNING ? &warning_ink : &ink;
  g_autoptr(PangoLayout) layout = NULL;

  if (!begin_unit (flow, b, 0, FALSE))
    return;

  layout = make_layout (flow, font, block->text, flow->content_width, PANGO_ALIGN_LEFT);
  place_split (flow, layout, flow->left, colour);
  flow->y += 5.0;
}

static void
flow_fields (Flow               *flow,
             const PnBriefBlock *block,
             guint               b,
             guint               first_row)
{
  double label_width = flow->content_width * FIELD_LABEL_SHARE;
  double value_x = flow->left + label_width + 6.0;
  double value_width = flow->content_width - label_width - 6.0;

  for (guint r = first_row; r < block->rows->len; r++)
    {
      const PnBriefRow *row = g_ptr_array_index (block->rows, r);
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;
      double height;

      if (!begin_unit (flow, b, r, FALSE))
        return;

      label = make_layout (flow, FONT_FIELD_LABEL, row->cells[0], label_width, PANGO_ALIGN_LEFT);
      value = make_layout (flow, FONT_BODY, row->cells[1], value_width, PANGO_ALIGN_LEFT);
      height = MAX (layout_height (label), layout_height (value));

      ensure (flow, height);
      show_layout (flow, label, flow->left, flow->y, &grey);
      show_layout (flow, value, value_x, flow->y, &ink);
      flow->y += height + 2.5;
    }
  flow->y += 4.0;
}

static void
flow_list (Flow               *flow,
           const PnBriefBlock *block,
           guint               b,
           guint               first_row)
{
  for (guint r = first_row; r < block->rows->len; r++)
    {
      const PnBriefRow *row = g_ptr_array_index (block->rows, r);
      g_autoptr(PangoLayout) layout = NULL;
      double baseline;

      if (!begin_unit (flow, b, r, FALSE))
        return;

      layout = make_layout (flow, FONT_BODY, row->cells[0],
                            flow->content_width - BULLET_INDENT, PANGO_ALIGN_LEFT);
      baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;

      ensure (flow, first_line_height (layout));
      /* a drawn bullet: the CJK font's U+2022 is a wide katakana-like dot */
      if (drawing (flow))
        {
          cairo_save (flow->cr);
          set_colour (flow->cr, &accent);
          cairo_new_path (flow->cr);
          cairo_arc (flow->cr, flow->left + 4.0, flow->y + baseline - fonts[FONT_BODY].size * 0.33,
                     1.6, 0, 2 * G_PI);
          cairo_fill (flow->cr);
          cairo_restore (flow->cr);
        }
      place_split (flow, layout, flow->left + BULLET_INDENT, &ink);
      flow->y += 3.5;
    }
  flow->y += 3.0;
}

/* The layouts of one table row, and its height. */
static double
row_layouts (Flow               *flow,
             const PnBriefBlock *block,
             GStrv               cells,
             Font                font,
             PangoLayout       **out_layouts)
{
  double height = 0;

  for (guint c = 0; cells[c] != NULL && c < PN_BRIEF_MAX_COLUMNS; c++)
    {
      double width = block->widths[c] * flow->content_width - 2 * CELL_PAD_X;

      out_layouts[c] = make_layout (flow, font, cells[c], width,
                                    block->numeric[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      height = MAX (height, layout_height (out_layouts[c]));
    }

  return height + 2 * CELL_PAD_Y;
}

static void
draw_row (Flow               *flow,
          const PnBriefBlock *block,
          PangoLayout       **layouts,
          double              height,
          const Colour       *fill,
          const Colour       *colour)
{
  double x = flow->left;

  if (fill != NULL)
    fill_rect (flow, flow->left, flow->y, flow->content_width, height, fill);

  for (guint c = 0; c < PN_BRIEF_MAX_COLUMNS && layouts[c] != NULL; c++)
    {
      show_layout (flow, layouts[c], x + CELL_PAD_X, flow->y + CELL_PAD_Y, colour);
      x += block->widths[c] * flow->content_width;
    }
}

static void
clear_layouts (PangoLayout **layouts)
{
  for (guint c = 0; c < PN_BRIEF_MAX_COLUMNS; c++)
    g_clear_object (&layouts[c]);
}

static void
flow_table (Flow               *flow,
            const PnBriefBlock *block,
            guint               b,
            guint               first_row,
            gboolean            header_shown)
{
  PangoLayout *header[PN_BRIEF_MAX_COLUMNS] = { NULL, };
  double header_height = row_layouts (flow, block, block->columns, FONT_TABLE_BOLD, header);

  for (guint r = first_row; r < block->rows->len; r++)
    {
      const PnBriefRow *row = g_ptr_array_index (block->rows, r);
      PangoLayout *cells[PN_BRIEF_MAX_COLUMNS] = { NULL, };
      Font font = row->kind == PN_BRIEF_ROW_TOTAL ? FONT_TABLE_BOLD : FONT_TABLE;
      const Colour *fill = NULL;
      double height;

      if (!begin_unit (flow, b, r, header_shown))
        {
          clear_layouts (header);
          return;
        }

      height = row_layouts (flow, block, row->cells, font, cells);

      /* the header goes with the first row, and again on each page */
      if (!header_shown)
        ensure (flow, header_height + height);
      else if (flow->y + height > flow->bottom)
        {
          new_page (flow);
          header_shown = FALSE;
        }

      if (!header_shown)
        {
          draw_row (flow, block, header, header_height, &header_fill, &accent);
          flow->y += header_height;
          hline (flow, flow->left, flow->y, flow->content_width, 0.8, &accent);
          header_shown = TRUE;
        }

      if (row->kind == PN_BRIEF_ROW_HIGHLIGHT)
        fill = &highlight_fill;
      else if (row->kind == PN_BRIEF_ROW_TOTAL)
        fill = &total_fill;

      draw_row (flow, block, cells, height, fill, &ink);
      if (row->kind == PN_BRIEF_ROW_HIGHLIGHT)
        fill_rect (flow, flow->left, flow->y, 2.0, height, &highlight_bar);
      if (row->kind == PN_BRIEF_ROW_TOTAL)
        hline (flow, flow->left, flow->y, flow->content_width, 0.8, &ink);
      flow->y += height;
      hline (flow, flow->left, flow->y, flow->content_width, 0.4, &rule);
      clear_layouts (cells);
    }

  clear_layouts (header);
  flow->y += 8.0;
}

static void
flow_margins (Flow  *flow,
              guint  n_pages)
{
  PnBriefPdf *self = flow->self;
  g_autofree char *page_label = pn_brief_format_page (self->brief, flow->page + 1, n_pages);
  g_autoptr(PangoLayout) header = make_layout (flow, FONT_MARGIN,
                                               pn_brief_get_running_header (self->brief),
                                               flow->content_width, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) footer = make_layout (flow, FONT_MARGIN, page_label,
                                               flow->content_width, PANGO_ALIGN_CENTER);
  double header_height = layout_height (header);

  pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
  show_layout (flow, header, flow->left, HEADER_Y, &grey);
  hline (flow, flow->left, HEADER_Y + header_height + 3.0, flow->content_width, 0.5, &rule);
  show_layout (flow, footer, flow->left, self->height - FOOTER_FROM_BOTTOM, &grey);
}

/* The mark to draw page `page` from: the first unit that reaches it. */
static const Mark *
find_mark (GArray *marks,
           guint   page)
{
  guint low = 1;
  guint high = marks->len;

  g_assert (marks->len > 0);

  /* the first mark j ≥ 1 whose unit starts on `page` or later: the unit
   * before it ends there */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (marks, Mark, middle).page >= page)
        high = middle;
      else
        low = middle + 1;
    }

  return &g_array_index (marks, Mark, low - 1);
}

/* Paginating (`draw_page` -1), keeps the marks and returns the number of
 * pages; drawing, starts at the page's mark unless `from_start`. */
static guint
run_flow (PnBriefPdf *self,
          cairo_t    *cr,
          int         draw_page,
          guint       n_pages,
          gboolean    from_start,
          guint      *out_unknown_glyphs)
{
  Flow flow = { 0, };
  const Mark *start = NULL;
  guint first_block = 0;

  flow.self = self;
  flow.cr = cr;
  flow.draw_page = draw_page;
  flow.left = MARGIN_X;
  flow.content_width = self->width - 2 * MARGIN_X;
  flow.top = MARGIN_TOP;
  flow.bottom = self->height - MARGIN_BOTTOM;
  flow.y = flow.top;
  flow.pdf_target = cr != NULL &&
                    cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_PDF;

  if (draw_page < 0)
    {
      g_clear_pointer (&self->marks, g_array_unref);
      self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
      flow.marks = self->marks;
    }
  else if (!from_start)
    {
      start = find_mark (self->marks, (guint) draw_page);
      flow.page = start->page;
      flow.y = start->y;
      first_block = start->block == G_MAXUINT ? 0 : start->block;
    }

  if (start == NULL || start->block == G_MAXUINT)
    flow_title (&flow);
  for (guint b = first_block; b < pn_brief_get_n_blocks (self->brief) && !flow.done; b++)
    {
      const PnBriefBlock *block = pn_brief_get_block (self->brief, b);
      gboolean resumed = start != NULL && start->block == b;
      guint first_row = resumed ? start->row : 0;

      switch (block->kind)
        {
        case PN_BRIEF_BLOCK_HEADING:
          flow_heading (&flow, block, b);
          break;
        case PN_BRIEF_BLOCK_PARAGRAPH:
          flow_paragraph (&flow, block, b);
          break;
        case PN_BRIEF_BLOCK_FIELDS:
          flow_fields (&flow, block, b, first_row);
          break;
        case PN_BRIEF_BLOCK_LIST:
          flow_list (&flow, block, b, first_row);
          break;
        case PN_BRIEF_BLOCK_TABLE:
          flow_table (&flow, block, b, first_row, resumed && start->header_shown);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (draw_page >= 0)
    {
      /* the margins of the page drawn */
      guint last = flow.page;

      flow.page = (guint) draw_page;
      flow_margins (&flow, n_pages);
      flow.page = last;
    }
  else
    {
      /* measure the margins too, for the glyph check */
      guint page = flow.page;

      flow_margins (&flow, page + 1);
      flow.page = page;
    }

  if (out_unknown_glyphs != NULL)
    *out_unknown_glyphs = flow.unknown_glyphs;
  self->n_layouts = flow.n_layouts;
  return flow.page + 1;
}

/* ---- fonts ----------------------------------------------------------- */

/* cairo 1.16 (Debian 12) subsets CFF fonts wrongly: a subroutine that
 * another subroutine calls with a negative 16-bit operand is not followed,
 * is left out of the embedded font, and the glyphs that need it come out
 * blank in every viewer (“如” next to few other characters, with Noto Sans
 * CJK SC).  So the brief is set with its own copy of the fonts, cut down by
 * HarfBuzz to the characters the brief uses and with their subroutines
 * inlined: cairo then has no subroutine to miss.  The copy keeps the
 * font's names, so the PDF still embeds NotoSansCJKsc-Regular and -Bold. */

static void
add_codepoints (hb_set_t   *set,
                const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* line breaks are not drawn */
      if (!g_unichar_iscntrl (c))
        hb_set_add (set, c);
    }
}

/* Every character the brief may draw. */
static hb_set_t *
brief_codepoints (PnBrief *brief)
{
  hb_set_t *set = hb_set_create ();
  g_autofree char *page = pn_brief_format_page (brief, 1, 2);

  /* ASCII (page numbers, dates, amounts), the ellipsis of the running
   * header */
  hb_set_add_range (set, 0x20, 0x7e);
  add_codepoints (set, "…");
  add_codepoints (set, page);
  add_codepoints (set, pn_brief_get_title (brief));
  add_codepoints (set, pn_brief_get_running_header (brief));

  for (guint b = 0; b < pn_brief_get_n_blocks (brief); b++)
    {
      const PnBriefBlock *block = pn_brief_get_block (brief, b);

      add_codepoints (set, block->text);
      for (guint c = 0; block->columns != NULL && block->columns[c] != NULL; c++)
        add_codepoints (set, block->columns[c]);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          const PnBriefRow *row = g_ptr_array_index (block->rows, r);

          for (guint c = 0; row->cells[c] != NULL; c++)
            add_codepoints (set, row->cells[c]);
        }
    }

  return set;
}

/* The file fontconfig picks for FONT_FAMILY in Simplified Chinese. */
static gboolean
find_font_file (int     weight,
                char  **out_file,
                int    *out_index)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  FcChar8 *file = NULL;
  gboolean found = FALSE;
  g_auto(GStrv) families = g_strsplit (FONT_FAMILY, ",", -1);

  for (guint i = 0; families[i] != NULL; i++)
    FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) families[i]);
  FcPatternAddInteger (pattern, FC_WEIGHT, weight);
  FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) "zh-cn");
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);

  match = FcFontMatch (NULL, pattern, &result);
  if (match != NULL &&
      FcPatternGetString (match, FC_FILE, 0, &file) == FcResultMatch &&
      FcPatternGetInteger (match, FC_INDEX, 0, out_index) == FcResultMatch)
    {
      *out_file = g_strdup ((const char *) file);
      found = TRUE;
    }

  g_clear_pointer (&match, FcPatternDestroy);
  FcPatternDestroy (pattern);
  return found;
}

/* Whether the font has a glyph for every character (else fontconfig's
 * fallback to other fonts is needed, and only the system fonts give it). */
static gboolean
covers (hb_face_t      *face,
        const hb_set_t *codepoints,
        gunichar       *out_missing)
{
  hb_font_t *font = hb_font_create (face);
  hb_codepoint_t codepoint = HB_SET_VALUE_INVALID;
  gboolean all = TRUE;

  while (all && hb_set_next (codepoints, &codepoint))
    {
      hb_codepoint_t glyph;

      all = hb_font_get_nominal_glyph (font, codepoint, &glyph);
      if (!all)
        *out_missing = codepoint;
    }

  hb_font_destroy (font);
  return all;
}

static gboolean
write_subset (const char     *file,
              int             index,
              const hb_set_t *codepoints,
              const char     *path,
              gunichar       *out_missing)
{
  hb_blob_t *blob = hb_blob_create_from_file_or_fail (file);
  hb_face_t *face;
  hb_face_t *subset;
  hb_subset_input_t *input;
  hb_blob_t *result;
  gboolean written = FALSE;

  if (blob == NULL)
    return FALSE;

  face = hb_face_create (blob, (unsigned int) index);
  input = hb_subset_input_create_or_fail ();
  if (input == NULL || !covers (face, codepoints, out_missing))
    {
      if (input != NULL)
        hb_subset_input_destroy (input);
      hb_face_destroy (face);
      hb_blob_destroy (blob);
      return FALSE;
    }

  hb_set_union (hb_subset_input_unicode_set (input), codepoints);
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_DESUBROUTINIZE);
  /* every OpenType feature: locl, vert and the rest keep working */
  hb_set_clear (hb_subset_input_set (input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
  hb_set_invert (hb_subset_input_set (input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));

  subset = hb_subset_or_fail (face, input);
  if (subset != NULL)
    {
      unsigned int length = 0;
      const char *data;

      result = hb_face_reference_blob (subset);
      data = hb_blob_get_data (result, &length);
      written = length > 0 && g_file_set_contents (path, data, length, NULL);
      hb_blob_destroy (result);
      hb_face_destroy (subset);
    }

  hb_subset_input_destroy (input);
  hb_face_destroy (face);
  hb_blob_destroy (blob);
  return written;
}

static void
remove_font_dir (PnBriefPdf *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->font_dir == NULL)
    return;

  dir = g_dir_open (self->font_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->font_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->font_dir);
  g_clear_pointer (&self->font_dir, g_free);
}

/* A font map of the subset fonts; NULL (and the system fonts are used)
 * when they cannot be made. */
static PangoFontMap *
make_font_map (PnBriefPdf *self)
{
  static const struct { int weight; const char *name; } faces[] = {
    { FC_WEIGHT_REGULAR, "regular.otf" },
    { FC_WEIGHT_BOLD, "bold.otf" },
  };
  hb_set_t *codepoints;
  FcConfig *config;
  PangoFontMap *map;
  gboolean ok = TRUE;

  self->font_dir = g_dir_make_tmp ("pnav-brief-fonts-XXXXXX", NULL);
  if (self->font_dir == NULL)
    return NULL;

  codepoints = brief_codepoints (self->brief);
  config = FcConfigCreate ();
  for (guint i = 0; i < G_N_ELEMENTS (faces) && ok; i++)
    {
      g_autofree char *file = NULL;
      g_autofree char *path = g_build_filename (self->font_dir, faces[i].name, NULL);
      int index = 0;

      ok = find_font_file (faces[i].weight, &file, &index) &&
           write_subset (file, index, codepoints, path, &self->missing) &&
           FcConfigAppFontAddFile (config, (const FcChar8 *) path);
      if (!ok)
        g_debug ("Cannot make a subset of the %s font (%s); using the system fonts",
                 faces[i].name, file != NULL ? file : "not found");
    }
  hb_set_destroy (codepoints);

  if (!ok)
    {
      FcConfigDestroy (config);
      remove_font_dir (self);
      return NULL;
    }

  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  FcConfigDestroy (config);
  return map;
}

/* ---- the object ------------------------------------------------------ */

static void
pn_brief_pdf_finalize (GObject *object)
{
  PnBriefPdf *self = PN_BRIEF_PDF (object);

  g_clear_pointer (&self->brief, pn_brief_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&self->font_descs[i], pango_font_description_free);

  G_OBJECT_CLASS (pn_brief_pdf_parent_class)->finalize (object);
}

static void
pn_brief_pdf_dispose (GObject *object)
{
  PnBriefPdf *self = PN_BRIEF_PDF (object);

  g_clear_object (&self->context);
  if (self->font_map != NULL)
    pango_fc_font_map_shutdown (PANGO_FC_FONT_MAP (self->font_map));
  g_clear_object (&self->font_map);
  remove_font_dir (self);

  G_OBJECT_CLASS (pn_brief_pdf_parent_class)->dispose (object);
}

static void
pn_brief_pdf_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PnBriefPdf *self = PN_BRIEF_PDF (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      g_value_set_boxed (value, self->brief);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_brief_pdf_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PnBriefPdf *self = PN_BRIEF_PDF (object);

  switch (prop_id)
    {
    case PROP_BRIEF:
      g_assert (self->brief == NULL);
      self->brief = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_brief_pdf_class_init (PnBriefPdfClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_brief_pdf_dispose;
  object_class->finalize = pn_brief_pdf_finalize;
  object_class->get_property = pn_brief_pdf_get_property;
  object_class->set_property = pn_brief_pdf_set_property;

  properties[PROP_BRIEF] =
    g_param_spec_boxed ("brief", NULL, NULL,
                        PN_TYPE_BRIEF,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                        G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pn_brief_pdf_init (PnBriefPdf *self)
{
  for (guint i = 0; i < N_FONTS; i++)
    {
      self->font_descs[i] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_size (self->font_descs[i], (int) (fonts[i].size * PANGO_SCALE));
      pango_font_description_set_weight (self->font_descs[i], fonts[i].weight);
    }
  self->width = PN_BRIEF_PDF_A4_WIDTH;
  self->height = PN_BRIEF_PDF_A4_HEIGHT;
}

PnBriefPdf *
pn_brief_pdf_new (PnBrief *brief)
{
  g_return_val_if_fail (brief != NULL, NULL);

  return g_object_new (PN_TYPE_BRIEF_PDF, "brief", brief, NULL);
}

PnBrief *
pn_brief_pdf_get_brief (PnBriefPdf *self)
{
  g_return_val_if_fail (PN_IS_BRIEF_PDF (self), NULL);
  return self->brief;
}

guint
pn_brief_pdf_paginate (PnBriefPdf  *self,
                       cairo_t     *cr,
                       double       width,
                       double       height,
                       GError     **error)
{
  cairo_font_options_t *options;
  guint unknown = 0;

  g_return_val_if_fail (PN_IS_BRIEF_PDF (self), 0);
  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (width > 2 * MARGIN_X && height > MARGIN_TOP + MARGIN_BOTTOM + 100, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  self->width = width;
  self->height = height;
  self->n_pages = 0;

  g_clear_object (&self->context);
  if (self->font_map == NULL && self->font_dir == NULL)
    self->font_map = make_font_map (self);
  if (self->font_map != NULL)
    {
      self->context = pango_font_map_create_context (self->font_map);
      pango_cairo_update_context (cr, self->context);
    }
  else
    self->context = pango_cairo_create_context (cr);
  /* font sizes are points, and so are the user units of `cr` */
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* glyph positions as designed: the same layout on screen, paper, PDF */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  /* Simplified Chinese glyph shapes for every Han character */
  pango_context_set_language (self->context, pango_language_from_string ("zh-cn"));
  pango_context_set_base_dir (self->context, PANGO_DIRECTION_LTR);

  self->n_pages = run_flow (self, NULL, -1, 0, FALSE, &unknown);
  if (unknown > 0)
    {
      if (self->missing != 0)
        {
          char character[8] = { 0, };

          g_unichar_to_utf8 (self->missing, character);
          g_set_error (error, PN_BRIEF_PDF_ERROR, PN_BRIEF_PDF_ERROR_FONT,
                       "No installed font has a glyph for “%s” (U+%04X) in the brief; "
                       "install a font that has it, or change the text",
                       character, self->missing);
        }
      else
        g_set_error (error, PN_BRIEF_PDF_ERROR, PN_BRIEF_PDF_ERROR_FONT,
                     "No installed font has a glyph for %u characters of the brief; "
                     "install a Simplified Chinese font (Noto Sans CJK SC, Debian package fonts-noto-cjk)",
                     unknown);
      self->n_pages = 0;
      return 0;
    }

  return self->n_pages;
}

guint
pn_brief_pdf_get_n_pages (PnBriefPdf *self)
{
  g_return_val_if_fail (PN_IS_BRIEF_PDF (self), 0);
  return self->n_pages;
}

static void
draw_page (PnBriefPdf *self,
           cairo_t    *cr,
           guint       page,
           gboolean    from_start)
{
  g_return_if_fail (PN_IS_BRIEF_PDF (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->context != NULL);
  g_return_if_fail (page < self->n_pages);

  pango_cairo_update_context (cr, self->context);
  cairo_save (cr);
  run_flow (self, cr, (int) page, self->n_pages, from_start, NULL);
  cairo_restore (cr);
}

void
pn_brief_pdf_draw_page (PnBriefPdf *self,
                        cairo_t    *cr,
                        guint       page)
{
  draw_page (self, cr, page, FALSE);
}

void
_pn_brief_pdf_draw_page_from_start (PnBriefPdf *self,
                                    cairo_t    *cr,
                                    guint       page)
{
  draw_page (self, cr, page, TRUE);
}

guint
_pn_brief_pdf_get_n_layouts (PnBriefPdf *self)
{
  g_return_val_if_fail (PN_IS_BRIEF_PDF (self), 0);
  return self->n_layouts;
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
pn_brief_pdf_render (PnBrief  *brief,
                     GError  **error)
{
  g_autoptr(PnBriefPdf) self = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (brief != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = pn_brief_pdf_new (brief);
  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_bytes_cb, bytes,
                                                 PN_BRIEF_PDF_A4_WIDTH, PN_BRIEF_PDF_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pn_brief_get_title (brief));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Policy Navigator");
  created = g_strdup_printf ("%sT00:00:00", pn_brief_get_date (brief));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);

  n_pages = pn_brief_pdf_paginate (self, cr, PN_BRIEF_PDF_A4_WIDTH, PN_BRIEF_PDF_A4_HEIGHT, error);
  for (guint page = 0; page < n_pages; page++)
    {
      pn_brief_pdf_draw_page (self, cr, page);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (n_pages == 0)
    return NULL;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PN_BRIEF_PDF_ERROR, PN_BRIEF_PDF_ERROR_CAIRO,
                   "Cannot make the PDF: %s", cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
