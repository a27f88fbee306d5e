/* The stop escalation's steps (stop.h). */
#include "stop.h"
#include <stdlib.h>

#define FINAL_MARGIN_MS 250
#define RESERVE_MIN_MS 500
#define RESERVE_MAX_MS 2000

void stop_plan(DWORD methods, DWORD budget_ms, StopPlan *plan) {
  static const StopStep soft[3] = {STOP_STEP_CTRL_C, STOP_STEP_CTRL_BREAK, STOP_STEP_WM_CLOSE};
  /* At least 500 ms, so TerminateJobObject always comes before the deadline at budget - 250 ms. */
  DWORD reserve = budget_ms / 5 < RESERVE_MIN_MS ? RESERVE_MIN_MS : budget_ms / 5 > RESERVE_MAX_MS ? RESERVE_MAX_MS : budget_ms / 5;
  DWORD deadline = budget_ms - FINAL_MARGIN_MS;
  DWORD soft_count = 0;
  for (int i = 0; i < 3; i++)
    if (methods & (1u << i)) soft_count++;
  DWORD share = soft_count ? (budget_ms - reserve) / soft_count : 0;
  plan->count = 0;
  for (int i = 0; i < 3; i++) {
    if (!(methods & (1u << i))) continue;
    plan->steps[plan->count] = soft[i];
    plan->at_ms[plan->count] = plan->count * share;
    plan->count++;
  }
  plan->steps[plan->count] = STOP_STEP_TERMINATE;
  plan->at_ms[plan->count] = soft_count * share;
  plan->count++;
  plan->steps[plan->count] = STOP_STEP_DEADLINE;
  plan->at_ms[plan->count] = deadline;
  plan->count++;
}

const char *stop_step_name(StopStep step) {
  switch (step) {
    case STOP_STEP_CTRL_C: return "ctrl-c";
    case STOP_STEP_CTRL_BREAK: return "ctrl-break";
    case STOP_STEP_WM_CLOSE: return "wm-close";
    case STOP_STEP_TERMINATE: return "terminate";
    default: return "deadline";
  }
}

/* The host has no console of its own; while attached to the program's, the event reaches every process
 * on it, the host included: this handler keeps the host alive. A handler (not SetConsoleCtrlHandler(NULL,
 * TRUE)) because that flag would be inherited by the next program the host starts (brief 3.7). */
static BOOL WINAPI ignore_control(DWORD type) { return type == CTRL_C_EVENT || type == CTRL_BREAK_EVENT; }

void stop_init(void) { SetConsoleCtrlHandler(ignore_control, TRUE); }

BOOL stop_send_console_event(DWORD pid, DWORD event) {
  FreeConsole(); /* never attached at this point; harmless if not */
  if (!AttachConsole(pid)) return FALSE;
  BOOL sent = GenerateConsoleCtrlEvent(event, 0);
  DWORD error = GetLastError();
  FreeConsole();
  SetLastError(error);
  return sent;
}

typedef struct {
  const DWORD *pids;
  DWORD count;
  DWORD closed;
} WindowSearch;

static BOOL CALLBACK close_if_in_job(HWND window, LPARAM context) {
  WindowSearch *search = (WindowSearch *)context;
  DWORD pid = 0;
  GetWindowThreadProcessId(window, &pid);
  for (DWORD i = 0; i < search->count; i++) {
    if (search->pids[i] == pid) {
      if (PostMessageW(window, WM_CLOSE, 0, 0)) search->closed++;
      break;
    }
  }
  return TRUE;
}

DWORD stop_close_windows(HANDLE job) {
  /* JOBOBJECT_BASIC_PROCESS_ID_LIST with room for 1024 PIDs. */
  struct {
    JOBOBJECT_BASIC_PROCESS_ID_LIST list;
    ULONG_PTR more[1023];
  } ids;
  ZeroMemory(&ids, sizeof ids);
  if (!QueryInformationJobObject(job, JobObjectBasicProcessIdList, &ids, sizeof ids, NULL) && GetLastError() != ERROR_MORE_DATA) return 0;
  DWORD pids[1024];
  DWORD count = ids.list.NumberOfProcessIdsInList < 1024 ? ids.list.NumberOfProcessIdsInList : 1024;
  for (DWORD i = 0; i < count; i++) pids[i] = (DWORD)ids.list.ProcessIdList[i];
  WindowSearch search = {pids, count, 0};
  EnumWindows(close_if_in_job, (LPARAM)&search);
  return search.closed;
}
