/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pn-corpus.h"
#include "pn-policy.h"
#include "pn-profile.h"

G_BEGIN_DECLS

/* Runs the expected-result cases a document carries (PnCase, the
 * <cases> of its XML) against the engine, like the legislation tests of
 * rules-as-code projects, and reports each difference with the engine's
 * derivation of the benefit.  `pnav check` and the data suite use it. */

/* What a difference is about. */
typedef enum
{
  PN_CHECK_LISTED,    /* the benefit is listed or not */
  PN_CHECK_COUNTED,   /* the amount it adds to the total */
  PN_CHECK_ESTIMATE,
  PN_CHECK_MATCH,
  PN_CHECK_STATUS,
  PN_CHECK_REASON,    /* why it does not count */
  PN_CHECK_TOTAL,     /* the case's total */
} PnCheckField;

typedef struct
{
  PnCheckField             field;
  const PnCaseExpectation *expectation;   /* NULL for the total */
  /* the values as JSON (a number of yuan, a string, a boolean or null) */
  JsonNode                *expected;
  JsonNode                *actual;
  /* the engine's derivation of the benefit; when it is not listed, why
   * not (its jurisdiction, the conditions the answers contradict); for
   * the total, what was counted */
  PnText                   derivation;
  PnText                   not_counted;   /* why it does not count, or empty */
} PnCheckMismatch;

typedef struct
{
  PnDocument   *document;     /* a reference */
  const PnCase *pcase;        /* owned by the document */
  gboolean      passed;
  gint64        total_cny;    /* the engine's total for the case's answers */
  GPtrArray    *mismatches;   /* PnCheckMismatch */
} PnCheckOutcome;

const char     *pn_check_field_to_string  (PnCheckField    field);
void            pn_check_outcome_free     (PnCheckOutcome *outcome);

/* The case's answers, figures and date as a profile. */
PnProfile      *pn_check_case_profile     (const PnCase   *pcase);
/* `pcase` belongs to a document of `corpus` (or stands in for one). */
PnCheckOutcome *pn_check_run_case         (PnCorpus       *corpus,
                                           const PnCase   *pcase,
                                           GError        **error);
/* Every case of `document`, in order (element-type PnCheckOutcome). */
GPtrArray      *pn_check_run_document     (PnCorpus       *corpus,
                                           PnDocument     *document,
                                           GError        **error);
/* Every case of every document of `corpus`, in document order. */
GPtrArray      *pn_check_run_corpus       (PnCorpus       *corpus,
                                           GError        **error);
guint           pn_check_count_failed     (GPtrArray      *outcomes);

/* {"cases": [{"document_id", "name", "as_of", "location", "passed",
 *   "expectations", "total_cny", "expected_total_cny", "mismatches": [
 *   {"benefit_id", "field", "expected", "actual", "quote", "derivation":
 *   {"zh", "en"}, "not_counted_reason": {"zh", "en"} or null}]}],
 *  "passed": N, "failed": N} */
JsonNode       *pn_check_outcomes_json    (GPtrArray      *outcomes);
/* One line per case (PASS/FAIL), each mismatch under its case with the
 * derivation, the reason it does not count and the quoted sentence. */
char           *pn_check_outcomes_text    (GPtrArray      *outcomes,
                                           PnLang          lang);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnCheckOutcome, pn_check_outcome_free)

G_END_DECLS
