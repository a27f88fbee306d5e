/**
 * CSV export of the current view: the shown columns, in the shown order, of the rows the filter and sort
 * leave, as RFC 4180 text (CRLF line ends; a field with a comma, quote, CR or LF is quoted, quotes doubled).
 */
import type { ProcessColumn } from '../../src-preload/contract/process-fields';
import type { ConsoleJobMembers } from '../jobs/console-job-members';
import { COLUMN_SPECS, type CellValue } from './process-columns';
import type { DisplayRow } from './process-rows';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), plus tab and CR. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field. Text that starts like a formula gets a leading apostrophe: a command line such as
 * `=cmd|' /C calc'!A0` would otherwise run when the admin opens the file in Excel (CSV or formula
 * injection). Numbers are written by us from numeric values, never from process-controlled text, so they
 * pass as they are (a negative number is not a formula).
 */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record from its fields. */
export function csvRecord(fields: readonly CellValue[]): string {
  return fields.map(csvField).join(',');
}

/** The CSV value of a cell: raw numbers (bytes, ms, %), start time as ISO 8601 UTC, text as is. */
function exportValue(column: ProcessColumn, row: DisplayRow): CellValue {
  const value = COLUMN_SPECS[column].value(row.entry.row);
  if (column === 'startTime' && typeof value === 'number') return new Date(value).toISOString();
  return value;
}

/** The whole file: a header record with units, then one record per shown row; CRLF after every record. */
export function processesCsv(columns: readonly ProcessColumn[], rows: readonly DisplayRow[]): string {
  const lines = [csvRecord(columns.map((c) => COLUMN_SPECS[c].csvLabel))];
  for (const row of rows) lines.push(csvRecord(columns.map((c) => exportValue(c, row))));
  return `${lines.join('\r\n')}\r\n`;
}

/** "processes-2024-05-01-140309.csv" in local time: sortable, and valid for desktop:saveCsv. */
export function csvFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `processes-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.csv`;
}

/**
 * Rows as tab-separated text of what the cells show (Ctrl+C, "Copy row"), one line per row; `jobs` (the
 * console's job members) names the job as the "In a job" cell does.
 */
export function rowsAsText(columns: readonly ProcessColumn[], rows: readonly DisplayRow[], jobs: ConsoleJobMembers | null = null): string {
  return rows.map((r) => columns.map((c) => COLUMN_SPECS[c].text(r.entry.row, jobs).replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n');
}
