/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the libFuzzer targets of tests/fuzz and their replay runner.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

/* Once per process: criticals and warnings abort, like G_DEBUG=fatal-criticals
 * in the test suites, so that a g_return_if_fail() hit by input is a crash
 * the fuzzer reports. */
void pn_fuzz_init           (void);

/* An error from input must be one line naming `display_name`; anything
 * else aborts. */
void pn_fuzz_check_error    (const GError *error,
                             const char   *display_name);
