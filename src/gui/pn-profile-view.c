/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-profile-view"

#include "config.h"

#include "pn-profile-view.h"

typedef struct
{
  PnProfile *profile;
  PnCorpus  *corpus;
} PnProfileViewPrivate;

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_CORPUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PnProfileView, pn_profile_view, GTK_TYPE_WIDGET)

static void
pn_profile_view_refresh (PnProfileView *self)
{
  PnProfileViewClass *klass = PN_PROFILE_VIEW_GET_CLASS (self);

  if (klass->refresh != NULL)
    klass->refresh (self);
}

/* After the subclass's dispose, which disposed its template: no refresh. */
static void
pn_profile_view_dispose (GObject *object)
{
  PnProfileView *self = PN_PROFILE_VIEW (object);
  PnProfileViewPrivate *priv = pn_profile_view_get_instance_private (self);

  if (priv->profile != NULL)
    g_signal_handlers_disconnect_by_func (priv->profile, pn_profile_view_refresh, self);
  g_clear_object (&priv->profile);
  g_clear_pointer (&priv->corpus, pn_corpus_unref);

  G_OBJECT_CLASS (pn_profile_view_parent_class)->dispose (object);
}

static void
pn_profile_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PnProfileView *self = PN_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, pn_profile_view_get_profile (self));
      break;

    case PROP_CORPUS:
      g_value_set_boxed (value, pn_profile_view_get_corpus (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_profile_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PnProfileView *self = PN_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      pn_profile_view_set_profile (self, g_value_get_object (value));
      break;

    case PROP_CORPUS:
      pn_profile_view_set_corpus (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_profile_view_class_init (PnProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_profile_view_dispose;
  object_class->get_property = pn_profile_view_get_property;
  object_class->set_property = pn_profile_view_set_property;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, PN_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CORPUS] =
    g_param_spec_boxed ("corpus", NULL, NULL, PN_TYPE_CORPUS,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pn_profile_view_init (PnProfileView *self G_GNUC_UNUSED)
{
}

PnProfile *
pn_profile_view_get_profile (PnProfileView *self)
{
  PnProfileViewPrivate *priv;

  g_return_val_if_fail (PN_IS_PROFILE_VIEW (self), NULL);

  priv = pn_profile_view_get_instance_private (self);

  return priv->profile;
}

void
pn_profile_view_set_profile (PnProfileView *self,
                             PnProfile     *profile)
{
  PnProfileViewPrivate *priv;

  g_return_if_fail (PN_IS_PROFILE_VIEW (self));
  g_return_if_fail (profile == NULL || PN_IS_PROFILE (profile));

  priv = pn_profile_view_get_instance_private (self);

  if (priv->profile == profile)
    return;

  if (priv->profile != NULL)
    g_signal_handlers_disconnect_by_func (priv->profile, pn_profile_view_refresh, self);

  g_set_object (&priv->profile, profile);

  if (profile != NULL)
    g_signal_connect_object (profile, "changed",
                             G_CALLBACK (pn_profile_view_refresh), self,
                             G_CONNECT_SWAPPED);

  pn_profile_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

PnCorpus *
pn_profile_view_get_corpus (PnProfileView *self)
{
  PnProfileViewPrivate *priv;

  g_return_val_if_fail (PN_IS_PROFILE_VIEW (self), NULL);

  priv = pn_profile_view_get_instance_private (self);

  return priv->corpus;
}

void
pn_profile_view_set_corpus (PnProfileView *self,
                            PnCorpus      *corpus)
{
  PnProfileViewPrivate *priv;
  PnProfileViewClass *klass;
  PnCorpus *old;

  g_return_if_fail (PN_IS_PROFILE_VIEW (self));

  priv = pn_profile_view_get_instance_private (self);
  klass = PN_PROFILE_VIEW_GET_CLASS (self);

  if (priv->corpus == corpus)
    return;

  /* The old corpus lives until the subclass has let go of it. */
  old = g_steal_pointer (&priv->corpus);
  if (corpus != NULL)
    priv->corpus = pn_corpus_ref (corpus);
  if (klass->corpus_changed != NULL)
    klass->corpus_changed (self);
  g_clear_pointer (&old, pn_corpus_unref);

  pn_profile_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}
