/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pn-application"

#include "config.h"

#include "pn-application.h"

#include "editor/pn-editor-open.h"
#include "pn-gui-util.h"
#include "pn-window.h"
#include "profiles/pn-gui-profiles.h"
#include "profiles/pn-import.h"

#include <glib/gi18n.h>

#define PN_RESOURCE_BASE_PATH "/io/github/pnav/PolicyNavigator"
#define PN_WEBSITE "https://github.com/pnav/policy-navigator"

struct _PnApplication
{
  AdwApplication  parent_instance;

  PnStore        *store;
  GError         *store_error;
  GFileMonitor   *store_monitor;  /* the database's write-ahead log */
  guint           store_check_id; /* a look at the store, soon */
  PnCorpus       *corpus;
  PnProfile      *profile;
  gboolean        unsaved;
};

enum {
  CORPUS_CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_UNSAVED_CHANGES,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PnApplication, pn_application, ADW_TYPE_APPLICATION)

static PnWindow *
pn_application_find_window (PnApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (PN_IS_WINDOW (l->data))
        return PN_WINDOW (l->data);
    }

  return NULL;
}

static void
pn_application_about_cb (GSimpleAction *action G_GNUC_UNUSED,
                         GVariant      *parameter G_GNUC_UNUSED,
                         gpointer       user_data)
{
  PnApplication *self = PN_APPLICATION (user_data);
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "application-name", _("Policy Navigator"),
                        "application-icon", APPLICATION_ID,
                        "comments", _("Find the Chinese government incentives your drug or device project qualifies for"),
                        "developer-name", _("Policy Navigator developers"),
                        "version", PACKAGE_VERSION,
                        "website", PN_WEBSITE,
                        "issue-url", PN_WEBSITE "/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        "modal", TRUE,
                        "transient-for", pn_application_find_window (self),
                        "application", self,
                        NULL);
  /* where the figures come from, and what they are not */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Policy Data"), NULL, GTK_LICENSE_CUSTOM,
                                      _("The measures, amounts, conditions and dates come from the official texts "
                                        "listed in Policy Documents, each with the day it was last checked against "
                                        "its source, and from the texts you import. The amounts are estimates worked "
                                        "out from those texts: the responsible units decide what is paid, under their "
                                        "own rules and budgets. This is not official or legal advice."));
  gtk_window_present (about);
}

static void
pn_application_quit_cb (GSimpleAction *action G_GNUC_UNUSED,
                        GVariant      *parameter G_GNUC_UNUSED,
                        gpointer       user_data)
{
  PnApplication *self = PN_APPLICATION (user_data);
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Close rather than destroy, so that each window saves its state (and,
   * later, may refuse to close). The application exits with its last window.
   * Closing changes the application's list, hence the copy. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));

  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
pn_application_shortcuts_cb (GSimpleAction *action G_GNUC_UNUSED,
                             GVariant      *parameter G_GNUC_UNUSED,
                             gpointer       user_data)
{
  PnApplication *self = PN_APPLICATION (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *dialog;

  builder = gtk_builder_new_from_resource (PN_RESOURCE_BASE_PATH "/ui/shortcuts-dialog.ui");
  dialog = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_dialog"));
  gtk_window_set_transient_for (dialog, GTK_WINDOW (pn_application_find_window (self)));
  gtk_window_set_application (dialog, GTK_APPLICATION (self));
  gtk_window_present (dialog);
}

/* The user guide's HTML (yelp-build html, made at build time) for a
 * language, or NULL: uninstalled, under $POLICY_NAVIGATOR_HELPDIR (the
 * build tree's help/), else where it is installed. */
char *
pn_application_dup_help_html (void)
{
  const char *dir = g_getenv ("POLICY_NAVIGATOR_HELPDIR");
  const char * const *languages = g_get_language_names ();
  g_autofree char *base = g_strdup (dir != NULL && *dir != '\0' ? dir : PKGDATADIR "/help");

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (base, languages[i], "index.html", NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  return NULL;
}

/* No browser either (GTK said "Could not show link – Unable to find
 * terminal required for application"): where the guide is, to open it
 * by hand. */
static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autofree char *html = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      /* Translators: %s is the path of the user guide's first page */
      g_autofree char *body = g_strdup_printf (_("No application here can show it. Open this file in a web "
                                                 "browser:\n%s"), html);

      pn_gui_show_message (GTK_WINDOW (source), _("Cannot Show the User Guide"), body);
    }
}

/* The help: URI when something opens it (Yelp), else the guide's HTML in
 * the browser: a new user started from build-aux/run on a machine
 * without Yelp still gets the guide. */
static void
pn_application_help_cb (GSimpleAction *action G_GNUC_UNUSED,
                        GVariant      *parameter G_GNUC_UNUSED,
                        gpointer       user_data)
{
  PnApplication *self = PN_APPLICATION (user_data);
  GtkWindow *window = GTK_WINDOW (pn_application_find_window (self));
  g_autoptr(GAppInfo) yelp = g_app_info_get_default_for_uri_scheme ("help");
  g_autofree char *html = NULL;
  g_autofree char *uri = NULL;

  if (yelp != NULL && g_getenv ("POLICY_NAVIGATOR_HELPDIR") == NULL)
    {
      gtk_show_uri (window, "help:" GETTEXT_PACKAGE, GDK_CURRENT_TIME);
      return;
    }

  html = pn_application_dup_help_html ();
  if (html == NULL)
    {
      if (PN_IS_WINDOW (window))
        pn_window_add_toast (PN_WINDOW (window),
                             adw_toast_new (_("The user guide is not installed.")));
      return;
    }

  uri = g_filename_to_uri (html, NULL, NULL);
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, help_shown_cb, g_steal_pointer (&html));
}

/* The window the user works in: a dialog's parent. */
static GtkWindow *
pn_application_parent_window (PnApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  return active != NULL ? active : GTK_WINDOW (pn_application_find_window (self));
}

static void
pn_application_new_policy_cb (GSimpleAction *action G_GNUC_UNUSED,
                              GVariant      *parameter G_GNUC_UNUSED,
                              gpointer       user_data)
{
  PnApplication *self = PN_APPLICATION (user_data);

  pn_editor_new_policy (pn_application_parent_window (self), self);
}

static void
pn_application_open_draft_cb (GSimpleAction *action G_GNUC_UNUSED,
                              GVariant      *parameter G_GNUC_UNUSED,
                              gpointer       user_data)
{
  PnApplication *self = PN_APPLICATION (user_data);

  pn_editor_show_drafts (pn_application_parent_window (self), self);
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = pn_application_about_cb },
  { .name = "help", .activate = pn_application_help_cb },
  { .name = "new-policy", .activate = pn_application_new_policy_cb },
  { .name = "open-draft", .activate = pn_application_open_draft_cb },
  { .name = "quit", .activate = pn_application_quit_cb },
  { .name = "shortcuts", .activate = pn_application_shortcuts_cb },
};

/* Another process wrote to the store (pnav import, a second window):
 * the corpus is read again, unless the store did not change after all. */
static gboolean
pn_application_store_check_cb (gpointer user_data)
{
  PnApplication *self = PN_APPLICATION (user_data);

  /* An import of this process holds the store: look again once it is
   * done (it tells the corpus itself). */
  if (self->store != NULL && pn_gui_store_is_busy (self->store))
    return G_SOURCE_CONTINUE;

  self->store_check_id = 0;
  pn_application_check_store (self);
  return G_SOURCE_REMOVE;
}

static void
pn_application_store_file_changed_cb (PnApplication     *self,
                                      GFile             *file G_GNUC_UNUSED,
                                      GFile             *other_file G_GNUC_UNUSED,
                                      GFileMonitorEvent  event)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGED &&
      event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED)
    return;

  /* A commit writes the log more than once: one look after the last. */
  if (self->store_check_id == 0)
    self->store_check_id = g_timeout_add (300, pn_application_store_check_cb, self);
}

/* Every commit, of any process, writes the write-ahead log next to the
 * database: watching it, the open window follows a document imported
 * with pnav while it stays in front. */
static void
pn_application_watch_store (PnApplication *self,
                            const char    *path)
{
  g_autofree char *log_path = g_strconcat (path, "-wal", NULL);
  g_autoptr(GFile) log = g_file_new_for_path (log_path);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || pn_store_is_read_only (self->store))
    return;

  self->store_monitor = g_file_monitor_file (log, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->store_monitor == NULL)
    {
      /* Then the store is looked at when the window is next activated. */
      g_debug ("Cannot watch %s: %s", log_path, error->message);
      return;
    }
  g_signal_connect_object (self->store_monitor, "changed",
                           G_CALLBACK (pn_application_store_file_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
pn_application_unwatch_store (PnApplication *self)
{
  g_clear_handle_id (&self->store_check_id, g_source_remove);
  if (self->store_monitor != NULL)
    g_file_monitor_cancel (self->store_monitor);
  g_clear_object (&self->store_monitor);
}

static void
pn_application_open_store (PnApplication *self)
{
  const char *env = g_getenv ("POLICY_NAVIGATOR_DB");
  g_autofree char *path = env && *env ? g_strdup (env) : pn_store_default_path ();

  pn_application_unwatch_store (self);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  self->store = pn_store_open (path, &self->store_error);
  if (self->store == NULL)
    g_warning ("Cannot open the policy database: %s", self->store_error->message);
  pn_application_watch_store (self, path);
}

static void
pn_application_startup (GApplication *application)
{
  PnApplication *self = PN_APPLICATION (application);

  G_APPLICATION_CLASS (pn_application_parent_class)->startup (application);

  /* A document's or a measure's page begins with its title, selectable
   * for copying: the keyboard's focus moved there on opening the page and
   * selected it all, a blue block over the title at a phone's width */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);

  pn_application_open_store (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help",
                                         (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         (const char *[]) { "<Control>question", NULL });
  /* Shift+Ctrl+N is Start Over already: a text is opened, as Ctrl+O opens
   * a policy file */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-policy",
                                         (const char *[]) { "<Shift><Control>o", NULL });
}

/* --version: what a bug report wants, in the user's language. */
static int
pn_application_handle_local_options (GApplication *application G_GNUC_UNUSED,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      /* Translators: --version prints this; %s is the version number */
      g_print (_("Policy Navigator %s\n"), PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
pn_application_activate (GApplication *application)
{
  PnApplication *self = PN_APPLICATION (application);
  PnWindow *window;

  window = pn_application_find_window (self);
  if (window == NULL)
    {
      g_autoptr(GError) error = NULL;

      /* The app reopens on the client it showed last. */
      if (self->store != NULL && !pn_gui_restore_last_profile (self, &error) && error != NULL)
        g_message ("Cannot reopen the last profile: %s", error->message);
      window = pn_window_new (self);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
pn_application_dispose (GObject *object)
{
  PnApplication *self = (PnApplication *) object;

  pn_application_unwatch_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->profile);

  G_OBJECT_CLASS (pn_application_parent_class)->dispose (object);
}

static void
pn_application_finalize (GObject *object)
{
  PnApplication *self = (PnApplication *) object;

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (pn_application_parent_class)->finalize (object);
}

static void
pn_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PnApplication *self = PN_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_UNSAVED_CHANGES:
      g_value_set_boolean (value, self->unsaved);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pn_application_class_init (PnApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pn_application_dispose;
  object_class->finalize = pn_application_finalize;
  object_class->get_property = pn_application_get_property;

  /**
   * PnApplication:unsaved-changes:
   *
   * Whether the answers changed since the open client was opened or saved:
   * they are saved only when the user says so.
   */
  properties[PROP_UNSAVED_CHANGES] =
    g_param_spec_boolean ("unsaved-changes", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PnApplication::corpus-changed:
   *
   * Emitted after an import or removal changed the policy corpus.
   */
  signals[CORPUS_CHANGED] = g_signal_new ("corpus-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  app_class->handle_local_options = pn_application_handle_local_options;
  app_class->startup = pn_application_startup;
  app_class->activate = pn_application_activate;
}

static void
pn_application_profile_changed_cb (PnApplication *self)
{
  pn_application_set_unsaved_changes (self, TRUE);
}

static void
pn_application_init (PnApplication *self)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->profile = pn_profile_new ();
  g_signal_connect_object (self->profile, "changed",
                           G_CALLBACK (pn_application_profile_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

PnStore *
pn_application_get_store (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);
  return self->store;
}

const GError *
pn_application_get_store_error (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);
  return self->store_error;
}

PnCorpus *
pn_application_get_corpus (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);

  if (self->corpus == NULL && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->corpus = pn_store_load_corpus (self->store, &error);
      if (self->corpus == NULL)
        g_warning ("Cannot load the policy corpus: %s", error->message);
    }

  return self->corpus;
}

void
pn_application_reload_corpus (PnApplication *self)
{
  g_return_if_fail (PN_IS_APPLICATION (self));

  g_clear_pointer (&self->corpus, pn_corpus_unref);
  g_signal_emit (self, signals[CORPUS_CHANGED], 0);
}

void
pn_application_check_store (PnApplication *self)
{
  g_return_if_fail (PN_IS_APPLICATION (self));

  if (self->store != NULL && pn_store_changed_elsewhere (self->store))
    pn_application_reload_corpus (self);
}

PnProfile *
pn_application_get_profile (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), NULL);
  return self->profile;
}

gboolean
pn_application_get_unsaved_changes (PnApplication *self)
{
  g_return_val_if_fail (PN_IS_APPLICATION (self), FALSE);
  return self->unsaved;
}

void
pn_application_set_unsaved_changes (PnApplication *self,
                                    gboolean       unsaved)
{
  g_return_if_fail (PN_IS_APPLICATION (self));

  unsaved = !!unsaved;
  if (self->unsaved == unsaved)
    return;

  self->unsaved = unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED_CHANGES]);
}

PnApplication *
pn_application_new (void)
{
  return g_object_new (PN_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", PN_RESOURCE_BASE_PATH,
                       NULL);
}
