/*
 * The host's event loop and the entry points other modules use (CONTRACT.md; issue 10).
 *
 * One thread (ServiceMain's) runs the loop: GetQueuedCompletionStatus(INFINITE) on one I/O completion
 * port. Nothing polls; with nothing happening the host does not wake up. Everything arrives there:
 *
 *   completion key (low 8 bits = HostPostKind)  lpOverlapped / bytes
 *   HOST_POST_JOB       | generation << 8         job message (bytes = JOB_OBJECT_MSG_*, lpOverlapped =
 *                                                 the PID) from the job of that program start, posted by
 *                                                 the system (JOBOBJECT_ASSOCIATE_COMPLETION_PORT)
 *   HOST_POST_PROGRAM_EXITED | generation << 8    the program's process handle was signalled
 *                                                 (RegisterWaitForSingleObject: job messages can be lost)
 *   HOST_POST_TIMER                                value = timer id | sequence << 8 (a stale sequence is
 *                                                 ignored, so a cancelled timer that already fired is harmless)
 *   HOST_POST_CONTROL                              value = SERVICE_CONTROL_STOP / _PRESHUTDOWN / _SHUTDOWN
 *   HOST_POST_RESTART_PROGRAM                      value = HostRestartReason: stop the program (same
 *                                                 escalation and budget as a service stop) and start it
 *                                                 again; not counted as a crash
 *   HOST_POST_READINESS                            value = 1 ready, 0 the readiness probe gave up
 *   HOST_POST_ACCOUNTING                           refresh the status's job accounting now (the pipe
 *                                                 posts it at most once a second while a client listens)
 *   HOST_POST_START_PROGRESS                       a readiness attempt was made: the START_PENDING
 *                                                 checkpoint moves (real progress only)
 *
 * Modules post with host_post(); the loop never blocks on anything else.
 */
#ifndef SERVICE_HOST_HOST_H
#define SERVICE_HOST_HOST_H

#include <windows.h>
#include "config.h"

/** The low 8 bits of a completion key. */
typedef enum {
  HOST_POST_JOB = 1,
  HOST_POST_PROGRAM_EXITED = 2,
  HOST_POST_TIMER = 3,
  HOST_POST_CONTROL = 4,
  HOST_POST_RESTART_PROGRAM = 5,
  HOST_POST_READINESS = 6,
  HOST_POST_ACCOUNTING = 7,
  HOST_POST_START_PROGRESS = 8,
} HostPostKind;

/** Why the program is restarted without counting a crash (HOST_POST_RESTART_PROGRAM's value). */
typedef enum {
  HOST_RESTART_COMMAND = 1,  /* the pipe's {"command":"restart-program"} */
  HOST_RESTART_LIVENESS = 2, /* LivenessFailuresToRestart consecutive liveness failures: counted as a crash */
} HostRestartReason;

/** Posts to the loop's port from any thread. FALSE if the loop is gone (the host is stopping). */
BOOL host_post(HostPostKind kind, ULONG_PTR value);

/** The configuration as read at start (valid while the loop runs; never changes). */
const HostConfig *host_config(void);

/** The service's name (from --service, checked against the SCM's). */
const WCHAR *host_service_name(void);

/**
 * Where the modules of hostio (log.c, probe.c, pipe.c) plug into the lifecycle. Each may be NULL;
 * main.c calls them on the loop thread. Set them in host_modules_init (modules.c), before the loop.
 */
typedef struct {
  /** Before each program start: inheritable write ends for the program's stdout and stderr (either may
   *  stay NULL: the program then gets the NUL device). Closed by the host after CreateProcessW. */
  BOOL (*open_output)(HANDLE *stdout_write, HANDLE *stderr_write);
  /** A host line for the log ("program started, PID 1234"): UTF-8, no line break. */
  void (*host_line)(const char *line);
  /** The program is running (after ResumeThread); readiness probes start here when set: report with
   *  host_post(HOST_POST_READINESS, ok). */
  void (*program_started)(DWORD pid);
  /** RUNNING was reported: liveness probes start (they call host_post(HOST_POST_RESTART_PROGRAM,
   *  HOST_RESTART_LIVENESS) after LivenessFailuresToRestart failures). */
  void (*program_ready)(void);
  /** The program is being stopped or has exited: probes stop. */
  void (*program_stopping)(void);
  /** The host is about to report STOPPED: flush logs, close the pipe. */
  void (*host_stopping)(void);
} HostHooks;

/** The hooks main.c calls (all NULL until a module sets them). */
extern HostHooks host_hooks;

/** Lets the modules set host_hooks and start (the pipe server); FALSE stops the host with `exit_code`. */
BOOL host_modules_init(DWORD *exit_code);

#endif
