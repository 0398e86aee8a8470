/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-compare-cell"

#include "config.h"

#include "pn-compare-cell.h"

#include "pn-gui-util.h"

#include <glib/gi18n.h>

struct _PnCompareCell
{
  GtkBox     parent_instance;

  /* Template children */
  GtkLabel  *amount_label;
  GtkLabel  *location_label;
  GtkLabel  *state_label;
};

G_DEFINE_FINAL_TYPE (PnCompareCell, pn_compare_cell, GTK_TYPE_BOX)

static void
pn_compare_cell_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_COMPARE_CELL);

  G_OBJECT_CLASS (pn_compare_cell_parent_class)->dispose (object);
}

static void
pn_compare_cell_class_init (PnCompareCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_compare_cell_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/planning/pn-compare-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, PnCompareCell, amount_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareCell, location_label);
  gtk_widget_class_bind_template_child (widget_class, PnCompareCell, state_label);
}

static void
pn_compare_cell_init (PnCompareCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_compare_cell_new (const PnCompareCellData *data,
                     gboolean                 compact,
                     gboolean                 differs)
{
  PnCompareCell *self;
  g_autofree char *accessible = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (PN_TYPE_COMPARE_CELL, NULL);
  gtk_widget_set_name (GTK_WIDGET (self), data->location);

  if (compact)
    {
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
      gtk_box_set_spacing (GTK_BOX (self), 8);
      pn_gui_label_set_text (self->location_label, data->label);
      gtk_widget_set_visible (GTK_WIDGET (self->location_label), TRUE);
      gtk_widget_set_valign (GTK_WIDGET (self->amount_label), GTK_ALIGN_BASELINE);
      gtk_widget_set_valign (GTK_WIDGET (self->state_label), GTK_ALIGN_BASELINE);
      gtk_widget_set_hexpand (GTK_WIDGET (self->state_label), TRUE);
      gtk_label_set_xalign (self->state_label, 1);
      gtk_label_set_justify (self->state_label, GTK_JUSTIFY_RIGHT);
    }

  gtk_label_set_text (self->amount_label, data->amount);
  if (data->emphasis)
    gtk_widget_add_css_class (GTK_WIDGET (self->amount_label), "accent");
  gtk_label_set_text (self->state_label, data->state);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label),
                            data->state_class != NULL ? data->state_class : "dim-label");
  if (differs)
    gtk_widget_add_css_class (GTK_WIDGET (self), "differs");
  if (data->tooltip != NULL && *data->tooltip != '\0')
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), data->tooltip);

  /* Translators: a cell of the comparison for a screen reader: the
   * location, the amount, its state ("Xiamen: ¥12,000,000, Counted") */
  accessible = g_strdup_printf (_("%s: %s, %s"), data->label, data->amount, data->state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The tooltip describes the cell already; a difference comes first. */
  if (differs)
    {
      g_autofree char *description = NULL;

      if (data->tooltip != NULL && *data->tooltip != '\0')
        /* Translators: "Differs between locations", then why the
         * measure counts or not at this location */
        description = g_strdup_printf (_("%s. %s"), _("Differs between locations"), data->tooltip);
      else
        description = g_strdup (_("Differs between locations"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }

  return GTK_WIDGET (self);
}

GtkWidget *
pn_compare_cell_get_location_label (PnCompareCell *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_CELL (self), NULL);
  return GTK_WIDGET (self->location_label);
}

GtkWidget *
pn_compare_cell_get_amount_label (PnCompareCell *self)
{
  g_return_val_if_fail (PN_IS_COMPARE_CELL (self), NULL);
  return GTK_WIDGET (self->amount_label);
}
