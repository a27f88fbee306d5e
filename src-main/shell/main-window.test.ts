import { describe, expect, it, vi } from 'vitest';
import { bringToFront, mainWindowOptions, openMainWindow, secureWebPreferences, type ConsoleWindow } from './main-window';

const PRELOAD = 'C:\\Program Files\\Admin Console\\resources\\app.asar\\out\\preload\\index.cjs';
const BG = '#1b1d21';

describe('webPreferences', () => {
  it.each([true, false])('are hardened (packaged=%s)', (isPackaged) => {
    const prefs = secureWebPreferences(PRELOAD, isPackaged);
    expect(prefs).toMatchObject({
      preload: PRELOAD,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('allows DevTools only in a development run', () => {
    expect(secureWebPreferences(PRELOAD, true).devTools).toBe(false);
    expect(secureWebPreferences(PRELOAD, false).devTools).toBe(true);
  });

  it('the window starts hidden and carries those preferences', () => {
    const options = mainWindowOptions({ preloadPath: PRELOAD, isPackaged: true, backgroundColor: BG });
    expect(options.show).toBe(false);
    expect(options.webPreferences).toEqual(secureWebPreferences(PRELOAD, true));
    expect(options.backgroundColor).toBe(BG);
    expect(options).not.toHaveProperty('icon');
    expect(mainWindowOptions({ preloadPath: PRELOAD, isPackaged: false, iconPath: 'icon.png', backgroundColor: BG }).icon).toBe('icon.png');
  });
});

describe('openMainWindow', () => {
  function fakeWindow() {
    let readyToShow: (() => void) | undefined;
    const window = {
      once: vi.fn((_event: 'ready-to-show', listener: () => void) => {
        readyToShow = listener;
      }),
      show: vi.fn(),
      loadURL: vi.fn(async () => {}),
    } satisfies ConsoleWindow;
    return { window, fireReady: () => readyToShow?.() };
  }

  it('loads app://console/index.html and shows the window on first paint', () => {
    const { window, fireReady } = fakeWindow();
    const create = vi.fn(() => window);
    expect(openMainWindow(create, { preloadPath: PRELOAD, isPackaged: true, backgroundColor: BG })).toBe(window);
    expect(create).toHaveBeenCalledWith(mainWindowOptions({ preloadPath: PRELOAD, isPackaged: true, backgroundColor: BG }));
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://console/index.html');
    expect(window.show).not.toHaveBeenCalled();
    fireReady();
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load', async () => {
    const { window } = fakeWindow();
    const failure = new Error('ERR_FILE_NOT_FOUND');
    window.loadURL.mockRejectedValueOnce(failure);
    const onLoadFailed = vi.fn();
    openMainWindow(() => window, { preloadPath: PRELOAD, isPackaged: false, backgroundColor: BG }, onLoadFailed);
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(failure));
  });
});

describe('bringToFront', () => {
  const fake = (minimized: boolean, destroyed = false) => ({
    isDestroyed: () => destroyed,
    isMinimized: () => minimized,
    restore: vi.fn(),
    show: vi.fn(),
    focus: vi.fn(),
  });

  it('restores a minimized window, shows and focuses it', () => {
    const window = fake(true);
    bringToFront(window);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('does nothing without a live window', () => {
    const window = fake(true, true);
    bringToFront(window);
    bringToFront(null);
    expect(window.focus).not.toHaveBeenCalled();
  });
});
