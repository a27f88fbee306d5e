// Which Linux/Windows node runs the tooling. Electron 45 (package.json's electron) bundles Node 22 and its
// install script (@electron/get) needs >= 22.12; vitest 4 supports ^22 or >= 24, vite 8 ^20.19 or >= 22.12.
// So package.json's engines say `^22.12.0 || >=24.0.0`, `.nvmrc` pins the version CI fetches when the
// machine's node is older (.ci/run), and the Windows workflow reads the same `.nvmrc`.
// Plain node with no dependencies: .ci/run runs it before `npm ci`, on whatever node the machine has.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** package.json's `engines.node`. */
export function engineRange() {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).engines.node;
}

/** The exact version in `.nvmrc` (what CI installs when the machine's node does not satisfy the range). */
export function pinnedVersion() {
  return fs.readFileSync(path.join(repoRoot, '.nvmrc'), 'utf8').trim();
}

const parse = (v) => {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(v.trim());
  if (!m) throw new Error(`not a node version: ${v}`);
  return m.slice(1).map(Number);
};
const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/**
 * Whether `version` (e.g. process.version) is in `range`. Only the forms engines uses are understood:
 * alternatives joined by `||`, each `^X.Y.Z` or `>=X.Y.Z`; anything else is an error rather than a guess.
 */
export function satisfies(version, range) {
  const v = parse(version);
  return range.split('||').some((part) => {
    const p = part.trim();
    if (p.startsWith('>=')) return cmp(v, parse(p.slice(2))) >= 0;
    if (p.startsWith('^')) {
      const low = parse(p.slice(1));
      return v[0] === low[0] && cmp(v, low) >= 0;
    }
    throw new Error(`unsupported engines form: ${p}`);
  });
}

// `node scripts/node-version.mjs --check`: exit 0 when this node is in range; 1 with the reason otherwise.
// `--pinned`: print .nvmrc's version.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = process.argv[2];
  if (arg === '--pinned') {
    console.log(pinnedVersion());
  } else if (arg === '--check') {
    const range = engineRange();
    if (!satisfies(process.version, range)) {
      console.error(`node ${process.version} is outside package.json's engines (${range})`);
      process.exit(1);
    }
  } else {
    console.error('usage: node scripts/node-version.mjs --check | --pinned');
    process.exit(2);
  }
}
