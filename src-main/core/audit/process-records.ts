import type { ActionResultsValue, ProcessKeyValue } from '../../../src-preload/contract/schemas';
import type { ProcessVerb } from '../processes/process-actions';
import { outcomeOf, type AuditRecord } from './audit-record';

/** What a process action set, as its audit `after` (terminate, suspend and resume have none). */
function requested(verb: ProcessVerb): unknown {
  if (verb.verb === 'setPriority') return { priorityClass: verb.priorityClass };
  if (verb.verb === 'setAffinity') return { processors: verb.processors };
  return undefined;
}

/**
 * One audit record per process a process action reached (a tree's descendants included), from the
 * per-process results it returned: refused when the console would not act (a critical process without
 * the override, a PID now naming another process), failed with the Win32 code when Windows refused.
 */
export function processActionRecords(verb: ProcessVerb, results: ActionResultsValue['results']): AuditRecord[] {
  const action = `process.${verb.verb}` as const;
  const after = requested(verb);
  return results.map((r): AuditRecord => {
    const target = { pid: r.pid, createTime: r.createTime, name: r.name };
    if (r.ok) return { action, target, ...(after === undefined ? {} : { after }), outcome: 'ok' };
    const refused = r.refusedAsCritical === true || r.error?.code === 'CONFLICT';
    return {
      action,
      target,
      ...(after === undefined ? {} : { after }),
      outcome: refused ? 'refused' : 'failed',
      ...(r.error?.win32Code === undefined ? {} : { win32Code: r.error.win32Code }),
      ...(r.error ? { message: r.error.message } : {}),
    };
  });
}

/** The records of a process action that ended as a whole (declined at the confirmation): one per target asked for. */
export function processRequestRecords(verb: ProcessVerb, targets: readonly ProcessKeyValue[], nameOf: (t: ProcessKeyValue) => string | undefined, error: unknown): AuditRecord[] {
  const after = requested(verb);
  const ended = outcomeOf(error);
  return targets.map((t) => {
    const name = nameOf(t);
    return {
      action: `process.${verb.verb}` as const,
      target: name === undefined ? { pid: t.pid, createTime: t.createTime } : { pid: t.pid, createTime: t.createTime, name },
      ...(after === undefined ? {} : { after }),
      ...ended,
    };
  });
}
