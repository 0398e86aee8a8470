/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "policy-navigator"

#include "config.h"

#include "pn-application.h"

#include <glib/gi18n.h>
#include <locale.h>

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PnApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Uninstalled (build-aux/run), the catalogues are the build tree's. */
  localedir = g_getenv ("POLICY_NAVIGATOR_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pn_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
