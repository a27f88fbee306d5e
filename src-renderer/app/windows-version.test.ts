import { describe, expect, it } from 'vitest';
import { formatWindowsVersion } from './windows-version';

describe('formatWindowsVersion', () => {
  it('tells Windows 11 from Windows 10 by the build number (both report 10.0)', () => {
    expect(formatWindowsVersion({ major: 10, minor: 0, build: 19045 })).toBe('Windows 10 (10.0.19045)');
    expect(formatWindowsVersion({ major: 10, minor: 0, build: 22000 })).toBe('Windows 11 (10.0.22000)');
    expect(formatWindowsVersion({ major: 10, minor: 0, build: 26100 })).toBe('Windows 11 (10.0.26100)');
  });

  it('shows older versions by number', () => {
    expect(formatWindowsVersion({ major: 6, minor: 1, build: 7601 })).toBe('Windows 6.1 (6.1.7601)');
  });
});
