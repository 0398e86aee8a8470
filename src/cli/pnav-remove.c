/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <glib/gi18n.h>

#include "pn-impact.h"

/* pnav remove DOCUMENT-ID */
int
pnav_remove (PnavContext  *ctx,
             char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positional = NULL;
  gboolean dry_run = FALSE;
  PnCorpus *corpus;
  const char *id;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check and show what the removal would change for each saved client; write nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = pnav_option_context_new_full (ctx, N_("DOCUMENT-ID"),
                                     N_("Remove a document imported with “pnav import”.  "
                                        "The bundled documents cannot be removed; a bundled "
                                        "document it had replaced comes back.  With --dry-run, "
                                        "show for every saved client the counted total before "
                                        "and after and the measures gained, lost or changed "
                                        "(JSON as “pnav import --dry-run”), and write nothing."),
                                     entries, PNAV_OPTIONS_DRY_RUN_DATE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, 1, _("DOCUMENT-ID"), &error))
    return pnav_report_error (ctx, error);

  id = positional[0];
  if (!dry_run && ctx->profile_options.as_of != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--as-of goes with --dry-run: a removal itself has no date"));
      return pnav_report_error (ctx, error);
    }

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    return pnav_report_error (ctx, error);

  if (pn_corpus_find_header (corpus, id, &error) == NULL)
    {
      if (error == NULL)
        pnav_set_unknown_document_error (corpus, ctx->command, id, TRUE, &error);
      /* a damaged document can still go: the store reads no more of it
       * than its key (what it would change cannot be shown) */
      if (dry_run || !g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_CORRUPT))
        return pnav_report_error (ctx, error);
      g_clear_error (&error);
    }

  if (dry_run)
    {
      g_autoptr(PnDocument) restored = NULL;
      g_autoptr(GPtrArray) documents = g_ptr_array_new ();
      const char *removed[] = { id, NULL };
      g_autoptr(PnCorpus) after = NULL;
      g_autoptr(PnImpact) impact = NULL;

      if (!pn_store_check_remove_document (ctx->store, id, &restored, &error))
        return pnav_report_error (ctx, error);
      if (restored != NULL)
        g_ptr_array_add (documents, restored);
      after = pn_corpus_new_overlay (corpus, documents, restored != NULL ? NULL : removed);
      impact = pn_impact_new_on (ctx->store, corpus, after, ctx->profile_options.as_of, NULL, &error);
      if (impact == NULL)
        return pnav_report_error (ctx, error);
      return pnav_print_impact (ctx, impact, "remove", id);
    }

  /* The store refuses bundled documents (PN_STORE_ERROR_READ_ONLY: exit 3). */
  if (!pn_store_remove_document (ctx->store, id, &error))
    return pnav_report_error (ctx, error);

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "removed");
      json_builder_add_string_value (builder, id);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      pnav_print_json (node);
    }
  else
    pnav_print (_("Removed “%s”\n"), id);

  return PNAV_EXIT_OK;
}
