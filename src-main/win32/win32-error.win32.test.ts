// Win32Error against the real FormatMessageW, GetLastError and RtlNtStatusToDosError.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { AppError } from '../core/app-error';
import { OwnedHandle, handleLedger, openProcess } from './handles';
import { PROCESS_TERMINATE } from './kernel32';
import { SystemProcessorPerformanceInformation, ntdll } from './ntdll';
import { getSystemIdentity } from './system';
import { Win32Error, describeWin32Code } from './win32-error';

const underWine = () => getSystemIdentity().wineVersion !== null;

/**
 * Far beyond any handle table (at most 2^24 entries, values up to 0x4000000), so it can never be one
 * of this process's real handles, which CloseHandle would then close.
 */
const BOGUS_HANDLE = 0xdead_bee0n;

describe('Win32Error', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed'));

  test('FormatMessageW gives the system text for a code, without the line break', () => {
    const text = describeWin32Code(6);
    assert.ok(text.length > 5 && text !== 'unknown error', `text for error 6: "${text}"`);
    assert.doesNotMatch(text, /[\r\n]$/);
    assert.notEqual(describeWin32Code(2), text, 'another code, another text');
    assert.equal(describeWin32Code(0x2fff_ffff), 'unknown error', 'no text is not an error of its own');
  });

  test('a failing call (CloseHandle on a bogus handle) carries GetLastError and its text', () => {
    const bogus = OwnedHandle.adopt('bogus', BOGUS_HANDLE, 'test');
    let caught: unknown;
    try {
      bogus.close();
    } catch (err) {
      caught = err;
    }
    assert.ok(caught instanceof Win32Error, 'a Win32Error');
    assert.ok(caught instanceof AppError, 'an AppError, so it crosses IPC as {code, message, win32Code}');
    assert.equal(caught.fn, 'CloseHandle');
    assert.equal(caught.win32Code, 6);
    assert.equal(caught.code, 'WIN32');
    assert.equal(caught.message, `CloseHandle failed: ${describeWin32Code(6)} (error 6)`);
  });

  test('error 5 is reported as ACCESS_DENIED', () => {
    const err = Win32Error.fromCode('OpenProcess', 5);
    assert.equal(err.code, 'ACCESS_DENIED');
    assert.equal(err.message, `OpenProcess failed: ${describeWin32Code(5)} (error 5)`);
  });

  test('a real access-denied failure: terminating the System process', (t) => {
    if (underWine()) return t.skip('Wine: there is no access control, so no call fails with access denied');
    assert.throws(
      () => openProcess(4, PROCESS_TERMINATE).close(),
      (err: unknown) => err instanceof Win32Error && err.code === 'ACCESS_DENIED' && err.win32Code === 5 && err.fn === 'OpenProcess',
    );
  });

  test('a failing NTSTATUS: unsigned hex status and the mapped Win32 text', () => {
    const status = ntdll().NtQuerySystemInformation(SystemProcessorPerformanceInformation, Buffer.alloc(8), 8, [0]);
    assert.equal(status >>> 0, 0xc000_0004, 'STATUS_INFO_LENGTH_MISMATCH for a buffer too small');
    const err = Win32Error.fromNtStatus('NtQuerySystemInformation', status);
    assert.equal(err.win32Code, 0xc000_0004);
    assert.equal(err.dosError, 24, 'RtlNtStatusToDosError: ERROR_BAD_LENGTH');
    assert.equal(err.code, 'WIN32');
    assert.equal(err.message, `NtQuerySystemInformation failed: ${describeWin32Code(24)} (NTSTATUS 0xC0000004)`);
  });

  test('STATUS_ACCESS_DENIED maps to ACCESS_DENIED', () => {
    const err = Win32Error.fromNtStatus('NtOpenProcess', 0xc000_0022);
    assert.equal(err.code, 'ACCESS_DENIED');
    assert.equal(err.dosError, 5);
    assert.match(err.message, /\(NTSTATUS 0xC0000022\)$/);
  });
});

describe('Win32Error kinds with the system texts', () => {
  test('ERROR_PRIVILEGE_NOT_HELD (1314) is ACCESS_DENIED', () => {
    const err = Win32Error.fromCode('AdjustTokenPrivileges', 1314);
    assert.equal(err.code, 'ACCESS_DENIED');
    assert.equal(err.message, `AdjustTokenPrivileges failed: ${describeWin32Code(1314)} (error 1314)`);
  });

  test('STATUS_PRIVILEGE_NOT_HELD maps to 1314 and is ACCESS_DENIED', () => {
    const err = Win32Error.fromNtStatus('NtSetInformationProcess', 0xc000_0061);
    assert.equal(err.code, 'ACCESS_DENIED');
    assert.equal(err.dosError, 1314);
    assert.match(err.message, /\(NTSTATUS 0xC0000061\)$/);
  });

  test('an HRESULT: E_ACCESSDENIED is ACCESS_DENIED with error 5s text; E_FAIL is WIN32', () => {
    const denied = Win32Error.fromHResult('SHGetKnownFolderPath', 0x8007_0005 | 0);
    assert.equal(denied.code, 'ACCESS_DENIED');
    assert.equal(denied.win32Code, 0x8007_0005);
    assert.equal(denied.dosError, 5);
    assert.equal(denied.message, `SHGetKnownFolderPath failed: ${describeWin32Code(5)} (HRESULT 0x80070005)`);
    const fail = Win32Error.fromHResult('X', 0x8000_4005 | 0);
    assert.equal(fail.code, 'WIN32');
    assert.match(fail.message, /\(HRESULT 0x80004005\)$/);
  });

  test('advice keeps the kind, the API and the code', () => {
    const err = Win32Error.fromCode('OpenProcess', 5).withAdvice('run the console as administrator');
    assert.ok(err instanceof Win32Error);
    assert.deepEqual([err.code, err.fn, err.win32Code, err.dosError], ['ACCESS_DENIED', 'OpenProcess', 5, 5]);
    assert.ok(err.message.endsWith('(error 5); run the console as administrator'));
  });
});
