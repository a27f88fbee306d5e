import type { ActionResultsValue, ProcessKeyValue, ProcessRowValue } from '../../../src-preload/contract/schemas';
import { AppError } from '../app-error';
import type { DesktopPort } from '../desktop/desktop-port';
import type { ProcessCollector } from './process-collector';
import { descendantsFirst } from './process-tree';
import type { ActionOutcome, PriorityClass, ProcessAction, ProcessControl } from './process-source';

/** What the admin asked for, as the Processes view names it. */
export type ProcessVerb =
  | { verb: 'terminate' }
  | { verb: 'terminateTree' }
  | { verb: 'suspend' }
  | { verb: 'resume' }
  | { verb: 'setPriority'; priorityClass: PriorityClass }
  | { verb: 'setAffinity'; processors: readonly number[] };

export interface ProcessActionRequest {
  targets: readonly ProcessKeyValue[];
  allowCritical?: boolean | undefined;
}

/** Exit code given to processes the admin terminates (what Task Manager uses too). */
export const TERMINATED_BY_ADMIN_EXIT_CODE = 1;

const LISTED_IN_DIALOG = 15;

const label = (row: Pick<ProcessRowValue, 'name' | 'pid'>) => `${row.name} (PID ${row.pid})`;

function describeForDialog(rows: readonly ProcessRowValue[]): string {
  const lines = rows.slice(0, LISTED_IN_DIALOG).map((r) => `• ${label(r)}${r.imagePath ? `  ${r.imagePath}` : ''}`);
  if (rows.length > LISTED_IN_DIALOG) lines.push(`• and ${rows.length - LISTED_IN_DIALOG} more`);
  return lines.join('\n');
}

function toAction(v: ProcessVerb): ProcessAction {
  switch (v.verb) {
    case 'terminate':
    case 'terminateTree':
      return { kind: 'terminate', exitCode: TERMINATED_BY_ADMIN_EXIT_CODE };
    case 'suspend':
      return { kind: 'suspend' };
    case 'resume':
      return { kind: 'resume' };
    case 'setPriority':
      return { kind: 'setPriority', priorityClass: v.priorityClass };
    case 'setAffinity':
      return { kind: 'setAffinity', mask: v.processors.reduce((mask, p) => mask | (1n << BigInt(p)), 0n) };
  }
}

const destructive = (v: ProcessVerb) => v.verb === 'terminate' || v.verb === 'terminateTree';

const VERB_TEXT: Record<ProcessVerb['verb'], { title: string; button: string; doing: string }> = {
  terminate: { title: 'Terminate processes', button: 'Terminate', doing: 'terminate' },
  terminateTree: { title: 'Terminate process trees', button: 'Terminate tree', doing: 'terminate, with all their descendants,' },
  suspend: { title: 'Suspend processes', button: 'Suspend', doing: 'suspend' },
  resume: { title: 'Resume processes', button: 'Resume', doing: 'resume' },
  setPriority: { title: 'Change priority', button: 'Change priority', doing: 'change the priority of' },
  setAffinity: { title: 'Change affinity', button: 'Change affinity', doing: 'change the processor affinity of' },
};

/**
 * Runs one process action for the admin: resolves each target to the exact process seen in the table
 * (PID and creation time), expands trees descendants first, refuses critical processes unless explicitly
 * overridden, asks the main process's own dialog for anything destructive or critical, then acts and
 * reports per target. The Win32 layer re-verifies each (PID, creation time) with the handle open.
 */
export class ProcessActions {
  constructor(
    private readonly collector: ProcessCollector,
    private readonly control: ProcessControl,
  ) {}

  async run(request: ProcessActionRequest, verb: ProcessVerb, desktop: DesktopPort): Promise<ActionResultsValue> {
    const results: ActionResultsValue['results'] = [];
    const act: ProcessRowValue[] = [];
    const seen = new Set<string>();
    const nodes = verb.verb === 'terminateTree' ? this.collector.treeNodes() : [];

    for (const target of request.targets) {
      const row = this.collector.find(target.pid, target.createTime);
      if (!row) {
        results.push({ ...target, name: '', ok: false, error: { code: 'CONFLICT', message: `Process ${target.pid} has exited or its PID now names another process.` } });
        continue;
      }
      const root = nodes.find((n) => n.row === row);
      const rows = root ? descendantsFirst(root, nodes).map((n) => n.row) : [row];
      for (const r of rows) {
        const key = `${r.pid}:${r.createTime}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (r.critical && !request.allowCritical) {
          results.push({
            pid: r.pid,
            createTime: r.createTime,
            name: r.name,
            ok: false,
            error: {
              code: 'ACCESS_DENIED',
              message: `${label(r)} is a critical process: stopping it can crash Windows or this console. It was left alone; use the critical-process override to ${VERB_TEXT[verb.verb].doing} it anyway.`,
            },
          });
          continue;
        }
        act.push(r);
      }
    }
    if (act.length === 0) return { results };

    const critical = act.filter((r) => r.critical);
    if (destructive(verb) || critical.length > 0) {
      const text = VERB_TEXT[verb.verb];
      const warning = critical.length
        ? `\n\nWARNING: ${critical.map(label).join(', ')} ${critical.length === 1 ? 'is a critical process' : 'are critical processes'}. Windows may stop with a blue screen, sign you out, or this console may close.`
        : '';
      const confirmed = await desktop.confirm({
        title: text.title,
        message: `Do you want to ${text.doing} ${act.length === 1 ? label(act[0]!) : `${act.length} processes`}?`,
        detail: `${describeForDialog(act)}${warning}${destructive(verb) ? '\n\nUnsaved data in these processes will be lost.' : ''}`,
        confirmLabel: text.button,
        destructive: true,
      });
      if (!confirmed) throw new AppError('CANCELLED', `${text.title}: cancelled; nothing was changed.`);
    }

    const outcomes: ActionOutcome[] = this.control.act(
      act.map((r) => ({ pid: r.pid, createTime: BigInt(r.createTime) })),
      toAction(verb),
    );
    act.forEach((r, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) results.push({ pid: r.pid, createTime: r.createTime, name: r.name, ok: true });
      else {
        const error = outcome?.error ?? new AppError('INTERNAL', 'no outcome reported');
        results.push({
          pid: r.pid,
          createTime: r.createTime,
          name: r.name,
          ok: false,
          error: error.win32Code === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, win32Code: error.win32Code },
        });
      }
    });
    return { results };
  }
}
