/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-deadlines.h"
#include "pn-export.h"

/* A century: more is a typing error. */
#define WITHIN_MAX 36525

typedef struct
{
  PnavDocumentOptions  document;  /* first: --output and --lang parse into it */
  gint                 within;
} DeadlinesOptions;

static gboolean
within_cb (const char  *option_name,
           const char  *value,
           gpointer     data,
           GError     **error)
{
  PnavContext *ctx = data;
  DeadlinesOptions *opts = ctx->command_data;
  guint64 days = 0;
  gboolean digits = value[0] != '\0';

  for (const char *p = value; *p != '\0' && digits; p++)
    digits = g_ascii_isdigit (*p);

  if (!digits || !g_ascii_string_to_unsigned (value, 10, 0, WITHIN_MAX, &days, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (value, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: invalid number of days “%s”; expected a whole number from 0 to %d"),
                   option_name, shown, WITHIN_MAX);
      return FALSE;
    }

  opts->within = (gint) days;
  return TRUE;
}

static const GOptionEntry deadlines_entries[] = {
  { "within", 0, PNAV_CALLBACK (within_cb),
    N_("Only what ends within DAYS days of the as-of date"), N_("DAYS") },
  { "output", 'o', PNAV_CALLBACK (pnav_document_output_cb),
    N_("Write to FILE (replaced in one step if it exists) instead of standard output"),
    N_("FILE") },
  { "lang", 0, PNAV_CALLBACK (pnav_document_lang_cb),
    N_("Language of the text and calendar: en or zh (default: the locale's)"), N_("LANG") },
  G_OPTION_ENTRY_NULL
};

static const char * const deadlines_formats[] = { "text", "json", "ics", NULL };

/* pnav deadlines --location ID [--within DAYS] [--as-of DATE] [--format text|json|ics] [--output FILE] */
int
pnav_deadlines (PnavContext  *ctx,
                char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDeadlines) deadlines = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) positional = NULL;
  DeadlinesOptions opts = { { NULL, PN_LANG_EN, FALSE }, -1 };
  PnavProfileOptions *place = &ctx->profile_options;
  PnCorpus *corpus;
  char *text = NULL;
  int status = PNAV_EXIT_OK;

  ctx->command_data = &opts;
  ctx->formats = deadlines_formats;
  ctx->format_help = N_("Output format: text (the default), json or ics (iCalendar, "
                        "one all-day event per measure on its end date)");

  context = pnav_option_context_new_full (ctx, NULL,
                                          N_("List the measures that apply at a location by the "
                                             "date they end, with the days left: the article's "
                                             "deadline where it has one, else the document's "
                                             "period.  Measures already ended, measures of drafts "
                                             "and measures without an end date are left out.  "
                                             "Exit status 2 also when FILE cannot be written."),
                                          deadlines_entries, PNAV_OPTIONS_PLACE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 0, NULL, &error))
    goto out;

  if (place->location == NULL)
    {
      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--location is required; see “pnav vocab locations”"));
      goto out;
    }

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    goto out;

  if (!pn_corpus_has_location (corpus, place->location))
    {
      g_autofree char *accepted = pnav_describe_locations (corpus);

      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--%s: unknown value “%s”; expected one of %s"),
                   "location", place->location, accepted);
      goto out;
    }

  deadlines = pn_deadlines_new (corpus, place->location, place->as_of, opts.within, &error);
  if (deadlines == NULL)
    goto out;

  if (!opts.document.lang_set)
    opts.document.lang = pn_lang_from_locale ();

  switch (ctx->format)
    {
    case PNAV_FORMAT_JSON:
      {
        g_autoptr(JsonNode) node = pn_deadlines_to_json (deadlines);
        g_autofree char *json = pn_export_json_to_string (node, TRUE);

        text = g_strconcat (json, "\n", NULL);
      }
      break;
    case PNAV_FORMAT_ICS:
      text = pn_deadlines_to_ical (deadlines, opts.document.lang, &error);
      if (text == NULL)
        goto out;
      break;
    case PNAV_FORMAT_TEXT:
    default:
      text = pn_deadlines_to_text (deadlines, opts.document.lang);
      break;
    }

  bytes = g_bytes_new_take (text, strlen (text));
  pnav_write_output (opts.document.output, bytes, &error);

out:
  if (error != NULL)
    status = pnav_report_error (ctx, error);
  g_free (opts.document.output);
  ctx->command_data = NULL;
  return status;
}
