/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-common.h"

#include "pn-impact.h"
#include "pn-policy-loader.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "pn-compare.h"
#include "pn-deadlines.h"
#include "pn-money.h"
#include "pn-pipeline.h"

/* The schema's largest amount (data/schema/policy.xsd, type Yuan): a
 * figure beyond it is a typing error, and keeping figures this small
 * keeps every total exact (pn-money.h). */
#define PNAV_YUAN_MAX PN_MONEY_MAX

G_DEFINE_QUARK (pnav-error-quark, pnav_error)

/* the database this process opened, which no --output may replace */
static char *open_db_path;

void
pnav_context_init (PnavContext *self,
                   const char  *command,
                   const char  *global_db)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->command = command;
  self->global_db = g_strdup (global_db);
  /* the database a command that never opens it would still clobber
   * (draft --output): the one it would open; opening it says which */
  g_free (open_db_path);
  open_db_path = global_db != NULL ? g_strdup (global_db) : pn_store_default_path ();
  self->format = PNAV_FORMAT_TEXT;
  for (guint i = 0; i < PN_N_FIGURES; i++)
    self->profile_options.figures[i] = PN_YUAN_UNSET;
}

/* pnav exits as soon as a command is done.  What the command built (the
 * corpus with every row it read, the results) is left for the kernel to
 * take back with the process: freeing tens of thousands of blocks one by
 * one was a tenth of a large `pnav match`.  Held here, so that leak
 * checkers see it is kept on purpose. */
static GPtrArray *left_at_exit;

void
pnav_leave_at_exit (gpointer data)
{
  if (data == NULL)
    return;
  if (left_at_exit == NULL)
    left_at_exit = g_ptr_array_new ();
  g_ptr_array_add (left_at_exit, data);
}

void
pnav_context_clear (PnavContext *self)
{
  PnavProfileOptions *opts;

  g_return_if_fail (self != NULL);

  opts = &self->profile_options;
  g_clear_pointer (&opts->location, g_free);
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    g_clear_pointer (&opts->answers[i], g_free);
  g_clear_pointer (&opts->as_of, g_free);
  g_clear_pointer (&opts->profile, g_free);

  if (self->corpus != NULL)
    {
      /* the database itself is closed properly (its -wal and -shm files
       * go), the rows read from it are not freed */
      pn_corpus_release_store (self->corpus);
      pnav_leave_at_exit (g_steal_pointer (&self->corpus));
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->global_db, g_free);
  g_clear_pointer (&self->db, g_free);
}

/* ---- output ---------------------------------------------------------- */

/* ---- text from files, the database and the user ---------------------- */

/* Bidirectional controls and the Unicode line separators: U+202E in a
 * title shown "¥000,000,21" where ¥12,000,000 was meant, and U+2028
 * starts a line a terminal shows as the program's own. */
static gboolean
is_format_control (gunichar c)
{
  return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x2028 && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

/* Whether `c` may not reach a terminal as it is: C0 controls (ESC starts
 * escape sequences), DEL and C1 controls (U+009B is a CSI of its own),
 * and the format controls above. */
static gboolean
is_control (gunichar c,
            gboolean keep_layout)
{
  if (keep_layout && (c == '\n' || c == '\t'))
    return FALSE;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || is_format_control (c);
}

char *
pnav_join_escaped (GStrv names)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name = pnav_escape (names[i], FALSE);

      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, name);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

char *
pnav_escape (const char *text,
             gboolean    keep_layout)
{
  g_autofree char *valid = NULL;
  GString *escaped;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  escaped = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* as a JSON escape: inside JSON output it means the same character */
      if (is_control (c, keep_layout))
        g_string_append_printf (escaped, "\\u%04x", (guint) c);
      else
        g_string_append_unichar (escaped, c);
    }

  return g_string_free (escaped, FALSE);
}

/* Whether valid UTF-8 `text` holds a character is_control() refuses (a
 * tab and a new line are layout): byte by byte, as a C0 control or DEL is
 * one byte and a C1 control the two bytes C2 80–C2 9F. */
static gboolean
has_control (const char *text,
             gsize       length)
{
  const guchar *p = (const guchar *) text;

  for (gsize i = 0; i < length; i++)
    {
      if ((p[i] < 0x20 && p[i] != '\n' && p[i] != '\t') || p[i] == 0x7f)
        return TRUE;
      if (p[i] == 0xc2 && i + 1 < length && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
        return TRUE;
      /* U+061C, U+200E–U+200F, U+2028–U+202E, U+2066–U+2069 */
      if ((p[i] == 0xd8 && i + 1 < length && p[i + 1] == 0x9c) ||
          (p[i] == 0xe2 && i + 2 < length && p[i + 1] == 0x80 &&
           (p[i + 2] == 0x8e || p[i + 2] == 0x8f || (p[i + 2] >= 0xa8 && p[i + 2] <= 0xae))) ||
          (p[i] == 0xe2 && i + 2 < length && p[i + 1] == 0x81 && p[i + 2] >= 0xa6 && p[i + 2] <= 0xa9))
        return TRUE;
    }
  return FALSE;
}

static void
write_to (FILE       *stream,
          const char *text,
          gsize       length)
{
  g_autofree char *escaped = NULL;

  /* most output has nothing to escape: no second copy of a large one */
  if (!g_utf8_validate_len (text, length, NULL) || has_control (text, length))
    {
      escaped = pnav_escape (text, TRUE);
      text = escaped;
      length = strlen (escaped);
    }
  fwrite (text, 1, length, stream);
}

static void
print_to (FILE       *stream,
          const char *format,
          va_list     args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);

  write_to (stream, text, strlen (text));
}

void
pnav_print_text (GString *text)
{
  write_to (stdout, text->str, text->len);
}

void
pnav_print_json_text (GString *text)
{
  /* pn-json-writer's output is valid UTF-8 with every control character
   * escaped: nothing for write_to() to do */
  fwrite (text->str, 1, text->len, stdout);
}

void
pnav_print (const char *format,
            ...)
{
  va_list args;

  va_start (args, format);
  print_to (stdout, format, args);
  va_end (args);
}

void
pnav_printerr (const char *format,
               ...)
{
  va_list args;

  va_start (args, format);
  print_to (stderr, format, args);
  va_end (args);
  fflush (stderr);
}

void
pnav_print_json (JsonNode *node)
{
  g_autofree char *text = NULL;

  g_return_if_fail (node != NULL);

  text = pn_export_json_to_string (node, TRUE);
  pnav_print ("%s\n", text);
}

/* ---- errors ---------------------------------------------------------- */

int
pnav_exit_status_for_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, PNAV_EXIT_DATA);

  if (error->domain == PNAV_ERROR)
    return error->code == PNAV_ERROR_USAGE ? PNAV_EXIT_USAGE : PNAV_EXIT_DATA;

  if (error->domain == G_OPTION_ERROR)
    return PNAV_EXIT_USAGE;

  /* A document id or profile name that is not there is a bad value; an
   * import over a taken id is fixed by --replace. */
  if (g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND)
      || g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS))
    return PNAV_EXIT_USAGE;

  /* Values the core refuses: locations, products, phases, dates. */
  if (error->domain == PN_COMPARE_ERROR || error->domain == PN_PIPELINE_ERROR ||
      g_error_matches (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_LOCATION) ||
      g_error_matches (error, PN_DEADLINES_ERROR, PN_DEADLINES_ERROR_DATE))
    return PNAV_EXIT_USAGE;

  /* Everything else comes from a file or the database. */
  return PNAV_EXIT_DATA;
}

int
pnav_report_error (PnavContext  *self,
                   const GError *error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (error != NULL, PNAV_EXIT_DATA);

  /* one line, whatever the message quotes */
  message = pnav_escape (error->message, FALSE);
  pnav_printerr ("pnav: %s\n", message);

  if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
    {
      if (self != NULL && self->command != NULL)
        pnav_printerr (_("Run “pnav %s --help” to see the options.\n"), self->command);
      else
        pnav_printerr (_("Run “pnav --help” to see the options.\n"));
    }

  return pnav_exit_status_for_error (error);
}

/* ---- values ---------------------------------------------------------- */

char *
pnav_arg_to_utf8 (const char  *arg,
                  const char  *option_name,
                  GError     **error)
{
  char *utf8;

  g_return_val_if_fail (arg != NULL, NULL);

  if (g_utf8_validate (arg, -1, NULL))
    return g_strdup (arg);

  utf8 = g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);
  if (utf8 != NULL)
    return utf8;

  {
    g_autofree char *shown = g_utf8_make_valid (arg, -1);

    if (option_name != NULL)
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("%s: “%s” is not valid text in this locale"),
                   option_name, shown);
    else
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("“%s” is not valid text in this locale"), shown);
  }

  return NULL;
}

gboolean
pnav_parse_yuan (const char  *option_name,
                 const char  *value,
                 gint64      *out_yuan,
                 GError     **error)
{
  guint64 yuan = 0;
  gboolean digits = value[0] != '\0';

  for (const char *p = value; *p != '\0' && digits; p++)
    digits = g_ascii_isdigit (*p);

  if (!digits)
    {
      g_autofree char *shown = g_utf8_make_valid (value, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: invalid amount “%s”; expected a whole number of yuan "
                     "written with digits only (200万元 is 2000000)"),
                   option_name, shown);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (value, 10, 0, PNAV_YUAN_MAX, &yuan, NULL))
    {
      g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, PNAV_YUAN_MAX);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: amount “%s” is too large; the largest accepted is %s yuan"),
                   option_name, value, max);
      return FALSE;
    }

  *out_yuan = (gint64) yuan;
  return TRUE;
}

static gboolean
parse_date (const char  *option_name,
            const char  *value,
            GError     **error)
{
  gboolean shape = strlen (value) == 10;

  for (guint i = 0; shape && i < 10; i++)
    shape = (i == 4 || i == 7) ? value[i] == '-' : g_ascii_isdigit (value[i]);

  if (shape)
    {
      guint year = (guint) g_ascii_strtoull (value, NULL, 10);
      guint month = (guint) g_ascii_strtoull (value + 5, NULL, 10);
      guint day = (guint) g_ascii_strtoull (value + 8, NULL, 10);

      if (g_date_valid_dmy (day, month, year))
        return TRUE;
    }

  {
    g_autofree char *shown = g_utf8_make_valid (value, -1);

    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("%s: invalid date “%s”; expected a real date as YYYY-MM-DD"),
                 option_name, shown);
  }

  return FALSE;
}

/* "--drug-class" → "drug-class" */
static const char *
option_id (const char *option_name)
{
  while (*option_name == '-')
    option_name++;
  return option_name;
}

/* ---- option callbacks ------------------------------------------------ */

static gboolean
db_cb (const char  *option_name,
       const char  *value,
       gpointer     data,
       GError     **error)
{
  PnavContext *self = data;

  if (value[0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: expected a file name"), option_name);
      return FALSE;
    }

  g_free (self->db);
  self->db = g_strdup (value);
  return TRUE;
}

static const struct
{
  const char *name;
  PnavFormat  format;
} format_names[] = {
  { "text", PNAV_FORMAT_TEXT },
  { "json", PNAV_FORMAT_JSON },
  { "pdf", PNAV_FORMAT_PDF },
  { "md", PNAV_FORMAT_MARKDOWN },
  { "csv", PNAV_FORMAT_CSV },
  { "ics", PNAV_FORMAT_ICS },
  { "xml", PNAV_FORMAT_XML },
};

static const char * const default_formats[] = { "text", "json", NULL };

static gboolean
format_cb (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  PnavContext *self = data;
  const char * const *accepted = self->formats != NULL ? self->formats : default_formats;

  if (g_strv_contains (accepted, value))
    for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
      if (g_str_equal (format_names[i].name, value))
        {
          self->format = format_names[i].format;
          self->format_set = TRUE;
          return TRUE;
        }

  {
    g_autofree char *shown = g_utf8_make_valid (value, -1);
    g_autofree char *names = g_strjoinv (", ", (GStrv) accepted);

    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("%s: unknown value “%s”; expected one of %s"),
                 option_name, shown, names);
  }
  return FALSE;
}

static gboolean
set_string (char       **field,
            const char  *option_name,
            const char  *value,
            GError     **error)
{
  char *utf8;

  if (value[0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: expected a value, got an empty one"), option_name);
      return FALSE;
    }

  utf8 = pnav_arg_to_utf8 (value, option_name, error);
  if (utf8 == NULL)
    return FALSE;

  g_free (*field);
  *field = utf8;
  return TRUE;
}

static gboolean
location_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  PnavContext *self = data;

  return set_string (&self->profile_options.location, option_name, value, error);
}

static gboolean
profile_cb (const char  *option_name,
            const char  *value,
            gpointer     data,
            GError     **error)
{
  PnavContext *self = data;

  return set_string (&self->profile_options.profile, option_name, value, error);
}

static gboolean
answer_cb (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  PnavContext *self = data;
  PnQuestion question;

  if (!pn_question_from_string (option_id (option_name), &question))
    g_assert_not_reached ();

  return set_string (&self->profile_options.answers[question],
                     option_name, value, error);
}

static gboolean
innovative_device_cb (const char  *option_name,
                      const char  *value G_GNUC_UNUSED,
                      gpointer     data,
                      GError     **error G_GNUC_UNUSED)
{
  PnavContext *self = data;
  char **answer = &self->profile_options.answers[PN_QUESTION_INNOVATIVE_DEVICE];

  g_free (*answer);
  *answer = g_strdup (g_str_has_prefix (option_id (option_name), "no-")
                      ? "false" : "true");
  return TRUE;
}

static gboolean
figure_cb (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  PnavContext *self = data;
  PnFigure figure;
  gint64 yuan;

  if (!pn_figure_from_string (option_id (option_name), &figure))
    g_assert_not_reached ();

  if (!pnav_parse_yuan (option_name, value, &yuan, error))
    return FALSE;

  self->profile_options.figures[figure] = yuan;
  return TRUE;
}

static gboolean
as_of_cb (const char  *option_name,
          const char  *value,
          gpointer     data,
          GError     **error)
{
  PnavContext *self = data;

  if (!parse_date (option_name, value, error))
    return FALSE;

  g_free (self->profile_options.as_of);
  self->profile_options.as_of = g_strdup (value);
  return TRUE;
}

/* Callbacks get the raw bytes (G_OPTION_FLAG_FILENAME, PNAV_CALLBACK in
 * pnav-common.h): GLib would otherwise convert them to UTF-8 from the
 * locale charset and, under the C locale, fail on "200万" with a message
 * that names neither the option nor the value. */

static const GOptionEntry common_entries[] = {
  { "db", 0, PNAV_CALLBACK (db_cb),
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "format", 0, PNAV_CALLBACK (format_cb),
    N_("Output format: text (the default) or json"), N_("FORMAT") },
  G_OPTION_ENTRY_NULL
};

#define ANSWER_ENTRY(name, description) \
  { name, 0, PNAV_CALLBACK (answer_cb), description, N_("ID") }
#define FIGURE_ENTRY(name, description) \
  { name, 0, PNAV_CALLBACK (figure_cb), description, N_("YUAN") }

static const GOptionEntry profile_entries[] = {
  { "location", 0, PNAV_CALLBACK (location_cb),
    N_("Where the applicant is registered (see “pnav vocab locations”)"), N_("ID") },
  ANSWER_ENTRY ("product", N_("What is funded: drug, device, health-product or organisation")),
  ANSWER_ENTRY ("drug-class", N_("Drug class (see “pnav vocab drug-class”)")),
  ANSWER_ENTRY ("modality", N_("Drug modality (see “pnav vocab modality”)")),
  ANSWER_ENTRY ("therapeutic-area", N_("Therapeutic area (see “pnav vocab therapeutic-area”)")),
  ANSWER_ENTRY ("phase", N_("Milestone just reached (see “pnav vocab phase”)")),
  ANSWER_ENTRY ("device-class", N_("Medical device class (see “pnav vocab device-class”)")),
  { "innovative-device", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
    (gpointer) innovative_device_cb,
    N_("The device passed the national (NMPA) innovative medical device special review"), NULL },
  { "no-innovative-device", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK,
    (gpointer) innovative_device_cb,
    N_("The device did not pass the national (NMPA) innovative medical device special review"), NULL },
  ANSWER_ENTRY ("device-type", N_("Medical device type (see “pnav vocab device-type”)")),
  ANSWER_ENTRY ("rank", N_("Rank in passing the consistency evaluation (see “pnav vocab rank”)")),
  ANSWER_ENTRY ("entity", N_("Applicant type (see “pnav vocab entity”); an enterprise when not given")),
  FIGURE_ENTRY ("rd-investment", N_("R&D investment, in whole yuan")),
  FIGURE_ENTRY ("sales", N_("Cumulative sales, in whole yuan")),
  FIGURE_ENTRY ("fixed-assets", N_("Fixed-asset investment, in whole yuan")),
  FIGURE_ENTRY ("equipment", N_("Equipment investment, in whole yuan")),
  FIGURE_ENTRY ("evaluation-cost", N_("Consistency evaluation cost, in whole yuan")),
  FIGURE_ENTRY ("tech-transaction", N_("Technology transaction paid, in whole yuan")),
  FIGURE_ENTRY ("contract-amount", N_("New contract manufacturing amount this year, in whole yuan")),
  FIGURE_ENTRY ("service-revenue", N_("Service revenue, in whole yuan")),
  FIGURE_ENTRY ("annual-revenue", N_("Annual operating revenue, in whole yuan")),
  FIGURE_ENTRY ("national-funding", N_("National (higher-level) funding received, in whole yuan")),
  FIGURE_ENTRY ("total-investment", N_("Total project investment, in whole yuan")),
  FIGURE_ENTRY ("loan-interest", N_("Loan interest paid, in whole yuan")),
  FIGURE_ENTRY ("rent", N_("Rent paid for premises, in whole yuan")),
  { "as-of", 0, PNAV_CALLBACK (as_of_cb),
    N_("Evaluate on this date instead of today"), N_("YYYY-MM-DD") },
  { "profile", 0, PNAV_CALLBACK (profile_cb),
    N_("Start from the saved profile NAME; the other options override its answers"),
    N_("NAME") },
  G_OPTION_ENTRY_NULL
};

/* The place and date of PNAV_OPTIONS_PLACE: the same options as above. */
static const GOptionEntry place_entries[] = {
  { "location", 0, PNAV_CALLBACK (location_cb),
    N_("Where the applicant is registered (see “pnav vocab locations”)"), N_("ID") },
  { "as-of", 0, PNAV_CALLBACK (as_of_cb),
    N_("Evaluate on this date instead of today"), N_("YYYY-MM-DD") },
  G_OPTION_ENTRY_NULL
};

/* The date of PNAV_OPTIONS_DRY_RUN_DATE */
static const GOptionEntry dry_run_date_entries[] = {
  { "as-of", 0, PNAV_CALLBACK (as_of_cb),
    N_("With --dry-run, work out every client on this date instead of its own (or, when that is before "
       "the document takes effect, the day it does)"), N_("YYYY-MM-DD") },
  G_OPTION_ENTRY_NULL
};

GOptionContext *
pnav_option_context_new (PnavContext        *self,
                         const char         *parameter_string,
                         const char         *summary,
                         const GOptionEntry *entries,
                         gboolean            with_profile_options)
{
  return pnav_option_context_new_full (self, parameter_string, summary, entries,
                                       with_profile_options ? PNAV_OPTIONS_PROFILE
                                                            : PNAV_OPTIONS_NONE);
}

GOptionContext *
pnav_option_context_new_full (PnavContext        *self,
                              const char         *parameter_string,
                              const char         *summary,
                              const GOptionEntry *entries,
                              PnavOptions         options)
{
  g_autofree char *parameters = NULL;
  GOptionEntry shared[G_N_ELEMENTS (common_entries)];
  GOptionContext *context;
  GOptionGroup *group;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->command != NULL, NULL);

  if (parameter_string != NULL)
    parameters = g_strdup_printf ("%s %s", self->command, _(parameter_string));
  else
    parameters = g_strdup (self->command);

  context = g_option_context_new (parameters);
  if (summary != NULL)
    g_option_context_set_summary (context, _(summary));

  group = g_option_group_new (self->command, NULL, NULL, self, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_group_add_entries (group, entries);
  if (options & PNAV_OPTIONS_PROFILE)
    g_option_group_add_entries (group, profile_entries);
  else if (options & PNAV_OPTIONS_PLACE)
    g_option_group_add_entries (group, place_entries);
  else if (options & PNAV_OPTIONS_DRY_RUN_DATE)
    g_option_group_add_entries (group, dry_run_date_entries);

  /* the group copies the entries: a subcommand's own --format help */
  memcpy (shared, common_entries, sizeof shared);
  for (guint i = 0; self->format_help != NULL && shared[i].long_name != NULL; i++)
    if (g_str_equal (shared[i].long_name, "format"))
      shared[i].description = self->format_help;
  g_option_group_add_entries (group, shared);
  g_option_context_set_main_group (context, group);

  return context;
}

gboolean
pnav_option_context_parse (GOptionContext  *context,
                           char           **args,
                           gboolean         filenames,
                           GStrv           *out_args,
                           GError         **error)
{
  g_auto(GStrv) argv = NULL;
  g_autoptr(GPtrArray) positional = NULL;

  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (args != NULL && args[0] != NULL, FALSE);
  g_return_val_if_fail (out_args != NULL, FALSE);

  argv = g_strdupv (args);
  if (!g_option_context_parse_strv (context, &argv, error))
    return FALSE;

  positional = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 1; argv[i] != NULL; i++)
    {
      char *arg;

      if (strcmp (argv[i], "--") == 0)
        continue;

      if (filenames)
        arg = g_strdup (argv[i]);
      else if ((arg = pnav_arg_to_utf8 (argv[i], NULL, error)) == NULL)
        return FALSE;
      g_ptr_array_add (positional, arg);
    }
  g_ptr_array_add (positional, NULL);

  *out_args = (GStrv) g_ptr_array_free (g_steal_pointer (&positional), FALSE);
  return TRUE;
}

gboolean
pnav_check_n_args (PnavContext  *self,
                   GStrv         args,
                   int           min_args,
                   int           max_args,
                   const char   *what,
                   GError      **error)
{
  int n_args = (int) g_strv_length (args);

  if (n_args < min_args)
    {
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("%s: missing %s; see “pnav %s --help”"),
                   self->command, what, self->command);
      return FALSE;
    }

  if (max_args >= 0 && n_args > max_args)
    {
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("%s: unexpected argument “%s”"),
                   self->command, args[max_args]);
      return FALSE;
    }

  return TRUE;
}

/* ---- the store ------------------------------------------------------- */

static void
name_file_in_error (GError     **error,
                    const char  *path)
{
  if (error != NULL && *error != NULL && strstr ((*error)->message, path) == NULL)
    g_prefix_error (error, "%s: ", path);
}

gboolean
pnav_check_db_path (const char  *path,
                    GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *shown = NULL;
  GStatBuf st;
  const char *what;

  if (path == NULL || path[0] == '\0')
    {
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--db: expected the path of a database file, got an empty one"));
      return FALSE;
    }

  /* absent: created; a regular file (or a link to one): opened */
  if (g_stat (path, &st) != 0 || S_ISREG (st.st_mode))
    return TRUE;

  if (S_ISDIR (st.st_mode))
    what = _("it is a folder");
  else if (S_ISCHR (st.st_mode) || S_ISBLK (st.st_mode))
    what = _("it is a device");
  else if (S_ISFIFO (st.st_mode))
    what = _("it is a FIFO");
  else
    what = _("it is not a regular file");

  /* SQLite would open /dev/null as an empty database and, as root,
   * create /dev/null-journal beside it. */
  display = g_filename_display_name (path);
  shown = pnav_escape (display, FALSE);
  g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
               _("--db: “%s” cannot be a database: %s"), shown, what);
  return FALSE;
}

PnStore *
pnav_context_open_store (PnavContext  *self,
                         GError      **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->store != NULL)
    return self->store;

  if (self->db != NULL)
    path = g_strdup (self->db);
  else if (self->global_db != NULL)
    path = g_strdup (self->global_db);
  else
    {
      g_autofree char *dir = NULL;

      path = pn_store_default_path ();
      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("%s: cannot create the folder: %s"),
                       dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  if (!pnav_check_db_path (path, error))
    return NULL;

  self->store = pn_store_open (path, &local_error);
  if (self->store == NULL)
    {
      name_file_in_error (&local_error, path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  g_free (open_db_path);
  open_db_path = g_strdup (path);
  return self->store;
}

PnCorpus *
pnav_context_load_corpus (PnavContext  *self,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  PnStore *store;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->corpus != NULL)
    return self->corpus;

  store = pnav_context_open_store (self, error);
  if (store == NULL)
    return NULL;

  self->corpus = pn_store_load_corpus (store, &local_error);
  if (self->corpus == NULL)
    {
      name_file_in_error (&local_error, pn_store_get_path (store));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return self->corpus;
}

/* ---- profiles -------------------------------------------------------- */

static gboolean
check_term (PnTaxonomy  *taxonomy,
            const char  *vocabulary,
            const char  *value,
            GError     **error)
{
  g_autofree char *accepted = NULL;

  if (pn_taxonomy_get_term (taxonomy, vocabulary, value) != NULL)
    return TRUE;

  accepted = pn_taxonomy_describe_ids (taxonomy, vocabulary);
  g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
               _("--%s: unknown value “%s”; expected one of %s"),
               vocabulary, value, accepted);
  return FALSE;
}

static PnProfile *
load_saved_profile (PnavContext  *self,
                    const char   *name,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  PnProfile *profile;

  profile = pn_store_load_profile (self->store, name, &local_error);
  if (profile != NULL)
    return profile;

  if (g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND))
    {
      g_auto(GStrv) names = pn_store_list_profiles (self->store, NULL);
      g_autofree char *list = NULL;

      if (names != NULL && names[0] != NULL)
        {
          list = pnav_join_escaped (names);
          g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                       _("--profile: unknown profile “%s”; expected one of %s"),
                       name, list);
        }
      else
        g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                     _("--profile: unknown profile “%s”; no profile is saved yet"),
                     name);
      return NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

PnProfile *
pnav_context_build_profile (PnavContext  *self,
                            gboolean      require_location,
                            GError      **error)
{
  PnavProfileOptions *opts;
  g_autoptr(PnProfile) profile = NULL;
  PnTaxonomy *taxonomy;
  PnCorpus *corpus;

  g_return_val_if_fail (self != NULL, NULL);

  opts = &self->profile_options;

  corpus = pnav_context_load_corpus (self, error);
  if (corpus == NULL)
    return NULL;
  taxonomy = pn_corpus_get_taxonomy (corpus);

  /* Check every value given before anything else happens: a place of
   * the taxonomy, or one an imported document declares. */
  if (opts->location != NULL && !pn_corpus_has_location (corpus, opts->location))
    {
      g_autofree char *accepted = pnav_describe_locations (corpus);

      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--%s: unknown value “%s”; expected one of %s"),
                   "location", opts->location, accepted);
      return NULL;
    }

  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    {
      /* --innovative-device is a switch: its answer is always valid */
      if (opts->answers[i] == NULL || i == PN_QUESTION_INNOVATIVE_DEVICE)
        continue;

      if (!check_term (taxonomy, pn_question_to_string (i), opts->answers[i], error))
        return NULL;
    }

  if (opts->profile != NULL)
    profile = load_saved_profile (self, opts->profile, error);
  else
    profile = pn_profile_new ();
  if (profile == NULL)
    return NULL;

  /* a saved answer the vocabulary no longer has ("phase-9"): the same
   * answer on the command line is refused, so is the saved one */
  for (guint i = 0; opts->profile != NULL && i < PN_N_QUESTIONS; i++)
    {
      const char *answer = pn_profile_get_answer (profile, i);
      const char *vocabulary = pn_question_to_string (i);

      if (answer == NULL || opts->answers[i] != NULL)
        continue;
      if (i == PN_QUESTION_INNOVATIVE_DEVICE
          ? (g_str_equal (answer, "true") || g_str_equal (answer, "false"))
          : pn_taxonomy_get_term (taxonomy, vocabulary, answer) != NULL)
        continue;
      {
        g_autofree char *shown = pnav_escape (answer, FALSE);

        g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT,
                     _("%s: saved profile “%s” is damaged: its answer “%s” to %s is not one of the accepted values"),
                     pn_store_get_path (self->store), opts->profile, shown, vocabulary);
        return NULL;
      }
    }

  if (opts->location != NULL)
    pn_profile_set_location (profile, opts->location);
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    if (opts->answers[i] != NULL)
      pn_profile_set_answer (profile, i, opts->answers[i]);
  for (guint i = 0; i < PN_N_FIGURES; i++)
    if (opts->figures[i] != PN_YUAN_UNSET)
      pn_profile_set_figure (profile, i, opts->figures[i]);
  if (opts->as_of != NULL)
    pn_profile_set_as_of (profile, opts->as_of);

  if (require_location && pn_profile_get_location (profile) == NULL)
    {
      if (opts->profile != NULL)
        g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                     _("--location is required: the profile “%s” has no location"),
                     opts->profile);
      else
        g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                     _("--location is required (or --profile with a saved location); "
                       "see “pnav vocab locations”"));
      return NULL;
    }

  /* a saved client's place only a removed document declared */
  if (opts->profile != NULL && opts->location == NULL && pn_profile_get_location (profile) != NULL &&
      !pn_corpus_has_location (corpus, pn_profile_get_location (profile)))
    {
      g_autofree char *accepted = pnav_describe_locations (corpus);

      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("the profile “%s” is at “%s”, which no policy document names any more (was a "
                     "document removed?); give --location, one of %s"),
                   opts->profile, pn_profile_get_location (profile), accepted);
      return NULL;
    }

  return g_steal_pointer (&profile);
}

/* ---- labels ---------------------------------------------------------- */

/* The ids of every place: the taxonomy's and those imported documents
 * declare. */
char *
pnav_describe_locations (PnCorpus *corpus)
{
  g_autoptr(GPtrArray) locations = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (corpus != NULL, NULL);

  locations = pn_corpus_list_locations (corpus, NULL);
  if (locations == NULL)
    locations = g_ptr_array_ref (pn_taxonomy_get_locations (pn_corpus_get_taxonomy (corpus)));
  for (guint i = 0; locations != NULL && i < locations->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (locations, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, term->id);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
pnav_set_unknown_document_error (PnCorpus    *corpus,
                                 const char  *what,
                                 const char  *id,
                                 gboolean     imported_only,
                                 GError     **error)
{
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GPtrArray) documents = NULL;
  guint listed = 0;
  guint more = 0;

  g_return_if_fail (corpus != NULL);

  /* the documents are listed to help; when they cannot be, the message
   * says so without them */
  documents = pn_corpus_list_documents (corpus, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);

      if (imported_only && !document->user_imported)
        continue;
      if (listed == 20)
        {
          more++;
          continue;
        }
      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, document->id);
      listed++;
    }
  if (more > 0)
    g_string_append_printf (ids, ngettext (" and %u more (see “pnav list-documents”)",
                                           " and %u more (see “pnav list-documents”)", more), more);

  if (ids->len > 0)
    g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                 _("%s: unknown document “%s”; expected one of %s"), what, id, ids->str);
  else if (imported_only)
    g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                 _("%s: unknown document “%s”; no document has been imported"), what, id);
  else
    g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                 _("%s: unknown document “%s”; the database has no documents"), what, id);
}

const char *
pnav_term_label (const PnTerm *term,
                 PnLang        lang)
{
  g_return_val_if_fail (term != NULL, NULL);

  if (lang == PN_LANG_ZH && term->zh != NULL)
    return term->zh;
  /* a drafted term no one has named in English: its Chinese name */
  if (term->en != NULL && !(term->zh != NULL && g_str_has_prefix (term->en, PN_UNTRANSLATED_PREFIX)))
    return term->en;
  return term->zh != NULL ? term->zh : term->id;
}

const char *
pnav_location_label (PnTaxonomy *taxonomy,
                     const char *id,
                     PnLang      lang)
{
  const PnTerm *term;

  if (id == NULL)
    return "";

  term = pn_taxonomy_get_location (taxonomy, id);
  return term != NULL ? pnav_term_label (term, lang) : id;
}

gboolean
pnav_parse_lang (const char  *option_name,
                 const char  *value,
                 PnLang      *out_lang,
                 GError     **error)
{
  g_autofree char *shown = NULL;

  if (g_strcmp0 (value, "en") == 0)
    *out_lang = PN_LANG_EN;
  else if (g_strcmp0 (value, "zh") == 0)
    *out_lang = PN_LANG_ZH;
  else
    {
      shown = g_utf8_make_valid (value, -1);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: unknown value “%s”; expected one of %s"),
                   option_name, shown, "en, zh");
      return FALSE;
    }

  return TRUE;
}

/* ---- output files ---------------------------------------------------- */

gboolean
pnav_document_output_cb (const char  *option_name,
                         const char  *value,
                         gpointer     data,
                         GError     **error)
{
  PnavContext *ctx = data;
  PnavDocumentOptions *opts = ctx->command_data;

  if (value[0] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: expected a file name"), option_name);
      return FALSE;
    }

  g_free (opts->output);
  opts->output = g_strdup (value);
  return TRUE;
}

gboolean
pnav_document_lang_cb (const char  *option_name,
                       const char  *value,
                       gpointer     data,
                       GError     **error)
{
  PnavContext *ctx = data;
  PnavDocumentOptions *opts = ctx->command_data;

  if (!pnav_parse_lang (option_name, value, &opts->lang, error))
    return FALSE;
  opts->lang_set = TRUE;
  return TRUE;
}

/* Whether `path` is the open database or one of its companion files:
 * `brief -o c.db` replaced the database with a PDF, every client gone. */
static gboolean
is_database_file (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
  GStatBuf target, db;

  if (open_db_path == NULL)
    return FALSE;
  /* by name: the -journal (or a read-only database's -wal) is not there
   * yet when the output is written, and SQLite removes it on the next open */
  {
    g_autofree char *wanted = g_canonicalize_filename (path, NULL);
    g_autofree char *db_path = g_canonicalize_filename (open_db_path, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *name = g_strconcat (db_path, suffixes[i], NULL);

        if (g_str_equal (name, wanted))
          return TRUE;
      }
  }
  if (g_stat (path, &target) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (open_db_path, suffixes[i], NULL);

      if (g_stat (name, &db) == 0 && db.st_dev == target.st_dev && db.st_ino == target.st_ino)
        return TRUE;
    }
  return FALSE;
}

gboolean
pnav_write_output (const char  *path,
                   GBytes      *bytes,
                   GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown = NULL;
  const char *reason;

  g_return_val_if_fail (bytes != NULL, FALSE);

  if (path == NULL)
    {
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (bytes, &size);

      if (size > 0 && fwrite (data, 1, size, stdout) != size)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                       _("cannot write the output: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  shown = g_filename_display_name (path);
  if (path[0] == '\0')
    {
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE, _("--output: expected a file name"));
      return FALSE;
    }

  if (is_database_file (path))
    {
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--output: %s is the database; give another file name"), shown);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  if (pn_export_save (file, bytes, &local_error))
    return TRUE;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("its folder does not exist");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("permission denied");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    reason = _("it is a folder");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    reason = _("a part of the path is not a folder");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    reason = _("no space left on the device");
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE))
    reason = _("it is not a regular file (a device or a pipe)");
  else
    reason = local_error->message;

  g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
               _("--output: cannot write “%s”: %s"),
               shown, reason);
  return FALSE;
}

char *
pnav_format_rate (double rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* at most four decimals in the data: 0.4 → 40, 0.125 → 12.5 */
  g_ascii_formatd (buffer, sizeof buffer, "%.2f", rate * 100.0);
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  return g_strdup_printf ("%s%%", buffer);
}

static int pnav_print_impact_for (PnavContext *self,
                                  PnImpact    *impact,
                                  const char  *action,
                                  const char  *document_id,
                                  PnDocument  *document);

int
pnav_print_impact (PnavContext *self,
                   PnImpact    *impact,
                   const char  *action,
                   const char  *document_id)
{
  return pnav_print_impact_for (self, impact, action, document_id, NULL);
}

/* The same for the document imported, which may hold measures no one
 * has reviewed yet: they never count, and the reason nothing changes
 * is said. */
int
pnav_print_impact_full (PnavContext *self,
                        PnImpact    *impact,
                        const char  *action,
                        PnDocument  *document)
{
  return pnav_print_impact_for (self, impact, action, document->id, document);
}

static int
pnav_print_impact_for (PnavContext *self,
                       PnImpact    *impact,
                       const char  *action,
                       const char  *document_id,
                       PnDocument  *document)
{
  guint unreviewed = 0;
  guint n_benefits = document != NULL ? pn_document_count_benefits (document, &unreviewed) : 0;

  if (self->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = pn_impact_to_json (impact);
      JsonObject *object = json_node_get_object (node);

      json_object_set_string_member (object, "action", action);
      json_object_set_string_member (object, "document_id", document_id);
      json_object_set_boolean_member (object, "dry_run", TRUE);
      if (document != NULL)
        json_object_set_int_member (object, "unreviewed_measures", unreviewed);
      pnav_print_json (node);
    }
  else
    {
      g_autofree char *text = pn_impact_to_text (impact, pn_lang_from_locale ());

      if (g_str_equal (action, "remove"))
        pnav_print (_("Removing “%s” would change, for each saved client:\n"), document_id);
      else if (g_str_equal (action, "replace"))
        pnav_print (_("Replacing “%s” would change, for each saved client:\n"), document_id);
      else
        pnav_print (_("Importing “%s” would change, for each saved client:\n"), document_id);
      pnav_print ("%s", text);
      if (unreviewed > 0)
        pnav_print (g_dngettext (GETTEXT_PACKAGE,
                                 "%u of the document’s %u measures is not yet reviewed: it is listed as a possible match "
                                 "and never counts until a reviewer marks it reviewed.\n",
                                 "%u of the document’s %u measures are not yet reviewed: they are listed as possible "
                                 "matches and never count until a reviewer marks them reviewed.\n",
                                 unreviewed),
                    unreviewed, n_benefits);
      pnav_print (_("Nothing was written (--dry-run).\n"));
    }
  return PNAV_EXIT_OK;
}

PnCorpus *
pnav_context_load_existing_corpus (PnavContext  *self,
                                   PnCorpus    **out_bundled,
                                   GError      **error)
{
  g_autofree char *default_path = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  if (self->db != NULL || self->global_db != NULL)
    return pnav_context_load_corpus (self, error);

  default_path = pn_store_default_path ();
  if (g_file_test (default_path, G_FILE_TEST_EXISTS))
    return pnav_context_load_corpus (self, error);

  taxonomy = pn_policy_loader_load_bundled_taxonomy (error);
  if (taxonomy == NULL)
    return NULL;
  documents = pn_policy_loader_load_bundled_documents (taxonomy, error);
  if (documents == NULL)
    return NULL;
  *out_bundled = pn_corpus_new (taxonomy, documents);
  return *out_bundled;
}
