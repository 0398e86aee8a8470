/* SPDX-License-Identifier: GPL-3.0-or-later */
/* make-pdf TEXT PDF: lays out a policy text on A4 pages with Pango and
 * writes it as a PDF with cairo, as an official PDF looks to a text
 * extractor: wrapped lines, centred headings (the lines without a
 * full-width indent that hold no sentence), a page number at the foot of
 * every page.  Makes tests/data/draft/shishi-measures.pdf from
 * shishi-measures.txt (build target make-draft-pdf). */

#include <stdio.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 72.0

int
main (int   argc,
      char *argv[])
{
  g_autofree char *text = NULL;
  g_auto(GStrv) paragraphs = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoFontDescription *font;
  double y = MARGIN;
  int page = 1;

  if (argc != 3 || !g_file_get_contents (argv[1], &text, NULL, NULL))
    {
      fprintf (stderr, "usage: make-pdf TEXT PDF\n");
      return 2;
    }

  surface = cairo_pdf_surface_create (argv[2], PAGE_W, PAGE_H);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2025-11-18T00:00:00Z");
  cr = cairo_create (surface);
  font = pango_font_description_from_string ("Noto Serif CJK SC 14");
  paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      PangoLayout *layout;
      int height;
      gboolean heading = !g_str_has_prefix (paragraphs[i], "　") &&
                         strstr (paragraphs[i], "。") == NULL;

      if (*paragraphs[i] == '\0')
        continue;

      layout = pango_cairo_create_layout (cr);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((PAGE_W - 2 * MARGIN) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
      pango_layout_set_alignment (layout, heading ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
      pango_layout_set_justify (layout, !heading);
      pango_layout_set_text (layout, paragraphs[i], -1);
      pango_layout_get_size (layout, NULL, &height);

      if (y + height / (double) PANGO_SCALE > PAGE_H - MARGIN)
        {
          /* the page number, then a new page; a paragraph may run on */
          PangoLayout *number = pango_cairo_create_layout (cr);
          g_autofree char *label = g_strdup_printf ("— %d —", page++);

          pango_layout_set_font_description (number, font);
          pango_layout_set_text (number, label, -1);
          cairo_move_to (cr, PAGE_W / 2 - 20, PAGE_H - MARGIN / 2);
          pango_cairo_show_layout (cr, number);
          g_object_unref (number);
          cairo_show_page (cr);
          y = MARGIN;
        }

      cairo_move_to (cr, MARGIN, y);
      pango_cairo_show_layout (cr, layout);
      y += height / (double) PANGO_SCALE + 8;
      g_object_unref (layout);
    }

  {
    PangoLayout *number = pango_cairo_create_layout (cr);
    g_autofree char *label = g_strdup_printf ("— %d —", page);

    pango_layout_set_font_description (number, font);
    pango_layout_set_text (number, label, -1);
    cairo_move_to (cr, PAGE_W / 2 - 20, PAGE_H - MARGIN / 2);
    pango_cairo_show_layout (cr, number);
    g_object_unref (number);
  }

  cairo_show_page (cr);
  pango_font_description_free (font);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "make-pdf: %s\n", cairo_status_to_string (cairo_surface_status (surface)));
      return 1;
    }
  cairo_surface_destroy (surface);
  return 0;
}
