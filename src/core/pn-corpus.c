/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-corpus"

#include "config.h"

#include <string.h>

#include "pn-corpus.h"
#include "pn-corpus-private.h"
#include "pn-core-private.h"
#include "pn-date.h"
#include "pn-policy-loader.h"
#include "pn-policy-private.h"
#include "pn-store-private.h"

/* A corpus is the documents of a store (read on demand, each row once:
 * `documents`, `articles` and `benefits` map keys to the one value of
 * each row read so far) and documents held in memory (`memory`, whole),
 * less the store's documents whose ids are in `hidden` (replaced or
 * removed by an overlay).  `lock` guards the caches: results are read in
 * worker threads.  It is taken before the store's own lock, never after. */

struct _PnCorpus
{
  PnTaxonomy *taxonomy;
  PnStore    *store;         /* or NULL */
  GPtrArray  *memory;        /* PnDocument, whole, in listing order */
  GHashTable *hidden;        /* ids of the store's documents left out */

  GMutex      lock;
  GHashTable *documents;     /* key → PnDocument */
  GHashTable *articles;      /* key → PnArticle */
  GHashTable *benefits;      /* key → PnBenefit */
  GHashTable *benefit_ids;   /* id → PnBenefit (borrowed), found so far */
  GPtrArray  *listing;       /* every document's header, once listed */
  GHashTable *memory_benefits; /* id → PnBenefit of `memory`, built on use */
  GHashTable *superseded;    /* replaced id → PnSupersededBy, built on use */
  /* extended id → PnExtendedBy (the latest day a final document keeps it
   * in force to), built on use and written into each document the corpus
   * hands out (extended_until, extended_by) */
  GHashTable *extended;
  gboolean    reading_extended;

  /* The store as these caches last saw it.  Another process may commit
   * meanwhile: the listing, the replacements and the ids found are then
   * read again, and a row found under a key it gave again (SQLite gives
   * a removed last row's key to the next) replaces the one cached. */
  PnStoreStamp stamp;
  guint        read_depth;    /* reads begun by the corpus, nested */

  /* The store's benefit keys of a place asked about again, so that the
   * questions after read nothing: per document its keys and the
   * benefits read for them so far; per location the documents there and
   * above it, in listing order.  Until the store changes.  The first
   * question at a place reads only the keys its answers may match: a
   * process that asks once (pnav) keeps nothing. */
  GHashTable  *places_asked;  /* locations asked about once */
  GHashTable  *document_keys; /* document key → DocumentKeys */
  GHashTable  *place_keys;    /* location → GPtrArray of DocumentKeys (borrowed) */
  /* rows so replaced, kept for earlier results */
  GPtrArray   *retired_articles;
  GPtrArray   *retired_benefits;
};

/* One document's benefit keys, in document order.  Reference counted
 * (g_atomic_rc_box): a question's candidates point into them while the
 * corpus may drop them. */
typedef struct
{
  gint64              document_key;
  PnDocument         *document;   /* the corpus's */
  GBytes             *bytes;
  const PnBenefitKey *keys;       /* in `bytes` */
  guint               n_keys;
  PnCandidate        *candidates; /* per key; `benefit` NULL until read */
} DocumentKeys;

static void
document_keys_clear (DocumentKeys *keys)
{
  g_bytes_unref (keys->bytes);
  g_free (keys->candidates);
}

static void
document_keys_release (DocumentKeys *keys)
{
  g_atomic_rc_box_release_full (keys, (GDestroyNotify) document_keys_clear);
}

G_DEFINE_BOXED_TYPE (PnCorpus, pn_corpus, pn_corpus_ref, pn_corpus_unref)

static void
pn_corpus_clear (PnCorpus *self)
{
  g_clear_pointer (&self->place_keys, g_hash_table_unref);
  g_clear_pointer (&self->document_keys, g_hash_table_unref);
  g_clear_pointer (&self->places_asked, g_hash_table_unref);
  g_clear_pointer (&self->listing, g_ptr_array_unref);
  g_clear_pointer (&self->memory_benefits, g_hash_table_unref);
  g_clear_pointer (&self->superseded, g_hash_table_unref);
  g_clear_pointer (&self->extended, g_hash_table_unref);
  g_clear_pointer (&self->benefit_ids, g_hash_table_unref);
  g_clear_pointer (&self->benefits, g_hash_table_unref);
  g_clear_pointer (&self->articles, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->memory, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->taxonomy, pn_taxonomy_unref);
  g_clear_pointer (&self->retired_benefits, g_ptr_array_unref);
  g_clear_pointer (&self->retired_articles, g_ptr_array_unref);
}

static PnCorpus *
corpus_new (PnTaxonomy *taxonomy,
            PnStore    *store)
{
  PnCorpus *self = g_atomic_rc_box_new0 (PnCorpus);

  self->taxonomy = pn_taxonomy_ref (taxonomy);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->memory = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_mutex_init (&self->lock);
  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                           (GDestroyNotify) pn_document_unref);
  self->articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) pn_article_unref);
  self->benefits = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                          (GDestroyNotify) pn_benefit_unref);
  self->benefit_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->document_keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                               (GDestroyNotify) document_keys_release);
  self->place_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->places_asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->retired_articles = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_article_unref);
  self->retired_benefits = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_benefit_unref);
  return self;
}

PnCorpus *
pn_corpus_new (PnTaxonomy *taxonomy,
               GPtrArray  *documents)
{
  PnCorpus *self;

  g_return_val_if_fail (taxonomy != NULL, NULL);
  g_return_val_if_fail (documents != NULL, NULL);

  self = corpus_new (taxonomy, NULL);
  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);

      g_return_val_if_fail (pn_document_is_whole (document), self);
      g_ptr_array_add (self->memory, pn_document_ref (document));
    }

  return self;
}

PnCorpus *
_pn_corpus_new_for_store (PnStore            *store,
                          PnTaxonomy         *taxonomy,
                          const PnStoreStamp *stamp)
{
  PnCorpus *self = corpus_new (taxonomy, store);

  /* the store as it was when the taxonomy was read */
  self->stamp = *stamp;
  return self;
}

/* Listing order: bundled documents first, then by position and id. */
static int
compare_documents (PnDocument *a,
                   PnDocument *b)
{
  if (a->user_imported != b->user_imported)
    return a->user_imported ? 1 : -1;
  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;
  return g_strcmp0 (a->id, b->id);
}

static int
compare_document_ptrs (gconstpointer a,
                       gconstpointer b)
{
  return compare_documents (*(PnDocument **) a, *(PnDocument **) b);
}

static gboolean
in_memory (PnCorpus   *self,
           const char *id)
{
  for (guint i = 0; i < self->memory->len; i++)
    if (g_strcmp0 (((PnDocument *) g_ptr_array_index (self->memory, i))->id, id) == 0)
      return TRUE;
  return FALSE;
}

PnCorpus *
pn_corpus_new_overlay (PnCorpus            *base,
                       GPtrArray           *documents,
                       const char * const  *removed_ids)
{
  PnCorpus *self;
  GHashTableIter iter;
  gpointer id;

  g_return_val_if_fail (base != NULL, NULL);

  self = corpus_new (base->taxonomy, base->store);

  g_hash_table_iter_init (&iter, base->hidden);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (self->hidden, g_strdup (id));
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    g_hash_table_add (self->hidden, g_strdup (((PnDocument *) g_ptr_array_index (documents, i))->id));
  for (guint i = 0; removed_ids != NULL && removed_ids[i] != NULL; i++)
    g_hash_table_add (self->hidden, g_strdup (removed_ids[i]));

  /* the base's documents in memory stay unless replaced or removed */
  for (guint i = 0; i < base->memory->len; i++)
    {
      PnDocument *document = g_ptr_array_index (base->memory, i);

      if (!g_hash_table_contains (self->hidden, document->id))
        g_ptr_array_add (self->memory, pn_document_ref (document));
    }
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);

      g_return_val_if_fail (pn_document_is_whole (document), self);
      if (!in_memory (self, document->id))
        g_ptr_array_add (self->memory, pn_document_ref (document));
    }
  g_ptr_array_sort (self->memory, compare_document_ptrs);

  return self;
}

PnCorpus *
pn_corpus_ref (PnCorpus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
pn_corpus_clear_for_store (PnCorpus *self)
{
  /* the store's lock is held: the store forgets its cached corpus before
   * anyone can take it again */
  _pn_store_forget_corpus (self->store, self);
  pn_corpus_clear (self);
}

void
pn_corpus_unref (PnCorpus *self)
{
  PnStore *store;

  g_return_if_fail (self != NULL);

  if (self->store == NULL)
    {
      g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_corpus_clear);
      return;
    }

  /* The store caches its corpus without a reference (the corpus holds the
   * store: a reference back would keep both alive, and the database open,
   * for ever).  The last release and pn_store_load_corpus() both run
   * under the store's lock, so a corpus being freed is never handed out. */
  store = g_object_ref (self->store);
  _pn_store_lock (store);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_corpus_clear_for_store);
  _pn_store_unlock (store);
  g_object_unref (store);
}

void
pn_corpus_release_store (PnCorpus *self)
{
  g_autoptr(PnStore) store = NULL;

  g_return_if_fail (self != NULL);

  if (self->store == NULL)
    return;

  store = g_steal_pointer (&self->store);
  _pn_store_lock (store);
  _pn_store_forget_corpus (store, self);
  _pn_store_unlock (store);
}

PnTaxonomy *
pn_corpus_get_taxonomy (PnCorpus *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->taxonomy;
}

/* ---- extensions (lock held) ---- */

typedef struct
{
  const char *by;      /* interned */
  const char *until;   /* interned */
} PnExtendedBy;

static PnDocument *find_header_locked (PnCorpus    *self,
                                       const char  *id,
                                       GError     **error);
static void        refresh_if_changed (PnCorpus    *self);
static void        corpus_end_read    (PnCorpus    *self);

/* What the corpus knows of the notices that extend `document`, written
 * into it; nothing until the extensions are read. */
static void
apply_extension (PnCorpus   *self,
                 PnDocument *document)
{
  const PnExtendedBy *by;

  if (self->extended == NULL)
    return;
  /* a draft is never in force: a notice gives it no days */
  by = document->draft ? NULL : g_hash_table_lookup (self->extended, document->id);
  document->extended_until = by != NULL ? by->until : NULL;
  document->extended_by = by != NULL ? by->by : NULL;
}

/* Keeps the latest day a final document extends `extended` to. */
static void
note_extension (GHashTable *extended,
                const char *id,
                const char *by,
                const char *until)
{
  PnExtendedBy *known = g_hash_table_lookup (extended, id);

  if (known != NULL && strcmp (known->until, until) >= 0)
    return;
  if (known == NULL)
    {
      known = g_new0 (PnExtendedBy, 1);
      g_hash_table_insert (extended, (gpointer) g_intern_string (id), known);
    }
  known->by = g_intern_string (by);
  known->until = g_intern_string (until);
}

/* The store's extensions and those of the documents in memory, read once
 * until the store changes, then written into every document the corpus
 * holds. */
static gboolean
read_extended_locked (PnCorpus  *self,
                      GError   **error)
{
  g_autoptr(GHashTable) extended = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->read_depth == 0)
    refresh_if_changed (self);
  /* reading them finds the documents that extend: no read again */
  if (self->extended != NULL || self->reading_extended)
    return TRUE;

  extended = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  if (self->store != NULL)
    {
      g_autoptr(GPtrArray) rows = NULL;
      gboolean ok = TRUE;

      /* the rows and the notices' own lists in one state of the file:
       * another process removing a notice in between is no damage */
      if (!_pn_store_begin_read (self->store, error))
        return FALSE;
      rows = _pn_store_read_extensions (self->store, error);
      if (rows == NULL)
        {
          _pn_store_end_read (self->store);
          return FALSE;
        }
      self->reading_extended = TRUE;
      for (guint i = 0; ok && i + 2 < rows->len; i += 3)
        {
          const char *id = g_ptr_array_index (rows, i);
          const char *by = g_ptr_array_index (rows, i + 1);
          const char *until = g_ptr_array_index (rows, i + 2);
          PnDocument *header;
          gboolean listed = FALSE;

          if (g_hash_table_contains (self->hidden, by))
            continue;
          /* the table is derived from the document's own list: a row it
           * does not hold would change an end date in silence */
          header = find_header_locked (self, by, error);
          if (header == NULL)
            {
              if (error != NULL && *error == NULL)
                _pn_store_damaged (self->store, error, by, "it extends a document but is not there");
              ok = FALSE;
              break;
            }
          for (guint j = 0; header->extends != NULL && j < header->extends->len && !listed; j++)
            {
              const PnExtension *own = g_ptr_array_index (header->extends, j);

              listed = g_strcmp0 (own->ref, id) == 0 && g_strcmp0 (own->until, until) == 0;
            }
          if (!listed)
            {
              _pn_store_damaged (self->store, error, by, "it extends “%s” in one table but not in its own list",
                                 id);
              ok = FALSE;
              break;
            }
          note_extension (extended, id, by, until);
        }
      self->reading_extended = FALSE;
      _pn_store_end_read (self->store);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < self->memory->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->memory, i);

      /* a draft extends nothing until it is final */
      if (document->draft)
        continue;
      for (guint j = 0; document->extends != NULL && j < document->extends->len; j++)
        {
          const PnExtension *extension = g_ptr_array_index (document->extends, j);

          note_extension (extended, extension->ref, document->id, extension->until);
        }
    }

  self->extended = g_steal_pointer (&extended);
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    apply_extension (self, value);
  for (guint i = 0; i < self->memory->len; i++)
    apply_extension (self, g_ptr_array_index (self->memory, i));
  return TRUE;
}

/* ---- one value per row (lock held) ---- */

static PnDocument *
cache_document (PnCorpus   *self,
                PnDocument *document)
{
  PnDocument *known = g_hash_table_lookup (self->documents, &document->store_key);

  if (known != NULL)
    {
      pn_document_unref (document);
      apply_extension (self, known);
      return known;
    }
  g_hash_table_insert (self->documents, &document->store_key, document);
  apply_extension (self, document);
  return document;
}

/* A cached article or benefit whose key the store now gives to another
 * row: out of the caches, alive for the results that point at it. */
static void
retire_article (PnCorpus  *self,
                PnArticle *article)
{
  gpointer stolen = NULL;

  if (g_hash_table_steal_extended (self->articles, &article->store_key, NULL, &stolen))
    g_ptr_array_add (self->retired_articles, stolen);
}

static void
retire_benefit (PnCorpus  *self,
                PnBenefit *benefit)
{
  gpointer stolen = NULL;

  if (g_hash_table_lookup (self->benefit_ids, benefit->id) == benefit)
    g_hash_table_remove (self->benefit_ids, benefit->id);
  if (g_hash_table_steal_extended (self->benefits, &benefit->store_key, NULL, &stolen))
    g_ptr_array_add (self->retired_benefits, stolen);
}

/* Lock held.  When another connection (or this one, for an older corpus)
 * committed since the caches were filled, what is cached by id or as a
 * whole is read again when next needed; what is cached by key is checked
 * against its document as it is met (benefit_at_key (), resolve_benefit ()
 * and resolve_article ()). */
static void
refresh_if_changed (PnCorpus *self)
{
  PnStoreStamp now;

  if (self->store == NULL)
    return;
  _pn_store_get_stamp (self->store, &now);
  if (now.data_version == self->stamp.data_version &&
      now.total_changes == self->stamp.total_changes)
    return;

  self->stamp = now;
  g_hash_table_remove_all (self->place_keys);
  g_hash_table_remove_all (self->document_keys);
  g_hash_table_remove_all (self->places_asked);
  g_hash_table_remove_all (self->benefit_ids);
  g_clear_pointer (&self->listing, g_ptr_array_unref);
  g_clear_pointer (&self->superseded, g_hash_table_unref);
  g_clear_pointer (&self->extended, g_hash_table_unref);
}

/* _pn_store_begin_read () for the corpus (lock held): the outermost read
 * first looks whether the store changed */
static gboolean
corpus_begin_read (PnCorpus  *self,
                   GError   **error)
{
  if (!_pn_store_begin_read (self->store, error))
    return FALSE;
  if (self->read_depth++ == 0)
    refresh_if_changed (self);
  if (!read_extended_locked (self, error))
    {
      corpus_end_read (self);
      return FALSE;
    }
  return TRUE;
}

static void
corpus_end_read (PnCorpus *self)
{
  g_assert (self->read_depth > 0);
  self->read_depth--;
  _pn_store_end_read (self->store);
}

static PnDocument *
document_at_key (PnCorpus  *self,
                 gint64     key,
                 GError   **error)
{
  PnDocument *document = g_hash_table_lookup (self->documents, &key);

  if (document != NULL)
    return document;
  document = _pn_store_read_document (self->store, key, error);
  return document != NULL ? cache_document (self, document) : NULL;
}

static PnArticle *
resolve_article (gpointer   user_data,
                 PnArticle *article)
{
  PnCorpus *self = user_data;
  PnArticle *known = g_hash_table_lookup (self->articles, &article->store_key);

  if (known != NULL && known->document != article->document)
    {
      retire_article (self, known);
      known = NULL;
    }
  if (known != NULL)
    {
      /* read for a benefit without its texts, now read whole */
      if (known->texts_pending && !article->texts_pending)
        {
          known->original = g_steal_pointer (&article->original);
          known->summary = g_steal_pointer (&article->summary);
          known->texts_pending = FALSE;
        }
      pn_article_unref (article);
      return pn_article_ref (known);
    }
  g_hash_table_insert (self->articles, &article->store_key, pn_article_ref (article));
  return article;
}

static PnBenefit *
resolve_benefit (gpointer   user_data,
                 PnBenefit *benefit)
{
  PnCorpus *self = user_data;
  PnBenefit *known = g_hash_table_lookup (self->benefits, &benefit->store_key);

  if (known != NULL && known->document != benefit->document)
    {
      retire_benefit (self, known);
      known = NULL;
    }
  if (known != NULL)
    {
      pn_benefit_unref (benefit);
      return pn_benefit_ref (known);
    }
  g_hash_table_insert (self->benefits, &benefit->store_key, pn_benefit_ref (benefit));
  g_hash_table_insert (self->benefit_ids, benefit->id, benefit);
  return benefit;
}

static PnArticle *
known_article (gpointer user_data,
               gint64   key)
{
  PnCorpus *self = user_data;

  return g_hash_table_lookup (self->articles, &key);
}

/* The benefit of row `key` of the document of row `document_key`, with
 * its article and document. */
static PnBenefit *
benefit_at_key (PnCorpus  *self,
                gint64     key,
                gint64     document_key,
                GError   **error)
{
  PnBenefit *benefit = g_hash_table_lookup (self->benefits, &key);
  PnDocument *document;

  if (benefit != NULL && benefit->document->store_key == document_key)
    return benefit;
  if (benefit != NULL)
    retire_benefit (self, benefit);

  document = document_at_key (self, document_key, error);
  if (document == NULL)
    return NULL;
  benefit = _pn_store_read_benefit (self->store, key, document, known_article, resolve_article, self,
                                    self->taxonomy, error);
  if (benefit == NULL)
    return NULL;
  benefit = resolve_benefit (self, benefit);
  pn_benefit_unref (benefit);
  return benefit;
}

/* ---- listing ---- */

static GPtrArray *
list_locked (PnCorpus  *self,
             GError   **error)
{
  g_autoptr(GPtrArray) listing = NULL;

  if (!read_extended_locked (self, error))
    return NULL;
  if (self->listing != NULL)
    return self->listing;

  listing = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  if (self->store != NULL)
    {
      g_autoptr(GPtrArray) stored = _pn_store_read_documents (self->store, NULL, NULL, error);

      if (stored == NULL)
        return NULL;
      for (guint i = 0; i < stored->len; i++)
        {
          PnDocument *document = g_ptr_array_index (stored, i);

          if (!g_hash_table_contains (self->hidden, document->id))
            g_ptr_array_add (listing, pn_document_ref (cache_document (self, pn_document_ref (document))));
        }
    }
  for (guint i = 0; i < self->memory->len; i++)
    g_ptr_array_add (listing, pn_document_ref (g_ptr_array_index (self->memory, i)));
  g_ptr_array_sort (listing, compare_document_ptrs);

  self->listing = g_steal_pointer (&listing);
  return self->listing;
}

static gpointer
copy_document (gconstpointer document,
               gpointer      user_data G_GNUC_UNUSED)
{
  return pn_document_ref ((PnDocument *) document);
}

GPtrArray *
pn_corpus_list_documents (PnCorpus  *self,
                          GError   **error)
{
  GPtrArray *listing;
  GPtrArray *copy = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  listing = list_locked (self, error);
  /* the copy keeps the free function: it holds references too */
  if (listing != NULL)
    copy = g_ptr_array_copy (listing, copy_document, NULL);
  g_mutex_unlock (&self->lock);

  return copy;
}

static PnTerm *
term_copy (const PnTerm *term)
{
  return _pn_term_new (term->id, term->parent, term->level, term->zh, term->en);
}

/* The places imported documents declare that the taxonomy does not know,
 * each once, in the documents' order: PnTerm copies. */
static GPtrArray *
declared_locations (PnCorpus  *self,
                    GError   **error)
{
  g_autoptr(GPtrArray) documents = pn_corpus_list_documents (self, error);
  g_autoptr(GPtrArray) declared = g_ptr_array_new_with_free_func ((GDestroyNotify) _pn_term_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (documents == NULL)
    return NULL;

  for (guint d = 0; d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);

      for (guint i = 0; document->local_locations != NULL && i < document->local_locations->len; i++)
        {
          const PnTerm *term = g_ptr_array_index (document->local_locations, i);
          PnTerm *copy;

          if (term->id == NULL || g_hash_table_contains (seen, term->id) ||
              pn_taxonomy_get_location (self->taxonomy, term->id) != NULL)
            continue;
          copy = term_copy (term);
          g_ptr_array_add (declared, copy);
          g_hash_table_add (seen, copy->id);
        }
    }

  return g_steal_pointer (&declared);
}

static const PnTerm *
find_term (GPtrArray  *terms,
           const char *id)
{
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    if (g_str_equal (((PnTerm *) g_ptr_array_index (terms, i))->id, id))
      return g_ptr_array_index (terms, i);
  return NULL;
}

GPtrArray *
pn_corpus_list_locations (PnCorpus  *self,
                          GError   **error)
{
  g_autoptr(GPtrArray) declared = NULL;
  GPtrArray *known;
  GPtrArray *locations;

  g_return_val_if_fail (self != NULL, NULL);

  declared = declared_locations (self, error);
  if (declared == NULL)
    return NULL;

  known = pn_taxonomy_get_locations (self->taxonomy);
  locations = g_ptr_array_new_full (declared->len + (known != NULL ? known->len : 0),
                                    (GDestroyNotify) _pn_term_free);
  for (guint i = 0; known != NULL && i < known->len; i++)
    g_ptr_array_add (locations, term_copy (g_ptr_array_index (known, i)));
  g_ptr_array_extend_and_steal (locations, g_steal_pointer (&declared));

  return locations;
}

char *
pn_corpus_location_label (PnCorpus   *self,
                          const char *id,
                          PnLang      lang)
{
  g_autoptr(GPtrArray) declared = NULL;
  const PnTerm *term;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return g_strdup ("—");
  term = pn_taxonomy_get_location (self->taxonomy, id);
  if (term == NULL)
    {
      declared = declared_locations (self, NULL);
      term = find_term (declared, id);
    }
  if (term == NULL)
    return g_strdup (id);
  if (lang == PN_LANG_ZH && term->zh != NULL)
    return g_strdup (term->zh);
  /* a drafted place no one has named in English: its Chinese name */
  if (term->en != NULL && term->zh != NULL && g_str_has_prefix (term->en, PN_UNTRANSLATED_PREFIX))
    return g_strdup (term->zh);
  return g_strdup (term->en != NULL ? term->en : term->zh != NULL ? term->zh : id);
}

gboolean
pn_corpus_has_location (PnCorpus   *self,
                        const char *id)
{
  g_autoptr(GPtrArray) declared = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  if (pn_taxonomy_get_location (self->taxonomy, id) != NULL)
    return TRUE;

  declared = declared_locations (self, NULL);
  return find_term (declared, id) != NULL;
}

/* The location and the places above it, nearest first: the taxonomy's,
 * or those an imported document declares (a Shenzhen company is also in
 * the Guangdong its documents declare), up to a place of the taxonomy. */
static GStrv
places_of (PnCorpus   *self,
           const char *location)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) declared = NULL;
  const PnTerm *term = pn_taxonomy_get_location (self->taxonomy, location);
  const char *id = location;
  guint depth = 0;

  if (term == NULL)
    declared = declared_locations (self, NULL);
  for (; term == NULL && id != NULL && depth < 32; depth++)
    {
      const PnTerm *local = find_term (declared, id);

      g_strv_builder_add (builder, id);
      id = local != NULL ? local->parent : NULL;
      term = pn_taxonomy_get_location (self->taxonomy, id);
    }
  for (; term != NULL && depth < 32; depth++)
    {
      g_strv_builder_add (builder, term->id);
      term = pn_taxonomy_get_location (self->taxonomy, term->parent);
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
pn_corpus_documents_at (PnCorpus    *self,
                        const char  *location,
                        GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_auto(GStrv) places = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);

  places = places_of (self, location);

  g_mutex_lock (&self->lock);
  if (!read_extended_locked (self, error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  if (self->store != NULL)
    {
      g_autoptr(GPtrArray) stored = _pn_store_read_documents (self->store, NULL,
                                                              (const char * const *) places, error);

      if (stored == NULL)
        {
          g_mutex_unlock (&self->lock);
          return NULL;
        }
      for (guint i = 0; i < stored->len; i++)
        {
          PnDocument *document = g_ptr_array_index (stored, i);

          if (!g_hash_table_contains (self->hidden, document->id))
            g_ptr_array_add (found, cache_document (self, pn_document_ref (document)));
        }
    }
  for (guint i = 0; i < self->memory->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->memory, i);

      if (g_strv_contains ((const char * const *) places, document->jurisdiction))
        g_ptr_array_add (found, document);
    }
  g_mutex_unlock (&self->lock);

  g_ptr_array_sort (found, compare_document_ptrs);
  return g_steal_pointer (&found);
}

/* ---- whole documents ---- */

static gboolean
load_whole_locked (PnCorpus    *self,
                   PnDocument  *document,
                   GError     **error)
{
  GPtrArray *articles;
  GPtrArray *cases;

  if (pn_document_is_whole (document))
    return TRUE;

  g_return_val_if_fail (self->store != NULL && document->store_key != 0, FALSE);

  cases = _pn_store_read_cases (self->store, document, error);
  if (cases == NULL)
    return FALSE;
  articles = _pn_store_read_articles (self->store, document, self->taxonomy,
                                      resolve_article, resolve_benefit, self, error);
  if (articles == NULL)
    {
      g_ptr_array_unref (cases);
      return FALSE;
    }

  /* published last: whoever sees `articles` sees every benefit */
  document->cases = cases;
  g_atomic_pointer_set (&document->articles, articles);
  return TRUE;
}

gboolean
pn_corpus_load_whole (PnCorpus    *self,
                      PnDocument  *document,
                      GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  if (pn_document_is_whole (document))
    return TRUE;

  g_mutex_lock (&self->lock);
  ok = load_whole_locked (self, document, error);
  g_mutex_unlock (&self->lock);

  return ok;
}

static PnDocument *
find_header_locked (PnCorpus    *self,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(GPtrArray) stored = NULL;

  if (!read_extended_locked (self, error))
    return NULL;
  for (guint i = 0; i < self->memory->len; i++)
    {
      PnDocument *candidate = g_ptr_array_index (self->memory, i);

      if (g_strcmp0 (candidate->id, id) == 0)
        return candidate;
    }

  if (self->store == NULL || g_hash_table_contains (self->hidden, id))
    return NULL;

  stored = _pn_store_read_documents (self->store, id, NULL, error);
  if (stored == NULL || stored->len == 0)
    return NULL;
  return cache_document (self, pn_document_ref (g_ptr_array_index (stored, 0)));
}

PnDocument *
pn_corpus_find_header (PnCorpus    *self,
                       const char  *id,
                       GError     **error)
{
  PnDocument *document;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id == NULL)
    return NULL;

  g_mutex_lock (&self->lock);
  document = find_header_locked (self, id, error);
  g_mutex_unlock (&self->lock);

  return document;
}

PnDocument *
pn_corpus_find_document (PnCorpus    *self,
                         const char  *id,
                         GError     **error)
{
  PnDocument *document;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id == NULL)
    return NULL;

  g_mutex_lock (&self->lock);
  /* the header and its articles in one read: another process replacing
   * the document in between would leave a header whose rows are gone */
  if (self->store != NULL && !corpus_begin_read (self, error))
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }
  document = find_header_locked (self, id, error);
  if (document != NULL && !load_whole_locked (self, document, error))
    document = NULL;
  if (self->store != NULL)
    corpus_end_read (self);
  g_mutex_unlock (&self->lock);

  return document;
}

/* ---- benefits ---- */

static PnBenefit *
find_in_memory (PnCorpus   *self,
                const char *id)
{
  if (self->memory->len == 0)
    return NULL;

  if (self->memory_benefits == NULL)
    {
      self->memory_benefits = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->memory->len; i++)
        {
          PnDocument *document = g_ptr_array_index (self->memory, i);

          for (guint a = 0; a < document->articles->len; a++)
            {
              PnArticle *article = g_ptr_array_index (document->articles, a);

              for (guint b = 0; b < article->benefits->len; b++)
                {
                  PnBenefit *benefit = g_ptr_array_index (article->benefits, b);

                  g_hash_table_insert (self->memory_benefits, benefit->id, benefit);
                }
            }
        }
    }

  return g_hash_table_lookup (self->memory_benefits, id);
}

/* A benefit id starts with its document's id and a slash (the schema's
 * BenefitId): whether that document is left out of the store's. */
static gboolean
hidden_benefit (PnCorpus   *self,
                const char *id)
{
  const char *slash = strchr (id, '/');
  g_autofree char *document_id = NULL;

  if (slash == NULL || g_hash_table_size (self->hidden) == 0)
    return FALSE;
  document_id = g_strndup (id, slash - id);
  return g_hash_table_contains (self->hidden, document_id);
}

static PnBenefit *
find_benefit_locked (PnCorpus    *self,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 key, document_key;
  PnBenefit *benefit;

  benefit = find_in_memory (self, id);
  if (benefit != NULL)
    return benefit;
  if (self->store == NULL || hidden_benefit (self, id))
    return NULL;

  /* found so far: forgotten when a question finds the store changed
   * (refresh_if_changed ()), not looked up again within one */
  benefit = g_hash_table_lookup (self->benefit_ids, id);
  if (benefit != NULL)
    return benefit;

  /* the row, its document, article and benefit in one state of the file */
  if (!corpus_begin_read (self, error))
    return NULL;
  if (!_pn_store_find_benefit_keys (self->store, id, &key, &document_key, &local_error))
    {
      if (!g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    benefit = benefit_at_key (self, key, document_key, error);
  corpus_end_read (self);
  return benefit;
}

PnBenefit *
pn_corpus_find_benefit (PnCorpus    *self,
                        const char  *id,
                        GError     **error)
{
  PnBenefit *benefit;

  g_return_val_if_fail (self != NULL, NULL);

  if (id == NULL)
    return NULL;

  g_mutex_lock (&self->lock);
  benefit = read_extended_locked (self, error) ? find_benefit_locked (self, id, error) : NULL;
  g_mutex_unlock (&self->lock);

  return benefit;
}

/* ---- candidates (the engine) ---- */

static int
compare_benefits (gconstpointer a,
                  gconstpointer b)
{
  const PnBenefit *x = *(PnBenefit **) a;
  const PnBenefit *y = *(PnBenefit **) b;
  int by_document = x->document == y->document ? 0 : compare_documents (x->document, y->document);

  if (by_document != 0)
    return by_document;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* What a top-up tops up (and what that tops up …) is read now, in the
 * same state of the store. */
static gboolean
read_targets (PnCorpus   *self,
              GPtrArray  *benefits,
              GError    **error)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_copy (benefits, NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  while (queue->len > 0)
    {
      PnBenefit *benefit = g_ptr_array_steal_index_fast (queue, queue->len - 1);

      if (benefit->tops_up == NULL || !g_hash_table_add (seen, benefit))
        continue;

      for (guint t = 0; benefit->tops_up[t] != NULL; t++)
        {
          g_autoptr(GError) local_error = NULL;
          PnBenefit *target = find_benefit_locked (self, benefit->tops_up[t], &local_error);

          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (target != NULL)
            g_ptr_array_add (queue, target);
        }
    }

  return TRUE;
}

/* The benefits of (benefit key, document key) pairs the store found,
 * leaving out the documents the corpus hides.  Holds the lock, in a read. */
static gboolean
benefits_of_pairs (PnCorpus   *self,
                   GArray     *pairs,
                   GPtrArray  *out,
                   GError    **error)
{
  PnDocument *document = NULL;
  gboolean hidden = FALSE;

  for (guint i = 0; i < pairs->len; i++)
    {
      const gint64 *pair = &g_array_index (pairs, gint64, 2 * i);
      PnBenefit *benefit;

      /* the pairs come document by document */
      if (document == NULL || document->store_key != pair[1])
        {
          document = document_at_key (self, pair[1], error);
          if (document == NULL)
            return FALSE;
          hidden = g_hash_table_contains (self->hidden, document->id);
        }
      if (hidden)
        continue;

      benefit = benefit_at_key (self, pair[0], pair[1], error);
      if (benefit == NULL)
        return FALSE;
      g_ptr_array_add (out, benefit);
    }

  return TRUE;
}

/* What the engine checks first of a benefit, worked out once for a
 * benefit of the store (lock held); a benefit held in memory may change
 * and is looked at each time. */
static void
candidate_init (PnCandidate *candidate,
                PnBenefit   *benefit)
{
  memset (candidate, 0, sizeof *candidate);
  candidate->benefit = benefit;

  if (!benefit->checks.known)
    {
      const char *from, *until;
      guint32 asks = 0, open = 0;

      for (guint c = 0; c < benefit->conditions->len; c++)
        {
          const PnCondition *condition = g_ptr_array_index (benefit->conditions, c);

          asks |= 1u << condition->question;
          if (!condition->asks_nothing)
            open++;
        }
      pn_benefit_get_validity (benefit, &from, &until);
      /* the text's last day: a notice extending the document may come and go */
      until = benefit->article->deadline_text != NULL ? benefit->article->valid_until
                                                      : benefit->document->in_force_until;
      benefit->checks.asks = asks;
      benefit->checks.open_unanswered = open;
      /* a measure drafted from the text counts only once a person has read it */
      benefit->checks.open_always = pn_benefit_count_open_requirements (benefit) + !benefit->reviewed;
      benefit->checks.figures = pn_benefit_figures_read (benefit);
      /* a benefit in memory may change: its conditions are read each time */
      if (benefit->store_key != 0 && benefit->checks.conditions == NULL)
        benefit->checks.conditions = _pn_conditions_compile (benefit->conditions);
      benefit->checks.from_day = pn_day_key (from, 0);
      benefit->checks.until_day = pn_day_key (until, G_MAXUINT32);
      benefit->checks.annual_cap_bound = pn_benefit_annual_cap_bound (benefit);
      benefit->checks.known = benefit->store_key != 0;
    }

  candidate->document = benefit->document;
  candidate->conditions = benefit->checks.conditions;
  candidate->asks = benefit->checks.asks;
  candidate->figures = benefit->checks.figures;
  candidate->tops_up = benefit->tops_up != NULL;
  /* only whether any is open matters: a count this high is as good */
  candidate->open_unanswered = MIN (benefit->checks.open_unanswered, G_MAXUINT16);
  candidate->open_always = MIN (benefit->checks.open_always, G_MAXUINT16);
  candidate->from_day = benefit->checks.from_day;
  candidate->until_day = benefit->checks.until_day;
  if (benefit->document->extended_until != NULL)
    {
      const char *from, *until;

      pn_benefit_get_validity (benefit, &from, &until);
      candidate->until_day = pn_day_key (until, G_MAXUINT32);
    }
}

/* In document order, as compare_benefits() has it: the store's benefits
 * are read in that order (order_pairs ()), unless the rows of a document
 * are not in its order. */
static void
sort_benefits (GPtrArray *benefits)
{
  for (guint i = 1; i < benefits->len; i++)
    if (compare_benefits (&benefits->pdata[i - 1], &benefits->pdata[i]) > 0)
      {
        g_ptr_array_sort (benefits, compare_benefits);
        return;
      }
}

static int
compare_candidate_ptrs (gconstpointer a,
                        gconstpointer b)
{
  PnBenefit *x = (*(PnCandidate **) a)->benefit;
  PnBenefit *y = (*(PnCandidate **) b)->benefit;

  return compare_benefits (&x, &y);
}

static void
append_candidates (GArray    *out,
                   GPtrArray *benefits)
{
  guint n = out->len;

  g_array_set_size (out, n + benefits->len);
  for (guint i = 0; i < benefits->len; i++)
    candidate_init (&g_array_index (out, PnCandidate, n + i), g_ptr_array_index (benefits, i));
}

/* A document's pairs, in the store's order */
typedef struct
{
  PnDocument *document;
  guint       start;
  guint       len;
} PairRun;

static int
compare_pair_runs (gconstpointer a,
                   gconstpointer b)
{
  const PairRun *x = a;
  const PairRun *y = b;
  int by_document = compare_documents (x->document, y->document);

  if (by_document != 0)
    return by_document;
  return x->start < y->start ? -1 : x->start > y->start;
}

/* (benefit key, document key) pairs in listing order, each document's
 * in the store's: the benefits are then read, and lie in memory, in the
 * order the engine goes through them. */
static gboolean
order_pairs (PnCorpus  *self,
             GArray    *pairs,
             GError   **error)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (PairRun));
  g_autoptr(GArray) ordered = NULL;
  gboolean sorted = TRUE;

  for (guint i = 0; i < pairs->len; i++)
    {
      gint64 document_key = g_array_index (pairs, gint64, 2 * i + 1);
      PairRun *last = runs->len > 0 ? &g_array_index (runs, PairRun, runs->len - 1) : NULL;
      PairRun run = { NULL, i, 1 };

      if (last != NULL && last->document->store_key == document_key)
        {
          last->len++;
          continue;
        }
      run.document = document_at_key (self, document_key, error);
      if (run.document == NULL)
        return FALSE;
      if (last != NULL && compare_pair_runs (last, &run) > 0)
        sorted = FALSE;
      g_array_append_val (runs, run);
    }
  if (sorted)
    return TRUE;

  g_array_sort (runs, compare_pair_runs);
  ordered = g_array_sized_new (FALSE, FALSE, 2 * sizeof (gint64), pairs->len);
  for (guint r = 0; r < runs->len; r++)
    {
      const PairRun *run = &g_array_index (runs, PairRun, r);

      g_array_append_vals (ordered, &g_array_index (pairs, gint64, 2 * run->start), run->len);
    }
  g_array_set_size (pairs, 0);
  g_array_append_vals (pairs, ordered->data, ordered->len);
  return TRUE;
}

/* The store's candidates as the store finds them (lock held, in a read):
 * the rows the answers may match. */
static gboolean
stream_candidates_locked (PnCorpus     *self,
                          GStrv         places,
                          const char  **answers,
                          PnCandidates *out,
                          GError      **error)
{
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));
  g_autoptr(GPtrArray) benefits = g_ptr_array_new ();

  if (!_pn_store_read_candidates (self->store, (const char * const *) places, answers, pairs, error) ||
      !order_pairs (self, pairs, error) ||
      !benefits_of_pairs (self, pairs, benefits, error) ||
      !read_targets (self, benefits, error))
    return FALSE;

  sort_benefits (benefits);
  append_candidates (out->owned, benefits);
  return TRUE;
}

static int
compare_document_keys (gconstpointer a,
                       gconstpointer b)
{
  const DocumentKeys *x = *(DocumentKeys **) a;
  const DocumentKeys *y = *(DocumentKeys **) b;

  return compare_documents (x->document, y->document);
}

/* The documents of the store at `location` and above it that the corpus
 * shows, with their benefit keys, in listing order (lock held, in a
 * read), read to be kept until the store changes. */
static GPtrArray *
place_keys_locked (PnCorpus    *self,
                   const char  *location,
                   GStrv        places,
                   GError     **error)
{
  g_autoptr(GArray) documents = NULL;
  g_autoptr(GPtrArray) bytes = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *known;

  documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  if (!_pn_store_read_place_keys (self->store, (const char * const *) places, documents, bytes, error))
    return NULL;

  found = g_ptr_array_new_full (documents->len, (GDestroyNotify) document_keys_release);
  for (guint i = 0; i < documents->len; i++)
    {
      gint64 key = g_array_index (documents, gint64, i);
      DocumentKeys *keys = g_hash_table_lookup (self->document_keys, &key);

      if (keys == NULL)
        {
          PnDocument *document = document_at_key (self, key, error);
          gsize size;

          if (document == NULL)
            return NULL;
          keys = g_atomic_rc_box_new0 (DocumentKeys);
          keys->document_key = key;
          keys->document = document;
          keys->bytes = g_bytes_ref (g_ptr_array_index (bytes, i));
          keys->keys = g_bytes_get_data (keys->bytes, &size);
          keys->n_keys = size / sizeof (PnBenefitKey);
          keys->candidates = g_new0 (PnCandidate, MAX (keys->n_keys, 1));
          g_hash_table_insert (self->document_keys, &keys->document_key, keys);
        }
      if (!g_hash_table_contains (self->hidden, keys->document->id))
        g_ptr_array_add (found, g_atomic_rc_box_acquire (keys));
    }
  g_ptr_array_sort (found, compare_document_keys);

  known = g_steal_pointer (&found);
  g_hash_table_insert (self->place_keys, g_strdup (location), known);
  return known;
}

/* The store's candidates (lock held, in a read): the benefits the
 * answers may match, in listing order; from the place's keys once it is
 * asked about again. */
static gboolean
store_candidates_locked (PnCorpus     *self,
                         const char   *location,
                         GStrv         places,
                         const char  **answers,
                         PnCandidates *out,
                         GError      **error)
{
  g_autoptr(GPtrArray) tops_up = g_ptr_array_new ();
  PnKeyAnswers wanted;
  GPtrArray *documents;
  guint n_keys = 0;

  _pn_key_answers_init (&wanted, answers);

  documents = g_hash_table_lookup (self->place_keys, location);
  if (documents == NULL && !g_hash_table_contains (self->places_asked, location))
    {
      g_hash_table_add (self->places_asked, g_strdup (location));
      return stream_candidates_locked (self, places, answers, out, error);
    }
  if (documents == NULL)
    documents = place_keys_locked (self, location, places, error);
  if (documents == NULL)
    return FALSE;
  /* alive while the question reads them, whatever the corpus drops */
  out->place = g_ptr_array_ref (documents);

  /* room for all: what is not used is never touched */
  for (guint d = 0; d < documents->len; d++)
    n_keys += ((DocumentKeys *) g_ptr_array_index (documents, d))->n_keys;
  out->items = g_ptr_array_sized_new (n_keys);
  for (guint d = 0; d < documents->len; d++)
    {
      DocumentKeys *keys = g_ptr_array_index (documents, d);

      for (guint k = 0; k < keys->n_keys; k++)
        {
          PnCandidate *candidate = &keys->candidates[k];

          if (!_pn_benefit_key_admits (&keys->keys[k], &wanted))
            continue;
          if (candidate->benefit == NULL)
            {
              PnBenefit *benefit = benefit_at_key (self, keys->keys[k].benefit, keys->document_key, error);

              if (benefit == NULL)
                return FALSE;
              candidate_init (candidate, benefit);
            }
          g_ptr_array_add (out->items, candidate);
          if (candidate->tops_up)
            g_ptr_array_add (tops_up, candidate->benefit);
        }
    }

  return read_targets (self, tops_up, error);
}

void
_pn_candidates_free (PnCandidates *candidates)
{
  if (candidates == NULL)
    return;
  g_clear_pointer (&candidates->items, g_ptr_array_unref);
  g_clear_pointer (&candidates->place, g_ptr_array_unref);
  g_clear_pointer (&candidates->owned, g_array_unref);
  g_free (candidates);
}

PnCandidates *
_pn_corpus_get_candidates (PnCorpus    *self,
                           const char  *location,
                           const char **answers,
                           GError     **error)
{
  g_autoptr(PnCandidates) candidates = g_new0 (PnCandidates, 1);
  g_autoptr(GPtrArray) in_memory = g_ptr_array_new ();
  g_auto(GStrv) places = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);

  places = places_of (self, location);
  candidates->owned = g_array_new (FALSE, FALSE, sizeof (PnCandidate));

  g_mutex_lock (&self->lock);

  if (self->store != NULL)
    {
      ok = corpus_begin_read (self, error);
      if (ok)
        {
          ok = store_candidates_locked (self, location, places, answers, candidates, error);
          corpus_end_read (self);
        }
    }

  for (guint i = 0; ok && i < self->memory->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->memory, i);

      if (!g_strv_contains ((const char * const *) places, document->jurisdiction))
        continue;
      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);

          g_ptr_array_extend (in_memory, article->benefits, NULL, NULL);
        }
    }
  /* what is worked out of a benefit in memory is written in it: under the lock */
  if (ok)
    append_candidates (candidates->owned, in_memory);

  g_mutex_unlock (&self->lock);

  if (!ok)
    return NULL;

  if (candidates->items == NULL)
    candidates->items = g_ptr_array_sized_new (candidates->owned->len);
  for (guint i = 0; i < candidates->owned->len; i++)
    g_ptr_array_add (candidates->items, &g_array_index (candidates->owned, PnCandidate, i));
  /* the store's are in order already */
  if (in_memory->len > 0)
    g_ptr_array_sort (candidates->items, compare_candidate_ptrs);
  return g_steal_pointer (&candidates);
}

gboolean
pn_corpus_read_article_texts (PnCorpus   *self,
                              PnArticle  *article,
                              GError    **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (article != NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (article->texts_pending && self->store != NULL)
    {
      char *original = NULL;
      char *summary = NULL;

      ok = _pn_store_read_article_texts (self->store, article, &original, &summary, error);
      if (ok)
        {
          article->original = original;
          article->summary = summary;
          article->texts_pending = FALSE;
        }
    }
  g_mutex_unlock (&self->lock);

  return ok;
}

GPtrArray *
_pn_corpus_get_ending (PnCorpus    *self,
                       const char  *location,
                       const char  *from,
                       const char  *until,
                       guint       *out_undated,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GPtrArray) documents = NULL;
  guint undated = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, NULL);

  documents = pn_corpus_documents_at (self, location, error);
  if (documents == NULL)
    return NULL;

  g_mutex_lock (&self->lock);
  for (guint d = 0; ok && d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);

      if (document->draft)
        continue;

      if (document->store_key != 0 && self->store != NULL && !in_memory (self, document->id))
        {
          g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
          guint n = 0;
          gboolean extended;

          /* the keys and their benefits in one state of the file */
          ok = corpus_begin_read (self, error);
          if (!ok)
            break;
          /* the rows keep the text's end dates: a document a notice
           * extends is read whole and its benefits' days looked at */
          extended = document->extended_until != NULL;
          ok = _pn_store_read_ending (self->store, document->store_key, extended ? "0001-01-01" : from,
                                      extended ? NULL : until, keys, &n, error);
          for (guint i = 0; ok && i < keys->len; i++)
            {
              PnBenefit *benefit = benefit_at_key (self, g_array_index (keys, gint64, i),
                                                   document->store_key, error);
              const char *valid_from, *valid_until;

              if (benefit == NULL)
                {
                  ok = FALSE;
                  break;
                }
              pn_benefit_get_validity (benefit, &valid_from, &valid_until);
              if (!extended || (g_strcmp0 (valid_until, from) >= 0 &&
                                (until == NULL || g_strcmp0 (valid_until, until) <= 0)))
                g_ptr_array_add (found, benefit);
            }
          corpus_end_read (self);
          undated += n;
          continue;
        }

      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);

          for (guint b = 0; b < article->benefits->len; b++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, b);
              const char *valid_from, *valid_until;

              pn_benefit_get_validity (benefit, &valid_from, &valid_until);
              if (valid_until == NULL)
                undated++;
              else if (g_strcmp0 (valid_until, from) >= 0 &&
                       (until == NULL || g_strcmp0 (valid_until, until) <= 0))
                g_ptr_array_add (found, benefit);
            }
        }
    }
  g_mutex_unlock (&self->lock);

  if (!ok)
    return NULL;
  if (out_undated != NULL)
    *out_undated = undated;
  return g_steal_pointer (&found);
}

/* Higher is a better example: in force, local, with a document number. */
static int
example_score (PnCorpus   *self,
               PnDocument *document)
{
  int score = 0;

  if (!document->draft)
    score += 100;
  score += 10 * pn_taxonomy_location_depth (self->taxonomy, document->jurisdiction);
  if (document->doc_number != NULL)
    score += 1;
  return score;
}

/* Whether `candidate` (of `document`) makes a better example than the
 * best so far: a higher score, or the same score earlier in the corpus. */
static gboolean
better_example (PnCorpus   *self,
                PnDocument *document,
                guint       seq,
                PnDocument *best,
                guint       best_seq)
{
  int score, best_score;

  if (best == NULL)
    return TRUE;
  score = example_score (self, document);
  best_score = example_score (self, best);
  if (score != best_score)
    return score > best_score;
  if (document != best)
    return compare_documents (document, best) < 0;
  return seq < best_seq;
}

gboolean
pn_corpus_count_uses (PnCorpus            *self,
                      const char          *location,
                      const char * const  *keys,
                      guint               *out_count,
                      PnBenefit          **out_example,
                      GError             **error)
{
  g_auto(GStrv) places = NULL;
  PnDocument *best = NULL;
  guint best_seq = 0;
  gint64 best_key = 0;
  guint32 uses = 0;
  guint count = 0;
  gboolean in_read = FALSE;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (keys != NULL, FALSE);

  *out_count = 0;
  if (out_example != NULL)
    *out_example = NULL;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      PnQuestion question;
      PnFigure figure;

      if (g_str_equal (keys[i], "location"))
        uses = G_MAXUINT32;
      else if (g_str_equal (keys[i], "as-of"))
        uses |= PN_USES_DATES;
      else if (pn_question_from_string (keys[i], &question))
        uses |= PN_USES_QUESTION (question);
      else if (pn_figure_from_string (keys[i], &figure))
        uses |= PN_USES_FIGURE (figure);
    }
  if (uses == 0)
    return TRUE;

  places = location != NULL ? places_of (self, location) : NULL;

  g_mutex_lock (&self->lock);

  if (self->store != NULL)
    {
      g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));

      /* ended once the example is read: its key is from this read */
      ok = in_read = corpus_begin_read (self, error);
      if (ok)
        {
          ok = _pn_store_read_uses (self->store, (const char * const *) places, uses, pairs, error);
          for (guint i = 0; ok && i < pairs->len; i++)
            {
              const gint64 *pair = &g_array_index (pairs, gint64, 2 * i);
              PnDocument *document = document_at_key (self, pair[1], error);

              if (document == NULL)
                ok = FALSE;
              else if (!g_hash_table_contains (self->hidden, document->id))
                {
                  count++;
                  /* the keys are in document order: i orders within one */
                  if (better_example (self, document, i, best, best_seq))
                    {
                      best = document;
                      best_seq = i;
                      best_key = pair[0];
                    }
                }
            }
        }
    }

  for (guint d = 0; ok && d < self->memory->len; d++)
    {
      PnDocument *document = g_ptr_array_index (self->memory, d);

      if (places != NULL && !g_strv_contains ((const char * const *) places, document->jurisdiction))
        continue;
      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);

          for (guint b = 0; b < article->benefits->len; b++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, b);
              gboolean depends = FALSE;

              for (guint k = 0; keys[k] != NULL && !depends; k++)
                depends = pn_benefit_depends_on (benefit, keys[k]);
              if (!depends)
                continue;
              count++;
              if (better_example (self, document, benefit->seq, best, best_seq))
                {
                  best = document;
                  best_seq = benefit->seq;
                  best_key = 0;
                  if (out_example != NULL)
                    *out_example = benefit;
                }
            }
        }
    }

  if (ok && best_key != 0 && out_example != NULL)
    {
      *out_example = benefit_at_key (self, best_key, best->store_key, error);
      ok = *out_example != NULL;
    }
  if (in_read)
    corpus_end_read (self);

  g_mutex_unlock (&self->lock);

  if (ok)
    *out_count = count;
  return ok;
}

/* ---- reference checks (documents in memory) ---- */

static gboolean
reference_error (GError     **error,
                 PnDocument  *document,
                 guint        line,
                 const char  *what,
                 const char  *id)
{
  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
               "%s:%u: unknown %s “%s”",
               document->file_name ? document->file_name : document->id,
               line, what, id);
  return FALSE;
}

static gboolean
check_document (PnCorpus    *self,
                PnDocument  *document,
                GError     **error)
{
  for (guint j = 0; j < document->articles->len; j++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, j);

      for (guint u = 0; u < article->units->len; u++)
        {
          PnUnitRef *ref = g_ptr_array_index (article->units, u);

          if (pn_document_lookup_unit (document, self->taxonomy, ref->id) == NULL)
            return reference_error (error, document, article->line, "unit", ref->id);
        }

      for (guint k = 0; k < article->benefits->len; k++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, k);

          if (benefit->overlap_group != NULL &&
              pn_taxonomy_get_group (self->taxonomy, benefit->overlap_group) == NULL)
            return reference_error (error, document, benefit->line,
                                    "overlap group", benefit->overlap_group);

          for (guint u = 0; u < benefit->units->len; u++)
            {
              PnUnitRef *ref = g_ptr_array_index (benefit->units, u);

              if (pn_document_lookup_unit (document, self->taxonomy, ref->id) == NULL)
                return reference_error (error, document, benefit->line, "unit", ref->id);
            }

          for (guint t = 0; benefit->tops_up && benefit->tops_up[t]; t++)
            {
              g_autoptr(GError) local_error = NULL;

              if (find_benefit_locked (self, benefit->tops_up[t], &local_error) == NULL)
                {
                  if (local_error != NULL)
                    {
                      g_propagate_error (error, g_steal_pointer (&local_error));
                      return FALSE;
                    }
                  return reference_error (error, document, benefit->line,
                                          "benefit to top up", benefit->tops_up[t]);
                }
            }

          for (guint c = 0; benefit->annual_caps && benefit->annual_caps[c]; c++)
            if (pn_document_find_annual_cap (document, benefit->annual_caps[c]) == NULL)
              return reference_error (error, document, benefit->line,
                                      "annual cap", benefit->annual_caps[c]);
        }
    }

  return TRUE;
}

gboolean
pn_corpus_check_references (PnCorpus  *self,
                            GError   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  for (guint i = 0; ok && i < self->memory->len; i++)
    ok = check_document (self, g_ptr_array_index (self->memory, i), error);
  g_mutex_unlock (&self->lock);

  return ok;
}

GPtrArray *
_pn_corpus_get_top_ups_into (PnCorpus    *self,
                             const char  *document_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *prefix = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (document_id != NULL, NULL);

  prefix = g_strconcat (document_id, "/", NULL);
  g_mutex_lock (&self->lock);

  if (self->store != NULL)
    {
      g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, 2 * sizeof (gint64));

      ok = corpus_begin_read (self, error);
      if (ok)
        {
          ok = _pn_store_read_top_ups_into (self->store, document_id, pairs, error) &&
               benefits_of_pairs (self, pairs, found, error);
          corpus_end_read (self);
        }
    }

  for (guint i = 0; ok && i < self->memory->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->memory, i);

      if (g_strcmp0 (document->id, document_id) == 0)
        continue;
      for (guint a = 0; a < document->articles->len; a++)
        {
          PnArticle *article = g_ptr_array_index (document->articles, a);

          for (guint b = 0; b < article->benefits->len; b++)
            {
              PnBenefit *benefit = g_ptr_array_index (article->benefits, b);

              for (guint t = 0; benefit->tops_up != NULL && benefit->tops_up[t] != NULL; t++)
                if (g_str_has_prefix (benefit->tops_up[t], prefix))
                  {
                    g_ptr_array_add (found, benefit);
                    break;
                  }
            }
        }
    }

  g_mutex_unlock (&self->lock);

  if (!ok)
    return NULL;
  return g_steal_pointer (&found);
}

/* ---- supersession ---- */

static void
superseded_by_free (PnSupersededBy *by)
{
  g_free (by->replaced);
  g_free (by->by);
  g_free (by->from);
  g_free (by);
}

/* Keeps the earliest date a final document replaces `replaced` from. */
static void
note_supersession (GHashTable *superseded,
                   const char *replaced,
                   const char *by,
                   const char *from)
{
  PnSupersededBy *known = g_hash_table_lookup (superseded, replaced);
  PnSupersededBy *entry;

  if (known != NULL && strcmp (known->from, from) <= 0)
    return;
  entry = g_new0 (PnSupersededBy, 1);
  entry->replaced = g_strdup (replaced);
  entry->by = g_strdup (by);
  entry->from = g_strdup (from);
  g_hash_table_replace (superseded, entry->replaced, entry);
}

static gboolean
read_superseded_locked (PnCorpus  *self,
                        GError   **error)
{
  g_autoptr(GHashTable) superseded = NULL;

  if (!read_extended_locked (self, error))
    return FALSE;
  if (self->superseded != NULL)
    return TRUE;

  superseded = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) superseded_by_free);
  if (self->store != NULL)
    {
      g_autoptr(GPtrArray) rows = NULL;
      gboolean ok = TRUE;

      /* the rows and the documents' own lists in one state of the file */
      if (!_pn_store_begin_read (self->store, error))
        return FALSE;
      rows = _pn_store_read_supersessions (self->store, error);
      for (guint i = 0; rows != NULL && ok && i + 2 < rows->len; i += 3)
        {
          const char *replaces = g_ptr_array_index (rows, i);
          const char *by = g_ptr_array_index (rows, i + 1);
          const char *from = g_ptr_array_index (rows, i + 2);
          PnDocument *header;
          gboolean listed = FALSE;

          if (g_hash_table_contains (self->hidden, by))
            continue;
          /* the table is derived from the document's own list: a row it
           * does not hold would supersede a document in silence */
          header = find_header_locked (self, by, error);
          if (header == NULL)
            {
              if (error != NULL && *error == NULL)
                _pn_store_damaged (self->store, error, by, "it supersedes a document but is not there");
              ok = FALSE;
              break;
            }
          for (guint j = 0; header->supersedes != NULL && j < header->supersedes->len && !listed; j++)
            {
              const PnSupersession *own = g_ptr_array_index (header->supersedes, j);

              listed = g_strcmp0 (own->ref, replaces) == 0 && g_strcmp0 (own->from, from) == 0;
            }
          if (!listed)
            {
              _pn_store_damaged (self->store, error, by, "it supersedes “%s” in one table but not in its own list",
                                 replaces);
              ok = FALSE;
              break;
            }
          note_supersession (superseded, replaces, by, from);
        }
      _pn_store_end_read (self->store);
      if (rows == NULL || !ok)
        return FALSE;
    }

  for (guint i = 0; i < self->memory->len; i++)
    {
      PnDocument *document = g_ptr_array_index (self->memory, i);

      /* a draft replaces nothing until it is final */
      if (document->draft)
        continue;
      for (guint j = 0; j < document->supersedes->len; j++)
        {
          const PnSupersession *supersession = g_ptr_array_index (document->supersedes, j);

          note_supersession (superseded, supersession->ref, document->id, supersession->from);
        }
    }

  self->superseded = g_steal_pointer (&superseded);
  return TRUE;
}

GHashTable *
pn_corpus_get_superseded (PnCorpus  *self,
                           GError   **error)
{
  GHashTable *superseded = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (read_superseded_locked (self, error))
    superseded = g_hash_table_ref (self->superseded);
  g_mutex_unlock (&self->lock);

  return superseded;
}
