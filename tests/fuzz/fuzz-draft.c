/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An official text as `pnav draft` and the window's "New from Official
 * Text" read it → pn_draft_new_from_bytes ().  The first byte chooses the
 * format the rest is read as: plain text, a saved HTML page, or a Word
 * document's word/document.xml (and word/numbering.xml after a NUL byte),
 * which is zipped here into a .docx, as libarchive, fuzzed by its own
 * project, would unzip it.  PDF goes to poppler, fuzzed by its own.
 * Anything but a one-line error naming the file, or a draft that writes
 * and validates as the drafter promises, is a crash.
 */
#define G_LOG_DOMAIN "fuzz-draft"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "pn-core-private.h"
#include "pn-draft.h"
#include "pn-policy-loader.h"
#include "pn-policy-writer.h"

#include "pn-fuzz.h"

static PnTaxonomy *taxonomy;

static void
zip_add (struct archive *zip,
         const char     *name,
         const uint8_t  *data,
         size_t          size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_data (zip, data, size), ==, (la_ssize_t) size);
  archive_entry_free (entry);
}

/* `data` as a .docx: word/document.xml, then word/numbering.xml after the
 * first NUL byte when there is one */
static GBytes *
zip_docx (const uint8_t *data,
          size_t         size)
{
  struct archive *zip = archive_write_new ();
  const uint8_t *nul = memchr (data, '\0', size);
  size_t document_size = nul != NULL ? (size_t) (nul - data) : size;
  size_t capacity = size * 2 + 4096;
  guint8 *buffer = g_malloc (capacity);
  size_t used = 0;

  archive_write_set_format_zip (zip);
  archive_write_zip_set_compression_store (zip);
  g_assert_cmpint (archive_write_open_memory (zip, buffer, capacity, &used), ==, ARCHIVE_OK);
  zip_add (zip, "word/document.xml", data, document_size);
  if (nul != NULL)
    zip_add (zip, "word/numbering.xml", nul + 1, size - document_size - 1);
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
  return g_bytes_new_take (buffer, used);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const names[] = { "fuzz.txt", "fuzz.html", "fuzz.docx" };
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
  if (g_str_has_suffix (name, ".docx"))
    bytes = zip_docx (data + 1, size - 1);
  else
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
