// Reading a process's priority class back (the process menu's mark): what SetPriorityClass set is what
// GetPriorityClass returns (Wine stores it too), a gone or reused target is refused, and no handle leaks.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { handleLedger } from '../handles';
import { win32ProcessControl } from './control';
import { readPriorityClasses } from './priority-class';
import { endTestChildren, startTestChild } from './test-children';

describe('priority class read-back', () => {
  afterEach(() => {
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('reads the class just set, per target and in order', () => {
    const a = startTestChild(['sleep']);
    const b = startTestChild(['sleep']);
    assert.deepEqual(readPriorityClasses([a, b]), [
      { ok: true, priorityClass: 'normal' },
      { ok: true, priorityClass: 'normal' },
    ]);
    for (const outcome of win32ProcessControl.act([b], { kind: 'setPriority', priorityClass: 'belowNormal' })) assert.ok(outcome.ok);
    assert.deepEqual(readPriorityClasses([a, b]), [
      { ok: true, priorityClass: 'normal' },
      { ok: true, priorityClass: 'belowNormal' },
    ]);
  });

  test('a PID that names another process now is refused (CONFLICT), without stopping the others', () => {
    const a = startTestChild(['sleep']);
    const [stale, fresh] = readPriorityClasses([{ pid: a.pid, createTime: a.createTime - 1n }, a]);
    assert.ok(stale && !stale.ok && stale.error.code === 'CONFLICT', JSON.stringify(stale));
    assert.deepEqual(fresh, { ok: true, priorityClass: 'normal' });
  });
});
