/* The contained start (launch.h). */
#include "launch.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Windows' limit for a command line (CreateProcessW: 32,767 characters with the NUL). */
#define COMMAND_LINE_MAX 32767

void launch_error_from_last(LaunchError *error, const char *call) {
  WCHAR text[256];
  error->win32_code = GetLastError();
  snprintf(error->call, sizeof error->call, "%s", call);
  DWORD n = FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL, error->win32_code, 0, text,
                           sizeof text / sizeof text[0], NULL);
  while (n > 0 && (text[n - 1] == L'\r' || text[n - 1] == L'\n' || text[n - 1] == L' ' || text[n - 1] == L'.')) text[--n] = 0;
  if (n == 0) swprintf(text, sizeof text / sizeof text[0], L"error %lu", error->win32_code);
  WideCharToMultiByte(CP_UTF8, 0, text, -1, error->message, sizeof error->message, NULL, NULL);
}

BOOL launch_create_job(const HostConfig *c, HANDLE port, ULONG_PTR key, HANDLE *job_out, LaunchError *error) {
  HANDLE job = CreateJobObjectW(NULL, NULL);
  if (!job) {
    launch_error_from_last(error, "CreateJobObjectW");
    return FALSE;
  }
  JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits;
  ZeroMemory(&limits, sizeof limits);
  DWORD flags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
  /* BREAKAWAY_OK, never SILENT_BREAKAWAY_OK: only children created with CREATE_BREAKAWAY_FROM_JOB leave. */
  if (c->job_allow_breakaway) flags |= JOB_OBJECT_LIMIT_BREAKAWAY_OK;
  if (c->job_process_memory_bytes) {
    flags |= JOB_OBJECT_LIMIT_PROCESS_MEMORY;
    limits.ProcessMemoryLimit = (SIZE_T)c->job_process_memory_bytes;
  }
  if (c->job_memory_bytes) {
    flags |= JOB_OBJECT_LIMIT_JOB_MEMORY;
    limits.JobMemoryLimit = (SIZE_T)c->job_memory_bytes;
  }
  if (c->job_active_processes) {
    flags |= JOB_OBJECT_LIMIT_ACTIVE_PROCESS;
    limits.BasicLimitInformation.ActiveProcessLimit = c->job_active_processes;
  }
  if (c->job_affinity) {
    flags |= JOB_OBJECT_LIMIT_AFFINITY;
    limits.BasicLimitInformation.Affinity = (ULONG_PTR)c->job_affinity;
  }
  if (c->job_priority_class) {
    flags |= JOB_OBJECT_LIMIT_PRIORITY_CLASS;
    limits.BasicLimitInformation.PriorityClass = c->job_priority_class;
  }
  limits.BasicLimitInformation.LimitFlags = flags;
  if (!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits)) {
    launch_error_from_last(error, "SetInformationJobObject(ExtendedLimitInformation)");
    CloseHandle(job);
    return FALSE;
  }
  if (c->job_cpu_rate_percent) {
    /* JOBOBJECT_CPU_RATE_CONTROL_INFORMATION: CpuRate is in 1/100 of a percent; HARD_CAP never exceeds it. */
    JOBOBJECT_CPU_RATE_CONTROL_INFORMATION rate;
    ZeroMemory(&rate, sizeof rate);
    rate.ControlFlags = JOB_OBJECT_CPU_RATE_CONTROL_ENABLE | JOB_OBJECT_CPU_RATE_CONTROL_HARD_CAP;
    rate.CpuRate = c->job_cpu_rate_percent * 100;
    if (!SetInformationJobObject(job, JobObjectCpuRateControlInformation, &rate, sizeof rate)) {
      launch_error_from_last(error, "SetInformationJobObject(CpuRateControlInformation)");
      CloseHandle(job);
      return FALSE;
    }
  }
  JOBOBJECT_ASSOCIATE_COMPLETION_PORT association;
  association.CompletionKey = (PVOID)key;
  association.CompletionPort = port;
  if (!SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation, &association, sizeof association)) {
    launch_error_from_last(error, "SetInformationJobObject(AssociateCompletionPortInformation)");
    CloseHandle(job);
    return FALSE;
  }
  *job_out = job;
  return TRUE;
}

/* The quoting CommandLineToArgvW undoes ("Parsing C++ command-line arguments"; "Everyone quotes
 * command line arguments the wrong way"): backslashes double only before a quote or the closing quote. */
BOOL launch_append_argument(WCHAR *line, size_t capacity, const WCHAR *arg) {
  size_t at = wcslen(line);
#define PUT(ch)                                \
  do {                                         \
    if (at + 1 >= capacity) return FALSE;      \
    line[at++] = (ch);                         \
  } while (0)
  if (at > 0) PUT(L' ');
  if (arg[0] != 0 && wcspbrk(arg, L" \t\n\v\"") == NULL) {
    for (const WCHAR *p = arg; *p; p++) PUT(*p);
    line[at] = 0;
    return TRUE;
  }
  PUT(L'"');
  for (const WCHAR *p = arg;; p++) {
    size_t backslashes = 0;
    while (*p == L'\\') {
      p++;
      backslashes++;
    }
    if (*p == 0) {
      for (size_t i = 0; i < backslashes * 2; i++) PUT(L'\\');
      break;
    }
    if (*p == L'"') {
      for (size_t i = 0; i < backslashes * 2 + 1; i++) PUT(L'\\');
      PUT(L'"');
    } else {
      for (size_t i = 0; i < backslashes; i++) PUT(L'\\');
      PUT(*p);
    }
  }
  PUT(L'"');
  line[at] = 0;
  return TRUE;
#undef PUT
}

/* The host's environment with the Environment additions: a NAME=value replaces the host's NAME (names
 * compare case-insensitively, as Windows does). Returns a block to free, or NULL when there are none. */
static WCHAR *build_environment(const HostConfig *c) {
  if (!c->environment) return NULL;
  WCHAR *current = GetEnvironmentStringsW();
  size_t total = 2;
  for (const WCHAR *p = current; p && *p; p += wcslen(p) + 1) total += wcslen(p) + 1;
  for (const WCHAR *p = c->environment; *p; p += wcslen(p) + 1) total += wcslen(p) + 1;
  WCHAR *block = calloc(total, sizeof(WCHAR));
  if (!block) {
    FreeEnvironmentStringsW(current);
    return NULL;
  }
  WCHAR *out = block;
  for (const WCHAR *p = current; p && *p; p += wcslen(p) + 1) {
    /* Entries like "=C:=C:\" (per-drive folders) start with '='; their name runs to the second '='. */
    const WCHAR *equals = wcschr(p + 1, L'=');
    size_t name_length = equals ? (size_t)(equals - p) : wcslen(p);
    BOOL replaced = FALSE;
    for (const WCHAR *a = c->environment; *a && !replaced; a += wcslen(a) + 1) {
      size_t added = (size_t)(wcschr(a, L'=') - a);
      replaced = added == name_length && _wcsnicmp(a, p, name_length) == 0;
    }
    if (replaced) continue;
    wcscpy(out, p);
    out += wcslen(p) + 1;
  }
  for (const WCHAR *a = c->environment; *a; a += wcslen(a) + 1) {
    wcscpy(out, a);
    out += wcslen(a) + 1;
  }
  *out = 0;
  FreeEnvironmentStringsW(current);
  return block;
}

static HANDLE open_nul(BOOL for_write) {
  SECURITY_ATTRIBUTES sa = {sizeof sa, NULL, TRUE};
  return CreateFileW(L"NUL", for_write ? GENERIC_WRITE : GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, OPEN_EXISTING, 0, NULL);
}

BOOL launch_program(const HostConfig *c, HANDLE job, HANDLE stdout_write, HANDLE stderr_write, LaunchedProgram *program, LaunchError *error) {
  static WCHAR line[COMMAND_LINE_MAX];
  WCHAR comspec[MAX_PATH * 2];
  const WCHAR *application = c->program;
  BOOL ok = FALSE;
  line[0] = 0;
  ZeroMemory(program, sizeof *program);

  if (c->program_is_script) {
    /* A batch file runs through cmd.exe (CreateProcessW: "To run a batch file, you must start the command
     * interpreter"). /s /c "<line>": cmd strips exactly the outer quotes and runs what is inside. */
    DWORD n = GetEnvironmentVariableW(L"ComSpec", comspec, sizeof comspec / sizeof comspec[0]);
    if (n == 0 || n >= sizeof comspec / sizeof comspec[0]) {
      UINT m = GetSystemDirectoryW(comspec, MAX_PATH);
      if (m == 0 || m >= MAX_PATH) {
        launch_error_from_last(error, "GetSystemDirectoryW");
        return FALSE;
      }
      wcscat(comspec, L"\\cmd.exe");
    }
    application = comspec;
    if (!launch_append_argument(line, COMMAND_LINE_MAX, comspec)) goto too_long;
    wcscat(line, L" /d /s /c \"");
  }
  {
    size_t start = wcslen(line);
    WCHAR *inner = line + start;
    if (!launch_append_argument(inner, COMMAND_LINE_MAX - start, c->program)) goto too_long;
    for (const WCHAR *a = c->arguments; a && *a; a += wcslen(a) + 1)
      if (!launch_append_argument(inner, COMMAND_LINE_MAX - start, a)) goto too_long;
    if (c->program_is_script) {
      if (wcslen(line) + 2 >= COMMAND_LINE_MAX) goto too_long;
      wcscat(line, L"\"");
    }
  }

  HANDLE nul_in = open_nul(FALSE);
  HANDLE nul_out = (!stdout_write || !stderr_write) ? open_nul(TRUE) : INVALID_HANDLE_VALUE;
  HANDLE out = stdout_write ? stdout_write : nul_out;
  HANDLE err = stderr_write ? stderr_write : nul_out;
  HANDLE inherit[3];
  DWORD inherit_count = 0;
  HANDLE candidates[3] = {nul_in, out, err};
  for (int i = 0; i < 3; i++) {
    BOOL seen = candidates[i] == INVALID_HANDLE_VALUE || candidates[i] == NULL;
    for (DWORD k = 0; k < inherit_count && !seen; k++) seen = inherit[k] == candidates[i];
    if (!seen) inherit[inherit_count++] = candidates[i];
  }

  SIZE_T attributes_size = 0;
  InitializeProcThreadAttributeList(NULL, 1, 0, &attributes_size);
  LPPROC_THREAD_ATTRIBUTE_LIST attributes = malloc(attributes_size);
  WCHAR *environment = build_environment(c);
  STARTUPINFOEXW si;
  PROCESS_INFORMATION pi;
  ZeroMemory(&si, sizeof si);
  ZeroMemory(&pi, sizeof pi);
  si.StartupInfo.cb = sizeof si;
  si.StartupInfo.dwFlags = STARTF_USESTDHANDLES | STARTF_USESHOWWINDOW;
  si.StartupInfo.wShowWindow = SW_HIDE; /* its console exists for Ctrl+C, not to be seen */
  si.StartupInfo.hStdInput = nul_in;
  si.StartupInfo.hStdOutput = out;
  si.StartupInfo.hStdError = err;
  if (!attributes || !InitializeProcThreadAttributeList(attributes, 1, 0, &attributes_size)) {
    launch_error_from_last(error, "InitializeProcThreadAttributeList");
    free(attributes);
    attributes = NULL;
    goto done;
  }
  /* Only these handles are inherited, even if another thread made something else inheritable meanwhile. */
  if (!UpdateProcThreadAttribute(attributes, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherit, inherit_count * sizeof(HANDLE), NULL, NULL)) {
    launch_error_from_last(error, "UpdateProcThreadAttribute(HANDLE_LIST)");
    goto done;
  }
  si.lpAttributeList = attributes;
  DWORD flags = CREATE_SUSPENDED | CREATE_UNICODE_ENVIRONMENT | EXTENDED_STARTUPINFO_PRESENT | CREATE_NEW_CONSOLE;
  if (!CreateProcessW(application, line, NULL, NULL, TRUE, flags, environment, c->working_directory, &si.StartupInfo, &pi)) {
    launch_error_from_last(error, "CreateProcessW");
    goto done;
  }
  if (!AssignProcessToJobObject(job, pi.hProcess)) {
    launch_error_from_last(error, "AssignProcessToJobObject");
    TerminateProcess(pi.hProcess, 1);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    goto done;
  }
  if (ResumeThread(pi.hThread) == (DWORD)-1) {
    launch_error_from_last(error, "ResumeThread");
    TerminateProcess(pi.hProcess, 1);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    goto done;
  }
  CloseHandle(pi.hThread);
  program->job = job;
  program->process = pi.hProcess;
  program->pid = pi.dwProcessId;
  ok = TRUE;
done:
  if (attributes) {
    DeleteProcThreadAttributeList(attributes);
    free(attributes);
  }
  free(environment);
  if (nul_in != INVALID_HANDLE_VALUE) CloseHandle(nul_in);
  if (nul_out != INVALID_HANDLE_VALUE) CloseHandle(nul_out);
  return ok;
too_long:
  error->win32_code = ERROR_FILENAME_EXCED_RANGE;
  snprintf(error->call, sizeof error->call, "%s", "command line");
  snprintf(error->message, sizeof error->message, "%s", "the program and its arguments are longer than 32,767 characters");
  return FALSE;
}
