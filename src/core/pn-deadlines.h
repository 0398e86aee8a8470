/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "pn-corpus.h"
#include "pn-types.h"

G_BEGIN_DECLS

/* The measures (benefits) that apply at a location, by the date they
 * end: the article's deadline when it has one (the Fujian task list),
 * else the document's period (Xiamen 2023 and Jinjiang 2025 end on
 * 2026-12-31).  Measures that ended before the as-of date, measures of
 * drafts and measures with no end date are left out (the last are
 * counted).  Immutable. */

#define PN_DEADLINES_ERROR (pn_deadlines_error_quark ())

typedef enum
{
  PN_DEADLINES_ERROR_LOCATION,  /* not a location of the taxonomy */
  PN_DEADLINES_ERROR_DATE,      /* the as-of date is not a date */
  PN_DEADLINES_ERROR_ICAL,      /* libical could not write the calendar */
} PnDeadlinesError;

typedef struct
{
  PnBenefit   *benefit;       /* owned by the corpus */
  const char  *valid_from;    /* or NULL */
  const char  *valid_until;
  PnStatus     status;        /* in-force, pending or superseded */
  gint         days_left;     /* from the as-of date to the end date */
  /* the final document replacing the measure's and from when (see
   * pn_corpus_get_superseded()), or NULL: superseded when the date is
   * on or before the as-of date, else the successor it is to give way to */
  const char  *replaced_by;
  const char  *replaced_from;
} PnDeadline;

#define PN_TYPE_DEADLINES (pn_deadlines_get_type ())

typedef struct _PnDeadlines PnDeadlines;

GQuark        pn_deadlines_error_quark    (void);
GType         pn_deadlines_get_type       (void) G_GNUC_CONST;

/* `as_of`: YYYY-MM-DD or NULL for today; `within_days` < 0: no limit,
 * else only what ends at most that many days after the as-of date. */
PnDeadlines  *pn_deadlines_new            (PnCorpus     *corpus,
                                           const char   *location,
                                           const char   *as_of,
                                           gint          within_days,
                                           GError      **error);
PnDeadlines  *pn_deadlines_ref            (PnDeadlines  *self);
void          pn_deadlines_unref          (PnDeadlines  *self);

const char   *pn_deadlines_get_location   (PnDeadlines  *self);
const char   *pn_deadlines_get_as_of      (PnDeadlines  *self);
gint          pn_deadlines_get_within     (PnDeadlines  *self);
guint         pn_deadlines_get_n_deadlines (PnDeadlines *self);
const PnDeadline *pn_deadlines_get_deadline (PnDeadlines *self,
                                             guint        position);
/* Measures at the location that state no end date. */
guint         pn_deadlines_get_n_undated  (PnDeadlines  *self);
/* The stable UID of a deadline's calendar event:
 * "BENEFIT-ID/YYYYMMDD@io.github.pnav.PolicyNavigator". */
char         *pn_deadline_dup_uid         (const PnDeadline *deadline);

/* {"location","as_of","within_days","undated_count","deadlines":[{
 *  "benefit_id","document_id","doc_number","article","citation","title",
 *  "title_zh","status","valid_from","valid_until","days_left",
 *  "deadline_text","responsible_units":[{"id","zh","en","role"}]}]} */
JsonNode     *pn_deadlines_to_json        (PnDeadlines  *self);
char         *pn_deadlines_to_text        (PnDeadlines  *self,
                                           PnLang        lang);
/* iCalendar (RFC 5545, written by libical): one all-day VEVENT per
 * deadline on its end date. */
char         *pn_deadlines_to_ical        (PnDeadlines  *self,
                                           PnLang        lang,
                                           GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDeadlines, pn_deadlines_unref)

G_END_DECLS
