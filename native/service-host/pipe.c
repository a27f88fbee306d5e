/*
 * The status pipe server; see pipe.h and CONTRACT.md ("Status pipe").
 *
 * One thread, four pipe instances, each with an overlapped read (or the pending ConnectNamedPipe) and at
 * most one overlapped write in flight. Status lines are not queued per client: a client only ever has
 * "send the newest status" pending, so a client that reads slowly costs the host nothing but a flag, and
 * one that stops reading is disconnected after HOSTPIPE_SLOW_CLIENT_MS.
 */
#include "pipe.h"

#include "json.h"

#include <sddl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INSTANCES 4
#define LINE_MAX 65536
#define IN_BUFFER 4096
#define REPLIES_MAX 8192
#define ACCOUNTING_INTERVAL_MS 1000
#define STOP_FLUSH_MS 500

typedef enum { SLOT_IDLE = 0, SLOT_LISTENING, SLOT_CONNECTED } SlotState;

typedef struct {
  HANDLE pipe;
  SlotState state;
  OVERLAPPED read_io;  /* ConnectNamedPipe while listening, ReadFile once connected */
  OVERLAPPED write_io;
  BOOL reading, writing;
  ULONGLONG write_started;
  char in[LINE_MAX + 1];
  size_t in_length;
  char chunk[IN_BUFFER];
  char replies[REPLIES_MAX];
  size_t replies_length;
  BOOL status_due;
  char *out; /* the write in flight */
} Slot;

struct HostPipe {
  WCHAR name[300];
  HostPipeStatusFn status;
  HostPipeRestartFn restart;
  HostPipeListeningFn listening;
  PSECURITY_DESCRIPTOR descriptor;
  HANDLE thread;
  HANDLE stop_event;
  HANDLE changed_event;
  CRITICAL_SECTION lock;
  BOOL change_full, change_accounting; /* under lock */
  /* pipe thread only */
  Slot slots[INSTANCES];
  char *line;           /* the status line last rendered */
  size_t line_length;
  ULONGLONG last_broadcast;
  ULONGLONG accounting_due; /* 0 = none deferred */
  ULONGLONG last_listening;
};

static HANDLE make_instance(HostPipe *p, BOOL first, DWORD *error) {
  SECURITY_ATTRIBUTES attributes = {sizeof attributes, p->descriptor, FALSE};
  DWORD open_mode = PIPE_ACCESS_DUPLEX | FILE_FLAG_OVERLAPPED | (first ? FILE_FLAG_FIRST_PIPE_INSTANCE : 0);
  HANDLE h = CreateNamedPipeW(p->name, open_mode, PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
                              INSTANCES, LINE_MAX, IN_BUFFER, 0, &attributes);
  if (h == INVALID_HANDLE_VALUE) *error = GetLastError();
  return h;
}

static void on_connected(HostPipe *p, Slot *s);
static void start_read(HostPipe *p, Slot *s);
static void pump(HostPipe *p, Slot *s);

static void listen_on(HostPipe *p, Slot *s) {
  s->state = SLOT_LISTENING;
  s->in_length = 0;
  s->replies_length = 0;
  s->status_due = FALSE;
  ResetEvent(s->read_io.hEvent);
  if (ConnectNamedPipe(s->pipe, &s->read_io)) {
    on_connected(p, s);
    return;
  }
  DWORD e = GetLastError();
  if (e == ERROR_IO_PENDING) {
    s->reading = TRUE;
  } else if (e == ERROR_PIPE_CONNECTED) {
    on_connected(p, s); /* a client came between CreateNamedPipe and ConnectNamedPipe */
  } else {
    /* The instance is unusable (e.g. ERROR_NO_DATA: the client left already): start it over. */
    DisconnectNamedPipe(s->pipe);
    s->state = SLOT_IDLE;
  }
}

/* Cancels what is in flight on the instance, waits for it, and listens again. */
static void disconnect(HostPipe *p, Slot *s) {
  DWORD ignored;
  if (s->reading || s->writing) CancelIoEx(s->pipe, NULL);
  if (s->reading) GetOverlappedResult(s->pipe, &s->read_io, &ignored, TRUE);
  if (s->writing) GetOverlappedResult(s->pipe, &s->write_io, &ignored, TRUE);
  s->reading = s->writing = FALSE;
  DisconnectNamedPipe(s->pipe);
  listen_on(p, s);
}

/* Renders the status; TRUE if it differs from the line last rendered. */
static BOOL render(HostPipe *p) {
  static char fresh[LINE_MAX + 1];
  size_t length = p->status(fresh, sizeof fresh);
  if (length == 0) return FALSE; /* did not fit: keep the last line */
  if (length == p->line_length && memcmp(fresh, p->line, length) == 0) return FALSE;
  memcpy(p->line, fresh, length);
  p->line_length = length;
  return TRUE;
}

static void broadcast(HostPipe *p, BOOL force) {
  if (!render(p) && !force) return;
  p->last_broadcast = GetTickCount64();
  p->accounting_due = 0;
  for (int i = 0; i < INSTANCES; i++) {
    if (p->slots[i].state != SLOT_CONNECTED) continue;
    p->slots[i].status_due = TRUE;
    pump(p, &p->slots[i]);
  }
}

static void on_connected(HostPipe *p, Slot *s) {
  s->state = SLOT_CONNECTED;
  s->reading = FALSE;
  broadcast(p, FALSE); /* a newer line goes to everyone, not only to the newcomer */
  s->status_due = TRUE;
  pump(p, s);
  if (s->state == SLOT_CONNECTED) start_read(p, s);
}

/* Starts the next write: the replies waiting, then the newest status. */
static void pump(HostPipe *p, Slot *s) {
  if (s->writing || s->state != SLOT_CONNECTED) return;
  size_t length = 0;
  if (s->replies_length > 0) {
    memcpy(s->out, s->replies, s->replies_length);
    length = s->replies_length;
    s->replies_length = 0;
  }
  if (s->status_due && p->line_length > 0 && length + p->line_length <= LINE_MAX + REPLIES_MAX) {
    memcpy(s->out + length, p->line, p->line_length);
    length += p->line_length;
    s->status_due = FALSE;
  }
  if (length == 0) return;
  ResetEvent(s->write_io.hEvent);
  if (!WriteFile(s->pipe, s->out, (DWORD)length, NULL, &s->write_io) && GetLastError() != ERROR_IO_PENDING) {
    disconnect(p, s);
    return;
  }
  /* Done or pending alike: the event is signalled on completion and handled by the loop. */
  s->writing = TRUE;
  s->write_started = GetTickCount64();
}

static void reply(HostPipe *p, Slot *s, const char *command, BOOL ok, const char *error) {
  char line[512];
  JsonWriter w;
  json_init(&w, line, sizeof line);
  json_raw(&w, "{\"type\":\"reply\",\"command\":");
  if (command)
    json_string(&w, command);
  else
    json_raw(&w, "null");
  json_raw(&w, ok ? ",\"ok\":true" : ",\"ok\":false,\"error\":");
  if (!ok) json_string(&w, error);
  json_raw(&w, "}\n");
  if (w.overflow) return;
  if (s->replies_length + w.length > sizeof s->replies) {
    disconnect(p, s); /* commands faster than it reads the answers */
    return;
  }
  memcpy(s->replies + s->replies_length, line, w.length);
  s->replies_length += w.length;
}

/* Skips JSON whitespace. */
static const char *skip(const char *c) {
  while (*c == ' ' || *c == '\t' || *c == '\r' || *c == '\n') c++;
  return c;
}

/* Reads a JSON string at c (after its opening quote) into out (escapes other than \" and \\ refused); the char after its closing quote, or NULL. */
static const char *read_string(const char *c, char *out, size_t capacity) {
  size_t n = 0;
  while (*c && *c != '"') {
    char ch = *c++;
    if ((unsigned char)ch < 0x20) return NULL;
    if (ch == '\\') {
      ch = *c++;
      if (ch != '"' && ch != '\\' && ch != '/') return NULL;
    }
    if (n + 1 >= capacity) return NULL;
    out[n++] = ch;
  }
  if (*c != '"') return NULL;
  out[n] = 0;
  return c + 1;
}

/*
 * The command of a request line: a JSON object of string members with a "command" member
 * ({"command":"status"}). FALSE for anything else (the reply says so).
 */
static BOOL parse_command(const char *line, char *command, size_t capacity) {
  char key[64], value[128];
  BOOL found = FALSE;
  const char *c = skip(line);
  if (*c++ != '{') return FALSE;
  c = skip(c);
  if (*c == '}') return FALSE;
  for (;;) {
    if (*c++ != '"' || !(c = read_string(c, key, sizeof key))) return FALSE;
    c = skip(c);
    if (*c++ != ':') return FALSE;
    c = skip(c);
    if (*c++ != '"' || !(c = read_string(c, value, sizeof value))) return FALSE;
    if (strcmp(key, "command") == 0) {
      if (found) return FALSE;
      found = TRUE;
      snprintf(command, capacity, "%s", value);
    }
    c = skip(c);
    if (*c == ',') {
      c = skip(c + 1);
      continue;
    }
    if (*c++ != '}') return FALSE;
    return found && *skip(c) == 0;
  }
}

static void on_line(HostPipe *p, Slot *s, char *line) {
  char command[128];
  if (!parse_command(line, command, sizeof command)) {
    reply(p, s, NULL, FALSE, "expected one JSON object per line: {\"command\":\"status\"} or {\"command\":\"restart-program\"}");
  } else if (strcmp(command, "status") == 0) {
    reply(p, s, command, TRUE, NULL);
    broadcast(p, FALSE);
    s->status_due = TRUE;
  } else if (strcmp(command, "restart-program") == 0) {
    char error[160] = "";
    BOOL ok = p->restart(error, sizeof error);
    reply(p, s, command, ok, error[0] ? error : "the program cannot be restarted now");
  } else {
    reply(p, s, command, FALSE, "unknown command (known: status, restart-program)");
  }
}

static void take_input(HostPipe *p, Slot *s, DWORD bytes) {
  for (DWORD i = 0; i < bytes && s->state == SLOT_CONNECTED; i++) {
    char ch = s->chunk[i];
    if (ch == '\n') {
      s->in[s->in_length] = 0;
      if (s->in_length > 0) on_line(p, s, s->in);
      s->in_length = 0;
    } else if (s->in_length == LINE_MAX) {
      disconnect(p, s); /* a line past the contract's 64 KiB */
      return;
    } else {
      s->in[s->in_length++] = ch;
    }
  }
  pump(p, s);
}

static void start_read(HostPipe *p, Slot *s) {
  ResetEvent(s->read_io.hEvent);
  if (!ReadFile(s->pipe, s->chunk, sizeof s->chunk, NULL, &s->read_io) && GetLastError() != ERROR_IO_PENDING) {
    disconnect(p, s);
    return;
  }
  s->reading = TRUE;
}

static void on_read_event(HostPipe *p, Slot *s) {
  DWORD bytes = 0;
  BOOL ok = GetOverlappedResult(s->pipe, &s->read_io, &bytes, FALSE);
  s->reading = FALSE;
  if (s->state == SLOT_LISTENING) {
    if (ok) on_connected(p, s);
    else disconnect(p, s);
    return;
  }
  if (!ok && GetLastError() != ERROR_MORE_DATA) {
    disconnect(p, s); /* ERROR_BROKEN_PIPE: the client closed */
    return;
  }
  take_input(p, s, bytes);
  if (s->state == SLOT_CONNECTED && !s->reading) start_read(p, s);
}

static void on_write_event(HostPipe *p, Slot *s) {
  DWORD bytes = 0;
  BOOL ok = GetOverlappedResult(s->pipe, &s->write_io, &bytes, FALSE);
  s->writing = FALSE;
  if (!ok) {
    disconnect(p, s);
    return;
  }
  pump(p, s);
}

static DWORD WINAPI server_main(void *argument) {
  HostPipe *p = argument;
  ULONGLONG stop_deadline = 0;
  for (;;) {
    HANDLE handles[2 + 2 * INSTANCES];
    Slot *owner[2 + 2 * INSTANCES];
    BOOL is_write[2 + 2 * INSTANCES];
    DWORD count = 0;
    /* Once stopping, the (manual-reset) stop event is left out: only the last writes are waited for. */
    handles[count++] = stop_deadline ? p->changed_event : p->stop_event;
    handles[count++] = p->changed_event;
    ULONGLONG now = GetTickCount64();
    ULONGLONG due = p->accounting_due;
    for (int i = 0; i < INSTANCES; i++) {
      Slot *s = &p->slots[i];
      if (s->state == SLOT_IDLE) listen_on(p, s);
      if (s->reading) {
        owner[count] = s;
        is_write[count] = FALSE;
        handles[count++] = s->read_io.hEvent;
      }
      if (s->writing) {
        owner[count] = s;
        is_write[count] = TRUE;
        handles[count++] = s->write_io.hEvent;
        ULONGLONG slow = s->write_started + HOSTPIPE_SLOW_CLIENT_MS;
        if (!due || slow < due) due = slow;
      }
    }
    BOOL connected = FALSE;
    for (int i = 0; i < INSTANCES; i++) connected = connected || p->slots[i].state == SLOT_CONNECTED;
    if (connected && p->listening && !stop_deadline) {
      if (now >= p->last_listening + ACCOUNTING_INTERVAL_MS) {
        p->last_listening = now;
        p->listening();
      }
      ULONGLONG next = p->last_listening + ACCOUNTING_INTERVAL_MS;
      if (!due || next < due) due = next;
    }
    if (stop_deadline) {
      BOOL writing = FALSE;
      for (int i = 0; i < INSTANCES; i++) writing = writing || p->slots[i].writing;
      if (!writing || now >= stop_deadline) break;
      if (stop_deadline < due || !due) due = stop_deadline;
    }
    /* With no write in flight and nothing deferred the thread sleeps until a client or a change. */
    DWORD timeout = due ? (due > now ? (DWORD)(due - now) : 0) : INFINITE;
    DWORD r = WaitForMultipleObjects(count, handles, FALSE, timeout);
    now = GetTickCount64();
    if (r == WAIT_OBJECT_0 && !stop_deadline) {
      stop_deadline = now + STOP_FLUSH_MS;
      broadcast(p, FALSE);
      continue;
    }
    if (r == WAIT_OBJECT_0 || r == WAIT_OBJECT_0 + 1 || (r == WAIT_TIMEOUT && p->accounting_due && now >= p->accounting_due)) {
      EnterCriticalSection(&p->lock);
      BOOL full = p->change_full;
      BOOL accounting = p->change_accounting;
      p->change_full = p->change_accounting = FALSE;
      LeaveCriticalSection(&p->lock);
      if (full || (p->accounting_due && now >= p->accounting_due)) {
        broadcast(p, FALSE);
      } else if (accounting) {
        if (now >= p->last_broadcast + ACCOUNTING_INTERVAL_MS)
          broadcast(p, FALSE);
        else if (!p->accounting_due)
          p->accounting_due = p->last_broadcast + ACCOUNTING_INTERVAL_MS;
      }
    } else if (r >= WAIT_OBJECT_0 + 2 && r < WAIT_OBJECT_0 + count) {
      Slot *s = owner[r - WAIT_OBJECT_0];
      if (is_write[r - WAIT_OBJECT_0])
        on_write_event(p, s);
      else
        on_read_event(p, s);
    }
    for (int i = 0; i < INSTANCES; i++) {
      Slot *s = &p->slots[i];
      if (s->writing && now >= s->write_started + HOSTPIPE_SLOW_CLIENT_MS) disconnect(p, s); /* a slow client */
    }
  }
  for (int i = 0; i < INSTANCES; i++) {
    Slot *s = &p->slots[i];
    DWORD ignored;
    if (s->reading || s->writing) CancelIoEx(s->pipe, NULL);
    if (s->reading) GetOverlappedResult(s->pipe, &s->read_io, &ignored, TRUE);
    if (s->writing) GetOverlappedResult(s->pipe, &s->write_io, &ignored, TRUE);
    s->reading = s->writing = FALSE;
    DisconnectNamedPipe(s->pipe);
  }
  return 0;
}

static void free_pipe(HostPipe *p) {
  for (int i = 0; i < INSTANCES; i++) {
    Slot *s = &p->slots[i];
    if (s->pipe && s->pipe != INVALID_HANDLE_VALUE) CloseHandle(s->pipe);
    if (s->read_io.hEvent) CloseHandle(s->read_io.hEvent);
    if (s->write_io.hEvent) CloseHandle(s->write_io.hEvent);
    free(s->out);
  }
  if (p->stop_event) CloseHandle(p->stop_event);
  if (p->changed_event) CloseHandle(p->changed_event);
  if (p->descriptor) LocalFree(p->descriptor);
  DeleteCriticalSection(&p->lock);
  free(p->line);
  free(p);
}

HostPipe *hostpipe_start(const WCHAR *service, HostPipeStatusFn status, HostPipeRestartFn restart, HostPipeListeningFn listening,
                         DWORD *error) {
  HostPipe *p = calloc(1, sizeof *p);
  if (!p) {
    *error = ERROR_NOT_ENOUGH_MEMORY;
    return NULL;
  }
  InitializeCriticalSection(&p->lock);
  p->status = status;
  p->restart = restart;
  p->listening = listening;
  _snwprintf(p->name, sizeof p->name / sizeof p->name[0], L"\\\\.\\pipe\\admin-console-host-%ls", service);
  p->name[sizeof p->name / sizeof p->name[0] - 1] = 0;
  p->line = malloc(LINE_MAX + 1);
  p->stop_event = CreateEventW(NULL, TRUE, FALSE, NULL);
  p->changed_event = CreateEventW(NULL, FALSE, FALSE, NULL);
  if (!p->line || !p->stop_event || !p->changed_event) {
    *error = p->line ? GetLastError() : ERROR_NOT_ENOUGH_MEMORY;
    free_pipe(p);
    return NULL;
  }
  if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(HOSTPIPE_SDDL, SDDL_REVISION_1, &p->descriptor, NULL)) {
    *error = GetLastError();
    free_pipe(p);
    return NULL;
  }
  for (int i = 0; i < INSTANCES; i++) {
    Slot *s = &p->slots[i];
    s->read_io.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    s->write_io.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    s->out = malloc(LINE_MAX + REPLIES_MAX);
    s->pipe = make_instance(p, i == 0, error);
    if (!s->read_io.hEvent || !s->write_io.hEvent || !s->out || s->pipe == INVALID_HANDLE_VALUE) {
      if (s->pipe != INVALID_HANDLE_VALUE && (!s->read_io.hEvent || !s->write_io.hEvent || !s->out))
        *error = ERROR_NOT_ENOUGH_MEMORY;
      free_pipe(p);
      return NULL;
    }
  }
  p->thread = CreateThread(NULL, 0, server_main, p, 0, NULL);
  if (!p->thread) {
    *error = GetLastError();
    free_pipe(p);
    return NULL;
  }
  return p;
}

void hostpipe_changed(HostPipe *pipe, BOOL accounting_only) {
  if (!pipe) return;
  EnterCriticalSection(&pipe->lock);
  if (accounting_only)
    pipe->change_accounting = TRUE;
  else
    pipe->change_full = TRUE;
  LeaveCriticalSection(&pipe->lock);
  SetEvent(pipe->changed_event);
}

void hostpipe_stop(HostPipe *pipe) {
  if (!pipe) return;
  SetEvent(pipe->stop_event);
  WaitForSingleObject(pipe->thread, INFINITE);
  CloseHandle(pipe->thread);
  free_pipe(pipe);
}
