// The modules of one process, from a Toolhelp snapshot taken after its identity is verified.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { AppError } from '../../core/app-error';
import { handleLedger } from '../handles';
import { win32ProcessSource } from './index';
import { endTestChildren, startTestChild, testChildExe, waitForExit } from './test-children';
import { win32ProcessControl } from './control';

describe('process modules', () => {
  afterEach(() => {
    endTestChildren();
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('a started process lists its image, ntdll.dll and kernel32.dll', () => {
    const child = startTestChild(['sleep']);
    const modules = win32ProcessSource.modules(child.pid, child.createTime);
    const names = modules.map((m) => m.name.toLowerCase());
    assert.equal(names[0], 'test-child.exe', 'the image comes first');
    assert.equal(modules[0]?.path.toLowerCase(), testChildExe().toLowerCase());
    for (const dll of ['ntdll.dll', 'kernel32.dll']) assert.ok(names.includes(dll), `${dll} in ${names.join(', ')}`);
    for (const m of modules) {
      assert.ok(m.baseAddress > 0n && m.sizeBytes > 0, `${m.name} has an address and a size`);
      assert.match(m.path, /^[A-Za-z]:\\/, `${m.name}: an absolute path`);
    }
    assert.equal(new Set(modules.map((m) => m.baseAddress)).size, modules.length, 'no module twice');
  });

  test('a stale creation time is CONFLICT; an exited process is NOT_FOUND', () => {
    const child = startTestChild(['sleep']);
    assert.throws(
      () => win32ProcessSource.modules(child.pid, child.createTime - 1n),
      (err: unknown) => err instanceof AppError && err.code === 'CONFLICT',
    );
    const [ended] = win32ProcessControl.act([child], { kind: 'terminate', exitCode: 1 });
    assert.ok(ended?.ok);
    assert.ok(waitForExit(child.process, 5000));
    assert.throws(
      () => win32ProcessSource.modules(child.pid, child.createTime),
      (err: unknown) => err instanceof AppError && err.code === 'NOT_FOUND' && err.message === `process ${child.pid} has exited`,
    );
  });
});
