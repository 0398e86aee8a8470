/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-derivation.h"
#include "pn-result-private.h"
#include "pn-worth-private.h"

G_BEGIN_DECLS

/* What more the answers could give (pn-upside.c), for pn-engine.c. */

typedef enum
{
  PN_UPSIDE_BOUNDED,            /* the "up to" figure is a number */
  PN_UPSIDE_UNBOUNDED,          /* an uncapped rate of a figure not given */
  PN_UPSIDE_NO_AMOUNT,          /* the text states no amount */
} PnUpsideLimit;

/* The most the benefit gives if every open point goes the applicant's
 * way; 0 when it cannot give on the date; PN_YUAN_UNSET with the limit
 * saying why there is no figure. */
gint64       _pn_upside_high             (const PnFacts       *facts,
                                          PnBenefit           *benefit,
                                          PnStatus             status,
                                          PnUpsideLimit       *out_limit);
/* The most all listed results give together: one set of favourable
 * figures, the best of each overlap group, each annual cap held. */
gint64       _pn_upside_total            (const PnFacts       *facts,
                                          PnResults           *results);
/* The same of the results with an upper bound only */
gint64       _pn_upside_total_bounded    (const PnFacts       *facts,
                                          PnResults           *results);
/* Holds each annual cap over `amounts`, one a result (0: not under any):
 * those under a cap give together at most its amount, what is over coming
 * off the last of them first.  For the "up to" total and the counted one. */
void         _pn_hold_annual_caps        (PnResults           *results,
                                          gint64              *amounts);
/* PnNextStep, what it may add first; never NULL. */
GPtrArray   *_pn_upside_next_steps       (const PnFacts       *facts,
                                          PnResults           *results);
/* The result's high, readings and instalments. */
void         _pn_upside_fill             (const PnFacts       *facts,
                                          const PnResultEntry *entry,
                                          PnResult            *result);

G_END_DECLS
