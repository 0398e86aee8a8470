/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pn-variant-writer writes the bytes GLib serialises the same GVariant
 * to: random values of the store's list types (and of a few others) are
 * written by both and compared, with strings and arrays long enough for
 * 2- and 4-byte framing offsets; and every list the store wrote for the
 * bundled corpus is GVariant's normal form of its type.
 */
#include "config.h"

#include <sqlite3.h>

#include "pn-store.h"
#include "pn-store-private.h"
#include "pn-variant-writer-private.h"

static const char * const types[] = {
  PN_BENEFIT_LISTS_TYPE,
  PN_ARTICLE_LISTS_TYPE,
  "as", "ad", "a(ss)", "(sxb)", "a(sasasu)", "(sbbss)", "(ads)", "(asx)", "(xs)", "(bs)",
  "a(sa(sxb)u)", "(a(ss)(sad)s)",
};

static guint
alignment_of (const GVariantType *type)
{
  if (g_variant_type_is_array (type))
    return alignment_of (g_variant_type_element (type));
  if (g_variant_type_is_tuple (type))
    {
      guint alignment = 1;

      for (const GVariantType *t = g_variant_type_first (type); t != NULL; t = g_variant_type_next (t))
        alignment = MAX (alignment, alignment_of (t));
      return alignment;
    }
  switch (g_variant_type_peek_string (type)[0])
    {
    case 'u': return 4;
    case 'x': case 'd': return 8;
    default: return 1;
    }
}

static gboolean
is_fixed (const GVariantType *type)
{
  if (g_variant_type_is_array (type))
    return FALSE;
  if (g_variant_type_is_tuple (type))
    {
      for (const GVariantType *t = g_variant_type_first (type); t != NULL; t = g_variant_type_next (t))
        if (!is_fixed (t))
          return FALSE;
      return TRUE;
    }
  return !g_variant_type_equal (type, G_VARIANT_TYPE_STRING);
}

/* bytes a random value may still grow by: long strings and arrays while
 * there is room, short ones after */
static gsize budget;

static char *
random_string (void)
{
  static const char *pieces[] = { "a", "厦门", "¥", "reading-1", " ", "—", "x" };
  guint length;
  GString *text = g_string_new (NULL);

  switch (g_test_rand_int_range (0, 10))
    {
    case 0: length = 0; break;
    case 1: length = g_test_rand_int_range (100, 400); break;       /* 1- to 2-byte offsets */
    case 2: length = g_test_rand_int_range (20000, 40000); break;   /* 2- to 4-byte offsets */
    default: length = g_test_rand_int_range (1, 12); break;
    }
  if (length * 3 > budget)
    length = MIN (length, 4);
  budget -= MIN (budget, length * 3);
  for (guint i = 0; i < length; i++)
    g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

static GVariant *
random_value (const GVariantType *type)
{
  if (g_variant_type_is_array (type))
    {
      const GVariantType *element = g_variant_type_element (type);
      GVariantBuilder builder;
      guint n;

      switch (g_test_rand_int_range (0, 8))
        {
        case 0: n = 0; break;
        case 1: n = budget > 20000 ? g_test_rand_int_range (60, 300) : 3; break;
        default: n = g_test_rand_int_range (1, 5); break;
        }
      g_variant_builder_init (&builder, type);
      for (guint i = 0; i < n; i++)
        g_variant_builder_add_value (&builder, random_value (element));
      return g_variant_builder_end (&builder);
    }

  if (g_variant_type_is_tuple (type))
    {
      GVariantBuilder builder;

      g_variant_builder_init (&builder, type);
      for (const GVariantType *t = g_variant_type_first (type); t != NULL; t = g_variant_type_next (t))
        g_variant_builder_add_value (&builder, random_value (t));
      return g_variant_builder_end (&builder);
    }

  switch (g_variant_type_peek_string (type)[0])
    {
    case 's':
      {
        g_autofree char *text = random_string ();

        return g_variant_new_string (text);
      }
    case 'b': return g_variant_new_boolean (g_test_rand_bit ());
    case 'u': return g_variant_new_uint32 (g_test_rand_int ());
    case 'x': return g_variant_new_int64 ((gint64) (((guint64) (guint32) g_test_rand_int () << 32) | (guint32) g_test_rand_int ()));
    case 'd': return g_variant_new_double (g_test_rand_double_range (-1e9, 1e9));
    default: g_assert_not_reached ();
    }
}

/* Writes `value` through the writer the way pn-store.c does for its types:
 * offsets after each variable-sized tuple member but the last, after every
 * element of an array of variable-sized elements. */
static void
write_value (PnVariantWriter *writer,
             GVariant        *value)
{
  const GVariantType *type = g_variant_get_type (value);
  gsize n = g_variant_is_container (value) ? g_variant_n_children (value) : 0;
  PnVariantContainer container;

  if (g_variant_type_is_array (type))
    {
      const GVariantType *element = g_variant_type_element (type);

      if (g_variant_type_equal (type, G_VARIANT_TYPE_STRING_ARRAY) && g_test_rand_bit ())
        {
          g_autofree const char **strv = g_variant_get_strv (value, NULL);

          pn_variant_writer_strv (writer, strv);
          return;
        }
      if (is_fixed (element))
        {
          pn_variant_writer_align (writer, alignment_of (element));
          for (gsize i = 0; i < n; i++)
            {
              g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

              write_value (writer, child);
            }
          return;
        }
      pn_variant_writer_open (writer, &container, alignment_of (type));
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

          write_value (writer, child);
          pn_variant_writer_end_member (writer, &container);
        }
      pn_variant_writer_close_array (writer, &container);
      return;
    }

  if (g_variant_type_is_tuple (type))
    {
      pn_variant_writer_open (writer, &container, alignment_of (type));
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr(GVariant) child = g_variant_get_child_value (value, i);

          write_value (writer, child);
          if (i + 1 < n && !is_fixed (g_variant_get_type (child)))
            pn_variant_writer_end_member (writer, &container);
        }
      pn_variant_writer_close_tuple (writer, &container);
      return;
    }

  switch (g_variant_type_peek_string (type)[0])
    {
    case 's': pn_variant_writer_string (writer, g_variant_get_string (value, NULL)); break;
    case 'b': pn_variant_writer_boolean (writer, g_variant_get_boolean (value)); break;
    case 'u': pn_variant_writer_uint32 (writer, g_variant_get_uint32 (value)); break;
    case 'x': pn_variant_writer_int64 (writer, g_variant_get_int64 (value)); break;
    case 'd': pn_variant_writer_double (writer, g_variant_get_double (value)); break;
    default: g_assert_not_reached ();
    }
}

static void
test_same_bytes (void)
{
  g_auto(PnVariantWriter) writer = { NULL };
  gsize largest = 0;

  pn_variant_writer_init (&writer);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint round = 0; round < 40; round++)
      {
        g_autoptr(GVariant) value = NULL;
        gsize size;
        const guint8 *data;

        budget = 300000;
        value = g_variant_ref_sink (random_value (G_VARIANT_TYPE (types[t])));
        pn_variant_writer_reset (&writer);
        write_value (&writer, value);
        data = pn_variant_writer_get_data (&writer, &size);
        largest = MAX (largest, size);
        /* an empty value's data may be NULL: no memcmp () then */
        if (size != g_variant_get_size (value) ||
            (size > 0 && memcmp (data, g_variant_get_data (value), size) != 0))
          {
            g_autofree char *text = g_variant_print (value, FALSE);

            g_test_message ("%s: %" G_GSIZE_FORMAT " bytes written, GLib %" G_GSIZE_FORMAT ": %.300s",
                            types[t], size, g_variant_get_size (value), text);
            g_assert_cmpmem (data, size, g_variant_get_data (value), g_variant_get_size (value));
          }
      }

  /* 4-byte framing offsets were needed */
  g_assert_cmpuint (largest, >, G_MAXUINT16);
}

static void
test_empty_and_nested_offsets (void)
{
  g_auto(PnVariantWriter) writer = { NULL };
  g_autoptr(GVariant) empty = g_variant_ref_sink (g_variant_new_parsed ("@" PN_BENEFIT_LISTS_TYPE
                                                                        " ([], [], [], [], [], [], [], [], [])"));
  gsize size;
  const guint8 *data;

  pn_variant_writer_init (&writer);
  write_value (&writer, empty);
  data = pn_variant_writer_get_data (&writer, &size);
  g_assert_cmpmem (data, size, g_variant_get_data (empty), g_variant_get_size (empty));
}

/* every list the store wrote for the bundled corpus is in normal form */
static void
test_store_lists_normal (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PnStore) store = NULL;
  const struct { const char *sql; const char *type; } lists[] = {
    { "SELECT lists FROM benefits", PN_BENEFIT_LISTS_TYPE },
    { "SELECT lists FROM articles", PN_ARTICLE_LISTS_TYPE },
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  path = g_build_filename (g_get_user_data_dir (), "lists.db", NULL);
  store = pn_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      sqlite3_stmt *stmt = NULL;
      guint n = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, lists[l].sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
          g_autoptr(GVariant) value =
            g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (lists[l].type), bytes, FALSE));

          g_assert_true (g_variant_is_normal_form (value));
          n++;
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (n, >, 50);
    }
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pn/variant-writer/same-bytes", test_same_bytes);
  g_test_add_func ("/pn/variant-writer/empty", test_empty_and_nested_offsets);
  g_test_add_func ("/pn/variant-writer/store-lists-normal", test_store_lists_normal);

  return g_test_run ();
}
