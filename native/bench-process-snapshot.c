/*
 * The physical floor for the process collector: the same NtQuerySystemInformation(SystemProcessInformation)
 * call our snapshot makes per tick, with the buffer kept between calls and grown on
 * STATUS_INFO_LENGTH_MISMATCH, plus a walk of the NextEntryOffset chain (the least any decoder does).
 * `npm run bench` runs it in the same Wine (or Windows) at the same moment as our koffi collector.
 *
 *   bench-process-snapshot.exe <iterations>   ->   {"iterations":N,"microsPerCall":X,"processes":P,"calls":C,"bufferBytes":B}
 */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <stdlib.h>

#define STATUS_INFO_LENGTH_MISMATCH_ ((NTSTATUS)0xC0000004L)

typedef NTSTATUS(NTAPI *NtQuerySystemInformationFn)(ULONG, PVOID, ULONG, PULONG);

int main(int argc, char **argv) {
  int iterations = argc > 1 ? atoi(argv[1]) : 100;
  NtQuerySystemInformationFn query =
      (NtQuerySystemInformationFn)(void (*)(void))GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "NtQuerySystemInformation");
  ULONG size = 256 * 1024;
  BYTE *buffer = (BYTE *)malloc(size);
  long calls = 0;
  unsigned long processes = 0;
  volatile ULONGLONG sink = 0;
  LARGE_INTEGER freq, start, end;
  QueryPerformanceFrequency(&freq);
  QueryPerformanceCounter(&start);
  for (int i = 0; i < iterations; i++) {
    ULONG returned = 0;
    NTSTATUS status;
    while ((status = query(5 /* SystemProcessInformation */, buffer, size, &returned)) == STATUS_INFO_LENGTH_MISMATCH_) {
      calls++;
      size = returned + returned / 4;
      free(buffer);
      buffer = (BYTE *)malloc(size);
    }
    calls++;
    if (status < 0) return 3;
    processes = 0;
    for (SYSTEM_PROCESS_INFORMATION *p = (SYSTEM_PROCESS_INFORMATION *)buffer;;
         p = (SYSTEM_PROCESS_INFORMATION *)((BYTE *)p + p->NextEntryOffset)) {
      processes++;
      sink += (ULONGLONG)(ULONG_PTR)p->UniqueProcessId + p->NumberOfThreads;
      if (!p->NextEntryOffset) break;
    }
  }
  QueryPerformanceCounter(&end);
  double micros = (double)(end.QuadPart - start.QuadPart) * 1e6 / (double)freq.QuadPart / iterations;
  printf("{\"iterations\":%d,\"microsPerCall\":%.3f,\"processes\":%lu,\"calls\":%ld,\"bufferBytes\":%lu}\n", iterations, micros, processes,
         calls, size);
  free(buffer);
  return (int)(sink == 0xFFFFFFFFFFFFFFFFull);
}
