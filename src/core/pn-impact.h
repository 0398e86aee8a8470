/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "pn-corpus.h"
#include "pn-result.h"
#include "pn-store.h"

G_BEGIN_DECLS

/* What a change to the corpus (importing, replacing or removing a
 * document) means for every saved client: each profile evaluated against
 * the corpus before and after, on its own as-of date (today when it has
 * none), and the measures gained, lost or changed in amount.  Immutable. */

typedef enum
{
  PN_IMPACT_GAINED,             /*< nick=gained >*/
  PN_IMPACT_LOST,               /*< nick=lost >*/
  PN_IMPACT_CHANGED,            /*< nick=changed >*/
} PnImpactKind;

typedef enum
{
  PN_IMPACT_DATE_CLIENT,        /*< nick=client >*/
  PN_IMPACT_DATE_GIVEN,         /*< nick=given >*/
  PN_IMPACT_DATE_TAKES_EFFECT,  /*< nick=takes-effect >*/
} PnImpactDate;

typedef struct
{
  PnImpactKind  kind;
  char         *benefit_id;
  PnText        title;
  gint64        before_cny;     /* counted before; 0 when it was not */
  gint64        after_cny;      /* counted after; 0 when it is not */
  PnText        reason;         /* why it is not counted after (lost), or empty */
} PnImpactChange;

typedef struct
{
  char         *name;           /* the saved profile's */
  char         *location;       /* or NULL */
  char         *as_of;
  gint64        before_cny;
  gint64        after_cny;
  gint64        before_high_cny; /* PN_YUAN_UNSET: no upper bound */
  gint64        after_high_cny;
  GPtrArray    *changes;        /* PnImpactChange: gained, lost, changed */
  char         *error;          /* a profile that could not be read, or NULL */
  /* where as_of comes from: the client's own date (or today), the date
   * asked for, or the date the change takes effect when the client's
   * falls before it (nothing would change on the client's own) */
  PnImpactDate  as_of_from;
} PnClientImpact;

/* A document whose last day the change moves (a notice extending it,
 * imported or removed) */
typedef struct
{
  char         *id;
  char         *doc_number;     /* or NULL */
  PnText        title;
  char         *before_until;   /* the day that held before, or NULL */
  char         *after_until;    /* and after */
} PnImpactPeriod;

#define PN_TYPE_IMPACT (pn_impact_get_type ())

typedef struct _PnImpact PnImpact;

GType         pn_impact_get_type          (void) G_GNUC_CONST;

/* Every profile saved in `store`, against `before` and `after`.  A
 * damaged profile is reported in its entry, not as an error; the error is
 * for a corpus that cannot be read. */
PnImpact     *pn_impact_new               (PnStore      *store,
                                           PnCorpus     *before,
                                           PnCorpus     *after,
                                           GError      **error);
/* The same for the profiles given. */
PnImpact     *pn_impact_new_on            (PnStore      *store,
                                           PnCorpus     *before,
                                           PnCorpus     *after,
                                           const char   *as_of,
                                           const char   *takes_effect,
                                           GError      **error);
PnImpact     *pn_impact_new_for_profiles  (GPtrArray    *profiles,
                                           PnCorpus     *before,
                                           PnCorpus     *after,
                                           GError      **error);
PnImpact     *pn_impact_ref               (PnImpact     *self);
void          pn_impact_unref             (PnImpact     *self);

guint         pn_impact_get_n_clients     (PnImpact     *self);
const PnClientImpact *pn_impact_get_client (PnImpact    *self,
                                            guint        position);
/* The documents whose last day the change moves, in listing order */
guint         pn_impact_get_n_periods     (PnImpact     *self);
const PnImpactPeriod *pn_impact_get_period (PnImpact    *self,
                                            guint        position);
/* Whether any client's counted total or measures change. */
gboolean      pn_impact_changes_anything  (PnImpact     *self);

const char   *pn_impact_kind_to_string    (PnImpactKind  kind);
const char   *pn_impact_date_to_string    (PnImpactDate  date);
char         *pn_document_dup_takes_effect (PnDocument  *document,
                                           PnCorpus    *before);

/* {"documents":[{"id","doc_number","in_force_until_before",
 *  "in_force_until_after"}],
 *  "clients":[{"name","location","as_of","before_total_cny",
 *  "after_total_cny","difference_cny","before_high_cny","after_high_cny",
 *  "changes":[{"kind": gained|lost|changed,"benefit_id","title",
 *  "title_zh","before_cny","after_cny","reason":{"zh","en"}|null}],
 *  "error"}]} */
JsonNode     *pn_impact_to_json           (PnImpact     *self);
char         *pn_impact_to_text           (PnImpact     *self,
                                           PnLang        lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnImpact, pn_impact_unref)

G_END_DECLS
