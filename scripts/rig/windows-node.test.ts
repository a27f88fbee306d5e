import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { superviseRun } from './windows-node.mjs';

let folder: string | undefined;
afterEach(() => {
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** A process that writes `text` to its output file, then stays (a timer keeps it) or exits after `exitAfterMs`. */
function start(text: string, exitAfterMs: number | null) {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'supervise-'));
  const outputFile = path.join(folder, 'out.txt');
  const fd = fs.openSync(outputFile, 'w');
  const script = `process.stdout.write(${JSON.stringify(text)}); ${exitAfterMs === null ? 'setInterval(() => {}, 1000);' : `setTimeout(() => process.exit(3), ${exitAfterMs});`}`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  return { child, outputFile };
}

describe('superviseRun', () => {
  test('ends a process that is still there lingerMs after its output says it finished, and says so', async () => {
    const { child, outputFile } = start('# pass 3\n# fail 0\n', null);
    const run = await superviseRun(child, { outputFile, timeoutMs: 20_000, finished: (o: string) => o.includes('# fail'), lingerMs: 300, pollMs: 50 });
    expect(run).toMatchObject({ lingered: true, timedOut: false, output: '# pass 3\n# fail 0\n' });
  });

  test('leaves a process that has not finished alone until the timeout', async () => {
    const { child, outputFile } = start('# Subtest: still going\n', null);
    const run = await superviseRun(child, { outputFile, timeoutMs: 600, finished: (o: string) => o.includes('# fail'), lingerMs: 100, pollMs: 50 });
    expect(run).toMatchObject({ lingered: false, timedOut: true });
  });

  test('a process that exits on its own keeps its exit code', async () => {
    const { child, outputFile } = start('# pass 1\n# fail 0\n', 100);
    const run = await superviseRun(child, { outputFile, timeoutMs: 20_000, finished: (o: string) => o.includes('# fail'), lingerMs: 5_000, pollMs: 50 });
    expect(run).toMatchObject({ code: 3, lingered: false, timedOut: false });
  });
});
