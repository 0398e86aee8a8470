/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-product-page"

#include "config.h"

#include "pn-product-page.h"

#include "assistant/pn-choice-group.h"

struct _PnProductPage
{
  PnPage         parent_instance;

  char          *last_product;

  /* Template children */
  PnChoiceGroup *entity_group;
  PnChoiceGroup *product_group;
};

G_DEFINE_FINAL_TYPE (PnProductPage, pn_product_page, PN_TYPE_PAGE)

/* The questions that only make sense for one kind of product. */
static const struct {
  PnQuestion  question;
  const char *product;
} branch_questions[] = {
  { PN_QUESTION_DRUG_CLASS, "drug" },
  { PN_QUESTION_MODALITY, "drug" },
  { PN_QUESTION_THERAPEUTIC_AREA, "drug" },
  { PN_QUESTION_RANK, "drug" },
  { PN_QUESTION_DEVICE_CLASS, "device" },
  { PN_QUESTION_INNOVATIVE_DEVICE, "device" },
  { PN_QUESTION_DEVICE_TYPE, "device" },
  { PN_QUESTION_ENTITY, "organisation" },
};

/* Choosing another kind of product drops the answers of the other
 * branches, so that no stale drug answer follows a device. */
static void
pn_product_page_clear_other_branches (PnProfile  *profile,
                                      const char *product)
{
  for (guint i = 0; i < G_N_ELEMENTS (branch_questions); i++)
    {
      if (!g_str_equal (branch_questions[i].product, product))
        pn_profile_set_answer (profile, branch_questions[i].question, NULL);
    }
}

static void
pn_product_page_clear_project (PnProfile *profile)
{
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, NULL);
  pn_profile_set_answer (profile, PN_QUESTION_RANK, NULL);
  for (PnFigure figure = 0; figure < PN_N_FIGURES; figure++)
    pn_profile_set_figure (profile, figure, PN_YUAN_UNSET);
}

static void
pn_product_page_update (PnPage *page)
{
  PnProductPage *self = PN_PRODUCT_PAGE (page);
  PnProfile *profile = pn_page_get_profile (page);
  const char *product = profile != NULL ? pn_profile_get_answer (profile, PN_QUESTION_PRODUCT) : NULL;
  gboolean organisation = g_strcmp0 (product, "organisation") == 0;

  if (g_strcmp0 (product, self->last_product) != 0)
    {
      g_autofree char *previous = g_steal_pointer (&self->last_product);

      self->last_product = g_strdup (product);

      /* Re-enters this function through the profile's "changed". */
      if (product != NULL)
        pn_product_page_clear_other_branches (profile, product);
      /* Another product is another project: its milestone and its figures
       * (a drug's R&D is not a device's) start again. */
      if (product != NULL && previous != NULL)
        pn_product_page_clear_project (profile);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->entity_group), organisation);

  pn_page_set_complete (page,
                        product != NULL &&
                        (!organisation || pn_profile_get_answer (profile, PN_QUESTION_ENTITY) != NULL));
}

static void
pn_product_page_finalize (GObject *object)
{
  PnProductPage *self = PN_PRODUCT_PAGE (object);

  g_clear_pointer (&self->last_product, g_free);

  G_OBJECT_CLASS (pn_product_page_parent_class)->finalize (object);
}

static void
pn_product_page_class_init (PnProductPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnPageClass *page_class = PN_PAGE_CLASS (klass);

  object_class->finalize = pn_product_page_finalize;

  page_class->update = pn_product_page_update;

  g_type_ensure (PN_TYPE_CHOICE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-product-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnProductPage, entity_group);
  gtk_widget_class_bind_template_child (widget_class, PnProductPage, product_group);
}

static void
pn_product_page_init (PnProductPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pn_page_set_keys (PN_PAGE (self), (const char * const []) { "product", "entity", NULL });
}
