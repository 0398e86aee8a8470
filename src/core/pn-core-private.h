/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

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

/* Tests and fuzzers: the loader's time limit (0: the default). */
void _pn_policy_loader_set_max_seconds (double seconds);

/* Whether the `len` bytes at `text` are UTF-8 without a NUL, as
 * g_utf8_validate_len() answers; ASCII (ids, English, figures) is checked
 * eight bytes at a time first, where GLib 2.74 looks at each byte.  A
 * word with a byte of 0 or one of 0x80 and above goes to GLib from its
 * start, which is the start of a character. */
static inline gboolean
pn_utf8_validate_len (const char *text,
                      gsize       len)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, sizeof word);
      if ((word & highs) != 0 || ((word - ones) & ~word & highs) != 0)
        break;
    }
  return g_utf8_validate_len (text + i, len - i, NULL);
}

/* qsort() comparator for an array of C strings */
static inline int
pn_compare_strings (const void *a,
                    const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

G_END_DECLS
