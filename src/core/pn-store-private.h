/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "pn-store.h"
#include "pn-core-private.h"

G_BEGIN_DECLS

/* What pn-store.c, pn-store-read.c, pn-store-search.c and pn-corpus.c
 * share.  The store is the only SQLite user; the corpus asks it for rows
 * through the _pn_store_read_*() functions below, which return model
 * values checked like input: a row that breaks the model's rules is a
 * PN_STORE_ERROR_CORRUPT naming the document, never an assertion.
 *
 * Every function here takes the store's lock itself (a GRecMutex: the
 * GUI reads results in worker threads); the SQL helpers expect it held. */

/* What a row holds in lists (pn-store.c writes them, pn-store-read.c
 * reads them).  A document's, read once per document, is a GVariant:
 *   documents.lists  notes (zh, en); annual caps (id, amount, per,
 *                    article, zh, en); its own places (id, parent, level,
 *                    zh, en) and units (id, place, zh, en)
 * Articles' and benefits', read for every measure a question lists, are
 * packs (pn-pack-private.h), field by field:
 *   articles.lists   units (id, role); notes (zh, en)
 *   benefits.lists   thresholds (figure, min, inclusive); conditions
 *                    (question, values, review, line); requirements (id,
 *                    zh, en, attestation); tops-up; annual caps; stage
 *                    shares; notes (zh, en); units (id, role); readings
 *                    (id, chosen, keeps a lapsed target, zh, en) */
#define PN_DOCUMENT_LISTS_TYPE "(a(ss)a(sxssss)a(sssss)a(ssss)a(ss)a(ss))"
/*   document_cases.cases  per case: name, as-of, location, answers
 *                    (question, id), figures (figure, yuan), expectations
 *                    (benefit, listed, counted, estimate, has match,
 *                    match, has status, status, reason, quote, notes,
 *                    line), total, notes, line */
#define PN_CASES_TYPE "a(sssa(ss)a(sx)a(sbxxbybyssa(ss)u)xa(ss)u)"

/* benefit_keys.keys: per document, one record per benefit in document
 * order: its row, then per question a mask of the answers that do not
 * rule it out (PN_KEY_ALL when it asks nothing of the question), then
 * what it depends on (PN_USES_*).  An answer's bit is _pn_key_bit(); two
 * answers may share a bit, so the masks only narrow the candidates, and
 * the engine checks each one exactly. */
typedef struct
{
  gint64  benefit;
  guint32 mask[PN_N_QUESTIONS];
  guint32 uses;
  guint32 reserved;
} PnBenefitKey;

/* benefits.flags */
#define PN_BENEFIT_FLAG_ONE_TIME     1
#define PN_BENEFIT_FLAG_RATE_CEILING 2

#define PN_KEY_ALL G_MAXUINT32
#define PN_USES_QUESTION(q) (1u << (q))          /* a condition that asks */
#define PN_USES_FIGURE(f)   (1u << (16 + (f)))   /* base, limit, threshold */
#define PN_USES_DATES       (1u << 31)           /* dated, or a draft */
G_STATIC_ASSERT (sizeof (PnBenefitKey) == 8 + 4 * PN_N_QUESTIONS + 8);
G_STATIC_ASSERT (PN_N_QUESTIONS <= 16 && PN_N_FIGURES <= 15);

guint32      _pn_key_bit                 (const char   *answer);

/* ---- SQL helpers (pn-store.c) ---- */

typedef enum { PN_STEP_ROW, PN_STEP_DONE, PN_STEP_ERROR } PnStepResult;

/* FALSE, with why, when the policy rows cannot be used (the store was
 * opened for its clients: a failed upgrade, a bundled document that no
 * longer syncs) */
gboolean     _pn_store_policies_usable   (PnStore      *self,
                                          GError      **error);
void         _pn_store_lock              (PnStore      *self);
void         _pn_store_unlock            (PnStore      *self);
sqlite3     *_pn_store_get_db            (PnStore      *self);
gboolean     _pn_store_set_sql_error     (PnStore      *self,
                                          GError      **error,
                                          int           rc,
                                          const char   *what);
gboolean     _pn_store_exec              (PnStore      *self,
                                          const char   *sql,
                                          GError      **error);
sqlite3_stmt *_pn_store_prepare          (PnStore      *self,
                                          const char   *sql,
                                          GError      **error);
/* A statement prepared once per store, for reads repeated many times
 * (one row per benefit): owned by the store, handed out reset.  Hold it
 * in a g_autoptr(PnCachedStmt), which resets it when done; never use one
 * while another use of the same SQL is stepping.  `sql` is a string
 * literal: the store keeps the statement under its address. */
typedef sqlite3_stmt PnCachedStmt;
PnCachedStmt *_pn_store_prepare_cached   (PnStore      *self,
                                          const char   *sql,
                                          GError      **error);
void         _pn_cached_stmt_release     (PnCachedStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnCachedStmt, _pn_cached_stmt_release)
PnStepResult _pn_store_step              (PnStore      *self,
                                          sqlite3_stmt *stmt,
                                          GError      **error);
void         _pn_store_bind_text         (sqlite3_stmt *stmt,
                                          int           index,
                                          const char   *text);
void         _pn_store_rollback          (PnStore      *self);
typedef struct _PnFtsRank PnFtsRank;
PnFtsRank   *_pn_store_get_rank          (PnStore      *self);
/* A damaged row: PN_STORE_ERROR_CORRUPT, "PATH: the database is damaged:
 * document ID: WHAT". */
gboolean     _pn_store_damaged           (PnStore      *self,
                                          GError      **error,
                                          const char   *document_id,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (4, 5);
/* A read transaction around several reads, so they see one state of the
 * database; nests (only the outermost begins and ends). */
gboolean     _pn_store_begin_read        (PnStore      *self,
                                          GError      **error);
void         _pn_store_end_read          (PnStore      *self);
/* Whether the store is inside a transaction (read or write), so that
 * every read sees one state of the file: a row that another row names
 * and that is not there is then damage, never another process's
 * change.  The lock held. */
gboolean     _pn_store_in_read           (PnStore      *self);
/* What the file looked like when last asked, as two numbers that both
 * stay the same until a commit: another connection's (PRAGMA
 * data_version) or this one's (its change count).  Equal stamps: nothing
 * was committed in between.  Takes the lock. */
typedef struct
{
  gint64 data_version;
  gint64 total_changes;
} PnStoreStamp;
void         _pn_store_get_stamp         (PnStore      *self,
                                          PnStoreStamp *out_stamp);

/* ---- reading the model (pn-store-read.c) ---- */

/* Each document's place is one of the taxonomy or one it declares;
 * else the damage error naming it. */
gboolean     _pn_store_check_jurisdictions (PnStore    *self,
                                            PnTaxonomy *taxonomy,
                                            GError    **error);
PnTaxonomy  *_pn_store_read_taxonomy     (PnStore      *self,
                                          GError      **error);
/* Document headers, in listing order: every document, the one with `id`,
 * or those whose jurisdiction is one of `places` (NULL-terminated). */
GPtrArray   *_pn_store_read_documents    (PnStore      *self,
                                          const char   *id,
                                          const char * const *places,
                                          GError      **error);
PnDocument  *_pn_store_read_document     (PnStore      *self,
                                          gint64        key,
                                          GError      **error);
/* The texts an article read with a benefit (_pn_store_read_benefit())
 * left out */
gboolean     _pn_store_read_article_texts (PnStore     *self,
                                           PnArticle   *article,
                                           char       **out_original,
                                           char       **out_summary,
                                           GError     **error);
/* The row key of the benefit with `id` and its document's; FALSE and
 * PN_STORE_ERROR_NOT_FOUND when there is none. */
gboolean     _pn_store_find_benefit_keys (PnStore      *self,
                                          const char   *id,
                                          gint64       *out_key,
                                          gint64       *out_document,
                                          GError      **error);
/* The article of row `key` the caller already holds (borrowed), or NULL */
typedef PnArticle *(*PnArticleLookup) (gpointer user_data,
                                       gint64   key);
typedef PnArticle *(*PnResolveArticle) (gpointer user_data, PnArticle *article);
/* The benefit of row `key`, which must belong to `document`, with its
 * article: `lookup_article`'s, or read in the same statement (without
 * its texts) and handed to `resolve_article`, which keeps one value of
 * each row and returns a reference to it. */
PnBenefit   *_pn_store_read_benefit      (PnStore           *self,
                                          gint64             key,
                                          PnDocument        *document,
                                          PnArticleLookup    lookup_article,
                                          PnResolveArticle   resolve_article,
                                          gpointer           user_data,
                                          PnTaxonomy        *taxonomy,
                                          GError           **error);
/* The expected-result cases of `document` (PnCase, in order). */
GPtrArray   *_pn_store_read_cases        (PnStore      *self,
                                          PnDocument   *document,
                                          GError      **error);
/* Every article and benefit of `document`, in order: articles with their
 * benefits, through `resolve_article` / `resolve_benefit` so that the
 * caller keeps one value per row (may return the one given, or a cached
 * one). */
typedef PnBenefit *(*PnResolveBenefit) (gpointer user_data, PnBenefit *benefit);

GPtrArray   *_pn_store_read_articles     (PnStore          *self,
                                          PnDocument       *document,
                                          PnTaxonomy       *taxonomy,
                                          PnResolveArticle  resolve_article,
                                          PnResolveBenefit  resolve_benefit,
                                          gpointer          user_data,
                                          GError          **error);
/* The benefits of the documents at `places` (NULL-terminated) that
 * `answers` (per question, NULL when unanswered) do not rule out, as
 * (benefit key, document key) pairs of gint64. */
gboolean     _pn_store_read_candidates   (PnStore      *self,
                                          const char * const *places,
                                          const char  **answers,
                                          GArray       *out_pairs,
                                          GError      **error);
/* The benefit keys of the documents at `places` (NULL-terminated), a
 * document at a time: its key (gint64) in `out_documents`, its records
 * in `out_keys`, a GBytes of PnBenefitKey in document order, checked and
 * in host byte order. */
gboolean     _pn_store_read_place_keys   (PnStore      *self,
                                          const char * const *places,
                                          GArray       *out_documents,
                                          GPtrArray    *out_keys,
                                          GError      **error);
/* The answers as the benefit keys' masks read them: per question
 * answered, its bit (_pn_key_bit()) */
typedef struct
{
  guint   n;
  guint8  question[PN_N_QUESTIONS];
  guint32 bit[PN_N_QUESTIONS];
} PnKeyAnswers;

void         _pn_key_answers_init        (PnKeyAnswers *out,
                                          const char  **answers);
/* Whether the answers leave a benefit in: a key of host byte order */
static inline gboolean
_pn_benefit_key_admits (const PnBenefitKey *key,
                        const PnKeyAnswers *answers)
{
  for (guint i = 0; i < answers->n; i++)
    if ((key->mask[answers->question[i]] & answers->bit[i]) == 0)
      return FALSE;
  return TRUE;
}
/* The benefits of the documents at `places` (NULL: all) that depend on
 * one of `uses` (PN_USES_* bits), as (benefit key, document key) pairs. */
gboolean     _pn_store_read_uses         (PnStore      *self,
                                          const char * const *places,
                                          guint32       uses,
                                          GArray       *out_pairs,
                                          GError      **error);
/* Keys of the benefits of `document` whose validity ends between `from`
 * and `until` (inclusive; `until` NULL: no end), and how many have no
 * end date. */
gboolean     _pn_store_read_ending       (PnStore      *self,
                                          gint64        document,
                                          const char   *from,
                                          const char   *until,
                                          GArray       *out_keys,
                                          guint        *out_undated,
                                          GError      **error);
/* The benefits of other documents that top up a benefit of the document
 * `document_id`, as (benefit key, document key) pairs. */
gboolean     _pn_store_read_top_ups_into (PnStore     *self,
                                          const char  *document_id,
                                          GArray      *out_pairs,
                                          GError     **error);
/* Every supersession of a final document: (replaced id, replacing id,
 * from date) triples of strings, flat. */
GPtrArray   *_pn_store_read_supersessions (PnStore    *self,
                                           GError    **error);
/* Every extension of a final document: (extended id, extending id,
 * until date) triples of strings, flat. */
GPtrArray   *_pn_store_read_extensions   (PnStore    *self,
                                          GError    **error);
/* Keeps the descriptions of the lists' GVariant types for the life of the
 * process: GLib frees them with a type's last value, and every row read or
 * written would build them anew. */
void         _pn_store_keep_variant_types (void);
/* ---- the corpus (pn-corpus.c) ---- */

/* Called by a corpus of the store as it is freed, the store's lock held:
 * the store caches its corpus without a reference. */
void         _pn_store_forget_corpus     (PnStore      *self,
                                          PnCorpus     *corpus);

PnCorpus    *_pn_corpus_new_for_store    (PnStore            *store,
                                          PnTaxonomy         *taxonomy,
                                          const PnStoreStamp *stamp);

G_END_DECLS
