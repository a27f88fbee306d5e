import { describe, expect, it, vi } from 'vitest';
import { ActionResults } from '../../../src-preload/contract/schemas';
import { AppError } from '../app-error';
import type { ConfirmPrompt, DesktopPort } from '../desktop/desktop-port';
import { withoutBidiControls } from '../dialog-text';
import { ProcessActions } from './process-actions';
import { ProcessCollector } from './process-collector';
import { raw, RecordingControl, ScriptedSource } from './test-doubles';

function setup(confirmAnswer = true) {
  const source = new ScriptedSource([
    raw(4, 0, 0n, { name: 'System' }),
    raw(100, 4, 10n, { name: 'build.exe' }),
    raw(101, 100, 11n, { name: 'cl.exe' }),
    raw(102, 101, 12n, { name: 'link.exe' }),
    raw(200, 4, 20n, { name: 'notepad.exe' }),
    raw(650, 4, 30n, { name: 'lsass.exe' }),
  ]);
  const collector = new ProcessCollector(source, 1, new Set(), () => 0n);
  collector.tick(1);
  // A child started after the last tick: alive, but not in the table yet.
  source.current.push(raw(103, 102, 13n, { name: 'mspdbsrv.exe' }));
  const control = new RecordingControl();
  const prompts: ConfirmPrompt[] = [];
  const desktop: DesktopPort = {
    confirm: vi.fn(async (p: ConfirmPrompt) => (prompts.push(p), confirmAnswer)),
    copyText: vi.fn(async () => {}),
    saveText: vi.fn(async () => null),
    openFolder: vi.fn(async () => {}),
  };
  return { actions: new ProcessActions(collector, control, source, new Set()), control, desktop, prompts };
}

describe('ProcessActions', () => {
  it('confirms a terminate in the main process dialog, then acts on exactly that process', async () => {
    const { actions, control, desktop, prompts } = setup();
    const result = await actions.run({ targets: [{ pid: 200, createTime: '20' }] }, { verb: 'terminate' }, desktop);
    expect(ActionResults.parse(result).results).toEqual([{ pid: 200, createTime: '20', name: 'notepad.exe', ok: true }]);
    expect(prompts[0]).toMatchObject({ title: 'Terminate processes', confirmLabel: 'Terminate', destructive: true });
    expect(prompts[0]!.message).toContain('notepad.exe (PID 200)');
    expect(control.calls).toEqual([{ targets: [{ pid: 200, createTime: 20n }], action: { kind: 'terminate', exitCode: 1 } }]);
  });

  it('names every process it will terminate, however many (never "and N more")', async () => {
    const { desktop, prompts } = setup();
    const many = Array.from({ length: 20 }, (_, i) => raw(300 + i, 4, BigInt(300 + i), { name: `worker${i}.exe` }));
    const scripted = new ScriptedSource([raw(4, 0, 0n, { name: 'System' }), ...many]);
    const table = new ProcessCollector(scripted, 1, new Set(), () => 0n);
    table.tick(1);
    const wide = new ProcessActions(table, new RecordingControl(), scripted, new Set());
    await wide.run({ targets: many.map((m) => ({ pid: m.pid, createTime: String(m.createTime) })) }, { verb: 'terminate' }, desktop);
    const shown = `${prompts[0]!.message}\n${prompts[0]!.detail}`;
    for (const m of many) expect(shown).toContain(`${m.name} (PID ${m.pid})`);
    expect(shown).not.toMatch(/and \d+ more/);
  });

  it("refuses a process that became the console's own after its row was made (Electron listed a new helper)", async () => {
    const source = new ScriptedSource([raw(4, 0, 0n, { name: 'System' }), raw(500, 4, 50n, { name: 'electron.exe' })]);
    const consolePids = new Set<number>();
    const table = new ProcessCollector(source, 1, consolePids, () => 0n);
    table.tick(1);
    expect(table.find(500, '50')?.critical).toBe(false);
    consolePids.add(500);
    const control = new RecordingControl();
    const { desktop } = setup();
    const result = await new ProcessActions(table, control, source, consolePids).run({ targets: [{ pid: 500, createTime: '50' }] }, { verb: 'terminate' }, desktop);
    expect(result.results).toMatchObject([{ pid: 500, ok: false, refusedAsCritical: true, error: { code: 'ACCESS_DENIED' } }]);
    expect(control.calls).toEqual([]);
  });

  it('changes nothing and answers CANCELLED when the admin declines', async () => {
    const { actions, control, desktop } = setup(false);
    await expect(actions.run({ targets: [{ pid: 200, createTime: '20' }] }, { verb: 'terminate' }, desktop)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(control.calls).toEqual([]);
  });

  it('refuses a stale creation time (PID reused or exited) without asking or acting', async () => {
    const { actions, control, desktop } = setup();
    const result = await actions.run({ targets: [{ pid: 200, createTime: '19' }] }, { verb: 'terminate' }, desktop);
    expect(result.results).toEqual([expect.objectContaining({ pid: 200, ok: false, error: expect.objectContaining({ code: 'CONFLICT' }) })]);
    expect(desktop.confirm).not.toHaveBeenCalled();
    expect(control.calls).toEqual([]);
  });

  it('refuses critical processes without the override, and acts on the rest', async () => {
    const { actions, control, desktop } = setup();
    const result = await actions.run({ targets: [{ pid: 650, createTime: '30' }, { pid: 200, createTime: '20' }] }, { verb: 'terminate' }, desktop);
    expect(result.results[0]).toMatchObject({ pid: 650, ok: false, refusedAsCritical: true, error: { code: 'ACCESS_DENIED' } });
    expect(result.results[0]!.error!.message).toMatch(/critical process/);
    expect(control.calls[0]!.targets).toEqual([{ pid: 200, createTime: 20n }]);
  });

  it('with the override, warns about the critical process in the dialog even for a non-destructive verb', async () => {
    const { actions, control, desktop, prompts } = setup();
    await actions.run({ targets: [{ pid: 650, createTime: '30' }], allowCritical: true }, { verb: 'suspend' }, desktop);
    expect(prompts[0]!.detail).toMatch(/WARNING: lsass\.exe \(PID 650\) is a critical process/);
    expect(control.calls[0]).toEqual({ targets: [{ pid: 650, createTime: 30n }], action: { kind: 'suspend' } });
  });

  it('does not ask before harmless actions on ordinary processes', async () => {
    const { actions, control, desktop } = setup();
    await actions.run({ targets: [{ pid: 200, createTime: '20' }] }, { verb: 'setAffinity', processors: [0, 2] }, desktop);
    await actions.run({ targets: [{ pid: 200, createTime: '20' }] }, { verb: 'setPriority', priorityClass: 'high' }, desktop);
    await actions.run({ targets: [{ pid: 200, createTime: '20' }] }, { verb: 'resume' }, desktop);
    expect(desktop.confirm).not.toHaveBeenCalled();
    expect(control.calls.map((c) => c.action)).toEqual([{ kind: 'setAffinity', mask: 0b101n }, { kind: 'setPriority', priorityClass: 'high' }, { kind: 'resume' }]);
  });

  it('asks before suspending or setting realtime priority, which can freeze the machine', async () => {
    const { actions, control, desktop, prompts } = setup(false);
    await expect(actions.run({ targets: [{ pid: 200, createTime: '20' }] }, { verb: 'suspend' }, desktop)).rejects.toMatchObject({ code: 'CANCELLED' });
    await expect(actions.run({ targets: [{ pid: 200, createTime: '20' }] }, { verb: 'setPriority', priorityClass: 'realtime' }, desktop)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(prompts.map((p) => p.title)).toEqual(['Suspend processes', 'Change priority']);
    expect(control.calls).toEqual([]);
  });

  it('terminates a tree from a fresh snapshot: descendants first, including a child not in the table yet', async () => {
    const { actions, control, desktop, prompts } = setup();
    const result = await actions.run({ targets: [{ pid: 100, createTime: '10' }] }, { verb: 'terminateTree' }, desktop);
    // The whole tree is frozen first, then ended deepest first.
    expect(control.calls.map((c) => [c.action.kind, c.targets.map((t) => t.pid)])).toEqual([
      ['suspend', [103, 102, 101, 100]],
      ['terminate', [103, 102, 101, 100]],
    ]);
    expect(result.results.map((r) => [r.pid, r.name, r.ok])).toEqual([
      [103, 'mspdbsrv.exe', true],
      [102, 'link.exe', true],
      [101, 'cl.exe', true],
      [100, 'build.exe', true],
    ]);
    expect(prompts[0]!.detail).toContain('mspdbsrv.exe (PID 103)');
  });

  it('resumes tree members it froze but could not terminate', async () => {
    const { actions, control, desktop } = setup();
    control.answer = (t) => (t.pid === 101 && control.calls.at(-1)?.action.kind === 'terminate' ? { ok: false, error: new AppError('ACCESS_DENIED', 'denied', 5) } : { ok: true });
    await actions.run({ targets: [{ pid: 100, createTime: '10' }] }, { verb: 'terminateTree' }, desktop);
    expect(control.calls.at(-1)).toEqual({ targets: [{ pid: 101, createTime: 11n }], action: { kind: 'resume' } });
  });

  it('reports per-target Win32 failures with their code', async () => {
    const { actions, control, desktop } = setup();
    control.answer = (t) =>
      t.pid === 101 && control.calls.at(-1)?.action.kind === 'terminate'
        ? { ok: false, error: new AppError('ACCESS_DENIED', 'OpenProcess failed for cl.exe (PID 101): Access is denied. (error 5)', 5) }
        : { ok: true };
    const result = await actions.run({ targets: [{ pid: 100, createTime: '10' }] }, { verb: 'terminateTree' }, desktop);
    expect(result.results.find((r) => r.pid === 101)).toEqual({
      pid: 101,
      createTime: '11',
      name: 'cl.exe',
      ok: false,
      error: { code: 'ACCESS_DENIED', message: 'OpenProcess failed for cl.exe (PID 101): Access is denied. (error 5)', win32Code: 5 },
    });
  });
});

describe('withoutBidiControls', () => {
  it('drops the characters that reorder text, so exe.txt\u202Egpj cannot pose as another name', () => {
    expect(withoutBidiControls('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(withoutBidiControls('a\u2066b\u2069c\u200e')).toBe('abc');
    expect(withoutBidiControls('notepad.exe')).toBe('notepad.exe');
  });
});
