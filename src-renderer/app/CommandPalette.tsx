import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { matchCommands, type PaletteCommand } from '../shared/palette-commands';
import type { PaletteRegistry } from '../shared/palette-registry';

/**
 * The command palette (Ctrl+K, Ctrl+Shift+P): a modal dialog with a combobox and the list of every command
 * the views and the shell publish (WAI-ARIA combobox with a listbox popup: focus stays in the input, the
 * active option is `aria-activedescendant`). Arrows move, Enter runs, Escape or a click outside closes.
 * Disabled commands are listed with why and do nothing. `onClose` gets the chosen command (or null); the
 * shell puts focus back and runs it, so it goes through the same code path as the menus.
 */
export function CommandPalette({ registry, onClose }: { registry: PaletteRegistry; onClose: (chosen: PaletteCommand | null) => void }) {
  const commands = useSyncExternalStore(registry.subscribe, registry.all, registry.all);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const shown = useMemo(() => matchCommands(commands, query), [commands, query]);
  const active = Math.min(activeIndex, Math.max(0, shown.length - 1));
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const activeCommand = shown[active];

  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from id; the scroll follows the active option only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const choose = (command: PaletteCommand | undefined) => {
    if (!command || command.disabledReason) return;
    onClose(command);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = shown.length - 1;
    const move = (to: number) => {
      event.preventDefault();
      setActiveIndex(Math.max(0, Math.min(last, to)));
    };
    switch (event.key) {
      case 'ArrowDown':
        move(active >= last ? 0 : active + 1);
        break;
      case 'ArrowUp':
        move(active <= 0 ? last : active - 1);
        break;
      case 'PageDown':
        move(active + 8);
        break;
      case 'PageUp':
        move(active - 8);
        break;
      case 'Enter':
        event.preventDefault();
        choose(activeCommand);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        onClose(null);
        break;
      case 'Tab':
        // The input is the dialog's only stop: Tab stays in (the dialog pattern's focus trap).
        event.preventDefault();
        break;
    }
  };

  return (
    <div
      className="palette-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose(null);
      }}
    >
      <div className="palette" role="dialog" aria-modal="true" aria-label="Command palette" data-testid="palette" onKeyDown={onKeyDown}>
        <input
          ref={inputRef}
          className="palette__input"
          type="text"
          role="combobox"
          aria-label="Type a command"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeCommand ? optionId(active) : undefined}
          placeholder="Type a command, a tab or a setting…"
          spellCheck={false}
          autoComplete="off"
          data-testid="palette-input"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActiveIndex(0);
          }}
        />
        <ul className="palette__list" role="listbox" id={listId} aria-label="Commands">
          {shown.map((c, i) => (
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              className="palette__option"
              aria-selected={i === active}
              aria-disabled={c.disabledReason ? true : undefined}
              data-testid={c.id}
              onMouseMove={() => i !== active && setActiveIndex(i)}
              onClick={() => choose(c)}
            >
              <span className="palette__group">{c.group}</span>
              <span className="palette__label">
                {c.label}
                {c.detail ? <span className="palette__why"> · {c.detail}</span> : null}
                {c.disabledReason ? <span className="palette__why"> · {c.disabledReason}</span> : null}
              </span>
              {c.shortcut ? <kbd className="palette__shortcut">{c.shortcut}</kbd> : null}
            </li>
          ))}
        </ul>
        {shown.length === 0 ? (
          <p className="palette__empty" role="status">
            No command matches “{query.trim()}”.
          </p>
        ) : null}
        <p className="palette__hint">↑ ↓ move · Enter runs · Esc closes</p>
      </div>
    </div>
  );
}
