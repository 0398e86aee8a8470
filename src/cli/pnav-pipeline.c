/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-export.h"
#include "pn-pipeline.h"

#define STAGE_OPTION_PREFIX "--rd-investment-"

typedef struct
{
  GArray     *figures;   /* PnPipelineFigure; phase points into the option name */
} PipelineOptions;

/* --rd-investment-PHASE YUAN: the R&D spent up to that milestone */
static gboolean
stage_figure_cb (const char  *option_name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  PnavContext *ctx = data;
  PipelineOptions *opts = ctx->command_data;
  PnPipelineFigure figure = { NULL, PN_FIGURE_RD_INVESTMENT, 0 };

  g_assert (g_str_has_prefix (option_name, STAGE_OPTION_PREFIX));

  if (!pnav_parse_yuan (option_name, value, &figure.yuan, error))
    return FALSE;

  /* option names are static: the phase is the rest of it */
  figure.phase = g_intern_string (option_name + strlen (STAGE_OPTION_PREFIX));
  for (guint i = 0; i < opts->figures->len; i++)
    if (g_array_index (opts->figures, PnPipelineFigure, i).phase == figure.phase)
      {
        g_array_index (opts->figures, PnPipelineFigure, i).yuan = figure.yuan;
        return TRUE;
      }
  g_array_append_val (opts->figures, figure);
  return TRUE;
}

#define STAGE_ENTRY(phase) \
  { "rd-investment-" phase, 0, PNAV_CALLBACK (stage_figure_cb), \
    N_("R&D investment up to this milestone, in whole yuan (instead of --rd-investment)"), \
    N_("YUAN") }

/* one per term of the "phase" vocabulary (data/taxonomy.xml) */
static const GOptionEntry pipeline_entries[] = {
  STAGE_ENTRY ("preclinical"),
  STAGE_ENTRY ("phase-1"),
  STAGE_ENTRY ("phase-2"),
  STAGE_ENTRY ("phase-3"),
  STAGE_ENTRY ("overseas-clinical"),
  STAGE_ENTRY ("registered"),
  STAGE_ENTRY ("marketed"),
  STAGE_ENTRY ("consistency-evaluation"),
  STAGE_ENTRY ("overseas-approval"),
  G_OPTION_ENTRY_NULL
};

/* pnav pipeline [match options] [--rd-investment-PHASE YUAN …] */
int
pnav_pipeline (PnavContext  *ctx,
               char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;
  g_autoptr(PnPipeline) pipeline = NULL;
  g_auto(GStrv) positional = NULL;
  PipelineOptions opts = { g_array_new (FALSE, FALSE, sizeof (PnPipelineFigure)) };
  PnCorpus *corpus;
  int status = PNAV_EXIT_OK;

  ctx->command_data = &opts;

  context = pnav_option_context_new (ctx, NULL,
                                     N_("Show what each milestone of a drug or device is worth "
                                        "at the location, from preclinical research to marketing "
                                        "and approval abroad: per milestone, the counted "
                                        "estimate of the measures tied to it, their ceiling and "
                                        "the figure that reaches it.  Each milestone is “pnav "
                                        "match” with --phase set to it (--phase itself is "
                                        "ignored); --rd-investment applies to every milestone "
                                        "unless --rd-investment-PHASE gives one its own.  With "
                                        "--format json, each stage's “figures” give “given_cny”, "
                                        "“for_ceiling_cny” (the least figure that reaches the "
                                        "ceiling; at least the one given when more of it gives "
                                        "less) and “more_gives_less” (a top-up pays only the "
                                        "difference over the award it tops up: past its cap, more "
                                        "of the figure gives less); the whole pipeline's "
                                        "“pipeline_estimate_cny” (the milestones' counted "
                                        "estimates added up), “pipeline_ceiling_cny” (null when "
                                        "a rate has no cap) and “counted_until” (the first end of "
                                        "a counted measure: a milestone reached after it gets "
                                        "nothing from it)."),
                                     pipeline_entries, TRUE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 0, NULL, &error))
    goto out;

  profile = pnav_context_build_profile (ctx, TRUE, &error);
  if (profile == NULL)
    goto out;

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    goto out;

  pipeline = pn_pipeline_new (corpus, profile,
                              (const PnPipelineFigure *) (gpointer) opts.figures->data,
                              opts.figures->len, &error);
  if (pipeline == NULL)
    {
      if (g_error_matches (error, PN_PIPELINE_ERROR, PN_PIPELINE_ERROR_PRODUCT))
        {
          g_clear_error (&error);
          g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                       _("a pipeline is for a drug or a device: give --product drug or "
                         "--product device (or a drug or device answer such as --drug-class)"));
        }
      goto out;
    }

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = pn_pipeline_to_json (pipeline);

      pnav_print_json (node);
    }
  else
    {
      g_autofree char *text = pn_pipeline_to_text (pipeline, pn_lang_from_locale ());

      pnav_print ("%s", text);
    }

out:
  if (error != NULL)
    status = pnav_report_error (ctx, error);
  g_array_unref (opts.figures);
  ctx->command_data = NULL;
  return status;
}
