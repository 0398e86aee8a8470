/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pn-policy.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

/* The taxonomy and the policy documents, with look-ups by id.
 *
 * A corpus from pn_store_load_corpus() reads the store on demand: the
 * documents' headers when listed, a document's articles when it is loaded
 * whole, and, for the engine, only the benefits a profile may match.  A
 * corpus from pn_corpus_new() holds documents read from files.  An overlay
 * (pn_corpus_new_overlay()) is another corpus with some documents put in
 * place of, or removed from, it: what a file would change, before it is
 * imported.
 *
 * Values a corpus returns are owned by it and live as long as it does;
 * each row of the store is one value, however often it is asked for.
 * Reading from a store can fail (a damaged row, a document replaced by
 * another process meanwhile): those calls take a GError.  A document or
 * benefit that is not there is NULL with no error set. */

#define PN_TYPE_CORPUS (pn_corpus_get_type ())

GType        pn_corpus_get_type         (void) G_GNUC_CONST;
PnCorpus    *pn_corpus_new              (PnTaxonomy  *taxonomy,
                                         GPtrArray   *documents);
/* `base` with `documents` (whole, from files) in place of those of the
 * same id or added, and the documents `removed_ids` (NULL-terminated, or
 * NULL) taken out. */
PnCorpus    *pn_corpus_new_overlay      (PnCorpus    *base,
                                         GPtrArray   *documents,
                                         const char * const *removed_ids);
PnCorpus    *pn_corpus_ref              (PnCorpus    *self);
void         pn_corpus_unref            (PnCorpus    *self);
PnTaxonomy  *pn_corpus_get_taxonomy     (PnCorpus    *self);
/* Lets go of the corpus's database, which closes once nothing else holds
 * it: for a process about to exit that leaves the corpus and its results
 * to the kernel rather than freeing them one by one (pnav does), and
 * still closes its database the way SQLite expects.  What was read stays
 * valid; the corpus may then only be released. */
void         pn_corpus_release_store    (PnCorpus    *self);

/* Every document's header, in listing order (bundled first): transfer
 * container. */
GPtrArray   *pn_corpus_list_documents   (PnCorpus    *self,
                                         GError     **error);
/* The places a profile may be at: the taxonomy's, then those imported
 * documents declare (<local-locations>: a new city's measures) that the
 * taxonomy does not know, each once, in the documents' order.  PnTerm,
 * copies: transfer full. */
GPtrArray   *pn_corpus_list_locations   (PnCorpus    *self,
                                         GError     **error);
/* The name of a place of the taxonomy or one an imported document
 * declares, in `lang`; its id when it has none. */
char        *pn_corpus_location_label   (PnCorpus    *self,
                                         const char  *id,
                                         PnLang       lang);
/* Whether `id` is a place of the taxonomy or one an imported document
 * declares. */
gboolean     pn_corpus_has_location     (PnCorpus    *self,
                                         const char  *id);
/* Documents whose jurisdiction is `location` or a place above it. */
GPtrArray   *pn_corpus_documents_at     (PnCorpus    *self,
                                         const char  *location,
                                         GError     **error);
/* The header of the document with `id` (its articles read later). */
PnDocument  *pn_corpus_find_header      (PnCorpus    *self,
                                         const char  *id,
                                         GError     **error);
/* The document with `id`, whole (its articles and their benefits). */
PnDocument  *pn_corpus_find_document    (PnCorpus    *self,
                                         const char  *id,
                                         GError     **error);
/* Reads a document listed or met through one of its benefits whole. */
gboolean     pn_corpus_load_whole       (PnCorpus    *self,
                                         PnDocument  *document,
                                         GError     **error);
/* The benefit with `id`, with its article and its document's header. */
PnBenefit   *pn_corpus_find_benefit     (PnCorpus    *self,
                                         const char  *id,
                                         GError     **error);
/* Reads the original text and the summary of `article` (of this corpus)
 * when they were left out (`texts_pending`): a question reads only what
 * it needs of the articles of the measures it lists.  FALSE and `error`
 * set for a damaged store. */
gboolean     pn_corpus_read_article_texts (PnCorpus    *self,
                                           PnArticle   *article,
                                           GError     **error);

/* How many benefits at `location` (NULL: anywhere) depend on one of
 * `keys` (see pn_benefit_depends_on()), and the one that shows it best
 * (in force, most local, with a document number; NULL when none). */
gboolean     pn_corpus_count_uses       (PnCorpus    *self,
                                         const char  *location,
                                         const char * const *keys,
                                         guint       *out_count,
                                         PnBenefit  **out_example,
                                         GError     **error);

/* Checks every unit, overlap group, top-up target and annual cap
 * reference of documents held in memory; the first dangling one is an
 * error naming document+line. */
gboolean     pn_corpus_check_references (PnCorpus    *self,
                                         GError     **error);

/* A document replaced by a final one (<supersedes>), from a date */
typedef struct
{
  char *replaced;               /* its id */
  char *by;                     /* the id of the document replacing it */
  char *from;                   /* YYYY-MM-DD: the earliest, if several */
} PnSupersededBy;

/* Replaced document id → PnSupersededBy, for every document a final
 * document of the corpus replaces (the replaced one need not be in it).
 * Read once per corpus; transfer full (a reference). */
GHashTable  *pn_corpus_get_superseded    (PnCorpus    *self,
                                          GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnCorpus, pn_corpus_unref)

G_END_DECLS
