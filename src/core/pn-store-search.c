/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-store"

#include "config.h"

#include <string.h>

#include "pn-store-private.h"
#include "pn-fts-rank.h"

/* Full-text search over article headings, text and summaries (FTS5 with
 * the trigram tokenizer, schema 2 and 4), for pn_store_search(). */

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

/* Whether column `column` is text as the store wrote it: valid UTF-8
 * without NULs (what the snippet walks character by character), or NULL
 * where that is allowed. */
static gboolean
column_is_text (sqlite3_stmt *stmt,
                int           column,
                gboolean      required)
{
  const char *text;
  int size;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return !required;
  text = (const char *) sqlite3_column_text (stmt, column);
  size = sqlite3_column_bytes (stmt, column);
  return text != NULL && memchr (text, '\0', size) == NULL && g_utf8_validate (text, size, NULL);
}

/* A hit for the row a statement stands on: document_id, doc_number,
 * number, heading_zh, heading_en, original, summary.  What is read back
 * is checked like pn-store-read.c checks it: a damaged article is an
 * error naming its document. */
static PnSearchHit *
hit_from_row (PnStore       *self,
              sqlite3_stmt  *stmt,
              const char    *query,
              GError       **error)
{
  PnSearchHit *hit;
  const char *original, *summary, *heading_zh, *heading_en, *source;

  for (int column = 0; column < 7; column++)
    if (!column_is_text (stmt, column, column == 0 || column == 2))
      {
        _pn_store_damaged (self, error, (const char *) sqlite3_column_text (stmt, 0),
                           "an article found by search is not valid text");
        return NULL;
      }

  hit = g_new0 (PnSearchHit, 1);
  source = original = (const char *) sqlite3_column_text (stmt, 5);
  summary = (const char *) sqlite3_column_text (stmt, 6);
  heading_zh = (const char *) sqlite3_column_text (stmt, 3);
  heading_en = (const char *) sqlite3_column_text (stmt, 4);

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

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* The query with a space at each border of digits and Han characters,
 * or with none there: "1000万元" finds the "1000 万元" a text extracted
 * from a PDF wrote, and the other way round */
static char *
spaced_at_digits (const char *query,
                  gboolean    spaced)
{
  GString *out = g_string_new (NULL);
  gunichar before = 0;

  for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!spaced && c == ' ')
        {
          const char *next = g_utf8_next_char (p);
          gunichar after = *next != '\0' ? g_utf8_get_char (next) : 0;

          if ((g_ascii_isdigit (before) && is_han (after)) || (is_han (before) && g_ascii_isdigit (after)))
            continue;
        }
      if (spaced && before != 0 &&
          ((g_ascii_isdigit (before) && is_han (c)) || (is_han (before) && c < 0x80 && g_ascii_isdigit (c))))
        g_string_append_c (out, ' ');
      g_string_append_unichar (out, c);
      before = c;
    }
  return g_string_free (out, FALSE);
}

/* Ⅰ Ⅱ Ⅲ Ⅳ before 期 or 类 written with Latin letters (II期), or the other
 * way round: the texts write 完成Ⅰ、Ⅱ、Ⅲ期, a keyboard II期 */
static char *
roman_swapped (const char *query)
{
  static const struct { const char *latin; const char *numeral; } numerals[] = {
    { "III", "Ⅲ" }, { "IV", "Ⅳ" }, { "II", "Ⅱ" }, { "I", "Ⅰ" },
  };
  GString *out = g_string_new (NULL);
  gboolean changed = FALSE;

  for (const char *p = query; *p != '\0';)
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (numerals) && !done; i++)
        {
          const char *from[2] = { numerals[i].latin, numerals[i].numeral };

          for (guint way = 0; way < 2 && !done; way++)
            {
              const char *rest = p + strlen (from[way]);

              if (!g_str_has_prefix (p, from[way]) ||
                  !(g_str_has_prefix (rest, "期") || g_str_has_prefix (rest, "类") ||
                    g_str_has_prefix (rest, "、") || g_str_has_prefix (rest, " 期")) ||
                  (way == 0 && p > query && g_ascii_isalpha (p[-1])))
                continue;
              g_string_append (out, way == 0 ? numerals[i].numeral : numerals[i].latin);
              p = rest;
              done = changed = TRUE;
            }
        }
      if (!done)
        {
          g_string_append_unichar (out, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
    }
  if (!changed)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
add_phrase (GString    *match,
            GPtrArray  *seen,
            const char *text)
{
  if (text == NULL || g_utf8_strlen (text, -1) < 3 ||
      g_ptr_array_find_with_equal_func (seen, text, g_str_equal, NULL))
    return;
  g_ptr_array_add (seen, g_strdup (text));
  if (match->len > 0)
    g_string_append (match, " OR ");
  /* each a quoted phrase, so FTS syntax in user input is inert */
  g_string_append_c (match, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
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
  g_autoptr(GString) phrase = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  PnStepResult r;
  int rc;

  /* the query, and the spellings a text may have of it */
  {
    g_autofree char *spaced = spaced_at_digits (query, TRUE);
    g_autofree char *unspaced = spaced_at_digits (query, FALSE);
    const char *forms[] = { query, spaced, unspaced };

    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        g_autofree char *roman = roman_swapped (forms[i]);

        add_phrase (phrase, seen, forms[i]);
        add_phrase (phrase, seen, roman);
      }
  }

  rc = pn_fts_rank_refresh (_pn_store_get_rank (self), _pn_store_get_db (self), "articles_fts");
  if (rc != SQLITE_OK)
    {
      _pn_store_set_sql_error (self, error, rc, sqlite3_errmsg (_pn_store_get_db (self)));
      return NULL;
    }

  stmt = _pn_store_prepare (self,
                  /* rank inside FTS first, then read only the winners */
                  "SELECT d.id, d.doc_number, a.number, a.heading_zh, a.heading_en,"
                  "       a.original, a.summary"
                  " FROM (SELECT rowid AS id, pn_rank(articles_fts, 5.0, 5.0, 1.0, 1.0) AS score"
                  "       FROM articles_fts WHERE articles_fts MATCH ?1"
                  "       ORDER BY score LIMIT CASE WHEN ?2 IS NULL THEN ?3 ELSE -1 END) h"
                  " JOIN articles a ON a.id = h.id"
                  " JOIN documents d ON d.key = a.document"
                  " WHERE ?2 IS NULL OR d.id = ?2"
                  " ORDER BY h.score, d.position, a.position"
                  " LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  _pn_store_bind_text (stmt, 1, phrase->str);
  _pn_store_bind_text (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, limit);

  while ((r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      PnSearchHit *hit = hit_from_row (self, stmt, query, error);

      if (hit == NULL)
        return NULL;
      g_ptr_array_add (hits, hit);
    }
  if (r == PN_STEP_ERROR)
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
 * order, so SQLite reads no further than the LIMIT; d.key changes
 * nothing (ids are unique) but lets SQLite see that no two documents
 * tie, so it need not sort. */
#define SHORT_ORDER " ORDER BY d.user_imported, d.position, d.id, d.key, a.position"

/* CROSS JOIN keeps documents as the outer loop, for the same reason. */
#define SHORT_FROM " FROM documents d CROSS JOIN articles a ON a.document = d.key"

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
  PnStepResult r;

  while ((r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  return r == PN_STEP_DONE;
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
  PnStepResult r = PN_STEP_DONE;

  stmt = _pn_store_prepare (self,
                  "SELECT a.id, CASE WHEN " SHORT_HEADING_HIT " THEN 0"
                  "                  ELSE " SHORT_OTHER_HIT " END"
                  SHORT_FROM
                  " WHERE ?2 IS NULL OR d.id = ?2"
                  SHORT_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  _pn_store_bind_text (stmt, 1, query);
  _pn_store_bind_text (stmt, 2, document_id);

  *complete = FALSE;
  while (found < need && read < budget && (r = _pn_store_step (self, stmt, error)) == PN_STEP_ROW)
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
      if (r == PN_STEP_ERROR)
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
  PnStepResult r;

  /* Every term is three characters, so the query followed by two
   * U+10FFFF is the last that can begin with it. */
  vocab = _pn_store_prepare (self,
                   "SELECT term FROM articles_vocab"
                   " WHERE term >= ?1 AND term <= ?1 || char(0x10FFFF, 0x10FFFF)", error);
  if (vocab == NULL)
    return FALSE;
  _pn_store_bind_text (vocab, 1, spelling);

  /* Each term one quoted phrase: the index's own text, inert as syntax. */
  while ((r = _pn_store_step (self, vocab, error)) == PN_STEP_ROW)
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
  if (r == PN_STEP_ERROR)
    return FALSE;

  if (match->len > 0)
    stmt = _pn_store_prepare (self,
                    SHORT_CANDIDATE_HITS ("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?4"
                                          " UNION ALL " SHORT_TAIL_CANDIDATES), error);
  else
    stmt = _pn_store_prepare (self, SHORT_CANDIDATE_HITS (SHORT_TAIL_CANDIDATES), error);
  if (stmt == NULL)
    return FALSE;
  _pn_store_bind_text (stmt, 1, query);
  _pn_store_bind_text (stmt, 2, document_id);
  sqlite3_bind_int64 (stmt, 3, need);
  if (match->len > 0)
    _pn_store_bind_text (stmt, 4, match->str);

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
  stmt = _pn_store_prepare (self,
                  "SELECT a.id" SHORT_FROM
                  " WHERE " SHORT_HEADING_HIT " AND (?2 IS NULL OR d.id = ?2)"
                  SHORT_ORDER " LIMIT ?3", error);
  if (stmt == NULL)
    return NULL;
  _pn_store_bind_text (stmt, 1, query);
  _pn_store_bind_text (stmt, 2, document_id);
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
  stmt = _pn_store_prepare (self,
                  "SELECT d.id, d.doc_number, a.number, a.heading_zh, a.heading_en,"
                  "       a.original, a.summary"
                  " FROM articles a JOIN documents d ON d.key = a.document"
                  " WHERE a.id = ?", error);
  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      PnSearchHit *hit;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (_pn_store_step (self, stmt, error) != PN_STEP_ROW)
        {
          /* PN_STEP_DONE cannot happen inside the snapshot */
          if (error != NULL && *error == NULL)
            _pn_store_set_sql_error (self, error, SQLITE_CORRUPT, "an article found by search is missing");
          return NULL;
        }
      hit = hit_from_row (self, stmt, query, error);
      if (hit == NULL)
        return NULL;
      g_ptr_array_add (hits, hit);
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

  if (!_pn_store_exec (self, "SAVEPOINT pn_search", error))
    return NULL;
  hits = search_short_in_snapshot (self, query, document_id, limit, error);
  if (!_pn_store_exec (self, "RELEASE pn_search", hits != NULL ? error : NULL))
    {
      /* never leave the read transaction open */
      g_clear_pointer (&hits, g_ptr_array_unref);
      _pn_store_rollback (self);
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
  GPtrArray *hits;

  g_return_val_if_fail (PN_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!_pn_store_policies_usable (self, error))
    return NULL;

  trimmed = g_strstrip (g_strdup (query));
  if (*trimmed == '\0')
    return g_ptr_array_new_with_free_func ((GDestroyNotify) pn_search_hit_free);
  if (limit == 0)
    limit = 20;

  _pn_store_lock (self);
  if (g_utf8_strlen (trimmed, -1) >= 3)
    hits = search_phrase (self, trimmed, document_id, limit, error);
  else
    hits = search_short (self, trimmed, document_id, limit, error);
  /* "II期" is "Ⅱ期" in the texts: two characters, which the trigram
   * index cannot match; the short search finds them, after the others */
  if (hits != NULL && hits->len < limit && g_utf8_strlen (trimmed, -1) >= 3)
    {
      g_autofree char *roman = roman_swapped (trimmed);
      g_autoptr(GPtrArray) more = NULL;

      if (roman != NULL && g_utf8_strlen (roman, -1) < 3)
        more = search_short (self, roman, document_id, limit, error);
      if (roman != NULL && g_utf8_strlen (roman, -1) < 3 && more == NULL)
        g_clear_pointer (&hits, g_ptr_array_unref);
      for (guint i = 0; more != NULL && i < more->len && hits->len < limit; i++)
        {
          PnSearchHit *hit = g_ptr_array_index (more, i);
          gboolean known = FALSE;

          for (guint j = 0; j < hits->len && !known; j++)
            {
              const PnSearchHit *other = g_ptr_array_index (hits, j);

              known = g_str_equal (other->document_id, hit->document_id) && g_str_equal (other->article, hit->article);
            }
          if (!known)
            g_ptr_array_add (hits, g_ptr_array_steal_index (more, i--));
        }
    }
  _pn_store_unlock (self);

  return hits;
}
