/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pnav"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pnav-commands.h"
#include "pnav-common.h"

typedef struct
{
  const char      *name;
  const char      *summary;
  PnavCommandFunc  run;
} PnavCommand;

static const PnavCommand commands[] = {
  { "match",          N_("Estimate the benefits a profile can claim"), pnav_match },
  { "list-documents", N_("List the policy documents"), pnav_list_documents },
  { "show",           N_("Show a document or one of its articles"), pnav_show },
  { "search",         N_("Search the text of the policies"), pnav_search },
  { "vocab",          N_("List the accepted ids: vocabularies, locations, units"), pnav_vocab },
  { "draft",          N_("Draft a policy XML document from an official text"), pnav_draft },
  { "validate",       N_("Check policy XML files without importing them"), pnav_validate },
  { "check",          N_("Run the expected-result cases of policy documents"), pnav_check },
  { "import",         N_("Import a policy XML file into the database"), pnav_import },
  { "remove",         N_("Remove an imported document"), pnav_remove },
  { "profile",        N_("Save, list, show or delete client profiles"), pnav_profile },
  { "brief",          N_("Write a client brief as PDF, Markdown or CSV"), pnav_brief },
  { "compare",        N_("Compare what the same answers are worth in several places"), pnav_compare },
  { "pipeline",       N_("Show what each milestone of a drug or device is worth"), pnav_pipeline },
  { "deadlines",      N_("List the measures of a place by the date they end"), pnav_deadlines },
};

static const PnavCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

static char *
describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (_("Subcommands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "  %-16s %s\n", "help", _("Show the help of a subcommand"));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Run “pnav SUBCOMMAND --help” for the options of a subcommand."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Exit status: 0 when the command did what it was asked; 2 for a usage error "
                           "(an unknown option, value, document or profile); 3 when a file or the "
                           "database could not be read or written, is damaged, or, for check and "
                           "validate, did not pass (each subcommand’s help says more)."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
run_command (const PnavCommand  *command,
             const char         *global_db,
             char              **args)
{
  PnavContext ctx;
  int status;

  pnav_context_init (&ctx, command->name, global_db);
  status = command->run (&ctx, args);
  pnav_context_clear (&ctx);

  return status;
}

int
main (int   argc G_GNUC_UNUSED,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *description = NULL;
  g_autofree char *db = NULL;
  gboolean version = FALSE;
  const char *localedir;
  const PnavCommand *command;
  int status;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("Use the database at PATH instead of the default one"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* Past a file-size limit (ulimit -f) a write fails with EFBIG and the
   * command says so; the signal's default killed it without a word
   * (exit 153) */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  /* Uninstalled (build-aux/run), the catalogues are the build tree's. */
  localedir = g_getenv ("POLICY_NAVIGATOR_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("pnav");

  description = describe_commands ();
  context = g_option_context_new (_("SUBCOMMAND [ARGUMENT…]"));
  g_option_context_set_summary (context, _("Find the Fujian biomedical support policies "
                                           "that apply to a company, from the command line."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Global options come before the subcommand; the rest is its own. */
  g_option_context_set_strict_posix (context, TRUE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return pnav_report_error (NULL, error);

  if (version)
    {
      pnav_print ("pnav %s\n", PACKAGE_VERSION);
      return PNAV_EXIT_OK;
    }

  if (args[0] == NULL || args[1] == NULL)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      pnav_printerr ("pnav: %s\n\n%s", _("missing subcommand"), help);
      return PNAV_EXIT_USAGE;
    }

  if (strcmp (args[1], "help") == 0)
    {
      char *help_args[] = { NULL, "--help", NULL };

      if (args[2] == NULL)
        {
          g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

          pnav_print ("%s", help);
          return PNAV_EXIT_OK;
        }

      command = find_command (args[2]);
      if (command == NULL)
        {
          g_autofree char *shown = g_utf8_make_valid (args[2], -1);

          pnav_printerr (_("pnav: unknown subcommand “%s”; see “pnav --help”\n"), shown);
          return PNAV_EXIT_USAGE;
        }

      help_args[0] = (char *) command->name;
      return run_command (command, db, help_args);
    }

  command = find_command (args[1]);
  if (command == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (args[1], -1);

      pnav_printerr (_("pnav: unknown subcommand “%s”; see “pnav --help”\n"), shown);
      return PNAV_EXIT_USAGE;
    }

  status = run_command (command, db, args + 1);

  if (fflush (stdout) != 0 || ferror (stdout))
    {
      /* once: a command that failed on writing said so already */
      if (status == PNAV_EXIT_OK)
        pnav_printerr (_("pnav: cannot write the output: %s\n"), g_strerror (errno));
      return status == PNAV_EXIT_OK ? PNAV_EXIT_DATA : status;
    }

  return status;
}
