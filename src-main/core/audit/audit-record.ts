import { AppError } from '../app-error';

/**
 * How an admin action ended: done; failed (with the Win32 code when Windows refused); declined at the
 * main process's confirmation; refused by the console before anything was tried (a critical process
 * without the override, a PID that now names another process, a bad request).
 */
export type AuditOutcome = 'ok' | 'failed' | 'declined' | 'refused';

/** The families of admin actions; each has its own event ID in the Windows event log. */
export const AUDIT_FAMILIES = ['process', 'job', 'run', 'template', 'service', 'settings'] as const;
/** One family of admin actions. */
export type AuditFamily = (typeof AUDIT_FAMILIES)[number];
/** A stable dotted action name, e.g. `process.terminate`, `job.setLimits`, `service.uninstall`. */
export type AuditAction = `${AuditFamily}.${string}`;

/** What an action was aimed at: a process (PID, creation time, name), a job, run, template, service or setting. */
export interface AuditTarget {
  pid?: number;
  createTime?: string;
  name?: string;
  job?: string;
  run?: string;
  template?: string;
  service?: string;
  setting?: string;
}

/**
 * One admin action as a domain reports it. Never put a password or environment values in before or
 * after: the record goes to a file and to the Windows event log, where many can read it.
 */
export interface AuditRecord {
  action: AuditAction;
  target: AuditTarget;
  before?: unknown;
  after?: unknown;
  outcome: AuditOutcome;
  /** GetLastError's code when Windows refused. */
  win32Code?: number;
  /** What happened, in the admin's words (the error's message when it failed). */
  message?: string;
}

/** The one seam every domain records through. */
export type Audit = (record: AuditRecord) => void;

const REFUSALS: ReadonlySet<string> = new Set(['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND']);

/**
 * The outcome, code and message of an error an action ended with: CANCELLED is a declined
 * confirmation; BAD_REQUEST, CONFLICT, NOT_FOUND or ACCESS_DENIED without a Win32 code mean the
 * console refused before acting; anything else failed (with the Win32 code when there is one).
 */
export function outcomeOf(error: unknown): Pick<AuditRecord, 'outcome' | 'win32Code' | 'message'> {
  if (!(error instanceof AppError)) return { outcome: 'failed', message: error instanceof Error ? error.message : String(error) };
  // With a Win32 code, Windows refused (the SCM's 1073 arrives as CONFLICT): that is a failure. Without
  // one, the console refused before asking Windows (a stale PID, a critical process, a bad request).
  const refusedByConsole = error.win32Code === undefined && (REFUSALS.has(error.code) || error.code === 'ACCESS_DENIED');
  const outcome: AuditOutcome = error.code === 'CANCELLED' ? 'declined' : refusedByConsole ? 'refused' : 'failed';
  return error.win32Code === undefined ? { outcome, message: error.message } : { outcome, win32Code: error.win32Code, message: error.message };
}
