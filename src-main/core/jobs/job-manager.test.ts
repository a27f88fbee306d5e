import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JobsChanged } from '../../../src-preload/contract/job-schemas';
import { answeringDesktop } from '../desktop/test-desktop';
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

async function setup(system = new FakeJobSystem(), { underWine = false, consolePids = new Set<number>() } = {}) {
  const source = new ScriptedSource();
  const processes = new ProcessCollector(source, 4, consolePids);
  const templates = await JobTemplateStore.open(path.join(folder, 'job-templates.json'), silentLogger, 4);
  const definitions = await JobDefinitionStore.open(path.join(folder, 'jobs.json'), silentLogger);
  const audits: string[] = [];
  // Every program "exists" where the command line says (unit tests never start anything real).
  const resolve = (commandLine: string) => {
    const named = commandLine.split(' ')[0] ?? '';
    return { program: `C:\\bin\\${/\.\w+$/.test(named) ? named : `${named}.exe`}`, arguments: commandLine.split(' ').slice(1) };
  };
  const manager = new JobManager(
    system,
    processes,
    definitions,
    templates,
    new JobTimeline(),
    (r) => audits.push(`${r.action} ${r.target.job} ${r.outcome}`),
    { windowsBuild: 19045, underWine, logicalProcessors: 4 },
    Date.now,
    resolve,
  );
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
    expect(audits).toEqual(['job.create Build ok']);
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
    const row = await manager.setLimits('Capped', limits({ cpuRate: { kind: 'hardCap', percent: 25 } }), answeringDesktop(true));
    expect(row.limitsHeld?.cpuRate).toBeNull();
    expect(row.differences[0]).toMatchObject({ field: 'apply', note: expect.stringContaining('87') });
    expect(row.differences.some((d) => d.field === 'cpuRate')).toBe(true);
  });

  it('refuses to launch a batch file with a character cmd.exe would interpret, and lists the arguments of any other', async () => {
    const { manager, system } = await setup();
    await manager.create('Build', null, null);
    const yes = answeringDesktop(true);
    await expect(manager.launch('Build', 'build.bat %PATH%', null, yes)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('character %') });
    expect(yes.prompts).toEqual([]);
    expect(system.launched).toEqual([]);
    await manager.launch('Build', 'make -j 4', null, yes);
    expect(yes.prompts[0]?.detail).toContain('Arguments:\n  1. -j\n  2. 4');
  });

  it('launches a command into the job only after the main process confirms it', async () => {
    const { system, manager } = await setup();
    await manager.create('Build', null, null);
    const no = answeringDesktop(false);
    await expect(manager.launch('Build', 'make all', null, no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(system.launched).toEqual([]);
    const yes = answeringDesktop(true);
    const launched = await manager.launch('Build', 'make all', 'C:\\src', yes);
    expect(yes.prompts[0]?.detail).toContain('Program: C:\\bin\\make.exe');
    expect(system.launched[0]).toMatchObject({ job: 'Build', options: { application: 'C:\\bin\\make.exe', commandLine: 'make all', workingDirectory: 'C:\\src' } });
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

  it('names every member it will terminate, however many (never "and N more")', async () => {
    const { manager } = await setup();
    await manager.create('Build', null, limits());
    for (let i = 0; i < 20; i++) await manager.launch('Build', 'make', null, answeringDesktop(true));
    const pids = manager.tick(1)?.jobs[0]?.members.map((m) => m.pid) ?? [];
    expect(pids).toHaveLength(20);
    const yes = answeringDesktop(true);
    await manager.terminate('Build', yes);
    for (const pid of pids) expect(yes.prompts[0]?.detail).toContain(`(PID ${pid})`);
    expect(yes.prompts[0]?.detail).not.toMatch(/and \d+ more/);
  });

  it('recreates saved jobs after a restart, reopening one whose members kept it alive', async () => {
    const system = new FakeJobSystem();
    const first = await setup(system);
    await first.manager.create('Kept', null, limits({ killOnJobClose: false }));
    await first.manager.create('Gone', null, limits());
    system.jobs.get('gone')!.close();
    const second = await setup(system);
    await second.manager.restore();
    // The survivor is reopened but not trusted as the console's own (any process in the session can use the name).
    expect(second.manager.snapshot().jobs.map((j) => [j.name, j.open, j.origin])).toEqual([
      ['Kept', true, 'opened'],
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
    await manager.setLimits('Timed', limits({ jobUserTimeMs: 60_000, activeProcesses: 4 }), answeringDesktop(true));
    await manager.setLimits('Timed', limits({ jobUserTimeMs: 120_000, activeProcesses: 4 }), answeringDesktop(true));
    expect(system.setLimitsOptions.map((o) => o.preserveJobTime ?? false)).toEqual([false, true, false]);
  });

  it('confirms a change of limits showing before and after, marking what can end or free processes', async () => {
    const { system, manager } = await setup();
    await manager.create('Build', null, limits());
    const no = answeringDesktop(false);
    await expect(manager.setLimits('Build', limits({ killOnJobClose: false, jobUserTimeMs: 1 }), no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(system.jobs.get('build')?.limits?.killOnJobClose).toBe(true);
    expect(no.prompts[0]).toMatchObject({ title: 'Change job limits', destructive: true });
    expect(no.prompts[0]?.detail).toContain('Kill on close is removed');
    expect(no.prompts[0]?.detail).toContain('job CPU-time limit ends every process');
  });

  it('says in the confirmation which members are already over a lower limit, and what Windows does to them', async () => {
    const { source, processes, manager } = await setup();
    source.current.push(raw(300, 4, 133_000_000_000_000_300n, { name: 'worker.exe', privateBytes: 268 * 1024 * 1024 }));
    processes.tick(0);
    const row = processes.snapshot().processes.find((p) => p.pid === 300)!;
    await manager.create('Build', null, limits());
    await manager.addProcess('Build', { pid: 300, createTime: row.createTime }, answeringDesktop(true));
    const no = answeringDesktop(false);
    await expect(manager.setLimits('Build', limits({ processMemoryBytes: 256 * 1024 * 1024 }), no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(no.prompts[0]?.destructive).toBe(true);
    expect(no.prompts[0]?.detail).toContain('ALREADY BELOW WHAT THE MEMBERS USE:\n• 1 member has more memory committed than 256 MB per process. worker.exe (PID 300): 268 MB.');
    expect(no.prompts[0]?.detail).toContain('ProcessMemoryLimit');
  });

  it('refuses inconsistent limits before touching Windows', async () => {
    const { system, manager } = await setup();
    await expect(manager.create('Bad', null, limits({ workingSet: { minBytes: 64 * 1024 * 1024, maxBytes: 8 * 1024 * 1024 } }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(system.jobs.size).toBe(0);
  });

  it('will not put a critical process (or the console) into a job', async () => {
    const { source, processes, system, manager } = await setup();
    source.criticalPids.add(600);
    source.current.push(raw(600, 4, 133_000_000_000_000_600n, { name: 'lsass.exe' }));
    processes.tick(0);
    const row = processes.snapshot().processes.find((p) => p.pid === 600)!;
    await manager.create('Build', null, limits());
    await expect(manager.addProcess('Build', { pid: 600, createTime: row.createTime }, answeringDesktop(true))).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    expect(system.jobs.get('build')?.pids).toEqual([]);
  });

  it("will not put one of the console's own processes into a job that joined the set after the last tick", async () => {
    const consolePids = new Set<number>();
    const { source, processes, system, manager } = await setup(new FakeJobSystem(), { consolePids });
    source.current.push(raw(700, 4, 133_000_000_000_000_700n, { name: 'admin-console.exe' }));
    processes.tick(0);
    const row = processes.snapshot().processes.find((p) => p.pid === 700)!;
    expect(row.critical).toBe(false);
    // Electron listed it as its own GPU helper after the tick: the row still says not critical.
    consolePids.add(700);
    await manager.create('Build', null, limits());
    await expect(manager.addProcess('Build', { pid: 700, createTime: row.createTime }, answeringDesktop(true))).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    expect(system.jobs.get('build')?.pids).toEqual([]);
  });

  it('says closing kills the members when kill on close was asked, even if Windows reads it back unset (Wine)', async () => {
    const system = new FakeJobSystem();
    system.readsBackNothing = true;
    const { manager } = await setup(system);
    await manager.create('Build', null, limits());
    await manager.launch('Build', 'make', null, answeringDesktop(true));
    system.jobs.get('build')!.limits!.killOnJobClose = false; // what the read-back will say
    const no = answeringDesktop(false);
    await expect(manager.close('Build', no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(no.prompts[0]).toMatchObject({ destructive: true, detail: expect.stringContaining('will end now') });
  });

  it('does not take the completion port of a job another program made', async () => {
    const system = new FakeJobSystem();
    system.create('Theirs');
    const { manager } = await setup(system);
    manager.open('Theirs');
    expect(system.jobs.get('theirs')?.listener).toBeNull();
  });

  it('names the job CPU-time limit as the reason when the job empties past it (Windows posts no message for it)', async () => {
    const { system, manager } = await setup();
    await manager.create('Timed', null, limits({ jobUserTimeMs: 60_000 }));
    manager.tick(0);
    system.userTimeMs.set('timed', 30_000);
    system.jobs.get('timed')!.listener!({ kind: 'activeProcessZero', code: 4, pid: null });
    expect(manager.tick(1)?.events.map((e) => e.kind)).toEqual(['activeProcessZero']);
    system.userTimeMs.set('timed', 60_500);
    system.jobs.get('timed')!.listener!({ kind: 'activeProcessZero', code: 4, pid: null });
    const events = manager.tick(2)?.events ?? [];
    expect(events.map((e) => [e.kind, e.important])).toEqual([
      ['activeProcessZero', true],
      ['endOfJobTime', true],
    ]);
    expect(events[1]?.text).toContain('Job CPU-time limit reached (61 s of 60 s)');
  });

  it('shows accounting the system does not report as unknown with the reason (Wine), never 0, and says nothing of a time limit then', async () => {
    const system = new FakeJobSystem();
    system.accountingAnswer = { ioUnreadable: { win32Code: 1, message: 'Incorrect function.' }, readBytes: null, writeBytes: null, otherBytes: null, readOperations: null, writeOperations: null, otherOperations: null };
    const { manager, source, processes } = await setup(system, { underWine: true });
    await manager.create('Build', null, limits({ jobUserTimeMs: 60_000 }));
    const { pid } = await manager.launch('Build', 'worker', null, answeringDesktop(true));
    source.current.push(raw(pid, 4, 133_000_000_000_000_000n + BigInt(pid), { name: 'worker.exe', workingSetBytes: 8 << 20 }));
    processes.tick(0);
    await new Promise((r) => setTimeout(r, 5));
    source.current[0] = { ...source.current[0]!, userTime: 10_000_000n };
    processes.tick(1);
    const row = JobsChanged.parse(manager.tick(2)).jobs[0]!;
    expect(row.accounting).toMatchObject({ activeProcesses: 1, userTimeMs: null, kernelTimeMs: null, pageFaults: null, readBytes: null, peakJobMemoryBytes: null });
    expect(row.accounting?.unreported).toMatchObject({ userTimeMs: 'Wine does not report job CPU times', readBytes: 'Wine does not report job I/O accounting (error 1)', peakJobMemoryBytes: 'Wine does not report job peak memory' });
    system.jobs.get('build')!.listener!({ kind: 'activeProcessZero', code: 4, pid: null });
    expect(manager.tick(3)?.events.map((e) => e.kind)).toEqual(['activeProcessZero']);
  });

  it('says why the accounting could not be read at all', async () => {
    const system = new FakeJobSystem();
    const { manager } = await setup(system);
    await manager.create('Locked', null, limits());
    system.accounting = () => {
      throw new Error('QueryInformationJobObject(Locked, basic accounting) failed: Access is denied. (error 5)');
    };
    const row = JobsChanged.parse(manager.tick(0)).jobs[0]!;
    expect(row.accounting).toBeNull();
    expect(row.accountingUnreadable).toBe('QueryInformationJobObject(Locked, basic accounting) failed: Access is denied. (error 5)');
  });

  it('under Wine: limits read back as not set are unknown with the reason, not "held differently" (no "Windows holds 5 limits")', async () => {
    const system = new FakeJobSystem();
    system.readsBackNothing = true;
    system.dropsFlagsOnReadBack = true;
    const { manager } = await setup(system, { underWine: true });
    await manager.create('Build', null, limits({ jobMemoryBytes: 512 * 1024 * 1024, activeProcesses: 4, priorityClass: 'high', breakawayOk: true }));
    const row = JobsChanged.parse(manager.tick(0)).jobs[0]!;
    expect(row.differences).toEqual([]);
    expect(row.limitsUnreported).toMatchObject({
      killOnJobClose: 'Wine enforces this flag but does not report it back',
      jobMemoryBytes: 'Wine accepts this limit but does not enforce it or report it back',
    });
  });

  it('does not warn that processes keep running when an empty kill-on-close job is closed', async () => {
    const { manager } = await setup();
    await manager.create('Empty', null, limits());
    const no = answeringDesktop(false);
    await expect(manager.close('Empty', no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(no.prompts[0]?.detail).toContain('It has no processes now, so closing it ends none');
    expect(no.prompts[0]?.detail).not.toContain('keep running');
    expect(no.prompts[0]).toMatchObject({ destructive: false });
  });
});
