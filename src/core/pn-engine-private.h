/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-engine.h"

G_BEGIN_DECLS

/* for pn-result only: writes the whole result at `position` (amounts
 * and text) when it is first read */
void       _pn_engine_fill_result (PnResults *results,
                                   guint      position,
                                   PnResult  *result);

/* for pn-result only: the estimate of the result at `position`, as
 * _pn_engine_fill_result() writes it, without its text */
gint64     _pn_engine_estimate    (PnResults *results,
                                   guint      position);

/* for pn-result only: what would add most (PnNextStep), worked out when
 * first asked for; transfer full */
GPtrArray *_pn_engine_next_steps  (PnResults *results);
/* The "up to" total of the results that have an upper bound, when some
 * have none: worked out when first asked for */
gint64     _pn_engine_total_high_bounded (PnResults *results);

G_END_DECLS
