/**
 * Process fields shared by main and renderer at run time (no zod, so the renderer may import it):
 * the numeric fields that change tick to tick, in the order the compact delta encodes them, and the
 * columns the Processes table can show.
 */

/**
 * Numbers that change between ticks, in delta order. A `processes:changed` entry is
 * `[pid, mask, ...values]`: bit i of `mask` set means field i changed and its value follows, in order.
 */
export const PROCESS_NUMBER_FIELDS = [
  'cpuPercent',
  'workingSetBytes',
  'privateBytes',
  'pagefileBytes',
  'threadCount',
  'handleCount',
  'userTimeMs',
  'kernelTimeMs',
  'basePriority',
  'ioReadBytes',
  'ioWriteBytes',
  'ioOtherBytes',
  'diskReadBytes',
  'diskWriteBytes',
  'jobObjectId',
] as const;

export type ProcessNumberField = (typeof PROCESS_NUMBER_FIELDS)[number];

/** Every column the Processes table offers (the admin picks and orders them; saved in settings). */
export const PROCESS_COLUMNS = [
  'name',
  'pid',
  'parentPid',
  'cpuPercent',
  'cpuTimeMs',
  'userTimeMs',
  'kernelTimeMs',
  'workingSetBytes',
  'privateBytes',
  'pagefileBytes',
  'threadCount',
  'handleCount',
  'basePriority',
  'ioReadBytes',
  'ioWriteBytes',
  'ioOtherBytes',
  'diskReadBytes',
  'diskWriteBytes',
  'sessionId',
  'startTime',
  'user',
  'inJob',
  'imagePath',
  'commandLine',
] as const;

export type ProcessColumn = (typeof PROCESS_COLUMNS)[number];

/** What a fresh install shows. */
export const DEFAULT_PROCESS_COLUMNS: readonly ProcessColumn[] = [
  'name',
  'pid',
  'cpuPercent',
  'workingSetBytes',
  'privateBytes',
  'threadCount',
  'user',
  'commandLine',
];

/** Priority classes an admin can set (SetPriorityClass). */
export const PRIORITY_CLASSES = ['idle', 'belowNormal', 'normal', 'aboveNormal', 'high', 'realtime'] as const;
export type PriorityClassName = (typeof PRIORITY_CLASSES)[number];
