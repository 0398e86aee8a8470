/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pn-policy.h"

G_BEGIN_DECLS

/* How a text a client reads cites an article: by the document's number,
 * else by its title, never by an internal document id; and numbered as
 * the document numbers its measures, in the language of the text.
 *
 *   en  厦府规〔2023〕17号 art. 1
 *       Fujian Province task list for … biomedical industry, task 53
 *   zh  厦府规〔2023〕17号第1条
 *       晋政规〔2025〕8号第一条第（二）项           (article 1.2)
 *       《福建省生物医药产业高质量发展工作任务清单》第53项  */
char *pn_citation_format  (PnArticle  *article,
                           PnLang      lang);
/* The document alone: its number, else its title (《》 in Chinese). */
char *pn_citation_document (PnDocument *document,
                            PnLang      lang);
/* An article of `document` without the document, as a note within it
 * cites one: "art. 2", "task 13"; 第2条, 第13项, 第一条第（二）项. */
char *pn_citation_format_number (PnDocument *document,
                                 const char *number,
                                 PnLang      lang);
G_END_DECLS
