/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-compare-row"

#include "config.h"

#include "pn-compare-row.h"

#include "planning/pn-compare-cell.h"
#include "pn-gui-util.h"

#include <glib/gi18n.h>

struct _PnCompareRow
{
  GtkListBoxRow  parent_instance;

  PnCompareItem *item;

  /* Template children */
  GtkBox        *cells_box;
  GtkLabel      *citation_label;
  GtkLabel      *differs_label;
  GtkBox        *line_box;
  GtkLabel      *status_label;
  GtkLabel      *title_label;
};

G_DEFINE_FINAL_TYPE (PnCompareRow, pn_compare_row, GTK_TYPE_LIST_BOX_ROW)

static void
pn_compare_row_dispose (GObject *object)
{
  PnCompareRow *self = PN_COMPARE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_COMPARE_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (pn_compare_row_parent_class)->dispose (object);
}

static void
pn_compare_row_class_init (PnCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_compare_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/planning/pn-compare-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PnCompareRow, cells_box);
  gtk_widget_class_bind_template_child (widget_class, PnCompareRow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareRow, differs_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareRow, line_box);
  gtk_widget_class_bind_template_child (widget_class, PnCompareRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareRow, title_label);
}

static void
pn_compare_row_init (PnCompareRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_compare_row_new (PnCompareItem *item,
                    gboolean       compact,
                    GtkSizeGroup  *name_group)
{
  PnCompareRow *self;
  const char *citation;
  int status;
  gboolean differs;
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_val_if_fail (PN_IS_COMPARE_ITEM (item), NULL);

  self = g_object_new (PN_TYPE_COMPARE_ROW, NULL);
  self->item = g_object_ref (item);
  gtk_widget_set_name (GTK_WIDGET (self), pn_compare_item_get_name (item));

  citation = pn_compare_item_get_citation (item);
  status = pn_compare_item_get_status (item);
  differs = pn_compare_item_get_differs (item);

  pn_gui_label_set_text (self->title_label, pn_compare_item_get_title (item));
  if (pn_compare_item_get_other_title (item) != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), pn_compare_item_get_other_title (item));

  pn_gui_label_set_text (self->citation_label, citation != NULL ? citation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->citation_label), citation != NULL);
  if (status >= 0)
    {
      gtk_label_set_text (self->status_label, pn_gui_status_label (status));
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), pn_gui_status_style_class (status));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status >= 0);
  gtk_widget_set_visible (GTK_WIDGET (self->differs_label), differs);
  gtk_widget_set_visible (GTK_WIDGET (self->line_box), citation != NULL || status >= 0 || differs);

  /* Wide: as wide as the columns above, with the same gaps.  Compact: a
   * line a location, its name first. */
  if (compact)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->cells_box), GTK_ORIENTATION_VERTICAL);
      gtk_box_set_homogeneous (self->cells_box, FALSE);
      gtk_box_set_spacing (self->cells_box, 4);
    }

  for (guint i = 0; i < pn_compare_item_get_n_cells (item); i++)
    {
      const PnCompareCellData *data = pn_compare_item_get_cell (item, i);
      GtkWidget *cell = pn_compare_cell_new (data, compact, differs);

      if (compact && name_group != NULL)
        gtk_size_group_add_widget (name_group, pn_compare_cell_get_location_label (PN_COMPARE_CELL (cell)));
      gtk_box_append (self->cells_box, cell);

      if (description->len > 0)
        g_string_append (description, pn_gui_get_lang () == PN_LANG_ZH ? "；" : "; ");
      /* Translators: a cell of the comparison for a screen reader: the
       * location, the amount, its state ("Xiamen: ¥12,000,000, Counted") */
      g_string_append_printf (description, _("%s: %s, %s"), data->label, data->amount, data->state);
    }

  if (differs)
    {
      g_string_append (description, pn_gui_get_lang () == PN_LANG_ZH ? "。" : ". ");
      g_string_append (description, _("Differs between locations"));
    }

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), pn_compare_item_get_document_id (item) != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pn_compare_item_get_title (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);

  return GTK_WIDGET (self);
}

PnCompareItem *
pn_compare_row_get_item (PnCompareRow *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_ROW (self), NULL);
  return self->item;
}
