/**
 * The tables' column ids and layout bounds, shared by the contract (settings schemas) and the renderer
 * (column specs). No zod here: the renderer imports these values, not the schemas.
 */

/** The Services table's columns, in their default order. */
export const SERVICE_COLUMNS = [
  'name',
  'displayName',
  'state',
  'startType',
  'account',
  'pid',
  'binaryPath',
  'description',
  'errorControl',
  'win32ExitCode',
  'serviceExitCode',
  'dependencies',
  'recovery',
] as const;

/** The Jobs table's columns, in order. */
export const JOB_COLUMNS = ['name', 'origin', 'open', 'members', 'active', 'cpuTime', 'peakJobMemory', 'template'] as const;

/** The tables whose layout (column widths, details pane size) is kept in settings. */
export const LAYOUT_TABLES = ['processes', 'services', 'jobs'] as const;
export type LayoutTable = (typeof LAYOUT_TABLES)[number];

/**
 * A column's width in px. Narrower than 40 px a header cannot show its resize handle and one letter;
 * wider than 1200 px one column outgrows a full-HD window.
 */
export const COLUMN_WIDTH_MIN = 40;
export const COLUMN_WIDTH_MAX = 1200;

/**
 * The details pane's size in px (its width beside the table, or its height under it). Below 160 px no
 * field fits; 2000 px covers a 4K window.
 */
export const DETAILS_SIZE_MIN = 160;
export const DETAILS_SIZE_MAX = 2000;
