/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Calendar dates as the data writes them (YYYY-MM-DD), over GDate: no
 * calendar arithmetic of our own. */

/* TRUE and `out_date` set when `iso` is a real date written YYYY-MM-DD. */
gboolean  pn_date_parse          (const char  *iso,
                                  GDate       *out_date);
/* YYYY-MM-DD */
char     *pn_date_to_iso         (const GDate *date);
/* A date for a sentence: "20 November 2023", or "2023年11月20日" when
 * `chinese`; `iso` itself when it is not a date.  Whatever the locale:
 * the core writes both languages. */
char     *pn_date_to_words       (const char  *iso,
                                  gboolean     chinese);
/* Today's local date, YYYY-MM-DD. */
char     *pn_date_today          (void);
/* Days from `from` to `to` (negative when `to` is earlier); FALSE when
 * either is not a date. */
gboolean  pn_date_days_between   (const char  *from,
                                  const char  *to,
                                  gint        *out_days);
/* Whether `date` lies in [`as_of`, `as_of` + `months`] (months added the
 * GDate way: 2025-01-31 + 1 month is 2025-02-28). */
gboolean  pn_date_within_months  (const char  *date,
                                  const char  *as_of,
                                  guint        months);

/* YYYY-MM-DD as YYYYMMDD, which orders as the string does; `none` for
 * NULL.  The date is not checked: the loader and the store did. */
guint32   pn_day_key             (const char  *date,
                                  guint32      none);

G_END_DECLS
