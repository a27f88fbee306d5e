import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { RotatingFile } from '../file-logger';
import type { Logger } from '../logger';
import { auditEventId, auditEventText, auditEventType, type AuditEventLog } from './audit-event-log';
import { outcomeOf, type AuditAction, type AuditRecord, type AuditTarget } from './audit-record';

/** The audit files' caps: 10 files of 10 MB (about 25,000 of the largest entries, far more typical ones). */
export const AUDIT_ROTATION = { fileBytes: 10 * 1024 * 1024, files: 10 } as const;

/**
 * Longer strings in before/after are cut to this with their length and SHA-256, so one entry stays a
 * few kilobytes and volume cannot push history out faster than the caps promise; the hash still proves
 * what the value was.
 */
export const AUDIT_STRING_MAX = 1024;

/** One line of logs/audit.log. */
export interface AuditEntry extends AuditRecord {
  time: string;
  /** DOMAIN\user the console runs as (its process token). */
  account: string;
}

function bounded(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    if (value.length <= AUDIT_STRING_MAX) return value;
    const hash = createHash('sha256').update(value, 'utf8').digest('hex');
    return `${value.slice(0, AUDIT_STRING_MAX)}… [${value.length} characters, sha256 ${hash}]`;
  }
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((v) => bounded(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bounded(v, depth + 1)]));
}

/** What one admin request has recorded so far (see AuditTrail.request). */
interface RequestScope {
  recorded: boolean;
}

/**
 * The console's record of admin actions: one JSON line per action in logs/audit.log (numbered,
 * synchronous rotation, see RotatingFile) and the same line in the Windows Application event log
 * under the "Admin Console" source. The file is written first and always; an event-log failure never
 * fails the action and is reported to the console log once per outage.
 */
export class AuditTrail {
  private readonly scopes = new AsyncLocalStorage<RequestScope>();
  private eventLogFailing = false;
  private fileFailing = false;

  constructor(
    private readonly file: RotatingFile,
    private readonly account: string,
    private eventLog: AuditEventLog | null,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records one action (the `audit(...)` seam the domains are given). */
  readonly record = (record: AuditRecord): void => {
    const scope = this.scopes.getStore();
    if (scope) scope.recorded = true;
    const entry: AuditEntry = {
      time: this.now().toISOString(),
      account: this.account,
      action: record.action,
      target: record.target,
      ...(record.before === undefined ? {} : { before: bounded(record.before) }),
      ...(record.after === undefined ? {} : { after: bounded(record.after) }),
      outcome: record.outcome,
      ...(record.win32Code === undefined ? {} : { win32Code: record.win32Code }),
      ...(record.message === undefined ? {} : { message: bounded(record.message) as string }),
    };
    const line = JSON.stringify(entry);
    try {
      this.file.append(line);
      this.fileFailing = false;
    } catch (err) {
      if (!this.fileFailing) this.logger.error('audit file write failed; entries go to the event log only until it works again', { file: this.file.path, error: (err as Error).message });
      this.fileFailing = true;
    }
    if (!this.eventLog) return;
    try {
      this.eventLog.report(auditEventType(record.outcome), auditEventId(record.action), auditEventText(line));
      if (this.eventLogFailing) this.logger.info('writing audit entries to the Windows event log works again');
      this.eventLogFailing = false;
    } catch (err) {
      const failure = outcomeOf(err);
      if (!this.eventLogFailing) this.logger.warn('writing an audit entry to the Windows event log failed; logs\\audit.log still has it', { error: failure.message, win32Code: failure.win32Code });
      this.eventLogFailing = true;
    }
  };

  /** Closes the event source; later entries go to the file only. */
  close(): void {
    const eventLog = this.eventLog;
    this.eventLog = null;
    try {
      eventLog?.close();
    } catch (err) {
      this.logger.warn('closing the event source failed', { error: (err as Error).message });
    }
  }

  /**
   * Runs one admin request so that it always leaves a record: when the domain recorded nothing itself
   * (a declined confirmation, a refusal before acting, or an action whose domain keeps no record of its
   * own), the request's own outcome is recorded as `action`, once per target, with `asked` (what the
   * request would set or run) as its after. The error, if any, is rethrown unchanged.
   */
  async request<T>(
    action: AuditAction,
    targets: AuditTarget | readonly AuditTarget[],
    run: () => T | Promise<T>,
    details: { before?: unknown; asked?: unknown; after?: (value: T) => unknown } = {},
  ): Promise<T> {
    const scope: RequestScope = { recorded: false };
    const each = Array.isArray(targets) ? (targets as readonly AuditTarget[]) : [targets as AuditTarget];
    let value: T;
    try {
      value = await this.scopes.run(scope, run);
    } catch (err) {
      // What was asked for stands as `after`: a declined launch still says what it would have run.
      if (!scope.recorded) for (const target of each) this.record({ action, target, before: details.before, after: details.asked, ...outcomeOf(err) });
      throw err;
    }
    const after = details.after ? details.after(value) : details.asked;
    if (!scope.recorded) for (const target of each) this.record({ action, target, before: details.before, after, outcome: 'ok' });
    return value;
  }
}
