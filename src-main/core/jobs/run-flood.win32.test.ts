// A flooding command through the Run engine against the real Win32 layer: a child writes many megabytes as
// fast as it can and exits. The run must be reported ended soon after its output is drained, and the time
// from the child's exit to the run:changed "exited" event is measured and printed (issue 11: "Exited"
// appeared 4 s after such a process ended).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { RunSummaryValue } from '../../../src-preload/contract/job-schemas';
import { openProcess } from '../../win32/handles';
import { SYNCHRONIZE, WAIT_OBJECT_0, kernel32 } from '../../win32/kernel32';
import { win32JobSystem } from '../../win32/jobs';
import { testChildCommand } from '../../win32/jobs/test-jobs';
import { answeringDesktop } from '../desktop/test-desktop';
import { silentLogger } from '../logger';
import { JobTemplateStore } from './job-templates';
import { RunHistoryStore } from './run-history';
import { RunManager } from './run-manager';

/** The target: a run's end shows within 250 ms of its output draining. */
const END_WITHIN_MS = 250;
const FLOOD_BYTES = 24 * 1024 * 1024;

test(`a command flooding ${FLOOD_BYTES / 1024 / 1024} MiB of output is reported exited within ${END_WITHIN_MS} ms of its exit`, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'run-flood-'));
  let lastOutputAt = 0;
  let outputChars = 0;
  let ended: { at: number; run: RunSummaryValue } | null = null;
  const runs = new RunManager(
    win32JobSystem,
    await JobTemplateStore.open(path.join(folder, 'job-templates.json'), silentLogger, 2),
    await RunHistoryStore.open(path.join(folder, 'runs'), silentLogger),
    (event, payload) => {
      if (event === 'run:output') {
        lastOutputAt = performance.now();
        outputChars += (payload as { text: string }).text.length;
      }
      if (event === 'run:changed' && (payload as RunSummaryValue).state !== 'running') ended = { at: performance.now(), run: payload as RunSummaryValue };
    },
    () => {},
    { logicalProcessors: 2 },
  );
  const k32 = kernel32();
  const startedAt = performance.now();
  try {
    const started = await runs.start({ commandLine: testChildCommand('flood', String(FLOOD_BYTES)), workingDirectory: null, environment: [], timeoutSeconds: 120, template: null }, answeringDesktop(true));
    // Our own handle on the child, polled on a short timer, tells when it exited (the engine's pump is on the same thread).
    const child = openProcess(started.pid!, SYNCHRONIZE);
    let exitedAt = 0;
    try {
      const deadline = performance.now() + 60_000;
      while (!ended && performance.now() < deadline) {
        if (!exitedAt && k32.WaitForSingleObject(child.value, 0) === WAIT_OBJECT_0) exitedAt = performance.now();
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      child.close();
    }
    assert.ok(ended, 'the run ended');
    const end = ended as { at: number; run: RunSummaryValue };
    assert.equal(end.run.state, 'exited');
    assert.equal(end.run.exitCode, 0);
    assert.equal(end.run.outputBytes, FLOOD_BYTES, 'every byte was read');
    // Not seen before the event: the engine saw the exit in the same poll interval (under 5 ms before it).
    const exitToEvent = exitedAt > 0 ? end.at - exitedAt : 0;
    const drainToEvent = end.at - lastOutputAt;
    t.diagnostic(`flood of ${FLOOD_BYTES} bytes in ${(end.at - startedAt).toFixed(0)} ms: child exit -> run:changed exited ${exitToEvent.toFixed(0)} ms; last output -> exited ${drainToEvent.toFixed(0)} ms; ${outputChars} chars pushed`);
    assert.ok(exitToEvent <= END_WITHIN_MS, `exited shown ${exitToEvent.toFixed(0)} ms after the child exited (target ${END_WITHIN_MS} ms)`);
  } finally {
    await runs.stopAll();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
