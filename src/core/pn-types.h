/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Status of a benefit on the as-of date. */
typedef enum
{
  PN_STATUS_IN_FORCE,
  PN_STATUS_EXPIRED,
  PN_STATUS_PENDING,
  PN_STATUS_DRAFT,
} PnStatus;

typedef enum
{
  PN_MATCH_DEFINITE,
  PN_MATCH_POSSIBLE,
} PnMatch;

typedef enum
{
  PN_BENEFIT_FIXED,
  PN_BENEFIT_RATE,
  PN_BENEFIT_TOP_UP,
  PN_BENEFIT_MATCHING,
  PN_BENEFIT_UNSPECIFIED,
  PN_BENEFIT_NON_MONETARY,
  PN_N_BENEFIT_KINDS
} PnBenefitKind;

/* The questions a profile answers; the order is the schema's condition
 * order.  Ids are the vocabulary ids ("drug-class"). */
typedef enum
{
  PN_QUESTION_PRODUCT,
  PN_QUESTION_ENTITY,
  PN_QUESTION_DRUG_CLASS,
  PN_QUESTION_MODALITY,
  PN_QUESTION_THERAPEUTIC_AREA,
  PN_QUESTION_DEVICE_CLASS,
  PN_QUESTION_INNOVATIVE_DEVICE,
  PN_QUESTION_DEVICE_TYPE,
  PN_QUESTION_PHASE,
  PN_QUESTION_RANK,
  PN_N_QUESTIONS
} PnQuestion;

/* The figures (whole yuan) a profile may give. */
typedef enum
{
  PN_FIGURE_NONE = -1,
  PN_FIGURE_RD_INVESTMENT,
  PN_FIGURE_SALES,
  PN_FIGURE_FIXED_ASSETS,
  PN_FIGURE_EQUIPMENT,
  PN_FIGURE_EVALUATION_COST,
  PN_FIGURE_TECH_TRANSACTION,
  PN_FIGURE_CONTRACT_AMOUNT,
  PN_FIGURE_SERVICE_REVENUE,
  PN_FIGURE_ANNUAL_REVENUE,
  PN_FIGURE_NATIONAL_FUNDING,
  PN_FIGURE_TOTAL_INVESTMENT,
  PN_N_FIGURES
} PnFigure;

/* The language of a text, an export or an edition of a brief. */
typedef enum
{
  PN_LANG_EN,
  PN_LANG_ZH,
} PnLang;

/* An amount that is not known or not given. */
#define PN_YUAN_UNSET G_GINT64_CONSTANT (-1)

/* One labelled id: a location, a vocabulary term, a unit, an overlap
 * group (of the taxonomy, or declared by one document).  `parent` is the
 * enclosing location for locations, the location of a unit, the
 * vocabulary id for terms. */
typedef struct _PnTerm PnTerm;
struct _PnTerm
{
  char *id;
  char *parent;
  char *level;
  char *zh;
  char *en;
};

typedef struct _PnTaxonomy PnTaxonomy;
typedef struct _PnDocument PnDocument;
typedef struct _PnArticle  PnArticle;
typedef struct _PnBenefit  PnBenefit;
typedef struct _PnCorpus   PnCorpus;

const char *pn_status_to_string        (PnStatus       status);
const char *pn_match_to_string         (PnMatch        match);
const char *pn_benefit_kind_to_string  (PnBenefitKind  kind);
gboolean    pn_benefit_kind_from_string (const char    *str,
                                         PnBenefitKind *out_kind);
const char *pn_question_to_string      (PnQuestion     question);
gboolean    pn_question_from_string    (const char    *str,
                                        PnQuestion    *out_question);
const char *pn_figure_to_string        (PnFigure       figure);
gboolean    pn_figure_from_string      (const char    *str,
                                        PnFigure      *out_figure);

G_END_DECLS
