// Whether this process is elevated, cross-checked with a command that needs elevation.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, test } from 'node:test';
import { isProcessElevated } from './elevation';
import { handleLedger } from './handles';
import { wineVersion } from './system';

describe('elevation', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed (the token too)'));

  test('Wine reports an elevated token', (t) => {
    if (wineVersion() === null) return t.skip('Windows: covered by the cross-check with `net session`');
    // Wine 8 gives its prefix user a full administrator token (TokenElevationTypeFull).
    assert.equal(isProcessElevated(), true);
  });

  test('agrees with `net session`, which only an elevated administrator may run (Windows)', (t) => {
    if (wineVersion() !== null) return t.skip('Wine has no access control: `net session` proves nothing there');
    const net = spawnSync('net', ['session'], { stdio: 'ignore', windowsHide: true });
    assert.equal(isProcessElevated(), net.status === 0, `net session exited ${net.status}`);
  });
});
