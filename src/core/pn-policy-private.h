/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-policy.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

/* Requirements not attested by the applicant: each leaves a match open. */
guint        pn_benefit_count_open_requirements (PnBenefit *benefit);
/* The least of the yearly caps the benefit shares, or PN_YUAN_UNSET: no
 * measure gives more in a year than its cap, whatever the figures. */
gint64       pn_benefit_annual_cap_bound        (PnBenefit *benefit);
/* 1 << PnFigure of each figure the benefit's amount reads: its base, its
 * combined limit and its thresholds' figures */
guint32      pn_benefit_figures_read     (PnBenefit  *benefit);
/* Whether `value` answers `question` in the taxonomy: a term of the
 * question's vocabulary, or "true" or "false" for the yes/no question */
gboolean     _pn_taxonomy_has_answer     (PnTaxonomy *taxonomy,
                                          PnQuestion  question,
                                          const char *value);

/* The quark of an answer to `question`: the string's quark when it is one
 * already; else made only when the taxonomy has it as an answer (a term of
 * the question's vocabulary; "true" or "false" for a yes/no question), 0
 * otherwise.  A quark lives as long as the process: a hostile file or
 * profile must not make it keep every string it names.  `taxonomy` NULL:
 * looked up only. */
GQuark       _pn_answer_quark            (PnTaxonomy *taxonomy,
                                          PnQuestion  question,
                                          const char *value);
/* The same for a condition's values (or answers for review), 0-ended,
 * those that are no quark left out: they meet no answer. */
GQuark      *_pn_condition_quarks        (PnTaxonomy *taxonomy,
                                          PnQuestion  question,
                                          GStrv       values);

/* A benefit's conditions in one block of guint32, for the engine to check
 * without following a pointer per condition (pn_facts_check_compiled()):
 * their number, then per condition its question (with
 * PN_COMPILED_ASKS_NOTHING when it accepts every answer), the number of
 * its values and of its answers for review, then the quarks of each.
 * Free with g_free(). */
#define PN_COMPILED_QUESTION      0xffu
#define PN_COMPILED_ASKS_NOTHING  0x100u

guint32     *_pn_conditions_compile      (GPtrArray  *conditions);

G_END_DECLS
