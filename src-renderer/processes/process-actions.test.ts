import { describe, expect, it } from 'vitest';
import { affinityProcessors, anywayLabel, callFailureToast, isCriticalRefusal, summarizeResults } from './process-actions';

const ok = (pid: number, name = `p${pid}.exe`) => ({ pid, createTime: String(pid), name, ok: true });
const bad = (pid: number, code: 'ACCESS_DENIED' | 'CONFLICT' | 'WIN32', message: string, win32Code?: number) => ({
  pid,
  createTime: String(pid),
  name: `p${pid}.exe`,
  ok: false,
  error: { code, message, ...(win32Code === undefined ? {} : { win32Code }) },
});

describe('summarizeResults', () => {
  it('says what was done when every target succeeded', () => {
    expect(summarizeResults('terminate', [ok(12, 'notepad.exe')]).toast).toEqual({
      tone: 'info',
      title: 'Terminated notepad.exe (PID 12)',
      message: 'Done.',
    });
    expect(summarizeResults('suspend', [ok(1), ok(2)]).toast?.title).toBe('Suspended 2 processes');
  });

  it('names each failure and why, with the first failure codes', () => {
    const { toast, criticalRefused } = summarizeResults(
      'terminate',
      [ok(1), bad(2, 'WIN32', 'Access is denied.', 5), bad(3, 'CONFLICT', 'The process has exited / PID reused.')]
    );
    expect(toast).toEqual({
      tone: 'error',
      title: 'Could not terminate 2 of 3 processes',
      message: 'p2.exe (PID 2): Access is denied. p3.exe (PID 3): The process has exited / PID reused.',
      meta: 'WIN32 · Win32 error 5 (0x00000005)',
    });
    expect(criticalRefused).toEqual([]);
  });

  it('collects only the targets main refused for being critical, so they can be resent with the override', () => {
    // 700 is critical too, but was really denied (e.g. after the override): offering it again could never work.
    const results = [{ ...bad(600, 'ACCESS_DENIED', 'csrss.exe is a critical process'), refusedAsCritical: true }, bad(700, 'ACCESS_DENIED', 'lsass.exe (critical): Access is denied.')];
    expect(summarizeResults('terminate', results).criticalRefused).toEqual([{ pid: 600, createTime: '600' }]);
    const single = summarizeResults('terminate', [results[0] as (typeof results)[0]]).toast;
    expect(single?.title).toBe('Could not terminate p600.exe (PID 600)');
    expect(single?.message).toBe('csrss.exe is a critical process');
  });

  it('lists at most four failures', () => {
    const results = [1, 2, 3, 4, 5, 6].map((p) => bad(p, 'CONFLICT', 'gone'));
    expect(summarizeResults('resume', results).toast?.message).toMatch(/…and 2 more\.$/);
  });
});

describe('small rules', () => {
  it('recognises a critical refusal only by main saying so', () => {
    expect(isCriticalRefusal({ refusedAsCritical: true })).toBe(true);
    expect(isCriticalRefusal({ refusedAsCritical: false })).toBe(false);
    expect(isCriticalRefusal({})).toBe(false);
  });

  it('shows nothing when the admin cancelled, and says why otherwise', () => {
    expect(callFailureToast('terminate', 1, { code: 'CANCELLED', message: 'The administrator declined.' })).toBeNull();
    expect(callFailureToast('terminateTree', 2, { code: 'INTERNAL', message: 'boom' })).toEqual({
      tone: 'error',
      title: 'Could not terminate the tree of 2 processes',
      message: 'boom',
      meta: 'INTERNAL',
    });
  });

  it('labels the override and offers one processor group of cores', () => {
    expect(anywayLabel('terminate')).toBe('Terminate anyway…');
    expect(affinityProcessors(4)).toEqual([0, 1, 2, 3]);
    expect(affinityProcessors(128)).toHaveLength(64);
    expect(affinityProcessors(0)).toEqual([0]);
  });
});
