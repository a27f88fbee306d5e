/*
 * A real Windows service for the Services tests (SERVICE_WIN32_OWN_PROCESS): the SCM starts it, it
 * reports START_PENDING with advancing checkpoints and a wait hint, then RUNNING, and it accepts stop,
 * pause and continue, each through its pending state with checkpoints.
 *
 * Options come from the binary path's command line (the service's configuration) and then from the
 * arguments StartServiceW passed (ServiceMain's argv), which win when both give one:
 *   --start-ms N      take N ms to start, a checkpoint every ~200 ms (default 0: one checkpoint)
 *   --stop-ms N       take N ms to stop, likewise
 *   --pause-ms N      take N ms to pause and to continue, likewise
 *   --fail-start      report STOPPED instead of RUNNING, with ERROR_SERVICE_SPECIFIC_ERROR and code 42
 *   --stall-start     report START_PENDING with checkpoint 1 and never advance it (the wait hint passes
 *                     without progress: a caller must time out); after --start-ms (default 3000) it
 *                     gives up and reports STOPPED with service-specific code 43, so it never lingers
 *   --exit-after-ms N once running, end the process after N ms without reporting STOPPED (a crash:
 *                     exit code 3); Windows' SCM then reports it STOPPED (Wine 8 keeps RUNNING)
 *   --log <path>      append one line per event (UTF-8): "<ms since start> <event>": the arguments
 *                     from each source ("started pid 312 binary arguments [...]", "service main: start
 *                     arguments [...]", each argument in quotes), every state reported ("state
 *                     startPending checkpoint 2"), every control received ("control stop (1)")
 *   --log-wall-clock  start each log line with the wall-clock time instead: milliseconds since 1970
 *                     with three decimals (GetSystemTimePreciseAsFileTime), so the latency bench can
 *                     compare when a state was reported with when the console showed it
 * Other arguments are logged and ignored, so a test can pass arguments with spaces and quotes.
 *
 * It ends by itself (reporting STOPPED cleanly) after a safety lifetime of 10 minutes, so an
 * interrupted test run never leaves a running service behind.
 *
 * Started outside the SCM, StartServiceCtrlDispatcherW fails with ERROR_FAILED_SERVICE_CONTROLLER_CONNECT
 * (1063; under Wine only after ~10 s) and it exits with code 2.
 *
 * Subsystem: windows (no console: Wine would start a conhost.exe beside it).
 *
 * Build: node scripts/native-build.mjs (x86_64-w64-mingw32-gcc, or gcc on Windows).
 */
#include <windows.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#define STEP_MS 200
#define WAIT_HINT_MS 1000
#define STALL_WAIT_HINT_MS 500
#define DEFAULT_STALL_MS 3000
#define LIFETIME_MS (10 * 60 * 1000)
#define FAIL_START_CODE 42
#define STALL_GAVE_UP_CODE 43
#define CRASH_EXIT_CODE 3

struct options {
  DWORD start_ms, stop_ms, pause_ms, exit_after_ms;
  BOOL fail_start, stall_start, exit_after, log_wall_clock;
  WCHAR log_path[MAX_PATH * 2];
};

static struct options opt;
static ULONGLONG started_at;
static SERVICE_STATUS_HANDLE status_handle;
static SERVICE_STATUS status;
/* The handler (dispatcher thread) and ServiceMain's loop both report status. */
static CRITICAL_SECTION status_lock;
/* Signalled by the handler when a stop, pause or continue is to be carried out by ServiceMain. */
static HANDLE control_event;
static volatile LONG pending_control;

static const char *state_name(DWORD state) {
  switch (state) {
  case SERVICE_STOPPED: return "stopped";
  case SERVICE_START_PENDING: return "startPending";
  case SERVICE_STOP_PENDING: return "stopPending";
  case SERVICE_RUNNING: return "running";
  case SERVICE_CONTINUE_PENDING: return "continuePending";
  case SERVICE_PAUSE_PENDING: return "pausePending";
  case SERVICE_PAUSED: return "paused";
  default: return "unknown";
  }
}

/*
 * "GetSystemTimePreciseAsFileTime function" (sysinfoapi.h): UTC in 100 ns units since 1601 at full
 * resolution (Windows 8+; Wine reads CLOCK_REALTIME). mingw's header hides it below _WIN32_WINNT 0x0602.
 */
WINBASEAPI VOID WINAPI GetSystemTimePreciseAsFileTime(LPFILETIME);

/* Milliseconds since 1970 (the Unix epoch is 11644473600 s after 1601). */
static double wall_clock_ms(void) {
  FILETIME ft;
  GetSystemTimePreciseAsFileTime(&ft);
  ULONGLONG ticks = ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
  return (double)(ticks - 116444736000000000ULL) / 10000.0;
}

/* Appends "<ms> <text>\r\n" to the log, opened per line so lines from several runs never interleave. */
static void log_line(const char *format, ...) {
  if (!opt.log_path[0]) return;
  char text[2048];
  int length = opt.log_wall_clock ? snprintf(text, sizeof text, "%.3f ", wall_clock_ms())
                                  : snprintf(text, sizeof text, "%llu ", GetTickCount64() - started_at);
  va_list args;
  va_start(args, format);
  length += vsnprintf(text + length, sizeof text - length - 2, format, args);
  va_end(args);
  if (length > (int)sizeof text - 3) length = (int)sizeof text - 3;
  text[length++] = '\r';
  text[length++] = '\n';
  HANDLE h = CreateFileW(opt.log_path, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) return;
  DWORD written;
  WriteFile(h, text, (DWORD)length, &written, NULL);
  CloseHandle(h);
}

/* A wide string as UTF-8 for the log. */
static const char *utf8(const WCHAR *text, char *out, int size) {
  if (!WideCharToMultiByte(CP_UTF8, 0, text, -1, out, size, NULL, NULL)) out[0] = 0;
  return out;
}

static DWORD number(const WCHAR *text) { return (DWORD)wcstoul(text, NULL, 10); }

/* argv[1..] joined for the log, each argument in quotes so spaces show. */
static void join_arguments(int argc, WCHAR **argv, char *out, size_t size) {
  size_t used = 0;
  out[0] = 0;
  for (int i = 1; i < argc && used + 1 < size; i++) {
    char word[512];
    int n = snprintf(out + used, size - used, "%s\"%s\"", i > 1 ? " " : "", utf8(argv[i], word, sizeof word));
    if (n < 0) break;
    used += (size_t)n < size - used ? (size_t)n : size - used - 1;
  }
}

/* Reads options from argv[1..] into `opt`; later calls override what earlier ones set. Others are ignored. */
static void parse_options(int argc, WCHAR **argv) {
  for (int i = 1; i < argc; i++) {
    const WCHAR *a = argv[i];
    BOOL has_value = i + 1 < argc;
    if (!wcscmp(a, L"--start-ms") && has_value) opt.start_ms = number(argv[++i]);
    else if (!wcscmp(a, L"--stop-ms") && has_value) opt.stop_ms = number(argv[++i]);
    else if (!wcscmp(a, L"--pause-ms") && has_value) opt.pause_ms = number(argv[++i]);
    else if (!wcscmp(a, L"--exit-after-ms") && has_value) opt.exit_after_ms = number(argv[++i]), opt.exit_after = TRUE;
    else if (!wcscmp(a, L"--fail-start")) opt.fail_start = TRUE;
    else if (!wcscmp(a, L"--stall-start")) opt.stall_start = TRUE;
    else if (!wcscmp(a, L"--log-wall-clock")) opt.log_wall_clock = TRUE;
    else if (!wcscmp(a, L"--log") && has_value) wcsncpy(opt.log_path, argv[++i], MAX_PATH * 2 - 1);
  }
}

/* Reports a state to the SCM (and the log). Pending states carry a checkpoint and the wait hint. */
static void report(DWORD state, DWORD checkpoint, DWORD wait_hint, DWORD win32_exit, DWORD specific_exit) {
  EnterCriticalSection(&status_lock);
  status.dwCurrentState = state;
  status.dwCheckPoint = checkpoint;
  status.dwWaitHint = wait_hint;
  status.dwWin32ExitCode = win32_exit;
  status.dwServiceSpecificExitCode = specific_exit;
  /* No controls while starting or stopping; stop and pause/continue once running or paused. */
  status.dwControlsAccepted =
      (state == SERVICE_RUNNING || state == SERVICE_PAUSED) ? SERVICE_ACCEPT_STOP | SERVICE_ACCEPT_PAUSE_CONTINUE : 0;
  /* Logged before it is reported: once the SCM sees STOPPED a watcher may read the log (or the process may
     be ended), so the line must already be there. */
  if (checkpoint) log_line("state %s checkpoint %lu", state_name(state), checkpoint);
  else if (win32_exit) log_line("state %s exit %lu specific %lu", state_name(state), win32_exit, specific_exit);
  else log_line("state %s", state_name(state));
  BOOL ok = SetServiceStatus(status_handle, &status);
  LeaveCriticalSection(&status_lock);
  if (!ok) log_line("SetServiceStatus failed: error %lu", GetLastError());
}

/* Spends `ms` in a pending state, a checkpoint every STEP_MS, starting after checkpoint `from`. */
static void progress(DWORD state, DWORD from, DWORD ms) {
  DWORD checkpoint = from;
  for (DWORD spent = 0; spent < ms; spent += STEP_MS) {
    Sleep(ms - spent < STEP_MS ? ms - spent : STEP_MS);
    report(state, ++checkpoint, WAIT_HINT_MS, NO_ERROR, 0);
  }
}

static const char *control_name(DWORD control) {
  switch (control) {
  case SERVICE_CONTROL_STOP: return "stop";
  case SERVICE_CONTROL_PAUSE: return "pause";
  case SERVICE_CONTROL_CONTINUE: return "continue";
  case SERVICE_CONTROL_INTERROGATE: return "interrogate";
  case SERVICE_CONTROL_SHUTDOWN: return "shutdown";
  default: return "other";
  }
}

/*
 * "LPHANDLER_FUNCTION_EX callback function": runs on the dispatcher thread. It reports the pending
 * state (checkpoint 1) before returning, so ControlService already hands the caller that state, and
 * leaves the rest of the work to ServiceMain's loop.
 */
static DWORD WINAPI handler(DWORD control, DWORD event_type, void *event_data, void *context) {
  (void)event_type, (void)event_data, (void)context;
  log_line("control %s (%lu)", control_name(control), control);
  EnterCriticalSection(&status_lock);
  DWORD state = status.dwCurrentState;
  LeaveCriticalSection(&status_lock);
  DWORD pending;
  switch (control) {
  case SERVICE_CONTROL_INTERROGATE: return NO_ERROR;
  case SERVICE_CONTROL_STOP:
  case SERVICE_CONTROL_SHUTDOWN:
    if (state != SERVICE_RUNNING && state != SERVICE_PAUSED) return ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
    pending = SERVICE_STOP_PENDING;
    break;
  case SERVICE_CONTROL_PAUSE:
    if (state != SERVICE_RUNNING) return ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
    pending = SERVICE_PAUSE_PENDING;
    break;
  case SERVICE_CONTROL_CONTINUE:
    if (state != SERVICE_PAUSED) return ERROR_SERVICE_CANNOT_ACCEPT_CTRL;
    pending = SERVICE_CONTINUE_PENDING;
    break;
  default: return ERROR_CALL_NOT_IMPLEMENTED;
  }
  report(pending, 1, WAIT_HINT_MS, NO_ERROR, 0);
  InterlockedExchange(&pending_control, (LONG)control);
  SetEvent(control_event);
  return NO_ERROR;
}

static void WINAPI service_main(DWORD argc, WCHAR **argv) {
  /* The binary path's options were parsed in wmain; the StartServiceW arguments come second and win. */
  char start_args[1024];
  join_arguments((int)argc, argv, start_args, sizeof start_args);
  parse_options((int)argc, argv);
  status_handle = RegisterServiceCtrlHandlerExW(argc > 0 ? argv[0] : L"", handler, NULL);
  if (!status_handle) {
    log_line("RegisterServiceCtrlHandlerExW failed: error %lu", GetLastError());
    return;
  }
  log_line("service main: start arguments [%s]", start_args);
  status.dwServiceType = SERVICE_WIN32_OWN_PROCESS;

  report(SERVICE_START_PENDING, 1, opt.stall_start ? STALL_WAIT_HINT_MS : WAIT_HINT_MS, NO_ERROR, 0);
  if (opt.stall_start) {
    Sleep(opt.start_ms ? opt.start_ms : DEFAULT_STALL_MS);
    report(SERVICE_STOPPED, 0, 0, ERROR_SERVICE_SPECIFIC_ERROR, STALL_GAVE_UP_CODE);
    return;
  }
  progress(SERVICE_START_PENDING, 1, opt.start_ms);
  if (opt.fail_start) {
    report(SERVICE_STOPPED, 0, 0, ERROR_SERVICE_SPECIFIC_ERROR, FAIL_START_CODE);
    return;
  }
  report(SERVICE_RUNNING, 0, 0, NO_ERROR, 0);

  ULONGLONG running_since = GetTickCount64();
  for (;;) {
    ULONGLONG now = GetTickCount64();
    ULONGLONG deadline = started_at + LIFETIME_MS;
    if (opt.exit_after && running_since + opt.exit_after_ms < deadline) deadline = running_since + opt.exit_after_ms;
    DWORD wait = now >= deadline ? 0 : (DWORD)(deadline - now);
    if (WaitForSingleObject(control_event, wait) == WAIT_TIMEOUT) {
      if (opt.exit_after && GetTickCount64() >= running_since + opt.exit_after_ms) {
        log_line("exiting without reporting STOPPED (exit code %d)", CRASH_EXIT_CODE);
        ExitProcess(CRASH_EXIT_CODE);
      }
      log_line("safety lifetime over");
      report(SERVICE_STOPPED, 0, 0, NO_ERROR, 0);
      return;
    }
    DWORD control = (DWORD)InterlockedExchange(&pending_control, 0);
    if (control == SERVICE_CONTROL_STOP || control == SERVICE_CONTROL_SHUTDOWN) {
      progress(SERVICE_STOP_PENDING, 1, opt.stop_ms);
      /* The last report: the process may end as soon as the SCM has it. */
      report(SERVICE_STOPPED, 0, 0, NO_ERROR, 0);
      return;
    }
    if (control == SERVICE_CONTROL_PAUSE) {
      progress(SERVICE_PAUSE_PENDING, 1, opt.pause_ms);
      report(SERVICE_PAUSED, 0, 0, NO_ERROR, 0);
    } else if (control == SERVICE_CONTROL_CONTINUE) {
      progress(SERVICE_CONTINUE_PENDING, 1, opt.pause_ms);
      report(SERVICE_RUNNING, 0, 0, NO_ERROR, 0);
    }
  }
}

int wmain(int argc, WCHAR **argv) {
  started_at = GetTickCount64();
  InitializeCriticalSection(&status_lock);
  control_event = CreateEventW(NULL, FALSE, FALSE, NULL);
  char binary_args[1024];
  join_arguments(argc, argv, binary_args, sizeof binary_args);
  parse_options(argc, argv);
  log_line("started pid %lu binary arguments [%s]", GetCurrentProcessId(), binary_args);

  /* SERVICE_WIN32_OWN_PROCESS: the SCM ignores the name in the table. */
  SERVICE_TABLE_ENTRYW table[] = {{L"", service_main}, {NULL, NULL}};
  if (!StartServiceCtrlDispatcherW(table)) {
    DWORD error = GetLastError();
    log_line("StartServiceCtrlDispatcherW failed: error %lu", error);
    fwprintf(stderr, L"test-service must be started by the service control manager (error %lu)\n", error);
    return 2;
  }
  log_line("dispatcher returned");
  return 0;
}
