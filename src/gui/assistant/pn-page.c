/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-page"

#include "config.h"

#include "pn-page.h"

#include "assistant/pn-choice-group.h"
#include "pn-gui-util.h"

#include <glib/gi18n.h>

typedef struct
{
  char       *title;
  gboolean    complete;
  gboolean    applies;
  PnProfile  *profile;
  PnCorpus   *corpus;
  GStrv       keys;
  char       *why_text;
  char       *why_location;   /* the location why_text was computed for */
  gboolean    why_valid;
} PnPagePrivate;

enum {
  PROP_0,
  PROP_TITLE,
  PROP_COMPLETE,
  PROP_APPLIES,
  PROP_PROFILE,
  PROP_CORPUS,
  PROP_WHY_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PnPage, pn_page, GTK_TYPE_WIDGET)

static char *
pn_page_compute_why_text (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *citation = NULL;
  PnBenefit *example = NULL;
  guint n = 0;

  if (priv->corpus == NULL || priv->keys == NULL)
    return g_strdup ("");

  if (!pn_corpus_count_uses (priv->corpus,
                             priv->profile != NULL ? pn_profile_get_location (priv->profile) : NULL,
                             (const char * const *) priv->keys, &n, &example, &error))
    {
      /* the results show the store's error; the hint just stays quiet */
      g_debug ("why we ask: %s", error->message);
      return g_strdup ("");
    }

  if (n == 0 || example == NULL)
    return g_strdup (_("Why we ask: no measure here depends on this answer."));

  citation = pn_gui_citation (example->article);

  /* Translators: %u is a number of measures, %s a citation such as
   * "厦府规〔2023〕17号 art. 1" */
  return g_strdup_printf (ngettext ("Why we ask: used by %u measure, %s.",
                                    "Why we ask: used by %u measures, such as %s.",
                                    n),
                          n, citation);
}

static void
pn_page_invalidate_why (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);
  const char *location = priv->profile != NULL ? pn_profile_get_location (priv->profile) : NULL;
  g_autofree char *text = NULL;

  if (priv->why_valid && g_strcmp0 (location, priv->why_location) == 0)
    return;

  g_free (priv->why_location);
  priv->why_location = g_strdup (location);
  priv->why_valid = TRUE;

  text = pn_page_compute_why_text (self);
  if (g_strcmp0 (text, priv->why_text) != 0)
    {
      g_free (priv->why_text);
      priv->why_text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHY_TEXT]);
    }
}

static void
pn_page_profile_changed_cb (PnPage *self)
{
  pn_page_invalidate_why (self);
  pn_page_update (self);
}

static void
pn_page_constructed (GObject *object)
{
  PnPage *self = PN_PAGE (object);

  G_OBJECT_CLASS (pn_page_parent_class)->constructed (object);

  /* Every label of the template, the why_label's citations first among
   * them: Chinese text gets Simplified Chinese glyphs in any UI language. */
  pn_gui_tag_chinese (GTK_WIDGET (self));
}

static void
pn_page_dispose (GObject *object)
{
  PnPage *self = PN_PAGE (object);
  PnPagePrivate *priv = pn_page_get_instance_private (self);
  GtkWidget *child;

  /* The template of the concrete page, then its unnamed children. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->profile);

  G_OBJECT_CLASS (pn_page_parent_class)->dispose (object);
}

static void
pn_page_finalize (GObject *object)
{
  PnPage *self = PN_PAGE (object);
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_clear_pointer (&priv->corpus, pn_corpus_unref);
  g_clear_pointer (&priv->title, g_free);
  g_clear_pointer (&priv->keys, g_strfreev);
  g_clear_pointer (&priv->why_text, g_free);
  g_clear_pointer (&priv->why_location, g_free);

  G_OBJECT_CLASS (pn_page_parent_class)->finalize (object);
}

static void
pn_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PnPage *self = PN_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, pn_page_get_title (self));
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, pn_page_get_complete (self));
      break;

    case PROP_APPLIES:
      g_value_set_boolean (value, pn_page_get_applies (self));
      break;

    case PROP_PROFILE:
      g_value_set_object (value, pn_page_get_profile (self));
      break;

    case PROP_CORPUS:
      g_value_set_boxed (value, pn_page_get_corpus (self));
      break;

    case PROP_WHY_TEXT:
      g_value_set_string (value, pn_page_get_why_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PnPage *self = PN_PAGE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pn_page_set_title (self, g_value_get_string (value));
      break;

    case PROP_COMPLETE:
      pn_page_set_complete (self, g_value_get_boolean (value));
      break;

    case PROP_APPLIES:
      pn_page_set_applies (self, g_value_get_boolean (value));
      break;

    case PROP_PROFILE:
      pn_page_set_profile (self, g_value_get_object (value));
      break;

    case PROP_CORPUS:
      pn_page_set_corpus (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_page_real_shown (PnPage *self)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static gboolean
pn_page_real_apply (PnPage *self G_GNUC_UNUSED)
{
  return TRUE;
}

static void
pn_page_real_update (PnPage *self G_GNUC_UNUSED)
{
}

/* The choice group that asks `key`, depth first under `widget`. */
static GtkWidget *
find_choice_group (GtkWidget  *widget,
                   const char *key)
{
  if (PN_IS_CHOICE_GROUP (widget) &&
      g_strcmp0 (pn_choice_group_get_question (PN_CHOICE_GROUP (widget)), key) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_choice_group (child, key);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A question asked by a group of choices: its first choice. */
static void
pn_page_real_focus_key (PnPage     *self,
                        const char *key)
{
  GtkWidget *group = find_choice_group (GTK_WIDGET (self), key);

  if (group != NULL && gtk_widget_get_visible (group))
    gtk_widget_child_focus (group, GTK_DIR_TAB_FORWARD);
}

static void
pn_page_class_init (PnPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = pn_page_constructed;
  object_class->dispose = pn_page_dispose;
  object_class->finalize = pn_page_finalize;
  object_class->get_property = pn_page_get_property;
  object_class->set_property = pn_page_set_property;

  klass->shown = pn_page_real_shown;
  klass->apply = pn_page_real_apply;
  klass->update = pn_page_real_update;
  klass->focus_key = pn_page_real_focus_key;

  /**
   * PnPage:title:
   *
   * The short title the header bar shows.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);

  /**
   * PnPage:complete:
   *
   * Whether the page holds enough answers to go on.
   */
  properties[PROP_COMPLETE] = g_param_spec_boolean ("complete", NULL, NULL, FALSE, flags);

  /**
   * PnPage:applies:
   *
   * Whether the page applies to the answers so far; the assistant skips
   * the pages that do not.
   */
  properties[PROP_APPLIES] = g_param_spec_boolean ("applies", NULL, NULL, TRUE, flags);

  properties[PROP_PROFILE] = g_param_spec_object ("profile", NULL, NULL, PN_TYPE_PROFILE, flags);
  properties[PROP_CORPUS] = g_param_spec_boxed ("corpus", NULL, NULL, PN_TYPE_CORPUS, flags);

  /**
   * PnPage:why-text:
   *
   * Which measures depend on the page's answers, computed from the corpus.
   */
  properties[PROP_WHY_TEXT] = g_param_spec_string ("why-text", NULL, NULL, "",
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pn_page_init (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  priv->applies = TRUE;
  priv->why_text = g_strdup ("");
}

const char *
pn_page_get_title (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), NULL);

  return priv->title;
}

void
pn_page_set_title (PnPage     *self,
                   const char *title)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_if_fail (PN_IS_PAGE (self));

  if (g_strcmp0 (priv->title, title) == 0)
    return;

  g_free (priv->title);
  priv->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
pn_page_get_complete (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), FALSE);

  return priv->complete;
}

void
pn_page_set_complete (PnPage   *self,
                      gboolean  complete)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_if_fail (PN_IS_PAGE (self));

  complete = !!complete;
  if (priv->complete == complete)
    return;

  priv->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

gboolean
pn_page_get_applies (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), FALSE);

  return priv->applies;
}

void
pn_page_set_applies (PnPage   *self,
                     gboolean  applies)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_if_fail (PN_IS_PAGE (self));

  applies = !!applies;
  if (priv->applies == applies)
    return;

  priv->applies = applies;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLIES]);
}

PnProfile *
pn_page_get_profile (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), NULL);

  return priv->profile;
}

void
pn_page_set_profile (PnPage    *self,
                     PnProfile *profile)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_if_fail (PN_IS_PAGE (self));
  g_return_if_fail (profile == NULL || PN_IS_PROFILE (profile));

  if (priv->profile == profile)
    return;

  if (priv->profile != NULL)
    g_signal_handlers_disconnect_by_func (priv->profile, pn_page_profile_changed_cb, self);

  g_set_object (&priv->profile, profile);

  if (profile != NULL)
    g_signal_connect_object (profile, "changed",
                             G_CALLBACK (pn_page_profile_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
  pn_page_profile_changed_cb (self);
}

PnCorpus *
pn_page_get_corpus (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), NULL);

  return priv->corpus;
}

void
pn_page_set_corpus (PnPage   *self,
                    PnCorpus *corpus)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_if_fail (PN_IS_PAGE (self));

  if (priv->corpus == corpus)
    return;

  g_clear_pointer (&priv->corpus, pn_corpus_unref);
  if (corpus != NULL)
    priv->corpus = pn_corpus_ref (corpus);

  priv->why_valid = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
  pn_page_profile_changed_cb (self);
}

const char *
pn_page_get_why_text (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), NULL);

  return priv->why_text;
}

void
pn_page_set_keys (PnPage             *self,
                  const char * const *keys)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_if_fail (PN_IS_PAGE (self));

  g_strfreev (priv->keys);
  priv->keys = g_strdupv ((char **) keys);
  priv->why_valid = FALSE;
  pn_page_invalidate_why (self);
}

const char * const *
pn_page_get_keys (PnPage *self)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), NULL);

  return (const char * const *) priv->keys;
}

gboolean
pn_page_asks (PnPage     *self,
              const char *key)
{
  PnPagePrivate *priv = pn_page_get_instance_private (self);

  g_return_val_if_fail (PN_IS_PAGE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return priv->keys != NULL && g_strv_contains ((const char * const *) priv->keys, key);
}

void
pn_page_shown (PnPage *self)
{
  g_return_if_fail (PN_IS_PAGE (self));

  PN_PAGE_GET_CLASS (self)->shown (self);
}

gboolean
pn_page_apply (PnPage *self)
{
  g_return_val_if_fail (PN_IS_PAGE (self), FALSE);

  return PN_PAGE_GET_CLASS (self)->apply (self);
}

void
pn_page_update (PnPage *self)
{
  g_return_if_fail (PN_IS_PAGE (self));

  PN_PAGE_GET_CLASS (self)->update (self);
}

void
pn_page_focus_key (PnPage     *self,
                   const char *key)
{
  g_return_if_fail (PN_IS_PAGE (self));
  g_return_if_fail (key != NULL);

  if (pn_page_asks (self, key))
    PN_PAGE_GET_CLASS (self)->focus_key (self, key);
}
