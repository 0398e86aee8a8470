/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pn-corpus.h"
#include "pn-profile.h"

G_BEGIN_DECLS

#define PN_STORE_ERROR (pn_store_error_quark ())

typedef enum
{
  PN_STORE_ERROR_OPEN,        /* cannot open or not a database */
  PN_STORE_ERROR_CORRUPT,
  PN_STORE_ERROR_SQL,
  PN_STORE_ERROR_TOO_NEW,     /* written by a newer Policy Navigator */
  PN_STORE_ERROR_EXISTS,      /* document id taken, no replace */
  PN_STORE_ERROR_NOT_FOUND,
  PN_STORE_ERROR_READ_ONLY,   /* e.g. removing a bundled document */
  PN_STORE_ERROR_BUSY,        /* another process held the database too long */
  PN_STORE_ERROR_CHANGED,     /* a document was replaced while being read */
} PnStoreError;

#define PN_STORE_SCHEMA_VERSION 10

typedef struct
{
  char   *document_id;
  char   *doc_number;
  char   *article;
  char   *heading_zh;
  char   *heading_en;
  char   *snippet;       /* with the hit between « and » */
} PnSearchHit;

void         pn_search_hit_free          (PnSearchHit *hit);

#define PN_TYPE_STORE (pn_store_get_type ())

G_DECLARE_FINAL_TYPE (PnStore, pn_store, PN, STORE, GObject)

GQuark       pn_store_error_quark        (void);

/* The default path: $XDG_DATA_HOME/policy-navigator/policy-navigator.db */
char        *pn_store_default_path       (void);
/* Opens (creating) the database, runs migrations and loads the bundled
 * corpus when it is missing or changed.  A database in a read-only file
 * or folder opens read-only (pn_store_is_read_only()). */
PnStore     *pn_store_open               (const char  *path,
                                          GError     **error);
const char  *pn_store_get_path           (PnStore     *self);
gboolean     pn_store_is_read_only       (PnStore     *self);
/* Whether another connection (another process: pnav importing, say)
 * committed to the database since the store was opened or this was last
 * asked.  A window asks when it becomes active, and reloads its corpus
 * when so. */
gboolean     pn_store_changed_elsewhere  (PnStore     *self);

/* The corpus as stored, read on demand; the same one until the store
 * changes, through this store or another process. */
PnCorpus    *pn_store_load_corpus        (PnStore     *self,
                                          GError     **error);

/* Reads `file` once (bounded), validates what it read fully, then stores
 * those bytes and the document in one transaction. */
PnDocument  *pn_store_import_file        (PnStore     *self,
                                          GFile       *file,
                                          gboolean     replace,
                                          GError     **error);
PnDocument  *pn_store_import_bytes       (PnStore     *self,
                                          const char  *display_name,
                                          GBytes      *bytes,
                                          gboolean     replace,
                                          GError     **error);
/* The XML a document was imported as (bundled ones: the library's). */
GBytes      *pn_store_get_document_file  (PnStore     *self,
                                          const char  *document_id,
                                          char       **out_name,
                                          GError     **error);
gboolean     pn_store_remove_document    (PnStore     *self,
                                          const char  *document_id,
                                          GError     **error);

/* Dry runs: everything the import or removal does, every check, in one
 * transaction that is rolled back; nothing is written.  The import's
 * document (whole) is returned; a removal says which bundled document
 * would come back in its place (`out_restored`, else NULL). */
PnDocument  *pn_store_check_import_file  (PnStore     *self,
                                          GFile       *file,
                                          gboolean     replace,
                                          GError     **error);
PnDocument  *pn_store_check_import_bytes (PnStore     *self,
                                          const char  *display_name,
                                          GBytes      *bytes,
                                          gboolean     replace,
                                          GError     **error);
gboolean     pn_store_check_remove_document (PnStore     *self,
                                             const char  *document_id,
                                             PnDocument **out_restored,
                                             GError     **error);

/* PnSearchHit, best first. */
GPtrArray   *pn_store_search             (PnStore     *self,
                                          const char  *query,
                                          const char  *document_id,
                                          guint        limit,
                                          GError     **error);

gboolean     pn_store_save_profile       (PnStore     *self,
                                          PnProfile   *profile,
                                          GError     **error);
PnProfile   *pn_store_load_profile       (PnStore     *self,
                                          const char  *name,
                                          GError     **error);
/* names, sorted */
GStrv        pn_store_list_profiles      (PnStore     *self,
                                          GError     **error);
gboolean     pn_store_delete_profile     (PnStore     *self,
                                          const char  *name,
                                          GError     **error);
gboolean     pn_store_rename_profile     (PnStore     *self,
                                          const char  *old_name,
                                          const char  *new_name,
                                          GError     **error);

G_END_DECLS
