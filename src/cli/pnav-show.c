/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <glib/gi18n.h>

#include "pn-citation.h"
#include "pn-export.h"
#include "pn-money.h"

static void
print_field (const char *label,
             const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  /* Padded by columns, not bytes: 责任单位： is 10 columns, 15 bytes. */
  line = g_string_new ("  ");
  pn_export_append_padded (line, label, 14);
  pnav_print ("%s %s\n", line->str, value);
}

static void
print_block (const char *label,
             const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL || text[0] == '\0')
    return;

  pnav_print ("  %s\n", label);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    pnav_print ("    %s\n", lines[i]);
}

static void
print_notes (GPtrArray *notes,
             PnLang     lang,
             const char *indent)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      const PnText *note = g_ptr_array_index (notes, i);

      pnav_print ("%s%s %s\n", indent, _("Note:"), pn_text_get (note, lang));
    }
}

static char *
format_yuan (gint64 yuan)
{
  return pn_money_format_yuan (yuan);
}

static void
print_benefit (PnTaxonomy *taxonomy,
               PnBenefit  *benefit,
               PnLang      lang)
{
  g_autoptr(GString) rule = g_string_new (pn_benefit_kind_to_string (benefit->kind));

  pnav_print ("    • %s\n", pn_text_get (&benefit->title, lang));
  pnav_print ("      %s\n", benefit->id);

  if (benefit->per != NULL)
    g_string_append_printf (rule, _(", per %s"), benefit->per);
  if (benefit->one_time)
    g_string_append_printf (rule, ", %s", _("once"));
  if (benefit->amount != PN_YUAN_UNSET)
    {
      g_autofree char *amount = format_yuan (benefit->amount);

      g_string_append_printf (rule, _("; amount %s"), amount);
    }
  if (benefit->rate >= 0)
    {
      g_autofree char *rate = pnav_format_rate (benefit->rate);

      if ((int) benefit->base != PN_FIGURE_NONE && benefit->rate_ceiling)
        /* Translators: "; at most 40% of rd-investment", a rate the text sets as a ceiling */
        g_string_append_printf (rule, _("; at most %s of %s"), rate,
                                pn_figure_to_string (benefit->base));
      else if ((int) benefit->base != PN_FIGURE_NONE)
        g_string_append_printf (rule, _("; %s of %s"), rate,
                                pn_figure_to_string (benefit->base));
      else if (benefit->rate_ceiling)
        g_string_append_printf (rule, _("; rate at most %s"), rate);
      else
        g_string_append_printf (rule, _("; rate %s"), rate);
    }
  if (benefit->cap != PN_YUAN_UNSET)
    {
      g_autofree char *cap = format_yuan (benefit->cap);

      g_string_append_printf (rule, _("; at most %s"), cap);
    }
  pnav_print ("      %s\n", rule->str);

  for (guint i = 0; benefit->thresholds != NULL && i < benefit->thresholds->len; i++)
    {
      const PnThreshold *threshold = g_ptr_array_index (benefit->thresholds, i);
      g_autofree char *min = format_yuan (threshold->min);

      pnav_print ("      %s %s %s %s\n", _("Threshold:"),
                  pn_figure_to_string (threshold->figure),
                  threshold->inclusive ? "≥" : ">", min);
    }

  if ((int) benefit->combined_limit != PN_FIGURE_NONE)
    pnav_print ("      %s %s\n", _("Award plus base at most:"),
                pn_figure_to_string (benefit->combined_limit));

  for (guint i = 0; benefit->conditions != NULL && i < benefit->conditions->len; i++)
    {
      const PnCondition *condition = g_ptr_array_index (benefit->conditions, i);
      g_autofree char *values = condition->values != NULL
                                ? g_strjoinv (", ", condition->values) : g_strdup ("");

      if (condition->review != NULL && condition->review[0] != NULL)
        {
          g_autofree char *review = g_strjoinv (", ", condition->review);

          pnav_print ("      %s %s = %s (%s %s)\n", _("Condition:"),
                      pn_question_to_string (condition->question), values,
                      _("after expert review:"), review);
        }
      else
        pnav_print ("      %s %s = %s\n", _("Condition:"),
                    pn_question_to_string (condition->question), values);
    }

  for (guint i = 0; benefit->requirements != NULL && i < benefit->requirements->len; i++)
    {
      const PnRequirement *requirement = g_ptr_array_index (benefit->requirements, i);

      pnav_print ("      %s %s\n", _("Requirement:"), pn_text_get (&requirement->text, lang));
    }

  if (benefit->tops_up != NULL && benefit->tops_up[0] != NULL)
    {
      g_autofree char *targets = g_strjoinv (", ", benefit->tops_up);

      pnav_print ("      %s %s\n", _("Tops up:"), targets);
    }

  if (benefit->overlap_group != NULL)
    {
      const PnTerm *group = pn_taxonomy_get_group (taxonomy, benefit->overlap_group);

      pnav_print ("      %s %s\n", _("Not cumulative with:"),
                  group != NULL ? pnav_term_label (group, lang) : benefit->overlap_group);
    }

  print_notes (benefit->notes, lang, "      ");
}

static void
print_article (PnTaxonomy *taxonomy,
               PnArticle  *article,
               PnLang      lang,
               gboolean    full)
{
  g_autofree char *citation = pn_citation_format (article, lang);
  guint n_benefits = article->benefits != NULL ? article->benefits->len : 0;

  pnav_print ("%s  %s\n", citation, pn_text_get (&article->heading, lang));

  if (!full)
    {
      for (guint i = 0; i < n_benefits; i++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, i);

          pnav_print ("    • %s\n", pn_text_get (&benefit->title, lang));
        }
      return;
    }

  print_field (_("Chapter:"), article->chapter);
  if (article->deadline_text != NULL)
    {
      g_autofree char *deadline = NULL;

      if (article->valid_from != NULL || article->valid_until != NULL)
        deadline = g_strdup_printf ("%s (%s – %s)", article->deadline_text,
                                    article->valid_from != NULL ? article->valid_from : "…",
                                    article->valid_until != NULL ? article->valid_until : "…");
      else
        deadline = g_strdup (article->deadline_text);
      print_field (_("Deadline:"), deadline);
    }

  if (article->units != NULL && article->units->len > 0)
    {
      g_autoptr(GString) units = g_string_new (NULL);

      for (guint i = 0; i < article->units->len; i++)
        {
          const PnUnitRef *ref = g_ptr_array_index (article->units, i);
          const PnTerm *unit = pn_taxonomy_get_unit (taxonomy, ref->id);

          if (i > 0)
            g_string_append (units, "; ");
          g_string_append_printf (units, "%s (%s)",
                                  unit != NULL ? pnav_term_label (unit, lang) : ref->id,
                                  g_strcmp0 (ref->role, "lead") == 0
                                  ? _("lead") : _("cooperating"));
        }
      print_field (_("Units:"), units->str);
    }

  print_block (_("Original text:"), article->original);
  print_block (_("Summary:"), article->summary);

  if (n_benefits > 0)
    {
      pnav_print ("  %s\n", _("Benefits:"));
      for (guint i = 0; i < n_benefits; i++)
        print_benefit (taxonomy, g_ptr_array_index (article->benefits, i), lang);
    }

  print_notes (article->notes, lang, "  ");
}

static void
print_document (PnCorpus   *corpus,
                PnDocument *document,
                PnLang      lang)
{
  PnTaxonomy *taxonomy = pn_corpus_get_taxonomy (corpus);
  g_autofree char *in_force = NULL;
  g_autofree char *source = NULL;

  pnav_print ("%s\n", pn_text_get (&document->title, lang));
  print_field (_("Id:"), document->id);
  print_field (_("Number:"), document->doc_number);
  print_field (_("Issuer:"), pn_text_get (&document->issuer, lang));
  print_field (_("Jurisdiction:"),
               pnav_location_label (taxonomy, document->jurisdiction, lang));
  print_field (_("Status:"), document->draft ? _("draft") : _("final"));
  print_field (_("Issued:"), document->issued);
  if (document->in_force_from != NULL || pn_document_get_in_force_until (document) != NULL)
    in_force = g_strdup_printf ("%s – %s",
                                document->in_force_from != NULL ? document->in_force_from : "…",
                                pn_document_get_in_force_until (document) != NULL
                                ? pn_document_get_in_force_until (document) : "…");
  if (pn_document_get_in_force_until (document) != document->in_force_until)
    {
      PnDocument *notice = pn_corpus_find_header (corpus, document->extended_by, NULL);
      char *period = in_force;

      /* Translators: "2023-11-20 – 2027-12-31 (extended by 厦府办规〔2026〕15号; the text said 2026-12-31)" */
      in_force = g_strdup_printf (_("%s (extended by %s; the text said %s)"), period,
                                  notice != NULL && notice->doc_number != NULL ? notice->doc_number
                                                                               : document->extended_by,
                                  document->in_force_until != NULL ? document->in_force_until : "…");
      g_free (period);
    }
  print_field (_("In force:"), in_force);
  for (guint i = 0; document->extends != NULL && i < document->extends->len; i++)
    {
      const PnExtension *extension = g_ptr_array_index (document->extends, i);
      /* Translators: what a notice keeps in force: "xiamen-2023-17 until 2027-12-31" */
      g_autofree char *kept = g_strdup_printf (_("%s until %s"), extension->ref, extension->until);

      print_field (_("Keeps in force:"), kept);
    }
  print_field (_("Applies from:"), document->applies_from);
  if (document->source_file != NULL)
    source = g_strdup_printf (_("%s (verified %s)"), document->source_file,
                              document->last_verified != NULL ? document->last_verified : "?");
  print_field (_("Source:"), source);
  if (document->user_imported)
    print_field (_("Imported:"), _("yes"));
  if (document->overlap_quote != NULL)
    {
      g_autofree char *rule = NULL;

      rule = g_strdup_printf ("%s (%s)",
                              lang == PN_LANG_ZH || document->overlap_en == NULL
                              ? document->overlap_quote : document->overlap_en,
                              document->overlap_where != NULL ? document->overlap_where : "");
      print_field (_("Overlap rule:"), rule);
    }
  print_notes (document->notes, lang, "  ");

  for (guint i = 0; document->annual_caps != NULL && i < document->annual_caps->len; i++)
    {
      const PnAnnualCap *cap = g_ptr_array_index (document->annual_caps, i);
      g_autofree char *amount = format_yuan (cap->amount);
      g_autofree char *line = g_strdup_printf (_("%s per %s: %s"), amount,
                                               cap->per, pn_text_get (&cap->text, lang));

      print_field (_("Annual cap:"), line);
    }

  pnav_print ("\n");
  for (guint i = 0; document->articles != NULL && i < document->articles->len; i++)
    print_article (taxonomy, g_ptr_array_index (document->articles, i), lang, FALSE);
}

static char *
describe_articles (PnDocument *document)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; document->articles != NULL && i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, article->number);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* pnav show DOCUMENT-ID [ARTICLE] */
int
pnav_show (PnavContext  *ctx,
           char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positional = NULL;
  PnCorpus *corpus;
  PnDocument *document;
  PnArticle *article = NULL;

  context = pnav_option_context_new (ctx, N_("DOCUMENT-ID [ARTICLE]"),
                                     N_("Show a policy document with its articles, or one "
                                        "article in full: its original text, summary and "
                                        "benefits."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, 2, _("DOCUMENT-ID"), &error))
    return pnav_report_error (ctx, error);

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    return pnav_report_error (ctx, error);

  document = pn_corpus_find_document (corpus, positional[0], &error);
  if (document == NULL)
    {
      if (error == NULL)
        pnav_set_unknown_document_error (corpus, ctx->command, positional[0], FALSE, &error);
      return pnav_report_error (ctx, error);
    }

  if (positional[1] != NULL)
    {
      article = pn_document_find_article (document, positional[1]);
      if (article == NULL)
        {
          g_autofree char *accepted = describe_articles (document);

          g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                       _("show: document “%s” has no article “%s”; expected one of %s"),
                       document->id, positional[1], accepted);
          return pnav_report_error (ctx, error);
        }
    }

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = NULL;

      if (article != NULL)
        node = pn_export_article_json (corpus, article);
      else
        node = pn_export_document_json (corpus, document, TRUE);
      pnav_print_json (node);
    }
  else if (article != NULL)
    print_article (pn_corpus_get_taxonomy (corpus), article, pn_lang_from_locale (), TRUE);
  else
    print_document (corpus, document, pn_lang_from_locale ());

  return PNAV_EXIT_OK;
}
