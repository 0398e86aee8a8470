/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The templates that join the derivations' and reasons' strings give what
 * printf gave for the same arguments.
 */
#include "config.h"

#include "pn-core-private.h"

static void
test_template_as_printf (void)
{
  static const char *values[] = { "", "¥1,200,000", "就高从优不重复", "100%", "%s", NULL };
  static const guint numbers[] = { 0, 7, 10, 4294967295u };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    for (guint j = 0; j < G_N_ELEMENTS (numbers); j++)
      {
        g_autoptr(GString) out = g_string_new ("before ");
        g_autofree char *dup = NULL;
        g_autofree char *expected = NULL;
        const char *value = values[i];

        /* glibc writes a NULL string as "(null)"; so do the templates */
        if (value == NULL)
          expected = g_strdup_printf ("第(null)条 %u%% (null)", numbers[j]);
        else
          expected = g_strdup_printf ("第%s条 %u%% %s", value, numbers[j], value);

        dup = pn_strdup_template ("第%s条 %u%% %s", value, numbers[j], value);
        g_assert_cmpstr (dup, ==, expected);

        pn_string_append_template (out, "第%s条 %u%% %s", value, numbers[j], value);
        g_assert_true (g_str_has_prefix (out->str, "before "));
        g_assert_cmpstr (out->str + strlen ("before "), ==, expected);
      }

  {
    g_autofree char *plain = pn_strdup_template ("no conversions");
    g_autofree char *empty = pn_strdup_template ("%s", "");
    g_autofree char *end = pn_strdup_template ("ends in %s", "it");

    g_assert_cmpstr (plain, ==, "no conversions");
    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (end, ==, "ends in it");
  }
}

/* anything but %s, %u and %% is a programmer's error, reported once */
static void
test_template_refuses (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *text = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
      text = pn_strdup_template ("a %d b", 3);
#pragma GCC diagnostic pop
      g_assert_cmpstr (text, ==, "a ");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*only %s, %u and %% are understood*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pn/template/as-printf", test_template_as_printf);
  g_test_add_func ("/pn/template/refuses", test_template_refuses);

  return g_test_run ();
}
