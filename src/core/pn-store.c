/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <zstd.h>

#include "pn-pack-private.h"
#include "pn-store-private.h"
#include "pn-policy-private.h"
#include "pn-corpus-hash.h"
#include "pn-fts-rank.h"
#include "pn-policy-loader.h"

/* The store holds the policy model in tables read on demand: documents,
 * articles and benefits as rows (what lists hold as GVariant), per
 * document the benefits' condition masks that find a profile's candidates,
 * the taxonomy's terms, a full-text index of the articles, and the user's
 * profiles.  Each document's XML is kept for export only: no question is
 * answered by parsing it again.  Every write is one transaction. */

struct _PnStore
{
  GObject    parent_instance;

  char      *path;
  sqlite3   *db;
  GRecMutex  lock;
  guint      read_depth;  /* nesting of _pn_store_begin_read() */
  gboolean   read_only;
  PnCorpus  *corpus;      /* cache, dropped on every change */
  gint64     corpus_version;  /* PRAGMA data_version when it was made */
  gint64     seen_version;    /* ... when pn_store_changed_elsewhere() last looked */
  GHashTable *statements; /* SQL's address → sqlite3_stmt, _pn_store_prepare_cached() */
  PnFtsRank *rank;        /* owned by db: pn_rank() for search */
  /* Why the policy rows cannot be used (a failed upgrade, a bundled
   * document that no longer syncs), or NULL: the clients stay reachable
   * however damaged the policies are (docs/security.md), and every
   * reader of the policies says this. */
  GError    *policies_error;
  /* opened immutable=1 (read-only, no -wal then): the file's size and
   * time (ns), to tell a writer that came since from damage */
  gboolean   immutable;
  gint64     immutable_size;
  gint64     immutable_mtime;
};

G_DEFINE_FINAL_TYPE (PnStore, pn_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pn-store-error-quark, pn_store_error)

/* What meta 'bundled-hash' holds once the bundled corpus is loaded: the
 * files' hash (computed by the build) and the form of the rows. */
#define BUNDLED_STAMP PN_BUNDLED_HASH "/" G_STRINGIFY (PN_STORE_SCHEMA_VERSION)

/* How long a writer waits for another process's lock. */
#define BUSY_TIMEOUT_MS 10000

/* Where imported documents are listed: after the bundled ones. */
#define USER_DOCUMENT_POSITION 1000

/* ---- SQLite helpers: errors as GError, row / done / error apart ---- */

void
_pn_store_lock (PnStore *self)
{
  g_rec_mutex_lock (&self->lock);
}

void
_pn_store_unlock (PnStore *self)
{
  g_rec_mutex_unlock (&self->lock);
}

sqlite3 *
_pn_store_get_db (PnStore *self)
{
  return self->db;
}

PnFtsRank *
_pn_store_get_rank (PnStore *self)
{
  return self->rank;
}

static gboolean wal_pending (const char *path);

/* Whether a store read as unchanging (immutable=1) has been written since
 * it was opened: what it reads may be torn, which is no damage. */
static gboolean
written_elsewhere (PnStore *self)
{
  struct stat st;

  if (!self->read_only)
    return FALSE;
  /* without write access, a -wal is another process's commits in progress */
  if (wal_pending (self->path))
    return TRUE;
  return self->immutable && stat (self->path, &st) == 0 &&
         ((gint64) st.st_size != self->immutable_size ||
          (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec != self->immutable_mtime);
}

static gboolean
busy_elsewhere (PnStore  *self,
                GError  **error)
{
  g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_BUSY,
               "%s: another process is writing the database (or left its changes in the -wal), "
               "and this one reads it without write access; try again once it is done, or open it "
               "once where it can be written", self->path);
  return FALSE;
}

gboolean
_pn_store_set_sql_error (PnStore     *self,
                         GError     **error,
                         int          rc,
                         const char  *what)
{
  int code = PN_STORE_ERROR_SQL;
  const char *said = "";

  /* read-only, opened beside a -wal: SQLite wants to write the -shm for
   * the writer's commits ("attempt to write a readonly database") */
  if (written_elsewhere (self) ||
      ((rc & 0xff) == SQLITE_READONLY && self->read_only && !self->immutable))
    return busy_elsewhere (self, error);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = PN_STORE_ERROR_CORRUPT;
      said = "the database is corrupt or not a Policy Navigator database: ";
      break;
    case SQLITE_CONSTRAINT:
      /* every write checks its ids first: a row in the way is one no
       * document owns any more */
      code = PN_STORE_ERROR_CORRUPT;
      said = "the database is damaged: rows left of a document are in the way: ";
      break;
    case SQLITE_READONLY:
      code = PN_STORE_ERROR_OPEN;
      said = "the database is read-only: ";
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      code = PN_STORE_ERROR_OPEN;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = PN_STORE_ERROR_BUSY;
      said = "another process has held the database too long; try again: ";
      break;
    case SQLITE_ERROR:
      /* a table or a column of ours gone, or the search index broken: the
       * file was changed by hand ("no such column: b.cap" said nothing of
       * what to do) */
      if (what != NULL &&
          (strstr (what, "no such table") != NULL || strstr (what, "no such column") != NULL ||
           strstr (what, "fts5") != NULL || strstr (what, "vtable constructor failed") != NULL ||
           strstr (what, "malformed") != NULL))
        {
          code = PN_STORE_ERROR_CORRUPT;
          said = "the database is damaged (a table or its search index was changed by hand): ";
        }
      break;
    default:
      break;
    }

  g_set_error (error, PN_STORE_ERROR, code, "%s: %s%s", self->path, said,
               what ? what : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
check_rc (PnStore  *self,
          int       rc,
          GError  **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return _pn_store_set_sql_error (self, error, rc, sqlite3_errmsg (self->db));
}

gboolean
_pn_store_exec (PnStore     *self,
                const char  *sql,
                GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      _pn_store_set_sql_error (self, error, rc, message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_pn_store_prepare (PnStore     *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      check_rc (self, rc, error);
      return NULL;
    }

  return stmt;
}

PnCachedStmt *
_pn_store_prepare_cached (PnStore     *self,
                          const char  *sql,
                          GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      g_assert (!sqlite3_stmt_busy (stmt));
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      check_rc (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

void
_pn_cached_stmt_release (PnCachedStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

PnStepResult
_pn_store_step (PnStore       *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return PN_STEP_ROW;
  if (rc == SQLITE_DONE)
    return PN_STEP_DONE;

  check_rc (self, rc, error);
  return PN_STEP_ERROR;
}

void
_pn_store_bind_text (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
_pn_store_policies_usable (PnStore  *self,
                           GError  **error)
{
  if (self->policies_error == NULL)
    return TRUE;
  if (error != NULL)
    *error = g_error_copy (self->policies_error);
  return FALSE;
}

gboolean
_pn_store_damaged (PnStore     *self,
                   GError     **error,
                   const char  *document_id,
                   const char  *format,
                   ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (written_elsewhere (self))
    return busy_elsewhere (self, error);

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (document_id != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (document_id, MIN (strlen (document_id), 200));

      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                   "%s: the database is damaged: document “%s”: %s", self->path, shown, what);
    }
  else
    g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                 "%s: the database is damaged: %s", self->path, what);
  return FALSE;
}

#define prepare(self, sql, error) _pn_store_prepare ((self), (sql), (error))
#define step(self, stmt, error) _pn_store_step ((self), (stmt), (error))
#define exec(self, sql, error) _pn_store_exec ((self), (sql), (error))
#define bind_text _pn_store_bind_text

static gboolean
begin (PnStore  *self,
       GError  **error)
{
  if (self->read_only)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY,
                   "%s: the database is read-only", self->path);
      return FALSE;
    }
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (PnStore  *self,
        GError  **error)
{
  return exec (self, "COMMIT", error);
}

void
_pn_store_rollback (PnStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
}

gboolean
_pn_store_begin_read (PnStore  *self,
                      GError  **error)
{
  _pn_store_lock (self);
  if (self->read_depth == 0 && sqlite3_get_autocommit (self->db))
    {
      /* BEGIN alone takes no snapshot: the first read does. */
      if (!exec (self, "BEGIN", error))
        {
          _pn_store_unlock (self);
          return FALSE;
        }
      self->read_depth = 1;
    }
  else
    self->read_depth++;
  return TRUE;
}

gboolean
_pn_store_in_read (PnStore *self)
{
  return self->read_depth > 0 || !sqlite3_get_autocommit (self->db);
}

void
_pn_store_get_stamp (PnStore      *self,
                     PnStoreStamp *out_stamp)
{
  /* the lock is recursive: taken here for the callers that do not hold
   * it (a corpus looking between two reads) */
  _pn_store_lock (self);
  {
    g_autoptr(PnCachedStmt) stmt = _pn_store_prepare_cached (self, "PRAGMA data_version", NULL);

    /* -1 when it cannot be read: never equal to a stamp that could */
    out_stamp->data_version = -1;
    if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
      out_stamp->data_version = sqlite3_column_int64 (stmt, 0);
    out_stamp->total_changes = sqlite3_total_changes64 (self->db);
  }
  _pn_store_unlock (self);
}

void
_pn_store_end_read (PnStore *self)
{
  g_assert (self->read_depth > 0);
  if (--self->read_depth == 0)
    {
      /* a read transaction has nothing to lose */
      if (!sqlite3_get_autocommit (self->db))
        exec (self, "COMMIT", NULL);
    }
  _pn_store_unlock (self);
}

/* FNV-1a: the bit an answer (or an accepted value) has in a key mask.
 * Fixed forever: stored masks depend on it. */
guint32
_pn_key_bit (const char *answer)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) answer; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }

  return 1u << (hash % 32);
}

/* ---- schema and migrations ---- */

/* What article_tails holds for an article: the last two characters of
 * its original, heading_en and summary, lower-cased, one per line.  A
 * 1–2 character query found there is at a column end, where the trigram
 * index has no trigram beginning with it (see pn_store_search). */
#define ARTICLE_TAILS_SELECT                                            \
  "SELECT id, lower(substr(coalesce(original, ''), -2) || char(10)"     \
  " || substr(coalesce(heading_en, ''), -2) || char(10)"                \
  " || substr(coalesce(summary, ''), -2)) FROM articles"

/* Schema 1–4 kept the XML of each document as the model's source and
 * parsed all of it in every process; they remain so that old databases
 * reach schema 4, from which rebuild() makes the current one. */
static const char *legacy_migrations[] = {
  /* 1: documents, the policy tables, taxonomy terms, profiles */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
  "CREATE TABLE documents ("
  "  id TEXT PRIMARY KEY,"
  "  doc_number TEXT,"
  "  title_zh TEXT NOT NULL, title_en TEXT NOT NULL,"
  "  jurisdiction TEXT NOT NULL,"
  "  status TEXT NOT NULL,"
  "  user_imported INTEGER NOT NULL DEFAULT 0,"
  "  source_name TEXT,"
  "  xml BLOB NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  number TEXT NOT NULL, chapter TEXT,"
  "  heading_zh TEXT, heading_en TEXT,"
  "  original TEXT, summary TEXT,"
  "  position INTEGER NOT NULL,"
  "  UNIQUE (document_id, number));"
  "CREATE TABLE article_units ("
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  unit_id TEXT NOT NULL, role TEXT NOT NULL);"
  "CREATE TABLE benefits ("
  "  id TEXT PRIMARY KEY,"
  "  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL, title_zh TEXT, title_en TEXT,"
  "  rate REAL, base TEXT, amount INTEGER, cap INTEGER, overlap_group TEXT);"
  "CREATE TABLE conditions ("
  "  benefit_id TEXT NOT NULL REFERENCES benefits(id) ON DELETE CASCADE,"
  "  question TEXT NOT NULL, value TEXT NOT NULL, review INTEGER NOT NULL);"
  "CREATE INDEX conditions_benefit ON conditions (benefit_id);"
  "CREATE INDEX articles_document ON articles (document_id);"
  "CREATE INDEX benefits_document ON benefits (document_id);"
  "CREATE TABLE terms ("
  "  vocabulary TEXT NOT NULL, id TEXT NOT NULL, parent TEXT,"
  "  zh TEXT, en TEXT, PRIMARY KEY (vocabulary, id));"
  "CREATE TABLE profiles ("
  "  name TEXT PRIMARY KEY,"
  "  data TEXT NOT NULL,"
  "  updated TEXT NOT NULL);",

  /* 2: full-text search over article headings, text and summaries */
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  heading_zh, heading_en, original, summary,"
  "  content='articles', content_rowid='id', tokenize='trigram');"
  "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts (rowid, heading_zh, heading_en, original, summary)"
  "  VALUES (new.id, new.heading_zh, new.heading_en, new.original, new.summary);"
  "END;"
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, heading_zh, heading_en, original, summary)"
  "  VALUES ('delete', old.id, old.heading_zh, old.heading_en, old.original, old.summary);"
  "END;"
  "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
  "DELETE FROM meta WHERE key = 'bundled-hash';",

  /* 3 */
  "DROP TRIGGER articles_ai;",

  /* 4 */
  "DROP INDEX articles_document;"
  "CREATE INDEX articles_order ON articles (document_id, position, heading_zh);"
  "CREATE INDEX documents_order ON documents (user_imported, position, id);"
  "CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, row);"
  "CREATE TABLE article_tails ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  tails TEXT NOT NULL);"
  "INSERT INTO article_tails (article_id, tails) " ARTICLE_TAILS_SELECT ";",
};

/* Schema 5 to 9: the policy model as rows, read on demand (6 adds a
 * benefit's reviewed flag and readings, and a document's own places and
 * units; 8 packs a row's lists; 9 keeps a benefit's one-time mark and
 * whether its rate is a ceiling as `flags`, PN_BENEFIT_FLAG_*).
 *
 * documents      one row each, every scalar of the header; `key` is never
 *                reused (AUTOINCREMENT), so a reader holding a key knows
 *                whether the document was replaced meanwhile
 * document_files the XML as imported, for export only
 * document_cases its expected-result cases (pnav check), read with it whole
 * benefit_keys   per document, the benefits' condition masks (PnBenefitKey):
 *                a profile's candidates without reading the benefits
 * articles       one row each, with their text for reading and search
 * benefits       one row each; `seq` orders them in their document
 * top_ups        which benefit tops up which id: the checks an import of
 *                a replacing document needs
 * terms          the taxonomy
 * articles_fts, articles_vocab, article_tails: search (schema 2–4); no
 *                trigger keeps articles_fts in step, delete_documents()
 *                does: the schema's SQL is not trusted (harden()) */
#define SCHEMA_CURRENT                                                  \
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);" \
  "CREATE TABLE IF NOT EXISTS profiles ("                               \
  "  name TEXT PRIMARY KEY, data TEXT NOT NULL, updated TEXT NOT NULL);" \
  "CREATE TABLE terms ("                                                \
  "  kind TEXT NOT NULL, id TEXT NOT NULL, parent TEXT, level TEXT,"    \
  "  zh TEXT NOT NULL, en TEXT NOT NULL, position INTEGER NOT NULL,"    \
  "  PRIMARY KEY (kind, id)) WITHOUT ROWID;"                            \
  "CREATE TABLE documents ("                                            \
  "  key INTEGER PRIMARY KEY AUTOINCREMENT,"                            \
  "  id TEXT NOT NULL UNIQUE,"                                          \
  "  doc_number TEXT, title_zh TEXT NOT NULL, title_en TEXT NOT NULL,"  \
  "  issuer_zh TEXT, issuer_en TEXT, jurisdiction TEXT NOT NULL,"       \
  "  draft INTEGER NOT NULL,"                                           \
  "  issued TEXT, in_force_from TEXT, in_force_until TEXT, applies_from TEXT," \
  "  source_file TEXT, file_name TEXT, last_verified TEXT,"             \
  "  overlap_principle TEXT, overlap_where TEXT, overlap_quote TEXT, overlap_en TEXT," \
  "  lists BLOB NOT NULL,"                                              \
  "  user_imported INTEGER NOT NULL, position INTEGER NOT NULL,"        \
  "  n_articles INTEGER NOT NULL, n_benefits INTEGER NOT NULL,"         \
  "  n_relations INTEGER NOT NULL);"                                     \
  "CREATE INDEX documents_at ON documents (jurisdiction);"              \
  "CREATE INDEX documents_order ON documents (user_imported, position, id);" \
  "CREATE TABLE supersessions ("                                        \
  "  document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE," \
  "  replaces TEXT NOT NULL, from_day TEXT NOT NULL);"                  \
  "CREATE INDEX supersessions_replaces ON supersessions (replaces);"    \
  "CREATE TABLE extensions ("                                           \
  "  document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE," \
  "  extends TEXT NOT NULL, until_day TEXT NOT NULL);"                  \
  "CREATE INDEX extensions_extends ON extensions (extends);"            \
  "CREATE INDEX extensions_document ON extensions (document);"          \
  "CREATE INDEX supersessions_document ON supersessions (document);"    \
  "CREATE TABLE document_files ("                                       \
  "  document INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE," \
  "  name TEXT, xml BLOB NOT NULL);"                                    \
  "CREATE TABLE document_cases ("                                       \
  "  document INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE," \
  "  cases BLOB NOT NULL);"                                             \
  "CREATE TABLE benefit_keys ("                                         \
  "  document INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE," \
  "  keys BLOB NOT NULL);"                                              \
  "CREATE TABLE articles ("                                             \
  "  id INTEGER PRIMARY KEY,"                                           \
  "  document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE," \
  "  number TEXT NOT NULL, chapter TEXT,"                               \
  "  heading_zh TEXT, heading_en TEXT, original TEXT, summary TEXT,"    \
  "  position INTEGER NOT NULL,"                                        \
  "  deadline_text TEXT, valid_from TEXT, valid_until TEXT,"            \
  "  line INTEGER NOT NULL, lists BLOB NOT NULL,"                       \
  "  UNIQUE (document, number));"                                       \
  "CREATE INDEX articles_order ON articles (document, position, heading_zh);" \
  "CREATE TABLE benefits ("                                             \
  "  key INTEGER PRIMARY KEY,"                                          \
  "  id TEXT NOT NULL UNIQUE,"                                          \
  "  document INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE," \
  "  article INTEGER NOT NULL, seq INTEGER NOT NULL,"                   \
  "  kind TEXT NOT NULL, per TEXT, flags INTEGER NOT NULL,"             \
  "  title_zh TEXT NOT NULL, title_en TEXT NOT NULL,"                   \
  "  rate REAL, base TEXT, amount INTEGER, cap INTEGER,"                \
  "  combined_limit TEXT, overlap_group TEXT, stages_over TEXT,"        \
  "  valid_from TEXT, valid_until TEXT, reviewed INTEGER NOT NULL,"     \
  "  line INTEGER NOT NULL, lists BLOB NOT NULL);"                      \
  "CREATE INDEX benefits_document ON benefits (document, seq);"         \
  "CREATE INDEX benefits_ending ON benefits (document, valid_until);"   \
  "CREATE TABLE top_ups ("                                              \
  "  benefit INTEGER NOT NULL REFERENCES benefits(key) ON DELETE CASCADE," \
  "  target TEXT NOT NULL);"                                            \
  "CREATE INDEX top_ups_benefit ON top_ups (benefit);"                  \
  "CREATE INDEX top_ups_target ON top_ups (target);"                    \
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("                      \
  "  heading_zh, heading_en, original, summary,"                        \
  "  content='articles', content_rowid='id', tokenize='trigram');"      \
  "CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, row);" \
  "CREATE TABLE article_tails ("                                        \
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE," \
  "  tails TEXT NOT NULL);"                                             \
  FTS_AUTOMERGE

/* FTS5 merges segments once `automerge` of them share a level: at 16
 * (its maximum) instead of 4 an article's trigrams are rewritten about
 * half as often, so an import writes 10 % fewer pages; a search probes a
 * few more segments (p50 +10 %, p99 +3 % on the 100,000-benefit store,
 * docs/performance.md).  Kept in articles_fts_config; stores made before
 * get it at their next import (tune_fts). */
#define FTS_AUTOMERGE_VALUE 16
#define FTS_AUTOMERGE                                                   \
  "INSERT INTO articles_fts (articles_fts, rank)"                        \
  " VALUES ('automerge', " G_STRINGIFY (FTS_AUTOMERGE_VALUE) ");"

static gboolean insert_document (PnStore     *self,
                                 PnDocument  *document,
                                 GBytes      *xml,
                                 const char  *source_name,
                                 gboolean     user_imported,
                                 int          position,
                                 GError     **error);
static GBytes *kept_file (GBytes  *stored,
                          GError **error);
static gboolean insert_taxonomy (PnStore     *self,
                                 PnTaxonomy  *taxonomy,
                                 GError     **error);

static int
get_user_version (PnStore  *self,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;
  if (step (self, stmt, error) != PN_STEP_ROW)
    return -1;
  /* a byte of the file's header: no version of ours is negative */
  if (sqlite3_column_int (stmt, 0) < 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                   "%s: the database is damaged: its schema version %d is not one Policy Navigator writes",
                   self->path, sqlite3_column_int (stmt, 0));
      return -1;
    }
  return sqlite3_column_int (stmt, 0);
}

#define PN_LEGACY_VERSION ((int) G_N_ELEMENTS (legacy_migrations))

/* Schema 4 (the XML parsed by every process) or an older form of the
 * rows → the current rows.  The rows are derived from the XML each
 * document was imported as, which every schema keeps: the user's
 * documents are read once more from it, the bundled ones come back from
 * the library (sync_bundled).  Profiles stay as they are. */
static gboolean
rebuild (PnStore  *self,
         int       version,
         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  PnStepResult r;

  stmt = prepare (self,
                  version <= PN_LEGACY_VERSION
                  ? "SELECT id, source_name, xml FROM documents WHERE user_imported != 0"
                    " ORDER BY position, id"
                  /* LEFT JOIN: a user's document whose kept file is gone is
                   * damage to say, not a document to drop in silence */
                  : "SELECT d.id, f.name, f.xml FROM documents d LEFT JOIN document_files f"
                    " ON f.document = d.key WHERE d.user_imported != 0 ORDER BY d.position, d.id",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((r = step (self, stmt, error)) == PN_STEP_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        {
          _pn_store_damaged (self, error, id ? id : "",
                             "its kept file is missing, so it cannot be read again; the database was not changed");
          return FALSE;
        }
      g_ptr_array_add (ids, g_strdup (id ? id : ""));
      g_ptr_array_add (names, g_strdup (name ? name : id ? id : ""));
      g_autoptr(GBytes) stored = g_bytes_new (sqlite3_column_blob (stmt, 2), sqlite3_column_bytes (stmt, 2));
      g_autoptr(GError) local_error = NULL;
      GBytes *file = kept_file (stored, &local_error);

      if (file == NULL)
        {
          _pn_store_damaged (self, error, id ? id : "", "its kept file does not decompress (%s)",
                             local_error->message);
          return FALSE;
        }
      g_ptr_array_add (files, file);
    }
  if (r == PN_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec (self,
             "DROP TABLE IF EXISTS article_tails;"
             "DROP TABLE IF EXISTS articles_vocab;"
             "DROP TRIGGER IF EXISTS articles_ad;"
             "DROP TRIGGER IF EXISTS articles_ai;"
             "DROP TABLE IF EXISTS articles_fts;"
             "DROP TABLE IF EXISTS conditions;"
             "DROP TABLE IF EXISTS supersessions;"
             "DROP TABLE IF EXISTS extensions;"
             "DROP TABLE IF EXISTS top_ups;"
             "DROP TABLE IF EXISTS benefits;"
             "DROP TABLE IF EXISTS article_units;"
             "DROP TABLE IF EXISTS articles;"
             "DROP TABLE IF EXISTS benefit_keys;"
             "DROP TABLE IF EXISTS document_cases;"
             "DROP TABLE IF EXISTS document_files;"
             "DROP TABLE IF EXISTS documents;"
             "DROP TABLE IF EXISTS terms;"
             "DELETE FROM meta WHERE key IN ('bundled-hash', 'taxonomy-xml');"
             SCHEMA_CURRENT, error))
    return FALSE;

  if (ids->len == 0)
    return TRUE;

  taxonomy = pn_policy_loader_load_bundled_taxonomy (error);
  if (taxonomy == NULL || !insert_taxonomy (self, taxonomy, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PnDocument) document = NULL;
      g_autoptr(GError) local_error = NULL;

      document = pn_policy_loader_load_document (g_ptr_array_index (names, i),
                                                 g_ptr_array_index (files, i),
                                                 taxonomy, &local_error);
      if (document == NULL ||
          !insert_document (self, document, g_ptr_array_index (files, i),
                            g_ptr_array_index (names, i), TRUE, USER_DOCUMENT_POSITION,
                            &local_error))
        {
          _pn_store_damaged (self, error, g_ptr_array_index (ids, i),
                             "it no longer loads (%s); the database was not changed",
                             local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}


/* Brings the schema to PN_STORE_SCHEMA_VERSION one step at a time, each
 * step and its version bump in one transaction.  Several processes may
 * open a new database at once: each step re-reads the version once it
 * holds the write lock, so only one of them runs it. */
static gboolean
migrate (PnStore  *self,
         GError  **error)
{
  for (;;)
    {
      g_autofree char *bump = NULL;
      int version = get_user_version (self, error);
      gboolean ok;

      if (version < 0)
        return FALSE;
      if (version > PN_STORE_SCHEMA_VERSION)
        {
          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW,
                       "%s: written by a newer Policy Navigator (schema %d, this one knows %d)",
                       self->path, version, PN_STORE_SCHEMA_VERSION);
          return FALSE;
        }
      if (version == PN_STORE_SCHEMA_VERSION)
        return TRUE;

      if (self->read_only)
        {
          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY,
                       "%s: the database needs upgrading (schema %d to %d) but is read-only",
                       self->path, version, PN_STORE_SCHEMA_VERSION);
          return FALSE;
        }

      if (!begin (self, error))
        return FALSE;

      version = get_user_version (self, error);
      if (version < 0)
        goto failed;
      if (version >= PN_STORE_SCHEMA_VERSION)
        {
          /* another process did it meanwhile */
          if (!commit (self, error))
            goto failed;
          continue;
        }

      if (version == 0)
        {
          g_autoptr(sqlite3_stmt) tables =
            prepare (self, "SELECT count(*), count(CASE WHEN name IN ('meta', 'documents') THEN 1 END)"
                           " FROM sqlite_master", error);

          if (tables == NULL || step (self, tables, error) != PN_STEP_ROW)
            goto failed;
          /* schema 0 with tables: ours with the version lost, or another
           * program's database, which ours would be added to */
          if (sqlite3_column_int (tables, 1) > 0)
            {
              _pn_store_rollback (self);
              return _pn_store_damaged (self, error, NULL, "its schema version is 0 but it holds the tables "
                                                           "of a Policy Navigator database");
            }
          if (sqlite3_column_int (tables, 0) > 0)
            {
              _pn_store_rollback (self);
              g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                           "%s: not a Policy Navigator database (another program's tables are in it); "
                           "give the path of a new file or of a Policy Navigator database",
                           self->path);
              return FALSE;
            }
          /* a new database: the current schema at once */
          ok = exec (self, SCHEMA_CURRENT, error);
          version = PN_STORE_SCHEMA_VERSION - 1;
        }
      else if (version < PN_LEGACY_VERSION)
        ok = exec (self, legacy_migrations[version], error);
      else
        {
          /* the rows, current from whatever form they had */
          ok = rebuild (self, version, error);
          version = PN_STORE_SCHEMA_VERSION - 1;
        }

      bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!ok || !exec (self, bump, error) || !commit (self, error))
        goto failed;
      continue;

    failed:
      _pn_store_rollback (self);
      g_prefix_error (error, "migration to schema %d failed: ", version + 1);
      return FALSE;
    }
}

static char *
get_meta (PnStore    *self,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (step (self, stmt, NULL) != PN_STEP_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
set_meta (PnStore     *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  return step (self, stmt, error) == PN_STEP_DONE;
}

/* ---- writing documents ---- */

/* A tuple of `n` children, without a format string to parse (what most of
 * g_variant_new() and g_variant_builder_add() cost) */
static GVariant *
tuple (gsize     n,
       GVariant *first,
       ...)
{
  GVariant *children[8];
  va_list args;

  g_assert (n <= G_N_ELEMENTS (children));
  children[0] = first;
  va_start (args, first);
  for (gsize i = 1; i < n; i++)
    children[i] = va_arg (args, GVariant *);
  va_end (args);
  return g_variant_new_tuple (children, n);
}

static GVariant *
string_variant (const char *text)
{
  return g_variant_new_string (text != NULL ? text : "");
}

static GVariant *
texts_variant (GPtrArray *texts)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      const PnText *text = g_ptr_array_index (texts, i);

      g_variant_builder_add_value (&builder, tuple (2, string_variant (text->zh), string_variant (text->en)));
    }
  return g_variant_builder_end (&builder);
}

static void
bind_variant (sqlite3_stmt *stmt,
              int           index,
              GVariant     *value)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);
  g_autoptr(GBytes) bytes = g_variant_get_data_as_bytes (sunk);
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  sqlite3_bind_blob (stmt, index, data, (int) size, SQLITE_TRANSIENT);
}

static void
bind_yuan (sqlite3_stmt *stmt,
           int           index,
           gint64        yuan)
{
  if (yuan != PN_YUAN_UNSET)
    sqlite3_bind_int64 (stmt, index, yuan);
  else
    sqlite3_bind_null (stmt, index);
}

static void
pack_texts (GByteArray *out,
            GPtrArray  *texts)
{
  pn_pack_add_u32 (out, texts != NULL ? texts->len : 0);
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    {
      const PnText *text = g_ptr_array_index (texts, i);

      pn_pack_add_str (out, text->zh);
      pn_pack_add_str (out, text->en);
    }
}

static void
pack_units (GByteArray *out,
            GPtrArray  *units)
{
  pn_pack_add_u32 (out, units != NULL ? units->len : 0);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const PnUnitRef *ref = g_ptr_array_index (units, i);

      pn_pack_add_str (out, ref->id);
      pn_pack_add_str (out, ref->role);
    }
}

/* pn-pack-private.h; read by pn-store-read.c in the same order */
static GByteArray *
benefit_lists (PnBenefit *benefit)
{
  GByteArray *out = g_byte_array_sized_new (256);

  pn_pack_add_tag (out, PN_PACK_BENEFIT_LISTS);

  pn_pack_add_u32 (out, benefit->thresholds->len);
  for (guint i = 0; i < benefit->thresholds->len; i++)
    {
      const PnThreshold *t = g_ptr_array_index (benefit->thresholds, i);

      pn_pack_add_str (out, pn_figure_to_string (t->figure));
      pn_pack_add_i64 (out, t->min);
      pn_pack_add_bool (out, t->inclusive);
    }

  pn_pack_add_u32 (out, benefit->conditions->len);
  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      const PnCondition *c = g_ptr_array_index (benefit->conditions, i);

      pn_pack_add_str (out, pn_question_to_string (c->question));
      pn_pack_add_strv (out, c->values);
      pn_pack_add_strv (out, c->review);
      pn_pack_add_u32 (out, c->line);
    }

  pn_pack_add_u32 (out, benefit->requirements->len);
  for (guint i = 0; i < benefit->requirements->len; i++)
    {
      const PnRequirement *r = g_ptr_array_index (benefit->requirements, i);

      pn_pack_add_str (out, r->id);
      pn_pack_add_str (out, r->text.zh);
      pn_pack_add_str (out, r->text.en);
      pn_pack_add_bool (out, r->attestation);
    }

  pn_pack_add_strv (out, benefit->tops_up);
  pn_pack_add_strv (out, benefit->annual_caps);

  pn_pack_add_u32 (out, benefit->stages != NULL ? benefit->stages->len : 0);
  for (guint i = 0; benefit->stages != NULL && i < benefit->stages->len; i++)
    pn_pack_add_f64 (out, g_array_index (benefit->stages, double, i));

  pack_texts (out, benefit->notes);
  pack_units (out, benefit->units);

  pn_pack_add_u32 (out, benefit->readings->len);
  for (guint i = 0; i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);

      pn_pack_add_str (out, reading->id);
      pn_pack_add_bool (out, reading->chosen);
      pn_pack_add_bool (out, reading->keep_lapsed_target);
      pn_pack_add_str (out, reading->text.zh);
      pn_pack_add_str (out, reading->text.en);
    }

  return out;
}

static GByteArray *
article_lists (PnArticle *article)
{
  GByteArray *out = g_byte_array_sized_new (64);

  pn_pack_add_tag (out, PN_PACK_ARTICLE_LISTS);
  pack_units (out, article->units);
  pack_texts (out, article->notes);
  return out;
}

static void
bind_pack (sqlite3_stmt *stmt,
           int           index,
           GByteArray   *pack)
{
  sqlite3_bind_blob (stmt, index, pack->data, (int) pack->len, SQLITE_TRANSIENT);
  g_byte_array_unref (pack);
}

static void
benefit_key (PnBenefit    *benefit,
             gint64        key,
             PnBenefitKey *out)
{
  guint32 figures;

  memset (out, 0, sizeof *out);
  out->benefit = key;
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    out->mask[q] = PN_KEY_ALL;

  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      const PnCondition *c = g_ptr_array_index (benefit->conditions, i);

      if (!c->asks_nothing)
        out->uses |= PN_USES_QUESTION (c->question);
    }
  figures = pn_benefit_figures_read (benefit);
  for (PnFigure f = 0; f < PN_N_FIGURES; f++)
    if (figures & (1u << f))
      out->uses |= PN_USES_FIGURE (f);
  if (pn_benefit_depends_on (benefit, "as-of"))
    out->uses |= PN_USES_DATES;

  /* Two conditions on one question must both accept an answer. */
  for (guint i = 0; i < benefit->conditions->len; i++)
    {
      const PnCondition *c = g_ptr_array_index (benefit->conditions, i);
      guint32 mask = 0;

      for (guint v = 0; c->values != NULL && c->values[v] != NULL; v++)
        mask |= _pn_key_bit (c->values[v]);
      for (guint v = 0; c->review != NULL && c->review[v] != NULL; v++)
        mask |= _pn_key_bit (c->review[v]);
      out->mask[c->question] &= mask;
    }

  /* stored little-endian */
  out->benefit = GINT64_TO_LE (out->benefit);
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    out->mask[q] = GUINT32_TO_LE (out->mask[q]);
  out->uses = GUINT32_TO_LE (out->uses);
}

static GVariant *
cases_variant (GPtrArray *cases)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE (PN_CASES_TYPE));
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      const PnCase *pcase = g_ptr_array_index (cases, i);
      GVariantBuilder answers, figures, expectations;

      g_variant_builder_init (&answers, G_VARIANT_TYPE ("a(ss)"));
      for (guint q = 0; q < PN_N_QUESTIONS; q++)
        if (pcase->answers[q] != NULL)
          g_variant_builder_add (&answers, "(ss)", pn_question_to_string (q), pcase->answers[q]);

      g_variant_builder_init (&figures, G_VARIANT_TYPE ("a(sx)"));
      for (guint f = 0; f < PN_N_FIGURES; f++)
        if (pcase->figures[f] != PN_YUAN_UNSET)
          g_variant_builder_add (&figures, "(sx)", pn_figure_to_string (f), pcase->figures[f]);

      g_variant_builder_init (&expectations, G_VARIANT_TYPE ("a(sbxxbybyssa(ss)u)"));
      for (guint e = 0; e < pcase->expectations->len; e++)
        {
          const PnCaseExpectation *x = g_ptr_array_index (pcase->expectations, e);

          g_variant_builder_add (&expectations, "(sbxxbybyss@a(ss)u)",
                                 x->benefit_id ? x->benefit_id : "", x->listed,
                                 x->counted_cny, x->estimate_cny,
                                 x->has_match, (guchar) x->match, x->has_status, (guchar) x->status,
                                 x->reason ? x->reason : "", x->quote ? x->quote : "",
                                 texts_variant (x->notes), x->line);
        }

      g_variant_builder_add (&builder, "(sss@a(ss)@a(sx)@a(sbxxbybyssa(ss)u)x@a(ss)u)",
                             pcase->name ? pcase->name : "", pcase->as_of ? pcase->as_of : "",
                             pcase->location ? pcase->location : "",
                             g_variant_builder_end (&answers), g_variant_builder_end (&figures),
                             g_variant_builder_end (&expectations), pcase->total_cny,
                             texts_variant (pcase->notes), pcase->line);
    }

  return g_variant_builder_end (&builder);
}

static gboolean
insert_document (PnStore     *self,
                 PnDocument  *document,
                 GBytes      *xml,
                 const char  *source_name,
                 gboolean     user_imported,
                 int          position,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) doc_stmt = NULL;
  g_autoptr(sqlite3_stmt) file_stmt = NULL;
  g_autoptr(sqlite3_stmt) art_stmt = NULL;
  g_autoptr(sqlite3_stmt) ben_stmt = NULL;
  g_autoptr(sqlite3_stmt) top_stmt = NULL;
  g_autoptr(sqlite3_stmt) keys_stmt = NULL;
  g_autoptr(sqlite3_stmt) fts_stmt = NULL;
  g_autoptr(sqlite3_stmt) tails_stmt = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (PnBenefitKey));
  GVariantBuilder caps, locations, units, supersedes, extends;
  sqlite3_int64 document_key;
  guint seq = 0;

  g_return_val_if_fail (pn_document_is_whole (document), FALSE);

  doc_stmt = prepare (self,
                      "INSERT INTO documents (id, doc_number, title_zh, title_en, issuer_zh, issuer_en,"
                      " jurisdiction, draft, issued, in_force_from, in_force_until, applies_from,"
                      " source_file, file_name, last_verified, overlap_principle, overlap_where,"
                      " overlap_quote, overlap_en, lists, user_imported, position, n_articles, n_benefits,"
                      " n_relations)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      error);
  file_stmt = doc_stmt ? prepare (self, "INSERT INTO document_files (document, name, xml) VALUES (?, ?, ?)",
                                  error) : NULL;
  art_stmt = file_stmt ? prepare (self,
                                  "INSERT INTO articles (document, number, chapter, heading_zh, heading_en,"
                                  " original, summary, position, deadline_text, valid_from, valid_until,"
                                  " line, lists) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                  error) : NULL;
  ben_stmt = art_stmt ? prepare (self,
                                 "INSERT INTO benefits (id, document, article, seq, kind, per, flags,"
                                 " title_zh, title_en, rate, base, amount, cap, combined_limit,"
                                 " overlap_group, stages_over, valid_from, valid_until, line, lists, reviewed)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 error) : NULL;
  top_stmt = ben_stmt ? prepare (self, "INSERT INTO top_ups (benefit, target) VALUES (?, ?)", error) : NULL;
  if (top_stmt == NULL)
    return FALSE;

  g_variant_builder_init (&caps, G_VARIANT_TYPE ("a(sxssss)"));
  for (guint i = 0; i < document->annual_caps->len; i++)
    {
      const PnAnnualCap *cap = g_ptr_array_index (document->annual_caps, i);

      g_variant_builder_add (&caps, "(sxssss)", cap->id ? cap->id : "", cap->amount,
                             cap->per ? cap->per : "", cap->article ? cap->article : "",
                             cap->text.zh ? cap->text.zh : "", cap->text.en ? cap->text.en : "");
    }

  bind_text (doc_stmt, 1, document->id);
  bind_text (doc_stmt, 2, document->doc_number);
  bind_text (doc_stmt, 3, document->title.zh);
  bind_text (doc_stmt, 4, document->title.en);
  bind_text (doc_stmt, 5, document->issuer.zh);
  bind_text (doc_stmt, 6, document->issuer.en);
  bind_text (doc_stmt, 7, document->jurisdiction);
  sqlite3_bind_int (doc_stmt, 8, document->draft);
  bind_text (doc_stmt, 9, document->issued);
  bind_text (doc_stmt, 10, document->in_force_from);
  bind_text (doc_stmt, 11, document->in_force_until);
  bind_text (doc_stmt, 12, document->applies_from);
  bind_text (doc_stmt, 13, document->source_file);
  bind_text (doc_stmt, 14, source_name != NULL ? source_name : document->file_name);
  bind_text (doc_stmt, 15, document->last_verified);
  bind_text (doc_stmt, 16, document->overlap_principle);
  bind_text (doc_stmt, 17, document->overlap_where);
  bind_text (doc_stmt, 18, document->overlap_quote);
  bind_text (doc_stmt, 19, document->overlap_en);
  g_variant_builder_init (&locations, G_VARIANT_TYPE ("a(sssss)"));
  for (guint i = 0; document->local_locations != NULL && i < document->local_locations->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (document->local_locations, i);

      g_variant_builder_add (&locations, "(sssss)", term->id ? term->id : "",
                             term->parent ? term->parent : "", term->level ? term->level : "",
                             term->zh ? term->zh : "", term->en ? term->en : "");
    }
  g_variant_builder_init (&units, G_VARIANT_TYPE ("a(ssss)"));
  for (guint i = 0; document->local_units != NULL && i < document->local_units->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (document->local_units, i);

      g_variant_builder_add (&units, "(ssss)", term->id ? term->id : "",
                             term->parent ? term->parent : "",
                             term->zh ? term->zh : "", term->en ? term->en : "");
    }
  g_variant_builder_init (&supersedes, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; document->supersedes != NULL && i < document->supersedes->len; i++)
    {
      const PnSupersession *supersession = g_ptr_array_index (document->supersedes, i);

      g_variant_builder_add (&supersedes, "(ss)", supersession->ref, supersession->from);
    }
  g_variant_builder_init (&extends, G_VARIANT_TYPE ("a(ss)"));
  for (guint i = 0; document->extends != NULL && i < document->extends->len; i++)
    {
      const PnExtension *extension = g_ptr_array_index (document->extends, i);

      g_variant_builder_add (&extends, "(ss)", extension->ref, extension->until);
    }
  bind_variant (doc_stmt, 20, g_variant_new ("(@a(ss)@a(sxssss)@a(sssss)@a(ssss)@a(ss)@a(ss))",
                                             texts_variant (document->notes),
                                             g_variant_builder_end (&caps),
                                             g_variant_builder_end (&locations),
                                             g_variant_builder_end (&units),
                                             g_variant_builder_end (&supersedes),
                                             g_variant_builder_end (&extends)));
  sqlite3_bind_int (doc_stmt, 21, user_imported);
  sqlite3_bind_int (doc_stmt, 22, position);
  sqlite3_bind_int (doc_stmt, 23, document->articles->len);
  sqlite3_bind_int (doc_stmt, 24, document->n_benefits);
  /* how many rows of supersessions and extensions are its: a row gone is
   * found without reading its document */
  sqlite3_bind_int (doc_stmt, 25, (document->supersedes != NULL ? document->supersedes->len : 0) +
                                  (document->extends != NULL ? document->extends->len : 0));
  if (step (self, doc_stmt, error) != PN_STEP_DONE)
    return FALSE;
  document_key = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; document->supersedes != NULL && i < document->supersedes->len; i++)
    {
      const PnSupersession *supersession = g_ptr_array_index (document->supersedes, i);
      g_autoptr(sqlite3_stmt) sup_stmt =
        prepare (self, "INSERT INTO supersessions (document, replaces, from_day) VALUES (?, ?, ?)", error);

      if (sup_stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (sup_stmt, 1, document_key);
      bind_text (sup_stmt, 2, supersession->ref);
      bind_text (sup_stmt, 3, supersession->from);
      if (step (self, sup_stmt, error) != PN_STEP_DONE)
        return FALSE;
    }

  for (guint i = 0; document->extends != NULL && i < document->extends->len; i++)
    {
      const PnExtension *extension = g_ptr_array_index (document->extends, i);
      g_autoptr(sqlite3_stmt) ext_stmt =
        prepare (self, "INSERT INTO extensions (document, extends, until_day) VALUES (?, ?, ?)", error);

      if (ext_stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (ext_stmt, 1, document_key);
      bind_text (ext_stmt, 2, extension->ref);
      bind_text (ext_stmt, 3, extension->until);
      if (step (self, ext_stmt, error) != PN_STEP_DONE)
        return FALSE;
    }

  sqlite3_bind_int64 (file_stmt, 1, document_key);
  bind_text (file_stmt, 2, source_name);
  sqlite3_bind_blob64 (file_stmt, 3, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), SQLITE_STATIC);
  if (step (self, file_stmt, error) != PN_STEP_DONE)
    return FALSE;

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);
      sqlite3_int64 article_key;

      sqlite3_reset (art_stmt);
      sqlite3_bind_int64 (art_stmt, 1, document_key);
      bind_text (art_stmt, 2, article->number);
      bind_text (art_stmt, 3, article->chapter);
      bind_text (art_stmt, 4, article->heading.zh);
      bind_text (art_stmt, 5, article->heading.en);
      bind_text (art_stmt, 6, article->original);
      bind_text (art_stmt, 7, article->summary);
      sqlite3_bind_int (art_stmt, 8, i);
      bind_text (art_stmt, 9, article->deadline_text);
      bind_text (art_stmt, 10, article->valid_from);
      bind_text (art_stmt, 11, article->valid_until);
      sqlite3_bind_int (art_stmt, 12, article->line);
      bind_pack (art_stmt, 13, article_lists (article));
      if (step (self, art_stmt, error) != PN_STEP_DONE)
        return FALSE;
      article_key = sqlite3_last_insert_rowid (self->db);

      for (guint b = 0; b < article->benefits->len; b++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, b);
          sqlite3_int64 benefit_key_value;
          const char *from, *until;
          PnBenefitKey key;

          pn_benefit_get_validity (benefit, &from, &until);

          sqlite3_reset (ben_stmt);
          bind_text (ben_stmt, 1, benefit->id);
          sqlite3_bind_int64 (ben_stmt, 2, document_key);
          sqlite3_bind_int64 (ben_stmt, 3, article_key);
          sqlite3_bind_int (ben_stmt, 4, seq++);
          bind_text (ben_stmt, 5, pn_benefit_kind_to_string (benefit->kind));
          bind_text (ben_stmt, 6, benefit->per);
          sqlite3_bind_int (ben_stmt, 7, (benefit->one_time ? PN_BENEFIT_FLAG_ONE_TIME : 0) |
                                         (benefit->rate_ceiling ? PN_BENEFIT_FLAG_RATE_CEILING : 0));
          bind_text (ben_stmt, 8, benefit->title.zh);
          bind_text (ben_stmt, 9, benefit->title.en);
          if (benefit->rate >= 0)
            sqlite3_bind_double (ben_stmt, 10, benefit->rate);
          else
            sqlite3_bind_null (ben_stmt, 10);
          bind_text (ben_stmt, 11, benefit->base != PN_FIGURE_NONE ? pn_figure_to_string (benefit->base) : NULL);
          bind_yuan (ben_stmt, 12, benefit->amount);
          bind_yuan (ben_stmt, 13, benefit->cap);
          bind_text (ben_stmt, 14, benefit->combined_limit != PN_FIGURE_NONE
                                     ? pn_figure_to_string (benefit->combined_limit) : NULL);
          bind_text (ben_stmt, 15, benefit->overlap_group);
          bind_text (ben_stmt, 16, benefit->stages_over);
          bind_text (ben_stmt, 17, from);
          bind_text (ben_stmt, 18, until);
          sqlite3_bind_int (ben_stmt, 19, benefit->line);
          bind_pack (ben_stmt, 20, benefit_lists (benefit));
          sqlite3_bind_int (ben_stmt, 21, benefit->reviewed);
          if (step (self, ben_stmt, error) != PN_STEP_DONE)
            return FALSE;
          benefit_key_value = sqlite3_last_insert_rowid (self->db);

          for (guint t = 0; benefit->tops_up != NULL && benefit->tops_up[t] != NULL; t++)
            {
              sqlite3_reset (top_stmt);
              sqlite3_bind_int64 (top_stmt, 1, benefit_key_value);
              bind_text (top_stmt, 2, benefit->tops_up[t]);
              if (step (self, top_stmt, error) != PN_STEP_DONE)
                return FALSE;
            }

          benefit_key (benefit, benefit_key_value, &key);
          g_array_append_val (keys, key);
        }
    }

  if (document->cases != NULL && document->cases->len > 0)
    {
      g_autoptr(sqlite3_stmt) cases_stmt =
        prepare (self, "INSERT INTO document_cases (document, cases) VALUES (?, ?)", error);

      if (cases_stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (cases_stmt, 1, document_key);
      bind_variant (cases_stmt, 2, cases_variant (document->cases));
      if (step (self, cases_stmt, error) != PN_STEP_DONE)
        return FALSE;
    }

  keys_stmt = prepare (self, "INSERT INTO benefit_keys (document, keys) VALUES (?, ?)", error);
  if (keys_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (keys_stmt, 1, document_key);
  sqlite3_bind_blob64 (keys_stmt, 2, keys->len > 0 ? keys->data : "",
                       (sqlite3_uint64) keys->len * sizeof (PnBenefitKey), SQLITE_STATIC);
  if (step (self, keys_stmt, error) != PN_STEP_DONE)
    return FALSE;

  /* One statement for the document's articles: one FTS5 segment. */
  fts_stmt = prepare (self,
                      "INSERT INTO articles_fts (rowid, heading_zh, heading_en, original, summary)"
                      " SELECT id, heading_zh, heading_en, original, summary"
                      " FROM articles WHERE document = ?", error);
  if (fts_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (fts_stmt, 1, document_key);
  if (step (self, fts_stmt, error) != PN_STEP_DONE)
    return FALSE;

  /* The column ends short queries need besides the trigrams; removing
   * the articles removes them (ON DELETE CASCADE). */
  tails_stmt = prepare (self,
                        "INSERT INTO article_tails (article_id, tails) "
                        ARTICLE_TAILS_SELECT " WHERE document = ?", error);
  if (tails_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (tails_stmt, 1, document_key);
  if (step (self, tails_stmt, error) != PN_STEP_DONE)
    return FALSE;

  document->store_key = document_key;
  return TRUE;
}

/* Deletes the documents `where` selects (an SQL condition on documents
 * with one parameter, `key`) and everything of theirs: the rest follows
 * the foreign keys, the full-text index is told here. */
static gboolean
delete_documents (PnStore     *self,
                  const char  *where,
                  gint64       key,
                  GError     **error)
{
  g_autofree char *fts_sql = NULL;
  g_autofree char *delete_sql = NULL;
  g_autoptr(sqlite3_stmt) fts = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;

  fts_sql = g_strdup_printf ("INSERT INTO articles_fts (articles_fts, rowid, heading_zh, heading_en,"
                             " original, summary)"
                             " SELECT 'delete', a.id, a.heading_zh, a.heading_en, a.original, a.summary"
                             " FROM articles a JOIN documents d ON d.key = a.document WHERE d.%s", where);
  delete_sql = g_strdup_printf ("DELETE FROM documents WHERE %s", where);

  fts = prepare (self, fts_sql, error);
  del = fts ? prepare (self, delete_sql, error) : NULL;
  if (del == NULL)
    return FALSE;
  if (strchr (where, '?') != NULL)
    {
      sqlite3_bind_int64 (fts, 1, key);
      sqlite3_bind_int64 (del, 1, key);
    }
  return step (self, fts, error) == PN_STEP_DONE && step (self, del, error) == PN_STEP_DONE;
}

static gboolean
insert_taxonomy (PnStore     *self,
                 PnTaxonomy  *taxonomy,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char * const *vocabularies;
  guint position = 0;

  if (!exec (self, "DELETE FROM terms", error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO terms (kind, id, parent, level, zh, en, position)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

#define INSERT_TERMS(kind, array)                                       \
  for (guint i = 0; i < (array)->len; i++)                              \
    {                                                                   \
      const PnTerm *term = g_ptr_array_index ((array), i);              \
      sqlite3_reset (stmt);                                             \
      bind_text (stmt, 1, (kind));                                      \
      bind_text (stmt, 2, term->id);                                    \
      bind_text (stmt, 3, term->parent);                                \
      bind_text (stmt, 4, term->level);                                 \
      bind_text (stmt, 5, term->zh ? term->zh : "");                    \
      bind_text (stmt, 6, term->en ? term->en : "");                    \
      sqlite3_bind_int (stmt, 7, position++);                           \
      if (step (self, stmt, error) != PN_STEP_DONE)                     \
        return FALSE;                                                   \
    }

  INSERT_TERMS ("location", pn_taxonomy_get_locations (taxonomy));
  INSERT_TERMS ("unit", pn_taxonomy_get_units (taxonomy));
  INSERT_TERMS ("overlap-group", pn_taxonomy_get_groups (taxonomy));
  vocabularies = pn_taxonomy_get_vocabulary_ids (taxonomy);
  for (guint v = 0; vocabularies[v]; v++)
    INSERT_TERMS (vocabularies[v], pn_taxonomy_get_terms (taxonomy, vocabularies[v]));

#undef INSERT_TERMS

  return TRUE;
}

static GStrv
bundled_names (GError **error)
{
  GStrv names;

  _pn_corpus_ensure_registered ();
  names = g_resources_enumerate_children (PN_CORPUS_RESOURCE_PATH "/policies/", 0, error);
  if (names != NULL)
    qsort (names, g_strv_length (names), sizeof (char *), pn_compare_strings);
  return names;
}

/* Inserts the bundled document `names[i]` unless a document of its id is
 * there (a user's replacement wins). */
static gboolean
insert_bundled (PnStore     *self,
                PnTaxonomy  *taxonomy,
                const char  *name,
                int          position,
                GError     **error)
{
  g_autofree char *path = g_strconcat (PN_CORPUS_RESOURCE_PATH "/policies/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  PnStepResult exists;

  if (bytes == NULL)
    return FALSE;
  document = pn_policy_loader_load_document (name, bytes, taxonomy, error);
  if (document == NULL)
    return FALSE;

  stmt = prepare (self, "SELECT 1 FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, document->id);
  exists = step (self, stmt, error);
  if (exists == PN_STEP_ERROR)
    return FALSE;
  if (exists == PN_STEP_ROW)
    return TRUE;

  return insert_document (self, document, bytes, name, FALSE, position, error);
}

/* Loads the bundled corpus when it is missing or changed, in one
 * transaction; user-imported documents and profiles are left alone.  The
 * hash is the one the build computed (pn-corpus-hash.h): opening a current
 * store reads one row of meta and one of each bundled document's id. */
/* Whether a document of each bundled file's id is there (the bundled one
 * or a user's replacement): no command removes a bundled document, but a
 * damaged or tampered store may lack one, and every answer at its place
 * would then be ¥0 in silence. */
static gboolean
bundled_present (PnStore *self)
{
  static GStrv ids;  /* the bundled files' ids, listed once a process */
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (g_once_init_enter (&ids))
    {
      g_auto(GStrv) names = bundled_names (NULL);
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        if (g_str_has_suffix (names[i], ".xml"))
          {
            g_autofree char *id = g_strndup (names[i], strlen (names[i]) - strlen (".xml"));

            g_strv_builder_add (builder, id);
          }
      g_once_init_leave (&ids, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }

  stmt = prepare (self, "SELECT 1 FROM documents WHERE id = ?", NULL);
  if (stmt == NULL)
    return TRUE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      PnStepResult r;

      sqlite3_reset (stmt);
      bind_text (stmt, 1, ids[i]);
      r = step (self, stmt, NULL);
      if (r == PN_STEP_DONE)
        return FALSE;
      if (r != PN_STEP_ROW)
        return TRUE;
    }
  return TRUE;
}

/* The rows of documents gone (a row of `documents` deleted by hand, with
 * the sqlite3 shell's foreign keys off): no reader reaches them, but their
 * ids stood in the way of the document imported again, and every command
 * said the store was damaged.  Nothing of a document still stored goes. */
static gboolean
delete_orphans (PnStore  *self,
                GError  **error)
{
  return exec (self,
               "INSERT INTO articles_fts (articles_fts, rowid, heading_zh, heading_en, original, summary)"
               " SELECT 'delete', a.id, a.heading_zh, a.heading_en, a.original, a.summary FROM articles a"
               " WHERE a.document NOT IN (SELECT key FROM documents);"
               "DELETE FROM articles WHERE document NOT IN (SELECT key FROM documents);"
               "DELETE FROM benefits WHERE document NOT IN (SELECT key FROM documents);"
               "DELETE FROM supersessions WHERE document NOT IN (SELECT key FROM documents);"
               "DELETE FROM extensions WHERE document NOT IN (SELECT key FROM documents);"
               "DELETE FROM document_files WHERE document NOT IN (SELECT key FROM documents);"
               "DELETE FROM document_cases WHERE document NOT IN (SELECT key FROM documents);"
               "DELETE FROM benefit_keys WHERE document NOT IN (SELECT key FROM documents);",
               error);
}

/* Whether rows of a document gone hold ids of `document`'s benefits
 * (PN_STEP_ROW), read through the ids' index, its range alone */
static PnStepResult
orphans_in_the_way (PnStore     *self,
                    PnDocument  *document,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self,
                                          "SELECT 1 FROM benefits b WHERE b.id > ?1 AND b.id < ?2"
                                          " AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.key = b.document)"
                                          " LIMIT 1", error);
  g_autofree char *low = g_strconcat (document->id, "/", NULL);
  g_autofree char *high = g_strconcat (document->id, "0", NULL);  /* '/' + 1 */

  if (stmt == NULL)
    return PN_STEP_ERROR;
  bind_text (stmt, 1, low);
  bind_text (stmt, 2, high);
  return step (self, stmt, error);
}

static gboolean
sync_bundled (PnStore  *self,
              GError  **error)
{
  g_autofree char *stored = get_meta (self, "bundled-hash");
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_auto(GStrv) names = NULL;

  if (g_strcmp0 (stored, BUNDLED_STAMP) == 0 && bundled_present (self))
    return TRUE;
  if (self->read_only)
    return TRUE;  /* what it holds is all a read-only store can offer */

  taxonomy = pn_policy_loader_load_bundled_taxonomy (error);
  if (taxonomy == NULL)
    return FALSE;
  names = bundled_names (error);
  if (names == NULL)
    return FALSE;

  if (!begin (self, error))
    return FALSE;

  /* another process may have done it while we waited for the lock */
  g_free (stored);
  stored = get_meta (self, "bundled-hash");
  if (g_strcmp0 (stored, BUNDLED_STAMP) == 0 && bundled_present (self))
    {
      if (!commit (self, error))
        goto failed;
      return TRUE;
    }

  if (!delete_orphans (self, error) ||
      !delete_documents (self, "user_imported = 0", 0, error) ||
      !insert_taxonomy (self, taxonomy, error))
    goto failed;

  for (guint i = 0; names[i]; i++)
    if (!insert_bundled (self, taxonomy, names[i], i, error))
      goto failed;

  if (!set_meta (self, "bundled-hash", BUNDLED_STAMP, error) || !commit (self, error))
    goto failed;

  return TRUE;

failed:
  _pn_store_rollback (self);
  return FALSE;
}

/* ---- GObject ---- */

static void
pn_store_finalize (GObject *object)
{
  PnStore *self = (PnStore *) object;

  /* every corpus of the store holds it: none is left */
  g_warn_if_fail (self->corpus == NULL);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_rec_mutex_clear (&self->lock);
  g_free (self->path);
  g_clear_error (&self->policies_error);

  G_OBJECT_CLASS (pn_store_parent_class)->finalize (object);
}

static void
pn_store_class_init (PnStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pn_store_init (PnStore *self)
{
  g_rec_mutex_init (&self->lock);
  /* keyed by address: hashing a 300-byte SELECT for every row read cost
   * more than the statement's own bookkeeping */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_statement);
}

char *
pn_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "policy-navigator", "policy-navigator.db", NULL);
}

/* Refuses what is not a database file before SQLite sees it: a FIFO, a
 * device (/dev/null would get a /dev/null-journal next to it), a
 * directory, a file that is not SQLite's.  A missing or empty file is a
 * new database.  Sets *out_exists. */
static gboolean
check_path (const char  *path,
            gboolean    *out_exists,
            GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0, };
  struct stat st;
  gsize n = 0;

  *out_exists = FALSE;

  if (stat (path, &st) != 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                   "%s: %s", path, g_strerror (errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                   "%s: not a regular file; give the path of a database file", path);
      return FALSE;
    }
  *out_exists = TRUE;

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n, NULL, &local_error))
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                   "%s: %s", path, local_error->message);
      return FALSE;
    }

  if (n == 0)
    return TRUE;

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                   "%s: not a Policy Navigator database (not an SQLite file); "
                   "move it away or choose another file with --db", path);
      return FALSE;
    }

  return TRUE;
}

/* SQLite's own advice for database files that may be hostile ("Defense
 * Against the Dark Arts"): defensive mode, no trust in the schema's SQL,
 * lower limits, cell checks, no memory map. */
static gboolean
harden (PnStore  *self,
        GError  **error)
{
  static const struct { int id; int value; } limits[] = {
    { SQLITE_LIMIT_LENGTH, 128 * 1024 * 1024 },   /* policy files are ≤ 64 MiB */
    { SQLITE_LIMIT_SQL_LENGTH, 100000 },
    { SQLITE_LIMIT_COLUMN, 64 },
    { SQLITE_LIMIT_EXPR_DEPTH, 100 },
    { SQLITE_LIMIT_COMPOUND_SELECT, 8 },
    { SQLITE_LIMIT_VDBE_OP, 250000 },
    { SQLITE_LIMIT_FUNCTION_ARG, 16 },
    { SQLITE_LIMIT_ATTACHED, 0 },
    { SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 200 },
    { SQLITE_LIMIT_VARIABLE_NUMBER, 64 },
    { SQLITE_LIMIT_TRIGGER_DEPTH, 4 },
  };

  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
#ifdef SQLITE_DBCONFIG_TRUSTED_SCHEMA
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
#endif
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  /* The store's own SQL reads no view and needs no trigger (schema 2-4
   * had two, dropped by the migrations; delete_documents () keeps the
   * index in step): a view or trigger in the file is someone else's, and
   * a table replaced by an endless recursive view would hang every
   * reader of it. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    sqlite3_limit (self->db, limits[i].id, limits[i].value);

  /* A writer holds the lock for the length of an import; readers in WAL
   * mode never wait for it, and a second writer waits this long. */
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  sqlite3_extended_result_codes (self->db, 0);

  /* 2 MiB of pages (SQLite's own default): a question reads each page
   * about once, and every page cached is fresh memory the kernel has to
   * fault in; 16 MiB cost pnav match 1,800 page faults, 5 ms of 47. */
  return exec (self,
               "PRAGMA foreign_keys = ON;"
               "PRAGMA cell_size_check = ON;"
               "PRAGMA mmap_size = 0;"
               "PRAGMA cache_size = -2048;", error);
}

/* Sets WAL mode.  Processes opening one new file at once all try to; one
 * that holds a shared lock while another holds the write lock is told
 * SQLITE_BUSY at once (waiting could deadlock), not after the busy
 * timeout: so try again here, as long as any lock is waited for. */
static int
set_wal (sqlite3 *db)
{
  gint64 deadline = g_get_monotonic_time () + BUSY_TIMEOUT_MS * (gint64) 1000;
  int rc;

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  while ((rc = sqlite3_exec (db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) == SQLITE_BUSY &&
         g_get_monotonic_time () < deadline)
    g_usleep (g_random_int_range (2000, 20000));
  return rc;
}

/* Whether `path`-wal holds commits the file itself does not have yet (a
 * writer open, or one that crashed before its checkpoint). */
static gboolean
wal_pending (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return stat (wal, &st) == 0 && st.st_size > 0;
}

static int
open_db (const char  *path,
         gboolean     read_only,
         sqlite3    **out_db)
{
  g_autofree char *plain = NULL;

  if (read_only)
    {
      /* Readable even where the -shm and -wal files cannot be created (a
       * read-only folder): the file is then taken as unchanging.  Not when
       * a -wal holds commits the file does not have yet (a writer open,
       * or one that crashed): immutable=1 would skip them, and read pages
       * a writer is changing.  Then read-only as SQLite reads a WAL
       * database, which fails rather than read the wrong thing. */
      g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);
      g_autofree char *uri = g_strconcat ("file:", escaped,
                                          wal_pending (path) ? "?mode=ro" : "?immutable=1", NULL);

      return sqlite3_open_v2 (uri, out_db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
                              SQLITE_OPEN_NOMUTEX, NULL);
    }

  /* a name SQLite would take as a URI ("file:x.db?mode=memory" kept
   * nothing): a file name, as check_path () saw it */
  plain = g_str_has_prefix (path, "file:") ? g_strconcat ("./", path, NULL) : NULL;
  return sqlite3_open_v2 (plain != NULL ? plain : path, out_db,
                          SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
}

PnStore *
pn_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(PnStore) self = NULL;
  g_autofree char *dir = NULL;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _pn_store_keep_variant_types ();
  self = g_object_new (PN_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (*path == '\0')
    {
      g_set_error_literal (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                           "no database path given (an empty path)");
      return NULL;
    }

  if (!check_path (path, &exists, error))
    return NULL;

  if (!exists)
    {
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                       "%s: cannot create the folder: %s", path, g_strerror (errno));
          return NULL;
        }
    }

  rc = open_db (path, FALSE, &self->db);
  if (rc == SQLITE_OK && !sqlite3_db_readonly (self->db, "main"))
    {
      /* WAL: readers never wait for a writer.  Setting it needs the file
       * writable and its folder too (for the -wal and -shm files). */
      rc = set_wal (self->db);
    }
  else if (rc == SQLITE_OK)
    rc = SQLITE_READONLY;

  if (rc == SQLITE_BUSY)
    {
      /* never the read-only fallback: immutable=1 would read a file
       * another process is writing as if nobody could */
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_BUSY,
                   "%s: cannot open the database: another process held it for %d s; try again",
                   path, BUSY_TIMEOUT_MS / 1000);
      return NULL;
    }

  if (rc != SQLITE_OK && exists)
    {
      /* read-only file or folder: read what is there */
      struct stat st;

      g_clear_pointer (&self->db, sqlite3_close);
      self->read_only = TRUE;
      self->immutable = !wal_pending (path);
      if (self->immutable && stat (path, &st) == 0)
        {
          self->immutable_size = st.st_size;
          self->immutable_mtime = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
        }
      rc = open_db (path, TRUE, &self->db);
    }

  if (rc != SQLITE_OK)
    {
      if (self->read_only && wal_pending (path))
        g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY,
                     "%s: cannot be read without write access while its -wal holds changes not yet "
                     "written into it; open it once where it can be written (or wait for the "
                     "program writing it to close)", path);
      else
        g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                     "%s: cannot open the database: %s", path,
                     self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  if (!harden (self, error))
    return NULL;
  /* NORMAL: a commit is atomic and the WAL is synced at each checkpoint;
   * secure_delete FAST: deleted rows are zeroed in the pages written
   * anyway, freed pages are not rewritten (Debian builds SQLite with
   * secure_delete on, which wrote every page an FTS5 merge frees: a fifth
   * of an import's pages).  docs/security.md */
  if (!self->read_only &&
      !exec (self, "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = FAST;", error))
    return NULL;

  self->rank = pn_fts_rank_new ();
  rc = pn_fts_rank_register (self->rank, self->db);
  if (rc != SQLITE_OK)
    {
      self->rank = NULL;
      check_rc (self, rc, error);
      return NULL;
    }

  {
    g_autoptr(GError) local_error = NULL;

    if (!migrate (self, &local_error) || !sync_bundled (self, &local_error))
      {
        g_autoptr(GError) profiles_error = NULL;

        /* Another process busy, a newer schema, a read-only file: said
         * now.  Damaged policy rows (a failed upgrade, a bundled document
         * that no longer syncs): the clients stay reachable, if their
         * table is, and each reader of the policies says what is wrong. */
        if (g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_BUSY) ||
            g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW) ||
            g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY) ||
            !exec (self, "SELECT count(*) FROM profiles", &profiles_error))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return NULL;
          }
        self->policies_error = g_steal_pointer (&local_error);
      }
  }

  {
    PnStoreStamp stamp;

    _pn_store_get_stamp (self, &stamp);
    self->seen_version = stamp.data_version;
  }
  return g_steal_pointer (&self);
}

gboolean
pn_store_changed_elsewhere (PnStore *self)
{
  PnStoreStamp now;
  gboolean changed;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);

  _pn_store_lock (self);
  _pn_store_get_stamp (self, &now);
  changed = now.data_version != self->seen_version;
  self->seen_version = now.data_version;
  _pn_store_unlock (self);

  return changed;
}

const char *
pn_store_get_path (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  return self->path;
}

gboolean
pn_store_is_read_only (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), TRUE);
  return self->read_only;
}

PnCorpus *
pn_store_load_corpus (PnStore  *self,
                      GError  **error)
{
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  PnCorpus *corpus = NULL;
  PnStoreStamp now;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  if (!_pn_store_policies_usable (self, error))
    return NULL;

  /* the cache holds no reference (_pn_store_forget_corpus()); another
   * connection's commit (another process's import) ends it too, as this
   * one's do (changed ()) */
  _pn_store_lock (self);
  _pn_store_get_stamp (self, &now);
  if (self->corpus != NULL && now.data_version != self->corpus_version)
    self->corpus = NULL;
  if (self->corpus != NULL)
    corpus = pn_corpus_ref (self->corpus);
  else
    {
      taxonomy = _pn_store_read_taxonomy (self, error);
      if (taxonomy != NULL && !_pn_store_check_jurisdictions (self, taxonomy, error))
        g_clear_pointer (&taxonomy, pn_taxonomy_unref);
      if (taxonomy != NULL)
        {
          corpus = self->corpus = _pn_corpus_new_for_store (self, taxonomy, &now);
          self->corpus_version = now.data_version;
        }
    }
  _pn_store_unlock (self);

  return corpus;
}

/* ---- import and removal ---- */

static gboolean
reference_error (GError      **error,
                 const char   *file_name,
                 guint         line,
                 const char   *what,
                 const char   *id)
{
  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
               "%s:%u: unknown %s “%s”", file_name, line, what, id);
  return FALSE;
}

/* The ids this benefit tops up, as stored (`id` a benefit of another
 * document); NULL-terminated, or NULL with *error set. */
static GStrv
stored_targets (PnStore     *self,
                const char  *id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  PnStepResult r;

  stmt = prepare (self,
                  "SELECT t.target FROM top_ups t JOIN benefits b ON b.key = t.benefit"
                  " WHERE b.id = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  while ((r = step (self, stmt, error)) == PN_STEP_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (r == PN_STEP_ERROR)
    return NULL;
  return g_strv_builder_end (builder);
}

/* Whether following top-ups from `start` comes back to it: across the
 * new document (`own`: id → PnBenefit) and the stored ones. */
static gboolean
check_cycle (PnStore     *self,
             PnBenefit   *start,
             GHashTable  *own,
             const char  *prefix,
             GError     **error)
{
  /* pairs (id, the id that tops it up): the path back names the cycle */
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) parent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint t = 0; start->tops_up != NULL && start->tops_up[t] != NULL; t++)
    {
      g_ptr_array_add (queue, g_strdup (start->tops_up[t]));
      g_ptr_array_add (queue, g_strdup (start->id));
    }

  while (queue->len > 0)
    {
      g_autofree char *from = g_ptr_array_steal_index_fast (queue, queue->len - 1);
      g_autofree char *id = g_ptr_array_steal_index_fast (queue, queue->len - 1);
      g_auto(GStrv) stored = NULL;
      GStrv next;

      if (g_strcmp0 (id, start->id) == 0)
        {
          g_autoptr(GPtrArray) path = g_ptr_array_new ();
          g_autoptr(GString) text = g_string_new (start->id);

          for (const char *p = from; p != NULL && g_strcmp0 (p, start->id) != 0;
               p = g_hash_table_lookup (parent, p))
            g_ptr_array_add (path, (gpointer) p);
          for (guint k = path->len; k-- > 0;)
            g_string_append_printf (text, " → %s", (const char *) g_ptr_array_index (path, k));
          g_string_append_printf (text, " → %s", start->id);
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: top-ups form a cycle: %s",
                       start->document->file_name ? start->document->file_name : start->document->id,
                       start->line, text->str);
          return FALSE;
        }
      if (g_hash_table_contains (parent, id))
        continue;
      g_hash_table_insert (parent, g_strdup (id), g_strdup (from));

      if (g_str_has_prefix (id, prefix))
        {
          PnBenefit *benefit = g_hash_table_lookup (own, id);

          next = benefit != NULL ? benefit->tops_up : NULL;
        }
      else
        {
          stored = stored_targets (self, id, error);
          if (stored == NULL)
            return FALSE;
          next = stored;
        }

      for (guint t = 0; next != NULL && next[t] != NULL; t++)
        {
          g_ptr_array_add (queue, g_strdup (next[t]));
          g_ptr_array_add (queue, g_strdup (id));
        }
    }

  return TRUE;
}

/* The new document's references, inside the import's transaction:
 * annual caps it names, benefits it tops up (in itself or stored, with
 * no cycle), and — when it replaces a document — what the other
 * documents top up in the one it replaces. */
/* A place the document declares that another document declared first:
 * the same id under another parent or at another level would move the
 * other document's measures, or these, to a place neither meant (the
 * first declaration wins when places are listed). */
static gboolean
check_local_places (PnStore     *self,
                    PnDocument  *document,
                    gint64       replaced,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *file_name = document->file_name ? document->file_name : document->id;
  PnStepResult r;

  if (document->local_locations == NULL || document->local_locations->len == 0)
    return TRUE;

  stmt = prepare (self, "SELECT key FROM documents WHERE key != ? AND id != ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, replaced);
  bind_text (stmt, 2, document->id);
  while ((r = step (self, stmt, error)) == PN_STEP_ROW)
    {
      g_autoptr(PnDocument) other = _pn_store_read_document (self, sqlite3_column_int64 (stmt, 0), error);

      if (other == NULL)
        return FALSE;
      for (guint i = 0; other->local_locations != NULL && i < other->local_locations->len; i++)
        {
          const PnTerm *theirs = g_ptr_array_index (other->local_locations, i);

          for (guint j = 0; j < document->local_locations->len; j++)
            {
              const PnTerm *ours = g_ptr_array_index (document->local_locations, j);

              if (g_strcmp0 (ours->id, theirs->id) != 0)
                continue;
              if (g_strcmp0 (ours->parent, theirs->parent) == 0 && g_strcmp0 (ours->level, theirs->level) == 0)
                continue;
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s: the place “%s” is declared by “%s” as a %s of %s; this file declares it as a "
                           "%s of %s: give it another id, or declare it as “%s” does",
                           file_name, ours->id, other->id, theirs->level ? theirs->level : "place",
                           theirs->parent ? theirs->parent : "—", ours->level ? ours->level : "place",
                           ours->parent ? ours->parent : "—", other->id);
              return FALSE;
            }
        }
    }
  return r == PN_STEP_DONE;
}

static gboolean
check_references (PnStore     *self,
                  PnDocument  *document,
                  gint64       replaced,
                  GError     **error)
{
  g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(sqlite3_stmt) exists = NULL;
  g_autofree char *prefix = g_strconcat (document->id, "/", NULL);
  const char *file_name = document->file_name ? document->file_name : document->id;
  gboolean follow_chains;

  for (guint a = 0; a < document->articles->len; a++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, a);

      for (guint b = 0; b < article->benefits->len; b++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, b);

          g_hash_table_insert (own, benefit->id, benefit);
        }
    }

  exists = prepare (self, "SELECT 1 FROM benefits WHERE id = ? AND document != ?", error);
  if (exists == NULL)
    return FALSE;

  /* The document itself has no cycle (the loader looked): one runs through
   * stored benefits, and comes back only if a stored one tops up one of
   * its ids.  None does, mostly: then no benefit's chain is followed (a
   * chain of 8,000 top-ups, each followed from each, took 9.7 s). */
  {
    g_autoptr(sqlite3_stmt) into = prepare (self, "SELECT 1 FROM top_ups t JOIN benefits b ON b.key = t.benefit"
                                                  " WHERE t.target >= ? AND t.target < ? AND b.document != ?"
                                                  " LIMIT 1", error);
    g_autofree char *end = g_strconcat (document->id, "0", NULL);  /* '0' follows '/' */
    PnStepResult r;

    if (into == NULL)
      return FALSE;
    bind_text (into, 1, prefix);
    bind_text (into, 2, end);
    sqlite3_bind_int64 (into, 3, replaced);
    r = step (self, into, error);
    if (r == PN_STEP_ERROR)
      return FALSE;
    follow_chains = r == PN_STEP_ROW;
  }

  for (guint a = 0; a < document->articles->len; a++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, a);

      for (guint b = 0; b < article->benefits->len; b++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, b);

          for (guint c = 0; benefit->annual_caps && benefit->annual_caps[c]; c++)
            if (pn_document_find_annual_cap (document, benefit->annual_caps[c]) == NULL)
              return reference_error (error, file_name, benefit->line, "annual cap",
                                      benefit->annual_caps[c]);

          for (guint t = 0; benefit->tops_up && benefit->tops_up[t]; t++)
            {
              const char *target = benefit->tops_up[t];
              PnStepResult found;

              if (g_str_has_prefix (target, prefix))
                {
                  if (!g_hash_table_contains (own, target))
                    return reference_error (error, file_name, benefit->line,
                                            "benefit to top up", target);
                  continue;
                }

              sqlite3_reset (exists);
              bind_text (exists, 1, target);
              sqlite3_bind_int64 (exists, 2, replaced);
              found = step (self, exists, error);
              if (found == PN_STEP_ERROR)
                return FALSE;
              if (found == PN_STEP_DONE)
                return reference_error (error, file_name, benefit->line, "benefit to top up", target);
            }

          if (follow_chains && benefit->tops_up != NULL && !check_cycle (self, benefit, own, prefix, error))
            return FALSE;
        }
    }

  if (replaced != 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *end = g_strconcat (document->id, "0", NULL);  /* '0' follows '/' */
      PnStepResult r;

      stmt = prepare (self,
                      "SELECT t.target, b.line, d.id, d.file_name"
                      " FROM top_ups t JOIN benefits b ON b.key = t.benefit"
                      " JOIN documents d ON d.key = b.document"
                      " WHERE t.target >= ? AND t.target < ? AND b.document != ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, prefix);
      bind_text (stmt, 2, end);
      sqlite3_bind_int64 (stmt, 3, replaced);
      while ((r = step (self, stmt, error)) == PN_STEP_ROW)
        {
          const char *target = (const char *) sqlite3_column_text (stmt, 0);
          const char *other_file = (const char *) sqlite3_column_text (stmt, 3);

          if (!g_hash_table_contains (own, target))
            return reference_error (error,
                                    other_file ? other_file : (const char *) sqlite3_column_text (stmt, 2),
                                    sqlite3_column_int (stmt, 1), "benefit to top up", target);
        }
      if (r == PN_STEP_ERROR)
        return FALSE;
    }

  return TRUE;
}

static void
changed (PnStore *self)
{
  /* the next pn_store_load_corpus() reads afresh; corpora handed out
   * keep what they read */
  self->corpus = NULL;
}

void
_pn_store_forget_corpus (PnStore  *self,
                         PnCorpus *corpus)
{
  if (self->corpus == corpus)
    self->corpus = NULL;
}

/* ---- the kept file ---- */

/* An imported file is kept compressed with zstd, level 1: 0.7 ms for
 * 750 KB, 60 KB kept instead of 750 KB written to the WAL and again to
 * the database at the checkpoint (187 pages of the ~620 an import wrote;
 * gzip level 1 took 3.6 ms for 96 KB).  The bundled documents and files
 * kept by older versions are stored as they are; a policy file is UTF-8
 * text, so the zstd magic number tells the two apart. */
static const guint8 zstd_magic[4] = { 0x28, 0xb5, 0x2f, 0xfd };

static GBytes *
compress_kept (GBytes *bytes)
{
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  gsize bound = ZSTD_compressBound (size);
  g_autofree guint8 *out = g_malloc (bound);
  gsize written = ZSTD_compress (out, bound, data, size, 1);

  /* never expected to fail (the bound is enough); the file is then kept
   * as it is */
  if (ZSTD_isError (written))
    return g_bytes_ref (bytes);
  return g_bytes_new_take (g_realloc (g_steal_pointer (&out), written), written);
}

static gpointer
compress_thread (gpointer data)
{
  g_autoptr(GBytes) bytes = data;

  return compress_kept (bytes);
}

/* The file as imported, from what document_files holds: at most a policy
 * file's size, whatever the row claims */
static GBytes *
kept_file (GBytes  *stored,
           GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (stored, &size);
  unsigned long long content;
  g_autofree guint8 *out = NULL;
  gsize got;

  if (size < sizeof zstd_magic || memcmp (data, zstd_magic, sizeof zstd_magic) != 0)
    return g_bytes_ref (stored);

  content = ZSTD_getFrameContentSize (data, size);
  if (content == ZSTD_CONTENTSIZE_UNKNOWN || content == ZSTD_CONTENTSIZE_ERROR ||
      content > PN_POLICY_MAX_BYTES)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "not a zstd frame of a policy file's size");
      return NULL;
    }
  out = g_malloc (MAX (content, 1));
  got = ZSTD_decompress (out, content, data, size);
  if (ZSTD_isError (got) || got != content)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   ZSTD_isError (got) ? ZSTD_getErrorName (got) : "shorter than it says");
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&out), content);
}

/* FTS_AUTOMERGE for a store made before it, inside the caller's
 * transaction */
static gboolean
tune_fts (PnStore  *self,
          GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "SELECT v FROM articles_fts_config WHERE k = 'automerge'", error);
  PnStepResult r;

  if (stmt == NULL)
    return FALSE;
  r = step (self, stmt, error);
  if (r == PN_STEP_ERROR)
    return FALSE;
  if (r == PN_STEP_ROW && sqlite3_column_int (stmt, 0) == FTS_AUTOMERGE_VALUE)
    return TRUE;
  return exec (self, FTS_AUTOMERGE, error);
}

/* Waits for the schema check of the document being imported, if not done
 * yet; when the schema refused the file, its error replaces whatever
 * `error` holds (the file would never have reached the database). */
static gboolean
settle_validation (PnLoaderValidation **validation,
                   GError             **error)
{
  g_autoptr(GError) schema_error = NULL;

  if (*validation == NULL)
    return TRUE;
  if (_pn_loader_validation_finish (g_steal_pointer (validation), &schema_error))
    return TRUE;
  if (error != NULL)
    g_clear_error (error);
  g_propagate_error (error, g_steal_pointer (&schema_error));
  return FALSE;
}

/* A document that supersedes one which supersedes it in turn (or by way
 * of others): from the later day each replaces the other and no award of
 * either counts, the money gone without a word.  The same of notices that
 * keep each other in force.  Refused, as a document superseding itself
 * is; the rows are in (not committed): the chains from it are read. */
static gboolean
check_relation_cycles (PnStore     *self,
                       PnDocument  *document,
                       GError     **error)
{
  static const struct
  {
    const char *table;
    const char *column;
    const char *element;
    const char *verb;
  } relations[] = {
    { "supersessions", "replaces", "supersedes", "supersedes" },
    { "extensions", "extends", "extends", "keeps in force" },
  };
  const char *file_name = document->file_name ? document->file_name : document->id;

  for (guint r = 0; r < G_N_ELEMENTS (relations); r++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      PnStepResult found;

      if ((r == 0 && (document->supersedes == NULL || document->supersedes->len == 0)) ||
          (r == 1 && (document->extends == NULL || document->extends->len == 0)))
        continue;
      /* each document reached, with the one this document names first */
      sql = g_strdup_printf ("WITH RECURSIVE chain (id, first, depth) AS ("
                             " SELECT x.%2$s, x.%2$s, 1 FROM %1$s x JOIN documents d ON d.key = x.document"
                             "  WHERE d.id = ?1"
                             " UNION"
                             " SELECT x.%2$s, chain.first, chain.depth + 1 FROM chain"
                             "  JOIN documents d ON d.id = chain.id JOIN %1$s x ON x.document = d.key"
                             "  WHERE chain.depth < 200)"
                             " SELECT first FROM chain WHERE id = ?1 LIMIT 1",
                             relations[r].table, relations[r].column);
      stmt = prepare (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, document->id);
      found = step (self, stmt, error);
      if (found == PN_STEP_ERROR)
        return FALSE;
      if (found == PN_STEP_ROW)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s: <%s ref=\"%s\">: “%s” %s “%s” in turn (directly or by way of others): "
                       "each would undo the other",
                       file_name, relations[r].element, (const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 0), relations[r].verb, document->id);
          return FALSE;
        }
    }
  return TRUE;
}

/* Imports `document`, read from `bytes` (the same bytes, kept for
 * export), replacing one of the same id when `replace`.  `validation`
 * (taken) is the file's schema check, still running: nothing is
 * committed before it passed. */
static gboolean
import_document (PnStore             *self,
                 PnDocument          *document,
                 GBytes              *bytes,
                 const char          *source_name,
                 gboolean             replace,
                 gboolean             dry_run,
                 PnLoaderValidation  *validation,
                 GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 replaced = 0;
  PnStepResult exists;

  if (!begin (self, error))
    {
      settle_validation (&validation, error);
      return FALSE;
    }

  if (!tune_fts (self, error))
    goto failed;

  stmt = prepare (self, "SELECT key FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, document->id);
  exists = step (self, stmt, error);
  if (exists == PN_STEP_ERROR)
    goto failed;
  if (exists == PN_STEP_ROW)
    {
      if (!replace)
        {
          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS,
                       "a document with id “%s” already exists; use --replace to replace it",
                       document->id);
          goto failed;
        }
      replaced = sqlite3_column_int64 (stmt, 0);
    }

  if (!check_references (self, document, replaced, error) || !check_local_places (self, document, replaced, error))
    goto failed;

  if (replaced != 0 && !delete_documents (self, "key = ?", replaced, error))
    goto failed;

  switch (orphans_in_the_way (self, document, error))
    {
    case PN_STEP_ERROR:
      goto failed;
    case PN_STEP_ROW:
      if (!delete_orphans (self, error))
        goto failed;
      break;
    case PN_STEP_DONE:
      break;
    }

  if (!insert_document (self, document, bytes, source_name, TRUE, USER_DOCUMENT_POSITION, error))
    goto failed;

  if (!check_relation_cycles (self, document, error))
    goto failed;

  if (!settle_validation (&validation, error))
    goto failed;

  /* a dry run does all an import does, then writes nothing */
  if (dry_run)
    {
      _pn_store_rollback (self);
      return TRUE;
    }

  if (!commit (self, error))
    goto failed;

  changed (self);
  return TRUE;

failed:
  settle_validation (&validation, error);
  _pn_store_rollback (self);
  return FALSE;
}

static PnDocument *
import_bytes (PnStore     *self,
              const char  *display_name,
              const char  *source_name,
              GBytes      *bytes,
              gboolean     replace,
              gboolean     dry_run,
              GError     **error)
{
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GBytes) kept = NULL;
  PnLoaderValidation *validation = NULL;
  GThread *compressing;
  gboolean ok;

  if (!_pn_store_policies_usable (self, error))
    return NULL;

  /* the file is compressed while it is parsed and checked */
  compressing = g_thread_try_new ("pn-compress", compress_thread, g_bytes_ref (bytes), NULL);
  if (compressing == NULL)
    g_bytes_unref (bytes);  /* the reference the thread did not take */

  _pn_store_lock (self);
  taxonomy = _pn_store_read_taxonomy (self, error);
  _pn_store_unlock (self);
  if (taxonomy != NULL)
    document = _pn_policy_loader_load_document_validating (display_name, bytes, taxonomy,
                                                           &validation, error);
  kept = compressing != NULL ? g_thread_join (compressing) : compress_kept (bytes);
  if (document == NULL)
    return NULL;

  /* Parsed and checked against the model's rules (above) before the
   * database is touched; the schema check goes on meanwhile and is waited
   * for before the commit (import_document).  These bytes are the ones
   * kept. */
  document->user_imported = TRUE;
  document->position = USER_DOCUMENT_POSITION;

  _pn_store_lock (self);
  ok = import_document (self, document, kept, source_name, replace, dry_run,
                        g_steal_pointer (&validation), error);
  _pn_store_unlock (self);

  return ok ? g_steal_pointer (&document) : NULL;
}

PnDocument *
pn_store_import_bytes (PnStore     *self,
                       const char  *display_name,
                       GBytes      *bytes,
                       gboolean     replace,
                       GError     **error)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  return import_bytes (self, display_name, display_name, bytes, replace, FALSE, error);
}

PnDocument *
pn_store_check_import_bytes (PnStore     *self,
                             const char  *display_name,
                             GBytes      *bytes,
                             gboolean     replace,
                             GError     **error)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  return import_bytes (self, display_name, display_name, bytes, replace, TRUE, error);
}

static PnDocument *
import_file (PnStore     *self,
             GFile       *file,
             gboolean     replace,
             gboolean     dry_run,
             GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* One bounded read: what is validated is what is stored. */
  bytes = pn_policy_loader_read_file (file, PN_POLICY_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  basename = g_file_get_basename (file);
  return import_bytes (self, name, basename, bytes, replace, dry_run, error);
}

PnDocument *
pn_store_import_file (PnStore     *self,
                      GFile       *file,
                      gboolean     replace,
                      GError     **error)
{
  return import_file (self, file, replace, FALSE, error);
}

PnDocument *
pn_store_check_import_file (PnStore     *self,
                            GFile       *file,
                            gboolean     replace,
                            GError     **error)
{
  return import_file (self, file, replace, TRUE, error);
}

static gboolean
remove_document (PnStore     *self,
                 const char  *document_id,
                 gboolean     dry_run,
                 PnDocument **out_restored,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *bundled_name = NULL;
  gboolean ok = FALSE;
  PnStepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  if (!_pn_store_policies_usable (self, error))
    return FALSE;

  _pn_store_lock (self);

  if (!begin (self, error))
    goto out;

  stmt = prepare (self, "SELECT key, user_imported FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, document_id);
  r = step (self, stmt, error);
  if (r == PN_STEP_ERROR)
    goto failed;
  if (r == PN_STEP_DONE)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                   "no document with id “%s”", document_id);
      goto failed;
    }
  if (sqlite3_column_int (stmt, 1) == 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY,
                   "“%s” is part of the bundled corpus and cannot be removed", document_id);
      goto failed;
    }

  if (!delete_documents (self, "key = ?", sqlite3_column_int64 (stmt, 0), error))
    goto failed;

  /* The bundled copy of a document the user had replaced comes back. */
  names = bundled_names (NULL);
  bundled_name = g_strconcat (document_id, ".xml", NULL);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (strcmp (names[i], bundled_name) != 0)
        continue;
      taxonomy = _pn_store_read_taxonomy (self, error);
      if (taxonomy == NULL || !insert_bundled (self, taxonomy, names[i], i, error))
        goto failed;
      if (out_restored != NULL)
        {
          g_autofree char *path = g_strconcat (PN_CORPUS_RESOURCE_PATH "/policies/", names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);

          *out_restored = bytes != NULL ? pn_policy_loader_load_document (names[i], bytes, taxonomy, error) : NULL;
          if (*out_restored == NULL)
            goto failed;
        }
    }

  /* Another document topping up a measure of this one would be left
   * pointing at nothing (and no longer import again): refused, naming it,
   * as an import of a replacement without that measure is. */
  {
    g_autoptr(sqlite3_stmt) dangling = NULL;
    g_autofree char *prefix = g_strconcat (document_id, "/", NULL);
    g_autofree char *end = g_strconcat (document_id, "0", NULL);  /* '0' follows '/' */

    dangling = prepare (self,
                        "SELECT t.target, d.id FROM top_ups t JOIN benefits b ON b.key = t.benefit"
                        " JOIN documents d ON d.key = b.document"
                        " WHERE t.target >= ? AND t.target < ?"
                        " AND NOT EXISTS (SELECT 1 FROM benefits x WHERE x.id = t.target)", error);
    if (dangling == NULL)
      goto failed;
    bind_text (dangling, 1, prefix);
    bind_text (dangling, 2, end);
    r = step (self, dangling, error);
    if (r == PN_STEP_ERROR)
      goto failed;
    if (r == PN_STEP_ROW)
      {
        g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS,
                     "“%s” cannot be removed: “%s” tops up its measure “%s”; remove or replace “%s” first",
                     document_id, (const char *) sqlite3_column_text (dangling, 1),
                     (const char *) sqlite3_column_text (dangling, 0),
                     (const char *) sqlite3_column_text (dangling, 1));
        goto failed;
      }
  }

  if (dry_run)
    {
      _pn_store_rollback (self);
      ok = TRUE;
      goto out;
    }

  if (!commit (self, error))
    goto failed;

  changed (self);
  ok = TRUE;
  goto out;

failed:
  _pn_store_rollback (self);
out:
  _pn_store_unlock (self);
  return ok;
}

gboolean
pn_store_remove_document (PnStore     *self,
                          const char  *document_id,
                          GError     **error)
{
  return remove_document (self, document_id, FALSE, NULL, error);
}

gboolean
pn_store_check_remove_document (PnStore     *self,
                                const char  *document_id,
                                PnDocument **out_restored,
                                GError     **error)
{
  g_return_val_if_fail (out_restored == NULL || *out_restored == NULL, FALSE);
  return remove_document (self, document_id, TRUE, out_restored, error);
}

GBytes *
pn_store_get_document_file (PnStore     *self,
                            const char  *document_id,
                            char       **out_name,
                            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GBytes *bytes = NULL;
  PnStepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  if (!_pn_store_policies_usable (self, error))
    return NULL;

  _pn_store_lock (self);
  stmt = prepare (self,
                  "SELECT f.name, f.xml FROM document_files f JOIN documents d ON d.key = f.document"
                  " WHERE d.id = ?", error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, document_id);
      r = step (self, stmt, error);
      if (r == PN_STEP_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          int size = sqlite3_column_bytes (stmt, 0);

          /* a file name to offer: checked like every text read back */
          if (name != NULL && (memchr (name, '\0', size) != NULL || !g_utf8_validate (name, size, NULL)))
            _pn_store_damaged (self, error, document_id, "its file name is not valid text");
          else
            {
              g_autoptr(GBytes) stored = g_bytes_new (sqlite3_column_blob (stmt, 1),
                                                      sqlite3_column_bytes (stmt, 1));
              g_autoptr(GError) local_error = NULL;

              bytes = kept_file (stored, &local_error);
              if (bytes == NULL)
                _pn_store_damaged (self, error, document_id, "its kept file does not decompress (%s)",
                                   local_error->message);
              else if (out_name != NULL)
                *out_name = g_strdup (name);
            }
        }
      else if (r == PN_STEP_DONE)
        g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                     "no document with id “%s”", document_id);
    }
  _pn_store_unlock (self);

  return bytes;
}

/* ---- profiles ---- */

static gboolean
save_profile (PnStore     *self,
                       PnProfile   *profile,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  const char *name;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PN_IS_PROFILE (profile), FALSE);

  name = pn_profile_get_name (profile);
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, PN_STORE_ERROR, PN_STORE_ERROR_SQL,
                           "a profile needs a name");
      return FALSE;
    }

  node = pn_profile_to_json (profile);
  json = json_to_string (node, FALSE);
  stmt = prepare (self, "INSERT OR REPLACE INTO profiles (name, data, updated) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  bind_text (stmt, 2, json);
  bind_text (stmt, 3, stamp);
  return step (self, stmt, error) == PN_STEP_DONE;
}

static PnProfile *
load_profile (PnStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  PnProfile *profile;
  PnStepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = prepare (self, "SELECT data FROM profiles WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, name);
  r = step (self, stmt, error);
  if (r == PN_STEP_ERROR)
    return NULL;
  if (r == PN_STEP_DONE)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                   "no saved profile named “%s”", name);
      return NULL;
    }

  /* what is read back is checked like what is typed: size, nesting, UTF-8 */
  profile = pn_profile_new_from_data ((const char *) sqlite3_column_blob (stmt, 0),
                                      sqlite3_column_bytes (stmt, 0), &local_error);
  if (profile == NULL)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                   "%s: saved profile “%s” is damaged: %s", self->path, name,
                   local_error ? local_error->message : "no data");
      return NULL;
    }

  pn_profile_set_name (profile, name);
  return profile;
}

static GStrv
list_profiles (PnStore  *self,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  PnStepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT name FROM profiles ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;

  /* A damaged row's name (NULL, empty, not text) cannot be asked for by
   * name: it is left out, and the others stay listed.  A NULL added to
   * the array would end the list there (and leak the rest). */
  while ((r = step (self, stmt, error)) == PN_STEP_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      int size = sqlite3_column_bytes (stmt, 0);

      if (name != NULL && size > 0 && memchr (name, '\0', size) == NULL &&
          g_utf8_validate (name, size, NULL))
        g_strv_builder_add (builder, name);
    }
  if (r == PN_STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

static gboolean
delete_profile (PnStore     *self,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = prepare (self, "DELETE FROM profiles WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, name);
  if (step (self, stmt, error) != PN_STEP_DONE)
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                   "no saved profile named “%s”", name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
rename_profile (PnStore     *self,
                         const char  *old_name,
                         const char  *new_name,
                         GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, FALSE);

  stmt = prepare (self, "UPDATE profiles SET name = ? WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, new_name);
  bind_text (stmt, 2, old_name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS,
                   "a profile named “%s” already exists", new_name);
      return FALSE;
    }
  if (!check_rc (self, rc, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                   "no saved profile named “%s”", old_name);
      return FALSE;
    }

  return TRUE;
}

/* The public profile calls: each one under the store's lock. */

gboolean
pn_store_save_profile (PnStore     *self,
                       PnProfile   *profile,
                       GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PN_IS_PROFILE (profile), FALSE);

  _pn_store_lock (self);
  ok = save_profile (self, profile, error);
  _pn_store_unlock (self);
  return ok;
}

PnProfile *
pn_store_load_profile (PnStore     *self,
                       const char  *name,
                       GError     **error)
{
  PnProfile *profile;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  _pn_store_lock (self);
  profile = load_profile (self, name, error);
  _pn_store_unlock (self);
  return profile;
}

GStrv
pn_store_list_profiles (PnStore  *self,
                        GError  **error)
{
  GStrv names;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  _pn_store_lock (self);
  names = list_profiles (self, error);
  _pn_store_unlock (self);
  return names;
}

gboolean
pn_store_delete_profile (PnStore     *self,
                         const char  *name,
                         GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  _pn_store_lock (self);
  ok = delete_profile (self, name, error);
  _pn_store_unlock (self);
  return ok;
}

gboolean
pn_store_rename_profile (PnStore     *self,
                         const char  *old_name,
                         const char  *new_name,
                         GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (old_name != NULL && new_name != NULL, FALSE);

  _pn_store_lock (self);
  ok = rename_profile (self, old_name, new_name, error);
  _pn_store_unlock (self);
  return ok;
}
