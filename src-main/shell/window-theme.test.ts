import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { followSystemTheme, WINDOW_BACKGROUNDS, windowBackground, type NativeThemeLike } from './window-theme';

const theme = (dark: boolean, highContrast = false, inverted = false) => ({ shouldUseDarkColors: dark, shouldUseHighContrastColors: highContrast, shouldUseInvertedColorScheme: inverted });

describe('windowBackground', () => {
  it('is the page background of the theme Windows asks for', () => {
    expect(windowBackground(theme(false))).toBe(WINDOW_BACKGROUNDS.light);
    expect(windowBackground(theme(true))).toBe(WINDOW_BACKGROUNDS.dark);
    expect(windowBackground(theme(true, true, true))).toBe('#000000');
    expect(windowBackground(theme(false, true, false))).toBe('#ffffff');
  });

  it('matches --bg in the stylesheet, light and dark, so the first paint does not flash', () => {
    const css = readFileSync(path.join(__dirname, '..', '..', 'src-renderer', 'styles.css'), 'utf8');
    const bgAfter = (marker: string) => {
      const at = css.indexOf(marker);
      expect(at, marker).toBeGreaterThanOrEqual(0);
      return /--bg: (#[0-9a-f]{6});/.exec(css.slice(at))?.[1];
    };
    expect(bgAfter(':root {')).toBe(WINDOW_BACKGROUNDS.light);
    expect(bgAfter('@media (prefers-color-scheme: dark)')).toBe(WINDOW_BACKGROUNDS.dark);
  });
});

describe('followSystemTheme', () => {
  function fakeTheme() {
    let updated: (() => void) | undefined;
    const native: NativeThemeLike = {
      themeSource: 'dark',
      ...theme(false),
      on: (_event, listener) => {
        updated = listener;
      },
    };
    return { native, update: (t: ReturnType<typeof theme>) => (Object.assign(native, t), updated?.()) };
  }

  it('follows the system and repaints the window when Windows switches theme', () => {
    const { native, update } = fakeTheme();
    const window = { isDestroyed: () => false, setBackgroundColor: vi.fn() };
    followSystemTheme(native, () => window);
    expect(native.themeSource).toBe('system');
    update(theme(true));
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUNDS.dark);
    update(theme(true, true, true));
    expect(window.setBackgroundColor).toHaveBeenLastCalledWith(WINDOW_BACKGROUNDS.highContrastDark);
  });

  it('leaves a closed window alone', () => {
    const { native, update } = fakeTheme();
    const window = { isDestroyed: () => true, setBackgroundColor: vi.fn() };
    followSystemTheme(native, () => window);
    update(theme(true));
    followSystemTheme(native, () => null);
    update(theme(false));
    expect(window.setBackgroundColor).not.toHaveBeenCalled();
  });
});
