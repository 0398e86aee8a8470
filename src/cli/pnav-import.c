/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "pn-export.h"
#include "pn-impact.h"

/* When `incoming` replaces the stored document of its id and that one is
 * another place's (or the same place id declared within another city),
 * a warning on stderr naming both */
static void
warn_other_place (PnavContext *ctx,
                  const char  *display,
                  PnDocument  *incoming)
{
  PnCorpus *known = pnav_context_load_corpus (ctx, NULL);
  PnDocument *existing = known != NULL ? pn_corpus_find_header (known, incoming->id, NULL) : NULL;
  PnTaxonomy *taxonomy;
  const PnTerm *was, *will;
  PnLang lang = pn_lang_from_locale ();

  if (existing == NULL)
    return;
  taxonomy = pn_corpus_get_taxonomy (known);
  was = pn_document_lookup_location (existing, taxonomy, existing->jurisdiction);
  will = pn_document_lookup_location (incoming, taxonomy, incoming->jurisdiction);
  if (g_strcmp0 (existing->jurisdiction, incoming->jurisdiction) == 0 &&
      (was == NULL || will == NULL || g_strcmp0 (was->parent, will->parent) == 0))
    return;

  pnav_printerr (_("pnav: %s: warning: the stored “%s” is a document of %s (%s); this file's is of "
                   "%s (%s): its measures move there\n"),
                 display, incoming->id,
                 was != NULL ? pnav_term_label (was, lang) : existing->jurisdiction,
                 was != NULL && was->parent != NULL ? was->parent : existing->jurisdiction,
                 will != NULL ? pnav_term_label (will, lang) : incoming->jurisdiction,
                 will != NULL && will->parent != NULL ? will->parent : incoming->jurisdiction);
}

/* A notice that keeps a document in force longer, when what it extends
 * would change nothing (no such document, a draft, a document of no end
 * date, a day not after its end): a warning on stderr each, for the
 * person importing to look before a client's dates rest on it */
static void
warn_extends (PnavContext *ctx,
              const char  *display,
              PnDocument  *incoming)
{
  PnCorpus *known;

  if (incoming->extends == NULL || incoming->extends->len == 0)
    return;
  known = pnav_context_load_corpus (ctx, NULL);
  for (guint i = 0; known != NULL && i < incoming->extends->len; i++)
    {
      const PnExtension *extension = g_ptr_array_index (incoming->extends, i);
      PnDocument *extended = pn_corpus_find_header (known, extension->ref, NULL);

      if (extended == NULL)
        pnav_printerr (_("pnav: %s: warning: it keeps “%s” in force until %s, but the library has no such "
                         "document: it changes nothing until one of that id is imported\n"),
                       display, extension->ref, extension->until);
      else if (extended->draft)
        pnav_printerr (_("pnav: %s: warning: it keeps “%s” in force until %s, but that is a draft for comment, "
                         "never in force: it changes nothing\n"),
                       display, extension->ref, extension->until);
      else if (extended->in_force_until == NULL)
        pnav_printerr (_("pnav: %s: warning: it keeps “%s” in force until %s, but that document states no end "
                         "date: it changes nothing\n"),
                       display, extension->ref, extension->until);
      else if (strcmp (extension->until, extended->in_force_until) <= 0)
        pnav_printerr (_("pnav: %s: warning: it keeps “%s” in force until %s, but that document is in force "
                         "until %s already: it changes nothing\n"),
                       display, extension->ref, extension->until, extended->in_force_until);
    }
}

/* pnav import FILE [--replace] */
int
pnav_import (PnavContext  *ctx,
             char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *display = NULL;
  gboolean replace = FALSE;
  gboolean dry_run = FALSE;
  PnStore *store;
  PnCorpus *corpus;
  const GOptionEntry entries[] = {
    { "replace", 0, 0, G_OPTION_ARG_NONE, &replace,
      N_("Replace an imported document with the same id"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check everything and show what the import would change for each saved client; write nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = pnav_option_context_new_full (ctx, N_("FILE"),
                                     N_("Validate a policy XML file fully, then add it to "
                                        "the database in one transaction.  Nothing is "
                                        "written when the file is not valid.  With "
                                        "--dry-run, show for every saved client the counted "
                                        "total before and after and the measures gained, lost "
                                        "or changed, and write nothing (JSON: {\"action\", "
                                        "\"document_id\", \"clients\": [{\"name\", "
                                        "\"before_total_cny\", \"after_total_cny\", "
                                        "\"difference_cny\", \"changes\": [{\"kind\", "
                                        "\"benefit_id\", \"before_cny\", \"after_cny\", …}]}]}).  "
                                        "Each client is worked out on its own date, or on the "
                                        "day the document takes effect when its own is before "
                                        "(\"as_of_from\": client, takes-effect, or given with "
                                        "--as-of); measures not yet reviewed never count "
                                        "(\"unreviewed_measures\").  A notice keeping a document "
                                        "in force longer (<extends>) takes effect the day after "
                                        "that document's end; the documents whose last day "
                                        "changes are listed first (\"documents\": [{\"id\", "
                                        "\"doc_number\", \"in_force_until_before\", "
                                        "\"in_force_until_after\"}])."),
                                     entries, PNAV_OPTIONS_DRY_RUN_DATE);

  if (!pnav_option_context_parse (context, args, TRUE, &files, &error)
      || !pnav_check_n_args (ctx, files, 1, 1, _("FILE"), &error))
    return pnav_report_error (ctx, error);

  if (!dry_run && ctx->profile_options.as_of != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--as-of goes with --dry-run: an import itself has no date"));
      return pnav_report_error (ctx, error);
    }

  store = pnav_context_open_store (ctx, &error);
  if (store == NULL)
    return pnav_report_error (ctx, error);

  display = g_filename_display_name (files[0]);
  file = g_file_new_for_commandline_arg (files[0]);

  /* A replacement of another place's document (two zones' drafts of one
   * id, say) moves every measure of it: said before it happens (a dry
   * run says it of the document it checks, below) */
  if (replace && !dry_run)
    {
      g_autoptr(PnDocument) incoming = pn_store_check_import_file (store, file, TRUE, NULL);

      if (incoming != NULL)
        warn_other_place (ctx, display, incoming);
    }
  document = dry_run ? pn_store_check_import_file (store, file, replace, &error)
                     : pn_store_import_file (store, file, replace, &error);
  if (document == NULL)
    {
      if (strstr (error->message, display) == NULL)
        g_prefix_error (&error, "%s: ", display);
      /* the message says to use --replace: one line, as every refusal */
      return pnav_report_error (ctx, error);
    }

  warn_extends (ctx, display, document);
  if (dry_run)
    {
      if (replace)
        warn_other_place (ctx, display, document);
      g_autoptr(GPtrArray) documents = g_ptr_array_new ();
      g_autoptr(PnCorpus) after = NULL;
      g_autoptr(PnImpact) impact = NULL;
      g_autofree char *takes_effect = NULL;

      corpus = pnav_context_load_corpus (ctx, &error);
      if (corpus == NULL)
        return pnav_report_error (ctx, error);
      g_ptr_array_add (documents, document);
      after = pn_corpus_new_overlay (corpus, documents, NULL);
      takes_effect = pn_document_dup_takes_effect (document, corpus);
      impact = pn_impact_new_on (store, corpus, after, ctx->profile_options.as_of, takes_effect, &error);
      if (impact == NULL)
        return pnav_report_error (ctx, error);
      return pnav_print_impact_full (ctx, impact, pn_corpus_find_header (corpus, document->id, NULL) != NULL
                                                  ? "replace" : "import", document);
    }


  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = NULL;

      corpus = pnav_context_load_corpus (ctx, &error);
      if (corpus == NULL)
        return pnav_report_error (ctx, error);

      node = pn_export_document_json (corpus, document, FALSE);
      pnav_print_json (node);
    }
  else
    {
      const char *title = pn_text_get (&document->title, pn_lang_from_locale ());
      /* a title may run to a megabyte: a line says which, no more */
      g_autofree char *start = g_utf8_strlen (title, -1) > 120 ? g_utf8_substring (title, 0, 119) : NULL;
      g_autofree char *shown = start != NULL ? g_strconcat (start, "…", NULL) : g_strdup (title);

      pnav_print (_("Imported “%s” (%s) from %s\n"), document->id, shown, display);
    }

  pnav_leave_at_exit (g_steal_pointer (&document));
  return PNAV_EXIT_OK;
}
