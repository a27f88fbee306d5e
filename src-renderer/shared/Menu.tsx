import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';

/** One entry of a context menu. */
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

/**
 * A context menu (WAI-ARIA menu pattern): opens at the pointer or the focused row, focus on the first
 * enabled item; arrows, Home and End move; Enter or Space run an item; Escape, Tab or a click outside
 * close it and the owner puts focus back where it was. A group's items are radio items.
 */
export function Menu({
  at,
  label,
  testId,
  entries,
  onClose,
}: {
  at: { x: number; y: number };
  /** Names the menu for screen readers: "Actions for notepad.exe (PID 1234)". */
  label: string;
  testId: string;
  entries: readonly MenuEntry[];
  onClose: () => void;
}) {
  const menuRef = useRef<HTMLDivElement>(null);

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
      onClose();
      return;
    }
    if (next !== null) {
      event.preventDefault();
      all[next]?.focus();
    }
  }

  function run(item: Extract<MenuEntry, { type: 'item' }>) {
    if (item.disabled) return;
    onClose();
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
        onMouseDown={onClose}
        onContextMenu={(e) => {
          e.preventDefault();
          onClose();
        }}
      />
      <div
        ref={menuRef}
        className="menu"
        role="menu"
        aria-label={label}
        data-testid={testId}
        onKeyDown={onKeyDown}
        style={{ left: `${at.x}px`, top: `${at.y}px` }}
      >
        {renderEntries(entries, false)}
      </div>
    </>
  );
}
