// Runs the Win32 test suites inside Windows node: natively on Windows, under Wine on Linux.
//   layout: src-main/win32/struct-layout.win32.test.ts (koffi's struct layouts vs native/layout-probe.c)
//   win32:  every other src-main/**/*.win32.test.ts
// Each suite is bundled once (vite, CommonJS, koffi left external so Windows node loads its win32
// prebuild), then run in one `node --test --test-reporter=tap` whose output goes to a file (Windows node
// cannot write to Unix pipes). The TAP is parsed for counts; failures and every skip reason are printed.
import fs from 'node:fs';
import path from 'node:path';
import { bundleForWindowsNode } from './windows-bundle.mjs';
import { buildNative, nativeExe } from './native-build.mjs';
import { cacheDir, isWindows, nativeOutDir, repoRoot } from './rig/config.mjs';
import { ensureRig } from './rig/setup.mjs';
import { stageServiceHost, stageTestService } from './rig/test-service.mjs';
import { forWindows, runWindowsNode } from './rig/windows-node.mjs';

const LAYOUT_TEST = 'src-main/win32/struct-layout.win32.test.ts';

/** Test files per suite, repo-relative with forward slashes, sorted. */
export function suiteFiles(suite) {
  const all = fs
    .readdirSync(path.join(repoRoot, 'src-main'), { recursive: true })
    .map((f) => `src-main/${String(f).replaceAll('\\', '/')}`)
    .filter((f) => f.endsWith('.win32.test.ts'))
    .sort();
  if (suite === 'layout') return all.filter((f) => f === LAYOUT_TEST);
  if (suite === 'win32') {
    // WIN32_TESTS=jobs/launch-leak,services narrows the suite to files whose path contains one of the parts
    // (for a developer's loop; `npm test` never sets it).
    const only = (process.env.WIN32_TESTS ?? '').split(',').filter(Boolean);
    return all.filter((f) => f !== LAYOUT_TEST && (only.length === 0 || only.some((part) => f.includes(part))));
  }
  throw new Error(`unknown Windows suite '${suite}' (known: layout, win32)`);
}

/**
 * Under Wine, a folder with a Unix directory symlink inside: Wine 8 reports such a symlink as
 * FILE_ATTRIBUTE_DIRECTORY | FILE_ATTRIBUTE_REPARSE_POINT, the same as a junction on Windows, but
 * Windows node cannot make one there (CreateSymbolicLinkW returns TRUE and creates nothing, a
 * junction fails with ENOTSUP). The admin-folder tests use it to prove the reparse-point walk for
 * real; on Windows they make their own junctions. Returns the fixture folder.
 */
export function plantLinkFixture(outDir) {
  const root = path.join(outDir, 'unix-links');
  fs.rmSync(root, { recursive: true, force: true });
  const target = path.join(root, 'outside');
  fs.mkdirSync(path.join(target, 'inner'), { recursive: true });
  // A link deep inside a folder; the walk must find it and must not descend into its target.
  fs.mkdirSync(path.join(root, 'nested', 'logs'), { recursive: true });
  fs.writeFileSync(path.join(root, 'nested', 'settings.json'), '{}');
  fs.symlinkSync(target, path.join(root, 'nested', 'logs', 'escape'));
  return root;
}

/** Bundles the suite's test files into one CommonJS file (one module graph, one process); returns its path. */
async function bundleSuite(suite, files, outDir) {
  // A generated entry that imports each test file in order: node:test then registers them all.
  const entry = path.join(cacheDir, 'tests', `${suite}.entry.ts`);
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.writeFileSync(entry, files.map((f) => `import ${JSON.stringify(path.join(repoRoot, f))};`).join('\n') + '\n');
  return bundleForWindowsNode(entry, outDir, `${suite}.win32-suite.cjs`, { mode: 'test' });
}

const RESULT = /^(\s*)(not ok|ok) \d+(?: - (.*))?$/;

/** Splits "name # SKIP reason" (node escapes a literal # in names as \#). */
function splitDirective(text) {
  const m = /^(.*?)(?<!\\) # (SKIP|TODO)\b\s*(.*)$/i.exec(text);
  const unescape = (s) => s.replaceAll('\\#', '#').replaceAll('\\\\', '\\');
  if (!m) return { name: unescape(text), directive: null, reason: '' };
  return { name: unescape(m[1]), directive: m[2].toUpperCase(), reason: unescape(m[3]) };
}

/**
 * Parses node:test's TAP output. Returns { passed, failed, skipped, details, complete }, where
 * details lists every test (not suite) with its full name ("suite > test"), status, skip reason or
 * failure text, and complete says whether the run's closing summary (`# pass N`...) was present.
 * Counts come from the summary when present (cancelled and todo counted as failed and skipped).
 */
export function parseTap(output) {
  const lines = output.split(/\r?\n/);
  const details = [];
  const parents = []; // { indent, name } from "# Subtest:" lines still open
  const summary = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const subtest = /^(\s*)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      parents.push({ indent: subtest[1].length, name: splitDirective(subtest[2]).name });
      continue;
    }
    const total = /^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/.exec(line);
    if (total) {
      summary[total[1]] = Number(total[2]);
      continue;
    }
    const result = RESULT.exec(line);
    if (!result) continue;
    const indent = result[1].length;
    const { name, directive, reason } = splitDirective(result[3] ?? '');
    // The YAML block right after a result line says whether it was a suite and, on failure, why.
    const yaml = [];
    if (lines[i + 1]?.trim() === '---') {
      for (i += 2; i < lines.length && lines[i].trim() !== '...'; i++) yaml.push(lines[i].slice(indent + 2));
    }
    while (parents.length && parents[parents.length - 1].indent > indent) parents.pop();
    if (parents.length && parents[parents.length - 1].indent === indent) parents.pop();
    if (yaml.some((l) => /^type: '?suite'?$/.test(l))) continue;
    const fullName = [...parents.map((p) => p.name), name].join(' > ');
    if (directive) details.push({ name: fullName, status: 'skipped', reason: reason || `(${directive.toLowerCase()}, no reason given)` });
    else if (result[2] === 'ok') details.push({ name: fullName, status: 'passed' });
    else details.push({ name: fullName, status: 'failed', error: yaml.join('\n') });
  }
  const count = (status) => details.filter((d) => d.status === status).length;
  const complete = summary.pass !== undefined && summary.fail !== undefined;
  return complete
    ? {
        passed: summary.pass,
        failed: summary.fail + (summary.cancelled ?? 0),
        skipped: (summary.skipped ?? 0) + (summary.todo ?? 0),
        details,
        complete,
      }
    : { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), details, complete };
}

/**
 * Runs one Windows suite ('layout' or 'win32'); resolves { passed, failed, skipped, details, note? }.
 * A run that crashes, times out or ends without a TAP summary counts as (at least) one failure.
 */
export async function runWindowsSuite(suite, { log = console.log, timeoutMs = 600_000 } = {}) {
  const files = suiteFiles(suite);
  if (files.length === 0) return { passed: 0, failed: 1, skipped: 0, details: [], note: `no test files for suite '${suite}'` };
  const rig = ensureRig({ quiet: true });
  if (!rig.ok) return { passed: 0, failed: 1, skipped: 0, details: [], note: `Wine rig not ready: ${rig.missing.join('; ')}` };
  buildNative({ log });
  const testService = stageTestService({ log });
  const serviceHost = stageServiceHost({ log });

  const outDir = path.join(cacheDir, 'tests', suite);
  const started = Date.now();
  const bundle = await bundleSuite(suite, files, outDir);
  log(`[${suite}] bundled ${files.length} file(s) in ${Date.now() - started} ms; running in ${isWindows ? 'Windows node' : 'Windows node under Wine'}`);

  const run = await runWindowsNode(['--enable-source-maps', '--test', '--test-reporter=tap', forWindows(bundle)], {
    outputFile: path.join(outDir, `${suite}.tap`),
    cwd: repoRoot,
    timeoutMs,
    // node:test's closing summary is written: a runner still there 15 s later is held by Wine's explorer (see runWindowsNode).
    finished: (output) => parseTap(output).complete,
    env: {
      ADMIN_CONSOLE_RIG: isWindows ? 'windows' : 'wine',
      ADMIN_CONSOLE_LAYOUT_PROBE: forWindows(nativeExe('layout-probe')),
      // The built C helpers (test-child.exe and friends), for tests that need a process to act on.
      ADMIN_CONSOLE_NATIVE_DIR: forWindows(nativeOutDir),
      // test-service.exe staged in a folder whose path has spaces, for the Services tests to install.
      ADMIN_CONSOLE_TEST_SERVICE: forWindows(testService),
      // service-host.exe (native/service-host/) staged beside it, for the service-host tests to install.
      ADMIN_CONSOLE_SERVICE_HOST: forWindows(serviceHost),
      ...(isWindows ? {} : { ADMIN_CONSOLE_UNIX_LINKS: forWindows(plantLinkFixture(outDir)) }),
    },
  });
  const result = parseTap(run.output);
  const notes = [];
  if (run.timedOut) notes.push(`timed out after ${timeoutMs} ms`);
  else if (run.lingered) log(`[${suite}] Windows node was still there 15 s after its summary (Wine's explorer.exe /desktop holds its test process's stderr): ended it`);
  else if (!result.complete) notes.push(`Windows node ended (exit ${run.code ?? run.signal}) without a TAP summary`);
  else if (run.code !== 0 && result.failed === 0) notes.push(`Windows node exited ${run.code} with no failed test`);
  if (notes.length && result.failed === 0) result.failed = 1;

  for (const d of result.details) {
    if (d.status === 'failed') log(`[${suite}] FAIL ${d.name}\n${d.error.replace(/^/gm, '    ')}`);
    if (d.status === 'skipped') log(`[${suite}] SKIP ${d.name}: ${d.reason}`);
  }
  if (notes.length) log(`[${suite}] ${notes.join('; ')}; output:\n${run.output.slice(-4000)}`);
  log(`[${suite}] ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const { complete: _complete, ...counts } = result;
  return notes.length ? { ...counts, note: notes.join('; ') } : counts;
}
