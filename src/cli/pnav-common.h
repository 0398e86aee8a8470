/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "pn-corpus.h"
#include "pn-export.h"
#include "pn-profile.h"
#include "pn-store.h"
#include "pn-taxonomy.h"
#include "pn-types.h"

G_BEGIN_DECLS

/* Exit statuses of pnav. */
typedef enum
{
  PNAV_EXIT_OK    = 0,
  PNAV_EXIT_USAGE = 2,   /* bad usage or a bad value */
  PNAV_EXIT_DATA  = 3,   /* invalid or hostile XML, corrupt database */
} PnavExit;

#define PNAV_ERROR (pnav_error_quark ())

typedef enum
{
  PNAV_ERROR_USAGE,      /* exits PNAV_EXIT_USAGE */
  PNAV_ERROR_DATA,       /* exits PNAV_EXIT_DATA */
} PnavError;

typedef enum
{
  PNAV_FORMAT_TEXT,
  PNAV_FORMAT_JSON,
  PNAV_FORMAT_PDF,
  PNAV_FORMAT_MARKDOWN,   /* "md" */
  PNAV_FORMAT_CSV,
  PNAV_FORMAT_ICS,
  PNAV_FORMAT_XML,
} PnavFormat;

/* Which shared options a subcommand takes besides --db and --format. */
typedef enum
{
  PNAV_OPTIONS_NONE    = 0,
  PNAV_OPTIONS_PROFILE = 1 << 0,   /* every match option, --location … --profile */
  PNAV_OPTIONS_PLACE   = 1 << 1,   /* only --location and --as-of */
  PNAV_OPTIONS_DRY_RUN_DATE = 1 << 2, /* --as-of, for every client of a --dry-run */
} PnavOptions;

/* The answers given on the command line by the match options
 * (match, profile save).  Strings are UTF-8; unset ones are NULL, unset
 * figures PN_YUAN_UNSET. */
typedef struct
{
  char    *location;
  char    *answers[PN_N_QUESTIONS];
  gint64   figures[PN_N_FIGURES];
  char    *as_of;
  char    *profile;
} PnavProfileOptions;

/* One run of one subcommand. */
typedef struct
{
  const char         *command;      /* "match" */
  char               *global_db;    /* pnav --db PATH */
  char               *db;           /* pnav SUBCOMMAND --db PATH */
  PnavFormat          format;       /* set the default before parsing */
  gboolean            format_set;
  /* the --format names accepted (NULL: "text", "json") and the help of
   * --format (N_() text, NULL: the text/json one) */
  const char * const *formats;
  const char         *format_help;
  PnavProfileOptions  profile_options;
  gpointer            command_data; /* a subcommand's own options */
  PnStore            *store;
  PnCorpus           *corpus;
} PnavContext;

typedef int (*PnavCommandFunc) (PnavContext *ctx,
                                char       **args);

GQuark          pnav_error_quark                 (void);

void            pnav_context_init                (PnavContext    *self,
                                                  const char     *command,
                                                  const char     *global_db);
void            pnav_context_clear               (PnavContext    *self);
void            pnav_leave_at_exit               (gpointer        data);

/* A context whose main group (its callbacks get `self`) carries
 * `entries`, the match options (--location … --profile) when
 * `with_profile_options`, then --db and --format.  `parameter_string`
 * (translated here) is shown after "pnav [OPTION…] COMMAND", e.g.
 * "DOCUMENT-ID [ARTICLE]"; `summary` is translated here too. */
GOptionContext *pnav_option_context_new          (PnavContext        *self,
                                                  const char         *parameter_string,
                                                  const char         *summary,
                                                  const GOptionEntry *entries,
                                                  gboolean            with_profile_options);
/* The same, with a choice of shared options. */
GOptionContext *pnav_option_context_new_full     (PnavContext        *self,
                                                  const char         *parameter_string,
                                                  const char         *summary,
                                                  const GOptionEntry *entries,
                                                  PnavOptions         options);
/* Parses a copy of `args` (args[0] is the subcommand); on success
 * `out_args` holds the positional arguments after the subcommand, as
 * UTF-8, or as given when they are `filenames`. */
gboolean        pnav_option_context_parse        (GOptionContext *context,
                                                  char          **args,
                                                  gboolean        filenames,
                                                  GStrv          *out_args,
                                                  GError        **error);
/* Fails with a usage error unless min <= n_args <= max (max < 0: any). */
gboolean        pnav_check_n_args                (PnavContext    *self,
                                                  GStrv           args,
                                                  int             min_args,
                                                  int             max_args,
                                                  const char     *what,
                                                  GError        **error);

PnStore        *pnav_context_open_store          (PnavContext    *self,
                                                  GError        **error);
/* Opens the store if needed and loads its corpus; the result is owned by
 * the context. */
PnCorpus       *pnav_context_load_corpus         (PnavContext    *self,
                                                  GError        **error);
/* The match options as a profile: --profile first, then every other
 * option given over it, each id checked against the taxonomy. */
PnProfile      *pnav_context_build_profile       (PnavContext    *self,
                                                  gboolean        require_location,
                                                  GError        **error);

/* Prints "pnav: MESSAGE" on stderr and returns the exit status. */
int             pnav_report_error                (PnavContext    *self,
                                                  const GError   *error);
int             pnav_exit_status_for_error       (const GError   *error);

/* Output, always UTF-8, never converted to the locale charset. */
void            pnav_print                       (const char     *format,
                                                  ...) G_GNUC_PRINTF (1, 2);
void            pnav_printerr                    (const char     *format,
                                                  ...) G_GNUC_PRINTF (1, 2);
void            pnav_print_json                  (JsonNode       *node);
/* `text` to standard output, escaped as pnav_print() escapes */
void            pnav_print_text                  (GString        *text);
/* Text pn-json-writer wrote (valid UTF-8, no control character) */
void            pnav_print_json_text             (GString        *text);
/* The documents a file is checked against, without creating a database:
 * the store's when --db names one or the default one exists; else the
 * bundled corpus, in memory (held in *out_bundled). */
PnCorpus       *pnav_context_load_existing_corpus (PnavContext  *self,
                                                   PnCorpus    **out_bundled,
                                                   GError      **error);
/* A dry run's impact (pn-impact.h) as text or JSON: `action` is
 * "import", "replace" or "remove".  Returns PNAV_EXIT_OK. */
typedef struct _PnImpact PnImpact;
int             pnav_print_impact                (PnavContext    *self,
                                                  PnImpact       *impact,
                                                  const char     *action,
                                                  const char     *document_id);
int             pnav_print_impact_full           (PnavContext    *self,
                                                  PnImpact       *impact,
                                                  const char     *action,
                                                  PnDocument     *document);

/* Text from a file, the database or the user, fit for a terminal: C0
 * and C1 control characters and DEL as \u001b …, newlines and tabs too
 * unless `keep_layout` (invalid UTF-8 is replaced).  pnav_print() and
 * pnav_printerr() keep layout; a name printed alone keeps nothing. */
char           *pnav_escape                      (const char     *text,
                                                  gboolean        keep_layout);
/* "a, b, c", each escaped */
char           *pnav_join_escaped                (GStrv           names);
/* Refuses what --db may not name (issue 15): an empty path, or anything
 * that exists but is no regular file (a device, a folder, a FIFO): a
 * usage error (exit 2).  An absent path is fine: it is created. */
gboolean        pnav_check_db_path               (const char     *path,
                                                  GError        **error);

/* Command-line text as UTF-8 (NULL and a usage error if impossible). */
char           *pnav_arg_to_utf8                 (const char     *arg,
                                                  const char     *option_name,
                                                  GError        **error);
/* "fujian, fuzhou, xiamen, …" */
char           *pnav_describe_locations          (PnCorpus       *corpus);
/* Sets a usage error for an unknown document id given as `what`
 * ("--document", "show"), listing the ids (only the imported ones when
 * `imported_only`). */
void            pnav_set_unknown_document_error  (PnCorpus       *corpus,
                                                  const char     *what,
                                                  const char     *id,
                                                  gboolean        imported_only,
                                                  GError        **error);
const char     *pnav_term_label                  (const PnTerm   *term,
                                                  PnLang          lang);
/* The label of a location id, or the id when unknown. */
const char     *pnav_location_label              (PnTaxonomy     *taxonomy,
                                                  const char     *id,
                                                  PnLang          lang);
/* "40%" */
char           *pnav_format_rate                 (double          rate);

/* Option values, for a subcommand's own option callbacks: a whole number
 * of yuan written with digits; "en" or "zh". */
gboolean        pnav_parse_yuan                  (const char     *option_name,
                                                  const char     *value,
                                                  gint64         *out_yuan,
                                                  GError        **error);
gboolean        pnav_parse_lang                  (const char     *option_name,
                                                  const char     *value,
                                                  PnLang         *out_lang,
                                                  GError        **error);

/* Writes `bytes` to `path` (a file name as given on the command line) in
 * one atomic replace, or to standard output when `path` is NULL.  A file
 * that cannot be written is a usage error naming --output and the path
 * (exit status 2). */
gboolean        pnav_write_output                (const char     *path,
                                                  GBytes         *bytes,
                                                  GError        **error);

/* An option callback that gets the raw bytes of its value (see
 * pnav-common.c): { "name", 0, PNAV_CALLBACK (cb), … } */
#define PNAV_CALLBACK(cb) G_OPTION_FLAG_FILENAME, G_OPTION_ARG_CALLBACK, (gpointer) cb

/* --output FILE and --lang en|zh, for the commands that write a document
 * (brief, deadlines).  Their options struct, the context's command_data,
 * starts with this one; PNAV_DOCUMENT_OPTION_ENTRIES parses into it. */
typedef struct
{
  char      *output;
  PnLang     lang;
  gboolean   lang_set;
} PnavDocumentOptions;

gboolean        pnav_document_output_cb          (const char     *option_name,
                                                  const char     *value,
                                                  gpointer        data,
                                                  GError        **error);
gboolean        pnav_document_lang_cb            (const char     *option_name,
                                                  const char     *value,
                                                  gpointer        data,
                                                  GError        **error);

G_END_DECLS
