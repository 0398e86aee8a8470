/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-export.h"
#include "pn-policy.h"
#include "pn-result.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

/* The items of a combo row that picks one id: "None" first (id ""),
 * then what is added, and the current id last when it is not among them,
 * so that a reference the app cannot resolve stays visible. */
typedef struct
{
  GtkStringList *labels;
  GStrvBuilder  *ids;
  const char    *current;   /* NULL: none chosen */
  guint          n;
  guint          selected;
  gboolean       listed;
} PnIdChoices;

void         pn_id_choices_init          (PnIdChoices  *self,
                                          const char   *current);
void         pn_id_choices_add           (PnIdChoices  *self,
                                          const char   *id,
                                          const char   *label);
/* Gives `row` the items and selects the current one; returns the ids, one
 * per item (free with g_strfreev()).  `self` is cleared. */
GStrv        pn_id_choices_finish        (PnIdChoices  *self,
                                          AdwComboRow  *row);

/* The language of the user interface, from the locale (cached). */
PnLang       pn_gui_get_lang             (void);
/* The text in the UI language, and in the other one (NULL when it is the
 * same text or missing). */
const char  *pn_gui_text                 (const PnText *text);
const char  *pn_gui_other_text           (const PnText *text);
const char  *pn_gui_term_label           (const PnTerm *term);
const char  *pn_gui_term_other_label     (const PnTerm *term);
/* The name of a place, of the taxonomy or one an imported document
 * declares, in the interface's language; its id when it has none. */
char        *pn_gui_location_label       (PnCorpus     *corpus,
                                          const char   *id);
/* How deep a place sits in `locations` (PnTerm, from
 * pn_corpus_list_locations()): 0 for a province, 1 a city, 2 a county. */
guint        pn_gui_location_depth       (GPtrArray    *locations,
                                          const char   *id);

/* Simplified Chinese glyphs: tags the label's text with the zh-cn Pango
 * language, keeping its other attributes.  Latin text is unaffected. */
void         pn_gui_label_set_chinese    (GtkLabel     *label);
/* The same for every label inside `widget` (row titles and subtitles). */
void         pn_gui_tag_chinese          (GtkWidget    *widget);
/* Sets the text and tags the label. */
void         pn_gui_label_set_text       (GtkLabel     *label,
                                          const char   *text);

/* "厦府规〔2023〕17号 art. 1", the document title for numberless ones
 * (pn_citation_format() in the UI language). */
char        *pn_gui_citation             (PnArticle    *article);
/* A derivation, a reason or a note of `results` in the UI language, its
 * citations written as pn_gui_citation() writes them; NULL for none. */
char        *pn_gui_data_text            (PnResults    *results,
                                          const PnText *text);
char        *pn_gui_units_text           (GPtrArray    *units,
                                          PnDocument   *document,
                                          PnTaxonomy   *taxonomy);
/* A count with the locale's digit grouping: "25,662". */
char        *pn_gui_format_count         (guint         count);
/* The button under a list shown a page at a time: visible while `shown`
 * of `total` items have rows, saying "Show 25 More of 25,662" (`page`
 * more, or what is left). */
void         pn_gui_update_more_button   (GtkButton    *button,
                                          guint         page,
                                          guint         shown,
                                          guint         total);
/* "23 November 2026" from "2026-11-23"; a copy of `iso` when invalid. */
char        *pn_gui_format_date          (const char   *iso);
/* Midnight UTC of a YYYY-MM-DD date, or NULL. */
GDateTime   *pn_gui_parse_date           (const char   *iso);
/* Days from `from` to `to` (YYYY-MM-DD); G_MININT when either is invalid. */
int          pn_gui_days_between         (const char   *from,
                                          const char   *to);

const char  *pn_gui_status_label         (PnStatus      status);
const char  *pn_gui_status_style_class   (PnStatus      status);
const char  *pn_gui_condition_state_label (PnConditionState state);
/* The question a key asks ("drug-class", "rd-investment", "location",
 * "as-of"), as a short noun phrase in the UI language. */
char        *pn_gui_key_label            (PnTaxonomy   *taxonomy,
                                          const char   *key);
/* An answer as words: the term's label, "Passed" for the special review's
 * "true"; never the raw value. */
const char  *pn_gui_answer_label         (PnTaxonomy   *taxonomy,
                                          PnQuestion    question,
                                          const char   *value);
/* Why `text` is not an amount ("must be positive", "too large", "not a
 * number"), or NULL when it is one or is empty. */
char        *pn_gui_amount_error         (const char   *text);
/* The result amount, a range where more than what counts is possible:
 * "¥12,000,000", "¥0 – ¥4,000,000", "¥0 – no upper bound", "up to
 * ¥20,000,000" (what cannot give on the date) or "—". */
char        *pn_gui_result_amount        (const PnResult *result);

/* A next step as the results list it: "Give: R&D investment", "Answer:
 * the drug class", "Check: …"; and what it may add, "up to +¥4,000,000"
 * or "no upper bound". */
char        *pn_gui_next_step_title      (const PnNextStep *step);
char        *pn_gui_next_step_adds       (const PnNextStep *step);

/* What a measure states it gives, without an evaluation: "up to
 * ¥4,000,000", "40% of a figure", "No amount stated". */
char        *pn_gui_benefit_amount       (PnBenefit    *benefit);

/* gtk_list_box_remove_all() arrived in GTK 4.12. */
void         pn_gui_list_box_remove_all  (GtkListBox   *list_box);
void         pn_gui_box_remove_all       (GtkBox       *box);

/* A message with a Close button, modal over `parent` (or NULL): an error
 * the user acknowledges. */
void         pn_gui_show_message          (GtkWindow   *parent,
                                           const char  *heading,
                                           const char  *body);

G_END_DECLS
