/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-deadlines-view"

#include "config.h"

#include "pn-deadlines-view.h"

#include <glib/gi18n.h>

/* STUB: to be written (issue 7). */

struct _PnDeadlinesView
{
  GtkWidget  parent_instance;

  PnProfile *profile;
  PnCorpus  *corpus;
};

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_CORPUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PnDeadlinesView, pn_deadlines_view, GTK_TYPE_WIDGET)

static void
pn_deadlines_view_dispose (GObject *object)
{
  PnDeadlinesView *self = (PnDeadlinesView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), PN_TYPE_DEADLINES_VIEW);
  /* Children without an id are not template children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->corpus, pn_corpus_unref);

  G_OBJECT_CLASS (pn_deadlines_view_parent_class)->dispose (object);
}

static void
pn_deadlines_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PnDeadlinesView *self = PN_DEADLINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_CORPUS:
      g_value_set_boxed (value, self->corpus);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_deadlines_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PnDeadlinesView *self = PN_DEADLINES_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      pn_deadlines_view_set_profile (self, g_value_get_object (value));
      break;
    case PROP_CORPUS:
      pn_deadlines_view_set_corpus (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_deadlines_view_class_init (PnDeadlinesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pn_deadlines_view_dispose;
  object_class->get_property = pn_deadlines_view_get_property;
  object_class->set_property = pn_deadlines_view_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, PN_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CORPUS] =
    g_param_spec_boxed ("corpus", NULL, NULL, PN_TYPE_CORPUS,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pnav/PolicyNavigator/ui/planning/pn-deadlines-view.ui");
}

static void
pn_deadlines_view_init (PnDeadlinesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pn_deadlines_view_new (void)
{
  return g_object_new (PN_TYPE_DEADLINES_VIEW, NULL);
}

PnProfile *
pn_deadlines_view_get_profile (PnDeadlinesView *self)
{
  g_return_val_if_fail (PN_IS_DEADLINES_VIEW (self), NULL);

  return self->profile;
}

void
pn_deadlines_view_set_profile (PnDeadlinesView *self,
                           PnProfile   *profile)
{
  g_return_if_fail (PN_IS_DEADLINES_VIEW (self));
  g_return_if_fail (profile == NULL || PN_IS_PROFILE (profile));

  if (g_set_object (&self->profile, profile))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

PnCorpus *
pn_deadlines_view_get_corpus (PnDeadlinesView *self)
{
  g_return_val_if_fail (PN_IS_DEADLINES_VIEW (self), NULL);

  return self->corpus;
}

void
pn_deadlines_view_set_corpus (PnDeadlinesView *self,
                          PnCorpus    *corpus)
{
  g_return_if_fail (PN_IS_DEADLINES_VIEW (self));

  if (self->corpus == corpus)
    return;
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  if (corpus != NULL)
    self->corpus = pn_corpus_ref (corpus);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}
