/**
 * Keeping an unreadable file aside: the one way every store of the console does it (settings, job templates,
 * job definitions, saved runs). The bad file is renamed beside itself to `<name>.corrupt-<time>.json`, so the
 * admin can still look at it and nothing is lost.
 *
 * Two files set aside in the same millisecond must never share a name: a plain rename onto a taken name
 * replaces that file (POSIX rename, and node's rename on Windows is MoveFileExW with MOVEFILE_REPLACE_EXISTING),
 * which would silently lose the first one. So the name is reserved first by creating it exclusively ('wx',
 * O_EXCL / CREATE_NEW: atomic, fails when the name exists), trying `-2`, `-3`... after the time until one is
 * ours, and only then is the bad file renamed over our own empty reservation.
 */
import { closeSync, openSync, promises as fsp, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Candidates tried before giving up (each one is taken only by a file already set aside in that millisecond). */
const MAX_CANDIDATES = 1000;

/** The n-th name tried for `file` set aside at `now` (n from 1): `<name>.corrupt-<ISO time, - for : and .>[-n].json`. */
export function asideCandidate(file: string, now: Date, n: number): string {
  const stem = path.join(path.dirname(file), `${path.basename(file, '.json')}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`);
  return n === 1 ? `${stem}.json` : `${stem}-${n}.json`;
}

const isTaken = (err: unknown) => (err as NodeJS.ErrnoException).code === 'EEXIST';

function exhausted(file: string): Error {
  return new Error(`could not find a free name to keep ${file} aside (${MAX_CANDIDATES} names taken)`);
}

/**
 * Renames `file` aside under a name no other file has or will get, and returns that name. If the rename
 * fails the reservation is removed and the error thrown: the file stays where it was.
 */
export async function setAside(file: string, now: Date = new Date()): Promise<string> {
  for (let n = 1; n <= MAX_CANDIDATES; n++) {
    const candidate = asideCandidate(file, now, n);
    try {
      await (await fsp.open(candidate, 'wx', 0o600)).close();
    } catch (err) {
      if (isTaken(err)) continue;
      throw err;
    }
    try {
      await fsp.rename(file, candidate);
      return candidate;
    } catch (err) {
      await fsp.rm(candidate, { force: true }).catch(() => {});
      throw err;
    }
  }
  throw exhausted(file);
}

/** setAside for callers that must stay synchronous (a saved run read on demand). */
export function setAsideSync(file: string, now: Date = new Date()): string {
  for (let n = 1; n <= MAX_CANDIDATES; n++) {
    const candidate = asideCandidate(file, now, n);
    try {
      closeSync(openSync(candidate, 'wx', 0o600));
    } catch (err) {
      if (isTaken(err)) continue;
      throw err;
    }
    try {
      renameSync(file, candidate);
      return candidate;
    } catch (err) {
      rmSync(candidate, { force: true });
      throw err;
    }
  }
  throw exhausted(file);
}
