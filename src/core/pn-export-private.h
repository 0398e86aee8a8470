/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-export.h"
#include "pn-json-writer.h"

G_BEGIN_DECLS

/* pn_export_write_results_json ()'s object, where the writer is: a
 * comparison writes one a place, as it goes. */
void _pn_export_write_results (PnJsonWriter *w,
                               PnResults    *results);

G_END_DECLS
