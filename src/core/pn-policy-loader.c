/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-policy-loader"
#define _GNU_SOURCE  /* memmem () */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/SAX2.h>

#include "pn-policy-loader.h"
#include "pn-policy-private.h"
#include "pn-core-private.h"
#include "pn-corpus-resources.h"
#include "pn-money.h"
#include "pn-corpus-private.h"


/* Where a document declares its own places and units, and names its
 * jurisdiction: the lines its errors name. */
typedef struct
{
  guint  locations_line;
  guint  units_line;
  long   jurisdiction_line;
} DocumentLines;

/* Hostile-input rules: no network, never substitute entities, never load a
 * DTD, never validate against one, no XInclude, no "huge" limits. */
#define PN_XML_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                              XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT)

/* Staged shares must add up to 1 within this (they have 4 decimals). */
#define PN_STAGES_TOLERANCE 1e-6

G_DEFINE_QUARK (pn-policy-error-quark, pn_policy_error)

/* Tests and fuzzers lower the time limit; 0 restores the default. */
static gint64 max_parse_usec = PN_POLICY_MAX_SECONDS * G_USEC_PER_SEC;

void
_pn_policy_loader_set_max_seconds (double seconds)
{
  max_parse_usec = seconds > 0 ? (gint64) (seconds * G_USEC_PER_SEC)
                               : PN_POLICY_MAX_SECONDS * G_USEC_PER_SEC;
}

void
_pn_corpus_ensure_registered (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      pn_corpus_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/* "64 MiB", or the exact count of bytes when it is no whole MiB */
static char *
describe_bytes (gsize bytes)
{
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " MiB", bytes / (1024 * 1024));
  if (bytes >= 1024 && bytes % 1024 == 0)
    return g_strdup_printf ("%" G_GSIZE_FORMAT " KiB", bytes / 1024);
  return g_strdup_printf ("%" G_GSIZE_FORMAT " bytes", bytes);
}

static gboolean
set_too_large_error (GError     **error,
                     const char  *name,
                     gsize        max_bytes)
{
  g_autofree char *limit = describe_bytes (max_bytes);

  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_TOO_LARGE,
               "%s: the file is larger than %s (the limit)", name, limit);
  return FALSE;
}

/* ---- reading files --------------------------------------------------- */

/* File systems whose "regular files" are made up as they are read
 * (/proc/self/pagemap reports 0 bytes and holds terabytes). */
static gboolean
is_pseudo_file_system (int fd)
{
  struct statfs fs;

  if (fstatfs (fd, &fs) != 0)
    return FALSE;

  switch ((unsigned long) fs.f_type)
    {
    case 0x9fa0:      /* proc */
    case 0x62656572:  /* sysfs */
    case 0x64626720:  /* debugfs */
    case 0x74726163:  /* tracefs */
    case 0x73636673:  /* securityfs */
    case 0x27e0eb:    /* cgroup */
    case 0x63677270:  /* cgroup2 */
    case 0x6165676c:  /* pstore */
    case 0xcafe4a11:  /* bpf */
    case 0x42494e4d:  /* binfmt_misc */
    case 0x67596969:  /* rpc_pipefs */
    case 0x6e736673:  /* nsfs */
      return TRUE;
    default:
      return FALSE;
    }
}

static const char *
describe_mode (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISFIFO (mode))
    return "a FIFO";
  if (S_ISCHR (mode) || S_ISBLK (mode))
    return "a device";
  if (S_ISSOCK (mode))
    return "a socket";
  return "not a regular file";
}

static gboolean
set_errno_error (GError     **error,
                 const char  *name,
                 int          saved_errno)
{
  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
               "%s: %s", name, g_strerror (saved_errno));
  return FALSE;
}

static GBytes *
read_local_file (const char  *name,
                 const char  *path,
                 gsize        max_bytes,
                 GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  struct stat st;
  int fd;
  int flags;

  /* Look before opening: opening a device or a FIFO can block or act. */
  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, name, errno);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: not a regular file (%s)", name, describe_mode (st.st_mode));
      return NULL;
    }

  fd = g_open (path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, name, errno);
      return NULL;
    }

  /* …and again on what was opened, in case the path changed meanwhile. */
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: not a regular file (%s)", name, describe_mode (st.st_mode));
      close (fd);
      return NULL;
    }
  if (is_pseudo_file_system (fd))
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: not a regular file (a file of /proc, /sys or a similar file system)",
                   name);
      close (fd);
      return NULL;
    }

  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  /* Never trust st_size: read until the end or one byte past the limit. */
  buffer = g_byte_array_sized_new (MIN ((gsize) MAX (st.st_size, 0), max_bytes) + 1);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gsize want = MIN (sizeof chunk, max_bytes + 1 - buffer->len);
      gssize got = read (fd, chunk, want);

      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_errno_error (error, name, saved_errno);
          return NULL;
        }
      if (got == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) got);
      if (buffer->len > max_bytes)
        {
          close (fd);
          set_too_large_error (error, name, max_bytes);
          return NULL;
        }
    }

  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* A GFile with no local path (another GVfs backend). */
static GBytes *
read_stream (GFile       *file,
             const char  *name,
             gsize        max_bytes,
             GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: not a regular file", name);
      return NULL;
    }

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  for (;;)
    {
      guint8 chunk[64 * 1024];
      gsize want = MIN (sizeof chunk, max_bytes + 1 - buffer->len);
      gssize got = g_input_stream_read (G_INPUT_STREAM (stream), chunk, want, NULL, &local_error);

      if (got < 0)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                       "%s: %s", name, local_error->message);
          return NULL;
        }
      if (got == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) got);
      if (buffer->len > max_bytes)
        {
          set_too_large_error (error, name, max_bytes);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GBytes *
pn_policy_loader_read_file (GFile   *file,
                            gsize    max_bytes,
                            GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (max_bytes < G_MAXUINT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);
  if (path == NULL)
    return read_stream (file, name, max_bytes, error);

  return read_local_file (name, path, max_bytes, error);
}

/* ---- errors from libxml2 --------------------------------------------- */

typedef struct
{
  char *message;
  int   line;
} FirstError;

#define MAX_MESSAGE_CHARS 300

static void
first_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  FirstError *first = user_data;

  if (first->message != NULL || error == NULL)
    return;

  first->message = g_strstrip (g_strdup (error->message ? error->message : "error"));
  first->line = error->line;

  /* one line: libxml2 ends some messages with a quote of the input */
  g_strdelimit (first->message, "\r\n\t", ' ');

  /* libxml2 quotes the offending value whole: keep a message readable
   * when the value is a megabyte long. */
  if (g_utf8_strlen (first->message, -1) > MAX_MESSAGE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (first->message, MAX_MESSAGE_CHARS);
      char *shorter = g_strdup_printf ("%.*s…", (int) (end - first->message), first->message);

      g_free (first->message);
      first->message = shorter;
    }
}

static void
silent_generic_error_cb (void       *ctx G_GNUC_UNUSED,
                         const char *msg G_GNUC_UNUSED,
                         ...)
{
}

static void
quiet_libxml (void)
{
  xmlSetGenericErrorFunc (NULL, silent_generic_error_cb);
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;
  const char *p = data;
  const char *end = data + offset;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      line++;
      p++;
    }

  return line;
}

/* ---- the parse budget ------------------------------------------------ */

/* libxml2 2.9 checks each attribute of an element against every earlier
 * one, before any SAX callback runs: 100,000 attributes on one element
 * take minutes.  A lexical pass counts them first, in linear time; it
 * follows comments, CDATA sections, processing instructions and quoted
 * values, so on well-formed XML it counts exactly what libxml2 would, and
 * on anything else libxml2 refuses the text anyway. */
static gboolean
prescan_attributes (const char  *display_name,
                    const char  *data,
                    gsize        size,
                    GError     **error)
{
  const char *p = data;
  const char *end = data + size;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *close = NULL;
      guint n = 0;
      char quote = 0;

      p++;
      if (p >= end)
        break;

      if (*p == '!' || *p == '?')
        {
          const char *terminator = "?>";

          if (end - p >= 3 && memcmp (p, "!--", 3) == 0)
            terminator = "-->";
          else if (end - p >= 8 && memcmp (p, "![CDATA[", 8) == 0)
            terminator = "]]>";
          else if (*p == '!')
            terminator = ">";

          close = g_strstr_len (p, end - p, terminator);
          if (close == NULL)
            return TRUE;   /* unterminated: the parser says so */
          p = close + strlen (terminator);
          continue;
        }

      if (*p == '/')
        continue;

      /* a start tag: count the `=` outside quoted values up to its `>` */
      for (; p < end; p++)
        {
          if (quote != 0)
            {
              const char *q = memchr (p, quote, end - p);

              if (q == NULL)
                return TRUE;
              p = q;
              quote = 0;
            }
          else if (*p == '"' || *p == '\'')
            quote = *p;
          else if (*p == '=')
            {
              if (++n > PN_POLICY_MAX_ATTRIBUTES)
                {
                  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_TOO_LARGE,
                               "%s:%u: an element has more than %d attributes (the limit)",
                               display_name, line_of_offset (data, p - data),
                               PN_POLICY_MAX_ATTRIBUTES);
                  return FALSE;
                }
            }
          else if (*p == '>' || *p == '<')
            break;
        }
    }

  return TRUE;
}

/* Counted in SAX callbacks wrapped around libxml2's own tree builder; the
 * first limit reached stops the parser (xmlStopParser) at once. */
typedef struct
{
  startElementNsSAX2Func start_element;
  endElementNsSAX2Func   end_element;
  charactersSAXFunc      characters;
  charactersSAXFunc      whitespace;

  guint64 nodes;
  guint   depth;
  gsize   text;
  gboolean in_text;
  guint   ticks;
  gint64  deadline;

  char   *error;
  int     error_line;
} Budget;

static gboolean
budget_fail (xmlParserCtxt *ctxt,
             Budget        *budget,
             char          *message)
{
  if (budget->error == NULL)
    {
      budget->error = message;
      budget->error_line = xmlSAX2GetLineNumber (ctxt);
    }
  else
    g_free (message);

  xmlStopParser (ctxt);
  return FALSE;
}

static gboolean
budget_tick (xmlParserCtxt *ctxt,
             Budget        *budget)
{
  if (budget->error != NULL)
    return FALSE;

  if ((++budget->ticks & 1023) == 0 && g_get_monotonic_time () > budget->deadline)
    return budget_fail (ctxt, budget,
                        g_strdup_printf ("parsing took longer than %g s (the limit)",
                                         max_parse_usec / (double) G_USEC_PER_SEC));
  return TRUE;
}

static gboolean
budget_add_node (xmlParserCtxt *ctxt,
                 Budget        *budget)
{
  if (++budget->nodes > PN_POLICY_MAX_NODES)
    return budget_fail (ctxt, budget,
                        g_strdup_printf ("more than %d elements and texts (the limit)",
                                         PN_POLICY_MAX_NODES));
  return TRUE;
}

static void
budget_start_element_cb (void           *ctx,
                         const xmlChar  *localname,
                         const xmlChar  *prefix,
                         const xmlChar  *uri,
                         int             nb_namespaces,
                         const xmlChar **namespaces,
                         int             nb_attributes,
                         int             nb_defaulted,
                         const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = ctx;
  Budget *budget = ctxt->_private;

  budget->in_text = FALSE;
  if (!budget_tick (ctxt, budget) || !budget_add_node (ctxt, budget))
    return;

  if (++budget->depth > PN_POLICY_MAX_DEPTH)
    {
      budget_fail (ctxt, budget,
                   g_strdup_printf ("elements nested more than %d deep (the limit)",
                                    PN_POLICY_MAX_DEPTH));
      return;
    }

  if (nb_attributes + nb_namespaces > PN_POLICY_MAX_ATTRIBUTES)
    {
      budget_fail (ctxt, budget,
                   g_strdup_printf ("an element has more than %d attributes (the limit)",
                                    PN_POLICY_MAX_ATTRIBUTES));
      return;
    }

  budget->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static void
budget_end_element_cb (void          *ctx,
                       const xmlChar *localname,
                       const xmlChar *prefix,
                       const xmlChar *uri)
{
  xmlParserCtxt *ctxt = ctx;
  Budget *budget = ctxt->_private;

  budget->in_text = FALSE;
  if (budget->error != NULL)
    return;
  if (budget->depth > 0)
    budget->depth--;
  budget->end_element (ctx, localname, prefix, uri);
}

static gboolean
budget_text (xmlParserCtxt *ctxt,
             Budget        *budget,
             int            len)
{
  if (!budget_tick (ctxt, budget))
    return FALSE;

  if (!budget->in_text)
    {
      budget->in_text = TRUE;
      budget->text = 0;
      if (!budget_add_node (ctxt, budget))
        return FALSE;
    }

  budget->text += (gsize) MAX (len, 0);
  if (budget->text > PN_POLICY_MAX_TEXT)
    {
      g_autofree char *limit = describe_bytes (PN_POLICY_MAX_TEXT);

      return budget_fail (ctxt, budget,
                          g_strdup_printf ("a text longer than %s (the limit)", limit));
    }

  return TRUE;
}

static void
budget_characters_cb (void          *ctx,
                      const xmlChar *ch,
                      int            len)
{
  xmlParserCtxt *ctxt = ctx;
  Budget *budget = ctxt->_private;

  if (budget_text (ctxt, budget, len))
    budget->characters (ctx, ch, len);
}

static void
budget_whitespace_cb (void          *ctx,
                      const xmlChar *ch,
                      int            len)
{
  xmlParserCtxt *ctxt = ctx;
  Budget *budget = ctxt->_private;

  if (budget_text (ctxt, budget, len))
    budget->whitespace (ctx, ch, len);
}

/* Refuses what no policy file needs before libxml2 sees it. */
static gboolean
precheck (const char  *display_name,
          GBytes      *bytes,
          GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *doctype;

  if (size == 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED,
                   "%s: the file is empty", display_name);
      return FALSE;
    }

  if (size > PN_POLICY_MAX_BYTES)
    return set_too_large_error (error, display_name, PN_POLICY_MAX_BYTES);

  if (!pn_utf8_validate_len (data, size))
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED,
                   "%s: not a UTF-8 text file", display_name);
      return FALSE;
    }

  /* memmem: the same search as g_strstr_len() (the text holds no NUL),
   * ten times faster on a 750 KB file */
  doctype = memmem (data, size, "<!DOCTYPE", strlen ("<!DOCTYPE"));
  if (doctype != NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_FORBIDDEN,
                   "%s:%u: DOCTYPE declarations (DTDs, entities) are not allowed in policy files",
                   display_name, line_of_offset (data, doctype - data));
      return FALSE;
    }

  return prescan_attributes (display_name, data, size, error);
}

static xmlDoc *
parse_bytes (const char  *display_name,
             GBytes      *bytes,
             const char  *root_name,
             GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  FirstError first = { NULL, 0 };
  Budget budget = { 0, };
  xmlNode *root;
  gsize size;
  const char *data;

  if (!precheck (display_name, bytes, error))
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  quiet_libxml ();
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL || ctxt->sax == NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_IO,
                   "%s: out of memory", display_name);
      return NULL;
    }

  /* The budget wraps libxml2's tree builder. */
  budget.deadline = g_get_monotonic_time () + max_parse_usec;
  budget.start_element = ctxt->sax->startElementNs;
  budget.end_element = ctxt->sax->endElementNs;
  budget.characters = ctxt->sax->characters;
  budget.whitespace = ctxt->sax->ignorableWhitespace;
  g_assert (budget.start_element != NULL && budget.end_element != NULL &&
            budget.characters != NULL && budget.whitespace != NULL);
  ctxt->sax->startElementNs = budget_start_element_cb;
  ctxt->sax->endElementNs = budget_end_element_cb;
  ctxt->sax->characters = budget_characters_cb;
  ctxt->sax->ignorableWhitespace = budget_whitespace_cb;
  /* Comments and processing instructions mean nothing to a policy file;
   * kept in the tree, `a<!--c-->` repeated splits an element's text into a
   * million pieces that the schema validator joins with a strlen() each
   * (O(n²): 9 MB took 8 s).  Without them the tree builder joins the text
   * in place as it goes. */
  ctxt->sax->comment = NULL;
  ctxt->sax->processingInstruction = NULL;
  ctxt->_private = &budget;

  /* No URL: libxml2 2.9 then reports an error on an element without
   * walking every node before it (it looks for XInclude boundaries to name
   * the file), which made N errors cost O(N²).  The file is named here. */
  xmlSetStructuredErrorFunc (&first, first_error_cb);
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, "UTF-8", PN_XML_PARSE_OPTIONS);
  xmlSetStructuredErrorFunc (NULL, NULL);
  ctxt->_private = NULL;

  if (budget.error != NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_TOO_LARGE,
                   "%s:%d: %s", display_name, MAX (budget.error_line, 1), budget.error);
      g_free (budget.error);
      g_free (first.message);
      return NULL;
    }

  if (doc == NULL || !ctxt->wellFormed)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MALFORMED,
                   "%s:%d: not well-formed XML: %s", display_name,
                   first.line > 0 ? first.line : 1,
                   first.message ? first.message : "parse error");
      g_free (first.message);
      return NULL;
    }
  g_free (first.message);

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_FORBIDDEN,
                   "%s: DOCTYPE declarations are not allowed in policy files", display_name);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || g_strcmp0 ((const char *) root->name, root_name) != 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: expected a <%s> root element, found <%.100s>",
                   display_name, root ? xmlGetLineNo (root) : 1L, root_name,
                   root ? (const char *) root->name : "nothing");
      return NULL;
    }

  /* Policy files use no namespace: <policy-document xmlns="…"> is another
   * element of the same name. */
  if (root->ns != NULL)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: the <%s> root element must not be in a namespace (found “%.200s”)",
                   display_name, xmlGetLineNo (root), root_name,
                   root->ns->href ? (const char *) root->ns->href : "");
      return NULL;
    }

  return g_steal_pointer (&doc);
}
static xmlSchema *
get_schema (void)
{
  static gsize initialized;
  static xmlSchema *schema;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(xmlSchemaParserCtxt) pctxt = NULL;
      gsize size;
      const char *data;

      _pn_corpus_ensure_registered ();
      bytes = g_resources_lookup_data (PN_CORPUS_RESOURCE_PATH "/schema/policy.xsd", 0, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      quiet_libxml ();
      pctxt = xmlSchemaNewMemParserCtxt (data, (int) size);
      schema = xmlSchemaParse (pctxt);
      g_assert (schema != NULL);
      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

static gboolean
validate (const char  *display_name,
          xmlDoc      *doc,
          GError     **error)
{
  g_autoptr(xmlSchemaValidCtxt) vctxt = xmlSchemaNewValidCtxt (get_schema ());
  FirstError first = { NULL, 0 };
  int ret;

  xmlSchemaSetValidStructuredErrors (vctxt, first_error_cb, &first);
  ret = xmlSchemaValidateDoc (vctxt, doc);
  if (ret != 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%d: %s", display_name, first.line > 0 ? first.line : 1,
                   first.message ? first.message : "does not validate against the policy schema");
      g_free (first.message);
      return FALSE;
    }

  g_free (first.message);
  return TRUE;
}

/* ---- DOM helpers ---- */


/* ---- DOM helpers ---- */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         (name == NULL || strcmp ((const char *) node->name, name) == 0);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_element (c, name))
      return c;
  return NULL;
}

static char *
content (xmlNode *node)
{
  xmlChar *text;
  char *ret;

  if (node == NULL)
    return NULL;

  text = xmlNodeGetContent (node);
  ret = g_strstrip (g_strdup (text ? (const char *) text : ""));
  xmlFree (text);
  return ret;
}

static char *
child_content (xmlNode    *node,
               const char *name)
{
  return content (child (node, name));
}

static char *
attr (xmlNode    *node,
      const char *name)
{
  xmlChar *value;
  char *ret;

  if (node == NULL)
    return NULL;
  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  ret = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return ret;
}

/* What the schema guarantees is checked again here: stored XML is read
 * without the schema, and no rule of the model may rest on an assertion.
 * `name` is the file, errors are "file:line: …". */
static gboolean fail (GError     **error,
                      const char  *name,
                      xmlNode     *node,
                      const char  *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      const char  *name,
      xmlNode     *node,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
               "%s:%ld: %s", name, node ? xmlGetLineNo (node) : 1L, message);
  return FALSE;
}

/* Errors are one line: a value quoted from the file may hold a newline
 * (`&#10;` survives attribute normalisation). */
static void
one_line (GError **error)
{
  if (error != NULL && *error != NULL)
    g_strdelimit ((*error)->message, "\r\n\v\f", ' ');
}

static char *
need_attr (xmlNode     *node,
           const char  *attribute,
           const char  *name,
           GError     **error)
{
  char *value = attr (node, attribute);

  if (value == NULL)
    fail (error, name, node, "<%s> has no %s attribute", (const char *) node->name, attribute);
  return value;
}

/* A date attribute: YYYY-MM-DD, the blanks around it dropped (the schema
 * takes " 2027-12-31 " for a date, and it went into the store as written,
 * where every read then found a date that is none); NULL when absent.
 * FALSE, with the file and line, when it is no date. */
static gboolean
date_attr (xmlNode     *node,
           const char  *attribute,
           const char  *name,
           char       **out,
           GError     **error)
{
  g_autofree char *value = attr (node, attribute);
  int year, month, day;

  *out = NULL;
  if (value == NULL)
    return TRUE;
  g_strstrip (value);
  if (strlen (value) != 10 || value[4] != '-' || value[7] != '-' ||
      !g_ascii_isdigit (value[0]) || !g_ascii_isdigit (value[1]) || !g_ascii_isdigit (value[2]) ||
      !g_ascii_isdigit (value[3]) || !g_ascii_isdigit (value[5]) || !g_ascii_isdigit (value[6]) ||
      !g_ascii_isdigit (value[8]) || !g_ascii_isdigit (value[9]) ||
      (year = atoi (value)) < 1 || (month = atoi (value + 5)) < 1 || month > 12 ||
      (day = atoi (value + 8)) < 1 || !g_date_valid_dmy (day, month, year))
    {
      g_autofree char *shown = g_strescape (value, NULL);

      return fail (error, name, node, "<%s %s=\"%.20s\"> is not a date (YYYY-MM-DD)",
                   (const char *) node->name, attribute, shown);
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* A title, a name, a note: one line.  A line break or a tab in it (an
 * editor's wrapping, or a file forging a line of `pnav list-documents`)
 * becomes one space with the blanks around it; NULL stays NULL. */
static char *
text_one_line (char *text)
{
  GString *out;
  gboolean blank = FALSE;

  if (text == NULL || strpbrk (text, "\n\r\t\v\f") == NULL)
    return text;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t' || *p == '\v' || *p == '\f')
        {
          blank = TRUE;
          continue;
        }
      if (blank && out->len > 0)
        g_string_append_c (out, ' ');
      blank = FALSE;
      g_string_append_c (out, *p);
    }
  g_free (text);
  return g_string_free (out, FALSE);
}

static gboolean
read_text (xmlNode    *node,
           PnText     *text,
           const char *name,
           GError    **error)
{
  if (node == NULL)
    return TRUE;
  text->zh = text_one_line (child_content (node, "zh"));
  text->en = text_one_line (child_content (node, "en"));
  if (text->zh == NULL || text->en == NULL)
    return fail (error, name, node, "<%s> needs a <zh> and an <en> text", (const char *) node->name);
  return TRUE;
}

static gboolean
need_text (xmlNode    *parent,
           const char *element,
           PnText     *text,
           const char *name,
           GError    **error)
{
  xmlNode *node = child (parent, element);

  if (node == NULL)
    return fail (error, name, parent, "<%s> has no <%s>", (const char *) parent->name, element);
  return read_text (node, text, name, error);
}

static PnText *
new_text (xmlNode    *node,
          const char *name,
          GError    **error)
{
  PnText *text = g_new0 (PnText, 1);

  if (!read_text (node, text, name, error))
    g_clear_pointer (&text, pn_text_free);
  return text;
}

/* The schema's Yuan: digits only, at most PN_MONEY_MAX (pn-money.h). */
static gboolean
parse_yuan (xmlNode     *node,
            const char  *str,
            gint64      *out_yuan,
            const char  *name,
            GError     **error)
{
  guint64 value = 0;

  if (!_pn_parse_decimal (str, PN_MONEY_MAX, &value))
    return fail (error, name, node, "“%.40s” is not a whole number of yuan between 0 and %" G_GINT64_FORMAT,
                 str ? str : "", PN_MONEY_MAX);
  *out_yuan = (gint64) value;
  return TRUE;
}

/* The schema's Rate: a decimal between 0 and 1. */
static gboolean
parse_rate (xmlNode     *node,
            const char  *str,
            double      *out_rate,
            const char  *name,
            GError     **error)
{
  char *end = NULL;
  double value;

  if (str == NULL || str[0] == '\0' || !(g_ascii_isdigit (str[0]) || str[0] == '.'))
    return fail (error, name, node, "“%.40s” is not a rate between 0 and 1", str ? str : "");
  value = g_ascii_strtod (str, &end);
  if (end == NULL || *end != '\0' || !(value >= 0.0 && value <= 1.0))
    return fail (error, name, node, "“%.40s” is not a rate between 0 and 1", str);
  *out_rate = value;
  return TRUE;
}

static gboolean
parse_figure (xmlNode     *node,
              const char  *str,
              PnFigure    *out_figure,
              const char  *name,
              GError     **error)
{
  if (str == NULL || !pn_figure_from_string (str, out_figure))
    return fail (error, name, node, "unknown figure “%.60s”", str ? str : "");
  return TRUE;
}

static gboolean
parse_boolean (const char *str)
{
  return g_strcmp0 (str, "true") == 0 || g_strcmp0 (str, "1") == 0;
}

static GStrv
split_list (const char *str)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (str == NULL)
    return NULL;

  parts = g_strsplit_set (str, " \t\r\n", -1);
  for (guint i = 0; parts[i]; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

static gboolean
read_units (xmlNode     *node,
            GPtrArray   *units,
            const char  *name,
            GError     **error)
{
  for (xmlNode *u = node->children; u != NULL; u = u->next)
    {
      g_autofree char *ref = NULL;
      g_autofree char *role = NULL;

      if (!is_element (u, "unit"))
        continue;
      ref = need_attr (u, "ref", name, error);
      if (ref == NULL)
        return FALSE;
      role = need_attr (u, "role", name, error);
      if (role == NULL)
        return FALSE;
      g_ptr_array_add (units, pn_unit_ref_new (ref, role));
    }

  return TRUE;
}

static gboolean
read_condition (PnBenefit   *benefit,
                xmlNode     *q,
                const char  *name,
                GError     **error)
{
  PnCondition *condition;
  PnQuestion question;
  g_autofree char *values = NULL;
  g_autofree char *review = NULL;

  if (!pn_question_from_string ((const char *) q->name, &question))
    return fail (error, name, q, "unknown condition <%.60s>", (const char *) q->name);

  for (guint i = 0; i < benefit->conditions->len; i++)
    if (((PnCondition *) g_ptr_array_index (benefit->conditions, i))->question == question)
      return fail (error, name, q, "the condition <%s> is given twice", (const char *) q->name);

  condition = pn_condition_new ();
  values = content (q);
  review = attr (q, "review");
  condition->question = question;
  condition->values = split_list (values);
  condition->review = split_list (review);
  g_ptr_array_add (benefit->conditions, condition);
  /* "<phase></phase>": a condition no answer meets (the store refuses it) */
  if ((condition->values == NULL || condition->values[0] == NULL) &&
      (condition->review == NULL || condition->review[0] == NULL))
    return fail (error, name, q, "the condition <%s> accepts no answer", (const char *) q->name);
  /* made quarks once the taxonomy says which are answers (check_units ()) */
  condition->value_quarks = _pn_condition_quarks (NULL, question, condition->values);
  condition->review_quarks = _pn_condition_quarks (NULL, question, condition->review);
  condition->line = xmlGetLineNo (q);
  return TRUE;
}

static gboolean
read_benefit (PnArticle   *article,
              xmlNode     *node,
              const char  *name,
              GError     **error)
{
  PnBenefit *benefit = pn_article_add_benefit (article);
  g_autofree char *kind = NULL;
  g_autofree char *one_time = attr (node, "one-time");
  g_autofree char *reviewed = attr (node, "reviewed");
  g_autoptr(GStrvBuilder) tops_up = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) caps = g_strv_builder_new ();
  gboolean has_tops_up = FALSE, has_caps = FALSE;

  benefit->line = xmlGetLineNo (node);
  benefit->id = need_attr (node, "id", name, error);
  if (benefit->id == NULL)
    return FALSE;
  kind = need_attr (node, "kind", name, error);
  if (kind == NULL)
    return FALSE;
  if (!pn_benefit_kind_from_string (kind, &benefit->kind))
    return fail (error, name, node, "benefit “%s” has an unknown kind “%.60s”", benefit->id, kind);
  benefit->per = attr (node, "per");
  benefit->one_time = parse_boolean (one_time);
  /* absent: reviewed, as every bundled benefit */
  benefit->reviewed = reviewed == NULL || parse_boolean (reviewed);
  if (!need_text (node, "title", &benefit->title, name, error))
    return FALSE;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (!is_element (c, NULL))
        continue;

      if (is_element (c, "units"))
        {
          if (!read_units (c, benefit->units, name, error))
            return FALSE;
        }
      else if (is_element (c, "rate"))
        {
          g_autofree char *s = content (c);
          g_autofree char *ceiling = attr (c, "ceiling");

          if (!parse_rate (c, s, &benefit->rate, name, error))
            return FALSE;
          benefit->rate_ceiling = parse_boolean (ceiling);
        }
      else if (is_element (c, "base"))
        {
          g_autofree char *s = content (c);

          if (!parse_figure (c, s, &benefit->base, name, error))
            return FALSE;
        }
      else if (is_element (c, "amount"))
        {
          g_autofree char *s = content (c);

          if (!parse_yuan (c, s, &benefit->amount, name, error))
            return FALSE;
        }
      else if (is_element (c, "cap"))
        {
          g_autofree char *s = content (c);

          if (!parse_yuan (c, s, &benefit->cap, name, error))
            return FALSE;
        }
      else if (is_element (c, "threshold"))
        {
          PnThreshold *threshold = g_new0 (PnThreshold, 1);
          g_autofree char *figure = attr (c, "figure");
          g_autofree char *min = attr (c, "min");
          g_autofree char *inclusive = attr (c, "inclusive");

          g_ptr_array_add (benefit->thresholds, threshold);
          if (!parse_figure (c, figure, &threshold->figure, name, error) ||
              !parse_yuan (c, min, &threshold->min, name, error))
            return FALSE;
          threshold->inclusive = parse_boolean (inclusive);
        }
      else if (is_element (c, "combined-limit"))
        {
          g_autofree char *figure = attr (c, "figure");

          if (!parse_figure (c, figure, &benefit->combined_limit, name, error))
            return FALSE;
        }
      else if (is_element (c, "conditions"))
        {
          for (xmlNode *q = c->children; q != NULL; q = q->next)
            if (is_element (q, NULL) && !read_condition (benefit, q, name, error))
              return FALSE;
        }
      else if (is_element (c, "requirement"))
        {
          PnRequirement *requirement = pn_requirement_new ();
          g_autofree char *kind_attr = attr (c, "kind");

          g_ptr_array_add (benefit->requirements, requirement);
          requirement->id = need_attr (c, "id", name, error);
          if (requirement->id == NULL)
            return FALSE;
          requirement->attestation = g_strcmp0 (kind_attr, "attestation") == 0;
          if (!read_text (c, &requirement->text, name, error))
            return FALSE;
        }
      else if (is_element (c, "tops-up"))
        {
          g_autofree char *ref = need_attr (c, "ref", name, error);

          if (ref == NULL)
            return FALSE;
          g_strv_builder_add (tops_up, ref);
          has_tops_up = TRUE;
        }
      else if (is_element (c, "overlap"))
        {
          g_free (benefit->overlap_group);
          benefit->overlap_group = need_attr (c, "ref", name, error);
          if (benefit->overlap_group == NULL)
            return FALSE;
        }
      else if (is_element (c, "annual-cap"))
        {
          g_autofree char *ref = need_attr (c, "ref", name, error);

          if (ref == NULL)
            return FALSE;
          g_strv_builder_add (caps, ref);
          has_caps = TRUE;
        }
      else if (is_element (c, "staged-payment"))
        {
          if (benefit->stages != NULL)
            return fail (error, name, c, "benefit “%s” has two <staged-payment>", benefit->id);
          benefit->stages = g_array_new (FALSE, FALSE, sizeof (double));
          benefit->stages_over = attr (c, "over");
          for (xmlNode *s = c->children; s != NULL; s = s->next)
            {
              g_autofree char *share = NULL;
              double value;

              if (!is_element (s, "stage"))
                continue;
              share = attr (s, "share");
              if (!parse_rate (s, share, &value, name, error))
                return FALSE;
              if (value <= 0)
                return fail (error, name, s, "a staged payment's share must be more than 0");
              g_array_append_val (benefit->stages, value);
            }
        }
      else if (is_element (c, "reading"))
        {
          PnReading *reading = pn_reading_new ();
          g_autofree char *chosen = attr (c, "chosen");
          g_autofree char *lapsed = attr (c, "lapsed-target");

          g_ptr_array_add (benefit->readings, reading);
          reading->id = need_attr (c, "id", name, error);
          if (reading->id == NULL)
            return FALSE;
          reading->chosen = parse_boolean (chosen);
          reading->keep_lapsed_target = g_strcmp0 (lapsed, "not-deducted") == 0;
          if (!read_text (c, &reading->text, name, error))
            return FALSE;
        }
      else if (is_element (c, "note"))
        {
          PnText *note = new_text (c, name, error);

          if (note == NULL)
            return FALSE;
          g_ptr_array_add (benefit->notes, note);
        }
    }

  if (has_tops_up)
    benefit->tops_up = g_strv_builder_end (tops_up);
  if (has_caps)
    benefit->annual_caps = g_strv_builder_end (caps);
  return TRUE;
}

static gboolean
read_article (PnDocument  *document,
              xmlNode     *node,
              const char  *name,
              GError     **error)
{
  PnArticle *article = pn_document_add_article (document);

  article->line = xmlGetLineNo (node);
  article->number = need_attr (node, "number", name, error);
  if (article->number == NULL)
    return FALSE;
  article->chapter = need_attr (node, "chapter", name, error);
  if (article->chapter == NULL)
    return FALSE;
  if (!need_text (node, "heading", &article->heading, name, error))
    return FALSE;
  article->original = child_content (node, "original");
  article->summary = child_content (node, "summary");
  if (article->original == NULL || article->summary == NULL)
    return fail (error, name, node, "article %s needs an <original> and a <summary>", article->number);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "units"))
        {
          if (!read_units (c, article->units, name, error))
            return FALSE;
        }
      else if (is_element (c, "deadline"))
        {
          g_free (article->deadline_text);
          g_free (article->valid_from);
          g_free (article->valid_until);
          article->deadline_text = attr (c, "text");
          if (!date_attr (c, "from", name, &article->valid_from, error) ||
              !date_attr (c, "until", name, &article->valid_until, error))
            return FALSE;
        }
      else if (is_element (c, "benefit"))
        {
          if (!read_benefit (article, c, name, error))
            return FALSE;
        }
      else if (is_element (c, "note"))
        {
          PnText *note = new_text (c, name, error);

          if (note == NULL)
            return FALSE;
          g_ptr_array_add (article->notes, note);
        }
    }

  return TRUE;
}

/* Benefit ids, article numbers and annual-cap ids are unique (the
 * schema's identity constraints say so too).  Checked with hash tables
 * before the schema: libxml2 compares each duplicate with every key seen
 * and reports each one, 40,000 shared ids took minutes. */
static gboolean
check_unique_ids (const char  *name,
                  xmlNode     *root,
                  GError     **error)
{
  g_autoptr(GHashTable) articles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) benefits = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) caps = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean ok = TRUE;

  /* the values are the libxml2 attribute strings, owned by the tree */
  for (xmlNode *c = root->children; c != NULL && ok; c = c->next)
    {
      if (is_element (c, "annual-cap"))
        {
          xmlAttr *id = xmlHasProp (c, (const xmlChar *) "id");

          if (id != NULL && id->children != NULL && id->children->content != NULL &&
              !g_hash_table_add (caps, id->children->content))
            ok = fail (error, name, c, "annual cap id “%.250s” is used twice",
                       (const char *) id->children->content);
        }
      else if (is_element (c, "article"))
        {
          xmlAttr *number = xmlHasProp (c, (const xmlChar *) "number");

          if (number != NULL && number->children != NULL && number->children->content != NULL &&
              !g_hash_table_add (articles, number->children->content))
            {
              ok = fail (error, name, c, "article number “%.100s” is used twice",
                         (const char *) number->children->content);
              break;
            }

          for (xmlNode *b = c->children; b != NULL && ok; b = b->next)
            {
              xmlAttr *id;

              if (!is_element (b, "benefit"))
                continue;
              id = xmlHasProp (b, (const xmlChar *) "id");
              if (id != NULL && id->children != NULL && id->children->content != NULL &&
                  !g_hash_table_add (benefits, id->children->content))
                ok = fail (error, name, b, "benefit id “%.250s” is used twice",
                           (const char *) id->children->content);
            }
        }
    }

  return ok;
}

static gboolean
model_error (GError     **error,
             PnDocument  *document,
             guint        line,
             const char  *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
model_error (GError     **error,
             PnDocument  *document,
             guint        line,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MODEL, "%s:%u: %s",
               document->file_name ? document->file_name : document->id, line, message);
  return FALSE;
}

/* ---- top-up chains --------------------------------------------------- */

/* Finds the benefit an id names, or NULL. */
typedef PnBenefit *(*ResolveFunc) (gpointer    data,
                                   const char *id);

typedef struct
{
  PnBenefit *benefit;
  guint      next;
} Frame;

/* "a → b → a", at most a few ids */
static char *
describe_cycle (GArray    *stack,
                guint      from,
                PnBenefit *back_to)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = stack->len - from;

  for (guint i = from; i < stack->len; i++)
    {
      if (n > 6 && i == from + 3)
        {
          g_string_append (text, "… → ");
          i = stack->len - 2;
          continue;
        }
      g_string_append_printf (text, "%s → ", g_array_index (stack, Frame, i).benefit->id);
    }
  g_string_append (text, back_to->id);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Depth-first over the top-up edges from each of `starts`, without
 * recursion (a chain may be 100,000 long); each benefit is visited once. */
static gboolean
check_top_up_cycles (GPtrArray    *starts,
                     ResolveFunc   resolve,
                     gpointer      data,
                     GError      **error)
{
  g_autoptr(GHashTable) state = g_hash_table_new (NULL, NULL);   /* 1 on the path, 2 done */
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));

  for (guint s = 0; s < starts->len; s++)
    {
      PnBenefit *start = g_ptr_array_index (starts, s);
      Frame first = { start, 0 };

      if (start->tops_up == NULL || g_hash_table_contains (state, start))
        continue;

      g_hash_table_insert (state, start, GUINT_TO_POINTER (1));
      g_array_append_val (stack, first);

      while (stack->len > 0)
        {
          Frame *top = &g_array_index (stack, Frame, stack->len - 1);
          PnBenefit *benefit = top->benefit;
          PnBenefit *target;
          guint seen;

          if (benefit->tops_up == NULL || benefit->tops_up[top->next] == NULL)
            {
              g_hash_table_insert (state, benefit, GUINT_TO_POINTER (2));
              g_array_set_size (stack, stack->len - 1);
              continue;
            }

          target = resolve (data, benefit->tops_up[top->next++]);
          if (target == NULL)
            continue;

          seen = GPOINTER_TO_UINT (g_hash_table_lookup (state, target));
          if (seen == 2)
            continue;
          if (seen == 1)
            {
              g_autofree char *path = NULL;
              guint from = 0;

              if (target == benefit)
                return model_error (error, benefit->document, benefit->line,
                                    "benefit “%s” tops itself up", benefit->id);

              for (guint i = 0; i < stack->len; i++)
                if (g_array_index (stack, Frame, i).benefit == target)
                  from = i;
              path = describe_cycle (stack, from, target);
              return model_error (error, target->document, target->line,
                                  "top-ups form a cycle: %s", path);
            }

          {
            Frame next = { target, 0 };

            g_hash_table_insert (state, target, GUINT_TO_POINTER (1));
            g_array_append_val (stack, next);
          }
        }
    }

  return TRUE;
}

static GHashTable *
benefits_by_id (PnDocument *document)
{
  GHashTable *map = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          g_hash_table_insert (map, benefit->id, benefit);
        }
    }

  return map;
}

static PnBenefit *
resolve_in_map (gpointer    data,
                const char *id)
{
  return g_hash_table_lookup (data, id);
}

static GPtrArray *
all_benefits (PnDocument *document)
{
  GPtrArray *benefits = g_ptr_array_new ();

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        g_ptr_array_add (benefits, g_ptr_array_index (article->benefits, j));
    }

  return benefits;
}

/* The rules of the model that the schema cannot state, on one document:
 * staged shares add up to 1; what it tops up in itself exists and no
 * chain of its top-ups comes back; its annual-cap references exist. */
static gboolean
check_model (PnDocument  *document,
             GError     **error)
{
  g_autoptr(GHashTable) map = benefits_by_id (document);
  g_autoptr(GPtrArray) benefits = all_benefits (document);
  g_autofree char *prefix = g_strconcat (document->id, "/", NULL);

  for (guint i = 0; i < benefits->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (benefits, i);

      if (benefit->stages != NULL)
        {
          double sum = 0;

          for (guint s = 0; s < benefit->stages->len; s++)
            sum += g_array_index (benefit->stages, double, s);
          if (benefit->stages->len < 2 || ABS (sum - 1.0) > PN_STAGES_TOLERANCE)
            {
              char shown[G_ASCII_DTOSTR_BUF_SIZE];

              g_ascii_formatd (shown, sizeof shown, "%.6g", sum);
              return model_error (error, document, benefit->line,
                                  "the stages of benefit “%s” add up to %s, not 1",
                                  benefit->id, shown);
            }
        }

      for (guint t = 0; benefit->tops_up && benefit->tops_up[t]; t++)
        {
          const char *ref = benefit->tops_up[t];

          if (g_str_equal (ref, benefit->id))
            return model_error (error, document, benefit->line,
                                "benefit “%s” tops itself up", benefit->id);
          if (g_str_has_prefix (ref, prefix) && g_hash_table_lookup (map, ref) == NULL)
            return model_error (error, document, benefit->line,
                                "unknown benefit to top up “%.250s”", ref);
        }

      for (guint c = 0; benefit->annual_caps && benefit->annual_caps[c]; c++)
        if (pn_document_find_annual_cap (document, benefit->annual_caps[c]) == NULL)
          return model_error (error, document, benefit->line,
                              "unknown annual cap “%.250s”", benefit->annual_caps[c]);
    }

  return check_top_up_cycles (benefits, resolve_in_map, map, error);
}

typedef struct
{
  PnCorpus   *corpus;
  PnDocument *document;
  GHashTable *own;      /* id → PnBenefit of `document` */
} CorpusResolver;

static PnBenefit *
resolve_in_corpus (gpointer    data,
                   const char *id)
{
  CorpusResolver *self = data;
  g_autofree char *prefix = g_strconcat (self->document->id, "/", NULL);

  if (g_str_has_prefix (id, prefix))
    return g_hash_table_lookup (self->own, id);
  /* another document's benefit, read with what it tops up; the corpus
   * may hold an older version of this one, which does not count */
  return pn_corpus_find_benefit (self->corpus, id, NULL);
}

static gboolean check_in_corpus (PnCorpus    *corpus,
                                 PnDocument  *document,
                                 GError     **error);

gboolean
pn_policy_loader_check_in_corpus (PnCorpus    *corpus,
                                  PnDocument  *document,
                                  GError     **error)
{
  g_return_val_if_fail (corpus != NULL, FALSE);
  g_return_val_if_fail (document != NULL && document->id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (check_in_corpus (corpus, document, error))
    return TRUE;
  one_line (error);
  return FALSE;
}

static gboolean
check_in_corpus (PnCorpus    *corpus,
                 PnDocument  *document,
                 GError     **error)
{
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GPtrArray) benefits = NULL;
  g_autoptr(GPtrArray) tops_up_into = NULL;
  g_autofree char *prefix = NULL;
  CorpusResolver resolver;

  own = benefits_by_id (document);
  resolver = (CorpusResolver) { corpus, document, own };
  benefits = all_benefits (document);

  for (guint i = 0; i < benefits->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (benefits, i);

      for (guint t = 0; benefit->tops_up && benefit->tops_up[t]; t++)
        if (resolve_in_corpus (&resolver, benefit->tops_up[t]) == NULL)
          return model_error (error, document, benefit->line,
                              "unknown benefit to top up “%.250s”", benefit->tops_up[t]);
    }

  /* What the others top up in the document this one replaces. */
  tops_up_into = _pn_corpus_get_top_ups_into (corpus, document->id, error);
  if (tops_up_into == NULL)
    return FALSE;
  prefix = g_strconcat (document->id, "/", NULL);
  for (guint i = 0; i < tops_up_into->len; i++)
    {
      PnBenefit *benefit = g_ptr_array_index (tops_up_into, i);
      PnDocument *other = benefit->document;

      for (guint t = 0; benefit->tops_up && benefit->tops_up[t]; t++)
        if (g_str_has_prefix (benefit->tops_up[t], prefix) &&
            g_hash_table_lookup (own, benefit->tops_up[t]) == NULL)
          return model_error (error, document, 1,
                              "“%s” (%s:%u) tops up “%.250s”, which this document does not have",
                              benefit->id,
                              other->file_name ? other->file_name : other->id,
                              benefit->line, benefit->tops_up[t]);
    }

  return check_top_up_cycles (benefits, resolve_in_corpus, &resolver, error);
}

/* ---- expected-result cases ---- */

/* An amount of a case: absent is PN_YUAN_UNSET */
static gboolean
case_yuan (xmlNode     *node,
           const char  *str,
           gint64      *out_yuan,
           const char  *name,
           GError     **error)
{
  *out_yuan = PN_YUAN_UNSET;
  return str == NULL || parse_yuan (node, str, out_yuan, name, error);
}

static gboolean
read_expectation (PnCase      *pcase,
                  xmlNode     *node,
                  const char  *name,
                  GError     **error)
{
  PnCaseExpectation *expectation = pn_case_add_expectation (pcase);
  g_autofree char *counted = attr (node, "counted-cny");
  g_autofree char *estimate = attr (node, "estimate-cny");
  g_autofree char *match = attr (node, "match");
  g_autofree char *status = attr (node, "status");

  expectation->benefit_id = attr (node, "benefit");
  expectation->line = xmlGetLineNo (node);
  expectation->listed = is_element (node, "expect");
  if (expectation->listed)
    {
      /* a missing counted-cny stays PN_YUAN_UNSET, which check_cases()
       * refuses in words */
      if (!case_yuan (node, counted, &expectation->counted_cny, name, error) ||
          !case_yuan (node, estimate, &expectation->estimate_cny, name, error))
        return FALSE;
      expectation->reason = attr (node, "reason");
      if (match != NULL)
        {
          expectation->has_match = TRUE;
          expectation->match = g_str_equal (match, "possible") ? PN_MATCH_POSSIBLE : PN_MATCH_DEFINITE;
        }
      if (status != NULL)
        {
          if (!pn_status_from_string (status, &expectation->status))
            return fail (error, name, node, "“%.40s” is not a status", status);
          expectation->has_status = TRUE;
        }
    }

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "quote"))
        {
          g_free (expectation->quote);
          expectation->quote = content (c);
        }
      else if (is_element (c, "note"))
        {
          PnText *note = new_text (c, name, error);

          if (note == NULL)
            return FALSE;
          g_ptr_array_add (expectation->notes, note);
        }
    }
  return TRUE;
}

static gboolean
read_case (PnDocument  *document,
           xmlNode     *node,
           const char  *name,
           GError     **error)
{
  PnCase *pcase = pn_document_add_case (document);

  pcase->name = attr (node, "name");
  if (!date_attr (node, "as-of", name, &pcase->as_of, error))
    return FALSE;
  pcase->line = xmlGetLineNo (node);

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_element (c, "note"))
        {
          PnText *note = new_text (c, name, error);

          if (note == NULL)
            return FALSE;
          g_ptr_array_add (pcase->notes, note);
        }
      else if (is_element (c, "answers"))
        {
          g_free (pcase->location);
          pcase->location = attr (c, "location");
          for (xmlNode *a = c->children; a != NULL; a = a->next)
            {
              PnQuestion question;

              if (is_element (a, NULL) &&
                  pn_question_from_string ((const char *) a->name, &question))
                {
                  g_free (pcase->answers[question]);
                  pcase->answers[question] = content (a);
                }
            }
        }
      else if (is_element (c, "figures"))
        {
          for (xmlNode *f = c->children; f != NULL; f = f->next)
            {
              g_autofree char *id = NULL;
              g_autofree char *value = NULL;
              PnFigure figure;

              if (!is_element (f, "figure"))
                continue;
              id = attr (f, "id");
              value = content (f);
              if (pn_figure_from_string (id, &figure) &&
                  !parse_yuan (f, value, &pcase->figures[figure], name, error))
                return FALSE;
            }
        }
      else if (is_element (c, "expect") || is_element (c, "not-listed"))
        {
          if (!read_expectation (pcase, c, name, error))
            return FALSE;
        }
      else if (is_element (c, "total"))
        {
          g_autofree char *cny = attr (c, "cny");

          if (!case_yuan (c, cny, &pcase->total_cny, name, error))
            return FALSE;
        }
    }
  return TRUE;
}

static PnBenefit *
find_benefit_in_document (PnDocument *document,
                          const char *id)
{
  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          if (g_strcmp0 (benefit->id, id) == 0)
            return benefit;
        }
    }

  return NULL;
}

static const char * const not_counted_ids[] = {
  "draft", "expired", "pending", "possible", "missing-figure", "threshold-not-met",
  "overlap", "amount-unspecified", "non-monetary", "nothing-due", "superseded", NULL,
};

/* What a case says must hold together, and name benefits of its own
 * document that exist; the schema cannot say either.  Benefits of other
 * documents are checked against a corpus by
 * pn_policy_loader_check_case_references(). */
static gboolean
check_cases (const char  *display_name,
             PnDocument  *document,
             PnTaxonomy  *taxonomy,
             GError     **error)
{
  g_autofree char *own_prefix = g_strconcat (document->id, "/", NULL);

  for (guint i = 0; i < document->cases->len; i++)
    {
      PnCase *pcase = g_ptr_array_index (document->cases, i);

      if (pcase->name == NULL || pcase->as_of == NULL || pcase->location == NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: a case needs a name, an as-of date and answers with a location",
                       display_name, pcase->line);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (((PnCase *) g_ptr_array_index (document->cases, j))->name, pcase->name) == 0)
          {
            g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                         "%s:%u: a second case named “%s”", display_name, pcase->line, pcase->name);
            return FALSE;
          }

      if (pcase->total_cny == PN_YUAN_UNSET && pcase->expectations->len == 0)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: case “%s” expects nothing", display_name, pcase->line, pcase->name);
          return FALSE;
        }

      if (taxonomy != NULL)
        {
          if (pn_taxonomy_get_location (taxonomy, pcase->location) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: unknown location “%s”",
                           display_name, pcase->line, pcase->name, pcase->location);
              return FALSE;
            }

          if (!pn_taxonomy_location_within (taxonomy, pcase->location, document->jurisdiction))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: location “%s” is outside the document's jurisdiction “%s”",
                           display_name, pcase->line, pcase->name, pcase->location,
                           document->jurisdiction);
              return FALSE;
            }

          for (guint q = 0; q < PN_N_QUESTIONS; q++)
            if (pcase->answers[q] != NULL && !_pn_taxonomy_has_answer (taxonomy, q, pcase->answers[q]))
              {
                g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                             "%s:%u: case “%s”: “%s” is no %s of the taxonomy",
                             display_name, pcase->line, pcase->name, pcase->answers[q],
                             pn_question_to_string (q));
                return FALSE;
              }
        }

      for (guint j = 0; j < pcase->expectations->len; j++)
        {
          PnCaseExpectation *expectation = g_ptr_array_index (pcase->expectations, j);
          const char *id = expectation->benefit_id;

          if (id == NULL || expectation->quote == NULL || expectation->quote[0] == '\0')
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: an expectation needs a benefit and the quoted sentence that justifies it",
                           display_name, expectation->line);
              return FALSE;
            }

          for (guint k = 0; k < j; k++)
            if (g_strcmp0 (((PnCaseExpectation *) g_ptr_array_index (pcase->expectations, k))->benefit_id, id) == 0)
              {
                g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                             "%s:%u: case “%s” expects “%s” twice",
                             display_name, expectation->line, pcase->name, id);
                return FALSE;
              }

          if (g_str_has_prefix (id, own_prefix) && find_benefit_in_document (document, id) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: no benefit “%s” in this document",
                           display_name, expectation->line, pcase->name, id);
              return FALSE;
            }

          if (!expectation->listed)
            continue;

          if (expectation->counted_cny == PN_YUAN_UNSET)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: counted-cny must be a whole number of yuan",
                           display_name, expectation->line);
              return FALSE;
            }

          if (expectation->reason != NULL &&
              !g_strv_contains (not_counted_ids, expectation->reason))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: unknown reason “%s”", display_name, expectation->line,
                           expectation->reason);
              return FALSE;
            }

          /* an amount that counts is a definite, in-force match whose
           * estimate is that amount, with no reason not to count */
          if (expectation->counted_cny > 0 &&
              (expectation->reason != NULL ||
               (expectation->has_match && expectation->match != PN_MATCH_DEFINITE) ||
               (expectation->has_status && expectation->status != PN_STATUS_IN_FORCE) ||
               (expectation->estimate_cny != PN_YUAN_UNSET &&
                expectation->estimate_cny != expectation->counted_cny)))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: case “%s”: “%s” counts %" G_GINT64_FORMAT
                           " yuan, so it must be a definite, in-force match with that estimate and no reason",
                           display_name, expectation->line, pcase->name, id,
                           expectation->counted_cny);
              return FALSE;
            }
        }
    }

  return TRUE;
}

gboolean
pn_policy_loader_check_case_references (PnDocument  *document,
                                        PnCorpus    *corpus,
                                        GError     **error)
{
  g_autofree char *own_prefix = NULL;
  const char *name;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (corpus != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  own_prefix = g_strconcat (document->id, "/", NULL);
  name = document->file_name ? document->file_name : document->id;
  for (guint i = 0; i < document->cases->len; i++)
    {
      PnCase *pcase = g_ptr_array_index (document->cases, i);

      for (guint j = 0; j < pcase->expectations->len; j++)
        {
          PnCaseExpectation *expectation = g_ptr_array_index (pcase->expectations, j);
          PnBenefit *benefit = find_benefit_in_document (document, expectation->benefit_id);

          /* the corpus may hold another version of this very document */
          if (benefit == NULL && !g_str_has_prefix (expectation->benefit_id, own_prefix))
            {
              benefit = pn_corpus_find_benefit (corpus, expectation->benefit_id, error);
              if (error != NULL && *error != NULL)
                return FALSE;
            }
          if (benefit == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: case “%s”: no benefit “%s” in the corpus",
                           name, expectation->line, pcase->name, expectation->benefit_id);
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
read_local_declarations (PnDocument     *document,
                         xmlNode        *root,
                         DocumentLines  *lines,
                         const char     *name,
                         GError        **error)
{
  xmlNode *node = child (root, "local-locations");

  if (node != NULL)
    {
      lines->locations_line = xmlGetLineNo (node);
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          g_autofree char *id = NULL;
          g_autofree char *parent = NULL;
          g_autofree char *level = NULL;
          PnText text = { NULL, NULL };

          if (!is_element (c, "location"))
            continue;
          id = need_attr (c, "id", name, error);
          if (id == NULL || !read_text (c, &text, name, error))
            {
              pn_text_clear (&text);
              return FALSE;
            }
          parent = attr (c, "parent");
          level = attr (c, "level");
          pn_document_add_local_location (document, id, parent, level, text.zh, text.en);
          pn_text_clear (&text);
        }
    }

  node = child (root, "local-units");
  if (node != NULL)
    {
      lines->units_line = xmlGetLineNo (node);
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        {
          g_autofree char *id = NULL;
          g_autofree char *location = NULL;
          PnText text = { NULL, NULL };

          if (!is_element (c, "unit"))
            continue;
          id = need_attr (c, "id", name, error);
          location = need_attr (c, "location", name, error);
          if (id == NULL || location == NULL || !read_text (c, &text, name, error))
            {
              pn_text_clear (&text);
              return FALSE;
            }
          pn_document_add_local_unit (document, id, location, text.zh, text.en);
          pn_text_clear (&text);
        }
    }
  return TRUE;
}

static gboolean
accepts_every_term (PnTaxonomy        *taxonomy,
                    const PnCondition *condition)
{
  GPtrArray *terms = pn_taxonomy_get_terms (taxonomy, pn_question_to_string (condition->question));

  if (terms == NULL || terms->len == 0 || condition->values == NULL)
    return FALSE;

  for (guint i = 0; i < terms->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (terms, i);

      if (!g_strv_contains ((const char * const *) condition->values, term->id))
        return FALSE;
    }

  return TRUE;
}

/* <local-locations> and <local-units>: each id new to the taxonomy, each
 * parent or place known (a local location may only name an earlier one, so
 * that the chain of places has no cycle). */
static gboolean
check_local_declarations (const char  *display_name,
                          PnDocument  *document,
                          PnTaxonomy  *taxonomy,
                          guint        locations_line,
                          guint        units_line,
                          GError     **error)
{
  for (guint i = 0; i < document->local_locations->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (document->local_locations, i);
      gboolean parent_known = term->parent == NULL ||
                              pn_taxonomy_get_location (taxonomy, term->parent) != NULL;

      if (pn_taxonomy_get_location (taxonomy, term->id) != NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local location “%s” is already a location of the taxonomy; "
                       "use it without declaring it",
                       display_name, locations_line, term->id);
          return FALSE;
        }

      for (guint j = 0; j < i && !parent_known; j++)
        {
          const PnTerm *earlier = g_ptr_array_index (document->local_locations, j);

          parent_known = g_strcmp0 (earlier->id, term->parent) == 0;
        }

      if (!parent_known)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local location “%s” lies in unknown location “%s” (neither in the "
                       "taxonomy nor declared before it)",
                       display_name, locations_line, term->id, term->parent);
          return FALSE;
        }
    }

  for (guint i = 0; i < document->local_units->len; i++)
    {
      const PnTerm *term = g_ptr_array_index (document->local_units, i);

      if (pn_taxonomy_get_unit (taxonomy, term->id) != NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local unit “%s” is already a unit of the taxonomy; "
                       "use it without declaring it",
                       display_name, units_line, term->id);
          return FALSE;
        }

      if (pn_document_lookup_location (document, taxonomy, term->parent) == NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%u: local unit “%s” lies in unknown location “%s”",
                       display_name, units_line, term->id, term->parent);
          return FALSE;
        }
    }

  return TRUE;
}

/* A benefit's readings: none, or exactly one chosen (the encoding as it
 * is, so it reads nothing differently) and others that each read some
 * point differently, under ids of their own. */
static gboolean
check_readings (const char  *display_name,
                PnBenefit   *benefit,
                GError     **error)
{
  guint chosen = 0;

  for (guint i = 0; i < benefit->readings->len; i++)
    {
      const PnReading *reading = g_ptr_array_index (benefit->readings, i);
      const char *problem = NULL;

      for (guint j = 0; j < i && problem == NULL; j++)
        if (g_strcmp0 (((PnReading *) g_ptr_array_index (benefit->readings, j))->id, reading->id) == 0)
          problem = "is there twice";
      if (problem == NULL && reading->chosen)
        {
          chosen++;
          if (reading->keep_lapsed_target)
            problem = "is chosen, so it must read nothing differently from the encoding";
        }
      else if (problem == NULL && !reading->keep_lapsed_target)
        problem = "reads nothing differently from the chosen reading";
      if (problem == NULL && reading->keep_lapsed_target && benefit->kind != PN_BENEFIT_TOP_UP)
        problem = "says how a top-up deducts its target, but the benefit is no top-up";

      if (problem != NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: reading “%s” of %s %s", display_name, benefit->line,
                       reading->id, benefit->id, problem);
          return FALSE;
        }
    }

  if (benefit->readings->len > 0 && chosen != 1)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%u: %s has readings but %u chosen ones; exactly one must be chosen=\"true\"",
                   display_name, benefit->line, benefit->id, chosen);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_units (const char  *display_name,
             PnDocument  *document,
             PnTaxonomy  *taxonomy,
             GError     **error)
{

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->units->len; j++)
        {
          PnUnitRef *ref = g_ptr_array_index (article->units, j);

          if (pn_document_lookup_unit (document, taxonomy, ref->id) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: unknown responsible unit “%s” (neither in the taxonomy "
                           "nor in the document's local-units)",
                           display_name, article->line, ref->id);
              return FALSE;
            }
        }

      if (article->valid_from != NULL && article->valid_until != NULL &&
          strcmp (article->valid_from, article->valid_until) > 0)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                       "%s:%u: deadline of article %s ends (%s) before it starts (%s)",
                       display_name, article->line, article->number,
                       article->valid_until, article->valid_from);
          return FALSE;
        }

      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);
          g_autofree char *prefix = g_strconcat (document->id, "/", article->number, "/", NULL);

          if (!g_str_has_prefix (benefit->id, prefix))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                           "%s:%u: benefit id “%s” must start with “%s”",
                           display_name, benefit->line, benefit->id, prefix);
              return FALSE;
            }

          /* a share of a figure with no share: it was priced at 0%
           * ("0% × R&D investment = ¥0 … nothing is due") */
          if (benefit->base != PN_FIGURE_NONE && benefit->rate < 0 &&
              (benefit->kind == PN_BENEFIT_RATE || benefit->kind == PN_BENEFIT_MATCHING ||
               benefit->kind == PN_BENEFIT_TOP_UP))
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_MODEL,
                           "%s:%u: benefit “%s” is a share of %s (<base>) but gives no <rate>",
                           display_name, benefit->line, benefit->id, pn_figure_to_string (benefit->base));
              return FALSE;
            }

          if (!check_readings (display_name, benefit, error))
            return FALSE;

          if (benefit->overlap_group != NULL &&
              pn_taxonomy_get_group (taxonomy, benefit->overlap_group) == NULL)
            {
              g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                           "%s:%u: unknown overlap group “%s” (not in the taxonomy)",
                           display_name, benefit->line, benefit->overlap_group);
              return FALSE;
            }

          for (guint u = 0; u < benefit->units->len; u++)
            {
              PnUnitRef *ref = g_ptr_array_index (benefit->units, u);

              if (pn_document_lookup_unit (document, taxonomy, ref->id) == NULL)
                {
                  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                               "%s:%u: unknown responsible unit “%s” (neither in the taxonomy "
                               "nor in the document's local-units)",
                               display_name, benefit->line, ref->id);
                  return FALSE;
                }
            }

          for (guint c = 0; c < benefit->conditions->len; c++)
            {
              PnCondition *condition = g_ptr_array_index (benefit->conditions, c);

              condition->asks_nothing = accepts_every_term (taxonomy, condition);
              g_free (condition->value_quarks);
              condition->value_quarks = _pn_condition_quarks (taxonomy, condition->question, condition->values);
              g_free (condition->review_quarks);
              condition->review_quarks = _pn_condition_quarks (taxonomy, condition->question, condition->review);
            }
        }
    }

  return TRUE;
}


static PnDocument *load_document (const char  *display_name,
                                  GBytes      *bytes,
                                  PnTaxonomy  *taxonomy,
                                  gboolean     validate_schema,
                                  GError     **error);

PnDocument *
pn_policy_loader_load_document (const char  *display_name,
                                GBytes      *bytes,
                                PnTaxonomy  *taxonomy,
                                GError     **error)
{
  return load_document (display_name, bytes, taxonomy, TRUE, error);
}

/* ---- validating while the caller works ---- */

static PnDocument *build_document (const char  *display_name,
                                   xmlNode     *root,
                                   PnTaxonomy  *taxonomy,
                                   GError     **error);

/* An import spent 12 ms validating against the schema before it built the
 * model and wrote it, on a machine with cores to spare.  Here the schema
 * check runs in a thread of its own while this thread builds the model and
 * the store writes it in its (uncommitted) transaction; the store commits
 * only once the check passed.  The outcome is the sequential one: a file
 * the schema refuses gives the schema's error, whatever else failed
 * meanwhile.  The tree is only read by both sides (no DTD, no xs:ID, no
 * default attributes added: XML_SCHEMA_VAL_VC_I_CREATE is not set). */
struct _PnLoaderValidation
{
  xmlDoc  *doc;
  char    *display_name;
  GThread *thread;
  GError  *error;

  GMutex   lock;
  GCond    cond;
  /* the tree is parsed (doc, or NULL when there is none to check): the
   * thread, which compiled the schema meanwhile, may check it */
  gboolean handed_over;
  /* the model is built: the thread frees the tree (1 ms) once done */
  gboolean released;
};

static void
hand_over_tree (PnLoaderValidation *validation,
                xmlDoc             *doc)
{
  g_mutex_lock (&validation->lock);
  validation->doc = doc;
  validation->handed_over = TRUE;
  g_cond_broadcast (&validation->cond);
  g_mutex_unlock (&validation->lock);
}

static void
release_tree (PnLoaderValidation *validation)
{
  g_mutex_lock (&validation->lock);
  validation->released = TRUE;
  g_cond_broadcast (&validation->cond);
  g_mutex_unlock (&validation->lock);
}

static gpointer
validation_thread (gpointer data)
{
  PnLoaderValidation *validation = data;
  xmlDoc *doc;

  quiet_libxml ();  /* libxml2's error handlers are per thread */
  get_schema ();    /* compiled while the first file is parsed */

  g_mutex_lock (&validation->lock);
  while (!validation->handed_over)
    g_cond_wait (&validation->cond, &validation->lock);
  doc = validation->doc;
  g_mutex_unlock (&validation->lock);

  if (doc != NULL)
    validate (validation->display_name, doc, &validation->error);

  g_mutex_lock (&validation->lock);
  while (!validation->released)
    g_cond_wait (&validation->cond, &validation->lock);
  g_mutex_unlock (&validation->lock);
  g_clear_pointer (&validation->doc, xmlFreeDoc);
  return NULL;
}

static void
validation_free (PnLoaderValidation *validation)
{
  g_clear_pointer (&validation->doc, xmlFreeDoc);
  g_clear_error (&validation->error);
  g_mutex_clear (&validation->lock);
  g_cond_clear (&validation->cond);
  g_free (validation->display_name);
  g_free (validation);
}

gboolean
_pn_loader_validation_finish (PnLoaderValidation  *validation,
                              GError             **error)
{
  gboolean ok;

  release_tree (validation);
  if (validation->thread != NULL)
    g_thread_join (validation->thread);
  ok = validation->error == NULL;
  if (!ok)
    {
      one_line (&validation->error);
      g_propagate_error (error, g_steal_pointer (&validation->error));
    }
  validation_free (validation);
  return ok;
}

/* the file did not parse: nothing for the thread to check */
static void
validation_abandon (PnLoaderValidation *validation)
{
  hand_over_tree (validation, NULL);
  release_tree (validation);
  if (validation->thread != NULL)
    g_thread_join (validation->thread);
  validation_free (validation);
}

PnDocument *
_pn_policy_loader_load_document_validating (const char          *display_name,
                                            GBytes              *bytes,
                                            PnTaxonomy          *taxonomy,
                                            PnLoaderValidation **out_validation,
                                            GError             **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GError) model_error = NULL;
  PnLoaderValidation *validation;
  xmlNode *root;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (out_validation != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *out_validation = NULL;

  /* The thread starts first and compiles the schema (the first time)
   * while this one parses; libxml2 is set up here, once, before two
   * threads use it. */
  xmlInitParser ();
  validation = g_new0 (PnLoaderValidation, 1);
  validation->display_name = g_strdup (display_name);
  g_mutex_init (&validation->lock);
  g_cond_init (&validation->cond);
  validation->thread = g_thread_try_new ("pn-validate", validation_thread, validation, NULL);

  doc = parse_bytes (display_name, bytes, "policy-document", error);
  if (doc == NULL)
    {
      validation_abandon (validation);
      one_line (error);
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (!check_unique_ids (display_name, root, error))
    {
      validation_abandon (validation);
      one_line (error);
      return NULL;
    }

  hand_over_tree (validation, g_steal_pointer (&doc));
  if (validation->thread == NULL)
    validate (display_name, validation->doc, &validation->error);

  document = build_document (display_name, root, taxonomy, &model_error);
  release_tree (validation);
  if (document == NULL)
    {
      /* the schema's error first, as when it ran first */
      if (_pn_loader_validation_finish (validation, error))
        {
          one_line (&model_error);
          g_propagate_error (error, g_steal_pointer (&model_error));
        }
      return NULL;
    }

  *out_validation = validation;
  return g_steal_pointer (&document);
}

/* For XML the store validated when it was imported: parsed with the same
 * safe options and budget, checked against the taxonomy and the model's
 * rules, but not against the schema again.  What the schema would have
 * caught is an error here too, never an assertion: the database may have
 * been changed behind our back. */
PnDocument *
_pn_policy_loader_load_stored_document (const char  *display_name,
                                        GBytes      *bytes,
                                        PnTaxonomy  *taxonomy,
                                        GError     **error)
{
  return load_document (display_name, bytes, taxonomy, FALSE, error);
}

static gboolean
read_document (PnDocument     *document,
               xmlNode        *root,
               const char     *display_name,
               DocumentLines  *lines,
               GError     **error)
{
  g_autofree char *status = attr (root, "status");
  xmlNode *node;

  document->id = need_attr (root, "id", display_name, error);
  if (document->id == NULL)
    return FALSE;
  document->draft = g_strcmp0 (status, "draft") == 0;
  document->doc_number = text_one_line (child_content (root, "doc-number"));
  if (!need_text (root, "title", &document->title, display_name, error) ||
      !need_text (root, "issuer", &document->issuer, display_name, error))
    return FALSE;
  if (!read_local_declarations (document, root, lines, display_name, error))
    return FALSE;
  node = child (root, "jurisdiction");
  document->jurisdiction = content (node);
  if (document->jurisdiction == NULL)
    return fail (error, display_name, root, "the document has no <jurisdiction>");
  lines->jurisdiction_line = xmlGetLineNo (node);

  node = child (root, "validity");
  if (!date_attr (node, "issued", display_name, &document->issued, error) ||
      !date_attr (node, "in-force-from", display_name, &document->in_force_from, error) ||
      !date_attr (node, "in-force-until", display_name, &document->in_force_until, error) ||
      !date_attr (node, "applies-from", display_name, &document->applies_from, error))
    return FALSE;
  /* ISO dates compare as strings; the schema checked they are dates. */
  if (document->in_force_from != NULL && document->in_force_until != NULL &&
      strcmp (document->in_force_from, document->in_force_until) > 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: the document ends (in-force-until, %.20s) before it takes effect (in-force-from, %.20s)",
                   display_name, xmlGetLineNo (node), document->in_force_until,
                   document->in_force_from);
      return FALSE;
    }
  if (document->applies_from != NULL && document->in_force_from != NULL &&
      strcmp (document->applies_from, document->in_force_from) > 0)
    {
      g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                   "%s:%ld: the date conduct counts from (applies-from, %.20s) is after the date the document takes effect (in-force-from, %.20s); it may only reach back before it",
                   display_name, xmlGetLineNo (node), document->applies_from,
                   document->in_force_from);
      return FALSE;
    }

  node = child (root, "source");
  document->source_file = attr (node, "file");
  if (!date_attr (node, "last-verified", display_name, &document->last_verified, error))
    return FALSE;

  guint n_supersedes = 0;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      g_autofree char *ref = NULL;
      g_autofree char *from = NULL;

      if (!is_element (c, "supersedes"))
        continue;
      ref = need_attr (c, "ref", display_name, error);
      if (ref == NULL || !date_attr (c, "from", display_name, &from, error))
        return FALSE;
      if (from == NULL)
        return fail (error, display_name, c, "<supersedes> has no from attribute");
      if (++n_supersedes > PN_POLICY_MAX_EXTENDS)
        return fail (error, display_name, c, "a document supersedes at most %u others", PN_POLICY_MAX_EXTENDS);
      if (g_strcmp0 (ref, document->id) == 0)
        return fail (error, display_name, c, "the document cannot supersede itself");
      for (guint i = 0; i < document->supersedes->len; i++)
        if (g_str_equal (((PnSupersession *) g_ptr_array_index (document->supersedes, i))->ref, ref))
          return fail (error, display_name, c, "it supersedes “%.100s” twice", ref);
      pn_document_add_supersession (document, ref, from);
    }

  guint n_extends = 0;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      g_autofree char *ref = NULL;
      g_autofree char *until = NULL;

      if (!is_element (c, "extends"))
        continue;
      ref = need_attr (c, "ref", display_name, error);
      if (ref == NULL || !date_attr (c, "until", display_name, &until, error))
        return FALSE;
      if (until == NULL)
        return fail (error, display_name, c, "<extends> has no until attribute");
      if (++n_extends > PN_POLICY_MAX_EXTENDS)
        return fail (error, display_name, c, "a document extends at most %u others", PN_POLICY_MAX_EXTENDS);
      if (g_strcmp0 (ref, document->id) == 0)
        return fail (error, display_name, c, "the document cannot extend itself");
      for (guint i = 0; i < document->extends->len; i++)
        if (g_str_equal (((PnExtension *) g_ptr_array_index (document->extends, i))->ref, ref))
          return fail (error, display_name, c, "it extends “%.100s” twice", ref);
      for (guint i = 0; i < document->supersedes->len; i++)
        if (g_str_equal (((PnSupersession *) g_ptr_array_index (document->supersedes, i))->ref, ref))
          return fail (error, display_name, c, "it both supersedes and extends “%.100s”", ref);
      pn_document_add_extension (document, ref, until);
    }

  node = child (root, "overlap-rule");
  if (node != NULL)
    {
      document->overlap_principle = attr (node, "principle");
      document->overlap_where = attr (node, "where");
      document->overlap_quote = child_content (node, "quote");
      document->overlap_en = child_content (node, "en");
    }

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (is_element (c, "note"))
        {
          PnText *note = new_text (c, display_name, error);

          if (note == NULL)
            return FALSE;
          g_ptr_array_add (document->notes, note);
        }
      else if (is_element (c, "annual-cap"))
        {
          PnAnnualCap *cap = pn_annual_cap_new ();
          g_autofree char *amount = attr (c, "amount");

          g_ptr_array_add (document->annual_caps, cap);
          cap->id = need_attr (c, "id", display_name, error);
          if (cap->id == NULL || !parse_yuan (c, amount, &cap->amount, display_name, error))
            return FALSE;
          /* the engine holds awards under a cap by its id, across
           * documents: another document's cap id would be this one's
           * (an award under its own ¥1 cap counted in full) */
          if (document->id != NULL)
            {
              g_autofree char *prefix = g_strconcat (document->id, "/caps/", NULL);

              if (!g_str_has_prefix (cap->id, prefix))
                {
                  g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_INVALID,
                               "%s:%u: annual cap id “%.200s” must start with “%s”",
                               display_name, xmlGetLineNo (c) > 0 ? (guint) xmlGetLineNo (c) : 0,
                               cap->id, prefix);
                  return FALSE;
                }
            }
          cap->per = attr (c, "per");
          cap->article = attr (c, "article");
          if (!read_text (c, &cap->text, display_name, error))
            return FALSE;
        }
      else if (is_element (c, "article"))
        {
          if (!read_article (document, c, display_name, error))
            return FALSE;
        }
      else if (is_element (c, "cases"))
        {
          for (xmlNode *k = c->children; k != NULL; k = k->next)
            if (is_element (k, "case") && !read_case (document, k, display_name, error))
              return FALSE;
        }
    }

  return TRUE;
}

static PnDocument *load_document_tree (const char  *display_name,
                                       GBytes      *bytes,
                                       PnTaxonomy  *taxonomy,
                                       gboolean     validate_schema,
                                       GError     **error);

static PnDocument *
load_document (const char  *display_name,
               GBytes      *bytes,
               PnTaxonomy  *taxonomy,
               gboolean     validate_schema,
               GError     **error)
{
  PnDocument *document;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = load_document_tree (display_name, bytes, taxonomy, validate_schema, error);
  if (document == NULL)
    one_line (error);
  return document;
}

static PnDocument *
load_document_tree (const char  *display_name,
                    GBytes      *bytes,
                    PnTaxonomy  *taxonomy,
                    gboolean     validate_schema,
                    GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  doc = parse_bytes (display_name, bytes, "policy-document", error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!check_unique_ids (display_name, root, error))
    return NULL;
  if (validate_schema && !validate (display_name, doc, error))
    return NULL;

  return build_document (display_name, root, taxonomy, error);
}

/* The model of a parsed document and its rules.  Never trusts the tree to
 * be schema-valid (stored documents are not validated again, and an
 * import validates in another thread meanwhile): it reads it only. */
static PnDocument *
build_document (const char  *display_name,
                xmlNode     *root,
                PnTaxonomy  *taxonomy,
                GError     **error)
{
  g_autoptr(PnDocument) document = NULL;
  DocumentLines lines = { 0, 0, 1 };

  document = pn_document_new ();
  document->file_name = g_strdup (display_name);
  if (!read_document (document, root, display_name, &lines, error))
    return NULL;

  pn_document_seal (document);

  if (!check_model (document, error))
    return NULL;

  if (taxonomy != NULL)
    {
      if (!check_local_declarations (display_name, document, taxonomy,
                                     lines.locations_line, lines.units_line, error))
        return NULL;

      if (pn_document_lookup_location (document, taxonomy, document->jurisdiction) == NULL)
        {
          g_set_error (error, PN_POLICY_ERROR, PN_POLICY_ERROR_REFERENCE,
                       "%s:%ld: unknown jurisdiction “%.100s” (neither a location of the taxonomy "
                       "nor declared in <local-locations>)",
                       display_name, lines.jurisdiction_line, document->jurisdiction);
          return NULL;
        }

      if (!check_units (display_name, document, taxonomy, error))
        return NULL;
    }
  if (!check_cases (display_name, document, taxonomy, error))
    return NULL;

  return g_steal_pointer (&document);
}

PnDocument *
pn_policy_loader_load_document_file_bytes (GFile       *file,
                                           PnTaxonomy  *taxonomy,
                                           GBytes     **out_bytes,
                                           GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PnDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = pn_policy_loader_read_file (file, PN_POLICY_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  document = pn_policy_loader_load_document (name, bytes, taxonomy, error);
  if (document != NULL && out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);
  return document;
}

PnDocument *
pn_policy_loader_load_document_file (GFile       *file,
                                     PnTaxonomy  *taxonomy,
                                     GError     **error)
{
  return pn_policy_loader_load_document_file_bytes (file, taxonomy, NULL, error);
}

static void
read_locations (PnTaxonomy *taxonomy,
                xmlNode    *node,
                const char *parent)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *level = NULL;
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      if (!is_element (c, "location"))
        continue;

      id = attr (c, "id");
      level = attr (c, "level");
      zh = child_content (c, "zh");
      en = child_content (c, "en");
      pn_taxonomy_add_location (taxonomy, id, parent, level, zh, en);
      read_locations (taxonomy, c, id);
    }
}

PnTaxonomy *
pn_policy_loader_load_taxonomy (const char  *display_name,
                                GBytes      *bytes,
                                GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PnTaxonomy) taxonomy = NULL;
  xmlNode *root;

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  doc = parse_bytes (display_name, bytes, "taxonomy", error);
  if (doc == NULL || !validate (display_name, doc, error))
    {
      one_line (error);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  taxonomy = pn_taxonomy_new ();

  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      if (is_element (c, "locations"))
        read_locations (taxonomy, c, NULL);
      else if (is_element (c, "vocabulary"))
        {
          g_autofree char *vocabulary = attr (c, "id");

          for (xmlNode *t = c->children; t != NULL; t = t->next)
            {
              g_autofree char *id = NULL;
              g_autofree char *zh = NULL;
              g_autofree char *en = NULL;

              if (!is_element (t, "term"))
                continue;
              id = attr (t, "id");
              zh = child_content (t, "zh");
              en = child_content (t, "en");
              pn_taxonomy_add_term (taxonomy, vocabulary, id, zh, en);
            }
        }
      else if (is_element (c, "overlap-groups") || is_element (c, "units"))
        {
          gboolean units = is_element (c, "units");

          for (xmlNode *t = c->children; t != NULL; t = t->next)
            {
              g_autofree char *id = NULL;
              g_autofree char *location = NULL;
              g_autofree char *zh = NULL;
              g_autofree char *en = NULL;

              if (!is_element (t, NULL))
                continue;
              id = attr (t, "id");
              zh = child_content (t, "zh");
              en = child_content (t, "en");
              if (units)
                {
                  location = attr (t, "location");
                  pn_taxonomy_add_unit (taxonomy, id, location, zh, en);
                }
              else
                pn_taxonomy_add_group (taxonomy, id, zh, en);
            }
        }
    }

  return g_steal_pointer (&taxonomy);
}

PnTaxonomy *
pn_policy_loader_load_bundled_taxonomy (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  _pn_corpus_ensure_registered ();
  bytes = g_resources_lookup_data (PN_CORPUS_RESOURCE_PATH "/taxonomy.xml", 0, error);
  if (bytes == NULL)
    return NULL;

  return pn_policy_loader_load_taxonomy ("taxonomy.xml", bytes, error);
}

static GStrv
bundled_policy_names (void)
{
  GStrv names;

  _pn_corpus_ensure_registered ();
  names = g_resources_enumerate_children (PN_CORPUS_RESOURCE_PATH "/policies/", 0, NULL);

  if (names == NULL)
    names = g_new0 (char *, 1);
  qsort (names, g_strv_length (names), sizeof (char *), pn_compare_strings);
  return names;
}

GPtrArray *
pn_policy_loader_load_bundled_documents (PnTaxonomy  *taxonomy,
                                         GError     **error)
{
  g_auto(GStrv) names = bundled_policy_names ();
  g_autoptr(GPtrArray) documents = NULL;

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_document_unref);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_strconcat (PN_CORPUS_RESOURCE_PATH "/policies/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      PnDocument *document;

      if (bytes == NULL)
        return NULL;

      document = pn_policy_loader_load_document (names[i], bytes, taxonomy, error);
      if (document == NULL)
        return NULL;
      g_ptr_array_add (documents, document);
    }

  return g_steal_pointer (&documents);
}
