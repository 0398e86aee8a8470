/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checked yuan arithmetic (issue 15, item 4): sums and products that
 * saturate instead of wrapping, and totals that say "more than".
 */
#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <errno.h>

#include "pn-core-private.h"
#include "pn-money.h"

#define TMAX PN_MONEY_TOTAL_MAX

static const struct
{
  gint64   a, b;
  gboolean add_exact;
  gint64   sum;
  gboolean mul_exact;
  gint64   product;
} arithmetic_cases[] = {
  { 0, 0, TRUE, 0, TRUE, 0 },
  { 12000000, 9000000, TRUE, 21000000, TRUE, G_GINT64_CONSTANT (108000000000000) },
  { TMAX, 0, TRUE, TMAX, TRUE, 0 },
  { TMAX, 1, FALSE, TMAX, TRUE, TMAX },
  { TMAX - 1, 1, TRUE, TMAX, TRUE, TMAX - 1 },
  { G_MAXINT64, G_MAXINT64, FALSE, TMAX, FALSE, TMAX },
  { G_MININT64, -1, FALSE, -TMAX, FALSE, TMAX },
  { -TMAX, -1, FALSE, -TMAX, TRUE, TMAX },
  { G_MININT64, G_MAXINT64, TRUE, -1, FALSE, -TMAX },
  { -5, 3, TRUE, -2, TRUE, -15 },
  { PN_MONEY_MAX, PN_MONEY_MAX, TRUE, 2 * PN_MONEY_MAX, FALSE, TMAX },
  { PN_MONEY_MAX, 1000000, TRUE, PN_MONEY_MAX + 1000000, TRUE, TMAX },
  { PN_MONEY_MAX, 1000001, TRUE, PN_MONEY_MAX + 1000001, FALSE, TMAX },
};

static void
test_arithmetic (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (arithmetic_cases); i++)
    {
      gint64 out = 42;

      g_test_message ("%" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                      arithmetic_cases[i].a, arithmetic_cases[i].b);
      g_assert_cmpint (pn_money_add (arithmetic_cases[i].a, arithmetic_cases[i].b, &out),
                       ==, arithmetic_cases[i].add_exact);
      g_assert_cmpint (out, ==, arithmetic_cases[i].sum);
      g_assert_cmpint (pn_money_mul (arithmetic_cases[i].a, arithmetic_cases[i].b, &out),
                       ==, arithmetic_cases[i].mul_exact);
      g_assert_cmpint (out, ==, arithmetic_cases[i].product);
    }
}

/* The case: 100,000 fixed awards at the old schema maximum
 * (10^14) printed as −¥8,446,744,073,709,551,616. */
static void
test_total_saturates (void)
{
  PnMoneyTotal total = PN_MONEY_TOTAL_INIT;
  g_autofree char *yuan = NULL;
  g_autofree char *wan = NULL;

  for (guint i = 0; i < 100000; i++)
    pn_money_total_add (&total, G_GINT64_CONSTANT (100000000000000));

  g_assert_true (total.more);
  g_assert_cmpint (total.yuan, ==, PN_MONEY_TOTAL_MAX);
  yuan = pn_money_format_total (&total);
  wan = pn_money_format_total_wan (&total);
  g_assert_cmpstr (yuan, ==, "more than ¥1,000,000,000,000,000,000");
  g_assert_cmpstr (wan, ==, "超过10,000,000,000亿元");
}

/* At the new bound, 100,000 benefits sum exactly. */
static void
test_total_exact (void)
{
  PnMoneyTotal total = PN_MONEY_TOTAL_INIT;
  g_autofree char *yuan = NULL;
  g_autofree char *wan = NULL;

  for (guint i = 0; i < 100000; i++)
    pn_money_total_add (&total, PN_MONEY_MAX);

  g_assert_false (total.more);
  g_assert_cmpint (total.yuan, ==, G_GINT64_CONSTANT (100000000000000000));
  yuan = pn_money_format_total (&total);
  wan = pn_money_format_total_wan (&total);
  g_assert_cmpstr (yuan, ==, "¥100,000,000,000,000,000");
  g_assert_cmpstr (wan, ==, "1,000,000,000亿元");
}

/* Once beyond, a total stays beyond even if a negative figure follows. */
static void
test_total_stays_more (void)
{
  PnMoneyTotal total = PN_MONEY_TOTAL_INIT;

  pn_money_total_add (&total, G_MAXINT64);
  pn_money_total_add (&total, -5);
  g_assert_true (total.more);
}

static void
test_format_extremes (void)
{
  g_autofree char *min = pn_money_format_yuan (G_MININT64);
  g_autofree char *min_wan = pn_money_format_wan (G_MININT64);
  g_autofree char *max = pn_money_format_yuan (G_MAXINT64);

  /* no signed overflow (UBSan) when negating the smallest value */
  g_assert_cmpstr (min, ==, "-¥9,223,372,036,854,775,808");
  g_assert_cmpstr (min_wan, ==, "-922,337,203,685,477.5808万元");
  g_assert_cmpstr (max, ==, "¥9,223,372,036,854,775,807");
}

static const struct
{
  gint64      yuan;
  const char *as_yuan;
  const char *as_wan;
} format_cases[] = {
  { 0, "¥0", "0元" },
  { 999, "¥999", "999元" },
  { 1000, "¥1,000", "1,000元" },
  { 9999, "¥9,999", "9,999元" },
  { 10000, "¥10,000", "1万元" },
  { 10001, "¥10,001", "1.0001万元" },
  { 10100, "¥10,100", "1.01万元" },
  { 300500, "¥300,500", "30.05万元" },
  { 3050000, "¥3,050,000", "305万元" },
  { 12000000, "¥12,000,000", "1,200万元" },
  { 123456789, "¥123,456,789", "12,345.6789万元" },
  { G_GINT64_CONSTANT (1000000000000), "¥1,000,000,000,000", "10,000亿元" },
  /* as the texts write it: 1亿元, 1.5亿元, 2.35亿元 */
  { 100000000, "¥100,000,000", "1亿元" },
  { 150000000, "¥150,000,000", "1.5亿元" },
  { 235000000, "¥235,000,000", "2.35亿元" },
  { -200000000, "-¥200,000,000", "-2亿元" },
  { -12345678, "-¥12,345,678", "-1,234.5678万元" },
};

/* Grouping by three, the 万 form's four decimals without trailing zeros */
static void
test_format_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *yuan = pn_money_format_yuan (format_cases[i].yuan);
      g_autofree char *wan = pn_money_format_wan (format_cases[i].yuan);

      g_assert_cmpstr (yuan, ==, format_cases[i].as_yuan);
      g_assert_cmpstr (wan, ==, format_cases[i].as_wan);
    }
}

/* Rates as percentages: two decimals at most, no trailing zeros; the
 * same text printf's "%.2f" gave, for every hundredth of a percent from
 * -100% to 300% */
static void
test_format_rate (void)
{
  static const struct { double rate; const char *text; } cases[] = {
    { 0.3, "30%" }, { 0.125, "12.5%" }, { 0.0025, "0.25%" }, { 1.0, "100%" },
    { 0.0, "0%" }, { 0.05, "5%" }, { 0.1005, "10.05%" }, { -0.015, "-1.5%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pn_money_format_rate (cases[i].rate);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  for (int h = -10000; h <= 30000; h++)
    {
      double rate = h / 10000.0;
      gint64 hundredths = (gint64) (rate * 10000.0 + (rate < 0 ? -0.5 : 0.5));
      g_autofree char *text = pn_money_format_rate (rate);
      g_autofree char *expected = NULL;

      if (hundredths % 100 == 0)
        expected = g_strdup_printf ("%" G_GINT64_FORMAT "%%", hundredths / 100);
      else
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (buf, sizeof buf, "%.2f", hundredths / 100.0);
          for (int j = strlen (buf) - 1; j > 0 && buf[j] == '0'; j--)
            buf[j] = '\0';
          expected = g_strdup_printf ("%s%%", buf);
        }
      g_assert_cmpstr (text, ==, expected);
    }
}

static const struct
{
  const char *text;
  gboolean    ok;
  gint64      yuan;
} parse_cases[] = {
  { "1000000000000", TRUE, G_GINT64_CONSTANT (1000000000000) },
  { "1000000000001", FALSE, 0 },
  { "1亿万", FALSE, 0 },
  { "100000000万", TRUE, G_GINT64_CONSTANT (1000000000000) },
  { "100000001万", FALSE, 0 },
  { "99999999999999999999", FALSE, 0 },
};

static void
test_parse_bound (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 yuan = -1;
      gboolean ok = pn_money_parse (parse_cases[i].text, &yuan, &error);

      g_test_message ("%s", parse_cases[i].text);
      g_assert_cmpint (ok, ==, parse_cases[i].ok);
      if (ok)
        g_assert_cmpint (yuan, ==, parse_cases[i].yuan);
      else
        g_assert_nonnull (error);
    }
}

static void
test_parse_decimal (void)
{
  static const struct {
    const char *text;
    guint64     max;
    gboolean    ok;
    guint64     value;
  } cases[] = {
    { "0", 0, TRUE, 0 },
    { "1", 0, FALSE, 0 },
    { "007", 999, TRUE, 7 },
    { "999", 999, TRUE, 999 },
    { "1000", 999, FALSE, 0 },
    { "1000000000000", 1000000000000, TRUE, G_GUINT64_CONSTANT (1000000000000) },
    { "1000000000001", 1000000000000, FALSE, 0 },
    { "18446744073709551615", G_MAXUINT64, TRUE, G_MAXUINT64 },
    { "18446744073709551616", G_MAXUINT64, FALSE, 0 },
    { "99999999999999999999", G_MAXUINT64, FALSE, 0 },
    { "", 999, FALSE, 0 },
    { "+1", 999, FALSE, 0 },
    { "-1", 999, FALSE, 0 },
    { " 1", 999, FALSE, 0 },
    { "1 ", 999, FALSE, 0 },
    { "0x1", 999, FALSE, 0 },
    { "１", 999, FALSE, 0 },  /* a fullwidth digit */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint64 value = 12345;
      gboolean ok;

      g_test_message ("%s ≤ %" G_GUINT64_FORMAT, cases[i].text, cases[i].max);
      /* what errno said before has no say (GLib's parser read it) */
      errno = EAGAIN;
      ok = _pn_parse_decimal (cases[i].text, cases[i].max, &value);
      g_assert_cmpint (ok, ==, cases[i].ok);
      g_assert_cmpuint (value, ==, ok ? cases[i].value : 12345);
    }
  g_assert_false (_pn_parse_decimal (NULL, 999, &(guint64) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pn/money/arithmetic", test_arithmetic);
  g_test_add_func ("/pn/money/total/saturates", test_total_saturates);
  g_test_add_func ("/pn/money/total/exact", test_total_exact);
  g_test_add_func ("/pn/money/total/stays-more", test_total_stays_more);
  g_test_add_func ("/pn/money/format/extremes", test_format_extremes);
  g_test_add_func ("/pn/money/format/table", test_format_table);
  g_test_add_func ("/pn/money/format/rate", test_format_rate);
  g_test_add_func ("/pn/money/parse/bound", test_parse_bound);
  g_test_add_func ("/pn/money/parse/decimal", test_parse_decimal);

  return g_test_run ();
}
