import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { previewPage, resolveStatic } from './page.mjs';

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
