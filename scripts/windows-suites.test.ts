import { describe, expect, test } from 'vitest';
import { parseTap, suiteFiles } from './windows-suites.mjs';

// Shapes copied from node 22's TAP reporter: nested suites, a skip with a reason, a failure.
const TAP = `TAP version 13
# Subtest: system probe
    # Subtest: times advance
    ok 1 - times advance
      ---
      duration_ms: 1.2
      ...
    # Subtest: DACL read back
    ok 2 - DACL read back # SKIP Wine: descriptors are not stored
      ---
      duration_ms: 0.3
      ...
    # Subtest: a \\# in a name
    not ok 3 - a \\# in a name
      ---
      duration_ms: 0.5
      location: 'Z:\\\\x.cjs:1:1'
      failureType: 'testCodeFailure'
      error: 'Expected values to be strictly equal'
      code: 'ERR_ASSERTION'
      ...
    1..3
not ok 1 - system probe
  ---
  duration_ms: 3
  type: 'suite'
  ...
# Subtest: top level todo
ok 2 - top level todo # TODO
  ---
  duration_ms: 0.1
  ...
1..2
# tests 4
# suites 1
# pass 1
# fail 1
# cancelled 0
# skipped 1
# todo 1
# duration_ms 40
`;

describe('parseTap', () => {
  test('counts from the summary and lists each test with its suite, skip reason or error', () => {
    const r = parseTap(TAP);
    expect(r).toMatchObject({ passed: 1, failed: 1, skipped: 2, complete: true });
    expect(r.details).toEqual([
      { name: 'system probe > times advance', status: 'passed' },
      { name: 'system probe > DACL read back', status: 'skipped', reason: 'Wine: descriptors are not stored' },
      expect.objectContaining({ name: 'system probe > a # in a name', status: 'failed' }),
      { name: 'top level todo', status: 'skipped', reason: '(todo, no reason given)' },
    ]);
    expect(r.details[2]?.error).toContain('Expected values to be strictly equal');
  });

  test('a run cut short (no summary) is incomplete and counted from the lines seen', () => {
    const cut = TAP.slice(0, TAP.indexOf('    # Subtest: a'));
    expect(parseTap(cut)).toMatchObject({ passed: 1, failed: 0, skipped: 1, complete: false });
    expect(parseTap('')).toMatchObject({ passed: 0, failed: 0, skipped: 0, complete: false });
  });

  test('treats Windows line endings like Unix ones', () => {
    expect(parseTap(TAP.replaceAll('\n', '\r\n'))).toEqual(parseTap(TAP));
  });
});

describe('suiteFiles', () => {
  test('layout is the struct test alone; win32 is every other *.win32.test.ts', () => {
    expect(suiteFiles('layout')).toEqual(['src-main/win32/struct-layout.win32.test.ts']);
    const win32: string[] = suiteFiles('win32');
    expect(win32).toContain('src-main/win32/system.win32.test.ts');
    expect(win32).not.toContain('src-main/win32/struct-layout.win32.test.ts');
    expect(win32.every((f) => f.endsWith('.win32.test.ts'))).toBe(true);
    expect(() => suiteFiles('e2e')).toThrow(/unknown Windows suite/);
  });
});

describe('plantLinkFixture', () => {
  // Only the Wine run uses it (Windows tests make junctions), and Windows needs a privilege for symlinks.
  test.skipIf(process.platform === 'win32')('plants a directory symlink deep inside a folder, pointing outside it', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { plantLinkFixture } = await import('./windows-suites.mjs');
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'links-'));
    try {
      const root: string = plantLinkFixture(out);
      expect(fs.lstatSync(path.join(root, 'nested', 'logs', 'escape')).isSymbolicLink()).toBe(true);
      expect(fs.statSync(path.join(root, 'nested', 'logs', 'escape')).isDirectory()).toBe(true);
      expect(fs.lstatSync(path.join(root, 'nested')).isSymbolicLink()).toBe(false);
      expect(plantLinkFixture(out)).toBe(root); // idempotent: planted afresh for every run
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
