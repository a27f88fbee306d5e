import { describe, expect, it } from 'vitest';
import { INTERVAL_CHOICES_MS, intervalChoices, intervalRequest, togglePauseRequest } from './refresh-settings';

describe('intervalChoices', () => {
  it('offers 0.5, 1, 2, 5 and 10 s', () => {
    expect(INTERVAL_CHOICES_MS).toEqual([500, 1000, 2000, 5000, 10_000]);
    expect(intervalChoices(1000)).toBe(INTERVAL_CHOICES_MS);
    expect(intervalChoices(undefined)).toBe(INTERVAL_CHOICES_MS);
  });

  it('adds a current interval that is not a preset, in order, so the select can show it', () => {
    expect(intervalChoices(3000)).toEqual([500, 1000, 2000, 3000, 5000, 10_000]);
  });
});

describe('settings:setRefresh requests', () => {
  it('builds an interval request from the select value', () => {
    expect(intervalRequest('500')).toEqual({ intervalMs: 500 });
    expect(intervalRequest('10000')).toEqual({ intervalMs: 10_000 });
  });

  it('refuses values the contract would reject', () => {
    expect(intervalRequest('')).toBeNull();
    expect(intervalRequest('499')).toBeNull();
    expect(intervalRequest('10001')).toBeNull();
    expect(intervalRequest('750.5')).toBeNull();
    expect(intervalRequest('abc')).toBeNull();
  });

  it('asks for the opposite of the current pause state', () => {
    expect(togglePauseRequest(false)).toEqual({ paused: true });
    expect(togglePauseRequest(true)).toEqual({ paused: false });
  });
});
