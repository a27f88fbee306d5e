// Builds the event message DLL for the "Admin Console" event source from native/event-messages.mc:
// windmc (message table) -> windres (resource object) -> a resource-only DLL (no code, no entry point).
// mingw-w64's cross tools on Linux, MSYS2/mingw-w64's on Windows. Rebuilt only when the .mc is newer.
//   node scripts/build-event-messages.mjs [outDir]   (default out/event-messages, what `npm run dist` packs)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isWindows, repoRoot } from './rig/config.mjs';

/** The message file's source and the DLL's name (electron-builder.yml extraResources and build/installer.nsh use it). */
export const eventMessagesSource = path.join(repoRoot, 'native', 'event-messages.mc');
export const EVENT_MESSAGES_DLL = 'admin-console-events.dll';

const tool = (name) => (isWindows ? name : `x86_64-w64-mingw32-${name}`);

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const why = r.error?.code === 'ENOENT' ? ` (${command} not found; it comes with mingw-w64's binutils: run node scripts/rig/setup.mjs)` : '';
    throw new Error(`${command} ${args.join(' ')} failed${why}:\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim() || r.error?.message || `exit ${r.status}`}`);
  }
}

/** Builds `<outDir>/admin-console-events.dll` when missing or older than the .mc; returns its path. */
export function buildEventMessages(outDir, { log = () => {} } = {}) {
  const dll = path.join(outDir, EVENT_MESSAGES_DLL);
  try {
    if (fs.statSync(dll).mtimeMs >= fs.statSync(eventMessagesSource).mtimeMs) return dll;
  } catch {
    // Not built yet.
  }
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'event-messages-'));
  try {
    log(`[native] ${tool('windmc')} + ${tool('windres')} event-messages.mc -> ${path.relative(repoRoot, dll)}`);
    run(tool('windmc'), ['-h', work, '-r', work, eventMessagesSource], work);
    run(tool('windres'), ['-i', path.join(work, 'event-messages.rc'), '-o', path.join(work, 'event-messages.o')], work);
    // -e 0: a DLL with no entry point (LoadLibraryEx as a data file, as Event Viewer does, needs none).
    const partial = path.join(work, EVENT_MESSAGES_DLL);
    run(tool('gcc'), ['-shared', '-nostdlib', '-Wl,-e,0', '-s', '-o', partial, path.join(work, 'event-messages.o')], work);
    fs.copyFileSync(partial, dll);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return dll;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dll = buildEventMessages(path.resolve(process.argv[2] ?? path.join(repoRoot, 'out', 'event-messages')), { log: console.log });
  console.log(`[native] ${path.relative(repoRoot, dll)}`);
}
