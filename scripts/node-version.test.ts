import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { engineRange, pinnedVersion, satisfies } from './node-version.mjs';

// One Node version story: package.json's engines, .nvmrc (what .ci/run fetches and the Windows workflow
// installs), the README's words, and what the tools we depend on accept. A bump of Electron, vite or vitest
// that narrows their range, or an edit of one place alone, fails here.
const root = path.join(__dirname, '..');
// npm's own range logic (semver, a devDependency of ours; it ships no types), to hold ours against.
const semver = createRequire(path.join(root, 'package.json'))('semver') as { satisfies(version: string, range: string): boolean };
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');
const engineOf = (pkg: string) => (JSON.parse(read(`node_modules/${pkg}/package.json`)) as { engines: { node: string } }).engines.node;
const samples = ['20.18.0', '20.19.0', '20.20.2', '22.11.0', '22.12.0', '22.20.0', '23.5.0', '24.0.0', '24.11.1', '26.1.0'];

describe('the Node version', () => {
  it('is understood by the dependency-free check as semver does', () => {
    for (const v of samples) expect(satisfies(v, engineRange()), v).toBe(semver.satisfies(v, engineRange()));
    expect(() => satisfies('22.12.0', '~22.12.0')).toThrow(/unsupported/);
  });

  it('is one that Electron, its installer, vite, vitest and electron-vite all accept', () => {
    const ours = engineRange();
    for (const pkg of ['electron', '@electron/get', 'vite', 'vitest', 'electron-vite', 'eslint', '@playwright/test']) {
      for (const v of samples.filter((s) => semver.satisfies(s, ours))) {
        expect(semver.satisfies(v, engineOf(pkg)), `${pkg} ${engineOf(pkg)} refuses ${v}`).toBe(true);
      }
    }
  });

  it('is pinned in .nvmrc inside the range, and the lock file and Windows workflow follow', () => {
    expect(satisfies(pinnedVersion(), engineRange())).toBe(true);
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
    expect(lock.packages['']?.engines?.node).toBe(engineRange());
    const wf = parse(read('.github/workflows/windows.yml')) as { jobs: { windows: { steps: Array<{ uses?: string; with?: Record<string, unknown> }> } } };
    const setup = wf.jobs.windows.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
    expect(setup?.with).toMatchObject({ 'node-version-file': '.nvmrc' });
    expect(setup?.with?.['node-version']).toBeUndefined();
  });

  it('is checked by .ci/run before npm ci, and written in the README as engines says', () => {
    const ci = read('.ci/run');
    expect(ci.indexOf('node scripts/node-version.mjs --check')).toBeGreaterThan(-1);
    expect(ci.indexOf('node scripts/node-version.mjs --check')).toBeLessThan(ci.indexOf('npm ci'));
    expect(read('README.md')).toContain(`\`${engineRange()}\``);
  });
});
