import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { MIN_KEY_LENGTH, keyMatches, previewKey, previewPage, resolveStatic } from './page.mjs';

const index = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'none'; object-src 'none'">
</head><body><script type="module" src="./main.js"></script></body></html>`;

describe('previewPage', () => {
  it('opens connect-src to the host only and loads the bridge before the app', () => {
    const { html, csp } = previewPage(index, 'ws://127.0.0.1:5555/?token=abc&x="', 'ws://127.0.0.1:5555');
    expect(csp).toBe("default-src 'none'; script-src 'self'; connect-src ws://127.0.0.1:5555; object-src 'none'");
    expect(html).toContain(`content="${csp}"`);
    expect(html).toContain('content="ws://127.0.0.1:5555/?token=abc&amp;x=&quot;"');
    expect(html.indexOf('preview-bridge.js')).toBeLessThan(html.indexOf('./main.js'));
  });
  it('refuses a page without the expected CSP', () => {
    expect(() => previewPage('<html><head></head></html>', 'ws://x', 'ws://x')).toThrow(/CSP/);
  });
});

describe('resolveStatic', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'static-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'assets', 'a.js'), '1');
  fs.writeFileSync(path.join(os.tmpdir(), 'outside-secret.txt'), 'x');
  it('serves files inside the root', () => {
    expect(resolveStatic(root, '/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
  });
  it('refuses traversal, encoded traversal, NUL and folders', () => {
    for (const p of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/a.js%00', '/assets', '/%E0%A4%A']) {
      expect(resolveStatic(root, p), p).toBeNull();
    }
  });
});

describe('the page key', () => {
  it('is random when PREVIEW_KEY is unset', () => {
    const a = previewKey(undefined);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(previewKey(undefined)).not.toBe(a);
  });
  it('refuses an empty, short or not URL-safe PREVIEW_KEY instead of switching the check off', () => {
    for (const given of ['', ' ', 'a', 'k'.repeat(MIN_KEY_LENGTH - 1), `${'k'.repeat(MIN_KEY_LENGTH)}&x=1`, `${'k'.repeat(MIN_KEY_LENGTH)} `]) {
      expect(() => previewKey(given), JSON.stringify(given)).toThrow(/PREVIEW_KEY must be at least 32 characters/);
    }
    expect(previewKey('k'.repeat(MIN_KEY_LENGTH))).toBe('k'.repeat(MIN_KEY_LENGTH));
  });
  it('matches only the exact key; a missing or empty one never matches, even against an empty key', () => {
    const key = 'k'.repeat(MIN_KEY_LENGTH);
    expect(keyMatches(key, key)).toBe(true);
    for (const given of [null, undefined, '', 'k'.repeat(MIN_KEY_LENGTH - 1), `${key}k`, 'K'.repeat(MIN_KEY_LENGTH)]) expect(keyMatches(key, given), String(given)).toBe(false);
    for (const given of [null, undefined, '']) expect(keyMatches('', given), String(given)).toBe(false);
  });
  it('npm run preview with an empty PREVIEW_KEY refuses to start, before building or starting the host', () => {
    const run = spawnSync(process.execPath, ['scripts/preview.mjs', '--no-open'], { env: { ...process.env, PREVIEW_KEY: '' }, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PREVIEW_KEY must be at least 32 characters');
    expect(run.stdout).not.toContain('Preview:');
  }, 30_000);
});
