import { describe, expect, it } from 'vitest';
import { deriveServiceRows, shownUnder, serviceExitCodeMeaning, serviceExitCodeText, serviceRowsAsText, servicesCsv, SERVICE_COLUMN_SPECS, startTypeLabel } from './service-columns';
import { ServiceStore } from './service-store';
import { testService, testServiceSnapshot } from './test-services';

describe('startTypeLabel', () => {
  it('words every start type as services.msc does, with delayed and trigger', () => {
    const t = (startType: Parameters<typeof startTypeLabel>[0]['startType'], delayedAutoStart: boolean | null = false, triggered: boolean | null = false) =>
      startTypeLabel({ startType, delayedAutoStart, triggered });
    expect(t('automatic')).toBe('Automatic');
    expect(t('automatic', true)).toBe('Automatic (delayed)');
    expect(t('automatic', false, true)).toBe('Automatic (trigger)');
    expect(t('automatic', true, true)).toBe('Automatic (delayed, trigger)');
    expect(t('manual', false, true)).toBe('Manual (trigger)');
    expect(t('manual', true)).toBe('Manual');
    expect(t('disabled', null, true)).toBe('Disabled');
    expect(t('boot')).toBe('Boot');
    expect(t('system')).toBe('System');
    expect(t(null)).toBe('—');
  });
});

describe('columns', () => {
  it('shows the service-specific exit code only with ERROR_SERVICE_SPECIFIC_ERROR', () => {
    expect(serviceExitCodeText({ win32ExitCode: 1066, serviceSpecificExitCode: 3 })).toBe('3');
    expect(serviceExitCodeText({ win32ExitCode: 0, serviceSpecificExitCode: 3 })).toBe('—');
  });

  it("explains the service-specific exit code of hosted services only, and only when it means something", () => {
    expect(serviceExitCodeMeaning({ hosted: true, win32ExitCode: 1066, serviceSpecificExitCode: 536870913 })).toMatch(/^536870913 \(0x20000001\): the service's configuration is missing or unreadable/);
    expect(serviceExitCodeMeaning({ hosted: false, win32ExitCode: 1066, serviceSpecificExitCode: 536870913 })).toBeNull();
    expect(serviceExitCodeMeaning({ hosted: true, win32ExitCode: 0, serviceSpecificExitCode: 536870913 })).toBeNull();
  });

  it('reads states, error control and missing values in the admin words', () => {
    const row = testService('A', { state: 'startPending', errorControl: null, pid: null, account: null });
    expect(SERVICE_COLUMN_SPECS.state.text(row)).toBe('Start pending');
    expect(SERVICE_COLUMN_SPECS.errorControl.text(row)).toBe('—');
    expect(SERVICE_COLUMN_SPECS.pid.text(row)).toBe('—');
    expect(SERVICE_COLUMN_SPECS.account.text(row)).toBe('—');
  });
});

describe('deriveServiceRows', () => {
  const store = new ServiceStore();
  store.applySnapshot(
    testServiceSnapshot(1, [
      testService('bravo', { pid: 300, account: 'NT AUTHORITY\\LocalService' }),
      testService('Alpha', { pid: null, state: 'stopped' }),
      testService('charlie', { pid: 20, description: 'Prints documents', hosted: true }),
    ]),
  );

  it('sorts by name case-insensitively by default', () => {
    expect(deriveServiceRows(store.all(), '', null).map((e) => e.row.name)).toEqual(['Alpha', 'bravo', 'charlie']);
  });

  it('sorts numbers as numbers with missing values last in both directions', () => {
    expect(deriveServiceRows(store.all(), '', { column: 'pid', desc: false }).map((e) => e.row.name)).toEqual(['charlie', 'bravo', 'Alpha']);
    expect(deriveServiceRows(store.all(), '', { column: 'pid', desc: true }).map((e) => e.row.name)).toEqual(['bravo', 'charlie', 'Alpha']);
  });

  it('filters on every term over name, account, description and PID', () => {
    expect(deriveServiceRows(store.all(), 'localservice', null).map((e) => e.row.name)).toEqual(['bravo']);
    expect(deriveServiceRows(store.all(), 'prints DOC', null).map((e) => e.row.name)).toEqual(['charlie']);
    expect(deriveServiceRows(store.all(), '300', null).map((e) => e.row.name)).toEqual(['bravo']);
  });

  it('lists services, drivers or both by the Show choice, with the filter still applied', () => {
    const mixed = new ServiceStore();
    mixed.applySnapshot(
      testServiceSnapshot(1, [
        testService('Spooler'),
        testService('disk', { kind: 'kernelDriver' }),
        testService('Ntfs', { kind: 'fileSystemDriver' }),
        testService('UserSvc_1', { kind: 'userOwnProcess' }),
      ]),
    );
    const names = (show: 'services' | 'drivers' | 'all', filter = '') => deriveServiceRows(mixed.all(), filter, null, false, show).map((e) => e.row.name);
    expect(names('services')).toEqual(['Spooler', 'UserSvc_1']);
    expect(names('drivers')).toEqual(['disk', 'Ntfs']);
    expect(names('all')).toEqual(['disk', 'Ntfs', 'Spooler', 'UserSvc_1']);
    expect(names('drivers', 'ntfs')).toEqual(['Ntfs']);
    expect(names('services', 'ntfs')).toEqual([]);
    expect(shownUnder('services', { kind: 'other' })).toBe(true);
  });

  it('shows only programs run by the service host when asked, with the filter still applied', () => {
    expect(deriveServiceRows(store.all(), '', null, true).map((e) => e.row.name)).toEqual(['charlie']);
    expect(deriveServiceRows(store.all(), 'bravo', null, true)).toEqual([]);
  });

  it('copies rows as tab-separated cell text', () => {
    const text = serviceRowsAsText(deriveServiceRows(store.all(), 'alpha', null));
    expect(text.split('\t').slice(0, 3)).toEqual(['Alpha', 'Alpha display', 'Stopped']);
  });
});

describe('dependencies and recovery the system did not report', () => {
  const wine = testService('WineSvc', {
    dependencies: null,
    recovery: null,
    notReported: [
      { field: 'recovery', reason: 'not readable on this system (error 124)' },
      { field: 'dependencies', reason: 'not reported: the registry lists RpcSs' },
    ],
  });
  const windows = testService('WinSvc', { dependencies: ['RpcSs', '+NetworkProvider'], recovery: { resetPeriodSeconds: null, rebootMessage: '', command: '', actions: [{ type: 'restart', delayMs: 1000 }, { type: 'none', delayMs: 0 }] } });
  const none = testService('Alone', { dependencies: [], recovery: { resetPeriodSeconds: null, rebootMessage: '', command: '', actions: [] } });

  it('reads "not reported" in the table, with the reason on hover, never "(none)"', () => {
    expect(SERVICE_COLUMN_SPECS.dependencies.text(wine)).toBe('not reported');
    expect(SERVICE_COLUMN_SPECS.dependencies.unknownReason?.(wine)).toBe('not reported: the registry lists RpcSs');
    expect(SERVICE_COLUMN_SPECS.recovery.text(wine)).toBe('not reported');
    expect(SERVICE_COLUMN_SPECS.recovery.unknownReason?.(wine)).toBe('not readable on this system (error 124)');
    expect(SERVICE_COLUMN_SPECS.dependencies.text(windows)).toBe('RpcSs, NetworkProvider (group)');
    expect(SERVICE_COLUMN_SPECS.recovery.text(windows)).toBe('Restart, None');
    expect(SERVICE_COLUMN_SPECS.dependencies.text(none)).toBe('(none)');
    expect(SERVICE_COLUMN_SPECS.recovery.text(none)).toBe('No actions');
    expect(SERVICE_COLUMN_SPECS.dependencies.unknownReason?.(none)).toBeNull();
  });

  it('exports them as empty CSV cells, the known ones as values', () => {
    const store = new ServiceStore();
    store.applySnapshot(testServiceSnapshot(1, [wine, none]));
    const lines = servicesCsv(deriveServiceRows(store.all(), '', null)).split('\r\n');
    expect(lines[0]?.endsWith('Depends on,Recovery')).toBe(true);
    expect(lines.find((l) => l.startsWith('Alone,'))?.endsWith(',(none),No actions')).toBe(true);
    expect(lines.find((l) => l.startsWith('WineSvc,'))?.endsWith(',,')).toBe(true);
  });
});
