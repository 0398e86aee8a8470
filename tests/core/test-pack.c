/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The packs the store keeps benefits' and articles' lists in: what is
 * written reads back the same, and damaged bytes (cut short, a wrong tag,
 * a count larger than what is left, bad UTF-8, a NUL, bytes left over)
 * make the reader bad, never read past the end.
 */
#include "config.h"

#include <string.h>

#include "pn-pack-private.h"

static GByteArray *
sample (void)
{
  GByteArray *out = g_byte_array_new ();
  char *strv[] = { "drug", "药品", NULL };

  pn_pack_add_tag (out, PN_PACK_BENEFIT_LISTS);
  pn_pack_add_u32 (out, 4000000000u);
  pn_pack_add_i64 (out, -12000000);
  pn_pack_add_i64 (out, G_MAXINT64);
  pn_pack_add_f64 (out, 0.3);
  pn_pack_add_bool (out, TRUE);
  pn_pack_add_bool (out, FALSE);
  pn_pack_add_str (out, "厦府规〔2023〕17号");
  pn_pack_add_str (out, "Xiamen Municipal People's Government 厦门市人民政府");
  pn_pack_add_str (out, NULL);
  pn_pack_add_strv (out, strv);
  pn_pack_add_strv (out, NULL);
  return out;
}

/* Reads sample()'s fields; TRUE when all were read and nothing is left */
static gboolean
read_sample (const guint8 *data,
             gsize         size,
             gboolean      check_values)
{
  PnPackReader reader;
  g_autofree char *text = NULL;
  g_autofree char *long_text = NULL;
  g_autofree char *empty = NULL;
  g_auto(GStrv) strv = NULL;
  g_auto(GStrv) none = NULL;
  guint32 u;
  gint64 a, b;
  double d;
  gboolean t, f;

  pn_pack_reader_init (&reader, data, size, PN_PACK_BENEFIT_LISTS);
  u = pn_pack_read_u32 (&reader);
  a = pn_pack_read_i64 (&reader);
  b = pn_pack_read_i64 (&reader);
  d = pn_pack_read_f64 (&reader);
  t = pn_pack_read_bool (&reader);
  f = pn_pack_read_bool (&reader);
  text = pn_pack_read_str (&reader);
  long_text = pn_pack_read_str (&reader);
  empty = pn_pack_read_str (&reader);
  strv = pn_pack_read_strv (&reader);
  none = pn_pack_read_strv (&reader);

  if (check_values)
    {
      g_assert_cmpuint (u, ==, 4000000000u);
      g_assert_cmpint (a, ==, -12000000);
      g_assert_cmpint (b, ==, G_MAXINT64);
      g_assert_cmpfloat (d, ==, 0.3);
      g_assert_true (t);
      g_assert_false (f);
      g_assert_cmpstr (text, ==, "厦府规〔2023〕17号");
      g_assert_cmpstr (long_text, ==, "Xiamen Municipal People's Government 厦门市人民政府");
      g_assert_cmpstr (empty, ==, "");
      g_assert_nonnull (strv);
      g_assert_cmpuint (g_strv_length (strv), ==, 2);
      g_assert_cmpstr (strv[1], ==, "药品");
      g_assert_nonnull (none);
      g_assert_null (none[0]);
    }
  return pn_pack_reader_end (&reader);
}

static void
test_pack_round_trip (void)
{
  g_autoptr(GByteArray) pack = sample ();

  g_assert_true (read_sample (pack->data, pack->len, TRUE));
}

static void
test_pack_cut_short (void)
{
  g_autoptr(GByteArray) pack = sample ();

  /* every prefix: the reader goes bad and reads nothing past it (under
   * ASan a copy of exactly that length would catch an overread) */
  for (guint len = 0; len < pack->len; len++)
    {
      g_autofree guint8 *copy = g_memdup2 (pack->data, len);

      g_assert_false (read_sample (copy, len, FALSE));
    }
}

static void
test_pack_left_over (void)
{
  g_autoptr(GByteArray) pack = sample ();
  guint8 zero = 0;

  g_byte_array_append (pack, &zero, 1);
  g_assert_false (read_sample (pack->data, pack->len, FALSE));
}

static void
test_pack_wrong_tag (void)
{
  g_autoptr(GByteArray) pack = sample ();
  PnPackReader reader;

  g_assert_false (pn_pack_reader_init (&reader, pack->data, pack->len, PN_PACK_ARTICLE_LISTS));
  g_assert_cmpuint (pn_pack_read_u32 (&reader), ==, 0);
  g_assert_null (pn_pack_read_str (&reader));
  g_assert_false (pn_pack_reader_end (&reader));
  g_assert_false (pn_pack_reader_init (&reader, NULL, 0, PN_PACK_ARTICLE_LISTS));
}

static void
test_pack_bad_values (void)
{
  /* NULs and bad bytes, also after eight or more ASCII bytes (checked a
   * word at a time) */
  static const struct { const char *bytes; gsize len; } bad_strings[] = {
    { "a\0b", 3 }, { "\xff\xfe", 2 }, { "\xe5\x8e", 2 },
    { "abcdefgh\0ijklmno", 16 }, { "abcdefghijklmnop\xff", 17 }, { "abcdefghijklmn\xe5\x8e", 16 },
    { "abcdefg\0", 8 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_strings); i++)
    {
      g_autoptr(GByteArray) pack = g_byte_array_new ();
      gsize len = bad_strings[i].len;
      PnPackReader reader;

      pn_pack_add_tag (pack, PN_PACK_ARTICLE_LISTS);
      pn_pack_add_u32 (pack, len);
      g_byte_array_append (pack, (const guint8 *) bad_strings[i].bytes, len);
      pn_pack_reader_init (&reader, pack->data, pack->len, PN_PACK_ARTICLE_LISTS);
      g_assert_null (pn_pack_read_str (&reader));
      g_assert_false (pn_pack_reader_end (&reader));
    }

  /* a boolean is 0 or 1 */
  {
    g_autoptr(GByteArray) pack = g_byte_array_new ();
    guint8 two = 2;
    PnPackReader reader;

    pn_pack_add_tag (pack, PN_PACK_ARTICLE_LISTS);
    g_byte_array_append (pack, &two, 1);
    pn_pack_reader_init (&reader, pack->data, pack->len, PN_PACK_ARTICLE_LISTS);
    g_assert_false (pn_pack_read_bool (&reader));
    g_assert_false (pn_pack_reader_end (&reader));
  }
}

static void
test_pack_huge_count (void)
{
  g_autoptr(GByteArray) pack = g_byte_array_new ();
  PnPackReader reader;

  /* four billion strings announced, none there: no allocation for them */
  pn_pack_add_tag (pack, PN_PACK_ARTICLE_LISTS);
  pn_pack_add_u32 (pack, G_MAXUINT32);
  pn_pack_add_str (pack, "x");
  pn_pack_reader_init (&reader, pack->data, pack->len, PN_PACK_ARTICLE_LISTS);
  g_assert_null (pn_pack_read_strv (&reader));
  g_assert_false (pn_pack_reader_end (&reader));

  pn_pack_reader_init (&reader, pack->data, pack->len, PN_PACK_ARTICLE_LISTS);
  g_assert_cmpuint (pn_pack_read_count (&reader, 8), ==, 0);
  g_assert_false (pn_pack_reader_end (&reader));

  /* a string longer than what is left */
  g_byte_array_set_size (pack, 0);
  pn_pack_add_tag (pack, PN_PACK_ARTICLE_LISTS);
  pn_pack_add_u32 (pack, 1000);
  pn_pack_reader_init (&reader, pack->data, pack->len, PN_PACK_ARTICLE_LISTS);
  g_assert_null (pn_pack_read_str (&reader));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pack/round-trip", test_pack_round_trip);
  g_test_add_func ("/pack/cut-short", test_pack_cut_short);
  g_test_add_func ("/pack/left-over", test_pack_left_over);
  g_test_add_func ("/pack/wrong-tag", test_pack_wrong_tag);
  g_test_add_func ("/pack/bad-values", test_pack_bad_values);
  g_test_add_func ("/pack/huge-count", test_pack_huge_count);

  return g_test_run ();
}
