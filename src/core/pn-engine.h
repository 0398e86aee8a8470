/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pn-corpus.h"
#include "pn-profile.h"
#include "pn-result.h"

G_BEGIN_DECLS

/* The profile and the corpus in, the results out: the corpus is asked
 * for the benefits the profile may match, and nothing else is read.  An
 * error is the store's (a damaged row, a document replaced meanwhile). */
PnResults *pn_engine_evaluate (PnCorpus   *corpus,
                               PnProfile  *profile,
                               GError    **error);

G_END_DECLS
