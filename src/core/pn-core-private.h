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

/* A PnTerm of copies of the strings given, and its free function: for the
 * taxonomy, a document's declared places and units, and their copies. */
typedef struct _PnTerm PnTerm;
PnTerm *_pn_term_new  (const char *id,
                       const char *parent,
                       const char *level,
                       const char *zh,
                       const char *en);
void    _pn_term_free (PnTerm     *term);

/* Registers the compiled-in corpus once; every reader calls it first. */
void _pn_corpus_ensure_registered (void);

typedef struct _PnDocument PnDocument;
typedef struct _PnTaxonomy PnTaxonomy;
PnDocument *_pn_policy_loader_load_stored_document (const char  *display_name,
                                                    GBytes      *bytes,
                                                    PnTaxonomy  *taxonomy,
                                                    GError     **error);

/* pn_policy_loader_load_document() with the schema check still running in
 * another thread when it returns a document: the caller may write it, but
 * must call _pn_loader_validation_finish() (which waits for the check and
 * frees `validation`) and keep nothing if that fails.  NULL when the file
 * fails anyway: `error` is then the one the sequential loader gives. */
typedef struct _PnLoaderValidation PnLoaderValidation;
PnDocument *_pn_policy_loader_load_document_validating (const char          *display_name,
                                                        GBytes              *bytes,
                                                        PnTaxonomy          *taxonomy,
                                                        PnLoaderValidation **validation,
                                                        GError             **error);
gboolean    _pn_loader_validation_finish               (PnLoaderValidation  *validation,
                                                        GError             **error);

/* g_string_append_printf () and g_strdup_printf () for templates that
 * only join strings: "%s" (NULL as "(null)"), "%u" and "%%" and nothing
 * else, checked by the compiler like printf's.  For the text written for
 * every listed measure, where printf's machinery was most of the cost. */
void  pn_string_append_template (GString    *out,
                                 const char *template,
                                 ...) G_GNUC_PRINTF (2, 3);
char *pn_strdup_template        (const char *template,
                                 ...) G_GNUC_PRINTF (1, 2) G_GNUC_MALLOC;

/* The number `text` writes in ASCII digits (nothing else: no sign, space
 * or prefix), when it is at most `max`.  In place of
 * g_ascii_string_to_unsigned (), which reads errno after g_ascii_strtoull ()
 * made GLib's C locale on its first call: when that waited on a lock
 * another thread held, errno said EAGAIN and "10" was refused as "not an
 * unsigned number" (an import, about one time in a hundred, while its
 * schema check ran in the other thread).  This reads no errno. */
gboolean _pn_parse_decimal (const char *text,
                            guint64     max,
                            guint64    *out_value);

/* Tests and fuzzers: the loader's time limit (0: the default). */
void _pn_policy_loader_set_max_seconds (double seconds);

/* Whether the `len` bytes at `text` are UTF-8 without a NUL, as
 * memchr () == NULL && g_utf8_validate_len () answer, in one pass that
 * skips ASCII eight bytes at a time (GLib 2.74 looks at every byte; ids,
 * English, figures and markup are mostly ASCII).  A run of bytes >= 0x80
 * holds whole sequences when the text is valid (a sequence is made of
 * such bytes only), and is checked by g_utf8_validate_len (). */
static inline gboolean
pn_utf8_validate_len (const char *text,
                      gsize       len)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + len;

  while (p < end)
    {
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0 ||
              ((word - G_GUINT64_CONSTANT (0x0101010101010101)) & ~word &
               G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;  /* a byte >= 0x80 or a NUL in these eight */
          p += 8;
        }
      if (p >= end)
        break;

      if (*p == '\0')
        return FALSE;
      if (*p < 0x80)
        p++;
      else
        {
          const guchar *run = p;

          while (p < end && *p >= 0x80)
            p++;
          if (!g_utf8_validate_len ((const char *) run, p - run, NULL))
            return FALSE;
        }
    }

  return TRUE;
}

/* qsort() comparator for an array of C strings */
static inline int
pn_compare_strings (const void *a,
                    const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

G_END_DECLS
