/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-policy.h"

G_BEGIN_DECLS

/* Requirements not attested by the applicant: each leaves a match open. */
guint        pn_benefit_count_open_requirements (PnBenefit *benefit);

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
