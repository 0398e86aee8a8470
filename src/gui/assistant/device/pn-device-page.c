/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-device-page"

#include "config.h"

#include "pn-device-page.h"

#include "assistant/pn-choice-group.h"
#include "pn-gui-util.h"

struct _PnDevicePage
{
  PnPage         parent_instance;

  gboolean       syncing;

  /* Template children */
  PnChoiceGroup *device_class_group;
  PnChoiceGroup *device_type_group;
  AdwActionRow  *innovative_row;
  GtkSwitch     *innovative_switch;
};

G_DEFINE_FINAL_TYPE (PnDevicePage, pn_device_page, PN_TYPE_PAGE)

static void
pn_device_page_innovative_cb (PnDevicePage *self)
{
  PnProfile *profile = pn_page_get_profile (PN_PAGE (self));

  if (self->syncing || profile == NULL)
    return;

  pn_profile_set_answer (profile, PN_QUESTION_INNOVATIVE_DEVICE,
                         gtk_switch_get_active (self->innovative_switch) ? "true" : "false");
}

static void
pn_device_page_update (PnPage *page)
{
  PnDevicePage *self = PN_DEVICE_PAGE (page);
  PnProfile *profile = pn_page_get_profile (page);

  if (profile == NULL)
    {
      pn_page_set_applies (page, FALSE);
      pn_page_set_complete (page, FALSE);
      return;
    }

  self->syncing = TRUE;
  gtk_switch_set_active (self->innovative_switch,
                         g_strcmp0 (pn_profile_get_answer (profile, PN_QUESTION_INNOVATIVE_DEVICE), "true") == 0);
  self->syncing = FALSE;

  /* No device page for a drug or an organisation. */
  pn_page_set_applies (page,
                       g_strcmp0 (pn_profile_get_effective_answer (profile, PN_QUESTION_PRODUCT), "device") == 0);
  /* The device type is optional. */
  pn_page_set_complete (page, pn_profile_get_answer (profile, PN_QUESTION_DEVICE_CLASS) != NULL);
}

static gboolean
pn_device_page_apply (PnPage *page)
{
  PnDevicePage *self = PN_DEVICE_PAGE (page);
  PnProfile *profile = pn_page_get_profile (page);

  /* An untouched switch is an answer too: no special review. */
  if (profile != NULL && pn_profile_get_answer (profile, PN_QUESTION_INNOVATIVE_DEVICE) == NULL)
    pn_profile_set_answer (profile, PN_QUESTION_INNOVATIVE_DEVICE,
                           gtk_switch_get_active (self->innovative_switch) ? "true" : "false");

  return TRUE;
}

static void
pn_device_page_class_init (PnDevicePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  PnPageClass *page_class = PN_PAGE_CLASS (klass);

  page_class->update = pn_device_page_update;
  page_class->apply = pn_device_page_apply;

  g_type_ensure (PN_TYPE_CHOICE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/assistant/pn-device-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PnDevicePage, device_class_group);
  gtk_widget_class_bind_template_child (widget_class, PnDevicePage, device_type_group);
  gtk_widget_class_bind_template_child (widget_class, PnDevicePage, innovative_row);
  gtk_widget_class_bind_template_child (widget_class, PnDevicePage, innovative_switch);
  gtk_widget_class_bind_template_callback (widget_class, pn_device_page_innovative_cb);
}

static void
pn_device_page_init (PnDevicePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pn_page_set_keys (PN_PAGE (self),
                    (const char * const []) { "device-class", "innovative-device", "device-type", NULL });

  /* The other language's name of the procedure, as for every other row. */
  adw_action_row_set_subtitle (self->innovative_row,
                               pn_gui_get_lang () == PN_LANG_ZH ?
                               "NMPA innovative medical device special review procedure" :
                               "创新医疗器械特别审查程序");
  pn_gui_tag_chinese (GTK_WIDGET (self->innovative_row));
}
