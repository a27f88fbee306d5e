/*
 * The service host's output log, probes and status pipe, compiled into hostio-check.exe as they are in
 * service-host.exe (native/service-host-check/units.c does the same for the other modules).
 */
/* probe.c first: winsock2.h must come before windows.h. */
#include "../service-host/probe.c"
#include "../service-host/json.c"
#include "../service-host/log.c"
#include "../service-host/pipe.c"
