// Handle ownership and the ledger, with real process handles.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { PROCESS_QUERY_LIMITED_INFORMATION } from './kernel32';
import { OwnedHandle, handleLedger, openProcess } from './handles';
import { Win32Error } from './win32-error';

/**
 * Far beyond any handle table (at most 2^24 entries, values up to 0x4000000), so it can never be one
 * of this process's real handles, which CloseHandle would then close.
 */
const BOGUS_HANDLE = 0xdead_bee0n;

describe('owned handles', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed'));

  test('an opened handle is counted until closed, and close() is idempotent', () => {
    const before = handleLedger.snapshot().process ?? { opened: 0, closed: 0 };
    const handle = openProcess(process.pid, PROCESS_QUERY_LIMITED_INFORMATION);
    assert.equal(typeof handle.value, 'bigint');
    assert.equal(handle.kind, 'process');
    assert.equal(handleLedger.openCount(), 1);
    assert.equal(handleLedger.openCount('process'), 1);
    assert.equal(handleLedger.openCount('job'), 0);
    handle.close();
    handle.close();
    assert.ok(handle.closed);
    assert.deepEqual(handleLedger.snapshot().process, { opened: before.opened + 1, closed: before.closed + 1 });
    assert.throws(() => handle.value, /used after close/);
  });

  test('a failed open is a Win32Error and counts nothing', () => {
    const before = handleLedger.snapshot();
    // PIDs are multiples of 4 well below this; OpenProcess answers ERROR_INVALID_PARAMETER (87).
    assert.throws(
      () => openProcess(0x7fff_fffc, PROCESS_QUERY_LIMITED_INFORMATION),
      (err: unknown) => err instanceof Win32Error && err.fn === 'OpenProcess' && err.win32Code === 87 && err.code === 'WIN32',
    );
    assert.deepEqual(handleLedger.snapshot(), before);
  });

  test('a handle whose CloseHandle fails is still counted closed, and the failure is raised', () => {
    const bogus = OwnedHandle.adopt('bogus', BOGUS_HANDLE, 'test');
    assert.throws(() => bogus.close(), (err: unknown) => err instanceof Win32Error && err.fn === 'CloseHandle' && err.win32Code === 6);
    assert.equal(handleLedger.openCount('bogus'), 0);
    bogus.close(); // already closed: nothing to raise again
  });

  test('adopting NULL raises the API failure rather than owning nothing', () => {
    assert.throws(() => OwnedHandle.adopt('process', null, 'OpenProcess'), (err: unknown) => err instanceof Win32Error && err.fn === 'OpenProcess');
    assert.throws(() => OwnedHandle.adopt('file', 0xffff_ffff_ffff_ffffn, 'CreateFileW'), (err: unknown) => err instanceof Win32Error);
  });
});
