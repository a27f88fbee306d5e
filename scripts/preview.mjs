// `npm run preview [-- --port N]`: builds the renderer and the C helpers in native/ (only what changed, so the
// host has service-host.exe for "Run a program as a service"), starts the headless host (natively on Windows, under
// Wine on Linux) and serves the UI on 127.0.0.1 with a bridge that provides the same window API over the
// host's WebSocket. Prints the URL; opens a browser only outside CI and with a display.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ensureRig } from './rig/setup.mjs';
import { cacheDir } from './rig/config.mjs';
import { warmWineServer } from './rig/wineserver.mjs';
import { devBuild, outPaths } from './dev-build.mjs';
import { startHost } from './host-launcher.mjs';
import { buildNative } from './native-build.mjs';
import { previewBanner } from './preview/banner.mjs';
import { previewPage, contentTypeOf, resolveStatic, previewKey, keyMatches } from './preview/page.mjs';

// The page carries the host's token, and the host is an admin API: only a browser given the printed URL
// (with this per-run key) gets the page, and only under our own Host name (no DNS rebinding). Checked before
// anything starts, so a bad PREVIEW_KEY costs nothing.
let key;
try {
  key = previewKey(process.env.PREVIEW_KEY);
} catch (err) {
  console.error(err.message);
  process.exit(2);
}

const { values } = parseArgs({
  options: { port: { type: 'string' }, 'no-open': { type: 'boolean', default: false }, 'skip-build': { type: 'boolean', default: false } },
});
const port = Number(values.port ?? process.env.PREVIEW_PORT ?? 4780);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`invalid port: ${values.port ?? process.env.PREVIEW_PORT}`);
  process.exit(2);
}

const rig = ensureRig();
if (!rig.ok) {
  for (const m of rig.missing) console.error(`missing: ${m}`);
  process.exit(1);
}
if (!values['skip-build']) {
  await devBuild();
  buildNative({ log: (line) => console.log(line) });
}
const stopWine = warmWineServer();

const origin = `http://127.0.0.1:${port}`;
const host = await startHost({ dataFolder: path.join(cacheDir, 'preview', 'data'), allowedOrigins: [origin, `http://localhost:${port}`], name: 'preview' });
const hostUrl = `ws://127.0.0.1:${host.port}/?token=${host.token}`;
const indexHtml = fs.readFileSync(path.join(outPaths.renderer, 'index.html'), 'utf8');
const page = previewPage(indexHtml, hostUrl, `ws://127.0.0.1:${host.port}`);

const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', origin);
  const headers = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  if (!allowedHosts.has(req.headers.host ?? '')) {
    res.writeHead(421, headers);
    return res.end('wrong host');
  }
  if (url.pathname === '/' || url.pathname === '/index.html') {
    if (!keyMatches(key, url.searchParams.get('key'))) {
      res.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Open the URL that `npm run preview` printed (it carries this run\'s key).');
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.csp });
    return res.end(page.html);
  }
  if (url.pathname === '/preview-bridge.js') {
    res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
    return res.end(fs.readFileSync(outPaths.bridge));
  }
  const file = resolveStatic(outPaths.renderer, url.pathname);
  if (!file) {
    res.writeHead(404, headers);
    return res.end('not found');
  }
  res.writeHead(200, { ...headers, 'Content-Type': contentTypeOf(file) });
  fs.createReadStream(file).pipe(res);
});

let closing = false;
async function shutdown(code = 0) {
  if (closing) return;
  closing = true;
  server.close();
  await host.stop();
  stopWine();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
host.child.on('exit', () => {
  if (!closing) {
    console.error(`the headless host exited; its output is in ${host.logFile}`);
    void shutdown(1);
  }
});

server.listen(port, '127.0.0.1', () => {
  const banner = previewBanner({ url: `${origin}/?key=${key}`, hostPort: host.port, hostPid: host.pid, previewPid: process.pid, platform: process.platform });
  for (const line of banner) console.log(line);
  const wantsBrowser = !process.env.CI && !values['no-open'] && (process.platform === 'win32' || process.env.DISPLAY);
  if (wantsBrowser) {
    const url = `${origin}/?key=${key}`;
    const opener = process.platform === 'win32' ? ['explorer.exe', [url]] : ['xdg-open', [url]];
    spawn(opener[0], opener[1], { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  }
});
