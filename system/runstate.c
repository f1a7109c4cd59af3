/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Main loop and shutdown requests.
 */
#include "qemu/osdep.h"
#include "system/runstate.h"

static bool shutdown_requested;
static int shutdown_status;

void qemu_system_shutdown_request(int status)
{
    if (!shutdown_requested) {
        shutdown_requested = true;
        shutdown_status = status;
    }
    g_main_context_wakeup(NULL);
}

bool qemu_shutdown_requested(void)
{
    return shutdown_requested;
}

int qemu_main_loop(void)
{
    while (!shutdown_requested) {
        g_main_context_iteration(NULL, TRUE);
    }
    return shutdown_status;
}

static gboolean wait_timeout_cb(gpointer opaque)
{
    *(bool *)opaque = true;
    return G_SOURCE_REMOVE;
}

bool main_loop_wait_until(bool (*done)(void *opaque), void *opaque,
                          int64_t timeout_ms)
{
    bool timed_out = false;
    guint timer;

    if (done(opaque)) {
        return true;
    }
    timer = g_timeout_add((guint)CLAMP(timeout_ms, 0, G_MAXUINT), wait_timeout_cb,
                          &timed_out);
    while (!done(opaque) && !timed_out && !shutdown_requested) {
        g_main_context_iteration(NULL, TRUE);
    }
    if (!timed_out) {
        g_source_remove(timer);
    }
    return done(opaque);
}
