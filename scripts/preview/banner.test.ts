import { describe, expect, it } from 'vitest';
import { previewBanner } from './banner.mjs';

describe('previewBanner', () => {
  const base = { url: 'http://127.0.0.1:4780/?key=k', hostPort: 5555, hostPid: 312, previewPid: 40123 };

  it('under Wine, tells the host PID apart and stops the preview by its Linux PID', () => {
    const [first, stop] = previewBanner({ ...base, platform: 'linux' });
    expect(first).toBe('Preview: http://127.0.0.1:4780/?key=k  (host on 127.0.0.1:5555, Windows pid 312 inside Wine)');
    expect(stop).toContain('`kill 40123`');
    expect(stop).not.toContain('312');
  });

  it('on Windows, names the preview process for taskkill', () => {
    const [, stop] = previewBanner({ ...base, platform: 'win32' });
    expect(stop).toContain('`taskkill /pid 40123`');
  });
});
