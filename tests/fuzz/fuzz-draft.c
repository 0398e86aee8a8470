/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An official text as `pnav draft` and the window's "New from Official
 * Text" read it → pn_draft_new_from_bytes ().  The first byte chooses the
 * format the rest is read as (plain text or a saved HTML page; PDF and
 * .docx go to poppler and libarchive first, fuzzed by their own projects).
 * Anything but a one-line error naming the file, or a draft that writes
 * and validates as the drafter promises, is a crash.
 */
#define G_LOG_DOMAIN "fuzz-draft"

#include "config.h"

#include <stdlib.h>

#include "pn-core-private.h"
#include "pn-draft.h"
#include "pn-policy-loader.h"
#include "pn-policy-writer.h"

#include "pn-fuzz.h"

static PnTaxonomy *taxonomy;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const names[] = { "fuzz.txt", "fuzz.html" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(PnDraft) draft = NULL;
  g_autoptr(PnDocument) again = NULL;
  const char *name;

  if (taxonomy == NULL)
    {
      pn_fuzz_init ();
      _pn_policy_loader_set_max_seconds (3600);
      taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
      g_assert_no_error (error);
    }
  if (size == 0)
    return 0;

  name = names[data[0] % G_N_ELEMENTS (names)];
  bytes = g_bytes_new_static (data + 1, size - 1);
  draft = pn_draft_new_from_bytes (name, bytes, NULL, taxonomy, &error);
  if (draft == NULL)
    {
      pn_fuzz_check_error (error, name);
      return 0;
    }

  /* what `pnav draft` writes: the schema and every reference hold */
  written = pn_policy_writer_write (pn_draft_get_document (draft), &error);
  g_assert_no_error (error);
  again = pn_policy_loader_load_document (name, written, taxonomy, &error);
  if (again == NULL)
    {
      g_printerr ("fuzz-draft: the draft does not validate: %s\n", error->message);
      abort ();
    }

  return 0;
}
