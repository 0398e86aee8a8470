/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes JSON straight into a GString, as it goes, for the outputs that
 * are large (a match at 100,000 benefits lists hundreds of measures):
 * building a JsonNode tree first and freeing it afterwards costs several
 * times the writing (docs/performance.md).  The text is the one
 * json-glib's JsonGenerator writes for the same values (pretty: two
 * spaces, "name" : value), so that both can be used for one document and
 * tests compare them; except that every control character is escaped,
 * where JsonGenerator leaves U+001F and U+0080–U+009F as they are.
 * Everything else (parsing, small outputs) uses json-glib. */

/* Takes the text written so far (`out` is emptied afterwards) */
typedef void (*PnJsonFlush) (GString  *out,
                             gpointer  user_data);

typedef struct
{
  GString  *out;
  gboolean  pretty;
  PnJsonFlush flush;
  gpointer  flush_data;
  guint     depth;
  /* per open container: has it an item yet; bit `depth` */
  guint64   has_items;
  gboolean  after_name;   /* a member name was written: its value follows */
  /* the last number written as a double, and its text: rates and
   * fractions repeat from one result to the next */
  guint64   last_double_bits;
  char      last_double_text[G_ASCII_DTOSTR_BUF_SIZE + 2];
} PnJsonWriter;

/* At most 63 levels of nesting. */
void  pn_json_writer_init          (PnJsonWriter *self,
                                    GString      *out,
                                    gboolean      pretty);
/* Hands the text to `flush` whenever 64 KiB have gathered, and once more
 * at the end of the document: a large output is never whole in memory. */
void  pn_json_writer_set_flush     (PnJsonWriter *self,
                                    PnJsonFlush   flush,
                                    gpointer      user_data);
void  pn_json_writer_begin_object  (PnJsonWriter *self);
void  pn_json_writer_end_object    (PnJsonWriter *self);
void  pn_json_writer_begin_array   (PnJsonWriter *self);
void  pn_json_writer_end_array     (PnJsonWriter *self);
/* The name of the next member of the object being written. */
void  pn_json_writer_name          (PnJsonWriter *self,
                                    const char   *name);
/* NULL writes null */
void  pn_json_writer_string        (PnJsonWriter *self,
                                    const char   *value);
void  pn_json_writer_int           (PnJsonWriter *self,
                                    gint64        value);
void  pn_json_writer_double        (PnJsonWriter *self,
                                    double        value);
void  pn_json_writer_boolean       (PnJsonWriter *self,
                                    gboolean      value);
void  pn_json_writer_null          (PnJsonWriter *self);

/* `value` as a JSON string literal, quotes included, appended to `out`. */
void  pn_json_append_string        (GString      *out,
                                    const char   *value);

G_END_DECLS
