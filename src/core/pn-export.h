/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pn-brief.h"
#include "pn-corpus.h"
#include "pn-json-writer.h"
#include "pn-profile.h"
#include "pn-result.h"
#include "pn-store.h"

G_BEGIN_DECLS

/* The language of the current locale (LC_MESSAGES / LANGUAGE). */
PnLang      pn_lang_from_locale          (void);
/* A term's name in `lang`: its Chinese one where the English one is a
 * draft's placeholder (PN_UNTRANSLATED_PREFIX) or missing. */
const char *pn_term_get                  (const PnTerm *term,
                                          PnLang        lang);
const char *pn_text_get                  (const PnText *text,
                                          PnLang        lang);

/* `pnav match` JSON: {"as_of","location","matches":[…],"counted_count",
 * "total_estimate_cny","total_high_cny","next_steps":[…]}, written
 * straight into `out` (the text JsonGenerator writes for the tree); with
 * `flush`, handed over in pieces as it is written (pn-json-writer.h). */
void        pn_export_write_results_json (PnResults   *results,
                                          GString     *out,
                                          gboolean     pretty,
                                          PnJsonFlush  flush,
                                          gpointer     user_data);
/* The same as a tree */
JsonNode   *pn_export_results_json       (PnResults   *results);
JsonNode   *pn_export_result_json        (PnResults   *results,
                                          const PnResult *result);
char       *pn_export_results_text       (PnResults   *results,
                                          PnLang       lang);
/* What a result gives, as a range where the "up to" figure differs from
 * what counts: "¥10,000,000", "¥0 – ¥4,000,000", "¥0 – no upper bound";
 * for what cannot give on the date or loses its overlap group, its own
 * amount ("¥9,000,000", "up to ¥3,000,000", 最高 ¥3,000,000); or "—". */
char       *pn_export_amount_label       (const PnResult *result,
                                          PnLang       lang);
/* "in force until 31 December 2026" (有效期至2026年12月31日) for a result
 * in force on its date whose measure has an end; else NULL.  The end of
 * what a founder is shown matters most when it is near: Xiamen 2023 and
 * Jinjiang 2025 end on 2026-12-31. */
char       *pn_export_in_force_until     (const PnResult *result,
                                          PnLang       lang);
/* "year 1: ¥320,000 (40%), year 2: ¥240,000 (30%), …" (第1年…) for an
 * award paid by year; "" when it is paid at once */
char       *pn_export_stages_label       (const PnResult *result,
                                          PnLang       lang);
/* The earliest end (YYYY-MM-DD) of the measures that count, or NULL when
 * none counts or none of those has an end. */
const char *pn_export_counted_until      (PnResults   *results);
/* "Xiamen Municipal Bureau of Science and Technology (lead); …", lead
 * units first; "" when there are none */
char       *pn_export_units_label        (PnDocument  *document,
                                          PnTaxonomy  *taxonomy,
                                          GPtrArray   *units,
                                          PnLang       lang);
/* "¥12,000,000 counted · up to ¥15,000,000" (计入 … · 最高 …), "… · no
 * upper bound", or "¥12,000,000 counted" when nothing more is possible. */
char       *pn_export_total_label        (PnResults   *results,
                                          PnLang       lang);
/* "Answer", "Give", "Check" (回答、填写、确认): what a next step asks */
const char *pn_next_step_kind_verb       (PnNextStepKind kind,
                                          PnLang         lang);
/* UTF-8 with a BOM and CRLF line ends, one row per listed benefit.  The
 * columns are every field of pn_export_result_json(), flattened: "as_of"
 * and "location" of the results, then the result's members by name, the
 * members of "amount" by their own name ("estimate_cny"), those of any
 * other object as NAME_MEMBER ("derivation_zh"), and those of the objects
 * of an array as NAME_MEMBER with one line per element ("notes_en",
 * "responsible_units_id"; an inner array joins with ";").  Amounts are
 * whole yuan; null is an empty field, booleans are true/false. */
char       *pn_export_results_csv        (PnResults   *results);
/* The column names of pn_export_results_csv(), NULL-terminated. */
const char * const *pn_export_results_csv_columns (void);
/* The client brief (pn_brief_new()) of `results` for `profile`, made
 * today, as Markdown. */
char       *pn_export_results_markdown   (PnResults   *results,
                                          PnProfile   *profile,
                                          PnLang       lang,
                                          GError     **error);
char       *pn_export_brief_markdown     (PnBrief     *brief);

JsonNode   *pn_export_document_json      (PnCorpus    *corpus,
                                          PnDocument  *document,
                                          gboolean     with_articles);
JsonNode   *pn_export_article_json       (PnCorpus    *corpus,
                                          PnArticle   *article);
JsonNode   *pn_export_search_hits_json   (GPtrArray   *hits);
JsonNode   *pn_export_vocabulary_json    (PnTaxonomy  *taxonomy,
                                          const char  *vocabulary);

char       *pn_export_json_to_string     (JsonNode    *node,
                                          gboolean     pretty);

/* Writes `bytes` to `file`: an existing file is replaced in one step (a
 * temporary file beside it, written and synced, renamed over it), never
 * left half-written; on an error (a full disk, a file size limit) it is
 * left as it was.  Anything but a regular file is refused (a FIFO would
 * block the write). */
gboolean    pn_export_save               (GFile       *file,
                                          GBytes      *bytes,
                                          GError     **error);

/* Appends `text` padded with spaces to `width` terminal columns (a CJK
 * character takes two), for text meant for a terminal. */
void         pn_export_append_padded   (GString    *str,
                                        const char *text,
                                        int         width);

G_END_DECLS
