/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-money"

#include "config.h"

#include <string.h>

#include "pn-core-private.h"
#include "pn-money.h"

G_DEFINE_QUARK (pn-money-error-quark, pn_money_error)

/* The decimal digits of `value`, grouped by three with commas, written
 * backwards from `end`; returns where they start.  Every figure of every
 * derivation goes through here, twice: no printf, no GString. */
static char *
put_grouped (char    *end,
             guint64  value)
{
  char *p = end;
  guint n = 0;

  do
    {
      if (n > 0 && n % 3 == 0)
        *--p = ',';
      *--p = (char) ('0' + value % 10);
      value /= 10;
      n++;
    }
  while (value > 0);
  return p;
}

/* |yuan| without overflowing on G_MININT64 */
static guint64
magnitude (gint64 yuan)
{
  return yuan < 0 ? (guint64) (-(yuan + 1)) + 1 : (guint64) yuan;
}

/* room for 20 digits, 6 commas, a sign, "¥" or ".dddd万元" and NUL */
#define MONEY_BUF 64

char *
pn_money_format_yuan (gint64 yuan)
{
  char buf[MONEY_BUF];
  char *end = buf + sizeof buf;
  char *p = put_grouped (end, magnitude (yuan));

  p -= strlen ("¥");
  memcpy (p, "¥", strlen ("¥"));
  if (yuan < 0)
    *--p = '-';
  return g_strndup (p, end - p);
}

char *
pn_money_format_wan (gint64 yuan)
{
  static const char yuan_unit[] = "元";
  static const char wan_unit[] = "万元";
  char buf[MONEY_BUF];
  char *end = buf + sizeof buf;
  char *p = end;
  guint64 value = magnitude (yuan);

  /* "每年最高1亿元", as the texts write it, not "10,000万元": whole
   * hundredths of 亿 */
  if (value >= 100000000 && value % 1000000 == 0)
    {
      static const char yi_unit[] = "亿元";
      guint64 hundredths = value / 1000000;

      p -= sizeof yi_unit - 1;
      memcpy (p, yi_unit, sizeof yi_unit - 1);
      if (hundredths % 100 != 0)
        {
          if (hundredths % 10 != 0)
            *--p = (char) ('0' + hundredths % 10);
          *--p = (char) ('0' + (hundredths / 10) % 10);
          *--p = '.';
        }
      p = put_grouped (p, hundredths / 100);
      if (yuan < 0)
        *--p = '-';
      return g_strndup (p, end - p);
    }

  if (value < 10000)
    {
      p -= sizeof yuan_unit - 1;
      memcpy (p, yuan_unit, sizeof yuan_unit - 1);
      p = put_grouped (p, value);
    }
  else
    {
      guint frac = (guint) (value % 10000);

      p -= sizeof wan_unit - 1;
      memcpy (p, wan_unit, sizeof wan_unit - 1);
      if (frac != 0)
        {
          char digits[4];
          guint n = 4;

          for (guint i = 4; i > 0; i--)
            {
              digits[i - 1] = (char) ('0' + frac % 10);
              frac /= 10;
            }
          while (n > 0 && digits[n - 1] == '0')
            n--;
          p -= n;
          memcpy (p, digits, n);
          *--p = '.';
        }
      p = put_grouped (p, value / 10000);
    }
  if (yuan < 0)
    *--p = '-';
  return g_strndup (p, end - p);
}

char *
pn_money_format_rate (double rate)
{
  /* hundredths of a percent, rounded half away from zero, written as
   * "30%", "12.5%" or "0.25%" */
  gint64 hundredths = (gint64) (rate * 10000.0 + (rate < 0 ? -0.5 : 0.5));
  guint64 value = magnitude (hundredths);
  char buf[MONEY_BUF];
  char *end = buf + sizeof buf;
  char *p = end;
  guint frac = (guint) (value % 100);

  *--p = '%';
  if (frac != 0)
    {
      if (frac % 10 != 0)
        *--p = (char) ('0' + frac % 10);
      *--p = (char) ('0' + frac / 10);
      *--p = '.';
    }
  value /= 100;
  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  if (hundredths < 0)
    *--p = '-';
  return g_strndup (p, end - p);
}

gboolean
_pn_parse_decimal (const char *text,
                   guint64     max,
                   guint64    *out_value)
{
  guint64 value = 0;

  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      guint digit;

      if (!g_ascii_isdigit (*p))
        return FALSE;
      digit = (guint) (*p - '0');
      if (digit > max || value > (max - digit) / 10)
        return FALSE;
      value = value * 10 + digit;
    }

  *out_value = value;
  return TRUE;
}

gboolean
pn_money_parse (const char  *text,
                gint64      *out_yuan,
                GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *copy = NULL;
  const char *p;
  gboolean wan = FALSE;
  int frac_digits = -1;
  guint64 value = 0;

  g_return_val_if_fail (out_yuan != NULL, FALSE);

  if (text == NULL)
    goto invalid;

  copy = g_strstrip (g_strdup (text));
  p = copy;
  if (g_str_has_prefix (p, "¥"))
    p += strlen ("¥");
  else if (g_str_has_prefix (p, "￥"))
    p += strlen ("￥");

  if (g_str_has_suffix (p, "万元"))
    {
      wan = TRUE;
      copy[strlen (copy) - strlen ("万元")] = '\0';
    }
  else if (g_str_has_suffix (p, "万"))
    {
      wan = TRUE;
      copy[strlen (copy) - strlen ("万")] = '\0';
    }
  else if (g_str_has_suffix (p, "元"))
    copy[strlen (copy) - strlen ("元")] = '\0';

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          if (frac_digits >= 0)
            frac_digits++;
        }
      else if (*p == ',' && frac_digits < 0)
        continue;
      else if (*p == '.' && frac_digits < 0 && wan)
        frac_digits = 0;
      else
        goto invalid;
    }

  if (digits->len == 0 || digits->len > 19)
    goto overflow_or_invalid;

  if (!_pn_parse_decimal (digits->str, G_MAXUINT64, &value))
    goto overflow_or_invalid;

  if (wan)
    {
      int scale = 4 - MAX (frac_digits, 0);

      if (scale < 0)
        goto invalid;
      for (int i = 0; i < scale; i++)
        {
          if (value > G_MAXUINT64 / 10)
            goto overflow;
          value *= 10;
        }
    }

  if (value > (guint64) PN_MONEY_MAX)
    goto overflow;

  *out_yuan = (gint64) value;
  return TRUE;

overflow_or_invalid:
  if (digits->len == 0)
    goto invalid;
overflow:
  g_set_error (error, PN_MONEY_ERROR, PN_MONEY_ERROR_OVERFLOW,
               "“%s” is too large", text);
  return FALSE;

invalid:
  g_set_error (error, PN_MONEY_ERROR, PN_MONEY_ERROR_INVALID,
               "“%s” is not an amount in whole yuan", text ? text : "");
  return FALSE;
}

static gboolean
clamp (gboolean  overflow,
       gboolean  negative,
       gint64    value,
       gint64   *out)
{
  if (overflow || value > PN_MONEY_TOTAL_MAX || value < -PN_MONEY_TOTAL_MAX)
    {
      *out = negative ? -PN_MONEY_TOTAL_MAX : PN_MONEY_TOTAL_MAX;
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
pn_money_add (gint64  a,
              gint64  b,
              gint64 *out)
{
  gint64 sum = 0;
  gboolean overflow;

  g_return_val_if_fail (out != NULL, FALSE);

  overflow = __builtin_add_overflow (a, b, &sum);
  /* on overflow both have the sign of the true sum */
  return clamp (overflow, overflow ? a < 0 : sum < 0, sum, out);
}

gboolean
pn_money_mul (gint64  a,
              gint64  b,
              gint64 *out)
{
  gint64 product = 0;
  gboolean overflow;

  g_return_val_if_fail (out != NULL, FALSE);

  overflow = __builtin_mul_overflow (a, b, &product);
  return clamp (overflow, (a < 0) != (b < 0) && a != 0 && b != 0, product, out);
}

void
pn_money_total_add (PnMoneyTotal *total,
                    gint64        yuan)
{
  g_return_if_fail (total != NULL);

  if (!pn_money_add (total->yuan, yuan, &total->yuan))
    total->more = TRUE;
}

char *
pn_money_format_total (const PnMoneyTotal *total)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (total != NULL, NULL);

  amount = pn_money_format_yuan (total->yuan);
  if (!total->more)
    return g_steal_pointer (&amount);
  return g_strconcat (total->yuan < 0 ? "less than " : "more than ", amount, NULL);
}

char *
pn_money_format_total_wan (const PnMoneyTotal *total)
{
  g_autofree char *amount = NULL;

  g_return_val_if_fail (total != NULL, NULL);

  amount = pn_money_format_wan (total->yuan);
  if (!total->more)
    return g_steal_pointer (&amount);
  return g_strconcat (total->yuan < 0 ? "低于" : "超过", amount, NULL);
}

gint64
pn_money_sum (gint64 a,
              gint64 b)
{
  gint64 sum;

  pn_money_add (a, b, &sum);
  return sum;
}
