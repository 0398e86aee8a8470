/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-types"

#include "config.h"

#include <string.h>

#include "pn-types.h"
#include "pn-enums.h"

/* An enum's class, referenced the first time it is asked for and then
 * kept (classes of static types are never freed). */
static GEnumClass *
enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);
}

static const char *
nick_of (GEnumClass *klass,
         int         value)
{
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static gboolean
value_of (GEnumClass *klass,
          const char *nick,
          int        *out_value)
{
  GEnumValue *enum_value = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (enum_value == NULL)
    return FALSE;
  *out_value = enum_value->value;
  return TRUE;
}

const char *
pn_status_to_string (PnStatus status)
{
  g_return_val_if_fail (status <= PN_STATUS_SUPERSEDED, NULL);
  return nick_of (enum_class (PN_TYPE_STATUS), status);
}

gboolean
pn_status_from_string (const char *str,
                       PnStatus   *out_status)
{
  int value;

  if (!value_of (enum_class (PN_TYPE_STATUS), str, &value))
    return FALSE;
  *out_status = value;
  return TRUE;
}

const char *
pn_match_to_string (PnMatch match)
{
  g_return_val_if_fail (match <= PN_MATCH_POSSIBLE, NULL);
  return nick_of (enum_class (PN_TYPE_MATCH), match);
}

const char *
pn_benefit_kind_to_string (PnBenefitKind kind)
{
  g_return_val_if_fail (kind < PN_N_BENEFIT_KINDS, NULL);
  return nick_of (enum_class (PN_TYPE_BENEFIT_KIND), kind);
}

gboolean
pn_benefit_kind_from_string (const char    *str,
                             PnBenefitKind *out_kind)
{
  int value;

  if (!value_of (enum_class (PN_TYPE_BENEFIT_KIND), str, &value))
    return FALSE;
  *out_kind = value;
  return TRUE;
}

const char *
pn_question_to_string (PnQuestion question)
{
  g_return_val_if_fail (question < PN_N_QUESTIONS, NULL);
  return nick_of (enum_class (PN_TYPE_QUESTION), question);
}

gboolean
pn_question_from_string (const char *str,
                         PnQuestion *out_question)
{
  int value;

  if (!value_of (enum_class (PN_TYPE_QUESTION), str, &value))
    return FALSE;
  *out_question = value;
  return TRUE;
}

const char *
pn_figure_to_string (PnFigure figure)
{
  g_return_val_if_fail (figure >= 0 && figure < PN_N_FIGURES, NULL);
  return nick_of (enum_class (PN_TYPE_FIGURE), figure);
}

gboolean
pn_figure_from_string (const char *str,
                       PnFigure   *out_figure)
{
  int value;

  if (!value_of (enum_class (PN_TYPE_FIGURE), str, &value))
    return FALSE;
  *out_figure = value;
  return TRUE;
}
