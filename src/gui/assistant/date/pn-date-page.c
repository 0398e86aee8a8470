/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-date-page"

#include "config.h"

#include "pn-date-page.h"

#include "pn-date-chooser.h"

struct _PnDatePage
{
  PnPage         parent_instance;

  /* Template children */
  PnDateChooser *date_chooser;
  GtkButton     *results_button;
};

G_DEFINE_FINAL_TYPE (PnDatePage, pn_date_page, PN_TYPE_PAGE)

static void
pn_date_page_update (PnPage *page)
{
  /* Always complete: no date is today. */
  pn_page_set_complete (page, pn_page_get_profile (page) != NULL);
}

/* A date typed but not taken stops here, with its error under the
 * field: never silently ignored. */
static gboolean
pn_date_page_apply (PnPage *page)
{
  PnDatePage *self = PN_DATE_PAGE (page);

  if (pn_date_chooser_commit (self->date_chooser))
    return TRUE;

  gtk_widget_child_focus (GTK_WIDGET (self->date_chooser), GTK_DIR_TAB_FORWARD);
  return FALSE;
}

/* Today is the usual answer: Enter sees the results at once; the date
 * entry is one Shift+Tab away. */
static void
pn_date_page_shown (PnPage *page)
{
  gtk_widget_grab_focus (GTK_WIDGET (PN_DATE_PAGE (page)->results_button));
}

static void
pn_date_page_class_init (PnDatePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnPageClass *page_class = PN_PAGE_CLASS (klass);

  page_class->update = pn_date_page_update;
  page_class->shown = pn_date_page_shown;
  page_class->apply = pn_date_page_apply;

  g_type_ensure (PN_TYPE_DATE_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-date-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnDatePage, date_chooser);
  gtk_widget_class_bind_template_child (widget_class, PnDatePage, results_button);
}

static void
pn_date_page_init (PnDatePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pn_page_set_keys (PN_PAGE (self), (const char * const []) { "as-of", NULL });
}
