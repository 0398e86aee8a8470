/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Taxonomy bytes → the loader; then a bundled document against what was
 * loaded, so that the look-ups run over whatever the taxonomy holds.
 */
#define G_LOG_DOMAIN "fuzz-taxonomy-loader"

#include "config.h"

#include "pn-core-private.h"
#include "pn-policy-loader.h"

#include "pn-fuzz.h"

static GBytes *document_bytes;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  g_autoptr(PnDocument) document = NULL;

  if (document_bytes == NULL)
    {
      pn_fuzz_init ();
      _pn_policy_loader_set_max_seconds (3600);
      _pn_corpus_ensure_registered ();
      document_bytes = g_resources_lookup_data (PN_CORPUS_RESOURCE_PATH "/policies/jinjiang-2025-8.xml",
                                                0, &error);
      g_assert_no_error (error);
    }

  bytes = g_bytes_new_static (data, size);
  taxonomy = pn_policy_loader_load_taxonomy ("fuzz.xml", bytes, &error);
  if (taxonomy == NULL)
    {
      pn_fuzz_check_error (error, "fuzz.xml");
      return 0;
    }

  document = pn_policy_loader_load_document ("doc.xml", document_bytes, taxonomy, &error);
  if (document == NULL)
    pn_fuzz_check_error (error, "doc.xml");

  return 0;
}
