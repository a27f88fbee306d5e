import { PRIORITY_CLASSES, type PriorityClassName } from '../../src-preload/contract/process-fields';
import { Menu, type MenuEntry } from '../shared/Menu';
import { PRIORITY_LABELS, type ProcessActionRequest } from './process-actions';

/** What the process context menu acts on and can do. */
export interface ProcessMenuModel {
  /** "notepad.exe (PID 1234)" or "3 processes": names the menu for screen readers. */
  readonly subject: string;
  /** How many processes it acts on (0 when every selected one has exited). */
  readonly count: number;
  /** The priority class all targets share, if known (a radio mark in the Priority group). */
  readonly priority: PriorityClassName | null;
  /** The column right-clicked, for "Copy <column>"; null from the keyboard. */
  readonly columnLabel: string | null;
}

/**
 * The class every target shares, from what was read (processes:getPriorityClasses, GetPriorityClass) where
 * it answered, else from the snapshot's base priority; null when they differ or any is unknown.
 */
export function sharedPriority(targets: readonly { readonly key: string; readonly fromSnapshot: PriorityClassName | null }[], read: ReadonlyMap<string, PriorityClassName | null> | null): PriorityClassName | null {
  let shared: PriorityClassName | null = null;
  for (const t of targets) {
    const current = read?.get(t.key) ?? t.fromSnapshot;
    if (current === null || (shared !== null && shared !== current)) return null;
    shared = current;
  }
  return shared;
}

/** What the menu's items do; the owner runs the actions. */
export interface ProcessMenuHandlers {
  readonly onAction: (request: ProcessActionRequest) => void;
  readonly onAffinity: () => void;
  readonly onCopyCell: () => void;
  readonly onCopyRows: () => void;
  readonly onCopyCommandLine: () => void;
  readonly onClose: () => void;
}

/** The menu's entries (pure: tests read the labels, test ids and shortcuts from here). */
export function processMenuEntries(model: ProcessMenuModel, h: ProcessMenuHandlers): MenuEntry[] {
  const none = model.count === 0;
  const act = (request: ProcessActionRequest) => () => h.onAction(request);
  const entries: MenuEntry[] = [
    { type: 'item', label: 'Terminate', shortcut: { shown: 'Del', aria: 'Delete' }, testId: 'process-menu-terminate', disabled: none, onSelect: act({ kind: 'terminate' }) },
    {
      type: 'item',
      label: 'Terminate tree',
      shortcut: { shown: 'Shift+Del', aria: 'Shift+Delete' },
      testId: 'process-menu-terminate-tree',
      disabled: none,
      onSelect: act({ kind: 'terminateTree' }),
    },
    { type: 'item', label: 'Suspend', testId: 'process-menu-suspend', disabled: none, onSelect: act({ kind: 'suspend' }) },
    { type: 'item', label: 'Resume', testId: 'process-menu-resume', disabled: none, onSelect: act({ kind: 'resume' }) },
    { type: 'separator' },
    {
      type: 'group',
      label: 'Priority',
      items: PRIORITY_CLASSES.map((p) => ({
        type: 'item' as const,
        label: PRIORITY_LABELS[p],
        testId: `process-menu-priority-${p}`,
        checked: model.priority === p,
        disabled: none,
        onSelect: act({ kind: 'setPriority', priorityClass: p }),
      })),
    },
    { type: 'item', label: 'Set affinity…', testId: 'process-menu-affinity', disabled: none, onSelect: h.onAffinity },
    { type: 'separator' },
  ];
  if (model.columnLabel !== null) {
    entries.push({ type: 'item', label: `Copy ${model.columnLabel}`, testId: 'process-menu-copy-cell', onSelect: h.onCopyCell });
  }
  entries.push(
    { type: 'item', label: model.count > 1 ? 'Copy rows' : 'Copy row', shortcut: { shown: 'Ctrl+C', aria: 'Control+C' }, testId: 'process-menu-copy-rows', onSelect: h.onCopyRows },
    { type: 'item', label: 'Copy command line', testId: 'process-menu-copy-command-line', onSelect: h.onCopyCommandLine },
  );
  return entries;
}

/** The process context menu: the shared Menu with the process actions, copy items and a Priority radio group. */
export function ProcessMenu({ at, model, handlers }: { at: { x: number; y: number }; model: ProcessMenuModel; handlers: ProcessMenuHandlers }) {
  return (
    <Menu
      at={at}
      label={`Actions for ${model.subject}`}
      testId="process-menu"
      entries={processMenuEntries(model, handlers)}
      onClose={handlers.onClose}
    />
  );
}
