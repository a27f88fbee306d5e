// EnumDependentServicesW on the real SCM: the running services to stop before one service, in stop order.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { AppError } from '../../core/app-error';
import { handleLedger } from '../handles';
import { getSystemIdentity } from '../system';
import { win32ServiceManager as manager } from './index';
import { installTestService, removeTestServices, waitForState } from './test-services';

const underWine = () => getSystemIdentity().wineVersion !== null;

describe('running dependents (EnumDependentServicesW)', () => {
  afterEach(async () => {
    assert.deepEqual(await removeTestServices(), [], 'every test service was stopped and removed');
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('a service nothing depends on has none; an unknown service is NOT_FOUND', () => {
    const lone = installTestService();
    assert.deepEqual(manager.runningDependents(lone.name), []);
    assert.throws(
      () => manager.runningDependents('AdminConsoleNoSuchService'),
      (err: AppError) => err.code === 'NOT_FOUND' && err.win32Code === 1060,
    );
  });

  test('running dependents, direct and indirect, deepest first; stopped ones are left out (Windows)', async (t) => {
    if (underWine()) return t.skip('Wine 8 answers EnumDependentServicesW with no services and starts no dependency first (README, "What Wine proves and what waits for Windows")');
    const base = installTestService();
    const middle = installTestService([], { dependencies: [base.name] });
    const top = installTestService([], { dependencies: [middle.name] });
    const idle = installTestService([], { dependencies: [base.name] });
    // Starting the top service starts what it depends on first (Windows does; Wine does not).
    manager.start(top.name, []);
    try {
      await waitForState(top.name, 'running');
      assert.equal((await waitForState(base.name, 'running')).state, 'running');
      assert.deepEqual(manager.runningDependents(base.name), [top.name, middle.name]);
      assert.ok(!manager.runningDependents(base.name).includes(idle.name), 'a stopped dependent is not listed');
    } finally {
      // Stopped deepest first: the SCM refuses to stop a service whose dependents run (1051).
      for (const service of [top, middle, base]) {
        if (manager.status(service.name).state !== 'running') continue;
        manager.control(service.name, 'stop');
        await waitForState(service.name, 'stopped');
      }
    }
  });
});
