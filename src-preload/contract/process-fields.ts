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
  'suspendedThreads',
  'hungWindows',
] as const;

export type ProcessNumberField = (typeof PROCESS_NUMBER_FIELDS)[number];

/**
 * Numbers a system may not fill in (see unknown.ts): null in a row, with the reason in the snapshot's
 * `unreported` map. Wine leaves private bytes and the I/O counters at 0 and gives base priority 2 for
 * every process; the disk and job fields exist only in the Windows 10 RS3+ process extension; Wine leaves
 * every thread's state empty, so which threads are suspended is not known there. Hung windows are unknown
 * when the window list could not be read (EnumWindows failed).
 */
export const UNREPORTABLE_PROCESS_FIELDS = [
  'privateBytes',
  'basePriority',
  'ioReadBytes',
  'ioWriteBytes',
  'ioOtherBytes',
  'diskReadBytes',
  'diskWriteBytes',
  'jobObjectId',
  'suspendedThreads',
  'hungWindows',
] as const satisfies readonly ProcessNumberField[];

export type UnreportableProcessField = (typeof UNREPORTABLE_PROCESS_FIELDS)[number];

/** Numbers a delta may set to null: the unreportable ones and the CPU % (no reading yet). */
export const NULLABLE_PROCESS_NUMBER_FIELDS: ReadonlySet<ProcessNumberField> = new Set<ProcessNumberField>(['cpuPercent', ...UNREPORTABLE_PROCESS_FIELDS]);

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
  'status',
  'imagePath',
  'commandLine',
] as const;

export type ProcessColumn = (typeof PROCESS_COLUMNS)[number];

/** What a fresh install shows. */
export const DEFAULT_PROCESS_COLUMNS: readonly ProcessColumn[] = [
  'name',
  'pid',
  // Beside the PID, as Task Manager's Details tab has it.
  'status',
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
