/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <glib/gi18n.h>

#include "pn-engine.h"
#include "pn-export.h"

/* A piece of the JSON as it is written, straight to standard output */
static void
print_json_piece (GString  *piece,
                  gpointer  user_data G_GNUC_UNUSED)
{
  pnav_print_json_text (piece);
}

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
  g_option_context_set_description (context,
    _("Each measure shows what counts for sure and, where more is possible, the most it "
      "can give: “¥0 – ¥4,000,000”.  The total reads “counted · up to”, and “What would "
      "add most” lists the answers, figures and requirements worth most.\n"
      "\n"
      "JSON (--format json): “matches”, each with “counted” (whether it adds to the total), "
      "“amount.estimate_cny” (what it gives on the answers, as the chosen reading reads it; "
      "it adds to “total_estimate_cny” only when “counted” is true), "
      "“amount.rate_ceiling” (true when the text sets the rate as a most, “最高不超过40%”: "
      "the estimate is at that rate and the actual one may be lower), "
      "“amount.high_cny” (the most it can give if every open point goes the applicant’s "
      "way; null when there is no upper bound, “amount.high_reason” says why), "
      "“amount.readings” ([{“id”, “estimate_cny”, “zh”, “en”, “chosen”}] when the "
      "sentence can be read more than one way) and “amount.stages” ([{“share”, “cny”, "
      "“year”}] for staged payments); “total_estimate_cny”, “total_high_cny” (null when "
      "unbounded; a question left open takes its one best answer: one milestone, one class), "
      "“total_high_bounded_cny” (the same of the measures that have an upper bound) and “next_steps” ([{“kind”: answer|figure|requirement, “id”, “zh”, "
      "“en”, “adds_high_cny”, “benefit_ids”}], what they add first)."));

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
      /* written as it goes: a tree of hundreds of matches costs more to
       * build and free than to write (docs/performance.md) */
      g_autoptr(GString) text = g_string_new (NULL);

      pn_export_write_results_json (results, text, TRUE, print_json_piece, NULL);
      g_string_append_c (text, '\n');
      pnav_print_json_text (text);
    }
  else
    {
      g_autofree char *text = pn_export_results_text (results, pn_lang_from_locale ());

      pnav_print ("%s", text);
      if (text[0] != '\0' && !g_str_has_suffix (text, "\n"))
        pnav_print ("\n");
    }

  pnav_leave_at_exit (g_steal_pointer (&results));
  return PNAV_EXIT_OK;
}
