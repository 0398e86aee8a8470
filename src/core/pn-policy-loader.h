/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pn-corpus.h"
#include "pn-policy.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

#define PN_POLICY_ERROR (pn_policy_error_quark ())

typedef enum
{
  PN_POLICY_ERROR_MALFORMED,   /* not well-formed XML, empty, binary */
  PN_POLICY_ERROR_FORBIDDEN,   /* DTD, entities or other hostile content */
  PN_POLICY_ERROR_INVALID,     /* does not validate against the schema */
  PN_POLICY_ERROR_REFERENCE,   /* unknown unit, group or benefit id */
  PN_POLICY_ERROR_TOO_LARGE,   /* past a limit below (bytes, nodes, depth, time …) */
  PN_POLICY_ERROR_IO,          /* cannot be read, or not a regular file */
  PN_POLICY_ERROR_MODEL,       /* valid XML that breaks a rule of the model */
} PnPolicyError;

/* What one policy or taxonomy file may hold (docs/security.md).  Each is
 * refused with one line naming the file and the limit. */
#define PN_POLICY_MAX_BYTES      (64 * 1024 * 1024)
/* elements and runs of text; the bundled documents have one per 35 bytes */
#define PN_POLICY_MAX_NODES      2000000
/* on one element, namespace declarations included (the schema's most is 4) */
#define PN_POLICY_MAX_ATTRIBUTES 32
/* the schema nests 6 deep */
#define PN_POLICY_MAX_DEPTH      32
/* one run of text, in bytes (the longest bundled article is 5 KiB) */
#define PN_POLICY_MAX_TEXT       (1024 * 1024)
/* parsing and validating one file */
#define PN_POLICY_MAX_SECONDS    20
/* documents one may replace (<supersedes>) or keep in force (<extends>):
 * a notice names a few; fifty thousand made every read after the import
 * quadratic */
#define PN_POLICY_MAX_EXTENDS    100

GQuark       pn_policy_error_quark              (void);

/* Reads a whole file in one bounded read: at most `max_bytes` + 1 bytes,
 * whatever size the file system reports.  Anything but a regular file on
 * a real file system (a FIFO, a device, a folder, a /proc or /sys file) is
 * refused before a byte is read, and so is a file past `max_bytes`.  The
 * errors are PN_POLICY_ERROR_IO or _TOO_LARGE and name the file. */
GBytes      *pn_policy_loader_read_file         (GFile       *file,
                                                 gsize        max_bytes,
                                                 GError     **error);

/* The only code that touches libxml2.  `display_name` names the file in
 * errors ("data/policies/x.xml:12: …").  Parsing never touches the
 * network and refuses any DOCTYPE. */
PnTaxonomy  *pn_policy_loader_load_taxonomy     (const char  *display_name,
                                                 GBytes      *bytes,
                                                 GError     **error);
/* Parses, validates and checks exactly `bytes` (the schema, the parse
 * budget, the model's rules: unique ids, top-ups within the document and
 * without cycles, staged shares summing to 1).  A caller that keeps the
 * file (import) stores these same bytes.  `taxonomy` may be NULL: unit,
 * group and jurisdiction references are then not checked. */
PnDocument  *pn_policy_loader_load_document     (const char  *display_name,
                                                 GBytes      *bytes,
                                                 PnTaxonomy  *taxonomy,
                                                 GError     **error);
/* pn_policy_loader_read_file() (PN_POLICY_MAX_BYTES) then
 * pn_policy_loader_load_document(), on one read of the file. */
PnDocument  *pn_policy_loader_load_document_file (GFile      *file,
                                                  PnTaxonomy *taxonomy,
                                                  GError    **error);
/* The same, also returning the bytes that were read and validated, for a
 * caller that stores them (import: never read the file a second time). */
PnDocument  *pn_policy_loader_load_document_file_bytes (GFile      *file,
                                                        PnTaxonomy *taxonomy,
                                                        GBytes    **out_bytes,
                                                        GError    **error);

/* The references of `document` that only a corpus can answer: every
 * benefit it tops up exists (in itself or in `corpus`), what the other
 * documents top up in a document it replaces (same id) still exists, and
 * no chain of top-ups comes back to where it started, across documents
 * too.  `corpus` is the corpus the document is about to join (a document
 * of the same id in it is the one replaced).  Uses the public corpus API
 * only; the errors name the file and line. */
gboolean     pn_policy_loader_check_in_corpus   (PnCorpus    *corpus,
                                                 PnDocument  *document,
                                                 GError     **error);

/* That every benefit the cases of `document` name is a benefit of the
 * document or of `corpus` (the other documents; a stored version of this
 * one does not count): the loader checks the document's own benefits, this
 * the others.  Errors name the XML file and the line of the expectation. */
gboolean     pn_policy_loader_check_case_references (PnDocument *document,
                                                     PnCorpus   *corpus,
                                                     GError    **error);

/* The bundled corpus, compiled in as a GResource. */
PnTaxonomy  *pn_policy_loader_load_bundled_taxonomy (GError **error);
GPtrArray   *pn_policy_loader_load_bundled_documents (PnTaxonomy *taxonomy,
                                                      GError    **error);

G_END_DECLS
