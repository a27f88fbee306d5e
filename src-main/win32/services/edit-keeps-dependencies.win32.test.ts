// Every kind of service edit keeps what it does not list: the service's DependOnService is read from the registry
// (RegGetValueW) before and after each ChangeServiceConfigW / ChangeServiceConfig2W the console makes.
//
// What this found under Wine 8: any ChangeServiceConfigW - even with lpDependencies NULL ("unchanged") - makes
// Wine's services.exe rewrite the key from what it reports, and it reports no dependencies, so DependOnService
// is deleted. ChangeServiceConfig2W (description, recovery) keeps it. The layer that drops it is Wine's SCM, not
// ours: the console passes NULL. So the core refuses such an edit where the SCM's answer disagrees with its own
// registry (service-plan.ts, not-reported.ts), and the Windows-only tests below prove every edit keeps them.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { ServiceConfigChange } from '../../core/services/service-manager';
import { reportedDependencies } from '../../core/services/not-reported';
import { handleLedger } from '../handles';
import { getSystemIdentity } from '../system';
import { win32ServiceManager as manager } from './index';
import { storedDependencies } from './registry';
import { installTestService, removeTestServices, testServiceCommand } from './test-services';

const underWine = () => getSystemIdentity().wineVersion !== null;

/** Edits made with ChangeServiceConfigW (lpDependencies NULL). */
const BASIC_EDITS: [string, ServiceConfigChange][] = [
  ['start type', { startType: 'automatic' }],
  ['display name', { displayName: 'Admin Console test service (renamed)' }],
  ['command line', { binaryPath: testServiceCommand(['--edited']) }],
  ['error control', { errorControl: 'ignore' }],
  ['account', { logon: { account: 'NT AUTHORITY\\LocalService', password: '' } }],
];

/** Edits made with ChangeServiceConfig2W only. */
const EXTRA_EDITS: [string, ServiceConfigChange, boolean][] = [
  ['description', { description: 'edited' }, true],
  ['recovery', { recovery: { resetPeriodSeconds: 60, rebootMessage: '', command: '', actions: [{ type: 'restart', delayMs: 1000 }] } }, true],
  // Wine 8 refuses these two levels (124): nothing to prove there.
  ['recovery flag', { recoveryOnNonCrashFailures: true }, false],
  ['delayed start', { startType: 'automatic', delayedAutoStart: true }, false],
];

/** A test service that depends on another, both removed at the end. */
function dependentPair() {
  const base = installTestService();
  const dependent = installTestService([], { dependencies: [base.name, '+AdminConsoleTestGroup'] });
  return { base: base.name, dependent: dependent.name, stored: [base.name, '+AdminConsoleTestGroup'] };
}

describe('service edits keep the dependencies they do not list', () => {
  afterEach(async () => {
    assert.deepEqual(await removeTestServices(), []);
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('the registry holds the dependencies given at install; the configuration read says when the SCM does not report them', () => {
    const { base, dependent, stored } = dependentPair();
    assert.deepEqual(storedDependencies(dependent), stored, 'DependOnService, then DependOnGroup with +');
    assert.deepEqual(storedDependencies(base), []);
    const config = manager.config(dependent);
    assert.deepEqual(config.registryDependencies, underWine() ? stored : config.dependencies.length ? config.dependencies : stored);
    if (underWine()) assert.equal(reportedDependencies(config), null, 'Wine reads them back empty: not reported, never "none"');
    else assert.deepEqual(reportedDependencies(config), stored);
    assert.deepEqual(reportedDependencies(manager.config(base)), [], 'no dependencies is "none" when the registry agrees');
  });

  for (const [label, change, wineToo] of EXTRA_EDITS) {
    test(`an edit of the ${label} alone keeps the dependencies`, (t) => {
      if (!wineToo && underWine()) return t.skip(`Wine 8 refuses the ${label} level of ChangeServiceConfig2W (124)`);
      const { dependent, stored } = dependentPair();
      manager.change(dependent, change);
      assert.deepEqual(storedDependencies(dependent), stored, `DependOnService after changing the ${label}`);
      if (!underWine()) assert.deepEqual(manager.config(dependent).dependencies, stored);
    });
  }

  for (const [label, change] of BASIC_EDITS) {
    test(`an edit of the ${label} alone keeps the dependencies (ChangeServiceConfigW, lpDependencies NULL)`, (t) => {
      if (underWine()) return t.skip("Wine 8's SCM drops DependOnService on any ChangeServiceConfigW; the console refuses such edits there (see the Wine test below)");
      const { dependent, stored } = dependentPair();
      manager.change(dependent, change);
      assert.deepEqual(storedDependencies(dependent), stored, `DependOnService after changing the ${label}`);
      assert.deepEqual(manager.config(dependent).dependencies, stored);
    });
  }

  test('Wine: the layer that drops DependOnService is its SCM, on a ChangeServiceConfigW that passes NULL for it', (t) => {
    if (!underWine()) return t.skip('documents a Wine 8 defect; Windows is covered by the tests above');
    const { dependent, stored } = dependentPair();
    manager.change(dependent, { dependencies: stored, startType: 'automatic' });
    assert.deepEqual(storedDependencies(dependent), stored, 'given explicitly, they are kept');
    manager.change(dependent, { startType: 'manual' });
    assert.deepEqual(storedDependencies(dependent), [], 'with NULL ("unchanged", per MSDN) Wine deletes them: if this fails, Wine was fixed and the refusal in service-plan.ts can go');
  });
});
