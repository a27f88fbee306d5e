/*
 * The restart policy's arithmetic (CONTRACT.md: RestartBaseMs, RestartFactorPercent, RestartCapMs,
 * RestartJitterPercent, RestartMaxCount, RestartWindowSec, RestartResetSec), kept apart from the loop.
 */
#ifndef SERVICE_HOST_RESTART_H
#define SERVICE_HOST_RESTART_H

#include <windows.h>
#include "config.h"

/** Crash restarts remembered for the window (RestartMaxCount is at most 1000). */
#define RESTART_HISTORY_MAX 1001

/** Crash restarts since the last healthy reset, with their times (GetTickCount64). */
typedef struct {
  ULONGLONG at[RESTART_HISTORY_MAX];
  DWORD count;
} RestartHistory;

/**
 * The delay before restart number n (1 = first): base * factor^(n-1) capped at RestartCapMs, then drawn
 * uniformly from [d*(1-j), d*(1+j)] with `uniform` in [0, 1), then capped again.
 */
DWORD restart_delay_ms(const HostConfig *config, DWORD n, double uniform);

/** A uniform number in [0, 1) from the system's random source (rand_s). */
double restart_uniform(void);

/** Restarts within the last RestartWindowSec as of `now`. */
DWORD restart_count_in_window(const HostConfig *config, const RestartHistory *history, ULONGLONG now);

/** TRUE when one more restart is allowed (RestartMaxCount 0 never allows one). */
BOOL restart_allowed(const HostConfig *config, const RestartHistory *history, ULONGLONG now);

/** Records a restart at `now` (the oldest is dropped when full). */
void restart_record(RestartHistory *history, ULONGLONG now);

#endif
