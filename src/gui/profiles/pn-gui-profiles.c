/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-gui-profiles"

#include "config.h"

#include "pn-gui-profiles.h"

#include "pn-import.h"

#include <glib/gi18n.h>

#define PN_LAST_PROFILE_KEY "last-profile"

/* NULL when the schema is not installed (an uninstalled run). */
static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static char *
dup_last_profile (void)
{
  g_autoptr(GSettings) settings = settings_new ();

  return settings ? g_settings_get_string (settings, PN_LAST_PROFILE_KEY) : NULL;
}

static void
set_last_profile (const char *name)
{
  g_autoptr(GSettings) settings = settings_new ();

  if (settings != NULL)
    g_settings_set_string (settings, PN_LAST_PROFILE_KEY, name ? name : "");
}

static PnStore *
get_store (PnApplication  *application,
           GError        **error)
{
  PnStore *store = pn_application_get_store (application);

  if (store == NULL)
    {
      g_set_error_literal (error, PN_STORE_ERROR, PN_STORE_ERROR_OPEN,
                           _("The policy database is not available."));
      return NULL;
    }
  if (pn_gui_store_is_busy (store))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                           _("A policy document is being imported; try again when it is done."));
      return NULL;
    }

  return store;
}

/* The name as typed, trimmed; NULL and an error when nothing is left. */
static char *
dup_clean_name (const char  *name,
                GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));

  if (*clean == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter a name for the client."));
      return NULL;
    }

  return g_steal_pointer (&clean);
}

/* The store's messages are for the command line; say it for the GUI. */
static void
translate_error (GError     **error,
                 GError      *store_error,
                 const char  *name)
{
  if (g_error_matches (store_error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS))
    g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS,
                 _("A client named “%s” already exists."), name);
  else if (g_error_matches (store_error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND))
    g_set_error (error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND,
                 _("There is no saved client named “%s”."), name);
  else
    g_propagate_error (error, g_error_copy (store_error));
}

GStrv
pn_gui_list_profiles (PnApplication  *application,
                      GError        **error)
{
  PnStore *store;

  g_return_val_if_fail (PN_IS_APPLICATION (application), NULL);

  store = get_store (application, error);
  if (store == NULL)
    return NULL;

  return pn_store_list_profiles (store, error);
}

gboolean
pn_gui_save_profile (PnApplication  *application,
                     const char     *name,
                     GError        **error)
{
  g_autoptr(PnProfile) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;
  PnProfile *profile;
  PnStore *store;

  g_return_val_if_fail (PN_IS_APPLICATION (application), FALSE);

  clean = dup_clean_name (name, error);
  if (clean == NULL)
    return FALSE;
  store = get_store (application, error);
  if (store == NULL)
    return FALSE;

  profile = pn_application_get_profile (application);
  copy = pn_profile_copy (profile);
  pn_profile_set_name (copy, clean);
  if (!pn_store_save_profile (store, copy, &local_error))
    {
      translate_error (error, local_error, clean);
      return FALSE;
    }

  pn_profile_set_name (profile, clean);
  set_last_profile (clean);
  pn_application_set_unsaved_changes (application, FALSE);
  return TRUE;
}

gboolean
pn_gui_open_profile (PnApplication  *application,
                     const char     *name,
                     GError        **error)
{
  g_autoptr(PnProfile) saved = NULL;
  g_autoptr(GError) local_error = NULL;
  PnProfile *profile;
  PnStore *store;

  g_return_val_if_fail (PN_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  store = get_store (application, error);
  if (store == NULL)
    return FALSE;

  saved = pn_store_load_profile (store, name, &local_error);
  if (saved == NULL)
    {
      translate_error (error, local_error, name);
      return FALSE;
    }

  /* The one profile every view observes: set each property, so that the
   * views hear of each change. */
  profile = pn_application_get_profile (application);
  g_object_freeze_notify (G_OBJECT (profile));
  pn_profile_set_location (profile, pn_profile_get_location (saved));
  pn_profile_set_as_of (profile, pn_profile_get_as_of (saved));
  for (guint i = 0; i < PN_N_QUESTIONS; i++)
    pn_profile_set_answer (profile, i, pn_profile_get_answer (saved, i));
  for (guint i = 0; i < PN_N_FIGURES; i++)
    pn_profile_set_figure (profile, i, pn_profile_get_figure (saved, i));
  pn_profile_set_name (profile, name);
  g_object_thaw_notify (G_OBJECT (profile));

  set_last_profile (name);
  pn_application_set_unsaved_changes (application, FALSE);
  return TRUE;
}

void
pn_gui_new_client (PnApplication *application)
{
  PnProfile *profile;

  g_return_if_fail (PN_IS_APPLICATION (application));

  profile = pn_application_get_profile (application);
  pn_profile_clear (profile);
  pn_profile_set_name (profile, NULL);
  set_last_profile (NULL);
  pn_application_set_unsaved_changes (application, FALSE);
}

void
pn_gui_start_over (PnApplication *application)
{
  g_return_if_fail (PN_IS_APPLICATION (application));

  /* The client stays open; its saved answers stay saved until it is
   * saved again, and the window says that it has changes. */
  pn_profile_clear (pn_application_get_profile (application));
}

gboolean
pn_gui_rename_profile (PnApplication  *application,
                       const char     *old_name,
                       const char     *new_name,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *last = NULL;
  PnProfile *profile;
  PnStore *store;

  g_return_val_if_fail (PN_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (old_name != NULL, FALSE);

  clean = dup_clean_name (new_name, error);
  if (clean == NULL)
    return FALSE;
  if (g_str_equal (clean, old_name))
    return TRUE;
  store = get_store (application, error);
  if (store == NULL)
    return FALSE;

  if (!pn_store_rename_profile (store, old_name, clean, &local_error))
    {
      translate_error (error, local_error,
                       g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_EXISTS) ? clean : old_name);
      return FALSE;
    }

  profile = pn_application_get_profile (application);
  if (g_strcmp0 (pn_profile_get_name (profile), old_name) == 0)
    pn_profile_set_name (profile, clean);
  last = dup_last_profile ();
  if (g_strcmp0 (last, old_name) == 0)
    set_last_profile (clean);

  return TRUE;
}

gboolean
pn_gui_delete_profile (PnApplication  *application,
                       const char     *name,
                       GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *last = NULL;
  PnProfile *profile;
  PnStore *store;

  g_return_val_if_fail (PN_IS_APPLICATION (application), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  store = get_store (application, error);
  if (store == NULL)
    return FALSE;

  if (!pn_store_delete_profile (store, name, &local_error))
    {
      translate_error (error, local_error, name);
      return FALSE;
    }

  /* The answers stay open; they just no longer have a saved copy. */
  profile = pn_application_get_profile (application);
  if (g_strcmp0 (pn_profile_get_name (profile), name) == 0)
    pn_profile_set_name (profile, NULL);
  last = dup_last_profile ();
  if (g_strcmp0 (last, name) == 0)
    set_last_profile (NULL);

  return TRUE;
}

gboolean
pn_gui_restore_last_profile (PnApplication  *application,
                             GError        **error)
{
  g_autofree char *last = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PN_IS_APPLICATION (application), FALSE);

  last = dup_last_profile ();
  if (last == NULL || *last == '\0')
    return FALSE;

  if (pn_gui_open_profile (application, last, &local_error))
    return TRUE;

  if (g_error_matches (local_error, PN_STORE_ERROR, PN_STORE_ERROR_NOT_FOUND))
    {
      /* Deleted elsewhere (pnav profile delete): forget it quietly. */
      set_last_profile (NULL);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
