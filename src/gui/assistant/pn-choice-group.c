/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-choice-group"

#include "config.h"

#include "pn-choice-group.h"

#include "pn-gui-util.h"

struct _PnChoiceGroup
{
  AdwPreferencesGroup  parent_instance;

  char                *question;
  PnQuestion           question_id;
  PnProfile           *profile;
  PnCorpus            *corpus;
  GPtrArray           *rows;        /* AdwActionRow, named after their term */
  GStrv                visible_ids;
  gboolean             syncing;
};

enum {
  PROP_0,
  PROP_QUESTION,
  PROP_PROFILE,
  PROP_CORPUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PnChoiceGroup, pn_choice_group, ADW_TYPE_PREFERENCES_GROUP)

#define ROW_CHECK_KEY "pn-check"

static GtkCheckButton *
row_get_check (AdwActionRow *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_CHECK_KEY);
}

static void
pn_choice_group_sync (PnChoiceGroup *self)
{
  const char *answer = NULL;

  if (self->profile != NULL && self->question != NULL)
    answer = pn_profile_get_answer (self->profile, self->question_id);

  self->syncing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      gboolean active = g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), answer) == 0;

      gtk_check_button_set_active (row_get_check (row), active);
    }
  self->syncing = FALSE;
}

static void
pn_choice_group_check_toggled_cb (PnChoiceGroup  *self,
                                  GtkCheckButton *check)
{
  GtkWidget *row;

  if (self->syncing || self->profile == NULL || !gtk_check_button_get_active (check))
    return;

  row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);
  g_assert (row != NULL);

  pn_profile_set_answer (self->profile, self->question_id, gtk_widget_get_name (row));
}

static void
pn_choice_group_apply_visibility (PnChoiceGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      gboolean visible = self->visible_ids == NULL ||
                         g_strv_contains ((const char * const *) self->visible_ids,
                                          gtk_widget_get_name (row));

      gtk_widget_set_visible (row, visible);
    }
}

static void
pn_choice_group_rebuild (PnChoiceGroup *self)
{
  GtkCheckButton *first = NULL;
  GPtrArray *terms;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->corpus == NULL || self->question == NULL)
    return;

  terms = pn_taxonomy_get_terms (pn_corpus_get_taxonomy (self->corpus), self->question);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);
      const char *label = pn_gui_term_label (term);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_widget_set_name (row, term->id);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      if (pn_gui_term_other_label (term) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pn_gui_term_other_label (term));

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      if (first != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (pn_choice_group_check_toggled_cb), self,
                               G_CONNECT_SWAPPED);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), ROW_CHECK_KEY, check);
      pn_gui_tag_chinese (row);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }

  pn_choice_group_apply_visibility (self);
  pn_choice_group_sync (self);
}

static void
pn_choice_group_dispose (GObject *object)
{
  PnChoiceGroup *self = PN_CHOICE_GROUP (object);

  pn_choice_group_set_profile (self, NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pn_choice_group_parent_class)->dispose (object);
}

static void
pn_choice_group_finalize (GObject *object)
{
  PnChoiceGroup *self = PN_CHOICE_GROUP (object);

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->visible_ids, g_strfreev);

  G_OBJECT_CLASS (pn_choice_group_parent_class)->finalize (object);
}

static void
pn_choice_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PnChoiceGroup *self = PN_CHOICE_GROUP (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

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
pn_choice_group_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PnChoiceGroup *self = PN_CHOICE_GROUP (object);

  switch (prop_id)
    {
    case PROP_QUESTION:
      {
        const char *question = g_value_get_string (value);

        if (question != NULL && !pn_question_from_string (question, &self->question_id))
          {
            g_warning ("“%s” is not a question of the profile", question);
            question = NULL;
          }
        self->question = g_strdup (question);
      }
      break;

    case PROP_PROFILE:
      pn_choice_group_set_profile (self, g_value_get_object (value));
      break;

    case PROP_CORPUS:
      pn_choice_group_set_corpus (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_choice_group_class_init (PnChoiceGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_choice_group_dispose;
  object_class->finalize = pn_choice_group_finalize;
  object_class->get_property = pn_choice_group_get_property;
  object_class->set_property = pn_choice_group_set_property;

  /**
   * PnChoiceGroup:question:
   *
   * The question id, which is also the id of its vocabulary.
   */
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL, PN_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CORPUS] =
    g_param_spec_boxed ("corpus", NULL, NULL, PN_TYPE_CORPUS,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pn_choice_group_init (PnChoiceGroup *self)
{
  self->rows = g_ptr_array_new ();
}

GtkWidget *
pn_choice_group_new (const char *question)
{
  return g_object_new (PN_TYPE_CHOICE_GROUP, "question", question, NULL);
}

const char *
pn_choice_group_get_question (PnChoiceGroup *self)
{
  g_return_val_if_fail (PN_IS_CHOICE_GROUP (self), NULL);

  return self->question;
}

void
pn_choice_group_set_profile (PnChoiceGroup *self,
                             PnProfile     *profile)
{
  g_return_if_fail (PN_IS_CHOICE_GROUP (self));
  g_return_if_fail (profile == NULL || PN_IS_PROFILE (profile));

  if (self->profile == profile)
    return;

  if (self->profile != NULL)
    g_signal_handlers_disconnect_by_func (self->profile, pn_choice_group_sync, self);

  g_set_object (&self->profile, profile);

  if (profile != NULL && self->question != NULL)
    {
      g_autofree char *detailed = g_strconcat ("notify::", self->question, NULL);

      g_signal_connect_object (profile, detailed,
                               G_CALLBACK (pn_choice_group_sync), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->rows != NULL)
    pn_choice_group_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

void
pn_choice_group_set_corpus (PnChoiceGroup *self,
                            PnCorpus      *corpus)
{
  g_return_if_fail (PN_IS_CHOICE_GROUP (self));

  if (self->corpus == corpus)
    return;

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  if (corpus != NULL)
    self->corpus = pn_corpus_ref (corpus);

  pn_choice_group_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
}

void
pn_choice_group_set_visible_ids (PnChoiceGroup      *self,
                                 const char * const *ids)
{
  g_return_if_fail (PN_IS_CHOICE_GROUP (self));

  g_strfreev (self->visible_ids);
  self->visible_ids = g_strdupv ((char **) ids);
  pn_choice_group_apply_visibility (self);
}

gboolean
pn_choice_group_has_visible (PnChoiceGroup *self,
                             const char    *id)
{
  AdwActionRow *row;

  g_return_val_if_fail (PN_IS_CHOICE_GROUP (self), FALSE);

  row = pn_choice_group_get_row (self, id);

  return row != NULL && gtk_widget_get_visible (GTK_WIDGET (row));
}

AdwActionRow *
pn_choice_group_get_row (PnChoiceGroup *self,
                         const char    *id)
{
  g_return_val_if_fail (PN_IS_CHOICE_GROUP (self), NULL);

  for (guint i = 0; id != NULL && i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (gtk_widget_get_name (GTK_WIDGET (row)), id))
        return row;
    }

  return NULL;
}

gboolean
pn_choice_group_focus_first (PnChoiceGroup *self)
{
  g_return_val_if_fail (PN_IS_CHOICE_GROUP (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_get_visible (row))
        return gtk_widget_grab_focus (row);
    }
  return FALSE;
}
