/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-profile.h"

G_BEGIN_DECLS

#define PN_TYPE_DEADLINES_VIEW (pn_deadlines_view_get_type ())

G_DECLARE_FINAL_TYPE (PnDeadlinesView, pn_deadlines_view, PN, DEADLINES_VIEW, GtkWidget)

GtkWidget   *pn_deadlines_view_new          (void);
PnProfile   *pn_deadlines_view_get_profile  (PnDeadlinesView *self);
void         pn_deadlines_view_set_profile  (PnDeadlinesView *self,
                                         PnProfile   *profile);
PnCorpus    *pn_deadlines_view_get_corpus   (PnDeadlinesView *self);
void         pn_deadlines_view_set_corpus   (PnDeadlinesView *self,
                                         PnCorpus    *corpus);

G_END_DECLS
