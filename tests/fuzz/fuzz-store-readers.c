/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A damaged database → every reader a user can reach through the public
 * API.  Once per process a real store is built in a temporary folder: the
 * bundled corpus, one imported document (store-readers.xml) and three
 * saved profiles.  Each input is a small script of damage done to a copy
 * of that pristine file, with a plain SQLite connection (no defensive
 * mode) and then with raw writes to the file; the store is then opened
 * and read as pnav and the app read it.  The only acceptable outcomes
 * are a result or a one-line GError; a crash, an abort, a critical, a
 * sanitizer report or a hang is a finding.
 *
 * The script, one operation a line ('#' starts a comment):
 *
 *   set TABLE COLUMN ROW VALUE       the column of the row becomes VALUE
 *   patch TABLE COLUMN ROW OFFSET HEX   overwrite bytes of the value
 *   cut TABLE COLUMN ROW LENGTH      the value cut to LENGTH bytes
 *   add TABLE COLUMN ROW N           an integer column plus N
 *   copy TABLE COLUMN ROW TABLE2 COLUMN2 ROW2   the value of another cell
 *   delete TABLE ROW
 *   insert TABLE ROW                 a copy of the row (if constraints allow)
 *   version N                        PRAGMA user_version = N
 *   sql TEXT                         any SQL (writable_schema is on)
 *   raw OFFSET HEX                   bytes of the file, after the rest
 *
 * TABLE is one of the store's tables (or an FTS5 shadow table); ROW is the
 * first row whose name (documents: the id; articles: DOCUMENT/NUMBER;
 * benefits: the id; terms: KIND/ID; profiles: the name; see `tables`) sorts
 * at or after the word, or `*` for every row.  VALUE is `null`, `int N`,
 * `real X`, `text STRING`, `blob HEX`, `zeros N` or `repeat N STRING`.
 * STRING runs to the end of the line, with \n, \t, \\ and \xHH escapes.
 * Lines that do not parse, and SQL that fails, are skipped: only what the
 * store then does with the file counts.  With PN_FUZZ_VERBOSE set, each
 * error the readers give is printed: what an input reaches.
 */
#define G_LOG_DOMAIN "fuzz-store-readers"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pn-check.h"
#include "pn-compare.h"
#include "pn-deadlines.h"
#include "pn-engine.h"
#include "pn-export.h"
#include "pn-store.h"

#include "pn-fuzz.h"

/* operations per input, bytes a value may grow to */
#define MAX_OPS 64
#define MAX_VALUE_BYTES (1024 * 1024)

typedef struct
{
  const char *name;
  /* the SQL expression naming a row, to choose it by */
  const char *row_name;
} Table;

#define ARTICLE_NAME(key)                                               \
  "(SELECT d.id || '/' || a.number FROM articles a JOIN documents d"   \
  " ON d.key = a.document WHERE a.id = " key ")"
#define DOCUMENT_NAME(key) "(SELECT id FROM documents WHERE key = " key ")"

static const Table tables[] = {
  { "meta", "key" },
  { "profiles", "name" },
  { "terms", "kind || '/' || id" },
  { "documents", "id" },
  { "document_files", DOCUMENT_NAME ("document") },
  { "document_cases", DOCUMENT_NAME ("document") },
  { "benefit_keys", DOCUMENT_NAME ("document") },
  { "articles", ARTICLE_NAME ("articles.id") },
  { "benefits", "id" },
  { "top_ups", "(SELECT id FROM benefits WHERE key = benefit) || '>' || target" },
  { "article_tails", ARTICLE_NAME ("article_id") },
  { "articles_fts", ARTICLE_NAME ("articles_fts.rowid") },
  { "articles_fts_data", "printf('%d', id)" },
  { "articles_fts_idx", "segid || '/' || CAST(term AS TEXT)" },
  { "articles_fts_docsize", ARTICLE_NAME ("articles_fts_docsize.id") },
  { "articles_fts_config", "k" },
};

/* The profiles saved in the store and evaluated on every input: Xiamen
 * drug Phase II, a Jinjiang device, a Xiamen CRO. */
static const char * const profiles[] = {
  "{\"name\":\"Client A\",\"location\":\"xiamen\",\"as_of\":\"2025-06-01\","
  "\"answers\":{\"product\":\"drug\",\"drug-class\":\"innovative\",\"modality\":\"chemical\","
  "\"therapeutic-area\":\"oncology\",\"phase\":\"phase-2\"},"
  "\"figures\":{\"rd-investment\":30000000,\"sales\":1000000}}",
  "{\"name\":\"Client B\",\"location\":\"jinjiang\",\"as_of\":\"2025-09-01\","
  "\"answers\":{\"product\":\"device\",\"device-class\":\"class-3\",\"innovative-device\":\"true\","
  "\"device-type\":\"imaging\"},\"figures\":{\"rd-investment\":50000000}}",
  "{\"name\":\"Client C\",\"location\":\"xiamen\",\"as_of\":\"2025-06-01\","
  "\"answers\":{\"product\":\"organisation\",\"entity\":\"cro\"},"
  "\"figures\":{\"national-funding\":5000000,\"total-investment\":20000000}}",
};

static const char * const queries[] = { "临床试验", "药", "创新", "Phase", "ii", "奖励 ¥" };

static char *profiles_json[G_N_ELEMENTS (profiles) + 1];  /* as saved */
static char *folder;
static char *pristine_path;
static char *work_path;
static GBytes *pristine;
static gboolean verbose;  /* $PN_FUZZ_VERBOSE: print the errors */

/* ---- the pristine store, once per process ---- */

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_error ("cannot remove %s: %s", file, g_strerror (errno));
    }
}

static void
clean_up (void)
{
  if (folder == NULL)
    return;
  remove_database (pristine_path);
  remove_database (work_path);
  g_rmdir (folder);
}

/* Folders an earlier run left when it crashed (the finding it stopped
 * for): theirs are named after a process that is gone. */
static void
remove_stale_folders (const char *parent)
{
  g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *pristine_file = NULL;
      g_autofree char *work_file = NULL;
      char *end = NULL;
      long pid;

      if (!g_str_has_prefix (name, "pn-fuzz-store-"))
        continue;
      pid = strtol (name + strlen ("pn-fuzz-store-"), &end, 10);
      if (end == NULL || *end != '-' || pid <= 0 || kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (parent, name, NULL);
      pristine_file = g_build_filename (path, "pristine.db", NULL);
      work_file = g_build_filename (path, "store.db", NULL);
      remove_database (pristine_file);
      remove_database (work_file);
      g_rmdir (path);
    }
}

static void
init (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PnDocument) document = NULL;
  const char *shm = "/dev/shm";
  const char *parent = g_get_tmp_dir ();
  g_autofree char *template = NULL;
  char *contents;
  gsize length;

  pn_fuzz_init ();
  verbose = g_getenv ("PN_FUZZ_VERBOSE") != NULL;

  /* a copy of the file per input: in memory where there is a tmpfs */
  if (g_file_test (shm, G_FILE_TEST_IS_DIR) && g_access (shm, W_OK) == 0)
    parent = shm;
  remove_stale_folders (parent);
  template = g_strdup_printf ("%s/pn-fuzz-store-%d-XXXXXX", parent, (int) getpid ());
  folder = g_mkdtemp (g_steal_pointer (&template));
  if (folder == NULL)
    g_error ("cannot make a folder in %s: %s", parent, g_strerror (errno));
  pristine_path = g_build_filename (folder, "pristine.db", NULL);
  work_path = g_build_filename (folder, "store.db", NULL);
  atexit (clean_up);

  store = pn_store_open (pristine_path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (PN_FUZZ_STORE_DOCUMENT);
  document = pn_store_import_file (store, file, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr(PnProfile) profile = pn_profile_new_from_data (profiles[i], strlen (profiles[i]), &error);

      g_autoptr(JsonNode) node = NULL;

      g_assert_no_error (error);
      pn_store_save_profile (store, profile, &error);
      g_assert_no_error (error);
      node = pn_profile_to_json (profile);
      profiles_json[i] = json_to_string (node, FALSE);
    }
  /* closing the last connection checkpoints the WAL into the file */
  g_clear_object (&store);

  g_file_get_contents (pristine_path, &contents, &length, &error);
  g_assert_no_error (error);
  pristine = g_bytes_new_take (contents, length);
}

/* ---- the damage ---- */

static const Table *
find_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].name, name) == 0)
      return &tables[i];
  return NULL;
}

/* Whether `column` is a column of `table` (and needs no quoting). */
static gboolean
is_column (sqlite3    *db,
           const Table *table,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT 1 FROM pragma_table_info('%s') WHERE name = ?",
                                          table->name);
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  for (const char *p = column; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, column, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* \n, \t, \\ and \xHH */
static GByteArray *
unescape (const char *text)
{
  GByteArray *bytes = g_byte_array_new ();

  for (const char *p = text; *p && bytes->len < MAX_VALUE_BYTES; p++)
    {
      guint8 c = (guint8) *p;

      if (*p == '\\' && p[1] == 'n')
        c = '\n', p++;
      else if (*p == '\\' && p[1] == 't')
        c = '\t', p++;
      else if (*p == '\\' && p[1] == '\\')
        p++;
      else if (*p == '\\' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]))
        {
          c = (guint8) (g_ascii_xdigit_value (p[2]) * 16 + g_ascii_xdigit_value (p[3]));
          p += 3;
        }
      g_byte_array_append (bytes, &c, 1);
    }
  return bytes;
}

static GByteArray *
parse_hex (const char *text)
{
  GByteArray *bytes = g_byte_array_new ();

  for (const char *p = text; g_ascii_isxdigit (p[0]) && g_ascii_isxdigit (p[1]) &&
                             bytes->len < MAX_VALUE_BYTES; p += 2)
    {
      guint8 c = (guint8) (g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1]));

      g_byte_array_append (bytes, &c, 1);
    }
  return bytes;
}

static gboolean
parse_int (const char *text,
           gint64     *out)
{
  char *end = NULL;

  errno = 0;
  *out = g_ascii_strtoll (text, &end, 10);
  return end != text && errno == 0;
}

/* Splits off the next space-separated word of *line; NULL at the end. */
static char *
next_word (char **line)
{
  char *word = *line;
  char *space;

  if (word == NULL || *word == '\0')
    return NULL;
  space = strchr (word, ' ');
  if (space != NULL)
    {
      *space = '\0';
      *line = space + 1;
    }
  else
    *line = word + strlen (word);
  return word;
}

/* Binds VALUE (the rest of the line) to `index`; FALSE if it does not
 * parse. */
static gboolean
bind_value (sqlite3_stmt *stmt,
            int           index,
            char         *value)
{
  char *kind = next_word (&value);
  gint64 n;

  if (kind == NULL)
    return FALSE;
  if (strcmp (kind, "null") == 0)
    return sqlite3_bind_null (stmt, index) == SQLITE_OK;
  if (strcmp (kind, "int") == 0)
    return parse_int (value, &n) && sqlite3_bind_int64 (stmt, index, n) == SQLITE_OK;
  if (strcmp (kind, "real") == 0)
    return sqlite3_bind_double (stmt, index, g_ascii_strtod (value, NULL)) == SQLITE_OK;
  if (strcmp (kind, "zeros") == 0)
    return parse_int (value, &n) && n >= 0 && n <= MAX_VALUE_BYTES &&
           sqlite3_bind_zeroblob (stmt, index, (int) n) == SQLITE_OK;
  if (strcmp (kind, "text") == 0 || strcmp (kind, "blob") == 0)
    {
      g_autoptr(GByteArray) bytes = kind[0] == 't' ? unescape (value) : parse_hex (value);

      if (kind[0] == 't')
        return sqlite3_bind_text (stmt, index, (const char *) bytes->data, bytes->len,
                                  SQLITE_TRANSIENT) == SQLITE_OK;
      return sqlite3_bind_blob (stmt, index, bytes->data, bytes->len, SQLITE_TRANSIENT) == SQLITE_OK;
    }
  if (strcmp (kind, "repeat") == 0)
    {
      char *count = next_word (&value);
      g_autoptr(GByteArray) unit = unescape (value);
      g_autoptr(GByteArray) bytes = g_byte_array_new ();

      if (count == NULL || !parse_int (count, &n) || n < 0 || n > MAX_VALUE_BYTES || unit->len == 0)
        return FALSE;
      while (bytes->len < (guint) n)
        g_byte_array_append (bytes, unit->data, MIN (unit->len, (guint) n - bytes->len));
      return sqlite3_bind_text (stmt, index, (const char *) bytes->data, bytes->len,
                                SQLITE_TRANSIENT) == SQLITE_OK;
    }
  return FALSE;
}

/* " WHERE <name> = (the first name at or after ?N)", or "" for `*`. */
static char *
row_condition (const Table *table,
               const char  *row,
               int          index)
{
  if (strcmp (row, "*") == 0)
    return g_strdup ("");
  return g_strdup_printf (" WHERE %s = (SELECT %s FROM %s ORDER BY (%s) < ?%d, %s LIMIT 1)",
                          table->row_name, table->row_name, table->name,
                          table->row_name, index, table->row_name);
}

static void
bind_row (sqlite3_stmt *stmt,
          int           index,
          const char   *row)
{
  if (strcmp (row, "*") != 0)
    {
      g_autoptr(GByteArray) name = unescape (row);

      sqlite3_bind_text (stmt, index, (const char *) name->data, name->len, SQLITE_TRANSIENT);
    }
}

/* Runs `sql` with the value bound as ?1 (from `value` when given) and
 * the row as ?2 (and ?3). */
static void
run (sqlite3    *db,
     const char *sql,
     char       *value,
     const char *row,
     const char *row2)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return;
  if (value == NULL || bind_value (stmt, 1, value))
    {
      if (row != NULL)
        bind_row (stmt, 2, row);
      if (row2 != NULL)
        bind_row (stmt, 3, row2);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        ;
    }
  sqlite3_finalize (stmt);
}

/* patch and cut: the value read, changed, written back as the same type */
static void
rewrite (sqlite3     *db,
         const Table *table,
         const char  *column,
         const char  *row,
         gint64       offset,
         GByteArray  *patch,
         gint64       length)
{
  g_autofree char *where = row_condition (table, row, 2);
  g_autofree char *select = g_strdup_printf ("SELECT %s, %s FROM %s%s", column, table->row_name,
                                             table->name, where);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE %s = ?2",
                                             table->name, column, table->row_name);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  g_autoptr(GArray) blobs = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, select, -1, &stmt, NULL) != SQLITE_OK)
    return;
  bind_row (stmt, 2, row);
  while (sqlite3_step (stmt) == SQLITE_ROW && values->len < 1000)
    {
      GByteArray *value = g_byte_array_new ();
      GByteArray *name = g_byte_array_new ();
      gboolean blob = sqlite3_column_type (stmt, 0) == SQLITE_BLOB;
      const guint8 *data = blob ? sqlite3_column_blob (stmt, 0) : sqlite3_column_text (stmt, 0);
      int size = sqlite3_column_bytes (stmt, 0);

      if (data != NULL)
        g_byte_array_append (value, data, size);
      data = sqlite3_column_text (stmt, 1);
      if (data != NULL)
        g_byte_array_append (name, data, sqlite3_column_bytes (stmt, 1));

      if (patch != NULL && patch->len > 0 && offset >= 0 && offset <= MAX_VALUE_BYTES)
        {
          if ((guint64) offset + patch->len > value->len)
            g_byte_array_set_size (value, MIN ((guint64) offset + patch->len, MAX_VALUE_BYTES));
          memcpy (value->data + offset, patch->data, MIN (patch->len, value->len - offset));
        }
      if (patch == NULL && length >= 0 && (guint64) length < value->len)
        g_byte_array_set_size (value, length);

      g_ptr_array_add (values, value);
      g_ptr_array_add (names, name);
      g_array_append_val (blobs, blob);
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, update, -1, &stmt, NULL) != SQLITE_OK)
    return;
  for (guint i = 0; i < values->len; i++)
    {
      GByteArray *value = g_ptr_array_index (values, i);
      GByteArray *name = g_ptr_array_index (names, i);

      sqlite3_reset (stmt);
      if (g_array_index (blobs, gboolean, i))
        sqlite3_bind_blob (stmt, 1, value->data, value->len, SQLITE_TRANSIENT);
      else
        sqlite3_bind_text (stmt, 1, (const char *) value->data, value->len, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, (const char *) name->data, name->len, SQLITE_TRANSIENT);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);
}

/* A progress handler: the damage itself must not hang (a recursive CTE
 * in `sql`); only the store's reading counts. */
static int
stop_long_sql (void *user_data)
{
  guint *steps = user_data;

  return ++*steps > 10000;
}

static void
apply_line (sqlite3   *db,
            char      *line,
            GArray    *raw_offsets,
            GPtrArray *raw_bytes)
{
  char *op = next_word (&line);
  char *word;
  const Table *table;
  const char *column = NULL;
  const char *row;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gint64 n;

  if (op == NULL || op[0] == '#')
    return;

  if (strcmp (op, "raw") == 0)
    {
      word = next_word (&line);
      if (word != NULL && parse_int (word, &n) && n >= 0)
        {
          g_array_append_val (raw_offsets, n);
          g_ptr_array_add (raw_bytes, parse_hex (line));
        }
      return;
    }
  if (strcmp (op, "version") == 0)
    {
      if (parse_int (line, &n))
        {
          sql = g_strdup_printf ("PRAGMA user_version = %" G_GINT64_FORMAT, n);
          run (db, sql, NULL, NULL, NULL);
        }
      return;
    }
  if (strcmp (op, "sql") == 0)
    {
      g_autoptr(GByteArray) text = unescape (line);

      g_byte_array_append (text, (const guint8 *) "", 1);
      sqlite3_exec (db, (const char *) text->data, NULL, NULL, NULL);
      return;
    }

  /* the others name a table, most a column, all a row */
  word = next_word (&line);
  table = word != NULL ? find_table (word) : NULL;
  if (table == NULL)
    return;
  if (strcmp (op, "delete") != 0 && strcmp (op, "insert") != 0)
    {
      column = next_word (&line);
      if (column == NULL || !is_column (db, table, column))
        return;
    }
  row = next_word (&line);
  if (row == NULL)
    return;
  where = row_condition (table, row, 2);

  if (strcmp (op, "set") == 0)
    {
      sql = g_strdup_printf ("UPDATE %s SET %s = ?1%s", table->name, column, where);
      run (db, sql, line, row, NULL);
    }
  else if (strcmp (op, "add") == 0)
    {
      if (!parse_int (line, &n))
        return;
      sql = g_strdup_printf ("UPDATE %s SET %s = %s + (%" G_GINT64_FORMAT ")%s",
                             table->name, column, column, n, where);
      run (db, sql, NULL, row, NULL);
    }
  else if (strcmp (op, "patch") == 0)
    {
      g_autoptr(GByteArray) patch = NULL;

      word = next_word (&line);
      if (word == NULL || !parse_int (word, &n))
        return;
      patch = parse_hex (line);
      rewrite (db, table, column, row, n, patch, -1);
    }
  else if (strcmp (op, "cut") == 0)
    {
      if (parse_int (line, &n))
        rewrite (db, table, column, row, -1, NULL, n);
    }
  else if (strcmp (op, "copy") == 0)
    {
      const Table *from_table;
      const char *from_column, *from_row;
      g_autofree char *from_where = NULL;

      word = next_word (&line);
      from_table = word != NULL ? find_table (word) : NULL;
      from_column = next_word (&line);
      from_row = next_word (&line);
      if (from_table == NULL || from_column == NULL || from_row == NULL ||
          !is_column (db, from_table, from_column) || strcmp (from_row, "*") == 0)
        return;
      from_where = row_condition (from_table, from_row, 3);
      sql = g_strdup_printf ("UPDATE %s SET %s = (SELECT %s FROM %s%s LIMIT 1)%s",
                             table->name, column, from_column, from_table->name, from_where, where);
      run (db, sql, NULL, row, from_row);
    }
  else if (strcmp (op, "delete") == 0)
    {
      sql = g_strdup_printf ("DELETE FROM %s%s", table->name, where);
      run (db, sql, NULL, row, NULL);
    }
  else if (strcmp (op, "insert") == 0)
    {
      /* every column but an INTEGER PRIMARY KEY, which gets a new value */
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autofree char *info = g_strdup_printf ("SELECT name, pk, type FROM pragma_table_info('%s')",
                                               table->name);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL) != SQLITE_OK)
        return;
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (sqlite3_column_int (stmt, 1) == 1 &&
              g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 2), "INTEGER") == 0)
            continue;
          g_string_append_printf (columns, "%s%s", columns->len ? ", " : "",
                                  (const char *) sqlite3_column_text (stmt, 0));
        }
      sqlite3_finalize (stmt);
      if (columns->len == 0)
        return;
      sql = g_strdup_printf ("INSERT INTO %s (%s) SELECT %s FROM %s%s",
                             table->name, columns->str, columns->str, table->name, where);
      run (db, sql, NULL, row, NULL);
    }
}

/* A copy of the pristine file, damaged as `data` says. */
static void
damage (const uint8_t *data,
        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_strndup ((const char *) data, size);
  g_autoptr(GArray) raw_offsets = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) raw_bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_byte_array_unref);
  g_auto(GStrv) lines = NULL;
  sqlite3 *db = NULL;
  guint steps = 0;
  FILE *file;

  remove_database (work_path);
  g_file_set_contents (work_path, g_bytes_get_data (pristine, NULL), g_bytes_get_size (pristine), &error);
  g_assert_no_error (error);

  lines = g_strsplit (script, "\n", MAX_OPS + 1);
  if (sqlite3_open_v2 (work_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK)
    {
      sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 4 * MAX_VALUE_BYTES);
      sqlite3_progress_handler (db, 1000, stop_long_sql, &steps);
      sqlite3_exec (db, "PRAGMA writable_schema = ON", NULL, NULL, NULL);
      for (guint i = 0; lines[i] != NULL && i < MAX_OPS; i++)
        {
          steps = 0;
          apply_line (db, lines[i], raw_offsets, raw_bytes);
        }
    }
  /* the last connection closes: its WAL goes into the file */
  sqlite3_close_v2 (db);

  if (raw_offsets->len == 0)
    return;
  file = fopen (work_path, "r+b");
  g_assert_nonnull (file);
  for (guint i = 0; i < raw_offsets->len; i++)
    {
      GByteArray *bytes = g_ptr_array_index (raw_bytes, i);
      gint64 offset = g_array_index (raw_offsets, gint64, i) % (gint64) g_bytes_get_size (pristine);

      if (fseek (file, offset, SEEK_SET) == 0)
        fwrite (bytes->data, 1, bytes->len, file);
    }
  fclose (file);
}

/* ---- the readers ---- */

/* An error from the store must be one line; one about the file names it. */
static void
check_error (GError **error)
{
  if (*error == NULL)
    return;
  if (verbose)
    g_printerr ("%s\n", (*error)->message);
  pn_fuzz_check_error (*error, NULL);
  if ((*error)->domain == PN_STORE_ERROR &&
      ((*error)->code == PN_STORE_ERROR_CORRUPT || (*error)->code == PN_STORE_ERROR_SQL))
    pn_fuzz_check_error (*error, work_path);
  g_clear_error (error);
}

static void
consume (char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_free (text);
}

static void
consume_json (JsonNode *node)
{
  if (verbose)
    g_printerr ("read %s\n", json_node_type_name (node));
  g_assert_nonnull (node);
  consume (pn_export_json_to_string (node, FALSE));
  json_node_unref (node);
}

static void
read_results (PnCorpus  *corpus,
              PnProfile *profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnResults) results = pn_engine_evaluate (corpus, profile, &error);

  if (results == NULL)
    {
      check_error (&error);
      return;
    }
  consume_json (pn_export_results_json (results));
  consume (pn_export_results_text (results, PN_LANG_ZH));
  consume (pn_export_results_csv (results));
}

static void
read_document (PnStore    *store,
               PnCorpus   *corpus,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  PnDocument *document;

  if (pn_corpus_find_header (corpus, id, &error) == NULL)
    check_error (&error);

  document = pn_corpus_find_document (corpus, id, &error);
  if (document == NULL)
    check_error (&error);
  else
    {
      consume_json (pn_export_document_json (corpus, document, TRUE));
      /* every document's cases are read (and checked) with it; running
       * them is an evaluation each, so only the imported one's */
      if (strcmp (id, "fuzzdoc") == 0)
        {
          outcomes = pn_check_run_document (corpus, document, &error);
          if (outcomes == NULL)
            check_error (&error);
          else
            consume_json (pn_check_outcomes_json (outcomes));
        }
    }

  /* pnav export, the GUI's "Save a copy" */
  xml = pn_store_get_document_file (store, id, &name, &error);
  if (xml == NULL)
    check_error (&error);
  else
    g_assert_true (name == NULL || g_utf8_validate (name, -1, NULL));
}

static void
read_store (PnStore *store)
{
  static const char * const ids[] = {
    "fuzzdoc", "xiamen-2023-17", "jinjiang-2025-8", "fujian-2022-tasks", "xiamen-2025-draft", "fuzhou-plan",
  };
  static const char * const benefit_ids[] = {
    "fuzzdoc/1/top-up", "xiamen-2023-17/1/innovative-phase-2", "jinjiang-2025-8/1.1/innovative-phase-1",
  };
  static const char * const uses[] = { "rd-investment", "phase", "as-of", NULL };
  static const char * const places[] = { "xiamen", "jinjiang", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;
  PnBenefit *example = NULL;
  guint count;

  /* the consultant's clients first: they need no policy row */
  names = pn_store_list_profiles (store, &error);
  check_error (&error);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      PnProfile *profile = pn_store_load_profile (store, names[i], &error);

      if (profile == NULL)
        check_error (&error);
      else
        g_ptr_array_add (saved, profile);
    }

  corpus = pn_store_load_corpus (store, &error);
  if (corpus == NULL)
    {
      check_error (&error);
      return;
    }

  documents = pn_corpus_list_documents (corpus, &error);
  check_error (&error);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    read_document (store, corpus, ((PnDocument *) g_ptr_array_index (documents, i))->id);
  /* one damaged document must not hide the others */
  if (documents == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      read_document (store, corpus, ids[i]);

  for (guint i = 0; i < G_N_ELEMENTS (benefit_ids); i++)
    if (pn_corpus_find_benefit (corpus, benefit_ids[i], &error) == NULL)
      check_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr(PnProfile) profile = pn_profile_new_from_data (profiles[i], strlen (profiles[i]), &error);

      g_assert_no_error (error);
      read_results (corpus, profile);
    }
  /* a saved profile the damage changed, yet loads */
  for (guint i = 0; i < saved->len; i++)
    {
      g_autoptr(JsonNode) node = pn_profile_to_json (g_ptr_array_index (saved, i));
      g_autofree char *json = json_to_string (node, FALSE);

      if (!g_strv_contains ((const char * const *) profiles_json, json))
        read_results (corpus, g_ptr_array_index (saved, i));
    }

  {
    g_autoptr(PnProfile) profile = pn_profile_new_from_data (profiles[0], strlen (profiles[0]), &error);
    g_autoptr(PnCompare) compare = pn_compare_new (corpus, profile, places, &error);

    if (compare == NULL)
      check_error (&error);
    else
      consume_json (pn_compare_to_json (compare));
  }

  {
    g_autoptr(GPtrArray) at = pn_corpus_documents_at (corpus, "xiamen", &error);

    if (at == NULL)
      check_error (&error);
  }
  if (!pn_corpus_count_uses (corpus, "xiamen", uses, &count, &example, &error))
    check_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (places) - 1; i++)
    {
      g_autoptr(PnDeadlines) deadlines = pn_deadlines_new (corpus, places[i], "2025-06-01", -1, &error);
      g_autofree char *ical = NULL;

      if (deadlines == NULL)
        {
          check_error (&error);
          continue;
        }
      consume_json (pn_deadlines_to_json (deadlines));
      consume (pn_deadlines_to_text (deadlines, PN_LANG_EN));
      ical = pn_deadlines_to_ical (deadlines, PN_LANG_ZH, &error);
      check_error (&error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    for (guint in_one = 0; in_one < 2; in_one++)
      {
        g_autoptr(GPtrArray) hits = pn_store_search (store, queries[i], in_one ? "xiamen-2023-17" : NULL,
                                                     20, &error);

        if (hits == NULL)
          check_error (&error);
        else
          consume_json (pn_export_search_hits_json (hits));
      }
}

/* What a user may still do with a damaged store: drop a client, remove
 * their document, save a client. */
static void
write_store (PnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = pn_profile_new_from_data (profiles[2], strlen (profiles[2]), &error);

  g_assert_no_error (error);
  if (!pn_store_delete_profile (store, "Client B", &error))
    check_error (&error);
  if (!pn_store_remove_document (store, "fuzzdoc", &error))
    check_error (&error);
  pn_profile_set_name (profile, "Client D");
  if (!pn_store_save_profile (store, profile, &error))
    check_error (&error);
}

/* After the writes, in a new connection: the clients and the listing. */
static void
read_again (PnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_auto(GStrv) names = pn_store_list_profiles (store, &error);

  check_error (&error);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(PnProfile) profile = pn_store_load_profile (store, names[i], &error);

      if (profile == NULL)
        check_error (&error);
    }
  corpus = pn_store_load_corpus (store, &error);
  if (corpus == NULL)
    {
      check_error (&error);
      return;
    }
  documents = pn_corpus_list_documents (corpus, &error);
  check_error (&error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;

  if (pristine == NULL)
    init ();

  damage (data, size);

  store = pn_store_open (work_path, &error);
  if (store == NULL)
    {
      check_error (&error);
      return 0;
    }
  read_store (store);
  write_store (store);
  /* and what the next process finds */
  g_clear_object (&store);
  store = pn_store_open (work_path, &error);
  if (store == NULL)
    check_error (&error);
  else
    read_again (store);

  return 0;
}
