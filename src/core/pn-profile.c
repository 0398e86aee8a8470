/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-profile"

#include "config.h"

#include "pn-profile.h"

#include <string.h>

#include "pn-money.h"

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

/* ---- reading saved profiles ------------------------------------------ */

#define PN_PROFILE_MAX_BYTES (1024 * 1024)
#define PN_PROFILE_MAX_DEPTH 16

static gboolean
damaged (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
damaged (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

/* A member that may be absent or null, or else must be a string.  The
 * message names the field ("answers.phase"). */
static gboolean
member_string (JsonObject  *object,
               const char  *prefix,
               const char  *name,
               char       **out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return damaged (error, "field %s%s must be a string", prefix, name);
  /* The text was UTF-8, but json-glib 1.6 also reads octal escapes
   * ("\\202") into bytes that are not. */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    return damaged (error, "field %s%s is not UTF-8 text", prefix, name);
  *out = g_strdup (json_node_get_string (node));
  if (**out == '\0')
    g_clear_pointer (out, g_free);
  return TRUE;
}

/* Absent or null (NULL), or an object. */
static gboolean
member_object (JsonObject  *object,
               const char  *name,
               JsonObject **out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return damaged (error, "field %s must be an object", name);
  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
is_iso_date (const char *value)
{
  gboolean shape = strlen (value) == 10;

  for (guint i = 0; shape && i < 10; i++)
    shape = (i == 4 || i == 7) ? value[i] == '-' : g_ascii_isdigit (value[i]);

  return shape && g_date_valid_dmy ((GDateDay) g_ascii_strtoull (value + 8, NULL, 10),
                                    (GDateMonth) g_ascii_strtoull (value + 5, NULL, 10),
                                    (GDateYear) g_ascii_strtoull (value, NULL, 10));
}

/**
 * pn_profile_new_from_json:
 *
 * Reads what pn_profile_to_json() wrote.  Every field may be absent or
 * null; one of the wrong type or out of range is an error saying which
 * ("field figures.sales must be a whole number of yuan between 0 and …"),
 * never a critical warning.  Members it does not know are ignored.
 */
PnProfile *
pn_profile_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(PnProfile) self = NULL;
  JsonObject *object;
  JsonObject *answers = NULL;
  JsonObject *figures = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      damaged (error, "the profile is not a JSON object");
      return NULL;
    }

  object = json_node_get_object (node);
  self = pn_profile_new ();
  if (!member_string (object, "", "name", &self->name, error) ||
      !member_string (object, "", "location", &self->location, error) ||
      !member_string (object, "", "as_of", &self->as_of, error) ||
      !member_object (object, "answers", &answers, error) ||
      !member_object (object, "figures", &figures, error))
    return NULL;

  if (self->as_of != NULL && !is_iso_date (self->as_of))
    {
      damaged (error, "field as_of must be a date written YYYY-MM-DD");
      return NULL;
    }

  for (guint i = 0; answers != NULL && i < PN_N_QUESTIONS; i++)
    if (!member_string (answers, "answers.", pn_question_to_string (i), &self->answers[i], error))
      return NULL;

  for (guint i = 0; figures != NULL && i < PN_N_FIGURES; i++)
    {
      const char *name = pn_figure_to_string (i);
      JsonNode *value = json_object_get_member (figures, name);
      gint64 yuan;

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64 ||
          (yuan = json_node_get_int (value)) < 0 || yuan > PN_MONEY_MAX)
        {
          damaged (error, "field figures.%s must be a whole number of yuan between 0 and %" G_GINT64_FORMAT,
                   name, PN_MONEY_MAX);
          return NULL;
        }
      self->figures[i] = yuan;
    }

  return g_steal_pointer (&self);
}

/* json-glib 1.6 parses nesting by recursion: 100,000 `[` overflow the
 * stack.  Counted first, outside strings, in linear time. */
static gboolean
check_nesting (const char  *data,
               gsize        length,
               GError     **error)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > PN_PROFILE_MAX_DEPTH)
            return damaged (error, "the JSON nests more than %d deep", PN_PROFILE_MAX_DEPTH);
        }
      else if ((c == '}' || c == ']') && depth > 0)
        depth--;
    }

  return TRUE;
}

/**
 * pn_profile_new_from_data:
 * @data: (nullable): the JSON text as stored, not necessarily 0-terminated
 *
 * Parses and reads a saved profile's JSON, refusing what json-glib should
 * not be given (more than 1 MiB, nesting past 16, no valid UTF-8).  Errors
 * are one line ("field location must be a string").
 */
PnProfile *
pn_profile_new_from_data (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  if (data == NULL || length == 0)
    {
      damaged (error, "the profile is empty");
      return NULL;
    }
  if (length > PN_PROFILE_MAX_BYTES)
    {
      damaged (error, "the profile is larger than 1 MiB");
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      damaged (error, "the profile is not UTF-8 text");
      return NULL;
    }
  if (!check_nesting (data, length, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_autofree char *message = g_strdup (local_error->message);

      g_strdelimit (message, "\r\n", ' ');
      damaged (error, "not JSON: %s", message);
      return NULL;
    }

  return pn_profile_new_from_json (json_parser_get_root (parser), error);
}
