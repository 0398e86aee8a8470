/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-draft.h"

G_BEGIN_DECLS

/* What the siblings of pn-draft.c share:
 *   pn-draft-extract.c  txt, HTML, PDF and .docx → items (lines, paragraphs, table rows)
 *   pn-draft-segment.c  items → paragraphs → articles, numbered as the corpus guide says
 *   pn-draft-meta.c     title, number, issuer, place, dates, overlap rule
 *   pn-draft-units.c    responsible units → taxonomy units or new local ones
 *   pn-draft-figures.c  figures → candidate benefits
 *   pn-draft-text.c     character helpers shared by all */

/* ---- pn-draft-text.c ---- */

gboolean  pn_draft_is_cjk          (gunichar    c);
gboolean  pn_draft_is_space        (gunichar    c);
/* Number of CJK characters in `text`. */
guint     pn_draft_count_cjk       (const char *text);
/* Display width: 2 for CJK and full-width forms, 1 otherwise. */
guint     pn_draft_width           (const char *text);
/* 一 … 九百九十九, 〇/零, 两, 二〇二六 digit by digit; -1 when `text` (exactly
 * `len` bytes) is not one or is past 100,000,000. */
int       pn_draft_cn_number       (const char *text,
                                    gssize      len);
/* The length in bytes of a Chinese numeral at the start of `text`. */
gsize     pn_draft_cn_number_len   (const char *text);
/* Whitespace removed; full-width digits, letters, %, ．and ∶/︰/：between
 * digits made ASCII; "\n" kept.  `map` (may be NULL) receives, for every
 * byte of the result and one past its end, the byte offset in `text` it
 * comes from. */
char     *pn_draft_normalize       (const char *text,
                                    GArray     *map);
/* Strips white space (ASCII, U+3000, U+00A0) at both ends, in place. */
char     *pn_draft_strip           (char       *text);
/* Removes control characters XML cannot carry; a new string. */
char     *pn_draft_clean_controls  (const char *text);
gboolean  pn_draft_has_prefix_any  (const char *text,
                                    const char * const *prefixes);
const char *pn_draft_find_any      (const char *text,
                                    const char * const *words);
/* The last occurrence of `needle` in [start, end) or NULL. */
const char *pn_draft_rfind         (const char *start,
                                    const char *end,
                                    const char *needle);
/* Adds a warning (PnText: zh, en) for the reviewer: printed by pnav draft
 * and kept as a note of the document. */
void      pn_draft_warn            (GPtrArray  *warnings,
                                    char       *zh,
                                    char       *en);
/* "2023年11月17日" (spaces allowed between the parts): TRUE and the ISO
 * date when `text` at `*pos` holds one; `*pos` moves past it. */
gboolean  pn_draft_parse_date      (const char  *text,
                                    gsize       *pos,
                                    char       **out_iso);
/* Past a date's label at the start of a signature's date line,
 * "发布日期：2026年1月20日": the date; else `text` itself. */
const char *pn_draft_skip_date_label (const char *text);
/* 2023-11-17 + years - 1 day, for 有效期N年. */
char     *pn_draft_add_years       (const char  *iso,
                                    int          years);
/* 2026-07-08 + 30 days, for 自印发之日起30日后施行. */
char     *pn_draft_add_days        (const char  *iso,
                                    guint        days);

/* ---- pn-draft-extract.c ---- */

typedef struct
{
  char      *text;     /* a line or paragraph; for a table row, NULL */
  GPtrArray *cells;    /* char *, for a table row */
} PnDraftItem;

typedef struct
{
  GPtrArray *items;      /* PnDraftItem */
  /* TRUE when items are lines that may be wrapped paragraphs (plain text,
   * PDF); FALSE when each is a whole paragraph (.docx, HTML). */
  gboolean   lines;
  /* HTML: the text around the main part (header, metadata table), where a
   * page often states its number, issuer and date; NULL otherwise. */
  char      *outside;
  char      *page_title;
} PnDraftExtract;

void      pn_draft_extract_free    (PnDraftExtract *extract);
PnDraftExtract *pn_draft_extract   (const char  *display_name,
                                    GBytes      *bytes,
                                    GError     **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDraftExtract, pn_draft_extract_free)

/* ---- pn-draft-segment.c ---- */

typedef struct
{
  char      *text;       /* line wraps removed; a table row's cells joined by tabs */
  GPtrArray *cells;      /* a table row, or NULL */
  gboolean   soft;       /* the break before it may be a wrap */
  guint      index;
  /* where it stands once segmented: the article number, or the heading
   * of a chapter with no articles ("五、其他"), or NULL */
  char      *where;
} PnDraftPara;

typedef struct
{
  char      *number;     /* "1", "1.2", "5.2.1" */
  char      *chapter;    /* "一、提升研发创新能力", or NULL */
  char      *heading;
  char      *original;   /* verbatim, paragraphs joined with "\n" */
  /* the task list's own columns, when the articles are table rows */
  char      *lead_units;
  char      *cooperating_units;
  char      *deadline;
  guint      first_para;
  guint      last_para;  /* inclusive */
} PnDraftArticle;

typedef struct
{
  GPtrArray *paras;      /* PnDraftPara */
  GPtrArray *articles;   /* PnDraftArticle */
  guint      annex;      /* the text was read from this annex on, or 0 */
  guint      body_start; /* the first paragraph of the first article */
  guint      body_end;   /* one past the last paragraph of the body */
  char      *style;      /* "第N条", "一、（一）", "序号" … for notes */
  /* closing text after the last article (effective dates, overlap rule) */
  GPtrArray *closing;    /* PnDraftPara, not owned */
} PnDraftStructure;

void      pn_draft_structure_free  (PnDraftStructure *structure);
GPtrArray *pn_draft_paragraphs     (PnDraftExtract   *extract);
PnDraftStructure *pn_draft_segment (GPtrArray        *paras);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDraftStructure, pn_draft_structure_free)

/* ---- pn-draft-meta.c ---- */

typedef struct
{
  char *title;
  char *doc_number;
  char *issuer;          /* NULL when the text does not name it */
  char *issued;          /* ISO dates or NULL */
  char *in_force_from;
  char *in_force_until;
  char *applies_from;
  gboolean draft;        /* 征求意见稿, 草案 */
  char *overlap_quote;   /* 就高从优不重复 … */
  char *overlap_where;
  char *interpreter;     /* 由…负责解释: a place hint */
  GPtrArray *warnings;   /* PnText */
} PnDraftMeta;

void      pn_draft_meta_free       (PnDraftMeta      *meta);
PnDraftMeta *pn_draft_read_meta    (PnDraftExtract   *extract,
                                    PnDraftStructure *structure);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDraftMeta, pn_draft_meta_free)

/* ---- pn-draft-units.c ---- */

typedef struct _PnDraftPlaces PnDraftPlaces;

/* Decides the jurisdiction from the issuer, then the title, then the body;
 * declares the places the taxonomy does not know in `document`. */
PnDraftPlaces *pn_draft_places_new (PnTaxonomy  *taxonomy,
                                    PnDocument  *document,
                                    const char  *issuer,
                                    const char  *title,
                                    const char  *interpreter,
                                    const char  *body,
                                    GPtrArray   *warnings);
void      pn_draft_places_free     (PnDraftPlaces *places);
/* Splits a list of responsible units ("市科技局、财政局，配合单位：…")
 * and adds PnUnitRef with `role` to `refs`, mapping each name to a unit
 * of the taxonomy or declaring a new local unit. */
void      pn_draft_places_add_units (PnDraftPlaces *places,
                                     const char    *list,
                                     const char    *role,
                                     GPtrArray     *refs);
/* A unit of the taxonomy named exactly (abbreviations allowed), or NULL. */
const PnTerm *pn_draft_places_find_unit (PnDraftPlaces *places,
                                         const char    *name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDraftPlaces, pn_draft_places_free)

/* ---- pn-draft-figures.c ---- */

/* Fills `article` with the candidate benefits its original text holds,
 * adding annual caps to its document and figures to `figures`. */
void      pn_draft_read_benefits   (PnArticle     *article,
                                    PnDraftPlaces *places,
                                    PnTaxonomy    *taxonomy,
                                    GPtrArray     *figures);
/* The unit parentheses of an article's text: （责任单位：…，配合单位：…）. */
void      pn_draft_read_article_units (PnArticle     *article,
                                       PnDraftPlaces *places);

/* `higher` (a higher standard for some of `lower`'s applicants) as a
 * top-up of `lower`; FALSE, nothing changed, when they are not of a kind
 * to (pn-draft-figures.c) */
gboolean   pn_draft_make_top_up      (PnBenefit        *higher,
                                      PnBenefit        *lower);
/* What makes a part of the applicants a part, when no question asks it:
 * a requirement of `benefit` ("drafted-part"), once */
void       pn_draft_require_part     (PnBenefit        *benefit,
                                      const char       *part);

/* ---- pn-draft-extend.c ---- */

/* A document a notice keeps in force longer: the number it cites (or NULL
 * for the document the notice is about), the new last day or, for
 * "延长一年", the months to add to the document's end; `partial` when only
 * a part of the document is meant ("其中第（二）条继续执行至…"). */
typedef struct
{
  char     *number;
  char     *until;
  guint     months;
  gboolean  partial;
} PnDraftExtension;

void       pn_draft_extension_free   (PnDraftExtension *extension);
/* PnDraftExtension of each sentence of `text` that extends a document */
GPtrArray *pn_draft_find_extensions  (const char       *text);
/* 晋政规(2025)8号 → 晋政规〔2025〕8号, without spaces: for comparing */
char      *pn_draft_number_key       (const char       *number);
char      *pn_draft_first_cited_number (const char     *text);

G_END_DECLS
