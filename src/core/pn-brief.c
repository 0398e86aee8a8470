/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-brief"

#include "config.h"

#include "pn-brief.h"

#include "pn-citation.h"
#include "pn-corpus.h"
#include "pn-date.h"
#include "pn-export.h"
#include "pn-money.h"

/* Months ahead in which an ending measure is highlighted. */
#define PN_BRIEF_ENDS_SOON_MONTHS 12

struct _PnBrief
{
  PnResults  *results;
  PnLang      lang;
  char       *client;
  char       *date;
  char       *title;
  char       *running_header;
  GPtrArray  *documents; /* PnDocument headers at the location */
  GPtrArray  *blocks;   /* PnBriefBlock */
};

G_DEFINE_BOXED_TYPE (PnBrief, pn_brief, pn_brief_ref, pn_brief_unref)

/* Both editions are written here rather than through gettext: a brief is
 * made in the language asked for, whatever the locale. */
#define TR(self, en, zh) ((self)->lang == PN_LANG_ZH ? (zh) : (en))

static void
pn_brief_row_free (PnBriefRow *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static void
pn_brief_block_free (PnBriefBlock *block)
{
  g_free (block->text);
  g_strfreev (block->columns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
pn_brief_clear (PnBrief *self)
{
  g_clear_pointer (&self->results, pn_results_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_free (self->client);
  g_free (self->date);
  g_free (self->title);
  g_free (self->running_header);
}

PnBrief *
pn_brief_ref (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
pn_brief_unref (PnBrief *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) pn_brief_clear);
}

/* ---- building blocks ------------------------------------------------- */

static PnBriefBlock *
add_block (PnBrief          *self,
           PnBriefBlockKind  kind,
           PnBriefStyle      style,
           const char       *text)
{
  PnBriefBlock *block = g_new0 (PnBriefBlock, 1);

  block->kind = kind;
  block->style = style;
  block->text = g_strdup (text);
  if (kind != PN_BRIEF_BLOCK_HEADING && kind != PN_BRIEF_BLOCK_PARAGRAPH)
    block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_brief_row_free);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static void
add_heading (PnBrief    *self,
             const char *text)
{
  add_block (self, PN_BRIEF_BLOCK_HEADING, PN_BRIEF_STYLE_NORMAL, text);
}

static void
add_paragraph (PnBrief      *self,
               PnBriefStyle  style,
               const char   *text)
{
  add_block (self, PN_BRIEF_BLOCK_PARAGRAPH, style, text);
}

static void
add_paragraph_take (PnBrief      *self,
                    PnBriefStyle  style,
                    char         *text)
{
  add_paragraph (self, style, text);
  g_free (text);
}

/* A table: `columns` is NULL-terminated; `widths` and `numeric` have one
 * entry per column. */
static PnBriefBlock *
add_table (PnBrief            *self,
           const char * const *columns,
           const double       *widths,
           const gboolean     *numeric)
{
  PnBriefBlock *block = add_block (self, PN_BRIEF_BLOCK_TABLE, PN_BRIEF_STYLE_NORMAL, NULL);
  guint n = g_strv_length ((GStrv) columns);

  g_assert (n > 0 && n <= PN_BRIEF_MAX_COLUMNS);
  block->columns = g_strdupv ((GStrv) columns);
  for (guint i = 0; i < n; i++)
    {
      block->widths[i] = widths[i];
      block->numeric[i] = numeric != NULL && numeric[i];
    }
  return block;
}

/* Appends a row; takes the cells (a NULL-terminated list of char*). */
static void
add_row_take (PnBriefBlock   *block,
              PnBriefRowKind  kind,
              GStrv           cells)
{
  PnBriefRow *row = g_new0 (PnBriefRow, 1);

  row->kind = kind;
  row->cells = cells;
  g_ptr_array_add (block->rows, row);
}

static void
add_field (PnBriefBlock *block,
           const char   *label,
           const char   *value)
{
  GStrv cells = g_new0 (char *, 3);

  cells[0] = g_strdup (label);
  cells[1] = g_strdup (value != NULL ? value : "—");
  add_row_take (block, PN_BRIEF_ROW_NORMAL, cells);
}

static void
add_field_take (PnBriefBlock *block,
                const char   *label,
                char         *value)
{
  add_field (block, label, value);
  g_free (value);
}

static void
add_item_take (PnBriefBlock *block,
               char         *text)
{
  GStrv cells = g_new0 (char *, 2);

  cells[0] = text;
  add_row_take (block, PN_BRIEF_ROW_NORMAL, cells);
}

/* ---- labels ---------------------------------------------------------- */

static const struct { const char *en; const char *zh; } question_names[] = {
  { "What is funded", "支持对象" },
  { "Applicant type", "申请主体" },
  { "Drug class", "药品类别" },
  { "Modality", "药品类型" },
  { "Therapeutic area", "治疗领域" },
  { "Device class", "医疗器械类别" },
  { "Innovative device special review", "国家创新医疗器械特别审查" },
  { "Device type", "医疗器械类型" },
  { "Milestone just reached", "刚完成的研发阶段" },
  { "Consistency evaluation rank", "一致性评价通过次序" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (question_names) == PN_N_QUESTIONS);

static const char *
term_label (PnBrief      *self,
            const PnTerm *term,
            const char   *fallback)
{
  if (term == NULL)
    return fallback;
  if (self->lang == PN_LANG_ZH && term->zh != NULL)
    return term->zh;
  return term->en != NULL ? term->en : (term->zh != NULL ? term->zh : fallback);
}

static PnTaxonomy *
taxonomy_of (PnBrief *self)
{
  return pn_corpus_get_taxonomy (pn_results_get_corpus (self->results));
}

/* By the document's number or name, numbered as the document numbers
 * its measures: never an internal id (pn-citation). */
static char *
cite (PnBrief   *self,
      PnArticle *article)
{
  return pn_citation_format (article, self->lang);
}

/* The engine's text in the brief's language (its citations are already
 * the client's: pn-derivation writes them with pn-citation). */
static char *
client_text (PnBrief      *self,
             const PnText *text)
{
  return g_strdup (pn_text_get (text, self->lang));
}

/* "Xiamen Municipal Bureau of Science and Technology (lead); …", or "—" */
static char *
units_label (PnBrief    *self,
             PnDocument *document,
             GPtrArray  *units)
{
  char *label = pn_export_units_label (document, taxonomy_of (self), units, self->lang);

  if (*label != '\0')
    return label;
  g_free (label);
  return g_strdup ("—");
}

static char *
count_label (PnBrief *self,
             guint    n)
{
  if (self->lang == PN_LANG_ZH)
    return g_strdup_printf ("%u 项", n);
  return g_strdup_printf (n == 1 ? "%u measure" : "%u measures", n);
}

static char *
days_label (PnBrief *self,
            gint     days)
{
  if (days == 0)
    return g_strdup (TR (self, "ends today", "今天到期"));
  if (self->lang == PN_LANG_ZH)
    return g_strdup_printf ("%d天后到期", days);
  return g_strdup_printf (days == 1 ? "ends in %d day" : "ends in %d days", days);
}

gboolean
pn_brief_result_ends_soon (PnBrief        *self,
                           const PnResult *result,
                           gint           *out_days)
{
  const char *as_of;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  as_of = pn_results_get_as_of (self->results);
  if (result->status != PN_STATUS_IN_FORCE || result->valid_until == NULL ||
      !pn_date_within_months (result->valid_until, as_of, PN_BRIEF_ENDS_SOON_MONTHS))
    return FALSE;

  if (out_days != NULL && !pn_date_days_between (as_of, result->valid_until, out_days))
    return FALSE;
  return TRUE;
}

static char *
until_label (PnBrief        *self,
             const PnResult *result,
             gboolean       *out_soon)
{
  gint days = 0;

  *out_soon = pn_brief_result_ends_soon (self, result, &days);
  if (result->valid_until == NULL)
    return g_strdup (TR (self, "Not stated", "未规定"));
  if (*out_soon)
    {
      g_autofree char *left = days_label (self, days);

      return g_strdup_printf (TR (self, "%s\n(%s)", "%s\n（%s）"), result->valid_until, left);
    }
  return g_strdup (result->valid_until);
}

static char *
document_label (PnBrief    *self,
                PnDocument *document)
{
  const char *title = pn_text_get (&document->title, self->lang);

  if (document->doc_number != NULL)
    return g_strdup_printf (TR (self, "%s %s", "%s《%s》"), document->doc_number, title);
  return g_strdup_printf (TR (self, "%s", "《%s》"), title);
}

/* ---- sections -------------------------------------------------------- */

/* The "up to" total in words */
static char *
high_label (PnBrief *self)
{
  gint64 high = pn_results_get_total_high (self->results);
  g_autofree char *yuan = NULL;

  if (high == PN_YUAN_UNSET)
    {
      gint64 bounded = pn_results_get_total_high_bounded (self->results);
      g_autofree char *bounded_yuan = NULL;

      /* what the app says beside it: the measures with a cap, together */
      if (bounded <= pn_results_get_total (self->results))
        return g_strdup (TR (self, "No upper bound: a measure is a rate of a figure not given, with no cap",
                                   "无上限：有措施按未填写的金额比例计算且没有封顶"));
      bounded_yuan = pn_money_format_yuan (bounded);
      return g_strdup_printf (TR (self, "No upper bound: a measure is a rate of a figure not given, with no cap; "
                                        "the measures with a cap give up to %s together",
                                  "无上限：有措施按未填写的金额比例计算且没有封顶；其余有封顶的措施合计最高 %s"),
                              bounded_yuan);
    }
  yuan = pn_money_format_yuan (high);
  if (high <= pn_results_get_total (self->results))
    return g_strdup_printf (TR (self, "%s: nothing more is open", "%s：无其他可争取的金额"), yuan);
  return g_strdup_printf (TR (self, "%s, if every open point goes the client's way (below)",
                                    "%s（如下文各项尚缺条件均满足）"), yuan);
}

static void
add_summary (PnBrief    *self,
             PnProfile  *profile G_GNUC_UNUSED)
{
  PnBriefBlock *fields = add_block (self, PN_BRIEF_BLOCK_FIELDS, PN_BRIEF_STYLE_NORMAL, NULL);
  const char *location = pn_results_get_location (self->results);
  g_autofree char *total = pn_money_format_yuan (pn_results_get_total (self->results));
  g_autofree char *count = count_label (self, pn_results_get_n_counted (self->results));
  g_autofree char *total_text = g_strdup_printf (TR (self, "%s (%s)", "%s（%s）"), total, count);

  add_field (fields, TR (self, "Client", "客户"), self->client);
  /* a place of the taxonomy or one an imported document declares */
  g_autofree char *place = location != NULL
                           ? pn_corpus_location_label (pn_results_get_corpus (self->results), location, self->lang)
                           : NULL;

  add_field (fields, TR (self, "Location", "所在地"), place);
  add_field (fields, TR (self, "Date of this brief", "简报日期"), self->date);
  add_field (fields, TR (self, "As of", "评估基准日"), pn_results_get_as_of (self->results));
  add_field (fields, TR (self, "Counted total", "计入合计"), total_text);
  add_field_take (fields, TR (self, "Up to", "最高可达"), high_label (self));
}

static void
add_answers (PnBrief   *self,
             PnProfile *profile)
{
  PnTaxonomy *taxonomy = taxonomy_of (self);
  PnBriefBlock *fields;

  add_heading (self, TR (self, "Answers given", "已填写的情况"));

  fields = add_block (self, PN_BRIEF_BLOCK_FIELDS, PN_BRIEF_STYLE_NORMAL, NULL);
  for (guint q = 0; profile != NULL && q < PN_N_QUESTIONS; q++)
    {
      const char *answer = pn_profile_get_answer (profile, q);
      const char *label = self->lang == PN_LANG_ZH ? question_names[q].zh : question_names[q].en;

      if (answer == NULL)
        continue;

      if (q == PN_QUESTION_INNOVATIVE_DEVICE)
        add_field (fields, label, g_strcmp0 (answer, "true") == 0
                                  ? TR (self, "Passed", "已通过")
                                  : TR (self, "Not passed", "未通过"));
      else
        add_field (fields, label,
                   term_label (self, pn_taxonomy_get_term (taxonomy, pn_question_to_string (q), answer),
                               answer));
    }

  for (guint f = 0; profile != NULL && f < PN_N_FIGURES; f++)
    {
      gint64 yuan = pn_profile_get_figure (profile, f);
      g_autofree char *amount = NULL;
      const char *id = pn_figure_to_string (f);

      if (yuan == PN_YUAN_UNSET)
        continue;
      amount = pn_money_format_yuan (yuan);
      add_field (fields, term_label (self, pn_taxonomy_get_term (taxonomy, "figure", id), id), amount);
    }

  if (fields->rows->len == 0)
    add_paragraph (self, PN_BRIEF_STYLE_NORMAL,
                   TR (self, "No answers were given beyond the location.",
                             "除所在地外未填写其他情况。"));
}

static void
add_counted (PnBrief *self)
{
  static const double widths[] = { 0.28, 0.17, 0.14, 0.26, 0.15 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, FALSE, FALSE };
  const char *columns_en[] = { "Measure", "Citation", "Amount", "Responsible units", "In force until", NULL };
  const char *columns_zh[] = { "措施", "出处", "金额", "责任单位", "有效期至", NULL };
  PnBriefBlock *table;
  gboolean any_soon = FALSE;

  add_heading (self, TR (self, "Counted measures", "计入合计的措施"));

  if (pn_results_get_n_counted (self->results) == 0)
    {
      add_paragraph (self, PN_BRIEF_STYLE_NORMAL,
                     TR (self, "No measure is counted for these answers and figures.",
                               "按所填情况和金额，没有计入合计的措施。"));
      return;
    }

  table = add_table (self, self->lang == PN_LANG_ZH ? columns_zh : columns_en, widths, numeric);
  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      GStrv cells;
      gboolean soon = FALSE;

      if (!result->counted)
        continue;

      cells = g_new0 (char *, 6);
      cells[0] = g_strdup (pn_text_get (&result->benefit->title, self->lang));
      cells[1] = cite (self, result->benefit->article);
      cells[2] = pn_money_format_yuan (result->estimate_cny);
      cells[3] = units_label (self, result->benefit->document, pn_benefit_get_units (result->benefit));
      cells[4] = until_label (self, result, &soon);
      add_row_take (table, soon ? PN_BRIEF_ROW_HIGHLIGHT : PN_BRIEF_ROW_NORMAL, cells);
      any_soon |= soon;
    }

  {
    GStrv cells = g_new0 (char *, 6);
    g_autofree char *count = count_label (self, pn_results_get_n_counted (self->results));

    cells[0] = g_strdup_printf (TR (self, "Total (%s)", "合计（%s）"), count);
    cells[1] = g_strdup ("");
    cells[2] = pn_money_format_yuan (pn_results_get_total (self->results));
    cells[3] = g_strdup ("");
    cells[4] = g_strdup ("");
    add_row_take (table, PN_BRIEF_ROW_TOTAL, cells);
  }

  if (any_soon)
    add_paragraph (self, PN_BRIEF_STYLE_NOTE,
                   TR (self, "Highlighted rows end within 12 months of the as-of date; the days left are shown under the date.",
                             "突出显示的行在评估基准日后12个月内到期，日期下方注明剩余天数。"));
}

static void
add_derivations (PnBrief *self)
{
  PnBriefBlock *list;

  if (pn_results_get_n_counted (self->results) == 0)
    return;

  add_heading (self, TR (self, "How each amount is derived", "各项金额的计算"));
  list = add_block (self, PN_BRIEF_BLOCK_LIST, PN_BRIEF_STYLE_NORMAL, NULL);

  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      g_autofree char *citation = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *derivation = NULL;
      GString *item;

      if (!result->counted)
        continue;

      citation = cite (self, result->benefit->article);
      amount = pn_money_format_yuan (result->estimate_cny);
      derivation = client_text (self, &result->derivation);
      item = g_string_new (NULL);
      g_string_append_printf (item, TR (self, "%s (%s): %s → %s", "%s（%s）：%s → %s"),
                              pn_text_get (&result->benefit->title, self->lang), citation,
                              derivation, amount);
      for (guint n = 0; n < result->notes->len; n++)
        {
          g_autofree char *note = client_text (self, g_ptr_array_index (result->notes, n));

          g_string_append_printf (item, TR (self, ". %s", "。%s"), note);
        }
      if (result->stages->len > 0)
        {
          g_autofree char *stages = pn_export_stages_label (result, self->lang);

          g_string_append_printf (item, TR (self, ". Paid by year: %s", "。按年发放：%s"), stages);
        }
      add_item_take (list, g_string_free (item, FALSE));
    }
}

static void
add_possible (PnBrief *self)
{
  static const double widths[] = { 0.28, 0.17, 0.14, 0.41 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, FALSE };
  const char *columns_en[] = { "Measure", "Citation", "Amount", "Still needed", NULL };
  const char *columns_zh[] = { "措施", "出处", "金额", "尚需满足", NULL };
  PnBriefBlock *table = NULL;

  add_heading (self, TR (self, "Possible matches and what is missing", "可能符合的措施及尚缺条件"));

  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      GStrv cells;

      /* as the window and pnav match group them: a measure that needs a
       * figure is a possible match too */
      if (result->not_counted != PN_NOT_COUNTED_POSSIBLE &&
          result->not_counted != PN_NOT_COUNTED_MISSING_FIGURE)
        continue;

      if (table == NULL)
        table = add_table (self, self->lang == PN_LANG_ZH ? columns_zh : columns_en, widths, numeric);

      cells = g_new0 (char *, 5);
      cells[0] = g_strdup (pn_text_get (&result->benefit->title, self->lang));
      cells[1] = cite (self, result->benefit->article);
      cells[2] = pn_export_amount_label (result, self->lang);
      cells[3] = pn_result_describe_missing_in (result, taxonomy_of (self), self->lang);
      if (*cells[3] == '\0')
        {
          g_free (cells[3]);
          cells[3] = g_strdup (pn_text_get (&result->not_counted_reason, self->lang));
        }
      if (result->stages->len > 0)
        {
          g_autofree char *missing = cells[3];
          g_autofree char *stages = pn_export_stages_label (result, self->lang);

          cells[3] = g_strdup_printf (TR (self, "%s. Paid by year: %s", "%s。按年发放：%s"), missing, stages);
        }
      add_row_take (table, PN_BRIEF_ROW_NORMAL, cells);
    }

  if (table == NULL)
    add_paragraph (self, PN_BRIEF_STYLE_NORMAL,
                   TR (self, "None: every measure listed is either counted or ruled out below.",
                             "无：所列措施均已计入或在下文说明未计入原因。"));
  else
    add_paragraph (self, PN_BRIEF_STYLE_NOTE,
                   TR (self, "Amounts of possible matches are not in the total: each runs from what counts now to the most the measure gives once the missing conditions are met.",
                             "可能符合措施的金额不计入合计，区间为目前计入的金额至满足尚缺条件后最多可获得的金额。"));
}

/* The measures a step concerns: each title once, in order, with how many
 * measures have it when more than one; at most MAX_STEP_TITLES of them,
 * then how many more (a place-only question at a place of 25,000 measures
 * had half a megabyte of titles in one cell). */
#define MAX_STEP_TITLES 10

static char *
step_titles (PnBrief   *self,
             GPtrArray *benefits)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GString *titles = g_string_new (NULL);
  guint shown_measures = 0;

  for (guint b = 0; b < benefits->len; b++)
    {
      PnBenefit *benefit = g_ptr_array_index (benefits, b);
      const char *title = pn_text_get (&benefit->title, self->lang);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, title));

      if (count == 0)
        g_ptr_array_add (order, (gpointer) title);
      g_hash_table_insert (counts, (gpointer) title, GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < MIN (order->len, MAX_STEP_TITLES); i++)
    {
      const char *title = g_ptr_array_index (order, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, title));

      if (i > 0)
        g_string_append (titles, TR (self, "; ", "；"));
      g_string_append (titles, title);
      if (count > 1)
        g_string_append_printf (titles, TR (self, " (%u measures)", "（%u项）"), count);
      shown_measures += count;
    }
  if (order->len > MAX_STEP_TITLES)
    g_string_append_printf (titles, TR (self, "; and %u more measures", "；另有%u项措施"),
                            benefits->len - shown_measures);

  return g_string_free (titles, FALSE);
}

/* The answers, figures and requirements worth most, as in the app */
static void
add_next_steps (PnBrief *self)
{
  static const double widths[] = { 0.52, 0.20, 0.28 };
  static const gboolean numeric[] = { FALSE, TRUE, FALSE };
  const char *columns_en[] = { "Step", "May add up to", "Measures", NULL };
  const char *columns_zh[] = { "下一步", "最多可增加", "涉及措施", NULL };
  GPtrArray *steps = pn_results_get_next_steps (self->results);
  PnBriefBlock *table;

  if (steps->len == 0)
    return;

  add_heading (self, TR (self, "What would add most", "最能增加金额的下一步"));
  table = add_table (self, self->lang == PN_LANG_ZH ? columns_zh : columns_en, widths, numeric);
  for (guint i = 0; i < MIN (steps->len, 8); i++)
    {
      const PnNextStep *step = g_ptr_array_index (steps, i);
      GStrv cells = g_new0 (char *, 4);

      cells[0] = g_strdup_printf (TR (self, "%s: %s", "%s：%s"), pn_next_step_kind_verb (step->kind, self->lang),
                                  pn_text_get (&step->text, self->lang));
      cells[1] = step->adds_high_cny == PN_YUAN_UNSET
                 ? g_strdup (TR (self, "no upper bound", "无上限"))
                 : pn_money_format_yuan (step->adds_high_cny);
      cells[2] = step_titles (self, step->benefits);
      add_row_take (table, PN_BRIEF_ROW_NORMAL, cells);
    }
  if (steps->len > 8)
    add_paragraph_take (self, PN_BRIEF_STYLE_NOTE,
                        g_strdup_printf (TR (self, "%u more steps add less; the app lists them all.",
                                                   "另有%u项下一步增加的金额较少，应用中列出全部。"),
                                         steps->len - 8));
}

/* Sentences the corpus records as open to more than one reading: each
 * reading with what it gives, the chosen one counted */
static void
add_readings (PnBrief *self)
{
  PnBriefBlock *list = NULL;

  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      g_autofree char *citation = NULL;
      GString *item;

      if (result->readings->len < 2 || result->status != PN_STATUS_IN_FORCE)
        continue;

      if (list == NULL)
        {
          add_heading (self, TR (self, "Sentences read more than one way", "存在不同理解的条款"));
          list = add_block (self, PN_BRIEF_BLOCK_LIST, PN_BRIEF_STYLE_NORMAL, NULL);
        }
      citation = cite (self, result->benefit->article);
      item = g_string_new (NULL);
      g_string_append_printf (item, TR (self, "%s (%s):", "%s（%s）："),
                              pn_text_get (&result->benefit->title, self->lang), citation);
      for (guint r = 0; r < result->readings->len; r++)
        {
          const PnReadingResult *reading = g_ptr_array_index (result->readings, r);
          g_autofree char *text = client_text (self, &reading->reading->text);
          g_autofree char *yuan = reading->estimate_cny != PN_YUAN_UNSET
                                  ? pn_money_format_yuan (reading->estimate_cny)
                                  : g_strdup ("—");

          g_string_append_printf (item, reading->reading->chosen
                                        ? TR (self, " %s → %s (counted).", "%s → %s（计入）。")
                                        : TR (self, " %s → %s.", "%s → %s。"),
                                  text, yuan);
        }
      add_item_take (list, g_string_free (item, FALSE));
    }
}

/* What the encoding says of how each counted measure's text was read
 * (the notes the window shows with a measure): a figure in front of an
 * investor carries its caveats, "whether both can be received must be
 * confirmed with the authority" among them. */
static void
add_interpretations (PnBrief *self)
{
  PnBriefBlock *list = NULL;

  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      PnBenefit *benefit = result->benefit;
      g_autofree char *citation = NULL;
      GString *item;

      if (!result->counted || benefit->notes->len + benefit->article->notes->len == 0)
        continue;

      if (list == NULL)
        {
          add_heading (self, TR (self, "How the texts of the counted measures were read", "计入措施的原文理解"));
          list = add_block (self, PN_BRIEF_BLOCK_LIST, PN_BRIEF_STYLE_NORMAL, NULL);
        }
      citation = cite (self, benefit->article);
      item = g_string_new (NULL);
      g_string_append_printf (item, TR (self, "%s (%s):", "%s（%s）："),
                              pn_text_get (&benefit->title, self->lang), citation);
      for (guint a = 0; a < 2; a++)
        {
          GPtrArray *notes = a == 0 ? benefit->notes : benefit->article->notes;

          for (guint n = 0; n < notes->len; n++)
            {
              g_autofree char *note = client_text (self, g_ptr_array_index (notes, n));

              g_string_append_printf (item, TR (self, " %s", "%s"), note);
            }
        }
      add_item_take (list, g_string_free (item, FALSE));
    }
}

static void
add_not_counted (PnBrief *self)
{
  static const double widths[] = { 0.28, 0.17, 0.14, 0.41 };
  static const gboolean numeric[] = { FALSE, FALSE, TRUE, FALSE };
  const char *columns_en[] = { "Measure", "Citation", "Amount", "Why it is not counted", NULL };
  const char *columns_zh[] = { "措施", "出处", "金额", "未计入原因", NULL };
  PnBriefBlock *table = NULL;

  add_heading (self, TR (self, "Measures not counted, and why", "未计入的措施及原因"));

  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      GStrv cells;

      if (result->counted || result->not_counted == PN_NOT_COUNTED_POSSIBLE ||
          result->not_counted == PN_NOT_COUNTED_MISSING_FIGURE ||
          result->not_counted == PN_NOT_COUNTED_OVERLAP)
        continue;

      if (table == NULL)
        table = add_table (self, self->lang == PN_LANG_ZH ? columns_zh : columns_en, widths, numeric);

      cells = g_new0 (char *, 5);
      cells[0] = g_strdup (pn_text_get (&result->benefit->title, self->lang));
      cells[1] = cite (self, result->benefit->article);
      cells[2] = pn_export_amount_label (result, self->lang);
      cells[3] = client_text (self, &result->not_counted_reason);
      add_row_take (table, PN_BRIEF_ROW_NORMAL, cells);
    }

  if (table == NULL)
    add_paragraph (self, PN_BRIEF_STYLE_NORMAL,
                   TR (self, "None.", "无。"));
}

static void
add_overlaps (PnBrief *self)
{
  GPtrArray *documents;
  PnBriefBlock *list = NULL;

  add_heading (self, TR (self, "Overlap decisions", "重复享受的处理"));

  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      g_autofree char *citation = NULL;
      g_autofree char *reason = NULL;

      if (result->not_counted != PN_NOT_COUNTED_OVERLAP)
        continue;

      if (list == NULL)
        list = add_block (self, PN_BRIEF_BLOCK_LIST, PN_BRIEF_STYLE_NORMAL, NULL);
      citation = cite (self, result->benefit->article);
      reason = client_text (self, &result->not_counted_reason);
      add_item_take (list, g_strdup_printf (TR (self, "%s (%s) is not counted. %s", "%s（%s）不计入。%s"),
                                            pn_text_get (&result->benefit->title, self->lang),
                                            citation, reason));
    }

  if (list == NULL)
    add_paragraph (self, PN_BRIEF_STYLE_NORMAL,
                   TR (self, "No two counted measures overlapped, so nothing had to be decided.",
                             "计入的措施之间没有重复，无需取舍。"));

  /* the rules the decisions follow */
  if (pn_results_get_location (self->results) == NULL)
    return;
  documents = self->documents;
  for (guint d = 0; d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);
      g_autofree char *label = NULL;

      if (document->overlap_principle == NULL || document->draft)
        continue;
      label = document_label (self, document);
      if (self->lang == PN_LANG_ZH)
        add_paragraph_take (self, PN_BRIEF_STYLE_NOTE,
                       g_strdup_printf ("%s（%s）：“%s”", label,
                                        document->overlap_where ? document->overlap_where : "",
                                        document->overlap_quote ? document->overlap_quote : ""));
      else
        add_paragraph_take (self, PN_BRIEF_STYLE_NOTE,
                       g_strdup_printf ("%s (%s): %s", label,
                                        document->overlap_where ? document->overlap_where : "",
                                        document->overlap_en ? document->overlap_en
                                                             : (document->overlap_quote ? document->overlap_quote : "")));
    }
}

static void
add_ending (PnBrief *self)
{
  static const double widths[] = { 0.36, 0.22, 0.18, 0.24 };
  static const gboolean numeric[] = { FALSE, FALSE, FALSE, TRUE };
  const char *columns_en[] = { "Measure", "Citation", "Ends on", "Days left", NULL };
  const char *columns_zh[] = { "措施", "出处", "到期日", "剩余天数", NULL };
  PnBriefBlock *table = NULL;

  add_heading (self, TR (self, "Measures ending within 12 months", "12个月内到期的措施"));

  for (guint i = 0; i < pn_results_get_n_results (self->results); i++)
    {
      const PnResult *result = pn_results_get_result (self->results, i);
      GStrv cells;
      gint days = 0;

      if (!pn_brief_result_ends_soon (self, result, &days))
        continue;

      if (table == NULL)
        table = add_table (self, self->lang == PN_LANG_ZH ? columns_zh : columns_en, widths, numeric);

      cells = g_new0 (char *, 5);
      cells[0] = g_strdup (pn_text_get (&result->benefit->title, self->lang));
      cells[1] = cite (self, result->benefit->article);
      cells[2] = g_strdup (result->valid_until);
      cells[3] = g_strdup_printf ("%d", days);
      add_row_take (table, PN_BRIEF_ROW_NORMAL, cells);
    }

  if (table == NULL)
    add_paragraph (self, PN_BRIEF_STYLE_NORMAL,
                   TR (self, "No measure listed in this brief ends within 12 months of the as-of date.",
                             "本简报所列措施在评估基准日后12个月内均不到期。"));
}

static char *
document_status (PnBrief    *self,
                 PnDocument *document,
                 const char *as_of)
{
  const char *from = document->applies_from ? document->applies_from : document->in_force_from;
  const char *until = pn_document_get_in_force_until (document);
  g_autoptr(GHashTable) superseded = pn_corpus_get_superseded (pn_results_get_corpus (self->results), NULL);
  const PnSupersededBy *by = superseded != NULL ? g_hash_table_lookup (superseded, document->id) : NULL;

  if (by != NULL && g_strcmp0 (as_of, by->from) >= 0)
    {
      PnDocument *replacing = pn_corpus_find_header (pn_results_get_corpus (self->results), by->by, NULL);
      g_autofree char *name = replacing != NULL ? document_label (self, replacing) : g_strdup (by->by);

      return g_strdup_printf (TR (self, "Superseded by %s from %s", "自%2$s起由%1$s取代"), name, by->from);
    }
  if (document->draft)
    return g_strdup (TR (self, "Draft for comment, not in force", "征求意见稿，未施行"));
  if (from == NULL && until == NULL)
    return g_strdup (TR (self, "No period stated; tasks by their own deadlines",
                               "未载明有效期，各项任务按其时限"));
  if (from != NULL && g_strcmp0 (as_of, from) < 0)
    return g_strdup (TR (self, "Not yet in force", "尚未施行"));
  if (until != NULL && g_strcmp0 (as_of, until) > 0)
    return g_strdup (TR (self, "Expired", "已失效"));
  return g_strdup (TR (self, "In force", "有效"));
}

static void
add_coverage (PnBrief *self)
{
  static const double widths[] = { 0.44, 0.22, 0.20, 0.14 };
  const char *columns_en[] = { "Document", "Status on the as-of date", "Period", "Last verified", NULL };
  const char *columns_zh[] = { "文件", "评估基准日状态", "有效期", "最近核对", NULL };
  const char *location = pn_results_get_location (self->results);
  const char *as_of = pn_results_get_as_of (self->results);
  g_autofree char *place = pn_corpus_location_label (pn_results_get_corpus (self->results), location, self->lang);
  g_autoptr(GPtrArray) documents = NULL;
  PnBriefBlock *table;
  PnBriefBlock *list;

  add_heading (self, TR (self, "Coverage", "数据覆盖范围"));

  documents = g_ptr_array_ref (self->documents);
  add_paragraph_take (self, PN_BRIEF_STYLE_NORMAL,
                 g_strdup_printf (TR (self,
                                      "This brief is computed from the %u policy documents that apply in %s, as encoded in Policy Navigator. Measures of other places, of districts and of national programmes are not covered.",
                                      "本简报依据政策导航编码的 %u 份适用于%s的政策文件计算，不含其他地区、各区及国家层面的措施。"),
                                  documents->len, place));

  table = add_table (self, self->lang == PN_LANG_ZH ? columns_zh : columns_en, widths, NULL);
  for (guint d = 0; d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);
      const char *from = document->applies_from ? document->applies_from : document->in_force_from;
      const char *until = pn_document_get_in_force_until (document);
      GStrv cells = g_new0 (char *, 5);

      cells[0] = document_label (self, document);
      cells[1] = document_status (self, document, as_of);
      if (from != NULL || until != NULL)
        cells[2] = g_strdup_printf ("%s – %s", from ? from : "…", until ? until : "…");
      else
        cells[2] = g_strdup ("—");
      /* the day that holds, and the notice that made it so */
      if (document->extended_by != NULL && until != document->in_force_until)
        {
          PnDocument *notice = pn_corpus_find_header (pn_results_get_corpus (self->results), document->extended_by, NULL);
          g_autofree char *name = notice != NULL ? document_label (self, notice) : g_strdup (document->extended_by);
          char *period = cells[2];

          cells[2] = g_strdup_printf (TR (self, "%s (extended by %s)", "%s（经%s延长）"), period, name);
          g_free (period);
        }
      cells[3] = g_strdup (document->last_verified ? document->last_verified : "—");
      add_row_take (table, PN_BRIEF_ROW_NORMAL, cells);
    }

  add_paragraph (self, PN_BRIEF_STYLE_NORMAL,
                 TR (self, "What the data cannot decide:", "数据无法判断的事项："));
  list = add_block (self, PN_BRIEF_BLOCK_LIST, PN_BRIEF_STYLE_NORMAL, NULL);
  add_item_take (list, g_strdup (TR (self,
    "Conditions that need an official recognition, an approval or an expert review: such measures are listed as possible matches with what is missing.",
    "须经认定、审批或专家评估的条件：相关措施列为“可能符合”，并注明尚缺条件。")));
  add_item_take (list, g_strdup (TR (self,
    "Whether the annual budget funds a measure and which application guidelines are in force: the responsible units pay under their own rules.",
    "年度预算是否安排资金、现行申报指南如何规定：由责任单位按其细则兑现。")));
  add_item_take (list, g_strdup (TR (self,
    "Annual caps shared with awards the client has already received in the same year.",
    "与客户当年已获奖补共用的年度上限。")));
  add_item_take (list, g_strdup (TR (self,
    "Amounts written as ceilings (\"up to\", \"at most X%\") are estimated at the ceiling; the award decided may be lower.",
    "原文为上限的金额（“最高”“不超过X%”）按上限估算，实际核定金额可能更低。")));
  for (guint d = 0; d < documents->len; d++)
    {
      PnDocument *document = g_ptr_array_index (documents, d);
      g_autofree char *label = NULL;

      if (document->draft)
        {
          label = document_label (self, document);
          add_item_take (list, g_strdup_printf (TR (self,
            "%s is a draft for comment: its measures are shown for reference and never counted.",
            "%s为征求意见稿，其措施仅供参考，不计入合计。"), label));
        }
      else if (document->in_force_from == NULL && pn_document_get_in_force_until (document) == NULL &&
               document->applies_from == NULL)
        {
          label = document_label (self, document);
          add_item_take (list, g_strdup_printf (TR (self,
            "Whether %s still applies: it states no period of validity.",
            "%s未载明有效期，是否仍在执行须另行核实。"), label));
        }
    }
}

static void
add_disclaimer (PnBrief *self)
{
  add_heading (self, TR (self, "Disclaimer", "免责声明"));
  add_paragraph (self, PN_BRIEF_STYLE_WARNING,
                 TR (self,
                     "This brief is an estimate made by Policy Navigator from the cited policy texts for the answers and figures given. "
                     "It is neither legal advice nor a funding decision: the responsible units decide eligibility and amounts under the rules in force, "
                     "and the policies may have changed after the last-verified dates above. Check the current application guidelines before relying on any figure.",
                     "本简报由政策导航依据所引政策原文，按所填情况和金额估算，不构成法律意见或资金决定。"
                     "是否符合条件及具体金额以责任单位按现行规定审核为准；上述最近核对日期之后政策可能已有调整。"
                     "引用任何金额前，请核实现行申报指南。"));
}

PnBrief *
pn_brief_new (PnResults   *results,
              PnProfile   *profile,
              PnLang       lang,
              const char  *brief_date,
              GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  const char *location;
  PnBrief *self;
  const char *name;

  g_return_val_if_fail (results != NULL, NULL);
  g_return_val_if_fail (profile == NULL || PN_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* the documents that apply, for the coverage and the overlap rules */
  location = pn_results_get_location (results);
  documents = location != NULL ? pn_corpus_documents_at (pn_results_get_corpus (results), location, error)
                               : g_ptr_array_new ();
  if (documents == NULL)
    return NULL;

  self = g_atomic_rc_box_new0 (PnBrief);
  self->documents = g_steal_pointer (&documents);
  self->results = pn_results_ref (results);
  self->lang = lang;
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_brief_block_free);
  self->date = brief_date != NULL ? g_strdup (brief_date) : pn_date_today ();

  name = profile != NULL ? pn_profile_get_name (profile) : NULL;
  self->client = g_strdup (name);
  if (name != NULL)
    self->title = g_strdup_printf (TR (self, "Incentive brief: %s", "政策简报：%s"), name);
  else
    self->title = g_strdup (TR (self, "Incentive brief", "政策简报"));
  self->running_header = g_strdup_printf (TR (self, "Policy Navigator · %s · as of %s",
                                                    "政策导航 · %s · 评估基准日 %s"),
                                          self->title, pn_results_get_as_of (results));

  add_summary (self, profile);
  add_answers (self, profile);
  add_counted (self);
  add_derivations (self);
  add_possible (self);
  add_next_steps (self);
  add_readings (self);
  add_interpretations (self);
  add_not_counted (self);
  add_overlaps (self);
  add_ending (self);
  add_coverage (self);
  add_disclaimer (self);

  return self;
}

PnLang
pn_brief_get_lang (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, PN_LANG_EN);
  return self->lang;
}

PnResults *
pn_brief_get_results (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->results;
}

const char *
pn_brief_get_title (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
pn_brief_get_client (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->client;
}

const char *
pn_brief_get_date (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->date;
}

const char *
pn_brief_get_as_of (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return pn_results_get_as_of (self->results);
}

const char *
pn_brief_get_running_header (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->running_header;
}

char *
pn_brief_format_page (PnBrief *self,
                      guint    page,
                      guint    n_pages)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf (TR (self, "Page %u of %u", "第 %u 页，共 %u 页"), page, n_pages);
}

guint
pn_brief_get_n_blocks (PnBrief *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->blocks->len;
}

const PnBriefBlock *
pn_brief_get_block (PnBrief *self,
                    guint    position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, position);
}
