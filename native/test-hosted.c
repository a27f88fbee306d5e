/*
 * The program the service-host tests run as a service (native/service-host/): a console-subsystem
 * sibling of test-child.c. Console, because the host stops a program with Ctrl+C and Ctrl+Break through
 * the program's own console (GenerateConsoleCtrlEvent), which a windows-subsystem program does not have.
 * Every mode ends by itself after a safety lifetime (exit code 99), so a failed test leaves nothing.
 *
 *   test-hosted.exe [options] <mode> [arguments]
 *
 * Options (before the mode):
 *   --record <file>    append one line per event, "<event> <pid> <unix ms>": "start" on entry (tests
 *                      measure restart delays from these), "grandchild" (with the grandchild's PID),
 *                      "ctrl-c", "ctrl-break", "close" (a console close/logoff/shutdown event)
 *   --ignore-ctrl-c    Ctrl+C and Ctrl+Break are recorded and ignored (the handler returns TRUE)
 *
 * Modes (each line one mode; keep the table in this order when adding):
 *   sleep [seconds]          live until stopped (default 120 s); Ctrl+C / Ctrl+Break end it with the
 *                            system's default handler (STATUS_CONTROL_C_EXIT) unless ignored
 *   exit <code> [ms]         exit with <code> after <ms> (default 0)
 *   crash [ms]               write through a null pointer after <ms> (default 0): an access violation
 *                            (exit code 0xC0000005 = 3221225477)
 *   grandchild [seconds]     start "sleep <seconds>" (default 120) as a child that inherits nothing,
 *                            record it, then sleep: a stop must end both
 *   show <file> <NAME>       write two UTF-8 lines to <file>: the working directory, then the value of
 *                            environment variable NAME ("(unset)" if none); exit 0
 *   alloc <bytes>            commit and touch <bytes> bytes: exit 0 if it got them, 8 if not (a job
 *                            memory limit)
 *   window                   create a hidden top-level window and pump its messages; WM_CLOSE is
 *                            recorded ("wm-close") and ends the program with exit code 0
 *
 * Libraries: user32
 *
 * Build: node scripts/native-build.mjs (x86_64-w64-mingw32-gcc, or gcc on Windows).
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define LIFETIME_MS 120000
#define SAFETY_EXIT 99

static WCHAR self_path[MAX_PATH * 2];
static const WCHAR *record_file;
static BOOL ignore_ctrl_c;

static int usage(void) {
  fwprintf(stderr, L"usage: test-hosted [--record <file>] [--ignore-ctrl-c] sleep [seconds] | exit <code> [ms] | crash [ms] | grandchild [seconds] |"
                   L" show <file> <NAME> | alloc <bytes> | window\n");
  return 2;
}

static ULONGLONG unix_ms(void) {
  FILETIME ft;
  GetSystemTimeAsFileTime(&ft);
  return (((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime) / 10000 - 11644473600000ull;
}

/* One append per line (FILE_APPEND_DATA): lines from several processes never interleave. */
static void record(const char *event, DWORD pid) {
  if (!record_file) return;
  HANDLE h = CreateFileW(record_file, FILE_APPEND_DATA, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) return;
  char line[96];
  int length = snprintf(line, sizeof line, "%s %lu %llu\n", event, pid, unix_ms());
  DWORD written;
  WriteFile(h, line, (DWORD)length, &written, NULL);
  CloseHandle(h);
}

static BOOL WINAPI on_control(DWORD type) {
  const char *name = type == CTRL_C_EVENT ? "ctrl-c" : type == CTRL_BREAK_EVENT ? "ctrl-break" : "close";
  record(name, GetCurrentProcessId());
  if (ignore_ctrl_c && (type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT)) return TRUE;
  return FALSE; /* the next handler: the system's default, ExitProcess(STATUS_CONTROL_C_EXIT) */
}

static int mode_show(const WCHAR *file, const WCHAR *name) {
  WCHAR cwd[MAX_PATH * 2], value[4096];
  char text[16384];
  if (!GetCurrentDirectoryW(sizeof cwd / sizeof cwd[0], cwd)) return 3;
  if (!GetEnvironmentVariableW(name, value, sizeof value / sizeof value[0])) wcscpy(value, L"(unset)");
  int n = WideCharToMultiByte(CP_UTF8, 0, cwd, -1, text, sizeof text / 2, NULL, NULL);
  if (n <= 0) return 3;
  text[n - 1] = '\n';
  int m = WideCharToMultiByte(CP_UTF8, 0, value, -1, text + n, (int)sizeof text - n - 1, NULL, NULL);
  if (m <= 0) return 3;
  text[n + m - 1] = '\n';
  HANDLE h = CreateFileW(file, GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  DWORD written;
  if (h == INVALID_HANDLE_VALUE) return 3;
  BOOL ok = WriteFile(h, text, (DWORD)(n + m), &written, NULL);
  CloseHandle(h);
  return ok ? 0 : 3;
}

static int mode_alloc(long long bytes) {
  char *memory = VirtualAlloc(NULL, (SIZE_T)bytes, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
  if (!memory) return 8;
  for (long long i = 0; i < bytes; i += 4096) memory[i] = 1; /* touch every page: really in use */
  return 0;
}

static LRESULT CALLBACK window_procedure(HWND window, UINT message, WPARAM w, LPARAM l) {
  if (message == WM_CLOSE) {
    record("wm-close", GetCurrentProcessId());
    PostQuitMessage(0);
    return 0;
  }
  return DefWindowProcW(window, message, w, l);
}

static int mode_window(void) {
  WNDCLASSW wc;
  ZeroMemory(&wc, sizeof wc);
  wc.lpfnWndProc = window_procedure;
  wc.hInstance = GetModuleHandleW(NULL);
  wc.lpszClassName = L"AdminConsoleTestHosted";
  if (!RegisterClassW(&wc)) return 4;
  if (!CreateWindowExW(0, wc.lpszClassName, L"test-hosted", WS_OVERLAPPEDWINDOW, 0, 0, 100, 100, NULL, NULL, wc.hInstance, NULL)) return 4;
  record("window", GetCurrentProcessId());
  SetTimer(NULL, 0, LIFETIME_MS, NULL); /* the safety lifetime: a WM_TIMER ends the loop */
  MSG msg;
  while (GetMessageW(&msg, NULL, 0, 0) > 0) {
    if (msg.message == WM_TIMER) return SAFETY_EXIT;
    DispatchMessageW(&msg);
  }
  return 0;
}

static int mode_grandchild(int seconds) {
  WCHAR command_line[MAX_PATH * 2 + 64];
  STARTUPINFOW si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES; /* no standard handles: it must hold none of ours */
  swprintf(command_line, sizeof command_line / sizeof command_line[0], L"\"%ls\"%ls sleep %d", self_path, ignore_ctrl_c ? L" --ignore-ctrl-c" : L"",
           seconds);
  if (!CreateProcessW(NULL, command_line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) return 5;
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  record("grandchild", pi.dwProcessId);
  Sleep(LIFETIME_MS);
  return SAFETY_EXIT;
}

int wmain(int argc, WCHAR **argv) {
  if (!GetModuleFileNameW(NULL, self_path, sizeof self_path / sizeof self_path[0])) return 6;
  int i = 1;
  for (; i < argc && wcsncmp(argv[i], L"--", 2) == 0; i++) {
    if (wcscmp(argv[i], L"--record") == 0 && i + 1 < argc) record_file = argv[++i];
    else if (wcscmp(argv[i], L"--ignore-ctrl-c") == 0) ignore_ctrl_c = TRUE;
    else return usage();
  }
  SetConsoleCtrlHandler(on_control, TRUE);
  record("start", GetCurrentProcessId());
  if (i >= argc) return usage();
  const WCHAR *mode = argv[i];
  const WCHAR *a = i + 1 < argc ? argv[i + 1] : NULL;
  const WCHAR *b = i + 2 < argc ? argv[i + 2] : NULL;
  if (wcscmp(mode, L"sleep") == 0) {
    int seconds = a ? _wtoi(a) : 0;
    Sleep(seconds > 0 ? (DWORD)seconds * 1000 : LIFETIME_MS);
    return SAFETY_EXIT;
  }
  if (wcscmp(mode, L"exit") == 0 && a) {
    if (b) Sleep((DWORD)_wtoi(b));
    return (int)wcstoul(a, NULL, 10);
  }
  if (wcscmp(mode, L"crash") == 0) {
    if (a) Sleep((DWORD)_wtoi(a));
    volatile int *nowhere = NULL;
    *nowhere = 1;
    return SAFETY_EXIT;
  }
  if (wcscmp(mode, L"grandchild") == 0) return mode_grandchild(a ? _wtoi(a) : LIFETIME_MS / 1000);
  if (wcscmp(mode, L"show") == 0 && a && b) return mode_show(a, b);
  if (wcscmp(mode, L"alloc") == 0 && a) return mode_alloc(_wtoi64(a));
  if (wcscmp(mode, L"window") == 0) return mode_window();
  return usage();
}
