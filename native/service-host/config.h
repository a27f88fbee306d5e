/*
 * The host's configuration: every value of CONTRACT.md's table, read once at start from
 * HKLM\SYSTEM\CurrentControlSet\Services\NAME\Parameters into a HostConfig with the defaults filled in.
 */
#ifndef SERVICE_HOST_CONFIG_H
#define SERVICE_HOST_CONFIG_H

#include <windows.h>

/** Service-specific exit codes of CONTRACT.md ("Lifecycle and exit codes"); bit 29 is the customer bit. */
#define HOST_EXIT_CONFIG_MISSING 0x20000001u
#define HOST_EXIT_CONFIG_INVALID 0x20000002u
#define HOST_EXIT_START_FAILED 0x20000003u
#define HOST_EXIT_JOB_FAILED 0x20000004u
#define HOST_EXIT_LOG_FOLDER_FAILED 0x20000005u
#define HOST_EXIT_NOT_FROM_SCM 0x20000006u
#define HOST_EXIT_GAVE_UP_CODE_ZERO 0x20000007u

/** StopMethods bits (TerminateJobObject is always the last step and has no bit). */
#define HOST_STOP_CTRL_C 1u
#define HOST_STOP_CTRL_BREAK 2u
#define HOST_STOP_WM_CLOSE 4u

/** At most this many codes in ExitCodesNoRestart / ExitCodesStopService each. */
#define HOST_MAX_EXIT_CODES 64

/** What a readiness or liveness probe checks (ReadinessKind / LivenessKind). */
typedef enum { PROBE_NONE = 0, PROBE_TCP, PROBE_HTTP, PROBE_HEARTBEAT } ProbeKind;

/** One probe's settings (the Readiness* or Liveness* values). Strings are NULL when absent. */
typedef struct {
  ProbeKind kind;
  DWORD port;            /* 1..65535; 0 only when kind is none or heartbeat */
  WCHAR *http_path;      /* starts with '/'; default "/" */
  DWORD http_status;     /* 100..599; default 200 */
  WCHAR *heartbeat_file; /* absolute path (heartbeat) */
  DWORD heartbeat_max_age_sec;
} ProbeConfig;

/** Job priority class from JobPriorityClass; 0 = not set. */
typedef DWORD JobPriority;

/** Every value of the Parameters key, defaults applied. Free with config_free. */
typedef struct {
  DWORD schema_version;
  WCHAR *program;            /* absolute path */
  BOOL program_is_script;    /* .bat or .cmd: run through %ComSpec% /d /s /c */
  WCHAR *arguments;          /* MULTI_SZ as read (each element one argv entry), NULL when empty */
  WCHAR *working_directory;  /* absolute; default the program's folder */
  WCHAR *environment;        /* MULTI_SZ of NAME=value, NULL when empty */
  DWORD stop_methods;
  DWORD stop_budget_ms;
  DWORD restart_base_ms, restart_factor_percent, restart_cap_ms, restart_jitter_percent;
  DWORD restart_max_count, restart_window_sec, restart_reset_sec;
  DWORD exit_codes_no_restart[HOST_MAX_EXIT_CODES];
  DWORD exit_codes_no_restart_count;
  DWORD exit_codes_stop_service[HOST_MAX_EXIT_CODES];
  DWORD exit_codes_stop_service_count;
  ProbeConfig readiness;
  DWORD readiness_timeout_sec;
  ProbeConfig liveness;
  DWORD liveness_interval_sec, liveness_failures_to_restart;
  DWORD probe_timeout_ms;
  DWORD log_max_file_bytes, log_max_files;
  ULONGLONG log_total_cap_bytes;
  DWORD log_split;
  BOOL job_allow_breakaway;
  ULONGLONG job_process_memory_bytes, job_memory_bytes;
  DWORD job_active_processes, job_cpu_rate_percent;
  ULONGLONG job_affinity;
  DWORD job_priority_class; /* a *_PRIORITY_CLASS constant, 0 = not set */
} HostConfig;

/** Why the configuration could not be used: the value's name and a sentence for the event log. */
typedef struct {
  DWORD code;        /* HOST_EXIT_CONFIG_MISSING or HOST_EXIT_CONFIG_INVALID */
  WCHAR value[64];   /* the registry value's name ("Parameters" when the key itself is missing) */
  WCHAR reason[256];
} ConfigError;

/**
 * Reads and checks the Parameters key of `service`. Returns TRUE with `config` filled, or FALSE with
 * `error` naming the first value that is missing (a required one), of the wrong type or out of range.
 */
BOOL config_read(const WCHAR *service, HostConfig *config, ConfigError *error);

/** Reads from an already open key (the unit under test: a test key elsewhere in the registry). */
BOOL config_read_key(HKEY key, HostConfig *config, ConfigError *error);

/** Frees the strings config_read allocated; the struct can be read again afterwards. */
void config_free(HostConfig *config);

/** TRUE when `code` is in the list. */
BOOL config_code_listed(const DWORD *codes, DWORD count, DWORD code);

#endif
