/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pn-policy.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

/* The taxonomy and every document, with look-ups by id.  Immutable. */

#define PN_TYPE_CORPUS (pn_corpus_get_type ())

GType        pn_corpus_get_type         (void) G_GNUC_CONST;
PnCorpus    *pn_corpus_new              (PnTaxonomy  *taxonomy,
                                         GPtrArray   *documents);
PnCorpus    *pn_corpus_ref              (PnCorpus    *self);
void         pn_corpus_unref            (PnCorpus    *self);
PnTaxonomy  *pn_corpus_get_taxonomy     (PnCorpus    *self);
guint        pn_corpus_get_n_documents  (PnCorpus    *self);
PnDocument  *pn_corpus_get_document     (PnCorpus    *self,
                                         guint        position);
PnDocument  *pn_corpus_find_document    (PnCorpus    *self,
                                         const char  *id);
PnBenefit   *pn_corpus_find_benefit     (PnCorpus    *self,
                                         const char  *id);
/* Documents whose jurisdiction is `location` or a place above it. */
GPtrArray   *pn_corpus_documents_at     (PnCorpus    *self,
                                         const char  *location);
/* Checks every unit, overlap group, top-up target and annual cap
 * reference; the first dangling one is an error naming document+line. */
gboolean     pn_corpus_check_references (PnCorpus    *self,
                                         GError     **error);
/* The same for one document just added to the corpus and, when it
 * replaces one of the same id, for what the other documents top up in
 * it; without reading the rest of the corpus otherwise. */
gboolean     pn_corpus_check_new_document (PnCorpus   *self,
                                           PnDocument *document,
                                           gboolean    replaces,
                                           GError    **error);

/* for pn-engine only: what the engine derives from the corpus, built by
 * `build` on the first call (from any thread) and kept with the corpus. */
gpointer     _pn_corpus_get_engine_index (PnCorpus      *self,
                                          gpointer     (*build) (PnCorpus *corpus),
                                          GDestroyNotify free_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnCorpus, pn_corpus_unref)

G_END_DECLS
