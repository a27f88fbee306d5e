/* Event-log entries and their timeline copy (eventlog.h). */
#include "eventlog.h"
#include "json.h"
#include "status.h"
#include <stdio.h>
#include <string.h>

static HANDLE source;
static WCHAR service_name[257];

void eventlog_open(const WCHAR *service) {
  wcsncpy(service_name, service, sizeof service_name / sizeof service_name[0] - 1);
  /* The installer registers "Admin Console" with the message file; an unregistered source still
   * writes (Event Viewer then shows the insertion string with a "description not found" note). */
  source = RegisterEventSourceW(NULL, L"Admin Console");
}

void eventlog_close(void) {
  if (source) DeregisterEventSource(source);
  source = NULL;
}

void eventlog_report(WORD type, const char *kind, const char *fields, const char *detail) {
  /* On the stack: the log writer and the probes' pool threads report too, beside the loop. */
  char line[8192];
  WCHAR wide[8192];
  JsonWriter w;
  json_init(&w, line, sizeof line);
  json_raw(&w, "{\"service\":");
  json_wstring(&w, service_name);
  json_raw(&w, ",\"event\":");
  json_string(&w, kind);
  json_raw(&w, fields);
  json_raw(&w, "}");
  if (!w.overflow && source && MultiByteToWideChar(CP_UTF8, 0, line, -1, wide, sizeof wide / sizeof wide[0]) > 0) {
    const WCHAR *strings[1] = {wide};
    ReportEventW(source, type, 0, HOST_EVENT_ID, NULL, 1, 0, strings, NULL);
  }
  HostStatus *s = status_lock();
  status_add_event(s, kind, detail);
  status_unlock();
}
