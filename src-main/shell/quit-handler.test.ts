import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger';
import { stopBeforeQuit } from './quit-handler';

function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const app = {
    on: vi.fn((_event: 'before-quit', l: (event: { preventDefault(): void }) => void) => {
      listener = l;
    }),
    quit: vi.fn(),
  };
  const beforeQuit = () => {
    const event = { preventDefault: vi.fn() };
    listener?.(event);
    return event;
  };
  return { app, beforeQuit };
}

describe('stopBeforeQuit', () => {
  it('holds the quit until the core has stopped, then quits once', async () => {
    const { app, beforeQuit } = fakeApp();
    let finish: () => void = () => {};
    const stop = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    stopBeforeQuit(app, stop, silentLogger);

    expect(beforeQuit().preventDefault).toHaveBeenCalled();
    expect(beforeQuit().preventDefault).toHaveBeenCalled(); // a second quit while stopping waits too
    expect(stop).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(beforeQuit().preventDefault).not.toHaveBeenCalled(); // the re-issued quit goes through
  });

  it('still quits when stopping fails, and logs it', async () => {
    const { app, beforeQuit } = fakeApp();
    const error = vi.fn();
    stopBeforeQuit(app, () => Promise.reject(new Error('flush failed')), { ...silentLogger, error });
    beforeQuit();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(error).toHaveBeenCalledWith('core did not stop cleanly', expect.objectContaining({ error: expect.stringContaining('flush failed') }));
  });
});
