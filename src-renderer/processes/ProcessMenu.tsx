import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { PRIORITY_CLASSES, type PriorityClassName } from '../../src-preload/contract/process-fields';
import { PRIORITY_LABELS, type ProcessActionRequest } from './process-actions';

/** One entry of the menu. */
export type MenuEntry =
  | {
      readonly type: 'item';
      readonly label: string;
      /** The key that does the same from the table ("Del"), shown and given as aria-keyshortcuts. */
      readonly shortcut?: { readonly shown: string; readonly aria: string };
      readonly testId: string;
      readonly checked?: boolean;
      readonly disabled?: boolean;
      readonly onSelect: () => void;
    }
  | { readonly type: 'separator' }
  | { readonly type: 'group'; readonly label: string; readonly items: readonly MenuEntry[] };

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

/**
 * The context menu (WAI-ARIA menu pattern): opens at the pointer or the focused row, focus on the first
 * item; arrows, Home and End move; Enter or Space run an item; Escape, Tab or a click outside close it
 * and the owner puts focus back on the table. Priority is a group of radio items.
 */
export function ProcessMenu({ at, model, handlers }: { at: { x: number; y: number }; model: ProcessMenuModel; handlers: ProcessMenuHandlers }) {
  const menuRef = useRef<HTMLDivElement>(null);
  const entries = processMenuEntries(model, handlers);

  // Keep the menu inside the window (it opens at the pointer, which may be near an edge).
  useLayoutEffect(() => {
    const el = menuRef.current;
    if (!el) return;
    const rect = el.getBoundingClientRect();
    el.style.left = `${Math.max(4, Math.min(at.x, window.innerWidth - rect.width - 4))}px`;
    el.style.top = `${Math.max(4, Math.min(at.y, window.innerHeight - rect.height - 4))}px`;
  }, [at]);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (at + 1) % all.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      handlers.onClose();
      return;
    }
    if (next !== null) {
      event.preventDefault();
      all[next]?.focus();
    }
  }

  function run(item: Extract<MenuEntry, { type: 'item' }>) {
    if (item.disabled) return;
    handlers.onClose();
    item.onSelect();
  }

  const renderEntries = (list: readonly MenuEntry[], radio: boolean) =>
    list.map((entry, i) => {
      if (entry.type === 'separator') return <div key={`sep-${i}`} role="separator" className="menu__separator" />;
      if (entry.type === 'group') {
        return (
          <div key={entry.label} role="group" aria-label={entry.label} className="menu__group">
            <div className="menu__group-label" aria-hidden="true">
              {entry.label}
            </div>
            {renderEntries(entry.items, true)}
          </div>
        );
      }
      return (
        <button
          key={entry.testId}
          type="button"
          role={radio ? 'menuitemradio' : 'menuitem'}
          aria-checked={radio ? entry.checked === true : undefined}
          aria-disabled={entry.disabled ? true : undefined}
          aria-keyshortcuts={entry.shortcut?.aria}
          tabIndex={-1}
          className="menu__item"
          data-testid={entry.testId}
          onClick={() => run(entry)}
        >
          <span className="menu__check" aria-hidden="true">
            {radio && entry.checked ? '●' : ''}
          </span>
          <span className="menu__label">{entry.label}</span>
          {entry.shortcut ? (
            <span className="menu__shortcut" aria-hidden="true">
              {entry.shortcut.shown}
            </span>
          ) : null}
        </button>
      );
    });

  return (
    <>
      <div
        className="menu-backdrop"
        onMouseDown={handlers.onClose}
        onContextMenu={(e) => {
          e.preventDefault();
          handlers.onClose();
        }}
      />
      <div
        ref={menuRef}
        className="menu"
        role="menu"
        aria-label={`Actions for ${model.subject}`}
        data-testid="process-menu"
        onKeyDown={onKeyDown}
        style={{ left: `${at.x}px`, top: `${at.y}px` }}
      >
        {renderEntries(entries, false)}
      </div>
    </>
  );
}
