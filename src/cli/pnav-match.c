/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <glib/gi18n.h>

#include "pn-engine.h"
#include "pn-export.h"

/* pnav match --location ID [answers] [figures] [--as-of] [--profile NAME] */
int
pnav_match (PnavContext  *ctx,
            char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;
  g_autoptr(PnResults) results = NULL;
  g_auto(GStrv) positional = NULL;
  PnCorpus *corpus;

  context = pnav_option_context_new (ctx, NULL,
                                     N_("Estimate the benefits a company can claim: every "
                                        "policy measure that applies to the answers given, "
                                        "its status on the as-of date and the amount it is "
                                        "worth.  Amounts are whole yuan (200万元 is 2000000)."),
                                     NULL, TRUE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 0, NULL, &error))
    return pnav_report_error (ctx, error);

  profile = pnav_context_build_profile (ctx, TRUE, &error);
  if (profile == NULL)
    return pnav_report_error (ctx, error);

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    return pnav_report_error (ctx, error);

  results = pn_engine_evaluate (corpus, profile, &error);
  if (results == NULL)
    return pnav_report_error (ctx, error);

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = pn_export_results_json (results);

      pnav_print_json (node);
    }
  else
    {
      g_autofree char *text = pn_export_results_text (results, pn_lang_from_locale ());

      pnav_print ("%s", text);
      if (text[0] != '\0' && !g_str_has_suffix (text, "\n"))
        pnav_print ("\n");
    }

  return PNAV_EXIT_OK;
}
