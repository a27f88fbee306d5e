// The electronegativity suite of `npm test`: Doyensec's Electron security scanner over the console's three
// processes, with every finding either explained in .electronegativity-allow.json or failing the run.
//   node scripts/electronegativity.mjs        (exit 0 when every finding is allowed and every allowance used)
//
// It scans the TypeScript sources (src-main, src-preload, src-renderer with its index.html and CSP), not out/:
// the tool cannot analyse the built main bundle (its scope analysis stops at class private fields, "Unknown
// node type ClassPrivateProperty", and then reports navigation and permission handlers as missing because it
// never read them), and it skips .cjs files, which is what the preload builds to. TypeScript it parses
// natively. Tests are left out: they are not shipped and fake Electron on purpose.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compareWithAllowlist, readAllowlist } from './electronegativity-allow.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src-main', 'src-preload', 'src-renderer'];
const stage = path.join(repoRoot, 'test-results', 'electronegativity', 'sources');
const isShipped = (file) => /\.(ts|tsx|html)$/.test(file) && !/\.test\.tsx?$/.test(file);
// This check downloads Electron's release list; offline it only prints "No connectivity?" and reports nothing.
// Which Electron we ship is pinned in package.json and upgraded on purpose.
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** Copies the shipped sources to the stage under their repository paths, so findings name repository files. */
function stageSources() {
  fs.rmSync(stage, { recursive: true, force: true });
  let count = 0;
  for (const folder of SOURCES) {
    for (const entry of fs.readdirSync(path.join(repoRoot, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !isShipped(entry.name)) continue;
      const from = path.join(entry.parentPath, entry.name);
      const to = path.join(stage, path.relative(repoRoot, from));
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      count += 1;
    }
  }
  return count;
}

const started = Date.now();
const files = stageSources();
const electronVersion = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).devDependencies.electron;
const run = require('@doyensec/electronegativity');
const result = await run({ input: stage, electronVersionOverride: electronVersion, isRelative: true, excludeFromScan: EXCLUDED_CHECKS });
const findings = result.issues.map((i) => ({
  check: i.id,
  file: path.relative(stage, path.resolve(stage, i.file)).split(path.sep).join('/'),
  line: i.location?.line ?? 0,
  severity: i.severity?.name ?? '?',
  sample: String(i.sample ?? '').trim().slice(0, 160),
  description: i.description ?? '',
}));
const allowFile = path.join(repoRoot, '.electronegativity-allow.json');
const { unexplained, stale, explained } = compareWithAllowlist(findings, readAllowlist(fs.readFileSync(allowFile, 'utf8')));
// A file the tool could not parse was not checked at all: that is a failure, never a silent pass.
const unparsed = result.errors.filter((e) => !e.tolerable);

const say = (line) => process.stdout.write(`${line}\n`);
say(`electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${files} files, ${result.globalChecks + result.atomicChecks} checks, Electron ${electronVersion}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const f of explained) say(`  allowed  ${f.check} ${f.file}:${f.line}`);
for (const f of unexplained) say(`  FINDING  ${f.check} (${f.severity}) ${f.file}:${f.line}\n           ${f.description}\n           ${f.sample}`);
for (const a of stale) say(`  STALE    ${a.check} ${a.file}: allowed in .electronegativity-allow.json but no longer found; remove the entry`);
for (const e of unparsed) say(`  UNPARSED ${e.file}: ${e.message}`);
const failed = unexplained.length + stale.length + unparsed.length;
if (failed) say(`${failed} problem(s): explain a finding (check, file, reason) in .electronegativity-allow.json only when it is not a real issue`);
process.exitCode = failed ? 1 : 0;
