import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type Header, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { COLUMN_WIDTH_MAX, COLUMN_WIDTH_MIN } from '../../src-preload/contract/table-layout';
import { addedColumns, columnLeft, gridTemplateOf, sameWidths, scrollLeftToShow, widthAfterKey, widthsToSave, type ColumnWidths } from './column-sizing';
import { clickRow, focusAfterRemoval, moveFocus, selectAll, selectOnly, toggleFocused, type Move, type Selection } from './selection';
import type { RowPlace } from './table-row';
import { usePausedSave } from './use-paused-save';
import { extendPrefix, findJump, isTyping, isTypingKey, NO_PREFIX, type TypedPrefix } from './type-to-jump';

/** Fixed row height: the virtualizer needs no measuring, and 24 px is System Informer's density. */
export const ROW_HEIGHT = 24;
/** Rows rendered beyond the viewport on each side, so fast scrolling does not show blanks. */
const OVERSCAN = 6;

const MOVES: Readonly<Record<string, Move>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'home',
  End: 'end',
};

/** What the header and the grid layout need of one column. */
export interface TableColumnSpec {
  readonly label: string;
  readonly kind: 'text' | 'number';
  /** Width in px; the grid lays columns out on these. */
  readonly width: number;
}

/** A column sort as the tables hold it; null for the store's own order. */
export interface TableSort<Column extends string> {
  readonly column: Column;
  readonly desc: boolean;
}

/**
 * How one table reads its rows and columns. Fixed per table: define it once at module level, because
 * its identity keys TanStack's column definitions (new ones every render would rebuild the model per tick).
 */
export interface TableModel<Row, Column extends string> {
  /** Every column the table can show, in their default order. */
  readonly allColumns: readonly Column[];
  readonly specs: { readonly [C in Column]: TableColumnSpec };
  /** A column id from the DOM (`data-col`) or TanStack, checked. */
  isColumn(id: string): id is Column;
  /** The store key of a row: TanStack's row id, the virtualizer's item key and `data-key`. */
  rowKey(row: Row): string;
  /** The raw value of a cell (TanStack's accessor). */
  value(row: Row, column: Column): unknown;
  /** True when a first click on the header sorts largest first. */
  sortDescFirst(column: Column): boolean;
  /** The name type-to-jump matches typed letters against (what the admin reads in the first column). */
  jumpText(row: Row): string;
}

/** Props of the shared virtualized table. */
export interface VirtualTableProps<Row, Column extends string> {
  readonly model: TableModel<Row, Column>;
  /** The grid's accessible name. */
  readonly label: string;
  readonly testId: string;
  /** A treegrid (rows carry aria-level) rather than a grid. */
  readonly tree?: boolean;
  /** The shown rows, in order. */
  readonly rows: readonly Row[];
  /** Shown columns, in order. */
  readonly columns: readonly Column[];
  /** Widths the admin set (settings), by column; the others have their spec's width. */
  readonly widths?: ColumnWidths<Column>;
  /**
   * A resize finished (a drag ended, a double-click reset a column, keys on a handle paused): every
   * width that differs from its default. Without it the columns cannot be resized.
   */
  readonly onWidthsChange?: (widths: Partial<Record<Column, number>>) => void;
  /** The element id of a row by key: unique in the page, no spaces. */
  readonly rowElementId: (key: string) => string;
  readonly sort: TableSort<Column> | null;
  readonly onSortChange: (sort: TableSort<Column> | null) => void;
  readonly selection: Selection;
  readonly onSelectionChange: (selection: Selection) => void;
  /** A context menu asked for at a point (right-click, the Menu key, Shift+F10), for a cell's column if any. */
  readonly onContextMenu: (at: { x: number; y: number }, key: string, column: Column | null) => void;
  /** Ctrl+C. */
  readonly onCopy: () => void;
  /**
   * The table's own keys (Delete, Enter, tree arrows), tried after the navigation keys and before the
   * shared ones; true when it handled the key. `focusRowAt` selects and scrolls to the new focus.
   */
  readonly onKey?: (event: KeyboardEvent<HTMLDivElement>, focusRowAt: (next: Selection) => void) => boolean;
  /** A click inside a row, before it selects; true when a control in the row (expander, link) took it. */
  readonly onRowClick?: (event: MouseEvent<HTMLDivElement>, key: string) => boolean;
  readonly onRowDoubleClick?: (key: string) => void;
  /** A row to scroll into view when it first shows; null for none. */
  readonly revealKey: string | null;
  readonly revealAlign: 'center' | 'auto';
  /** The viewport assumed before the scroll box is measured (the first render, markup tests). */
  readonly initialRect?: { readonly width: number; readonly height: number };
  /** One row element with its cells, carrying `place`'s attributes, `role="row"` and `data-key`. */
  readonly renderRow: (row: Row, place: RowPlace<Column>) => ReactNode;
}

/**
 * The console's virtualized table (TanStack Table + TanStack Virtual), shared by Processes and Services.
 * Only the rows in view (plus a few) are in the DOM whatever the row count; TanStack builds its row model
 * from that window only, with row ids = store keys, so its cost does not grow with N. Sorting is manual:
 * the order comes from the caller; TanStack holds the sort state, column order and visibility. One tab
 * stop: the grid itself, with aria-activedescendant naming the focused row. Owns the header, selection by
 * mouse and keyboard, and the context menu keys; rows and their cells come from `renderRow`.
 */
export function VirtualTable<Row, Column extends string>(props: VirtualTableProps<Row, Column>) {
  const { model, rows, columns, sort, selection, onSelectionChange, onSortChange, revealKey, revealAlign } = props;
  const scrollRef = useRef<HTMLDivElement>(null);

  // React Compiler (not in this build; the lint runs its checks) would not memoize a component that uses
  // TanStack Virtual. Right here: rows change inside the same objects, so every render must redraw cells.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => {
      const row = rows[index];
      return row === undefined ? index : model.rowKey(row);
    },
    initialRect: props.initialRect,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? -1;
  const offset = items[0]?.start ?? 0;
  // The same array while the window and the order stay put (values change inside the row objects):
  // TanStack rebuilds its row model only when `data` changes identity.
  const windowRows = useMemo(() => rows.slice(firstIndex, lastIndex + 1), [rows, firstIndex, lastIndex]);

  const columnDefs = useMemo<ColumnDef<Row>[]>(
    () =>
      model.allColumns.map((id) => ({
        id,
        header: model.specs[id].label,
        accessorFn: (r: Row) => model.value(r, id),
        sortDescFirst: model.sortDescFirst(id),
        size: model.specs[id].width,
        minSize: COLUMN_WIDTH_MIN,
        maxSize: COLUMN_WIDTH_MAX,
      })),
    [model],
  );

  // Widths: the settings' ones, or a resize in progress (a drag, keys on a handle) until main has saved it
  // and handed back new settings (then `base` is stale and the saved widths show again).
  const saved = props.widths ?? NO_WIDTHS;
  const onWidthsChange = props.onWidthsChange;
  const [draft, setDraft] = useState<{ base: ColumnWidths<Column>; sizing: ColumnSizingState } | null>(null);
  const columnSizing: ColumnSizingState = draft !== null && draft.base === saved ? draft.sizing : (saved as ColumnSizingState);
  const widthFor = (c: Column): number => Math.min(COLUMN_WIDTH_MAX, Math.max(COLUMN_WIDTH_MIN, columnSizing[c] ?? model.specs[c].width));
  const defaultWidth = (c: Column) => model.specs[c].width;
  const commitWidths = (sizing: ColumnSizingState) => {
    const next = widthsToSave(sizing, model.allColumns, defaultWidth);
    if (onWidthsChange && !sameWidths(next, saved)) onWidthsChange(next);
  };
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort.column, desc: sort.desc }] : []), [sort]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(model.allColumns.map((c) => [c, columns.includes(c)])),
    [model, columns],
  );

  const table = useReactTable({
    data: windowRows,
    columns: columnDefs,
    getRowId: (r) => model.rowKey(r),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    // We page and expand nothing through TanStack. Left on, a new `data` makes getCoreRowModel queue a
    // pagination reset (a state update), which re-renders with new data again: an endless render loop.
    autoResetAll: false,
    enableMultiSort: false,
    enableSortingRemoval: true,
    // TanStack's type is mutable; it only reads the order, and a copy would be a new state every render.
    state: { sorting, columnOrder: columns as readonly string[] as string[], columnVisibility, columnSizing },
    enableColumnResizing: onWidthsChange !== undefined,
    // Widths follow the pointer while dragging (the grid is CSS, so a drag re-lays out only the rows in view).
    columnResizeMode: 'onChange',
    onColumnSizingChange: (updater: Updater<ColumnSizingState>) => {
      setDraft({ base: saved, sizing: typeof updater === 'function' ? updater(columnSizing) : updater });
    },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first && model.isColumn(first.id) ? { column: first.id, desc: first.desc } : null);
    },
  });

  // A drag ends with TanStack clearing isResizingColumn (its mouseup also applies the last move): save then.
  const resizing = table.getState().columnSizingInfo.isResizingColumn;
  const wasResizing = useRef<string | false>(false);
  useEffect(() => {
    if (wasResizing.current !== false && resizing === false) commitWidths(columnSizing);
    wasResizing.current = resizing;
  });

  // Keys on a handle: the width follows each key, and is saved once the keys pause (or focus leaves, or
  // the table goes away with the tab), to the latest commit: settings may have moved on.
  const keySave = usePausedSave(commitWidths);

  // The handles are one tab stop (the last one used, else the first column's), so Tab does not walk
  // through every header on its way to the details; Ctrl+Left / Ctrl+Right go to the neighbouring handle.
  const [handleStop, setHandleStop] = useState<Column | null>(null);
  const tabStop = handleStop !== null && columns.includes(handleStop) ? handleStop : columns[0];

  function onHandleKeyDown(event: KeyboardEvent<HTMLDivElement>, column: Column) {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      const neighbour = columns[columns.indexOf(column) + (event.key === 'ArrowLeft' ? -1 : 1)];
      if (neighbour !== undefined) scrollRef.current?.querySelector<HTMLElement>(`[data-resize-handle="${neighbour}"]`)?.focus();
      return;
    }
    const next = widthAfterKey(widthFor(column), event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    const sizing = { ...columnSizing, [column]: next };
    setDraft({ base: saved, sizing });
    keySave.schedule(sizing);
  }

  // Double-click on a handle: back to the column's default width (predictable, unlike fitting to the
  // rows that happen to be in view of a virtualized list).
  function resetWidth(column: Column) {
    const sizing = { ...columnSizing };
    delete sizing[column];
    setDraft({ base: saved, sizing });
    commitWidths(sizing);
  }

  // A column the chooser added is scrolled into view: appended at the right of a wide table it would
  // otherwise land off-screen with nothing to say it is there.
  const shownBefore = useRef(columns);
  useEffect(() => {
    const added = addedColumns(shownBefore.current, columns);
    shownBefore.current = columns;
    const column = added[added.length - 1];
    const box = scrollRef.current;
    if (column === undefined || !box) return;
    const left = columnLeft(columns, column, widthFor);
    box.scrollLeft = scrollLeftToShow(left, widthFor(column), box.scrollLeft, box.clientWidth);
    // Only a change of the shown columns moves the view; widths read at that moment are the ones shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columns]);

  // Scroll to the row once, when it first shows (rows are rebuilt every tick; later ticks must not pull the view back).
  const revealedRef = useRef<string | null>(null);
  useEffect(() => {
    if (revealKey === null || revealedRef.current === revealKey) return;
    const index = rows.findIndex((r) => model.rowKey(r) === revealKey);
    if (index < 0) return;
    revealedRef.current = revealKey;
    virtualizer.scrollToIndex(index, { align: revealAlign });
  }, [revealKey, revealAlign, rows, model, virtualizer]);

  const order = (): string[] => rows.map((r) => model.rowKey(r));
  const indexOf = (key: string | null) => (key === null ? -1 : rows.findIndex((r) => model.rowKey(r) === key));

  function focusRowAt(next: Selection) {
    onSelectionChange(next);
    const index = indexOf(next.focus);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }

  const typed = useRef<TypedPrefix>(NO_PREFIX);

  // The focused row left the list (terminated, deleted) while the list has the keyboard: the row now at
  // its place takes the focus, so the admin goes on by keyboard instead of starting again from the top.
  const lastFocus = useRef<{ key: string; index: number } | null>(null);
  useEffect(() => {
    const index = indexOf(selection.focus);
    if (selection.focus !== null && index >= 0) {
      lastFocus.current = { key: selection.focus, index };
      return;
    }
    const left = lastFocus.current;
    if (selection.focus !== null || left === null || document.activeElement !== scrollRef.current) return;
    const next = focusAfterRemoval(order(), left);
    if (next === null) return;
    lastFocus.current = null;
    focusRowAt(selectOnly(next));
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // A focused resize handle has its own keys; none of the grid's apply there.
    if ((event.target as Element).closest('[data-resize-handle]')) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 20) / ROW_HEIGHT) - 1);
      focusRowAt(moveFocus(selection, move, { ctrl, shift: event.shiftKey }, order(), page));
      return;
    }
    if (props.onKey?.(event, focusRowAt)) return;
    // Type-to-jump; a Space is part of the name being typed, else it toggles the focused row.
    if (isTypingKey(event) && (event.key !== ' ' || isTyping(typed.current, event.timeStamp))) {
      event.preventDefault();
      typed.current = extendPrefix(typed.current, event.key, event.timeStamp);
      const index = findJump(rows.map(model.jumpText), indexOf(selection.focus), typed.current.text);
      const row = rows[index];
      if (row !== undefined) focusRowAt(selectOnly(model.rowKey(row)));
      return;
    }
    const focused = selection.focus;
    switch (event.key) {
      case ' ':
        event.preventDefault();
        onSelectionChange(toggleFocused(selection));
        return;
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return;
        event.preventDefault();
        if (focused !== null) {
          const el = document.getElementById(props.rowElementId(focused));
          const rect = el?.getBoundingClientRect() ?? scrollRef.current?.getBoundingClientRect();
          props.onContextMenu({ x: (rect?.left ?? 0) + 24, y: (rect?.bottom ?? 0) - 2 }, focused, null);
        }
        return;
    }
    if (ctrl && (event.key === 'a' || event.key === 'A')) {
      event.preventDefault();
      onSelectionChange(selectAll(selection, order()));
    } else if (ctrl && (event.key === 'c' || event.key === 'C')) {
      event.preventDefault();
      props.onCopy();
    }
  }

  function rowAt(event: MouseEvent): { key: string; column: Column | null } | null {
    const target = event.target as Element;
    const key = target.closest<HTMLElement>('[data-key]')?.dataset.key;
    if (!key) return null;
    const col = target.closest<HTMLElement>('[data-col]')?.dataset.col ?? '';
    return { key, column: model.isColumn(col) ? col : null };
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const hit = rowAt(event);
    if (!hit) return;
    if (props.onRowClick?.(event, hit.key)) return;
    onSelectionChange(clickRow(selection, hit.key, { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey }, order()));
  }

  const onRowDoubleClick = props.onRowDoubleClick;
  const onDoubleClick = onRowDoubleClick
    ? (event: MouseEvent<HTMLDivElement>) => {
        const hit = rowAt(event);
        if (hit) onRowDoubleClick(hit.key);
      }
    : undefined;

  function onContextMenu(event: MouseEvent<HTMLDivElement>) {
    const hit = rowAt(event);
    if (!hit) return;
    event.preventDefault();
    props.onContextMenu({ x: event.clientX, y: event.clientY }, hit.key, hit.column);
  }

  const header = table.getHeaderGroups()[0];
  const width = columns.reduce((sum, c) => sum + widthFor(c), 0);
  const focusedInView = selection.focus !== null && indexOf(selection.focus) >= 0 ? selection.focus : null;

  return (
    <div
      ref={scrollRef}
      className="ptable"
      role={props.tree ? 'treegrid' : 'grid'}
      aria-label={props.label}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-multiselectable="true"
      aria-activedescendant={focusedInView === null ? undefined : props.rowElementId(focusedInView)}
      tabIndex={0}
      data-testid={props.testId}
      onKeyDown={onKeyDown}
      style={{ '--ptable-columns': gridTemplateOf(columns, widthFor), '--ptable-width': `${width}px` } as CSSProperties}
    >
      <div className="ptable__head" role="rowgroup">
        <div className="ptable__row ptable__row--head" role="row" aria-rowindex={1}>
          {header?.headers.map((h, i) => {
            const sorted = h.column.getIsSorted();
            const id = h.column.id as Column;
            const spec = model.specs[id];
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
                  onClick={(event) => {
                    h.column.getToggleSortingHandler()?.(event);
                    // The list keeps the keyboard after a re-sort (the button is not a tab stop).
                    scrollRef.current?.focus({ preventScroll: true });
                  }}
                >
                  {spec.label}
                  <span aria-hidden="true" className="ptable__sort-mark">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                  </span>
                </button>
                {onWidthsChange ? (
                  <ResizeHandle
                    header={h}
                    label={spec.label}
                    width={widthFor(id)}
                    tabStop={id === tabStop}
                    onFocus={() => setHandleStop(id)}
                    onKeyDown={(e) => onHandleKeyDown(e, id)}
                    onReset={() => resetWidth(id)}
                    onBlur={keySave.flush}
                  />
                ) : null}
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
            const key = tableRow.id;
            return (
              // Keyed by slot in the window, not by row: when a CPU sort reorders rows every tick, React
              // then rewrites text in the same DOM nodes instead of tearing rows down and building new
              // ones (focus lives on the grid, so no DOM focus is lost). Row identity stays the row id.
              <Fragment key={`slot-${i}`}>
                {props.renderRow(tableRow.original, {
                  elementId: props.rowElementId(key),
                  rowIndex: firstIndex + i + 2,
                  selected: selection.selected.has(key),
                  focused: key === focusedInView,
                  columns: tableRow.getVisibleCells().map((cell) => cell.column.id as Column),
                })}
              </Fragment>
            );
          })}
        </div>
      </div>
    </div>
  );
}

const NO_WIDTHS: ColumnWidths<never> = {};

/**
 * The handle at a header's right edge: drag it (TanStack's resize handler), or focus it and use the
 * arrow keys (a focusable vertical separator whose value is the width, as WAI-ARIA's window splitter);
 * double-click resets the column to its default width.
 */
function ResizeHandle<Row>({
  header,
  label,
  width,
  tabStop,
  onFocus,
  onKeyDown,
  onReset,
  onBlur,
}: {
  header: Header<Row, unknown>;
  label: string;
  width: number;
  /** The one handle in the tab order. */
  tabStop: boolean;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  onReset: () => void;
  onBlur: () => void;
}) {
  const resize = header.getResizeHandler();
  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Width of ${label}`}
      aria-valuenow={width}
      aria-valuemin={COLUMN_WIDTH_MIN}
      aria-valuemax={COLUMN_WIDTH_MAX}
      tabIndex={tabStop ? 0 : -1}
      title="Drag to resize, or focus and use Left / Right (Ctrl+Left / Ctrl+Right: the next column); double-click for the default width"
      className={`ptable__resize${header.column.getIsResizing() ? ' ptable__resize--active' : ''}`}
      data-resize-handle={header.column.id}
      data-testid="column-resize-handle"
      onMouseDown={resize}
      onTouchStart={resize}
      onDoubleClick={onReset}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
