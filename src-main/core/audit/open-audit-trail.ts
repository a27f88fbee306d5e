import path from 'node:path';
import { RotatingFile } from '../file-logger';
import type { Logger } from '../logger';
import { AUDIT_EVENT_SOURCE, type AuditEventLog } from './audit-event-log';
import { outcomeOf } from './audit-record';
import { AUDIT_ROTATION, AuditTrail } from './audit-trail';

/** What the audit trail needs from Windows; the Win32 layer implements it (src-main/win32/audit-ports.ts). */
export interface AuditPorts {
  /** DOMAIN\user of this process's token. */
  account(): string;
  /** A registered event source for the Application log (RegisterEventSourceW). */
  openEventLog(source: string): AuditEventLog;
}

/**
 * The audit trail in `<dataFolder>\logs\audit.log` (10 x 10 MB) and the Application event log. An
 * account that cannot be read is recorded as unknown with the reason, never guessed; an event source
 * that cannot be opened leaves the file alone doing the work, said once in the console log.
 */
export function openAuditTrail(dataFolder: string, ports: AuditPorts, logger: Logger): AuditTrail {
  let account: string;
  try {
    account = ports.account();
  } catch (err) {
    account = `unknown (${outcomeOf(err).message})`;
    logger.warn('the account this console runs as could not be read; audit entries say unknown', { error: String(err) });
  }
  let eventLog: AuditEventLog | null = null;
  try {
    eventLog = ports.openEventLog(AUDIT_EVENT_SOURCE);
  } catch (err) {
    const failure = outcomeOf(err);
    logger.warn('the Windows event log cannot be written; audit entries go to logs\\audit.log only', { error: failure.message, win32Code: failure.win32Code });
  }
  return new AuditTrail(new RotatingFile(path.join(dataFolder, 'logs'), 'audit.log', AUDIT_ROTATION), account, eventLog, logger);
}
