import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { PROCESS_COLUMNS, type ProcessColumn } from '../../src-preload/contract/process-fields';
import { COLUMN_SPECS, gridTemplate, isProcessColumn } from './process-columns';
import type { DisplayRow, SortSpec } from './process-rows';
import { clickRow, moveFocus, selectAll, toggleFocused, type Move, type Selection } from '../shared/selection';

/** Fixed row height: the virtualizer needs no measuring, and 24 px is System Informer's density. */
export const ROW_HEIGHT = 24;
/** Rows rendered beyond the viewport on each side, so fast scrolling does not show blanks. */
const OVERSCAN = 6;

/** Keyboard commands the table hands to its owner (the actions live there). */
export type TableCommand = 'terminate' | 'terminateTree' | 'copy';

/** Props of the Processes table. */
export interface ProcessTableProps {
  /** The shown rows, in order (useDisplayRows). */
  readonly rows: readonly DisplayRow[];
  /** Shown columns, in order; `name` first. */
  readonly columns: readonly ProcessColumn[];
  readonly view: 'tree' | 'flat';
  /**
   * The store's version. Numbers change in place inside the same row objects, so this is what tells
   * the table to re-render the visible cells.
   */
  readonly version: number;
  readonly sort: SortSpec | null;
  readonly onSortChange: (sort: SortSpec | null) => void;
  readonly selection: Selection;
  readonly onSelectionChange: (selection: Selection) => void;
  readonly onToggleExpanded: (key: string, expanded: boolean) => void;
  /** A context menu asked for at a point (right-click, the Menu key, Shift+F10), for a cell's column if any. */
  readonly onContextMenu: (at: { x: number; y: number }, key: string, column: ProcessColumn | null) => void;
  readonly onCommand: (command: TableCommand) => void;
  /** A row to scroll into view when it changes (a process shown from a Services PID link); null for none. */
  readonly revealKey?: string | null;
}

function rowElementId(key: string): string {
  return `process-row-${key}`;
}

const MOVES: Readonly<Record<string, Move>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'home',
  End: 'end',
};

/**
 * The virtualized process table (TanStack Table + TanStack Virtual). Only the rows in view (plus a few)
 * are in the DOM whatever the process count; TanStack builds its row model from that window only, with
 * row ids = store keys, so its cost does not grow with N. Sorting is manual: the order comes from
 * useDisplayRows (which also builds the tree); TanStack holds the sort state, column order and visibility.
 * One tab stop: the grid itself, with aria-activedescendant naming the focused row.
 */
export const ProcessTable = memo(function ProcessTable(props: ProcessTableProps) {
  const { rows, columns, view, sort, selection, onSelectionChange, onSortChange } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => rows[index]?.entry.key ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const offset = items[0]?.start ?? 0;
  // The same array while the window and the order stay put (numbers change inside the row objects):
  // TanStack rebuilds its row model only when `data` changes identity.
  const windowRows = useMemo(() => rows.slice(firstIndex, lastIndex + 1), [rows, firstIndex, lastIndex]);

  const columnDefs = useMemo<ColumnDef<DisplayRow>[]>(
    () =>
      PROCESS_COLUMNS.map((id) => ({
        id,
        header: COLUMN_SPECS[id].label,
        accessorFn: (r: DisplayRow) => COLUMN_SPECS[id].value(r.entry.row),
        sortDescFirst: COLUMN_SPECS[id].kind === 'number',
      })),
    [],
  );
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort.column, desc: sort.desc }] : []), [sort]);
  const columnVisibility = useMemo(() => Object.fromEntries(PROCESS_COLUMNS.map((c) => [c, columns.includes(c)])), [columns]);

  const table = useReactTable({
    data: windowRows,
    columns: columnDefs,
    getRowId: (r) => r.entry.key,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // We page and expand nothing through TanStack. Left on, a new `data` makes getCoreRowModel queue a
    // pagination reset (a state update), which re-renders with new data again: an endless render loop.
    autoResetAll: false,
    enableMultiSort: false,
    enableSortingRemoval: true,
    state: { sorting, columnOrder: columns as string[], columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first && isProcessColumn(first.id) ? { column: first.id, desc: first.desc } : null);
    },
  });

  const revealKey = props.revealKey ?? null;
  // Scroll to the row once, when it first shows (rows are rebuilt every tick; later ticks must not pull the view back).
  const revealedRef = useRef<string | null>(null);
  useEffect(() => {
    if (revealKey === null || revealedRef.current === revealKey) return;
    const index = rows.findIndex((r) => r.entry.key === revealKey);
    if (index < 0) return;
    revealedRef.current = revealKey;
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [revealKey, rows, virtualizer]);

  const order = (): string[] => rows.map((r) => r.entry.key);
  const indexOf = (key: string | null) => (key === null ? -1 : rows.findIndex((r) => r.entry.key === key));

  function focusRowAt(next: Selection) {
    onSelectionChange(next);
    const index = indexOf(next.focus);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const ctrl = event.ctrlKey || event.metaKey;
    const mods = { ctrl, shift: event.shiftKey };
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 20) / ROW_HEIGHT) - 1);
      focusRowAt(moveFocus(selection, move, mods, order(), page));
      return;
    }
    const focused = selection.focus;
    const focusedRow = focused === null ? undefined : rows[indexOf(focused)];
    switch (event.key) {
      case ' ':
        event.preventDefault();
        onSelectionChange(toggleFocused(selection));
        return;
      case 'Delete':
        event.preventDefault();
        props.onCommand(event.shiftKey ? 'terminateTree' : 'terminate');
        return;
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return;
        event.preventDefault();
        if (focused !== null) {
          const el = document.getElementById(rowElementId(focused));
          const rect = el?.getBoundingClientRect() ?? scrollRef.current?.getBoundingClientRect();
          props.onContextMenu({ x: (rect?.left ?? 0) + 24, y: (rect?.bottom ?? 0) - 2 }, focused, null);
        }
        return;
      case 'ArrowRight':
      case 'ArrowLeft':
        if (view !== 'tree' || !focusedRow) return;
        event.preventDefault();
        if (event.key === 'ArrowRight' && focusedRow.hasChildren && !focusedRow.expanded) props.onToggleExpanded(focusedRow.entry.key, true);
        else if (event.key === 'ArrowLeft' && focusedRow.expanded) props.onToggleExpanded(focusedRow.entry.key, false);
        else if (event.key === 'ArrowLeft') focusRowAt(moveToParent(selection, rows, indexOf(focusedRow.entry.key)));
        return;
    }
    if (ctrl && (event.key === 'a' || event.key === 'A')) {
      event.preventDefault();
      onSelectionChange(selectAll(selection, order()));
    } else if (ctrl && (event.key === 'c' || event.key === 'C')) {
      event.preventDefault();
      props.onCommand('copy');
    }
  }

  function rowAt(event: MouseEvent): { key: string; column: ProcessColumn | null } | null {
    const target = event.target as Element;
    const rowEl = target.closest<HTMLElement>('[data-key]');
    const key = rowEl?.dataset.key;
    if (!key) return null;
    const col = target.closest<HTMLElement>('[data-col]')?.dataset.col ?? '';
    return { key, column: isProcessColumn(col) ? col : null };
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const hit = rowAt(event);
    if (!hit) return;
    if ((event.target as Element).closest('[data-expander]')) {
      const row = rows[indexOf(hit.key)];
      if (row) props.onToggleExpanded(hit.key, !row.expanded);
      return;
    }
    onSelectionChange(clickRow(selection, hit.key, { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey }, order()));
  }

  function onContextMenu(event: MouseEvent<HTMLDivElement>) {
    const hit = rowAt(event);
    if (!hit) return;
    event.preventDefault();
    props.onContextMenu({ x: event.clientX, y: event.clientY }, hit.key, hit.column);
  }

  const header = table.getHeaderGroups()[0];
  const template = gridTemplate(columns);
  const width = columns.reduce((sum, c) => sum + COLUMN_SPECS[c].width, 0);
  const focusedInView = selection.focus !== null && indexOf(selection.focus) >= 0 ? selection.focus : null;
  const tree = view === 'tree';

  return (
    <div
      ref={scrollRef}
      className="ptable"
      role={tree ? 'treegrid' : 'grid'}
      aria-label="Processes"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-multiselectable="true"
      aria-activedescendant={focusedInView === null ? undefined : rowElementId(focusedInView)}
      tabIndex={0}
      data-testid="process-table"
      onKeyDown={onKeyDown}
      style={{ '--ptable-columns': template, '--ptable-width': `${width}px` } as CSSProperties}
    >
      <div className="ptable__head" role="rowgroup">
        <div className="ptable__row ptable__row--head" role="row" aria-rowindex={1}>
          {header?.headers.map((h, i) => {
            const sorted = h.column.getIsSorted();
            const spec = COLUMN_SPECS[h.column.id as ProcessColumn];
            return (
              <div
                key={h.id}
                role="columnheader"
                aria-colindex={i + 1}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={`ptable__cell ptable__cell--head ptable__cell--${spec.kind}`}
              >
                <button
                  type="button"
                  tabIndex={-1}
                  className="ptable__sort"
                  title={`Sort by ${spec.label}`}
                  onClick={h.column.getToggleSortingHandler()}
                >
                  {spec.label}
                  <span aria-hidden="true" className="ptable__sort-mark">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div
        className="ptable__body"
        role="rowgroup"
        style={{ height: `${virtualizer.getTotalSize()}px` }}
        onClick={onClick}
        onContextMenu={onContextMenu}
      >
        <div className="ptable__window" style={{ transform: `translateY(${offset}px)` }}>
          {table.getRowModel().rows.map((row, i) => {
            const d = row.original;
            const { entry } = d;
            const selected = selection.selected.has(entry.key);
            const classes = ['ptable__row', `ptable__row--${entry.status}`];
            if (selected) classes.push('ptable__row--selected');
            if (entry.key === focusedInView) classes.push('ptable__row--focused');
            if (!d.matched) classes.push('ptable__row--context');
            return (
              <div
                // Keyed by slot in the window, not by process: when a CPU sort reorders rows every tick,
                // React then rewrites text in the same DOM nodes instead of tearing rows down and building
                // new ones (focus lives on the grid, so no DOM focus is lost). Row identity stays row.id.
                key={`slot-${i}`}
                id={rowElementId(entry.key)}
                role="row"
                aria-rowindex={firstIndex + i + 2}
                aria-selected={selected}
                aria-level={tree ? d.depth + 1 : undefined}
                aria-expanded={tree && d.hasChildren ? d.expanded : undefined}
                className={classes.join(' ')}
                data-testid="process-row"
                data-pid={entry.row.pid}
                data-key={entry.key}
                data-status={entry.status}
              >
                {row.getVisibleCells().map((cell, c) => {
                  const id = cell.column.id as ProcessColumn;
                  const spec = COLUMN_SPECS[id];
                  const text = spec.text(entry.row);
                  if (id === 'name') {
                    return (
                      <div
                        key={id}
                        role="gridcell"
                        aria-colindex={c + 1}
                        data-col={id}
                        className="ptable__cell ptable__cell--text ptable__cell--name"
                        title={entry.row.imagePath ?? entry.row.detailsError ?? text}
                      >
                        {tree ? (
                          <span className="ptable__indent" style={{ width: `${d.depth * 14}px` }} aria-hidden="true" />
                        ) : null}
                        {tree ? (
                          d.hasChildren ? (
                            <span className="ptable__expander" data-expander="" aria-hidden="true">
                              {d.expanded ? '▾' : '▸'}
                            </span>
                          ) : (
                            <span className="ptable__expander" aria-hidden="true" />
                          )
                        ) : null}
                        <span className="ptable__name">{text}</span>
                        {entry.status === 'exited' ? <span className="visually-hidden"> (exited)</span> : null}
                        {entry.status === 'new' ? <span className="visually-hidden"> (new)</span> : null}
                      </div>
                    );
                  }
                  return (
                    <div
                      key={id}
                      role="gridcell"
                      aria-colindex={c + 1}
                      data-col={id}
                      className={`ptable__cell ptable__cell--${spec.kind}`}
                      title={spec.kind === 'text' ? (text === '—' && entry.row.detailsError ? entry.row.detailsError : text) : undefined}
                    >
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

/** ArrowLeft on a leaf or collapsed node: to its parent row (the nearest row above with less depth). */
function moveToParent(selection: Selection, rows: readonly DisplayRow[], index: number): Selection {
  const row = rows[index];
  if (!row || row.depth === 0) return selection;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = rows[i];
    if (candidate && candidate.depth < row.depth) {
      return { selected: new Set([candidate.entry.key]), anchor: candidate.entry.key, focus: candidate.entry.key };
    }
  }
  return selection;
}
