/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pn-types.h"

G_BEGIN_DECLS

/* Plain value types for the policy model.  A PnDocument owns its
 * articles, which own their benefits; only the document is reference
 * counted.  All fields are read-only once pn_document_seal() ran. */

typedef struct
{
  char *zh;
  char *en;
} PnText;

typedef struct
{
  PnQuestion   question;
  GStrv        values;   /* accepted answers */
  GStrv        review;   /* answers needing an expert review (or NULL) */
  guint        line;

  /* The same lists as quarks (0-terminated), so that the engine compares
   * an answer with a few integers instead of strings; and whether the
   * condition accepts every term of its vocabulary, in which case it asks
   * nothing.  Filled by the loader. */
  GQuark      *value_quarks;
  GQuark      *review_quarks;
  gboolean     asks_nothing;
} PnCondition;

typedef struct
{
  char     *id;
  PnText    text;
  /* TRUE for an attestation: a detail of the activity itself that the
   * applicant confirms; it does not make the match possible-only. */
  gboolean  attestation;
} PnRequirement;

typedef struct
{
  PnFigure  figure;
  gint64    min;
  gboolean  inclusive;
} PnThreshold;

typedef struct
{
  char   *id;
  gint64  amount;
  char   *per;
  char   *article;
  PnText  text;
} PnAnnualCap;

typedef struct
{
  char *id;     /* a unit id of the taxonomy */
  char *role;   /* "lead" or "cooperating" */
} PnUnitRef;

struct _PnBenefit
{
  char          *id;
  PnBenefitKind  kind;
  char          *per;           /* or NULL */
  gboolean       one_time;
  PnText         title;
  double         rate;          /* < 0 when absent */
  PnFigure       base;          /* PN_FIGURE_NONE when absent */
  gint64         amount;        /* PN_YUAN_UNSET when absent */
  gint64         cap;           /* PN_YUAN_UNSET when absent */
  GPtrArray     *thresholds;    /* PnThreshold */
  PnFigure       combined_limit;/* PN_FIGURE_NONE when absent */
  GPtrArray     *conditions;    /* PnCondition */
  GPtrArray     *requirements;  /* PnRequirement */
  GStrv          tops_up;       /* benefit ids, or NULL */
  char          *overlap_group; /* or NULL */
  GStrv          annual_caps;   /* annual cap ids, or NULL */
  GArray        *stages;        /* double shares, or NULL */
  char          *stages_over;
  GPtrArray     *notes;         /* PnText */
  GPtrArray     *units;         /* PnUnitRef; empty: the article's */
  /* FALSE for a benefit drafted from the text and not yet reviewed by a
   * person (reviewed="false"); it never counts in a total.  TRUE by
   * default, as when the attribute is absent. */
  gboolean       reviewed;
  guint          line;

  PnArticle     *article;       /* not owned */
  PnDocument    *document;      /* not owned */
};

struct _PnArticle
{
  char       *number;
  char       *chapter;
  PnText      heading;
  char       *original;
  char       *summary;
  GPtrArray  *units;            /* PnUnitRef */
  char       *deadline_text;    /* or NULL */
  char       *valid_from;       /* YYYY-MM-DD from the deadline, or NULL */
  char       *valid_until;
  GPtrArray  *benefits;         /* PnBenefit */
  GPtrArray  *notes;            /* PnText */
  guint       line;

  PnDocument *document;         /* not owned */
};

struct _PnDocument
{
  char       *id;
  char       *doc_number;       /* or NULL */
  PnText      title;
  PnText      issuer;
  char       *jurisdiction;     /* location id */
  gboolean    draft;
  char       *issued;           /* YYYY-MM-DD or NULL, as are the next */
  char       *in_force_from;
  char       *in_force_until;
  char       *applies_from;
  char       *source_file;      /* the source text (<source file=>) */
  char       *file_name;        /* the XML it was read from, for errors */
  char       *last_verified;
  char       *overlap_principle;/* or NULL */
  char       *overlap_where;
  char       *overlap_quote;
  char       *overlap_en;
  GPtrArray  *notes;            /* PnText */
  GPtrArray  *annual_caps;      /* PnAnnualCap */
  GPtrArray  *articles;         /* PnArticle */
  /* Places and units the document declares itself because the taxonomy
   * does not know them (<local-locations>, <local-units>): PnTerm, with
   * `parent` the enclosing place of a location and the place of a unit.
   * Empty for every bundled document. */
  GPtrArray  *local_locations;
  GPtrArray  *local_units;
  gboolean    user_imported;
};

#define PN_TYPE_DOCUMENT (pn_document_get_type ())

GType        pn_document_get_type        (void) G_GNUC_CONST;
PnDocument  *pn_document_new             (void);
PnDocument  *pn_document_ref             (PnDocument  *self);
void         pn_document_unref           (PnDocument  *self);
void         pn_document_seal            (PnDocument  *self);
PnArticle   *pn_document_add_article     (PnDocument  *self);
PnBenefit   *pn_article_add_benefit      (PnArticle   *article);
PnArticle   *pn_document_find_article    (PnDocument  *self,
                                          const char  *number);
/* Declares a place or a unit of the document (see local_locations). */
PnTerm      *pn_document_add_local_location (PnDocument *self,
                                             const char *id,
                                             const char *parent,
                                             const char *level,
                                             const char *zh,
                                             const char *en);
PnTerm      *pn_document_add_local_unit  (PnDocument  *self,
                                          const char  *id,
                                          const char  *location,
                                          const char  *zh,
                                          const char  *en);
/* A unit or a location by id: the taxonomy's (when `taxonomy` is not
 * NULL), else the document's own declaration; NULL when neither knows it. */
const PnTerm *pn_document_lookup_unit    (PnDocument  *self,
                                          PnTaxonomy  *taxonomy,
                                          const char  *id);
const PnTerm *pn_document_lookup_location (PnDocument *self,
                                           PnTaxonomy *taxonomy,
                                           const char *id);
/* How many benefits the document has, and how many of them are not yet
 * reviewed. */
guint        pn_document_count_benefits  (PnDocument  *self,
                                          guint       *out_unreviewed);
const PnAnnualCap *pn_document_find_annual_cap (PnDocument *self,
                                                const char *id);
char        *pn_article_citation         (PnArticle   *article);
const PnCondition *pn_benefit_find_condition (PnBenefit *benefit,
                                              PnQuestion question);
/* The period a benefit applies in (YYYY-MM-DD, NULL when not stated): the
 * article's deadline when it has one, else the document's validity (its
 * applies-from date before its in-force date).  Draft documents keep their
 * dates here; they are never in force all the same. */
void         pn_benefit_get_validity     (PnBenefit   *benefit,
                                          const char **out_from,
                                          const char **out_until);

PnText      *pn_text_new                 (const char  *zh,
                                          const char  *en);
void         pn_text_clear               (PnText      *text);
void         pn_text_free                (PnText      *text);
PnCondition *pn_condition_new            (void);
void         pn_condition_free           (PnCondition *condition);
PnRequirement *pn_requirement_new        (void);
void         pn_requirement_free         (PnRequirement *requirement);
PnAnnualCap *pn_annual_cap_new           (void);
void         pn_annual_cap_free          (PnAnnualCap *cap);
GPtrArray   *pn_benefit_get_units        (PnBenefit   *benefit);
PnUnitRef   *pn_unit_ref_new             (const char  *id,
                                          const char  *role);
void         pn_unit_ref_free            (PnUnitRef   *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDocument, pn_document_unref)

G_END_DECLS
