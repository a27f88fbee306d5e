/*
 * Stopping the program's whole tree on one budget (issue 10; brief section 3.7): the enabled soft steps
 * (Ctrl+C, Ctrl+Break, WM_CLOSE) share the budget less a reserve, then TerminateJobObject, and the
 * host reports STOPPED by the budget's end whatever happened.
 */
#ifndef SERVICE_HOST_STOP_H
#define SERVICE_HOST_STOP_H

#include <windows.h>

/** The steps of a stop, in order. */
typedef enum { STOP_STEP_CTRL_C = 0, STOP_STEP_CTRL_BREAK, STOP_STEP_WM_CLOSE, STOP_STEP_TERMINATE, STOP_STEP_DEADLINE } StopStep;

/** A stop's schedule: each step and when it starts, in ms after the stop began; the last is the deadline. */
typedef struct {
  StopStep steps[5];
  DWORD at_ms[5];
  DWORD count;
} StopPlan;

/**
 * The plan for StopMethods `methods` and StopBudgetMs `budget_ms`: soft steps evenly spaced over the
 * budget less a reserve (a fifth of it, at least 500 ms, at most 2 s) kept for TerminateJobObject and the final report,
 * which comes at budget - 250 ms (the SCM's view of "in budget" includes our own reporting).
 */
void stop_plan(DWORD methods, DWORD budget_ms, StopPlan *plan);

/** The step's name for the event log and the timeline ("ctrl-c", "ctrl-break", "wm-close", "terminate"). */
const char *stop_step_name(StopStep step);

/**
 * Sends Ctrl+C or Ctrl+Break to the console of `pid` (AttachConsole; the host's own handler ignores
 * it; FreeConsole). Only the loop thread calls it, so signals are serialized (AttachConsole fails with
 * ERROR_ACCESS_DENIED while attached). FALSE with GetLastError set when it could not be delivered.
 */
BOOL stop_send_console_event(DWORD pid, DWORD event);

/** Posts WM_CLOSE to every visible or hidden top-level window of the job's processes; returns how many. */
DWORD stop_close_windows(HANDLE job);

/** Installs the host's console control handler (ignores Ctrl+C/Ctrl+Break it sends itself). */
void stop_init(void);

#endif
