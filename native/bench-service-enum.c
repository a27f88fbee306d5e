/*
 * The physical floor for the Services poll: the same EnumServicesStatusExW(SC_ENUM_PROCESS_INFO, all
 * states) call our collector makes per poll, with the buffer kept between calls and grown on
 * ERROR_MORE_DATA, plus a walk over the entries touching the fields a decoder reads.
 * `npm run bench` runs it in the same Wine (or Windows) at the same moment as our koffi collector.
 *
 *   bench-service-enum.exe <iterations> [serviceTypeMask]
 *     -> {"iterations":N,"microsPerCall":X,"services":S,"calls":C,"bufferBytes":B}
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int iterations = argc > 1 ? atoi(argv[1]) : 100;
  DWORD types = argc > 2 ? (DWORD)strtoul(argv[2], NULL, 0) : (SERVICE_WIN32 | SERVICE_DRIVER);
  SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_ENUMERATE_SERVICE);
  if (!scm) return 2;
  DWORD size = 64 * 1024;
  BYTE *buffer = (BYTE *)malloc(size);
  long calls = 0;
  DWORD services = 0;
  volatile ULONGLONG sink = 0;
  LARGE_INTEGER freq, start, end;
  QueryPerformanceFrequency(&freq);
  QueryPerformanceCounter(&start);
  for (int i = 0; i < iterations; i++) {
    DWORD needed = 0, returned = 0, resume = 0;
    for (;;) {
      calls++;
      if (EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO, types, SERVICE_STATE_ALL, buffer, size, &needed, &returned, &resume, NULL)) break;
      if (GetLastError() != ERROR_MORE_DATA) return 3;
      /* Start again from the beginning with room for everything, as our collector does. */
      size += needed + needed / 4;
      free(buffer);
      buffer = (BYTE *)malloc(size);
      resume = 0;
    }
    services = returned;
    ENUM_SERVICE_STATUS_PROCESSW *entries = (ENUM_SERVICE_STATUS_PROCESSW *)buffer;
    for (DWORD s = 0; s < returned; s++) {
      SERVICE_STATUS_PROCESS *st = &entries[s].ServiceStatusProcess;
      sink += st->dwCurrentState + st->dwProcessId + st->dwCheckPoint + st->dwWaitHint + st->dwWin32ExitCode + entries[s].lpServiceName[0] +
              entries[s].lpDisplayName[0];
    }
  }
  QueryPerformanceCounter(&end);
  double micros = (double)(end.QuadPart - start.QuadPart) * 1e6 / (double)freq.QuadPart / iterations;
  printf("{\"iterations\":%d,\"microsPerCall\":%.3f,\"services\":%lu,\"calls\":%ld,\"bufferBytes\":%lu}\n", iterations, micros, services, calls,
         size);
  free(buffer);
  CloseServiceHandle(scm);
  return (int)(sink == 0xFFFFFFFFFFFFFFFFull);
}
