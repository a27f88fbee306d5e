/*
 * service-host.exe: runs an ordinary program as a Windows service, its whole tree in a kill-on-close
 * job, restarted with backoff and jitter, stopped on one budget (CONTRACT.md; issue 10).
 *
 *   "<install>\resources\service-host.exe" --service NAME
 *
 * wmain hands the main thread to StartServiceCtrlDispatcherW at once (Service Entry Point). ServiceMain
 * reads the configuration, starts the program and then runs the event loop of host.h on its own thread
 * until STOPPED is reported, exactly once. Only that thread calls SetServiceStatus; the control handler
 * (on the dispatcher thread) only posts to the loop and returns at once.
 *
 * Subsystem: console (the default): the host needs no window, and Ctrl+C reaches the program through
 * the program's own console (stop.c), never the host's.
 *
 * Libraries: ws2_32 advapi32 user32 kernel32 shell32 ole32
 *
 * Build: node scripts/native-build.mjs (every .c file of this folder into one service-host.exe).
 */
#include <windows.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "config.h"
#include "eventlog.h"
#include "host.h"
#include "json.h"
#include "launch.h"
#include "probe.h"
#include "restart.h"
#include "status.h"
#include "stop.h"

/* How long the SCM should wait between checkpoints while we start (SERVICE_STATUS.dwWaitHint). */
#define START_WAIT_HINT_MS 10000
/* The exit code TerminateJobObject gives the tree: ERROR_PROCESS_ABORTED, recognisable in lastExits. */
#define TERMINATED_EXIT_CODE ERROR_PROCESS_ABORTED
/* The code a readiness timeout records as the failed start's exit (ERROR_TIMEOUT). */
#define NOT_READY_EXIT_CODE ERROR_TIMEOUT

typedef enum { PHASE_STARTING, PHASE_RUNNING, PHASE_BACKOFF, PHASE_STOPPING, PHASE_RESTARTING, PHASE_DONE } Phase;
enum { TIMER_RESTART, TIMER_STOP_STEP, TIMER_READINESS, TIMER_HEALTHY, TIMER_COUNT };

static WCHAR service_name[257];
static WCHAR requested_name[257];
static HostConfig config;
static HANDLE port;
static SERVICE_STATUS_HANDLE status_handle;
static SERVICE_STATUS scm;
static BOOL scm_running, stopped_reported;

static Phase phase;
static DWORD generation;
static LaunchedProgram program;
static HANDLE exit_wait;
static BOOL program_alive;
static DWORD last_exit_code;
static ULONGLONG program_started_tick;
static RestartHistory history;

static StopPlan plan;
static DWORD plan_index;
static ULONGLONG stop_began;
static HostRestartReason restart_reason;

static PTP_TIMER timers[TIMER_COUNT];
static volatile LONG timer_sequence[TIMER_COUNT];

const HostConfig *host_config(void) { return &config; }
const WCHAR *host_service_name(void) { return service_name; }

BOOL host_post(HostPostKind kind, ULONG_PTR value) {
  HANDLE p = port;
  return p && PostQueuedCompletionStatus(p, 0, (ULONG_PTR)kind, (LPOVERLAPPED)value);
}

/* ---- SCM status: only the loop thread reports ---- */

static void report(DWORD state, DWORD wait_hint) {
  if (stopped_reported) return; /* STOPPED is final: no work, no report afterwards (SetServiceStatus) */
  scm.dwServiceType = SERVICE_WIN32_OWN_PROCESS;
  scm.dwCurrentState = state;
  /* No controls while START_PENDING (SetServiceStatus remarks); STOP and PRESHUTDOWN while running
   * (SHUTDOWN too, for systems that do not deliver PRESHUTDOWN); never PAUSE. */
  scm.dwControlsAccepted = state == SERVICE_RUNNING ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_PRESHUTDOWN | SERVICE_ACCEPT_SHUTDOWN : 0;
  if (state == SERVICE_START_PENDING || state == SERVICE_STOP_PENDING) scm.dwCheckPoint++;
  else scm.dwCheckPoint = 0;
  scm.dwWaitHint = wait_hint;
  if (state == SERVICE_STOPPED) stopped_reported = TRUE;
  SetServiceStatus(status_handle, &scm);
}

/* ---- timers: threadpool timers that post to the loop ---- */

static VOID CALLBACK timer_fired(PTP_CALLBACK_INSTANCE instance, PVOID context, PTP_TIMER timer) {
  (void)instance;
  (void)timer;
  ULONG_PTR id = (ULONG_PTR)context;
  host_post(HOST_POST_TIMER, id | ((ULONG_PTR)(DWORD)timer_sequence[id] << 8));
}

/* After this no callback of the timer runs or will run; a post already queued carries an old sequence. */
static void timer_cancel(int id) {
  SetThreadpoolTimer(timers[id], NULL, 0, 0);
  WaitForThreadpoolTimerCallbacks(timers[id], TRUE);
  InterlockedIncrement(&timer_sequence[id]);
}

static void timer_arm(int id, DWORD ms) {
  timer_cancel(id);
  ULARGE_INTEGER due;
  due.QuadPart = (ULONGLONG)(-(LONGLONG)ms * 10000); /* negative: relative, in 100 ns */
  FILETIME ft;
  ft.dwLowDateTime = due.LowPart;
  ft.dwHighDateTime = due.HighPart;
  SetThreadpoolTimer(timers[id], &ft, 0, 0);
}

/* ---- events: the event log, the timeline and the log's host lines ---- */

static void host_line(const char *text) {
  if (host_hooks.host_line) host_hooks.host_line(text);
}

static void event_with(WORD type, const char *kind, const char *fields, const char *detail) {
  eventlog_report(type, kind, fields, detail);
  status_changed(FALSE);
}

static void set_state(HostState state) {
  HostStatus *s = status_lock();
  s->state = state;
  if (state != HOST_BACKOFF) s->next_restart_at_ms = 0;
  status_unlock();
  status_changed(FALSE);
}

/* ---- the job's processes and accounting ---- */

static void refresh_job(BOOL accounting_only) {
  HostStatus *s;
  if (!program.job) {
    s = status_lock();
    s->pid_count = 0;
    status_unlock();
    status_changed(accounting_only);
    return;
  }
  struct {
    JOBOBJECT_BASIC_PROCESS_ID_LIST list;
    ULONG_PTR more[HOST_STATUS_MAX_PIDS];
  } ids;
  ZeroMemory(&ids, sizeof ids);
  BOOL have_ids = QueryInformationJobObject(program.job, JobObjectBasicProcessIdList, &ids, sizeof ids, NULL) || GetLastError() == ERROR_MORE_DATA;
  JOBOBJECT_BASIC_ACCOUNTING_INFORMATION basic;
  BOOL have_basic = QueryInformationJobObject(program.job, JobObjectBasicAccountingInformation, &basic, sizeof basic, NULL);
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION extended;
  BOOL have_extended = QueryInformationJobObject(program.job, JobObjectExtendedLimitInformation, &extended, sizeof extended, NULL);
  s = status_lock();
  if (have_ids) {
    const ULONG_PTR *list = ids.list.ProcessIdList;
    s->pid_count = ids.list.NumberOfProcessIdsInList < HOST_STATUS_MAX_PIDS ? ids.list.NumberOfProcessIdsInList : HOST_STATUS_MAX_PIDS;
    for (DWORD i = 0; i < s->pid_count; i++) s->pids[i] = (DWORD)list[i];
  }
  s->job.known = TRUE;
  s->job.active_processes = have_basic ? (LONGLONG)basic.ActiveProcesses : -1;
  s->job.total_processes = have_basic ? (LONGLONG)basic.TotalProcesses : -1;
  s->job.user_time_ms = have_basic ? basic.TotalUserTime.QuadPart / 10000 : -1;
  s->job.kernel_time_ms = have_basic ? basic.TotalKernelTime.QuadPart / 10000 : -1;
  /* A job that has had a process cannot have used 0 bytes: Wine answers 0 (README, "What Wine proves and what waits for Windows"), so 0 is unknown. */
  s->job.peak_process_memory_bytes = have_extended && extended.PeakProcessMemoryUsed ? (LONGLONG)extended.PeakProcessMemoryUsed : -1;
  s->job.peak_job_memory_bytes = have_extended && extended.PeakJobMemoryUsed ? (LONGLONG)extended.PeakJobMemoryUsed : -1;
  status_unlock();
  status_changed(accounting_only);
}

static LONGLONG job_active_processes(void) {
  JOBOBJECT_BASIC_ACCOUNTING_INFORMATION basic;
  if (!program.job || !QueryInformationJobObject(program.job, JobObjectBasicAccountingInformation, &basic, sizeof basic, NULL)) return -1;
  return basic.ActiveProcesses;
}

/* Ends whatever is left of the program's tree and lets go of it: closing the last handle of a
 * KILL_ON_JOB_CLOSE job ends its members even if TerminateJobObject was refused. */
static void release_program(void) {
  if (exit_wait) {
    UnregisterWaitEx(exit_wait, INVALID_HANDLE_VALUE); /* its callback only posts: waiting for it is quick */
    exit_wait = NULL;
  }
  if (program.job) {
    TerminateJobObject(program.job, TERMINATED_EXIT_CODE);
    CloseHandle(program.job);
  }
  if (program.process) CloseHandle(program.process);
  ZeroMemory(&program, sizeof program);
  program_alive = FALSE;
  HostStatus *s = status_lock();
  s->program_pid = 0;
  s->pid_count = 0;
  status_unlock();
  status_changed(FALSE);
}

/* ---- the end ---- */

static void report_stopped(DWORD win32_code, DWORD specific_code) {
  if (stopped_reported) return;
  timer_cancel(TIMER_RESTART);
  timer_cancel(TIMER_STOP_STEP);
  timer_cancel(TIMER_READINESS);
  timer_cancel(TIMER_HEALTHY);
  if (program.job || program.process) release_program();
  char fields[64];
  DWORD code = win32_code == ERROR_SERVICE_SPECIFIC_ERROR ? specific_code : win32_code;
  snprintf(fields, sizeof fields, ",\"code\":%lu", code);
  char detail[96];
  snprintf(detail, sizeof detail, "service stopped (code %lu)", code);
  HostStatus *s = status_lock();
  if (s->state != HOST_GAVE_UP) s->state = HOST_STOPPED;
  s->next_restart_at_ms = 0;
  status_unlock();
  event_with(win32_code ? EVENTLOG_ERROR_TYPE : EVENTLOG_INFORMATION_TYPE, "stopped", fields, detail);
  host_line(detail);
  if (host_hooks.host_stopping) host_hooks.host_stopping();
  scm.dwWin32ExitCode = win32_code;
  scm.dwServiceSpecificExitCode = win32_code == ERROR_SERVICE_SPECIFIC_ERROR ? specific_code : 0;
  phase = PHASE_DONE;
  report(SERVICE_STOPPED, 0);
}

/* Stops the service because of `code` (one of HOST_EXIT_* or the program's), as an error. */
static void stop_with_error(DWORD code) { report_stopped(ERROR_SERVICE_SPECIFIC_ERROR, code); }

static void start_failed(const LaunchError *error, DWORD code) {
  char fields[512], detail[400];
  JsonWriter w;
  json_init(&w, fields, sizeof fields);
  json_raw(&w, ",\"win32Code\":");
  json_uint(&w, error->win32_code);
  json_raw(&w, ",\"message\":");
  char message[360];
  snprintf(message, sizeof message, "%s: %s", error->call, error->message);
  json_string(&w, message);
  snprintf(detail, sizeof detail, "%s (error %lu)", message, error->win32_code);
  event_with(EVENTLOG_ERROR_TYPE, "start-failed", w.overflow ? "" : fields, detail);
  stop_with_error(code);
}

/* ---- starting ---- */

static void become_running(void) {
  phase = PHASE_RUNNING;
  timer_cancel(TIMER_READINESS);
  set_state(HOST_RUNNING);
  if (!scm_running) {
    scm_running = TRUE;
    report(SERVICE_RUNNING, 0);
  }
  if (host_hooks.program_ready) host_hooks.program_ready();
}

static VOID CALLBACK program_exited(PVOID context, BOOLEAN timed_out) {
  (void)timed_out;
  host_post(HOST_POST_PROGRAM_EXITED, (ULONG_PTR)context);
}

static void start_progress(void) {
  if (!scm_running) report(SERVICE_START_PENDING, START_WAIT_HINT_MS);
}

static void start_program(void) {
  LaunchError error;
  ZeroMemory(&error, sizeof error);
  generation++;
  HANDLE job = NULL;
  if (!launch_create_job(&config, port, (ULONG_PTR)HOST_POST_JOB | ((ULONG_PTR)generation << 8), &job, &error)) {
    start_failed(&error, HOST_EXIT_JOB_FAILED);
    return;
  }
  start_progress(); /* the job is made */
  HANDLE out = NULL, err = NULL;
  if (host_hooks.open_output && !host_hooks.open_output(&out, &err)) {
    out = err = NULL;
  }
  BOOL launched = launch_program(&config, job, out, err, &program, &error);
  /* The program has its own copies now (or none): EOF on our read ends needs ours closed. */
  if (out) CloseHandle(out);
  if (err && err != out) CloseHandle(err);
  if (!launched) {
    CloseHandle(job);
    start_failed(&error, HOST_EXIT_START_FAILED);
    return;
  }
  start_progress(); /* created and resumed */
  program_alive = TRUE;
  program_started_tick = GetTickCount64();
  if (!RegisterWaitForSingleObject(&exit_wait, program.process, program_exited, (PVOID)(ULONG_PTR)generation, INFINITE,
                                   WT_EXECUTEONLYONCE | WT_EXECUTEINWAITTHREAD)) {
    exit_wait = NULL; /* the job's EXIT_PROCESS / ACTIVE_PROCESS_ZERO messages still tell us */
  }
  HostStatus *s = status_lock();
  s->program_pid = program.pid;
  status_unlock();
  char fields[48], detail[96];
  snprintf(fields, sizeof fields, ",\"pid\":%lu", program.pid);
  snprintf(detail, sizeof detail, "program started, PID %lu", program.pid);
  event_with(EVENTLOG_INFORMATION_TYPE, "started", fields, detail);
  host_line(detail);
  refresh_job(FALSE);
  timer_arm(TIMER_HEALTHY, config.restart_reset_sec * 1000);
  if (host_hooks.program_started) host_hooks.program_started(program.pid);
  if (config.readiness.kind != PROBE_NONE) {
    phase = PHASE_STARTING;
    set_state(HOST_STARTING);
    timer_arm(TIMER_READINESS, config.readiness_timeout_sec * 1000);
  } else {
    become_running();
  }
}

/* ---- a program that ended on its own ---- */

static void schedule_restart_or_give_up(DWORD code) {
  ULONGLONG now = GetTickCount64();
  if (!restart_allowed(&config, &history, now)) {
    DWORD restarts_in_window = restart_count_in_window(&config, &history, now);
    HostStatus *s = status_lock();
    s->state = HOST_GAVE_UP;
    s->restarts_in_window = restarts_in_window;
    status_unlock();
    char fields[96], detail[160];
    snprintf(fields, sizeof fields, ",\"code\":%lu,\"restarts\":%lu", code, restarts_in_window);
    snprintf(detail, sizeof detail, "gave up after %lu restarts in %lu s (last exit code %lu)", restarts_in_window, config.restart_window_sec, code);
    event_with(EVENTLOG_ERROR_TYPE, "gave-up", fields, detail);
    host_line(detail);
    /* A specific code of 0 would read as success: the contract's own code says "gave up, program said 0". */
    stop_with_error(code ? code : HOST_EXIT_GAVE_UP_CODE_ZERO);
    return;
  }
  DWORD n = history.count + 1;
  DWORD delay = restart_delay_ms(&config, n, restart_uniform());
  restart_record(&history, now);
  DWORD in_window = restart_count_in_window(&config, &history, now);
  phase = PHASE_BACKOFF;
  HostStatus *s = status_lock();
  s->state = HOST_BACKOFF;
  s->restarts_in_window = in_window;
  s->next_restart_at_ms = json_now_ms() + delay;
  status_unlock();
  char fields[96], detail[200];
  snprintf(fields, sizeof fields, ",\"inSeconds\":%.3f,\"restarts\":%lu", delay / 1000.0, in_window);
  snprintf(detail, sizeof detail, "in %.1f s (restart %lu of %lu in %lu s)", delay / 1000.0, in_window, config.restart_max_count,
           config.restart_window_sec);
  event_with(EVENTLOG_WARNING_TYPE, "restarting", fields, detail);
  host_line(detail);
  timer_arm(TIMER_RESTART, delay);
  /* Still starting for the SCM (a readiness probe never passed): the backoff is progress it must wait for. */
  if (!scm_running) report(SERVICE_START_PENDING, delay + START_WAIT_HINT_MS);
}

static void finish_stop(void);

static void on_program_exited(DWORD gen) {
  if (gen != generation || !program_alive) return;
  DWORD code = 0;
  if (!GetExitCodeProcess(program.process, &code)) code = (DWORD)-1;
  program_alive = FALSE;
  last_exit_code = code;
  if (exit_wait) {
    UnregisterWaitEx(exit_wait, NULL); /* it ran (WT_EXECUTEONLYONCE): just free it */
    exit_wait = NULL;
  }
  timer_cancel(TIMER_READINESS);
  timer_cancel(TIMER_HEALTHY);
  HostStatus *s = status_lock();
  status_add_exit(s, program.pid, code);
  s->program_pid = 0;
  status_unlock();
  char fields[64], detail[96];
  snprintf(fields, sizeof fields, ",\"pid\":%lu,\"code\":%lu", program.pid, code);
  snprintf(detail, sizeof detail, "program exited, PID %lu, code %lu", program.pid, code);
  event_with(phase == PHASE_STOPPING || phase == PHASE_RESTARTING ? EVENTLOG_INFORMATION_TYPE : EVENTLOG_WARNING_TYPE, "exited", fields, detail);
  host_line(detail);
  if (host_hooks.program_stopping) host_hooks.program_stopping();

  if (phase == PHASE_STOPPING || phase == PHASE_RESTARTING) {
    /* The program is gone; what it left behind gets no more soft steps. */
    if (job_active_processes() > 0) TerminateJobObject(program.job, TERMINATED_EXIT_CODE);
    if (job_active_processes() <= 0) finish_stop();
    return;
  }
  /* Ran healthy long enough before this exit: the count starts over (RestartResetSec). */
  if (GetTickCount64() - program_started_tick >= (ULONGLONG)config.restart_reset_sec * 1000) history.count = 0;
  release_program();
  if (config_code_listed(config.exit_codes_no_restart, config.exit_codes_no_restart_count, code)) {
    report_stopped(NO_ERROR, 0);
    return;
  }
  if (config_code_listed(config.exit_codes_stop_service, config.exit_codes_stop_service_count, code)) {
    stop_with_error(code ? code : HOST_EXIT_GAVE_UP_CODE_ZERO);
    return;
  }
  schedule_restart_or_give_up(code);
}

/* ---- stopping: the service, or the program for a restart ---- */

static void run_stop_steps(void) {
  DWORD elapsed = (DWORD)(GetTickCount64() - stop_began);
  while (plan_index < plan.count && plan.at_ms[plan_index] <= elapsed) {
    StopStep step = plan.steps[plan_index++];
    char detail[96];
    BOOL done = TRUE;
    switch (step) {
      case STOP_STEP_CTRL_C:
      case STOP_STEP_CTRL_BREAK:
        done = program_alive && stop_send_console_event(program.pid, step == STOP_STEP_CTRL_C ? CTRL_C_EVENT : CTRL_BREAK_EVENT);
        if (done) snprintf(detail, sizeof detail, "%s sent to PID %lu", step == STOP_STEP_CTRL_C ? "Ctrl+C" : "Ctrl+Break", program.pid);
        else snprintf(detail, sizeof detail, "%s not delivered (error %lu)", step == STOP_STEP_CTRL_C ? "Ctrl+C" : "Ctrl+Break", GetLastError());
        break;
      case STOP_STEP_WM_CLOSE:
        snprintf(detail, sizeof detail, "WM_CLOSE posted to %lu window(s)", program.job ? stop_close_windows(program.job) : 0);
        break;
      case STOP_STEP_TERMINATE:
        if (program.job) TerminateJobObject(program.job, TERMINATED_EXIT_CODE);
        snprintf(detail, sizeof detail, "job terminated");
        break;
      default:
        snprintf(detail, sizeof detail, "stop budget of %lu ms reached", config.stop_budget_ms);
        break;
    }
    {
      HostStatus *s = status_lock();
      status_add_event(s, "stopping", detail);
      status_unlock();
      status_changed(FALSE);
      host_line(detail);
    }
    if (phase == PHASE_STOPPING) report(SERVICE_STOP_PENDING, config.stop_budget_ms - (elapsed < config.stop_budget_ms ? elapsed : 0));
    if (step == STOP_STEP_DEADLINE) {
      finish_stop();
      return;
    }
  }
  if (plan_index < plan.count) timer_arm(TIMER_STOP_STEP, plan.at_ms[plan_index] - elapsed);
}

static void begin_stop(Phase why) {
  phase = why;
  timer_cancel(TIMER_READINESS);
  timer_cancel(TIMER_HEALTHY);
  set_state(HOST_STOPPING);
  if (host_hooks.program_stopping) host_hooks.program_stopping();
  stop_began = GetTickCount64();
  stop_plan(config.stop_methods, config.stop_budget_ms, &plan);
  plan_index = 0;
  if (!program_alive && job_active_processes() <= 0) {
    finish_stop();
    return;
  }
  if (!program_alive) plan_index = plan.count - 2; /* only leftovers: straight to TerminateJobObject */
  run_stop_steps();
}

static void finish_stop(void) {
  timer_cancel(TIMER_STOP_STEP);
  Phase was = phase;
  release_program();
  if (was == PHASE_RESTARTING) {
    if (restart_reason == HOST_RESTART_LIVENESS) {
      /* Counted as a crash: the backoff, the window and the count (TIMER_RESTART counts the restart). */
      schedule_restart_or_give_up(last_exit_code);
    } else {
      HostStatus *s = status_lock();
      s->restarts++;
      status_unlock();
      start_program();
    }
    return;
  }
  report_stopped(NO_ERROR, 0);
}

static void on_control(DWORD control) {
  if (phase == PHASE_DONE || phase == PHASE_STOPPING) return;
  const char *reason = control == SERVICE_CONTROL_PRESHUTDOWN ? "preshutdown" : control == SERVICE_CONTROL_SHUTDOWN ? "shutdown" : "stop";
  char fields[64], detail[64];
  snprintf(fields, sizeof fields, ",\"reason\":\"%s\"", reason);
  snprintf(detail, sizeof detail, "%s requested", reason);
  event_with(EVENTLOG_INFORMATION_TYPE, "stopping", fields, detail);
  host_line(detail);
  report(SERVICE_STOP_PENDING, config.stop_budget_ms);
  if (phase == PHASE_RESTARTING) {
    phase = PHASE_STOPPING; /* the escalation under way carries on, on its own budget */
    return;
  }
  if (phase == PHASE_BACKOFF) {
    timer_cancel(TIMER_RESTART);
    phase = PHASE_STOPPING;
    finish_stop();
    return;
  }
  begin_stop(PHASE_STOPPING);
}

static void on_restart_program(HostRestartReason reason) {
  if (phase != PHASE_RUNNING && phase != PHASE_STARTING) return;
  restart_reason = reason;
  char detail[96];
  snprintf(detail, sizeof detail, "%s", reason == HOST_RESTART_LIVENESS ? "restarting the program: liveness probe failed" : "restarting the program on request");
  HostStatus *s = status_lock();
  status_add_event(s, "restarting", detail);
  status_unlock();
  host_line(detail);
  begin_stop(PHASE_RESTARTING);
}

/* Readiness not reached (the probe gave up or ReadinessTimeoutSec passed): a failed start, like a crash. */
static void on_not_ready(void) {
  /* Both the readiness deadline timer and the probe module's own deadline say so, and the program stays
     "alive" until TerminateJobObject's exit arrives: end each start once, not once per messenger. */
  static DWORD ended_generation = 0;
  if (phase != PHASE_STARTING || !program_alive || ended_generation == generation) return;
  ended_generation = generation;
  char last[256], fields[400], detail[400];
  HostStatus *s = status_lock();
  status_add_event(s, "probe-failed", "not ready in time: the start counts as a crash");
  /* The last attempt's own words ("connection refused (10061)") say why, in Event Viewer too. */
  snprintf(last, sizeof last, "%s", s->readiness.known ? s->readiness.detail : "never answered");
  status_unlock();
  const char *kind = probe_kind_name(config.readiness.kind);
  JsonWriter w;
  json_init(&w, fields, sizeof fields);
  json_raw(&w, ",\"probe\":");
  json_string(&w, kind);
  json_raw(&w, ",\"detail\":");
  json_string(&w, last);
  snprintf(detail, sizeof detail, "readiness %s: not ready within %lu s (last: %s); the start counts as a crash", kind,
           config.readiness_timeout_sec, last);
  event_with(EVENTLOG_WARNING_TYPE, "probe-failed", w.overflow ? "" : fields, detail);
  host_line(detail);
  TerminateJobObject(program.job, NOT_READY_EXIT_CODE); /* the exit arrives as on_program_exited */
}

static const char *limit_name(DWORD message) {
  switch (message) {
    case JOB_OBJECT_MSG_END_OF_JOB_TIME: return "job-time";
    case JOB_OBJECT_MSG_END_OF_PROCESS_TIME: return "process-time";
    case JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT: return "active-processes";
    case JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT: return "process-memory";
    case JOB_OBJECT_MSG_JOB_MEMORY_LIMIT: return "memory";
    case JOB_OBJECT_MSG_NOTIFICATION_LIMIT: return "notification";
    default: return NULL;
  }
}

static void on_job_message(DWORD gen, DWORD message, DWORD pid) {
  if (gen != generation || !program.job) return;
  const char *limit = limit_name(message);
  if (limit) {
    HostStatus *s = status_lock();
    status_add_limit_hit(s, limit);
    status_unlock();
    char fields[96], detail[128];
    snprintf(fields, sizeof fields, ",\"limit\":\"%s\",\"pid\":%lu", limit, pid);
    snprintf(detail, sizeof detail, "%s limit hit by PID %lu", limit, pid);
    event_with(EVENTLOG_WARNING_TYPE, "limit-hit", fields, detail);
    host_line(detail);
    return;
  }
  if (message == JOB_OBJECT_MSG_ACTIVE_PROCESS_ZERO) {
    refresh_job(FALSE);
    if ((phase == PHASE_STOPPING || phase == PHASE_RESTARTING) && !program_alive) finish_stop();
    return;
  }
  if (message == JOB_OBJECT_MSG_NEW_PROCESS || message == JOB_OBJECT_MSG_EXIT_PROCESS || message == JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS) {
    refresh_job(FALSE);
    /* Messages can be lost (brief 3.5): a stop also ends on the last exit we see. */
    if ((phase == PHASE_STOPPING || phase == PHASE_RESTARTING) && !program_alive && job_active_processes() == 0) finish_stop();
  }
}

static void on_timer(DWORD id, DWORD sequence) {
  if (id >= TIMER_COUNT || sequence != (DWORD)timer_sequence[id]) return; /* cancelled or re-armed since */
  InterlockedIncrement(&timer_sequence[id]);
  switch (id) {
    case TIMER_RESTART:
      if (phase != PHASE_BACKOFF) return;
      {
        HostStatus *s = status_lock();
        s->restarts++;
        status_unlock();
      }
      start_program();
      break;
    case TIMER_STOP_STEP:
      if (phase == PHASE_STOPPING || phase == PHASE_RESTARTING) run_stop_steps();
      break;
    case TIMER_READINESS:
      on_not_ready();
      break;
    case TIMER_HEALTHY:
      if (program_alive) {
        history.count = 0;
        HostStatus *s = status_lock();
        s->restarts_in_window = 0;
        status_unlock();
        status_changed(FALSE);
      }
      break;
  }
}

static void run_loop(void) {
  while (phase != PHASE_DONE) {
    DWORD bytes = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED overlapped = NULL;
    if (!GetQueuedCompletionStatus(port, &bytes, &key, &overlapped, INFINITE) && overlapped == NULL) {
      /* The port itself failed: nothing more can arrive. Stop rather than spin. */
      stop_with_error(HOST_EXIT_JOB_FAILED);
      return;
    }
    ULONG_PTR value = (ULONG_PTR)overlapped;
    switch ((HostPostKind)(key & 0xff)) {
      case HOST_POST_JOB: on_job_message((DWORD)(key >> 8), bytes, (DWORD)value); break;
      case HOST_POST_PROGRAM_EXITED: on_program_exited((DWORD)value); break;
      case HOST_POST_TIMER: on_timer((DWORD)(value & 0xff), (DWORD)(value >> 8)); break;
      case HOST_POST_CONTROL: on_control((DWORD)value); break;
      case HOST_POST_RESTART_PROGRAM: on_restart_program((HostRestartReason)value); break;
      case HOST_POST_READINESS:
        if (phase == PHASE_STARTING && program_alive) {
          if (value) become_running();
          else on_not_ready();
        }
        break;
      case HOST_POST_ACCOUNTING: refresh_job(TRUE); break;
      case HOST_POST_START_PROGRESS:
        if (phase == PHASE_STARTING) start_progress();
        break;
    }
  }
}

/* ---- the SCM's side ---- */

static DWORD WINAPI control_handler(DWORD control, DWORD event_type, LPVOID event_data, LPVOID context) {
  (void)event_type;
  (void)event_data;
  (void)context;
  switch (control) {
    case SERVICE_CONTROL_STOP:
    case SERVICE_CONTROL_PRESHUTDOWN:
    case SERVICE_CONTROL_SHUTDOWN:
      host_post(HOST_POST_CONTROL, control);
      return NO_ERROR;
    case SERVICE_CONTROL_INTERROGATE:
      return NO_ERROR;
    default:
      return ERROR_CALL_NOT_IMPLEMENTED;
  }
}

static void config_error(const WCHAR *value, const WCHAR *reason, DWORD code) {
  char fields[1024], detail[600];
  JsonWriter w;
  json_init(&w, fields, sizeof fields);
  json_raw(&w, ",\"value\":");
  json_wstring(&w, value);
  json_raw(&w, ",\"reason\":");
  json_wstring(&w, reason);
  char value8[200], reason8[400];
  WideCharToMultiByte(CP_UTF8, 0, value, -1, value8, sizeof value8, NULL, NULL);
  WideCharToMultiByte(CP_UTF8, 0, reason, -1, reason8, sizeof reason8, NULL, NULL);
  snprintf(detail, sizeof detail, "%s %s", value8, reason8);
  event_with(EVENTLOG_ERROR_TYPE, "config-error", w.overflow ? "" : fields, detail);
  stop_with_error(code);
}

static VOID WINAPI service_main(DWORD argc, LPWSTR *argv) {
  const WCHAR *scm_name = argc > 0 && argv[0] ? argv[0] : L"";
  wcsncpy(service_name, scm_name, sizeof service_name / sizeof service_name[0] - 1);
  status_handle = RegisterServiceCtrlHandlerExW(service_name, control_handler, NULL);
  if (!status_handle) return;
  status_init(service_name);
  eventlog_open(service_name);
  stop_init();
  report(SERVICE_START_PENDING, START_WAIT_HINT_MS);
  port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
  for (int i = 0; i < TIMER_COUNT; i++) timers[i] = CreateThreadpoolTimer(timer_fired, (PVOID)(ULONG_PTR)i, NULL);
  for (int i = 0; i < TIMER_COUNT; i++) {
    if (!port || !timers[i]) {
      LaunchError error;
      launch_error_from_last(&error, port ? "CreateThreadpoolTimer" : "CreateIoCompletionPort");
      start_failed(&error, HOST_EXIT_JOB_FAILED);
      goto out;
    }
  }
  if (_wcsicmp(requested_name, service_name) != 0) {
    config_error(L"--service", requested_name[0] ? L"does not name the service the SCM started" : L"is missing from the command line",
                 HOST_EXIT_NOT_FROM_SCM);
    goto out;
  }
  ConfigError error;
  if (!config_read(service_name, &config, &error)) {
    config_error(error.value, error.reason, error.code);
    goto out;
  }
  report(SERVICE_START_PENDING, START_WAIT_HINT_MS); /* the configuration is read */
  DWORD module_code = 0;
  if (!host_modules_init(&module_code)) {
    stop_with_error(module_code ? module_code : HOST_EXIT_LOG_FOLDER_FAILED);
    goto out;
  }
  if (config.readiness.kind != PROBE_NONE && !host_hooks.program_started) {
    config_error(L"ReadinessKind", L"names a probe this build of the host does not have", HOST_EXIT_CONFIG_INVALID);
    goto out;
  }
  start_program();
  run_loop();
out:
  eventlog_close();
  /* The timers and the port stay: a callback still queued may post; the process ends right after. */
}

int wmain(int argc, WCHAR **argv) {
  for (int i = 1; i + 1 < argc; i++)
    if (wcscmp(argv[i], L"--service") == 0) wcsncpy(requested_name, argv[i + 1], sizeof requested_name / sizeof requested_name[0] - 1);
  /* SERVICE_WIN32_OWN_PROCESS: the SCM ignores the table's name, and ServiceMain gets the real one. */
  static WCHAR any_name[] = L"";
  SERVICE_TABLE_ENTRYW table[] = {{any_name, service_main}, {NULL, NULL}};
  if (!StartServiceCtrlDispatcherW(table)) {
    DWORD error = GetLastError();
    fwprintf(stderr, L"service-host: %ls; it runs only as a service started by the SCM (StartServiceCtrlDispatcherW error %lu)\n",
             error == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT ? L"not started by the service control manager" : L"cannot reach the service control manager",
             error);
    return (int)HOST_EXIT_NOT_FROM_SCM;
  }
  return 0;
}
