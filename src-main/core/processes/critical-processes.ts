/**
 * Processes whose termination (or suspension) takes Windows down - a bug check for csrss, wininit, smss,
 * services, lsass; a logoff for winlogon - or kills this console. Actions on them are refused unless the
 * request carries the override and the main process's own dialog confirms it.
 * Matching by name also protects a look-alike in another folder; the override covers that rare case.
 */
const CRITICAL_IMAGE_NAMES = new Set([
  'system',
  'registry',
  'memory compression',
  'secure system',
  'smss.exe',
  'csrss.exe',
  'wininit.exe',
  'winlogon.exe',
  'services.exe',
  'lsass.exe',
  'lsaiso.exe',
]);

/** PID 0 (System Idle Process) and 4 (System) are kernel pseudo-processes. */
const KERNEL_PIDS = new Set([0, 4]);

export function isCriticalProcess(pid: number, name: string, consolePids: ReadonlySet<number>): boolean {
  return KERNEL_PIDS.has(pid) || consolePids.has(pid) || CRITICAL_IMAGE_NAMES.has(name.toLowerCase());
}
