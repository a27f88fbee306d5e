// ChangeServiceConfig2W with a reboot action needs SeShutdownPrivilege: it is enabled for that call only.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { handleLedger } from '../handles';
import { disablePrivilege, privilegeEnabled } from '../privileges';
import { win32ServiceManager as manager } from './index';
import { installTestService, removeTestServices } from './test-services';

describe('service recovery with a reboot action', () => {
  afterEach(async () => {
    assert.deepEqual(await removeTestServices(), []);
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('SeShutdownPrivilege is enabled for the change and off again afterwards', (t) => {
    const before = privilegeEnabled('SeShutdownPrivilege');
    if (before === null) return t.skip('this token does not hold SeShutdownPrivilege (not elevated)');
    if (before) disablePrivilege('SeShutdownPrivilege');
    const service = installTestService();
    manager.change(service.name, { recovery: { resetPeriodSeconds: 3600, rebootMessage: 'test', command: '', actions: [{ type: 'reboot', delayMs: 600_000 }] } });
    assert.equal(privilegeEnabled('SeShutdownPrivilege'), false, 'not left enabled');
  });
});
