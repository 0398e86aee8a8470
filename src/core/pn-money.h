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

GQuark    pn_money_error_quark (void);

/* ¥12,000,000 */
char     *pn_money_format_yuan (gint64       yuan);
/* 1,200万元; 12.5万元; 800元 below ¥10,000 */
char     *pn_money_format_wan  (gint64       yuan);
/* "40%", "12.5%" */
char     *pn_money_format_rate (double       rate);
/* Parses whole yuan ("30000000", "30,000,000", "¥30,000,000") or 万元
 * ("3000万", "3000万元", "12.5万"); refuses negatives, fractions of a
 * yuan, exponents and anything past 10^14. */
gboolean  pn_money_parse       (const char  *text,
                                gint64      *out_yuan,
                                GError     **error);

/* a + b for amounts of yuan (≥ 0), without wrapping: the sum stops at
 * G_MAXINT64, which pn_money_format_yuan() shows as "more than …". */
gint64    pn_money_add         (gint64       a,
                                gint64       b);

G_END_DECLS
