import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunOutputChunkValue, RunSummaryValue } from '../../../src-preload/contract/job-schemas';
import { answeringDesktop } from '../desktop/test-desktop';
import { silentLogger } from '../logger';
import { JobTemplateStore } from './job-templates';
import { RunHistoryStore } from './run-history';
import { CANCEL_EXIT_CODE, PUMP_MS, RunManager, TIMEOUT_EXIT_CODE, type RunTimers } from './run-manager';
import { noLimits } from './limit-differences';
import { FakeJobSystem } from './test-doubles';
import type { AuditRecord } from '../audit/audit-record';

/** Timers the test advances by hand. */
function manualTimers(): RunTimers & { advance(ms: number): void } {
  let now = 1_000_000;
  const timeouts = new Map<number, { at: number; fn: () => void }>();
  const intervals = new Map<number, { every: number; next: number; fn: () => void }>();
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (fn, ms) => (timeouts.set(nextId, { at: now + ms, fn }), nextId++),
    clearTimeout: (h) => void timeouts.delete(h as number),
    setInterval: (fn, ms) => (intervals.set(nextId, { every: ms, next: now + ms, fn }), nextId++),
    clearInterval: (h) => void intervals.delete(h as number),
    advance(ms) {
      const end = now + ms;
      while (now < end) {
        now = Math.min(end, now + 10);
        for (const [id, t] of [...timeouts]) {
          if (t.at > now) continue;
          timeouts.delete(id);
          t.fn();
        }
        for (const i of [...intervals.values()]) {
          if (i.next > now) continue;
          i.next += i.every;
          i.fn();
        }
      }
    },
  };
}

let folder: string;
let current: RunManager | undefined;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'runs-'));
});
afterEach(async () => {
  await current?.idle();
  current = undefined;
  fs.rmSync(folder, { recursive: true, force: true });
});

async function setup(cap?: number) {
  const system = new FakeJobSystem();
  const templates = await JobTemplateStore.open(path.join(folder, 'job-templates.json'), silentLogger, 4);
  const history = await RunHistoryStore.open(path.join(folder, 'runs'), silentLogger);
  const outputs: RunOutputChunkValue[] = [];
  const changes: RunSummaryValue[] = [];
  const audits: string[] = [];
  const records: AuditRecord[] = [];
  const timers = manualTimers();
  const runs = new RunManager(
    system,
    templates,
    history,
    (event, payload) => {
      if (event === 'run:output') outputs.push(payload as RunOutputChunkValue);
      if (event === 'run:changed') changes.push(payload as RunSummaryValue);
    },
    (r) => {
      records.push(r);
      audits.push(`${r.action} ${r.outcome}: ${r.message}`);
    },
    { logicalProcessors: 4, timers, outputCapBytes: cap, resolve },
  );
  current = runs;
  return { system, runs, outputs, changes, audits, records, timers, history };
}

/** Every program "exists" (unit tests never start anything real). */
const resolve = (commandLine: string) => ({ program: `C:\\bin\\${commandLine.split(' ')[0]}`, arguments: commandLine.split(' ').slice(1) });

const request = { commandLine: 'build.exe --all', workingDirectory: 'C:\\src', environment: [{ name: 'MODE', value: 'ci' }], timeoutSeconds: 10, template: null };

describe('RunManager', () => {
  it('lists the arguments one per line, numbered, however many there are', async () => {
    const { runs } = await setup();
    const desktop = answeringDesktop(false);
    await expect(runs.start({ ...request, commandLine: 'tool.exe --pad x --plugin C:\\Users\\Public\\evil.dll' }, desktop)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(desktop.prompts[0]?.detail).toContain('Arguments:\n  1. --pad\n  2. x\n  3. --plugin\n  4. C:\\Users\\Public\\evil.dll');
    expect(desktop.prompts[0]?.detail).not.toContain(' | ');
  });

  it('refuses a batch file with a character cmd.exe would interpret, naming it, before asking', async () => {
    const { runs, system } = await setup();
    const desktop = answeringDesktop(true);
    await expect(runs.start({ ...request, commandLine: 'deploy.cmd prod&calc' }, desktop)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('character &') });
    expect(desktop.prompts).toEqual([]);
    expect(system.launched).toEqual([]);
    await runs.start({ ...request, commandLine: 'deploy.bat prod' }, desktop);
    expect(desktop.prompts[0]?.detail).toContain('batch file: Windows runs it through cmd.exe');
  });

  it('asks the main process first, runs in a new kill-on-close job, streams both pipes, and ends with the exit code', async () => {
    const { system, runs, outputs, changes, timers, records } = await setup();
    const desktop = answeringDesktop(true);
    const started = await runs.start(request, desktop);
    expect(desktop.prompts[0]?.detail).toContain('Program: C:\\bin\\build.exe');
    expect(desktop.prompts[0]?.detail).toContain('Arguments:\n  1. --all');
    expect(desktop.prompts[0]?.detail).toContain('Environment additions:\n  MODE=ci');
    const job = [...system.jobs.values()][0]!;
    expect(job.name).toBe('(unnamed)');
    expect(job.limits?.killOnJobClose).toBe(true);
    expect(system.launched[0]?.options).toEqual({ application: 'C:\\bin\\build.exe', commandLine: 'build.exe --all', workingDirectory: 'C:\\src', environment: [{ name: 'MODE', value: 'ci' }] });
    const child = system.piped[0]!;
    child.stdout.push(Buffer.from('compiling\n'));
    child.stderr.push(Buffer.from('warning: x\n'));
    timers.advance(PUMP_MS);
    expect(outputs.map((o) => [o.stream, o.text])).toEqual([
      ['stdout', 'compiling\n'],
      ['stderr', 'warning: x\n'],
    ]);
    child.stdout.push(Buffer.from('done\n'));
    child.exit(0);
    timers.advance(PUMP_MS);
    expect(changes.at(-1)).toMatchObject({ id: started.id, state: 'exited', exitCode: 0 });
    expect(child.closed).toBe(true);
    expect(job.closed).toBe(true);
    expect(runs.running()).toBe(0);
    const { chunks } = runs.output(started.id);
    expect(chunks.map((c) => c.text).join('')).toBe('compiling\nwarning: x\ndone\n');
    // On the record: the start (environment names only, never values) and the end with its exit code.
    expect(records.map((r) => [r.action, r.target.run, r.outcome])).toEqual([
      ['run.start', started.id, 'ok'],
      ['run.end', started.id, 'ok'],
    ]);
    expect(records[0]?.after).toMatchObject({ commandLine: 'build.exe --all', environmentNames: ['MODE'] });
    expect(records[1]?.after).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(JSON.stringify(records)).not.toContain('"ci"');
  });

  it('starts nothing when the admin declines', async () => {
    const { system, runs } = await setup();
    await expect(runs.start(request, answeringDesktop(false))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(system.jobs.size).toBe(0);
  });

  it('a timeout terminates the whole job and reports timedOut, keeping the output', async () => {
    const { system, runs, changes, timers } = await setup();
    const started = await runs.start({ ...request, timeoutSeconds: 2 }, answeringDesktop(true));
    system.piped[0]!.stdout.push(Buffer.from('still going\n'));
    timers.advance(2000 + PUMP_MS * 2);
    const job = [...system.jobs.values()][0]!;
    expect(job.terminatedWith).toBe(TIMEOUT_EXIT_CODE);
    expect(changes.at(-1)).toMatchObject({ id: started.id, state: 'timedOut', exitCode: TIMEOUT_EXIT_CODE });
    expect(changes.at(-1)?.message).toContain('Stopped after 2 s');
    expect(runs.output(started.id).chunks[0]?.text).toBe('still going\n');
  });

  it('cancel terminates the job; a run that already ended cannot be cancelled', async () => {
    const { system, runs, changes, timers } = await setup();
    const started = await runs.start(request, answeringDesktop(true));
    runs.cancel(started.id);
    timers.advance(PUMP_MS);
    expect([...system.jobs.values()][0]!.terminatedWith).toBe(CANCEL_EXIT_CODE);
    expect(changes.at(-1)).toMatchObject({ state: 'cancelled' });
    expect(() => runs.cancel(started.id)).toThrow(/No run/);
  });

  it("lists each running run's job with its members (the Processes view names them), and none once it ended", async () => {
    const { system, runs, timers } = await setup();
    expect(runs.liveJobs()).toEqual([]);
    const started = await runs.start(request, answeringDesktop(true));
    const child = system.piped[0]!;
    expect(runs.liveJobs()).toEqual([{ runId: started.id, commandLine: 'build.exe --all', pids: [child.pid] }]);
    runs.cancel(started.id);
    timers.advance(PUMP_MS);
    expect(runs.liveJobs()).toEqual([]);
  });

  it('keeps going while a grandchild holds the output pipe after the command exited', async () => {
    const { system, runs, changes, timers } = await setup();
    await runs.start(request, answeringDesktop(true));
    const child = system.piped[0]!;
    child.code = 0; // the command exited, but a grandchild still writes to the pipe
    timers.advance(PUMP_MS * 3);
    expect(changes.at(-1)?.state).toBe('running');
    child.exit(0);
    timers.advance(PUMP_MS);
    expect(changes.at(-1)?.state).toBe('exited');
  });

  it('bounds the kept output, dropping the oldest and counting what was dropped', async () => {
    const { system, runs, changes, timers } = await setup(64);
    const started = await runs.start(request, answeringDesktop(true));
    const child = system.piped[0]!;
    for (let i = 0; i < 10; i++) child.stdout.push(Buffer.from(`line ${i} ${'x'.repeat(20)}\n`));
    child.exit(0);
    timers.advance(PUMP_MS);
    const summary = changes.at(-1)!;
    expect(summary.truncatedBytes).toBeGreaterThan(0);
    const kept = runs.output(started.id).chunks.map((c) => c.text).join('');
    expect(kept.endsWith('line 9 xxxxxxxxxxxxxxxxxxxx\n')).toBe(true);
    expect(kept).not.toContain('line 0');
  });

  it('saves finished runs to the history, newest first', async () => {
    const { system, runs, timers } = await setup();
    const first = await runs.start(request, answeringDesktop(true));
    system.piped[0]!.exit(3);
    timers.advance(PUMP_MS);
    const second = await runs.start({ ...request, commandLine: 'second.exe' }, answeringDesktop(true));
    system.piped[1]!.exit(0);
    timers.advance(PUMP_MS);
    await runs.idle();
    const { runs: list } = runs.history();
    expect(list.map((r) => [r.id, r.exitCode])).toEqual([
      [second.id, 0],
      [first.id, 3],
    ]);
  });
});

describe('RunManager limits', () => {
  it('holds kill on close even when the template has a limit Windows refuses, and says so', async () => {
    const { system, runs, templates } = await setupWithTemplates();
    system.refuseCpuRate = true;
    await templates.save({ name: 'Capped', description: '', limits: { ...noLimits(), cpuRate: { kind: 'hardCap', percent: 20 } } });
    const started = await runs.start({ ...request, template: 'Capped' }, answeringDesktop(true));
    expect([...system.jobs.values()][0]!.limits?.killOnJobClose).toBe(true);
    expect(started.message).toContain('(87)');
  });
});

async function setupWithTemplates() {
  const context = await setup();
  const templates = await JobTemplateStore.open(path.join(folder, 'job-templates.json'), silentLogger, 4);
  const runs = new RunManager(context.system, templates, await RunHistoryStore.open(path.join(folder, 'runs2'), silentLogger), () => {}, () => {}, {
    logicalProcessors: 4,
    timers: context.timers,
    resolve,
  });
  current = runs;
  return { ...context, runs, templates };
}

describe('RunManager output and shutdown', () => {
  it('pushes one event per stream per pump, however many reads it took', async () => {
    const { system, runs, outputs, timers } = await setup();
    await runs.start(request, answeringDesktop(true));
    for (let i = 0; i < 50; i++) system.piped[0]!.stdout.push(Buffer.from(`${i}\n`));
    timers.advance(PUMP_MS);
    expect(outputs.filter((o) => o.stream === 'stdout')).toHaveLength(1);
  });

  it('drains a flood that a command left in its pipe within one pump, so its end shows at once (issue 11: 4 s late)', async () => {
    const { system, runs, outputs, changes, timers } = await setup();
    const started = await runs.start(request, answeringDesktop(true));
    const child = system.piped[0]!;
    // 4 MiB in 64 KiB pieces, as a flooding child leaves them, then its exit.
    for (let i = 0; i < 64; i++) child.stdout.push(Buffer.alloc(64 * 1024, 0x61));
    child.exit(0);
    timers.advance(PUMP_MS);
    expect(changes.at(-1)).toMatchObject({ id: started.id, state: 'exited', exitCode: 0, outputBytes: 4 * 1024 * 1024, truncatedBytes: 3 * 1024 * 1024 });
    // One event, the newest 1 MiB (what the buffer keeps): the rest is counted as truncated, not pushed.
    expect(outputs.map((o) => o.text.length)).toEqual([1024 * 1024]);
  });

  it('a timeout that fires after the command finished on its own reports it as exited', async () => {
    const { system, runs, changes, timers } = await setup();
    await runs.start({ ...request, timeoutSeconds: 1 }, answeringDesktop(true));
    system.piped[0]!.exit(0);
    timers.advance(1000);
    expect(changes.at(-1)).toMatchObject({ state: 'exited', exitCode: 0 });
  });

  it('at shutdown every live run is ended, closed and saved', async () => {
    const { system, runs } = await setup();
    const started = await runs.start(request, answeringDesktop(true));
    await runs.stopAll();
    expect(runs.running()).toBe(0);
    expect(system.piped[0]!.closed).toBe(true);
    expect(runs.history().runs[0]).toMatchObject({ id: started.id, state: 'cancelled' });
  });
});
