/*
 * A bounded JSON writer for the status line and the event-log entries: appends to a caller's buffer,
 * never past its end (an overflow marks the writer, and the caller drops the whole line).
 */
#ifndef SERVICE_HOST_JSON_H
#define SERVICE_HOST_JSON_H

#include <windows.h>

/** A buffer being written; `overflow` is set once anything did not fit. */
typedef struct {
  char *data;
  size_t capacity;
  size_t length;
  BOOL overflow;
} JsonWriter;

/** Starts writing into `data` (capacity bytes, NUL-terminated as it goes). */
void json_init(JsonWriter *w, char *data, size_t capacity);
/** Appends raw text (punctuation, keys already quoted). */
void json_raw(JsonWriter *w, const char *text);
/** Appends a UTF-8 string as a quoted, escaped JSON string. */
void json_string(JsonWriter *w, const char *utf8);
/** Appends a UTF-16 string as a quoted, escaped JSON string (UTF-8 on the way out). */
void json_wstring(JsonWriter *w, const WCHAR *text);
/** Appends an unsigned number. */
void json_uint(JsonWriter *w, ULONGLONG value);
/** Appends a time in milliseconds since 1970 as an ISO-8601 UTC string ("2026-12-02T21:03:04.123Z"). */
void json_time(JsonWriter *w, ULONGLONG unix_ms);
/** Milliseconds since 1970 now (GetSystemTimeAsFileTime). */
ULONGLONG json_now_ms(void);

#endif
