/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-export.h"

/* Besides the vocabularies of the taxonomy. */
#define KIND_LOCATIONS "locations"
#define KIND_UNITS     "units"
#define KIND_GROUPS    "overlap-groups"

static JsonNode *
terms_to_json (GPtrArray *terms,
               gboolean   with_parent,
               gboolean   with_level)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, term->id);
      if (with_parent)
        {
          json_builder_set_member_name (builder, with_level ? "parent" : "location");
          if (term->parent != NULL)
            json_builder_add_string_value (builder, term->parent);
          else
            json_builder_add_null_value (builder);
        }
      if (with_level)
        {
          json_builder_set_member_name (builder, "level");
          json_builder_add_string_value (builder, term->level);
        }
      json_builder_set_member_name (builder, "zh");
      json_builder_add_string_value (builder, term->zh);
      json_builder_set_member_name (builder, "en");
      json_builder_add_string_value (builder, term->en);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
kind_to_json (PnTaxonomy *taxonomy,
              GPtrArray  *locations,
              const char *kind)
{
  if (strcmp (kind, KIND_LOCATIONS) == 0)
    return terms_to_json (locations, TRUE, TRUE);
  if (strcmp (kind, KIND_UNITS) == 0)
    return terms_to_json (pn_taxonomy_get_units (taxonomy), TRUE, FALSE);
  if (strcmp (kind, KIND_GROUPS) == 0)
    return terms_to_json (pn_taxonomy_get_groups (taxonomy), FALSE, FALSE);

  return pn_export_vocabulary_json (taxonomy, kind);
}

static void
print_terms (PnTaxonomy *taxonomy,
             const char *kind,
             GPtrArray  *terms,
             PnLang      lang)
{
  gboolean locations = strcmp (kind, KIND_LOCATIONS) == 0;
  gsize width = 0;

  pnav_print ("%s\n", kind);

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);
      gsize indent = locations ? 2 * pn_taxonomy_location_depth (taxonomy, term->id) : 0;

      width = MAX (width, strlen (term->id) + indent);
    }

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);
      guint indent = locations ? 2 * pn_taxonomy_location_depth (taxonomy, term->id) : 0;
      int pad = (int) (width - indent);

      pnav_print ("  %*s%-*s  %s\n", (int) indent, "", pad, term->id,
                  pnav_term_label (term, lang));
    }
}

static void
print_kind (PnTaxonomy *taxonomy,
            GPtrArray  *locations,
            const char *kind,
            PnLang      lang)
{
  if (strcmp (kind, KIND_LOCATIONS) == 0)
    print_terms (taxonomy, kind, locations, lang);
  else if (strcmp (kind, KIND_UNITS) == 0)
    print_terms (taxonomy, kind, pn_taxonomy_get_units (taxonomy), lang);
  else if (strcmp (kind, KIND_GROUPS) == 0)
    print_terms (taxonomy, kind, pn_taxonomy_get_groups (taxonomy), lang);
  else
    print_terms (taxonomy, kind, pn_taxonomy_get_terms (taxonomy, kind), lang);
}

static gboolean
is_kind (PnTaxonomy *taxonomy,
         const char *kind)
{
  if (strcmp (kind, KIND_LOCATIONS) == 0
      || strcmp (kind, KIND_UNITS) == 0
      || strcmp (kind, KIND_GROUPS) == 0)
    return TRUE;

  return g_strv_contains (pn_taxonomy_get_vocabulary_ids (taxonomy), kind);
}

static char *
describe_kinds (PnTaxonomy *taxonomy)
{
  g_autofree char *vocabularies = g_strjoinv (", ", (GStrv) pn_taxonomy_get_vocabulary_ids (taxonomy));

  return g_strdup_printf ("%s, %s, %s, %s", vocabularies,
                          KIND_LOCATIONS, KIND_UNITS, KIND_GROUPS);
}

/* pnav vocab [KIND] */
int
pnav_vocab (PnavContext  *ctx,
            char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positional = NULL;
  const char * const *vocabularies;
  PnTaxonomy *taxonomy;
  g_autoptr(GPtrArray) locations = NULL;
  PnCorpus *corpus;
  const char *kind;

  context = pnav_option_context_new (ctx, N_("[KIND]"),
                                     N_("List the ids the options and the policy files "
                                        "accept, with their labels: every vocabulary, the "
                                        "locations, the responsible units and the overlap "
                                        "groups, or only the KIND given (a vocabulary id, "
                                        "“locations”, “units” or “overlap-groups”)."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 1, NULL, &error))
    return pnav_report_error (ctx, error);

  corpus = pnav_context_load_corpus (ctx, &error);
  if (corpus == NULL)
    return pnav_report_error (ctx, error);

  taxonomy = pn_corpus_get_taxonomy (corpus);
  vocabularies = pn_taxonomy_get_vocabulary_ids (taxonomy);
  /* with the places imported documents declare */
  locations = pn_corpus_list_locations (corpus, &error);
  if (locations == NULL)
    return pnav_report_error (ctx, error);
  kind = positional[0];

  if (kind != NULL && strcmp (kind, "location") == 0)
    kind = KIND_LOCATIONS;
  else if (kind != NULL && strcmp (kind, "unit") == 0)
    kind = KIND_UNITS;

  if (kind != NULL && !is_kind (taxonomy, kind))
    {
      g_autofree char *accepted = describe_kinds (taxonomy);

      g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("vocab: unknown kind “%s”; expected one of %s"), kind, accepted);
      return pnav_report_error (ctx, error);
    }

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = NULL;

      if (kind != NULL)
        node = kind_to_json (taxonomy, locations, kind);
      else
        {
          JsonObject *all = json_object_new ();
          JsonObject *vocabulary_objects = json_object_new ();

          for (guint i = 0; vocabularies[i] != NULL; i++)
            json_object_set_member (vocabulary_objects, vocabularies[i],
                                    pn_export_vocabulary_json (taxonomy, vocabularies[i]));
          json_object_set_object_member (all, "vocabularies", vocabulary_objects);
          json_object_set_member (all, "locations", kind_to_json (taxonomy, locations, KIND_LOCATIONS));
          json_object_set_member (all, "units", kind_to_json (taxonomy, locations, KIND_UNITS));
          json_object_set_member (all, "overlap_groups", kind_to_json (taxonomy, locations, KIND_GROUPS));

          node = json_node_new (JSON_NODE_OBJECT);
          json_node_take_object (node, all);
        }
      pnav_print_json (node);
    }
  else if (kind != NULL)
    print_kind (taxonomy, locations, kind, pn_lang_from_locale ());
  else
    {
      PnLang lang = pn_lang_from_locale ();

      for (guint i = 0; vocabularies[i] != NULL; i++)
        {
          print_kind (taxonomy, locations, vocabularies[i], lang);
          pnav_print ("\n");
        }
      print_kind (taxonomy, locations, KIND_LOCATIONS, lang);
      pnav_print ("\n");
      print_kind (taxonomy, locations, KIND_UNITS, lang);
      pnav_print ("\n");
      print_kind (taxonomy, locations, KIND_GROUPS, lang);
    }

  return PNAV_EXIT_OK;
}
