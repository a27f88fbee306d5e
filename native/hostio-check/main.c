/*
 * hostio-check.exe: runs the service host's log.c, probe.c and pipe.c outside the SCM with settings a
 * service test cannot force, and prints what they did as JSON lines, for
 * src-main/win32/service-host/host-io-units.win32.test.ts. Test-only; never shipped.
 *
 *   hostio-check probe tcp|http <port> [path] [status] [timeout-ms]
 *   hostio-check probe heartbeat <file> <max-age-s>
 *                                      one probe_run: {"ok":true,"detail":"..."}
 *   hostio-check flood <folder> <test-child.exe> <lines> <queue-bytes>
 *                                      the log (3 x 1 MiB) with a queue of <queue-bytes>, fed by
 *                                      "test-child lines <lines> 100 0 <done>": {"floodMs":N,"dropped":N,
 *                                      "reported":N,"reports":N} (reported: bytes the on_dropped callback got)
 *   hostio-check pipe <service> <seconds> <line-bytes> <every-ms> [accounting]
 *                                      the status pipe for <seconds>, its status changing every <every-ms>
 *                                      (accounting-only changes with "accounting"), each line <line-bytes>
 *                                      long; prints {"listening":N} calls of the accounting refresh at the end
 *
 *   hostio-check lines <folder>         writes through the log's own pipes (no program): "a\r\nb\n", a
 *                                      20000-byte line, then "prompt> " with no break, waits 2.5 s with
 *                                      the pipes open, and prints the output.log it sees then: {"log":"..."}
 *   hostio-check as-non-admin <service>
 *                                      opens the pipe as this process, then impersonating this token
 *                                      with BUILTIN\Administrators made deny-only (CreateRestrictedToken):
 *                                      {"asSelf":0,"asNonAdmin":5} (0 = opened, else the Win32 error)
 *   hostio-check stall <service> <seconds>
 *                                      connects to the pipe and reads nothing for <seconds>, then reads:
 *                                      {"disconnected":true|false,"error":N} (was it dropped as slow?)
 *
 * Libraries: ws2_32 shell32 ole32 advapi32
 *
 * Build: node scripts/native-build.mjs (with ../service-host/ through units.c).
 */
#include <winsock2.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../service-host/json.h"
#include "../service-host/log.h"
#include "../service-host/pipe.h"
#include "../service-host/probe.h"

static void print_json_string(const char *text) {
  char buffer[1024];
  JsonWriter w;
  json_init(&w, buffer, sizeof buffer);
  json_string(&w, text);
  fputs(buffer, stdout);
}

static int check_probe(int argc, WCHAR **argv) {
  ProbeConfig probe;
  ZeroMemory(&probe, sizeof probe);
  DWORD timeout = 2000;
  if (wcscmp(argv[2], L"heartbeat") == 0 && argc >= 5) {
    probe.kind = PROBE_HEARTBEAT;
    probe.heartbeat_file = argv[3];
    probe.heartbeat_max_age_sec = (DWORD)_wtoi(argv[4]);
  } else if ((wcscmp(argv[2], L"tcp") == 0 || wcscmp(argv[2], L"http") == 0) && argc >= 4) {
    probe.kind = wcscmp(argv[2], L"tcp") == 0 ? PROBE_TCP : PROBE_HTTP;
    probe.port = (DWORD)_wtoi(argv[3]);
    probe.http_path = argc >= 5 ? argv[4] : L"/";
    probe.http_status = argc >= 6 ? (DWORD)_wtoi(argv[5]) : 200;
    if (argc >= 7) timeout = (DWORD)_wtoi(argv[6]);
    DWORD error;
    if (!probe_startup(&error)) return 3;
  } else {
    return 2;
  }
  ProbeResult result;
  ULONGLONG started = GetTickCount64();
  probe_run(&probe, timeout, &result);
  printf("{\"ok\":%s,\"ms\":%llu,\"detail\":", result.ok ? "true" : "false", GetTickCount64() - started);
  print_json_string(result.detail);
  puts("}");
  return 0;
}

static volatile LONG64 reported_bytes, reports;

static void on_dropped(void *context, ULONGLONG bytes, const char *reason) {
  (void)context;
  (void)reason;
  InterlockedAdd64(&reported_bytes, (LONG64)bytes);
  InterlockedIncrement64(&reports);
}

static int check_flood(WCHAR **argv) {
  DWORD error = 0;
  if (!hostlog_make_admin_folder(argv[2], &error)) return 3;
  HostLogOptions options = {1048576, 3, 0, FALSE, (size_t)_wtoi64(argv[5]), on_dropped, NULL};
  HostLog *log = hostlog_open(argv[2], &options, &error);
  if (!log) return 4;
  HANDLE out, err;
  if (!hostlog_make_pipes(log, &out, &err, &error)) return 5;
  WCHAR done[MAX_PATH + 16], command[MAX_PATH * 3];
  _snwprintf(done, MAX_PATH + 16, L"%ls\\..\\flood-done", argv[2]);
  done[MAX_PATH + 15] = 0;
  DeleteFileW(done);
  _snwprintf(command, MAX_PATH * 3, L"\"%ls\" lines %ls 100 0 \"%ls\"", argv[3], argv[4], done);
  command[MAX_PATH * 3 - 1] = 0;
  STARTUPINFOW si;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdOutput = out;
  si.hStdError = err;
  PROCESS_INFORMATION pi;
  if (!CreateProcessW(NULL, command, NULL, NULL, TRUE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) return 6;
  CloseHandle(out);
  CloseHandle(err);
  ULONGLONG end = GetTickCount64() + 60000;
  while (GetFileAttributesW(done) == INVALID_FILE_ATTRIBUTES && GetTickCount64() < end) Sleep(50);
  Sleep(100); /* the file is written, then closed */
  char text[32] = "";
  HANDLE h = CreateFileW(done, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
  DWORD n = 0;
  if (h != INVALID_HANDLE_VALUE) {
    ReadFile(h, text, sizeof text - 1, &n, NULL);
    CloseHandle(h);
  }
  text[n] = 0;
  TerminateProcess(pi.hProcess, 0); /* it sleeps after its flood; ending it closes its pipe ends */
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  Sleep(200); /* the reader reaches the end of what the program wrote */
  ULONGLONG dropped = hostlog_dropped_bytes(log);
  hostlog_close(log, 5000);
  printf("{\"floodMs\":%s,\"dropped\":%llu,\"reported\":%lld,\"reports\":%lld}\n", text[0] ? text : "null", dropped,
         (long long)reported_bytes, (long long)reports);
  return 0;
}

static volatile LONG counter, listening_calls;
static int line_bytes = 200;

static size_t status_line(char *buffer, size_t capacity) {
  int n = snprintf(buffer, capacity, "{\"type\":\"status\",\"n\":%ld,\"pad\":\"", counter);
  if (n < 0 || (size_t)n >= capacity) return 0;
  while (n < line_bytes - 3 && (size_t)n + 4 < capacity) buffer[n++] = 'x';
  buffer[n++] = '"';
  buffer[n++] = '}';
  buffer[n++] = '\n';
  buffer[n] = 0;
  return (size_t)n;
}

static BOOL restart(char *error, size_t capacity) {
  (void)error;
  (void)capacity;
  InterlockedAdd(&counter, 1000);
  return TRUE;
}

static void listening(void) { InterlockedIncrement(&listening_calls); }

static int check_pipe(int argc, WCHAR **argv) {
  DWORD error = 0;
  line_bytes = _wtoi(argv[4]);
  int every = _wtoi(argv[5]);
  BOOL accounting = argc >= 7 && wcscmp(argv[6], L"accounting") == 0;
  HostPipe *pipe = hostpipe_start(argv[2], status_line, restart, listening, &error);
  if (!pipe) {
    printf("{\"error\":%lu}\n", error);
    return 0;
  }
  printf("{\"started\":true}\n");
  fflush(stdout);
  ULONGLONG end = GetTickCount64() + (ULONGLONG)_wtoi(argv[3]) * 1000;
  while (GetTickCount64() < end) {
    Sleep((DWORD)every);
    InterlockedIncrement(&counter);
    hostpipe_changed(pipe, accounting);
  }
  hostpipe_stop(pipe);
  printf("{\"listening\":%ld}\n", listening_calls);
  return 0;
}

static int check_lines(WCHAR **argv) {
  DWORD error = 0;
  if (!hostlog_make_admin_folder(argv[2], &error)) return 3;
  HostLogOptions options = {1048576, 3, 0, FALSE, 0, NULL, NULL};
  HostLog *log = hostlog_open(argv[2], &options, &error);
  if (!log) return 4;
  HANDLE out, err;
  if (!hostlog_make_pipes(log, &out, &err, &error)) return 5;
  DWORD written;
  static char long_line[20001];
  memset(long_line, 'L', 20000);
  long_line[20000] = '\n';
  WriteFile(out, "a\r\nb\n", 5, &written, NULL);
  WriteFile(err, "e1\n", 3, &written, NULL);
  WriteFile(out, long_line, sizeof long_line, &written, NULL);
  WriteFile(out, "prompt> ", 8, &written, NULL);
  Sleep(2500);
  WCHAR path[MAX_PATH];
  _snwprintf(path, MAX_PATH, L"%ls\\output.log", argv[2]);
  path[MAX_PATH - 1] = 0;
  static char text[65536];
  DWORD n = 0;
  HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
  if (h != INVALID_HANDLE_VALUE) {
    ReadFile(h, text, sizeof text - 1, &n, NULL);
    CloseHandle(h);
  }
  text[n] = 0;
  CloseHandle(out);
  CloseHandle(err);
  hostlog_close(log, 2000);
  static char json[140000];
  JsonWriter w;
  json_init(&w, json, sizeof json);
  json_raw(&w, "{\"log\":");
  json_string(&w, text);
  json_raw(&w, "}");
  puts(json);
  return 0;
}

static DWORD try_open(const WCHAR *name) {
  HANDLE pipe = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  if (pipe == INVALID_HANDLE_VALUE) return GetLastError();
  CloseHandle(pipe);
  return 0;
}

static int check_as_non_admin(WCHAR **argv) {
  WCHAR name[300];
  _snwprintf(name, 300, L"\\\\.\\pipe\\admin-console-host-%ls", argv[2]);
  name[299] = 0;
  DWORD as_self = try_open(name);
  Sleep(200); /* the server takes the instance back */
  HANDLE token = NULL, restricted = NULL;
  BYTE admins[SECURITY_MAX_SID_SIZE];
  DWORD size = sizeof admins;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_DUPLICATE | TOKEN_QUERY | TOKEN_IMPERSONATE | TOKEN_ASSIGN_PRIMARY, &token) ||
      !CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, admins, &size)) {
    printf("{\"error\":%lu}\n", GetLastError());
    return 0;
  }
  SID_AND_ATTRIBUTES disable = {admins, 0};
  /* Administrators deny-only: what a standard user's (or a filtered admin's) token looks like to a DACL. */
  if (!CreateRestrictedToken(token, DISABLE_MAX_PRIVILEGE, 1, &disable, 0, NULL, 0, NULL, &restricted) ||
      !ImpersonateLoggedOnUser(restricted)) {
    printf("{\"error\":%lu}\n", GetLastError());
    return 0;
  }
  DWORD as_non_admin = try_open(name);
  RevertToSelf();
  CloseHandle(restricted);
  CloseHandle(token);
  printf("{\"asSelf\":%lu,\"asNonAdmin\":%lu}\n", as_self, as_non_admin);
  return 0;
}

static int check_stall(WCHAR **argv) {
  WCHAR name[300];
  _snwprintf(name, 300, L"\\\\.\\pipe\\admin-console-host-%ls", argv[2]);
  name[299] = 0;
  HANDLE pipe = CreateFileW(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
  if (pipe == INVALID_HANDLE_VALUE) {
    printf("{\"connected\":false,\"error\":%lu}\n", GetLastError());
    return 0;
  }
  printf("{\"connected\":true}\n");
  fflush(stdout);
  Sleep((DWORD)_wtoi(argv[3]) * 1000);
  /* A client the server dropped gets an error at once (DisconnectNamedPipe discards what was unread); one
     still connected keeps getting lines: read for a second and see which. */
  static char buffer[1 << 20];
  DWORD read = 0, available = 0, error = 0;
  ULONGLONG until = GetTickCount64() + 1000;
  while (GetTickCount64() < until) {
    if (!PeekNamedPipe(pipe, NULL, 0, NULL, &available, NULL)) {
      error = GetLastError();
      break;
    }
    if (available == 0) {
      Sleep(20);
      continue;
    }
    if (!ReadFile(pipe, buffer, sizeof buffer, &read, NULL) && GetLastError() != ERROR_MORE_DATA) {
      error = GetLastError();
      break;
    }
  }
  printf("{\"disconnected\":%s,\"error\":%lu}\n", error == ERROR_BROKEN_PIPE || error == ERROR_PIPE_NOT_CONNECTED ? "true" : "false", error);
  CloseHandle(pipe);
  return 0;
}

int wmain(int argc, WCHAR **argv) {
  if (argc >= 4 && wcscmp(argv[1], L"stall") == 0) return check_stall(argv);
  if (argc >= 3 && wcscmp(argv[1], L"lines") == 0) return check_lines(argv);
  if (argc >= 3 && wcscmp(argv[1], L"as-non-admin") == 0) return check_as_non_admin(argv);
  if (argc >= 4 && wcscmp(argv[1], L"probe") == 0) return check_probe(argc, argv);
  if (argc >= 6 && wcscmp(argv[1], L"flood") == 0) return check_flood(argv);
  if (argc >= 6 && wcscmp(argv[1], L"pipe") == 0) return check_pipe(argc, argv);
  fwprintf(stderr, L"usage: hostio-check probe ... | flood <folder> <test-child> <lines> <queue-bytes> | pipe <service> <s> <bytes> <ms> [accounting]\n");
  return 2;
}
