import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { clickRow, moveFocus, selectAll, toggleFocused, type Move, type Selection } from '../shared/selection';
import {
  isPendingState,
  isServiceColumn,
  SERVICE_COLUMN_SPECS,
  SERVICE_COLUMNS,
  serviceGridTemplate,
  type ServiceColumn,
  type ServiceSort,
} from './service-columns';
import { progressFraction, progressText, type ProgressMap } from './service-progress';
import type { ServiceEntry } from './service-store';

/** Fixed row height, as in the process table. */
const ROW_HEIGHT = 24;
const OVERSCAN = 6;

/** Keyboard commands the table hands to its owner. */
export type ServiceTableCommand = 'details' | 'copy';

/** Props of the Services table. */
export interface ServiceTableProps {
  /** The shown rows, in order. */
  readonly rows: readonly ServiceEntry[];
  /** The store's version: rows change inside the same objects, so this is what re-renders the visible cells. */
  readonly version: number;
  readonly progress: ProgressMap;
  readonly sort: ServiceSort | null;
  readonly onSortChange: (sort: ServiceSort | null) => void;
  readonly selection: Selection;
  readonly onSelectionChange: (selection: Selection) => void;
  /** A context menu asked for at a point (right-click, the Menu key, Shift+F10). */
  readonly onContextMenu: (at: { x: number; y: number }, key: string) => void;
  readonly onCommand: (command: ServiceTableCommand) => void;
  /** The PID cell's link: show this process in the Processes tab. */
  readonly onShowProcess: (pid: number) => void;
  /** A row to scroll into view (after a new service appears selected, say); null for none. */
  readonly revealKey: string | null;
}

/** The element id of a row (aria-activedescendant): the key percent-encoded, as an id may hold no spaces. */
export function serviceRowElementId(key: string): string {
  return `service-row-${encodeURIComponent(key)}`;
}

const MOVES: Readonly<Record<string, Move>> = { ArrowUp: 'up', ArrowDown: 'down', PageUp: 'pageUp', PageDown: 'pageDown', Home: 'home', End: 'end' };

/**
 * The virtualized Services table (TanStack Table + TanStack Virtual), built like the process table: only
 * the rows in view are in the DOM, TanStack's row model is built from that window with row ids = store
 * keys, sorting is manual (the order comes from deriveServiceRows). One tab stop: the grid, with
 * aria-activedescendant naming the focused row. No destructive key: uninstalling goes through the toolbar
 * or the menu and main's confirmation.
 */
export const ServiceTable = memo(function ServiceTable(props: ServiceTableProps) {
  const { rows, progress, sort, selection, onSelectionChange, onSortChange, revealKey } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => rows[index]?.key ?? index,
    // Before the scroll box is measured (the first render, and markup tests) assume a typical window.
    initialRect: { width: 0, height: ROW_HEIGHT * 20 },
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const offset = items[0]?.start ?? 0;
  const windowRows = useMemo(() => rows.slice(firstIndex, lastIndex + 1), [rows, firstIndex, lastIndex]);

  const columnDefs = useMemo<ColumnDef<ServiceEntry>[]>(
    () =>
      SERVICE_COLUMNS.map((id) => ({
        id,
        header: SERVICE_COLUMN_SPECS[id].label,
        accessorFn: (e: ServiceEntry) => SERVICE_COLUMN_SPECS[id].value(e.row),
        sortDescFirst: false,
      })),
    [],
  );
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort.column, desc: sort.desc }] : []), [sort]);
  const table = useReactTable({
    data: windowRows,
    columns: columnDefs,
    getRowId: (e) => e.key,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // See ProcessTable: a new `data` must not queue a pagination reset (an endless render loop).
    autoResetAll: false,
    enableMultiSort: false,
    enableSortingRemoval: true,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first && isServiceColumn(first.id) ? { column: first.id, desc: first.desc } : null);
    },
  });

  const order = (): string[] => rows.map((r) => r.key);
  const indexOf = (key: string | null) => (key === null ? -1 : rows.findIndex((r) => r.key === key));

  // Scroll to the row once, when it first shows (rows are rebuilt every tick; later ticks must not pull the view back).
  const revealedRef = useRef<string | null>(null);
  useEffect(() => {
    if (revealKey === null || revealedRef.current === revealKey) return;
    const index = rows.findIndex((r) => r.key === revealKey);
    if (index < 0) return;
    revealedRef.current = revealKey;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [revealKey, rows, virtualizer]);

  function focusRowAt(next: Selection) {
    onSelectionChange(next);
    const index = indexOf(next.focus);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const ctrl = event.ctrlKey || event.metaKey;
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 20) / ROW_HEIGHT) - 1);
      focusRowAt(moveFocus(selection, move, { ctrl, shift: event.shiftKey }, order(), page));
      return;
    }
    const focused = selection.focus;
    switch (event.key) {
      case ' ':
        event.preventDefault();
        onSelectionChange(toggleFocused(selection));
        return;
      case 'Enter':
        event.preventDefault();
        props.onCommand('details');
        return;
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return;
        event.preventDefault();
        if (focused !== null) {
          const el = document.getElementById(serviceRowElementId(focused));
          const rect = el?.getBoundingClientRect() ?? scrollRef.current?.getBoundingClientRect();
          props.onContextMenu({ x: (rect?.left ?? 0) + 24, y: (rect?.bottom ?? 0) - 2 }, focused);
        }
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

  function keyAt(event: MouseEvent): string | null {
    return (event.target as Element).closest<HTMLElement>('[data-key]')?.dataset.key ?? null;
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const pidLink = (event.target as Element).closest<HTMLElement>('[data-pid-link]');
    if (pidLink) {
      const pid = Number(pidLink.dataset.pidLink);
      if (Number.isInteger(pid) && pid > 0) props.onShowProcess(pid);
      return;
    }
    const key = keyAt(event);
    if (key === null) return;
    onSelectionChange(clickRow(selection, key, { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey }, order()));
  }

  function onDoubleClick(event: MouseEvent<HTMLDivElement>) {
    if (keyAt(event) !== null) props.onCommand('details');
  }

  function onContextMenu(event: MouseEvent<HTMLDivElement>) {
    const key = keyAt(event);
    if (key === null) return;
    event.preventDefault();
    props.onContextMenu({ x: event.clientX, y: event.clientY }, key);
  }

  const header = table.getHeaderGroups()[0];
  const width = SERVICE_COLUMNS.reduce((sum, c) => sum + SERVICE_COLUMN_SPECS[c].width, 0);
  const focusedInView = selection.focus !== null && indexOf(selection.focus) >= 0 ? selection.focus : null;

  return (
    <div
      ref={scrollRef}
      className="ptable"
      role="grid"
      aria-label="Services"
      aria-rowcount={rows.length + 1}
      aria-colcount={SERVICE_COLUMNS.length}
      aria-multiselectable="true"
      aria-activedescendant={focusedInView === null ? undefined : serviceRowElementId(focusedInView)}
      tabIndex={0}
      data-testid="service-table"
      onKeyDown={onKeyDown}
      style={{ '--ptable-columns': serviceGridTemplate(), '--ptable-width': `${width}px` } as CSSProperties}
    >
      <div className="ptable__head" role="rowgroup">
        <div className="ptable__row ptable__row--head" role="row" aria-rowindex={1}>
          {header?.headers.map((h, i) => {
            const sorted = h.column.getIsSorted();
            const spec = SERVICE_COLUMN_SPECS[h.column.id as ServiceColumn];
            return (
              <div
                key={h.id}
                role="columnheader"
                aria-colindex={i + 1}
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={`ptable__cell ptable__cell--head ptable__cell--${spec.kind}`}
              >
                <button type="button" tabIndex={-1} className="ptable__sort" title={`Sort by ${spec.label}`} onClick={h.column.getToggleSortingHandler()}>
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
        onDoubleClick={onDoubleClick}
        onContextMenu={onContextMenu}
      >
        <div className="ptable__window" style={{ transform: `translateY(${offset}px)` }}>
          {table.getRowModel().rows.map((tableRow, i) => {
            const entry = tableRow.original;
            const { row } = entry;
            const selected = selection.selected.has(entry.key);
            const classes = ['ptable__row'];
            if (selected) classes.push('ptable__row--selected');
            if (entry.key === focusedInView) classes.push('ptable__row--focused');
            const live = progress.get(entry.key);
            return (
              <div
                key={`slot-${i}`}
                id={serviceRowElementId(entry.key)}
                role="row"
                aria-rowindex={firstIndex + i + 2}
                aria-selected={selected}
                className={classes.join(' ')}
                data-testid="service-row"
                data-name={row.name}
                data-key={entry.key}
                data-state={row.state}
              >
                {tableRow.getVisibleCells().map((cell, c) => {
                  const id = cell.column.id as ServiceColumn;
                  const spec = SERVICE_COLUMN_SPECS[id];
                  const text = spec.text(row);
                  const common = { role: 'gridcell', 'aria-colindex': c + 1, 'data-col': id } as const;
                  if (id === 'name') {
                    return (
                      <div key={id} {...common} className="ptable__cell ptable__cell--text ptable__cell--name" title={row.configError ?? text}>
                        <span className="ptable__name">{text}</span>
                        {row.unquotedPath ? (
                          <span className="badge badge--warning svc-badge" title="The binary path has a space and no quotes (CWE-428)" data-testid="service-unquoted-badge">
                            CWE-428
                          </span>
                        ) : null}
                      </div>
                    );
                  }
                  if (id === 'state') {
                    const fraction = live ? progressFraction(live.event) : null;
                    return (
                      <div key={id} {...common} className="ptable__cell ptable__cell--text svc-state" title={live ? progressText(live.event) : text}>
                        <span className={isPendingState(row.state) ? 'svc-state__label svc-state__label--pending' : 'svc-state__label'}>{text}</span>
                        {live ? (
                          <progress
                            className="svc-progress"
                            max={1}
                            value={fraction ?? undefined}
                            aria-label={`${row.name}: ${progressText(live.event)}`}
                            data-testid="service-progress"
                            data-name={row.name}
                          />
                        ) : null}
                      </div>
                    );
                  }
                  if (id === 'pid' && row.pid !== null) {
                    return (
                      <div key={id} {...common} className="ptable__cell ptable__cell--number">
                        <button
                          type="button"
                          tabIndex={-1}
                          className="link-button"
                          data-pid-link={row.pid}
                          title={`Show PID ${row.pid} in Processes`}
                          data-testid="service-pid-link"
                        >
                          {text}
                        </button>
                      </div>
                    );
                  }
                  return (
                    <div key={id} {...common} className={`ptable__cell ptable__cell--${spec.kind}`} title={spec.kind === 'text' ? text : undefined}>
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
