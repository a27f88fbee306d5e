/*
 * The program's output log; see log.h and CONTRACT.md ("The log folder").
 *
 * Threads: one reader per stream per run of the program, blocked in ReadFile on its pipe and doing
 * nothing else but copying what it read into the queue (or counting it as dropped when the queue is
 * full), so the program's WriteFile never waits on the disk; one writer that owns the files.
 */
#include "log.h"

#include <sddl.h>
#include <shlobj.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define PIPE_BUFFER_BYTES 65536
#define READ_BYTES 65536
/* A line longer than this is written in pieces of this size (each with its own timestamp and tag). */
#define LINE_MAX_BYTES 16384
/* A partial line (no break yet) is written after this long, so a prompt without "\n" still shows up. */
#define PARTIAL_FLUSH_MS 1000
#define OUT_BUFFER_BYTES 65536
#define DEFAULT_QUEUE_BYTES (4u * 1024 * 1024)
/* "2026-12-02T21:03:04.123Z O " */
#define PREFIX_BYTES 27

/* The admin-only descriptor of src-main/win32/admin-folder.ts (ADMIN_ONLY_SDDL). */
static const WCHAR ADMIN_ONLY_SDDL[] = L"O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)";

typedef struct Stream {
  HostLog *log;
  HANDLE read;
  HANDLE thread;
  char tag;      /* 'O' or 'E' */
  int file;      /* index into HostLog.files */
  char *buffer;  /* READ_BYTES, the reader's */
  /* writer side */
  char partial[LINE_MAX_BYTES];
  size_t partial_length;
  FILETIME partial_at;
  ULONGLONG partial_tick;
  struct Stream *next;
} Stream;

typedef struct Chunk {
  struct Chunk *next;
  Stream *stream; /* NULL: a host line */
  FILETIME at;
  BOOL eof;
  size_t length;
  char data[1];
} Chunk;

typedef struct {
  const WCHAR *base; /* "output", "stdout", "stderr" */
  HANDLE handle;
  ULONGLONG size; /* on disk */
  char out[OUT_BUFFER_BYTES];
  size_t out_length;
} LogFile;

struct HostLog {
  WCHAR folder[MAX_PATH];
  HostLogOptions options;
  CRITICAL_SECTION lock;
  HANDLE wake;
  HANDLE writer;
  BOOL closing;            /* under lock: the writer ends once the queue is empty */
  Chunk *head, *tail;      /* under lock */
  size_t queued;           /* under lock: program bytes in the queue */
  ULONGLONG queue_dropped; /* under lock: dropped because the queue was full, not yet reported */
  ULONGLONG dropped_total; /* under lock */
  Stream *streams;         /* under lock: streams whose reader has not reached end of file */
  /* writer only */
  LogFile files[2];
  int file_count;
  ULONGLONG folder_bytes;
  ULONGLONG report_bytes; /* dropped, waiting for a line to say so */
  char report_reason[64];
  BOOL write_failing;
};

/* FOLDERID_ProgramData (KnownFolders.h), spelled out so neither mingw's nor MSVC's uuid library is needed. */
static const GUID PROGRAM_DATA_FOLDER = {0x62AB5D82, 0xFDC1, 0x4DC3, {0xA9, 0xDD, 0x07, 0x0D, 0x1D, 0x49, 0x5D, 0x97}};

BOOL hostlog_folder_path(const WCHAR *service, WCHAR *folder, size_t capacity, DWORD *error) {
  PWSTR program_data = NULL;
  HRESULT hr = SHGetKnownFolderPath(&PROGRAM_DATA_FOLDER, 0, NULL, &program_data);
  if (FAILED(hr)) {
    *error = HRESULT_FACILITY(hr) == FACILITY_WIN32 ? HRESULT_CODE(hr) : (DWORD)hr;
    return FALSE;
  }
  int n = _snwprintf(folder, capacity, L"%ls\\Admin Console\\services\\%ls", program_data, service);
  CoTaskMemFree(program_data);
  if (n < 0 || (size_t)n >= capacity) {
    *error = ERROR_FILENAME_EXCED_RANGE;
    return FALSE;
  }
  return TRUE;
}

BOOL hostlog_make_admin_folder(const WCHAR *folder, DWORD *error) {
  /* An existing folder is used as it is: the console may have made it for an account that could not
     (CONTRACT.md), and that account cannot even look into the admin-only folders above it. */
  DWORD existing = GetFileAttributesW(folder);
  if (existing != INVALID_FILE_ATTRIBUTES && (existing & FILE_ATTRIBUTE_DIRECTORY)) return TRUE;
  PSECURITY_DESCRIPTOR descriptor = NULL;
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(ADMIN_ONLY_SDDL, SDDL_REVISION_1, &descriptor, NULL)) {
    *error = GetLastError();
    return FALSE;
  }
  SECURITY_ATTRIBUTES attributes = {sizeof attributes, descriptor, FALSE};
  WCHAR path[MAX_PATH];
  size_t length = wcslen(folder);
  BOOL ok = length < MAX_PATH;
  *error = ok ? ERROR_SUCCESS : ERROR_FILENAME_EXCED_RANGE;
  /* Every component after the drive ("C:\"): the ones that exist are left as they are. */
  for (size_t i = 3; ok && i <= length; i++) {
    if (i < length && folder[i] != L'\\') continue;
    wmemcpy(path, folder, i);
    path[i] = 0;
    if (CreateDirectoryW(path, &attributes)) continue;
    DWORD e = GetLastError();
    DWORD attrs = GetFileAttributesW(path);
    if (e == ERROR_ALREADY_EXISTS && attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY)) continue;
    *error = e;
    ok = FALSE;
  }
  LocalFree(descriptor);
  return ok;
}

static void format_time(const FILETIME *at, char *out) {
  SYSTEMTIME t;
  FileTimeToSystemTime(at, &t);
  snprintf(out, 25, "%04u-%02u-%02uT%02u:%02u:%02u.%03uZ", t.wYear, t.wMonth, t.wDay, t.wHour, t.wMinute, t.wSecond,
           t.wMilliseconds);
}

static void file_path(const HostLog *log, const WCHAR *base, unsigned index, WCHAR *path) {
  if (index == 0)
    _snwprintf(path, MAX_PATH, L"%ls\\%ls.log", log->folder, base);
  else
    _snwprintf(path, MAX_PATH, L"%ls\\%ls.%u.log", log->folder, base, index);
  path[MAX_PATH - 1] = 0;
}

static ULONGLONG size_of(const WCHAR *path) {
  WIN32_FILE_ATTRIBUTE_DATA data;
  if (!GetFileAttributesExW(path, GetFileExInfoStandard, &data)) return 0;
  return ((ULONGLONG)data.nFileSizeHigh << 32) | data.nFileSizeLow;
}

/* Deletes a file of the folder, keeping folder_bytes right; TRUE if it is gone. */
static BOOL delete_counted(HostLog *log, const WCHAR *path) {
  ULONGLONG size = size_of(path);
  if (!DeleteFileW(path)) return GetLastError() == ERROR_FILE_NOT_FOUND;
  log->folder_bytes = log->folder_bytes > size ? log->folder_bytes - size : 0;
  return TRUE;
}

static BOOL open_current(HostLog *log, LogFile *f) {
  WCHAR path[MAX_PATH];
  file_path(log, f->base, 0, path);
  /* FILE_SHARE_DELETE: the console's tail may read while the file is rotated (renamed) under it. */
  f->handle = CreateFileW(path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_ALWAYS,
                          FILE_ATTRIBUTE_NORMAL, NULL);
  if (f->handle == INVALID_HANDLE_VALUE) return FALSE;
  LARGE_INTEGER end;
  LARGE_INTEGER zero = {0};
  SetFilePointerEx(f->handle, zero, &end, FILE_END);
  f->size = (ULONGLONG)end.QuadPart;
  return TRUE;
}

/* current -> .1 -> .2 ... ; the one past LogMaxFiles-1 is deleted. With LogMaxFiles 1 the current file starts over. */
static void rotate(HostLog *log, LogFile *f) {
  WCHAR from[MAX_PATH], to[MAX_PATH];
  CloseHandle(f->handle);
  f->handle = INVALID_HANDLE_VALUE;
  unsigned keep = log->options.max_files;
  file_path(log, f->base, keep - 1, to);
  delete_counted(log, to);
  for (unsigned i = keep - 1; i >= 2; i--) {
    file_path(log, f->base, i - 1, from);
    file_path(log, f->base, i, to);
    MoveFileExW(from, to, MOVEFILE_REPLACE_EXISTING);
  }
  if (keep >= 2) {
    file_path(log, f->base, 0, from);
    file_path(log, f->base, 1, to);
    if (!MoveFileExW(from, to, MOVEFILE_REPLACE_EXISTING)) delete_counted(log, from);
  }
  if (!open_current(log, f)) return;
  if (f->size > 0) {
    /* Neither renamed nor deleted (held open without FILE_SHARE_DELETE): start it over in place. */
    LARGE_INTEGER zero = {0};
    SetFilePointerEx(f->handle, zero, NULL, FILE_BEGIN);
    SetEndOfFile(f->handle);
    log->folder_bytes = log->folder_bytes > f->size ? log->folder_bytes - f->size : 0;
    f->size = 0;
  }
}

/* The oldest rotated file of the folder (highest number, then oldest write); FALSE when there is none. */
static BOOL oldest_rotated(HostLog *log, WCHAR *path) {
  unsigned best_index = 0;
  for (int i = 0; i < log->file_count; i++) {
    for (unsigned k = log->options.max_files; k >= 1; k--) {
      WCHAR candidate[MAX_PATH];
      file_path(log, log->files[i].base, k, candidate);
      if (GetFileAttributesW(candidate) != INVALID_FILE_ATTRIBUTES) {
        if (k > best_index) {
          best_index = k;
          wcscpy(path, candidate);
        }
        break;
      }
    }
  }
  return best_index > 0;
}

/* Makes room for `bytes` more under LogTotalCapBytes: oldest rotated files first, then the current file itself. */
static void make_room(HostLog *log, LogFile *f, ULONGLONG bytes) {
  WCHAR path[MAX_PATH];
  while (log->folder_bytes + bytes > log->options.total_cap_bytes) {
    if (oldest_rotated(log, path)) {
      if (!delete_counted(log, path)) break;
    } else if (f->size > 0) {
      unsigned keep = log->options.max_files;
      log->options.max_files = 1; /* rotate() starts the current file over */
      rotate(log, f);
      log->options.max_files = keep;
      if (f->handle == INVALID_HANDLE_VALUE) break;
    } else {
      break;
    }
  }
}

static void note_dropped(HostLog *log, ULONGLONG bytes, const char *reason) {
  if (bytes == 0) return;
  log->report_bytes += bytes;
  snprintf(log->report_reason, sizeof log->report_reason, "%s", reason);
  EnterCriticalSection(&log->lock);
  log->dropped_total += bytes;
  LeaveCriticalSection(&log->lock);
}

static void flush_file(HostLog *log, LogFile *f) {
  if (f->out_length == 0) return;
  if (f->handle == INVALID_HANDLE_VALUE && !open_current(log, f)) {
    note_dropped(log, f->out_length, "log file could not be opened");
    log->write_failing = TRUE;
    f->out_length = 0;
    return;
  }
  make_room(log, f, f->out_length);
  DWORD written = 0;
  BOOL ok = WriteFile(f->handle, f->out, (DWORD)f->out_length, &written, NULL);
  f->size += written;
  log->folder_bytes += written;
  if (!ok || written < f->out_length) {
    DWORD e = ok ? ERROR_DISK_FULL : GetLastError();
    char reason[64];
    if (e == ERROR_DISK_FULL || e == ERROR_HANDLE_DISK_FULL)
      snprintf(reason, sizeof reason, "disk full");
    else
      snprintf(reason, sizeof reason, "write failed, error %lu", e);
    note_dropped(log, f->out_length - written, reason);
    log->write_failing = TRUE;
  } else {
    log->write_failing = FALSE;
  }
  f->out_length = 0;
}

/* Appends one line (tag, text without its break) to file `index`, rotating first if it would not fit. */
static void append_line(HostLog *log, int index, const FILETIME *at, char tag, const char *text, size_t length) {
  LogFile *f = &log->files[index];
  size_t line_bytes = PREFIX_BYTES + length + 1;
  if (f->size + f->out_length + line_bytes > log->options.max_file_bytes) {
    flush_file(log, f);
    if (f->size + line_bytes > log->options.max_file_bytes && f->size > 0) rotate(log, f);
  }
  if (f->out_length + line_bytes > sizeof f->out) flush_file(log, f);
  char *p = f->out + f->out_length;
  format_time(at, p);
  p[24] = ' ';
  p[25] = tag;
  p[26] = ' ';
  memcpy(p + PREFIX_BYTES, text, length);
  p[PREFIX_BYTES + length] = '\n';
  f->out_length += line_bytes;
}

static void append_host_line(HostLog *log, const FILETIME *at, const char *text, size_t length) {
  for (int i = 0; i < log->file_count; i++) append_line(log, i, at, 'H', text, length);
}

static void flush_partial(HostLog *log, Stream *s) {
  if (s->partial_length == 0) return;
  size_t length = s->partial_length;
  if (s->partial[length - 1] == '\r') length--;
  append_line(log, s->file, &s->partial_at, s->tag, s->partial, length);
  s->partial_length = 0;
}

static void take_bytes(HostLog *log, Stream *s, const FILETIME *at, const char *data, size_t length) {
  while (length > 0) {
    if (s->partial_length == 0) {
      s->partial_at = *at;
      s->partial_tick = GetTickCount64();
    }
    const char *newline = memchr(data, '\n', length);
    size_t take = newline ? (size_t)(newline - data) : length;
    size_t room = LINE_MAX_BYTES - s->partial_length;
    if (take > room) take = room;
    memcpy(s->partial + s->partial_length, data, take);
    s->partial_length += take;
    data += take;
    length -= take;
    if (length > 0 && *data == '\n') {
      data++;
      length--;
      size_t line = s->partial_length;
      if (line > 0 && s->partial[line - 1] == '\r') line--;
      append_line(log, s->file, &s->partial_at, s->tag, s->partial, line);
      s->partial_length = 0;
    } else if (s->partial_length == LINE_MAX_BYTES) {
      flush_partial(log, s);
    }
  }
}

static void report_drops(HostLog *log) {
  Stream *live[64];
  int live_count = 0;
  EnterCriticalSection(&log->lock);
  ULONGLONG queue_dropped = log->queue_dropped;
  log->queue_dropped = 0;
  for (Stream *s = log->streams; s && live_count < 64; s = s->next) live[live_count++] = s;
  LeaveCriticalSection(&log->lock);
  if (queue_dropped > 0) {
    /* What came before the gap ends here: a line cut by the gap is not glued to what follows it. */
    for (int i = 0; i < live_count; i++) flush_partial(log, live[i]);
    /* dropped_total was counted by the reader */
    log->report_bytes += queue_dropped;
    snprintf(log->report_reason, sizeof log->report_reason, "output faster than the disk");
  }
  if (log->report_bytes == 0 || log->write_failing) return;
  char text[128];
  FILETIME now;
  GetSystemTimeAsFileTime(&now);
  int n = snprintf(text, sizeof text, "-- dropped %llu bytes (%s) --", log->report_bytes, log->report_reason);
  append_host_line(log, &now, text, (size_t)n);
  if (log->options.on_dropped) log->options.on_dropped(log->options.context, log->report_bytes, log->report_reason);
  log->report_bytes = 0;
}

static void free_stream(HostLog *log, Stream *s) {
  EnterCriticalSection(&log->lock);
  for (Stream **p = &log->streams; *p; p = &(*p)->next) {
    if (*p == s) {
      *p = s->next;
      break;
    }
  }
  LeaveCriticalSection(&log->lock);
  WaitForSingleObject(s->thread, INFINITE); /* it queued its end of file as its last act */
  CloseHandle(s->thread);
  CloseHandle(s->read);
  free(s->buffer);
  free(s);
}

static DWORD WINAPI writer_main(void *argument) {
  HostLog *log = argument;
  for (;;) {
    EnterCriticalSection(&log->lock);
    Chunk *chunks = log->head;
    log->head = log->tail = NULL;
    log->queued = 0;
    BOOL closing = log->closing;
    LeaveCriticalSection(&log->lock);

    report_drops(log);
    while (chunks) {
      Chunk *c = chunks;
      chunks = c->next;
      if (!c->stream) {
        append_host_line(log, &c->at, c->data, c->length);
      } else if (c->eof) {
        flush_partial(log, c->stream);
        free_stream(log, c->stream);
      } else {
        take_bytes(log, c->stream, &c->at, c->data, c->length);
      }
      free(c);
    }
    /* Partial lines that waited long enough. Streams are freed only by this thread, so the pointers copied
       under the lock stay valid; the disk is never written with the lock held (a reader would wait on it). */
    Stream *live[64];
    int live_count = 0;
    EnterCriticalSection(&log->lock);
    for (Stream *s = log->streams; s && live_count < 64; s = s->next) live[live_count++] = s;
    LeaveCriticalSection(&log->lock);
    DWORD wait = INFINITE;
    ULONGLONG now = GetTickCount64();
    for (int i = 0; i < live_count; i++) {
      Stream *s = live[i];
      if (s->partial_length == 0) continue;
      ULONGLONG age = now - s->partial_tick;
      if (age >= PARTIAL_FLUSH_MS || closing) {
        flush_partial(log, s);
      } else if (PARTIAL_FLUSH_MS - age < wait) {
        wait = (DWORD)(PARTIAL_FLUSH_MS - age);
      }
    }
    for (int i = 0; i < log->file_count; i++) flush_file(log, &log->files[i]);
    report_drops(log);
    for (int i = 0; i < log->file_count; i++) flush_file(log, &log->files[i]);

    if (closing) {
      EnterCriticalSection(&log->lock);
      BOOL empty = log->head == NULL;
      LeaveCriticalSection(&log->lock);
      if (empty) return 0;
    }
    WaitForSingleObject(log->wake, wait);
  }
}

/*
 * Queues what a reader read (or a host line, or a stream's end). When the queue is full the OLDEST program
 * output still waiting is dropped, never the new: like rotation, the log keeps the newest lines, and the
 * gap is marked where it is (report_drops runs before the rest of the queue is written).
 */
static void enqueue(HostLog *log, Stream *stream, const char *data, size_t length, BOOL eof) {
  BOOL program_bytes = stream != NULL && !eof;
  Chunk *c = malloc(offsetof(Chunk, data) + length + 1);
  if (c) {
    c->next = NULL;
    c->stream = stream;
    c->eof = eof;
    c->length = length;
    GetSystemTimeAsFileTime(&c->at);
    if (length) memcpy(c->data, data, length);
  }
  Chunk *evicted = NULL;
  EnterCriticalSection(&log->lock);
  if (!c) {
    if (program_bytes) {
      log->queue_dropped += length;
      log->dropped_total += length;
    }
    LeaveCriticalSection(&log->lock);
    SetEvent(log->wake);
    return;
  }
  while (program_bytes && log->queued + length > log->options.queue_bytes) {
    Chunk **at = &log->head;
    Chunk *before = NULL;
    while (*at && (!(*at)->stream || (*at)->eof)) { /* host lines and ends of file are never dropped */
      before = *at;
      at = &(*at)->next;
    }
    if (!*at) break;
    Chunk *victim = *at;
    *at = victim->next;
    if (log->tail == victim) log->tail = before;
    log->queued -= victim->length;
    log->queue_dropped += victim->length;
    log->dropped_total += victim->length;
    victim->next = evicted;
    evicted = victim;
  }
  if (log->tail)
    log->tail->next = c;
  else
    log->head = c;
  log->tail = c;
  if (program_bytes) log->queued += length;
  LeaveCriticalSection(&log->lock);
  SetEvent(log->wake);
  while (evicted) {
    Chunk *next = evicted->next;
    free(evicted);
    evicted = next;
  }
}

static DWORD WINAPI reader_main(void *argument) {
  Stream *s = argument;
  for (;;) {
    DWORD n = 0;
    if (!ReadFile(s->read, s->buffer, READ_BYTES, &n, NULL)) break; /* broken pipe: the tree closed its ends */
    if (n > 0) enqueue(s->log, s, s->buffer, n, FALSE);
  }
  /* The end-of-file chunk must get through even when malloc fails once: it frees the stream. */
  for (int attempt = 0; attempt < 100; attempt++) {
    Chunk *probe = malloc(offsetof(Chunk, data) + 1);
    if (probe) {
      free(probe);
      break;
    }
    Sleep(10);
  }
  enqueue(s->log, s, NULL, 0, TRUE);
  return 0;
}

HostLog *hostlog_open(const WCHAR *folder, const HostLogOptions *options, DWORD *error) {
  HostLog *log = calloc(1, sizeof *log);
  if (!log) {
    *error = ERROR_NOT_ENOUGH_MEMORY;
    return NULL;
  }
  if (wcslen(folder) >= MAX_PATH - 32) {
    free(log);
    *error = ERROR_FILENAME_EXCED_RANGE;
    return NULL;
  }
  wcscpy(log->folder, folder);
  log->options = *options;
  if (log->options.max_files < 1) log->options.max_files = 1;
  if (log->options.queue_bytes == 0) log->options.queue_bytes = DEFAULT_QUEUE_BYTES;
  log->file_count = options->split ? 2 : 1;
  if (log->options.total_cap_bytes == 0)
    log->options.total_cap_bytes = (ULONGLONG)options->max_file_bytes * log->options.max_files * (ULONGLONG)log->file_count;
  log->files[0].base = options->split ? L"stdout" : L"output";
  log->files[1].base = L"stderr";
  InitializeCriticalSection(&log->lock);

  /* Everything already in the folder counts against the cap; files past LogMaxFiles (a smaller setting now) go. */
  WCHAR pattern[MAX_PATH];
  WIN32_FIND_DATAW found;
  _snwprintf(pattern, MAX_PATH, L"%ls\\*", folder);
  HANDLE find = FindFirstFileW(pattern, &found);
  if (find != INVALID_HANDLE_VALUE) {
    do {
      if (!(found.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY))
        log->folder_bytes += ((ULONGLONG)found.nFileSizeHigh << 32) | found.nFileSizeLow;
    } while (FindNextFileW(find, &found));
    FindClose(find);
  }
  for (int i = 0; i < log->file_count; i++) {
    for (unsigned k = log->options.max_files; k <= log->options.max_files + 100; k++) {
      WCHAR path[MAX_PATH];
      file_path(log, log->files[i].base, k, path);
      delete_counted(log, path);
    }
    if (!open_current(log, &log->files[i])) {
      *error = GetLastError();
      for (int j = 0; j < i; j++) CloseHandle(log->files[j].handle);
      DeleteCriticalSection(&log->lock);
      free(log);
      return NULL;
    }
  }
  log->wake = CreateEventW(NULL, FALSE, FALSE, NULL);
  log->writer = log->wake ? CreateThread(NULL, 0, writer_main, log, 0, NULL) : NULL;
  if (!log->writer) {
    *error = GetLastError();
    for (int i = 0; i < log->file_count; i++) CloseHandle(log->files[i].handle);
    if (log->wake) CloseHandle(log->wake);
    DeleteCriticalSection(&log->lock);
    free(log);
    return NULL;
  }
  return log;
}

static Stream *make_stream(HostLog *log, char tag, int file, HANDLE *child_end, DWORD *error) {
  Stream *s = calloc(1, sizeof *s);
  char *buffer = malloc(READ_BYTES);
  SECURITY_ATTRIBUTES inheritable = {sizeof inheritable, NULL, TRUE};
  HANDLE read = NULL, write = NULL;
  /* Both ends inheritable from CreatePipe, then the host's end made private: only the write end may reach the program. */
  if (!s || !buffer || !CreatePipe(&read, &write, &inheritable, PIPE_BUFFER_BYTES) ||
      !SetHandleInformation(read, HANDLE_FLAG_INHERIT, 0)) {
    *error = s && buffer ? GetLastError() : ERROR_NOT_ENOUGH_MEMORY;
    if (read) CloseHandle(read);
    if (write) CloseHandle(write);
    free(buffer);
    free(s);
    return NULL;
  }
  s->log = log;
  s->read = read;
  s->tag = tag;
  s->file = file;
  s->buffer = buffer;
  *child_end = write;
  return s;
}

BOOL hostlog_make_pipes(HostLog *log, HANDLE *child_stdout, HANDLE *child_stderr, DWORD *error) {
  Stream *out = make_stream(log, 'O', 0, child_stdout, error);
  if (!out) return FALSE;
  Stream *err = make_stream(log, 'E', log->file_count > 1 ? 1 : 0, child_stderr, error);
  if (!err) {
    CloseHandle(*child_stdout);
    CloseHandle(out->read);
    free(out->buffer);
    free(out);
    return FALSE;
  }
  Stream *both[2] = {out, err};
  for (int i = 0; i < 2; i++) {
    EnterCriticalSection(&log->lock);
    both[i]->next = log->streams;
    log->streams = both[i];
    LeaveCriticalSection(&log->lock);
    /* A small stack: the reader only copies into the queue. */
    both[i]->thread = CreateThread(NULL, 64 * 1024, reader_main, both[i], STACK_SIZE_PARAM_IS_A_RESERVATION, NULL);
    if (!both[i]->thread) {
      /* Without a reader nobody drains the pipe: close the read end so the program gets a broken pipe, not a stall. */
      *error = GetLastError();
      EnterCriticalSection(&log->lock);
      log->streams = both[i]->next;
      LeaveCriticalSection(&log->lock);
      for (int j = i; j < 2; j++) {
        CloseHandle(both[j]->read);
        free(both[j]->buffer);
        free(both[j]);
      }
      CloseHandle(*child_stdout);
      CloseHandle(*child_stderr);
      return FALSE;
    }
  }
  return TRUE;
}

void hostlog_host_line(HostLog *log, const char *text) {
  if (log) enqueue(log, NULL, text, strlen(text), FALSE);
}

void hostlog_host_linef(HostLog *log, const char *format, ...) {
  char text[1024];
  va_list args;
  va_start(args, format);
  vsnprintf(text, sizeof text, format, args);
  va_end(args);
  hostlog_host_line(log, text);
}

ULONGLONG hostlog_dropped_bytes(HostLog *log) {
  EnterCriticalSection(&log->lock);
  ULONGLONG n = log->dropped_total;
  LeaveCriticalSection(&log->lock);
  return n;
}

void hostlog_close(HostLog *log, DWORD timeout_ms) {
  if (!log) return;
  ULONGLONG deadline = GetTickCount64() + timeout_ms;
  BOOL cancelled = FALSE;
  /* Polled (only while stopping): the writer closes a reader's thread handle when it ends, so no handle is waited on here. */
  for (;;) {
    EnterCriticalSection(&log->lock);
    BOOL any = log->streams != NULL;
    BOOL expired = GetTickCount64() >= deadline;
    if (any && expired && !cancelled) {
      /* A grandchild that left the job still holds a write end: stop waiting for it. */
      for (Stream *s = log->streams; s; s = s->next) CancelSynchronousIo(s->thread);
      cancelled = TRUE;
      deadline = GetTickCount64() + 1000;
      expired = FALSE;
    }
    LeaveCriticalSection(&log->lock);
    if (!any || expired) break; /* still blocked after the cancel: leave them, the process is ending */
    Sleep(20);
  }
  EnterCriticalSection(&log->lock);
  log->closing = TRUE;
  LeaveCriticalSection(&log->lock);
  SetEvent(log->wake);
  WaitForSingleObject(log->writer, INFINITE);
  CloseHandle(log->writer);
  for (int i = 0; i < log->file_count; i++) {
    if (log->files[i].handle != INVALID_HANDLE_VALUE) {
      FlushFileBuffers(log->files[i].handle);
      CloseHandle(log->files[i].handle);
    }
  }
  if (log->streams) return; /* readers still blocked hold the log: leave it allocated */
  CloseHandle(log->wake);
  DeleteCriticalSection(&log->lock);
  free(log);
}
