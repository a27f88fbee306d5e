/* The bounded JSON writer (json.h). */
#include "json.h"
#include <stdio.h>
#include <string.h>

void json_init(JsonWriter *w, char *data, size_t capacity) {
  w->data = data;
  w->capacity = capacity;
  w->length = 0;
  w->overflow = capacity == 0;
  if (capacity) data[0] = 0;
}

static void put(JsonWriter *w, const char *text, size_t n) {
  if (w->overflow) return;
  if (w->length + n + 1 > w->capacity) {
    w->overflow = TRUE;
    return;
  }
  memcpy(w->data + w->length, text, n);
  w->length += n;
  w->data[w->length] = 0;
}

void json_raw(JsonWriter *w, const char *text) { put(w, text, strlen(text)); }

void json_string(JsonWriter *w, const char *s) {
  put(w, "\"", 1);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    char escaped[8];
    if (*p == '"' || *p == '\\') {
      escaped[0] = '\\';
      escaped[1] = (char)*p;
      put(w, escaped, 2);
    } else if (*p < 0x20) {
      snprintf(escaped, sizeof escaped, "\\u%04x", *p);
      put(w, escaped, 6);
    } else {
      put(w, (const char *)p, 1);
    }
  }
  put(w, "\"", 1);
}

void json_wstring(JsonWriter *w, const WCHAR *text) {
  char small[1024];
  char *utf8 = small;
  int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
  if (n <= 0) {
    json_string(w, "");
    return;
  }
  if ((size_t)n > sizeof small) utf8 = HeapAlloc(GetProcessHeap(), 0, (size_t)n);
  if (!utf8) {
    w->overflow = TRUE;
    return;
  }
  WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, n, NULL, NULL);
  json_string(w, utf8);
  if (utf8 != small) HeapFree(GetProcessHeap(), 0, utf8);
}

void json_uint(JsonWriter *w, ULONGLONG value) {
  char text[24];
  snprintf(text, sizeof text, "%llu", value);
  json_raw(w, text);
}

/* FILETIME counts 100 ns since 1601; 11644473600 s separate 1601 from 1970. */
#define EPOCH_DIFFERENCE_MS 11644473600000ull

ULONGLONG json_now_ms(void) {
  FILETIME ft;
  GetSystemTimeAsFileTime(&ft);
  ULONGLONG ticks = ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
  return ticks / 10000 - EPOCH_DIFFERENCE_MS;
}

void json_time(JsonWriter *w, ULONGLONG unix_ms) {
  ULONGLONG ticks = (unix_ms + EPOCH_DIFFERENCE_MS) * 10000;
  FILETIME ft;
  SYSTEMTIME st;
  ft.dwLowDateTime = (DWORD)ticks;
  ft.dwHighDateTime = (DWORD)(ticks >> 32);
  FileTimeToSystemTime(&ft, &st);
  char text[40];
  snprintf(text, sizeof text, "\"%04u-%02u-%02uT%02u:%02u:%02u.%03uZ\"", st.wYear, st.wMonth, st.wDay, st.wHour, st.wMinute, st.wSecond,
           st.wMilliseconds);
  json_raw(w, text);
}
