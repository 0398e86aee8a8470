/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-drug-page"

#include "config.h"

#include "pn-drug-page.h"

#include "assistant/pn-choice-group.h"

struct _PnDrugPage
{
  PnPage         parent_instance;

  /* Template children */
  PnChoiceGroup *drug_class_group;
  PnChoiceGroup *modality_group;
  PnChoiceGroup *therapeutic_area_group;
};

G_DEFINE_FINAL_TYPE (PnDrugPage, pn_drug_page, PN_TYPE_PAGE)

static void
pn_drug_page_update (PnPage *page)
{
  PnProfile *profile = pn_page_get_profile (page);

  if (profile == NULL)
    {
      pn_page_set_applies (page, FALSE);
      pn_page_set_complete (page, FALSE);
      return;
    }

  /* No drug page for a device or an organisation. */
  pn_page_set_applies (page,
                       g_strcmp0 (pn_profile_get_effective_answer (profile, PN_QUESTION_PRODUCT), "drug") == 0);
  /* The therapeutic area is optional. */
  pn_page_set_complete (page,
                        pn_profile_get_answer (profile, PN_QUESTION_DRUG_CLASS) != NULL &&
                        pn_profile_get_answer (profile, PN_QUESTION_MODALITY) != NULL);
}

static void
pn_drug_page_class_init (PnDrugPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnPageClass *page_class = PN_PAGE_CLASS (klass);

  page_class->update = pn_drug_page_update;

  g_type_ensure (PN_TYPE_CHOICE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-drug-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnDrugPage, drug_class_group);
  gtk_widget_class_bind_template_child (widget_class, PnDrugPage, modality_group);
  gtk_widget_class_bind_template_child (widget_class, PnDrugPage, therapeutic_area_group);
}

static void
pn_drug_page_init (PnDrugPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pn_page_set_keys (PN_PAGE (self),
                    (const char * const []) { "drug-class", "modality", "therapeutic-area", NULL });
}
