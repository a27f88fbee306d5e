// The rig stops only a wineserver it started: recognising a running one must work with the names Debian's
// packages really run (its /usr/bin/wineserver is a script that execs /usr/lib/wine/wineserver64 -p0 ...).
import { describe, expect, test } from 'vitest';
import { isWineServerProgram, servesPrefix } from './rig/wineserver.mjs';

const PREFIX = '/work/wt/rig/.cache/rig/prefix';

describe('isWineServerProgram', () => {
  test.each(['wineserver', 'wineserver64', 'wineserver32', '/usr/lib/wine/wineserver64', '/usr/bin/wineserver', '/opt/wine-stable/bin/wineserver'])(
    'recognises %s',
    (argv0) => expect(isWineServerProgram(argv0)).toBe(true),
  );

  test.each(['', 'wine', 'wine64', '/usr/lib/wine/wine64-preloader', 'Z:\\node.exe', 'not-a-wineserver-wrapper', '/usr/lib/wine/wineserver.sh', 'wineserver64-helper'])(
    'does not take %j for one',
    (argv0) => expect(isWineServerProgram(argv0)).toBe(false),
  );
});

describe('servesPrefix', () => {
  // What /proc showed for the server of a run on Debian 12 (wine 8.0): argv "/usr/lib/wine/wineserver64 -p0 -p".
  const running = { argv0: '/usr/lib/wine/wineserver64', environ: ['HOME=/root', `WINEPREFIX=${PREFIX}`, 'WINEDEBUG=-all'] };

  test('the server Debian runs for our prefix is ours', () => {
    expect(servesPrefix(running, PREFIX)).toBe(true);
  });

  test('the same prefix spelled with a trailing slash is ours too', () => {
    expect(servesPrefix({ ...running, environ: [`WINEPREFIX=${PREFIX}/`] }, PREFIX)).toBe(true);
  });

  test("another prefix's server, or a Wine program that is not a server, is not", () => {
    expect(servesPrefix({ ...running, environ: ['WINEPREFIX=/home/someone/.wine'] }, PREFIX)).toBe(false);
    expect(servesPrefix({ ...running, environ: [`WINEPREFIX=${PREFIX}-old`] }, PREFIX)).toBe(false);
    expect(servesPrefix({ ...running, environ: ['WINEPREFIX='] }, PREFIX)).toBe(false);
    expect(servesPrefix({ ...running, environ: ['HOME=/root'] }, PREFIX)).toBe(false);
    expect(servesPrefix({ ...running, argv0: '/usr/lib/wine/wine64' }, PREFIX)).toBe(false);
  });
});
