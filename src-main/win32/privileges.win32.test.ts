// SeDebugPrivilege in this process's own token: enabled, read back through TokenPrivileges, and the
// ERROR_NOT_ALL_ASSIGNED answer for a privilege the token does not hold. Each test leaves the token
// as it found it: the whole suite shares this process, and SeDebugPrivilege would change what the
// access-denied tests see on Windows.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { isProcessElevated } from './elevation';
import { handleLedger } from './handles';
import { ERROR_NOT_ALL_ASSIGNED, SE_DEBUG_NAME, disablePrivilege, enableDebugPrivilege, enablePrivilege, privilegeEnabled } from './privileges';
import { wineVersion } from './system';

const underWine = () => wineVersion() !== null;

/** Runs `body`, then disables SeDebugPrivilege again if it was held disabled before. */
function restoringDebugPrivilege(body: (before: boolean | null) => void): void {
  const before = privilegeEnabled(SE_DEBUG_NAME);
  try {
    body(before);
  } finally {
    if (before === false) disablePrivilege(SE_DEBUG_NAME);
  }
}

describe('privileges', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every token opened was closed'));

  test('Wine: its administrator token holds SeDebugPrivilege disabled, and enabling it works', (t) => {
    if (!underWine()) return t.skip('Windows: covered by "an elevated administrator gets SeDebugPrivilege enabled"');
    restoringDebugPrivilege((before) => {
      assert.equal(before, false, 'held, disabled (Wine 8 lists it with attributes 0)');
      // Wine 8: AdjustTokenPrivileges returns TRUE and sets the last error to 0.
      assert.deepEqual(enableDebugPrivilege(), { enabled: true, detail: 'SeDebugPrivilege enabled' });
      assert.equal(privilegeEnabled(SE_DEBUG_NAME), true, 'TokenPrivileges shows it enabled');
    });
    assert.equal(privilegeEnabled(SE_DEBUG_NAME), false, 'and disabled again');
  });

  test('an elevated administrator gets SeDebugPrivilege enabled, read back through TokenPrivileges (Windows)', (t) => {
    if (underWine()) return t.skip('Wine has no access control: an elevated and a standard token do not differ there');
    restoringDebugPrivilege((before) => {
      const result = enableDebugPrivilege();
      if (isProcessElevated()) {
        assert.notEqual(before, null, 'an elevated administrator token holds SeDebugPrivilege');
        assert.deepEqual(result, { enabled: true, detail: 'SeDebugPrivilege enabled' });
        assert.equal(privilegeEnabled(SE_DEBUG_NAME), true, 'TokenPrivileges shows it enabled');
      } else {
        // A filtered (UAC) token does not hold it: AdjustTokenPrivileges still returns TRUE.
        assert.equal(result.enabled, false);
        assert.match(result.detail, new RegExp(`\\(error ${ERROR_NOT_ALL_ASSIGNED}\\)`));
        assert.equal(privilegeEnabled(SE_DEBUG_NAME), null);
      }
    });
  });

  test('a privilege the token does not hold: AdjustTokenPrivileges says TRUE, the last error 1300 says no', (t) => {
    // SeCreateTokenPrivilege: only LocalSystem-like tokens hold it; Wine's administrator token does not.
    const name = 'SeCreateTokenPrivilege';
    if (privilegeEnabled(name) !== null) return t.skip(`this token holds ${name} (running as SYSTEM?)`);
    const result = enablePrivilege(name);
    assert.equal(result.enabled, false);
    assert.match(result.detail, /^SeCreateTokenPrivilege not enabled: AdjustTokenPrivileges failed: .+ \(error 1300\) \(the token does not hold it/);
    assert.equal(privilegeEnabled(name), null, 'still not held');
  });

  test('a name that is no privilege fails in LookupPrivilegeValueW with its error, never a throw', () => {
    const result = enablePrivilege('SeNoSuchPrivilege');
    assert.equal(result.enabled, false);
    assert.match(result.detail, /LookupPrivilegeValueW\(SeNoSuchPrivilege\) failed: .+ \(error 1313\)$/);
  });
});
