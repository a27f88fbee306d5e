import type { ActionResultsValue, ProcessKeyValue, ProcessRowValue } from '../../../src-preload/contract/schemas';
import { AppError } from '../app-error';
import type { DesktopPort } from '../desktop/desktop-port';
import { promptValue } from '../dialog-text';
import { isCriticalProcess } from './critical-processes';
import type { ProcessCollector } from './process-collector';
import { descendantsFirst } from './process-tree';
import type { ActionOutcome, PriorityClass, ProcessAction, ProcessControl, ProcessSource } from './process-source';

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

/** Up to this many processes the prompt shows each one's image path too; beyond it, one short line each. */
const LISTED_WITH_PATHS = 15;

/** What an action needs of a process: its identity, and what the dialog and the critical rule show. */
type ActionTarget = Pick<ProcessRowValue, 'pid' | 'createTime' | 'name' | 'imagePath' | 'critical'>;

const label = (row: Pick<ProcessRowValue, 'name' | 'pid'>) => `${promptValue(row.name)} (PID ${row.pid})`;

/**
 * Every process the action will reach, never "and N more": a confirmation names all of what will happen. A list
 * too long for the prompt is refused whole by the prompt guard (nothing is done), so the admin selects fewer.
 */
function describeForDialog(rows: readonly ActionTarget[]): string {
  const withPaths = rows.length <= LISTED_WITH_PATHS;
  return rows.map((r) => `• ${label(r)}${withPaths && r.imagePath ? `  ${promptValue(r.imagePath)}` : ''}`).join('\n');
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
/**
 * Verbs the main process confirms even on ordinary processes: ending them loses data; suspending the wrong
 * svchost or dwm freezes the desktop; a realtime process can starve the machine.
 */
const needsConfirmation = (v: ProcessVerb) => destructive(v) || v.verb === 'suspend' || (v.verb === 'setPriority' && v.priorityClass === 'realtime');

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
    /** For trees: a fresh snapshot covers children too new to be in the table yet. */
    private readonly source: ProcessSource,
    private readonly consolePids: ReadonlySet<number>,
  ) {}

  /**
   * The root and every live descendant, deepest first, from a fresh snapshot: the table lags (details are
   * read within a per-tick budget), and a tree's youngest children are exactly the ones it may not show yet.
   */
  private treeOf(root: ActionTarget): ActionTarget[] {
    const raws = this.source.snapshot();
    const rootRaw = raws.find((r) => r.pid === root.pid && r.createTime.toString() === root.createTime);
    if (!rootRaw) return [root];
    return descendantsFirst(rootRaw, raws).map((r) => {
      const createTime = r.createTime.toString();
      return this.collector.find(r.pid, createTime) ?? { pid: r.pid, createTime, name: r.name, imagePath: null, critical: isCriticalProcess(r.pid, r.name, this.consolePids) };
    });
  }

  async run(request: ProcessActionRequest, verb: ProcessVerb, desktop: DesktopPort): Promise<ActionResultsValue> {
    const results: ActionResultsValue['results'] = [];
    const act: ActionTarget[] = [];
    const seen = new Set<string>();

    for (const target of request.targets) {
      const row = this.collector.find(target.pid, target.createTime);
      if (!row) {
        results.push({ ...target, name: '', ok: false, error: { code: 'CONFLICT', message: `Process ${target.pid} has exited or its PID now names another process.` } });
        continue;
      }
      const rows = verb.verb === 'terminateTree' ? this.treeOf(row) : [row];
      for (const r of rows) {
        const key = `${r.pid}:${r.createTime}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (this.collector.isCritical(r) && !request.allowCritical) {
          results.push({
            pid: r.pid,
            createTime: r.createTime,
            name: r.name,
            ok: false,
            refusedAsCritical: true,
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

    const critical = act.filter((r) => this.collector.isCritical(r));
    if (needsConfirmation(verb) || critical.length > 0) {
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

    const targets = act.map((r) => ({ pid: r.pid, createTime: BigInt(r.createTime) }));
    let outcomes: ActionOutcome[];
    if (verb.verb === 'terminateTree') {
      // Freeze the whole tree first so no parent can start new workers while its children are ended, then
      // terminate descendants first; anything suspended that could not be terminated is resumed, not left frozen.
      const suspended = this.control.act(targets, { kind: 'suspend' });
      outcomes = this.control.act(targets, toAction(verb));
      const thawed = targets.filter((_, i) => suspended[i]?.ok && !outcomes[i]?.ok);
      if (thawed.length) this.control.act(thawed, { kind: 'resume' });
    } else {
      outcomes = this.control.act(targets, toAction(verb));
    }
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
