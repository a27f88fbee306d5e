import { useCallback } from 'react';
import type { ProcessColumn } from '../../src-preload/contract/process-fields';
import type { RequestOf, SettingsValue } from '../../src-preload/contract/schemas';
import type { JOB_COLUMNS, LayoutTable, SERVICE_COLUMNS } from '../../src-preload/contract/table-layout';
import { reportFailure, request } from '../lib/api';
import type { ColumnWidths } from './column-sizing';

/** Each table's column ids. */
interface ColumnsOf {
  processes: ProcessColumn;
  services: (typeof SERVICE_COLUMNS)[number];
  jobs: (typeof JOB_COLUMNS)[number];
}

/** One table's layout as settings hold it, and how to change it. */
export interface TableLayout<C extends string> {
  readonly widths: ColumnWidths<C>;
  /** The details pane's size in px; null for the stylesheet's default. */
  readonly detailsSize: number | null;
  readonly saveWidths: (widths: Partial<Record<C, number>>) => void;
  readonly saveDetailsSize: (px: number) => void;
}

const NO_WIDTHS = {};

/**
 * A table's column widths and details pane size, kept in settings like the process column set (main
 * validates and writes them; the answer is the settings in effect, handed to `onSettings`). Until
 * settings arrive everything is at its default.
 */
export function useTableLayout<T extends LayoutTable>(
  table: T,
  settings: SettingsValue | null,
  onSettings: (settings: SettingsValue) => void,
): TableLayout<ColumnsOf[T]> {
  const layout = settings?.[table];
  const save = useCallback(
    (change: Omit<RequestOf<'settings:setTableLayout'>, 'table'>, action: string) => {
      // The union is by table; `table` and the ids in `change` come from the same T.
      const req = { table, ...change } as RequestOf<'settings:setTableLayout'>;
      void request('settings:setTableLayout', req).then((result) => {
        if (result.ok) onSettings(result.value);
        else reportFailure(action, result.error);
      });
    },
    [table, onSettings],
  );
  const saveWidths = useCallback((widths: Partial<Record<ColumnsOf[T], number>>) => save({ widths }, 'Could not save the column widths'), [save]);
  const saveDetailsSize = useCallback((detailsSize: number) => save({ detailsSize }, 'Could not save the size of the details pane'), [save]);
  return {
    widths: (layout?.widths ?? NO_WIDTHS) as ColumnWidths<ColumnsOf[T]>,
    detailsSize: layout?.detailsSize ?? null,
    saveWidths,
    saveDetailsSize,
  };
}
