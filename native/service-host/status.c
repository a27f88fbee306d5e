/* The status the pipe serves (status.h), under one critical section. */
#include "status.h"
#include "json.h"
#include <stdio.h>
#include <string.h>

static CRITICAL_SECTION lock;
static HostStatus current;
static volatile StatusListener listener;

void status_init(const WCHAR *service) {
  InitializeCriticalSection(&lock);
  memset(&current, 0, sizeof current);
  wcsncpy(current.service, service, sizeof current.service / sizeof current.service[0] - 1);
  current.host_pid = GetCurrentProcessId();
  current.state = HOST_STARTING;
}

HostStatus *status_lock(void) {
  EnterCriticalSection(&lock);
  return &current;
}

void status_unlock(void) { LeaveCriticalSection(&lock); }

void status_set_listener(StatusListener l) { listener = l; }

void status_changed(BOOL accounting_only) {
  EnterCriticalSection(&lock);
  if (accounting_only) current.accounting_generation++;
  else current.generation++;
  LeaveCriticalSection(&lock);
  StatusListener l = listener;
  if (l) l(accounting_only);
}

/* Ring of HOST_STATUS_KEEP kept as a plain array, newest last: shift when full. */
#define KEEP_NEWEST(array, count)                                                  \
  do {                                                                             \
    if ((count) == HOST_STATUS_KEEP) {                                             \
      memmove(&(array)[0], &(array)[1], sizeof((array)[0]) * (HOST_STATUS_KEEP - 1)); \
      (count)--;                                                                   \
    }                                                                              \
  } while (0)

void status_add_exit(HostStatus *s, DWORD pid, DWORD code) {
  KEEP_NEWEST(s->last_exits, s->last_exit_count);
  HostExit *e = &s->last_exits[s->last_exit_count++];
  e->pid = pid;
  e->code = code;
  e->at_ms = json_now_ms();
}

void status_add_limit_hit(HostStatus *s, const char *limit) {
  KEEP_NEWEST(s->limit_hits, s->limit_hit_count);
  HostLimitHit *h = &s->limit_hits[s->limit_hit_count++];
  snprintf(h->limit, sizeof h->limit, "%s", limit);
  h->at_ms = json_now_ms();
}

void status_add_event(HostStatus *s, const char *kind, const char *detail) {
  KEEP_NEWEST(s->events, s->event_count);
  HostTimelineEvent *e = &s->events[s->event_count++];
  e->at_ms = json_now_ms();
  snprintf(e->kind, sizeof e->kind, "%s", kind);
  snprintf(e->detail, sizeof e->detail, "%s", detail);
}

const char *status_state_name(HostState state) {
  switch (state) {
    case HOST_STARTING: return "starting";
    case HOST_RUNNING: return "running";
    case HOST_BACKOFF: return "backoff";
    case HOST_STOPPING: return "stopping";
    case HOST_STOPPED: return "stopped";
    case HOST_GAVE_UP: return "gave-up";
  }
  return "stopped";
}

static const char *probe_kind_name(ProbeKind kind) {
  switch (kind) {
    case PROBE_TCP: return "tcp";
    case PROBE_HTTP: return "http";
    case PROBE_HEARTBEAT: return "heartbeat";
    default: return "none";
  }
}

static void write_signed_or_null(JsonWriter *w, LONGLONG value) {
  if (value < 0) json_raw(w, "null");
  else json_uint(w, (ULONGLONG)value);
}

static void write_probe(JsonWriter *w, const HostProbeResult *p, BOOL liveness) {
  if (!p->known) {
    json_raw(w, "null");
    return;
  }
  json_raw(w, "{\"kind\":");
  json_string(w, probe_kind_name(p->kind));
  json_raw(w, p->ok ? ",\"ok\":true,\"at\":" : ",\"ok\":false,\"at\":");
  json_time(w, p->at_ms);
  json_raw(w, ",\"detail\":");
  json_string(w, p->detail);
  if (liveness) {
    json_raw(w, ",\"consecutiveFailures\":");
    json_uint(w, p->consecutive_failures);
  }
  json_raw(w, "}");
}

size_t status_write_json(char *buffer, size_t capacity) {
  JsonWriter w;
  json_init(&w, buffer, capacity);
  EnterCriticalSection(&lock);
  const HostStatus *s = &current;
  json_raw(&w, "{\"type\":\"status\",\"version\":1,\"service\":");
  json_wstring(&w, s->service);
  json_raw(&w, ",\"hostPid\":");
  json_uint(&w, s->host_pid);
  json_raw(&w, ",\"state\":");
  json_string(&w, status_state_name(s->state));
  json_raw(&w, ",\"programPid\":");
  if (s->program_pid) json_uint(&w, s->program_pid);
  else json_raw(&w, "null");
  json_raw(&w, ",\"pids\":[");
  for (DWORD i = 0; i < s->pid_count; i++) {
    if (i) json_raw(&w, ",");
    json_uint(&w, s->pids[i]);
  }
  json_raw(&w, "],\"restarts\":");
  json_uint(&w, s->restarts);
  json_raw(&w, ",\"restartsInWindow\":");
  json_uint(&w, s->restarts_in_window);
  json_raw(&w, ",\"nextRestartAt\":");
  if (s->next_restart_at_ms) json_time(&w, s->next_restart_at_ms);
  else json_raw(&w, "null");
  json_raw(&w, ",\"lastExits\":[");
  for (DWORD i = 0; i < s->last_exit_count; i++) {
    json_raw(&w, i ? ",{\"pid\":" : "{\"pid\":");
    json_uint(&w, s->last_exits[i].pid);
    json_raw(&w, ",\"code\":");
    json_uint(&w, s->last_exits[i].code);
    json_raw(&w, ",\"at\":");
    json_time(&w, s->last_exits[i].at_ms);
    json_raw(&w, "}");
  }
  json_raw(&w, "],\"readiness\":");
  write_probe(&w, &s->readiness, FALSE);
  json_raw(&w, ",\"liveness\":");
  write_probe(&w, &s->liveness, TRUE);
  json_raw(&w, ",\"job\":");
  if (s->job.known) {
    json_raw(&w, "{\"activeProcesses\":");
    write_signed_or_null(&w, s->job.active_processes);
    json_raw(&w, ",\"totalProcesses\":");
    write_signed_or_null(&w, s->job.total_processes);
    json_raw(&w, ",\"userTimeMs\":");
    write_signed_or_null(&w, s->job.user_time_ms);
    json_raw(&w, ",\"kernelTimeMs\":");
    write_signed_or_null(&w, s->job.kernel_time_ms);
    json_raw(&w, ",\"peakProcessMemoryBytes\":");
    write_signed_or_null(&w, s->job.peak_process_memory_bytes);
    json_raw(&w, ",\"peakJobMemoryBytes\":");
    write_signed_or_null(&w, s->job.peak_job_memory_bytes);
    json_raw(&w, "}");
  } else {
    json_raw(&w, "null");
  }
  json_raw(&w, ",\"limitHits\":[");
  for (DWORD i = 0; i < s->limit_hit_count; i++) {
    json_raw(&w, i ? ",{\"limit\":" : "{\"limit\":");
    json_string(&w, s->limit_hits[i].limit);
    json_raw(&w, ",\"at\":");
    json_time(&w, s->limit_hits[i].at_ms);
    json_raw(&w, "}");
  }
  json_raw(&w, "],\"events\":[");
  for (DWORD i = 0; i < s->event_count; i++) {
    json_raw(&w, i ? ",{\"at\":" : "{\"at\":");
    json_time(&w, s->events[i].at_ms);
    json_raw(&w, ",\"kind\":");
    json_string(&w, s->events[i].kind);
    json_raw(&w, ",\"detail\":");
    json_string(&w, s->events[i].detail);
    json_raw(&w, "}");
  }
  json_raw(&w, "],\"logFolder\":");
  if (s->log_folder[0]) json_wstring(&w, s->log_folder);
  else json_raw(&w, "null");
  json_raw(&w, "}\n");
  LeaveCriticalSection(&lock);
  return w.overflow ? 0 : w.length;
}
