import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostBinaryStore } from './host-binary';

function setup(content = 'host v1') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-binary-'));
  const source = path.join(dir, 'build', 'service-host.exe');
  fs.mkdirSync(path.dirname(source));
  fs.writeFileSync(source, content);
  const secured: string[] = [];
  const store = (version: string) => new HostBinaryStore({ source, version, root: path.join(dir, 'service-host'), secureFolder: (f) => secured.push(f) });
  return { dir, source, secured, store };
}

describe('service host copies', () => {
  it('registers a versioned copy, made once, in the secured root', () => {
    const { source, secured, store, dir } = setup();
    const s = store('1.2.0');
    const first = s.current();
    expect(path.basename(path.dirname(first))).toMatch(/^1\.2\.0-[0-9a-f]{12}$/);
    expect(fs.readFileSync(first, 'utf8')).toBe('host v1');
    expect(secured).toEqual([path.join(dir, 'service-host')]);
    expect(store('1.2.0').current()).toBe(first);
    // A rebuild of the same version is another copy: a running service keeps the one it was started from.
    fs.writeFileSync(source, 'host v1 rebuilt');
    const rebuilt = store('1.2.0').current();
    expect(rebuilt).not.toBe(first);
    expect(fs.readFileSync(first, 'utf8')).toBe('host v1');
  });

  it('keeps copies services still name and the current one, and deletes the rest', () => {
    const { source, store } = setup();
    const old = store('1.0.0').current();
    const unused = store('1.1.0').current();
    fs.writeFileSync(source, 'host v2');
    const s = store('2.0.0');
    const current = s.current();
    expect(s.prune([old.toUpperCase()])).toEqual([path.dirname(unused)]);
    expect(fs.existsSync(old)).toBe(true);
    expect(fs.existsSync(current)).toBe(true);
    expect(fs.existsSync(unused)).toBe(false);
  });

  it('says so when this build has no host', () => {
    const { source, store } = setup();
    fs.rmSync(source);
    expect(() => store('1.0.0').current()).toThrow(/The service host is not part of this console build/);
  });
});
