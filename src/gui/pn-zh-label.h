/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Chinese text must carry the zh-cn language, or Pango may draw it with
 * Japanese glyph shapes: always when the locale is C (STYLE.md, Known
 * traps).  These helpers tag labels whose text is not plain ASCII. */

/* A list holding just the zh-cn language attribute. */
PangoAttrList *pn_zh_attributes_new   (void);
/* Sets the text; tags it when it is not ASCII, untags it otherwise. */
void           pn_zh_label_set_text   (GtkLabel  *label,
                                       const char *text);
/* Tags every untagged label under `widget` (itself included) whose text
 * is not ASCII: translated template strings, a status page's texts. */
void           pn_zh_label_tag_tree   (GtkWidget *widget);

G_END_DECLS
