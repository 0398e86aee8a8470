/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PN_MONEY_ERROR (pn_money_error_quark ())

typedef enum
{
  PN_MONEY_ERROR_INVALID,
  PN_MONEY_ERROR_OVERFLOW,
} PnMoneyError;

/* The largest amount of yuan one figure may hold: a policy's amount, cap
 * or threshold (data/schema/policy.xsd, type Yuan) and a profile's figure.
 * 10^12 yuan (1万亿元) is far beyond any award or R&D budget, and keeps a
 * sum of 10^6 such figures (9.2 × 10^18 is gint64's limit) exact. */
#define PN_MONEY_MAX G_GINT64_CONSTANT (1000000000000)

/* Sums of yuan that cannot wrap (issue 15): past PN_MONEY_TOTAL_MAX a
 * sum stays there and says so, and is shown as "more than ¥…".  10^18
 * is below gint64's 9.2 × 10^18, so adding one more figure to a total at
 * the limit cannot overflow before it is clamped. */
#define PN_MONEY_TOTAL_MAX G_GINT64_CONSTANT (1000000000000000000)

typedef struct
{
  gint64   yuan;   /* at most PN_MONEY_TOTAL_MAX (or -PN_MONEY_TOTAL_MAX) */
  gboolean more;   /* the true sum is beyond `yuan` */
} PnMoneyTotal;

#define PN_MONEY_TOTAL_INIT { 0, FALSE }

GQuark    pn_money_error_quark (void);

/* a + b and a × b into `out`: TRUE when exact; FALSE when the result is
 * beyond ±PN_MONEY_TOTAL_MAX (or gint64), `out` then being that bound
 * with the sign of the true result. */
gboolean  pn_money_add         (gint64       a,
                                gint64       b,
                                gint64      *out);
gboolean  pn_money_mul         (gint64       a,
                                gint64       b,
                                gint64      *out);
/* Adds `yuan` to `total`, saturating (total->more then stays TRUE). */
void      pn_money_total_add   (PnMoneyTotal *total,
                                gint64        yuan);
/* "¥12,000,000", or "more than ¥1,000,000,000,000,000,000" */
char     *pn_money_format_total     (const PnMoneyTotal *total);
/* "1,200万元", or "超过100,000,000,000,000万元" */
char     *pn_money_format_total_wan (const PnMoneyTotal *total);

/* ¥12,000,000 */
char     *pn_money_format_yuan (gint64       yuan);
/* 1,200万元; 12.5万元; 800元 below ¥10,000 */
char     *pn_money_format_wan  (gint64       yuan);
/* "40%", "12.5%" */
char     *pn_money_format_rate (double       rate);
/* Parses whole yuan ("30000000", "30,000,000", "¥30,000,000") or 万元
 * ("3000万", "3000万元", "12.5万"); refuses negatives, fractions of a
 * yuan, exponents and anything past PN_MONEY_MAX. */
gboolean  pn_money_parse       (const char  *text,
                                gint64      *out_yuan,
                                GError     **error);

/* a + b, saturated at ±PN_MONEY_TOTAL_MAX (pn_money_add()): with every
 * figure at most PN_MONEY_MAX, no real total reaches the bound. */
gint64    pn_money_sum         (gint64       a,
                                gint64       b);

G_END_DECLS
