/*
 * The program's output log (CONTRACT.md, "The log folder"): stdout and stderr read from pipes by one
 * thread per stream that never stops reading, handed through a bounded in-memory queue to one writer
 * thread that timestamps lines, rotates files by size and keeps the folder under its total cap.
 * The program is never stalled by the log: when the queue is full or the disk refuses a write, bytes
 * are dropped and one `H -- dropped N bytes (reason) --` line says so once writing works again.
 */
#ifndef SERVICE_HOST_LOG_H
#define SERVICE_HOST_LOG_H

#include <windows.h>

/** One service's output log; made by hostlog_open, ended by hostlog_close. */
typedef struct HostLog HostLog;

/** Called on the writer thread when dropped bytes were accounted for (the `log-dropped` event). */
typedef void (*HostLogDroppedFn)(void *context, ULONGLONG bytes, const char *reason);

/** How the log is kept: CONTRACT.md's Log* values. */
typedef struct {
  DWORD max_file_bytes;          /* LogMaxFileBytes: a file is rotated before it would grow past this */
  DWORD max_files;               /* LogMaxFiles: files kept per stream, the current one included */
  ULONGLONG total_cap_bytes;     /* LogTotalCapBytes: everything in the folder; 0 = max_file_bytes * max_files per stream */
  BOOL split;                    /* LogSplit: stdout.log + stderr.log instead of output.log */
  size_t queue_bytes;            /* bytes read but not yet written that may wait in memory; 0 = 4 MiB */
  HostLogDroppedFn on_dropped;   /* may be NULL */
  void *context;
} HostLogOptions;

/**
 * The log folder of CONTRACT.md: `<ProgramData>\Admin Console\services\NAME` (ProgramData from
 * SHGetKnownFolderPath, never the environment). Returns FALSE with the Win32 code in *error.
 */
BOOL hostlog_folder_path(const WCHAR *service, WCHAR *folder, size_t capacity, DWORD *error);

/**
 * Creates `folder` and any missing parent below its drive with the admin-only security descriptor
 * of src-main/win32/admin-folder.ts (owner Administrators; protected DACL, SYSTEM and Administrators
 * full control, inherited by files). An existing `folder` is left as it is. Returns FALSE with the
 * Win32 code in *error.
 */
BOOL hostlog_make_admin_folder(const WCHAR *folder, DWORD *error);

/**
 * Opens (appends to) the log files in `folder` (which must exist) and starts the writer thread.
 * Returns NULL with the Win32 code in *error.
 */
HostLog *hostlog_open(const WCHAR *folder, const HostLogOptions *options, DWORD *error);

/**
 * Makes the two pipes for one run of the program and starts their reader threads. The read ends stay
 * in the host and are not inheritable; `*child_stdout` and `*child_stderr` are inheritable write ends
 * for the launch (PROC_THREAD_ATTRIBUTE_HANDLE_LIST), which the caller closes right after
 * CreateProcess so that end of file arrives when the program's tree has closed them.
 */
BOOL hostlog_make_pipes(HostLog *log, HANDLE *child_stdout, HANDLE *child_stderr, DWORD *error);

/** Queues one host line (`H`), UTF-8, without a line break; never dropped, never blocks on the disk. */
void hostlog_host_line(HostLog *log, const char *text);

/** hostlog_host_line with printf formatting (at most 1 KiB). */
void hostlog_host_linef(HostLog *log, const char *format, ...);

/**
 * Waits up to `timeout_ms` for every reader to reach end of file (the program's tree is gone), cancels
 * the readers still blocked after that, writes out everything queued (partial lines included), closes
 * the files and frees the log. NULL is ignored.
 */
void hostlog_close(HostLog *log, DWORD timeout_ms);

/** Bytes dropped since the log was opened (queue full or a failed write). */
ULONGLONG hostlog_dropped_bytes(HostLog *log);

#endif
