/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

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

/* The first descendant of `root` (itself included) of `type` whose widget
 * name is `name` (any name when NULL), depth first, or NULL. */
GtkWidget  *pn_test_find_widget           (GtkWidget  *root,
                                           GType       type,
                                           const char *name);
/* The first descendant of `root` of `type` that is drawable (mapped). */
GtkWidget  *pn_test_find_mapped_widget    (GtkWidget  *root,
                                           GType       type,
                                           const char *name);

/* G_TEST_OPTION_ISOLATE_DIRS empties XDG_DATA_DIRS; keep the icon themes
 * of `data_dirs` (the value before g_test_init()) visible. */
void        pn_test_keep_system_icon_themes (const char *data_dirs);

G_END_DECLS
