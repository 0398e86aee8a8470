/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-store"

#include "config.h"

#include <string.h>

#include "pn-pack-private.h"
#include "pn-store-private.h"
#include "pn-money.h"
#include "pn-policy-private.h"
#include "pn-date.h"
#include "pn-taxonomy.h"

/* Reading the model back from its rows.  Nothing here trusts the file:
 * every value is checked against the rules the loader enforced when the
 * document was imported (the schema's types, the vocabularies, the lists'
 * GVariant forms), and a row that breaks one is a "database is damaged"
 * error naming its document. */

/* The longest id, number or short text a row may hold (the schema's ids
 * are at most 250 characters). */
#define MAX_ID_BYTES 1000
/* The schema's largest amount (a row above it gave "up to
 * ¥100,000,042,000,000" with no error). */
#define MAX_YUAN PN_MONEY_MAX

typedef struct
{
  PnStore     *store;
  const char  *document_id;
  GError     **error;
  gboolean     failed;
} Check;

static gboolean G_GNUC_PRINTF (2, 3)
damaged (Check      *check,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (check->failed)
    return FALSE;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  check->failed = TRUE;
  return _pn_store_damaged (check->store, check->error, check->document_id, "%s", what);
}

/* Text of a column: NULL when it is NULL, else valid UTF-8 without NULs
 * (SQLite does not promise either for a damaged file). */
static char *
column_text (Check        *check,
             sqlite3_stmt *stmt,
             int           column,
             const char   *name,
             gboolean      required,
             gsize         max_bytes)
{
  const char *text;
  int size;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      if (required)
        damaged (check, "%s is missing", name);
      return NULL;
    }

  text = (const char *) sqlite3_column_text (stmt, column);
  size = sqlite3_column_bytes (stmt, column);
  if (text == NULL || size < 0 || (gsize) size > max_bytes || !pn_utf8_validate_len (text, size))
    {
      damaged (check, "%s is not valid text", name);
      return NULL;
    }
  if (required && size == 0)
    {
      damaged (check, "%s is empty", name);
      return NULL;
    }

  return g_strndup (text, size);
}

#define ID_TEXT(stmt, column, name, required) \
  column_text (check, (stmt), (column), (name), (required), MAX_ID_BYTES)
#define LONG_TEXT(stmt, column, name, required) \
  column_text (check, (stmt), (column), (name), (required), G_MAXINT)

static char *
column_date (Check        *check,
             sqlite3_stmt *stmt,
             int           column,
             const char   *name)
{
  g_autofree char *text = ID_TEXT (stmt, column, name, FALSE);
  GDate date;

  if (text == NULL)
    return NULL;
  if (strlen (text) != 10 || !pn_date_parse (text, &date))
    {
      damaged (check, "%s “%s” is not a date", name, text);
      return NULL;
    }
  return g_steal_pointer (&text);
}

static gboolean
valid_date (const char *text)
{
  GDate date;

  return text != NULL && strlen (text) == 10 && pn_date_parse (text, &date);
}

static gint64
column_yuan (Check        *check,
             sqlite3_stmt *stmt,
             int           column,
             const char   *name)
{
  gint64 value;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return PN_YUAN_UNSET;
  value = sqlite3_column_int64 (stmt, column);
  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER || value < 0 || value > MAX_YUAN)
    {
      damaged (check, "%s is not an amount of yuan", name);
      return PN_YUAN_UNSET;
    }
  return value;
}

static gint64
column_int (Check        *check,
            sqlite3_stmt *stmt,
            int           column,
            const char   *name,
            gint64        min,
            gint64        max)
{
  gint64 value = sqlite3_column_int64 (stmt, column);

  if (sqlite3_column_type (stmt, column) != SQLITE_INTEGER || value < min || value > max)
    {
      damaged (check, "%s is out of range", name);
      return min;
    }
  return value;
}

static PnFigure
figure_of (Check      *check,
           const char *id,
           const char *name)
{
  PnFigure figure = PN_FIGURE_NONE;

  if (id != NULL && !pn_figure_from_string (id, &figure))
    damaged (check, "%s “%s” is not a figure", name, id);
  return figure;
}

/* The GVariant a lists column holds, in its normal form. */
/* GLib keeps the description of a GVariant type only while a value of
 * the type lives: reading row after row, each value would build it anew
 * (most of the cost of reading a row).  One value of each lists type is
 * kept for the life of the process. */
G_LOCK_DEFINE_STATIC (kept_types);

static void
keep_type_info (const char *type)
{
  static GHashTable *kept;

  G_LOCK (kept_types);
  if (kept == NULL)
    kept = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_contains (kept, type))
    g_hash_table_insert (kept, (gpointer) type,
                         g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE (type), NULL, 0,
                                                                      FALSE, NULL, NULL)));
  G_UNLOCK (kept_types);
}

/* The children of a tuple without a format string to parse (what
 * g_variant_get() costs most): held in `children` while their strings
 * are used. */
static void
tuple_children (GVariant *tuple,
                GVariant **children,
                gsize      n)
{
  for (gsize i = 0; i < n; i++)
    children[i] = g_variant_get_child_value (tuple, i);
}

static void
release_children (GVariant **children,
                  gsize      n)
{
  for (gsize i = 0; i < n; i++)
    g_clear_pointer (&children[i], g_variant_unref);
}

void
_pn_store_keep_variant_types (void)
{
  keep_type_info (PN_DOCUMENT_LISTS_TYPE);
  keep_type_info (PN_CASES_TYPE);
}

static GVariant *
column_lists (Check        *check,
              sqlite3_stmt *stmt,
              int           column,
              const char   *type)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) value = NULL;

  /* every form this store writes has framing: never zero bytes */
  if (sqlite3_column_type (stmt, column) != SQLITE_BLOB || sqlite3_column_bytes (stmt, column) <= 0)
    {
      damaged (check, "its lists are missing");
      return NULL;
    }

  keep_type_info (type);
  bytes = g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
  value = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (type), bytes, FALSE));
  if (!g_variant_is_normal_form (value))
    {
      damaged (check, "its lists are not in the expected form");
      return NULL;
    }

  return g_steal_pointer (&value);
}

/* The bytes of a pack column (pn-pack-private.h), never empty */
static gboolean
column_pack (Check         *check,
             sqlite3_stmt  *stmt,
             int            column,
             guint8         tag,
             PnPackReader  *reader)
{
  if (sqlite3_column_type (stmt, column) != SQLITE_BLOB || sqlite3_column_bytes (stmt, column) <= 0 ||
      !pn_pack_reader_init (reader, sqlite3_column_blob (stmt, column),
                            sqlite3_column_bytes (stmt, column), tag))
    return damaged (check, "its lists are missing or not in the expected form");
  return TRUE;
}

static gboolean
valid_id (const char *text)
{
  gsize len;

  /* a NULL in a column a tampered file relaxed */
  if (text == NULL)
    return FALSE;
  len = strlen (text);

  return len > 0 && len <= MAX_ID_BYTES && g_utf8_validate (text, len, NULL);
}

static GPtrArray *
read_texts (Check    *check,
            GVariant *array,
            const char *what)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_text_free);
  const char *zh, *en;

  for (gsize i = 0, n = g_variant_n_children (array); i < n; i++)
    {
      g_autoptr(GVariant) tuple = g_variant_get_child_value (array, i);
      GVariant *child[2];

      tuple_children (tuple, child, 2);
      zh = g_variant_get_string (child[0], NULL);
      en = g_variant_get_string (child[1], NULL);
      if (*zh == '\0' && *en == '\0')
        damaged (check, "an empty %s", what);
      g_ptr_array_add (texts, pn_text_new (zh, en));
      release_children (child, 2);
    }
  return texts;
}

static void
pack_texts_into (Check        *check,
                 PnPackReader *reader,
                 GPtrArray    *texts,
                 const char   *what)
{
  guint32 n = pn_pack_read_count (reader, 8);

  for (guint32 i = 0; i < n && !reader->bad; i++)
    {
      g_autofree char *zh = pn_pack_read_str (reader);
      g_autofree char *en = pn_pack_read_str (reader);

      if (reader->bad)
        break;
      if (*zh == '\0' && *en == '\0')
        damaged (check, "an empty %s", what);
      g_ptr_array_add (texts, pn_text_new (zh, en));
    }
}

static void
pack_units_into (Check        *check,
                 PnPackReader *reader,
                 GPtrArray    *units)
{
  guint32 n = pn_pack_read_count (reader, 8);

  for (guint32 i = 0; i < n && !reader->bad; i++)
    {
      g_autofree char *id = pn_pack_read_str (reader);
      g_autofree char *role = pn_pack_read_str (reader);

      if (reader->bad)
        break;
      if (!valid_id (id) || (strcmp (role, "lead") != 0 && strcmp (role, "cooperating") != 0))
        damaged (check, "a responsible unit (“%.100s”, role “%.100s”) is not valid", id, role);
      g_ptr_array_add (units, pn_unit_ref_new (id, role));
    }
}

/* A row that another row names (`what`) is not there.  Inside one read
 * (_pn_store_in_read ()) that is damage; outside, another process may
 * have replaced the document between two reads: try again. */
static void
row_missing (PnStore     *self,
             GError     **error,
             const char  *document_id,
             const char  *what)
{
  if (_pn_store_in_read (self))
    _pn_store_damaged (self, error, document_id, "%s is missing", what);
  else
    g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CHANGED,
                 "%s: a document was removed or replaced while it was being read; try again",
                 pn_store_get_path (self));
}

/* ---- the taxonomy ---- */

PnTaxonomy *
_pn_store_read_taxonomy (PnStore  *self,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PnTaxonomy) taxonomy = pn_taxonomy_new ();
  Check check_data = { self, NULL, error, FALSE };
  Check *check = &check_data;
  guint n_locations = 0;
  PnStepResult r;

  _pn_store_lock (self);
  stmt = _pn_store_prepare (self,
                            "SELECT kind, id, parent, level, zh, en FROM terms ORDER BY position",
                            error);
  if (stmt == NULL)
    {
      _pn_store_unlock (self);
      return NULL;
    }

  while (!check->failed && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      g_autofree char *kind = ID_TEXT (stmt, 0, "a term's kind", TRUE);
      g_autofree char *id = ID_TEXT (stmt, 1, "a term's id", TRUE);
      g_autofree char *parent = ID_TEXT (stmt, 2, "a term's parent", FALSE);
      g_autofree char *level = ID_TEXT (stmt, 3, "a term's level", FALSE);
      g_autofree char *zh = LONG_TEXT (stmt, 4, "a term's Chinese label", TRUE);
      g_autofree char *en = LONG_TEXT (stmt, 5, "a term's English label", TRUE);

      if (check->failed)
        break;

      if (strcmp (kind, "location") == 0)
        {
          /* the tree is stored parents first: no cycle can form */
          if (pn_taxonomy_get_location (taxonomy, id) != NULL ||
              (parent != NULL && pn_taxonomy_get_location (taxonomy, parent) == NULL))
            {
              damaged (check, "location “%s” is out of place in the taxonomy", id);
              break;
            }
          pn_taxonomy_add_location (taxonomy, id, parent, level, zh, en);
          n_locations++;
        }
      else if (strcmp (kind, "unit") == 0)
        pn_taxonomy_add_unit (taxonomy, id, parent, zh, en);
      else if (strcmp (kind, "overlap-group") == 0)
        pn_taxonomy_add_group (taxonomy, id, zh, en);
      else
        pn_taxonomy_add_term (taxonomy, kind, id, zh, en);
    }
  _pn_store_unlock (self);

  if (check->failed || r == PN_STEP_ERROR)
    return NULL;
  if (n_locations == 0)
    {
      _pn_store_damaged (self, error, NULL, "it holds no taxonomy");
      return NULL;
    }

  return g_steal_pointer (&taxonomy);
}

/* ---- documents ---- */

#define DOCUMENT_COLUMNS                                                \
  "key, id, doc_number, title_zh, title_en, issuer_zh, issuer_en, jurisdiction, draft," \
  " issued, in_force_from, in_force_until, applies_from, source_file, file_name," \
  " last_verified, overlap_principle, overlap_where, overlap_quote, overlap_en, lists," \
  " user_imported, position, n_articles, n_benefits, n_relations"

static PnDocument *
document_from_row (PnStore       *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  g_autoptr(PnDocument) document = pn_document_new_header ();
  g_autofree char *id = NULL;
  g_autoptr(GVariant) lists = NULL;
  g_autoptr(GVariant) notes = NULL;
  g_autoptr(GVariant) caps = NULL;
  g_autoptr(GVariant) locations = NULL;
  g_autoptr(GVariant) units = NULL;
  g_autoptr(GVariant) supersedes = NULL;
  g_autoptr(GVariant) extends = NULL;
  Check check_data = { self, NULL, error, FALSE };
  Check *check = &check_data;
  GVariantIter iter;
  const char *cap_id, *per, *article, *zh, *en;
  const char *term_id, *parent, *level;
  int n_relations;
  gint64 amount;

  id = ID_TEXT (stmt, 1, "its id", TRUE);
  if (id == NULL)
    return NULL;
  check->document_id = id;

  /* keys are AUTOINCREMENT from 1; 0 means "not from the store" */
  document->store_key = column_int (check, stmt, 0, "its key", 1, G_MAXINT64);
  document->doc_number = LONG_TEXT (stmt, 2, "its number", FALSE);
  document->title.zh = LONG_TEXT (stmt, 3, "its Chinese title", TRUE);
  document->title.en = LONG_TEXT (stmt, 4, "its English title", TRUE);
  document->issuer.zh = LONG_TEXT (stmt, 5, "its issuer", FALSE);
  document->issuer.en = LONG_TEXT (stmt, 6, "its issuer", FALSE);
  document->jurisdiction = ID_TEXT (stmt, 7, "its jurisdiction", TRUE);
  document->draft = column_int (check, stmt, 8, "its status", 0, 1);
  document->issued = column_date (check, stmt, 9, "its issue date");
  document->in_force_from = column_date (check, stmt, 10, "its in-force date");
  document->in_force_until = column_date (check, stmt, 11, "its end date");
  document->applies_from = column_date (check, stmt, 12, "its applies-from date");
  document->source_file = LONG_TEXT (stmt, 13, "its source file", FALSE);
  document->file_name = LONG_TEXT (stmt, 14, "its file name", FALSE);
  document->last_verified = column_date (check, stmt, 15, "its verification date");
  document->overlap_principle = LONG_TEXT (stmt, 16, "its overlap rule", FALSE);
  document->overlap_where = LONG_TEXT (stmt, 17, "its overlap rule", FALSE);
  document->overlap_quote = LONG_TEXT (stmt, 18, "its overlap rule", FALSE);
  document->overlap_en = LONG_TEXT (stmt, 19, "its overlap rule", FALSE);
  lists = column_lists (check, stmt, 20, PN_DOCUMENT_LISTS_TYPE);
  document->user_imported = column_int (check, stmt, 21, "its origin", 0, 1);
  document->position = column_int (check, stmt, 22, "its position", G_MININT, G_MAXINT);
  document->n_articles = column_int (check, stmt, 23, "its article count", 0, G_MAXINT);
  document->n_benefits = column_int (check, stmt, 24, "its benefit count", 0, G_MAXINT);
  n_relations = column_int (check, stmt, 25, "its count of documents it supersedes or extends", 0, G_MAXINT);
  if (check->failed)
    return NULL;

  if (document->in_force_from != NULL && document->in_force_until != NULL &&
      strcmp (document->in_force_from, document->in_force_until) > 0)
    {
      damaged (check, "it ends before it starts");
      return NULL;
    }

  notes = g_variant_get_child_value (lists, 0);
  caps = g_variant_get_child_value (lists, 1);
  locations = g_variant_get_child_value (lists, 2);
  units = g_variant_get_child_value (lists, 3);
  supersedes = g_variant_get_child_value (lists, 4);
  extends = g_variant_get_child_value (lists, 5);
  g_ptr_array_extend_and_steal (document->notes, read_texts (check, notes, "note"));

  g_variant_iter_init (&iter, supersedes);
  while (g_variant_iter_next (&iter, "(&s&s)", &term_id, &level))
    {
      if (!valid_id (term_id) || !valid_date (level) || g_strcmp0 (term_id, id) == 0)
        damaged (check, "a document it supersedes is not valid");
      else
        pn_document_add_supersession (document, term_id, level);
    }

  g_variant_iter_init (&iter, extends);
  while (g_variant_iter_next (&iter, "(&s&s)", &term_id, &level))
    {
      if (!valid_id (term_id) || !valid_date (level) || g_strcmp0 (term_id, id) == 0)
        damaged (check, "a document it extends is not valid");
      else
        pn_document_add_extension (document, term_id, level);
    }

  /* the count _pn_store_read_extensions () holds its rows to is its own
   * lists' */
  if (!check->failed && (guint) n_relations != document->extends->len + document->supersedes->len)
    damaged (check, "its count of documents it supersedes or extends is not that of its own lists");

  g_variant_iter_init (&iter, locations);
  while (g_variant_iter_next (&iter, "(&s&s&s&s&s)", &term_id, &parent, &level, &zh, &en))
    {
      if (!valid_id (term_id))
        damaged (check, "a place it declares has no id");
      pn_document_add_local_location (document, term_id, *parent ? parent : NULL,
                                      *level ? level : NULL, zh, en);
    }
  g_variant_iter_init (&iter, units);
  while (g_variant_iter_next (&iter, "(&s&s&s&s)", &term_id, &parent, &zh, &en))
    {
      if (!valid_id (term_id) || !valid_id (parent))
        damaged (check, "a unit it declares is not valid");
      pn_document_add_local_unit (document, term_id, parent, zh, en);
    }

  g_variant_iter_init (&iter, caps);
  while (g_variant_iter_next (&iter, "(&sx&s&s&s&s)", &cap_id, &amount, &per, &article, &zh, &en))
    {
      PnAnnualCap *cap = pn_annual_cap_new ();

      if (!valid_id (cap_id) || amount < 0 || amount > MAX_YUAN || !valid_id (per) || !valid_id (article))
        damaged (check, "annual cap “%.100s” is not valid", cap_id);
      cap->id = g_strdup (cap_id);
      cap->amount = amount;
      cap->per = g_strdup (per);
      cap->article = g_strdup (article);
      cap->text.zh = g_strdup (zh);
      cap->text.en = g_strdup (en);
      g_ptr_array_add (document->annual_caps, cap);
    }
  if (check->failed)
    return NULL;

  document->id = g_steal_pointer (&id);
  return g_steal_pointer (&document);
}

gboolean
_pn_store_check_jurisdictions (PnStore     *self,
                               PnTaxonomy  *taxonomy,
                               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) elsewhere = g_ptr_array_new_with_free_func (g_free);
  PnStepResult r;

  /* A document's questions are read by its place: one of a place no
   * taxonomy holds was left out of every answer, in silence. */
  _pn_store_lock (self);
  stmt = _pn_store_prepare (self, "SELECT id, jurisdiction FROM documents", error);
  while (stmt != NULL && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      const char *jurisdiction = (const char *) sqlite3_column_text (stmt, 1);

      if (jurisdiction == NULL || pn_taxonomy_get_location (taxonomy, jurisdiction) == NULL)
        g_ptr_array_add (elsewhere, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  _pn_store_unlock (self);
  if (stmt == NULL || r == PN_STEP_ERROR)
    return FALSE;

  /* a place the document declares itself (<local-locations>) */
  for (guint i = 0; i < elsewhere->len; i++)
    {
      const char *id = g_ptr_array_index (elsewhere, i);
      g_autoptr(GPtrArray) documents = _pn_store_read_documents (self, id != NULL ? id : "", NULL, error);
      PnDocument *document;

      if (documents == NULL)
        return FALSE;
      if (documents->len == 0)
        continue;
      document = g_ptr_array_index (documents, 0);
      if (pn_document_lookup_location (document, taxonomy, document->jurisdiction) == NULL)
        return _pn_store_damaged (self, error, document->id,
                                  "its place “%.100s” is neither in the taxonomy nor declared by it",
                                  document->jurisdiction);
    }
  return TRUE;
}

GPtrArray *
_pn_store_read_documents (PnStore             *self,
                          const char          *id,
                          const char * const  *places,
                          GError             **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT " DOCUMENT_COLUMNS " FROM documents");
  guint n_places = places != NULL ? g_strv_length ((GStrv) places) : 0;
  gboolean ok = TRUE;
  PnStepResult r;

  if (id != NULL)
    g_string_append (sql, " WHERE id = ?1");
  else if (places != NULL)
    {
      g_string_append (sql, " WHERE jurisdiction IN (");
      for (guint i = 0; i < MAX (n_places, 1); i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }
  g_string_append (sql, " ORDER BY user_imported, position, id");

  _pn_store_lock (self);
  stmt = _pn_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    ok = FALSE;
  else if (id != NULL)
    _pn_store_bind_text (stmt, 1, id);
  else
    for (guint i = 0; i < n_places; i++)
      _pn_store_bind_text (stmt, i + 1, places[i]);

  while (ok && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      PnDocument *document = document_from_row (self, stmt, error);

      if (document == NULL)
        ok = FALSE;
      else
        g_ptr_array_add (documents, document);
    }
  if (ok && r == PN_STEP_ERROR)
    ok = FALSE;
  _pn_store_unlock (self);

  return ok ? g_steal_pointer (&documents) : NULL;
}

PnDocument *
_pn_store_read_document (PnStore  *self,
                         gint64    key,
                         GError  **error)
{
  g_autoptr(PnCachedStmt) stmt = NULL;
  PnDocument *document = NULL;
  PnStepResult r;

  _pn_store_lock (self);
  stmt = _pn_store_prepare_cached (self, "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE key = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, key);
      r = _pn_store_step (self, stmt, error);
      if (r == PN_STEP_ROW)
        document = document_from_row (self, stmt, error);
      else if (r == PN_STEP_DONE)
        row_missing (self, error, NULL, "a document that a benefit names");
    }
  _pn_store_unlock (self);

  return document;
}

/* ---- articles ---- */

#define ARTICLE_COLUMNS                                                 \
  "id, number, chapter, heading_zh, heading_en, original, summary, position," \
  " deadline_text, valid_from, valid_until, line, lists"

/* The article whose ARTICLE_COLUMNS start at column `at` of `stmt` */
static PnArticle *
article_from_row (PnStore       *self,
                  sqlite3_stmt  *stmt,
                  int            at,
                  PnDocument    *document,
                  gboolean       with_texts,
                  GError       **error)
{
  g_autoptr(PnArticle) article = pn_article_new_detached (document);
  PnPackReader lists;
  Check check_data = { self, document->id, error, FALSE };
  Check *check = &check_data;

  article->store_key = column_int (check, stmt, at + 0, "an article's key", 1, G_MAXINT64);
  article->number = ID_TEXT (stmt, at + 1, "an article's number", TRUE);
  article->chapter = LONG_TEXT (stmt, at + 2, "an article's chapter", FALSE);
  article->heading.zh = LONG_TEXT (stmt, at + 3, "an article's heading", FALSE);
  article->heading.en = LONG_TEXT (stmt, at + 4, "an article's heading", FALSE);
  article->original = LONG_TEXT (stmt, at + 5, "an article's text", FALSE);
  article->summary = LONG_TEXT (stmt, at + 6, "an article's summary", FALSE);
  article->texts_pending = !with_texts;
  article->position = column_int (check, stmt, at + 7, "an article's position", 0, G_MAXINT);
  article->deadline_text = LONG_TEXT (stmt, at + 8, "an article's deadline", FALSE);
  article->valid_from = column_date (check, stmt, at + 9, "an article's start date");
  article->valid_until = column_date (check, stmt, at + 10, "an article's end date");
  article->line = column_int (check, stmt, at + 11, "an article's line", 0, G_MAXUINT32);
  column_pack (check, stmt, at + 12, PN_PACK_ARTICLE_LISTS, &lists);
  if (check->failed)
    return NULL;

  if (article->valid_from != NULL && article->valid_until != NULL &&
      strcmp (article->valid_from, article->valid_until) > 0)
    {
      damaged (check, "article %s ends before it starts", article->number);
      return NULL;
    }

  pack_units_into (check, &lists, article->units);
  pack_texts_into (check, &lists, article->notes, "note");
  if (!check->failed && !pn_pack_reader_end (&lists))
    damaged (check, "the lists of article %s are not in the expected form", article->number);
  if (check->failed)
    return NULL;

  return g_steal_pointer (&article);
}

gboolean
_pn_store_read_article_texts (PnStore     *self,
                              PnArticle   *article,
                              char       **out_original,
                              char       **out_summary,
                              GError     **error)
{
  g_autoptr(PnCachedStmt) stmt = NULL;
  Check check_data = { self, article->document->id, error, FALSE };
  Check *check = &check_data;
  g_autofree char *original = NULL;
  g_autofree char *summary = NULL;
  PnStepResult r;

  _pn_store_lock (self);
  stmt = _pn_store_prepare_cached (self, "SELECT original, summary, document FROM articles WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, article->store_key);
      r = _pn_store_step (self, stmt, error);
      if (r == PN_STEP_ROW && sqlite3_column_int64 (stmt, 2) != article->document->store_key)
        {
          /* outside a read, the article was removed meanwhile and its key
           * given to another one */
          if (_pn_store_in_read (self))
            damaged (check, "an article belongs to another document");
          else
            row_missing (self, error, article->document->id, "an article");
          check->failed = TRUE;
        }
      else if (r == PN_STEP_ROW)
        {
          original = LONG_TEXT (stmt, 0, "an article's text", FALSE);
          summary = LONG_TEXT (stmt, 1, "an article's summary", FALSE);
        }
      else if (r == PN_STEP_DONE)
        {
          row_missing (self, error, article->document->id, "an article");
          check->failed = TRUE;
        }
      else
        check->failed = TRUE;
    }
  else
    check->failed = TRUE;
  _pn_store_unlock (self);

  if (check->failed || (error != NULL && *error != NULL))
    return FALSE;
  *out_original = g_steal_pointer (&original);
  *out_summary = g_steal_pointer (&summary);
  return TRUE;
}

/* ---- benefits ---- */

#define BENEFIT_COLUMNS                                                 \
  "key, id, seq, kind, per, flags, title_zh, title_en, rate, base, amount, cap," \
  " combined_limit, overlap_group, stages_over, line, lists, reviewed"

static const char * const pers[] = {
  "product", "registration-unit", "project", "enterprise", "institution", "platform",
  "person", "item", NULL,
};

/* A condition as the loader builds it: its answers as quarks, and
 * whether it accepts every term of its vocabulary (it then asks nothing). */
static PnCondition *
condition_new (Check       *check,
               PnTaxonomy  *taxonomy,
               const char  *question_id,
               GStrv        values,
               GStrv        review,
               guint32      line)
{
  PnCondition *condition = pn_condition_new ();
  GPtrArray *terms;

  if (!pn_question_from_string (question_id, &condition->question))
    damaged (check, "a condition on “%.100s”, which is no question", question_id);
  condition->values = values;
  if (review != NULL && review[0] == NULL)
    g_clear_pointer (&review, g_strfreev);
  condition->review = review;
  condition->line = line;

  if (check->failed)
    return condition;
  if (condition->values[0] == NULL && condition->review == NULL)
    {
      damaged (check, "a condition on %s accepts nothing", question_id);
      return condition;
    }

  terms = pn_taxonomy_get_terms (taxonomy, question_id);
  for (int pass = 0; pass < 2; pass++)
    {
      GStrv strv = pass == 0 ? condition->values : condition->review;

      for (guint i = 0; terms != NULL && strv != NULL && strv[i] != NULL; i++)
        if (pn_taxonomy_get_term (taxonomy, question_id, strv[i]) == NULL)
          {
            damaged (check, "a condition on %s names “%.100s”, which is not in the vocabulary",
                     question_id, strv[i]);
            return condition;
          }
    }
  condition->value_quarks = _pn_condition_quarks (taxonomy, condition->question, condition->values);
  if (condition->review != NULL)
    condition->review_quarks = _pn_condition_quarks (taxonomy, condition->question, condition->review);

  if (terms != NULL && terms->len > 0)
    {
      condition->asks_nothing = TRUE;
      for (guint i = 0; i < terms->len && condition->asks_nothing; i++)
        {
          const PnTerm *term = g_ptr_array_index (terms, i);

          condition->asks_nothing = g_strv_contains ((const char * const *) condition->values, term->id);
        }
    }

  return condition;
}

/* The lists of a benefit, as pn-store.c's benefit_lists() writes them */
static void
benefit_lists_into (Check        *check,
                    PnTaxonomy   *taxonomy,
                    PnPackReader *reader,
                    PnBenefit    *benefit)
{
  guint32 n;

  n = pn_pack_read_count (reader, 13);
  for (guint32 i = 0; i < n && !reader->bad; i++)
    {
      g_autofree char *figure_id = pn_pack_read_str (reader);
      gint64 min = pn_pack_read_i64 (reader);
      gboolean inclusive = pn_pack_read_bool (reader);
      PnThreshold *threshold;

      if (reader->bad)
        break;
      threshold = g_new0 (PnThreshold, 1);
      threshold->figure = figure_of (check, figure_id, "a threshold's figure");
      if (threshold->figure == PN_FIGURE_NONE || min < 0 || min > MAX_YUAN)
        damaged (check, "a threshold of %s is not valid", benefit->id);
      threshold->min = min;
      threshold->inclusive = inclusive;
      g_ptr_array_add (benefit->thresholds, threshold);
    }

  n = pn_pack_read_count (reader, 16);
  for (guint32 i = 0; i < n && !reader->bad; i++)
    {
      g_autofree char *id = pn_pack_read_str (reader);
      GStrv values = pn_pack_read_strv (reader);
      GStrv review = pn_pack_read_strv (reader);
      guint32 line = pn_pack_read_u32 (reader);

      if (reader->bad)
        {
          g_strfreev (values);
          g_strfreev (review);
          break;
        }
      g_ptr_array_add (benefit->conditions, condition_new (check, taxonomy, id, values, review, line));
    }

  n = pn_pack_read_count (reader, 13);
  for (guint32 i = 0; i < n && !reader->bad; i++)
    {
      g_autofree char *id = pn_pack_read_str (reader);
      g_autofree char *zh = pn_pack_read_str (reader);
      g_autofree char *en = pn_pack_read_str (reader);
      gboolean attestation = pn_pack_read_bool (reader);
      PnRequirement *requirement;

      if (reader->bad)
        break;
      if (!valid_id (id))
        damaged (check, "a requirement of %s has no id", benefit->id);
      requirement = pn_requirement_new ();
      requirement->id = g_steal_pointer (&id);
      requirement->text.zh = g_steal_pointer (&zh);
      requirement->text.en = g_steal_pointer (&en);
      requirement->attestation = attestation;
      g_ptr_array_add (benefit->requirements, requirement);
    }

  benefit->tops_up = pn_pack_read_strv (reader);
  benefit->annual_caps = pn_pack_read_strv (reader);
  if (benefit->tops_up != NULL && benefit->tops_up[0] == NULL)
    g_clear_pointer (&benefit->tops_up, g_strfreev);
  if (benefit->annual_caps != NULL && benefit->annual_caps[0] == NULL)
    g_clear_pointer (&benefit->annual_caps, g_strfreev);
  for (guint i = 0; benefit->tops_up != NULL && benefit->tops_up[i] != NULL; i++)
    if (!valid_id (benefit->tops_up[i]) || strcmp (benefit->tops_up[i], benefit->id) == 0)
      damaged (check, "what %s tops up is not valid", benefit->id);
  for (guint i = 0; benefit->annual_caps != NULL && benefit->annual_caps[i] != NULL; i++)
    if (pn_document_find_annual_cap (benefit->document, benefit->annual_caps[i]) == NULL)
      damaged (check, "%s names an annual cap the document does not have", benefit->id);

  n = pn_pack_read_count (reader, 8);
  if (n > 0 && !reader->bad)
    {
      double sum = 0;

      benefit->stages = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
      for (guint32 i = 0; i < n && !reader->bad; i++)
        {
          double share = pn_pack_read_f64 (reader);

          if (!(share > 0 && share <= 1))
            damaged (check, "a staged payment share of %s is not valid", benefit->id);
          sum += share;
          g_array_append_val (benefit->stages, share);
        }
      if (benefit->stages->len < 2 || sum > 1.000001)
        damaged (check, "the staged payment of %s is not valid", benefit->id);
    }

  pack_texts_into (check, reader, benefit->notes, "note");
  pack_units_into (check, reader, benefit->units);

  {
    guint n_chosen = 0;

    n = pn_pack_read_count (reader, 14);
    for (guint32 i = 0; i < n && !reader->bad; i++)
      {
        g_autofree char *id = pn_pack_read_str (reader);
        gboolean chosen = pn_pack_read_bool (reader);
        gboolean keep = pn_pack_read_bool (reader);
        g_autofree char *zh = pn_pack_read_str (reader);
        g_autofree char *en = pn_pack_read_str (reader);
        PnReading *reading;

        if (reader->bad)
          break;
        if (!valid_id (id) || (chosen && keep))
          damaged (check, "a reading of %s is not valid", benefit->id);
        reading = pn_reading_new ();
        reading->id = g_steal_pointer (&id);
        reading->chosen = chosen;
        reading->keep_lapsed_target = keep;
        reading->text.zh = g_steal_pointer (&zh);
        reading->text.en = g_steal_pointer (&en);
        g_ptr_array_add (benefit->readings, reading);
        n_chosen += chosen ? 1 : 0;
      }
    if (benefit->readings->len > 0 && n_chosen != 1)
      damaged (check, "%s has readings but not one chosen", benefit->id);
  }

  if (!check->failed && !pn_pack_reader_end (reader))
    damaged (check, "the lists of %s are not in the expected form", benefit->id);
}

static PnBenefit *
benefit_from_row (PnStore       *self,
                  sqlite3_stmt  *stmt,
                  PnArticle     *article,
                  PnTaxonomy    *taxonomy,
                  GError       **error)
{
  g_autoptr(PnBenefit) benefit = pn_benefit_new_detached (article);
  g_autofree char *kind = NULL;
  g_autofree char *base = NULL;
  g_autofree char *limit = NULL;
  PnPackReader lists;
  g_autofree char *prefix = NULL;
  gint64 flags;
  Check check_data = { self, article->document->id, error, FALSE };
  Check *check = &check_data;

  benefit->store_key = column_int (check, stmt, 0, "a benefit's key", 1, G_MAXINT64);
  benefit->id = ID_TEXT (stmt, 1, "a benefit's id", TRUE);
  benefit->seq = column_int (check, stmt, 2, "a benefit's place", 0, G_MAXINT);
  kind = ID_TEXT (stmt, 3, "a benefit's kind", TRUE);
  benefit->per = ID_TEXT (stmt, 4, "what a benefit is counted per", FALSE);
  flags = column_int (check, stmt, 5, "a benefit's flags", 0,
                      PN_BENEFIT_FLAG_ONE_TIME | PN_BENEFIT_FLAG_RATE_CEILING);
  benefit->one_time = (flags & PN_BENEFIT_FLAG_ONE_TIME) != 0;
  benefit->rate_ceiling = (flags & PN_BENEFIT_FLAG_RATE_CEILING) != 0;
  benefit->title.zh = LONG_TEXT (stmt, 6, "a benefit's title", TRUE);
  benefit->title.en = LONG_TEXT (stmt, 7, "a benefit's title", TRUE);
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    {
      benefit->rate = sqlite3_column_double (stmt, 8);
      /* a blob reads as 0%: the award ¥0, and a top-up of it in full */
      if ((sqlite3_column_type (stmt, 8) != SQLITE_FLOAT && sqlite3_column_type (stmt, 8) != SQLITE_INTEGER) ||
          !(benefit->rate >= 0 && benefit->rate <= 1))
        damaged (check, "a benefit's rate is not between 0 and 1");
    }
  base = ID_TEXT (stmt, 9, "a benefit's base figure", FALSE);
  benefit->amount = column_yuan (check, stmt, 10, "a benefit's amount");
  benefit->cap = column_yuan (check, stmt, 11, "a benefit's cap");
  limit = ID_TEXT (stmt, 12, "a benefit's combined limit", FALSE);
  benefit->overlap_group = ID_TEXT (stmt, 13, "a benefit's overlap group", FALSE);
  benefit->stages_over = LONG_TEXT (stmt, 14, "a benefit's staged payment", FALSE);
  benefit->line = column_int (check, stmt, 15, "a benefit's line", 0, G_MAXUINT32);
  column_pack (check, stmt, 16, PN_PACK_BENEFIT_LISTS, &lists);
  benefit->reviewed = column_int (check, stmt, 17, "a benefit's reviewed flag", 0, 1);
  if (check->failed)
    return NULL;

  if (!pn_benefit_kind_from_string (kind, &benefit->kind))
    damaged (check, "benefit %s is of kind “%s”, which is none", benefit->id, kind);
  if (benefit->per != NULL && !g_strv_contains (pers, benefit->per))
    damaged (check, "benefit %s is counted per “%s”, which is nothing", benefit->id, benefit->per);
  benefit->base = figure_of (check, base, "a benefit's base");
  benefit->combined_limit = figure_of (check, limit, "a benefit's combined limit");
  /* a share of a figure with no share read as 0% (no import makes one) */
  if (!check->failed && benefit->base != PN_FIGURE_NONE && benefit->rate < 0 &&
      (benefit->kind == PN_BENEFIT_RATE || benefit->kind == PN_BENEFIT_MATCHING ||
       benefit->kind == PN_BENEFIT_TOP_UP))
    damaged (check, "benefit “%s” is a share of a figure but has no rate", benefit->id);
  /* an overlap group no taxonomy holds stacked what 就高 holds apart */
  if (!check->failed && benefit->overlap_group != NULL &&
      pn_taxonomy_get_group (taxonomy, benefit->overlap_group) == NULL)
    damaged (check, "benefit “%s” is in the overlap group “%s”, which is none", benefit->id,
             benefit->overlap_group);
  prefix = g_strconcat (article->document->id, "/", NULL);
  if (!check->failed && !g_str_has_prefix (benefit->id, prefix))
    damaged (check, "benefit “%s” is stored under another document", benefit->id);
  if (!check->failed)
    benefit_lists_into (check, taxonomy, &lists, benefit);
  if (check->failed)
    return NULL;

  return g_steal_pointer (&benefit);
}

gboolean
_pn_store_find_benefit_keys (PnStore     *self,
                             const char  *id,
                             gint64      *out_key,
                             gint64      *out_document,
                             GError     **error)
{
  g_autoptr(PnCachedStmt) stmt = NULL;
  gboolean found = FALSE;
  PnStepResult r;

  _pn_store_lock (self);
  stmt = _pn_store_prepare_cached (self, "SELECT key, document FROM benefits WHERE id = ?", error);
  if (stmt != NULL)
    {
      _pn_store_bind_text (stmt, 1, id);
      r = _pn_store_step (self, stmt, error);
      if (r == PN_STEP_ROW)
        {
          *out_key = sqlite3_column_int64 (stmt, 0);
          *out_document = sqlite3_column_int64 (stmt, 1);
          found = TRUE;
        }
      else if (r == PN_STEP_DONE)
        g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                     "no benefit with id “%s”", id);
    }
  _pn_store_unlock (self);

  return found;
}

/* A benefit's row and its article's, but the texts: one statement where
 * the article is not known yet (most are not: an article mostly has one
 * benefit) */
#define BENEFIT_AND_ARTICLE_SQL                                         \
  "SELECT b.key, b.id, b.seq, b.kind, b.per, b.flags, b.title_zh, b.title_en, b.rate," \
  " b.base, b.amount, b.cap, b.combined_limit, b.overlap_group, b.stages_over, b.line," \
  " b.lists, b.reviewed, b.article, b.document,"                        \
  " a.id, a.number, a.chapter, a.heading_zh, a.heading_en, NULL, NULL, a.position," \
  " a.deadline_text, a.valid_from, a.valid_until, a.line, a.lists, a.document" \
  " FROM benefits b LEFT JOIN articles a ON a.id = b.article WHERE b.key = ?"
#define COLUMN_ARTICLE_KEY 18
#define COLUMN_DOCUMENT_KEY 19
#define COLUMN_ARTICLE 20
#define COLUMN_ARTICLE_DOCUMENT 33

PnBenefit *
_pn_store_read_benefit (PnStore           *self,
                        gint64             key,
                        PnDocument        *document,
                        PnArticleLookup    lookup_article,
                        PnResolveArticle   resolve_article,
                        gpointer           user_data,
                        PnTaxonomy        *taxonomy,
                        GError           **error)
{
  g_autoptr(PnCachedStmt) stmt = NULL;
  PnBenefit *benefit = NULL;
  PnStepResult r;

  _pn_store_lock (self);
  stmt = _pn_store_prepare_cached (self, BENEFIT_AND_ARTICLE_SQL, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, key);
      r = _pn_store_step (self, stmt, error);
      if (r == PN_STEP_ROW && sqlite3_column_int64 (stmt, COLUMN_DOCUMENT_KEY) != document->store_key)
        _pn_store_damaged (self, error, document->id, "a benefit key points to another document");
      else if (r == PN_STEP_ROW)
        {
          PnArticle *article = lookup_article (user_data, sqlite3_column_int64 (stmt, COLUMN_ARTICLE_KEY));

          /* a key given again to another document's article: not this one */
          if (article != NULL && article->document != document)
            article = NULL;

          if (article == NULL && sqlite3_column_type (stmt, COLUMN_ARTICLE) == SQLITE_NULL)
            _pn_store_damaged (self, error, document->id, "an article of one of its benefits is missing");
          else if (article == NULL && sqlite3_column_int64 (stmt, COLUMN_ARTICLE_DOCUMENT) != document->store_key)
            _pn_store_damaged (self, error, document->id, "an article belongs to another document");
          else if (article == NULL)
            {
              article = article_from_row (self, stmt, COLUMN_ARTICLE, document, FALSE, error);
              if (article != NULL)
                {
                  /* the caller's cache holds it */
                  article = resolve_article (user_data, article);
                  pn_article_unref (article);
                }
            }
          if (article != NULL)
            benefit = benefit_from_row (self, stmt, article, taxonomy, error);
        }
      else if (r == PN_STEP_DONE)
        row_missing (self, error, document->id, "a benefit that its keys name");
    }
  _pn_store_unlock (self);

  return benefit;
}

GPtrArray *
_pn_store_read_articles (PnStore           *self,
                         PnDocument        *document,
                         PnTaxonomy        *taxonomy,
                         PnResolveArticle   resolve_article,
                         PnResolveBenefit   resolve_benefit,
                         gpointer           user_data,
                         GError           **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_article_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = FALSE;
  guint n_benefits = 0;
  PnStepResult r;

  if (!_pn_store_begin_read (self, error))
    return NULL;

  stmt = _pn_store_prepare (self,
                            "SELECT " ARTICLE_COLUMNS " FROM articles WHERE document = ? ORDER BY position",
                            error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, document->store_key);
  while ((r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      PnArticle *article = article_from_row (self, stmt, 0, document, TRUE, error);

      if (article == NULL)
        goto out;
      article = resolve_article (user_data, article);
      if (article->benefits == NULL)
        article->benefits = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_benefit_unref);
      g_ptr_array_add (articles, article);
      g_hash_table_insert (by_key, &article->store_key, article);
    }
  if (r == PN_STEP_ERROR)
    goto out;
  if (articles->len != document->n_articles)
    {
      _pn_store_damaged (self, error, document->id, "it should have %u articles, not %u",
                         document->n_articles, articles->len);
      goto out;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = _pn_store_prepare (self,
                            "SELECT " BENEFIT_COLUMNS ", article FROM benefits WHERE document = ? ORDER BY seq",
                            error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, document->store_key);
  while ((r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      gint64 article_key = sqlite3_column_int64 (stmt, 18);
      PnArticle *article = g_hash_table_lookup (by_key, &article_key);
      PnBenefit *benefit;

      if (article == NULL)
        {
          _pn_store_damaged (self, error, document->id, "a benefit belongs to no article of it");
          goto out;
        }
      benefit = benefit_from_row (self, stmt, article, taxonomy, error);
      if (benefit == NULL)
        goto out;
      benefit = resolve_benefit (user_data, benefit);
      if (benefit->seq != n_benefits)
        {
          _pn_store_damaged (self, error, document->id, "its benefits are out of order");
          pn_benefit_unref (benefit);
          goto out;
        }
      n_benefits++;
      g_ptr_array_add (article->benefits, benefit);
    }
  if (r == PN_STEP_ERROR)
    goto out;
  if (n_benefits != document->n_benefits)
    {
      _pn_store_damaged (self, error, document->id, "it should have %u benefits, not %u",
                         document->n_benefits, n_benefits);
      goto out;
    }

  ok = TRUE;

out:
  _pn_store_end_read (self);
  return ok ? g_steal_pointer (&articles) : NULL;
}

/* ---- expected-result cases ---- */

GPtrArray *
_pn_store_read_cases (PnStore     *self,
                      PnDocument  *document,
                      GError     **error)
{
  g_autoptr(GPtrArray) cases = pn_document_new_cases ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GVariant) all = NULL;
  Check check_data = { self, document->id, error, FALSE };
  Check *check = &check_data;
  GVariantIter iter;
  GVariant *answers, *figures, *expectations, *notes;
  const char *name, *as_of, *location;
  gint64 total;
  guint32 line;
  PnStepResult r;

  _pn_store_lock (self);
  stmt = _pn_store_prepare (self, "SELECT cases FROM document_cases WHERE document = ?", error);
  if (stmt == NULL)
    {
      _pn_store_unlock (self);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, document->store_key);
  r = _pn_store_step (self, stmt, error);
  if (r == PN_STEP_ROW)
    all = column_lists (check, stmt, 0, PN_CASES_TYPE);
  _pn_store_unlock (self);

  if (r == PN_STEP_ERROR || check->failed)
    return NULL;
  if (all == NULL)
    return g_steal_pointer (&cases);

  g_variant_iter_init (&iter, all);
  while (!check->failed &&
         g_variant_iter_next (&iter, "(&s&s&s@a(ss)@a(sx)@a(sbxxbybyssa(ss)u)x@a(ss)u)",
                              &name, &as_of, &location, &answers, &figures, &expectations,
                              &total, &notes, &line))
    {
      PnCase *pcase = pn_case_new (document);
      GVariantIter inner;
      const char *key, *value, *benefit_id, *reason, *quote;
      GVariant *x_notes;
      gint64 yuan, counted, estimate;
      gboolean listed, has_match, has_status;
      guchar match, status;
      guint32 x_line;
      GDate date;

      g_ptr_array_add (cases, pcase);
      pcase->name = g_strdup (name);
      pcase->as_of = g_strdup (as_of);
      pcase->location = g_strdup (location);
      pcase->total_cny = total;
      pcase->line = line;
      if (!valid_id (name) || !pn_date_parse (as_of, &date) || !valid_id (location) ||
          (total != PN_YUAN_UNSET && (total < 0 || total > MAX_YUAN)))
        damaged (check, "case “%.100s” is not valid", name);

      g_variant_iter_init (&inner, answers);
      while (g_variant_iter_next (&inner, "(&s&s)", &key, &value))
        {
          PnQuestion question;

          if (!pn_question_from_string (key, &question) || !valid_id (value))
            damaged (check, "an answer of case “%.100s” is not valid", name);
          else
            {
              g_free (pcase->answers[question]);
              pcase->answers[question] = g_strdup (value);
            }
        }

      g_variant_iter_init (&inner, figures);
      while (g_variant_iter_next (&inner, "(&sx)", &key, &yuan))
        {
          PnFigure figure;

          if (!pn_figure_from_string (key, &figure) || yuan < 0 || yuan > MAX_YUAN)
            damaged (check, "a figure of case “%.100s” is not valid", name);
          else
            pcase->figures[figure] = yuan;
        }

      g_variant_iter_init (&inner, expectations);
      while (g_variant_iter_next (&inner, "(&sbxxbyby&s&s@a(ss)u)", &benefit_id, &listed, &counted,
                                  &estimate, &has_match, &match, &has_status, &status, &reason,
                                  &quote, &x_notes, &x_line))
        {
          PnCaseExpectation *expectation = pn_case_add_expectation (pcase);

          expectation->benefit_id = g_strdup (benefit_id);
          expectation->listed = listed;
          expectation->counted_cny = counted;
          expectation->estimate_cny = estimate;
          expectation->has_match = has_match;
          expectation->match = match;
          expectation->has_status = has_status;
          expectation->status = status;
          expectation->reason = *reason != '\0' ? g_strdup (reason) : NULL;
          expectation->quote = *quote != '\0' ? g_strdup (quote) : NULL;
          expectation->line = x_line;
          g_ptr_array_extend_and_steal (expectation->notes, read_texts (check, x_notes, "note"));
          g_variant_unref (x_notes);
          if (!valid_id (benefit_id) || counted < 0 || counted > MAX_YUAN ||
              (estimate != PN_YUAN_UNSET && (estimate < 0 || estimate > MAX_YUAN)) ||
              match > PN_MATCH_POSSIBLE || status > PN_STATUS_SUPERSEDED)
            damaged (check, "an expectation of case “%.100s” is not valid", name);
        }

      g_ptr_array_extend_and_steal (pcase->notes, read_texts (check, notes, "note"));
      g_variant_unref (answers);
      g_variant_unref (figures);
      g_variant_unref (expectations);
      g_variant_unref (notes);
    }

  return check->failed ? NULL : g_steal_pointer (&cases);
}

/* ---- candidates ---- */

/* The benefit_keys.keys of a row (d.key, d.id, k.keys, d.n_benefits),
 * checked whole: records of PnBenefitKey, one for each of the document's
 * benefits (an empty blob hid them all from every question), each naming
 * a benefit by a key the store can have given (≥ 1: a key of 0 is no
 * row). */
static gboolean
keys_of_row (PnStore        *self,
             sqlite3_stmt   *stmt,
             const guint8  **out_data,
             gsize          *out_size,
             GError        **error)
{
  const guint8 *data = sqlite3_column_blob (stmt, 2);
  gsize size = sqlite3_column_bytes (stmt, 2);
  const char *problem = NULL;

  if (size % sizeof (PnBenefitKey) != 0)
    problem = "its benefit keys are cut short";
  else if (sqlite3_column_type (stmt, 3) != SQLITE_INTEGER ||
           (gint64) (size / sizeof (PnBenefitKey)) != sqlite3_column_int64 (stmt, 3))
    problem = "its benefit keys are not one for each of its benefits";
  for (gsize offset = 0; problem == NULL && offset < size; offset += sizeof (PnBenefitKey))
    {
      PnBenefitKey key;

      memcpy (&key, data + offset, sizeof key);
      if (GINT64_FROM_LE (key.benefit) < 1)
        problem = "its benefit keys name no benefit";
    }

  if (problem != NULL)
    {
      g_autofree char *id = g_strndup ((const char *) sqlite3_column_text (stmt, 1), MAX_ID_BYTES);

      return _pn_store_damaged (self, error, id, "%s", problem);
    }

  *out_data = data;
  *out_size = size;
  return TRUE;
}

/* Called with each document's benefit keys, checked by keys_of_row () */
typedef void (*PnKeyRowFunc) (gint64        document,
                              const guint8 *keys,
                              gsize         size,
                              gpointer      data);

/* The rows of benefit_keys of the documents at `places` (NULL: all), one
 * call of `func` each. */
static gboolean
read_key_rows (PnStore             *self,
               const char * const  *places,
               PnKeyRowFunc         func,
               gpointer             data,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT d.key, d.id, k.keys, d.n_benefits FROM documents d"
                                         " JOIN benefit_keys k ON k.document = d.key");
  guint n_places = places != NULL ? g_strv_length ((GStrv) places) : 0;
  gboolean ok = TRUE;
  PnStepResult r = PN_STEP_DONE;

  if (places != NULL)
    {
      g_string_append (sql, " WHERE d.jurisdiction IN (");
      for (guint i = 0; i < MAX (n_places, 1); i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
      g_string_append (sql, ")");
    }

  _pn_store_lock (self);
  stmt = _pn_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    ok = FALSE;
  for (guint i = 0; ok && i < n_places; i++)
    _pn_store_bind_text (stmt, i + 1, places[i]);

  while (ok && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      const guint8 *keys = NULL;
      gsize size = 0;

      ok = keys_of_row (self, stmt, &keys, &size, error);
      if (ok)
        func (sqlite3_column_int64 (stmt, 0), keys, size, data);
    }
  if (ok && r == PN_STEP_ERROR)
    ok = FALSE;
  _pn_store_unlock (self);

  return ok;
}

/* Whether a benefit's key is wanted (PnKeyFilter's `data`) */
typedef gboolean (*PnKeyFilter) (const PnBenefitKey *key,
                                 gconstpointer       data);

typedef struct
{
  PnKeyFilter    filter;
  gconstpointer  data;
  GArray        *out_pairs;
} PairsWanted;

static void
add_wanted_pairs (gint64        document,
                  const guint8 *keys,
                  gsize         size,
                  gpointer      data)
{
  PairsWanted *wanted = data;

  for (gsize offset = 0; offset < size; offset += sizeof (PnBenefitKey))
    {
      PnBenefitKey key;

      memcpy (&key, keys + offset, sizeof key);
      if (wanted->filter (&key, wanted->data))
        {
          gint64 pair[2] = { GINT64_FROM_LE (key.benefit), document };

          g_array_append_vals (wanted->out_pairs, pair, 1);
        }
    }
}

/* The (benefit key, document key) pairs of the benefit keys of the
 * documents at `places` (NULL: all) that `filter` wants. */
static gboolean
read_keys (PnStore             *self,
           const char * const  *places,
           PnKeyFilter          filter,
           gconstpointer        data,
           GArray              *out_pairs,
           GError             **error)
{
  PairsWanted wanted = { filter, data, out_pairs };

  return read_key_rows (self, places, add_wanted_pairs, &wanted, error);
}

void
_pn_key_answers_init (PnKeyAnswers  *out,
                      const char   **answers)
{
  out->n = 0;
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    if (answers[q] != NULL)
      {
        out->question[out->n] = q;
        out->bit[out->n] = _pn_key_bit (answers[q]);
        out->n++;
      }
}

/* `data`: the PnKeyAnswers */
static gboolean
not_excluded (const PnBenefitKey *stored,
              gconstpointer       data)
{
  PnBenefitKey key;

  key.benefit = 0;
  for (guint q = 0; q < PN_N_QUESTIONS; q++)
    key.mask[q] = GUINT32_FROM_LE (stored->mask[q]);
  return _pn_benefit_key_admits (&key, data);
}

gboolean
_pn_store_read_candidates (PnStore             *self,
                           const char * const  *places,
                           const char         **answers,
                           GArray              *out_pairs,
                           GError             **error)
{
  PnKeyAnswers wanted;

  g_return_val_if_fail (places != NULL, FALSE);

  _pn_key_answers_init (&wanted, answers);
  return read_keys (self, places, not_excluded, &wanted, out_pairs, error);
}

typedef struct
{
  GArray    *out_documents;
  GPtrArray *out_keys;
} PlaceKeys;

static void
add_document_keys (gint64        document,
                   const guint8 *keys,
                   gsize         size,
                   gpointer      data)
{
  PlaceKeys *place = data;
  PnBenefitKey *records = g_malloc (MAX (size, 1));

  /* a document without benefits has none (and SQLite no blob) */
  if (size > 0)
    memcpy (records, keys, size);
#if G_BYTE_ORDER != G_LITTLE_ENDIAN
  for (gsize i = 0; i < size / sizeof (PnBenefitKey); i++)
    {
      records[i].benefit = GINT64_FROM_LE (records[i].benefit);
      for (guint q = 0; q < PN_N_QUESTIONS; q++)
        records[i].mask[q] = GUINT32_FROM_LE (records[i].mask[q]);
      records[i].uses = GUINT32_FROM_LE (records[i].uses);
    }
#endif
  g_array_append_val (place->out_documents, document);
  g_ptr_array_add (place->out_keys, g_bytes_new_take (records, size));
}

gboolean
_pn_store_read_place_keys (PnStore             *self,
                           const char * const  *places,
                           GArray              *out_documents,
                           GPtrArray           *out_keys,
                           GError             **error)
{
  PlaceKeys place = { out_documents, out_keys };

  g_return_val_if_fail (places != NULL, FALSE);

  return read_key_rows (self, places, add_document_keys, &place, error);
}

/* `data`: the PN_USES_* bits wanted */
static gboolean
uses_any (const PnBenefitKey *key,
          gconstpointer       data)
{
  return (GUINT32_FROM_LE (key->uses) & *(const guint32 *) data) != 0;
}

gboolean
_pn_store_read_uses (PnStore             *self,
                     const char * const  *places,
                     guint32              uses,
                     GArray              *out_pairs,
                     GError             **error)
{
  return read_keys (self, places, uses_any, &uses, out_pairs, error);
}

gboolean
_pn_store_read_ending (PnStore     *self,
                       gint64       document,
                       const char  *from,
                       const char  *until,
                       GArray      *out_keys,
                       guint       *out_undated,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;
  PnStepResult r;

  _pn_store_lock (self);
  /* the column the dates are compared on is checked as every date read
   * back: "2026-02-30" or "garbage" would drop or keep measures in silence */
  stmt = _pn_store_prepare (self,
                            "SELECT DISTINCT b.valid_until, d.id FROM benefits b"
                            " JOIN documents d ON d.key = b.document"
                            " WHERE b.document = ?1 AND b.valid_until IS NOT NULL", error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_int64 (stmt, 1, document);
      while (ok && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 0);

          if (sqlite3_column_type (stmt, 0) != SQLITE_TEXT || sqlite3_column_bytes (stmt, 0) != 10 ||
              !valid_date (text))
            {
              g_autofree char *id = g_strndup ((const char *) sqlite3_column_text (stmt, 1), MAX_ID_BYTES);

              ok = _pn_store_damaged (self, error, id, "a measure's end date is not a date");
            }
        }
      ok = ok && r == PN_STEP_DONE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = !ok ? NULL : _pn_store_prepare (self,
                                         "SELECT key FROM benefits WHERE document = ?1"
                                         " AND valid_until >= ?2 AND (?3 IS NULL OR valid_until <= ?3)"
                                         " ORDER BY seq", error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      sqlite3_bind_int64 (stmt, 1, document);
      _pn_store_bind_text (stmt, 2, from);
      _pn_store_bind_text (stmt, 3, until);
      while ((r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
        {
          gint64 key = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (out_keys, key);
        }
      ok = r == PN_STEP_DONE;
    }

  if (ok && out_undated != NULL)
    {
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = _pn_store_prepare (self,
                                "SELECT count(*) FROM benefits WHERE document = ? AND valid_until IS NULL",
                                error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, document);
          ok = _pn_store_step (self, stmt, error) == PN_STEP_ROW;
          if (ok)
            *out_undated = sqlite3_column_int (stmt, 0);
        }
    }
  _pn_store_unlock (self);

  return ok;
}

gboolean
_pn_store_read_top_ups_into (PnStore     *self,
                             const char  *document_id,
                             GArray      *out_pairs,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prefix = g_strconcat (document_id, "/", NULL);
  g_autofree char *end = g_strconcat (document_id, "0", NULL);  /* '0' follows '/' */
  gboolean ok = TRUE;
  PnStepResult r = PN_STEP_DONE;

  _pn_store_lock (self);
  stmt = _pn_store_prepare (self,
                            "SELECT DISTINCT b.key, b.document FROM top_ups t"
                            " JOIN benefits b ON b.key = t.benefit"
                            " JOIN documents d ON d.key = b.document"
                            " WHERE t.target >= ? AND t.target < ? AND d.id != ?", error);
  if (stmt == NULL)
    ok = FALSE;
  else
    {
      _pn_store_bind_text (stmt, 1, prefix);
      _pn_store_bind_text (stmt, 2, end);
      _pn_store_bind_text (stmt, 3, document_id);
    }
  while (ok && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_vals (out_pairs, pair, 1);
    }
  if (ok && r == PN_STEP_ERROR)
    ok = FALSE;
  _pn_store_unlock (self);

  return ok;
}

/* (extended id, by id, until) triples of the final documents */
GPtrArray *
_pn_store_read_extensions (PnStore  *self,
                           GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;
  PnStepResult r = PN_STEP_DONE;

  _pn_store_lock (self);
  /* each document's rows, as many as its own lists hold (kept in
   * n_relations): a row gone, or moved to another document, took an
   * extension away in silence */
  stmt = _pn_store_prepare (self,
                            "SELECT d.id FROM documents d WHERE d.n_relations IS NOT"
                            " (SELECT count(*) FROM extensions e WHERE e.document = d.key)"
                            " + (SELECT count(*) FROM supersessions s WHERE s.document = d.key) LIMIT 1", error);
  if (stmt == NULL)
    ok = FALSE;
  else if ((r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);

      ok = _pn_store_damaged (self, error, valid_id (id) ? id : "a document",
                              "the documents it supersedes or extends are not those of its rows");
    }
  else if (r == PN_STEP_ERROR)
    ok = FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  r = PN_STEP_DONE;
  if (!ok)
    {
      _pn_store_unlock (self);
      return NULL;
    }
  /* every row, of a document there or not: a row of none, or of a
   * document whose status is no status, is damage to say (a join left
   * them out, and a client's ¥12,000,000 became ¥0 in silence) */
  stmt = _pn_store_prepare (self,
                            "SELECT e.extends, d.id, e.until_day, d.draft, d.key, e.document FROM extensions e"
                            " LEFT JOIN documents d ON d.key = e.document", error);
  if (stmt == NULL)
    ok = FALSE;
  while (ok && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      const char *extends = (const char *) sqlite3_column_text (stmt, 0);
      const char *by = (const char *) sqlite3_column_text (stmt, 1);
      const char *until = (const char *) sqlite3_column_text (stmt, 2);
      const char *named = by != NULL && valid_id (by) ? by : "a document";

      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL)
        ok = _pn_store_damaged (self, error, "a notice", "a row of the extensions is of no document");
      else if (sqlite3_column_type (stmt, 3) != SQLITE_INTEGER ||
               (sqlite3_column_int (stmt, 3) != 0 && sqlite3_column_int (stmt, 3) != 1))
        ok = _pn_store_damaged (self, error, named, "its status is not valid");
      else if (!valid_id (by))
        ok = _pn_store_damaged (self, error, "a notice", "its id is not valid");
      else if (sqlite3_column_type (stmt, 0) != SQLITE_TEXT || !valid_id (extends))
        ok = _pn_store_damaged (self, error, named, "the id of a document it extends is not valid");
      else if (sqlite3_column_type (stmt, 2) != SQLITE_TEXT || !valid_date (until))
        ok = _pn_store_damaged (self, error, named, "the day it extends “%s” to is not a date", extends);
      if (!ok)
        break;
      /* a draft extends nothing until it is final */
      if (sqlite3_column_int (stmt, 3) != 0)
        continue;
      g_ptr_array_add (rows, g_strdup (extends));
      g_ptr_array_add (rows, g_strdup (by));
      g_ptr_array_add (rows, g_strdup (until));
    }
  if (ok && r == PN_STEP_ERROR)
    ok = FALSE;
  _pn_store_unlock (self);

  return ok ? g_steal_pointer (&rows) : NULL;
}

GPtrArray *
_pn_store_read_supersessions (PnStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok = TRUE;
  PnStepResult r = PN_STEP_DONE;

  _pn_store_lock (self);
  stmt = _pn_store_prepare (self,
                            "SELECT s.replaces, d.id, s.from_day FROM supersessions s"
                            " JOIN documents d ON d.key = s.document WHERE d.draft = 0", error);
  if (stmt == NULL)
    ok = FALSE;
  while (ok && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      const char *replaces = (const char *) sqlite3_column_text (stmt, 0);
      const char *by = (const char *) sqlite3_column_text (stmt, 1);
      const char *from = (const char *) sqlite3_column_text (stmt, 2);

      if (!valid_id (replaces) || !valid_id (by) || !valid_date (from))
        {
          ok = _pn_store_damaged (self, error, by != NULL && valid_id (by) ? by : "a document",
                                  "a document it supersedes is not valid");
          break;
        }
      g_ptr_array_add (rows, g_strdup (replaces));
      g_ptr_array_add (rows, g_strdup (by));
      g_ptr_array_add (rows, g_strdup (from));
    }
  if (ok && r == PN_STEP_ERROR)
    ok = FALSE;
  _pn_store_unlock (self);

  return ok ? g_steal_pointer (&rows) : NULL;
}
