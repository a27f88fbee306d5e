/*
 * Where hostio's modules (log.c, probe.c, pipe.c) plug into the host (host.h, HostHooks): the output log
 * and the status pipe start here before the first program start; the probes follow the program's life.
 * Everything here that runs off the loop thread (the log's writer, the probes' pool threads, the pipe's
 * thread) only posts to the loop, changes the status under its lock, or writes the event log.
 */
#include "host.h"

#include "eventlog.h"
#include "json.h"
#include "log.h"
#include "pipe.h"
#include "probe.h"
#include "status.h"

#include <stdio.h>

HostHooks host_hooks;

static HostLog *output_log;
static HostPipe *status_pipe;
static HostProber *prober;

/* How long the log waits at the end for the program's tree to close its ends of the pipes. */
#define LOG_CLOSE_MS 2000

static ULONGLONG unix_ms(const FILETIME *at) {
  ULARGE_INTEGER t;
  t.LowPart = at->dwLowDateTime;
  t.HighPart = at->dwHighDateTime;
  return (t.QuadPart - 116444736000000000ull) / 10000ull;
}

/* ---- the output log ---- */

static void on_log_dropped(void *context, ULONGLONG bytes, const char *reason) {
  (void)context;
  char fields[160], detail[160];
  JsonWriter w;
  json_init(&w, fields, sizeof fields);
  json_raw(&w, ",\"bytes\":");
  json_uint(&w, bytes);
  json_raw(&w, ",\"reason\":");
  json_string(&w, reason);
  snprintf(detail, sizeof detail, "dropped %llu bytes of output (%s)", bytes, reason);
  eventlog_report(EVENTLOG_WARNING_TYPE, "log-dropped", w.overflow ? "" : fields, detail);
  status_changed(FALSE);
}

static BOOL open_output(HANDLE *stdout_write, HANDLE *stderr_write) {
  DWORD error = 0;
  if (hostlog_make_pipes(output_log, stdout_write, stderr_write, &error)) return TRUE;
  hostlog_host_linef(output_log, "-- output not captured for this start: pipes failed (error %lu) --", error);
  return FALSE;
}

static void host_line(const char *line) { hostlog_host_line(output_log, line); }

/* ---- probes ---- */

static void on_probe(void *context, const ProbeOutcome *outcome) {
  (void)context;
  HostStatus *s = status_lock();
  HostProbeResult *r = outcome->role == PROBE_READINESS ? &s->readiness : &s->liveness;
  r->known = TRUE;
  r->kind = outcome->kind;
  r->ok = outcome->result.ok;
  r->at_ms = unix_ms(&outcome->at);
  snprintf(r->detail, sizeof r->detail, "%s", outcome->result.detail);
  r->consecutive_failures = outcome->role == PROBE_LIVENESS ? outcome->consecutive_failures : 0;
  status_unlock();
  status_changed(FALSE);

  if (outcome->role == PROBE_READINESS) {
    /* Each attempt is progress the SCM may see; the host's own ReadinessTimeoutSec timer also ends the wait. */
    if (outcome->ready)
      host_post(HOST_POST_READINESS, 1);
    else if (outcome->timed_out)
      host_post(HOST_POST_READINESS, 0);
    else
      host_post(HOST_POST_START_PROGRESS, 0);
    return;
  }
  if (!outcome->result.ok) {
    const HostConfig *config = host_config();
    char fields[320], detail[240];
    JsonWriter w;
    json_init(&w, fields, sizeof fields);
    json_raw(&w, ",\"probe\":");
    json_string(&w, probe_kind_name(outcome->kind));
    json_raw(&w, ",\"detail\":");
    json_string(&w, outcome->result.detail);
    snprintf(detail, sizeof detail, "liveness %s: %s (%lu of %lu)", probe_kind_name(outcome->kind), outcome->result.detail,
             outcome->consecutive_failures, config->liveness_failures_to_restart);
    eventlog_report(EVENTLOG_WARNING_TYPE, "probe-failed", w.overflow ? "" : fields, detail);
    hostlog_host_linef(output_log, "-- %s --", detail);
    status_changed(FALSE);
    if (outcome->restart) host_post(HOST_POST_RESTART_PROGRAM, HOST_RESTART_LIVENESS);
  }
}

static void program_started(DWORD pid) {
  (void)pid;
  if (host_config()->readiness.kind != PROBE_NONE) prober_start_readiness(prober);
}

static void program_ready(void) {
  if (host_config()->liveness.kind != PROBE_NONE)
    prober_start_liveness(prober);
  else
    prober_stop(prober);
}

static void program_stopping(void) { prober_stop(prober); }

/* ---- the status pipe ---- */

static void on_status_changed(BOOL accounting_only) { hostpipe_changed(status_pipe, accounting_only); }

static BOOL restart_from_pipe(char *error, size_t capacity) {
  HostStatus *s = status_lock();
  HostState state = s->state;
  status_unlock();
  if (state != HOST_RUNNING && state != HOST_STARTING) {
    snprintf(error, capacity, "the program is not running (the service is %s)", status_state_name(state));
    return FALSE;
  }
  if (!host_post(HOST_POST_RESTART_PROGRAM, HOST_RESTART_COMMAND)) {
    snprintf(error, capacity, "the service is stopping");
    return FALSE;
  }
  return TRUE;
}

static void pipe_listening(void) { host_post(HOST_POST_ACCOUNTING, 0); }

/* ---- the end ---- */

static void host_stopping(void) {
  status_set_listener(NULL);
  prober_destroy(prober);
  prober = NULL;
  hostpipe_stop(status_pipe); /* sends the last status (state stopped) first */
  status_pipe = NULL;
  hostlog_close(output_log, LOG_CLOSE_MS);
  output_log = NULL;
}

static void module_failed(const char *what, DWORD code) {
  char fields[200], detail[200], message[160];
  if (!FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, code, 0, message, sizeof message, NULL))
    snprintf(message, sizeof message, "error %lu", code);
  for (char *c = message; *c; c++)
    if (*c == '\r' || *c == '\n') *c = ' ';
  JsonWriter w;
  json_init(&w, fields, sizeof fields);
  json_raw(&w, ",\"win32Code\":");
  json_uint(&w, code);
  json_raw(&w, ",\"message\":");
  json_string(&w, message);
  snprintf(detail, sizeof detail, "%s: %s (error %lu)", what, message, code);
  eventlog_report(EVENTLOG_ERROR_TYPE, "start-failed", w.overflow ? "" : fields, detail);
  status_changed(FALSE);
}

BOOL host_modules_init(DWORD *exit_code) {
  const HostConfig *config = host_config();
  DWORD error = 0;
  WCHAR folder[MAX_PATH];
  if (!hostlog_folder_path(host_service_name(), folder, MAX_PATH, &error) || !hostlog_make_admin_folder(folder, &error)) {
    module_failed("the log folder could not be created", error);
    *exit_code = HOST_EXIT_LOG_FOLDER_FAILED;
    return FALSE;
  }
  HostLogOptions options = {config->log_max_file_bytes, config->log_max_files, config->log_total_cap_bytes, config->log_split != 0,
                            0, on_log_dropped, NULL};
  output_log = hostlog_open(folder, &options, &error);
  if (!output_log) {
    module_failed("the log files could not be opened", error);
    *exit_code = HOST_EXIT_LOG_FOLDER_FAILED;
    return FALSE;
  }
  HostStatus *s = status_lock();
  wcsncpy(s->log_folder, folder, sizeof s->log_folder / sizeof s->log_folder[0] - 1);
  status_unlock();
  host_hooks.open_output = open_output;
  host_hooks.host_line = host_line;
  host_hooks.host_stopping = host_stopping; /* from here on a failure below still flushes the log */

  BOOL sockets = config->readiness.kind == PROBE_TCP || config->readiness.kind == PROBE_HTTP ||
                 config->liveness.kind == PROBE_TCP || config->liveness.kind == PROBE_HTTP;
  if ((sockets && !probe_startup(&error)) || !(prober = prober_create(config, on_probe, NULL, &error))) {
    module_failed("the probes could not be set up", error);
    *exit_code = HOST_EXIT_START_FAILED;
    return FALSE;
  }
  host_hooks.program_started = program_started;
  host_hooks.program_ready = program_ready;
  host_hooks.program_stopping = program_stopping;

  /* A pipe name someone else already holds is refused (FILE_FLAG_FIRST_PIPE_INSTANCE): the console must
     never read a status another process made up. */
  status_pipe = hostpipe_start(host_service_name(), status_write_json, restart_from_pipe, pipe_listening, &error);
  if (!status_pipe) {
    module_failed("the status pipe could not be created", error);
    *exit_code = HOST_EXIT_PIPE_FAILED;
    return FALSE;
  }
  status_set_listener(on_status_changed);
  return TRUE;
}
