/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-store"

#include "config.h"

#include "pn-variant-writer-private.h"

#include <string.h>

/* The rules are GLib's (gvariant-serialiser.c): a value starts at a
 * multiple of its type's alignment, padded with zero bytes; containers
 * start aligned, so alignment counted from the start of the buffer is
 * alignment counted from the start of each container.  A container's
 * framing offsets are little-endian, each as wide as the smallest of 1,
 * 2, 4, 8 bytes that can address the whole container, offsets included. */

void
pn_variant_writer_init (PnVariantWriter *writer)
{
  writer->buffer = g_byte_array_sized_new (1024);
}

void
pn_variant_writer_clear (PnVariantWriter *writer)
{
  g_clear_pointer (&writer->buffer, g_byte_array_unref);
}

void
pn_variant_writer_reset (PnVariantWriter *writer)
{
  g_byte_array_set_size (writer->buffer, 0);
}

const guint8 *
pn_variant_writer_get_data (PnVariantWriter *writer,
                            gsize           *size)
{
  *size = writer->buffer->len;
  /* never NULL, even for an empty value */
  return writer->buffer->len > 0 ? writer->buffer->data : (const guint8 *) "";
}

void
pn_variant_writer_align (PnVariantWriter *writer,
                         guint            alignment)
{
  static const guint8 zeros[8] = { 0, };
  guint pad = (alignment - writer->buffer->len % alignment) % alignment;

  if (pad > 0)
    g_byte_array_append (writer->buffer, zeros, pad);
}

void
pn_variant_writer_string (PnVariantWriter *writer,
                          const char      *text)
{
  if (text == NULL)
    text = "";
  g_byte_array_append (writer->buffer, (const guint8 *) text, strlen (text) + 1);
}

void
pn_variant_writer_boolean (PnVariantWriter *writer,
                           gboolean         value)
{
  guint8 byte = value ? 1 : 0;

  g_byte_array_append (writer->buffer, &byte, 1);
}

/* fixed-size numbers in the machine's byte order, as GVariant keeps them */
void
pn_variant_writer_uint32 (PnVariantWriter *writer,
                          guint32          value)
{
  pn_variant_writer_align (writer, 4);
  g_byte_array_append (writer->buffer, (const guint8 *) &value, sizeof value);
}

void
pn_variant_writer_int64 (PnVariantWriter *writer,
                         gint64           value)
{
  pn_variant_writer_align (writer, 8);
  g_byte_array_append (writer->buffer, (const guint8 *) &value, sizeof value);
}

void
pn_variant_writer_double (PnVariantWriter *writer,
                          double           value)
{
  pn_variant_writer_align (writer, 8);
  g_byte_array_append (writer->buffer, (const guint8 *) &value, sizeof value);
}

void
pn_variant_writer_open (PnVariantWriter    *writer,
                        PnVariantContainer *container,
                        guint               alignment)
{
  pn_variant_writer_align (writer, alignment);
  container->start = writer->buffer->len;
  container->n_offsets = 0;
  container->more = NULL;
}

void
pn_variant_writer_end_member (PnVariantWriter    *writer,
                              PnVariantContainer *container)
{
  gsize offset = writer->buffer->len - container->start;

  if (container->n_offsets < G_N_ELEMENTS (container->offsets))
    container->offsets[container->n_offsets] = offset;
  else
    {
      if (container->more == NULL)
        container->more = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (container->more, offset);
    }
  container->n_offsets++;
}

static gsize
get_offset (PnVariantContainer *container,
            guint               i)
{
  if (i < G_N_ELEMENTS (container->offsets))
    return container->offsets[i];
  return g_array_index (container->more, gsize, i - G_N_ELEMENTS (container->offsets));
}

/* gvs_calculate_total_size () and gvs_get_offset_size () */
static guint
offset_size (gsize body,
             guint n_offsets)
{
  if (n_offsets == 0)
    return 0;
  if (body + n_offsets <= G_MAXUINT8)
    return 1;
  if (body + 2 * (gsize) n_offsets <= G_MAXUINT16)
    return 2;
  if (body + 4 * (gsize) n_offsets <= G_MAXUINT32)
    return 4;
  return 8;
}

static void
write_offset (PnVariantWriter *writer,
              gsize            offset,
              guint            size)
{
  guint8 bytes[8];

  for (guint i = 0; i < size; i++)
    bytes[i] = (guint8) (((guint64) offset) >> (8 * i));
  g_byte_array_append (writer->buffer, bytes, size);
}

static void
close_container (PnVariantWriter    *writer,
                 PnVariantContainer *container,
                 gboolean            reversed)
{
  gsize body = writer->buffer->len - container->start;
  guint size = offset_size (body, container->n_offsets);

  for (guint i = 0; i < container->n_offsets; i++)
    write_offset (writer, get_offset (container, reversed ? container->n_offsets - 1 - i : i), size);
  g_clear_pointer (&container->more, g_array_unref);
}

void
pn_variant_writer_close_tuple (PnVariantWriter    *writer,
                               PnVariantContainer *container)
{
  close_container (writer, container, TRUE);
}

void
pn_variant_writer_close_array (PnVariantWriter    *writer,
                               PnVariantContainer *container)
{
  close_container (writer, container, FALSE);
}

void
pn_variant_writer_strv (PnVariantWriter    *writer,
                        const char * const *strv)
{
  PnVariantContainer array;

  pn_variant_writer_open (writer, &array, 1);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      pn_variant_writer_string (writer, strv[i]);
      pn_variant_writer_end_member (writer, &array);
    }
  pn_variant_writer_close_array (writer, &array);
}
