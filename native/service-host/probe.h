/*
 * Probes (CONTRACT.md, Readiness* and Liveness*): does the program answer? A TCP connect to
 * 127.0.0.1:port, an HTTP/1.0 GET whose status line must carry the expected status, or a heartbeat
 * file written recently. Each attempt gives ok and a short detail in the admin's words
 * ("connected to 127.0.0.1:8080", "HTTP 503 (expected 200)", "heartbeat 42 s old (limit 30 s)").
 *
 * The scheduler (HostProber) runs attempts on the Windows thread pool, never on the host's loop:
 * readiness attempts back to back until one answers or ReadinessTimeoutSec passes, liveness every
 * LivenessIntervalSec, counting consecutive failures. Outcomes go to a callback the host gives (on a
 * pool thread), which posts them to the host's loop.
 */
#ifndef SERVICE_HOST_PROBE_H
#define SERVICE_HOST_PROBE_H

#include <windows.h>

#include "config.h"

/** One attempt's answer. */
typedef struct {
  BOOL ok;
  char detail[160]; /* UTF-8, short, no line break */
} ProbeResult;

/** "tcp", "http", "heartbeat" or "none". */
const char *probe_kind_name(ProbeKind kind);

/** Runs one attempt of `probe` (blocking, at most about `timeout_ms`; heartbeat does not wait). */
void probe_run(const ProbeConfig *probe, DWORD timeout_ms, ProbeResult *result);

/** Starts Winsock once for the process; FALSE with the error in *error. */
BOOL probe_startup(DWORD *error);

/** Which schedule an outcome comes from. */
typedef enum { PROBE_READINESS = 1, PROBE_LIVENESS = 2 } ProbeRole;

/** What the scheduler tells the host after each attempt. */
typedef struct {
  ProbeRole role;
  DWORD generation;            /* the value prober_start_* returned: outcomes of an older run are stale */
  ProbeKind kind;
  ProbeResult result;
  FILETIME at;                 /* when the attempt ended (UTC) */
  DWORD attempt;               /* 1, 2, ... within this run (readiness: move the START_PENDING checkpoint) */
  DWORD consecutive_failures;  /* liveness: failures in a row, 0 after a success */
  BOOL ready;                  /* readiness answered: report RUNNING */
  BOOL timed_out;              /* readiness: ReadinessTimeoutSec passed without an answer (a failed start) */
  BOOL restart;                /* liveness: LivenessFailuresToRestart reached (set once per run) */
} ProbeOutcome;

/** Called on a thread-pool thread; must not block (post to the host's loop). */
typedef void (*ProbeReportFn)(void *context, const ProbeOutcome *outcome);

/** The probe schedule of one service. */
typedef struct HostProber HostProber;

/**
 * Makes the scheduler for `config`'s readiness and liveness probes (the config must outlive it).
 * NULL with the error in *error.
 */
HostProber *prober_create(const HostConfig *config, ProbeReportFn report, void *context, DWORD *error);

/** Starts readiness attempts (the first at once); returns the generation its outcomes carry. */
DWORD prober_start_readiness(HostProber *prober);

/** Starts liveness attempts (the first after LivenessIntervalSec); returns the generation. */
DWORD prober_start_liveness(HostProber *prober);

/**
 * Stops whatever runs without waiting: an attempt in flight ends by itself and is not reported (its
 * generation is stale); no report of this run comes after it returns.
 */
void prober_stop(HostProber *prober);

/** Stops, waits for an attempt in flight (at most about ProbeTimeoutMs) and frees. NULL is ignored. */
void prober_destroy(HostProber *prober);

#endif
