/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader on hostile input (issue 15): bounded reads of regular files
 * only, a parse budget that refuses each kind of excess in one line and
 * within seconds, and the model's rules that the schema cannot state.
 */
#define G_LOG_DOMAIN "test-loader"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pn-core-private.h"
#include "pn-policy-loader.h"

/* 1–2 s on this machine; sanitizer builds set PN_TEST_TIME_FACTOR */
static double
time_limit (void)
{
  const char *factor = g_getenv ("PN_TEST_TIME_FACTOR");

  return 2.0 * (factor != NULL ? g_ascii_strtod (factor, NULL) : 1.0);
}

static PnTaxonomy *
taxonomy (void)
{
  static PnTaxonomy *taxonomy;

  if (taxonomy == NULL)
    {
      g_autoptr(GError) error = NULL;

      taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
      g_assert_no_error (error);
    }
  return taxonomy;
}

/* ---- documents made to measure ---------------------------------------- */

#define HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<policy-document schema-version=\"1\" id=\"%s\" status=\"final\">\n" \
  "  <title><zh>测试</zh><en>Test</en></title>\n" \
  "  <issuer><zh>测试</zh><en>Test</en></issuer>\n" \
  "  <jurisdiction>xiamen</jurisdiction>\n" \
  "  <validity/>\n" \
  "  <source file=\"x.txt\" last-verified=\"2026-01-01\"/>\n"

static GString *
begin_document (const char *id)
{
  GString *xml = g_string_new (NULL);

  g_string_append_printf (xml, HEAD, id);
  return xml;
}

static void
begin_article (GString    *xml,
               const char *number)
{
  g_string_append_printf (xml,
                          "  <article number=\"%s\" chapter=\"一\">\n"
                          "    <heading><zh>标题</zh><en>Heading</en></heading>\n"
                          "    <original>原文</original>\n"
                          "    <summary>Summary</summary>\n", number);
}

static void
add_benefit (GString    *xml,
             const char *id,
             const char *kind,
             const char *inside)
{
  g_string_append_printf (xml,
                          "    <benefit id=\"%s\" kind=\"%s\">\n"
                          "      <title><zh>甲</zh><en>A</en></title>\n"
                          "      %s\n"
                          "    </benefit>\n", id, kind, inside);
}

static GBytes *
end_document (GString *xml,
              gboolean close_article)
{
  if (close_article)
    g_string_append (xml, "  </article>\n");
  g_string_append (xml, "</policy-document>\n");
  return g_string_free_to_bytes (xml);
}

/* one article whose <original> is `original` */
static GBytes *
document_with_original (const char *original)
{
  GString *xml = begin_document ("hostile");

  g_string_append_printf (xml,
                          "  <article number=\"1\" chapter=\"一\">\n"
                          "    <heading><zh>标题</zh><en>Heading</en></heading>\n"
                          "    <original>%s</original>\n"
                          "    <summary>Summary</summary>\n"
                          "  </article>\n", original);
  return end_document (xml, FALSE);
}

static char *
repeat (const char *piece,
        gsize       times)
{
  gsize len = strlen (piece);
  char *text = g_malloc (len * times + 1);

  for (gsize i = 0; i < times; i++)
    memcpy (text + i * len, piece, len);
  text[len * times] = '\0';
  return text;
}

typedef struct
{
  PnDocument *document;
  GError     *error;
  double      seconds;
} Loaded;

static Loaded
load (GBytes   *bytes,
      gboolean  stored)
{
  Loaded loaded = { NULL, NULL, 0 };
  gint64 start = g_get_monotonic_time ();

  if (stored)
    loaded.document = _pn_policy_loader_load_stored_document ("hostile.xml", bytes, taxonomy (),
                                                              &loaded.error);
  else
    loaded.document = pn_policy_loader_load_document ("hostile.xml", bytes, taxonomy (),
                                                      &loaded.error);
  loaded.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return loaded;
}

static void
loaded_clear (Loaded *loaded)
{
  g_clear_pointer (&loaded->document, pn_document_unref);
  g_clear_error (&loaded->error);
}

/* Text that is not UTF-8, or holds a NUL, anywhere among CJK text and
 * markup (before, inside and after the 8-byte steps the check takes over
 * ASCII), is refused before libxml2 sees it; 2-, 3- and 4-byte sequences
 * pass. */
static void
test_not_utf8 (void)
{
  static const char * const bad[] = {
    "\xc0\xaf",          /* overlong "/" */
    "\xe0\x80\xaf",      /* overlong, 3 bytes */
    "\xed\xa0\x80",      /* a UTF-16 surrogate */
    "\xf4\x90\x80\x80",  /* past U+10FFFF */
    "\x80",              /* a lone continuation byte */
    "\xe5\x8e",          /* cut short, then ASCII */
    "\xff",
    "\xc3\xa9\xe5\x8e",  /* a good sequence, then one cut short */
  };
  static const char * const padding[] = { "", "a", "ab原文", "abcdefgh", "原文原文原文原文", "1234567" };

  for (guint b = 0; b < G_N_ELEMENTS (bad) + 1; b++)
    for (guint p = 0; p < G_N_ELEMENTS (padding); p++)
      {
        g_autofree char *text = NULL;
        g_autoptr(GBytes) bytes = NULL;
        Loaded loaded;

        if (b < G_N_ELEMENTS (bad))
          text = g_strconcat (padding[p], bad[b], "xyz 原文 abcdefghijk", NULL);
        else
          text = g_strconcat (padding[p], "é 原文 😀 ok", NULL);
        bytes = document_with_original (text);
        loaded = load (bytes, FALSE);
        if (b < G_N_ELEMENTS (bad))
          {
            g_assert_error (loaded.error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED);
            g_assert_nonnull (strstr (loaded.error->message, "not a UTF-8 text file"));
          }
        else
          g_assert_no_error (loaded.error);
        loaded_clear (&loaded);
      }

  /* a NUL: in the markup, at the very end */
  {
    static const char nul_inside[] = "<?xml version=\"1.0\"?>\n<policy-document>\0</policy-document>\n";
    static const char nul_last[] = "<?xml version=\"1.0\"?>\n<policy-document/>\n\0";
    const struct { const char *data; gsize size; } nuls[] = {
      { nul_inside, sizeof nul_inside - 1 }, { nul_last, sizeof nul_last - 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (nuls); i++)
      {
        g_autoptr(GBytes) bytes = g_bytes_new_static (nuls[i].data, nuls[i].size);
        Loaded loaded = load (bytes, FALSE);

        g_assert_error (loaded.error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED);
        g_assert_nonnull (strstr (loaded.error->message, "not a UTF-8 text file"));
        loaded_clear (&loaded);
      }
  }
}

/* How long a valid document of 40,000 benefits (5.5 MB) takes: the cases
 * of that size may take a few times as long, never the minutes of a
 * quadratic path.  Under the sanitizers (build-aux/test unwinds the stack
 * on every malloc) building the tree alone takes seconds. */
static double
baseline_40000 (void)
{
  static double seconds = -1;

  if (seconds < 0)
    {
      GString *xml = begin_document ("hostile");
      g_autoptr(GBytes) bytes = NULL;
      Loaded loaded;

      begin_article (xml, "1");
      for (guint i = 0; i < 40000; i++)
        {
          g_autofree char *id = g_strdup_printf ("hostile/1/b%u", i);

          add_benefit (xml, id, "fixed", "<amount>1000</amount>");
        }
      bytes = end_document (xml, TRUE);
      loaded = load (bytes, FALSE);
      g_assert_no_error (loaded.error);
      seconds = loaded.seconds;
      g_test_message ("a valid document of 40,000 benefits: %.3f s", seconds);
      loaded_clear (&loaded);
    }

  return seconds;
}

/* One line, naming the file (and a line), with `needle` in it, within
 * `limit` seconds. */
static void
assert_refused_within (Loaded     *loaded,
                       int         code,
                       const char *needle,
                       double      limit)
{
  g_test_message ("%.3f s: %s", loaded->seconds,
                  loaded->error ? loaded->error->message : "(loaded)");
  g_assert_null (loaded->document);
  g_assert_error (loaded->error, PN_POLICY_ERROR, code);
  g_assert_true (g_str_has_prefix (loaded->error->message, "hostile.xml:"));
  g_assert_null (strchr (loaded->error->message, '\n'));
  g_assert_nonnull (strstr (loaded->error->message, needle));
  g_assert_cmpfloat (loaded->seconds, <, limit);
}

/* The same within 1–2 s (times PN_TEST_TIME_FACTOR). */
static void
assert_refused (Loaded     *loaded,
                int         code,
                const char *needle)
{
  g_test_message ("%.3f s: %s", loaded->seconds,
                  loaded->error ? loaded->error->message : "(loaded)");
  g_assert_null (loaded->document);
  g_assert_error (loaded->error, PN_POLICY_ERROR, code);
  g_assert_true (g_str_has_prefix (loaded->error->message, "hostile.xml:"));
  g_assert_null (strchr (loaded->error->message, '\n'));
  g_assert_nonnull (strstr (loaded->error->message, needle));
  g_assert_cmpfloat (loaded->seconds, <, time_limit ());
}

/* ---- the parse budget (issue 15, item 3) -------------------------------- */

/* `a<!--c-->` repeated in one element: 9 MB took 8.5 s and 372 MB, since
 * libxml2's validator joined a million text pieces with a strlen() each.
 * Comments are not kept: the text is one piece, and the answer is right. */
static void
test_budget_comments_in_text (void)
{
  /* 2^20 pieces: 9 MiB, and 1 MiB of text once the comments are gone */
  g_autofree char *original = repeat ("a<!--c-->", 1024 * 1024);
  g_autoptr(GBytes) bytes = document_with_original (original);
  Loaded loaded = load (bytes, FALSE);

  g_test_message ("9 MiB of a<!--c-->: %.3f s", loaded.seconds);
  g_assert_no_error (loaded.error);
  g_assert_nonnull (loaded.document);
  g_assert_cmpuint (strlen (((PnArticle *) g_ptr_array_index (loaded.document->articles, 0))->original),
                    ==, 1024 * 1024);
  g_assert_cmpfloat (loaded.seconds, <, time_limit ());
  loaded_clear (&loaded);
}

static void
test_budget_comments_past_text_limit (void)
{
  /* 18 MiB: the joined text is past the limit */
  g_autofree char *original = repeat ("a<!--c-->", 2 * 1024 * 1024);
  g_autoptr(GBytes) bytes = document_with_original (original);
  Loaded loaded = load (bytes, FALSE);

  assert_refused (&loaded, PN_POLICY_ERROR_TOO_LARGE, "a text longer than 1 MiB (the limit)");
  loaded_clear (&loaded);
}

/* 100,000 attributes on one element (1.1 MB): 43 s in libxml2's duplicate
 * attribute check, which runs before any callback. */
static void
test_budget_attributes (void)
{
  GString *xml = begin_document ("hostile");
  g_autoptr(GBytes) bytes = NULL;
  Loaded loaded;

  g_string_append (xml, "  <article number=\"1\" chapter=\"一\"");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (xml, " a%u=\"1\"", i);
  g_string_append (xml, "/>\n");
  bytes = end_document (xml, FALSE);

  loaded = load (bytes, FALSE);
  assert_refused (&loaded, PN_POLICY_ERROR_TOO_LARGE, "hostile.xml:8: an element has more than 32 attributes");
  loaded_clear (&loaded);
}

/* The lexical count follows quotes, comments and CDATA: `=` and `>` in
 * them are not attributes, and 32 attributes are fine. */
static void
test_budget_attributes_lexical (void)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<!-- a=1 b=2 > <x");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (xml, " a%u=\"1\"", i);
  g_string_append (xml, " -->\n<policy-document schema-version=\"1\" id=\"x=y>\" status='a=\"b\">'");
  for (guint i = 0; i < 29; i++)
    g_string_append_printf (xml, " a%u=\"=>=\"", i);
  g_string_append (xml, "><![CDATA[ <y a=1 b=2 c=3 d=4 ]]></policy-document>\n");
  bytes = g_string_free_to_bytes (xml);

  document = pn_policy_loader_load_document ("lexical.xml", bytes, NULL, &error);
  /* refused by the schema, not by the attribute count */
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
  g_assert_null (strstr (error->message, "attributes (the limit)"));
}

/* 40,000 benefits sharing one id: 28 s to validate, 35 s to import. */
static void
test_budget_duplicate_ids (void)
{
  GString *xml = begin_document ("hostile");
  g_autoptr(GBytes) bytes = NULL;
  Loaded loaded;

  begin_article (xml, "1");
  for (guint i = 0; i < 40000; i++)
    add_benefit (xml, "hostile/1/same", "fixed", "<amount>1000</amount>");
  bytes = end_document (xml, TRUE);

  loaded = load (bytes, FALSE);
  assert_refused_within (&loaded, PN_POLICY_ERROR_INVALID, "hostile.xml:16: benefit id “hostile/1/same” is used twice",
                         MAX (time_limit (), 3 * baseline_40000 ()));
  loaded_clear (&loaded);
}

/* 40,000 invalid benefits: libxml2 reports each error, and with a URL on
 * the document it walked every earlier node to report one (O(n²)). */
static void
test_budget_many_errors (void)
{
  GString *xml = begin_document ("hostile");
  g_autoptr(GBytes) bytes = NULL;
  Loaded loaded;

  begin_article (xml, "1");
  for (guint i = 0; i < 40000; i++)
    {
      g_autofree char *id = g_strdup_printf ("hostile/1/b%u", i);

      add_benefit (xml, id, "bogus", "<amount>1000</amount>");
    }
  bytes = end_document (xml, TRUE);

  loaded = load (bytes, FALSE);
  assert_refused_within (&loaded, PN_POLICY_ERROR_INVALID, "hostile.xml:12: Element 'benefit', attribute 'kind'",
                         MAX (time_limit (), 3 * baseline_40000 ()));
  loaded_clear (&loaded);
}

static void
test_budget_depth (void)
{
  g_autofree char *open = repeat ("<x>", 40);
  g_autofree char *close = repeat ("</x>", 40);
  g_autofree char *original = g_strconcat (open, close, NULL);
  g_autoptr(GBytes) bytes = document_with_original (original);
  Loaded loaded = load (bytes, FALSE);

  assert_refused (&loaded, PN_POLICY_ERROR_TOO_LARGE, "elements nested more than 32 deep (the limit)");
  loaded_clear (&loaded);
}

static void
test_budget_text (void)
{
  g_autofree char *original = repeat ("文", 2 * 1024 * 1024 / 3 + 1);
  g_autoptr(GBytes) bytes = document_with_original (original);
  Loaded loaded = load (bytes, FALSE);

  assert_refused (&loaded, PN_POLICY_ERROR_TOO_LARGE, "hostile.xml:10: a text longer than 1 MiB (the limit)");
  loaded_clear (&loaded);
}

static void
test_budget_nodes (void)
{
  g_autofree char *original = repeat ("<x/>", PN_POLICY_MAX_NODES);
  g_autoptr(GBytes) bytes = document_with_original (original);
  Loaded loaded = load (bytes, FALSE);

  /* the tree is built up to the limit: as long as a large valid document */
  assert_refused_within (&loaded, PN_POLICY_ERROR_TOO_LARGE, "more than 2000000 elements and texts (the limit)",
                         MAX (time_limit (), 3 * baseline_40000 ()));
  loaded_clear (&loaded);
}

static void
test_budget_time (void)
{
  g_autofree char *original = repeat ("<x/>", 100000);
  g_autoptr(GBytes) bytes = document_with_original (original);
  Loaded loaded;

  _pn_policy_loader_set_max_seconds (1e-6);
  loaded = load (bytes, FALSE);
  _pn_policy_loader_set_max_seconds (0);

  assert_refused (&loaded, PN_POLICY_ERROR_TOO_LARGE, "parsing took longer than 1e-06 s (the limit)");
  loaded_clear (&loaded);
}

static void
test_budget_file_size (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_malloc0 (PN_POLICY_MAX_BYTES + 1), PN_POLICY_MAX_BYTES + 1);
  Loaded loaded = load (bytes, FALSE);

  g_assert_error (loaded.error, PN_POLICY_ERROR, PN_POLICY_ERROR_TOO_LARGE);
  g_assert_cmpstr (loaded.error->message, ==, "hostile.xml: the file is larger than 64 MiB (the limit)");
  loaded_clear (&loaded);
}

/* ---- reading files (issue 15, item 7) --------------------------------- */

static void
assert_read_refused (const char *path,
                     int         code,
                     const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  bytes = pn_policy_loader_read_file (file, PN_POLICY_MAX_BYTES, &error);
  g_test_message ("%s: %s", path, error ? error->message : "(read)");
  g_assert_null (bytes);
  g_assert_error (error, PN_POLICY_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpfloat ((g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, <, time_limit ());
}

static void
test_read_not_regular (void)
{
  g_autofree char *fifo = g_build_filename (g_get_user_cache_dir (), "fifo", NULL);
  g_autofree char *dir = g_strdup (g_get_user_cache_dir ());
  g_autofree char *fifo_message = NULL;
  g_autofree char *dir_message = NULL;
  g_autofree char *link = g_build_filename (g_get_user_cache_dir (), "link-to-fifo", NULL);
  g_autofree char *link_message = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (fifo, link), ==, 0);

  /* would block forever if it were opened for reading */
  fifo_message = g_strdup_printf ("%s: not a regular file (a FIFO)", fifo);
  assert_read_refused (fifo, PN_POLICY_ERROR_IO, fifo_message);
  link_message = g_strdup_printf ("%s: not a regular file (a FIFO)", link);
  assert_read_refused (link, PN_POLICY_ERROR_IO, link_message);
  dir_message = g_strdup_printf ("%s: not a regular file (a folder)", dir);
  assert_read_refused (dir, PN_POLICY_ERROR_IO, dir_message);
  assert_read_refused ("/dev/zero", PN_POLICY_ERROR_IO, "/dev/zero: not a regular file (a device)");
  assert_read_refused ("/dev/null", PN_POLICY_ERROR_IO, "/dev/null: not a regular file (a device)");
  /* reports 0 bytes and holds terabytes: read until GLib's allocation abort */
  assert_read_refused ("/proc/self/pagemap", PN_POLICY_ERROR_IO,
                       "/proc/self/pagemap: not a regular file (a file of /proc, /sys or a similar file system)");
  assert_read_refused ("/nonexistent/policy.xml", PN_POLICY_ERROR_IO,
                       "/nonexistent/policy.xml: No such file or directory");
}

static void
test_read_bounded (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "big.xml", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "0123456789", 10, NULL));

  bytes = pn_policy_loader_read_file (file, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 10);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = pn_policy_loader_read_file (file, 9, &error);
  message = g_strdup_printf ("%s: the file is larger than 9 bytes (the limit)", path);
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (bytes);
}

/* import validates and stores the same bytes: the loader hands them back */
static void
test_read_once (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "..", "data", "policies", "jinjiang-2025-8.xml", NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(PnDocument) document = NULL;

  document = pn_policy_loader_load_document_file_bytes (file, taxonomy (), &bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->id, ==, "jinjiang-2025-8");
  again = pn_policy_loader_read_file (file, PN_POLICY_MAX_BYTES, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));
}

/* ---- the model's rules (issue 15, smaller items) ------------------------ */

typedef struct
{
  const char *name;
  const char *benefits;   /* benefits of article 1, ids under "doc/1/" */
  int         code;       /* 0: valid */
  const char *message;    /* the whole message */
} ModelCase;

static const ModelCase model_cases[] = {
  { "self-top-up",
    "<benefit id=\"doc/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"doc/1/a\"/></benefit>",
    PN_POLICY_ERROR_MODEL, "doc.xml:12: benefit “doc/1/a” tops itself up" },
  { "cycle",
    "<benefit id=\"doc/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"doc/1/b\"/></benefit>\n"
    "<benefit id=\"doc/1/b\" kind=\"top-up\"><title><zh>乙</zh><en>B</en></title><amount>10</amount><tops-up ref=\"doc/1/c\"/></benefit>\n"
    "<benefit id=\"doc/1/c\" kind=\"top-up\"><title><zh>丙</zh><en>C</en></title><amount>10</amount><tops-up ref=\"doc/1/a\"/></benefit>",
    PN_POLICY_ERROR_MODEL, "doc.xml:12: top-ups form a cycle: doc/1/a → doc/1/b → doc/1/c → doc/1/a" },
  { "chain",
    "<benefit id=\"doc/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"doc/1/b\"/><tops-up ref=\"doc/1/c\"/></benefit>\n"
    "<benefit id=\"doc/1/b\" kind=\"top-up\"><title><zh>乙</zh><en>B</en></title><amount>10</amount><tops-up ref=\"doc/1/c\"/></benefit>\n"
    "<benefit id=\"doc/1/c\" kind=\"fixed\"><title><zh>丙</zh><en>C</en></title><amount>10</amount></benefit>",
    0, NULL },
  { "unknown-in-document",
    "<benefit id=\"doc/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"doc/1/nothing\"/></benefit>",
    PN_POLICY_ERROR_MODEL, "doc.xml:12: unknown benefit to top up “doc/1/nothing”" },
  { "stages-short",
    "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title><amount>10</amount>"
    "<staged-payment><stage share=\"0.4\"/><stage share=\"0.5\"/></staged-payment></benefit>",
    PN_POLICY_ERROR_MODEL, "doc.xml:12: the stages of benefit “doc/1/a” add up to 0.9, not 1" },
  { "stages-over",
    "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title><amount>10</amount>"
    "<staged-payment><stage share=\"0.5\"/><stage share=\"0.5001\"/></staged-payment></benefit>",
    PN_POLICY_ERROR_MODEL, "doc.xml:12: the stages of benefit “doc/1/a” add up to 1.0001, not 1" },
  { "stages-thirds",
    "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title><amount>10</amount>"
    "<staged-payment><stage share=\"0.3333\"/><stage share=\"0.3333\"/><stage share=\"0.3334\"/></staged-payment></benefit>",
    0, NULL },
  { "amount-past-max",
    "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title><amount>1000000000001</amount></benefit>",
    PN_POLICY_ERROR_INVALID, NULL },
  { "base-without-rate",
    "<benefit id=\"doc/1/a\" kind=\"rate\"><title><zh>甲</zh><en>A</en></title><base>rd-investment</base></benefit>",
    PN_POLICY_ERROR_MODEL, "doc.xml:12: benefit “doc/1/a” is a share of rd-investment (<base>) but gives no <rate>" },
  { "amount-max",
    "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title><amount>1000000000000</amount></benefit>",
    0, NULL },
};

static GBytes *
model_document (const char *id,
                const char *benefits)
{
  GString *xml = begin_document (id);

  begin_article (xml, "1");
  g_string_append (xml, benefits);
  g_string_append_c (xml, '\n');
  return end_document (xml, TRUE);
}

static void
test_model_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (model_cases); i++)
    {
      const ModelCase *c = &model_cases[i];

      for (guint stored = 0; stored < 2; stored++)
        {
          g_autoptr(GBytes) bytes = model_document ("doc", c->benefits);
          g_autoptr(GError) error = NULL;
          g_autoptr(PnDocument) document = NULL;

          g_test_message ("%s%s", c->name, stored ? " (stored)" : "");
          if (stored)
            document = _pn_policy_loader_load_stored_document ("doc.xml", bytes, taxonomy (), &error);
          else
            document = pn_policy_loader_load_document ("doc.xml", bytes, taxonomy (), &error);

          if (c->code == 0)
            {
              g_assert_no_error (error);
              g_assert_nonnull (document);
              continue;
            }
          g_assert_null (document);
          g_assert_error (error, PN_POLICY_ERROR, c->code);
          if (c->message != NULL)
            g_assert_cmpstr (error->message, ==, c->message);
        }
    }
}

/* What the schema would refuse reaches the loader from the database
 * without the schema: an error naming the line, never an assertion. */
static const struct
{
  const char *name;
  const char *benefits;
  const char *message;
} stored_cases[] = {
  { "unknown-kind", "<benefit id=\"doc/1/a\" kind=\"bogus\"><title><zh>甲</zh><en>A</en></title></benefit>",
    "doc.xml:12: benefit “doc/1/a” has an unknown kind “bogus”" },
  { "no-kind", "<benefit id=\"doc/1/a\"><title><zh>甲</zh><en>A</en></title></benefit>",
    "doc.xml:12: <benefit> has no kind attribute" },
  { "no-id", "<benefit kind=\"fixed\"><title><zh>甲</zh><en>A</en></title></benefit>",
    "doc.xml:12: <benefit> has no id attribute" },
  { "no-title", "<benefit id=\"doc/1/a\" kind=\"fixed\"/>",
    "doc.xml:12: <benefit> has no <title>" },
  { "unknown-condition", "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>\n<conditions><colour>red</colour></conditions></benefit>",
    "doc.xml:13: unknown condition <colour>" },
  { "twice-condition", "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>\n<conditions><phase>phase-1</phase><phase>phase-2</phase></conditions></benefit>",
    "doc.xml:13: the condition <phase> is given twice" },
  { "bad-rate", "<benefit id=\"doc/1/a\" kind=\"rate\"><title><zh>甲</zh><en>A</en></title>\n<rate>-2</rate></benefit>",
    "doc.xml:13: “-2” is not a rate between 0 and 1" },
  { "bad-amount", "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>\n<amount>1e9</amount></benefit>",
    "doc.xml:13: “1e9” is not a whole number of yuan between 0 and 1000000000000" },
  { "no-share", "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>\n<staged-payment><stage/></staged-payment></benefit>",
    "doc.xml:13: “” is not a rate between 0 and 1" },
  { "bad-figure", "<benefit id=\"doc/1/a\" kind=\"rate\"><title><zh>甲</zh><en>A</en></title>\n<base>height</base></benefit>",
    "doc.xml:13: unknown figure “height”" },
  { "unit-no-ref", "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>\n<units><unit role=\"lead\"/></units></benefit>",
    "doc.xml:13: <unit> has no ref attribute" },
  /* `&#10;` survives attribute normalisation: still one line */
  { "newline-in-value", "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>\n<units><unit ref=\"a&#10;b\" role=\"lead\"/></units></benefit>",
    "doc.xml:12: unknown responsible unit “a b” (neither in the taxonomy nor in the document's local-units)" },
  { "unknown-cap", "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title>\n<annual-cap ref=\"doc/caps/x\"/></benefit>",
    "doc.xml:12: unknown annual cap “doc/caps/x”" },
};

static void
test_stored_without_schema (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (stored_cases); i++)
    {
      g_autoptr(GBytes) bytes = model_document ("doc", stored_cases[i].benefits);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnDocument) document = NULL;

      g_test_message ("%s", stored_cases[i].name);
      document = _pn_policy_loader_load_stored_document ("doc.xml", bytes, taxonomy (), &error);
      g_assert_null (document);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, stored_cases[i].message);
    }
}

/* A quark lives as long as the process: what a file names that is no
 * answer of the taxonomy must not become one, whether the model is built
 * without the schema (a stored document) or while the schema check runs
 * in another thread (an import), which then refuses the file. */
static void
test_unknown_answers_not_kept (void)
{
  static const char benefit[] =
    "<benefit id=\"doc/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title><amount>10</amount>"
    "<conditions><drug-class review=\"pn-never-an-answer-review\">innovative pn-never-an-answer</drug-class>"
    "</conditions></benefit>";
  g_autoptr(GBytes) bytes = model_document ("doc", benefit);
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) stored = NULL;
  g_autoptr(PnDocument) imported = NULL;
  PnLoaderValidation *validation = NULL;
  PnBenefit *benefit_of;
  PnCondition *condition;

  stored = _pn_policy_loader_load_stored_document ("doc.xml", bytes, taxonomy (), &error);
  g_assert_no_error (error);
  benefit_of = g_ptr_array_index (((PnArticle *) g_ptr_array_index (stored->articles, 0))->benefits, 0);
  condition = g_ptr_array_index (benefit_of->conditions, 0);
  /* the term is an answer, the rest meets none */
  g_assert_cmpuint (condition->value_quarks[0], ==, g_quark_try_string ("innovative"));
  g_assert_cmpuint (condition->value_quarks[1], ==, 0);
  g_assert_cmpuint (condition->review_quarks[0], ==, 0);

  imported = _pn_policy_loader_load_document_validating ("doc.xml", bytes, taxonomy (), &validation, &error);
  if (imported != NULL)
    g_assert_false (_pn_loader_validation_finish (validation, &error));
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);

  g_assert_cmpuint (g_quark_try_string ("pn-never-an-answer"), ==, 0);
  g_assert_cmpuint (g_quark_try_string ("pn-never-an-answer-review"), ==, 0);
}

static PnCorpus *
bundled_corpus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = pn_policy_loader_load_bundled_documents (taxonomy (), &error);

  g_assert_no_error (error);
  return pn_corpus_new (taxonomy (), documents);
}

/* What import refuses, validate refuses too: references checked against
 * the documents a corpus holds, cycles across documents. */
static void
test_check_in_corpus (void)
{
  g_autoptr(PnCorpus) corpus = bundled_corpus ();
  static const struct
  {
    const char *id;
    const char *benefits;
    const char *message;
  } cases[] = {
    { "doc", "<benefit id=\"doc/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"xiamen-2023-17/1/innovative-phase-2\"/></benefit>",
      NULL },
    { "doc", "<benefit id=\"doc/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"xiamen-2023-17/1/nothing\"/></benefit>",
      "doc.xml:12: unknown benefit to top up “xiamen-2023-17/1/nothing”" },
    { "doc", "<benefit id=\"doc/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"nodoc/1/a\"/></benefit>",
      "doc.xml:12: unknown benefit to top up “nodoc/1/a”" },
    /* replacing Fujian's task list without the awards Jinjiang tops up */
    { "fujian-2022-tasks", "<benefit id=\"fujian-2022-tasks/1/a\" kind=\"fixed\"><title><zh>甲</zh><en>A</en></title><amount>10</amount></benefit>",
      "doc.xml:1: “jinjiang-2025-8/1.1/innovative-phase-1” (jinjiang-2025-8.xml:*) tops up “fujian-2022-tasks/11/innovative-phase-1”, which this document does not have" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = model_document (cases[i].id, cases[i].benefits);
      g_autoptr(GError) error = NULL;
      g_autoptr(PnDocument) document = NULL;

      document = pn_policy_loader_load_document ("doc.xml", bytes, taxonomy (), &error);
      g_assert_no_error (error);
      if (pn_policy_loader_check_in_corpus (corpus, document, &error))
        g_assert_null (cases[i].message);
      else
        {
          /* `*`: a line of a bundled document, which may move */
          g_test_message ("%s", error->message);
          g_assert_nonnull (cases[i].message);
          g_assert_true (g_pattern_match_simple (cases[i].message, error->message));
        }
    }

  /* the bundled documents pass as they are */
  {
    g_autoptr(GPtrArray) headers = pn_corpus_list_documents (corpus, NULL);

    g_assert_nonnull (headers);
    for (guint i = 0; i < headers->len; i++)
      {
        g_autoptr(GError) error = NULL;
        PnDocument *header = g_ptr_array_index (headers, i);
        PnDocument *whole = pn_corpus_find_document (corpus, header->id, &error);

        g_assert_no_error (error);
        pn_policy_loader_check_in_corpus (corpus, whole, &error);
        g_assert_no_error (error);
      }
  }
}

/* a → b in one document, b → a in another: a cycle only a corpus shows */
static void
test_cycle_across_documents (void)
{
  g_autoptr(GBytes) first_bytes = model_document ("one",
    "<benefit id=\"one/1/a\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title><amount>10</amount><tops-up ref=\"two/1/b\"/></benefit>");
  g_autoptr(GBytes) second_bytes = model_document ("two",
    "<benefit id=\"two/1/b\" kind=\"top-up\"><title><zh>乙</zh><en>B</en></title><amount>10</amount><tops-up ref=\"one/1/a\"/></benefit>");
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) first = NULL;
  g_autoptr(PnDocument) second = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);
  g_autoptr(PnCorpus) corpus = NULL;

  first = pn_policy_loader_load_document ("one.xml", first_bytes, taxonomy (), &error);
  g_assert_no_error (error);
  second = pn_policy_loader_load_document ("two.xml", second_bytes, taxonomy (), &error);
  g_assert_no_error (error);

  /* "one" was imported while "two" did not exist yet … */
  g_ptr_array_add (documents, pn_document_ref (first));
  corpus = pn_corpus_new (taxonomy (), documents);
  /* … "two" closes the cycle */
  g_assert_false (pn_policy_loader_check_in_corpus (corpus, second, &error));
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MODEL);
  g_assert_cmpstr (error->message, ==, "two.xml:12: top-ups form a cycle: two/1/b → one/1/a → two/1/b");
}

/* A chain of 100,000 top-ups is checked without recursion, in linear time. */
static void
test_long_chain (void)
{
  GString *xml = begin_document ("doc");
  g_autoptr(GBytes) bytes = NULL;
  Loaded loaded;

  begin_article (xml, "1");
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (xml,
                            "<benefit id=\"doc/1/b%u\" kind=\"top-up\"><title><zh>甲</zh><en>A</en></title>"
                            "<amount>10</amount><tops-up ref=\"doc/1/b%u\"/></benefit>\n",
                            i, (i + 1) % 100000);
  bytes = end_document (xml, TRUE);

  loaded = load (bytes, FALSE);
  g_assert_error (loaded.error, PN_POLICY_ERROR, PN_POLICY_ERROR_MODEL);
  g_assert_true (g_str_has_prefix (loaded.error->message,
                                   "hostile.xml:12: top-ups form a cycle: doc/1/b0 → doc/1/b1 → doc/1/b2 → … → doc/1/b99999 → doc/1/b0"));
  /* 2.5 times the baseline's size, checked in linear time */
  g_assert_cmpfloat (loaded.seconds, <, MAX (2 * time_limit (), 8 * baseline_40000 ()));
  loaded_clear (&loaded);
}

/* An annual cap id of another document: the engine holds awards under a
 * cap by its id, across documents, so a file's award under its own ¥1 cap
 * counted in full under Xiamen's.  Refused at the line of the cap. */
static void
test_cap_of_another_document (void)
{
  GString *xml = begin_document ("doc");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;

  g_string_append (xml, "  <annual-cap id=\"xiamen-2023-17/caps/clinical-stage\" amount=\"1\" per=\"enterprise\" article=\"1\">"
                        "<zh>上限</zh><en>Cap</en></annual-cap>\n");
  begin_article (xml, "1");
  add_benefit (xml, "doc/1/a", "fixed", "<amount>30000000</amount><annual-cap ref=\"xiamen-2023-17/caps/clinical-stage\"/>");
  bytes = end_document (xml, TRUE);
  document = pn_policy_loader_load_document ("doc.xml", bytes, taxonomy (), &error);
  g_assert_null (document);
  g_assert_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "annual cap id “xiamen-2023-17/caps/clinical-stage” must start with “doc/caps/”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pn/loader/not-utf8", test_not_utf8);
  g_test_add_func ("/pn/loader/budget/comments-in-text", test_budget_comments_in_text);
  g_test_add_func ("/pn/loader/budget/comments-past-text-limit", test_budget_comments_past_text_limit);
  g_test_add_func ("/pn/loader/budget/attributes", test_budget_attributes);
  g_test_add_func ("/pn/loader/budget/attributes-lexical", test_budget_attributes_lexical);
  g_test_add_func ("/pn/loader/budget/duplicate-ids", test_budget_duplicate_ids);
  g_test_add_func ("/pn/loader/budget/many-errors", test_budget_many_errors);
  g_test_add_func ("/pn/loader/budget/depth", test_budget_depth);
  g_test_add_func ("/pn/loader/budget/text", test_budget_text);
  g_test_add_func ("/pn/loader/budget/nodes", test_budget_nodes);
  g_test_add_func ("/pn/loader/budget/time", test_budget_time);
  g_test_add_func ("/pn/loader/budget/file-size", test_budget_file_size);
  g_test_add_func ("/pn/loader/read/not-regular", test_read_not_regular);
  g_test_add_func ("/pn/loader/read/bounded", test_read_bounded);
  g_test_add_func ("/pn/loader/read/once", test_read_once);
  g_test_add_func ("/pn/loader/model/rules", test_model_rules);
  g_test_add_func ("/pn/loader/model/stored-without-schema", test_stored_without_schema);
  g_test_add_func ("/pn/loader/model/unknown-answers-not-kept", test_unknown_answers_not_kept);
  g_test_add_func ("/pn/loader/model/check-in-corpus", test_check_in_corpus);
  g_test_add_func ("/pn/loader/model/cap-of-another-document", test_cap_of_another_document);
  g_test_add_func ("/pn/loader/model/cycle-across-documents", test_cycle_across_documents);
  g_test_add_func ("/pn/loader/model/long-chain", test_long_chain);

  return g_test_run ();
}
