/*
 * HostStatus: what the status pipe's `status` line says (CONTRACT.md, "Status pipe"), kept current by
 * the event loop and read by the pipe server. One lock guards it: take status_lock() around every
 * read or change, and call status_changed() (still holding it or after) once something changed.
 */
#ifndef SERVICE_HOST_STATUS_H
#define SERVICE_HOST_STATUS_H

#include <windows.h>
#include "config.h"

/** lastExits, limitHits and events keep this many, newest last. */
#define HOST_STATUS_KEEP 20
/** At most this many PIDs in `pids` (more are left out; the count is in job.activeProcesses). */
#define HOST_STATUS_MAX_PIDS 256
/** A status line is at most this long, '\n' included (CONTRACT.md: 64 KiB). */
#define HOST_STATUS_LINE_MAX 65536

/** The `state` field. */
typedef enum { HOST_STARTING = 0, HOST_RUNNING, HOST_BACKOFF, HOST_STOPPING, HOST_STOPPED, HOST_GAVE_UP } HostState;

/** One program exit (`lastExits`). */
typedef struct {
  DWORD pid;
  DWORD code;
  ULONGLONG at_ms; /* ms since 1970 */
} HostExit;

/** A probe's latest result (`readiness` / `liveness`); `known` FALSE = null (never probed). */
typedef struct {
  BOOL known;
  ProbeKind kind;
  BOOL ok;
  ULONGLONG at_ms;
  char detail[256]; /* UTF-8 */
  DWORD consecutive_failures; /* liveness only */
} HostProbeResult;

/** A limit hit (`limitHits`): limit is "memory", "process-memory", "active-processes", "cpu-time", ... */
typedef struct {
  char limit[32];
  ULONGLONG at_ms;
} HostLimitHit;

/** A timeline entry (`events`): kind as in the event log (started, exited, restarting, ...). */
typedef struct {
  ULONGLONG at_ms;
  char kind[24];
  char detail[256]; /* UTF-8 */
} HostTimelineEvent;

/** Job accounting (`job`); a negative number is unknown (null in the JSON), never 0. */
typedef struct {
  BOOL known; /* FALSE: no job yet, the whole object is null */
  LONGLONG active_processes, total_processes;
  LONGLONG user_time_ms, kernel_time_ms;
  LONGLONG peak_process_memory_bytes, peak_job_memory_bytes;
} HostJobAccounting;

/** Everything in the status line. */
typedef struct {
  WCHAR service[257];
  DWORD host_pid;
  HostState state;
  DWORD program_pid; /* 0 = null */
  DWORD pids[HOST_STATUS_MAX_PIDS];
  DWORD pid_count;
  DWORD restarts;           /* program starts after the first, for any reason */
  DWORD restarts_in_window; /* crash restarts counted against RestartMaxCount */
  ULONGLONG next_restart_at_ms; /* 0 = null */
  HostExit last_exits[HOST_STATUS_KEEP];
  DWORD last_exit_count;
  HostProbeResult readiness, liveness;
  HostJobAccounting job;
  HostLimitHit limit_hits[HOST_STATUS_KEEP];
  DWORD limit_hit_count;
  HostTimelineEvent events[HOST_STATUS_KEEP];
  DWORD event_count;
  WCHAR log_folder[MAX_PATH * 2]; /* empty = null until the log module sets it */
  /** Bumped by status_changed; `accounting_generation` only for accounting-only changes. */
  ULONGLONG generation, accounting_generation;
} HostStatus;

/**
 * Called (outside the lock) after every status_changed; accounting_only TRUE when only `job` changed,
 * which the pipe sends at most once a second. The pipe server (pipe.c) registers it.
 */
typedef void (*StatusListener)(BOOL accounting_only);

/** Sets up the lock and the fields that never change. Call once before anything else here. */
void status_init(const WCHAR *service);
/** Enters the lock and returns the status to read or change. */
HostStatus *status_lock(void);
/** Leaves the lock. */
void status_unlock(void);
/** Marks a change and tells the listener (call without holding the lock). */
void status_changed(BOOL accounting_only);
/** Registers the one listener (NULL removes it). */
void status_set_listener(StatusListener listener);

/** Adds an exit (keeps the newest HOST_STATUS_KEEP); hold the lock. */
void status_add_exit(HostStatus *s, DWORD pid, DWORD code);
/** Adds a limit hit; hold the lock. */
void status_add_limit_hit(HostStatus *s, const char *limit);
/** Adds a timeline event; hold the lock. */
void status_add_event(HostStatus *s, const char *kind, const char *detail);

/** The `state` string ("starting", "running", ...). */
const char *status_state_name(HostState state);

/**
 * Writes the status object as one JSON line, '\n' included, into `buffer` (NUL-terminated); takes the
 * lock itself. Returns the length without the NUL, or 0 if it did not fit.
 */
size_t status_write_json(char *buffer, size_t capacity);

#endif
