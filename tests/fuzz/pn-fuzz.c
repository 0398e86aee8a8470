/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-fuzz"

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "pn-fuzz.h"

/* GLib ends a fatal message with G_BREAKPOINT () (it assumes a debugger),
 * a SIGTRAP, which libFuzzer does not watch: the process died without the
 * input kept.  As an abort, libFuzzer reports it and keeps the input. */
static void
trap_to_abort (int signum)
{
  (void) signum;
  abort ();
}

void
pn_fuzz_init (void)
{
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      struct sigaction action = { 0 };

      action.sa_handler = trap_to_abort;
      sigemptyset (&action.sa_mask);
      sigaction (SIGTRAP, &action, NULL);
      g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&initialized, 1);
    }
}

void
pn_fuzz_check_error (const GError *error,
                     const char   *display_name)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    {
      g_printerr ("pn-fuzz: refused without an error message\n");
      abort ();
    }
  if (strchr (error->message, '\n') != NULL || strchr (error->message, '\r') != NULL)
    {
      g_printerr ("pn-fuzz: an error message of more than one line: %s\n", error->message);
      abort ();
    }
  if (display_name != NULL && strstr (error->message, display_name) == NULL)
    {
      g_printerr ("pn-fuzz: an error message without the file name: %s\n", error->message);
      abort ();
    }
}
