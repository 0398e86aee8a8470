/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-editor-drafts"

#include "config.h"

#include "pn-editor-drafts.h"

#include "pn-export.h"
#include "pn-policy-loader.h"

#include <glib/gi18n.h>

void
pn_editor_draft_info_free (PnEditorDraftInfo *info)
{
  if (info == NULL)
    return;
  g_clear_object (&info->file);
  g_free (info->id);
  g_free (info->title);
  g_free (info->doc_number);
  g_free (info->error);
  g_clear_pointer (&info->modified, g_date_time_unref);
  g_free (info);
}

char *
pn_editor_drafts_dir (void)
{
  const char *dir = g_getenv ("POLICY_NAVIGATOR_DRAFTS_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);
  return g_build_filename (g_get_user_data_dir (), "policy-navigator", "drafts", NULL);
}

GFile *
pn_editor_drafts_file_for_id (const char *id)
{
  g_autofree char *dir = pn_editor_drafts_dir ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  name = g_strconcat (id, ".xml", NULL);
  return g_file_new_build_filename (dir, name, NULL);
}

gboolean
pn_editor_drafts_is_default (GFile *file)
{
  g_autofree char *dir = pn_editor_drafts_dir ();
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) parent = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  parent = g_file_get_parent (file);
  return parent != NULL && g_file_equal (parent, folder);
}

static PnEditorDraftInfo *
read_info (GFile *file)
{
  PnEditorDraftInfo *info = g_new0 (PnEditorDraftInfo, 1);
  g_autoptr(GFileInfo) file_info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PnDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  info->file = g_object_ref (file);
  file_info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                                 NULL, NULL);
  if (file_info != NULL)
    info->modified = g_file_info_get_modification_date_time (file_info);

  bytes = pn_policy_loader_read_file (file, PN_POLICY_MAX_BYTES, &error);
  if (bytes != NULL)
    document = pn_policy_loader_load_document (name, bytes, NULL, &error);
  if (document == NULL)
    {
      info->title = g_strdup (name);
      info->error = g_strdup (error->message);
      return info;
    }

  info->id = g_strdup (document->id);
  info->title = g_strdup (pn_text_get (&document->title, pn_lang_from_locale ()));
  info->doc_number = g_strdup (document->doc_number);
  {
    guint unreviewed = 0;

    info->n_benefits = pn_document_count_benefits (document, &unreviewed);
    info->n_reviewed = info->n_benefits - unreviewed;
  }
  return info;
}

static int
compare_modified (gconstpointer a,
                  gconstpointer b)
{
  const PnEditorDraftInfo *ia = *(const PnEditorDraftInfo * const *) a;
  const PnEditorDraftInfo *ib = *(const PnEditorDraftInfo * const *) b;

  if (ia->modified == NULL || ib->modified == NULL)
    return (ia->modified == NULL) - (ib->modified == NULL);
  return -g_date_time_compare (ia->modified, ib->modified);
}

GPtrArray *
pn_editor_drafts_list (GSettings *settings)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) pn_editor_draft_info_free);
  g_autofree char *path = pn_editor_drafts_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GFile) file = NULL;

      /* g_file_replace_contents' temporary files start with "." */
      if (!g_str_has_suffix (name, ".xml") || name[0] == '.')
        continue;
      file = g_file_new_build_filename (path, name, NULL);
      g_ptr_array_add (drafts, read_info (file));
    }

  if (settings != NULL)
    {
      g_auto(GStrv) others = g_settings_get_strv (settings, "other-drafts");

      for (guint i = 0; others[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_path (others[i]);

          if (g_file_query_exists (file, NULL) && !pn_editor_drafts_is_default (file))
            g_ptr_array_add (drafts, read_info (file));
        }
    }

  g_ptr_array_sort (drafts, compare_modified);
  return drafts;
}

void
pn_editor_drafts_remember (GSettings *settings,
                           GFile     *file)
{
  g_auto(GStrv) others = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL || pn_editor_drafts_is_default (file))
    return;
  others = g_settings_get_strv (settings, "other-drafts");
  if (g_strv_contains ((const char * const *) others, path))
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) others);
  g_strv_builder_add (builder, path);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "other-drafts", (const char * const *) updated);
}

void
pn_editor_drafts_forget (GSettings *settings,
                         GFile     *file)
{
  g_auto(GStrv) others = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) updated = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  others = g_settings_get_strv (settings, "other-drafts");
  if (path == NULL || !g_strv_contains ((const char * const *) others, path))
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; others[i] != NULL; i++)
    if (!g_str_equal (others[i], path))
      g_strv_builder_add (builder, others[i]);
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "other-drafts", (const char * const *) updated);
}

gboolean
pn_editor_drafts_discard (GSettings  *settings,
                          GFile      *file,
                          GError    **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!pn_editor_drafts_is_default (file))
    {
      if (settings != NULL)
        pn_editor_drafts_forget (settings, file);
      return TRUE;
    }

  return g_file_delete (file, NULL, error);
}
