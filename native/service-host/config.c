/*
 * Reads the service's Parameters key (CONTRACT.md, "Configuration"). A missing optional value takes
 * its default; a present value of the wrong type or out of range is an error naming that value, so the
 * admin reads in the event log exactly what to fix. Strings come from RegQueryValueExW, which does not
 * promise a terminating NUL (RegQueryValueExW remarks), so every read adds one.
 */
#include "config.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define PARAMETERS_FORMAT L"SYSTEM\\CurrentControlSet\\Services\\%ls\\Parameters"

static void fail(ConfigError *error, DWORD code, const WCHAR *value, const WCHAR *reason) {
  error->code = code;
  wcsncpy(error->value, value, sizeof error->value / sizeof error->value[0] - 1);
  error->value[sizeof error->value / sizeof error->value[0] - 1] = 0;
  wcsncpy(error->reason, reason, sizeof error->reason / sizeof error->reason[0] - 1);
  error->reason[sizeof error->reason / sizeof error->reason[0] - 1] = 0;
}

static void fail_range(ConfigError *error, const WCHAR *value, ULONGLONG got, ULONGLONG low, ULONGLONG high) {
  WCHAR reason[160];
  swprintf(reason, sizeof reason / sizeof reason[0], L"%llu is out of range (%llu..%llu)", got, low, high);
  fail(error, HOST_EXIT_CONFIG_INVALID, value, reason);
}

static const WCHAR *type_name(DWORD type) {
  switch (type) {
    case REG_SZ: return L"REG_SZ";
    case REG_EXPAND_SZ: return L"REG_EXPAND_SZ";
    case REG_MULTI_SZ: return L"REG_MULTI_SZ";
    case REG_DWORD: return L"REG_DWORD";
    case REG_QWORD: return L"REG_QWORD";
    case REG_BINARY: return L"REG_BINARY";
    default: return L"another type";
  }
}

/* 1 = read, 0 = absent, -1 = error set. `data` gets a buffer with two extra NULs (caller frees). */
static int read_raw(HKEY key, const WCHAR *name, DWORD want, BYTE **data, DWORD *size, ConfigError *error) {
  DWORD type = 0, bytes = 0;
  LONG r = RegQueryValueExW(key, name, NULL, &type, NULL, &bytes);
  if (r == ERROR_FILE_NOT_FOUND) return 0;
  if (r != ERROR_SUCCESS) {
    WCHAR reason[96];
    swprintf(reason, sizeof reason / sizeof reason[0], L"cannot be read (error %ld)", r);
    fail(error, HOST_EXIT_CONFIG_MISSING, name, reason);
    return -1;
  }
  if (type != want) {
    WCHAR reason[96];
    swprintf(reason, sizeof reason / sizeof reason[0], L"must be %ls, not %ls", type_name(want), type_name(type));
    fail(error, HOST_EXIT_CONFIG_INVALID, name, reason);
    return -1;
  }
  /* Room for a missing terminator of a string and of a multi-string. */
  BYTE *buffer = calloc(1, (size_t)bytes + 3 * sizeof(WCHAR));
  if (!buffer) {
    fail(error, HOST_EXIT_CONFIG_MISSING, name, L"out of memory");
    return -1;
  }
  r = RegQueryValueExW(key, name, NULL, &type, buffer, &bytes);
  if (r != ERROR_SUCCESS || type != want) {
    free(buffer);
    fail(error, HOST_EXIT_CONFIG_MISSING, name, L"changed while being read");
    return -1;
  }
  *data = buffer;
  *size = bytes;
  return 1;
}

/* A DWORD in [low, high], or `fallback` when absent. */
static BOOL read_dword(HKEY key, const WCHAR *name, DWORD fallback, DWORD low, DWORD high, DWORD *out, ConfigError *error) {
  BYTE *data = NULL;
  DWORD size = 0;
  int got = read_raw(key, name, REG_DWORD, &data, &size, error);
  if (got < 0) return FALSE;
  if (got == 0) {
    *out = fallback;
    return TRUE;
  }
  DWORD value = 0;
  if (size != sizeof value) {
    free(data);
    fail(error, HOST_EXIT_CONFIG_INVALID, name, L"is not 4 bytes long");
    return FALSE;
  }
  memcpy(&value, data, sizeof value);
  free(data);
  if (value < low || value > high) {
    fail_range(error, name, value, low, high);
    return FALSE;
  }
  *out = value;
  return TRUE;
}

static BOOL read_qword(HKEY key, const WCHAR *name, ULONGLONG fallback, ULONGLONG low, ULONGLONG high, ULONGLONG *out, BOOL *present,
                       ConfigError *error) {
  BYTE *data = NULL;
  DWORD size = 0;
  int got = read_raw(key, name, REG_QWORD, &data, &size, error);
  if (present) *present = got > 0;
  if (got < 0) return FALSE;
  if (got == 0) {
    *out = fallback;
    return TRUE;
  }
  ULONGLONG value = 0;
  if (size != sizeof value) {
    free(data);
    fail(error, HOST_EXIT_CONFIG_INVALID, name, L"is not 8 bytes long");
    return FALSE;
  }
  memcpy(&value, data, sizeof value);
  free(data);
  if (value < low || value > high) {
    fail_range(error, name, value, low, high);
    return FALSE;
  }
  *out = value;
  return TRUE;
}

/* A REG_SZ (NULL when absent); an empty string counts as absent. */
static BOOL read_string(HKEY key, const WCHAR *name, WCHAR **out, ConfigError *error) {
  BYTE *data = NULL;
  DWORD size = 0;
  *out = NULL;
  int got = read_raw(key, name, REG_SZ, &data, &size, error);
  if (got < 0) return FALSE;
  if (got == 0) return TRUE;
  if (((WCHAR *)data)[0] == 0) {
    free(data);
    return TRUE;
  }
  *out = (WCHAR *)data;
  return TRUE;
}

/* A REG_MULTI_SZ as a double-NUL-terminated list (NULL when absent or empty); `count` gets the number of elements. */
static BOOL read_multi(HKEY key, const WCHAR *name, WCHAR **out, DWORD *count, ConfigError *error) {
  BYTE *data = NULL;
  DWORD size = 0;
  *out = NULL;
  *count = 0;
  int got = read_raw(key, name, REG_MULTI_SZ, &data, &size, error);
  if (got < 0) return FALSE;
  if (got == 0) return TRUE;
  WCHAR *list = (WCHAR *)data;
  for (const WCHAR *p = list; *p; p += wcslen(p) + 1) (*count)++;
  if (*count == 0) {
    free(data);
    return TRUE;
  }
  *out = list;
  return TRUE;
}

static BOOL is_absolute_path(const WCHAR *path) {
  if (!path) return FALSE;
  BOOL drive = ((path[0] >= L'A' && path[0] <= L'Z') || (path[0] >= L'a' && path[0] <= L'z')) && path[1] == L':' &&
               (path[2] == L'\\' || path[2] == L'/');
  BOOL unc = path[0] == L'\\' && path[1] == L'\\' && path[2] != 0;
  return drive || unc;
}

static BOOL ends_with_nocase(const WCHAR *text, const WCHAR *suffix) {
  size_t a = wcslen(text), b = wcslen(suffix);
  return a >= b && _wcsicmp(text + a - b, suffix) == 0;
}

/* Decimal exit codes: 0..4294967295, or a negative 32-bit number for an NTSTATUS written signed. */
static BOOL parse_codes(const WCHAR *name, const WCHAR *list, DWORD *codes, DWORD *count, ConfigError *error) {
  *count = 0;
  for (const WCHAR *p = list; p && *p; p += wcslen(p) + 1) {
    WCHAR *end = NULL;
    BOOL negative = p[0] == L'-';
    const WCHAR *digits = negative ? p + 1 : p;
    if (*digits < L'0' || *digits > L'9') goto bad;
    errno = 0;
    unsigned long long value = wcstoull(digits, &end, 10);
    if (errno || *end != 0) goto bad;
    if (negative ? value > 2147483648ull : value > 4294967295ull) goto bad;
    if (*count >= HOST_MAX_EXIT_CODES) {
      WCHAR reason[96];
      swprintf(reason, sizeof reason / sizeof reason[0], L"has more than %d codes", HOST_MAX_EXIT_CODES);
      fail(error, HOST_EXIT_CONFIG_INVALID, name, reason);
      return FALSE;
    }
    codes[(*count)++] = negative ? (DWORD)(0x100000000ull - value) : (DWORD)value;
    continue;
  bad: {
    WCHAR reason[200];
    swprintf(reason, sizeof reason / sizeof reason[0], L"'%.100ls' is not a decimal exit code", p);
    fail(error, HOST_EXIT_CONFIG_INVALID, name, reason);
    return FALSE;
  }
  }
  return TRUE;
}

static BOOL parse_probe_kind(const WCHAR *name, const WCHAR *text, ProbeKind *kind, ConfigError *error) {
  if (!text || wcscmp(text, L"none") == 0) *kind = PROBE_NONE;
  else if (wcscmp(text, L"tcp") == 0) *kind = PROBE_TCP;
  else if (wcscmp(text, L"http") == 0) *kind = PROBE_HTTP;
  else if (wcscmp(text, L"heartbeat") == 0) *kind = PROBE_HEARTBEAT;
  else {
    WCHAR reason[200];
    swprintf(reason, sizeof reason / sizeof reason[0], L"'%.60ls' is not one of none, tcp, http, heartbeat", text);
    fail(error, HOST_EXIT_CONFIG_INVALID, name, reason);
    return FALSE;
  }
  return TRUE;
}

/* The Readiness* or Liveness* values; `prefix` is L"Readiness" or L"Liveness". */
static BOOL read_probe(HKEY key, const WCHAR *prefix, ProbeConfig *probe, ConfigError *error) {
  WCHAR name[64];
  WCHAR *kind = NULL;
  swprintf(name, 64, L"%lsKind", prefix);
  if (!read_string(key, name, &kind, error)) return FALSE;
  BOOL ok = parse_probe_kind(name, kind, &probe->kind, error);
  free(kind);
  if (!ok) return FALSE;
  swprintf(name, 64, L"%lsPort", prefix);
  if (!read_dword(key, name, 0, 1, 65535, &probe->port, error)) return FALSE;
  if ((probe->kind == PROBE_TCP || probe->kind == PROBE_HTTP) && probe->port == 0) {
    fail(error, HOST_EXIT_CONFIG_MISSING, name, probe->kind == PROBE_TCP ? L"is required when the probe is tcp" : L"is required when the probe is http");
    return FALSE;
  }
  swprintf(name, 64, L"%lsHttpPath", prefix);
  if (!read_string(key, name, &probe->http_path, error)) return FALSE;
  if (probe->http_path) {
    BOOL clean = probe->http_path[0] == L'/' && wcslen(probe->http_path) <= 2000;
    for (const WCHAR *p = probe->http_path; clean && *p; p++)
      if (*p <= L' ' || *p == 0x7f) clean = FALSE; /* a space or CR/LF would change the request line */
    if (!clean) {
      fail(error, HOST_EXIT_CONFIG_INVALID, name, L"must start with / and have no spaces or control characters (at most 2000 characters)");
      return FALSE;
    }
  } else {
    probe->http_path = _wcsdup(L"/");
  }
  swprintf(name, 64, L"%lsHttpStatus", prefix);
  if (!read_dword(key, name, 200, 100, 599, &probe->http_status, error)) return FALSE;
  swprintf(name, 64, L"%lsHeartbeatFile", prefix);
  if (!read_string(key, name, &probe->heartbeat_file, error)) return FALSE;
  if (probe->heartbeat_file && !is_absolute_path(probe->heartbeat_file)) {
    fail(error, HOST_EXIT_CONFIG_INVALID, name, L"must be an absolute path");
    return FALSE;
  }
  if (probe->kind == PROBE_HEARTBEAT && !probe->heartbeat_file) {
    fail(error, HOST_EXIT_CONFIG_MISSING, name, L"is required when the probe is heartbeat");
    return FALSE;
  }
  swprintf(name, 64, L"%lsHeartbeatMaxAgeSec", prefix);
  return read_dword(key, name, 30, 1, 86400, &probe->heartbeat_max_age_sec, error);
}

BOOL config_code_listed(const DWORD *codes, DWORD count, DWORD code) {
  for (DWORD i = 0; i < count; i++)
    if (codes[i] == code) return TRUE;
  return FALSE;
}

void config_free(HostConfig *c) {
  free(c->program);
  free(c->arguments);
  free(c->working_directory);
  free(c->environment);
  free(c->readiness.http_path);
  free(c->readiness.heartbeat_file);
  free(c->liveness.http_path);
  free(c->liveness.heartbeat_file);
  memset(c, 0, sizeof *c);
}

static BOOL read_all(HKEY key, HostConfig *c, ConfigError *error) {
  DWORD count = 0;
  WCHAR *list = NULL;
  BYTE *raw = NULL;
  DWORD size = 0;

  /* SchemaVersion first: a key written for another version is not read any further. */
  int got = read_raw(key, L"SchemaVersion", REG_DWORD, &raw, &size, error);
  if (got < 0) return FALSE;
  if (got == 0) {
    fail(error, HOST_EXIT_CONFIG_MISSING, L"SchemaVersion", L"is required");
    return FALSE;
  }
  free(raw);
  if (!read_dword(key, L"SchemaVersion", 1, 1, 1, &c->schema_version, error)) return FALSE;

  if (!read_string(key, L"Program", &c->program, error)) return FALSE;
  if (!c->program) {
    fail(error, HOST_EXIT_CONFIG_MISSING, L"Program", L"is required");
    return FALSE;
  }
  if (!is_absolute_path(c->program)) {
    fail(error, HOST_EXIT_CONFIG_INVALID, L"Program", L"must be an absolute path");
    return FALSE;
  }
  c->program_is_script = ends_with_nocase(c->program, L".bat") || ends_with_nocase(c->program, L".cmd");
  if (!read_multi(key, L"Arguments", &c->arguments, &count, error)) return FALSE;

  if (!read_string(key, L"WorkingDirectory", &c->working_directory, error)) return FALSE;
  if (c->working_directory && !is_absolute_path(c->working_directory)) {
    fail(error, HOST_EXIT_CONFIG_INVALID, L"WorkingDirectory", L"must be an absolute path");
    return FALSE;
  }
  if (!c->working_directory) {
    /* The program's folder: everything before the last separator (kept with its trailing one for a root "C:\"). */
    c->working_directory = _wcsdup(c->program);
    WCHAR *slash = wcsrchr(c->working_directory, L'\\');
    WCHAR *forward = wcsrchr(c->working_directory, L'/');
    if (!slash || (forward && forward > slash)) slash = forward;
    if (slash) slash[(slash - c->working_directory) <= 2 ? 1 : 0] = 0;
  }

  if (!read_multi(key, L"Environment", &c->environment, &count, error)) return FALSE;
  for (const WCHAR *p = c->environment; p && *p; p += wcslen(p) + 1) {
    const WCHAR *equals = wcschr(p, L'=');
    if (!equals || equals == p) {
      WCHAR reason[200];
      swprintf(reason, sizeof reason / sizeof reason[0], L"'%.100ls' is not NAME=value", p);
      fail(error, HOST_EXIT_CONFIG_INVALID, L"Environment", reason);
      return FALSE;
    }
  }

  if (!read_dword(key, L"StopMethods", 7, 0, 7, &c->stop_methods, error)) return FALSE;
  if (!read_dword(key, L"StopBudgetMs", 15000, 1000, 600000, &c->stop_budget_ms, error)) return FALSE;
  if (!read_dword(key, L"RestartBaseMs", 1000, 100, 3600000, &c->restart_base_ms, error)) return FALSE;
  if (!read_dword(key, L"RestartFactorPercent", 200, 100, 1000, &c->restart_factor_percent, error)) return FALSE;
  if (!read_dword(key, L"RestartCapMs", 60000, c->restart_base_ms, 3600000, &c->restart_cap_ms, error)) return FALSE;
  if (!read_dword(key, L"RestartJitterPercent", 20, 0, 100, &c->restart_jitter_percent, error)) return FALSE;
  if (!read_dword(key, L"RestartMaxCount", 5, 0, 1000, &c->restart_max_count, error)) return FALSE;
  if (!read_dword(key, L"RestartWindowSec", 600, 1, 86400, &c->restart_window_sec, error)) return FALSE;
  if (!read_dword(key, L"RestartResetSec", 300, 1, 86400, &c->restart_reset_sec, error)) return FALSE;

  if (!read_multi(key, L"ExitCodesNoRestart", &list, &count, error)) return FALSE;
  BOOL ok = parse_codes(L"ExitCodesNoRestart", list, c->exit_codes_no_restart, &c->exit_codes_no_restart_count, error);
  free(list);
  list = NULL;
  if (!ok) return FALSE;
  if (!read_multi(key, L"ExitCodesStopService", &list, &count, error)) return FALSE;
  ok = parse_codes(L"ExitCodesStopService", list, c->exit_codes_stop_service, &c->exit_codes_stop_service_count, error);
  free(list);
  if (!ok) return FALSE;

  if (!read_probe(key, L"Readiness", &c->readiness, error)) return FALSE;
  if (!read_dword(key, L"ReadinessTimeoutSec", 60, 1, 3600, &c->readiness_timeout_sec, error)) return FALSE;
  if (!read_probe(key, L"Liveness", &c->liveness, error)) return FALSE;
  if (!read_dword(key, L"LivenessIntervalSec", 10, 1, 3600, &c->liveness_interval_sec, error)) return FALSE;
  if (!read_dword(key, L"LivenessFailuresToRestart", 3, 1, 100, &c->liveness_failures_to_restart, error)) return FALSE;
  if (!read_dword(key, L"ProbeTimeoutMs", 2000, 100, 60000, &c->probe_timeout_ms, error)) return FALSE;

  if (!read_dword(key, L"LogMaxFileBytes", 10485760, 65536, 1073741824, &c->log_max_file_bytes, error)) return FALSE;
  if (!read_dword(key, L"LogMaxFiles", 5, 1, 100, &c->log_max_files, error)) return FALSE;
  if (!read_dword(key, L"LogSplit", 0, 0, 1, &c->log_split, error)) return FALSE;
  ULONGLONG per_stream = (ULONGLONG)c->log_max_file_bytes * c->log_max_files;
  /* At least one whole file: a smaller cap could never hold the file being written. */
  if (!read_qword(key, L"LogTotalCapBytes", per_stream * (c->log_split ? 2 : 1), c->log_max_file_bytes, ~0ull, &c->log_total_cap_bytes, NULL,
                  error))
    return FALSE;

  DWORD breakaway = 0;
  if (!read_dword(key, L"JobAllowBreakaway", 0, 0, 1, &breakaway, error)) return FALSE;
  c->job_allow_breakaway = breakaway != 0;
  if (!read_qword(key, L"JobProcessMemoryBytes", 0, 0, ~0ull, &c->job_process_memory_bytes, NULL, error)) return FALSE;
  if (!read_qword(key, L"JobMemoryBytes", 0, 0, ~0ull, &c->job_memory_bytes, NULL, error)) return FALSE;
  if (!read_dword(key, L"JobActiveProcesses", 0, 0, 0xffffffffu, &c->job_active_processes, error)) return FALSE;
  if (!read_dword(key, L"JobCpuRatePercent", 0, 0, 100, &c->job_cpu_rate_percent, error)) return FALSE;
  if (!read_qword(key, L"JobAffinity", 0, 0, ~0ull, &c->job_affinity, NULL, error)) return FALSE;
  if (c->job_affinity) {
    DWORD_PTR process_mask = 0, system_mask = 0;
    if (GetProcessAffinityMask(GetCurrentProcess(), &process_mask, &system_mask) && (c->job_affinity & ~(ULONGLONG)system_mask)) {
      WCHAR reason[160];
      swprintf(reason, sizeof reason / sizeof reason[0], L"0x%llx names processors this machine does not have (0x%llx)", c->job_affinity,
               (ULONGLONG)system_mask);
      fail(error, HOST_EXIT_CONFIG_INVALID, L"JobAffinity", reason);
      return FALSE;
    }
  }
  WCHAR *priority = NULL;
  if (!read_string(key, L"JobPriorityClass", &priority, error)) return FALSE;
  static const struct { const WCHAR *name; DWORD value; } priorities[] = {
      {L"idle", IDLE_PRIORITY_CLASS},   {L"below-normal", BELOW_NORMAL_PRIORITY_CLASS}, {L"normal", NORMAL_PRIORITY_CLASS},
      {L"above-normal", ABOVE_NORMAL_PRIORITY_CLASS}, {L"high", HIGH_PRIORITY_CLASS},
  };
  c->job_priority_class = 0;
  for (size_t i = 0; priority && i < sizeof priorities / sizeof priorities[0]; i++)
    if (wcscmp(priority, priorities[i].name) == 0) c->job_priority_class = priorities[i].value;
  if (priority && !c->job_priority_class) {
    WCHAR reason[200];
    swprintf(reason, sizeof reason / sizeof reason[0], L"'%.60ls' is not one of idle, below-normal, normal, above-normal, high", priority);
    free(priority);
    fail(error, HOST_EXIT_CONFIG_INVALID, L"JobPriorityClass", reason);
    return FALSE;
  }
  free(priority);
  return TRUE;
}

BOOL config_read_key(HKEY key, HostConfig *config, ConfigError *error) {
  memset(config, 0, sizeof *config);
  memset(error, 0, sizeof *error);
  if (read_all(key, config, error)) return TRUE;
  config_free(config);
  return FALSE;
}

BOOL config_read(const WCHAR *service, HostConfig *config, ConfigError *error) {
  WCHAR path[400];
  HKEY key;
  memset(config, 0, sizeof *config);
  memset(error, 0, sizeof *error);
  swprintf(path, sizeof path / sizeof path[0], PARAMETERS_FORMAT, service);
  LONG r = RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_QUERY_VALUE, &key);
  if (r != ERROR_SUCCESS) {
    WCHAR reason[160];
    swprintf(reason, sizeof reason / sizeof reason[0], r == ERROR_FILE_NOT_FOUND ? L"the key does not exist" : L"the key cannot be opened (error %ld)", r);
    fail(error, HOST_EXIT_CONFIG_MISSING, L"Parameters", reason);
    return FALSE;
  }
  BOOL ok = config_read_key(key, config, error);
  RegCloseKey(key);
  return ok;
}
