/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-result.h"
#include "pn-store.h"

G_BEGIN_DECLS

typedef enum
{
  PN_LANG_EN,
  PN_LANG_ZH,
} PnLang;

/* The language of the current locale (LC_MESSAGES / LANGUAGE). */
PnLang      pn_lang_from_locale          (void);
const char *pn_text_get                  (const PnText *text,
                                          PnLang        lang);

/* `pnav match` JSON: {"as_of","location","matches":[…],"total_estimate_cny"} */
JsonNode   *pn_export_results_json       (PnResults   *results);
JsonNode   *pn_export_result_json        (PnResults   *results,
                                          const PnResult *result);
char       *pn_export_results_text       (PnResults   *results,
                                          PnLang       lang);
/* UTF-8 with BOM, one row per listed benefit, every JSON field */
char       *pn_export_results_csv        (PnResults   *results);
char       *pn_export_results_markdown   (PnResults   *results,
                                          PnProfile   *profile,
                                          PnLang       lang);

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

G_END_DECLS
