import { describe, expect, it } from 'vitest';
import { prefixDir } from './config.mjs';
import { parseRunArgs, wineCommand } from './run-in-prefix.mjs';

describe('run-in-prefix arguments', () => {
  it('passes the program and its arguments through untouched', () => {
    expect(parseRunArgs(['cmd', '/c', 'ping', '-n', '120', '127.0.0.1'])).toEqual({ program: 'cmd', args: ['/c', 'ping', '-n', '120', '127.0.0.1'] });
    expect(parseRunArgs(['C:\\Program Files\\x\\a b.exe', '--flag', ''])).toEqual({ program: 'C:\\Program Files\\x\\a b.exe', args: ['--flag', ''] });
  });

  it('takes -- as the end of its own options', () => {
    expect(parseRunArgs(['--', '-odd.exe', '-x'])).toEqual({ program: '-odd.exe', args: ['-x'] });
    expect(parseRunArgs(['--', 'cmd'])).toEqual({ program: 'cmd', args: [] });
  });

  it('refuses no program, and an option it does not have, with the usage', () => {
    expect(() => parseRunArgs([])).toThrow(/no program given[\s\S]*usage:/);
    expect(() => parseRunArgs(['--'])).toThrow(/no program given/);
    expect(() => parseRunArgs(['--port', '5'])).toThrow(/unknown option --port[\s\S]*usage:/);
    expect(() => parseRunArgs(['--help'])).toThrow(/^usage:/);
  });

  it('runs wine in the preview prefix with winedbg off', () => {
    const cmd = wineCommand({ program: 'cmd', args: ['/c', 'echo', 'hi'] });
    expect(cmd.file).toBe('wine');
    expect(cmd.args).toEqual(['cmd', '/c', 'echo', 'hi']);
    expect(cmd.env.WINEPREFIX).toBe(prefixDir);
    expect(cmd.env.WINEDLLOVERRIDES).toContain('winedbg.exe=d');
  });
});
