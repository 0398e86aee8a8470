/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "pn-draft.h"
#include "pn-policy-loader.h"
#include "pn-policy-writer.h"

typedef struct
{
  PnavDocumentOptions document;   /* --output; must come first */
  char               *id;
} DraftOptions;

static gboolean
id_cb (const char  *option_name,
       const char  *value,
       gpointer     data,
       GError     **error)
{
  PnavContext *ctx = data;
  DraftOptions *opts = ctx->command_data;

  if (!pn_draft_id_is_valid (value))
    {
      g_autofree char *shown = g_utf8_make_valid (value, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s: “%s” is no document id; use lower-case letters, digits and single "
                     "hyphens, e.g. xiamen-2026-3"), option_name, shown);
      return FALSE;
    }

  g_free (opts->id);
  opts->id = g_strdup (value);
  return TRUE;
}

static const GOptionEntry draft_entries[] = {
  { "output", 'o', PNAV_CALLBACK (pnav_document_output_cb),
    N_("Write the draft to FILE (replaced in one step if it exists; left as it was when the "
       "source cannot be drafted) instead of standard output"), N_("FILE") },
  { "id", 0, PNAV_CALLBACK (id_cb),
    N_("The document id (default: from the document number and place, as xiamen-2023-17, "
       "else from the file name)"), N_("ID") },
  G_OPTION_ENTRY_NULL
};

static const char * const draft_formats[] = { "xml", NULL };

/* pnav draft SOURCE [--output FILE] [--id ID] */
int
pnav_draft (PnavContext  *ctx,
            char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(PnDraft) draft = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PnDocument) check = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *display = NULL;
  DraftOptions opts = { { NULL, PN_LANG_EN, FALSE }, NULL };
  const char * const *warnings;
  PnDocument *document;
  guint n_benefits, unreviewed = 0;
  int status = PNAV_EXIT_OK;

  ctx->command_data = &opts;
  ctx->formats = draft_formats;
  ctx->format_help = N_("Output format: xml (policy XML, the only one)");
  ctx->format = PNAV_FORMAT_XML;

  context = pnav_option_context_new_full (ctx, N_("SOURCE"),
                                          N_("Read an official policy text (.txt in UTF-8 or "
                                             "GB18030, .html or .htm saved from a government site, "
                                             ".pdf with a text layer, .docx) and write a draft "
                                             "policy document: title, number, issuer, place, "
                                             "dates, the articles numbered as the corpus guide "
                                             "numbers them with their verbatim text and "
                                             "responsible units, and a candidate benefit for "
                                             "every amount and rate.  Every benefit is marked "
                                             "not yet reviewed: it shows as a possible match and "
                                             "never counts until a reviewer marks it.  The draft "
                                             "is checked against the schema before it is "
                                             "written.  Exit status 3, with nothing written, when "
                                             "the source is empty, binary, a PDF without text, "
                                             "too large or holds no numbered articles."),
                                          draft_entries, PNAV_OPTIONS_NONE);

  if (!pnav_option_context_parse (context, args, TRUE, &files, &error)
      || !pnav_check_n_args (ctx, files, 1, 1, _("SOURCE"), &error))
    goto out;

  taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
  if (taxonomy == NULL)
    goto out;

  display = g_filename_display_name (files[0]);
  file = g_file_new_for_commandline_arg (files[0]);
  draft = pn_draft_new_from_file (file, opts.id, taxonomy, &error);
  if (draft == NULL)
    {
      /* name the file as it was given, not as an absolute path */
      g_autofree char *parse_name = g_file_get_parse_name (file);

      if (error == NULL)
        g_set_error (&error, PN_DRAFT_ERROR, PN_DRAFT_ERROR_DAMAGED, "%s: cannot be drafted", parse_name);

      if (g_str_has_prefix (error->message, parse_name) && strcmp (parse_name, display) != 0)
        {
          g_autofree char *message = g_strconcat (display, error->message + strlen (parse_name), NULL);

          g_free (error->message);
          error->message = g_steal_pointer (&message);
        }
      goto out;
    }
  document = pn_draft_get_document (draft);

  /* a notice keeping documents in force longer: the library's ids of them */
  {
    g_autoptr(PnCorpus) bundled = NULL;
    g_autoptr(GError) corpus_error = NULL;
    PnCorpus *corpus = pnav_context_load_existing_corpus (ctx, &bundled, &corpus_error);

    if (corpus != NULL)
      {
        pn_draft_resolve_extensions (draft, corpus, NULL);
        pn_draft_resolve_repeals (draft, corpus, NULL);
      }
    for (guint i = 0; i < document->supersedes->len; i++)
      {
        const PnSupersession *supersession = g_ptr_array_index (document->supersedes, i);

        pnav_printerr (_("pnav: %s: note: the text repeals “%s”: the draft supersedes it from %s\n"),
                       display, supersession->ref, supersession->from);
      }
    if (document->extends->len < pn_draft_get_n_extensions (draft))
      pnav_printerr (_("pnav: %s: warning: this notice keeps a document in force longer, but neither its "
                       "number nor its title is in the library: add <extends ref=\"ID\" until=\"DATE\"/> "
                       "before importing\n"), display);
    for (guint i = 0; i < document->extends->len; i++)
      {
        const PnExtension *extension = g_ptr_array_index (document->extends, i);
        PnDocument *extended = corpus != NULL ? pn_corpus_find_header (corpus, extension->ref, NULL) : NULL;
        const char *end = extended != NULL ? pn_document_get_in_force_until (extended) : NULL;

        if (extended == NULL)
          pnav_printerr (_("pnav: %s: warning: this notice keeps “%s” in force until %s, but the library has "
                           "no such document; check <extends ref=…> before importing\n"),
                         display, extension->ref, extension->until);
        else if (end != NULL && strcmp (extension->until, end) <= 0)
          pnav_printerr (_("pnav: %s: warning: this notice keeps “%s” in force until %s, but it is in force "
                           "until %s already: check the day\n"),
                         display, extended->id, extension->until, end);
        else if (document->draft)
          pnav_printerr (_("pnav: %s: note: this draft for comment would keep “%s” (%s) in force until %s; "
                           "it extends nothing until the final text is imported\n"),
                         display, extended->id,
                         extended->doc_number ? extended->doc_number : pn_text_get (&extended->title, pn_lang_from_locale ()),
                         extension->until);
        else
          pnav_printerr (_("pnav: %s: note: this notice keeps “%s” (%s) in force until %s\n"),
                         display, extended->id,
                         extended->doc_number ? extended->doc_number : pn_text_get (&extended->title, pn_lang_from_locale ()),
                         extension->until);
      }
  }

  /* what the draft must write, then proof that it validates: the schema
   * and every reference, as `pnav validate` and the import check them */
  bytes = pn_policy_writer_write (document, &error);
  if (bytes != NULL)
    check = pn_policy_loader_load_document (display, bytes, taxonomy, &error);
  if (check == NULL)
    {
      g_prefix_error (&error, _("%s: the draft does not validate, nothing was written "
                                "(please report this): "), display);
      goto out;
    }

  warnings = pn_draft_get_warnings (draft);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    pnav_printerr (_("pnav: %s: warning: %s\n"), display, warnings[i]);

  /* a new version of a document the user has: say so, the user decides */
  {
    g_autoptr(PnCorpus) bundled = NULL;
    g_autoptr(GError) corpus_error = NULL;
    PnCorpus *corpus = pnav_context_load_existing_corpus (ctx, &bundled, &corpus_error);
    PnDocument *previous = corpus != NULL ? pn_draft_guess_superseded (document, corpus, NULL) : NULL;

    if (previous != NULL)
      pnav_printerr (_("pnav: %s: note: this looks like a new version of “%s” (%s); if it replaces "
                       "it, add <supersedes ref=\"%s\" from=\"%s\"/> after <source> (from the day "
                       "the new text applies)\n"),
                     display, previous->id,
                     previous->doc_number ? previous->doc_number : pn_text_get (&previous->title, pn_lang_from_locale ()),
                     previous->id,
                     document->in_force_from ? document->in_force_from : "YYYY-MM-DD");
  }

  if (!pnav_write_output (opts.document.output, bytes, &error))
    goto out;

  if (opts.document.output != NULL)
    {
      g_autofree char *shown = g_filename_display_name (opts.document.output);

      g_autofree char *articles = NULL;
      g_autofree char *benefits = NULL;

      n_benefits = pn_document_count_benefits (document, &unreviewed);
      articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                               document->articles->len),
                                  document->articles->len);
      benefits = n_benefits == 0
                 ? g_strdup (_("no benefits"))
                 : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u benefit, not yet reviewed",
                                                 "%u benefits, none reviewed yet", n_benefits),
                                    n_benefits);
      /* Translators: "Drafted “ID” from SOURCE into FILE: 3 articles, 5 benefits, none reviewed yet" */
      pnav_print (_("Drafted “%s” from %s into %s: %s, %s\n"),
                  document->id, display, shown, articles, benefits);
    }

out:
  if (error != NULL)
    status = pnav_report_error (ctx, error);
  g_free (opts.document.output);
  g_free (opts.id);
  ctx->command_data = NULL;
  return status;
}
