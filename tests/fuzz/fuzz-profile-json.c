/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A saved profile's JSON, as the store keeps it → pn_profile_new_from_data();
 * what loads must save and load again to the same JSON.
 */
#define G_LOG_DOMAIN "fuzz-profile-json"

#include "config.h"

#include <string.h>

#include "pn-profile.h"

#include "pn-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;
  g_autoptr(PnProfile) again = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  pn_fuzz_init ();

  profile = pn_profile_new_from_data ((const char *) data, size, &error);
  if (profile == NULL)
    {
      pn_fuzz_check_error (error, NULL);
      return 0;
    }

  node = pn_profile_to_json (profile);
  json = json_to_string (node, FALSE);
  again = pn_profile_new_from_data (json, strlen (json), &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);
  node = pn_profile_to_json (again);
  json_again = json_to_string (node, FALSE);
  g_assert_cmpstr (json, ==, json_again);

  return 0;
}
