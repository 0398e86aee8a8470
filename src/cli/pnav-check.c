/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "pn-check.h"
#include "pn-export.h"
#include "pn-policy-loader.h"

/* A policy XML file rather than a document id: a path that names a file,
 * or anything that ends in .xml (a file that is then missing is an error
 * naming it, not an unknown document id). */
static gboolean
names_a_file (const char *arg)
{
  return g_file_test (arg, G_FILE_TEST_EXISTS) ||
         g_str_has_suffix (arg, ".xml") || g_str_has_suffix (arg, ".XML") ||
         strchr (arg, G_DIR_SEPARATOR) != NULL;
}

/* The stored corpus with `document` in place of a stored one of the same
 * id (or added to it), its references checked. */
static PnCorpus *
corpus_with (PnCorpus    *stored,
             PnDocument  *document,
             GError     **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(PnCorpus) corpus = NULL;

  g_ptr_array_add (documents, document);
  corpus = pn_corpus_new_overlay (stored, documents, NULL);
  if (!pn_corpus_check_references (corpus, error))
    return NULL;

  return g_steal_pointer (&corpus);
}

/* pnav check [DOCUMENT-ID|FILE] [--format json] */
int
pnav_check (PnavContext  *ctx,
            char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(PnCorpus) corpus = NULL;
  g_auto(GStrv) positional = NULL;
  PnCorpus *stored;
  guint failed;

  context = pnav_option_context_new (ctx, N_("[DOCUMENT-ID|FILE]"),
                                     N_("Run the expected-result cases that policy documents "
                                        "carry (their <cases>): for each case, evaluate its "
                                        "answers on its date and compare what every benefit it "
                                        "names gives with what the case expects.  Without an "
                                        "argument, the cases of every stored document run; "
                                        "with a document id, that document's; with a policy "
                                        "XML file, the file is validated and its cases run "
                                        "against the stored documents with the file in place "
                                        "of a stored document of the same id (nothing is "
                                        "written).  Each difference is printed with the "
                                        "benefit's derivation and the quoted sentence.\n\n"
                                        "Exit status: 0 when every case passes, 3 when a case "
                                        "fails or a file or the database is not valid, 2 for "
                                        "bad usage."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, TRUE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 1, NULL, &error))
    return pnav_report_error (ctx, error);

  stored = pnav_context_load_corpus (ctx, &error);
  if (stored == NULL)
    return pnav_report_error (ctx, error);

  if (positional[0] == NULL)
    {
      g_autoptr(GPtrArray) documents = pn_corpus_list_documents (stored, &error);

      corpus = pn_corpus_ref (stored);
      for (guint i = 0; documents != NULL && i < documents->len; i++)
        {
          PnDocument *document = g_ptr_array_index (documents, i);

          if (!pn_corpus_load_whole (corpus, document, &error) ||
              !pn_policy_loader_check_case_references (document, corpus, &error))
            break;
        }
      if (error == NULL)
        outcomes = pn_check_run_corpus (corpus, &error);
    }
  else if (names_a_file (positional[0]))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (positional[0]);
      g_autoptr(PnDocument) document = NULL;

      document = pn_policy_loader_load_document_file (file, pn_corpus_get_taxonomy (stored), &error);
      if (document == NULL)
        return pnav_report_error (ctx, error);

      corpus = corpus_with (stored, document, &error);
      if (corpus == NULL ||
          !pn_policy_loader_check_case_references (document, corpus, &error))
        {
          g_autofree char *display = g_filename_display_name (positional[0]);

          if (strstr (error->message, display) == NULL)
            g_prefix_error (&error, "%s: ", display);
          return pnav_report_error (ctx, error);
        }
      outcomes = pn_check_run_document (corpus, document, &error);
    }
  else
    {
      g_autofree char *id = pnav_arg_to_utf8 (positional[0], NULL, &error);
      PnDocument *document;

      if (id == NULL)
        return pnav_report_error (ctx, error);
      document = pn_corpus_find_document (stored, id, &error);
      if (document == NULL)
        {
          if (error == NULL)
            pnav_set_unknown_document_error (stored, "check", id, FALSE, &error);
          return pnav_report_error (ctx, error);
        }
      corpus = pn_corpus_ref (stored);
      if (!pn_policy_loader_check_case_references (document, corpus, &error))
        return pnav_report_error (ctx, error);
      outcomes = pn_check_run_document (corpus, document, &error);
    }

  if (outcomes == NULL)
    return pnav_report_error (ctx, error);

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = pn_check_outcomes_json (outcomes);

      pnav_print_json (node);
    }
  else
    {
      g_autofree char *text = pn_check_outcomes_text (outcomes, pn_lang_from_locale ());

      pnav_print ("%s", text);
    }

  if (outcomes->len == 0)
    pnav_printerr (_("pnav: no expected-result cases to run\n"));

  failed = pn_check_count_failed (outcomes);
  return failed == 0 ? PNAV_EXIT_OK : PNAV_EXIT_DATA;
}
