/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <glib/gi18n.h>

#include "pn-export.h"

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  const PnDocument *document_a = *(PnDocument * const *) a;
  const PnDocument *document_b = *(PnDocument * const *) b;

  return g_strcmp0 (document_a->id, document_b->id);
}

/* The documents sorted by id: the corpus order is not stable across
 * loads, and output must not change while the database does not. */
static GPtrArray *
sorted_documents (PnCorpus  *corpus,
                  GError   **error)
{
  GPtrArray *documents = pn_corpus_list_documents (corpus, error);

  if (documents != NULL)
    g_ptr_array_sort (documents, compare_ids);
  return documents;
}

static void
print_text (PnCorpus  *corpus,
            GPtrArray *documents)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);
  g_autoptr(GHashTable) superseded = pn_corpus_get_superseded (corpus, NULL);
  PnLang lang = pn_lang_from_locale ();

  if (documents->len == 0)
    {
      pnav_print ("%s\n", _("No documents."));
      return;
    }

  for (guint i = 0; i < documents->len; i++)
    {
      PnDocument *document = g_ptr_array_index (documents, i);
      g_autoptr(GString) flags = g_string_new (NULL);

      g_string_append (flags, pnav_location_label (taxonomy, document->jurisdiction, lang));
      if (document->issued != NULL)
        g_string_append_printf (flags, ", %s", document->issued);
      if (document->draft)
        g_string_append_printf (flags, ", %s", _("draft"));
      if (document->user_imported)
        g_string_append_printf (flags, ", %s", _("imported"));
      if (superseded != NULL && g_hash_table_contains (superseded, document->id))
        {
          const PnSupersededBy *by = g_hash_table_lookup (superseded, document->id);

          /* Translators: "replaced by DOCUMENT-ID from YYYY-MM-DD" */
          g_string_append_printf (flags, ", ");
          g_string_append_printf (flags, _("replaced by %s from %s"), by->by, by->from);
        }
      g_string_append_printf (flags, ", ");
      g_string_append_printf (flags,
                              g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                           document->n_articles),
                              document->n_articles);

      pnav_print ("%s\n", document->id);
      if (document->doc_number != NULL)
        pnav_print ("  %s  %s\n", document->doc_number, pn_text_get (&document->title, lang));
      else
        pnav_print ("  %s\n", pn_text_get (&document->title, lang));
      pnav_print ("  %s\n", flags->str);
    }
}

/* pnav list-documents */
int
pnav_list_documents (PnavContext  *ctx,
                     char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_auto(GStrv) positional = NULL;
  PnCorpus *corpus;

  context = pnav_option_context_new (ctx, NULL,
                                     N_("List the policy documents in the database, "
                                        "bundled and imported.  With --format json, each "
                                        "document's \"in_force_until\" is the last day that "
                                        "holds, \"in_force_until_as_written\" the text's own, "
                                        "\"extended_by\" the notice that moved it (or null) "
                                        "and \"extends\" what a notice keeps in force "
                                        "([{\"id\", \"until\"}])."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 0, NULL, &error))
    return pnav_report_error (ctx, error);

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    return pnav_report_error (ctx, error);

  documents = sorted_documents (corpus, &error);
  if (documents == NULL)
    return pnav_report_error (ctx, error);

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < documents->len; i++)
        json_array_add_element (array,
                                pn_export_document_json (corpus,
                                                         g_ptr_array_index (documents, i),
                                                         FALSE));
      json_node_take_array (node, array);
      pnav_print_json (node);
    }
  else
    print_text (corpus, documents);

  return PNAV_EXIT_OK;
}
