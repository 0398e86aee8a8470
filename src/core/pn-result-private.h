/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-result.h"

G_BEGIN_DECLS

/* for pn-engine only.  An evaluation lists its results as small entries:
 * the match, the state, and the amounts of those that may enter the total
 * (the total and the overlap groups need nothing else).  The whole
 * PnResult, with every amount and the text (missing, conditions,
 * derivation, notes, not_counted_reason), is written when
 * pn_results_get_result() or pn_results_find() first returns it: a
 * profile that answers only its location lists tens of thousands. */
typedef struct
{
  PnBenefit *benefit;
  gint64     estimate_cny;     /* when `priced`; PN_YUAN_UNSET otherwise */
  gint64     high_cny;         /* PnResult's; PN_YUAN_UNSET: none */
  gint64     cut_cny;          /* what a yearly cap takes off a counted estimate, else 0 */
  guint32    overlap_winner;   /* its position, for PN_NOT_COUNTED_OVERLAP */
  guint8     match;            /* PnMatch */
  guint8     status;           /* PnStatus */
  guint8     high_limit;       /* PnUpsideLimit */
  guint8     not_counted;      /* PnNotCounted */
  guint8     counted : 1;
  guint8     priced : 1;       /* the first pass computed estimate_cny */
} PnResultEntry;

/* 就高从优不重复 within an overlap group, for the counted total (estimates)
 * and the "up to" total (highs): the higher amount wins; on a tie the more
 * local document, then the id.  A total order: every member of a group
 * agrees on the winner.  (pn-engine.c) */
gboolean     _pn_overlap_beats          (PnTaxonomy          *taxonomy,
                                         const PnResultEntry *a,
                                         gint64               amount_a,
                                         const PnResultEntry *b,
                                         gint64               amount_b);

PnResults   *_pn_results_new            (PnCorpus   *corpus,
                                         PnProfile  *profile);
/* what the engine keeps to write the results later, freed with them */
void         _pn_results_set_engine_data (PnResults     *self,
                                          gpointer       data,
                                          GDestroyNotify free_data);
gpointer     _pn_results_get_engine_data (PnResults     *self);
void         _pn_results_reserve        (PnResults  *self,
                                         guint       n);
/* valid until the next append */
PnResultEntry *_pn_results_append       (PnResults  *self,
                                         PnBenefit  *benefit);
PnResultEntry *_pn_results_peek         (PnResults  *self,
                                         guint       position);
void         _pn_results_set_total      (PnResults  *self,
                                         gint64      total);
void         _pn_results_set_total_high (PnResults  *self,
                                         gint64      total_high);
/* PnNextStep, in the array pn_results_get_next_steps() gives */
void         pn_next_step_free          (PnNextStep *step);

G_END_DECLS
