/*
 * The physical floor for the Performance sampler: the same three calls our collector makes per tick
 * (GetSystemTimes, NtQuerySystemInformation(SystemProcessorPerformanceInformation), GlobalMemoryStatusEx),
 * in a raw C loop. `npm run bench` runs it in the same Wine (or Windows) at the same moment as our koffi
 * collector and reports the ratio.
 *
 *   bench-system-sampler.exe <iterations>   ->   {"iterations":N,"microsPerTick":X}
 */
#include <windows.h>
#include <winternl.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    LARGE_INTEGER IdleTime;
    LARGE_INTEGER KernelTime;
    LARGE_INTEGER UserTime;
    LARGE_INTEGER DpcTime;
    LARGE_INTEGER InterruptTime;
    ULONG InterruptCount;
} PROCESSOR_TIMES;

typedef NTSTATUS(NTAPI *NtQuerySystemInformationFn)(ULONG, PVOID, ULONG, PULONG);

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 1000;
    NtQuerySystemInformationFn query =
        (NtQuerySystemInformationFn)(void (*)(void))GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "NtQuerySystemInformation");
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    ULONG size = (ULONG)(sizeof(PROCESSOR_TIMES) * si.dwNumberOfProcessors);
    PROCESSOR_TIMES *cores = (PROCESSOR_TIMES *)malloc(size);
    LARGE_INTEGER freq, start, end;
    QueryPerformanceFrequency(&freq);
    volatile ULONGLONG sink = 0;
    QueryPerformanceCounter(&start);
    for (int i = 0; i < iterations; i++) {
        FILETIME idle, kernel, user;
        ULONG returned = 0;
        MEMORYSTATUSEX mem;
        mem.dwLength = sizeof(mem);
        if (!GetSystemTimes(&idle, &kernel, &user)) return 2;
        if (query(8 /* SystemProcessorPerformanceInformation */, cores, size, &returned) != 0) return 3;
        if (!GlobalMemoryStatusEx(&mem)) return 4;
        sink += idle.dwLowDateTime + cores[0].IdleTime.LowPart + mem.ullAvailPhys;
    }
    QueryPerformanceCounter(&end);
    double micros = (double)(end.QuadPart - start.QuadPart) * 1e6 / (double)freq.QuadPart / iterations;
    printf("{\"iterations\":%d,\"microsPerTick\":%.3f}\n", iterations, micros);
    free(cores);
    return (int)(sink == 0xFFFFFFFFFFFFFFFFull);
}
