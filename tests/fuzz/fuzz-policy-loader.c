/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Policy document bytes → the loader with the bundled taxonomy, as
 * `pnav validate` and import read them (schema, budget, model rules, the
 * references against the bundled corpus), and as the store reads what it
 * kept (without the schema).  Anything but a document or a one-line error
 * naming the file is a crash.
 */
#define G_LOG_DOMAIN "fuzz-policy-loader"

#include "config.h"

#include "pn-core-private.h"
#include "pn-policy-loader.h"

#include "pn-fuzz.h"

static PnTaxonomy *taxonomy;
static PnCorpus *corpus;

static void
init (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  pn_fuzz_init ();
  /* a slow input is a finding, not a refusal */
  _pn_policy_loader_set_max_seconds (3600);
  taxonomy = pn_policy_loader_load_bundled_taxonomy (&error);
  g_assert_no_error (error);
  documents = pn_policy_loader_load_bundled_documents (taxonomy, &error);
  g_assert_no_error (error);
  corpus = pn_corpus_new (taxonomy, documents);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;

  if (corpus == NULL)
    init ();

  bytes = g_bytes_new_static (data, size);

  for (guint stored = 0; stored < 2; stored++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PnDocument) document = NULL;

      if (stored)
        document = _pn_policy_loader_load_stored_document ("fuzz.xml", bytes, taxonomy, &error);
      else
        document = pn_policy_loader_load_document ("fuzz.xml", bytes, taxonomy, &error);

      if (document == NULL)
        {
          pn_fuzz_check_error (error, "fuzz.xml");
          continue;
        }

      g_assert_no_error (error);
      g_assert_nonnull (document->id);
      if (!pn_policy_loader_check_in_corpus (corpus, document, &error))
        pn_fuzz_check_error (error, NULL);
    }

  return 0;
}
