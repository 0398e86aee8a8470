/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Store and loader tests: migrations keep profiles, imports are one
 * transaction, hostile or broken files and databases give clear errors.
 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "pn-engine.h"
#include "pn-export.h"
#include "pn-policy-loader.h"
#include "pn-store.h"


static guint
n_documents (PnCorpus *corpus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = pn_corpus_list_documents (corpus, &error);

  g_assert_no_error (error);
  return documents->len;
}

static char *
temp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static guint
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static PnDocument *
benefit_document_of (PnResults  *results,
                     const char *document_id)
{
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      PnBenefit *benefit = pn_results_get_benefit (results, i);

      if (g_strcmp0 (benefit->document->id, document_id) == 0)
        return benefit->document;
    }
  return NULL;
}

static void
test_open_loads_corpus (void)
{
  g_autofree char *path = temp_path ("open.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnCorpus) corpus = NULL;

  g_assert_no_error (error);
  corpus = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents (corpus), ==, 5);
  g_assert_nonnull (pn_corpus_find_benefit (corpus, "xiamen-2023-17/1/innovative-phase-2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (path, "PRAGMA user_version"), ==, PN_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM articles"), ==, 24 + 29 + 85 + 12 + 42);
}

/* The engine reads a listed measure's article without its texts; they
 * come when asked for, or when the document is read whole. */
static void
test_article_texts_on_demand (void)
{
  g_autofree char *path = temp_path ("texts.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(PnProfile) profile = pn_profile_new ();
  g_autoptr(PnResults) results = NULL;
  PnBenefit *benefit = NULL;
  PnArticle *other = NULL;

  g_assert_no_error (error);
  corpus = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);

  pn_profile_set_location (profile, "xiamen");
  pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_as_of (profile, "2025-06-01");
  results = pn_engine_evaluate (corpus, profile, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    {
      PnBenefit *listed = pn_results_get_benefit (results, i);

      if (g_strcmp0 (listed->id, "xiamen-2023-17/1/innovative-phase-2") == 0)
        benefit = listed;
      else if (listed->document == benefit_document_of (results, "xiamen-2023-17") && other == NULL &&
               g_strcmp0 (listed->article->number, "1") != 0)
        other = listed->article;
    }
  g_assert_nonnull (benefit);
  g_assert_true (benefit->article->texts_pending);
  g_assert_null (benefit->article->original);

  g_assert_true (pn_corpus_read_article_texts (corpus, benefit->article, &error));
  g_assert_no_error (error);
  g_assert_false (benefit->article->texts_pending);
  g_assert_true (g_str_has_prefix (benefit->article->original,
                                   "对开展临床试验和在本市进行转化的创新药、改良型新药、仿制药"));
  g_assert_nonnull (benefit->article->summary);

  /* another article of the document, still without its texts, gets them
   * when the document is read whole: the corpus keeps one value of it */
  g_assert_nonnull (other);
  g_assert_true (other->texts_pending);
  g_assert_true (pn_corpus_load_whole (corpus, benefit->document, &error));
  g_assert_no_error (error);
  g_assert_false (other->texts_pending);
  g_assert_nonnull (other->original);
  g_assert_true (pn_document_find_article (benefit->document, other->number) == other);
}

static void
test_profiles (void)
{
  g_autofree char *path = temp_path ("profiles.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnProfile) profile = pn_profile_new ();
  g_autoptr(PnProfile) loaded = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_no_error (error);
  pn_profile_set_name (profile, "Acme Bio 阿克米");
  pn_profile_set_location (profile, "xiamen");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-2");
  pn_profile_set_figure (profile, PN_FIGURE_RD_INVESTMENT, 30000000);
  g_assert_true (pn_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  loaded = pn_store_load_profile (store, "Acme Bio 阿克米", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pn_profile_get_location (loaded), ==, "xiamen");
  g_assert_cmpstr (pn_profile_get_answer (loaded, PN_QUESTION_PHASE), ==, "phase-2");
  g_assert_cmpint (pn_profile_get_figure (loaded, PN_FIGURE_RD_INVESTMENT), ==, 30000000);
  g_assert_cmpint (pn_profile_get_figure (loaded, PN_FIGURE_SALES), ==, PN_YUAN_UNSET);

  g_assert_true (pn_store_rename_profile (store, "Acme Bio 阿克米", "Acme", &error));
  g_assert_no_error (error);
  names = pn_store_list_profiles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "Acme");

  g_assert_true (pn_store_delete_profile (store, "Acme", &error));
  g_assert_false (pn_store_delete_profile (store, "Acme", &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND);
}

/* Takes a database back from schema 4 to schema 3. */
static void
test_newer_schema_refused (void)
{
  g_autofree char *path = temp_path ("newer.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;

  exec_sql (path, "PRAGMA user_version = 99;");
  store = pn_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_TOO_NEW);
}

static void
test_corrupt_database (void)
{
  g_autofree char *path = temp_path ("corrupt.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  char garbage[4096];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) g_test_rand_int_range (0, 256);
  g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));

  store = pn_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT);
  g_assert_true (strstr (error->message, path) != NULL);
}

static const char small_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<policy-document schema-version=\"1\" id=\"test-doc\" status=\"final\">\n"
  "  <title><zh>测试</zh><en>Test</en></title>\n"
  "  <issuer><zh>测试</zh><en>Test</en></issuer>\n"
  "  <jurisdiction>xiamen</jurisdiction>\n"
  "  <validity in-force-from=\"2020-01-01\"/>\n"
  "  <source file=\"test.txt\" last-verified=\"2026-11-23\"/>\n"
  "  <article number=\"1\" chapter=\"一\">\n"
  "    <heading><zh>临床奖励测试</zh><en>Test</en></heading>\n"
  "    <original>测试条款原文</original>\n"
  "    <summary>A test.</summary>\n"
  "    <benefit id=\"test-doc/1/a\" kind=\"fixed\">\n"
  "      <title><zh>甲</zh><en>A</en></title>\n"
  "      <amount>100</amount>\n"
  "      <conditions><product>drug</product><drug-class>innovative</drug-class></conditions>\n"
  "    </benefit>\n"
  "  </article>\n"
  "</policy-document>\n";

static GFile *
write_file (const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = temp_path (name);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

/* The tables of schema 1 (Policy Navigator before 2026-12), which kept
 * each document's XML and parsed it in every process, and of schema 3
 * (full-text search added).  Later schemas are the store's own. */
#define LEGACY_SCHEMA_1                                                 \
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"               \
  "CREATE TABLE documents (id TEXT PRIMARY KEY, doc_number TEXT,"       \
  "  title_zh TEXT NOT NULL, title_en TEXT NOT NULL, jurisdiction TEXT NOT NULL," \
  "  status TEXT NOT NULL, user_imported INTEGER NOT NULL DEFAULT 0,"   \
  "  source_name TEXT, xml BLOB NOT NULL, position INTEGER NOT NULL DEFAULT 0);" \
  "CREATE TABLE articles (id INTEGER PRIMARY KEY,"                      \
  "  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE," \
  "  number TEXT NOT NULL, chapter TEXT, heading_zh TEXT, heading_en TEXT," \
  "  original TEXT, summary TEXT, position INTEGER NOT NULL, UNIQUE (document_id, number));" \
  "CREATE TABLE article_units (article_id INTEGER NOT NULL, unit_id TEXT NOT NULL, role TEXT NOT NULL);" \
  "CREATE TABLE benefits (id TEXT PRIMARY KEY, document_id TEXT NOT NULL,"  \
  "  article_id INTEGER NOT NULL, kind TEXT NOT NULL, title_zh TEXT, title_en TEXT," \
  "  rate REAL, base TEXT, amount INTEGER, cap INTEGER, overlap_group TEXT);" \
  "CREATE TABLE conditions (benefit_id TEXT NOT NULL, question TEXT NOT NULL," \
  "  value TEXT NOT NULL, review INTEGER NOT NULL);"                    \
  "CREATE INDEX articles_document ON articles (document_id);"           \
  "CREATE TABLE terms (vocabulary TEXT NOT NULL, id TEXT NOT NULL, parent TEXT," \
  "  zh TEXT, en TEXT, PRIMARY KEY (vocabulary, id));"                  \
  "CREATE TABLE profiles (name TEXT PRIMARY KEY, data TEXT NOT NULL, updated TEXT NOT NULL);"

#define LEGACY_SCHEMA_2_3                                               \
  "CREATE VIRTUAL TABLE articles_fts USING fts5 (heading_zh, heading_en, original, summary," \
  "  content='articles', content_rowid='id', tokenize='trigram');"       \
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"           \
  "  INSERT INTO articles_fts (articles_fts, rowid, heading_zh, heading_en, original, summary)" \
  "  VALUES ('delete', old.id, old.heading_zh, old.heading_en, old.original, old.summary);" \
  "END;"

/* A database an older Policy Navigator wrote, at schema `version` (1 or
 * 3), holding an imported document (only its XML mattered then), a
 * bundled one and a profile. */
static void
write_legacy_database (const char *path,
                       int         version)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *setup = g_strdup_printf ("%s%s PRAGMA user_version = %d;",
                                            LEGACY_SCHEMA_1, version >= 3 ? LEGACY_SCHEMA_2_3 : "",
                                            version);

  exec_sql (path, setup);
  exec_sql (path,
            "INSERT INTO meta (key, value) VALUES ('bundled-hash', 'stale');"
            "INSERT INTO documents (id, title_zh, title_en, jurisdiction, status, user_imported,"
            " source_name, xml, position) VALUES ('xiamen-2023-17', 'x', 'x', 'xiamen', 'final', 0,"
            " 'xiamen-2023-17.xml', '<stale/>', 3);"
            "INSERT INTO profiles (name, data, updated) VALUES ('Old client',"
            " '{\"name\":\"Old client\",\"location\":\"jinjiang\",\"answers\":{\"phase\":\"phase-1\"},\"figures\":{\"rd-investment\":5000000}}',"
            " '2024-01-01T00:00:00Z');");

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "INSERT INTO documents (id, title_zh, title_en, jurisdiction, status,"
                                       " user_imported, source_name, xml, position)"
                                       " VALUES ('test-doc', '测试', 'Test', 'xiamen', 'final', 1, 'good.xml', ?, 1000)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, small_document, strlen (small_document), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A database of an older schema migrates to the current one: its
 * imported document comes into the tables from the XML it kept, the
 * bundled corpus is loaded again, the profiles stay. */
static void
test_migration_from_legacy (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *name = g_strdup_printf ("schema%d.db", version);
  g_autofree char *path = temp_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(PnProfile) loaded = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  PnDocument *document;

  write_legacy_database (path, version);

  store = pn_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (path, "PRAGMA user_version"), ==, PN_STORE_SCHEMA_VERSION);
  loaded = pn_store_load_profile (store, "Old client", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pn_profile_get_location (loaded), ==, "jinjiang");
  g_assert_cmpint (pn_profile_get_figure (loaded, PN_FIGURE_RD_INVESTMENT), ==, 5000000);

  corpus = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents (corpus), ==, 6);
  document = pn_corpus_find_document (corpus, "test-doc", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (document->user_imported);
  g_assert_cmpstr (((PnArticle *) g_ptr_array_index (document->articles, 0))->original, ==, "测试条款原文");
  document = pn_corpus_find_document (corpus, "xiamen-2023-17", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (document->n_articles, ==, 24);

  hits = pn_store_search (store, "临床试验", NULL, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = pn_store_search (store, "测试", "test-doc", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
}

/* A failure inside the import transaction (here the insert of the
 * benefit keys, after the document's rows, meeting a row already there
 * for the key the document gets: the store fires no trigger a file may
 * hold) leaves every table as it was. */
static void
test_import_rolls_back (void)
{
  g_autofree char *path = temp_path ("rollback.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = write_file ("good.xml", small_document, -1);
  g_autoptr(PnDocument) document = NULL;
  guint docs, articles, benefits;

  {
    g_autoptr(PnStore) first = pn_store_open (path, &error);
    g_assert_no_error (error);
  }
  exec_sql (path,
            "INSERT INTO benefit_keys (document, keys)"
            " SELECT seq + 1, x'' FROM sqlite_sequence WHERE name = 'documents';");
  docs = count_rows (path, "SELECT count(*) FROM documents");
  articles = count_rows (path, "SELECT count(*) FROM articles");
  benefits = count_rows (path, "SELECT count(*) FROM benefits");

  {
    g_autoptr(PnStore) store = pn_store_open (path, &error);

    g_assert_no_error (error);
    document = pn_store_import_file (store, file, FALSE, &error);
    g_assert_null (document);
    /* the planted row is one no document owns: damage, said as such */
    g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "is damaged"));
  }

  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM documents"), ==, docs);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM articles"), ==, articles);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM benefits"), ==, benefits);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  const char *at = strstr (text, from);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, to, at + strlen (from));
}

/* The schema check runs while the store writes the document (pn-store.c,
 * import_bytes): a file it refuses still gives its error, before the
 * model's and the store's own, and leaves nothing behind. */
static void
test_import_schema_error_first (void)
{
  g_autofree char *path = temp_path ("schema-first.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autofree char *invalid = replace_once (small_document, "<article number=\"1\"",
                                           "<article bogus=\"1\" number=\"1\"");
  g_autofree char *both = replace_once (invalid, "<validity in-force-from=\"2020-01-01\"/>",
                                        "<validity in-force-from=\"2020-01-01\" in-force-until=\"2019-01-01\"/>");
  g_autoptr(GFile) good = write_file ("schema-good.xml", small_document, -1);
  g_autoptr(GFile) bad = write_file ("schema-bad.xml", invalid, -1);
  g_autoptr(GFile) worse = write_file ("schema-worse.xml", both, -1);
  GFile *refused[] = { bad, worse };
  guint docs, articles;

  g_assert_no_error (error);
  docs = count_rows (path, "SELECT count(*) FROM documents");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(PnDocument) document = pn_store_import_file (store, refused[i], FALSE, &error);

      g_assert_null (document);
      g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "bogus"));
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);

      document = pn_store_check_import_file (store, refused[i], FALSE, &error);
      g_assert_null (document);
      g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "bogus"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM documents"), ==, docs);

  /* over a document of the same id: the schema's error, not "exists",
   * and with --replace the stored one stays */
  {
    g_autoptr(PnDocument) first = pn_store_import_file (store, good, FALSE, &error);

    g_assert_no_error (error);
    g_assert_nonnull (first);
  }
  articles = count_rows (path, "SELECT count(*) FROM articles");
  for (int replace = 0; replace <= 1; replace++)
    {
      g_autoptr(PnDocument) document = pn_store_import_file (store, bad, replace, &error);

      g_assert_null (document);
      g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "bogus"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM documents"), ==, docs + 1);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM articles"), ==, articles);

  /* and the model's error when the schema has none */
  {
    g_autofree char *model_only = replace_once (small_document, "<validity in-force-from=\"2020-01-01\"/>",
                                                "<validity in-force-from=\"2020-01-01\" in-force-until=\"2019-01-01\"/>");
    g_autoptr(GFile) file = write_file ("schema-model.xml", model_only, -1);
    g_autoptr(PnDocument) document = pn_store_import_file (store, file, TRUE, &error);

    g_assert_null (document);
    g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "in-force-until"));
    g_clear_error (&error);
  }
}

/* An imported file is kept compressed and comes back byte for byte; a
 * file kept as it is (bundled, older versions) too; one that does not
 * decompress is a damaged database, not a crash. */
static void
test_kept_file (void)
{
  g_autofree char *path = temp_path ("kept.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(GFile) file = write_file ("kept.xml", small_document, -1);
  g_autoptr(PnDocument) document = NULL;
  const char *where = " WHERE document = (SELECT key FROM documents WHERE id = 'test-doc')";
  g_autofree char *raw = g_strconcat ("UPDATE document_files SET xml = CAST('<raw/>' AS BLOB)", where, NULL);
  g_autofree char *broken = g_strconcat ("UPDATE document_files SET xml = x'28b52ffd0000'", where, NULL);
  g_autofree char *compressed = g_strconcat ("SELECT count(*) FROM document_files", where,
                                             " AND substr(xml, 1, 4) = x'28b52ffd'", NULL);

  g_assert_no_error (error);
  document = pn_store_import_file (store, file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (path, compressed), ==, 1);

  {
    g_autofree char *name = NULL;
    g_autoptr(GBytes) bytes = pn_store_get_document_file (store, "test-doc", &name, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (name, ==, "kept.xml");
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     small_document, strlen (small_document));
  }

  exec_sql (path, raw);
  {
    g_autoptr(GBytes) bytes = pn_store_get_document_file (store, "test-doc", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<raw/>", 6);
  }

  exec_sql (path, broken);
  {
    g_autoptr(GBytes) bytes = pn_store_get_document_file (store, "test-doc", NULL, &error);

    g_assert_null (bytes);
    g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT);
    g_assert_null (strchr (error->message, '\n'));
  }
}

static void
test_import_replace_remove (void)
{
  g_autofree char *path = temp_path ("import.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(GFile) file = write_file ("good2.xml", small_document, -1);
  g_autoptr(PnDocument) first = NULL;
  g_autoptr(PnDocument) again = NULL;
  g_autoptr(PnDocument) replaced = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  g_assert_no_error (error);
  first = pn_store_import_file (store, file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  again = pn_store_import_file (store, file, FALSE, &error);
  g_assert_null (again);
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  replaced = pn_store_import_file (store, file, TRUE, &error);
  g_assert_no_error (error);

  corpus = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents (corpus), ==, 6);

  /* two characters: answered from the content table */
  hits = pn_store_search (store, "测试", "test-doc", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  g_assert_false (pn_store_remove_document (store, "xiamen-2023-17", &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (pn_store_remove_document (store, "test-doc", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM documents"), ==, 5);
}

/* The benefit `id` as `results` list it, or NULL */
static PnBenefit *
listed_benefit (PnResults  *results,
                const char *id)
{
  for (guint i = 0; i < pn_results_get_n_results (results); i++)
    if (g_strcmp0 (pn_results_get_benefit (results, i)->id, id) == 0)
      return pn_results_get_benefit (results, i);
  return NULL;
}

/* Another process removes the last document imported and imports another:
 * the new rows get the keys the removed ones had (SQLite gives the next
 * after the largest left).  A corpus that read the removed rows, still
 * open in a window, must answer with the new ones. */
static void
test_reused_keys (void)
{
  g_autofree char *path = temp_path ("reused-keys.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnStore) other = NULL;
  g_autoptr(GFile) first_file = write_file ("reused-first.xml", small_document, -1);
  g_autoptr(GFile) second_file = NULL;
  g_autoptr(PnDocument) first = NULL;
  g_autoptr(PnDocument) second = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(PnProfile) profile = pn_profile_new ();
  g_autoptr(PnResults) before = NULL;
  g_autoptr(PnResults) after = NULL;
  g_autoptr(GString) text = g_string_new (small_document);
  PnBenefit *benefit = NULL;
  PnBenefit *removed = NULL;

  g_assert_no_error (error);
  other = pn_store_open (path, &error);
  g_assert_no_error (error);

  g_string_replace (text, "test-doc", "next-doc", 0);
  g_string_replace (text, "<amount>100</amount>", "<amount>200</amount>", 0);
  g_string_replace (text, "测试条款原文", "另一条款原文", 0);
  second_file = write_file ("reused-second.xml", text->str, -1);

  first = pn_store_import_file (other, first_file, FALSE, &error);
  g_assert_no_error (error);

  pn_profile_set_location (profile, "xiamen");
  pn_profile_set_answer (profile, PN_QUESTION_PRODUCT, "drug");
  pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "innovative");
  pn_profile_set_as_of (profile, "2025-06-30");

  corpus = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  /* asked twice: the corpus then keeps the place's keys too */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&before, pn_results_unref);
      before = pn_engine_evaluate (corpus, profile, &error);
      g_assert_no_error (error);
    }
  removed = listed_benefit (before, "test-doc/1/a");
  g_assert_nonnull (removed);

  g_assert_true (pn_store_remove_document (other, "test-doc", &error));
  g_assert_no_error (error);
  second = pn_store_import_file (other, second_file, FALSE, &error);
  g_assert_no_error (error);

  after = pn_engine_evaluate (corpus, profile, &error);
  g_assert_no_error (error);
  g_assert_null (listed_benefit (after, "test-doc/1/a"));
  benefit = listed_benefit (after, "next-doc/1/a");
  g_assert_nonnull (benefit);
  g_assert_cmpstr (benefit->document->id, ==, "next-doc");
  g_assert_cmpint (benefit->amount, ==, 200);
  g_assert_true (pn_corpus_read_article_texts (corpus, benefit->article, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (benefit->article->original, ==, "另一条款原文");

  /* the removed measure, still shown from the earlier results: its text
   * is gone, which is a change to try again after, not damage */
  g_assert_false (pn_corpus_read_article_texts (corpus, removed->article, &error));
  g_assert_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CHANGED);
}

/* `pnav match --format json` for `results` */
static char *
results_json (PnResults *results)
{
  GString *out = g_string_new (NULL);

  pn_export_write_results_json (results, out, TRUE, NULL, NULL);
  return g_string_free (out, FALSE);
}

static PnProfile *
question (const char *location,
          guint       kind)
{
  PnProfile *profile = pn_profile_new ();

  pn_profile_set_location (profile, location);
  pn_profile_set_as_of (profile, "2025-06-30");
  switch (kind)
    {
    case 0:  /* the place only: every measure there is listed */
      break;
    case 1:
      pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "innovative");
      pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-2");
      pn_profile_set_figure (profile, PN_FIGURE_RD_INVESTMENT, 30000000);
      break;
    case 2:
      pn_profile_set_answer (profile, PN_QUESTION_DEVICE_CLASS, "class-3");
      pn_profile_set_answer (profile, PN_QUESTION_PHASE, "registered");
      break;
    case 3:
      pn_profile_set_answer (profile, PN_QUESTION_DRUG_CLASS, "generic");
      pn_profile_set_answer (profile, PN_QUESTION_PHASE, "consistency-evaluation");
      pn_profile_set_answer (profile, PN_QUESTION_RANK, "first");
      break;
    default:
      pn_profile_set_answer (profile, PN_QUESTION_ENTITY, "cro");
      pn_profile_set_figure (profile, PN_FIGURE_EQUIPMENT, 20000000);
      break;
    }
  return profile;
}

/* The corpus keeps a place's benefit keys once the place is asked about
 * again, and later questions there read them from memory instead of the
 * store.  Every question, the first at a place, the one that keeps its
 * keys and those after, with other answers, answers as the first
 * question at a place does (a store just opened).  A document of the
 * user's at the province lists after the bundled ones, unlike the order
 * the store finds it in. */
static void
test_kept_place_keys (void)
{
  static const char *places[] = { "xiamen", "fujian", "jinjiang", "fuzhou", "quanzhou" };
  g_autofree char *path = temp_path ("kept-places.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (small_document);
  g_autoptr(GFile) file = NULL;
  g_autoptr(PnDocument) imported = NULL;
  guint listed = 0;

  g_assert_no_error (error);
  g_string_replace (text, "<jurisdiction>xiamen</jurisdiction>", "<jurisdiction>fujian</jurisdiction>", 0);
  file = write_file ("kept-places.xml", text->str, -1);
  imported = pn_store_import_file (store, file, FALSE, &error);
  g_assert_no_error (error);

  for (guint p = 0; p < G_N_ELEMENTS (places); p++)
    for (guint kind = 0; kind < 5; kind++)
      {
        g_autoptr(PnStore) fresh = pn_store_open (path, &error);
        g_autoptr(PnCorpus) first = NULL;
        g_autoptr(PnProfile) profile = question (places[p], kind);
        g_autoptr(PnResults) results = NULL;

        g_assert_no_error (error);
        first = pn_store_load_corpus (fresh, &error);
        g_assert_no_error (error);
        results = pn_engine_evaluate (first, profile, &error);
        g_assert_no_error (error);
        listed += pn_results_get_n_results (results);
        g_ptr_array_add (expected, results_json (results));
      }
  /* not a vacuous comparison: the user's measure is listed too */
  g_assert_cmpuint (listed, >, 100);
  g_assert_nonnull (strstr (g_ptr_array_index (expected, 1), "test-doc/1/a"));

  /* each place's questions in turn, three times over */
  corpus = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  for (guint round = 0; round < 3; round++)
    for (guint kind = 0; kind < 5; kind++)
      for (guint p = 0; p < G_N_ELEMENTS (places); p++)
        {
          g_autoptr(PnProfile) profile = question (places[p], (kind + round) % 5);
          g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, &error);
          g_autofree char *json = NULL;

          g_assert_no_error (error);
          json = results_json (results);
          g_assert_cmpstr (json, ==, g_ptr_array_index (expected, p * 5 + (kind + round) % 5));
        }
}

typedef struct
{
  PnCorpus   *corpus;
  PnProfile  *profiles[2];
  char       *without[2];  /* the answers without the other's document */
  char       *with[2];     /* and with it */
  guint       asked;
} Asker;

/* Questions at the kept place, each answered as before or as after the
 * other connection's change. */
static gpointer
ask_again_and_again (gpointer data)
{
  Asker *asker = data;

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PnResults) results = pn_engine_evaluate (asker->corpus, asker->profiles[i % 2], &error);
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      json = results_json (results);
      if (g_strcmp0 (json, asker->without[i % 2]) != 0)
        g_assert_cmpstr (json, ==, asker->with[i % 2]);
      asker->asked++;
    }
  return NULL;
}

typedef struct
{
  const char *path;
  GFile      *file;
} Changer;

static gpointer
import_and_remove (gpointer data)
{
  Changer *changer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) other = pn_store_open (changer->path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(PnDocument) document = pn_store_import_file (other, changer->file, FALSE, &error);

      g_assert_no_error (error);
      g_assert_true (pn_store_remove_document (other, "test-doc", &error));
      g_assert_no_error (error);
    }
  return NULL;
}

/* Two threads ask at a place whose keys the corpus keeps while another
 * connection imports and removes a document there: the corpus drops what
 * it kept while the questions still read it, and every answer is the one
 * without the document or the one with it. */
static void
test_kept_place_keys_threads (void)
{
  g_autofree char *path = temp_path ("kept-threads.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GString) text = g_string_new (small_document);
  Asker asker = { NULL, };
  Asker other_asker;
  Changer changer;
  GThread *threads[3];

  g_assert_no_error (error);
  g_string_replace (text, "<jurisdiction>xiamen</jurisdiction>", "<jurisdiction>fujian</jurisdiction>", 0);
  file = write_file ("kept-threads.xml", text->str, -1);

  asker.profiles[0] = question ("xiamen", 0);
  asker.profiles[1] = question ("xiamen", 1);
  pn_profile_set_answer (asker.profiles[1], PN_QUESTION_PRODUCT, "drug");
  for (guint with = 0; with < 2; with++)
    {
      g_autoptr(PnStore) fresh = NULL;
      g_autoptr(PnCorpus) first = NULL;

      if (with)
        {
          g_autoptr(PnDocument) document = pn_store_import_file (store, file, FALSE, &error);

          g_assert_no_error (error);
        }
      fresh = pn_store_open (path, &error);
      g_assert_no_error (error);
      first = pn_store_load_corpus (fresh, &error);
      g_assert_no_error (error);
      for (guint p = 0; p < 2; p++)
        {
          g_autoptr(PnResults) results = pn_engine_evaluate (first, asker.profiles[p], &error);

          g_assert_no_error (error);
          (with ? asker.with : asker.without)[p] = results_json (results);
        }
    }
  g_assert_true (pn_store_remove_document (store, "test-doc", &error));
  g_assert_no_error (error);
  /* the document is listed for both questions */
  for (guint p = 0; p < 2; p++)
    {
      g_assert_cmpstr (asker.with[p], !=, asker.without[p]);
      g_assert_nonnull (strstr (asker.with[p], "test-doc/1/a"));
    }

  /* asked twice: the place's keys are kept */
  asker.corpus = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PnResults) results = pn_engine_evaluate (asker.corpus, asker.profiles[0], &error);

      g_assert_no_error (error);
    }

  other_asker = asker;
  other_asker.asked = 0;
  changer.path = path;
  changer.file = file;
  threads[0] = g_thread_new ("asker-a", ask_again_and_again, &asker);
  threads[1] = g_thread_new ("asker-b", ask_again_and_again, &other_asker);
  threads[2] = g_thread_new ("changer", import_and_remove, &changer);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (asker.asked + other_asker.asked, ==, 200);

  pn_corpus_unref (asker.corpus);
  for (guint p = 0; p < 2; p++)
    {
      g_object_unref (asker.profiles[p]);
      g_free (asker.without[p]);
      g_free (asker.with[p]);
    }
}

/* A store says when another connection committed, once; its own commits
 * are not "elsewhere", and its corpus is a new one after either. */
static void
test_changed_elsewhere (void)
{
  g_autofree char *path = temp_path ("elsewhere.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnStore) other = NULL;
  g_autoptr(GFile) file = write_file ("elsewhere.xml", small_document, -1);
  g_autoptr(PnDocument) imported = NULL;
  g_autoptr(PnCorpus) before = NULL;
  g_autoptr(PnCorpus) again = NULL;
  g_autoptr(PnCorpus) after = NULL;

  g_assert_no_error (error);
  other = pn_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_false (pn_store_changed_elsewhere (store));
  before = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  again = pn_store_load_corpus (store, &error);
  g_assert_true (again == before);

  imported = pn_store_import_file (other, file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (pn_store_changed_elsewhere (store));
  g_assert_false (pn_store_changed_elsewhere (store));
  after = pn_store_load_corpus (store, &error);
  g_assert_no_error (error);
  g_assert_true (after != before);
  g_assert_nonnull (pn_corpus_find_header (after, "test-doc", NULL));
  g_assert_cmpuint (n_documents (before), ==, 6);   /* an older corpus reads again too */

  g_assert_true (pn_store_remove_document (store, "test-doc", &error));
  g_assert_no_error (error);
  g_assert_false (pn_store_changed_elsewhere (store));
  g_assert_true (pn_store_changed_elsewhere (other));
}

/* ---- search against brute force ---- */

/* A user document of 300 articles.  The bundled corpus has 192, so short
 * queries for the marked text below read past the articles search scans
 * in order and are answered through the trigram index; the marks sit at
 * column ends too, where no trigram begins with them. */
/* `padded`: article i's text is longer by (7 i mod 13) characters */
static char *
long_document_padded (gboolean padded)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<policy-document schema-version=\"1\" id=\"long-doc\" status=\"final\">\n"
                             "  <title><zh>长文</zh><en>Long</en></title>\n"
                             "  <issuer><zh>测试</zh><en>Test</en></issuer>\n"
                             "  <jurisdiction>xiamen</jurisdiction>\n"
                             "  <validity in-force-from=\"2020-01-01\"/>\n"
                             "  <source file=\"long.txt\" last-verified=\"2026-11-23\"/>\n");

  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *heading = i == 290 ? g_strdup ("长文麒麟") : g_strdup_printf ("长文第%u条", i);
      const char *ending = i == 250 ? "结尾麒麟"      /* 2 characters at the very end */
                         : i == 260 ? "鲸。"          /* 1 character, second to last */
                         : i == 280 ? "中间有鲸的字。" /* inside: a trigram begins with it */
                         : "";
      g_autoptr(GString) padding = g_string_new (NULL);

      for (guint p = 0; padded && p < (7 * i) % 13; p++)
        g_string_append (padding, "填");

      g_string_append_printf (s,
                              "  <article number=\"%u\" chapter=\"一\">\n"
                              "    <heading><zh>%s</zh><en>Long %u</en></heading>\n"
                              "    <original>第%u条原文。%s%s</original>\n"
                              "    <summary>%s</summary>\n"
                              "  </article>\n",
                              i, heading, i, i, padding->str, ending,
                              i == 270 ? "Summary ending in Qz" : "A long summary.");
    }
  g_string_append (s, "</policy-document>\n");
  return g_string_free (s, FALSE);
}

static char *
long_document (void)
{
  return long_document_padded (FALSE);
}

/* The hits of a 1–2 character query as a plain scan of every article
 * defines them, "document/article" in order. */
static const char short_brute_force[] =
  "SELECT d.id || '/' || a.number"
  " FROM articles a JOIN documents d ON d.key = a.document"
  " WHERE (instr(a.heading_zh, ?1) > 0 OR instr(a.original, ?1) > 0"
  "        OR instr(lower(a.heading_en), lower(?1)) > 0 OR instr(lower(a.summary), lower(?1)) > 0)"
  "   AND (?2 IS NULL OR d.id = ?2)"
  " ORDER BY coalesce(instr(a.heading_zh, ?1), 0) = 0, d.user_imported, d.position, d.id, a.position"
  " LIMIT ?3";

/* Longer queries match ignoring case in every column (the trigram index
 * folds case); ranked by bm25, so compared as sets. */
static const char long_brute_force[] =
  "SELECT d.id || '/' || a.number FROM articles a JOIN documents d ON d.key = a.document"
  " WHERE (instr(lower(a.heading_zh), lower(?1)) > 0 OR instr(lower(a.original), lower(?1)) > 0"
  "        OR instr(lower(a.heading_en), lower(?1)) > 0 OR instr(lower(a.summary), lower(?1)) > 0)"
  "   AND (?2 IS NULL OR d.id = ?2)"
  " ORDER BY 1 LIMIT ?3";

static char *
brute_force_hits (const char *path,
                  const char *query,
                  const char *document_id,
                  guint       limit)
{
  GString *keys = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *sql = g_utf8_strlen (query, -1) < 3 ? short_brute_force : long_brute_force;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  if (document_id != NULL)
    sqlite3_bind_text (stmt, 2, document_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (keys, "%s ", (const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_errcode (db), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (keys, FALSE);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
search_hits (PnStore    *store,
             const char *query,
             const char *document_id,
             guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = pn_store_search (store, query, document_id, limit, &error);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GString *joined = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  for (guint i = 0; i < hits->len; i++)
    {
      const PnSearchHit *hit = g_ptr_array_index (hits, i);

      g_ptr_array_add (keys, g_strdup_printf ("%s/%s", hit->document_id, hit->article));
    }
  if (g_utf8_strlen (query, -1) >= 3)
    g_ptr_array_sort (keys, compare_keys);
  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (joined, "%s ", (const char *) g_ptr_array_index (keys, i));
  return g_string_free (joined, FALSE);
}

typedef struct
{
  const char *query;        /* NULL: the last two characters of a heading */
  const char *document_id;
  guint       limit;
  guint       min_hits;     /* the case is not vacuous */
} SearchCase;

static const SearchCase search_cases[] = {
  { "药", NULL, 20, 20 },                  /* 1 character, many headings */
  { "药", NULL, 3, 3 },
  { "药", "xiamen-2023-17", 20, 1 },
  { "核", NULL, 500, 1 },
  { "临床", NULL, 500, 20 },               /* 2 characters, every hit */
  { "原文", NULL, 500, 301 },              /* both user documents, by id */
  { "测试", NULL, 20, 1 },
  { NULL, NULL, 20, 1 },                   /* ends a heading */
  { "麒麟", NULL, 20, 2 },                 /* a heading, then a column end */
  { "鲸", NULL, 20, 2 },                   /* second to last, and inside */
  { "鲸", "long-doc", 20, 2 },
  { "鲸", "xiamen-2023-17", 20, 0 },
  { "qZ", NULL, 20, 1 },                   /* summary end, ignoring case */
  { "Ai", NULL, 500, 1 },                  /* mixed case: original keeps case */
  { "Ⅰ", NULL, 500, 1 },                   /* a Roman numeral: FTS5 folds it */
  { "\"*", NULL, 20, 0 },                  /* FTS syntax, typed */
  { "*", NULL, 20, 0 },
  { "-", NULL, 20, 0 },
  { "（", NULL, 20, 1 },
  { "临床试验", NULL, 1000, 1 },            /* 3+ characters: the trigram phrase */
  { "ClInIcAl", NULL, 1000, 1 },
  { "结尾麒麟", NULL, 1000, 1 },
  { "药\"*", NULL, 1000, 0 },
  { "\"临床\" OR 药*", NULL, 1000, 0 },
  { "NEAR(临床 试验)", NULL, 1000, 0 },
  { "(研发) -投入", NULL, 1000, 0 },
};

static void
check_search_cases (PnStore    *store,
                    const char *path,
                    gboolean    with_long_document)
{
  g_autofree char *heading_end = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* a heading's last two characters: no trigram begins with them there */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT substr(heading_zh, -2) FROM articles"
                                       " WHERE document = (SELECT key FROM documents WHERE id = 'xiamen-2023-17') ORDER BY position LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  heading_end = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      const SearchCase *c = &search_cases[i];
      const char *query = c->query ? c->query : heading_end;
      g_autofree char *expected = brute_force_hits (path, query, c->document_id, c->limit);
      g_autofree char *found = search_hits (store, query, c->document_id, c->limit);
      guint n = 0;

      g_test_message ("search “%s” in %s, limit %u: %s", query, c->document_id, c->limit, found);
      g_assert_cmpstr (found, ==, expected);
      for (const char *p = found; *p; p++)
        n += *p == ' ';
      if (with_long_document)
        g_assert_cmpuint (n, >=, c->min_hits);
    }
}

/* The bundled corpus and two user documents: test-doc imported first,
 * but listed (and searched) after long-doc, by id. */
static PnStore *
open_with_long_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autofree char *xml = long_document ();
  g_autoptr(GFile) small = write_file ("small.xml", small_document, -1);
  g_autoptr(GFile) file = write_file ("long.xml", xml, -1);
  g_autoptr(PnDocument) first = NULL;
  g_autoptr(PnDocument) document = NULL;

  g_assert_no_error (error);
  first = pn_store_import_file (store, small, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  document = pn_store_import_file (store, file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return g_steal_pointer (&store);
}

/* pn_store_search finds what a scan of every article finds, in the
 * same order for short queries. */
static void
test_search_brute_force (void)
{
  g_autofree char *path = temp_path ("search.db");
  g_autoptr(PnStore) store = open_with_long_document (path);
  g_autoptr(GError) error = NULL;

  check_search_cases (store, path, TRUE);

  /* removing a document removes its column ends with it */
  g_assert_true (pn_store_remove_document (store, "long-doc", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM article_tails"), ==,
                    count_rows (path, "SELECT count(*) FROM articles"));
  check_search_cases (store, path, FALSE);
}

/* SQLite's own bm25() order for a phrase, read over a connection of
 * its own: what pn_store_search() must list for ≥ 3 characters. */
static char *
bm25_hits (const char *path,
           const char *query,
           guint       limit)
{
  GString *keys = g_string_new (NULL);
  g_autofree char *phrase = g_strdup_printf ("\"%s\"", query);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT d.id || '/' || a.number"
                                       " FROM (SELECT rowid AS id, bm25(articles_fts, 5.0, 5.0, 1.0, 1.0) AS s"
                                       "       FROM articles_fts WHERE articles_fts MATCH ?1) h"
                                       " JOIN articles a ON a.id = h.id"
                                       " JOIN documents d ON d.key = a.document"
                                       " ORDER BY h.s, d.position, a.position LIMIT ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, limit);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (keys, "%s ", (const char *) sqlite3_column_text (stmt, 0));
  g_assert_cmpint (sqlite3_errcode (db), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (keys, FALSE);
}

static void
check_bm25_order (PnStore    *store,
                  const char *path)
{
  static const char * const queries[] = {
    "临床试验", "医疗器械", "创新药", "研发投入", "责任单位", "clinical", "award", "the",
    "条原文", "Long", "鲸鲸鲸",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    for (guint limit = 5; limit <= 1000; limit *= 200)
      {
        g_autofree char *expected = bm25_hits (path, queries[i], limit);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) hits = pn_store_search (store, queries[i], NULL, limit, &error);
        GString *found = g_string_new (NULL);

        g_assert_no_error (error);
        for (guint h = 0; h < hits->len; h++)
          {
            const PnSearchHit *hit = g_ptr_array_index (hits, h);

            g_string_append_printf (found, "%s/%s ", hit->document_id, hit->article);
          }
        g_test_message ("“%s”, limit %u: %s", queries[i], limit, found->str);
        g_assert_cmpstr (found->str, ==, expected);
        g_string_free (found, TRUE);
      }
}

/* Longer queries are listed in bm25()'s order, although pn_rank() reads
 * the article lengths once; after an import or a removal, by this
 * connection or another one, it reads them again.  The padded articles
 * take the rowids the first ones had, with other lengths: a stale copy
 * would misorder them. */
/* The spellings a text has of what is typed: "1000 万元" as a PDF's text
 * wrote it for "1000万元", and Ⅱ期 for "II期" */
static void
test_search_spellings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("spellings.db");
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autofree char *spaced = NULL;
  g_autofree char *unspaced = NULL;
  g_autofree char *latin = NULL;

  g_assert_no_error (error);
  /* Xiamen art. 1: "给予最高不超过 1000 万元" (the text as extracted) */
  unspaced = search_hits (store, "1000万元", NULL, 50);
  spaced = search_hits (store, "1000 万元", NULL, 50);
  g_assert_nonnull (strstr (unspaced, "xiamen-2023-17/1 "));
  g_assert_cmpstr (unspaced, ==, spaced);
  /* Jinjiang 1.1: "完成Ⅰ期、Ⅱ期、Ⅲ期临床试验" */
  latin = search_hits (store, "II期", NULL, 50);
  g_assert_nonnull (strstr (latin, "jinjiang-2025-8/1.1 "));
}

static void
test_search_bm25_order (void)
{
  g_autofree char *path = temp_path ("rank.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = pn_store_open (path, &error);
  g_autoptr(PnStore) other = NULL;
  g_autofree char *xml = long_document ();
  g_autoptr(GFile) file = write_file ("long.xml", xml, -1);
  g_autofree char *padded = long_document_padded (TRUE);
  g_autoptr(GFile) padded_file = write_file ("padded.xml", padded, -1);
  g_autoptr(PnDocument) first = NULL;
  g_autoptr(PnDocument) second = NULL;
  g_autoptr(PnDocument) third = NULL;

  g_assert_no_error (error);
  first = pn_store_import_file (store, file, FALSE, &error);
  g_assert_no_error (error);
  check_bm25_order (store, path);

  /* another connection */
  other = pn_store_open (path, &error);
  g_assert_no_error (error);
  second = pn_store_import_file (other, padded_file, TRUE, &error);
  g_assert_no_error (error);
  check_bm25_order (store, path);

  /* this one */
  third = pn_store_import_file (store, file, TRUE, &error);
  g_assert_no_error (error);
  check_bm25_order (store, path);
  g_assert_true (pn_store_remove_document (store, "long-doc", &error));
  g_assert_no_error (error);
  check_bm25_order (store, path);
}

typedef struct
{
  const char *name;
  const char *contents;
  gssize      length;
  int         code;
} Hostile;

static const Hostile hostile[] = {
  { "xxe", "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<policy-document>&e;</policy-document>", -1, PN_POLICY_ERROR_FORBIDDEN },
  { "bomb", "<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n<policy-document>&d;&d;&d;&d;</policy-document>", -1, PN_POLICY_ERROR_FORBIDDEN },
  { "malformed", "<policy-document schema-version=\"1\"><title>", -1, PN_POLICY_ERROR_MALFORMED },
  { "wrong-root", "<?xml version=\"1.0\"?>\n<html><body/></html>", -1, PN_POLICY_ERROR_INVALID },
  { "empty", "", 0, PN_POLICY_ERROR_MALFORMED },
  { "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, PN_POLICY_ERROR_MALFORMED },
  { "xinclude", "<?xml version=\"1.0\"?>\n<policy-document xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></policy-document>", -1, PN_POLICY_ERROR_INVALID },
};

static void
test_hostile (gconstpointer data)
{
  const Hostile *h = data;
  g_autoptr(GBytes) bytes = g_bytes_new_static (h->contents, h->length < 0 ? strlen (h->contents) : (gsize) h->length);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  gint64 start = g_get_monotonic_time ();

  document = pn_policy_loader_load_document ("hostile.xml", bytes, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PN_POLICY_ERROR, h->code);
  g_assert_true (g_str_has_prefix (error->message, "hostile.xml"));
  g_assert_null (strstr (error->message, "root:"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
}

static void
test_amount_in_wan_rejected (void)
{
  g_autofree char *broken = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  GString *s = g_string_new (small_document);

  g_string_replace (s, "<amount>100</amount>", "<amount>200万</amount>", 1);
  broken = g_string_free (s, FALSE);
  bytes = g_bytes_new (broken, strlen (broken));
  document = pn_policy_loader_load_document ("broken.xml", bytes, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "broken.xml:14:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pn/store/open", test_open_loads_corpus);
  g_test_add_func ("/pn/store/profiles", test_profiles);
  g_test_add_func ("/pn/store/article-texts", test_article_texts_on_demand);
  g_test_add_data_func ("/pn/store/migration/from-schema-1", GINT_TO_POINTER (1), test_migration_from_legacy);
  g_test_add_data_func ("/pn/store/migration/from-schema-3", GINT_TO_POINTER (3), test_migration_from_legacy);
  g_test_add_func ("/pn/store/migration/newer-refused", test_newer_schema_refused);
  g_test_add_func ("/pn/store/corrupt", test_corrupt_database);
  g_test_add_func ("/pn/store/import/rollback", test_import_rolls_back);
  g_test_add_func ("/pn/store/import/schema-error-first", test_import_schema_error_first);
  g_test_add_func ("/pn/store/import/kept-file", test_kept_file);
  g_test_add_func ("/pn/store/import/replace-remove", test_import_replace_remove);
  g_test_add_func ("/pn/store/import/reused-keys", test_reused_keys);
  g_test_add_func ("/pn/store/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/pn/store/candidates/kept-places", test_kept_place_keys);
  g_test_add_func ("/pn/store/candidates/kept-places-threads", test_kept_place_keys_threads);
  g_test_add_func ("/pn/store/search/brute-force", test_search_brute_force);
  g_test_add_func ("/pn/store/search/bm25-order", test_search_bm25_order);
  g_test_add_func ("/pn/store/search/spellings", test_search_spellings);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pn/loader/hostile/%s", hostile[i].name);
      g_test_add_data_func (path, &hostile[i], test_hostile);
    }
  g_test_add_func ("/pn/loader/amount-in-wan", test_amount_in_wan_rejected);

  return g_test_run ();
}
