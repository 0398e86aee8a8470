/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "pn-types.h"

G_BEGIN_DECLS

#define PN_TYPE_PROFILE (pn_profile_get_type ())

G_DECLARE_FINAL_TYPE (PnProfile, pn_profile, PN, PROFILE, GObject)

/* One client's answers.  Every question and figure is a property named
 * after its vocabulary id ("drug-class", "rd-investment"); unanswered
 * questions are NULL, unset figures -1.  "changed" is emitted once after
 * any property changed. */
PnProfile   *pn_profile_new              (void);
PnProfile   *pn_profile_copy             (PnProfile   *self);

const char  *pn_profile_get_name         (PnProfile   *self);
void         pn_profile_set_name         (PnProfile   *self,
                                          const char  *name);
const char  *pn_profile_get_location     (PnProfile   *self);
void         pn_profile_set_location     (PnProfile   *self,
                                          const char  *location);
/* YYYY-MM-DD, or NULL for today */
const char  *pn_profile_get_as_of        (PnProfile   *self);
void         pn_profile_set_as_of        (PnProfile   *self,
                                          const char  *as_of);
/* The as-of date to evaluate on: the set one, or today's local date. */
char        *pn_profile_dup_effective_as_of (PnProfile *self);

const char  *pn_profile_get_answer       (PnProfile   *self,
                                          PnQuestion   question);
void         pn_profile_set_answer       (PnProfile   *self,
                                          PnQuestion   question,
                                          const char  *value);
/* The answer, or for "product" and "entity" what the other answers imply:
 * drug questions imply a drug, device questions a device; the entity
 * defaults to "enterprise". */
const char  *pn_profile_get_effective_answer (PnProfile *self,
                                              PnQuestion question);
gint64       pn_profile_get_figure       (PnProfile   *self,
                                          PnFigure     figure);
void         pn_profile_set_figure       (PnProfile   *self,
                                          PnFigure     figure,
                                          gint64       yuan);
void         pn_profile_clear            (PnProfile   *self);

JsonNode    *pn_profile_to_json          (PnProfile   *self);
PnProfile   *pn_profile_new_from_json    (JsonNode    *node,
                                          GError     **error);
/* The same from the JSON text (a saved profile as the store keeps it),
 * bounded before json-glib parses it. */
PnProfile   *pn_profile_new_from_data    (const char  *data,
                                          gsize        length,
                                          GError     **error);

G_END_DECLS
