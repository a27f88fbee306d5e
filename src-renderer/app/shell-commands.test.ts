import { describe, expect, it, vi } from 'vitest';
import type { SettingsValue } from '../../src-preload/contract/schemas';
import { isPaletteKey, shellCommands } from './shell-commands';

const settings = (paused: boolean, intervalMs = 1000) => ({ refresh: { paused, intervalMs } }) as unknown as SettingsValue;

describe('shellCommands', () => {
  it('offers every tab but the shown one', () => {
    const goTo = vi.fn();
    const commands = shellCommands('processes', null, { goTo, setRefresh: vi.fn() });
    const tabs = commands.filter((c) => c.group === 'Go to').map((c) => c.label);
    expect(tabs).toEqual(['Go to Performance', 'Go to Services', 'Go to Jobs', 'Go to Run']);
    commands.find((c) => c.label === 'Go to Services')?.run();
    expect(goTo).toHaveBeenCalledWith('services');
  });

  it('lists the refresh settings disabled, with why, until main reports them', () => {
    const settingsCommands = shellCommands('run', null, { goTo: vi.fn(), setRefresh: vi.fn() }).filter((c) => c.group === 'Setting');
    expect(settingsCommands.length).toBeGreaterThan(1);
    for (const c of settingsCommands) expect(c.disabledReason).toBe('The settings have not been read yet');
  });

  it('pauses or resumes, and sets an interval other than the current one, through the same request as the controls', () => {
    const setRefresh = vi.fn();
    const live = shellCommands('run', settings(false, 1000), { goTo: vi.fn(), setRefresh });
    const pause = live.find((c) => c.id === 'palette-refresh-pause');
    expect(pause?.label).toBe('Pause updates');
    pause?.run();
    expect(setRefresh).toHaveBeenLastCalledWith({ paused: true }, 'Could not pause updates');
    expect(live.find((c) => c.id === 'palette-refresh-1000')?.disabledReason).toBe('Already the interval');
    live.find((c) => c.id === 'palette-refresh-2000')?.run();
    expect(setRefresh).toHaveBeenLastCalledWith({ intervalMs: 2000 }, 'Could not change the refresh interval');
    expect(shellCommands('run', settings(true), { goTo: vi.fn(), setRefresh }).find((c) => c.id === 'palette-refresh-pause')?.label).toBe('Resume updates');
  });
});

describe('isPaletteKey', () => {
  const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}) =>
    isPaletteKey({ key: k, ctrlKey: mods.ctrl ?? false, metaKey: false, altKey: mods.alt ?? false, shiftKey: mods.shift ?? false });
  it('opens on Ctrl+K and Ctrl+Shift+P only', () => {
    expect(key('k', { ctrl: true })).toBe(true);
    expect(key('P', { ctrl: true, shift: true })).toBe(true);
    expect(key('p', { ctrl: true })).toBe(false);
    expect(key('k')).toBe(false);
    expect(key('k', { ctrl: true, alt: true })).toBe(false);
    expect(key('K', { ctrl: true, shift: true })).toBe(false);
  });
});
