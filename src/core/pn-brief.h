/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pn-profile.h"
#include "pn-result.h"

G_BEGIN_DECLS

/* A client brief: what a profile's results mean, written out in one
 * language as a sequence of blocks (headings, paragraphs, label/value
 * fields, tables, lists).  The content is decided here once; the PDF
 * (pn-brief-pdf), the Markdown (pn_export_brief_markdown) and a GUI view
 * only lay the blocks out, so every edition says the same.  Immutable. */

typedef enum
{
  PN_BRIEF_BLOCK_HEADING,     /* text */
  PN_BRIEF_BLOCK_PARAGRAPH,   /* text */
  PN_BRIEF_BLOCK_FIELDS,      /* rows of two cells: label, value */
  PN_BRIEF_BLOCK_TABLE,       /* columns, rows */
  PN_BRIEF_BLOCK_LIST,        /* rows of one cell, shown as bullets */
} PnBriefBlockKind;

typedef enum
{
  PN_BRIEF_STYLE_NORMAL,
  PN_BRIEF_STYLE_NOTE,        /* smaller: legends, explanations */
  PN_BRIEF_STYLE_WARNING,     /* the disclaimer */
} PnBriefStyle;

typedef enum
{
  PN_BRIEF_ROW_NORMAL,
  PN_BRIEF_ROW_HIGHLIGHT,     /* ends within 12 months of the as-of date */
  PN_BRIEF_ROW_TOTAL,
} PnBriefRowKind;

#define PN_BRIEF_MAX_COLUMNS 6

typedef struct
{
  PnBriefRowKind  kind;
  GStrv           cells;
} PnBriefRow;

typedef struct
{
  PnBriefBlockKind  kind;
  PnBriefStyle      style;
  char             *text;        /* heading or paragraph, else NULL */
  /* a table's header; NULL for the other kinds */
  GStrv             columns;
  /* relative column widths (they sum to 1) and right alignment */
  double            widths[PN_BRIEF_MAX_COLUMNS];
  gboolean          numeric[PN_BRIEF_MAX_COLUMNS];
  GPtrArray        *rows;        /* PnBriefRow; fields, table, list */
} PnBriefBlock;

#define PN_TYPE_BRIEF (pn_brief_get_type ())

typedef struct _PnBrief PnBrief;

GType         pn_brief_get_type          (void) G_GNUC_CONST;
/* `profile` gives the client name and the answers (NULL: none given);
 * `brief_date` is YYYY-MM-DD, or NULL for today. */
PnBrief      *pn_brief_new               (PnResults   *results,
                                          PnProfile   *profile,
                                          PnLang       lang,
                                          const char  *brief_date,
                                          GError     **error);
PnBrief      *pn_brief_ref               (PnBrief     *self);
void          pn_brief_unref             (PnBrief     *self);

PnLang        pn_brief_get_lang          (PnBrief     *self);
PnResults    *pn_brief_get_results       (PnBrief     *self);
/* "Incentive brief: Client A" */
const char   *pn_brief_get_title         (PnBrief     *self);
/* The client (profile) name, or NULL */
const char   *pn_brief_get_client        (PnBrief     *self);
const char   *pn_brief_get_date          (PnBrief     *self);
const char   *pn_brief_get_as_of         (PnBrief     *self);
/* The line repeated at the top of every page */
const char   *pn_brief_get_running_header (PnBrief    *self);
/* "Page 2 of 5" in the brief's language */
char         *pn_brief_format_page       (PnBrief     *self,
                                          guint        page,
                                          guint        n_pages);
guint         pn_brief_get_n_blocks      (PnBrief     *self);
const PnBriefBlock *pn_brief_get_block   (PnBrief     *self,
                                          guint        position);

/* Whether a result's end date falls within 12 months of the as-of date
 * (out_days: days left, when it does). */
gboolean      pn_brief_result_ends_soon  (PnBrief        *self,
                                          const PnResult *result,
                                          gint           *out_days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnBrief, pn_brief_unref)

G_END_DECLS
