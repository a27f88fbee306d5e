/** FILETIME of the Unix epoch: 100-ns intervals between 1601-01-01 and 1970-01-01. */
const UNIX_EPOCH_FILETIME = 116_444_736_000_000_000n;

/** A FILETIME (100-ns units since 1601) as ms since the Unix epoch; 0 stays 0 (Idle, System). */
export function fileTimeToUnixMs(fileTime: bigint): number {
  if (fileTime === 0n) return 0;
  return Number((fileTime - UNIX_EPOCH_FILETIME) / 10_000n);
}

/** 100-ns units as ms. */
export const hundredNsToMs = (value: bigint): number => Number(value) / 10_000;

/** The identity of one process: a PID alone can be reused by a new process. */
export const processKey = (pid: number, createTime: bigint | string): string => `${pid}:${createTime}`;
