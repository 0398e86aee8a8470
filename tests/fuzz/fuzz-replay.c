/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   fuzz-replay-TARGET FILE|FOLDER…
 *
 * Runs a fuzz target's entry point on each file (every file of each
 * folder), without libFuzzer: the normal test suite replays the seeds and
 * every crasher or slow input kept under tests/fuzz/regressions/TARGET.
 * Exit 0 when each returned, within the time limit (seconds, $PN_FUZZ_REPLAY_SECONDS,
 * default 2, times $PN_TEST_TIME_FACTOR): a slow input is a failure too.
 */
#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "pn-fuzz.h"

static double
limit_seconds (void)
{
  const char *limit = g_getenv ("PN_FUZZ_REPLAY_SECONDS");
  const char *factor = g_getenv ("PN_TEST_TIME_FACTOR");

  return (limit ? g_ascii_strtod (limit, NULL) : 2.0) *
         (factor ? g_ascii_strtod (factor, NULL) : 1.0);
}

static int
replay (const char *path,
        guint      *n_files)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  gint64 start;
  double seconds;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      int status = 0;

      if (dir == NULL)
        {
          g_printerr ("fuzz-replay: %s\n", error->message);
          return 1;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        status |= replay (g_ptr_array_index (names, i), n_files);
      return status;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("fuzz-replay: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  (*n_files)++;

  if (seconds > limit_seconds ())
    {
      g_printerr ("fuzz-replay: %s took %.1f s (the limit is %.1f s)\n", path, seconds, limit_seconds ());
      return 1;
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  guint n_files = 0;
  int status = 0;

  for (int i = 1; i < argc; i++)
    status |= replay (argv[i], &n_files);

  printf ("fuzz-replay: %u inputs replayed%s\n", n_files, status ? ", some failed" : "");
  return status;
}
