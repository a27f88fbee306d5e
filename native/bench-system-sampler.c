/*
 * The physical floor for the Performance sampler: the same calls our collector makes per tick, in a raw C
 * loop: GetSystemTimes, NtQuerySystemInformation(SystemProcessorPerformanceInformation),
 * GlobalMemoryStatusEx, GetTickCount64, GetIfTable2 (+ FreeMibTable, skipping loopback and filter
 * interfaces), and IOCTL_DISK_PERFORMANCE on each \\.\PhysicalDriveN opened once before the loop. Like
 * the collector, a disk that does not answer is left out, and with none answering (Wine: error 50) none is
 * asked per tick.
 * `npm run bench` runs it in the same Wine (or Windows) at the same moment as our koffi collector and
 * reports the ratio.
 *
 *   bench-system-sampler.exe <iterations>   ->   {"iterations":N,"microsPerTick":X,"disks":D,"diskCounters":0|1}
 *
 * Libraries: iphlpapi
 */
#include <winsock2.h>
#include <windows.h>
#include <winternl.h>
#include <winioctl.h>
#include <ws2ipdef.h>
#include <iphlpapi.h>
#include <netioapi.h>
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

#define MAX_DISKS 32

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 1000;
    NtQuerySystemInformationFn query =
        (NtQuerySystemInformationFn)(void (*)(void))GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "NtQuerySystemInformation");
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    ULONG size = (ULONG)(sizeof(PROCESSOR_TIMES) * si.dwNumberOfProcessors);
    PROCESSOR_TIMES *cores = (PROCESSOR_TIMES *)malloc(size);

    /* The disks, opened once, as the collector does (no access rights: the IOCTL is FILE_ANY_ACCESS). */
    HANDLE disks[MAX_DISKS];
    int diskCount = 0;
    for (int n = 0; n < MAX_DISKS; n++) {
        wchar_t name[32];
        swprintf(name, 32, L"\\\\.\\PhysicalDrive%d", n);
        HANDLE h = CreateFileW(name, 0, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
        if (h != INVALID_HANDLE_VALUE) disks[diskCount++] = h;
    }
    DISK_PERFORMANCE perf;
    DWORD returned = 0;
    /* As the collector: a disk that does not answer is closed and left out; none answering, none is asked again. */
    int opened = diskCount;
    int answering = 0;
    for (int d = 0; d < diskCount; d++) {
        if (DeviceIoControl(disks[d], IOCTL_DISK_PERFORMANCE, NULL, 0, &perf, sizeof(perf), &returned, NULL)) disks[answering++] = disks[d];
        else CloseHandle(disks[d]);
    }
    diskCount = answering;
    int diskCounters = answering > 0;

    LARGE_INTEGER freq, start, end;
    QueryPerformanceFrequency(&freq);
    volatile ULONGLONG sink = 0;
    QueryPerformanceCounter(&start);
    for (int i = 0; i < iterations; i++) {
        FILETIME idle, kernel, user;
        ULONG got = 0;
        MEMORYSTATUSEX mem;
        mem.dwLength = sizeof(mem);
        if (!GetSystemTimes(&idle, &kernel, &user)) return 2;
        if (query(8 /* SystemProcessorPerformanceInformation */, cores, size, &got) != 0) return 3;
        if (!GlobalMemoryStatusEx(&mem)) return 4;
        sink += idle.dwLowDateTime + cores[0].IdleTime.LowPart + mem.ullAvailPhys + GetTickCount64();
        MIB_IF_TABLE2 *table = NULL;
        if (GetIfTable2(&table) != NO_ERROR) return 5;
        for (ULONG r = 0; r < table->NumEntries; r++) {
            MIB_IF_ROW2 *row = &table->Table[r];
            if (row->Type == IF_TYPE_SOFTWARE_LOOPBACK || row->InterfaceAndOperStatusFlags.FilterInterface) continue;
            sink += row->InterfaceLuid.Value + row->InOctets + row->OutOctets;
        }
        FreeMibTable(table);
        for (int d = 0; d < diskCount; d++) {
            if (!DeviceIoControl(disks[d], IOCTL_DISK_PERFORMANCE, NULL, 0, &perf, sizeof(perf), &returned, NULL)) continue;
            sink += perf.BytesRead.QuadPart + perf.BytesWritten.QuadPart;
        }
    }
    QueryPerformanceCounter(&end);
    double micros = (double)(end.QuadPart - start.QuadPart) * 1e6 / (double)freq.QuadPart / iterations;
    printf("{\"iterations\":%d,\"microsPerTick\":%.3f,\"disks\":%d,\"diskCounters\":%d}\n", iterations, micros, opened, diskCounters);
    for (int d = 0; d < diskCount; d++) CloseHandle(disks[d]);
    free(cores);
    return (int)(sink == 0xFFFFFFFFFFFFFFFFull);
}
