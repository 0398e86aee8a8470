/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-core: performance of the core library on a large synthetic corpus.
 *
 *   bench-core [OPTION…] [CORPUS-DIR]
 *
 * CORPUS-DIR holds policy files written by tests/bench/gen-corpus.py; without
 * it, --gen-script generates one into a temporary folder first (the meson
 * benchmark does that).  Measures
 *   (a) import: pn_store_import_file of every file into a fresh store, next
 *       to `xmllint --noout --schema policy.xsd FILES…` and to the loader
 *       alone (no store) on the same files;
 *   (b) match: pn_engine_evaluate latency over varied profiles;
 *   (c) search: pn_store_search latency over mixed queries (limit 20);
 *   (d) the CLI: `pnav --db NEW match …` cold, then warm runs.
 * --keep-db PATH keeps the imported store; --reuse-db PATH then runs (b)–(d)
 * on it without importing again.
 * Prints a readable report and `METRIC name value unit` lines.  Exits 0
 * unless something fails outright (targets missed are reported, not fatal).
 * See docs/performance.md.
 */
#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>

#include "pn-engine.h"
#include "pn-policy-loader.h"
#include "pn-profile.h"
#include "pn-store.h"

/* Targets (docs/performance.md). */
#define TARGET_IMPORT_RATIO   2.0
#define TARGET_MATCH_P99_MS   1.0
#define TARGET_SEARCH_P99_MS 10.0

static char    *opt_gen_script;
static char    *opt_python = "python3";
static int      opt_benefits = 100000;
static int      opt_documents = 100;
static int      opt_profiles = 1000;
static int      opt_queries = 200;
static int      opt_cli_runs = 20;
static char    *opt_pnav;
static char    *opt_rss_helper;
static char    *opt_xmllint = "xmllint";
static char    *opt_schema;
static char    *opt_keep;
static char    *opt_reuse;
static gboolean opt_skip_cli;
static gboolean opt_skip_xmllint;
static int      opt_seed = 20261123;

static GOptionEntry entries[] = {
  { "gen-script", 0, 0, G_OPTION_ARG_FILENAME, &opt_gen_script, "Generate the corpus with this gen-corpus.py (when no CORPUS-DIR is given)", "PATH" },
  { "python", 0, 0, G_OPTION_ARG_FILENAME, &opt_python, "Python interpreter for --gen-script (python3)", "PATH" },
  { "benefits", 'n', 0, G_OPTION_ARG_INT, &opt_benefits, "Benefits to generate (100000)", "N" },
  { "documents", 'k', 0, G_OPTION_ARG_INT, &opt_documents, "Documents to generate (100)", "K" },
  { "profiles", 0, 0, G_OPTION_ARG_INT, &opt_profiles, "Profiles to evaluate (1000)", "N" },
  { "queries", 0, 0, G_OPTION_ARG_INT, &opt_queries, "Search queries (200)", "N" },
  { "cli-runs", 0, 0, G_OPTION_ARG_INT, &opt_cli_runs, "Warm CLI match runs (20)", "N" },
  { "pnav", 0, 0, G_OPTION_ARG_FILENAME, &opt_pnav, "The pnav binary for (d)", "PATH" },
  { "rss-helper", 0, 0, G_OPTION_ARG_FILENAME, &opt_rss_helper, "bench-rss, which reads a command's peak RSS for (d)", "PATH" },
  { "xmllint", 0, 0, G_OPTION_ARG_FILENAME, &opt_xmllint, "xmllint binary (xmllint)", "PATH" },
  { "schema", 0, 0, G_OPTION_ARG_FILENAME, &opt_schema, "data/schema/policy.xsd, for xmllint", "PATH" },
  { "keep-db", 0, 0, G_OPTION_ARG_FILENAME, &opt_keep, "Write the imported store here (kept) instead of a temporary file", "PATH" },
  { "reuse-db", 0, 0, G_OPTION_ARG_FILENAME, &opt_reuse, "Skip (a): use this store, imported earlier with --keep-db", "PATH" },
  { "skip-cli", 0, 0, G_OPTION_ARG_NONE, &opt_skip_cli, "Skip (d)", NULL },
  { "skip-xmllint", 0, 0, G_OPTION_ARG_NONE, &opt_skip_xmllint, "Do not run xmllint in (a)", NULL },
  { "seed", 0, 0, G_OPTION_ARG_INT, &opt_seed, "Random seed for profiles, queries and the corpus", "N" },
  { NULL }
};

/* ---- timing and statistics ---- */

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double (const void *a,
            const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Nearest-rank percentile of a sorted array. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank;

  if (n == 0)
    return 0;
  rank = (guint) (p / 100.0 * n + 0.999999);
  rank = CLAMP (rank, 1, n);
  return sorted[rank - 1];
}

typedef struct
{
  double p50, p90, p99, max, mean;
} Stats;

static Stats
stats_of (GArray *samples)
{
  Stats s = { 0, };
  double *v = (double *) samples->data;
  double sum = 0;

  if (samples->len == 0)
    return s;
  qsort (v, samples->len, sizeof (double), cmp_double);
  for (guint i = 0; i < samples->len; i++)
    sum += v[i];
  s.p50 = percentile (v, samples->len, 50);
  s.p90 = percentile (v, samples->len, 90);
  s.p99 = percentile (v, samples->len, 99);
  s.max = v[samples->len - 1];
  s.mean = sum / samples->len;
  return s;
}

static void
metric (const char *name,
        double      value,
        const char *unit)
{
  printf ("METRIC %s %.4f %s\n", name, value, unit);
}

static const char *
verdict (gboolean ok)
{
  return ok ? "meets target" : "MISSES target";
}

/* ---- helpers ---- */

/* The 1-minute load average: other work on the machine skews the figures. */
static double
loadavg (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return -1;
  return g_ascii_strtod (text, NULL);
}

static GPtrArray *
list_corpus (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  return files;
}

static int
cmp_path (gconstpointer a,
          gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

static gboolean
run (char   **argv,
     char   **envp,
     double  *out_ms,
     char   **out_stdout,
     GError **error)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  double t0 = now_ms ();

  if (!g_spawn_sync (NULL, argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, error))
    return FALSE;
  *out_ms = now_ms () - t0;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %.300s: ", argv[0], err ? err : "");
      return FALSE;
    }
  if (out_stdout)
    *out_stdout = g_steal_pointer (&out);
  return TRUE;
}

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  if (d != NULL)
    {
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
    }
  g_remove (path);
}

/* ---- (b) profiles ---- */

static const char *locations[] = {
  "fujian", "xiamen", "fuzhou", "quanzhou", "jinjiang", "zhangzhou",
  "putian", "sanming", "nanping", "longyan", "ningde",
};
static const char *drug_classes[] = { "innovative", "improved", "generic", "classical-tcm" };
static const char *modalities[] = { "chemical", "biologic", "tcm" };
static const char *areas[] = { "oncology", "radiopharmaceutical", "other" };
static const char *drug_phases[] = {
  "preclinical", "phase-1", "phase-2", "phase-3", "overseas-clinical",
  "registered", "marketed", "overseas-approval",
};
static const char *device_classes[] = { "class-2", "class-3" };
static const char *device_types[] = {
  "imaging", "particle-therapy", "medical-robot", "ivd", "life-support-monitoring",
  "wearable", "home-health-monitor", "vascular-interventional", "orthopedic-implant",
  "drug-delivery", "surgical-consumable", "other",
};
static const char *device_phases[] = { "phase-3", "registered", "marketed", "overseas-approval" };
static const char *ranks[] = { "first", "top3", "other" };
static const char *entities[] = {
  "enterprise", "cro", "cmo", "cdmo", "medical-institution", "research-institute", "platform",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gint64
yuan (GRand *rand,
      int    lo_wan,
      int    hi_wan)
{
  return (gint64) g_rand_int_range (rand, lo_wan, hi_wan + 1) * 10000;
}

typedef enum { KIND_DRUG, KIND_DEVICE, KIND_ORG, KIND_HEALTH, KIND_SPARSE, N_KINDS } ProfileKind;
static const char *kind_names[] = { "drug", "device", "organisation", "health-product", "location-only" };

static PnProfile *
make_profile (GRand       *rand,
              ProfileKind *out_kind)
{
  PnProfile *p = pn_profile_new ();
  double r = g_rand_double (rand);
  ProfileKind kind;

  pn_profile_set_location (p, PICK (rand, locations));
  pn_profile_set_as_of (p, "2025-06-30");

  if (r < 0.40)
    kind = KIND_DRUG;
  else if (r < 0.65)
    kind = KIND_DEVICE;
  else if (r < 0.85)
    kind = KIND_ORG;
  else if (r < 0.90)
    kind = KIND_HEALTH;
  else
    kind = KIND_SPARSE;
  *out_kind = kind;

  switch (kind)
    {
    case KIND_DRUG:
      {
        const char *klass = PICK (rand, drug_classes);

        pn_profile_set_answer (p, PN_QUESTION_PRODUCT, "drug");
        pn_profile_set_answer (p, PN_QUESTION_DRUG_CLASS, klass);
        if (g_rand_double (rand) < 0.7)
          pn_profile_set_answer (p, PN_QUESTION_MODALITY, PICK (rand, modalities));
        if (g_rand_double (rand) < 0.5)
          pn_profile_set_answer (p, PN_QUESTION_THERAPEUTIC_AREA, PICK (rand, areas));
        if (g_str_equal (klass, "generic") && g_rand_double (rand) < 0.5)
          {
            pn_profile_set_answer (p, PN_QUESTION_PHASE, "consistency-evaluation");
            pn_profile_set_answer (p, PN_QUESTION_RANK, PICK (rand, ranks));
            pn_profile_set_figure (p, PN_FIGURE_EVALUATION_COST, yuan (rand, 100, 3000));
          }
        else if (g_rand_double (rand) < 0.9)
          pn_profile_set_answer (p, PN_QUESTION_PHASE, PICK (rand, drug_phases));
        pn_profile_set_figure (p, PN_FIGURE_RD_INVESTMENT, yuan (rand, 100, 20000));
        if (g_rand_double (rand) < 0.5)
          pn_profile_set_figure (p, PN_FIGURE_SALES, yuan (rand, 500, 50000));
        break;
      }
    case KIND_DEVICE:
      pn_profile_set_answer (p, PN_QUESTION_PRODUCT, "device");
      pn_profile_set_answer (p, PN_QUESTION_DEVICE_CLASS, PICK (rand, device_classes));
      if (g_rand_double (rand) < 0.8)
        pn_profile_set_answer (p, PN_QUESTION_INNOVATIVE_DEVICE,
                               g_rand_double (rand) < 0.3 ? "true" : "false");
      if (g_rand_double (rand) < 0.6)
        pn_profile_set_answer (p, PN_QUESTION_DEVICE_TYPE, PICK (rand, device_types));
      pn_profile_set_answer (p, PN_QUESTION_PHASE, PICK (rand, device_phases));
      pn_profile_set_figure (p, PN_FIGURE_RD_INVESTMENT, yuan (rand, 50, 10000));
      if (g_rand_double (rand) < 0.6)
        pn_profile_set_figure (p, PN_FIGURE_SALES, yuan (rand, 100, 30000));
      break;
    case KIND_ORG:
      pn_profile_set_answer (p, PN_QUESTION_PRODUCT, "organisation");
      pn_profile_set_answer (p, PN_QUESTION_ENTITY, PICK (rand, entities));
      pn_profile_set_figure (p, PN_FIGURE_EQUIPMENT, yuan (rand, 100, 20000));
      pn_profile_set_figure (p, PN_FIGURE_SERVICE_REVENUE, yuan (rand, 100, 20000));
      if (g_rand_double (rand) < 0.5)
        {
          pn_profile_set_figure (p, PN_FIGURE_NATIONAL_FUNDING, yuan (rand, 100, 5000));
          pn_profile_set_figure (p, PN_FIGURE_TOTAL_INVESTMENT, yuan (rand, 5000, 50000));
        }
      if (g_rand_double (rand) < 0.5)
        pn_profile_set_figure (p, PN_FIGURE_TECH_TRANSACTION, yuan (rand, 50, 5000));
      break;
    case KIND_HEALTH:
      pn_profile_set_answer (p, PN_QUESTION_PRODUCT, "health-product");
      pn_profile_set_answer (p, PN_QUESTION_PHASE, "registered");
      break;
    case KIND_SPARSE:
    case N_KINDS:
      /* only the location: every benefit there is listed (worst case) */
      if (g_rand_double (rand) < 0.5)
        pn_profile_set_figure (p, PN_FIGURE_RD_INVESTMENT, yuan (rand, 100, 20000));
      break;
    }

  return p;
}

/* ---- (c) queries ---- */

static const char *short_queries[] = {
  "药", "奖", "械", "厦门", "临床", "器械", "补助", "平台", "晋江", "海沧", "疫苗",
  "眼科", "口腔", "透析", "核", "号", "量子",
};
static const char *long_queries[] = {
  "临床试验", "研发投入", "医疗机器人", "一致性评价", "创新药", "产业化", "放射性",
  "责任单位", "境外注册", "抗体偶联药物", "手术机器人", "阿尔茨海默病", "脑机接口",
  "合同研发生产机构", "就高从优不重复", "特殊医学用途配方食品", "第三类医疗器械",
  "最高不超过2000万元", "国家重点实验室", "量子计算机", "区块链金融",
};
static const char *english_queries[] = {
  "phase", "device", "subsidy", "oncology", "platform", "award", "investment", "Xiamen",
  "registration", "clinical trial", "radiopharmaceutical", "benchmark", "green channel",
  "R&D", "overseas approval", "blockchain",
};

typedef enum { Q_SHORT, Q_LONG, Q_ENGLISH, N_QKINDS } QueryKind;
static const char *qkind_names[] = { "cjk-1-2", "cjk-3plus", "english" };

/* ---- (a) import ---- */

static void
import_phase (const char *db,
              GPtrArray  *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(GArray) import_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double t0, open_ms, close_ms, loader_ms, total_import = 0, xmllint_ms = -1;
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_remove (db);
  g_remove (wal);
  g_remove (shm);

  /* The loader alone (parse, schema validation, model; no store) and
   * xmllint on the same files, each the best of two runs, before the
   * import so that both see a fresh process heap. */
  {
    g_autoptr(PnTaxonomy) taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);

    if (taxonomy == NULL)
      g_error ("%s", error->message);
    for (int round = 0; round < 2; round++)
      {
        double ms;

        t0 = now_ms ();
        for (guint i = 0; i < files->len; i++)
          {
            g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
            g_autoptr(PnDocument) document = pn_policy_loader_load_document_file (file, taxonomy, &error);

            if (document == NULL)
              g_error ("%s", error->message);
          }
        ms = now_ms () - t0;
        loader_ms = round == 0 ? ms : MIN (loader_ms, ms);
      }
  }

  if (!opt_skip_xmllint)
    {
      g_autoptr(GPtrArray) xargv = g_ptr_array_new ();

      if (opt_schema == NULL)
        g_error ("--schema is needed for xmllint (or --skip-xmllint)");
      g_ptr_array_add (xargv, opt_xmllint);
      g_ptr_array_add (xargv, "--noout");
      g_ptr_array_add (xargv, "--schema");
      g_ptr_array_add (xargv, opt_schema);
      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (xargv, g_ptr_array_index (files, i));
      g_ptr_array_add (xargv, NULL);
      for (int round = 0; round < 2; round++)
        {
          double ms;

          if (!run ((char **) xargv->pdata, NULL, &ms, NULL, &error))
            g_error ("xmllint: %s", error->message);
          xmllint_ms = round == 0 ? ms : MIN (xmllint_ms, ms);
        }
    }

  t0 = now_ms ();
  store = pn_store_open (db, &error);
  open_ms = now_ms () - t0;
  if (store == NULL)
    g_error ("%s", error->message);

  printf ("(a) import\n");
  printf ("  pn_store_open on a new database (bundled corpus): %.1f ms\n", open_ms);
  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (g_ptr_array_index (files, i));
      g_autoptr(PnDocument) document = NULL;
      double ms;

      t0 = now_ms ();
      document = pn_store_import_file (store, file, FALSE, &error);
      ms = now_ms () - t0;
      if (document == NULL)
        g_error ("%s", error->message);
      g_array_append_val (import_ms, ms);
      total_import += ms;
      if (i < 3 || i + 3 >= files->len || (i + 1) % 10 == 0)
        printf ("  import %3u/%u %-16s %8.1f ms   (cumulative %7.1f s)\n", i + 1, files->len,
                (const char *) strrchr (g_ptr_array_index (files, i), '/') + 1, ms, total_import / 1000);
    }

  /* Closing checkpoints the WAL into the database file. */
  t0 = now_ms ();
  g_clear_object (&store);
  close_ms = now_ms () - t0;

  {
    double first = g_array_index (import_ms, double, 0);
    double last = g_array_index (import_ms, double, import_ms->len - 1);

    printf ("  total import of %u files: %.2f s (first file %.1f ms, last file %.1f ms)\n",
            files->len, total_import / 1000, first, last);
    printf ("  closing the store afterwards: %.1f ms\n", close_ms);
    printf ("  the loader alone (pn_policy_loader_load_document_file, no store), best of 2: %.2f s\n",
            loader_ms / 1000);
    metric ("store_open_new", open_ms, "ms");
    metric ("import_total", total_import / 1000, "s");
    metric ("import_first_file", first, "ms");
    metric ("import_last_file", last, "ms");
    metric ("store_close", close_ms, "ms");
    metric ("loader_total", loader_ms / 1000, "s");
    if (xmllint_ms > 0)
      {
        double ratio = total_import / xmllint_ms;

        printf ("  xmllint --noout --schema on the same files, best of 2: %.2f s\n", xmllint_ms / 1000);
        printf ("  ratio import / xmllint: %.1f× (target ≤ %.0f×: %s)\n", ratio, TARGET_IMPORT_RATIO,
                verdict (ratio <= TARGET_IMPORT_RATIO));
        printf ("  ratio loader alone / xmllint: %.1f×\n", loader_ms / xmllint_ms);
        metric ("xmllint_total", xmllint_ms / 1000, "s");
        metric ("loader_xmllint_ratio", loader_ms / xmllint_ms, "x");
        metric ("import_xmllint_ratio", ratio, "x");
      }
  }
}

/* ---- (d) whole processes ---- */

#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

extern char **environ;

/* Runs argv with its output to /dev/null: its wall time and, when asked,
 * its peak RSS.  A process bench-core starts inherits bench-core's own
 * high-water mark (fork and posix_spawn alike), so a run whose RSS is
 * asked for goes through bench-rss, a small process that reports its
 * child's; its time then includes bench-rss's start, under a
 * millisecond.  Each run runs the command once (an import is not
 * repeatable). */
static void
measure (char   **argv,
         double  *out_ms,
         double  *out_rss_mib)
{
  g_autoptr(GPtrArray) command = g_ptr_array_new ();
  posix_spawn_file_actions_t actions;
  gboolean through_helper = out_rss_mib != NULL && opt_rss_helper != NULL;
  struct rusage usage;
  int pipe_fds[2] = { -1, -1 };
  double t0;
  int status = 0;
  pid_t pid;
  int rc;

  if (through_helper)
    g_ptr_array_add (command, opt_rss_helper);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (command, argv[i]);
  g_ptr_array_add (command, NULL);

  posix_spawn_file_actions_init (&actions);
  if (through_helper)
    {
      /* bench-rss silences the command itself and prints the figure */
      if (pipe (pipe_fds) != 0)
        g_error ("pipe: %s", g_strerror (errno));
      posix_spawn_file_actions_adddup2 (&actions, pipe_fds[1], STDOUT_FILENO);
      posix_spawn_file_actions_addclose (&actions, pipe_fds[0]);
    }
  else
    /* xmllint says "validates" on stderr for every file */
    posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  t0 = now_ms ();
  rc = posix_spawnp (&pid, command->pdata[0], &actions, NULL, (char **) command->pdata, environ);
  posix_spawn_file_actions_destroy (&actions);
  if (rc != 0)
    g_error ("%s: %s", (char *) command->pdata[0], g_strerror (rc));
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));
  *out_ms = now_ms () - t0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s %s … failed (status %d)", argv[0], argv[1] ? argv[1] : "", status);

  if (through_helper)
    {
      char buffer[64] = "";
      ssize_t n;

      close (pipe_fds[1]);
      n = read (pipe_fds[0], buffer, sizeof buffer - 1);
      close (pipe_fds[0]);
      buffer[MAX (n, 0)] = '\0';
      *out_rss_mib = g_ascii_strtod (buffer, NULL) / 1024.0;
    }
  else if (out_rss_mib != NULL)
    *out_rss_mib = usage.ru_maxrss / 1024.0;
}

/* Median wall time and median peak RSS of `runs` runs of each of the
 * n_commands commands, after one run of each that warms the page cache.
 * The commands take turns, so that a ratio between two of them is not
 * skewed by the machine getting slower or faster between their runs. */
static void
measure_medians (char   **argvs[],
                 guint    n_commands,
                 int      runs,
                 double  *out_ms,
                 double  *out_rss_mib)
{
  g_autoptr(GPtrArray) ms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) rss = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double t, r;

  for (guint c = 0; c < n_commands; c++)
    {
      g_ptr_array_add (ms, g_array_new (FALSE, FALSE, sizeof (double)));
      g_ptr_array_add (rss, g_array_new (FALSE, FALSE, sizeof (double)));
      measure (argvs[c], &t, NULL);
    }
  for (int i = 0; i < runs; i++)
    for (guint c = 0; c < n_commands; c++)
      {
        /* times from direct runs, the peak from a few through bench-rss */
        measure (argvs[c], &t, NULL);
        g_array_append_val (g_ptr_array_index (ms, c), t);
        if (i < 3)
          {
            measure (argvs[c], &t, &r);
            g_array_append_val (g_ptr_array_index (rss, c), r);
          }
      }
  for (guint c = 0; c < n_commands; c++)
    {
      out_ms[c] = stats_of (g_ptr_array_index (ms, c)).p50;
      out_rss_mib[c] = stats_of (g_ptr_array_index (rss, c)).p50;
    }
}

static void
report_ratio (const char *what,
              const char *name,
              double      value,
              double      reference,
              double      target)
{
  double ratio = value / reference;

  printf ("  %-58s %.2f× (target ≤ %.1f×: %s)\n", what, ratio, target, verdict (ratio <= target));
  metric (name, ratio, "x");
}

static void
cli_phase (const char *tmp,
           const char *big_db,
           GPtrArray  *files,
           const char *corpus_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bundled_db = g_build_filename (tmp, "cli", "bundled.db", NULL);
  g_autofree char *proc_db = g_build_filename (tmp, "cli", "processes.db", NULL);
  char *version_argv[] = { opt_pnav, "--version", NULL };
  char *match_tail[] = { "match", "--location", "xiamen", "--drug-class", "innovative",
                         "--phase", "phase-2", "--rd-investment", "30000000",
                         "--as-of", "2025-06-30", "--format", "json", NULL };
  g_autoptr(GPtrArray) match_big = g_ptr_array_new ();
  g_autoptr(GPtrArray) match_bundled = g_ptr_array_new ();
  double version_ms, version_rss, big_ms, big_rss, bundled_ms, bundled_rss, cold_ms;

  g_ptr_array_add (match_big, opt_pnav);
  g_ptr_array_add (match_big, "--db");
  g_ptr_array_add (match_big, (char *) big_db);
  g_ptr_array_add (match_bundled, opt_pnav);
  g_ptr_array_add (match_bundled, "--db");
  g_ptr_array_add (match_bundled, bundled_db);
  for (guint i = 0; match_tail[i] != NULL; i++)
    {
      g_ptr_array_add (match_big, match_tail[i]);
      g_ptr_array_add (match_bundled, match_tail[i]);
    }
  g_ptr_array_add (match_big, NULL);
  g_ptr_array_add (match_bundled, NULL);

  printf ("\n(d) whole processes: pnav match --location xiamen --drug-class innovative "
          "--phase phase-2 --rd-investment 30000000 --as-of 2025-06-30 --format json\n");

  {
    g_autofree char *cli_dir = g_path_get_dirname (bundled_db);

    g_mkdir_with_parents (cli_dir, 0700);
  }
  measure ((char **) match_bundled->pdata, &cold_ms, NULL);
  {
    char **argvs[] = { version_argv, (char **) match_bundled->pdata, (char **) match_big->pdata };
    double medians_ms[3], medians_rss[3];

    measure_medians (argvs, G_N_ELEMENTS (argvs), opt_cli_runs, medians_ms, medians_rss);
    version_ms = medians_ms[0];
    version_rss = medians_rss[0];
    bundled_ms = medians_ms[1];
    bundled_rss = medians_rss[1];
    big_ms = medians_ms[2];
    big_rss = medians_rss[2];
  }

  printf ("  pnav --version                   %7.1f ms  %6.1f MiB\n", version_ms, version_rss);
  printf ("  match, bundled corpus (warm)     %7.1f ms  %6.1f MiB   (cold, new database: %.1f ms)\n",
          bundled_ms, bundled_rss, cold_ms);
  printf ("  match, %d-benefit store          %7.1f ms  %6.1f MiB\n", opt_benefits, big_ms, big_rss);
  metric ("cli_version", version_ms, "ms");
  metric ("cli_version_rss", version_rss, "MiB");
  metric ("cli_match_bundled", bundled_ms, "ms");
  metric ("cli_match_bundled_cold", cold_ms, "ms");
  metric ("cli_match_big", big_ms, "ms");
  metric ("cli_match_big_rss", big_rss, "MiB");
  report_ratio ("bundled match wall ÷ --version", "ratio_match_bundled", bundled_ms, version_ms, 1.5);
  report_ratio ("100k match wall ÷ --version", "ratio_match_big", big_ms, version_ms, 3.0);
  report_ratio ("100k match peak RSS ÷ --version's", "ratio_match_big_rss", big_rss, version_rss, 3.0);

  /* The planning commands on the big store, once each: no target, but a
   * pipeline (nine milestones, each with its figures tried) once took
   * 85 s there against 0.4 s for a match */
  {
    char *pipeline_argv[] = { opt_pnav, "--db", (char *) big_db, "pipeline", "--location", "xiamen",
                              "--product", "drug", "--as-of", "2025-06-30", "--format", "json", NULL };
    char *compare_argv[] = { opt_pnav, "--db", (char *) big_db, "compare", "--locations", "xiamen,jinjiang,fuzhou",
                             "--product", "drug", "--as-of", "2025-06-30", "--format", "json", NULL };
    char *deadlines_argv[] = { opt_pnav, "--db", (char *) big_db, "deadlines", "--location", "jinjiang",
                               "--as-of", "2025-06-30", "--format", "json", NULL };
    double pipeline_ms, compare_ms, deadlines_ms;

    measure (pipeline_argv, &pipeline_ms, NULL);
    measure (compare_argv, &compare_ms, NULL);
    measure (deadlines_argv, &deadlines_ms, NULL);
    printf ("  %d-benefit store: pipeline (drug at Xiamen) %.1f ms, compare (three places) %.1f ms, "
            "deadlines (Jinjiang) %.1f ms\n", opt_benefits, pipeline_ms, compare_ms, deadlines_ms);
    metric ("cli_pipeline_big", pipeline_ms, "ms");
    metric ("cli_compare_big", compare_ms, "ms");
    metric ("cli_deadlines_big", deadlines_ms, "ms");
  }

  /* 100 documents by 100 separate `pnav import`, against xmllint */
  if (files != NULL)
    {
      char *prime_argv[] = { opt_pnav, "--db", proc_db, "list-documents", NULL };
      g_autoptr(GPtrArray) xargv = g_ptr_array_new ();
      double import_ms = 0, xmllint_ms, xmllint_each_ms = 0, ms;

      /* each import, then xmllint on the same file: the two take turns */
      measure (prime_argv, &ms, NULL);
      for (guint i = 0; i < files->len; i++)
        {
          char *argv[] = { opt_pnav, "--db", proc_db, "import", g_ptr_array_index (files, i), NULL };
          char *xmllint_argv[] = { opt_xmllint, "--noout", "--schema", opt_schema,
                                   g_ptr_array_index (files, i), NULL };

          measure (argv, &ms, NULL);
          import_ms += ms;
          measure (xmllint_argv, &ms, NULL);
          xmllint_each_ms += ms;
        }

      g_ptr_array_add (xargv, opt_xmllint);
      g_ptr_array_add (xargv, "--noout");
      g_ptr_array_add (xargv, "--schema");
      g_ptr_array_add (xargv, opt_schema);
      for (guint i = 0; i < files->len; i++)
        g_ptr_array_add (xargv, g_ptr_array_index (files, i));
      g_ptr_array_add (xargv, NULL);
      measure ((char **) xargv->pdata, &xmllint_ms, NULL);

      printf ("  %u × pnav import (one process each) %8.2f s\n", files->len, import_ms / 1000);
      printf ("  xmllint --noout --schema, all files in one process %.2f s; one process per file %.2f s\n",
              xmllint_ms / 1000, xmllint_each_ms / 1000);
      metric ("cli_import_100", import_ms / 1000, "s");
      metric ("xmllint_100", xmllint_ms / 1000, "s");
      metric ("xmllint_100_each", xmllint_each_ms / 1000, "s");
      report_ratio ("100 imports ÷ xmllint (one process)", "ratio_import", import_ms, xmllint_ms, 3.0);
      report_ratio ("100 imports ÷ xmllint (a process per file)", "ratio_import_each",
                    import_ms, xmllint_each_ms, 3.0);
    }

  /* one valid 45 MB document: peak RSS of its import against xmllint's */
  if (opt_gen_script != NULL)
    {
      g_autofree char *big_dir = g_build_filename (tmp, "big-file", NULL);
      g_autofree char *big_store = g_build_filename (tmp, "cli", "big-file.db", NULL);
      g_autoptr(GPtrArray) big_files = NULL;
      char *gen_argv[] = { opt_python, opt_gen_script, "--benefits", "60000", "--documents", "1",
                           "--seed", "45", big_dir, NULL };
      char *prime_argv[] = { opt_pnav, "--db", big_store, "list-documents", NULL };
      double ms, import_rss, xmllint_rss;
      GStatBuf st;

      if (!run (gen_argv, NULL, &ms, NULL, &error))
        g_error ("generating the 45 MB file: %s", error->message);
      big_files = list_corpus (big_dir);
      g_stat (g_ptr_array_index (big_files, 0), &st);
      {
        char *import_argv[] = { opt_pnav, "--db", big_store, "import", g_ptr_array_index (big_files, 0), NULL };
        char *xmllint_argv[] = { opt_xmllint, "--noout", "--schema", opt_schema,
                                 g_ptr_array_index (big_files, 0), NULL };

        measure (prime_argv, &ms, NULL);
        measure (import_argv, &ms, &import_rss);
        printf ("  import of one %.1f MB document: %.2f s, peak %.1f MiB\n",
                st.st_size / 1e6, ms / 1000, import_rss);
        measure (xmllint_argv, &ms, &xmllint_rss);
        printf ("  xmllint --noout --schema on it: %.2f s, peak %.1f MiB\n", ms / 1000, xmllint_rss);
      }
      metric ("big_file_mb", st.st_size / 1e6, "MB");
      metric ("big_file_import_rss", import_rss, "MiB");
      metric ("big_file_xmllint_rss", xmllint_rss, "MiB");
      report_ratio ("45 MB import peak RSS ÷ xmllint's", "ratio_big_file_rss", import_rss, xmllint_rss, 2.0);
    }
  (void) corpus_dir;
}

/* ---- main ---- */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[CORPUS-DIR]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(PnStore) store = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmp = NULL;
  g_autofree char *corpus_dir = NULL;
  g_autofree char *db = NULL;
  double t0, load_ms, reopen_ms;
  guint64 n_results = 0;
  guint n_benefits = 0, n_documents = 0, max_results = 0;
  Stats s;
  double bench_start = now_ms ();

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
                                "Benchmarks import, matching, search and the CLI on a synthetic corpus.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  opt_profiles = MAX (opt_profiles, 1);
  opt_queries = MAX (opt_queries, 1);
  opt_cli_runs = MAX (opt_cli_runs, 1);

  setvbuf (stdout, NULL, _IOLBF, 0);
  tmp = g_dir_make_tmp ("pn-bench-XXXXXX", &error);
  if (tmp == NULL)
    g_error ("%s", error->message);
  /* Nothing of the user's: the store and the CLI write below tmp. */
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp, TRUE);

  rand = g_rand_new_with_seed (opt_seed);
  printf ("\n== Policy Navigator core benchmark ==\n");
  printf ("build type: %s\n", PN_BUILD_TYPE);
  printf ("load average at start: %.2f (%u CPUs)\n", loadavg (), g_get_num_processors ());
  metric ("loadavg_start", loadavg (), "load");

  if (opt_reuse != NULL)
    {
      db = g_strdup (opt_reuse);
      printf ("store: %s (imported earlier; (a) skipped)\n", db);
    }
  else
    {
      if (argc > 1)
        corpus_dir = g_strdup (argv[1]);
      else if (opt_gen_script != NULL)
        {
          g_autofree char *n = g_strdup_printf ("%d", opt_benefits);
          g_autofree char *k = g_strdup_printf ("%d", opt_documents);
          g_autofree char *seed = g_strdup_printf ("%d", opt_seed);
          char *gen_argv[] = { opt_python, opt_gen_script, "--benefits", n, "--documents", k,
                               "--seed", seed, NULL, NULL };
          double ms;

          corpus_dir = g_build_filename (tmp, "corpus", NULL);
          gen_argv[8] = corpus_dir;
          if (!run (gen_argv, NULL, &ms, NULL, &error))
            g_error ("generating the corpus: %s", error->message);
          printf ("generated %d benefits in %d documents in %.1f s\n", opt_benefits, opt_documents, ms / 1000);
        }
      else
        {
          g_printerr ("bench-core: give a CORPUS-DIR, --gen-script or --reuse-db\n");
          return 2;
        }

      files = list_corpus (corpus_dir);
      g_ptr_array_sort (files, cmp_path);
      if (files->len == 0)
        g_error ("%s: no .xml files", corpus_dir);
      printf ("corpus: %s (%u files)\n\n", corpus_dir, files->len);

      db = opt_keep ? g_strdup (opt_keep) : g_build_filename (tmp, "bench.db", NULL);
      import_phase (db, files);
    }

  /* Reopening the imported store: the bundled hash check only. */
  t0 = now_ms ();
  store = pn_store_open (db, &error);
  reopen_ms = now_ms () - t0;
  if (store == NULL)
    g_error ("%s", error->message);

  /* ---- (b) match ---- */
  printf ("\n(b) match\n");
  t0 = now_ms ();
  corpus = pn_store_load_corpus (store, &error);
  load_ms = now_ms () - t0;
  if (corpus == NULL)
    g_error ("%s", error->message);
  {
    g_autoptr(GPtrArray) documents = pn_corpus_list_documents (corpus, &error);

    if (documents == NULL)
      g_error ("%s", error->message);
    for (guint d = 0; d < documents->len; d++)
      n_benefits += ((PnDocument *) g_ptr_array_index (documents, d))->n_benefits;
    n_documents = documents->len;
  }
  printf ("  pn_store_open on the imported database: %.1f ms\n", reopen_ms);
  printf ("  pn_store_load_corpus: %u documents, %u benefits in %.2f s\n",
          n_documents, n_benefits, load_ms / 1000);
  metric ("store_reopen", reopen_ms, "ms");
  metric ("load_corpus", load_ms / 1000, "s");
  metric ("corpus_benefits", n_benefits, "count");

  {
    GArray *by_kind[N_KINDS];
    guint warmup = MIN (10, (guint) opt_profiles);

    for (guint k = 0; k < N_KINDS; k++)
      by_kind[k] = g_array_new (FALSE, FALSE, sizeof (double));

    g_autoptr(GPtrArray) asked = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GArray) again = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < warmup + (guint) opt_profiles; i++)
      {
        ProfileKind kind;
        g_autoptr(PnProfile) profile = make_profile (rand, &kind);
        PnResults *results;
        double ms;
        guint n;

        t0 = now_ms ();
        results = pn_engine_evaluate (corpus, profile, NULL);
        ms = now_ms () - t0;
        n = pn_results_get_n_results (results);
        pn_results_unref (results);
        if (i < warmup)
          continue;
        g_array_append_val (samples, ms);
        g_array_append_val (by_kind[kind], ms);
        g_ptr_array_add (asked, g_object_ref (profile));
        n_results += n;
        max_results = MAX (max_results, n);
      }

    /* The same profiles once more: what a question costs once the store's
     * rows it reads are in memory (the first time, it reads them: a
     * store read on demand pays there what the old whole-model load paid
     * before the first question, 1.2 s at 100,000 benefits). */
    for (guint i = 0; i < asked->len; i++)
      {
        PnResults *results;
        double ms;

        t0 = now_ms ();
        results = pn_engine_evaluate (corpus, g_ptr_array_index (asked, i), NULL);
        ms = now_ms () - t0;
        pn_results_unref (results);
        g_array_append_val (again, ms);
      }

    s = stats_of (samples);
    printf ("  pn_engine_evaluate over %d profiles: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms, mean %.3f ms\n",
            opt_profiles, s.p50, s.p90, s.p99, s.max, s.mean);
    printf ("  results listed per profile: mean %.0f, max %u\n",
            (double) n_results / MAX (1, opt_profiles), max_results);
    printf ("  p99 target ≤ %.0f ms: %s\n", TARGET_MATCH_P99_MS, verdict (s.p99 <= TARGET_MATCH_P99_MS));
    metric ("match_p50", s.p50, "ms");
    metric ("match_p90", s.p90, "ms");
    metric ("match_p99", s.p99, "ms");
    metric ("match_max", s.max, "ms");
    metric ("match_results_mean", (double) n_results / MAX (1, opt_profiles), "count");
    for (guint k = 0; k < N_KINDS; k++)
      {
        g_autofree char *name = NULL;
        Stats ks = stats_of (by_kind[k]);

        if (by_kind[k]->len == 0)
          continue;
        printf ("    %-15s n=%4u  p50 %8.3f ms  p99 %8.3f ms\n", kind_names[k], by_kind[k]->len, ks.p50, ks.p99);
        name = g_strdup_printf ("match_p99_%s", kind_names[k]);
        metric (name, ks.p99, "ms");
      }
    for (guint k = 0; k < N_KINDS; k++)
      g_array_unref (by_kind[k]);

    s = stats_of (again);
    printf ("  the same profiles again (rows already read): p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms\n",
            s.p50, s.p90, s.p99, s.max);
    metric ("match_again_p50", s.p50, "ms");
    metric ("match_again_p99", s.p99, "ms");
  }

  /* The text of a result is written when it is first read, and the next
   * steps are worked out when asked for: what a caller that reads every
   * result and the next steps (pnav match, a brief) pays, apart from the
   * figures above so that it does not disturb them. */
  g_array_set_size (samples, 0);
  for (guint i = 0; i < (guint) MAX (1, opt_profiles / 5); i++)
    {
      ProfileKind kind;
      g_autoptr(PnProfile) profile = make_profile (rand, &kind);
      g_autoptr(PnResults) results = NULL;
      double ms;

      t0 = now_ms ();
      results = pn_engine_evaluate (corpus, profile, NULL);
      for (guint r = 0; r < pn_results_get_n_results (results); r++)
        pn_results_get_result (results, r);
      /* worked out when asked for, as pnav match and the results page do */
      pn_results_get_next_steps (results);
      ms = now_ms () - t0;
      g_array_append_val (samples, ms);
    }
  s = stats_of (samples);
  printf ("  evaluating and reading every result, %u profiles: p50 %.3f ms, p99 %.3f ms\n",
          samples->len, s.p50, s.p99);
  metric ("match_read_all_p50", s.p50, "ms");
  metric ("match_read_all_p99", s.p99, "ms");

  /* ---- (c) search ---- */
  printf ("\n(c) search\n");
  g_array_set_size (samples, 0);
  {
    GArray *by_kind[N_QKINDS];
    guint64 hits = 0;
    const char *slowest = NULL;
    double slowest_ms = -1;

    for (guint k = 0; k < N_QKINDS; k++)
      by_kind[k] = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < 5 + (guint) opt_queries; i++)
      {
        double r = g_rand_double (rand);
        QueryKind kind = r < 0.35 ? Q_SHORT : r < 0.75 ? Q_LONG : Q_ENGLISH;
        const char *query = kind == Q_SHORT ? PICK (rand, short_queries)
                          : kind == Q_LONG ? PICK (rand, long_queries)
                          : PICK (rand, english_queries);
        g_autoptr(GPtrArray) found = NULL;
        double ms;

        t0 = now_ms ();
        found = pn_store_search (store, query, NULL, 20, &error);
        ms = now_ms () - t0;
        if (found == NULL)
          g_error ("search “%s”: %s", query, error->message);
        if (i < 5)
          continue;
        hits += found->len;
        g_array_append_val (samples, ms);
        g_array_append_val (by_kind[kind], ms);
        if (ms > slowest_ms)
          {
            slowest_ms = ms;
            slowest = query;
          }
      }

    s = stats_of (samples);
    printf ("  pn_store_search (limit 20) over %d queries: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms\n",
            opt_queries, s.p50, s.p90, s.p99, s.max);
    printf ("  hits per query: mean %.1f; slowest query “%s” (%.1f ms)\n",
            (double) hits / MAX (1, opt_queries), slowest, slowest_ms);
    printf ("  p99 target ≤ %.0f ms: %s\n", TARGET_SEARCH_P99_MS, verdict (s.p99 <= TARGET_SEARCH_P99_MS));
    metric ("search_p50", s.p50, "ms");
    metric ("search_p90", s.p90, "ms");
    metric ("search_p99", s.p99, "ms");
    metric ("search_max", s.max, "ms");
    for (guint k = 0; k < N_QKINDS; k++)
      {
        g_autofree char *name = NULL;
        Stats ks = stats_of (by_kind[k]);

        if (by_kind[k]->len == 0)
          continue;
        printf ("    %-10s n=%3u  p50 %8.3f ms  p99 %8.3f ms\n", qkind_names[k], by_kind[k]->len, ks.p50, ks.p99);
        name = g_strdup_printf ("search_p99_%s", qkind_names[k]);
        metric (name, ks.p99, "ms");
      }
    for (guint k = 0; k < N_QKINDS; k++)
      g_array_unref (by_kind[k]);
  }

  g_clear_pointer (&corpus, pn_corpus_unref);
  g_clear_object (&store);

  /* ---- (d) processes: the ratios of issue 14 ---- */
  if (!opt_skip_cli && opt_pnav != NULL)
    cli_phase (tmp, db, files, corpus_dir);

  printf ("\nload average at end: %.2f\n", loadavg ());
  metric ("loadavg_end", loadavg (), "load");
  printf ("benchmark wall time: %.1f s\n", (now_ms () - bench_start) / 1000);
  metric ("bench_wall", (now_ms () - bench_start) / 1000, "s");

  /* the generated corpus, the temporary store and the CLI's database */
  rm_rf (tmp);

  return 0;
}
