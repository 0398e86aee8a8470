/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "pn-store.h"
#include "pn-policy-loader.h"
#include "pn-core-private.h"
#include "pn-fts-rank.h"

/* The store keeps each document's validated XML as the one source of
 * truth for the policy model, next to normalised tables (articles, units,
 * benefits, conditions, taxonomy terms) that search, listing and reports
 * read, and the user's profiles.  Every write is one transaction. */

struct _PnStore
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *db;
  PnCorpus *corpus;  /* cache, dropped on every change */
  PnFtsRank *rank;   /* owned by db: pn_rank() for search_phrase() */
};

G_DEFINE_FINAL_TYPE (PnStore, pn_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pn-store-error-quark, pn_store_error)

/* ---- small SQLite helpers: errors as GError, row / done / error apart ---- */

static gboolean
set_sql_error (PnStore     *self,
               GError     **error,
               int          rc,
               const char  *what)
{
  int code = PN_STORE_ERROR_SQL;

  if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
    code = PN_STORE_ERROR_CORRUPT;
  else if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_PERM)
    code = PN_STORE_ERROR_OPEN;

  g_set_error (error, PN_STORE_ERROR, code,
               "%s: %s%s", self->path,
               code == PN_STORE_ERROR_CORRUPT ? "the database is corrupt or not a Policy Navigator database: " : "",
               what ? what : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
check_rc (PnStore     *self,
          int          rc,
          GError     **error)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  return set_sql_error (self, error, rc, sqlite3_errmsg (self->db));
}

static gboolean
exec (PnStore     *self,
      const char  *sql,
      GError     **error)
{
  char *message = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      set_sql_error (self, error, rc, message ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare (PnStore     *self,
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

typedef enum { STEP_ROW, STEP_DONE, STEP_ERROR } StepResult;

static StepResult
step (PnStore       *self,
      sqlite3_stmt  *stmt,
      GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return STEP_ROW;
  if (rc == SQLITE_DONE)
    return STEP_DONE;

  check_rc (self, rc, error);
  return STEP_ERROR;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

static gboolean
begin (PnStore  *self,
       GError  **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit (PnStore  *self,
        GError  **error)
{
  return exec (self, "COMMIT", error);
}

static void
rollback (PnStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
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

static const char *migrations[] = {
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

  /* 3: articles reach the index a document at a time (insert_document):
   * through the trigger, every row's statement savepoint made FTS5 flush
   * a segment of one article, which it then had to merge again. */
  "DROP TRIGGER articles_ai;",

  /* 4: 1–2 character search without reading every article.
   * articles_order and documents_order give articles in the order short
   * queries list them, so a search stops at its limit (articles_order
   * also serves what articles_document did); the trigram vocabulary
   * finds the trigrams a short query begins; article_tails covers the
   * column ends no trigram begins at. */
  "DROP INDEX articles_document;"
  "CREATE INDEX articles_order ON articles (document_id, position, heading_zh);"
  "CREATE INDEX documents_order ON documents (user_imported, position, id);"
  "CREATE VIRTUAL TABLE articles_vocab USING fts5vocab (articles_fts, row);"
  "CREATE TABLE article_tails ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  tails TEXT NOT NULL);"
  "INSERT INTO article_tails (article_id, tails) " ARTICLE_TAILS_SELECT ";",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PN_STORE_SCHEMA_VERSION);

static int
get_user_version (PnStore  *self,
                  GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA user_version", error);

  if (stmt == NULL)
    return -1;
  if (step (self, stmt, error) != STEP_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
migrate (PnStore  *self,
         GError  **error)
{
  int version = get_user_version (self, error);

  if (version < 0)
    return FALSE;

  if (version > PN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW,
                   "%s: written by a newer Policy Navigator (schema %d, this one knows %d)",
                   self->path, version, PN_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  for (int v = version; v < PN_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", v + 1);

      /* Each migration and its version bump commit together or not at all. */
      if (!begin (self, error))
        return FALSE;
      if (!exec (self, migrations[v], error) || !exec (self, bump, error) || !commit (self, error))
        {
          rollback (self);
          g_prefix_error (error, "migration to schema %d failed: ", v + 1);
          return FALSE;
        }
    }

  return TRUE;
}

static char *
get_meta (PnStore    *self,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (step (self, stmt, NULL) != STEP_ROW)
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
  return step (self, stmt, error) == STEP_DONE;
}

/* ---- writing documents ---- */

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
  g_autoptr(sqlite3_stmt) art_stmt = NULL;
  g_autoptr(sqlite3_stmt) unit_stmt = NULL;
  g_autoptr(sqlite3_stmt) ben_stmt = NULL;
  g_autoptr(sqlite3_stmt) cond_stmt = NULL;
  g_autoptr(sqlite3_stmt) fts_stmt = NULL;
  g_autoptr(sqlite3_stmt) tails_stmt = NULL;

  doc_stmt = prepare (self,
                      "INSERT INTO documents (id, doc_number, title_zh, title_en, jurisdiction,"
                      " status, user_imported, source_name, xml, position)"
                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  art_stmt = doc_stmt ? prepare (self,
                                 "INSERT INTO articles (document_id, number, chapter, heading_zh,"
                                 " heading_en, original, summary, position)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error) : NULL;
  unit_stmt = art_stmt ? prepare (self,
                                  "INSERT INTO article_units (article_id, unit_id, role) VALUES (?, ?, ?)",
                                  error) : NULL;
  ben_stmt = unit_stmt ? prepare (self,
                                  "INSERT INTO benefits (id, document_id, article_id, kind, title_zh,"
                                  " title_en, rate, base, amount, cap, overlap_group)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error) : NULL;
  cond_stmt = ben_stmt ? prepare (self,
                                  "INSERT INTO conditions (benefit_id, question, value, review)"
                                  " VALUES (?, ?, ?, ?)", error) : NULL;
  if (cond_stmt == NULL)
    return FALSE;

  bind_text (doc_stmt, 1, document->id);
  bind_text (doc_stmt, 2, document->doc_number);
  bind_text (doc_stmt, 3, document->title.zh);
  bind_text (doc_stmt, 4, document->title.en);
  bind_text (doc_stmt, 5, document->jurisdiction);
  bind_text (doc_stmt, 6, document->draft ? "draft" : "final");
  sqlite3_bind_int (doc_stmt, 7, user_imported);
  bind_text (doc_stmt, 8, source_name);
  sqlite3_bind_blob (doc_stmt, 9, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), SQLITE_TRANSIENT);
  sqlite3_bind_int (doc_stmt, 10, position);
  if (step (self, doc_stmt, error) != STEP_DONE)
    return FALSE;

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);
      sqlite3_int64 article_id;

      sqlite3_reset (art_stmt);
      bind_text (art_stmt, 1, document->id);
      bind_text (art_stmt, 2, article->number);
      bind_text (art_stmt, 3, article->chapter);
      bind_text (art_stmt, 4, article->heading.zh);
      bind_text (art_stmt, 5, article->heading.en);
      bind_text (art_stmt, 6, article->original);
      bind_text (art_stmt, 7, article->summary);
      sqlite3_bind_int (art_stmt, 8, i);
      if (step (self, art_stmt, error) != STEP_DONE)
        return FALSE;
      article_id = sqlite3_last_insert_rowid (self->db);

      for (guint u = 0; u < article->units->len; u++)
        {
          PnUnitRef *ref = g_ptr_array_index (article->units, u);

          sqlite3_reset (unit_stmt);
          sqlite3_bind_int64 (unit_stmt, 1, article_id);
          bind_text (unit_stmt, 2, ref->id);
          bind_text (unit_stmt, 3, ref->role);
          if (step (self, unit_stmt, error) != STEP_DONE)
            return FALSE;
        }

      for (guint b = 0; b < article->benefits->len; b++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, b);

          sqlite3_reset (ben_stmt);
          bind_text (ben_stmt, 1, benefit->id);
          bind_text (ben_stmt, 2, document->id);
          sqlite3_bind_int64 (ben_stmt, 3, article_id);
          bind_text (ben_stmt, 4, pn_benefit_kind_to_string (benefit->kind));
          bind_text (ben_stmt, 5, benefit->title.zh);
          bind_text (ben_stmt, 6, benefit->title.en);
          if (benefit->rate >= 0)
            sqlite3_bind_double (ben_stmt, 7, benefit->rate);
          else
            sqlite3_bind_null (ben_stmt, 7);
          bind_text (ben_stmt, 8, benefit->base != PN_FIGURE_NONE ? pn_figure_to_string (benefit->base) : NULL);
          if (benefit->amount != PN_YUAN_UNSET)
            sqlite3_bind_int64 (ben_stmt, 9, benefit->amount);
          else
            sqlite3_bind_null (ben_stmt, 9);
          if (benefit->cap != PN_YUAN_UNSET)
            sqlite3_bind_int64 (ben_stmt, 10, benefit->cap);
          else
            sqlite3_bind_null (ben_stmt, 10);
          bind_text (ben_stmt, 11, benefit->overlap_group);
          if (step (self, ben_stmt, error) != STEP_DONE)
            return FALSE;

          for (guint c = 0; c < benefit->conditions->len; c++)
            {
              PnCondition *condition = g_ptr_array_index (benefit->conditions, c);

              for (int pass = 0; pass < 2; pass++)
                {
                  GStrv values = pass == 0 ? condition->values : condition->review;

                  for (guint v = 0; values && values[v]; v++)
                    {
                      sqlite3_reset (cond_stmt);
                      bind_text (cond_stmt, 1, benefit->id);
                      bind_text (cond_stmt, 2, pn_question_to_string (condition->question));
                      bind_text (cond_stmt, 3, values[v]);
                      sqlite3_bind_int (cond_stmt, 4, pass);
                      if (step (self, cond_stmt, error) != STEP_DONE)
                        return FALSE;
                    }
                }
            }
        }
    }

  /* One statement for the document's articles: one FTS5 segment. */
  fts_stmt = prepare (self,
                      "INSERT INTO articles_fts (rowid, heading_zh, heading_en, original, summary)"
                      " SELECT id, heading_zh, heading_en, original, summary"
                      " FROM articles WHERE document_id = ?", error);
  if (fts_stmt == NULL)
    return FALSE;
  bind_text (fts_stmt, 1, document->id);
  if (step (self, fts_stmt, error) != STEP_DONE)
    return FALSE;

  /* The column ends short queries need besides the trigrams; removing
   * the articles removes them (ON DELETE CASCADE). */
  tails_stmt = prepare (self,
                        "INSERT INTO article_tails (article_id, tails) "
                        ARTICLE_TAILS_SELECT " WHERE document_id = ?", error);
  if (tails_stmt == NULL)
    return FALSE;
  bind_text (tails_stmt, 1, document->id);
  if (step (self, tails_stmt, error) != STEP_DONE)
    return FALSE;

  return TRUE;
}

static gboolean
insert_taxonomy (PnStore     *self,
                 PnTaxonomy  *taxonomy,
                 GBytes      *xml,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char * const *vocabularies;
  g_autofree char *text = NULL;

  if (!exec (self, "DELETE FROM terms", error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO terms (vocabulary, id, parent, zh, en) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;

#define INSERT_TERMS(vocab, array)                                      \
  for (guint i = 0; i < (array)->len; i++)                              \
    {                                                                   \
      const PnTerm *term = g_ptr_array_index ((array), i);              \
      sqlite3_reset (stmt);                                             \
      bind_text (stmt, 1, (vocab));                                     \
      bind_text (stmt, 2, term->id);                                    \
      bind_text (stmt, 3, term->parent);                                \
      bind_text (stmt, 4, term->zh);                                    \
      bind_text (stmt, 5, term->en);                                    \
      if (step (self, stmt, error) != STEP_DONE)                        \
        return FALSE;                                                   \
    }

  INSERT_TERMS ("location", pn_taxonomy_get_locations (taxonomy));
  INSERT_TERMS ("unit", pn_taxonomy_get_units (taxonomy));
  INSERT_TERMS ("overlap-group", pn_taxonomy_get_groups (taxonomy));
  vocabularies = pn_taxonomy_get_vocabulary_ids (taxonomy);
  for (guint v = 0; vocabularies[v]; v++)
    INSERT_TERMS (vocabularies[v], pn_taxonomy_get_terms (taxonomy, vocabularies[v]));

#undef INSERT_TERMS

  text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  return set_meta (self, "taxonomy-xml", text, error);
}

/* Loads the bundled corpus when it is missing or changed, in one
 * transaction; user-imported documents and profiles are left alone. */
static gboolean
sync_bundled (PnStore  *self,
              GError  **error)
{
  g_autofree char *hash = pn_policy_loader_bundled_hash ();
  g_autofree char *stored = get_meta (self, "bundled-hash");
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(GBytes) taxonomy_xml = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(sqlite3_stmt) user_stmt = NULL;

  if (g_strcmp0 (hash, stored) == 0)
    return TRUE;

  _pn_corpus_ensure_registered ();
  taxonomy_xml = g_resources_lookup_data (PN_CORPUS_RESOURCE_PATH "/taxonomy.xml", 0, error);
  if (taxonomy_xml == NULL)
    return FALSE;
  taxonomy = pn_policy_loader_load_taxonomy ("taxonomy.xml", taxonomy_xml, error);
  if (taxonomy == NULL)
    return FALSE;

  names = g_resources_enumerate_children (PN_CORPUS_RESOURCE_PATH "/policies/", 0, error);
  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), pn_compare_strings);

  if (!begin (self, error))
    return FALSE;

  if (!exec (self, "DELETE FROM documents WHERE user_imported = 0", error) ||
      !insert_taxonomy (self, taxonomy, taxonomy_xml, error))
    goto failed;

  user_stmt = prepare (self, "SELECT 1 FROM documents WHERE id = ?", error);
  if (user_stmt == NULL)
    goto failed;

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (PN_CORPUS_RESOURCE_PATH "/policies/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      g_autoptr(PnDocument) document = NULL;
      StepResult exists;

      if (bytes == NULL)
        goto failed;
      document = pn_policy_loader_load_document (names[i], bytes, taxonomy, error);
      if (document == NULL)
        goto failed;

      /* A user's replacement of a bundled document wins. */
      sqlite3_reset (user_stmt);
      bind_text (user_stmt, 1, document->id);
      exists = step (self, user_stmt, error);
      if (exists == STEP_ERROR)
        goto failed;
      if (exists == STEP_ROW)
        continue;

      if (!insert_document (self, document, bytes, names[i], FALSE, i, error))
        goto failed;
    }

  if (!set_meta (self, "bundled-hash", hash, error) || !commit (self, error))
    goto failed;

  return TRUE;

failed:
  rollback (self);
  return FALSE;
}

/* ---- GObject ---- */

static void
pn_store_finalize (GObject *object)
{
  PnStore *self = (PnStore *) object;

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (pn_store_parent_class)->finalize (object);
}

static void
pn_store_class_init (PnStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pn_store_finalize;
}

static void
pn_store_init (PnStore *self G_GNUC_UNUSED)
{
}

char *
pn_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "policy-navigator", "policy-navigator.db", NULL);
}

static gboolean
looks_like_sqlite (const char  *path,
                   GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  char header[16] = { 0, };
  gsize n = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
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

PnStore *
pn_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(PnStore) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (PN_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!looks_like_sqlite (path, error))
    return NULL;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                   "%s: cannot create the folder: %s", path, g_strerror (errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                   "%s: cannot open the database: %s", path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 0);

  self->rank = pn_fts_rank_new ();
  rc = pn_fts_rank_register (self->rank, self->db);
  if (rc != SQLITE_OK)
    {
      self->rank = NULL;
      check_rc (self, rc, error);
      return NULL;
    }

  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      /* search reads the article text: keep it in memory (64 MiB) */
      !exec (self, "PRAGMA cache_size = -65536", error) ||
      !exec (self, "PRAGMA mmap_size = 268435456", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  if (!sync_bundled (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
pn_store_get_path (PnStore *self)
{
  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  return self->path;
}

static PnTaxonomy *
load_stored_taxonomy (PnStore  *self,
                      GError  **error)
{
  g_autofree char *taxonomy_xml = get_meta (self, "taxonomy-xml");
  g_autoptr(GBytes) taxonomy_bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  PnTaxonomy *taxonomy;

  if (taxonomy_xml == NULL)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                   "%s: the database has no taxonomy", self->path);
      return NULL;
    }

  taxonomy_bytes = g_bytes_new (taxonomy_xml, strlen (taxonomy_xml));
  taxonomy = pn_policy_loader_load_taxonomy ("taxonomy.xml", taxonomy_bytes, &local_error);
  if (taxonomy == NULL)
    g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                 "%s: stored taxonomy is damaged: %s", self->path, local_error->message);
  return taxonomy;
}

PnCorpus *
pn_store_load_corpus (PnStore  *self,
                      GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) local_error = NULL;
  StepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  if (self->corpus != NULL)
    return pn_corpus_ref (self->corpus);

  taxonomy = load_stored_taxonomy (self, error);
  if (taxonomy == NULL)
    return NULL;

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  stmt = prepare (self,
                  "SELECT id, xml, user_imported, source_name FROM documents"
                  " ORDER BY user_imported, position, id", error);
  if (stmt == NULL)
    return NULL;

  while ((r = step (self, stmt, error)) == STEP_ROW)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      const char *source_name = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *name = g_strdup (source_name ? source_name : (const char *) sqlite3_column_text (stmt, 0));
      PnDocument *document;

      document = _pn_policy_loader_load_stored_document (name, bytes, taxonomy, &local_error);
      if (document == NULL)
        {
          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                       "%s: stored document is damaged: %s", self->path, local_error->message);
          return NULL;
        }
      document->user_imported = sqlite3_column_int (stmt, 2) != 0;
      g_ptr_array_add (documents, document);
    }
  if (r == STEP_ERROR)
    return NULL;

  self->corpus = pn_corpus_new (taxonomy, documents);
  return pn_corpus_ref (self->corpus);
}

PnDocument *
pn_store_import_file (PnStore     *self,
                      GFile       *file,
                      gboolean     replace,
                      GError     **error)
{
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(PnCorpus) check = NULL;
  g_autofree char *basename = NULL;
  StepResult exists;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* Validate fully before touching the database; a refused file costs
   * only the taxonomy, not the whole corpus. */
  taxonomy = self->corpus ? pn_taxonomy_ref (pn_corpus_get_taxonomy (self->corpus))
                          : load_stored_taxonomy (self, error);
  if (taxonomy == NULL)
    return NULL;
  document = pn_policy_loader_load_document_file (file, taxonomy, error);
  if (document == NULL)
    return NULL;

  corpus = pn_store_load_corpus (self, error);
  if (corpus == NULL)
    return NULL;

  /* Cross-document references (top-ups) must resolve in the new corpus. */
  all = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  for (guint i = 0; i < pn_corpus_get_n_documents (corpus); i++)
    {
      PnDocument *existing = pn_corpus_get_document (corpus, i);

      if (g_strcmp0 (existing->id, document->id) != 0)
        g_ptr_array_add (all, pn_document_ref (existing));
    }
  document->user_imported = TRUE;
  g_ptr_array_add (all, pn_document_ref (document));
  check = pn_corpus_new (pn_corpus_get_taxonomy (corpus), all);
  if (!pn_corpus_check_new_document (check, document,
                                     all->len == pn_corpus_get_n_documents (corpus), error))
    return NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  if (!begin (self, error))
    return NULL;

  stmt = prepare (self, "SELECT 1 FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, document->id);
  exists = step (self, stmt, error);
  if (exists == STEP_ERROR)
    goto failed;

  if (exists == STEP_ROW)
    {
      if (!replace)
        {
          g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS,
                       "a document with id “%s” already exists; use --replace to replace it",
                       document->id);
          goto failed;
        }

      del = prepare (self, "DELETE FROM documents WHERE id = ?", error);
      if (del == NULL)
        goto failed;
      bind_text (del, 1, document->id);
      if (step (self, del, error) != STEP_DONE)
        goto failed;
    }

  basename = g_file_get_basename (file);
  if (!insert_document (self, document, bytes, basename, TRUE, 1000, error))
    goto failed;

  if (!commit (self, error))
    goto failed;

  /* The corpus built for the reference check is the new corpus: keep it
   * rather than parsing every stored document again on the next read. */
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  self->corpus = g_steal_pointer (&check);
  return g_steal_pointer (&document);

failed:
  rollback (self);
  return NULL;
}

gboolean
pn_store_remove_document (PnStore     *self,
                          const char  *document_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  StepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  stmt = prepare (self, "SELECT user_imported FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, document_id);
  r = step (self, stmt, error);
  if (r == STEP_ERROR)
    return FALSE;
  if (r == STEP_DONE)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                   "no document with id “%s”", document_id);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) == 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY,
                   "“%s” is part of the bundled corpus and cannot be removed", document_id);
      return FALSE;
    }

  if (!begin (self, error))
    return FALSE;
  del = prepare (self, "DELETE FROM documents WHERE id = ?", error);
  if (del == NULL)
    goto failed;
  bind_text (del, 1, document_id);
  if (step (self, del, error) != STEP_DONE)
    goto failed;
  /* The bundled copy comes back on the next open if the user's replaced it. */
  if (!exec (self, "DELETE FROM meta WHERE key = 'bundled-hash'", error))
    goto failed;
  if (!commit (self, error))
    goto failed;

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  return sync_bundled (self, error);

failed:
  rollback (self);
  return FALSE;
}

/* ---- search ---- */

void
pn_search_hit_free (PnSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->document_id);
  g_free (hit->doc_number);
  g_free (hit->article);
  g_free (hit->heading_zh);
  g_free (hit->heading_en);
  g_free (hit->snippet);
  g_free (hit);
}

static char *
make_snippet (const char *text,
              const char *query)
{
  const char *hit;
  glong start_chars, query_chars, text_chars;
  g_autofree char *before = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *after = NULL;
  glong from, to;

  if (text == NULL)
    return g_strdup ("");

  hit = strstr (text, query);
  if (hit == NULL)
    {
      g_autofree char *lower_text = g_utf8_strdown (text, -1);
      g_autofree char *lower_query = g_utf8_strdown (query, -1);
      const char *lower_hit = strstr (lower_text, lower_query);

      if (lower_hit == NULL || strlen (lower_text) != strlen (text))
        return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 60));
      hit = text + (lower_hit - lower_text);
    }

  text_chars = g_utf8_strlen (text, -1);
  start_chars = g_utf8_pointer_to_offset (text, hit);
  query_chars = g_utf8_strlen (query, -1);
  from = MAX (0, start_chars - 24);
  to = MIN (text_chars, start_chars + query_chars + 24);
  before = g_utf8_substring (text, from, start_chars);
  middle = g_utf8_substring (text, start_chars, start_chars + query_chars);
  after = g_utf8_substring (text, start_chars + query_chars, to);
  return g_strdup_printf ("%s%s«%s»%s%s", from > 0 ? "…" : "", before, middle, after,
                          to < text_chars ? "…" : "");
}

/* A hit for the row a statement stands on: document_id, doc_number,
 * number, heading_zh, heading_en, original, summary. */
static PnSearchHit *
hit_from_row (sqlite3_stmt *stmt,
              const char   *query)
{
  PnSearchHit *hit = g_new0 (PnSearchHit, 1);
  const char *original = (const char *) sqlite3_column_text (stmt, 5);
  const char *summary = (const char *) sqlite3_column_text (stmt, 6);
  const char *heading_zh = (const char *) sqlite3_column_text (stmt, 3);
  const char *heading_en = (const char *) sqlite3_column_text (stmt, 4);
  const char *source = original;

  hit->document_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  hit->doc_number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  hit->article = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  hit->heading_zh = g_strdup (heading_zh);
  hit->heading_en = g_strdup (heading_en);

  if (original == NULL || strstr (original, query) == NULL)
    {
      if (heading_zh && strstr (heading_zh, query))
        source = heading_zh;
      else if (summary != NULL)
        source = summary;
      if (heading_en != NULL && source == summary && summary != NULL)
        {
          g_autofree char *ls = g_utf8_strdown (summary, -1);
          g_autofree char *lq = g_utf8_strdown (query, -1);

          if (strstr (ls, lq) == NULL)
            source = heading_en;
        }
    }
  hit->snippet = make_snippet (source, query);
  return hit;
}

/* ≥ 3 characters: a trigram phrase query in bm25's order, headings
 * weighted 5.0 (pn_rank(): the same order, without reading each hit's
 * length from the index). */
static GPtrArray *
search_phrase (PnStore     *self,
               const char  *query,
               const char  *document_id,
               guint        limit,
               GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_search_hit_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) phrase = g_string_new ("\"");
  StepResult r;
  int rc;

  /* The query is one quoted phrase, so FTS syntax in user input is inert. */
  for (const char *p = query; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');

  rc = pn_fts_rank_refresh (self->rank, self->db, "articles_fts");
  if (rc != SQLITE_OK)
    {
      check_rc (self, rc, error);
      return NULL;
    }

  stmt = prepare (self,
                  /* rank inside FTS first, then read only the winners */
                  "SELECT a.document_id, d.doc_number, a.number, a.heading_zh, a.heading_en,"
                  "       a.original, a.summary"
                  " FROM (SELECT rowid AS id, pn_rank(articles_fts, 5.0, 5.0, 1.0, 1.0) AS score"
                  "       FROM articles_fts WHERE articles_fts MATCH ?1"
                  "       ORDER BY score LIMIT CASE WHEN ?2 IS NULL THEN ?3 ELSE -1 END) h"
                  " JOIN articles a ON a.id = h.id"
                  " JOIN documents d ON d.id = a.document_id"
                  " WHERE ?2 IS NULL OR a.document_id = ?2"
                  " ORDER BY h.score, d.position, a.position"
                  " LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, phrase->str);
  bind_text (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, limit);

  while ((r = step (self, stmt, error)) == STEP_ROW)
    g_ptr_array_add (hits, hit_from_row (stmt, query));
  if (r == STEP_ERROR)
    return NULL;

  return g_steal_pointer (&hits);
}

/* 1–2 characters.  SQLite 3.40's trigram index cannot match them, and
 * reading every article for them took ~30 ms on 10,000 articles.  Hits
 * are the articles whose heading_zh or original contains the query, or
 * whose heading_en or summary does ignoring ASCII case; heading_zh hits
 * come first, each group in SHORT_ORDER.  Three steps, each stopping as
 * soon as it has enough:
 *
 *  1. heading_zh hits, read from the articles_order index alone;
 *  2. the other hits, reading articles in order, but only the first
 *     SHORT_SCAN_BUDGET: a query that common is done after a few;
 *  3. for rarer queries, candidates from the trigram index (every
 *     indexed trigram that begins with the query, from articles_vocab)
 *     and from article_tails (the last two characters of each column,
 *     which no trigram begins with), checked against the text in order.
 *
 * Article ids go from step to step; the hits are read at the end. */

/* Documents in the order pn_store_load_corpus() lists them, articles in
 * document order.  documents_order and articles_order yield exactly this
 * order, so SQLite reads no further than the LIMIT; d.rowid changes
 * nothing (ids are unique) but lets SQLite see that no two documents
 * tie, so it need not sort. */
#define SHORT_ORDER " ORDER BY d.user_imported, d.position, d.id, d.rowid, a.position"

/* CROSS JOIN keeps documents as the outer loop, for the same reason. */
#define SHORT_FROM " FROM documents d CROSS JOIN articles a ON a.document_id = d.id"

#define SHORT_HEADING_HIT "instr(a.heading_zh, ?1) > 0"
#define SHORT_OTHER_HIT                                                 \
  "(instr(a.original, ?1) > 0 OR instr(lower(a.heading_en), lower(?1)) > 0" \
  " OR instr(lower(a.summary), lower(?1)) > 0)"

#define SHORT_TAIL_CANDIDATES \
  "SELECT article_id FROM article_tails WHERE instr(tails, lower(?1)) > 0"

/* step 3; `+a.id` keeps SQLite reading articles in order and looking
 * each up in the candidates, rather than the other way round */
#define SHORT_CANDIDATE_HITS(candidates)                                \
  "SELECT a.id" SHORT_FROM                                              \
  " WHERE +a.id IN (" candidates ")"                                    \
  "   AND (?2 IS NULL OR d.id = ?2)"                                    \
  "   AND NOT coalesce(" SHORT_HEADING_HIT ", 0) AND " SHORT_OTHER_HIT  \
  SHORT_ORDER " LIMIT ?3"

/* Rows read in step 2 before turning to the index: ~1 ms. */
#define SHORT_SCAN_BUDGET 256

/* Whether no character of c's general category has a case.  Case
 * folding (FTS5's too) only touches letters (Lu, Ll, Lt), Roman numerals
 * (Nl), circled letters (So) and U+0345 (Mn); GLib's case functions miss
 * the last three, so go by category. */
static gboolean
is_caseless (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_OTHER_LETTER:          /* CJK ideographs, kana, … */
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
    case G_UNICODE_SPACE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The query as the trigram index spells it (FTS5 folds case), or NULL
 * when we cannot tell: ASCII folds to lower case and caseless characters
 * stay as they are, but other letters fold by SQLite's own tables; such
 * queries skip step 3 and read every article instead. */
static char *
index_spelling (const char *query)
{
  for (const char *p = query; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 && !is_caseless (c))
        return NULL;
    }

  return g_ascii_strdown (query, -1);
}

/* Appends the ids the statement yields to `ids`. */
static gboolean
collect_ids (PnStore       *self,
             sqlite3_stmt  *stmt,
             GArray        *ids,
             GError       **error)
{
  StepResult r;

  while ((r = step (self, stmt, error)) == STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return r == STEP_DONE;
}

/* Step 2: appends up to `need` non-heading hits, reading at most
 * `budget` articles.  *complete says whether the answer is final: enough
 * hits, or every article read. */
static gboolean
scan_other_hits (PnStore      *self,
                 const char   *query,
                 const char   *document_id,
                 guint         need,
                 guint         budget,
                 GArray       *ids,
                 gboolean     *complete,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint found = 0;
  guint read = 0;
  StepResult r = STEP_DONE;

  stmt = prepare (self,
                  "SELECT a.id, CASE WHEN " SHORT_HEADING_HIT " THEN 0"
                  "                  ELSE " SHORT_OTHER_HIT " END"
                  SHORT_FROM
                  " WHERE ?2 IS NULL OR d.id = ?2"
                  SHORT_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, query);
  bind_text (stmt, 2, document_id);

  *complete = FALSE;
  while (found < need && read < budget && (r = step (self, stmt, error)) == STEP_ROW)
    {
      read++;
      if (sqlite3_column_int (stmt, 1))
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          found++;
        }
    }

  if (found == need)
    *complete = TRUE;
  else if (read < budget)
    {
      /* the loop ended on the step */
      if (r == STEP_ERROR)
        return FALSE;
      *complete = TRUE;
    }

  return TRUE;
}

/* Step 3: appends up to `need` non-heading hits, found through the
 * trigram index; `spelling` is the query as index_spelling() gave it. */
static gboolean
index_other_hits (PnStore      *self,
                  const char   *query,
                  const char   *spelling,
                  const char   *document_id,
                  guint         need,
                  GArray       *ids,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) vocab = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) match = g_string_new (NULL);
  StepResult r;

  /* Every term is three characters, so the query followed by two
   * U+10FFFF is the last that can begin with it. */
  vocab = prepare (self,
                   "SELECT term FROM articles_vocab"
                   " WHERE term >= ?1 AND term <= ?1 || char(0x10FFFF, 0x10FFFF)", error);
  if (vocab == NULL)
    return FALSE;
  bind_text (vocab, 1, spelling);

  /* Each term one quoted phrase: the index's own text, inert as syntax. */
  while ((r = step (self, vocab, error)) == STEP_ROW)
    {
      const char *term = (const char *) sqlite3_column_text (vocab, 0);

      if (match->len > 0)
        g_string_append (match, " OR ");
      g_string_append_c (match, '"');
      for (const char *p = term; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append_c (match, '"');
    }
  if (r == STEP_ERROR)
    return FALSE;

  if (match->len > 0)
    stmt = prepare (self,
                    SHORT_CANDIDATE_HITS ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?4"
                                          " UNION ALL " SHORT_TAIL_CANDIDATES), error);
  else
    stmt = prepare (self, SHORT_CANDIDATE_HITS (SHORT_TAIL_CANDIDATES), error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, query);
  bind_text (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, need);
  if (match->len > 0)
    bind_text (stmt, 4, match->str);

  return collect_ids (self, stmt, ids, error);
}

static GPtrArray *
search_short_in_snapshot (PnStore     *self,
                          const char  *query,
                          const char  *document_id,
                          guint        limit,
                          GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_search_hit_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* 1: heading_zh hits */
  stmt = prepare (self,
                  "SELECT a.id" SHORT_FROM
                  " WHERE " SHORT_HEADING_HIT " AND (?2 IS NULL OR d.id = ?2)"
                  SHORT_ORDER " LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, query);
  bind_text (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, limit);
  if (!collect_ids (self, stmt, ids, error))
    return NULL;

  if (ids->len < limit)
    {
      g_autofree char *spelling = index_spelling (query);
      guint need = limit - ids->len;
      gboolean complete;

      /* 2, then 3 */
      if (!scan_other_hits (self, query, document_id, need,
                            spelling != NULL ? SHORT_SCAN_BUDGET : G_MAXUINT,
                            ids, &complete, error))
        return NULL;
      if (!complete)
        {
          g_array_set_size (ids, limit - need);
          if (!index_other_hits (self, query, spelling, document_id, need, ids, error))
            return NULL;
        }
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = prepare (self,
                  "SELECT a.document_id, d.doc_number, a.number, a.heading_zh, a.heading_en,"
                  "       a.original, a.summary"
                  " FROM articles a JOIN documents d ON d.id = a.document_id"
                  " WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (step (self, stmt, error) != STEP_ROW)
        {
          /* STEP_DONE cannot happen inside the snapshot */
          if (error != NULL && *error == NULL)
            set_sql_error (self, error, SQLITE_CORRUPT, "an article found by search is missing");
          return NULL;
        }
      g_ptr_array_add (hits, hit_from_row (stmt, query));
    }

  return g_steal_pointer (&hits);
}

/* The steps read one snapshot of the database, however long they take
 * and whatever another process commits meanwhile. */
static GPtrArray *
search_short (PnStore     *self,
              const char  *query,
              const char  *document_id,
              guint        limit,
              GError     **error)
{
  GPtrArray *hits;

  if (!exec (self, "SAVEPOINT pn_search", error))
    return NULL;
  hits = search_short_in_snapshot (self, query, document_id, limit, error);
  if (!exec (self, "RELEASE pn_search", hits != NULL ? error : NULL))
    {
      /* never leave the read transaction open */
      g_clear_pointer (&hits, g_ptr_array_unref);
      rollback (self);
    }

  return hits;
}

GPtrArray *
pn_store_search (PnStore     *self,
                 const char  *query,
                 const char  *document_id,
                 guint        limit,
                 GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  trimmed = g_strstrip (g_strdup (query));
  if (*trimmed == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pn_search_hit_free);
  if (limit == 0)
    limit = 20;

  if (g_utf8_strlen (trimmed, -1) >= 3)
    return search_phrase (self, trimmed, document_id, limit, error);
  else
    return search_short (self, trimmed, document_id, limit, error);
}

/* ---- profiles ---- */

gboolean
pn_store_save_profile (PnStore     *self,
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
  return step (self, stmt, error) == STEP_DONE;
}

PnProfile *
pn_store_load_profile (PnStore     *self,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  PnProfile *profile;
  StepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = prepare (self, "SELECT data FROM profiles WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, name);
  r = step (self, stmt, error);
  if (r == STEP_ERROR)
    return NULL;
  if (r == STEP_DONE)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                   "no saved profile named “%s”", name);
      return NULL;
    }

  node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), &local_error);
  profile = node ? pn_profile_new_from_json (node, &local_error) : NULL;
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

GStrv
pn_store_list_profiles (PnStore  *self,
                        GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  StepResult r;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT name FROM profiles ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;

  while ((r = step (self, stmt, error)) == STEP_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (r == STEP_ERROR)
    return NULL;

  return g_strv_builder_end (builder);
}

gboolean
pn_store_delete_profile (PnStore     *self,
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
  if (step (self, stmt, error) != STEP_DONE)
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                   "no saved profile named “%s”", name);
      return FALSE;
    }

  return TRUE;
}

gboolean
pn_store_rename_profile (PnStore     *self,
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
