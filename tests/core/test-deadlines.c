/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates and deadlines on the real bundled corpus.  End dates from the
 * source texts: 厦府规〔2023〕17号 “有效期至2026年12月31日”; the Fujian task
 * list's tasks by their own time limits (“2022—2025” → 2025-12-31).
 */
#define G_LOG_DOMAIN "test-deadlines"

#include "config.h"

#include "pn-date.h"
#include "pn-deadlines.h"
#include "pn-policy-loader.h"

#include <string.h>

static PnCorpus *corpus;

static void
test_date_parse (void)
{
  static const struct { const char *iso; gboolean valid; } cases[] = {
    { "2025-06-01", TRUE },
    { "2024-02-29", TRUE },   /* leap year */
    { "2025-02-29", FALSE },
    { "2025-13-01", FALSE },
    { "2025-00-10", FALSE },
    { "2025-1-5", FALSE },
    { "20250105", FALSE },
    { "2025-01-05x", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_assert_cmpint (pn_date_parse (cases[i].iso, &date), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_autofree char *iso = pn_date_to_iso (&date);

          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
    }
}

static void
test_date_days_between (void)
{
  static const struct { const char *from; const char *to; gint days; } cases[] = {
    { "2025-06-01", "2025-12-31", 213 },
    { "2025-06-01", "2026-12-31", 578 },
    { "2024-02-28", "2024-03-01", 2 },    /* through 29 February */
    { "2025-02-28", "2025-03-01", 1 },
    { "2026-12-31", "2026-11-23", -38 },
    { "2026-11-23", "2026-11-23", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint days = G_MININT;

      g_assert_true (pn_date_days_between (cases[i].from, cases[i].to, &days));
      g_assert_cmpint (days, ==, cases[i].days);
    }

  {
    gint days = 7;

    g_assert_false (pn_date_days_between ("2025-02-30", "2025-03-01", &days));
    g_assert_cmpint (days, ==, 7);
  }
}

static void
test_date_within_months (void)
{
  static const struct { const char *date; const char *as_of; guint months; gboolean within; } cases[] = {
    { "2026-12-31", "2026-11-23", 12, TRUE },
    { "2027-11-23", "2026-11-23", 12, TRUE },   /* the last day counts */
    { "2027-11-24", "2026-11-23", 12, FALSE },
    { "2026-11-22", "2026-11-23", 12, FALSE },  /* already ended */
    { "2025-02-28", "2025-01-31", 1, TRUE },    /* 31 January + 1 month: 28 February */
    { "2025-03-01", "2025-01-31", 1, FALSE },
    { "no date", "2025-01-31", 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (pn_date_within_months (cases[i].date, cases[i].as_of, cases[i].months),
                     ==, cases[i].within);
}

static const PnDeadline *
find (PnDeadlines *deadlines,
      const char  *benefit_id)
{
  for (guint i = 0; i < pn_deadlines_get_n_deadlines (deadlines); i++)
    {
      const PnDeadline *deadline = pn_deadlines_get_deadline (deadlines, i);

      if (g_str_equal (deadline->benefit->id, benefit_id))
        return deadline;
    }
  return NULL;
}

typedef struct
{
  const char *name;
  const char *location;
  const char *as_of;
  gint        within;
  const char *benefit_id;
  const char *until;       /* NULL: not listed */
  gint        days;
} Case;

static const Case cases[] = {
  /* 厦府规〔2023〕17号: 有效期至2026年12月31日 */
  { "xiamen-2023", "xiamen", "2025-06-01", -1, "xiamen-2023-17/1/innovative-phase-1", "2026-12-31", 578 },
  /* Fujian task 11: 2022—2025 */
  { "fujian-task", "xiamen", "2025-06-01", -1, "fujian-2022-tasks/11/innovative-phase-1", "2025-12-31", 213 },
  /* the Fujian tasks apply beneath the province, in Jinjiang too */
  { "fujian-task-jinjiang", "jinjiang", "2025-06-01", -1, "fujian-2022-tasks/11/innovative-phase-1", "2025-12-31", 213 },
  /* 晋政规〔2025〕8号: 有效期至2026年12月31日 */
  { "jinjiang-2025", "jinjiang", "2026-11-23", -1, "jinjiang-2025-8/1.1/innovative-phase-1", "2026-12-31", 38 },
  /* within: the last day counts, the day after does not */
  { "within-at", "xiamen", "2025-06-01", 213, "fujian-2022-tasks/11/innovative-phase-1", "2025-12-31", 213 },
  { "within-before", "xiamen", "2025-06-01", 212, "fujian-2022-tasks/11/innovative-phase-1", NULL, 0 },
  { "within-excludes-later", "xiamen", "2025-06-01", 213, "xiamen-2023-17/1/innovative-phase-1", NULL, 0 },
  /* ended before the as-of date: left out */
  { "ended", "xiamen", "2026-01-01", -1, "fujian-2022-tasks/11/innovative-phase-1", NULL, 0 },
  /* a draft is never in force: left out */
  { "draft", "xiamen", "2025-06-01", -1, "xiamen-2025-draft/7/computing-voucher", NULL, 0 },
  /* not at this place */
  { "elsewhere", "fuzhou", "2025-06-01", -1, "xiamen-2023-17/1/innovative-phase-1", NULL, 0 },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDeadlines) deadlines = pn_deadlines_new (corpus, c->location, c->as_of, c->within, &error);
  const PnDeadline *deadline;
  const char *previous = "";

  g_assert_no_error (error);
  g_assert_nonnull (deadlines);

  /* sorted by end date, none ended, none past --within */
  for (guint i = 0; i < pn_deadlines_get_n_deadlines (deadlines); i++)
    {
      const PnDeadline *d = pn_deadlines_get_deadline (deadlines, i);
      gint days = 0;

      g_assert_cmpstr (d->valid_until, >=, previous);
      previous = d->valid_until;
      g_assert_true (pn_date_days_between (c->as_of, d->valid_until, &days));
      g_assert_cmpint (d->days_left, ==, days);
      g_assert_cmpint (d->days_left, >=, 0);
      if (c->within >= 0)
        g_assert_cmpint (d->days_left, <=, c->within);
      g_assert_false (d->benefit->document->draft);
    }

  deadline = find (deadlines, c->benefit_id);
  if (c->until == NULL)
    {
      g_assert_null (deadline);
      return;
    }
  g_assert_nonnull (deadline);
  g_assert_cmpstr (deadline->valid_until, ==, c->until);
  g_assert_cmpint (deadline->days_left, ==, c->days);
}

static void
test_undated (void)
{
  g_autoptr(PnDeadlines) deadlines = pn_deadlines_new (corpus, "fuzhou", "2025-06-01", -1, NULL);

  /* The Fuzhou plan states no dates; a few Fujian tasks run “持续推进”. */
  g_assert_cmpuint (pn_deadlines_get_n_undated (deadlines), >, 0);
  for (guint i = 0; i < pn_deadlines_get_n_deadlines (deadlines); i++)
    g_assert_cmpstr (pn_deadlines_get_deadline (deadlines, i)->benefit->document->id, !=, "fuzhou-plan");
}

static void
test_ical (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDeadlines) deadlines = pn_deadlines_new (corpus, "xiamen", "2025-06-01", -1, &error);
  g_autofree char *ical = NULL;
  g_autofree char *unfolded = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint events = 0, ends = 0;

  g_assert_no_error (error);
  ical = pn_deadlines_to_ical (deadlines, PN_LANG_ZH, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ical, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (ical, "END:VCALENDAR\r\n"));

  /* every line ends with CRLF: no bare LF, no stray CR */
  for (const char *p = ical; *p; p++)
    {
      if (*p == '\n')
        g_assert_cmpint (p > ical && p[-1] == '\r', ==, TRUE);
      if (*p == '\r')
        g_assert_cmpint (p[1], ==, '\n');
    }

  {
    g_auto(GStrv) folds = g_strsplit (ical, "\r\n ", -1);

    unfolded = g_strjoinv ("", folds);
  }
  lines = g_strsplit (unfolded, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "BEGIN:VEVENT"))
        events++;
      else if (g_str_equal (lines[i], "END:VEVENT"))
        ends++;
      else if (g_str_has_prefix (lines[i], "UID:"))
        g_assert_true (g_hash_table_add (uids, g_strdup (lines[i] + 4)));
    }

  g_assert_cmpuint (events, ==, pn_deadlines_get_n_deadlines (deadlines));
  g_assert_cmpuint (ends, ==, events);
  g_assert_cmpuint (g_hash_table_size (uids), ==, events);
  for (guint i = 0; i < pn_deadlines_get_n_deadlines (deadlines); i++)
    {
      g_autofree char *uid = pn_deadline_dup_uid (pn_deadlines_get_deadline (deadlines, i));

      g_assert_true (g_hash_table_contains (uids, uid));
    }
  g_assert_nonnull (strstr (unfolded, "UID:xiamen-2023-17/1/innovative-phase-1/20261231@"));
  g_assert_nonnull (strstr (unfolded, "DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101"));
  g_assert_nonnull (strstr (unfolded, "厦门市科学技术局"));

  /* art. 14's trade fair names its own two units; the article's six are
   * for its other paragraphs (the text and the .ics listed all six) */
  {
    g_autofree char *text = pn_deadlines_to_text (deadlines, PN_LANG_EN);
    const char *fair = strstr (text, "Taking part in a well-known domestic trade fair");
    const char *next = fair != NULL ? strstr (fair, "\n  20") : NULL;
    g_autofree char *entry = fair != NULL ? g_strndup (fair, next != NULL ? (gsize) (next - fair) : strlen (fair))
                                          : NULL;

    g_assert_nonnull (entry);
    g_assert_nonnull (strstr (entry, "Xiamen Municipal Bureau of Industry and Information Technology (lead); "
                                     "Xiamen Municipal Finance Bureau (lead)"));
    g_assert_null (strstr (entry, "Commerce"));
  }
}

static void
test_errors (void)
{
  g_autoptr(GError) error = NULL;
  PnDeadlines *deadlines;

  deadlines = pn_deadlines_new (corpus, "atlantis", NULL, -1, &error);
  g_assert_null (deadlines);
  g_assert_error (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_LOCATION);
  g_clear_error (&error);

  deadlines = pn_deadlines_new (corpus, "xiamen", "2025-02-30", -1, &error);
  g_assert_null (deadlines);
  g_assert_error (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_DATE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
  g_assert_no_error (error);
  documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_assert_no_error (error);
  corpus = pn_corpus_new (taxonomy, documents);

  g_test_add_func ("/pn/date/parse", test_date_parse);
  g_test_add_func ("/pn/date/days-between", test_date_days_between);
  g_test_add_func ("/pn/date/within-months", test_date_within_months);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/pn/deadlines/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/pn/deadlines/undated", test_undated);
  g_test_add_func ("/pn/deadlines/ical", test_ical);
  g_test_add_func ("/pn/deadlines/errors", test_errors);

  {
    int status = g_test_run ();

    pn_corpus_unref (corpus);
    return status;
  }
}
