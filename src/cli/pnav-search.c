/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-export.h"

#define DEFAULT_LIMIT 20
#define MAX_LIMIT     1000

typedef struct
{
  char  *document;
  guint  limit;
} SearchOptions;

static gboolean
document_cb (const char  *option_name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  PnavContext *ctx = data;
  SearchOptions *options = ctx->command_data;
  char *utf8 = pnav_arg_to_utf8 (value, option_name, error);

  if (utf8 == NULL)
    return FALSE;

  g_free (options->document);
  options->document = utf8;
  return TRUE;
}

static gboolean
limit_cb (const char  *option_name,
          const char  *value,
          gpointer     data,
          GError     **error)
{
  PnavContext *ctx = data;
  SearchOptions *options = ctx->command_data;
  guint64 limit;
  gboolean digits = value[0] != '\0';

  for (const char *p = value; *p != '\0' && digits; p++)
    digits = g_ascii_isdigit (*p);

  if (!digits || !g_ascii_string_to_unsigned (value, 10, 1, MAX_LIMIT, &limit, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (value, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: invalid value “%s”; expected a whole number from 1 to %d"),
                   option_name, shown, MAX_LIMIT);
      return FALSE;
    }

  options->limit = (guint) limit;
  return TRUE;
}

static const GOptionEntry entries[] = {
  { "document", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) document_cb,
    N_("Search only the document ID"), N_("ID") },
  { "limit", 0, G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) limit_cb,
    N_("Show at most N hits (20 unless given)"), N_("N") },
  G_OPTION_ENTRY_NULL
};

static void
print_text (GPtrArray *hits,
            PnLang     lang)
{
  if (hits->len == 0)
    {
      pnav_print ("%s\n", _("No matches."));
      return;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const PnSearchHit *hit = g_ptr_array_index (hits, i);
      const char *heading = lang == PN_LANG_ZH || hit->heading_en == NULL
                            ? hit->heading_zh : hit->heading_en;

      pnav_print ("%s %s", hit->document_id, hit->article != NULL ? hit->article : "");
      if (hit->doc_number != NULL)
        pnav_print ("  %s", hit->doc_number);
      if (heading != NULL)
        pnav_print ("  %s", heading);
      pnav_print ("\n");
      if (hit->snippet != NULL)
        pnav_print ("    %s\n", hit->snippet);
    }
}

/* pnav search QUERY [--document ID] [--limit N] */
int
pnav_search (PnavContext  *ctx,
             char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_auto(GStrv) positional = NULL;
  g_autofree char *query = NULL;
  PnCorpus *corpus;
  SearchOptions options = { NULL, DEFAULT_LIMIT };
  int status = PNAV_EXIT_OK;

  ctx->command_data = &options;

  context = pnav_option_context_new (ctx, N_("QUERY"),
                                     N_("Search the original text, headings and summaries of "
                                        "the policies.  Several words are searched as one "
                                        "phrase."),
                                     entries, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, -1, _("QUERY"), &error))
    {
      status = pnav_report_error (ctx, error);
      goto out;
    }

  query = g_strstrip (g_strjoinv (" ", positional));
  if (query[0] == '\0')
    {
      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE, _("search: the query is empty"));
      status = pnav_report_error (ctx, error);
      goto out;
    }

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    {
      status = pnav_report_error (ctx, error);
      goto out;
    }

  if (options.document != NULL && pn_corpus_find_header (corpus, options.document, &error) == NULL)
    {
      if (error == NULL)
        pnav_set_unknown_document_error (corpus, "--document", options.document, FALSE, &error);
      status = pnav_report_error (ctx, error);
      goto out;
    }

  hits = pn_store_search (ctx->store, query, options.document, options.limit, &error);
  if (hits == NULL)
    {
      status = pnav_report_error (ctx, error);
      goto out;
    }

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = pn_export_search_hits_json (hits);

      pnav_print_json (node);
    }
  else
    print_text (hits, pn_lang_from_locale ());

out:
  ctx->command_data = NULL;
  g_clear_pointer (&options.document, g_free);
  return status;
}
