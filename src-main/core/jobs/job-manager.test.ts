import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobsChanged } from '../../../src-preload/contract/job-schemas';
import { answeringDesktop } from '../desktop/answering-desktop';
import { silentLogger } from '../logger';
import { ProcessCollector } from '../processes/process-collector';
import { raw, ScriptedSource } from '../processes/test-doubles';
import { JobDefinitionStore } from './job-definitions';
import { JobManager } from './job-manager';
import type { JobLimits } from './job-system';
import { JobTemplateStore } from './job-templates';
import { JobTimeline } from './job-timeline';
import { noLimits } from './limit-differences';
import { FakeJobSystem } from './test-doubles';

let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

async function setup(system = new FakeJobSystem(), { underWine = false } = {}) {
  const source = new ScriptedSource();
  const processes = new ProcessCollector(source, 4, new Set());
  const templates = await JobTemplateStore.open(path.join(folder, 'job-templates.json'), silentLogger, 4);
  const definitions = await JobDefinitionStore.open(path.join(folder, 'jobs.json'), silentLogger);
  const audits: string[] = [];
  const manager = new JobManager(system, processes, definitions, templates, new JobTimeline(), (r) => audits.push(`${r.action} ${r.job} ${r.ok}`), { windowsBuild: 19045, underWine });
  return { system, source, processes, templates, definitions, manager, audits };
}

const limits = (overrides: Partial<JobLimits> = {}): JobLimits => ({ ...noLimits(), killOnJobClose: true, ...overrides });

describe('JobManager', () => {
  it('creates a job with limits, reads them back, saves its definition, and reports it each tick', async () => {
    const { system, manager, definitions, audits } = await setup();
    await manager.create('Build', null, limits({ jobMemoryBytes: 512 * 1024 * 1024 }));
    expect(system.jobs.get('build')?.limits).toMatchObject({ jobMemoryBytes: 512 * 1024 * 1024, killOnJobClose: true });
    expect(definitions.list().map((d) => d.name)).toEqual(['Build']);
    const changed = manager.tick(1000);
    expect(() => JobsChanged.parse(changed)).not.toThrow();
    expect(changed?.jobs[0]).toMatchObject({ name: 'Build', origin: 'console', open: true, differences: [] });
    expect(changed?.events.map((e) => e.kind)).toEqual(['created']);
    expect(manager.tick(2000)?.events).toEqual([]);
    expect(audits).toEqual(['create Build true']);
  });

  it('refuses a second job of the same name and an unknown template', async () => {
    const { manager } = await setup();
    await manager.create('Build', null, null);
    await expect(manager.create('build', null, null)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(manager.create('Other', 'No such template', null)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows what Windows holds next to what was asked when a limit is refused (CPU rate) or not reported (Wine)', async () => {
    const system = new FakeJobSystem();
    system.refuseCpuRate = true;
    const { manager } = await setup(system);
    await manager.create('Capped', null, null);
    const row = await manager.setLimits('Capped', limits({ cpuRate: { kind: 'hardCap', percent: 25 } }));
    expect(row.limitsHeld?.cpuRate).toBeNull();
    expect(row.differences[0]).toMatchObject({ field: 'apply', note: expect.stringContaining('87') });
    expect(row.differences.some((d) => d.field === 'cpuRate')).toBe(true);
  });

  it('launches a command into the job only after the main process confirms it', async () => {
    const { system, manager } = await setup();
    await manager.create('Build', null, null);
    const no = answeringDesktop(false);
    await expect(manager.launch('Build', 'make all', null, no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(system.launched).toEqual([]);
    const yes = answeringDesktop(true);
    const launched = await manager.launch('Build', 'make all', 'C:\\src', yes);
    expect(yes.prompts[0]?.detail).toContain('Command line: make all');
    expect(system.launched[0]).toMatchObject({ job: 'Build', options: { commandLine: 'make all', workingDirectory: 'C:\\src' } });
    expect(manager.tick(1)?.jobs[0]?.members.map((m) => m.pid)).toEqual([launched.pid]);
  });

  it('turns completion-port messages into the timeline, important ones flagged', async () => {
    const { system, manager } = await setup();
    await manager.create('Build', null, null);
    manager.tick(0);
    system.jobs.get('build')!.listener!({ kind: 'activeProcessZero', code: 4, pid: null });
    system.jobs.get('build')!.listener!({ kind: 'exitProcess', code: 7, pid: 1234 });
    const events = manager.tick(1)?.events ?? [];
    expect(events.map((e) => [e.kind, e.important])).toEqual([
      ['activeProcessZero', true],
      ['exitProcess', false],
    ]);
  });

  it('terminates and closes only after confirming; closing a kill-on-close job with members says they die', async () => {
    const { system, manager, definitions } = await setup();
    await manager.create('Build', null, limits());
    await manager.launch('Build', 'make', null, answeringDesktop(true));
    await expect(manager.terminate('Build', answeringDesktop(false))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(system.jobs.get('build')?.terminatedWith).toBeNull();
    await manager.launch('Build', 'make', null, answeringDesktop(true));
    const yes = answeringDesktop(true);
    await manager.close('Build', yes);
    expect(yes.prompts[0]?.detail).toContain('will end now');
    expect(system.jobs.get('build')?.closed).toBe(true);
    expect(definitions.list()).toEqual([]);
    expect(manager.snapshot().jobs).toEqual([]);
  });

  it('recreates saved jobs after a restart, reopening one whose members kept it alive', async () => {
    const system = new FakeJobSystem();
    const first = await setup(system);
    await first.manager.create('Kept', null, limits({ killOnJobClose: false }));
    await first.manager.create('Gone', null, limits());
    system.jobs.get('gone')!.close();
    const second = await setup(system);
    await second.manager.restore();
    expect(second.manager.snapshot().jobs.map((j) => [j.name, j.open, j.origin])).toEqual([
      ['Kept', true, 'console'],
      ['Gone', true, 'console'],
    ]);
  });

  it('adds an existing process after confirming, naming it from the process table', async () => {
    const { source, processes, system, manager } = await setup();
    source.current.push(raw(300, 4, 133_000_000_000_000_300n, { name: 'worker.exe' }));
    processes.tick(0);
    const row = processes.snapshot().processes.find((p) => p.pid === 300)!;
    await manager.create('Build', null, null);
    const yes = answeringDesktop(true);
    await manager.addProcess('Build', { pid: 300, createTime: row.createTime }, yes);
    expect(yes.prompts[0]?.message).toContain('worker.exe (PID 300)');
    expect(system.jobs.get('build')?.pids).toContain(300);
    await expect(manager.addProcess('Build', { pid: 300, createTime: '1' }, yes)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps a running job-time budget when other limits change, and restarts it only when the time itself changes', async () => {
    const { system, manager } = await setup();
    await manager.create('Timed', null, limits({ jobUserTimeMs: 60_000 }));
    await manager.setLimits('Timed', limits({ jobUserTimeMs: 60_000, activeProcesses: 4 }));
    await manager.setLimits('Timed', limits({ jobUserTimeMs: 120_000, activeProcesses: 4 }));
    expect(system.setLimitsOptions.map((o) => o.preserveJobTime ?? false)).toEqual([false, true, false]);
  });
});
