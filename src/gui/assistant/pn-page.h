/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-profile.h"

G_BEGIN_DECLS

#define PN_TYPE_PAGE (pn_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (PnPage, pn_page, PN, PAGE, GtkWidget)

/**
 * PnPageClass:
 * @shown: the page became the visible one; focus its first control
 * @apply: the user pressed Next: commit what the page shows; %FALSE keeps
 *   the assistant on the page
 * @update: the profile or the corpus changed: sync the widgets and set
 *   #PnPage:complete and #PnPage:applies
 * @focus_key: after @shown, when the page was opened for one of its keys
 *   (a measure's "Answer" or "Give" button): put the keyboard on the
 *   control that asks it
 *
 * One step of the assistant (gnome-initial-setup's GisPage).  A page asks
 * some of the profile's questions, named by "keys": question ids
 * ("drug-class"), figure ids ("rd-investment"), "location" or "as-of".
 */
struct _PnPageClass
{
  GtkWidgetClass parent_class;

  void     (*shown)  (PnPage *self);
  gboolean (*apply)  (PnPage *self);
  void     (*update) (PnPage *self);
  void     (*focus_key) (PnPage     *self,
                         const char *key);

  gpointer padding[7];
};

const char   *pn_page_get_title        (PnPage      *self);
void          pn_page_set_title        (PnPage      *self,
                                        const char  *title);
gboolean      pn_page_get_complete     (PnPage      *self);
void          pn_page_set_complete     (PnPage      *self,
                                        gboolean     complete);
gboolean      pn_page_get_applies      (PnPage      *self);
void          pn_page_set_applies      (PnPage      *self,
                                        gboolean     applies);
PnProfile    *pn_page_get_profile      (PnPage      *self);
void          pn_page_set_profile      (PnPage      *self,
                                        PnProfile   *profile);
PnCorpus     *pn_page_get_corpus       (PnPage      *self);
void          pn_page_set_corpus       (PnPage      *self,
                                        PnCorpus    *corpus);
/* "Why we ask: used by 14 measures, such as 厦府规〔2023〕17号 art. 1." */
const char   *pn_page_get_why_text     (PnPage      *self);

/* The keys the page asks; set once by the subclass. */
void          pn_page_set_keys         (PnPage      *self,
                                        const char * const *keys);
const char * const *pn_page_get_keys   (PnPage      *self);
/* Whether the page asks `key`. */
gboolean      pn_page_asks             (PnPage      *self,
                                        const char  *key);

void          pn_page_shown            (PnPage      *self);
gboolean      pn_page_apply            (PnPage      *self);
void          pn_page_update           (PnPage      *self);
void          pn_page_focus_key        (PnPage      *self,
                                        const char  *key);

/* Whether `benefit` depends on the answer to `key`. */


G_END_DECLS
