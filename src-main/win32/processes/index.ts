/**
 * The process layer the core consumes (src-main/core/processes/process-source.ts), backed by Win32:
 * `win32ProcessSource` reads, `win32ProcessControl` acts.
 */
import type { ProcessSource } from '../../core/processes/process-source';
import { readProcessDetails } from './details';
import { readHungWindows } from './hung-windows';
import { listModules } from './modules';
import { readPriorityClasses } from './priority-class';
import { readProcessSnapshot } from './snapshot';

export { STILL_STARTING, StillStartingError } from './command-line';
export { win32ProcessControl } from './control';
export { processSnapshotStats, readProcessSnapshot } from './snapshot';
export type { ParsedSnapshot, ProcessExtension } from './snapshot-parse';

/**
 * Every process from one NtQuerySystemInformation call, each with its RS3+ extension (disk bytes,
 * job id) as `extension` where Windows appends one (parsed in snapshot-parse.ts; never under Wine);
 * details and modules of one process; priority classes on demand; hung windows per process (one
 * EnumWindows).
 */
export const win32ProcessSource: ProcessSource = {
  snapshot: () => readProcessSnapshot().processes,
  details: readProcessDetails,
  modules: listModules,
  priorityClasses: readPriorityClasses,
  hungWindows: readHungWindows,
};
