/*
 * A process for the Win32 tests and the bench to act on. Every mode ends by itself after a safety
 * lifetime (exit code 99), so a failed test run never leaves processes behind in the Wine prefix.
 *
 *   test-child.exe sleep [seconds | anything...] waits until killed (or <seconds>, default 120; other
 *                                               arguments are ignored, so a test can put spaces and
 *                                               quotes in the command line)
 *   test-child.exe tick <file>                  writes a counter (10 digits) to <file> every ~10 ms, so
 *                                               a test sees suspend stop progress and resume restart it
 *   test-child.exe tree <depth> <width> <dir>   creates an empty file named by its PID in <dir>, starts
 *                                               <width> children "tree <depth-1> <width> <dir>" (none at
 *                                               depth 0), then sleeps: 1 + w + w^2 + ... processes
 *   test-child.exe spawn <n> [seconds]          starts <n> sleeping children in a kill-on-close job,
 *                                               prints {"spawned":n,"pids":[...]} and sleeps; ending
 *                                               this process ends them all
 *   test-child.exe print <out> <err> [code]     writes <out> to stdout and <err> to stderr (UTF-8, no
 *                                               line break added) and exits with <code> (default 0)
 *   test-child.exe flood <bytes> [stamp-file]   writes <bytes> bytes to stdout ("0123456789abcdef"
 *                                               repeated, cut at <bytes>) and exits 0; with <stamp-file>
 *                                               it records its PID and exit there as "stamp" does
 *   test-child.exe linger <seconds>             starts "sleep <seconds>" inheriting its standard
 *                                               handles, prints "grandchild <PID>\n" and exits 0, so
 *                                               the grandchild alone holds the pipes open
 *   test-child.exe breakaway <seconds>          starts "sleep <seconds>" with CREATE_BREAKAWAY_FROM_JOB
 *                                               and prints "grandchild <PID>\n", or "refused <error>\n"
 *                                               when the job does not allow it; exits 0
 *   test-child.exe alloc <bytes>                commits <bytes> bytes (VirtualAlloc): exits 0 if it got
 *                                               them, 8 if not (e.g. over a job's memory limit)
 *   test-child.exe serve <port> [delay-ms] [stop-file]
 *                                               after <delay-ms> listens on 127.0.0.1:<port> and answers
 *                                               every request "HTTP/1.0 200 OK"; once <stop-file> exists
 *                                               it closes the port (connections refused) and sleeps
 *   test-child.exe heartbeat <file> <every-ms> [stop-file]
 *                                               writes <file> every <every-ms> until <stop-file> exists,
 *                                               then sleeps (the heartbeat goes stale)
 *   test-child.exe lines <count> <length> [per-second] [done-file]
 *                                               writes <count> lines of <length> bytes to stdout
 *                                               ("<10-digit number> xxx...", the break included), as fast
 *                                               as it can or <per-second> a second (0 = as fast), then
 *                                               writes the milliseconds it took to <done-file> and sleeps
 *   test-child.exe stamp <delay-ms> <file> [anything...]
 *                                               writes "pid <PID>\n" to <file>, sleeps <delay-ms>, then
 *                                               appends "exit <wall-clock ms>\n" and calls ExitProcess(0):
 *                                               the latency bench's event time (extra arguments ignored)
 *   test-child.exe clock                        for every byte read on stdin writes "<wall-clock ms>\n"
 *                                               to stdout; ends at end of input (the bench compares
 *                                               Wine's clock with the Linux side's)
 *   test-child.exe window [seconds]             shows a top-level window (not activated) and pumps its
 *                                               messages until <seconds> pass (default 120): responding
 *   test-child.exe hung-window [seconds]        shows one, pumps what is queued once, then sleeps without
 *                                               asking for messages: IsHungAppWindow says hung after 5 s
 *
 * Wall-clock ms: GetSystemTimePreciseAsFileTime as milliseconds since 1970 with three decimals, the
 * clock Date.now() reads on the same machine (Wine: clock_gettime(CLOCK_REALTIME)).
 *
 * Started: on entering wmain it signals the event "Local\admin-console-test-child-<its PID>" if the
 * parent created one (start it suspended, create the event, resume), so a test knows the loader is
 * done and the process parameters are in place before it looks.
 *
 * Subsystem: windows (no console, so Wine starts no conhost.exe beside each copy; output in spawn mode
 * goes to the standard handles the parent passes, as node's child_process does).
 *
 * Build: node scripts/native-build.mjs (x86_64-w64-mingw32-gcc, or gcc on Windows).
 * Libraries: ws2_32 user32
 */
#include <winsock2.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define LIFETIME_MS 120000
#define SAFETY_EXIT 99

static WCHAR self_path[MAX_PATH * 2];

static int usage(void) {
  fwprintf(stderr, L"usage: test-child sleep | tick <file> | tree <depth> <width> <dir> | spawn <n> [seconds] | print <out> <err> [code] |"
                   L" flood <bytes> [stamp-file] | linger <seconds> | breakaway <seconds> | alloc <bytes> | serve <port> [delay-ms] [stop-file] |"
                   L" heartbeat <file> <every-ms> [stop-file] | lines <count> <length> [per-second] [done-file] | stamp <delay-ms> <file> | clock |"
                   L" window [seconds] | hung-window [seconds]\n");
  return 2;
}

/* Writes all of `data` to a standard handle with WriteFile (no CRT: the handles may be pipes a GUI program was given). */
static int write_all(DWORD which, const char *data, size_t length) {
  HANDLE h = GetStdHandle(which);
  while (length > 0) {
    DWORD written;
    if (h == NULL || h == INVALID_HANDLE_VALUE || !WriteFile(h, data, length > 65536 ? 65536 : (DWORD)length, &written, NULL)) return 0;
    data += written;
    length -= written;
  }
  return 1;
}

static int write_text(DWORD which, const WCHAR *text) {
  static char utf8[32768];
  int length = WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, sizeof utf8, NULL, NULL);
  return length > 0 && write_all(which, utf8, (size_t)length - 1);
}

/*
 * "GetSystemTimePreciseAsFileTime function" (sysinfoapi.h): UTC in 100 ns units since 1601, at the
 * clock's full resolution (Windows 8+; Wine reads CLOCK_REALTIME). Declared here because mingw's
 * header hides it below _WIN32_WINNT 0x0602.
 */
WINBASEAPI VOID WINAPI GetSystemTimePreciseAsFileTime(LPFILETIME);

/* Milliseconds since 1970 (the Unix epoch is 11644473600 s after 1601). */
static double wall_clock_ms(void) {
  FILETIME ft;
  GetSystemTimePreciseAsFileTime(&ft);
  ULONGLONG ticks = ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
  return (double)(ticks - 116444736000000000ULL) / 10000.0;
}

/* Creates the stamp file and writes "pid <PID>\n" to it; INVALID_HANDLE_VALUE on failure. */
static HANDLE open_stamp(const WCHAR *file) {
  HANDLE h = CreateFileW(file, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, CREATE_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) return h;
  char line[64];
  DWORD written;
  int length = snprintf(line, sizeof line, "pid %lu\n", GetCurrentProcessId());
  if (!WriteFile(h, line, (DWORD)length, &written, NULL)) {
    CloseHandle(h);
    return INVALID_HANDLE_VALUE;
  }
  return h;
}

/* Appends "exit <wall-clock ms>\n" and ends the process: the time is taken last, one WriteFile before ExitProcess. */
static void stamp_exit(HANDLE h) {
  char line[64];
  DWORD written;
  int length = snprintf(line, sizeof line, "exit %.3f\n", wall_clock_ms());
  WriteFile(h, line, (DWORD)length, &written, NULL);
  CloseHandle(h);
  ExitProcess(0);
}

static int mode_print(const WCHAR *out, const WCHAR *err, int code) {
  if (!write_text(STD_OUTPUT_HANDLE, out) || !write_text(STD_ERROR_HANDLE, err)) return 7;
  return code;
}

static int mode_flood(long long bytes, const WCHAR *stamp_file) {
  HANDLE stamp = INVALID_HANDLE_VALUE;
  if (stamp_file && (stamp = open_stamp(stamp_file)) == INVALID_HANDLE_VALUE) return 3;
  static char block[65536];
  for (size_t i = 0; i < sizeof block; i++) block[i] = "0123456789abcdef"[i % 16];
  while (bytes > 0) {
    size_t chunk = bytes > (long long)sizeof block ? sizeof block : (size_t)bytes;
    if (!write_all(STD_OUTPUT_HANDLE, block, chunk)) return 7;
    bytes -= (long long)chunk;
  }
  if (stamp != INVALID_HANDLE_VALUE) stamp_exit(stamp);
  return 0;
}

/* A grandchild outside our job, if the job allows breakaway; it inherits nothing. */
static int mode_breakaway(int seconds) {
  WCHAR command_line[MAX_PATH * 2 + 32];
  STARTUPINFOW si;
  PROCESS_INFORMATION pi;
  char line[64];
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES; /* NULL standard handles: it must not hold our pipes (see start_self) */
  swprintf(command_line, sizeof command_line / sizeof command_line[0], L"\"%ls\" sleep %d", self_path, seconds);
  if (CreateProcessW(NULL, command_line, NULL, NULL, FALSE, CREATE_BREAKAWAY_FROM_JOB | CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    snprintf(line, sizeof line, "grandchild %lu\n", pi.dwProcessId);
  } else {
    snprintf(line, sizeof line, "refused %lu\n", GetLastError());
  }
  return write_all(STD_OUTPUT_HANDLE, line, strlen(line)) ? 0 : 7;
}

static int mode_alloc(long long bytes) {
  char *memory = VirtualAlloc(NULL, (SIZE_T)bytes, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
  if (!memory) return 8;
  for (long long i = 0; i < bytes; i += 4096) memory[i] = 1; /* touch every page: really in use */
  return 0;
}

/* The grandchild inherits our standard handles (inheritable in us, as the parent passed them), then we exit. */
static int mode_linger(int seconds) {
  WCHAR command_line[MAX_PATH * 2 + 32];
  STARTUPINFOW si;
  PROCESS_INFORMATION pi;
  char line[64];
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  si.dwFlags = STARTF_USESTDHANDLES;
  si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
  si.hStdOutput = GetStdHandle(STD_OUTPUT_HANDLE);
  si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
  swprintf(command_line, sizeof command_line / sizeof command_line[0], L"\"%ls\" sleep %d", self_path, seconds);
  if (!CreateProcessW(NULL, command_line, NULL, NULL, TRUE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) return 5;
  CloseHandle(pi.hThread);
  CloseHandle(pi.hProcess);
  snprintf(line, sizeof line, "grandchild %lu\n", pi.dwProcessId);
  return write_all(STD_OUTPUT_HANDLE, line, strlen(line)) ? 0 : 7;
}

/* Starts "<self> <args>" with no window, no inherited handles and no standard handles; returns its PID, or 0 on failure. */
static DWORD start_self(const WCHAR *args) {
  static WCHAR command_line[4096];
  STARTUPINFOW si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
  /* No standard handles at all: without this Wine duplicates ours into the child even with bInheritHandles FALSE. */
  si.dwFlags = STARTF_USESTDHANDLES;
  swprintf(command_line, sizeof command_line / sizeof command_line[0], L"\"%ls\" %ls", self_path, args);
  if (!CreateProcessW(NULL, command_line, NULL, NULL, FALSE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
    fwprintf(stderr, L"CreateProcessW failed: error %lu\n", GetLastError());
    return 0;
  }
  CloseHandle(pi.hProcess);
  CloseHandle(pi.hThread);
  return pi.dwProcessId;
}

static int mode_tick(const WCHAR *file) {
  HANDLE h = CreateFileW(file, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, CREATE_ALWAYS,
                         FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) {
    fwprintf(stderr, L"CreateFileW failed: error %lu\n", GetLastError());
    return 3;
  }
  ULONGLONG end = GetTickCount64() + LIFETIME_MS;
  for (unsigned long counter = 1; GetTickCount64() < end; counter++) {
    char text[16];
    DWORD written;
    int length = snprintf(text, sizeof text, "%010lu", counter);
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    if (!WriteFile(h, text, (DWORD)length, &written, NULL)) return 4;
    Sleep(10);
  }
  CloseHandle(h);
  return SAFETY_EXIT;
}

static int mode_tree(int depth, int width, const WCHAR *folder) {
  /* One file per process, named by its PID: appends from several processes to one file may interleave. */
  WCHAR marker[MAX_PATH * 2 + 16];
  swprintf(marker, sizeof marker / sizeof marker[0], L"%ls\\%lu", folder, GetCurrentProcessId());
  HANDLE h = CreateFileW(marker, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE) return 3;
  CloseHandle(h);
  for (int i = 0; depth > 0 && i < width; i++) {
    WCHAR args[MAX_PATH * 2 + 64];
    swprintf(args, sizeof args / sizeof args[0], L"tree %d %d \"%ls\"", depth - 1, width, folder);
    if (!start_self(args)) return 5;
  }
  Sleep(LIFETIME_MS);
  return SAFETY_EXIT;
}

static int mode_spawn(int count, int seconds) {
  HANDLE job = CreateJobObjectW(NULL, NULL);
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
  ZeroMemory(&limits, sizeof limits);
  limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
  int in_job = job && SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
  printf("{\"spawned\":%d,\"pids\":[", count);
  for (int i = 0; i < count; i++) {
    STARTUPINFOW si;
    PROCESS_INFORMATION pi;
    WCHAR command_line[MAX_PATH * 2 + 32];
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    swprintf(command_line, sizeof command_line / sizeof command_line[0], L"\"%ls\" sleep %d", self_path, seconds);
    if (!CreateProcessW(NULL, command_line, NULL, NULL, FALSE, CREATE_SUSPENDED | CREATE_NO_WINDOW, NULL, NULL, &si, &pi)) {
      fwprintf(stderr, L"CreateProcessW failed: error %lu\n", GetLastError());
      return 5;
    }
    /* Under a parent job without breakaway the assignment can fail (nesting, README, "What Wine proves and what waits for Windows"); the child then dies with that job. */
    if (in_job && !AssignProcessToJobObject(job, pi.hProcess)) in_job = 0;
    ResumeThread(pi.hThread);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    printf("%s%lu", i ? "," : "", pi.dwProcessId);
  }
  printf("],\"killOnClose\":%s}\n", in_job ? "true" : "false");
  fflush(stdout);
  Sleep((DWORD)seconds * 1000);
  return SAFETY_EXIT;
}

static BOOL exists(const WCHAR *file) { return file && GetFileAttributesW(file) != INVALID_FILE_ATTRIBUTES; }

/* An HTTP/1.0 server that answers 200 to anything, until <stop-file> appears. */
static int mode_serve(int port, int delay_ms, const WCHAR *stop_file) {
  WSADATA data;
  if (WSAStartup(MAKEWORD(2, 2), &data) != 0) return 10;
  Sleep((DWORD)delay_ms);
  SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  struct sockaddr_in address;
  ZeroMemory(&address, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((u_short)port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (listener == INVALID_SOCKET || bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 16) != 0) {
    fwprintf(stderr, L"listen on %d failed: error %d\n", port, WSAGetLastError());
    return 11;
  }
  char line[64];
  snprintf(line, sizeof line, "listening %d\n", port);
  write_all(STD_OUTPUT_HANDLE, line, strlen(line));
  ULONGLONG end = GetTickCount64() + LIFETIME_MS;
  while (GetTickCount64() < end) {
    if (exists(stop_file)) {
      closesocket(listener);
      write_all(STD_OUTPUT_HANDLE, "stopped answering\n", 18);
      Sleep((DWORD)(end - GetTickCount64()));
      return SAFETY_EXIT;
    }
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(listener, &readable);
    struct timeval tv = {0, 100000};
    if (select(0, &readable, NULL, NULL, &tv) <= 0) continue;
    SOCKET client = accept(listener, NULL, NULL);
    if (client == INVALID_SOCKET) continue;
    DWORD timeout = 1000;
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, (const char *)&timeout, sizeof timeout);
    char request[2048];
    int have = 0;
    while (have < (int)sizeof request - 1) {
      int n = recv(client, request + have, (int)sizeof request - 1 - have, 0);
      if (n <= 0) break;
      have += n;
      request[have] = 0;
      if (strstr(request, "\r\n\r\n")) break;
    }
    static const char answer[] = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n";
    send(client, answer, (int)sizeof answer - 1, 0);
    shutdown(client, SD_SEND);
    closesocket(client);
  }
  return SAFETY_EXIT;
}

static int mode_heartbeat(const WCHAR *file, int every_ms, const WCHAR *stop_file) {
  ULONGLONG end = GetTickCount64() + LIFETIME_MS;
  while (GetTickCount64() < end && !exists(stop_file)) {
    HANDLE h = CreateFileW(file, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, CREATE_ALWAYS,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (h != INVALID_HANDLE_VALUE) {
      DWORD written;
      WriteFile(h, "beat\n", 5, &written, NULL);
      CloseHandle(h);
    }
    Sleep((DWORD)every_ms);
  }
  if (GetTickCount64() < end) Sleep((DWORD)(end - GetTickCount64()));
  return SAFETY_EXIT;
}

static int mode_lines(long long count, int length, int per_second, const WCHAR *done_file) {
  static char block[65536];
  if (length < 12 || length > 4096) return 2;
  ULONGLONG started = GetTickCount64();
  size_t used = 0;
  for (long long i = 0; i < count; i++) {
    if (used + (size_t)length > sizeof block) {
      if (!write_all(STD_OUTPUT_HANDLE, block, used)) return 7;
      used = 0;
    }
    char *line = block + used;
    char number[16];
    snprintf(number, sizeof number, "%010lld ", i);
    memcpy(line, number, 11);
    memset(line + 11, 'x', (size_t)length - 12);
    line[length - 1] = '\n';
    used += (size_t)length;
    if (per_second > 0) {
      if (!write_all(STD_OUTPUT_HANDLE, block, used)) return 7;
      used = 0;
      Sleep((DWORD)(1000 / per_second));
    }
  }
  if (used && !write_all(STD_OUTPUT_HANDLE, block, used)) return 7;
  ULONGLONG took = GetTickCount64() - started;
  if (done_file) {
    HANDLE h = CreateFileW(done_file, GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
    if (h != INVALID_HANDLE_VALUE) {
      char text[32];
      DWORD written;
      int n = snprintf(text, sizeof text, "%llu", took);
      WriteFile(h, text, (DWORD)n, &written, NULL);
      CloseHandle(h);
    }
  }
  Sleep(LIFETIME_MS);
  return SAFETY_EXIT;
}

static int mode_stamp(int delay_ms, const WCHAR *file) {
  HANDLE h = open_stamp(file);
  if (h == INVALID_HANDLE_VALUE) return 3;
  Sleep(delay_ms > 0 ? (DWORD)delay_ms : 0);
  stamp_exit(h);
  return 0;
}

static int mode_clock(void) {
  HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
  char byte;
  DWORD got;
  while (ReadFile(in, &byte, 1, &got, NULL) && got == 1) {
    char line[64];
    int length = snprintf(line, sizeof line, "%.3f\n", wall_clock_ms());
    if (!write_all(STD_OUTPUT_HANDLE, line, (size_t)length)) return 7;
  }
  return 0;
}

static LRESULT CALLBACK window_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam) {
  if (msg == WM_TIMER) {
    /* The lifetime is over: end the pump. */
    PostQuitMessage(SAFETY_EXIT);
    return 0;
  }
  return DefWindowProcW(hwnd, msg, wparam, lparam);
}

/* A visible, unowned top-level window titled after the PID, shown without taking the focus; NULL on failure. */
static HWND show_test_window(void) {
  WNDCLASSW wc = {0};
  wc.lpfnWndProc = window_proc;
  wc.hInstance = GetModuleHandleW(NULL);
  wc.lpszClassName = L"AdminConsoleTestWindow";
  if (!RegisterClassW(&wc)) return NULL;
  WCHAR title[64];
  swprintf(title, sizeof title / sizeof title[0], L"admin-console test window %lu", GetCurrentProcessId());
  HWND hwnd = CreateWindowExW(0, wc.lpszClassName, title, WS_OVERLAPPEDWINDOW, 0, 0, 240, 120, NULL, NULL, wc.hInstance, NULL);
  if (hwnd) ShowWindow(hwnd, SW_SHOWNOACTIVATE);
  return hwnd;
}

static int mode_window(int seconds, int hung) {
  HWND hwnd = show_test_window();
  if (!hwnd) return 4;
  DWORD lifetime = seconds > 0 ? (DWORD)seconds * 1000 : LIFETIME_MS;
  MSG msg;
  if (hung) {
    /* Take what showing the window queued, then stop asking for messages ("IsHungAppWindow function": 5 s). */
    while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE)) DispatchMessageW(&msg);
    Sleep(lifetime);
    return SAFETY_EXIT;
  }
  if (!SetTimer(hwnd, 1, lifetime, NULL)) return 5;
  while (GetMessageW(&msg, NULL, 0, 0) > 0) {
    TranslateMessage(&msg);
    DispatchMessageW(&msg);
  }
  return SAFETY_EXIT;
}

int wmain(int argc, WCHAR **argv) {
  if (!GetModuleFileNameW(NULL, self_path, sizeof self_path / sizeof self_path[0])) return 6;
  WCHAR started_name[64];
  swprintf(started_name, sizeof started_name / sizeof started_name[0], L"Local\\admin-console-test-child-%lu", GetCurrentProcessId());
  HANDLE started = OpenEventW(EVENT_MODIFY_STATE, FALSE, started_name);
  if (started) {
    SetEvent(started);
    CloseHandle(started);
  }
  if (argc < 2) return usage();
  if (wcscmp(argv[1], L"sleep") == 0) {
    /* "sleep 600" lives 600 s instead of the default; any other argument is ignored. */
    int seconds = argc >= 3 && wcsspn(argv[2], L"0123456789") == wcslen(argv[2]) ? _wtoi(argv[2]) : 0;
    Sleep(seconds > 0 ? (DWORD)seconds * 1000 : LIFETIME_MS);
    return SAFETY_EXIT;
  }
  if (wcscmp(argv[1], L"tick") == 0 && argc >= 3) return mode_tick(argv[2]);
  if (wcscmp(argv[1], L"tree") == 0 && argc >= 5) return mode_tree(_wtoi(argv[2]), _wtoi(argv[3]), argv[4]);
  if (wcscmp(argv[1], L"print") == 0 && argc >= 4) return mode_print(argv[2], argv[3], argc >= 5 ? _wtoi(argv[4]) : 0);
  if (wcscmp(argv[1], L"flood") == 0 && argc >= 3) return mode_flood(_wtoi64(argv[2]), argc >= 4 ? argv[3] : NULL);
  if (wcscmp(argv[1], L"linger") == 0 && argc >= 3) return mode_linger(_wtoi(argv[2]));
  if (wcscmp(argv[1], L"breakaway") == 0 && argc >= 3) return mode_breakaway(_wtoi(argv[2]));
  if (wcscmp(argv[1], L"alloc") == 0 && argc >= 3) return mode_alloc(_wtoi64(argv[2]));
  if (wcscmp(argv[1], L"serve") == 0 && argc >= 3) return mode_serve(_wtoi(argv[2]), argc >= 4 ? _wtoi(argv[3]) : 0, argc >= 5 ? argv[4] : NULL);
  if (wcscmp(argv[1], L"heartbeat") == 0 && argc >= 4) return mode_heartbeat(argv[2], _wtoi(argv[3]), argc >= 5 ? argv[4] : NULL);
  if (wcscmp(argv[1], L"lines") == 0 && argc >= 4)
    return mode_lines(_wtoi64(argv[2]), _wtoi(argv[3]), argc >= 5 ? _wtoi(argv[4]) : 0, argc >= 6 ? argv[5] : NULL);
  if (wcscmp(argv[1], L"stamp") == 0 && argc >= 4) return mode_stamp(_wtoi(argv[2]), argv[3]);
  if (wcscmp(argv[1], L"clock") == 0) return mode_clock();
  if (wcscmp(argv[1], L"window") == 0) return mode_window(argc >= 3 ? _wtoi(argv[2]) : 0, 0);
  if (wcscmp(argv[1], L"hung-window") == 0) return mode_window(argc >= 3 ? _wtoi(argv[2]) : 0, 1);
  if (wcscmp(argv[1], L"spawn") == 0 && argc >= 3) return mode_spawn(_wtoi(argv[2]), argc >= 4 ? _wtoi(argv[3]) : LIFETIME_MS / 1000);
  return usage();
}
