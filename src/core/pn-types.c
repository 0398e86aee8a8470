/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-types"

#include "config.h"

#include <string.h>

#include "pn-types.h"

static const char * const status_ids[] = { "in-force", "expired", "pending", "draft" };
static const char * const match_ids[] = { "definite", "possible" };
static const char * const kind_ids[] = {
  "fixed", "rate", "top-up", "matching", "unspecified", "non-monetary",
};
static const char * const question_ids[] = {
  "product", "entity", "drug-class", "modality", "therapeutic-area",
  "device-class", "innovative-device", "device-type", "phase", "rank",
};
static const char * const figure_ids[] = {
  "rd-investment", "sales", "fixed-assets", "equipment", "evaluation-cost",
  "tech-transaction", "contract-amount", "service-revenue", "annual-revenue",
  "national-funding", "total-investment",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_ids) == PN_N_BENEFIT_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (question_ids) == PN_N_QUESTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (figure_ids) == PN_N_FIGURES);

static int
lookup (const char * const *ids,
        guint               n_ids,
        const char         *str)
{
  if (str == NULL)
    return -1;

  for (guint i = 0; i < n_ids; i++)
    if (strcmp (ids[i], str) == 0)
      return i;

  return -1;
}

const char *
pn_status_to_string (PnStatus status)
{
  g_return_val_if_fail (status <= PN_STATUS_DRAFT, NULL);
  return status_ids[status];
}

const char *
pn_match_to_string (PnMatch match)
{
  g_return_val_if_fail (match <= PN_MATCH_POSSIBLE, NULL);
  return match_ids[match];
}

const char *
pn_benefit_kind_to_string (PnBenefitKind kind)
{
  g_return_val_if_fail (kind < PN_N_BENEFIT_KINDS, NULL);
  return kind_ids[kind];
}

gboolean
pn_benefit_kind_from_string (const char    *str,
                             PnBenefitKind *out_kind)
{
  int i = lookup (kind_ids, G_N_ELEMENTS (kind_ids), str);

  if (i < 0)
    return FALSE;
  *out_kind = i;
  return TRUE;
}

const char *
pn_question_to_string (PnQuestion question)
{
  g_return_val_if_fail (question < PN_N_QUESTIONS, NULL);
  return question_ids[question];
}

gboolean
pn_question_from_string (const char *str,
                         PnQuestion *out_question)
{
  int i = lookup (question_ids, G_N_ELEMENTS (question_ids), str);

  if (i < 0)
    return FALSE;
  *out_question = i;
  return TRUE;
}

const char *
pn_figure_to_string (PnFigure figure)
{
  g_return_val_if_fail (figure >= 0 && figure < PN_N_FIGURES, NULL);
  return figure_ids[figure];
}

gboolean
pn_figure_from_string (const char *str,
                       PnFigure   *out_figure)
{
  int i = lookup (figure_ids, G_N_ELEMENTS (figure_ids), str);

  if (i < 0)
    return FALSE;
  *out_figure = i;
  return TRUE;
}
