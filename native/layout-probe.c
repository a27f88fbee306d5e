/*
 * Struct layout probe: prints, as JSON, the size, alignment and field offsets of every struct the
 * Win32 layer binds (src-main/win32/structs.ts), as the Windows SDK headers shipped with mingw-w64
 * define them, and the size of each field. struct-layout.win32.test.ts compares this with what koffi computed.
 *
 * Every struct here comes from the headers; none is redefined. Field names are the headers' own
 * (e.g. SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION's Reserved1/Reserved2, which ntddk.h calls
 * DpcTime/InterruptTime/InterruptCount).
 *
 * Build: node scripts/native-build.mjs (x86_64-w64-mingw32-gcc, or gcc on Windows).
 */
#include <windows.h>
#include <winternl.h>
#include <psapi.h>
#include <stddef.h>
#include <stdio.h>

static int first_struct = 1;
static int first_field;

static void begin_struct(const char *name, size_t size, size_t align) {
  printf("%s\n  \"%s\": { \"size\": %zu, \"align\": %zu, \"fields\": {", first_struct ? "" : ",", name, size, align);
  first_struct = 0;
  first_field = 1;
}

static void field(const char *name, size_t offset, size_t size) {
  printf("%s \"%s\": { \"offset\": %zu, \"size\": %zu }", first_field ? "" : ",", name, offset, size);
  first_field = 0;
}

static void end_struct(void) { printf(" } }"); }

#define STRUCT(T) begin_struct(#T, sizeof(T), _Alignof(T))
/* The field's size too: a BOOL bound as a 1-byte bool in the last field would not move any offset. */
#define FIELD(T, f) field(#f, offsetof(T, f), sizeof(((T *)0)->f))

int main(void) {
  printf("{");

  STRUCT(FILETIME);
  FIELD(FILETIME, dwLowDateTime);
  FIELD(FILETIME, dwHighDateTime);
  end_struct();

  STRUCT(MEMORYSTATUSEX);
  FIELD(MEMORYSTATUSEX, dwLength);
  FIELD(MEMORYSTATUSEX, dwMemoryLoad);
  FIELD(MEMORYSTATUSEX, ullTotalPhys);
  FIELD(MEMORYSTATUSEX, ullAvailPhys);
  FIELD(MEMORYSTATUSEX, ullTotalPageFile);
  FIELD(MEMORYSTATUSEX, ullAvailPageFile);
  FIELD(MEMORYSTATUSEX, ullTotalVirtual);
  FIELD(MEMORYSTATUSEX, ullAvailVirtual);
  FIELD(MEMORYSTATUSEX, ullAvailExtendedVirtual);
  end_struct();

  STRUCT(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, IdleTime);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, KernelTime);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, UserTime);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, Reserved1);
  FIELD(SYSTEM_PROCESSOR_PERFORMANCE_INFORMATION, Reserved2);
  end_struct();

  STRUCT(RTL_OSVERSIONINFOW);
  FIELD(RTL_OSVERSIONINFOW, dwOSVersionInfoSize);
  FIELD(RTL_OSVERSIONINFOW, dwMajorVersion);
  FIELD(RTL_OSVERSIONINFOW, dwMinorVersion);
  FIELD(RTL_OSVERSIONINFOW, dwBuildNumber);
  FIELD(RTL_OSVERSIONINFOW, dwPlatformId);
  FIELD(RTL_OSVERSIONINFOW, szCSDVersion);
  end_struct();

  STRUCT(SECURITY_ATTRIBUTES);
  FIELD(SECURITY_ATTRIBUTES, nLength);
  FIELD(SECURITY_ATTRIBUTES, lpSecurityDescriptor);
  FIELD(SECURITY_ATTRIBUTES, bInheritHandle);
  end_struct();

  STRUCT(PERFORMANCE_INFORMATION);
  FIELD(PERFORMANCE_INFORMATION, cb);
  FIELD(PERFORMANCE_INFORMATION, CommitTotal);
  FIELD(PERFORMANCE_INFORMATION, CommitLimit);
  FIELD(PERFORMANCE_INFORMATION, CommitPeak);
  FIELD(PERFORMANCE_INFORMATION, PhysicalTotal);
  FIELD(PERFORMANCE_INFORMATION, PhysicalAvailable);
  FIELD(PERFORMANCE_INFORMATION, SystemCache);
  FIELD(PERFORMANCE_INFORMATION, KernelTotal);
  FIELD(PERFORMANCE_INFORMATION, KernelPaged);
  FIELD(PERFORMANCE_INFORMATION, KernelNonpaged);
  FIELD(PERFORMANCE_INFORMATION, PageSize);
  FIELD(PERFORMANCE_INFORMATION, HandleCount);
  FIELD(PERFORMANCE_INFORMATION, ProcessCount);
  FIELD(PERFORMANCE_INFORMATION, ThreadCount);
  end_struct();

  printf("\n}\n");
  return 0;
}
