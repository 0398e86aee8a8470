/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-next-step-row"

#include "config.h"

#include "pn-next-step-row.h"

#include "pn-gui-util.h"

#include <glib/gi18n.h>

struct _PnNextStepRow
{
  GtkListBoxRow     parent_instance;

  PnResults        *results;
  const PnNextStep *step;        /* owned by results */

  /* Template children */
  GtkLabel         *adds_label;
  GtkButton        *go_button;
  GtkLabel         *measures_label;
  GtkLabel         *title_label;
};

enum {
  OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnNextStepRow, pn_next_step_row, GTK_TYPE_LIST_BOX_ROW)

static void
pn_next_step_row_go_cb (PnNextStepRow *self)
{
  if (self->step != NULL)
    g_signal_emit (self, signals[OPEN], 0);
}

static void
pn_next_step_row_finalize (GObject *object)
{
  PnNextStepRow *self = PN_NEXT_STEP_ROW (object);

  g_clear_pointer (&self->results, pn_results_unref);

  G_OBJECT_CLASS (pn_next_step_row_parent_class)->finalize (object);
}

static void
pn_next_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PN_TYPE_NEXT_STEP_ROW);

  G_OBJECT_CLASS (pn_next_step_row_parent_class)->dispose (object);
}

static void
pn_next_step_row_class_init (PnNextStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_next_step_row_dispose;
  object_class->finalize = pn_next_step_row_finalize;

  /**
   * PnNextStepRow::open:
   *
   * The user wants to go where the step is answered: the question, the
   * figure's entry, or the measure whose requirement it is.
   */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/results/pn-next-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PnNextStepRow, adds_label);
  gtk_widget_class_bind_template_child (widget_class, PnNextStepRow, go_button);
  gtk_widget_class_bind_template_child (widget_class, PnNextStepRow, measures_label);
  gtk_widget_class_bind_template_child (widget_class, PnNextStepRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, pn_next_step_row_go_cb);
}

static void
pn_next_step_row_init (PnNextStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Requirements are the data's words. */
  pn_gui_tag_chinese (GTK_WIDGET (self));
}

PnNextStepRow *
pn_next_step_row_new (void)
{
  return g_object_new (PN_TYPE_NEXT_STEP_ROW, NULL);
}

void
pn_next_step_row_set_step (PnNextStepRow    *self,
                           PnResults        *results,
                           const PnNextStep *step)
{
  g_autofree char *title = NULL;
  g_autofree char *adds = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *accessible = NULL;
  const char *go;

  g_return_if_fail (PN_IS_NEXT_STEP_ROW (self));
  g_return_if_fail (results != NULL);
  g_return_if_fail (step != NULL);

  pn_results_ref (results);
  g_clear_pointer (&self->results, pn_results_unref);
  self->results = results;
  self->step = step;

  title = pn_gui_next_step_title (step);
  adds = pn_gui_next_step_adds (step);
  /* one measure: its name, so that three requirements of one award read
   * as one amount, not three to add up */
  if (step->benefits->len == 1)
    {
      PnBenefit *benefit = g_ptr_array_index (step->benefits, 0);
      g_autofree char *citation = pn_gui_citation (benefit->article);

      /* Translators: the one measure a next step would open, and where it stands */
      measures = g_strdup_printf (_("for “%s” (%s)"), pn_gui_text (&benefit->title), citation);
    }
  else
    /* Translators: how many listed measures a next step would open */
    measures = g_strdup_printf (ngettext ("%u measure", "%u measures", step->benefits->len),
                                step->benefits->len);

  switch (step->kind)
    {
    case PN_NEXT_STEP_ANSWER:
      /* Translators: a button that opens the question a next step asks */
      go = _("Go to Question");
      break;
    case PN_NEXT_STEP_FIGURE:
      /* Translators: a button that opens the entry of the figure a next step asks */
      go = _("Enter Amount");
      break;
    case PN_NEXT_STEP_REQUIREMENT:
    default:
      /* Translators: a button that opens the measure whose requirement a
       * next step is: a requirement is checked, not asked */
      go = _("Open Measure");
      break;
    }

  pn_gui_label_set_text (self->title_label, title);
  gtk_label_set_text (self->adds_label, adds);
  gtk_label_set_text (self->measures_label, measures);
  gtk_button_set_label (self->go_button, go);

  /* Said as the row shows it; the button says where it goes, for what. */
  accessible = g_strdup_printf ("%s, %s, %s", title, adds, measures);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->go_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title,
                                  -1);
}

const PnNextStep *
pn_next_step_row_get_step (PnNextStepRow *self)
{
  g_return_val_if_fail (PN_IS_NEXT_STEP_ROW (self), NULL);

  return self->step;
}
