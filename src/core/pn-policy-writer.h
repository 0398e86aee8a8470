/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pn-policy.h"

G_BEGIN_DECLS

/* Serialises a document as policy XML (data/schema/policy.xsd): elements in
 * the schema's order, money as whole yuan, rates with at most four
 * decimals, every benefit's reviewed state and readings, and the
 * document's expected-result cases.  What the loader reads from the result
 * is the same model (tests/core/test-policy-writer.c checks it on the
 * bundled corpus).  Fails with PN_POLICY_ERROR_INVALID when a text holds
 * a character XML cannot carry, or a required field is missing; it does
 * not validate against the schema: load the bytes for that. */
GBytes *pn_policy_writer_write (PnDocument  *document,
                                GError     **error);

/* "0.4" for 0.4, "1" for 1.0, "0.125" for 0.125: the shortest decimal with
 * at most four places, as the schema's Rate type wants it. */
char   *pn_policy_writer_format_rate (double rate);

G_END_DECLS
