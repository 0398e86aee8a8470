/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "pn-policy-loader.h"

/* pnav validate FILE… */
int
pnav_validate (PnavContext  *ctx,
               char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(PnCorpus) bundled = NULL;
  PnTaxonomy *taxonomy;
  PnCorpus *corpus;
  gboolean all_valid = TRUE;

  context = pnav_option_context_new (ctx, N_("FILE…"),
                                     N_("Check policy XML files against the schema and the "
                                        "taxonomy, and that the benefits their expected-result "
                                        "cases name exist, without importing them; say how many "
                                        "benefits are not yet reviewed (drafted with “pnav "
                                        "draft”).  Exits with 3 when a file is not valid."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, TRUE, &files, &error)
      || !pnav_check_n_args (ctx, files, 1, -1, _("FILE"), &error))
    return pnav_report_error (ctx, error);

  corpus = pnav_context_load_existing_corpus (ctx, &bundled, &error);
  if (corpus == NULL)
    return pnav_report_error (ctx, error);
  taxonomy = pn_corpus_get_taxonomy (corpus);

  builder = json_builder_new ();
  json_builder_begin_array (builder);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(PnDocument) document = NULL;
      g_autoptr(GError) file_error = NULL;
      g_autofree char *display = g_filename_display_name (files[i]);

      /* One bounded read; then what import would also refuse: the
       * references a corpus answers (top-ups, cycles across documents). */
      document = pn_policy_loader_load_document_file (file, taxonomy, &file_error);
      if (document != NULL && !pn_policy_loader_check_in_corpus (corpus, document, &file_error))
        g_clear_pointer (&document, pn_document_unref);
      if (document != NULL)
        {
          /* what it tops up, and what its expected-result cases name,
           * must be there, as an import would require */
          g_autoptr(GPtrArray) documents = g_ptr_array_new ();
          g_autoptr(PnCorpus) overlay = NULL;

          g_ptr_array_add (documents, document);
          overlay = pn_corpus_new_overlay (corpus, documents, NULL);
          if (!pn_corpus_check_references (overlay, &file_error) ||
              !pn_policy_loader_check_case_references (document, overlay, &file_error))
            g_clear_pointer (&document, pn_document_unref);
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, display);
      json_builder_set_member_name (builder, "valid");
      json_builder_add_boolean_value (builder, document != NULL);

      if (document != NULL)
        {
          guint unreviewed = 0;
          guint n_benefits = pn_document_count_benefits (document, &unreviewed);

          json_builder_set_member_name (builder, "document");
          json_builder_add_string_value (builder, document->id);
          json_builder_set_member_name (builder, "benefits");
          json_builder_add_int_value (builder, n_benefits);
          json_builder_set_member_name (builder, "unreviewed");
          json_builder_add_int_value (builder, unreviewed);
          if (ctx->format == PNAV_FORMAT_TEXT)
            {
              pnav_print (_("%s: valid\n"), display);
              /* A draft is valid; say what its unreviewed benefits mean. */
              if (unreviewed > 0)
                pnav_print (g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %u of %u benefits is not yet reviewed: it shows as "
                                         "a possible match and never counts until a reviewer "
                                         "marks it\n",
                                         "%s: %u of %u benefits are not yet reviewed: they show "
                                         "as possible matches and never count until a reviewer "
                                         "marks them\n",
                                         unreviewed),
                            display, unreviewed, n_benefits);
            }
        }
      else
        {
          /* The loader's messages name the file and line already. */
          if (strstr (file_error->message, display) == NULL)
            g_prefix_error (&file_error, "%s: ", display);

          json_builder_set_member_name (builder, "error");
          json_builder_add_string_value (builder, file_error->message);
          pnav_printerr ("pnav: %s\n", file_error->message);
          all_valid = FALSE;
        }

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (builder);

      pnav_print_json (node);
    }

  return all_valid ? PNAV_EXIT_OK : PNAV_EXIT_DATA;
}
