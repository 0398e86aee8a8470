/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What the editor's fields accept, and how they show a value.  Errors are
 * sentences for under the field, in the UI language. */

/* "40%", "40", "12.5%" → 0.4, 0.125: a rate from 0 to 100% with at most
 * two decimals of a percent.  Empty: -1 (no rate). */
gboolean  pn_editor_parse_rate      (const char  *text,
                                     double      *out_rate,
                                     GError     **error);
/* "40%, 30%, 30%" (commas, 、 or spaces between) → shares summing to 1;
 * two at least.  Empty: NULL (no staged payment). */
gboolean  pn_editor_parse_stages    (const char  *text,
                                     GArray     **out_shares,
                                     GError     **error);
/* Yuan or 万元 (pn_money_parse); empty: PN_YUAN_UNSET. */
gboolean  pn_editor_parse_yuan      (const char  *text,
                                     gint64      *out_yuan,
                                     GError     **error);

/* A value as the field shows it: "500万" (whole 万元), else yuan; "" when
 * unset. */
char     *pn_editor_format_yuan     (gint64       yuan);
/* "40%", "12.5%"; "" when below 0. */
char     *pn_editor_format_rate     (double       rate);
/* "40%, 30%, 30%"; "" when NULL. */
char     *pn_editor_format_stages   (GArray      *shares);

/* Shows `message` (NULL: hides it) in an error row under a field, and
 * marks the field invalid for screen readers. */
void      pn_editor_show_field_error (GtkWidget   *field,
                                      GtkWidget   *error_row,
                                      const char  *message);

G_END_DECLS
