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
  PN_POLICY_ERROR_TOO_LARGE,
  PN_POLICY_ERROR_IO,
} PnPolicyError;

GQuark       pn_policy_error_quark              (void);

/* The only code that touches libxml2.  `display_name` names the file in
 * errors ("data/policies/x.xml:12: …").  Parsing never touches the
 * network and refuses any DOCTYPE. */
PnTaxonomy  *pn_policy_loader_load_taxonomy     (const char  *display_name,
                                                 GBytes      *bytes,
                                                 GError     **error);
/* `taxonomy` may be NULL: unit references are then not checked. */
PnDocument  *pn_policy_loader_load_document     (const char  *display_name,
                                                 GBytes      *bytes,
                                                 PnTaxonomy  *taxonomy,
                                                 GError     **error);
/* Reads a policy file: only a regular file, and at most one byte past
 * the size limit whatever size it reports. */
GBytes      *pn_policy_loader_read_file          (GFile      *file,
                                                  GError    **error);
PnDocument  *pn_policy_loader_load_document_file (GFile      *file,
                                                  PnTaxonomy *taxonomy,
                                                  GError    **error);

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
