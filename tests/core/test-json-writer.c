/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pn-json-writer writes the text json-glib's JsonGenerator writes for the
 * same values, and escapes every control character.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "pn-json-writer.h"

static const char * const strings[] = {
  "plain", "", "quote \" backslash \\ slash /", "new\nline\ttab\rreturn\bback\fform",
  "\x01\x02\x1e\x7f", "厦府规〔2023〕17号 · ¥12,000,000 – “中文”", "emoji 😀 and é",
  /* what must be escaped past the first eight bytes (the writer looks at
   * eight at a time) */
  "abcdefghij\x01klmnopqrstuvwxyz", "0123456789abcdef\x7f", "plain ascii text over sixteen bytes, a \"quote\" in it",
  "12345678\\", "1234567\"", "123456789012345\n", "中文中文中文中文\t中文", NULL,
};
static const double doubles[] = { 0.3, 0.3, 0.4, 1.0, 0.0, -0.0, 0.0, 0.125, 0.125, 0.05, 0.333, 100000000.0 };
static const gint64 ints[] = { 0, 1, -1, 12000000, G_MAXINT64, -G_MAXINT64, 1000000000000 };

/* The same document, once through each: nested objects and arrays, empty
 * ones at several depths, every kind of value. */
static void
build_both (JsonBuilder  *builder,
            PnJsonWriter *writer)
{
  json_builder_begin_object (builder);
  pn_json_writer_begin_object (writer);

  json_builder_set_member_name (builder, "strings");
  pn_json_writer_name (writer, "strings");
  json_builder_begin_array (builder);
  pn_json_writer_begin_array (writer);
  for (guint i = 0; strings[i] != NULL; i++)
    {
      json_builder_add_string_value (builder, strings[i]);
      pn_json_writer_string (writer, strings[i]);
    }
  json_builder_add_null_value (builder);
  pn_json_writer_string (writer, NULL);
  json_builder_end_array (builder);
  pn_json_writer_end_array (writer);

  json_builder_set_member_name (builder, "numbers");
  pn_json_writer_name (writer, "numbers");
  json_builder_begin_array (builder);
  pn_json_writer_begin_array (writer);
  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      json_builder_add_double_value (builder, doubles[i]);
      pn_json_writer_double (writer, doubles[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ints); i++)
    {
      json_builder_add_int_value (builder, ints[i]);
      pn_json_writer_int (writer, ints[i]);
    }
  json_builder_add_boolean_value (builder, TRUE);
  pn_json_writer_boolean (writer, TRUE);
  json_builder_add_boolean_value (builder, FALSE);
  pn_json_writer_boolean (writer, FALSE);
  json_builder_end_array (builder);
  pn_json_writer_end_array (writer);

  json_builder_set_member_name (builder, "empty_object");
  pn_json_writer_name (writer, "empty_object");
  json_builder_begin_object (builder);
  pn_json_writer_begin_object (writer);
  json_builder_end_object (builder);
  pn_json_writer_end_object (writer);

  json_builder_set_member_name (builder, "empty_array");
  pn_json_writer_name (writer, "empty_array");
  json_builder_begin_array (builder);
  pn_json_writer_begin_array (writer);
  json_builder_end_array (builder);
  pn_json_writer_end_array (writer);

  json_builder_set_member_name (builder, "nested \"name\"");
  pn_json_writer_name (writer, "nested \"name\"");
  json_builder_begin_array (builder);
  pn_json_writer_begin_array (writer);
  for (int depth = 0; depth < 3; depth++)
    {
      json_builder_begin_object (builder);
      pn_json_writer_begin_object (writer);
      json_builder_set_member_name (builder, "inner");
      pn_json_writer_name (writer, "inner");
      json_builder_begin_array (builder);
      pn_json_writer_begin_array (writer);
      json_builder_begin_object (builder);
      pn_json_writer_begin_object (writer);
      json_builder_end_object (builder);
      pn_json_writer_end_object (writer);
      json_builder_end_array (builder);
      pn_json_writer_end_array (writer);
      json_builder_end_object (builder);
      pn_json_writer_end_object (writer);
    }
  json_builder_end_array (builder);
  pn_json_writer_end_array (writer);

  json_builder_end_object (builder);
  pn_json_writer_end_object (writer);
}

static void
test_same_text (gconstpointer data)
{
  gboolean pretty = GPOINTER_TO_INT (data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) written = g_string_new (NULL);
  g_autofree char *generated = NULL;
  PnJsonWriter writer;

  pn_json_writer_init (&writer, written, pretty);
  build_both (builder, &writer);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  generated = json_generator_to_data (generator, NULL);

  g_assert_cmpstr (written->str, ==, generated);
}

/* Where JsonGenerator leaves a control character as it is, the writer
 * escapes it: the text stays JSON and safe in a terminal. */
static void
test_controls_escaped (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  pn_json_append_string (out, "a\x1f" "b\xc2\x85" "c\xc2\xa0" "d\x1b[31m");
  g_assert_cmpstr (out->str, ==, "\"a\\u001fb\\u0085c\xc2\xa0" "d\\u001b[31m\"");

  node = json_from_string (out->str, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_node_get_string (node), ==, "a\x1f" "b\xc2\x85" "c\xc2\xa0" "d\x1b[31m");

  /* the same past the first eight bytes, at every offset of a word */
  for (guint offset = 0; offset < 20; offset++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new ("\"");

      g_string_append_printf (text, "%.*s\x1f" "%s\xc2\x85" "end", offset, "01234567890123456789", "é");
      g_string_append_printf (expected, "%.*s\\u001f" "%s\\u0085" "end\"", offset, "01234567890123456789", "é");
      g_string_truncate (out, 0);
      pn_json_append_string (out, text->str);
      g_assert_cmpstr (out->str, ==, expected->str);
    }

  /* not UTF-8: made valid, never passed through */
  g_string_truncate (out, 0);
  pn_json_append_string (out, "bad \xff\xfe end");
  g_assert_true (g_utf8_validate (out->str, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/pn/json-writer/same-text-pretty", GINT_TO_POINTER (TRUE), test_same_text);
  g_test_add_data_func ("/pn/json-writer/same-text-compact", GINT_TO_POINTER (FALSE), test_same_text);
  g_test_add_func ("/pn/json-writer/controls-escaped", test_controls_escaped);

  return g_test_run ();
}
