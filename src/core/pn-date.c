/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-date"

#include "config.h"

#include "pn-date.h"

#include <string.h>

gboolean
pn_date_parse (const char *iso,
               GDate      *out_date)
{
  guint64 year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;

  year = g_ascii_strtoull (iso, NULL, 10);
  month = g_ascii_strtoull (iso + 5, NULL, 10);
  day = g_ascii_strtoull (iso + 8, NULL, 10);
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

char *
pn_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
pn_date_to_words (const char *iso,
                  gboolean    chinese)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
  };
  GDate date;

  if (iso == NULL)
    return NULL;
  if (!pn_date_parse (iso, &date))
    return g_strdup (iso);
  if (chinese)
    return g_strdup_printf ("%u年%u月%u日", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date));
  return g_strdup_printf ("%u %s %u", g_date_get_day (&date), months[g_date_get_month (&date) - 1],
                          g_date_get_year (&date));
}

char *
pn_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
pn_date_days_between (const char *from,
                      const char *to,
                      gint       *out_days)
{
  GDate a, b;

  g_return_val_if_fail (out_days != NULL, FALSE);

  if (!pn_date_parse (from, &a) || !pn_date_parse (to, &b))
    return FALSE;

  *out_days = g_date_days_between (&a, &b);
  return TRUE;
}

gboolean
pn_date_within_months (const char *date,
                       const char *as_of,
                       guint       months)
{
  GDate d, start, end;

  if (!pn_date_parse (date, &d) || !pn_date_parse (as_of, &start))
    return FALSE;

  end = start;
  g_date_add_months (&end, months);
  return g_date_compare (&d, &start) >= 0 && g_date_compare (&d, &end) <= 0;
}

guint32
pn_day_key (const char *date,
            guint32     none)
{
  guint32 day = 0;

  if (date == NULL)
    return none;
  for (const char *p = date; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      day = day * 10 + (guint32) (*p - '0');
  return day;
}
