/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pn-corpus.h"
#include "pn-policy.h"
#include "pn-taxonomy.h"

G_BEGIN_DECLS

/* Drafting: an official text (.txt in UTF-8 or GB18030, .html/.htm as
 * saved from a government site, .pdf with a text layer, .docx) becomes a
 * policy document whose every benefit is a candidate, not yet reviewed
 * (PnBenefit.reviewed is FALSE).  Articles are numbered the way
 * docs/corpus-guide.md numbers them, each with its verbatim text;
 * docs/drafting.md says how each part is read and how well. */

#define PN_DRAFT_ERROR (pn_draft_error_quark ())

typedef enum
{
  PN_DRAFT_ERROR_IO,            /* cannot open or read the file */
  PN_DRAFT_ERROR_NOT_REGULAR,   /* a folder, a device, a pipe */
  PN_DRAFT_ERROR_TOO_LARGE,
  PN_DRAFT_ERROR_EMPTY,         /* nothing, or only white space */
  PN_DRAFT_ERROR_BINARY,        /* not text, or a format it does not read */
  PN_DRAFT_ERROR_DAMAGED,       /* a PDF or .docx that cannot be opened */
  PN_DRAFT_ERROR_NO_TEXT,       /* a PDF of scanned images: no text layer */
  PN_DRAFT_ERROR_NO_ARTICLES,   /* text, but no numbered measure in it */
} PnDraftError;

/* Files larger than this are refused before they are read. */
#define PN_DRAFT_MAX_BYTES (32 * 1024 * 1024)
/* …and of the text read from it (a document keeps 1 MiB an article) */
#define PN_DRAFT_MAX_TEXT_BYTES (1024 * 1024)

typedef enum
{
  PN_DRAFT_FIGURE_AMOUNT,     /* a fixed award */
  PN_DRAFT_FIGURE_RATE,       /* a rate of a base figure */
  PN_DRAFT_FIGURE_CAP,        /* the most one award can be */
  PN_DRAFT_FIGURE_THRESHOLD,  /* what a figure must reach */
  PN_DRAFT_FIGURE_ANNUAL_CAP, /* the most per enterprise (a year) */
  PN_DRAFT_FIGURE_STAGE,      /* one instalment's share */
  PN_DRAFT_FIGURE_OTHER,      /* a statistic, a condition: no award */
} PnDraftFigureRole;

/* A figure (…万元, …亿元, …%, 1:1) found in an article's original text:
 * [start, end) are byte offsets into article->original, for highlighting. */
typedef struct
{
  PnArticle         *article;   /* not owned */
  gsize              start;
  gsize              end;
  PnDraftFigureRole  role;
  PnBenefit         *benefit;   /* the benefit it went into, or NULL */
} PnDraftFigure;

typedef struct _PnDraft PnDraft;

#define PN_TYPE_DRAFT (pn_draft_get_type ())

GType        pn_draft_get_type      (void) G_GNUC_CONST;

GQuark       pn_draft_error_quark   (void);

/* `id`: the document id (NULL: from the document number and place,
 * "xiamen-2023-17", else from the file name).  Errors name the file. */
PnDraft     *pn_draft_new_from_file (GFile       *file,
                                     const char  *id,
                                     PnTaxonomy  *taxonomy,
                                     GError     **error);
/* The same for bytes already read; `display_name` names them in errors and
 * its extension (.txt, .html, .htm, .pdf, .docx) says the format (the
 * content decides when the extension is another). */
PnDraft     *pn_draft_new_from_bytes (const char  *display_name,
                                      GBytes      *bytes,
                                      const char  *id,
                                      PnTaxonomy  *taxonomy,
                                      GError     **error);
/* The document of `corpus` that `document` (a draft of a new text) most
 * likely replaces: the same number under another id, or the same title
 * once the marks of a version are taken out (（征求意见稿）, （试行）,
 * years, 修订), at the same place.  NULL when none; transfer none (the
 * corpus's header).  The user decides: see <supersedes>. */
/* For a notice that keeps a document in force longer (<extends>, drafted
 * from 关于延长《…》有效期的通知): the document of `corpus` it extends,
 * found by its id, else by the number the notice cites, else by the title
 * it quotes; the extension's ref is set to that document's id (and added
 * when the draft could not name it).  NULL when the document is no
 * notice or the corpus has nothing it names; transfer none. */
/* How many documents the draft, a notice (关于延长《…》有效期的通知),
 * keeps in force longer, as its text names them. */
guint        pn_draft_get_n_extensions  (PnDraft     *self);
/* Finds in `corpus` each document the notice keeps in force longer, by
 * the number it cites (however bracketed), else by the title it quotes
 * (the closest, at 85% alike or more), works out "延长一年" from that
 * document's end, and writes <extends> with the library's id in the
 * draft's document.  Returns how many were found. */
guint        pn_draft_resolve_extensions (PnDraft    *self,
                                          PnCorpus   *corpus,
                                          GError    **error);
/* For each document of `corpus` whose number the text cites in a
 * sentence that repeals it (“…（厦府规〔2023〕17号）同时废止”): <supersedes>
 * from the day the draft takes effect.  Returns how many. */
guint        pn_draft_resolve_repeals   (PnDraft     *self,
                                         PnCorpus    *corpus,
                                         GError     **error);
PnDocument  *pn_draft_guess_superseded (PnDocument  *document,
                                        PnCorpus    *corpus,
                                        GError     **error);
PnDraft     *pn_draft_ref           (PnDraft     *self);
void         pn_draft_unref         (PnDraft     *self);

PnDocument  *pn_draft_get_document  (PnDraft     *self);
/* The text as extracted, before it was cut into articles. */
const char  *pn_draft_get_text      (PnDraft     *self);
/* PnDraftFigure, in article and text order. */
GPtrArray   *pn_draft_get_figures   (PnDraft     *self);
/* The figures of `document` (whole: a draft saved and read back, an
 * imported document), found again in each article's original text as a
 * draft finds them: PnDraftFigure whose `article` is the document's, and
 * whose `benefit` is the document's benefit with the id the draft would
 * have given it, else NULL.  Transfer full. */
GPtrArray   *pn_draft_find_figures  (PnDocument  *document,
                                     PnTaxonomy  *taxonomy);
/* What a reviewer must know first: a place the taxonomy does not know,
 * units proposed as new, no issue date found… (also document notes). */
const char * const *pn_draft_get_warnings (PnDraft *self);

/* Whether `id` can be a document id: a–z, 0–9 and single hyphens. */
gboolean     pn_draft_id_is_valid   (const char  *id);

/* The convenience the CLI and the editor start from. */
PnDocument  *pn_draft_from_file     (GFile       *file,
                                     const char  *id,
                                     PnTaxonomy  *taxonomy,
                                     GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PnDraft, pn_draft_unref)

G_END_DECLS
