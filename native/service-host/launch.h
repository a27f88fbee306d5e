/*
 * Starting the program contained (issue 10, brief section 3.5): a kill-on-close job with the configured
 * limits and the loop's completion port, the program created suspended with only the handles meant for
 * it inheritable (PROC_THREAD_ATTRIBUTE_HANDLE_LIST), assigned to the job, then resumed, so not one
 * instruction of it runs outside the job.
 */
#ifndef SERVICE_HOST_LAUNCH_H
#define SERVICE_HOST_LAUNCH_H

#include <windows.h>
#include "config.h"

/** A started program: its job, process and PID. */
typedef struct {
  HANDLE job;
  HANDLE process;
  DWORD pid;
} LaunchedProgram;

/** What went wrong: a Win32 code, the call that failed and FormatMessage's text (UTF-8). */
typedef struct {
  DWORD win32_code;
  char call[64];
  char message[256];
} LaunchError;

/**
 * Creates the job (KILL_ON_JOB_CLOSE, BREAKAWAY_OK only when JobAllowBreakaway, the Job* limits) and
 * associates `port` with `key`. FALSE with `error` set: the host stops with HOST_EXIT_JOB_FAILED.
 */
BOOL launch_create_job(const HostConfig *config, HANDLE port, ULONG_PTR key, HANDLE *job, LaunchError *error);

/**
 * Creates the program suspended (a .bat/.cmd through %ComSpec% /d /s /c), with stdin the NUL device and
 * stdout/stderr the given inheritable handles (NULL: the NUL device), in its own hidden console (so
 * Ctrl+C can reach it), assigns it to `job` and resumes it. FALSE with `error` set (the process, if
 * created, is terminated): the host stops with HOST_EXIT_START_FAILED.
 */
BOOL launch_program(const HostConfig *config, HANDLE job, HANDLE stdout_write, HANDLE stderr_write, LaunchedProgram *program, LaunchError *error);

/** Appends `argument` to `line` (capacity in WCHARs) quoted by CommandLineToArgvW's rules; FALSE if it does not fit. */
BOOL launch_append_argument(WCHAR *line, size_t capacity, const WCHAR *argument);

/** Fills `error` from GetLastError() after `call` failed. */
void launch_error_from_last(LaunchError *error, const char *call);

#endif
