/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-corpus.h"

G_BEGIN_DECLS

G_STATIC_ASSERT (PN_N_QUESTIONS <= 16);
G_STATIC_ASSERT (PN_N_FIGURES <= 16);

/* A benefit the engine may list, with what it checks first, worked out
 * once: the questions its conditions ask, how many of them stay open when
 * none is answered, what stays open whatever the answers (requirements
 * the profile cannot answer, and a review not yet made), the figures its
 * amount reads, its validity as day keys (pn_day_key()) and, for a
 * benefit of the store, its conditions in one block.  The engine
 * reads these for every candidate, and most candidates no further: they
 * are copied here so that it need not reach into each benefit.
 *
 * The engine keeps one thing here too: the "up to" figure of a benefit
 * that tops up nothing, in force, when no figure it reads is given (then
 * the same for every question), worked out the first time it is needed.
 * `high_state` is atomic: 0 not yet, 1 being written, 2 written. */
typedef struct
{
  PnBenefit  *benefit;         /* the corpus's */
  PnDocument *document;        /* the benefit's */
  const guint32 *conditions;   /* _pn_conditions_compile (), or NULL */
  gint64      high;            /* when `high_state` is 2 */
  guint32     from_day;        /* 0: no start */
  guint32     until_day;       /* G_MAXUINT32: no end */
  gint        high_state;
  guint16     asks;            /* 1 << PnQuestion of each condition */
  guint16     figures;         /* 1 << PnFigure of each figure its amount reads */
  guint16     open_unanswered; /* conditions not met when unanswered */
  guint16     open_always;     /* open requirements, + 1 when unreviewed */
  guint8      tops_up;         /* TRUE when it tops up other benefits */
  guint8      high_limit;      /* PnUpsideLimit, with `high` */
} PnCandidate;

/* The candidates of a question, in listing order: kept by the corpus (a
 * place asked about again, held alive here) or read for the question
 * alone. */
typedef struct
{
  GPtrArray    *items;         /* PnCandidate * */

  /*< private >*/
  GPtrArray    *place;         /* the kept documents `items` point into */
  GArray       *owned;         /* PnCandidate read for this question */
} PnCandidates;

void         _pn_candidates_free        (PnCandidates *candidates);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnCandidates, _pn_candidates_free)

/* For pn-engine: the benefits at `location` (or a place above it) that
 * `answers` (per PnQuestion, NULL when unanswered) may match — a superset
 * the engine checks exactly — in document order, each with its article
 * and its document's header; the benefits they top up are read too, so
 * that pn_corpus_find_benefit() finds them without reading the store
 * again.  Once a location is asked about again, the corpus keeps its
 * benefit keys, and the benefits read for them, until the store changes:
 * later questions there read only benefits not read before. */
PnCandidates *_pn_corpus_get_candidates (PnCorpus    *self,
                                         const char  *location,
                                         const char **answers,
                                         GError     **error);

/* For pn-deadlines: the benefits of the documents in force at `location`
 * (drafts left out) whose validity ends on `from` or later and, unless
 * `until` is NULL, on `until` or earlier, in document order; and how many
 * state no end.  Transfer container. */
GPtrArray   *_pn_corpus_get_ending      (PnCorpus    *self,
                                         const char  *location,
                                         const char  *from,
                                         const char  *until,
                                         guint       *out_undated,
                                         GError     **error);

/* The benefits of other documents that top up a benefit of the document
 * `document_id` (its stored or in-memory version).  Transfer container. */
GPtrArray   *_pn_corpus_get_top_ups_into (PnCorpus    *self,
                                          const char  *document_id,
                                          GError     **error);

G_END_DECLS
