import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance';

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
