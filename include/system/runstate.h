/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * runstate.h: the main loop and shutdown requests.
 *
 * The machine is single-threaded around GLib's default main context, as
 * QEMU is around its main loop: qtest and monitor sockets, device
 * eventfds and vfio-user sockets are fd sources on it.
 */
#ifndef SYSTEM_RUNSTATE_H
#define SYSTEM_RUNSTATE_H

#include <stdbool.h>
#include <stdint.h>

/**
 * qemu_system_shutdown_request: make qemu_main_loop() return @status
 * (the process exit status) once the current event is handled.
 */
void qemu_system_shutdown_request(int status);

/** qemu_shutdown_requested: Returns: true once a shutdown was requested. */
bool qemu_shutdown_requested(void);

/** qemu_main_loop: run events until shutdown. Returns: the exit status. */
int qemu_main_loop(void);

/**
 * main_loop_wait_until: run events (from inside an event handler, e.g. a
 * qtest request that waits for an interruption) until @done(@opaque) is
 * true, @timeout_ms milliseconds pass, or a shutdown is requested.
 * Returns: the last value of @done.
 */
bool main_loop_wait_until(bool (*done)(void *opaque), void *opaque,
                          int64_t timeout_ms);

#endif /* SYSTEM_RUNSTATE_H */
