import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { flagsFor, flagsForText, isMainScript, nativePrograms } from './native-build.mjs';

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

describe('nativePrograms and flagsForText', () => {
  test('one program per .c file and one per folder of .c files, the folder rebuilt when a header changes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'native-build-'));
    try {
      fs.writeFileSync(path.join(dir, 'probe.c'), 'int main(void) { return 0; }\n');
      fs.writeFileSync(path.join(dir, 'notes.md'), '');
      fs.mkdirSync(path.join(dir, 'host'));
      for (const f of ['main.c', 'config.c', 'config.h']) fs.writeFileSync(path.join(dir, 'host', f), '');
      fs.mkdirSync(path.join(dir, 'docs-only'));
      fs.writeFileSync(path.join(dir, 'docs-only', 'CONTRACT.md'), '');
      const programs = nativePrograms(dir);
      expect(programs.map((p) => p.name)).toEqual(['host', 'probe']);
      const host = programs[0]!;
      expect(host.entry).toBe(path.join(dir, 'host', 'main.c'));
      expect(host.sources).toEqual([path.join(dir, 'host', 'config.c'), path.join(dir, 'host', 'main.c')]);
      expect(host.inputs).toContain(path.join(dir, 'host', 'config.h'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a folder with .c files but no main.c is refused by name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'native-build-'));
    try {
      fs.mkdirSync(path.join(dir, 'broken'));
      fs.writeFileSync(path.join(dir, 'broken', 'util.c'), '');
      expect(() => nativePrograms(dir)).toThrow(/native\/broken\/ has \.c files but no main\.c/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the header says the entry point, the subsystem and the system libraries to link', () => {
    expect(flagsForText('int wmain(int argc, WCHAR **argv)\n')).toContain('-municode');
    expect(flagsForText('/*\n * Subsystem: windows\n */\n')).toContain('-mwindows');
    const flags = flagsForText('/*\n * Libraries: ws2_32 advapi32\n */\nint wmain(void)');
    expect(flags.filter((f) => f.startsWith('-l'))).toEqual(['-lws2_32', '-ladvapi32']);
    expect(flagsForText('int main(void)').some((f) => f.startsWith('-l') || f === '-municode' || f === '-mwindows')).toBe(false);
  });

  test('the service host is a folder program linking ws2_32 (CONTRACT.md: system DLLs only)', () => {
    const host = nativePrograms().find((p) => p.name === 'service-host');
    expect(host).toBeDefined();
    expect(flagsFor(host!.entry)).toEqual(expect.arrayContaining(['-municode', '-lws2_32', '-static']));
  });
});
