/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-startup: time from process start to the first painted frame of
 * the main window, for Policy Navigator (its bundled corpus loaded) and
 * for a bare AdwApplicationWindow built with the same flags, in the same
 * run, as alternating child processes.
 *
 *   bench-startup [--runs N] [--big-db PATH]   the benchmark (parent)
 *   bench-startup --child app|bare T0          one start (child); T0 is the
 *                                              parent's monotonic clock at spawn
 *
 * With --big-db (the 100,000-benefit store bench-core keeps), the app also
 * starts on that store, and the report gives its first frame and its
 * peak RSS against the bare window's (issue 14: ≤ 1.5× each).
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
#define TARGET_BIG_RATIO 1.5
#define FRAME_TIMEOUT_MS 60000

static int       opt_runs = 15;
static char     *opt_big_db;
static char     *opt_child;
static gint64    child_t0;
static gint64    child_elapsed = -1;

static GOptionEntry entries[] = {
  { "runs", 'n', 0, G_OPTION_ARG_INT, &opt_runs, "Starts of each kind (15)", "N" },
  { "big-db", 0, 0, G_OPTION_ARG_FILENAME, &opt_big_db, "Also start on this store (skipped when it does not exist)", "PATH" },
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

#include <errno.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* One start of `kind` on the database `db`: milliseconds to the first
 * frame (the child's count) and the child's peak RSS (MiB). */
static double
spawn_child (const char *self,
             const char *kind,
             const char *db,
             double     *out_rss_mib)
{
  g_autofree char *t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  const char *argv[] = { self, "--child", kind, t0, NULL };
  char buffer[64] = { 0, };
  struct rusage usage;
  int pipe_fds[2];
  int status = 0;
  ssize_t n;
  pid_t pid;

  if (pipe (pipe_fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  g_setenv ("POLICY_NAVIGATOR_DB", db, TRUE);

  pid = fork ();
  if (pid == 0)
    {
      dup2 (pipe_fds[1], STDOUT_FILENO);
      close (pipe_fds[0]);
      execv (self, (char **) argv);
      _exit (127);
    }
  close (pipe_fds[1]);
  n = read (pipe_fds[0], buffer, sizeof buffer - 1);
  close (pipe_fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0 || n <= 0)
    {
      g_printerr ("bench-startup: %s start failed (status %d)\n", kind, status);
      exit (1);
    }

  if (out_rss_mib != NULL)
    *out_rss_mib = usage.ru_maxrss / 1024.0;
  return g_ascii_strtod (buffer, NULL) / 1000.0;
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
  g_autoptr(GArray) big_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) app_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_rss = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean have_big;
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
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  have_big = opt_big_db != NULL && g_file_test (opt_big_db, G_FILE_TEST_IS_REGULAR);

  /* One warm-up of each kind: shared libraries, fonts and icon caches. */
  spawn_child (self, "bare", db, NULL);
  cold = spawn_child (self, "app", db, NULL);
  if (have_big)
    spawn_child (self, "app", opt_big_db, NULL);

  for (int i = 0; i < opt_runs; i++)
    {
      double rss;
      double bare = spawn_child (self, "bare", db, &rss);
      double app;

      g_array_append_val (bare_ms, bare);
      g_array_append_val (bare_rss, rss);
      app = spawn_child (self, "app", db, &rss);
      g_array_append_val (app_ms, app);
      g_array_append_val (app_rss, rss);
      if (have_big)
        {
          app = spawn_child (self, "app", opt_big_db, &rss);
          g_array_append_val (big_ms, app);
          g_array_append_val (big_rss, rss);
        }
    }

  app_median = median (app_ms);
  bare_median = median (bare_ms);

  g_print ("Startup to the first painted frame, %d starts each (medians):\n", opt_runs);
  g_print ("  bare AdwApplicationWindow  %8.1f ms  %6.1f MiB peak\n", bare_median, median (bare_rss));
  g_print ("  Policy Navigator           %8.1f ms  %6.1f MiB peak  (%.2f× bare; target ≤ %.1f×: %s)\n",
           app_median, median (app_rss), app_median / bare_median, TARGET_RATIO,
           app_median / bare_median <= TARGET_RATIO ? "met" : "MISSED");
  g_print ("  Policy Navigator, first run (creates the database)  %8.1f ms\n", cold);
  g_print ("METRIC startup_bare_ms %.1f ms\n", bare_median);
  g_print ("METRIC startup_bare_rss %.1f MiB\n", median (bare_rss));
  g_print ("METRIC startup_app_ms %.1f ms\n", app_median);
  g_print ("METRIC startup_app_rss %.1f MiB\n", median (app_rss));
  g_print ("METRIC startup_ratio %.2f x\n", app_median / bare_median);
  g_print ("METRIC startup_app_cold_ms %.1f ms\n", cold);
  if (have_big)
    {
      double big = median (big_ms);
      double rss_ratio = median (big_rss) / median (bare_rss);

      g_print ("  on the 100,000-benefit store %6.1f ms  %6.1f MiB peak  (%.2f× bare; target ≤ %.1f×: %s)\n",
               big, median (big_rss), big / bare_median, TARGET_BIG_RATIO,
               big / bare_median <= TARGET_BIG_RATIO ? "met" : "MISSED");
      g_print ("    peak RSS %.2f× the bare window's (target ≤ %.1f×: %s)\n", rss_ratio, TARGET_BIG_RATIO,
               rss_ratio <= TARGET_BIG_RATIO ? "met" : "MISSED");
      g_print ("METRIC startup_big_ms %.1f ms\n", big);
      g_print ("METRIC startup_big_rss %.1f MiB\n", median (big_rss));
      g_print ("METRIC startup_big_ratio %.2f x\n", big / bare_median);
      g_print ("METRIC startup_big_rss_ratio %.2f x\n", rss_ratio);
    }
  else
    g_print ("  (no --big-db store: run bench-core first; the 100,000-benefit start is skipped)\n");

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
