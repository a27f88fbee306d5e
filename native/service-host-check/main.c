/*
 * service-host-check.exe: runs the service host's SCM-free modules (native/service-host/ config.c,
 * restart.c, stop.c, status.c, launch.c's quoting) on demand and prints what they produce as JSON, for
 * src-main/win32/service-host/host-units.win32.test.ts. Test-only; never shipped.
 *
 *   service-host-check config <HKLM subkey>        config_read_key on that key: {"ok":true,"config":{...}}
 *                                                  or {"ok":false,"code":N,"value":"...","reason":"..."}
 *   service-host-check delays <n> <uniform> <base> <factor%> <cap> <jitter%>
 *                                                  restart_delay_ms for restarts 1..n: {"delays":[...]}
 *   service-host-check stop-plan <methods> <budget> {"steps":[{"step":"ctrl-c","at":0},...]}
 *   service-host-check status-sample               the status line of a filled HostStatus
 *   service-host-check quote <arg>...              launch_append_argument of each: {"line":"..."}
 *
 * Libraries: ws2_32 advapi32 user32 kernel32
 *
 * Build: node scripts/native-build.mjs (with ../service-host/ through units.c).
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../service-host/config.h"
#include "../service-host/json.h"
#include "../service-host/launch.h"
#include "../service-host/restart.h"
#include "../service-host/status.h"
#include "../service-host/stop.h"

static char out[HOST_STATUS_LINE_MAX];

static void print(const JsonWriter *w) {
  fwrite(w->data, 1, w->length, stdout);
  fputc('\n', stdout);
}

static void field_uint(JsonWriter *w, const char *name, ULONGLONG value) {
  json_raw(w, ",\"");
  json_raw(w, name);
  json_raw(w, "\":");
  json_uint(w, value);
}

static void field_wstring(JsonWriter *w, const char *name, const WCHAR *value) {
  json_raw(w, ",\"");
  json_raw(w, name);
  json_raw(w, "\":");
  if (value) json_wstring(w, value);
  else json_raw(w, "null");
}

static void field_multi(JsonWriter *w, const char *name, const WCHAR *list) {
  json_raw(w, ",\"");
  json_raw(w, name);
  json_raw(w, "\":[");
  for (const WCHAR *p = list; p && *p; p += wcslen(p) + 1) {
    if (p != list) json_raw(w, ",");
    json_wstring(w, p);
  }
  json_raw(w, "]");
}

static void field_codes(JsonWriter *w, const char *name, const DWORD *codes, DWORD count) {
  json_raw(w, ",\"");
  json_raw(w, name);
  json_raw(w, "\":[");
  for (DWORD i = 0; i < count; i++) {
    if (i) json_raw(w, ",");
    json_uint(w, codes[i]);
  }
  json_raw(w, "]");
}

static void field_probe(JsonWriter *w, const char *name, const ProbeConfig *p) {
  static const char *kinds[] = {"none", "tcp", "http", "heartbeat"};
  json_raw(w, ",\"");
  json_raw(w, name);
  json_raw(w, "\":{\"kind\":");
  json_string(w, kinds[p->kind]);
  field_uint(w, "port", p->port);
  field_wstring(w, "httpPath", p->http_path);
  field_uint(w, "httpStatus", p->http_status);
  field_wstring(w, "heartbeatFile", p->heartbeat_file);
  field_uint(w, "heartbeatMaxAgeSec", p->heartbeat_max_age_sec);
  json_raw(w, "}");
}

static int check_config(const WCHAR *subkey) {
  HKEY key;
  LONG r = RegOpenKeyExW(HKEY_LOCAL_MACHINE, subkey, 0, KEY_QUERY_VALUE, &key);
  if (r != ERROR_SUCCESS) {
    printf("{\"error\":\"RegOpenKeyExW %ld\"}\n", r);
    return 1;
  }
  HostConfig c;
  ConfigError e;
  BOOL ok = config_read_key(key, &c, &e);
  RegCloseKey(key);
  JsonWriter w;
  json_init(&w, out, sizeof out);
  if (!ok) {
    json_raw(&w, "{\"ok\":false");
    field_uint(&w, "code", e.code);
    field_wstring(&w, "value", e.value);
    field_wstring(&w, "reason", e.reason);
    json_raw(&w, "}");
    print(&w);
    return 0;
  }
  json_raw(&w, "{\"ok\":true,\"config\":{\"schemaVersion\":");
  json_uint(&w, c.schema_version);
  field_wstring(&w, "program", c.program);
  json_raw(&w, c.program_is_script ? ",\"script\":true" : ",\"script\":false");
  field_multi(&w, "arguments", c.arguments);
  field_wstring(&w, "workingDirectory", c.working_directory);
  field_multi(&w, "environment", c.environment);
  field_uint(&w, "stopMethods", c.stop_methods);
  field_uint(&w, "stopBudgetMs", c.stop_budget_ms);
  field_uint(&w, "restartBaseMs", c.restart_base_ms);
  field_uint(&w, "restartFactorPercent", c.restart_factor_percent);
  field_uint(&w, "restartCapMs", c.restart_cap_ms);
  field_uint(&w, "restartJitterPercent", c.restart_jitter_percent);
  field_uint(&w, "restartMaxCount", c.restart_max_count);
  field_uint(&w, "restartWindowSec", c.restart_window_sec);
  field_uint(&w, "restartResetSec", c.restart_reset_sec);
  field_codes(&w, "exitCodesNoRestart", c.exit_codes_no_restart, c.exit_codes_no_restart_count);
  field_codes(&w, "exitCodesStopService", c.exit_codes_stop_service, c.exit_codes_stop_service_count);
  field_probe(&w, "readiness", &c.readiness);
  field_uint(&w, "readinessTimeoutSec", c.readiness_timeout_sec);
  field_probe(&w, "liveness", &c.liveness);
  field_uint(&w, "livenessIntervalSec", c.liveness_interval_sec);
  field_uint(&w, "livenessFailuresToRestart", c.liveness_failures_to_restart);
  field_uint(&w, "probeTimeoutMs", c.probe_timeout_ms);
  field_uint(&w, "logMaxFileBytes", c.log_max_file_bytes);
  field_uint(&w, "logMaxFiles", c.log_max_files);
  field_uint(&w, "logTotalCapBytes", c.log_total_cap_bytes);
  field_uint(&w, "logSplit", c.log_split);
  field_uint(&w, "jobAllowBreakaway", (ULONGLONG)c.job_allow_breakaway);
  field_uint(&w, "jobProcessMemoryBytes", c.job_process_memory_bytes);
  field_uint(&w, "jobMemoryBytes", c.job_memory_bytes);
  field_uint(&w, "jobActiveProcesses", c.job_active_processes);
  field_uint(&w, "jobCpuRatePercent", c.job_cpu_rate_percent);
  field_uint(&w, "jobAffinity", c.job_affinity);
  field_uint(&w, "jobPriorityClass", c.job_priority_class);
  json_raw(&w, "}}");
  config_free(&c);
  print(&w);
  return w.overflow ? 1 : 0;
}

static int check_delays(int argc, WCHAR **argv) {
  if (argc < 8) return 2;
  HostConfig c;
  ZeroMemory(&c, sizeof c);
  DWORD n = (DWORD)_wtoi(argv[2]);
  double uniform = _wtof(argv[3]);
  c.restart_base_ms = (DWORD)_wtoi(argv[4]);
  c.restart_factor_percent = (DWORD)_wtoi(argv[5]);
  c.restart_cap_ms = (DWORD)_wtoi(argv[6]);
  c.restart_jitter_percent = (DWORD)_wtoi(argv[7]);
  JsonWriter w;
  json_init(&w, out, sizeof out);
  json_raw(&w, "{\"delays\":[");
  for (DWORD i = 1; i <= n; i++) {
    if (i > 1) json_raw(&w, ",");
    json_uint(&w, restart_delay_ms(&c, i, uniform));
  }
  json_raw(&w, "],\"uniform\":[");
  for (int i = 0; i < 200; i++) {
    char text[32];
    snprintf(text, sizeof text, "%s%.6f", i ? "," : "", restart_uniform());
    json_raw(&w, text);
  }
  json_raw(&w, "]}");
  print(&w);
  return 0;
}

static int check_stop_plan(DWORD methods, DWORD budget) {
  StopPlan plan;
  stop_plan(methods, budget, &plan);
  JsonWriter w;
  json_init(&w, out, sizeof out);
  json_raw(&w, "{\"steps\":[");
  for (DWORD i = 0; i < plan.count; i++) {
    json_raw(&w, i ? ",{\"step\":" : "{\"step\":");
    json_string(&w, stop_step_name(plan.steps[i]));
    field_uint(&w, "at", plan.at_ms[i]);
    json_raw(&w, "}");
  }
  json_raw(&w, "]}");
  print(&w);
  return 0;
}

static int check_status_sample(void) {
  status_init(L"Sérvice \"quoted\"");
  size_t n = status_write_json(out, sizeof out);
  fwrite(out, 1, n, stdout);
  HostStatus *s = status_lock();
  s->state = HOST_BACKOFF;
  s->program_pid = 5678;
  s->pids[0] = 5678;
  s->pids[1] = 5690;
  s->pid_count = 2;
  s->restarts = 2;
  s->restarts_in_window = 2;
  s->next_restart_at_ms = 1796245384123ull; /* 2026-12-02T21:03:04.123Z */
  for (DWORD i = 0; i < HOST_STATUS_KEEP + 5; i++) status_add_exit(s, 100 + i, 3);
  status_add_limit_hit(s, "memory");
  status_add_event(s, "restarting", "in 2.1 s\n(restart 2 of 5)");
  s->liveness.known = TRUE;
  s->liveness.kind = PROBE_HTTP;
  s->liveness.ok = FALSE;
  s->liveness.at_ms = 1796245384123ull;
  strcpy(s->liveness.detail, "HTTP 503");
  s->liveness.consecutive_failures = 1;
  s->job.known = TRUE;
  s->job.active_processes = 2;
  s->job.total_processes = 5;
  s->job.user_time_ms = 1234;
  s->job.kernel_time_ms = 56;
  s->job.peak_process_memory_bytes = -1;
  s->job.peak_job_memory_bytes = 1048576;
  wcscpy(s->log_folder, L"C:\\ProgramData\\Admin Console\\services\\X");
  status_unlock();
  n = status_write_json(out, sizeof out);
  fwrite(out, 1, n, stdout);
  printf("{\"tooSmall\":%zu}\n", status_write_json(out, 100));
  return 0;
}

static int check_quote(int argc, WCHAR **argv) {
  static WCHAR line[32768];
  line[0] = 0;
  for (int i = 2; i < argc; i++)
    if (!launch_append_argument(line, sizeof line / sizeof line[0], argv[i])) return 3;
  JsonWriter w;
  json_init(&w, out, sizeof out);
  json_raw(&w, "{\"line\":");
  json_wstring(&w, line);
  json_raw(&w, "}");
  print(&w);
  return 0;
}

int wmain(int argc, WCHAR **argv) {
  if (argc >= 3 && wcscmp(argv[1], L"config") == 0) return check_config(argv[2]);
  if (argc >= 2 && wcscmp(argv[1], L"delays") == 0) return check_delays(argc, argv);
  if (argc >= 4 && wcscmp(argv[1], L"stop-plan") == 0) return check_stop_plan((DWORD)_wtoi(argv[2]), (DWORD)_wtoi(argv[3]));
  if (argc >= 2 && wcscmp(argv[1], L"status-sample") == 0) return check_status_sample();
  if (argc >= 2 && wcscmp(argv[1], L"quote") == 0) return check_quote(argc, argv);
  fwprintf(stderr, L"usage: service-host-check config <HKLM subkey> | delays ... | stop-plan <methods> <budget> | status-sample | quote <arg>...\n");
  return 2;
}
