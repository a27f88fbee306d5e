import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareWithAllowlist, readAllowlist } from './electronegativity-allow.mjs';

const root = path.join(__dirname, '..');
const entry = (check: string, file: string, reason = 'why it is not a real issue') => ({ check, file, reason });
const finding = (check: string, file: string, line = 1) => ({ check, file, line });

describe('compareWithAllowlist', () => {
  it('explains a finding only when check and file both match an entry', () => {
    const allow = [entry('SANDBOX_JS_CHECK', 'src-main/main.ts')];
    const r = compareWithAllowlist([finding('SANDBOX_JS_CHECK', 'src-main/main.ts', 101), finding('SANDBOX_JS_CHECK', 'src-main/other.ts'), finding('CSP_GLOBAL_CHECK', 'src-main/main.ts')], allow);
    expect(r.explained).toEqual([finding('SANDBOX_JS_CHECK', 'src-main/main.ts', 101)]);
    expect(r.unexplained).toEqual([finding('SANDBOX_JS_CHECK', 'src-main/other.ts'), finding('CSP_GLOBAL_CHECK', 'src-main/main.ts')]);
    expect(r.stale).toEqual([]);
  });

  it('reports an entry that matches no finding as stale (no excuses kept for fixed code)', () => {
    const r = compareWithAllowlist([], [entry('AUXCLICK_JS_CHECK', 'src-main/main.ts')]);
    expect(r.stale).toEqual([entry('AUXCLICK_JS_CHECK', 'src-main/main.ts')]);
    expect(r.unexplained).toEqual([]);
  });

  it('lets one entry explain several findings of its check in its file', () => {
    const r = compareWithAllowlist([finding('SANDBOX_JS_CHECK', 'a.ts', 1), finding('SANDBOX_JS_CHECK', 'a.ts', 9)], [entry('SANDBOX_JS_CHECK', 'a.ts')]);
    expect(r.explained).toHaveLength(2);
    expect(r.stale).toEqual([]);
  });
});

describe('readAllowlist', () => {
  it.each([
    ['no allow array', '{}'],
    ['an entry without a reason', JSON.stringify({ allow: [{ check: 'X', file: 'a.ts' }] })],
    ['an empty reason', JSON.stringify({ allow: [entry('X', 'a.ts', '  ')] })],
    ['an unknown key', JSON.stringify({ allow: [{ ...entry('X', 'a.ts'), line: 3 }] })],
    ['the same check and file twice', JSON.stringify({ allow: [entry('X', 'a.ts'), entry('X', 'a.ts', 'again')] })],
  ])('refuses %s', (_what, text) => {
    expect(() => readAllowlist(text)).toThrow(/allowlist/);
  });

  it("reads the repository's allowlist, whose every entry names a file that exists", () => {
    const allow = readAllowlist(fs.readFileSync(path.join(root, '.electronegativity-allow.json'), 'utf8'));
    expect(allow.length).toBeGreaterThan(0);
    for (const a of allow) expect(fs.existsSync(path.join(root, a.file)), a.file).toBe(true);
  });
});
