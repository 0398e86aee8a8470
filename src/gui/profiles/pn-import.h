/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"

G_BEGIN_DECLS

/* The whole "Import Policy…" flow: a file chooser (portal-aware), a modal
 * progress dialog while a thread validates and imports, then a toast (in the
 * first AdwToastOverlay of `parent`, else a message dialog); or
 * a question when the document id exists, or the refusal with file and line. */
void        pn_gui_import_policy       (GtkWindow            *parent,
                                        PnApplication        *application);
/* The same, for a file chosen already (dropped on the window, say). */
void        pn_gui_import_policy_file  (GtkWindow            *parent,
                                        PnApplication        *application,
                                        GFile                *file);

/* Imports `file` into the application's store in a GTask thread; the store
 * is marked busy (pn_gui_store_is_busy) until the thread is done, and the
 * corpus reloaded (pn_application_reload_corpus) on success.  Fails
 * with PN_STORE_ERROR_EXISTS, and a message naming the document, when its
 * id is taken and `replace` is FALSE; with the loader's "FILE:LINE: reason"
 * error when the file is refused. */
void        pn_gui_import_file_async   (PnApplication        *application,
                                        GFile                *file,
                                        gboolean              replace,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* The same for bytes already read and checked (the editor's document);
 * `display_name` names them in errors.  pn_gui_import_file_finish(). */
void        pn_gui_import_bytes_async  (PnApplication        *application,
                                        const char           *display_name,
                                        GBytes               *bytes,
                                        gboolean              replace,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* The imported document (owned by the caller). */
PnDocument *pn_gui_import_file_finish  (PnApplication        *application,
                                        GAsyncResult         *result,
                                        GError              **error);

/* Whether a thread is using `store`: the UI must not touch it meanwhile. */
gboolean    pn_gui_store_is_busy       (PnStore              *store);
/* A thread of the caller's starts using it, and is done with it (on the
 * main thread, around the thread's work). */
void        pn_gui_store_hold          (PnStore              *store);
void        pn_gui_store_release       (PnStore              *store);

G_END_DECLS
