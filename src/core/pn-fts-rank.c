/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-store"

#include "config.h"

#include "pn-fts-rank.h"

/* bm25()'s constants (SQLite's fts5_aux.c) */
#define BM25_K1 1.2
#define BM25_B  0.75

typedef struct
{
  sqlite3_int64 rowid;
  guint32       n_tokens;  /* in every column together */
} RowLength;

struct _PnFtsRank
{
  GArray        *lengths;  /* RowLength, by rowid */
  gboolean       loaded;
  sqlite3_int64  data_version;   /* other connections' commits */
  sqlite3_int64  total_changes;  /* this connection's */
};

PnFtsRank *
pn_fts_rank_new (void)
{
  PnFtsRank *self = g_new0 (PnFtsRank, 1);

  self->lengths = g_array_new (FALSE, FALSE, sizeof (RowLength));
  return self;
}

void
pn_fts_rank_free (PnFtsRank *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lengths);
  g_free (self);
}

/* An SQLite varint, the format of the %_docsize blobs; FALSE when the
 * blob ends inside one. */
static gboolean
read_varint (const guint8  **p,
             const guint8   *end,
             guint64        *out_value)
{
  guint64 value = 0;

  for (guint i = 0; i < 9; i++)
    {
      if (*p >= end)
        return FALSE;
      if (i == 8)
        {
          value = (value << 8) | *(*p)++;
          break;
        }
      value = (value << 7) | (**p & 0x7f);
      if ((*(*p)++ & 0x80) == 0)
        break;
    }

  *out_value = value;
  return TRUE;
}

static gboolean
find_length (PnFtsRank     *self,
             sqlite3_int64  rowid,
             guint32       *out_n_tokens)
{
  guint lo = 0;
  guint hi = self->lengths->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const RowLength *row = &g_array_index (self->lengths, RowLength, mid);

      if (row->rowid == rowid)
        {
          *out_n_tokens = row->n_tokens;
          return TRUE;
        }
      if (row->rowid < rowid)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

static sqlite3_int64
data_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  sqlite3_int64 version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* A %_docsize row: the rowid, and a varint per column. */
static void
append_length (GArray       *lengths,
               sqlite3_stmt *stmt,
               gboolean     *sorted)
{
  const guint8 *p = sqlite3_column_blob (stmt, 1);
  /* a NULL or empty sz (a damaged file) is no blob: no pointer to offset */
  const guint8 *end = p != NULL ? p + sqlite3_column_bytes (stmt, 1) : NULL;
  RowLength row = { sqlite3_column_int64 (stmt, 0), 0 };
  guint64 n_tokens = 0;
  guint64 column;

  while (p != NULL && p < end && read_varint (&p, end, &column))
    n_tokens += column;
  row.n_tokens = (guint32) MIN (n_tokens, G_MAXUINT32);

  if (lengths->len > 0 && g_array_index (lengths, RowLength, lengths->len - 1).rowid >= row.rowid)
    *sorted = FALSE;
  g_array_append_val (lengths, row);
}

int
pn_fts_rank_refresh (PnFtsRank  *self,
                     sqlite3    *db,
                     const char *table)
{
  sqlite3_int64 version = data_version (db);
  sqlite3_int64 changes = sqlite3_total_changes64 (db);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean sorted = TRUE;
  int rc;

  if (self->loaded && version == self->data_version && changes == self->total_changes)
    return SQLITE_OK;

  g_array_set_size (self->lengths, 0);
  self->loaded = FALSE;

  /* the table name is ours, never the user's */
  sql = g_strdup_printf ("SELECT id, sz FROM \"%s_docsize\"", table);
  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      append_length (self->lengths, stmt, &sorted);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    {
      g_array_set_size (self->lengths, 0);
      return rc;
    }

  /* an INTEGER PRIMARY KEY scan is in rowid order; in case it is not,
   * the rows are not used and pn_rank() asks FTS5 */
  if (!sorted)
    g_array_set_size (self->lengths, 0);

  self->loaded = TRUE;
  self->data_version = version;
  self->total_changes = changes;
  return SQLITE_OK;
}

/* avgdl, computed once per query like bm25() does */
static double *
average_length (const Fts5ExtensionApi *api,
                Fts5Context            *fts,
                int                    *out_rc)
{
  double *average = api->xGetAuxdata (fts, 0);
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 n_tokens = 0;

  if (average != NULL)
    return average;

  if ((*out_rc = api->xRowCount (fts, &n_rows)) != SQLITE_OK ||
      (*out_rc = api->xColumnTotalSize (fts, -1, &n_tokens)) != SQLITE_OK)
    return NULL;

  average = sqlite3_malloc (sizeof *average);
  if (average == NULL)
    {
      *out_rc = SQLITE_NOMEM;
      return NULL;
    }
  *average = n_rows > 0 ? (double) n_tokens / (double) n_rows : 1.0;
  if ((*out_rc = api->xSetAuxdata (fts, average, sqlite3_free)) != SQLITE_OK)
    return NULL;
  return average;
}

static void
rank_function (const Fts5ExtensionApi  *api,
               Fts5Context             *fts,
               sqlite3_context         *context,
               int                      n_args,
               sqlite3_value          **args)
{
  PnFtsRank *self = api->xUserData (fts);
  const double *average;
  double frequency = 0;
  guint32 length;
  int n_instances = 0;
  int rc = SQLITE_OK;

  average = average_length (api, fts, &rc);
  if (average == NULL || (rc = api->xInstCount (fts, &n_instances)) != SQLITE_OK)
    {
      sqlite3_result_error_code (context, rc);
      return;
    }

  /* bm25()'s term frequency: each hit counts its column's weight */
  for (int i = 0; i < n_instances; i++)
    {
      int phrase, column, offset;

      if ((rc = api->xInst (fts, i, &phrase, &column, &offset)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      frequency += column < n_args ? sqlite3_value_double (args[column]) : 1.0;
    }

  if (!find_length (self, api->xRowid (fts), &length))
    {
      int n_tokens = 0;

      if ((rc = api->xColumnSize (fts, -1, &n_tokens)) != SQLITE_OK)
        {
          sqlite3_result_error_code (context, rc);
          return;
        }
      length = (guint32) MAX (n_tokens, 0);
    }

  /* bm25() without the inverse document frequency, lower is better */
  sqlite3_result_double (context,
                         -(frequency * (BM25_K1 + 1.0)) /
                         (frequency + BM25_K1 * (1.0 - BM25_B + BM25_B * (double) length / *average)));
}

int
pn_fts_rank_register (PnFtsRank *self,
                      sqlite3   *db)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *fts5 = NULL;
  int rc;

  /* the documented way to reach the FTS5 API of a connection */
  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, &fts5, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
      rc = sqlite3_finalize (stmt);
    }
  if (rc == SQLITE_OK && (fts5 == NULL || fts5->iVersion < 2))
    rc = SQLITE_ERROR;
  if (rc != SQLITE_OK)
    {
      pn_fts_rank_free (self);
      return rc;
    }

  /* FTS5 frees `self` with the connection, even when this fails */
  return fts5->xCreateFunction (fts5, "pn_rank", self, rank_function,
                                (void (*) (void *)) pn_fts_rank_free);
}
