/* Backoff with jitter and the restart window (restart.h). */
#ifndef _CRT_RAND_S
#define _CRT_RAND_S /* rand_s: the CRT's RtlGenRandom-backed generator (MSVC and mingw-w64) */
#endif
#include "restart.h"
#include <stdlib.h>
#include <string.h>

DWORD restart_delay_ms(const HostConfig *c, DWORD n, double uniform) {
  double delay = c->restart_base_ms;
  for (DWORD i = 1; i < n && delay < c->restart_cap_ms; i++) delay = delay * c->restart_factor_percent / 100.0;
  if (delay > c->restart_cap_ms) delay = c->restart_cap_ms;
  double j = c->restart_jitter_percent / 100.0;
  delay = delay * (1.0 - j) + delay * 2.0 * j * uniform;
  if (delay > c->restart_cap_ms) delay = c->restart_cap_ms;
  return (DWORD)delay;
}

double restart_uniform(void) {
  unsigned int value = 0;
  if (rand_s(&value) != 0) value = (unsigned int)GetTickCount64() * 2654435761u; /* rand_s cannot fail on Vista+; a fallback anyway */
  return value / 4294967296.0;
}

DWORD restart_count_in_window(const HostConfig *c, const RestartHistory *h, ULONGLONG now) {
  ULONGLONG window = (ULONGLONG)c->restart_window_sec * 1000;
  DWORD count = 0;
  for (DWORD i = 0; i < h->count; i++)
    if (now - h->at[i] < window) count++;
  return count;
}

BOOL restart_allowed(const HostConfig *c, const RestartHistory *h, ULONGLONG now) {
  return c->restart_max_count > 0 && restart_count_in_window(c, h, now) < c->restart_max_count;
}

void restart_record(RestartHistory *h, ULONGLONG now) {
  if (h->count == RESTART_HISTORY_MAX) {
    memmove(&h->at[0], &h->at[1], sizeof h->at[0] * (RESTART_HISTORY_MAX - 1));
    h->count--;
  }
  h->at[h->count++] = now;
}
