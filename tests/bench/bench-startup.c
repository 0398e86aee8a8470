/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-startup: time from process start to the first painted frame of
 * the main window, for Policy Navigator (its bundled corpus loaded) and
 * for a bare AdwApplicationWindow built with the same flags, in the same
 * run, as alternating child processes.
 *
 *   bench-startup [--runs N]               the benchmark (parent)
 *   bench-startup --child app|bare T0      one start (child); T0 is the
 *                                          parent's monotonic clock at spawn
 *
 * The app's first run creates its database (the corpus is loaded into a
 * fresh SQLite file) and is reported apart as "cold"; the others reopen
 * it, which is what a user sees every day.  Needs a display: the meson
 * benchmark runs under build-aux/test's Xvfb, or run it by hand with
 * `xvfb-run -a`.  Prints a report and `METRIC name value unit` lines;
 * docs/performance.md has the figures.
 */
#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include "pn-application.h"
#include "../gui/pn-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#define TARGET_RATIO 1.3
#define FRAME_TIMEOUT_MS 60000

static int       opt_runs = 15;
static char     *opt_child;
static gint64    child_t0;
static gint64    child_elapsed = -1;

static GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Starts of each kind (15)", "N" },
  { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_child, NULL, NULL },
  { NULL }
};

/* ---- child: one start ---- */

static void
first_frame (GtkWindow *window)
{
  if (pn_test_wait_for_frame (GTK_WIDGET (window), FRAME_TIMEOUT_MS))
    child_elapsed = g_get_monotonic_time () - child_t0;
  gtk_window_destroy (window);
}

static void
app_activate_cb (GApplication *application)
{
  first_frame (gtk_application_get_active_window (GTK_APPLICATION (application)));
}

static void
bare_activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  first_frame (GTK_WINDOW (window));
}

static int
run_child (const char *kind)
{
  g_autoptr(GApplication) application = NULL;

  if (g_str_equal (kind, "app"))
    {
      application = G_APPLICATION (pn_application_new ());
      /* After the application's own activate, which presents its window. */
      g_signal_connect_after (application, "activate", G_CALLBACK (app_activate_cb), NULL);
    }
  else
    {
      application = G_APPLICATION (adw_application_new ("io.github.pnav.PolicyNavigator.BareBench",
                                                        G_APPLICATION_DEFAULT_FLAGS));
      g_signal_connect (application, "activate", G_CALLBACK (bare_activate_cb), NULL);
    }
  g_application_set_flags (application, G_APPLICATION_NON_UNIQUE);

  if (g_application_run (application, 0, NULL) != 0 || child_elapsed < 0)
    return 1;

  g_print ("%" G_GINT64_FORMAT "\n", child_elapsed);
  return 0;
}

/* ---- parent ---- */

static double
spawn_child (const char *self,
             const char *kind)
{
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  const char *argv[] = { self, "--child", kind, t0, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-startup: %s start failed: %s\n", kind, error->message);
      exit (1);
    }

  return g_ascii_strtod (out, NULL) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— startup to first frame");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *self = NULL;
  double cold;
  double app_median;
  double bare_median;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 2;
    }

  if (opt_child != NULL)
    {
      if (argc != 2)
        return 2;
      child_t0 = g_ascii_strtoll (argv[1], NULL, 10);
      return run_child (opt_child);
    }

  if (opt_runs < 1)
    opt_runs = 1;

  /* The children share one database in a folder of their own; the memory
   * GSettings backend keeps the user's window state out of it. */
  dir = g_dir_make_tmp ("pn-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "policy-navigator.db", NULL);
  g_setenv ("POLICY_NAVIGATOR_DB", db, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  /* One warm-up of each kind: shared libraries, fonts and icon caches. */
  spawn_child (self, "bare");
  cold = spawn_child (self, "app");

  for (int i = 0; i < opt_runs; i++)
    {
      double bare = spawn_child (self, "bare");
      double app = spawn_child (self, "app");

      g_array_append_val (bare_ms, bare);
      g_array_append_val (app_ms, app);
    }

  app_median = median (app_ms);
  bare_median = median (bare_ms);

  g_print ("Startup to the first painted frame, %d starts each (medians):\n", opt_runs);
  g_print ("  bare AdwApplicationWindow  %8.1f ms\n", bare_median);
  g_print ("  Policy Navigator           %8.1f ms  (%.2f× bare; target ≤ %.1f×: %s)\n",
           app_median, app_median / bare_median, TARGET_RATIO,
           app_median / bare_median <= TARGET_RATIO ? "met" : "MISSED");
  g_print ("  Policy Navigator, first run (creates the database)  %8.1f ms\n", cold);
  g_print ("METRIC startup_bare_ms %.1f ms\n", bare_median);
  g_print ("METRIC startup_app_ms %.1f ms\n", app_median);
  g_print ("METRIC startup_ratio %.2f x\n", app_median / bare_median);
  g_print ("METRIC startup_app_cold_ms %.1f ms\n", cold);

  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);

  return 0;
}
