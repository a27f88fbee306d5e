// Keeps the Wine server warm for a run and stops it afterwards - but only when this run started it, and only
// the one serving our private prefix (a preview someone left running on the same prefix keeps its server).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isWindows, prefixDir, wineEnv } from './config.mjs';

/**
 * True when a process's argv[0] is a Wine server: `wineserver` upstream, but Debian's /usr/bin/wineserver is a
 * script that execs /usr/lib/wine/wineserver64 (or wineserver32) -p0, so that is the name /proc shows.
 */
export function isWineServerProgram(argv0) {
  return /^wineserver(32|64)?$/.test(path.basename(argv0 ?? ''));
}

/**
 * True when a running process ({ argv0, environ: its NAME=value entries }) is the Wine server of `prefix`:
 * a server inherits the WINEPREFIX of whoever started it (`wineserver -p` here, or the first wine client).
 */
export function servesPrefix(proc, prefix) {
  if (!isWineServerProgram(proc.argv0)) return false;
  const given = proc.environ.find((e) => e.startsWith('WINEPREFIX='))?.slice('WINEPREFIX='.length);
  return given !== undefined && given !== '' && path.resolve(given) === path.resolve(prefix);
}

/** True when a wineserver for our prefix is running (read from /proc). */
export function wineServerRunning() {
  if (isWindows) return false;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const argv0 = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
      if (!isWineServerProgram(argv0)) continue;
      if (servesPrefix({ argv0, environ: fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') }, prefixDir)) return true;
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return false;
}

/**
 * Starts a persistent wineserver for our prefix unless one runs (a warm `wine node.exe` starts in ~0.2 s
 * instead of ~0.6 s). Returns a stop function that kills it only if this call started it.
 */
export function warmWineServer() {
  if (isWindows) return () => {};
  const startedHere = !wineServerRunning();
  if (startedHere) spawnSync('wineserver', ['-p'], { env: wineEnv(), stdio: 'ignore' });
  return () => {
    if (startedHere) spawnSync('wineserver', ['-k'], { env: wineEnv(), stdio: 'ignore' });
  };
}
