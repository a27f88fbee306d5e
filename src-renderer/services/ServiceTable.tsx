import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { Selection } from '../shared/selection';
import { gridCellProps, rowClassName, rowProps, type RowPlace } from '../shared/table-row';
import type { ColumnWidths } from '../shared/column-sizing';
import { ROW_HEIGHT, VirtualTable, type TableModel } from '../shared/VirtualTable';
import {
  isPendingState,
  isServiceColumn,
  SERVICE_COLUMN_SPECS,
  SERVICE_COLUMNS,
  type ServiceColumn,
  type ServiceSort,
} from './service-columns';
import { progressFraction, progressText, type LiveProgress, type ProgressMap } from './service-progress';
import type { ServiceEntry } from './service-store';

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
  /** Column widths from settings, and where a resize goes to be saved. */
  readonly widths?: ColumnWidths<ServiceColumn>;
  readonly onWidthsChange?: (widths: Partial<Record<ServiceColumn, number>>) => void;
}

/** The element id of a row (aria-activedescendant): the key percent-encoded, as an id may hold no spaces. */
export function serviceRowElementId(key: string): string {
  return `service-row-${encodeURIComponent(key)}`;
}

/** How the shared table reads service rows; module level, so its identity stays put (see TableModel). */
const MODEL: TableModel<ServiceEntry, ServiceColumn> = {
  allColumns: SERVICE_COLUMNS,
  specs: SERVICE_COLUMN_SPECS,
  isColumn: isServiceColumn,
  rowKey: (e) => e.key,
  value: (e, id) => SERVICE_COLUMN_SPECS[id].value(e.row),
  sortDescFirst: () => false,
  jumpText: (e) => e.row.name,
};

/** Before the scroll box is measured (the first render, and markup tests) assume a typical window. */
const INITIAL_RECT = { width: 0, height: ROW_HEIGHT * 20 };

/**
 * The virtualized Services table: the shared VirtualTable (only the rows in view are in the DOM; sorting
 * is manual, the order comes from deriveServiceRows) with the service rows, their progress and PID links,
 * and Enter or a double-click for the details. No destructive key: uninstalling goes through the toolbar
 * or the menu and main's confirmation.
 */
export const ServiceTable = memo(function ServiceTable(props: ServiceTableProps) {
  const { rows, progress, onShowProcess } = props;

  function onKey(event: KeyboardEvent<HTMLDivElement>): boolean {
    if (event.key !== 'Enter') return false;
    event.preventDefault();
    props.onCommand('details');
    return true;
  }

  // The PID cell's link shows the process instead of selecting the row.
  function onRowClick(event: MouseEvent<HTMLDivElement>): boolean {
    const pidLink = (event.target as Element).closest<HTMLElement>('[data-pid-link]');
    if (!pidLink) return false;
    const pid = Number(pidLink.dataset.pidLink);
    if (Number.isInteger(pid) && pid > 0) onShowProcess(pid);
    return true;
  }

  return (
    <VirtualTable
      model={MODEL}
      label="Services"
      testId="service-table"
      rows={rows}
      columns={SERVICE_COLUMNS}
      widths={props.widths}
      onWidthsChange={props.onWidthsChange}
      rowElementId={serviceRowElementId}
      sort={props.sort}
      onSortChange={props.onSortChange}
      selection={props.selection}
      onSelectionChange={props.onSelectionChange}
      onContextMenu={(at, key) => props.onContextMenu(at, key)}
      onCopy={() => props.onCommand('copy')}
      onKey={onKey}
      onRowClick={onRowClick}
      onRowDoubleClick={() => props.onCommand('details')}
      revealKey={props.revealKey}
      revealAlign="auto"
      initialRect={INITIAL_RECT}
      renderRow={(entry, place) => <ServiceRow entry={entry} place={place} live={progress.get(entry.key)} />}
    />
  );
});

/** One service row: its cells, with the Hosted and CWE-428 badges, the progress of a pending control and the PID link. */
function ServiceRow({ entry, place, live }: { entry: ServiceEntry; place: RowPlace<ServiceColumn>; live: LiveProgress | undefined }) {
  const { row } = entry;
  return (
    <div
      {...rowProps(place)}
      className={rowClassName(place, ['ptable__row'])}
      data-testid="service-row"
      data-name={row.name}
      data-key={entry.key}
      data-state={row.state}
    >
      {place.columns.map((id, c) => {
        const spec = SERVICE_COLUMN_SPECS[id];
        const text = spec.text(row);
        const common = gridCellProps(id, c);
        if (id === 'name') {
          return (
            <div key={id} {...common} className="ptable__cell ptable__cell--text ptable__cell--name" title={row.configError ?? text}>
              <span className="ptable__name">{text}</span>
              {row.hosted ? (
                <span className="badge svc-badge svc-badge--hosted" title="A program run by the console's service host" data-testid="service-hosted-badge">
                  Hosted
                </span>
              ) : null}
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
        const unknown = spec.unknownReason?.(row) ?? null;
        return (
          <div
            key={id}
            {...common}
            className={`ptable__cell ptable__cell--${spec.kind}${unknown ? ' ptable__cell--unknown' : ''}`}
            title={unknown ?? spec.meaning?.(row) ?? (spec.kind === 'text' ? text : undefined)}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
}
