/**
 * A new hosted program's starting values: the host's own defaults (CONTRACT.md), the virtual account, manual
 * start, every stop method. No zod here, so the renderer's wizard imports it.
 */
import { HOSTED_RANGES } from './hosted-ranges';
import type { HostedDefinitionValue } from './hosted-schemas';
import { noJobLimits } from './job-limits';

/** What the wizard starts from for a new service named `name` running `program`. */
export function newHostedDefinition(name: string, program: string): HostedDefinitionValue {
  return {
    name,
    displayName: name,
    description: '',
    program,
    arguments: [],
    workingFolder: null,
    environment: [],
    account: { kind: 'virtual' },
    startup: 'manual',
    errorControl: 'normal',
    stop: { methods: ['ctrlC', 'ctrlBreak', 'closeWindows'], budgetMs: HOSTED_RANGES.stopBudgetMs.default },
    restart: {
      baseMs: HOSTED_RANGES.restartBaseMs.default,
      factorPercent: HOSTED_RANGES.restartFactorPercent.default,
      capMs: HOSTED_RANGES.restartCapMs.default,
      jitterPercent: HOSTED_RANGES.restartJitterPercent.default,
      maxCount: HOSTED_RANGES.restartMaxCount.default,
      windowSec: HOSTED_RANGES.restartWindowSec.default,
      resetSec: HOSTED_RANGES.restartResetSec.default,
      exitCodesNoRestart: [],
      exitCodesStopService: [],
    },
    readiness: { probe: null, timeoutSec: HOSTED_RANGES.readinessTimeoutSec.default },
    liveness: { probe: null, intervalSec: HOSTED_RANGES.livenessIntervalSec.default, failuresToRestart: HOSTED_RANGES.livenessFailuresToRestart.default },
    probeTimeoutMs: HOSTED_RANGES.probeTimeoutMs.default,
    log: { maxFileBytes: HOSTED_RANGES.logMaxFileBytes.default, maxFiles: HOSTED_RANGES.logMaxFiles.default, totalCapBytes: null, split: false },
    job: { template: null, limits: noJobLimits() },
  };
}
