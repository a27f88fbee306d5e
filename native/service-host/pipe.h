/*
 * The status pipe server (CONTRACT.md, "Status pipe"): `\\.\pipe\admin-console-host-NAME`, open only to
 * SYSTEM and Administrators, up to 4 clients, one JSON line per message. Its own thread does all the
 * pipe I/O overlapped, so the host's loop never waits on a client: a client that does not read its
 * lines within a few seconds is disconnected. With no client connected and nothing changing, the
 * thread does not wake up.
 */
#ifndef SERVICE_HOST_PIPE_H
#define SERVICE_HOST_PIPE_H

#include <windows.h>

/** Writes the current status line ('\n' included, NUL-terminated); returns its length, 0 if it did not fit. */
typedef size_t (*HostPipeStatusFn)(char *buffer, size_t capacity);

/**
 * Asks the host to restart the program (not counted as a crash); must not block. FALSE with a short
 * reason (UTF-8) in `error` when it cannot ("the service is stopping").
 */
typedef BOOL (*HostPipeRestartFn)(char *error, size_t capacity);

/** Called on the pipe's thread about once a second while a client is connected (refresh accounting); must not block. */
typedef void (*HostPipeListeningFn)(void);

/** The server of one service's pipe. */
typedef struct HostPipe HostPipe;

/** The pipe's security descriptor (SDDL): SYSTEM and Administrators, nobody else. */
#define HOSTPIPE_SDDL L"D:P(A;;GA;;;SY)(A;;GA;;;BA)"

/** CONTRACT.md's service-specific exit code: the status pipe could not be created (its name taken, or no resources). */
#define HOST_EXIT_PIPE_FAILED 0x20000008u

/** How long a write to a client may stay unfinished before that client is disconnected. */
#define HOSTPIPE_SLOW_CLIENT_MS 5000

/**
 * Creates the pipe's first instance (FILE_FLAG_FIRST_PIPE_INSTANCE: a name already taken by someone
 * else is an error, never shared) and starts the server thread. NULL with the Win32 code in *error.
 */
HostPipe *hostpipe_start(const WCHAR *service, HostPipeStatusFn status, HostPipeRestartFn restart, HostPipeListeningFn listening,
                         DWORD *error);

/**
 * Something in the status changed (any thread, never blocks): clients get a new line now, or for an
 * accounting-only change at most once a second. A line identical to the last one sent is not sent.
 */
void hostpipe_changed(HostPipe *pipe, BOOL accounting_only);

/** Sends the last status (within half a second), disconnects every client and ends the thread. NULL is ignored. */
void hostpipe_stop(HostPipe *pipe);

#endif
