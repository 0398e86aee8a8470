/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <glib/gi18n.h>

#include "pn-compare.h"
#include "pn-export.h"

typedef struct
{
  GStrv locations;
} CompareOptions;

static gboolean
locations_cb (const char  *option_name,
              const char  *value,
              gpointer     data,
              GError     **error)
{
  PnavContext *ctx = data;
  CompareOptions *opts = ctx->command_data;
  g_autofree char *utf8 = pnav_arg_to_utf8 (value, option_name, error);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (utf8 == NULL)
    return FALSE;

  parts = g_strsplit (utf8, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *id = g_strstrip (parts[i]);

      if (id[0] == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s: expected location ids separated by commas, e.g. %s"),
                       option_name, "xiamen,jinjiang,fuzhou");
          return FALSE;
        }
      g_ptr_array_add (ids, g_strdup (id));
    }
  g_ptr_array_add (ids, NULL);

  g_strfreev (opts->locations);
  opts->locations = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  return TRUE;
}

static const GOptionEntry compare_entries[] = {
  { "locations", 0, PNAV_CALLBACK (locations_cb),
    N_("The 2 to 4 places to compare, separated by commas (see “pnav vocab locations”)"),
    N_("ID,ID…") },
  G_OPTION_ENTRY_NULL
};

/* A piece of the JSON as it is written, straight to standard output */
static void
print_json_piece (GString  *piece,
                  gpointer  user_data G_GNUC_UNUSED)
{
  pnav_print_json_text (piece);
}

/* pnav compare --locations ID,ID[,ID[,ID]] [match options] */
int
pnav_compare (PnavContext  *ctx,
              char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;
  g_autoptr(PnCompare) compare = NULL;
  g_auto(GStrv) positional = NULL;
  CompareOptions opts = { NULL };
  PnCorpus *corpus;
  int status = PNAV_EXIT_OK;

  ctx->command_data = &opts;

  context = pnav_option_context_new (ctx, NULL,
                                     N_("Compare what the same answers are worth in 2 to 4 "
                                        "places: each place's counted total and “up to” total side "
                                        "by side (“≥ ¥X” when a measure has no upper bound: ¥X is what "
                                        "the others give), the best place and the totals by kind of "
                                        "benefit. With --format json, each place's results as well, the "
                                        "same as “pnav match --location ID” gives, and in “summary” each "
                                        "place's “total_high_cny” and “total_high_bounded_cny”, "
                                        "“counted_until” (the earliest end date, YYYY-MM-DD, of the "
                                        "measures that count there; null when none counts or none ends), "
                                        "“best_location” (the first on a tie; null when nothing counts "
                                        "anywhere) and “best_locations” (every place with the highest "
                                        "total)."),
                                     compare_entries, TRUE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 0, NULL, &error))
    goto out;

  if (opts.locations == NULL)
    {
      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--locations is required, e.g. --locations %s"), "xiamen,jinjiang,fuzhou");
      goto out;
    }
  if (ctx->profile_options.location != NULL)
    {
      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--location cannot be combined with --locations"));
      goto out;
    }

  profile = pnav_context_build_profile (ctx, FALSE, &error);
  if (profile == NULL)
    goto out;

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    goto out;

  for (guint i = 0; opts.locations[i] != NULL; i++)
    if (!pn_corpus_has_location (corpus, opts.locations[i]))
      {
        g_autofree char *accepted = pnav_describe_locations (corpus);

        g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                     _("--%s: unknown value “%s”; expected one of %s"),
                     "locations", opts.locations[i], accepted);
        goto out;
      }

  compare = pn_compare_new (corpus, profile, (const char * const *) opts.locations, &error);
  if (compare == NULL)
    {
      /* what --locations asked for; a damaged database is no usage error */
      if (!g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT) &&
          !g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_CHANGED) &&
          !g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_BUSY))
        g_prefix_error (&error, "--locations: ");
      goto out;
    }

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      /* written as it goes, as `pnav match` writes: a tree of three
       * places' measures at 100,000 benefits took 1 GB */
      g_autoptr(GString) text = g_string_new (NULL);

      pn_compare_write_json (compare, text, TRUE, print_json_piece, NULL);
      g_string_append_c (text, '\n');
      pnav_print_json_text (text);
    }
  else
    {
      g_autofree char *text = pn_compare_to_text (compare, pn_lang_from_locale ());

      pnav_print ("%s", text);
    }

out:
  if (error != NULL)
    status = pnav_report_error (ctx, error);
  g_strfreev (opts.locations);
  ctx->command_data = NULL;
  return status;
}
