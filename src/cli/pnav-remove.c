/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <glib/gi18n.h>

/* pnav remove DOCUMENT-ID */
int
pnav_remove (PnavContext  *ctx,
             char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positional = NULL;
  PnCorpus *corpus;
  const char *id;

  context = pnav_option_context_new (ctx, N_("DOCUMENT-ID"),
                                     N_("Remove a document imported with “pnav import”.  "
                                        "The bundled documents cannot be removed."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, 1, _("DOCUMENT-ID"), &error))
    return pnav_report_error (ctx, error);

  id = positional[0];

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    return pnav_report_error (ctx, error);

  if (pn_corpus_find_header (corpus, id, &error) == NULL)
    {
      if (error == NULL)
        pnav_set_unknown_document_error (corpus, ctx->command, id, TRUE, &error);
      return pnav_report_error (ctx, error);
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
