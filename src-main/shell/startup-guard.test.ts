import { describe, expect, it, vi } from 'vitest';
import { enforceStartupGuard, forbiddenStartupReasons } from './startup-guard';

const EXE = 'C:\\Program Files\\Admin Console\\Admin Console.exe';

function run(argv: string[], env: Record<string, string | undefined> = {}, isPackaged = true) {
  const showErrorBox = vi.fn();
  const exit = vi.fn();
  const allowed = enforceStartupGuard({ isPackaged, argv: [EXE, ...argv], env, showErrorBox, exit });
  return { allowed, showErrorBox, exit };
}

describe('startup guard, packaged', () => {
  it('starts with a clean command line and environment', () => {
    const { allowed, showErrorBox, exit } = run([], { PATH: 'C:\\Windows', ProgramData: 'C:\\ProgramData' });
    expect(allowed).toBe(true);
    expect(showErrorBox).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });

  it.each([
    '--inspect',
    '--inspect=9229',
    '--inspect=0.0.0.0:9229',
    '--inspect-brk',
    '--inspect-brk=9229',
    '--inspect-port=9229',
    '--inspect-brk-node',
    '--inspect-publish-uid=http',
    '--remote-debugging-port=9222',
    '--remote-debugging-pipe',
    '--remote-debugging-address=0.0.0.0',
    '--js-flags=--allow-natives-syntax',
    '--no-sandbox',
    '--disable-web-security',
    // Switches that run another program as administrator.
    '--gpu-launcher=cmd /c calc',
    '--renderer-cmd-prefix=cmd /c',
    '--utility-cmd-prefix=x',
    '--browser-subprocess-path=C:\\Users\\x\\evil.exe',
    '--single-process',
    // Anything else: the installed console takes no switches at all.
    '--enable-logging',
    '--some-future-chromium-switch=1',
    // Chromium on Windows also accepts a single dash or a slash, and ignores case.
    '-inspect',
    '/remote-debugging-port=9222',
    '--NO-SANDBOX',
    '--Remote-Debugging-Port=1',
  ])('refuses %s with an error box and exit code 1', (arg) => {
    const { allowed, showErrorBox, exit } = run(['--some-harmless-flag', arg]);
    expect(allowed).toBe(false);
    expect(showErrorBox).toHaveBeenCalledTimes(1);
    expect(showErrorBox.mock.calls[0]?.[1]).toContain(arg.split('=')[0]);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it.each([
    [{ NODE_OPTIONS: '--require C:\\evil.js' }, 'NODE_OPTIONS'],
    [{ NODE_OPTIONS: '' }, 'NODE_OPTIONS'],
    [{ node_options: '--inspect' }, 'NODE_OPTIONS'],
    [{ ELECTRON_RUN_AS_NODE: '1' }, 'ELECTRON_RUN_AS_NODE'],
    [{ Electron_Run_As_Node: '' }, 'ELECTRON_RUN_AS_NODE'],
  ])('refuses to start with %j set', (env, name) => {
    const { allowed, showErrorBox, exit } = run([], env);
    expect(allowed).toBe(false);
    expect(showErrorBox.mock.calls[0]?.[1]).toContain(name);
    expect(exit).toHaveBeenCalledExactlyOnceWith(1);
  });

  it('lists every reason at once', () => {
    const reasons = forbiddenStartupReasons([EXE, '--inspect', '--no-sandbox'], { NODE_OPTIONS: 'x', ELECTRON_RUN_AS_NODE: '1' });
    expect(reasons).toHaveLength(4);
  });

  it('refuses the whole --inspect* family, including names Node may add later', () => {
    expect(run(['--inspector-protocol-v2']).allowed).toBe(false);
  });

  it.each([['--no-sandboxed-thing'], ['--js-flagsx'], ['--enable-logging']])('refuses the look-alike %s with the generic reason, not a specific one', (arg) => {
    expect(forbiddenStartupReasons([EXE, arg], {})).toEqual([`${arg}: is not an option the console accepts`]);
  });

  it.each([['inspect'], ['C:\\Users\\admin\\--inspect']])('does not refuse %s (not a switch)', (arg) => {
    expect(run([arg]).allowed).toBe(true);
  });

  it('names an unknown switch as not accepted, and still lets plain arguments through', () => {
    expect(forbiddenStartupReasons([EXE, '--made-up'], {})).toEqual(['--made-up: is not an option the console accepts']);
    expect(forbiddenStartupReasons([EXE, 'C:\\some\\file.txt'], {})).toEqual([]);
  });

  it('the end-to-end test build accepts exactly the two switches Playwright passes', () => {
    const showErrorBox = vi.fn();
    const exit = vi.fn();
    const argv = [EXE, '--inspect=0', '--remote-debugging-port=0'];
    expect(enforceStartupGuard({ isPackaged: true, testBuild: true, argv, env: {}, showErrorBox, exit })).toBe(true);
    expect(enforceStartupGuard({ isPackaged: true, testBuild: true, argv: [...argv, '--gpu-launcher=x'], env: {}, showErrorBox, exit })).toBe(false);
    expect(enforceStartupGuard({ isPackaged: true, testBuild: false, argv, env: {}, showErrorBox, exit })).toBe(false);
  });

  it('does not check argv[0] (the executable path)', () => {
    expect(forbiddenStartupReasons(['--inspect'], {})).toEqual([]);
  });

  it('ignores an environment variable that is present but undefined', () => {
    expect(run([], { NODE_OPTIONS: undefined }).allowed).toBe(true);
  });
});

describe('startup guard, development run', () => {
  it('allows debugging switches and variables when not packaged', () => {
    const { allowed, showErrorBox, exit } = run(['--inspect=9229', '--remote-debugging-port=9222', '--no-sandbox'], { NODE_OPTIONS: '--inspect', ELECTRON_RUN_AS_NODE: '1' }, false);
    expect(allowed).toBe(true);
    expect(showErrorBox).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });
});
