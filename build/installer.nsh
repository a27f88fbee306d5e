; Included by electron-builder's NSIS script (electron-builder.yml nsis.include).
; Registers the "Admin Console" event source in the Application log, so the console's audit entries
; (ReportEventW, src-main/win32/event-log.ts) show their text in Event Viewer: every message in
; admin-console-events.dll (native/event-messages.mc, shipped by extraResources) is "%1", the audit line.
; "Event Sources" and "EventMessageFile" (MSDN): HKLM\SYSTEM\CurrentControlSet\Services\EventLog\<log>\<source>.

!define ADMIN_CONSOLE_EVENT_SOURCE "SYSTEM\CurrentControlSet\Services\EventLog\Application\Admin Console"

!macro customInstall
  ; The installer is 32-bit: write the 64-bit view explicitly (SYSTEM is not redirected, but say what we mean).
  SetRegView 64
  WriteRegExpandStr HKLM "${ADMIN_CONSOLE_EVENT_SOURCE}" "EventMessageFile" "$INSTDIR\resources\admin-console-events.dll"
  ; EVENTLOG_ERROR_TYPE | EVENTLOG_WARNING_TYPE | EVENTLOG_INFORMATION_TYPE
  WriteRegDWORD HKLM "${ADMIN_CONSOLE_EVENT_SOURCE}" "TypesSupported" 7
  SetRegView lastused
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first and then customInstall again: keep the source across it.
  ${ifNot} ${isUpdated}
    SetRegView 64
    DeleteRegKey HKLM "${ADMIN_CONSOLE_EVENT_SOURCE}"
    SetRegView lastused
  ${endIf}
!macroend
