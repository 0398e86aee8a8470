/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-fonts"

#include "config.h"

#include "pn-fonts.h"

/* Simplified forms that Japanese and Traditional Chinese fonts lack (门, 药,
 * 厦), so that a CJK font without Simplified Chinese does not pass. */
#define PN_FONTS_SIMPLIFIED_CHINESE_SAMPLE "厦门生物医药"

/**
 * pn_fonts_cover_simplified_chinese:
 * @context: a #PangoContext, usually a widget's
 *
 * Asks the font map of @context (fontconfig on Linux) for the fonts it would
 * use for Simplified Chinese text in the context's font, and checks that
 * they have a glyph for each character of a sample. No font is named.
 *
 * Returns: %TRUE if an installed font covers Simplified Chinese
 */
gboolean
pn_fonts_cover_simplified_chinese (PangoContext *context)
{
  PangoLanguage *language;
  PangoFontset *fontset;
  gboolean covered = TRUE;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);

  language = pango_language_from_string ("zh-cn");
  fontset = pango_context_load_fontset (context,
                                        pango_context_get_font_description (context),
                                        language);
  if (fontset == NULL)
    return FALSE;

  for (const char *p = PN_FONTS_SIMPLIFIED_CHINESE_SAMPLE; *p != '\0' && covered; p = g_utf8_next_char (p))
    {
      gunichar wc = g_utf8_get_char (p);
      g_autoptr(PangoFont) font = pango_fontset_get_font (fontset, wc);

      covered = font != NULL && pango_font_has_char (font, wc);
    }

  g_object_unref (fontset);

  return covered;
}
