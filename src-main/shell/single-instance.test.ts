import { describe, expect, it, vi } from 'vitest';
import { claimInstanceAndDataFolder, claimSingleInstance } from './single-instance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    requestSingleInstanceLock: vi.fn(() => gotLock),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => listeners.set(event, listener)),
    quit: vi.fn(),
  };
}

const window = () => ({ isDestroyed: () => false, isMinimized: () => true, restore: vi.fn(), show: vi.fn(), focus: vi.fn() });

describe('claimSingleInstance', () => {
  it('quits when another console holds the lock', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.on).not.toHaveBeenCalled();
  });

  it('focuses the current window when a second instance starts', () => {
    const app = fakeApp(true);
    const first = window();
    let current: ReturnType<typeof window> | null = null;
    expect(claimSingleInstance(app, () => current)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    const second = app.listeners.get('second-instance');
    second?.({}, ['Admin Console.exe'], 'C:\\', {});
    current = first;
    second?.({}, ['Admin Console.exe'], 'C:\\', {});
    expect(first.restore).toHaveBeenCalledTimes(1);
    expect(first.focus).toHaveBeenCalledTimes(1);
  });
});

describe('claimInstanceAndDataFolder', () => {
  const folder = 'C:\\ProgramData\\Admin Console';

  /** The fake app and folder steps writing one shared log, so the test sees the order of every call. */
  function start(options: { adminOnly: boolean; gotLock: boolean }) {
    const calls: string[] = [];
    const app = {
      requestSingleInstanceLock: vi.fn(() => (calls.push('lock'), options.gotLock)),
      on: vi.fn(),
      quit: vi.fn(() => void calls.push('quit')),
    };
    const steps = {
      isAdminOnly: vi.fn((f: string) => (calls.push(`isAdminOnly ${f}`), options.adminOnly)),
      secure: vi.fn((f: string) => void calls.push(`secure ${f}`)),
      setUserData: vi.fn((f: string) => void calls.push(`userData ${f}`)),
    };
    const claimed = claimInstanceAndDataFolder(app, () => null, folder, steps);
    return { claimed, calls };
  }

  it('a second start quits at the lock without touching the running console\'s folder', () => {
    const { claimed, calls } = start({ adminOnly: true, gotLock: false });
    expect(claimed).toBe(false);
    expect(calls).toEqual([`isAdminOnly ${folder}`, `userData ${folder}\\Chromium`, 'lock', 'quit']);
  });

  it('the first start over an admin-only folder takes the lock, then secures the folder again', () => {
    const { claimed, calls } = start({ adminOnly: true, gotLock: true });
    expect(claimed).toBe(true);
    expect(calls).toEqual([`isAdminOnly ${folder}`, `userData ${folder}\\Chromium`, 'lock', `secure ${folder}`]);
  });

  it('a folder that is missing or not admin-only is secured before Chromium may create anything in it', () => {
    for (const gotLock of [true, false]) {
      const { claimed, calls } = start({ adminOnly: false, gotLock });
      expect(claimed).toBe(gotLock);
      expect(calls.slice(0, 4)).toEqual([`isAdminOnly ${folder}`, `secure ${folder}`, `userData ${folder}\\Chromium`, 'lock']);
    }
  });
});
