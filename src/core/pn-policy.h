/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pn-types.h"

G_BEGIN_DECLS

/* How a draft fills an English field it cannot translate, before the
 * reviewer does: "Not yet translated: 漳州市科技局". */
#define PN_UNTRANSLATED_PREFIX "Not yet translated: "

/* Plain value types for the policy model.  A PnDocument holds its
 * articles, which hold their benefits; all three are reference counted,
 * and the back pointers (benefit → article → document) are not: whoever
 * holds a benefit holds its document too (the corpus, a result set).
 *
 * A document read from an XML file is whole.  A document the store lists
 * is read on demand: its header (every scalar field, notes and annual
 * caps) first, and its `articles` only when pn_corpus_load_document()
 * reads it whole; until then `articles` is NULL, and so is an article's
 * `benefits`.  A benefit the engine reads for a profile comes with its
 * article and its document's header.  All fields are read-only once
 * pn_document_seal() ran or the store built the value. */

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

/* One way to read a benefit's sentence (<reading>): the chosen one is the
 * encoding as it is; another says what it reads differently. */
typedef struct
{
  char     *id;
  gboolean  chosen;
  gboolean  keep_lapsed_target;  /* lapsed-target="not-deducted" */
  PnText    text;
} PnReading;

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
  gboolean       rate_ceiling;  /* the rate is a most (最高不超过40%): the
                                 * estimate is what it gives at most */
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
  GPtrArray     *readings;      /* PnReading; empty, or one chosen and others */
  /* FALSE for a benefit drafted from the text and not yet reviewed by a
   * person (reviewed="false"); it never counts in a total.  TRUE by
   * default, as when the attribute is absent. */
  gboolean       reviewed;
  guint          line;
  guint          seq;           /* its place among the document's benefits */
  gint64         store_key;     /* its row in the store, or 0 */

  PnArticle     *article;       /* not owned */
  PnDocument    *document;      /* not owned */

  /* What the engine checks first, kept by the corpus for a benefit read
   * from the store (whose rows never change): see PnCandidate. */
  struct
  {
    guint32      asks;
    guint32      open_unanswered;
    guint32      open_always;
    guint32      figures;
    guint32      from_day;
    guint32      until_day;
    guint32     *conditions;   /* _pn_conditions_compile () */
    gint64       annual_cap_bound; /* pn_benefit_annual_cap_bound () */
    gboolean     known;
  } checks;
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
  GPtrArray  *benefits;         /* PnBenefit; NULL until the document is whole */
  GPtrArray  *notes;            /* PnText */
  guint       line;
  guint       position;         /* its place in the document */
  gint64      store_key;        /* its row in the store, or 0 */
  /* TRUE while `original` and `summary` are not read (an article the
   * engine read for a benefit it lists): pn_corpus_read_article_texts().
   * The articles of a whole document always have them. */
  gboolean    texts_pending;

  PnDocument *document;         /* not owned */
};

/* An expected-result case (<cases> of a document): what the engine must
 * give for some benefits when a client answers so on a date.  A value of
 * the document, like its articles; pn-check runs it. */
typedef struct
{
  char      *benefit_id;
  gboolean   listed;        /* FALSE: <not-listed>, the benefit must not be listed */
  gint64     counted_cny;   /* what it adds to the total; 0 when it does not count */
  gint64     estimate_cny;  /* PN_YUAN_UNSET when the case does not say */
  gboolean   has_match;
  PnMatch    match;
  gboolean   has_status;
  PnStatus   status;
  char      *reason;        /* a pn_not_counted_to_string() id, or NULL */
  char      *quote;         /* the sentence of the source that justifies it */
  GPtrArray *notes;         /* PnText */
  guint      line;
} PnCaseExpectation;

typedef struct
{
  char       *name;                      /* unique in its document */
  char       *as_of;                     /* YYYY-MM-DD */
  char       *location;                  /* a location id */
  char       *answers[PN_N_QUESTIONS];   /* NULL: not answered */
  gint64      figures[PN_N_FIGURES];     /* PN_YUAN_UNSET: not given */
  GPtrArray  *expectations;              /* PnCaseExpectation, in document order */
  gint64      total_cny;                 /* PN_YUAN_UNSET: the total is not checked */
  GPtrArray  *notes;                     /* PnText */
  guint       line;

  PnDocument *document;                  /* not owned */
} PnCase;

/* <supersedes ref="xiamen-2023-17" from="2027-01-01"/> */
typedef struct
{
  char   *ref;                  /* the id of the document replaced */
  char   *from;                 /* YYYY-MM-DD */
} PnSupersession;

/* <extends ref="xiamen-2023-17" until="2027-12-31"/>: a notice that keeps
 * another document in force longer (关于延长…有效期的通知) */
typedef struct
{
  char   *ref;                  /* the id of the document kept in force */
  char   *until;                /* YYYY-MM-DD, its new last day */
} PnExtension;

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
  GPtrArray  *articles;         /* PnArticle; NULL until the document is whole */
  GPtrArray  *cases;            /* PnCase, in document order; NULL until whole */
  /* Places and units the document declares itself because the taxonomy
   * does not know them (<local-locations>, <local-units>): PnTerm, with
   * `parent` the enclosing place of a location and the place of a unit.
   * Empty for every bundled document. */
  GPtrArray  *local_locations;
  GPtrArray  *local_units;
  /* The documents this one replaces, each from a date (<supersedes>):
   * PnSupersession.  From that date their measures are superseded: shown,
   * never counted.  A draft replaces nothing until it is final. */
  GPtrArray  *supersedes;
  /* The documents this one keeps in force longer (<extends>): PnExtension.
   * A draft extends nothing until it is final. */
  GPtrArray  *extends;
  /* Set by the corpus that holds the document when a final document of
   * it extends this one: the new last day and the id of the latest such
   * document (interned strings), else NULL.  in_force_until stays what
   * the text says; pn_document_get_in_force_until () gives the day that
   * holds. */
  const char *extended_until;
  const char *extended_by;
  gboolean    user_imported;
  int         position;         /* the order documents are listed in: */
                                /* (user_imported, position, id) */
  guint       n_articles;       /* known for a header too */
  guint       n_benefits;
  gint64      store_key;        /* its row in the store, or 0 */
};

#define PN_TYPE_DOCUMENT (pn_document_get_type ())

GType        pn_document_get_type        (void) G_GNUC_CONST;
PnDocument  *pn_document_new             (void);
/* A document whose articles are read later: `articles` is NULL. */
PnDocument  *pn_document_new_header      (void);
PnDocument  *pn_document_ref             (PnDocument  *self);
void         pn_document_unref           (PnDocument  *self);
void         pn_document_seal            (PnDocument  *self);
PnArticle   *pn_document_add_article     (PnDocument  *self);
PnBenefit   *pn_article_add_benefit      (PnArticle   *article);
/* Articles and benefits the store reads one by one, before (or without)
 * their document's articles: an article with `benefits` NULL, a benefit
 * pointing to `article`; neither is added to its parent's list. */
PnArticle   *pn_article_new_detached     (PnDocument  *document);
PnBenefit   *pn_benefit_new_detached     (PnArticle   *article);
PnArticle   *pn_article_ref              (PnArticle   *article);
void         pn_article_unref            (PnArticle   *article);
PnBenefit   *pn_benefit_ref              (PnBenefit   *benefit);
void         pn_benefit_unref            (PnBenefit   *benefit);
/* Whether the document's articles (and their benefits) are there. */
gboolean     pn_document_is_whole        (PnDocument  *self);
/* An empty list of cases, for a document read whole. */
GPtrArray   *pn_document_new_cases       (void);
PnCase      *pn_document_add_case        (PnDocument  *self);
/* A case of `document` not added to it (the store builds the list). */
PnCase      *pn_case_new                 (PnDocument  *document);
void         pn_case_free                (PnCase      *self);
PnCaseExpectation *pn_case_add_expectation (PnCase    *self);
PnCase      *pn_document_find_case       (PnDocument  *self,
                                          const char  *name);
PnArticle   *pn_document_find_article    (PnDocument  *self,
                                          const char  *number);
/* Declares a place or a unit of the document (see local_locations). */
PnTerm      *pn_document_add_local_location (PnDocument *self,
                                             const char *id,
                                             const char *parent,
                                             const char *level,
                                             const char *zh,
                                             const char *en);
PnSupersession *pn_document_add_supersession (PnDocument *self,
                                              const char *ref,
                                              const char *from);
PnExtension *pn_document_add_extension    (PnDocument *self,
                                           const char *ref,
                                           const char *until);
/* The last day the document is in force: the text's, or the later one a
 * notice of the corpus extended it to; NULL when open-ended. */
const char  *pn_document_get_in_force_until (PnDocument *self);
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
const PnCondition *pn_benefit_find_condition (PnBenefit *benefit,
                                              PnQuestion question);
/* The period a benefit applies in (YYYY-MM-DD, NULL when not stated): the
 * article's deadline when it has one, else the document's validity (its
 * applies-from date before its in-force date).  Draft documents keep their
 * dates here; they are never in force all the same. */
void         pn_benefit_get_validity     (PnBenefit   *benefit,
                                          const char **out_from,
                                          const char **out_until);

/* Whether the benefit depends on `key`: a question id (a condition that
 * asks it), a figure id (its base, limit or a threshold), "location"
 * (always) or "as-of" (dated, or a draft). */
gboolean     pn_benefit_depends_on       (PnBenefit   *benefit,
                                          const char  *key);

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
PnReading   *pn_reading_new              (void);
void         pn_reading_free             (PnReading   *reading);
PnUnitRef   *pn_unit_ref_new             (const char  *id,
                                          const char  *role);
void         pn_unit_ref_free            (PnUnitRef   *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDocument, pn_document_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnArticle, pn_article_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnBenefit, pn_benefit_unref)

G_END_DECLS
