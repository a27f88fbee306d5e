// Builds the C helpers in native/ (one .exe per .c) with mingw-w64: x86_64-w64-mingw32-gcc on Linux,
// gcc (MSYS2/mingw-w64) on Windows. Static, so the executables need no mingw DLLs at run time.
// Rebuilds a helper only when its source is newer than its executable.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildEventMessages } from './build-event-messages.mjs';
import { isWindows, nativeOutDir, repoRoot } from './rig/config.mjs';

/** Where the C sources live. */
export const nativeSourceDir = path.join(repoRoot, 'native');

/** The compiler for the host: mingw-w64's cross gcc on Linux, gcc on Windows. */
export const compiler = isWindows ? 'gcc' : 'x86_64-w64-mingw32-gcc';

// Warnings are printed, not fatal: a helper that builds and runs is more use to a test run than a
// red build over a cast gcc dislikes (e.g. GetProcAddress results under -Wcast-function-type).
const FLAGS = ['-std=c11', '-O2', '-Wall', '-Wextra', '-static'];

/**
 * A source with a wmain entry point needs -municode to link. One that says `Subsystem: windows` in its
 * header comment is linked as a GUI program (-mwindows): Wine starts a conhost.exe beside every
 * console program it runs without a console, which would double the process count of a bench.
 */
function flagsFor(source) {
  const text = fs.readFileSync(source, 'utf8');
  const flags = [...FLAGS];
  if (/\bwmain\s*\(/.test(text)) flags.push('-municode');
  if (/^\s*\*\s*Subsystem: windows\b/m.test(text)) flags.push('-mwindows');
  return flags;
}

/** The executable built from native/<name>.c. */
export function nativeExe(name) {
  return path.join(nativeOutDir, `${name}.exe`);
}

function needsBuild(source, exe) {
  try {
    return fs.statSync(source).mtimeMs > fs.statSync(exe).mtimeMs;
  } catch {
    return true;
  }
}

/**
 * Builds every native/*.c that changed since its .exe; returns { built, upToDate } (names).
 * A compiler error throws with the compiler's output in the message.
 */
export function buildNative({ log = () => {} } = {}) {
  fs.mkdirSync(nativeOutDir, { recursive: true });
  const built = [];
  const upToDate = [];
  for (const file of fs.readdirSync(nativeSourceDir).filter((f) => f.endsWith('.c')).sort()) {
    const name = file.slice(0, -2);
    const source = path.join(nativeSourceDir, file);
    const exe = nativeExe(name);
    if (!needsBuild(source, exe)) {
      upToDate.push(name);
      continue;
    }
    log(`[native] ${compiler} ${file} -> ${path.relative(repoRoot, exe)}`);
    // Build to a temporary name so an interrupted build never leaves a fresh-looking broken .exe.
    const partial = `${exe}.partial.exe`;
    const r = spawnSync(compiler, [...flagsFor(source), '-o', partial, source], { encoding: 'utf8' });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (r.error || r.status !== 0) {
      fs.rmSync(partial, { force: true });
      const why = r.error?.code === 'ENOENT' ? ` (${compiler} not found; run node scripts/rig/setup.mjs)` : '';
      throw new Error(`building native/${file} failed${why}:\n${output || r.error?.message || `exit ${r.status}`}`);
    }
    if (output) log(output);
    fs.renameSync(partial, exe);
    built.push(name);
  }
  // The event message DLL (native/event-messages.mc): the Win32 suite formats each audit event ID with it.
  buildEventMessages(nativeOutDir, { log });
  return { built, upToDate };
}

/** True when `moduleUrl` is the script node was started with (a file URL built properly: drive letters, spaces). */
export function isMainScript(moduleUrl, argv1 = process.argv[1]) {
  return argv1 !== undefined && moduleUrl === pathToFileURL(path.resolve(argv1)).href;
}

if (isMainScript(import.meta.url)) {
  const r = buildNative({ log: console.log });
  console.log(`[native] built: ${r.built.join(', ') || 'none'}; up to date: ${r.upToDate.join(', ') || 'none'}`);
}
