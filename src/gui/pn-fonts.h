/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

gboolean pn_fonts_cover_simplified_chinese (PangoContext *context);

G_END_DECLS
