/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-editor-document"

#include "config.h"

#include "pn-editor-document.h"

#include "pn-policy-loader.h"
#include "pn-policy-writer.h"

#include <glib/gi18n.h>
#include <string.h>

struct _PnEditorDocument
{
  GObject         parent_instance;

  PnDocument     *document;
  GPtrArray      *figures;        /* PnDraftFigure (owned copies) */
  PnCorpus       *corpus;
  GFile          *file;

  guint           revision;       /* bumped by every change */

  /* saving: a thread writes, under `write_lock`, a revision newer than
   * the last one written; save_now() takes the same lock */
  GMutex          write_lock;
  guint           written_revision;   /* under write_lock */
  guint           saved_revision;     /* main thread: last write reported */
  gboolean        stopped;            /* discarded: never written again */
  guint           save_source;
  gboolean        saving;
  GError         *save_error;

  /* checking */
  guint           check_source;
  guint           checking_revision;
  PnEditorCheck   check;
  PnEditorIssue  *issue;
  PnDocument     *checked;
  GBytes         *checked_bytes;
  GCancellable   *cancellable;
};

enum {
  PROP_0,
  PROP_CHECK,
  PROP_SAVED,
  PROP_N_REVIEWED,
  PROP_FILE,
  N_PROPS
};

enum {
  CHANGED,
  CHECKED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PnEditorDocument, pn_editor_document, G_TYPE_OBJECT)

/* ---- issues: the loader's line, placed in the written document ---- */

void
pn_editor_issue_free (PnEditorIssue *issue)
{
  if (issue == NULL)
    return;
  g_free (issue->message);
  g_free (issue->full);
  g_free (issue->article);
  g_free (issue->benefit);
  g_free (issue->case_name);
  g_free (issue->element);
  g_free (issue);
}

/* The value of attribute `name` in a start tag at `tag` (up to `end`). */
static char *
tag_attribute (const char *tag,
               const char *end,
               const char *name)
{
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  const char *found = g_strstr_len (tag, end - tag, needle);
  const char *value;
  const char *close;

  if (found == NULL)
    return NULL;
  value = found + strlen (needle);
  close = memchr (value, '"', end - value);
  if (close == NULL)
    return NULL;
  /* ids and numbers hold no entities */
  return g_strndup (value, close - value);
}

/* "name:LINE: reason" → LINE and where the reason starts; 0 when none. */
static guint
split_error (const char  *message,
             const char **out_reason)
{
  for (const char *p = strchr (message, ':'); p != NULL; p = strchr (p + 1, ':'))
    {
      const char *digits = p + 1;
      const char *q = digits;
      guint64 line;

      while (g_ascii_isdigit (*q))
        q++;
      if (q == digits || q[0] != ':' || q[1] != ' ')
        continue;
      line = g_ascii_strtoull (digits, NULL, 10);
      if (line == 0 || line > G_MAXUINT)
        continue;
      *out_reason = q + 2;
      return (guint) line;
    }

  *out_reason = message;
  return 0;
}

PnEditorIssue *
pn_editor_issue_new (GBytes       *bytes,
                     const GError *error)
{
  PnEditorIssue *issue = g_new0 (PnEditorIssue, 1);
  g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *article = NULL;
  g_autofree char *benefit = NULL;
  g_autofree char *case_name = NULL;
  const char *reason;
  const char *data;
  const char *end;
  const char *line;
  gsize size = 0;
  guint number = 1;

  g_return_val_if_fail (error != NULL, NULL);

  issue->full = g_strdup (error->message);
  issue->line = split_error (error->message, &reason);
  issue->message = g_strdup (reason);
  if (issue->line == 0 || bytes == NULL)
    return issue;

  data = g_bytes_get_data (bytes, &size);
  end = data + size;
  for (line = data; line < end && number <= issue->line; number++)
    {
      const char *eol = memchr (line, '\n', end - line);
      g_autofree char *first = NULL;
      g_autofree char *parent = NULL;
      gboolean close_article = FALSE, close_benefit = FALSE, close_case = FALSE;

      if (eol == NULL)
        eol = end;

      /* every tag of the line, in order, on a stack of open elements */
      for (const char *p = memchr (line, '<', eol - line); p != NULL && p < eol;
           p = memchr (p + 1, '<', eol - (p + 1)))
        {
          const char *tag_end = memchr (p, '>', eol - p);
          const char *name = p + 1;
          const char *name_end;
          g_autofree char *tag = NULL;

          if (tag_end == NULL)
            break;
          if (*name == '?' || *name == '!')
            continue;
          if (*name == '/')
            {
              name++;
              for (name_end = name; name_end < tag_end && !g_ascii_isspace (*name_end); name_end++)
                ;
              tag = g_strndup (name, name_end - name);
              if (g_str_equal (tag, "article"))
                close_article = TRUE;
              else if (g_str_equal (tag, "benefit"))
                close_benefit = TRUE;
              else if (g_str_equal (tag, "case"))
                close_case = TRUE;
              if (stack->len > 0)
                g_ptr_array_remove_index (stack, stack->len - 1);
              continue;
            }

          for (name_end = name; name_end < tag_end && !g_ascii_isspace (*name_end) && *name_end != '/';
               name_end++)
            ;
          tag = g_strndup (name, name_end - name);
          if (first == NULL)
            {
              first = g_strdup (tag);
              parent = stack->len > 0 ? g_strdup (g_ptr_array_index (stack, stack->len - 1)) : NULL;
            }
          if (g_str_equal (tag, "article"))
            {
              g_free (article);
              article = tag_attribute (p, tag_end, "number");
              g_clear_pointer (&benefit, g_free);
            }
          else if (g_str_equal (tag, "benefit"))
            {
              g_free (benefit);
              benefit = tag_attribute (p, tag_end, "id");
            }
          else if (g_str_equal (tag, "case"))
            {
              g_free (case_name);
              case_name = tag_attribute (p, tag_end, "name");
            }
          if (tag_end[-1] != '/')
            g_ptr_array_add (stack, g_steal_pointer (&tag));
        }

      if (number == issue->line)
        {
          issue->article = g_strdup (article);
          issue->benefit = g_strdup (benefit);
          issue->case_name = g_strdup (case_name);
          /* a text of two languages says whose: "title/zh" */
          if (first != NULL && parent != NULL &&
              (g_str_equal (first, "zh") || g_str_equal (first, "en")))
            issue->element = g_strdup_printf ("%s/%s", parent, first);
          else if (first == NULL && stack->len > 0)
            issue->element = g_strdup (g_ptr_array_index (stack, stack->len - 1));
          else
            issue->element = g_steal_pointer (&first);
        }

      if (close_benefit)
        g_clear_pointer (&benefit, g_free);
      if (close_article)
        {
          g_clear_pointer (&article, g_free);
          g_clear_pointer (&benefit, g_free);
        }
      if (close_case)
        g_clear_pointer (&case_name, g_free);
      line = eol + 1;
    }

  return issue;
}

/* ---- properties ---- */

static void
set_check (PnEditorDocument *self,
           PnEditorCheck     check)
{
  if (self->check == check)
    return;
  self->check = check;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECK]);
}

static void
notify_saved (PnEditorDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
}

static char *
display_name (PnEditorDocument *self)
{
  return self->file != NULL ? g_file_get_basename (self->file) : g_strconcat (self->document->id, ".xml", NULL);
}

/* ---- saving ---- */

typedef struct
{
  GFile   *file;
  GBytes  *bytes;
  guint    revision;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

/* A newer revision written already (save_now) is never overwritten. */
static gboolean
write_revision (PnEditorDocument  *self,
                GFile             *file,
                GBytes            *bytes,
                guint              revision,
                GError           **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_mutex_lock (&self->write_lock);
  /* (G_MAXUINT once discarded: nothing is newer) */
  if (revision > self->written_revision)
    {
      if (parent != NULL &&
          !g_file_make_directory_with_parents (parent, NULL, &local_error) &&
          !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
        }
      /* g_file_replace_contents() writes a new file and renames it over
       * the old one: a crash leaves one or the other, whole. */
      else if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, error))
        ok = FALSE;
      else
        self->written_revision = revision;
    }
  g_mutex_unlock (&self->write_lock);

  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable G_GNUC_UNUSED)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (write_revision (PN_EDITOR_DOCUMENT (source_object), data->file, data->bytes, data->revision, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void schedule_save (PnEditorDocument *self,
                           guint             delay_ms);

static void
set_save_error (PnEditorDocument *self,
                GError           *error)
{
  g_clear_error (&self->save_error);
  self->save_error = error;
  notify_saved (self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data G_GNUC_UNUSED)
{
  PnEditorDocument *self = PN_EDITOR_DOCUMENT (object);
  SaveData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_warning ("Cannot save the draft: %s", error->message);
      set_save_error (self, error);
      return;
    }

  self->saved_revision = MAX (self->saved_revision, data->revision);
  if (self->save_error != NULL)
    set_save_error (self, NULL);
  if (self->saved_revision == self->revision)
    {
      notify_saved (self);
      g_signal_emit (self, signals[SAVED], 0);
    }
  else
    schedule_save (self, PN_EDITOR_SAVE_DELAY_MS);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  PnEditorDocument *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *data;
  GBytes *bytes;

  self->save_source = 0;
  if (self->saving)
    return G_SOURCE_REMOVE;   /* save_done_cb() comes back */

  bytes = pn_policy_writer_write (self->document, &error);
  if (bytes == NULL)
    {
      set_save_error (self, g_steal_pointer (&error));
      return G_SOURCE_REMOVE;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (self->file);
  data->bytes = bytes;
  data->revision = self->revision;
  self->saving = TRUE;
  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_source_tag (task, save_timeout_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);

  return G_SOURCE_REMOVE;
}

/* At most `delay_ms` after the first change not written: typing on does
 * not put the write off. */
static void
schedule_save (PnEditorDocument *self,
               guint             delay_ms)
{
  if (self->save_source != 0 || self->file == NULL || self->stopped)
    return;
  self->save_source = g_timeout_add (delay_ms, save_timeout_cb, self);
}

gboolean
pn_editor_document_save_now (PnEditorDocument  *self,
                             GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), FALSE);

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->stopped || (self->saved_revision == self->revision && self->save_error == NULL))
    return TRUE;

  bytes = pn_policy_writer_write (self->document, error);
  if (bytes == NULL || !write_revision (self, self->file, bytes, self->revision, error))
    return FALSE;

  self->saved_revision = self->revision;
  if (self->save_error != NULL)
    set_save_error (self, NULL);
  notify_saved (self);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

void
pn_editor_document_stop_saving (PnEditorDocument *self)
{
  g_return_if_fail (PN_IS_EDITOR_DOCUMENT (self));

  self->stopped = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  /* a write under way in a thread finishes first; none starts after */
  g_mutex_lock (&self->write_lock);
  self->written_revision = G_MAXUINT;
  g_mutex_unlock (&self->write_lock);
}

gboolean
pn_editor_document_get_saved (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), FALSE);

  return self->saved_revision == self->revision && self->save_error == NULL;
}

const GError *
pn_editor_document_get_save_error (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);

  return self->save_error;
}

/* ---- checking ---- */

typedef struct
{
  char       *name;
  GBytes     *bytes;
  PnCorpus   *corpus;
  guint       revision;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->name);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->corpus, pn_corpus_unref);
  g_free (data);
}

/* What an import checks: the schema, the model, the taxonomy, then the
 * corpus the document joins and the benefits its cases name. */
static void
check_thread (GTask        *task,
              gpointer      source_object G_GNUC_UNUSED,
              gpointer      task_data,
              GCancellable *cancellable G_GNUC_UNUSED)
{
  CheckData *data = task_data;
  GError *error = NULL;
  g_autoptr(PnDocument) document = NULL;

  document = pn_policy_loader_load_document (data->name, data->bytes,
                                             pn_corpus_get_taxonomy (data->corpus), &error);
  if (document != NULL &&
      pn_policy_loader_check_in_corpus (data->corpus, document, &error) &&
      pn_policy_loader_check_case_references (document, data->corpus, &error))
    {
      g_task_return_pointer (task, g_steal_pointer (&document), (GDestroyNotify) pn_document_unref);
      return;
    }

  g_task_return_error (task, error);
}

static void
set_issue (PnEditorDocument *self,
           PnEditorIssue    *issue)
{
  g_clear_pointer (&self->issue, pn_editor_issue_free);
  self->issue = issue;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data G_GNUC_UNUSED)
{
  PnEditorDocument *self;
  CheckData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  PnDocument *document;

  document = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = PN_EDITOR_DOCUMENT (object);
  /* changed meanwhile: the next check says */
  if (data->revision != self->revision)
    {
      g_clear_pointer (&document, pn_document_unref);
      return;
    }

  g_clear_pointer (&self->checked, pn_document_unref);
  g_clear_pointer (&self->checked_bytes, g_bytes_unref);
  if (document != NULL)
    {
      self->checked = document;
      self->checked_bytes = g_bytes_ref (data->bytes);
      set_issue (self, NULL);
      set_check (self, PN_EDITOR_CHECK_VALID);
    }
  else
    {
      set_issue (self, pn_editor_issue_new (data->bytes, error));
      set_check (self, PN_EDITOR_CHECK_INVALID);
    }
  g_signal_emit (self, signals[CHECKED], 0);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  PnEditorDocument *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  CheckData *data;
  GBytes *bytes;

  self->check_source = 0;

  bytes = pn_policy_writer_write (self->document, &error);
  if (bytes == NULL)
    {
      g_clear_pointer (&self->checked, pn_document_unref);
      g_clear_pointer (&self->checked_bytes, g_bytes_unref);
      set_issue (self, pn_editor_issue_new (NULL, error));
      set_check (self, PN_EDITOR_CHECK_INVALID);
      g_signal_emit (self, signals[CHECKED], 0);
      return G_SOURCE_REMOVE;
    }

  data = g_new0 (CheckData, 1);
  data->name = display_name (self);
  data->bytes = bytes;
  data->corpus = pn_corpus_ref (self->corpus);
  data->revision = self->revision;
  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, check_timeout_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (PnEditorDocument *self,
                guint             delay_ms)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  set_check (self, PN_EDITOR_CHECK_PENDING);
  self->check_source = g_timeout_add (delay_ms, check_timeout_cb, self);
}

void
pn_editor_document_check_now (PnEditorDocument *self)
{
  g_return_if_fail (PN_IS_EDITOR_DOCUMENT (self));

  g_clear_handle_id (&self->check_source, g_source_remove);
  set_check (self, PN_EDITOR_CHECK_PENDING);
  check_timeout_cb (self);
}

PnEditorCheck
pn_editor_document_get_check (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), PN_EDITOR_CHECK_PENDING);

  return self->check;
}

const PnEditorIssue *
pn_editor_document_get_issue (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);

  return self->check == PN_EDITOR_CHECK_INVALID ? self->issue : NULL;
}

PnDocument *
pn_editor_document_get_checked (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);

  return self->check == PN_EDITOR_CHECK_VALID ? self->checked : NULL;
}

GBytes *
pn_editor_document_get_checked_bytes (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);

  return self->check == PN_EDITOR_CHECK_VALID ? self->checked_bytes : NULL;
}

/* ---- changes ---- */

void
pn_editor_document_changed (PnEditorDocument *self)
{
  g_return_if_fail (PN_IS_EDITOR_DOCUMENT (self));

  /* back pointers and numbering, for benefits added or removed */
  pn_document_seal (self->document);
  self->revision++;
  notify_saved (self);
  schedule_save (self, PN_EDITOR_SAVE_DELAY_MS);
  schedule_check (self, PN_EDITOR_CHECK_DELAY_MS);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REVIEWED]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
has_benefit_id (PnDocument *document,
                const char *id)
{
  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < article->benefits->len; j++)
        if (g_strcmp0 (((PnBenefit *) g_ptr_array_index (article->benefits, j))->id, id) == 0)
          return TRUE;
    }
  return FALSE;
}

PnBenefit *
pn_editor_document_add_benefit (PnEditorDocument *self,
                                PnArticle        *article)
{
  PnBenefit *benefit;
  g_autofree char *id = NULL;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);
  g_return_val_if_fail (article != NULL && article->document == self->document, NULL);

  for (guint n = article->benefits->len + 1; id == NULL || has_benefit_id (self->document, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s/%s/benefit-%u", self->document->id, article->number, n);
    }

  benefit = pn_article_add_benefit (article);
  benefit->id = g_steal_pointer (&id);
  benefit->kind = PN_BENEFIT_FIXED;
  /* a benefit added by hand is reviewed once its fields are filled in */
  benefit->reviewed = FALSE;
  benefit->title.zh = g_strdup (article->heading.zh != NULL ? article->heading.zh : article->number);
  benefit->title.en = g_strdup (article->heading.en != NULL ? article->heading.en : article->number);
  pn_editor_document_changed (self);

  return benefit;
}

static void
remove_from_strv (GStrv      *strv,
                  const char *value)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean found = FALSE;

  if (*strv == NULL || !g_strv_contains ((const char * const *) *strv, value))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; (*strv)[i] != NULL; i++)
    {
      if (g_str_equal ((*strv)[i], value))
        found = TRUE;
      else
        g_strv_builder_add (builder, (*strv)[i]);
    }
  g_assert (found);
  g_strfreev (*strv);
  *strv = g_strv_builder_end (builder);
  if ((*strv)[0] == NULL)
    g_clear_pointer (strv, g_strfreev);
}

void
pn_editor_document_remove_benefit (PnEditorDocument *self,
                                   PnBenefit        *benefit)
{
  PnDocument *document;
  PnArticle *article;
  g_autofree char *id = NULL;

  g_return_if_fail (PN_IS_EDITOR_DOCUMENT (self));
  g_return_if_fail (benefit != NULL && benefit->document == self->document);

  document = self->document;
  article = benefit->article;
  id = g_strdup (benefit->id);

  for (guint i = 0; i < self->figures->len; i++)
    {
      PnDraftFigure *figure = g_ptr_array_index (self->figures, i);

      if (figure->benefit == benefit)
        figure->benefit = NULL;
    }

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *other = g_ptr_array_index (document->articles, i);

      for (guint j = 0; j < other->benefits->len; j++)
        remove_from_strv (&((PnBenefit *) g_ptr_array_index (other->benefits, j))->tops_up, id);
    }

  for (guint i = document->cases->len; i > 0; i--)
    {
      PnCase *pcase = g_ptr_array_index (document->cases, i - 1);

      for (guint j = pcase->expectations->len; j > 0; j--)
        if (g_strcmp0 (((PnCaseExpectation *) g_ptr_array_index (pcase->expectations, j - 1))->benefit_id, id) == 0)
          g_ptr_array_remove_index (pcase->expectations, j - 1);
      if (pcase->expectations->len == 0 && pcase->total_cny == PN_YUAN_UNSET)
        g_ptr_array_remove_index (document->cases, i - 1);
    }

  g_ptr_array_remove (article->benefits, benefit);
  pn_editor_document_changed (self);
}

void
pn_editor_document_set_reviewed (PnEditorDocument *self,
                                 PnBenefit        *benefit,
                                 gboolean          reviewed)
{
  g_return_if_fail (PN_IS_EDITOR_DOCUMENT (self));
  g_return_if_fail (benefit != NULL && benefit->document == self->document);

  reviewed = !!reviewed;
  if (benefit->reviewed == reviewed)
    return;
  benefit->reviewed = reviewed;
  pn_editor_document_changed (self);
}

/* "old/…" → "new/…", "old-unit-…" → "new-unit-…" */
static void
rename_prefixed (char       **value,
                 const char  *old_prefix,
                 const char  *new_prefix)
{
  char *renamed;

  if (*value == NULL || !g_str_has_prefix (*value, old_prefix))
    return;
  renamed = g_strconcat (new_prefix, *value + strlen (old_prefix), NULL);
  g_free (*value);
  *value = renamed;
}

static void
rename_refs (PnDocument *document,
             const char *old_prefix,
             const char *new_prefix)
{
  for (guint i = 0; i < document->annual_caps->len; i++)
    rename_prefixed (&((PnAnnualCap *) g_ptr_array_index (document->annual_caps, i))->id,
                     old_prefix, new_prefix);
  for (guint i = 0; i < document->local_units->len; i++)
    rename_prefixed (&((PnTerm *) g_ptr_array_index (document->local_units, i))->id,
                     old_prefix, new_prefix);

  for (guint i = 0; i < document->articles->len; i++)
    {
      PnArticle *article = g_ptr_array_index (document->articles, i);

      for (guint u = 0; u < article->units->len; u++)
        rename_prefixed (&((PnUnitRef *) g_ptr_array_index (article->units, u))->id,
                         old_prefix, new_prefix);
      for (guint j = 0; j < article->benefits->len; j++)
        {
          PnBenefit *benefit = g_ptr_array_index (article->benefits, j);

          rename_prefixed (&benefit->id, old_prefix, new_prefix);
          for (guint t = 0; benefit->tops_up != NULL && benefit->tops_up[t] != NULL; t++)
            rename_prefixed (&benefit->tops_up[t], old_prefix, new_prefix);
          for (guint c = 0; benefit->annual_caps != NULL && benefit->annual_caps[c] != NULL; c++)
            rename_prefixed (&benefit->annual_caps[c], old_prefix, new_prefix);
          for (guint u = 0; u < benefit->units->len; u++)
            rename_prefixed (&((PnUnitRef *) g_ptr_array_index (benefit->units, u))->id,
                             old_prefix, new_prefix);
        }
    }

  for (guint i = 0; i < document->cases->len; i++)
    {
      PnCase *pcase = g_ptr_array_index (document->cases, i);

      for (guint j = 0; j < pcase->expectations->len; j++)
        rename_prefixed (&((PnCaseExpectation *) g_ptr_array_index (pcase->expectations, j))->benefit_id,
                         old_prefix, new_prefix);
    }
}

gboolean
pn_editor_document_set_id (PnEditorDocument  *self,
                           const char        *id,
                           GError           **error)
{
  PnDocument *document;
  g_autofree char *old_benefits = NULL;
  g_autofree char *new_benefits = NULL;
  g_autofree char *old_units = NULL;
  g_autofree char *new_units = NULL;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  document = self->document;
  if (g_strcmp0 (document->id, id) == 0)
    return TRUE;

  if (!pn_draft_id_is_valid (id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Use lower-case letters, digits and single hyphens, such as xiamen-2026-5."));
      return FALSE;
    }

  /* every id made from the document's: benefits, annual caps, units */
  old_benefits = g_strconcat (document->id, "/", NULL);
  new_benefits = g_strconcat (id, "/", NULL);
  old_units = g_strconcat (document->id, "-unit-", NULL);
  new_units = g_strconcat (id, "-unit-", NULL);
  rename_refs (document, old_benefits, new_benefits);
  rename_refs (document, old_units, new_units);

  g_free (document->id);
  document->id = g_strdup (id);
  pn_editor_document_changed (self);
  return TRUE;
}

/* ---- counting ---- */

guint
pn_editor_document_get_n_benefits (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), 0);

  return pn_document_count_benefits (self->document, NULL);
}

guint
pn_editor_document_get_n_reviewed (PnEditorDocument *self)
{
  guint unreviewed = 0;
  guint n;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), 0);

  n = pn_document_count_benefits (self->document, &unreviewed);
  return n - unreviewed;
}

guint
pn_editor_document_count_unreviewed (PnEditorDocument *self,
                                     PnArticle        *article)
{
  guint n = 0;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), 0);
  g_return_val_if_fail (article != NULL, 0);

  for (guint i = 0; i < article->benefits->len; i++)
    n += !((PnBenefit *) g_ptr_array_index (article->benefits, i))->reviewed;
  return n;
}

/* ---- figures and quotes ---- */

GPtrArray *
pn_editor_document_get_figures (PnEditorDocument *self,
                                PnArticle        *article)
{
  GPtrArray *figures = g_ptr_array_new ();

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), figures);

  for (guint i = 0; i < self->figures->len; i++)
    {
      PnDraftFigure *figure = g_ptr_array_index (self->figures, i);

      if (figure->article == article)
        g_ptr_array_add (figures, figure);
    }
  return figures;
}

static gboolean
ends_sentence (gunichar c)
{
  return c == 0x3002 /* 。 */ || c == 0xFF1B /* ； */ || c == ';' || c == '\n' ||
         c == 0xFF01 /* ！ */ || c == 0xFF1F /* ？ */;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

/* The sentence of `text` around [start, end): from after the previous
 * full stop or semicolon to the next full stop (kept) or semicolon. */
static char *
sentence_around (const char *text,
                 gsize       start,
                 gsize       end)
{
  const char *from = text + start;
  const char *to = text + end;

  while (from > text)
    {
      const char *previous = g_utf8_prev_char (from);

      if (ends_sentence (g_utf8_get_char (previous)))
        break;
      from = previous;
    }
  while (*to != '\0' && !ends_sentence (g_utf8_get_char (to)))
    to = g_utf8_next_char (to);
  if (*to != '\0' && g_utf8_get_char (to) == 0x3002)
    to = g_utf8_next_char (to);

  while (from < to && is_blank (g_utf8_get_char (from)))
    from = g_utf8_next_char (from);
  while (to > from && is_blank (g_utf8_get_char (g_utf8_prev_char (to))))
    to = g_utf8_prev_char (to);

  return g_strndup (from, to - from);
}

/* "100万元" for 1,000,000 yuan, "12.5万元"; NULL when unset. */
static char *
wan_text (gint64 yuan)
{
  if (yuan == PN_YUAN_UNSET || yuan <= 0)
    return NULL;
  if (yuan % 10000 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT "万", yuan / 10000);
  if (yuan % 100 == 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                                               yuan / 10000, (yuan % 10000) / 100);
      char *end = text + strlen (text) - 1;

      while (*end == '0')
        *end-- = '\0';
      return g_strconcat (text, "万", NULL);
    }
  return NULL;
}

char *
pn_editor_document_dup_quote (PnEditorDocument *self,
                              PnBenefit        *benefit)
{
  PnArticle *article;
  const char *original;
  g_autofree char *amount = NULL;
  g_autofree char *cap = NULL;
  g_autofree char *rate = NULL;
  const char *needles[4];
  guint n = 0;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);
  g_return_val_if_fail (benefit != NULL, NULL);

  article = benefit->article;
  original = article->original != NULL ? article->original : "";

  for (guint i = 0; i < self->figures->len; i++)
    {
      PnDraftFigure *figure = g_ptr_array_index (self->figures, i);

      if (figure->benefit == benefit && figure->article == article &&
          figure->end <= strlen (original))
        return sentence_around (original, figure->start, figure->end);
    }

  /* a benefit added or changed by hand: the sentence naming its figure */
  amount = wan_text (benefit->amount);
  cap = wan_text (benefit->cap);
  if (benefit->rate > 0)
    {
      g_autofree char *percent = g_strdup_printf ("%.2f", benefit->rate * 100);
      char *end = percent + strlen (percent) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
      rate = g_strconcat (percent, "%", NULL);
    }
  if (amount != NULL)
    needles[n++] = amount;
  if (rate != NULL)
    needles[n++] = rate;
  if (cap != NULL)
    needles[n++] = cap;
  for (guint i = 0; i < n; i++)
    {
      const char *found = strstr (original, needles[i]);

      if (found != NULL)
        return sentence_around (original, found - original, found - original + strlen (needles[i]));
    }

  return sentence_around (original, 0, 0);
}

/* ---- supersession ---- */

PnDocument *
pn_editor_document_guess_superseded (PnEditorDocument *self)
{
  g_autoptr(GError) error = NULL;
  PnDocument *guess;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);

  guess = pn_draft_guess_superseded (self->document, self->corpus, &error);
  if (guess == NULL)
    {
      if (error != NULL)
        g_message ("Cannot compare with the stored documents: %s", error->message);
      return NULL;
    }
  if (g_strcmp0 (guess->id, self->document->id) == 0)
    return NULL;
  for (guint i = 0; i < self->document->supersedes->len; i++)
    if (g_strcmp0 (((PnSupersession *) g_ptr_array_index (self->document->supersedes, i))->ref,
                   guess->id) == 0)
      return NULL;
  return guess;
}

/* ---- accessors ---- */

PnDocument *
pn_editor_document_get_document (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);
  return self->document;
}

PnTaxonomy *
pn_editor_document_get_taxonomy (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);
  return pn_corpus_get_taxonomy (self->corpus);
}

PnCorpus *
pn_editor_document_get_corpus (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);
  return self->corpus;
}

void
pn_editor_document_set_corpus (PnEditorDocument *self,
                               PnCorpus         *corpus)
{
  g_return_if_fail (PN_IS_EDITOR_DOCUMENT (self));
  g_return_if_fail (corpus != NULL);

  if (self->corpus == corpus)
    return;
  pn_corpus_ref (corpus);
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  self->corpus = corpus;
  schedule_check (self, 0);
}

GFile *
pn_editor_document_get_file (PnEditorDocument *self)
{
  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
pn_editor_document_set_file (PnEditorDocument  *self,
                             GFile             *file,
                             GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint revision;

  g_return_val_if_fail (PN_IS_EDITOR_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!self->stopped, FALSE);

  bytes = pn_policy_writer_write (self->document, error);
  if (bytes == NULL)
    return FALSE;

  /* The new file is written whole before it becomes the document's. */
  g_mutex_lock (&self->write_lock);
  revision = self->written_revision;
  self->written_revision = 0;
  g_mutex_unlock (&self->write_lock);
  if (!write_revision (self, file, bytes, MAX (self->revision, 1), error))
    {
      g_mutex_lock (&self->write_lock);
      self->written_revision = revision;
      g_mutex_unlock (&self->write_lock);
      return FALSE;
    }

  g_set_object (&self->file, file);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->saved_revision = self->revision;
  if (self->save_error != NULL)
    set_save_error (self, NULL);
  notify_saved (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  /* the display name in errors follows the file */
  schedule_check (self, 0);
  return TRUE;
}

/* ---- the object ---- */

static void
pn_editor_document_dispose (GObject *object)
{
  PnEditorDocument *self = PN_EDITOR_DOCUMENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  /* What is not written yet is written now: closing loses nothing. */
  if (self->save_source != 0 && !self->stopped && self->document != NULL && self->file != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!pn_editor_document_save_now (self, &error))
        g_warning ("Cannot save the draft: %s", error->message);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);

  G_OBJECT_CLASS (pn_editor_document_parent_class)->dispose (object);
}

static void
pn_editor_document_finalize (GObject *object)
{
  PnEditorDocument *self = PN_EDITOR_DOCUMENT (object);

  g_clear_pointer (&self->figures, g_ptr_array_unref);
  g_clear_pointer (&self->document, pn_document_unref);
  g_clear_pointer (&self->checked, pn_document_unref);
  g_clear_pointer (&self->checked_bytes, g_bytes_unref);
  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_clear_pointer (&self->issue, pn_editor_issue_free);
  g_clear_error (&self->save_error);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->write_lock);

  G_OBJECT_CLASS (pn_editor_document_parent_class)->finalize (object);
}

static void
pn_editor_document_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PnEditorDocument *self = PN_EDITOR_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_int (value, self->check);
      break;

    case PROP_SAVED:
      g_value_set_boolean (value, pn_editor_document_get_saved (self));
      break;

    case PROP_N_REVIEWED:
      g_value_set_uint (value, pn_editor_document_get_n_reviewed (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_editor_document_class_init (PnEditorDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_editor_document_dispose;
  object_class->finalize = pn_editor_document_finalize;
  object_class->get_property = pn_editor_document_get_property;

  properties[PROP_CHECK] =
    g_param_spec_int ("check", NULL, NULL, PN_EDITOR_CHECK_PENDING, PN_EDITOR_CHECK_INVALID,
                      PN_EDITOR_CHECK_PENDING,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SAVED] =
    g_param_spec_boolean ("saved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_REVIEWED] =
    g_param_spec_uint ("n-reviewed", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnEditorDocument::changed:
   *
   * A field of the document changed (pn_editor_document_changed()).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PnEditorDocument::checked:
   *
   * A check of the whole document finished: see "check" and the issue.
   */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * PnEditorDocument::saved:
   *
   * Every change so far is in the file.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pn_editor_document_init (PnEditorDocument *self)
{
  g_mutex_init (&self->write_lock);
  self->cancellable = g_cancellable_new ();
  self->check = PN_EDITOR_CHECK_PENDING;
}

PnEditorDocument *
pn_editor_document_new (PnDocument *document,
                        GPtrArray  *figures,
                        PnCorpus   *corpus,
                        GFile      *file)
{
  PnEditorDocument *self;

  g_return_val_if_fail (document != NULL && pn_document_is_whole (document), NULL);
  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PN_TYPE_EDITOR_DOCUMENT, NULL);
  self->document = document;
  self->corpus = pn_corpus_ref (corpus);
  self->file = g_object_ref (file);
  self->figures = g_ptr_array_new_with_free_func (g_free);
  if (figures != NULL)
    {
      for (guint i = 0; i < figures->len; i++)
        g_ptr_array_add (self->figures, g_memdup2 (g_ptr_array_index (figures, i), sizeof (PnDraftFigure)));
    }
  else
    {
      g_autoptr(GPtrArray) found = pn_draft_find_figures (document, pn_corpus_get_taxonomy (corpus));

      for (guint i = 0; i < found->len; i++)
        g_ptr_array_add (self->figures, g_memdup2 (g_ptr_array_index (found, i), sizeof (PnDraftFigure)));
    }

  /* A new document is written at once (and checked): from now on a crash
   * loses nothing. */
  pn_document_seal (document);
  self->revision = 1;
  schedule_save (self, 0);
  schedule_check (self, 0);

  return self;
}

PnEditorDocument *
pn_editor_document_new_from_file (GFile     *file,
                                  PnCorpus  *corpus,
                                  GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  PnDocument *document;
  PnEditorDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (corpus != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = pn_policy_loader_read_file (file, PN_POLICY_MAX_BYTES, error);
  if (bytes == NULL)
    return NULL;
  name = g_file_get_basename (file);
  /* the taxonomy's references are the check's to report, in the editor */
  document = pn_policy_loader_load_document (name, bytes, NULL, error);
  if (document == NULL)
    return NULL;

  self = pn_editor_document_new (document, NULL, corpus, file);
  /* it is the file already */
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->saved_revision = self->revision;
  g_mutex_lock (&self->write_lock);
  self->written_revision = self->revision;
  g_mutex_unlock (&self->write_lock);

  return self;
}
