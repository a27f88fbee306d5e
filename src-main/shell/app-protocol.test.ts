import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRendererHandler, registerAppScheme, serveRenderer } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from './content-policy';

let base: string;
let root: string;
let handler: ReturnType<typeof createRendererHandler>;
const refusals: Array<[string, string]> = [];

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Admin Console</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'export const x = 1;');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), 'wOF2');
  fs.writeFileSync(path.join(root, 'assets', 'data.bin'), 'raw');
  fs.writeFileSync(path.join(root, 'assets', 'file with space.txt'), 'spaced');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer folder');
  fs.mkdirSync(path.join(base, 'outside-dir'));
  fs.writeFileSync(path.join(base, 'outside-dir', 'x.js'), 'alert(1)');
  // Links that point out of the root must be refused even though their own path is inside it.
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));
  fs.symlinkSync(path.join(base, 'outside-dir'), path.join(root, 'linked-dir'), 'dir');
  // A link that stays inside is fine.
  fs.symlinkSync(path.join(root, 'index.html'), path.join(root, 'alias.html'));
  handler = createRendererHandler(root, { onRefused: (url, reason) => refusals.push([url, reason]) });
});

afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handler({ url, method });

describe('serving out/renderer', () => {
  it.each([
    ['app://console/', 'text/html; charset=utf-8', '<!doctype html><title>Admin Console</title>'],
    ['app://console/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Admin Console</title>'],
    ['app://console/index.html?cache=1#top', 'text/html; charset=utf-8', '<!doctype html><title>Admin Console</title>'],
    ['app://console/assets/index-abc.js', 'text/javascript; charset=utf-8', 'export const x = 1;'],
    ['app://console/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://console/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://console/assets/font.woff2', 'font/woff2', 'wOF2'],
    ['app://console/assets/data.bin', 'application/octet-stream', 'raw'],
    ['app://console/assets/file%20with%20space.txt', 'text/plain; charset=utf-8', 'spaced'],
    ['app://console/alias.html', 'text/html; charset=utf-8', '<!doctype html><title>Admin Console</title>'],
  ])('%s -> 200 %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(await response.text()).toBe(body);
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await get('app://console/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const response = await get('app://console/index.html', method);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it.each([
    'app://console/missing.html',
    'app://console/assets',
    'app://console/assets/',
  ])('%s -> 404 or 400, never a listing', async (url) => {
    const response = await get(url);
    expect([400, 404]).toContain(response.status);
    expect(await response.text()).not.toContain('index-abc');
  });
});

describe('path traversal', () => {
  it.each([
    'app://console/../secret.txt',
    'app://console/assets/../../secret.txt',
    'app://console/%2e%2e/secret.txt',
    'app://console/%2E%2E/secret.txt',
    'app://console/assets/%2e%2e/%2e%2e/secret.txt',
    'app://console/.%2e/secret.txt',
    'app://console/%252e%252e/secret.txt',
    'app://console/..%2fsecret.txt',
    'app://console/..%5csecret.txt',
    'app://console/assets%5C..%5C..%5Csecret.txt',
    'app://console/assets\\..\\..\\secret.txt',
    'app://console/index.html%00.js',
    'app://console/index.html\u0000',
    'app://console/%2Fetc%2Fpasswd',
    'app://console/%5C%5Cserver%5Cshare%5Cx.js',
    'app://console//etc/passwd',
    'app://console/C:/Windows/win.ini',
    'app://console/C%3A/Windows/win.ini',
    'app://console/index.html::$DATA',
    'app://console/index.html.',
    'app://console/CON',
    'app://console/nul.js',
    'app://console/assets/com1.txt',
    'app://console/.hidden',
    'app://console/%E0%A4%A',
    'app://console/assets/leak.txt',
    'app://console/linked-dir/x.js',
    'app://evil/index.html',
    'app://console.evil/index.html',
    'app://console@evil/index.html',
    'file:///etc/passwd',
  ])('refuses %j', async (url) => {
    const before = refusals.length;
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const body = await response.text();
    expect(body).not.toContain('outside the renderer folder');
    expect(body).not.toContain('alert(1)');
    expect(body).not.toContain('root:');
    expect(refusals.length).toBe(before + 1);
  });

  it('refuses an absolute path to a file that exists', async () => {
    const absolute = path.join(base, 'secret.txt');
    for (const url of [`app://console/${encodeURIComponent(absolute)}`, `app://console/${absolute}`]) {
      const response = await get(url);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(await response.text()).not.toContain('outside the renderer folder');
    }
  });

  it('refuses a symlink escape with 403 even though the link sits inside the root', async () => {
    expect((await get('app://console/assets/leak.txt')).status).toBe(403);
    expect((await get('app://console/linked-dir/x.js')).status).toBe(403);
  });

  it('reports 404 when the renderer folder itself is missing', async () => {
    const missing = createRendererHandler(path.join(base, 'not-built'));
    expect((await missing({ url: 'app://console/index.html', method: 'GET' })).status).toBe(404);
  });
});

describe('headers on every response', () => {
  it.each([
    ['app://console/index.html', 'GET'],
    ['app://console/assets/index-abc.js', 'GET'],
    ['app://console/assets/data.bin', 'GET'],
    ['app://console/index.html', 'HEAD'],
    ['app://console/missing.html', 'GET'],
    ['app://console/%2e%2e/secret.txt', 'GET'],
    ['app://console/assets/leak.txt', 'GET'],
    ['app://evil/index.html', 'GET'],
    ['app://console/index.html', 'POST'],
  ])('%s %s carries the CSP and nosniff', async (url, method) => {
    const response = await get(url, method);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBeTruthy();
  });
});

describe('scheme registration', () => {
  it('registers app: as standard and secure, and not CORS-readable or fetchable', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } },
    ]);
  });

  it('serveRenderer installs the handler for the app scheme', async () => {
    const handle = vi.fn();
    serveRenderer({ handle }, root);
    expect(handle).toHaveBeenCalledTimes(1);
    const [scheme, installed] = handle.mock.calls[0] as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await installed(new Request('app://console/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
