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
 *
 * Started: on entering wmain it signals the event "Local\admin-console-test-child-<its PID>" if the
 * parent created one (start it suspended, create the event, resume), so a test knows the loader is
 * done and the process parameters are in place before it looks.
 *
 * Subsystem: windows (no console, so Wine starts no conhost.exe beside each copy; output in spawn mode
 * goes to the standard handles the parent passes, as node's child_process does).
 *
 * Build: node scripts/native-build.mjs (x86_64-w64-mingw32-gcc, or gcc on Windows).
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#define LIFETIME_MS 120000
#define SAFETY_EXIT 99

static WCHAR self_path[MAX_PATH * 2];

static int usage(void) {
  fwprintf(stderr, L"usage: test-child sleep | tick <file> | tree <depth> <width> <dir> | spawn <n> [seconds]\n");
  return 2;
}

/* Starts "<self> <args>" with no window and no inherited handles; returns its PID, or 0 on failure. */
static DWORD start_self(const WCHAR *args) {
  static WCHAR command_line[4096];
  STARTUPINFOW si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  si.cb = sizeof si;
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
    /* Under a parent job without breakaway the assignment can fail (nesting, wine.md); the child then dies with that job. */
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
  if (wcscmp(argv[1], L"spawn") == 0 && argc >= 3) return mode_spawn(_wtoi(argv[2]), argc >= 4 ? _wtoi(argv[3]) : LIFETIME_MS / 1000);
  return usage();
}
