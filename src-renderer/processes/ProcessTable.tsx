import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { PROCESS_COLUMNS, type ProcessColumn } from '../../src-preload/contract/process-fields';
import { jobMembership, jobNames, type ConsoleJobMembers } from '../jobs/console-job-members';
import type { ProcessUnreportedValue } from '../../src-preload/contract/schemas';
import { COLUMN_SPECS, isProcessColumn, unreportedReason } from './process-columns';
import type { ColumnWidths } from '../shared/column-sizing';
import { statusParts, statusUnknowns } from './process-status';
import type { DisplayRow, SortSpec } from './process-rows';
import { selectOnly, type Selection } from '../shared/selection';
import { gridCellProps, rowClassName, rowProps, type RowPlace } from '../shared/table-row';
import { Unreported } from '../shared/Unreported';
import { ROW_HEIGHT, VirtualTable, type TableModel } from '../shared/VirtualTable';

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
  /**
   * The console's job members by PID (useConsoleJobMembers); null or absent while not known, and then no
   * process is marked as in another program's job. Its identity changes only when membership does.
   */
  readonly consoleJobs?: ConsoleJobMembers | null;
  /** Fields this system does not report, with why (the store's `unreported`): those cells show the Unreported marker. */
  readonly unreported?: ProcessUnreportedValue;
  /** Column widths from settings, and where a resize goes to be saved; without the latter no resizing. */
  readonly widths?: ColumnWidths<ProcessColumn>;
  readonly onWidthsChange?: (widths: Partial<Record<ProcessColumn, number>>) => void;
}

const NOTHING_UNREPORTED: ProcessUnreportedValue = {};

function rowElementId(key: string): string {
  return `process-row-${key}`;
}

/** How the shared table reads process rows; module level, so its identity stays put (see TableModel). */
const MODEL: TableModel<DisplayRow, ProcessColumn> = {
  allColumns: PROCESS_COLUMNS,
  specs: COLUMN_SPECS,
  isColumn: isProcessColumn,
  rowKey: (r) => r.entry.key,
  value: (r, id) => COLUMN_SPECS[id].value(r.entry.row),
  sortDescFirst: (id) => COLUMN_SPECS[id].kind === 'number',
  jumpText: (r) => r.entry.row.name,
};

/** Before the scroll box is measured (the first render, and markup tests) assume a typical window, as Services does. */
const INITIAL_RECT = { width: 0, height: ROW_HEIGHT * 20 };

/**
 * The virtualized process table: the shared VirtualTable (only the rows in view are in the DOM; sorting
 * is manual, the order comes from useDisplayRows, which also builds the tree) with the process rows, the
 * tree's expanders and arrows, and Delete / Shift+Delete to terminate.
 */
export const ProcessTable = memo(function ProcessTable(props: ProcessTableProps) {
  const { rows, columns, view, selection } = props;
  const consoleJobs = props.consoleJobs ?? null;
  const unreported = props.unreported ?? NOTHING_UNREPORTED;
  const tree = view === 'tree';
  const rowOf = (key: string | null) => (key === null ? undefined : rows.find((r) => r.entry.key === key));

  function onKey(event: KeyboardEvent<HTMLDivElement>, focusRowAt: (next: Selection) => void): boolean {
    switch (event.key) {
      case 'Delete':
        event.preventDefault();
        props.onCommand(event.shiftKey ? 'terminateTree' : 'terminate');
        return true;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Handled even when they do nothing (the flat list, no focus): they are this table's keys.
        const focusedRow = rowOf(selection.focus);
        if (!tree || !focusedRow) return true;
        event.preventDefault();
        if (event.key === 'ArrowRight' && focusedRow.hasChildren && !focusedRow.expanded) props.onToggleExpanded(focusedRow.entry.key, true);
        else if (event.key === 'ArrowLeft' && focusedRow.expanded) props.onToggleExpanded(focusedRow.entry.key, false);
        else if (event.key === 'ArrowLeft') focusRowAt(moveToParent(selection, rows, rows.indexOf(focusedRow)));
        return true;
      }
    }
    return false;
  }

  // A click on a tree expander opens or closes its row instead of selecting it.
  function onRowClick(event: MouseEvent<HTMLDivElement>, key: string): boolean {
    if (!(event.target as Element).closest('[data-expander]')) return false;
    const row = rowOf(key);
    if (row) props.onToggleExpanded(key, !row.expanded);
    return true;
  }

  return (
    <VirtualTable
      model={MODEL}
      label="Processes"
      testId="process-table"
      tree={tree}
      rows={rows}
      columns={columns}
      widths={props.widths}
      onWidthsChange={props.onWidthsChange}
      rowElementId={rowElementId}
      sort={props.sort}
      onSortChange={props.onSortChange}
      selection={selection}
      onSelectionChange={props.onSelectionChange}
      onContextMenu={props.onContextMenu}
      onCopy={() => props.onCommand('copy')}
      onKey={onKey}
      onRowClick={onRowClick}
      revealKey={props.revealKey ?? null}
      revealAlign="center"
      initialRect={INITIAL_RECT}
      renderRow={(d, place) => <ProcessRow d={d} place={place} tree={tree} consoleJobs={consoleJobs} unreported={unreported} />}
    />
  );
});

/** Why a process carries the "other job" badge (its title). */
export const EXTERNAL_JOB_TITLE =
  "In a job this console did not create: another program (or Windows) put it there, and that job's limits apply to it.";

/** One process row: its status marks, tree level and cells. */
function ProcessRow({
  d,
  place,
  tree,
  consoleJobs,
  unreported,
}: {
  d: DisplayRow;
  place: RowPlace<ProcessColumn>;
  tree: boolean;
  consoleJobs: ConsoleJobMembers | null;
  unreported: ProcessUnreportedValue;
}) {
  const { entry } = d;
  return (
    <div
      {...rowProps(place)}
      aria-level={tree ? d.depth + 1 : undefined}
      aria-expanded={tree && d.hasChildren ? d.expanded : undefined}
      className={rowClassName(place, ['ptable__row', `ptable__row--${entry.status}`], d.matched ? [] : ['ptable__row--context'])}
      data-testid="process-row"
      data-pid={entry.row.pid}
      data-key={entry.key}
      data-status={entry.status}
    >
      {place.columns.map((id, c) => {
        const spec = COLUMN_SPECS[id];
        const text = spec.text(entry.row, consoleJobs);
        if (id === 'status') return <StatusCell key={id} row={entry.row} index={c} consoleJobs={consoleJobs} unreported={unreported} />;
        if (id === 'name') {
          const membership = consoleJobs === null ? null : jobMembership(entry.row, consoleJobs);
          return (
            <div
              key={id}
              {...gridCellProps(id, c)}
              className="ptable__cell ptable__cell--text ptable__cell--name"
              title={entry.row.imagePath ?? entry.row.detailsError ?? text}
            >
              {tree ? <span className="ptable__indent" style={{ width: `${d.depth * 14}px` }} aria-hidden="true" /> : null}
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
              {membership?.kind === 'external' ? (
                <span className="badge badge--warning svc-badge" title={EXTERNAL_JOB_TITLE} data-testid="process-external-job-badge">
                  other job
                </span>
              ) : null}
              {membership?.kind === 'console' ? (
                // Short like "other job", so the name keeps its room; the Status column and the title name the job.
                <span className="badge badge--ok svc-badge" title={`In the console's job ${jobNames(membership.jobs)}`} data-testid="process-console-job-badge">
                  job
                </span>
              ) : null}
              {entry.status === 'exited' ? <span className="visually-hidden"> (exited)</span> : null}
              {entry.status === 'new' ? <span className="visually-hidden"> (new)</span> : null}
            </div>
          );
        }
        const reason = unreportedReason(id, entry.row, unreported);
        return (
          <div
            key={id}
            {...gridCellProps(id, c)}
            className={`ptable__cell ptable__cell--${spec.kind}`}
            title={reason === null && spec.kind === 'text' ? (text === '—' && entry.row.detailsError ? entry.row.detailsError : text) : undefined}
          >
            {reason === null ? text : <Unreported reason={reason} />}
          </div>
        );
      })}
    </div>
  );
}

/**
 * The Status cell: each status in words (Suspended, Not responding, In job NAME, Running), so no state is
 * told by colour alone; where a part is not known and nothing else is, the Unreported marker with why.
 */
function StatusCell({
  row,
  index,
  consoleJobs,
  unreported,
}: {
  row: DisplayRow['entry']['row'];
  index: number;
  consoleJobs: ConsoleJobMembers | null;
  unreported: ProcessUnreportedValue;
}) {
  const parts = statusParts(row, consoleJobs);
  const unknowns = statusUnknowns(row, unreported);
  const reason = unknowns.length === 0 ? null : unknowns.join(' ');
  const title = [...parts.map((p) => p.title), ...unknowns].join(' ');
  return (
    <div {...gridCellProps('status', index)} className="ptable__cell ptable__cell--text ptable__cell--status" title={title || undefined} data-status-kinds={parts.map((p) => p.kind).join(' ')}>
      {parts.length === 0 ? (
        reason === null ? '—' : <Unreported reason={reason} />
      ) : (
        parts.map((p, i) => (
          <span key={p.kind} className={`pstatus pstatus--${p.kind}`}>
            {i > 0 ? ', ' : ''}
            {p.text}
          </span>
        ))
      )}
    </div>
  );
}

/** ArrowLeft on a leaf or collapsed node: to its parent row (the nearest row above with less depth). */
function moveToParent(selection: Selection, rows: readonly DisplayRow[], index: number): Selection {
  const row = rows[index];
  if (!row || row.depth === 0) return selection;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = rows[i];
    if (candidate && candidate.depth < row.depth) {
      return selectOnly(candidate.entry.key);
    }
  }
  return selection;
}
