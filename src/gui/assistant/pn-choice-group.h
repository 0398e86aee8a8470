/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pn-corpus.h"
#include "pn-profile.h"

G_BEGIN_DECLS

#define PN_TYPE_CHOICE_GROUP (pn_choice_group_get_type ())

G_DECLARE_FINAL_TYPE (PnChoiceGroup, pn_choice_group, PN, CHOICE_GROUP, AdwPreferencesGroup)

/* One question of the profile as a group of radio rows, one per term of
 * its vocabulary: the label in the UI language, the other language as the
 * subtitle.  Selecting a row answers the question. */
GtkWidget   *pn_choice_group_new         (const char  *question);
const char  *pn_choice_group_get_question (PnChoiceGroup *self);
void         pn_choice_group_set_profile (PnChoiceGroup *self,
                                          PnProfile     *profile);
void         pn_choice_group_set_corpus  (PnChoiceGroup *self,
                                          PnCorpus      *corpus);
/* Shows only the terms in `ids` (all when NULL). */
void         pn_choice_group_set_visible_ids (PnChoiceGroup      *self,
                                              const char * const *ids);
/* Whether the term has a visible row. */
gboolean     pn_choice_group_has_visible (PnChoiceGroup *self,
                                          const char    *id);
/* The row for a term (its widget name is the term id), or NULL. */
AdwActionRow *pn_choice_group_get_row    (PnChoiceGroup *self,
                                          const char    *id);
/* Puts the keyboard on the first visible row; FALSE when none. */
gboolean     pn_choice_group_focus_first (PnChoiceGroup *self);

G_END_DECLS
