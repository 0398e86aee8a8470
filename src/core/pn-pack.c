/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-store"

#include "config.h"

#include <string.h>

#include "pn-core-private.h"
#include "pn-pack-private.h"

/* ---- writing ---- */

void
pn_pack_add_tag (GByteArray *out,
                 guint8      tag)
{
  g_byte_array_append (out, &tag, 1);
}

void
pn_pack_add_u32 (GByteArray *out,
                 guint32     value)
{
  guint32 le = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *) &le, sizeof le);
}

void
pn_pack_add_i64 (GByteArray *out,
                 gint64      value)
{
  guint64 le = GUINT64_TO_LE ((guint64) value);

  g_byte_array_append (out, (const guint8 *) &le, sizeof le);
}

void
pn_pack_add_f64 (GByteArray *out,
                 double      value)
{
  guint64 bits;

  G_STATIC_ASSERT (sizeof bits == sizeof value);
  memcpy (&bits, &value, sizeof bits);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (out, (const guint8 *) &bits, sizeof bits);
}

void
pn_pack_add_bool (GByteArray *out,
                  gboolean    value)
{
  guint8 byte = value ? 1 : 0;

  g_byte_array_append (out, &byte, 1);
}

void
pn_pack_add_str (GByteArray *out,
                 const char *value)
{
  gsize len = value != NULL ? strlen (value) : 0;

  g_return_if_fail (len <= G_MAXUINT32);
  pn_pack_add_u32 (out, (guint32) len);
  g_byte_array_append (out, (const guint8 *) value, (guint) len);
}

void
pn_pack_add_strv (GByteArray *out,
                  GStrv       strv)
{
  guint n = strv != NULL ? g_strv_length (strv) : 0;

  pn_pack_add_u32 (out, n);
  for (guint i = 0; i < n; i++)
    pn_pack_add_str (out, strv[i]);
}

/* ---- reading ---- */

gboolean
pn_pack_reader_init (PnPackReader *self,
                     const void   *data,
                     gsize         size,
                     guint8        tag)
{
  self->p = data;
  self->end = self->p + (data != NULL ? size : 0);
  self->bad = data == NULL || size < 1 || self->p[0] != tag;
  if (!self->bad)
    self->p++;
  return !self->bad;
}

/* The next `n` bytes, or NULL (and the reader bad) when fewer are left */
static const guint8 *
take (PnPackReader *self,
      gsize         n)
{
  const guint8 *at = self->p;

  if (self->bad || (gsize) (self->end - self->p) < n)
    {
      self->bad = TRUE;
      return NULL;
    }
  self->p += n;
  return at;
}

guint32
pn_pack_read_u32 (PnPackReader *self)
{
  const guint8 *at = take (self, 4);
  guint32 le;

  if (at == NULL)
    return 0;
  memcpy (&le, at, sizeof le);
  return GUINT32_FROM_LE (le);
}

gint64
pn_pack_read_i64 (PnPackReader *self)
{
  const guint8 *at = take (self, 8);
  guint64 le;

  if (at == NULL)
    return 0;
  memcpy (&le, at, sizeof le);
  return (gint64) GUINT64_FROM_LE (le);
}

double
pn_pack_read_f64 (PnPackReader *self)
{
  const guint8 *at = take (self, 8);
  guint64 bits;
  double value;

  if (at == NULL)
    return 0;
  memcpy (&bits, at, sizeof bits);
  bits = GUINT64_FROM_LE (bits);
  memcpy (&value, &bits, sizeof value);
  return value;
}

gboolean
pn_pack_read_bool (PnPackReader *self)
{
  const guint8 *at = take (self, 1);

  if (at == NULL)
    return FALSE;
  if (*at > 1)
    {
      self->bad = TRUE;
      return FALSE;
    }
  return *at == 1;
}

char *
pn_pack_read_str (PnPackReader *self)
{
  guint32 len = pn_pack_read_u32 (self);
  const guint8 *at = take (self, len);

  if (at == NULL)
    return NULL;
  if (!pn_utf8_validate_len ((const char *) at, len))
    {
      self->bad = TRUE;
      return NULL;
    }
  return g_strndup ((const char *) at, len);
}

guint32
pn_pack_read_count (PnPackReader *self,
                    gsize         min_item_bytes)
{
  guint32 n = pn_pack_read_u32 (self);

  if (self->bad)
    return 0;
  if (min_item_bytes > 0 && n > (gsize) (self->end - self->p) / min_item_bytes)
    {
      self->bad = TRUE;
      return 0;
    }
  return n;
}

GStrv
pn_pack_read_strv (PnPackReader *self)
{
  guint32 n = pn_pack_read_count (self, 4);
  GStrv strv;

  if (self->bad)
    return NULL;
  strv = g_new0 (char *, n + 1);
  for (guint32 i = 0; i < n; i++)
    {
      strv[i] = pn_pack_read_str (self);
      if (strv[i] == NULL)
        {
          g_strfreev (strv);
          return NULL;
        }
    }
  return strv;
}

gboolean
pn_pack_reader_end (PnPackReader *self)
{
  return !self->bad && self->p == self->end;
}
