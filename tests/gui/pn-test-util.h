/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-application.h"
#include "pn-window.h"

G_BEGIN_DECLS

/* How long a test waits for a frame before it fails. */
#define PN_TEST_FRAME_TIMEOUT_MS 30000

/* ---- the test program ---- */

typedef enum
{
  PN_TEST_INIT_DEFAULT    = 0,
  /* Leave gtk-enable-animations as GTK sets it (on, normally). */
  PN_TEST_INIT_ANIMATIONS = 1 << 0,
} PnTestInitFlags;

/* The prologue of every GUI test program, in place of g_test_init(): the
 * build tree's message catalogue (PN_TEST_LOCALEDIR), the system MIME
 * database, g_test_init (…, G_TEST_OPTION_ISOLATE_DIRS), gtk_init(),
 * adw_init(), the system's icon themes, and no animations (screenshots of
 * settled pages, not of transitions) unless `flags` says otherwise. */
void        pn_test_init                  (int              *argc,
                                           char           ***argv,
                                           PnTestInitFlags   flags);

/* "zh_CN", "en" from the first language name; "C" when none is set. */
char       *pn_test_screenshot_language   (void);
/* _build/tests/gui/screenshots/NAME-LANGUAGE.png, the folder created. */
char       *pn_test_screenshot_path       (const char *name);
/* Renders `widget` as it is allocated now into a PNG. */
void        pn_test_save_screenshot       (GtkWidget  *widget,
                                           const char *filename);

/* Runs the main loop until `widget` drew a frame (or `timeout_ms`). */
gboolean    pn_test_wait_for_frame        (GtkWidget  *widget,
                                           guint       timeout_ms);
/* Runs pending main loop work without blocking. */
void        pn_test_flush                 (void);

typedef gboolean (*PnTestPredicate) (gpointer data);

/* Runs the main loop until `predicate (data)` holds; FALSE when
 * `timeout_ms` passed first. */
gboolean    pn_test_wait_until            (PnTestPredicate  predicate,
                                           gpointer         data,
                                           guint            timeout_ms);
/* Predicates: `data` points to a gboolean that is TRUE; to a pointer that
 * is not NULL. */
gboolean    pn_test_is_true               (gpointer         data);
gboolean    pn_test_is_set                (gpointer         data);
/* `data` is a widget that is mapped. */
gboolean    pn_test_is_mapped             (gpointer         data);

/* The first descendant of `root` (itself included) of `type` whose widget
 * name is `name` (any name when NULL), depth first, or NULL. */
GtkWidget  *pn_test_find_widget           (GtkWidget  *root,
                                           GType       type,
                                           const char *name);
/* The first descendant of `root` of `type` that is drawable (mapped). */
GtkWidget  *pn_test_find_mapped_widget    (GtkWidget  *root,
                                           GType       type,
                                           const char *name);

/* gtk_widget_get_template_child() of `widget`'s `widget_type` template,
 * asserted to be a widget. */
GtkWidget  *pn_test_template_child        (GtkWidget  *widget,
                                           GType       widget_type,
                                           const char *name);
/* The same, of the PnWindow template. */
GtkWidget  *pn_test_window_child          (PnWindow   *window,
                                           const char *name);

/* The whole label is tagged zh-cn, so Pango picks Simplified glyphs. */
gboolean    pn_test_label_is_simplified_chinese (GtkLabel *label);

/* G_TEST_OPTION_ISOLATE_DIRS empties XDG_DATA_DIRS; keep the icon themes
 * of `data_dirs` (the value before g_test_init()) visible.  pn_test_init()
 * does it. */
void        pn_test_keep_system_icon_themes (const char *data_dirs);

/* Removes the files in `dir`, then `dir` (not recursive; errors ignored). */
void        pn_test_remove_dir            (const char *dir);

/* Destroys every toplevel window, dialogs included. */
void        pn_test_destroy_toplevels     (void);

/* ---- the real application ---- */

typedef struct
{
  /* > 0: the window's default size, set before its first frame; 0: the
   * size the window takes itself. */
  int   width;
  int   height;
  /* How long the first frame may take; 0: PN_TEST_FRAME_TIMEOUT_MS. */
  guint frame_timeout_ms;
} PnTestAppOptions;

/* `dir` is the temporary folder of the application's database; whatever
 * the test writes there goes with it. */
typedef void (*PnTestAppFunc) (PnApplication *app,
                               PnWindow      *window,
                               const char    *dir,
                               gpointer       user_data);

/* Runs the real application, from g_application_run() to its shutdown, on
 * a database of its own ($POLICY_NAVIGATOR_DB in a temporary folder),
 * G_APPLICATION_NON_UNIQUE (the test programs share the session bus).
 * After the application's own activate, its window up (a PnWindow) and its
 * corpus loaded, the window is sized (`options`, NULL for the defaults)
 * and has drawn its first frame, `func` runs; then every other toplevel
 * (dialogs the test left open) and the window are destroyed, which ends
 * the application.  Asserts that it exits with 0, then removes the folder
 * and unsets $POLICY_NAVIGATOR_DB. */
void        pn_test_run_app               (const PnTestAppOptions *options,
                                           PnTestAppFunc           func,
                                           gpointer                user_data);

/* ---- the fixture every test of the real application shares ---- */

typedef struct _PnTestFixture PnTestFixture;
typedef void (*PnTestBody) (PnTestFixture *fixture);

struct _PnTestFixture
{
  PnTestBody      body;
  const char     *view_name;
  PnApplication  *app;
  PnWindow       *window;
  GtkStack       *main_stack;   /* the window's views */
  PnProfile      *profile;      /* the application's one profile */
  PnCorpus       *corpus;
  const char     *db_dir;       /* the database's folder, removed after */
  char           *out_dir;      /* an empty folder of the test's own, removed after */
  gpointer        view;         /* pn_window_get_view (window, VIEW) when the
                                   test program names a view, else NULL */
};

typedef struct
{
  const char *path;
  PnTestBody  body;
} PnTestCase;

/* Each case as a GLib test that runs its body in the real application
 * (pn_test_run_app() with `options`, NULL for the defaults) on a fresh
 * fixture; `view` names the view the fixture holds ("compare"), or NULL.
 * `view` must outlive the test run; `options` is copied. */
void        pn_test_add_app_tests         (const PnTestCase       *cases,
                                           guint                   n_cases,
                                           const char             *view,
                                           const PnTestAppOptions *options);

/* Writes `n_benefits` measures in `n_documents` documents with
 * tests/bench's gen-corpus.py (seed 14) into the fixture's out_dir: the
 * files' paths.  Transfer full. */
GPtrArray  *pn_test_generate_documents    (PnTestFixture          *fixture,
                                           guint                   n_benefits,
                                           guint                   n_documents);
/* Imports `n_benefits` measures in two documents that tests/bench's
 * gen-corpus.py writes (seed 14) into the fixture's out_dir, and reloads
 * the application's corpus: a corpus as large as users' may grow. */
/* Imports a Shenzhen document whose place only it declares ("shenzhen",
 * under "guangdong"; a Phase II innovative drug gets ¥2,000,000), and
 * reloads the corpus. */
void        pn_test_import_shenzhen       (PnTestFixture          *fixture);
void        pn_test_import_generated      (PnTestFixture          *fixture,
                                           guint                   n_benefits);

/* pn_test_wait_until() with PN_TEST_FRAME_TIMEOUT_MS. */
gboolean    pn_test_wait                  (PnTestPredicate  predicate,
                                           gpointer         data);

/* Whether a control has a name a screen reader says: an accessible label
 * or labelled-by, a button's or check button's label, a row's title. */
gboolean    pn_test_has_accessible_name   (GtkWidget  *widget);
/* The first AdwMessageDialog among the toplevels, or NULL. */
AdwMessageDialog *pn_test_find_message_dialog (void);

/* The window at `width` × `height` of content (the default size counts
 * the client-side shadow, which the allocation does not), two frames
 * later; asserts that the window took that width. */
void        pn_test_resize_window         (PnWindow   *window,
                                           int         width,
                                           int         height);
/* Asserts that every drawn widget under `root` lies within `width` pixels
 * of the window's left edge: nothing clipped on the right. */
void        pn_test_assert_within_width   (GtkWidget  *root,
                                           int         width);

/* The window's content, header bar included, after a frame, into
 * pn_test_screenshot_path (`name`). */
void        pn_test_window_screenshot     (PnWindow   *window,
                                           const char *name);

G_END_DECLS
