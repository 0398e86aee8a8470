/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Cleanup functions for the foreign types the core uses, declared once. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define PN_CORPUS_RESOURCE_PATH "/io/github/pnav/PolicyNavigator/corpus"

/* Registers the compiled-in corpus once; every reader calls it first. */
void _pn_corpus_ensure_registered (void);

typedef struct _PnDocument PnDocument;
typedef struct _PnTaxonomy PnTaxonomy;
PnDocument *_pn_policy_loader_load_stored_document (const char  *display_name,
                                                    GBytes      *bytes,
                                                    PnTaxonomy  *taxonomy,
                                                    GError     **error);

/* pn_policy_loader_load_document() with the schema check still running in
 * another thread when it returns a document: the caller may write it, but
 * must call _pn_loader_validation_finish() (which waits for the check and
 * frees `validation`) and keep nothing if that fails.  NULL when the file
 * fails anyway: `error` is then the one the sequential loader gives. */
typedef struct _PnLoaderValidation PnLoaderValidation;
PnDocument *_pn_policy_loader_load_document_validating (const char          *display_name,
                                                        GBytes              *bytes,
                                                        PnTaxonomy          *taxonomy,
                                                        PnLoaderValidation **validation,
                                                        GError             **error);
gboolean    _pn_loader_validation_finish               (PnLoaderValidation  *validation,
                                                        GError             **error);

/* Tests and fuzzers: the loader's time limit (0: the default). */
void _pn_policy_loader_set_max_seconds (double seconds);

/* qsort() comparator for an array of C strings */
static inline int
pn_compare_strings (const void *a,
                    const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

G_END_DECLS
