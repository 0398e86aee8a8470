/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading saved profiles (issue 15): a damaged one is a one-line error
 * naming the field, never a Json-CRITICAL or a silently dropped answer.
 */
#define G_LOG_DOMAIN "test-profile"

#include "config.h"

#include <string.h>

#include "pn-profile.h"

static const struct
{
  const char *json;
  const char *message;   /* NULL: loads */
} cases[] = {
  { "{\"location\":\"xiamen\",\"as_of\":\"2025-06-01\",\"answers\":{\"phase\":\"phase-2\"},\"figures\":{\"sales\":5}}", NULL },
  { "{}", NULL },
  { "{\"location\":null,\"answers\":null,\"figures\":null,\"unknown\":[1,2]}", NULL },
  { "{\"location\":42}", "field location must be a string" },
  { "{\"location\":[\"xiamen\"]}", "field location must be a string" },
  { "{\"name\":{}}", "field name must be a string" },
  { "{\"as_of\":\"2025-02-30\"}", "field as_of must be a date written YYYY-MM-DD" },
  { "{\"as_of\":7}", "field as_of must be a string" },
  { "{\"answers\":\"phase-2\"}", "field answers must be an object" },
  { "{\"answers\":{\"phase\":2}}", "field answers.phase must be a string" },
  { "{\"figures\":[1]}", "field figures must be an object" },
  { "{\"figures\":{\"sales\":\"5\"}}", "field figures.sales must be a whole number of yuan between 0 and 1000000000000" },
  { "{\"figures\":{\"sales\":-1}}", "field figures.sales must be a whole number of yuan between 0 and 1000000000000" },
  { "{\"figures\":{\"sales\":1.5}}", "field figures.sales must be a whole number of yuan between 0 and 1000000000000" },
  { "{\"figures\":{\"sales\":1000000000001}}", "field figures.sales must be a whole number of yuan between 0 and 1000000000000" },
  { "{\"location\":\"xs\\202-01\"}", "field location is not UTF-8 text" },
  { "{\"answers\":{\"product\":\"a\\377\"}}", "field answers.product is not UTF-8 text" },
  { "[]", "the profile is not a JSON object" },
  { "", "the profile is empty" },
  { "{\"location\":\"xia", NULL /* not JSON: checked by prefix below */ },
};

static void
test_damaged (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PnProfile) profile = NULL;

      g_test_message ("%s", cases[i].json);
      profile = pn_profile_new_from_data (cases[i].json, strlen (cases[i].json), &error);
      if (i == G_N_ELEMENTS (cases) - 1)
        {
          g_assert_null (profile);
          g_assert_true (g_str_has_prefix (error->message, "not JSON: "));
          g_assert_null (strchr (error->message, '\n'));
          continue;
        }
      if (cases[i].message == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (profile);
          continue;
        }
      g_assert_null (profile);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* json-glib 1.6 recurses per level: this overflowed the stack */
static void
test_deep_nesting (void)
{
  gsize n = 200000;
  g_autofree char *json = g_malloc (2 * n + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;

  memset (json, '[', n);
  memset (json + n, ']', n);
  json[2 * n] = '\0';
  profile = pn_profile_new_from_data (json, 2 * n, &error);
  g_assert_null (profile);
  g_assert_cmpstr (error->message, ==, "the JSON nests more than 16 deep");
}

static void
test_round_trip (void)
{
  g_autoptr(PnProfile) profile = pn_profile_new ();
  g_autoptr(PnProfile) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  pn_profile_set_location (profile, "jinjiang");
  pn_profile_set_as_of (profile, "2025-06-01");
  pn_profile_set_answer (profile, PN_QUESTION_PHASE, "phase-1");
  pn_profile_set_figure (profile, PN_FIGURE_RD_INVESTMENT, 1000000000000);
  node = pn_profile_to_json (profile);
  json = json_to_string (node, FALSE);
  again = pn_profile_new_from_data (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pn_profile_get_location (again), ==, "jinjiang");
  g_assert_cmpstr (pn_profile_get_as_of (again), ==, "2025-06-01");
  g_assert_cmpstr (pn_profile_get_answer (again, PN_QUESTION_PHASE), ==, "phase-1");
  g_assert_cmpint (pn_profile_get_figure (again, PN_FIGURE_RD_INVESTMENT), ==, 1000000000000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pn/profile/json/damaged", test_damaged);
  g_test_add_func ("/pn/profile/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/pn/profile/json/round-trip", test_round_trip);

  return g_test_run ();
}
