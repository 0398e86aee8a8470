/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* pn_rank(articles_fts, WEIGHT…): FTS5's bm25() order for a query of one
 * phrase, without bm25()'s per-row read of the row's length.
 *
 * bm25() looks up every matching row's length in the %_docsize table; on
 * a phrase found in 10,000 articles that is most of the query.  pn_rank()
 * reads the lengths once into memory and again only after the database
 * changed.  For one phrase, bm25()'s inverse document frequency is the
 * same positive factor for every row, so leaving it out keeps the order:
 * the score is bm25()'s divided by it.  For private use by pn-store. */
typedef struct _PnFtsRank PnFtsRank;

PnFtsRank *pn_fts_rank_new      (void);
void       pn_fts_rank_free     (PnFtsRank  *self);
/* Defines pn_rank() on `db`, which then owns `self` (and frees it now
 * if this fails). */
int        pn_fts_rank_register (PnFtsRank  *self,
                                 sqlite3    *db);
/* Before a query: reads the lengths of `table`'s rows (an FTS5 table
 * with column sizes) if the database changed since the last call. */
int        pn_fts_rank_refresh  (PnFtsRank  *self,
                                 sqlite3    *db,
                                 const char *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnFtsRank, pn_fts_rank_free)

G_END_DECLS
