import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isMainScript } from './native-build.mjs';

describe('isMainScript', () => {
  test('matches a path with spaces and other characters URLs escape', () => {
    const script = path.resolve('/tmp/dir with space/100%/native-build.mjs');
    const url = pathToFileURL(script).href;
    expect(url).toContain('dir%20with%20space');
    expect(isMainScript(url, script)).toBe(true);
    // What the old `file://${argv[1]}` comparison produced: no match for such a path.
    expect(isMainScript(`file://${script}`, script)).toBe(false);
  });

  test('a relative argv[1] is resolved; another script or none does not match', () => {
    const script = path.resolve('scripts/native-build.mjs');
    expect(isMainScript(pathToFileURL(script).href, path.relative(process.cwd(), script))).toBe(true);
    expect(isMainScript(pathToFileURL(script).href, path.resolve('scripts/other.mjs'))).toBe(false);
    expect(isMainScript(pathToFileURL(script).href, undefined)).toBe(false);
  });
});
