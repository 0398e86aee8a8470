/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include "pnav-commands.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pn-money.h"

typedef int (*ActionFunc) (PnavContext *ctx,
                           char       **args);

static void
set_not_found_error (PnavContext  *ctx,
                     const char   *given,
                     GError      **error)
{
  g_auto(GStrv) names = pn_store_list_profiles (ctx->store, NULL);
  g_autofree char *name = pnav_escape (given, FALSE);

  if (names != NULL && names[0] != NULL)
    {
      g_autofree char *list = pnav_join_escaped (names);

      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("%s: unknown profile “%s”; expected one of %s"),
                   ctx->command, name, list);
    }
  else
    g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                 _("%s: unknown profile “%s”; no profile is saved yet"),
                 ctx->command, name);
}

static gboolean
check_name (PnavContext  *ctx,
            const char   *name,
            GError      **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (stripped[0] == '\0')
    {
      g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                   _("%s: the profile name is empty"), ctx->command);
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, PNAV_ERROR, PNAV_ERROR_USAGE,
                     _("%s: the profile name contains a control character"),
                     ctx->command);
        return FALSE;
      }

  return TRUE;
}

static void
print_profile_text (PnProfile  *profile,
                    PnTaxonomy *taxonomy)
{
  PnLang lang = pn_lang_from_locale ();
  const char *location = pn_profile_get_location (profile);
  const char *as_of = pn_profile_get_as_of (profile);

  g_autofree char *name = pnav_escape (pn_profile_get_name (profile) != NULL
                                       ? pn_profile_get_name (profile) : "", FALSE);

  pnav_print ("%s\n", name);

  if (location != NULL)
    pnav_print ("  %-18s %s (%s)\n", "location",
                pnav_location_label (taxonomy, location, lang), location);
  pnav_print ("  %-18s %s\n", "as-of", as_of != NULL ? as_of : _("today"));

  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    {
      const char *id = pn_question_to_string (i);
      const char *answer = pn_profile_get_answer (profile, i);
      const PnTerm *term;

      if (answer == NULL)
        continue;

      term = pn_taxonomy_get_term (taxonomy, id, answer);
      if (term != NULL)
        pnav_print ("  %-18s %s (%s)\n", id, pnav_term_label (term, lang), answer);
      else
        pnav_print ("  %-18s %s\n", id, answer);
    }

  for (guint i = 0; i < PN_N_FIGURES; i++)
    {
      gint64 yuan = pn_profile_get_figure (profile, i);
      g_autofree char *amount = NULL;

      if (yuan == PN_YUAN_UNSET)
        continue;

      amount = pn_money_format_yuan (yuan);
      pnav_print ("  %-18s %s\n", pn_figure_to_string (i), amount);
    }
}

/* pnav profile save NAME [match options] */
static int
profile_save (PnavContext  *ctx,
              char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;
  g_auto(GStrv) positional = NULL;

  context = pnav_option_context_new (ctx, N_("NAME"),
                                     N_("Save the answers given under NAME, replacing a "
                                        "profile of that name.  Takes the options of "
                                        "“pnav match”; with --profile, starts from another "
                                        "saved profile."),
                                     NULL, TRUE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, 1, _("NAME"), &error)
      || !check_name (ctx, positional[0], &error))
    return pnav_report_error (ctx, error);

  profile = pnav_context_build_profile (ctx, FALSE, &error);
  if (profile == NULL)
    return pnav_report_error (ctx, error);

  pn_profile_set_name (profile, positional[0]);

  if (!pn_store_save_profile (ctx->store, profile, &error))
    return pnav_report_error (ctx, error);

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonNode) node = pn_profile_to_json (profile);

      pnav_print_json (node);
    }
  else
    pnav_print (_("Saved the profile “%s”\n"), positional[0]);

  return PNAV_EXIT_OK;
}

/* pnav profile list */
static int
profile_list (PnavContext  *ctx,
              char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positional = NULL;
  g_auto(GStrv) names = NULL;

  context = pnav_option_context_new (ctx, NULL, N_("List the saved profiles."), NULL, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 0, 0, NULL, &error))
    return pnav_report_error (ctx, error);

  if (pnav_context_open_store (ctx, &error) == NULL)
    return pnav_report_error (ctx, error);

  names = pn_store_list_profiles (ctx->store, &error);
  if (names == NULL && error != NULL)
    return pnav_report_error (ctx, error);

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        json_builder_add_string_value (builder, names[i]);
      json_builder_end_array (builder);
      node = json_builder_get_root (builder);
      pnav_print_json (node);
    }
  else if (names == NULL || names[0] == NULL)
    pnav_print ("%s\n", _("No saved profiles."));
  else
    for (guint i = 0; names[i] != NULL; i++)
      {
        /* a name saved by another program may hold anything */
        g_autofree char *name = pnav_escape (names[i], FALSE);

        pnav_print ("%s\n", name);
      }

  return PNAV_EXIT_OK;
}

/* pnav profile show NAME: JSON unless --format text */
static int
profile_show (PnavContext  *ctx,
              char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnProfile) profile = NULL;
  g_auto(GStrv) positional = NULL;

  context = pnav_option_context_new (ctx, N_("NAME"),
                                     N_("Print a saved profile, as JSON unless "
                                        "--format text is given."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, 1, _("NAME"), &error))
    return pnav_report_error (ctx, error);

  /* the profile alone, so that a client stays readable when the policy
   * rows are damaged; the taxonomy only to label the text form */
  if (pnav_context_open_store (ctx, &error) == NULL)
    return pnav_report_error (ctx, error);

  profile = pn_store_load_profile (ctx->store, positional[0], &error);
  if (profile == NULL)
    {
      if (g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          set_not_found_error (ctx, positional[0], &error);
        }
      return pnav_report_error (ctx, error);
    }

  if (ctx->format == PNAV_FORMAT_TEXT && ctx->format_set)
    {
      PnCorpus *corpus = pnav_context_load_corpus (ctx, &error);

      if (corpus == NULL)
        return pnav_report_error (ctx, error);
      print_profile_text (profile, pn_corpus_get_taxonomy (corpus));
    }
  else
    {
      g_autoptr(JsonNode) node = pn_profile_to_json (profile);

      pnav_print_json (node);
    }

  return PNAV_EXIT_OK;
}

/* pnav profile delete NAME */
static int
profile_delete (PnavContext  *ctx,
                char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positional = NULL;

  context = pnav_option_context_new (ctx, N_("NAME"), N_("Delete a saved profile."),
                                     NULL, FALSE);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, 1, _("NAME"), &error))
    return pnav_report_error (ctx, error);

  if (pnav_context_open_store (ctx, &error) == NULL)
    return pnav_report_error (ctx, error);

  if (!pn_store_delete_profile (ctx->store, positional[0], &error))
    {
      if (g_error_matches (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND))
        {
          g_clear_error (&error);
          set_not_found_error (ctx, positional[0], &error);
        }
      return pnav_report_error (ctx, error);
    }

  if (ctx->format == PNAV_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_string_value (builder, positional[0]);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
      pnav_print_json (node);
    }
  else
    {
      g_autofree char *name = pnav_escape (positional[0], FALSE);

      pnav_print (_("Deleted the profile “%s”\n"), name);
    }

  return PNAV_EXIT_OK;
}

static const struct
{
  const char *name;
  const char *command;
  ActionFunc  run;
} actions[] = {
  { "save",   "profile save",   profile_save },
  { "list",   "profile list",   profile_list },
  { "show",   "profile show",   profile_show },
  { "delete", "profile delete", profile_delete },
};

static int
run_action (PnavContext  *ctx,
            const char   *name,
            char        **args)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (strcmp (actions[i].name, name) == 0)
      {
        ctx->command = actions[i].command;
        return actions[i].run (ctx, args);
      }

  return -1;
}

/* pnav profile save|list|show|delete [NAME] */
int
pnav_profile (PnavContext  *ctx,
              char        **args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) positional = NULL;
  g_autofree char *description = NULL;
  int status;

  /* pnav profile ACTION …: the action parses its own options. */
  if (args[1] != NULL && args[1][0] != '-')
    {
      status = run_action (ctx, args[1], args + 1);
      if (status >= 0)
        return status;
    }

  description = g_strdup_printf ("%s\n"
                                 "  save NAME [OPTION…]   %s\n"
                                 "  list                  %s\n"
                                 "  show NAME             %s\n"
                                 "  delete NAME           %s\n",
                                 _("Actions:"),
                                 _("Save the answers given as the options of “pnav match”"),
                                 _("List the saved profiles"),
                                 _("Print a saved profile (JSON unless --format text)"),
                                 _("Delete a saved profile"));

  context = pnav_option_context_new (ctx, N_("ACTION [NAME]"),
                                     N_("Keep a client's answers under a name, to reuse them "
                                        "with “pnav match --profile NAME”."),
                                     NULL, FALSE);
  g_option_context_set_description (context, description);

  if (!pnav_option_context_parse (context, args, FALSE, &positional, &error)
      || !pnav_check_n_args (ctx, positional, 1, -1, _("ACTION (save, list, show or delete)"),
                             &error))
    return pnav_report_error (ctx, error);

  /* Options before the action: `pnav profile --format json list`. */
  status = run_action (ctx, positional[0], positional);
  if (status >= 0)
    return status;

  g_set_error (&error, PNAV_ERROR, PNAV_ERROR_USAGE,
               _("profile: unknown action “%s”; expected one of %s"),
               positional[0], "save, list, show, delete");
  return pnav_report_error (ctx, error);
}
