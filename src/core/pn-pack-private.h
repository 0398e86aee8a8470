/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The form a benefit's and an article's lists take in the store: read
 * once for every benefit a question lists, so it is made to be read with
 * no allocation but the values themselves (GVariant builds an instance
 * for every child it hands out, which was most of the cost of reading a
 * benefit).
 *
 * A pack starts with a tag byte saying what it holds, then its fields
 * in an order the writer and the reader agree on:
 *   u32   4 bytes, little-endian
 *   i64   8 bytes, little-endian, two's complement
 *   f64   8 bytes, IEEE 754 binary64, little-endian
 *   bool  1 byte, 0 or 1
 *   str   a u32 length, then that many bytes of UTF-8 without NUL
 *   list  a u32 count, then the items
 * The reader checks every length against what is left and every string
 * for UTF-8; the first fault marks it bad and every later read gives a
 * zero value, so a caller checks once at the end (pn_pack_reader_end()). */

#define PN_PACK_BENEFIT_LISTS 0xB1
#define PN_PACK_ARTICLE_LISTS 0xA1

void         pn_pack_add_tag          (GByteArray  *out,
                                       guint8       tag);
void         pn_pack_add_u32          (GByteArray  *out,
                                       guint32      value);
void         pn_pack_add_i64          (GByteArray  *out,
                                       gint64       value);
void         pn_pack_add_f64          (GByteArray  *out,
                                       double       value);
void         pn_pack_add_bool         (GByteArray  *out,
                                       gboolean     value);
/* NULL is written as "" */
void         pn_pack_add_str          (GByteArray  *out,
                                       const char  *value);
/* NULL is written as an empty list */
void         pn_pack_add_strv         (GByteArray  *out,
                                       GStrv        strv);

typedef struct
{
  const guint8 *p;
  const guint8 *end;
  gboolean      bad;
} PnPackReader;

/* FALSE (and the reader bad) unless the pack starts with `tag` */
gboolean     pn_pack_reader_init      (PnPackReader *self,
                                       const void   *data,
                                       gsize         size,
                                       guint8        tag);
guint32      pn_pack_read_u32         (PnPackReader *self);
gint64       pn_pack_read_i64         (PnPackReader *self);
double       pn_pack_read_f64         (PnPackReader *self);
gboolean     pn_pack_read_bool        (PnPackReader *self);
/* A copy, or NULL once the reader is bad */
char        *pn_pack_read_str         (PnPackReader *self);
/* A list's count: 0 once bad, and bad when more items than
 * `min_item_bytes` each could fit in what is left */
guint32      pn_pack_read_count       (PnPackReader *self,
                                       gsize         min_item_bytes);
/* The strings of a list: an empty vector for an empty list, NULL once
 * bad */
GStrv        pn_pack_read_strv        (PnPackReader *self);
/* TRUE when nothing went wrong and nothing is left over */
gboolean     pn_pack_reader_end       (PnPackReader *self);

G_END_DECLS
