/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes GVariant's serialised form (normal form, the bytes
 * g_variant_get_data() gives for the same value) straight into one
 * buffer, without building a tree of GVariant values first.  An import
 * writes a benefit's lists 1,000 times a document: through
 * GVariantBuilder that was 90 M instructions (a tenth of an import), most
 * of it allocating, type-checking and then serialising the tree.
 *
 * Values are written in order; a container is opened with its alignment
 * and closed with the kind of its framing offsets.  In a tuple, call
 * pn_variant_writer_end_member() after each member that needs a framing
 * offset (a member of variable size that is not the last one); in an
 * array of variable-sized elements, after every element.  Tuples whose
 * members are all of fixed size (GVariant pads those to their alignment)
 * are not supported: the store writes none.
 * tests/core/test-variant-writer.c compares the bytes with GLib's. */

typedef struct
{
  GByteArray *buffer;
} PnVariantWriter;

typedef struct
{
  gsize   start;
  guint   n_offsets;
  gsize   offsets[12];
  GArray *more;   /* offsets past the first 12 */
} PnVariantContainer;

void         pn_variant_writer_init        (PnVariantWriter    *writer);
void         pn_variant_writer_clear       (PnVariantWriter    *writer);
void         pn_variant_writer_reset       (PnVariantWriter    *writer);
const guint8 *pn_variant_writer_get_data   (PnVariantWriter    *writer,
                                            gsize              *size);

void         pn_variant_writer_string      (PnVariantWriter    *writer,
                                            const char         *text);
void         pn_variant_writer_boolean     (PnVariantWriter    *writer,
                                            gboolean            value);
void         pn_variant_writer_uint32      (PnVariantWriter    *writer,
                                            guint32             value);
void         pn_variant_writer_int64       (PnVariantWriter    *writer,
                                            gint64              value);
void         pn_variant_writer_double      (PnVariantWriter    *writer,
                                            double              value);
/* "as"; NULL is the empty array */
void         pn_variant_writer_strv        (PnVariantWriter    *writer,
                                            const char * const *strv);

/* `alignment` is the container type's (1, 2, 4 or 8) */
void         pn_variant_writer_open        (PnVariantWriter    *writer,
                                            PnVariantContainer *container,
                                            guint               alignment);
void         pn_variant_writer_align       (PnVariantWriter    *writer,
                                            guint               alignment);
void         pn_variant_writer_end_member  (PnVariantWriter    *writer,
                                            PnVariantContainer *container);
/* a tuple: its members' framing offsets, last first */
void         pn_variant_writer_close_tuple (PnVariantWriter    *writer,
                                            PnVariantContainer *container);
/* an array of variable-sized elements: their offsets, first first; an
 * array of fixed-sized elements has none and needs no closing */
void         pn_variant_writer_close_array (PnVariantWriter    *writer,
                                            PnVariantContainer *container);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PnVariantWriter, pn_variant_writer_clear)

G_END_DECLS
