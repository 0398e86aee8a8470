/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-brief-pdf.h"
#include "pn-brief.h"
#include "pn-engine.h"
#include "pn-export.h"

static const GOptionEntry brief_entries[] = {
  { "output", 'o', PNAV_CALLBACK (pnav_document_output_cb),
    N_("Write the brief to FILE (replaced in one step if it exists); "
       "Markdown and CSV go to standard output without it"), N_("FILE") },
  { "lang", 0, PNAV_CALLBACK (pnav_document_lang_cb),
    N_("Language of the brief: en or zh (default: the locale's)"), N_("LANG") },
  G_OPTION_ENTRY_NULL
};

static const char * const brief_formats[] = { "pdf", "md", "csv", NULL };

/* pnav brief --profile NAME [--format pdf|md|csv] [--output FILE] [--lang en|zh] */
int
pnav_brief (PnavContext  *ctx,
            char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;
  g_autoptr(PnResults) results = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) positional = NULL;
  PnavDocumentOptions opts = { NULL, PN_LANG_EN, FALSE };
  PnCorpus *corpus;
  int status = PNAV_EXIT_OK;

  ctx->command_data = &opts;
  ctx->formats = brief_formats;
  ctx->format_help = N_("Output format: pdf (the default, A4), md (Markdown) or csv "
                        "(UTF-8 with a byte-order mark, one row per measure)");
  ctx->format = PNAV_FORMAT_PDF;

  context = pnav_option_context_new (ctx, NULL,
                                     N_("Write a client brief for a saved profile: the answers "
                                        "given, the counted measures with their citations, "
                                        "amounts, responsible units and end dates, how each "
                                        "amount is derived, the possible matches and what they "
                                        "miss, the measures not counted and why, the overlap "
                                        "decisions, what ends within 12 months, and what the "
                                        "data covers.  The other match options override the "
                                        "profile's answers.  Exit status 2 also when FILE "
                                        "cannot be written; an existing FILE is then left "
                                        "as it was."),
                                     brief_entries, TRUE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 0, NULL, &error))
    goto out;

  if (ctx->profile_options.profile == NULL)
    {
      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--profile is required: a brief is written for a saved client profile "
                     "(see “pnav profile list”)"));
      goto out;
    }

  if (ctx->format == PNAV_FORMAT_PDF && opts.output == NULL)
    {
      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("--output is required for a PDF brief"));
      goto out;
    }

  profile = pnav_context_build_profile (ctx, TRUE, &error);
  if (profile == NULL)
    goto out;

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    goto out;

  results = pn_engine_evaluate (corpus, profile, &error);
  if (results == NULL)
    goto out;
  if (!opts.lang_set)
    opts.lang = pn_lang_from_locale ();

  if (ctx->format == PNAV_FORMAT_CSV)
    {
      char *csv = pn_export_results_csv (results);

      bytes = g_bytes_new_take (csv, strlen (csv));
    }
  else
    {
      g_autoptr(PnBrief) brief = pn_brief_new (results, profile, opts.lang, NULL, &error);

      if (brief == NULL)
        goto out;
      if (ctx->format == PNAV_FORMAT_PDF)
        bytes = pn_brief_pdf_render (brief, &error);
      else
        {
          char *markdown = pn_export_brief_markdown (brief);

          bytes = g_bytes_new_take (markdown, strlen (markdown));
        }
      if (bytes == NULL)
        goto out;
    }

  pnav_write_output (opts.output, bytes, &error);

out:
  if (error != NULL)
    status = pnav_report_error (ctx, error);
  g_free (opts.output);
  ctx->command_data = NULL;
  return status;
}
