// Builds the C helpers in native/ (one .exe per .c, and one .exe per folder of .c files, such as
// native/service-host/ -> service-host.exe) with mingw-w64: x86_64-w64-mingw32-gcc on Linux, gcc
// (MSYS2/mingw-w64) on Windows. Static, so the executables need no mingw DLLs at run time.
// Rebuilds a helper only when one of its sources (.c or .h) is newer than its executable.
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
export function flagsFor(source) {
  return flagsForText(fs.readFileSync(source, 'utf8'));
}

/**
 * The flags for a program whose entry point is in `text`. Its header may also say
 * `Libraries: ws2_32 advapi32` (system DLLs to link; gcc's defaults do not include ws2_32).
 */
export function flagsForText(text) {
  const flags = [...FLAGS];
  if (/\bwmain\s*\(/.test(text)) flags.push('-municode');
  if (/^\s*\*\s*Subsystem: windows\b/m.test(text)) flags.push('-mwindows');
  const libraries = /^\s*\*\s*Libraries:\s*([\w ]+)$/m.exec(text);
  if (libraries) flags.push(...libraries[1].trim().split(/\s+/).map((name) => `-l${name}`));
  return flags;
}

/**
 * The programs to build: { name, sources, entry, inputs } for each native/<name>.c and for each folder
 * native/<name>/ with .c files (linked into one <name>.exe; `entry` is its main.c, whose header gives
 * the flags). `inputs` are every file whose change means a rebuild (a folder's .h files too).
 */
export function nativePrograms(dir = nativeSourceDir) {
  const programs = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.c')) {
      const source = path.join(dir, entry.name);
      programs.push({ name: entry.name.slice(0, -2), sources: [source], entry: source, inputs: [source] });
    } else if (entry.isDirectory()) {
      const folder = path.join(dir, entry.name);
      const files = fs.readdirSync(folder).sort();
      const sources = files.filter((f) => f.endsWith('.c')).map((f) => path.join(folder, f));
      if (sources.length === 0) continue;
      const main = path.join(folder, 'main.c');
      if (!sources.includes(main)) throw new Error(`native/${entry.name}/ has .c files but no main.c (its entry point and build header)`);
      const inputs = [...sources, ...files.filter((f) => f.endsWith('.h')).map((f) => path.join(folder, f))];
      // A folder that builds another folder's sources in (`#include "../service-host/config.c"`) is
      // rebuilt when any of that folder's .c or .h files changes.
      for (const source of sources) {
        for (const m of fs.readFileSync(source, 'utf8').matchAll(/^\s*#include\s+"\.\.\/([\w-]+)\//gm)) {
          const other = path.join(dir, m[1]);
          if (!fs.existsSync(other)) continue;
          for (const f of fs.readdirSync(other).sort()) {
            const file = path.join(other, f);
            if (/\.[ch]$/.test(f) && !inputs.includes(file)) inputs.push(file);
          }
        }
      }
      programs.push({ name: entry.name, sources, entry: main, inputs });
    }
  }
  return programs;
}

/** The executable built from native/<name>.c. */
export function nativeExe(name) {
  return path.join(nativeOutDir, `${name}.exe`);
}

function needsBuild(inputs, exe) {
  try {
    const built = fs.statSync(exe).mtimeMs;
    return inputs.some((input) => fs.statSync(input).mtimeMs > built);
  } catch {
    return true;
  }
}

/**
 * Builds every program of native/ (nativePrograms) that changed since its .exe; returns { built, upToDate } (names).
 * A compiler error throws with the compiler's output in the message.
 */
export function buildNative({ log = () => {} } = {}) {
  fs.mkdirSync(nativeOutDir, { recursive: true });
  const built = [];
  const upToDate = [];
  for (const { name, sources, entry, inputs } of nativePrograms()) {
    const file = path.relative(nativeSourceDir, sources.length === 1 ? sources[0] : path.dirname(entry)).replaceAll('\\', '/');
    const exe = nativeExe(name);
    if (!needsBuild(inputs, exe)) {
      upToDate.push(name);
      continue;
    }
    log(`[native] ${compiler} ${file} -> ${path.relative(repoRoot, exe)}`);
    // Build to a temporary name so an interrupted build never leaves a fresh-looking broken .exe.
    const partial = `${exe}.partial.exe`;
    // Libraries go after the sources: the linker resolves left to right.
    const flags = flagsFor(entry);
    const libraries = flags.filter((f) => f.startsWith('-l'));
    const options = flags.filter((f) => !f.startsWith('-l'));
    const r = spawnSync(compiler, [...options, '-o', partial, ...sources, ...libraries], { encoding: 'utf8' });
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
