/*
 * The service host's modules that need no SCM, compiled into service-host-check.exe as they are in
 * service-host.exe (one translation unit each would need a second copy of their sources).
 */
/* restart.c needs rand_s, declared only when this comes before the first stdlib.h. */
#define _CRT_RAND_S
#include "../service-host/config.c"
#include "../service-host/json.c"
#include "../service-host/launch.c"
#include "../service-host/restart.c"
#include "../service-host/status.c"
#include "../service-host/stop.c"
