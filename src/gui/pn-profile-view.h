/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-profile.h"

G_BEGIN_DECLS

#define PN_TYPE_PROFILE_VIEW (pn_profile_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (PnProfileView, pn_profile_view, PN, PROFILE_VIEW, GtkWidget)

/* A view of the application's profile against the corpus: it holds both,
 * follows the profile's "changed" signal, and asks the subclass to
 * refresh.  When the work is done (at once, or when next mapped) is the
 * subclass's to decide. */
struct _PnProfileViewClass
{
  GtkWidgetClass parent_class;

  /* The profile changed, or the profile or the corpus was replaced. */
  void (*refresh)        (PnProfileView *self);
  /* The corpus was replaced, before the refresh: the old one is still
   * alive, so that what points into it can be let go. */
  void (*corpus_changed) (PnProfileView *self);

  /*< private >*/
  gpointer padding[6];
};

PnProfile *pn_profile_view_get_profile (PnProfileView *self);
void       pn_profile_view_set_profile (PnProfileView *self,
                                        PnProfile     *profile);
PnCorpus  *pn_profile_view_get_corpus  (PnProfileView *self);
void       pn_profile_view_set_corpus  (PnProfileView *self,
                                        PnCorpus      *corpus);

G_END_DECLS
