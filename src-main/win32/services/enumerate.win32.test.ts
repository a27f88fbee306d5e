// Enumeration on the real SCM: one EnumServicesStatusExW per poll in steady state, the kept buffer
// growing when the list outgrows it (Windows continues with the resume handle; Wine starts over),
// never listing a service twice, with the one SCM connection kept and nothing else left open.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { handleLedger } from '../handles';
import { enumerateStats, resizeEnumerateBuffer, win32ServiceManager as manager } from './index';
import { installTestService, removeTestServices } from './test-services';

const names = (list: { name: string }[]) => list.map((s) => s.name).sort();

describe('service enumeration', () => {
  afterEach(async () => {
    assert.deepEqual(await removeTestServices(), []);
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
    assert.ok(handleLedger.keptCount('scm') <= 1, 'at most one kept SCM connection');
  });

  test('steady state: one Win32 call per enumeration, the same list each time', () => {
    const first = manager.enumerate();
    const before = manager.callCount();
    const calls = enumerateStats.calls;
    const second = manager.enumerate();
    assert.equal(manager.callCount() - before, 1, 'one Win32 call in all');
    assert.equal(enumerateStats.calls - calls, 1, 'one EnumServicesStatusExW');
    assert.deepEqual(names(second), names(first));
    assert.ok(first.length >= 10, `the system's own services are listed (${first.length})`);
    assert.equal(new Set(names(first)).size, first.length, 'no service listed twice');
    for (const s of first) {
      assert.ok(s.name.length > 0, 'every service has a name');
      if (s.state === 'stopped') assert.equal(s.pid, 0, `${s.name}: stopped means no PID`);
    }
  });

  test('a buffer too small grows, the list stays whole, and the next poll is one call again', () => {
    const expected = names(manager.enumerate());
    for (const bytes of [64, 1024]) {
      resizeEnumerateBuffer(bytes);
      const calls = enumerateStats.calls;
      const grown = manager.enumerate();
      assert.ok(enumerateStats.calls - calls >= 2, `a ${bytes}-byte buffer takes more than one call`);
      assert.deepEqual(names(grown), expected, 'the same services, none twice');
      assert.ok(enumerateStats.bufferBytes > bytes, 'the buffer kept for next time grew');
      const again = enumerateStats.calls;
      manager.enumerate();
      assert.equal(enumerateStats.calls - again, 1, 'the grown buffer serves the next poll in one call');
    }
  });

  test('a service installed between two polls appears, and goes once removed', async () => {
    const installed = installTestService();
    assert.ok(names(manager.enumerate()).includes(installed.name));
    assert.deepEqual(await removeTestServices(), []);
    assert.ok(!names(manager.enumerate()).includes(installed.name));
  });
});
