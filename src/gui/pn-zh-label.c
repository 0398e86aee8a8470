/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-zh-label"

#include "config.h"

#include "pn-zh-label.h"

PangoAttrList *
pn_zh_attributes_new (void)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  return attrs;
}

static void
tag (GtkLabel *label)
{
  PangoAttrList *attrs = pn_zh_attributes_new ();

  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

void
pn_zh_label_set_text (GtkLabel   *label,
                      const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  if (text == NULL)
    text = "";

  gtk_label_set_text (label, text);
  if (g_str_is_ascii (text))
    gtk_label_set_attributes (label, NULL);
  else
    tag (label);
}

void
pn_zh_label_tag_tree (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* Attributes merge with those of markup; labels tagged (or given other
   * attributes) already are left alone. */
  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_attributes (GTK_LABEL (widget)) == NULL &&
      !g_str_is_ascii (gtk_label_get_text (GTK_LABEL (widget))))
    tag (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    pn_zh_label_tag_tree (child);
}
