import { memo, type KeyboardEvent } from 'react';
import type { JobRowValue } from '../../src-preload/contract/job-schemas';
import type { Selection } from '../shared/selection';
import { gridCellProps, rowClassName, rowProps, type RowPlace } from '../shared/table-row';
import { KnownOr } from '../shared/Unreported';
import { ROW_HEIGHT, VirtualTable, type TableModel } from '../shared/VirtualTable';
import type { ColumnWidths } from '../shared/column-sizing';
import { isJobColumn, JOB_COLUMN_SPECS, JOB_COLUMNS, type JobColumn, type JobSort } from './job-columns';

/** The element id of a row: the job name percent-encoded (names may hold spaces). */
export function jobRowElementId(name: string): string {
  return `job-row-${encodeURIComponent(name)}`;
}

const MODEL: TableModel<JobRowValue, JobColumn> = {
  allColumns: JOB_COLUMNS,
  specs: JOB_COLUMN_SPECS,
  isColumn: isJobColumn,
  rowKey: (r) => r.name,
  value: (r, id) => JOB_COLUMN_SPECS[id].value(r),
  sortDescFirst: (id) => JOB_COLUMN_SPECS[id].kind === 'number',
  jumpText: (r) => r.name,
};

const INITIAL_RECT = { width: 0, height: ROW_HEIGHT * 10 };

/**
 * The Jobs table on the shared VirtualTable (a grid: one tab stop, arrows, Enter for the details). Jobs
 * are few, so the rows are new objects every tick; the table is keyed by job name.
 */
export const JobTable = memo(function JobTable({
  rows,
  sort,
  onSortChange,
  selection,
  onSelectionChange,
  onContextMenu,
  onDetails,
  onCopy,
  revealKey,
  widths,
  onWidthsChange,
}: {
  rows: readonly JobRowValue[];
  sort: JobSort | null;
  onSortChange: (sort: JobSort | null) => void;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  onContextMenu: (at: { x: number; y: number }, key: string) => void;
  onDetails: () => void;
  onCopy: () => void;
  revealKey: string | null;
  /** Column widths from settings, and where a resize goes to be saved. */
  widths?: ColumnWidths<JobColumn>;
  onWidthsChange?: (widths: Partial<Record<JobColumn, number>>) => void;
}) {
  function onKey(event: KeyboardEvent<HTMLDivElement>): boolean {
    if (event.key !== 'Enter') return false;
    event.preventDefault();
    onDetails();
    return true;
  }
  return (
    <VirtualTable
      model={MODEL}
      label="Jobs"
      testId="job-table"
      rows={rows}
      columns={JOB_COLUMNS}
      widths={widths}
      onWidthsChange={onWidthsChange}
      rowElementId={jobRowElementId}
      sort={sort}
      onSortChange={onSortChange}
      selection={selection}
      onSelectionChange={onSelectionChange}
      onContextMenu={(at, key) => onContextMenu(at, key)}
      onCopy={onCopy}
      onKey={onKey}
      onRowDoubleClick={onDetails}
      revealKey={revealKey}
      revealAlign="auto"
      initialRect={INITIAL_RECT}
      renderRow={(row, place) => <JobRow row={row} place={place} />}
    />
  );
});

function JobRow({ row, place }: { row: JobRowValue; place: RowPlace<JobColumn> }) {
  const flagged = row.differences.length > 0;
  return (
    <div
      {...rowProps(place)}
      className={rowClassName(place, ['ptable__row'])}
      data-testid="job-row"
      data-name={row.name}
      data-key={row.name}
      data-open={row.open}
    >
      {place.columns.map((id, c) => {
        const spec = JOB_COLUMN_SPECS[id];
        const text = spec.text(row);
        if (id === 'name') {
          return (
            <div key={id} {...gridCellProps(id, c)} className="ptable__cell ptable__cell--text ptable__cell--name" title={text}>
              <span className="ptable__name">{text}</span>
              {flagged ? (
                <span className="badge badge--warning svc-badge" title="Windows holds some limits differently from what was asked">
                  {`${row.differences.length} differ`}
                </span>
              ) : null}
            </div>
          );
        }
        const reason = spec.unreported?.(row) ?? null;
        return (
          <div key={id} {...gridCellProps(id, c)} className={`ptable__cell ptable__cell--${spec.kind}`} title={reason === null && spec.kind === 'text' ? text : undefined}>
            <KnownOr text={text} reason={reason} />
          </div>
        );
      })}
    </div>
  );
}
