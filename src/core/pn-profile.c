/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-profile"

#include "config.h"

#include "pn-profile.h"

struct _PnProfile
{
  GObject  parent_instance;

  char    *name;
  char    *location;
  char    *as_of;
  char    *answers[PN_N_QUESTIONS];
  gint64   figures[PN_N_FIGURES];
  guint    freeze_changed;
  gboolean pending_changed;
};

G_DEFINE_FINAL_TYPE (PnProfile, pn_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LOCATION,
  PROP_AS_OF,
  PROP_FIRST_QUESTION,
  PROP_FIRST_FIGURE = PROP_FIRST_QUESTION + PN_N_QUESTIONS,
  N_PROPS = PROP_FIRST_FIGURE + PN_N_FIGURES
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
emit_changed (PnProfile *self)
{
  if (self->freeze_changed > 0)
    self->pending_changed = TRUE;
  else
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
replace_str (char       **field,
             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = (value && *value) ? g_strdup (value) : NULL;
  return TRUE;
}

static void
pn_profile_finalize (GObject *object)
{
  PnProfile *self = (PnProfile *) object;

  g_free (self->name);
  g_free (self->location);
  g_free (self->as_of);
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    g_free (self->answers[i]);

  G_OBJECT_CLASS (pn_profile_parent_class)->finalize (object);
}

static void
pn_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PnProfile *self = PN_PROFILE (object);

  if (prop_id == PROP_NAME)
    g_value_set_string (value, self->name);
  else if (prop_id == PROP_LOCATION)
    g_value_set_string (value, self->location);
  else if (prop_id == PROP_AS_OF)
    g_value_set_string (value, self->as_of);
  else if (prop_id >= PROP_FIRST_QUESTION && prop_id < PROP_FIRST_FIGURE)
    g_value_set_string (value, self->answers[prop_id - PROP_FIRST_QUESTION]);
  else if (prop_id >= PROP_FIRST_FIGURE && prop_id < N_PROPS)
    g_value_set_int64 (value, self->figures[prop_id - PROP_FIRST_FIGURE]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pn_profile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PnProfile *self = PN_PROFILE (object);

  if (prop_id == PROP_NAME)
    pn_profile_set_name (self, g_value_get_string (value));
  else if (prop_id == PROP_LOCATION)
    pn_profile_set_location (self, g_value_get_string (value));
  else if (prop_id == PROP_AS_OF)
    pn_profile_set_as_of (self, g_value_get_string (value));
  else if (prop_id >= PROP_FIRST_QUESTION && prop_id < PROP_FIRST_FIGURE)
    pn_profile_set_answer (self, prop_id - PROP_FIRST_QUESTION, g_value_get_string (value));
  else if (prop_id >= PROP_FIRST_FIGURE && prop_id < N_PROPS)
    pn_profile_set_figure (self, prop_id - PROP_FIRST_FIGURE, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pn_profile_class_init (PnProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = pn_profile_finalize;
  object_class->get_property = pn_profile_get_property;
  object_class->set_property = pn_profile_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, flags);
  properties[PROP_AS_OF] = g_param_spec_string ("as-of", NULL, NULL, NULL, flags);

  /* Property names are the vocabulary ids, which are static strings. */
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    properties[PROP_FIRST_QUESTION + i] =
      g_param_spec_string (pn_question_to_string (i), NULL, NULL, NULL, flags);
  for (guint i = 0; i < PN_N_FIGURES; i++)
    properties[PROP_FIRST_FIGURE + i] =
      g_param_spec_int64 (pn_figure_to_string (i), NULL, NULL,
                          -1, G_MAXINT64, -1, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnProfile::changed:
   *
   * Emitted once after any answer, figure or date changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
pn_profile_init (PnProfile *self)
{
  for (guint i = 0; i < PN_N_FIGURES; i++)
    self->figures[i] = PN_YUAN_UNSET;
}

PnProfile *
pn_profile_new (void)
{
  return g_object_new (PN_TYPE_PROFILE, NULL);
}

PnProfile *
pn_profile_copy (PnProfile *self)
{
  PnProfile *copy;

  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);

  copy = pn_profile_new ();
  copy->name = g_strdup (self->name);
  copy->location = g_strdup (self->location);
  copy->as_of = g_strdup (self->as_of);
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    copy->answers[i] = g_strdup (self->answers[i]);
  for (guint i = 0; i < PN_N_FIGURES; i++)
    copy->figures[i] = self->figures[i];
  return copy;
}

const char *
pn_profile_get_name (PnProfile *self)
{
  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);
  return self->name;
}

void
pn_profile_set_name (PnProfile  *self,
                     const char *name)
{
  g_return_if_fail (PN_IS_PROFILE (self));

  if (replace_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
pn_profile_get_location (PnProfile *self)
{
  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);
  return self->location;
}

void
pn_profile_set_location (PnProfile  *self,
                         const char *location)
{
  g_return_if_fail (PN_IS_PROFILE (self));

  if (replace_str (&self->location, location))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
      emit_changed (self);
    }
}

const char *
pn_profile_get_as_of (PnProfile *self)
{
  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);
  return self->as_of;
}

void
pn_profile_set_as_of (PnProfile  *self,
                      const char *as_of)
{
  g_return_if_fail (PN_IS_PROFILE (self));

  if (replace_str (&self->as_of, as_of))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
      emit_changed (self);
    }
}

char *
pn_profile_dup_effective_as_of (PnProfile *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);

  if (self->as_of != NULL)
    return g_strdup (self->as_of);

  now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

const char *
pn_profile_get_answer (PnProfile  *self,
                       PnQuestion  question)
{
  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);
  g_return_val_if_fail (question < PN_N_QUESTIONS, NULL);
  return self->answers[question];
}

void
pn_profile_set_answer (PnProfile  *self,
                       PnQuestion  question,
                       const char *value)
{
  g_return_if_fail (PN_IS_PROFILE (self));
  g_return_if_fail (question < PN_N_QUESTIONS);

  if (replace_str (&self->answers[question], value))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_QUESTION + question]);
      emit_changed (self);
    }
}

const char *
pn_profile_get_effective_answer (PnProfile  *self,
                                 PnQuestion  question)
{
  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);
  g_return_val_if_fail (question < PN_N_QUESTIONS, NULL);

  if (self->answers[question] != NULL)
    return self->answers[question];

  if (question == PN_QUESTION_PRODUCT)
    {
      const char *phase = self->answers[PN_QUESTION_PHASE];

      if (self->answers[PN_QUESTION_DRUG_CLASS] != NULL ||
          self->answers[PN_QUESTION_MODALITY] != NULL ||
          self->answers[PN_QUESTION_THERAPEUTIC_AREA] != NULL ||
          self->answers[PN_QUESTION_RANK] != NULL ||
          g_strcmp0 (phase, "consistency-evaluation") == 0 ||
          g_strcmp0 (phase, "phase-1") == 0 ||
          g_strcmp0 (phase, "phase-2") == 0 ||
          g_strcmp0 (phase, "phase-3") == 0 ||
          g_strcmp0 (phase, "preclinical") == 0 ||
          g_strcmp0 (phase, "overseas-clinical") == 0)
        {
          if (self->answers[PN_QUESTION_DEVICE_CLASS] == NULL &&
              self->answers[PN_QUESTION_DEVICE_TYPE] == NULL &&
              self->answers[PN_QUESTION_INNOVATIVE_DEVICE] == NULL)
            return "drug";
          return NULL;
        }
      if (self->answers[PN_QUESTION_DEVICE_CLASS] != NULL ||
          self->answers[PN_QUESTION_DEVICE_TYPE] != NULL ||
          self->answers[PN_QUESTION_INNOVATIVE_DEVICE] != NULL)
        return "device";
      if (self->answers[PN_QUESTION_ENTITY] != NULL &&
          g_strcmp0 (self->answers[PN_QUESTION_ENTITY], "enterprise") != 0)
        return "organisation";
      return NULL;
    }

  if (question == PN_QUESTION_ENTITY)
    return "enterprise";

  return NULL;
}

gint64
pn_profile_get_figure (PnProfile *self,
                       PnFigure   figure)
{
  g_return_val_if_fail (PN_IS_PROFILE (self), PN_YUAN_UNSET);
  g_return_val_if_fail (figure >= 0 && figure < PN_N_FIGURES, PN_YUAN_UNSET);
  return self->figures[figure];
}

void
pn_profile_set_figure (PnProfile *self,
                       PnFigure   figure,
                       gint64     yuan)
{
  g_return_if_fail (PN_IS_PROFILE (self));
  g_return_if_fail (figure >= 0 && figure < PN_N_FIGURES);

  if (yuan < 0)
    yuan = PN_YUAN_UNSET;
  if (self->figures[figure] == yuan)
    return;

  self->figures[figure] = yuan;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIGURE + figure]);
  emit_changed (self);
}

void
pn_profile_clear (PnProfile *self)
{
  g_return_if_fail (PN_IS_PROFILE (self));

  self->freeze_changed++;
  g_object_freeze_notify (G_OBJECT (self));
  pn_profile_set_location (self, NULL);
  pn_profile_set_as_of (self, NULL);
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    pn_profile_set_answer (self, i, NULL);
  for (guint i = 0; i < PN_N_FIGURES; i++)
    pn_profile_set_figure (self, i, PN_YUAN_UNSET);
  g_object_thaw_notify (G_OBJECT (self));
  self->freeze_changed--;

  if (self->pending_changed)
    {
      self->pending_changed = FALSE;
      emit_changed (self);
    }
}

JsonNode *
pn_profile_to_json (PnProfile *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PN_IS_PROFILE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  if (self->name)
    json_builder_add_string_value (builder, self->name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "location");
  if (self->location)
    json_builder_add_string_value (builder, self->location);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "as_of");
  if (self->as_of)
    json_builder_add_string_value (builder, self->as_of);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    if (self->answers[i] != NULL)
      {
        json_builder_set_member_name (builder, pn_question_to_string (i));
        json_builder_add_string_value (builder, self->answers[i]);
      }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "figures");
  json_builder_begin_object (builder);
  for (guint i = 0; i < PN_N_FIGURES; i++)
    if (self->figures[i] >= 0)
      {
        json_builder_set_member_name (builder, pn_figure_to_string (i));
        json_builder_add_int_value (builder, self->figures[i]);
      }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

PnProfile *
pn_profile_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(PnProfile) self = NULL;
  JsonObject *object;
  JsonObject *answers;
  JsonObject *figures;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "profile data is not a JSON object");
      return NULL;
    }

  object = json_node_get_object (node);
  self = pn_profile_new ();
  self->name = g_strdup (member_string (object, "name"));
  self->location = g_strdup (member_string (object, "location"));
  self->as_of = g_strdup (member_string (object, "as_of"));

  answers = json_object_has_member (object, "answers") ?
            json_object_get_object_member (object, "answers") : NULL;
  for (guint i = 0; answers && i < PN_N_QUESTIONS; i++)
    self->answers[i] = g_strdup (member_string (answers, pn_question_to_string (i)));

  figures = json_object_has_member (object, "figures") ?
            json_object_get_object_member (object, "figures") : NULL;
  for (guint i = 0; figures && i < PN_N_FIGURES; i++)
    {
      JsonNode *value = json_object_get_member (figures, pn_figure_to_string (i));

      if (value != NULL && JSON_NODE_TYPE (value) == JSON_NODE_VALUE &&
          json_node_get_value_type (value) == G_TYPE_INT64 &&
          json_node_get_int (value) >= 0)
        self->figures[i] = json_node_get_int (value);
    }

  return g_steal_pointer (&self);
}
