/*
 * Where hostio's modules (log.c, probe.c, pipe.c) plug into the host (host.h, HostHooks): each sets its
 * hooks here and starts what runs beside the loop. With none linked in, the program's output goes to
 * the NUL device and readiness probes are refused by main.c as a configuration the build cannot serve.
 */
#include "host.h"

HostHooks host_hooks;

BOOL host_modules_init(DWORD *exit_code) {
  (void)exit_code;
  return TRUE;
}
