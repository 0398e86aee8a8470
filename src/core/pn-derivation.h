/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-policy.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

/* How an amount was worked out, as numbers: the engine's arithmetic runs
 * once and records these steps (pn-worth); this unit writes them as the
 * sentences a founder reads, in either language.  Amounts are whole
 * yuan; PN_YUAN_UNSET where a step has none. */
typedef enum
{
  PN_DERIVATION_NON_MONETARY,       /* support that is not money */
  PN_DERIVATION_NO_AMOUNT,          /* the text states none; `amount`: at most, or unset */
  PN_DERIVATION_THRESHOLD_MISSING,  /* `figure` not given; `amount`: the threshold */
  PN_DERIVATION_THRESHOLD_BELOW,    /* `figure` is `value`, below `amount` */
  PN_DERIVATION_THRESHOLD_MET,      /* `figure` is `value`, meets `amount` */
  PN_DERIVATION_FIXED,              /* a fixed `amount` */
  PN_DERIVATION_UP_TO,              /* an award of up to `amount`, counted at it */
  PN_DERIVATION_BASE_MISSING,       /* `figure` not given; `amount`: the cap, or unset */
  PN_DERIVATION_RATE,               /* `rate` × `figure` `value` = `result` */
  PN_DERIVATION_RATE_UP_TO,         /* the same, `rate` a ceiling (最高不超过40%) */
  PN_DERIVATION_CAPPED,             /* `result` was above the cap `amount` */
  PN_DERIVATION_CAP_REACHED,        /* `result` is exactly the cap `amount` */
  PN_DERIVATION_CAP_NOT_REACHED,    /* `result` is below the cap `amount` */
  PN_DERIVATION_LIMIT_MISSING,      /* `other` (the combined limit) not given */
  PN_DERIVATION_LIMIT,              /* `other` `amount` − `value` = `result` at most */
  PN_DERIVATION_TOP_UP_TO,          /* topped up to `amount` */
  PN_DERIVATION_TARGET_MISSING,     /* the award topped up needs a figure */
  PN_DERIVATION_TARGET_UNKNOWN,     /* the award topped up is in no stored document */
  PN_DERIVATION_MINUS_TARGET,       /* minus `target`'s `amount` = `result` */
  PN_DERIVATION_MINUS_LAPSED,       /* the same, `target` not in force on the date */
  PN_DERIVATION_LAPSED_KEPT,        /* `target` not in force: not deducted, `result` */
  PN_DERIVATION_NO_TARGET,          /* nothing to deduct: `result` */
  PN_DERIVATION_RATE_NO_BASE,       /* `rate` of a figure no question asks; `amount`: the cap, or unset */
} PnDerivationKind;

typedef struct
{
  PnDerivationKind  kind;
  PnFigure          figure;     /* or PN_FIGURE_NONE */
  PnFigure          other;      /* or PN_FIGURE_NONE */
  gint64            value;
  gint64            amount;
  gint64            result;
  double            rate;
  gboolean          inclusive;
  PnBenefit        *target;     /* not owned; or NULL */
} PnDerivationStep;

/* The steps as one sentence in `lang`. */
char        *pn_derivation_write         (const GArray *steps,
                                          PnTaxonomy   *taxonomy,
                                          PnLang        lang);
/* The label of a figure in `lang` ("R&D investment", "研发投入"). */
const char  *pn_derivation_figure_label  (PnTaxonomy   *taxonomy,
                                          PnFigure      figure,
                                          PnLang        lang);

G_END_DECLS
