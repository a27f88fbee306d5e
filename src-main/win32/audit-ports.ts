/** The audit trail's Windows side: the account this process runs as and the Application event log. */
import type { AuditPorts } from '../core/audit/open-audit-trail';
import { EventSource } from './event-log';
import { readCurrentProcessUser } from './processes/process-user';

/** AuditPorts over the process token (OpenProcessToken, LookupAccountSidW) and RegisterEventSourceW. */
export const win32AuditPorts: AuditPorts = {
  account: readCurrentProcessUser,
  openEventLog: (source) => EventSource.register(source),
};
