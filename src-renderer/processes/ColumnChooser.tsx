import { useEffect, useId, useRef } from 'react';
import { DEFAULT_PROCESS_COLUMNS, PROCESS_COLUMNS, type ProcessColumn } from '../../src-preload/contract/process-fields';
import { dialogKeyHandler } from '../shared/dialog-keys';
import { COLUMN_SPECS, moveColumn, toggleColumn } from './process-columns';

/**
 * The column chooser: every column with a checkbox (Name is always shown), the shown ones first in their
 * order with Move up / Move down (up is left in the table), and Restore defaults. Each change goes to settings:setProcessView
 * through `onChange`; the table shows what main saved.
 */
export function ColumnChooser({
  columns,
  onChange,
  onClose,
}: {
  columns: readonly ProcessColumn[];
  onChange: (columns: ProcessColumn[]) => void;
  onClose: () => void;
}) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const hidden = PROCESS_COLUMNS.filter((c) => !columns.includes(c));

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('input:not(:disabled)')?.focus();
  }, []);

  // The keyboard stays on the column just changed: a shown or hidden column moves to the other list (the
  // focused box is re-created there), and Move up / Move down turns disabled at the end; either way focus
  // would fall to the page. After a move: the same button, or the other one once this one is disabled.
  const changed = useRef<{ id: ProcessColumn; by: -1 | 0 | 1 } | null>(null);
  useEffect(() => {
    const last = changed.current;
    changed.current = null;
    const box = ref.current;
    if (!last || !box) return;
    const label = COLUMN_SPECS[last.id].label;
    if (last.by === 0) {
      [...box.querySelectorAll('label')].find((l) => l.textContent === label)?.querySelector('input')?.focus();
      return;
    }
    const button = (dir: 'up' | 'down') => box.querySelector<HTMLButtonElement>(`button[aria-label="Move ${label} ${dir}"]`);
    const same = button(last.by < 0 ? 'up' : 'down');
    (same && !same.disabled ? same : button(last.by < 0 ? 'down' : 'up'))?.focus();
  }, [columns]);
  const move = (id: ProcessColumn, by: -1 | 1) => {
    changed.current = { id, by };
    onChange(moveColumn(columns, id, by));
  };
  const toggle = (id: ProcessColumn, shown: boolean) => {
    changed.current = { id, by: 0 };
    onChange(toggleColumn(columns, id, shown));
  };

  const row = (id: ProcessColumn, shown: boolean, index: number) => {
    const label = COLUMN_SPECS[id].label;
    return (
      <li key={id} className="chooser__item">
        <label>
          <input
            type="checkbox"
            checked={shown}
            disabled={id === 'name'}
            onChange={(e) => toggle(id, e.currentTarget.checked)}
          />
          {label}
        </label>
        {shown && id !== 'name' ? (
          <span className="chooser__move">
            <button type="button" aria-label={`Move ${label} up`} disabled={index <= 1} onClick={() => move(id, -1)}>
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${label} down`}
              disabled={index >= columns.length - 1}
              onClick={() => move(id, 1)}
            >
              ↓
            </button>
          </span>
        ) : null}
      </li>
    );
  };

  return (
    <div ref={ref} className="chooser" role="dialog" aria-labelledby={titleId} data-testid="column-chooser" onKeyDown={dialogKeyHandler(onClose)}>
      <h2 id={titleId} className="chooser__title">
        Columns
      </h2>
      <ul className="chooser__list" aria-label="Shown columns, in order">
        {columns.map((id, i) => row(id, true, i))}
      </ul>
      {hidden.length > 0 ? (
        <ul className="chooser__list" aria-label="Hidden columns">
          {hidden.map((id) => row(id, false, -1))}
        </ul>
      ) : null}
      <div className="chooser__buttons">
        <button type="button" onClick={() => onChange([...DEFAULT_PROCESS_COLUMNS])}>
          Restore default columns
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
