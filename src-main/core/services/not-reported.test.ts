import { describe, expect, it } from 'vitest';
import { notReported, reasonFor, reportedDependencies, unexplainedUnreadable } from './not-reported';
import { fakeConfig } from './test-doubles';

const wine124 = (label: string) => `${label}: QueryServiceConfig2W(Agent) failed: The system call level is not correct. (error 124)`;

describe('what the system did not report', () => {
  it('words each failed read by its error code', () => {
    expect(reasonFor('QueryServiceConfig2W(A) failed: The system call level is not correct. (error 124)')).toBe('not readable on this system (error 124)');
    expect(reasonFor('QueryServiceConfig2W(A) failed: Access is denied. (error 5)')).toBe('access denied (5)');
    expect(reasonFor('QueryServiceConfig2W(A) failed: Something. (error 1117)')).toBe('could not be read (error 1117)');
  });

  it("turns Wine's unreadable QueryServiceConfig2W levels into per-field notes, leaving no error", () => {
    const config = fakeConfig('Agent', {
      delayedAutoStart: null,
      triggered: null,
      recovery: null,
      recoveryOnNonCrashFailures: null,
      unreadable: ['delayed auto-start', 'triggers', 'recovery', 'recovery on non-crash failures'].map(wine124),
    });
    expect(notReported(config)).toEqual([
      { field: 'delayedAutoStart', reason: 'not readable on this system (error 124)' },
      { field: 'triggered', reason: 'not readable on this system (error 124)' },
      { field: 'recovery', reason: 'not readable on this system (error 124)' },
      { field: 'recoveryOnNonCrashFailures', reason: 'not readable on this system (error 124)' },
    ]);
    expect(unexplainedUnreadable(config)).toEqual([]);
  });

  it('trusts the dependencies the SCM reports, and its "none" only when the registry agrees', () => {
    expect(reportedDependencies({ dependencies: ['Base'], registryDependencies: ['Base'] })).toEqual(['Base']);
    expect(reportedDependencies({ dependencies: [], registryDependencies: [] })).toEqual([]);
    // The registry could not be read: the SCM is the authority.
    expect(reportedDependencies({ dependencies: [], registryDependencies: null })).toEqual([]);
    // Wine 8: stored, but read back empty.
    expect(reportedDependencies({ dependencies: [], registryDependencies: ['Base', '+Group'] })).toBeNull();
    expect(notReported(fakeConfig('Agent', { dependencies: [], registryDependencies: ['Base'] }))).toEqual([
      { field: 'dependencies', reason: "not reported: the service manager answers none, but the service's registry key lists Base" },
    ]);
  });

  it('leaves a failure it cannot place as an error', () => {
    expect(unexplainedUnreadable(fakeConfig('Agent', { unreadable: ['something else: broke'] }))).toEqual(['something else: broke']);
  });
});
