/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pn-policy.h"

G_BEGIN_DECLS

#define PN_TYPE_TAXONOMY (pn_taxonomy_get_type ())

GType         pn_taxonomy_get_type       (void) G_GNUC_CONST;
PnTaxonomy   *pn_taxonomy_new            (void);
PnTaxonomy   *pn_taxonomy_ref            (PnTaxonomy *self);
void          pn_taxonomy_unref          (PnTaxonomy *self);

void          pn_taxonomy_add_location   (PnTaxonomy *self,
                                          const char *id,
                                          const char *parent,
                                          const char *level,
                                          const char *zh,
                                          const char *en);
void          pn_taxonomy_add_term       (PnTaxonomy *self,
                                          const char *vocabulary,
                                          const char *id,
                                          const char *zh,
                                          const char *en);
void          pn_taxonomy_add_unit       (PnTaxonomy *self,
                                          const char *id,
                                          const char *location,
                                          const char *zh,
                                          const char *en);
void          pn_taxonomy_add_group      (PnTaxonomy *self,
                                          const char *id,
                                          const char *zh,
                                          const char *en);

const PnTerm *pn_taxonomy_get_location   (PnTaxonomy *self,
                                          const char *id);
const PnTerm *pn_taxonomy_get_term       (PnTaxonomy *self,
                                          const char *vocabulary,
                                          const char *id);
const PnTerm *pn_taxonomy_get_unit       (PnTaxonomy *self,
                                          const char *id);
const PnTerm *pn_taxonomy_get_group      (PnTaxonomy *self,
                                          const char *id);
/* Locations in document order (PnTerm), terms of one vocabulary. */
GPtrArray    *pn_taxonomy_get_locations  (PnTaxonomy *self);
GPtrArray    *pn_taxonomy_get_terms      (PnTaxonomy *self,
                                          const char *vocabulary);
GPtrArray    *pn_taxonomy_get_units      (PnTaxonomy *self);
GPtrArray    *pn_taxonomy_get_groups     (PnTaxonomy *self);
const char * const *pn_taxonomy_get_vocabulary_ids (PnTaxonomy *self);
/* Whether `place` is `ancestor` or lies beneath it. */
gboolean      pn_taxonomy_location_within (PnTaxonomy *self,
                                           const char *place,
                                           const char *ancestor);
/* Depth of a location: 0 for the province. */
guint         pn_taxonomy_location_depth (PnTaxonomy *self,
                                          const char *id);
/* "innovative, improved, generic or classical-tcm" for error messages. */
char         *pn_taxonomy_describe_ids   (PnTaxonomy *self,
                                          const char *vocabulary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnTaxonomy, pn_taxonomy_unref)

G_END_DECLS
