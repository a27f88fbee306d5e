/*
 * The host's Application event-log entries (CONTRACT.md, "Event log"): source "Admin Console", event ID
 * 7000 (MSG_HOSTED_SERVICE in native/event-messages.mc), one insertion string, the JSON
 * {"service":NAME,"event":KIND,...}. Each entry also goes to the status timeline (`events`).
 */
#ifndef SERVICE_HOST_EVENTLOG_H
#define SERVICE_HOST_EVENTLOG_H

#include <windows.h>

/** MSG_HOSTED_SERVICE in native/event-messages.mc. */
#define HOST_EVENT_ID 7000

/** Opens the event source (RegisterEventSourceW); without it entries only reach the timeline. */
void eventlog_open(const WCHAR *service);
/** Closes it (DeregisterEventSource). */
void eventlog_close(void);

/**
 * Reports one entry. `fields` is the rest of the JSON object after the event kind, with its leading
 * comma (e.g. ",\"pid\":1234"), or "" for none; `detail` is the timeline's sentence (UTF-8).
 * type is EVENTLOG_INFORMATION_TYPE, EVENTLOG_WARNING_TYPE or EVENTLOG_ERROR_TYPE.
 */
void eventlog_report(WORD type, const char *kind, const char *fields, const char *detail);

#endif
