/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pnav-common.h"

G_BEGIN_DECLS

/* One function per subcommand, each in its own pnav-NAME.c.  `args` is
 * the command line from the subcommand's name on; the result is the exit
 * status. */
int pnav_match          (PnavContext *ctx,
                         char       **args);
int pnav_list_documents (PnavContext *ctx,
                         char       **args);
int pnav_show           (PnavContext *ctx,
                         char       **args);
int pnav_search         (PnavContext *ctx,
                         char       **args);
int pnav_vocab          (PnavContext *ctx,
                         char       **args);
int pnav_validate       (PnavContext *ctx,
                         char       **args);
int pnav_check          (PnavContext *ctx,
                         char       **args);
int pnav_import         (PnavContext *ctx,
                         char       **args);
int pnav_remove         (PnavContext *ctx,
                         char       **args);
int pnav_profile        (PnavContext *ctx,
                         char       **args);
int pnav_brief          (PnavContext *ctx,
                         char       **args);
int pnav_compare        (PnavContext *ctx,
                         char       **args);
int pnav_pipeline       (PnavContext *ctx,
                         char       **args);
int pnav_deadlines      (PnavContext *ctx,
                         char       **args);
int pnav_draft          (PnavContext *ctx,
                         char       **args);

G_END_DECLS
