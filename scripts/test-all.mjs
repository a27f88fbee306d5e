// `npm test`: every suite in order, each reporting passed / failed / skipped, then one plain total line
// (`N passed, N failed, N skipped`) as the very last line, which CI reads.
//   node scripts/test-all.mjs [--only lint,typecheck,electronegativity,unit,layout,win32,e2e]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './rig/config.mjs';
import { ensureRig } from './rig/setup.mjs';
import { warmWineServer } from './rig/wineserver.mjs';
import { runWindowsSuite } from './windows-suites.mjs';

const bin = (name) => path.join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const resultsDir = path.join(repoRoot, 'test-results');
const say = (line) => process.stdout.write(`${line}\n`);

function run(command, args, env = {}) {
  const r = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  return r.status === 0;
}

/** A command that is one check: it passes or fails as a whole. */
const check = (command, args) => () => (run(command, args) ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 });

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function unitSuite() {
  const out = path.join(resultsDir, 'unit.json');
  fs.rmSync(out, { force: true });
  run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const report = readJson(out);
  if (!report) return { passed: 0, failed: 1, skipped: 0, note: 'vitest wrote no report (crashed?)' };
  const failedFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + failedFiles,
    skipped: report.numPendingTests + (report.numTodoTests ?? 0),
  };
}

/** Starts a warm wineserver on first use; `stopWine` stops it at the end if this run started it. */
let stopWine;
function rigReady() {
  rigState ??= ensureRig();
  if (rigState.ok) stopWine ??= warmWineServer();
  return rigState;
}

/** Playwright's browser project against the preview (which needs the rig for its headless host). */
async function e2eSuite() {
  if (!rigReady().ok) return { passed: 0, failed: 1, skipped: 0, note: `Wine rig unavailable: ${rigState.missing.join('; ')}` };
  const out = path.join(resultsDir, 'e2e.json');
  fs.rmSync(out, { force: true });
  fs.mkdirSync(path.join(resultsDir, 'screenshots'), { recursive: true });
  run(bin('playwright'), ['test', '--project', 'browser']);
  const report = readJson(out);
  if (!report?.stats) return { passed: 0, failed: 1, skipped: 0, note: 'Playwright wrote no report (the preview did not start?)' };
  const { expected, unexpected, skipped, flaky } = report.stats;
  const errors = (report.errors ?? []).length;
  return { passed: expected, failed: unexpected + flaky + errors, skipped, note: flaky ? `${flaky} flaky (counted as failed)` : undefined };
}

/**
 * Suites that need Windows node: natively on Windows, under the Wine rig on Linux. When the rig cannot be set
 * up (not root, not Debian) the suite fails and says exactly what is missing: it never passes silently.
 */
let rigState;
async function windowsSuite(name) {
  if (!rigReady().ok) {
    for (const m of rigState.missing) say(`missing: ${m}`);
    return { passed: 0, failed: 1, skipped: 0, note: `Wine rig unavailable: ${rigState.missing.join('; ')}` };
  }
  const r = await runWindowsSuite(name, { log: say });
  return { passed: r.passed, failed: r.failed, skipped: r.skipped, note: r.note };
}

const SUITES = {
  lint: check(bin('eslint'), ['--max-warnings', '0', '.']),
  typecheck: () => {
    const projects = ['tsconfig.main.json', 'tsconfig.renderer.json', 'tsconfig.node.json', 'scripts/bench/renderer/tsconfig.json'];
    const ok = projects.filter((p) => run(bin('tsc'), ['-p', p])).length;
    return { passed: ok, failed: projects.length - ok, skipped: 0 };
  },
  // Doyensec's Electron security scanner; every finding is explained in .electronegativity-allow.json or fails.
  electronegativity: check(process.execPath, [path.join('scripts', 'electronegativity.mjs')]),
  unit: unitSuite,
  layout: () => windowsSuite('layout'),
  win32: () => windowsSuite('win32'),
  e2e: e2eSuite,
};

const onlyArg = process.argv.indexOf('--only');
const selected = onlyArg > 0 ? (process.argv[onlyArg + 1] ?? '').split(',').filter(Boolean) : Object.keys(SUITES);
const unknown = selected.filter((s) => !SUITES[s]);
if (unknown.length || selected.length === 0) {
  say(`unknown or missing suite in --only: ${unknown.join(', ') || '(none given)'}; known: ${Object.keys(SUITES).join(', ')}`);
  say('0 passed, 1 failed, 0 skipped');
  process.exit(2);
}

fs.mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const name of selected) {
  const started = Date.now();
  say(`\n=== ${name} ===`);
  let r;
  try {
    r = await SUITES[name]();
  } catch (err) {
    r = { passed: 0, failed: 1, skipped: 0, note: `suite crashed: ${err?.stack ?? err}` };
  }
  for (const k of Object.keys(totals)) totals[k] += r[k];
  lines.push(`${name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)${r.note ? ` - ${r.note}` : ''}`);
}
stopWine?.();
say('\n=== summary ===');
for (const l of lines) say(l);
say(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exitCode = totals.failed > 0 ? 1 : 0;
