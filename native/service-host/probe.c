/*
 * Probes and their schedule; see probe.h.
 */
#include <winsock2.h>
#include <ws2tcpip.h>

#include "probe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A readiness attempt that failed fast (connection refused) is tried again after this long. */
#define READINESS_RETRY_MS 500

const char *probe_kind_name(ProbeKind kind) {
  switch (kind) {
    case PROBE_TCP: return "tcp";
    case PROBE_HTTP: return "http";
    case PROBE_HEARTBEAT: return "heartbeat";
    default: return "none";
  }
}

BOOL probe_startup(DWORD *error) {
  WSADATA data;
  int e = WSAStartup(MAKEWORD(2, 2), &data);
  if (e != 0) {
    *error = (DWORD)e;
    return FALSE;
  }
  return TRUE;
}

/* Winsock's words for the errors a local probe meets; others by number. */
static void describe_socket_error(int e, char *out, size_t capacity) {
  switch (e) {
    case WSAECONNREFUSED: snprintf(out, capacity, "connection refused (%d)", e); break;
    case WSAETIMEDOUT: snprintf(out, capacity, "timed out (%d)", e); break;
    case WSAECONNRESET: snprintf(out, capacity, "connection reset (%d)", e); break;
    case WSAECONNABORTED: snprintf(out, capacity, "connection aborted (%d)", e); break;
    default: snprintf(out, capacity, "socket error %d", e); break;
  }
}

/* Connects to 127.0.0.1:port within timeout_ms; INVALID_SOCKET with the detail filled on failure. */
static SOCKET connect_local(DWORD port, DWORD timeout_ms, ProbeResult *result) {
  SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
  if (s == INVALID_SOCKET) {
    describe_socket_error(WSAGetLastError(), result->detail, sizeof result->detail);
    return INVALID_SOCKET;
  }
  u_long nonblocking = 1;
  ioctlsocket(s, FIONBIO, &nonblocking);
  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((u_short)port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int e = 0;
  if (connect(s, (struct sockaddr *)&address, sizeof address) != 0) {
    e = WSAGetLastError();
    if (e == WSAEWOULDBLOCK) {
      fd_set writable, failed;
      FD_ZERO(&writable);
      FD_ZERO(&failed);
      FD_SET(s, &writable);
      FD_SET(s, &failed);
      struct timeval tv = {(long)(timeout_ms / 1000), (long)(timeout_ms % 1000) * 1000};
      int n = select(0, NULL, &writable, &failed, &tv);
      if (n == 0) {
        snprintf(result->detail, sizeof result->detail, "no answer from 127.0.0.1:%lu within %lu ms", port, timeout_ms);
        closesocket(s);
        return INVALID_SOCKET;
      }
      e = 0;
      if (n < 0) {
        e = WSAGetLastError();
      } else if (FD_ISSET(s, &failed)) {
        int length = sizeof e;
        getsockopt(s, SOL_SOCKET, SO_ERROR, (char *)&e, &length);
        if (e == 0) e = WSAECONNREFUSED;
      }
    }
  }
  if (e != 0) {
    describe_socket_error(e, result->detail, sizeof result->detail);
    closesocket(s);
    return INVALID_SOCKET;
  }
  nonblocking = 0;
  ioctlsocket(s, FIONBIO, &nonblocking);
  return s;
}

static void probe_tcp(const ProbeConfig *probe, DWORD timeout_ms, ProbeResult *result) {
  SOCKET s = connect_local(probe->port, timeout_ms, result);
  if (s == INVALID_SOCKET) return;
  closesocket(s);
  result->ok = TRUE;
  snprintf(result->detail, sizeof result->detail, "connected to 127.0.0.1:%lu", probe->port);
}

static void probe_http(const ProbeConfig *probe, DWORD timeout_ms, ProbeResult *result) {
  ULONGLONG deadline = GetTickCount64() + timeout_ms;
  SOCKET s = connect_local(probe->port, timeout_ms, result);
  if (s == INVALID_SOCKET) return;
  char path[1024];
  const WCHAR *wpath = probe->http_path && probe->http_path[0] ? probe->http_path : L"/";
  if (!WideCharToMultiByte(CP_UTF8, 0, wpath, -1, path, sizeof path, NULL, NULL)) strcpy(path, "/");
  char request[1400];
  int length = snprintf(request, sizeof request,
                        "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%lu\r\nUser-Agent: admin-console-service-host\r\nConnection: close\r\n\r\n",
                        path, probe->port);
  ULONGLONG now = GetTickCount64();
  DWORD left = now < deadline ? (DWORD)(deadline - now) : 1;
  setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, (const char *)&left, sizeof left);
  setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (const char *)&left, sizeof left);
  if (send(s, request, length, 0) != length) {
    describe_socket_error(WSAGetLastError(), result->detail, sizeof result->detail);
    closesocket(s);
    return;
  }
  /* Only the status line matters: "HTTP/1.x NNN reason\r\n". */
  char answer[512];
  int have = 0;
  while (have < (int)sizeof answer - 1) {
    int n = recv(s, answer + have, (int)sizeof answer - 1 - have, 0);
    if (n <= 0) {
      if (n < 0 && have == 0) {
        int e = WSAGetLastError();
        if (e == WSAETIMEDOUT)
          snprintf(result->detail, sizeof result->detail, "no HTTP answer within %lu ms", timeout_ms);
        else
          describe_socket_error(e, result->detail, sizeof result->detail);
        closesocket(s);
        return;
      }
      break;
    }
    have += n;
    answer[have] = 0;
    if (strstr(answer, "\r\n") || strchr(answer, '\n')) break;
  }
  closesocket(s);
  answer[have] = 0;
  unsigned status = 0;
  char minor = 0;
  if (have == 0) {
    snprintf(result->detail, sizeof result->detail, "connection closed without an HTTP answer");
  } else if (sscanf(answer, "HTTP/1.%c %3u", &minor, &status) != 2 || status < 100 || status > 599) {
    snprintf(result->detail, sizeof result->detail, "not an HTTP answer");
  } else if (status != probe->http_status) {
    snprintf(result->detail, sizeof result->detail, "HTTP %u (expected %lu)", status, probe->http_status);
  } else {
    result->ok = TRUE;
    snprintf(result->detail, sizeof result->detail, "HTTP %u", status);
  }
}

static void probe_heartbeat(const ProbeConfig *probe, ProbeResult *result) {
  WIN32_FILE_ATTRIBUTE_DATA data;
  if (!probe->heartbeat_file || !GetFileAttributesExW(probe->heartbeat_file, GetFileExInfoStandard, &data)) {
    DWORD e = probe->heartbeat_file ? GetLastError() : ERROR_FILE_NOT_FOUND;
    if (e == ERROR_FILE_NOT_FOUND || e == ERROR_PATH_NOT_FOUND)
      snprintf(result->detail, sizeof result->detail, "no heartbeat file yet (error %lu)", e);
    else
      snprintf(result->detail, sizeof result->detail, "heartbeat file unreadable (error %lu)", e);
    return;
  }
  FILETIME now;
  GetSystemTimeAsFileTime(&now);
  ULARGE_INTEGER n, w;
  n.LowPart = now.dwLowDateTime;
  n.HighPart = now.dwHighDateTime;
  w.LowPart = data.ftLastWriteTime.dwLowDateTime;
  w.HighPart = data.ftLastWriteTime.dwHighDateTime;
  /* A write time in the future (clock moved back) counts as fresh. */
  ULONGLONG age_sec = n.QuadPart > w.QuadPart ? (n.QuadPart - w.QuadPart) / 10000000ull : 0;
  result->ok = age_sec <= probe->heartbeat_max_age_sec;
  snprintf(result->detail, sizeof result->detail, "heartbeat %llu s old (limit %lu s)", age_sec, probe->heartbeat_max_age_sec);
}

void probe_run(const ProbeConfig *probe, DWORD timeout_ms, ProbeResult *result) {
  result->ok = FALSE;
  result->detail[0] = 0;
  switch (probe->kind) {
    case PROBE_TCP: probe_tcp(probe, timeout_ms, result); break;
    case PROBE_HTTP: probe_http(probe, timeout_ms, result); break;
    case PROBE_HEARTBEAT: probe_heartbeat(probe, result); break;
    default:
      result->ok = TRUE;
      snprintf(result->detail, sizeof result->detail, "no probe");
      break;
  }
}

/* The schedule. One thread-pool timer, re-armed by its own callback after each attempt, so attempts never overlap. */
struct HostProber {
  const HostConfig *config;
  ProbeReportFn report;
  void *context;
  PTP_TIMER timer;
  CRITICAL_SECTION lock;
  /* under lock */
  ProbeRole role; /* 0 = stopped */
  DWORD generation;
  DWORD attempt;
  DWORD consecutive_failures;
  BOOL restart_reported;
  ULONGLONG readiness_deadline;
};

static void arm(HostProber *p, DWORD delay_ms) {
  /* Relative due time: negative, in 100 ns units. */
  LARGE_INTEGER due;
  due.QuadPart = -(LONGLONG)delay_ms * 10000;
  FILETIME ft;
  ft.dwLowDateTime = due.LowPart;
  ft.dwHighDateTime = (DWORD)due.HighPart;
  SetThreadpoolTimer(p->timer, &ft, 0, 0);
}

static void CALLBACK on_timer(PTP_CALLBACK_INSTANCE instance, void *argument, PTP_TIMER timer) {
  (void)instance;
  (void)timer;
  HostProber *p = argument;
  EnterCriticalSection(&p->lock);
  ProbeRole role = p->role;
  DWORD generation = p->generation;
  LeaveCriticalSection(&p->lock);
  if (!role) return;

  const ProbeConfig *probe = role == PROBE_READINESS ? &p->config->readiness : &p->config->liveness;
  ProbeOutcome outcome;
  memset(&outcome, 0, sizeof outcome);
  ULONGLONG started = GetTickCount64();
  probe_run(probe, p->config->probe_timeout_ms, &outcome.result);
  GetSystemTimeAsFileTime(&outcome.at);
  outcome.role = role;
  outcome.generation = generation;
  outcome.kind = probe->kind;

  EnterCriticalSection(&p->lock);
  if (p->role != role || p->generation != generation) {
    LeaveCriticalSection(&p->lock); /* stopped or restarted meanwhile: this answer belongs to nobody */
    return;
  }
  outcome.attempt = ++p->attempt;
  if (outcome.result.ok) {
    p->consecutive_failures = 0;
  } else {
    p->consecutive_failures++;
  }
  outcome.consecutive_failures = p->consecutive_failures;
  if (role == PROBE_READINESS) {
    if (outcome.result.ok) {
      outcome.ready = TRUE;
      p->role = 0;
    } else if (GetTickCount64() >= p->readiness_deadline) {
      outcome.timed_out = TRUE;
      p->role = 0;
    } else {
      ULONGLONG spent = GetTickCount64() - started;
      DWORD delay = spent >= READINESS_RETRY_MS ? 0 : (DWORD)(READINESS_RETRY_MS - spent);
      ULONGLONG left = p->readiness_deadline - GetTickCount64();
      arm(p, delay > left ? (DWORD)left : delay);
    }
  } else {
    if (!outcome.result.ok && p->consecutive_failures >= p->config->liveness_failures_to_restart && !p->restart_reported) {
      outcome.restart = TRUE;
      p->restart_reported = TRUE;
    }
    arm(p, p->config->liveness_interval_sec * 1000);
  }
  /* Reported under the lock: once prober_stop has the lock, no outcome of the stopped run can follow (a
     stale "ready" must never reach the next start). The report itself only posts and updates the status. */
  p->report(p->context, &outcome);
  LeaveCriticalSection(&p->lock);
}

HostProber *prober_create(const HostConfig *config, ProbeReportFn report, void *context, DWORD *error) {
  HostProber *p = calloc(1, sizeof *p);
  if (!p) {
    *error = ERROR_NOT_ENOUGH_MEMORY;
    return NULL;
  }
  p->config = config;
  p->report = report;
  p->context = context;
  InitializeCriticalSection(&p->lock);
  p->timer = CreateThreadpoolTimer(on_timer, p, NULL);
  if (!p->timer) {
    *error = GetLastError();
    DeleteCriticalSection(&p->lock);
    free(p);
    return NULL;
  }
  return p;
}

static DWORD start(HostProber *p, ProbeRole role, DWORD first_delay_ms) {
  prober_stop(p);
  EnterCriticalSection(&p->lock);
  p->role = role;
  DWORD generation = ++p->generation;
  p->attempt = 0;
  p->consecutive_failures = 0;
  p->restart_reported = FALSE;
  p->readiness_deadline = GetTickCount64() + (ULONGLONG)p->config->readiness_timeout_sec * 1000;
  arm(p, first_delay_ms);
  LeaveCriticalSection(&p->lock);
  return generation;
}

DWORD prober_start_readiness(HostProber *prober) { return start(prober, PROBE_READINESS, 0); }

DWORD prober_start_liveness(HostProber *prober) {
  return start(prober, PROBE_LIVENESS, prober->config->liveness_interval_sec * 1000);
}

void prober_stop(HostProber *prober) {
  EnterCriticalSection(&prober->lock);
  prober->role = 0;
  prober->generation++;
  SetThreadpoolTimer(prober->timer, NULL, 0, 0);
  LeaveCriticalSection(&prober->lock);
  /* Not waited for: an attempt in flight (up to ProbeTimeoutMs) ends on its own, finds its generation
     stale and neither reports nor re-arms, so the loop thread calling this never waits on a probe. */
}

void prober_destroy(HostProber *prober) {
  if (!prober) return;
  prober_stop(prober);
  WaitForThreadpoolTimerCallbacks(prober->timer, TRUE); /* the end: the attempt in flight may hold the prober */
  CloseThreadpoolTimer(prober->timer);
  DeleteCriticalSection(&prober->lock);
  free(prober);
}
