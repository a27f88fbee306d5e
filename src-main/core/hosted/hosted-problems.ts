/**
 * What stops a hosted definition from being installed as it is, per field (the dotted path of the form's
 * field): the ranges of native/service-host/CONTRACT.md (also checked here, not only by the request schema,
 * because a definition read back from the registry never passed that schema), and the rules across fields
 * the host enforces at start. Name and account rules that need the SCM's list are the plan's (hosted-plan.ts).
 */
import { HOSTED_RANGES, type HostedRange } from '../../../src-preload/contract/hosted-ranges';
import type { HostedDefinitionValue, HostedProbeValue } from '../../../src-preload/contract/hosted-schemas';
import type { LimitField } from '../../../src-preload/contract/job-schemas';
import { programProblem } from '../services/binary-path';

/** One problem, for the field the form shows it on. */
export interface HostedProblem {
  field: string;
  message: string;
}

const isAbsolute = (p: string) => /^[A-Za-z]:\\/.test(p) || /^\\\\[^\\]+\\[^\\]+/.test(p);

/** Job limits the Jobs tab edits but the service host does not apply (CONTRACT.md's Job* values). */
const UNSUPPORTED_LIMITS: Partial<Record<LimitField, string>> = {
  processUserTimeMs: 'per-process CPU time',
  jobUserTimeMs: 'job CPU time',
  schedulingClass: 'scheduling class',
  workingSet: 'working set',
  dieOnUnhandledException: 'die on unhandled exception',
  silentBreakawayOk: 'silent breakaway',
  uiRestrictions: 'UI restrictions',
};

function rangeProblem(field: string, label: string, value: number, range: Pick<HostedRange, 'min' | 'max'>, problems: HostedProblem[]): void {
  if (!Number.isInteger(value) || value < range.min || value > range.max) problems.push({ field, message: `${label} must be a whole number from ${range.min} to ${range.max}.` });
}

function probeProblems(field: string, probe: HostedProbeValue | null, problems: HostedProblem[]): void {
  if (probe === null) return;
  if (probe.kind === 'tcp' || probe.kind === 'http') rangeProblem(field, 'The port', probe.port, HOSTED_RANGES.probePort, problems);
  if (probe.kind === 'http') {
    if (!probe.path.startsWith('/')) problems.push({ field, message: 'The HTTP path must start with /.' });
    rangeProblem(field, 'The expected HTTP status', probe.expectStatus, HOSTED_RANGES.probeHttpStatus, problems);
  }
  if (probe.kind === 'heartbeat') {
    if (!isAbsolute(probe.file)) problems.push({ field, message: `The heartbeat file must be a full path (C:\\... or \\\\server\\share\\...), not "${probe.file}".` });
    rangeProblem(field, 'The heartbeat age', probe.maxAgeSec, HOSTED_RANGES.probeHeartbeatMaxAgeSec, problems);
  }
}

/** Every problem of a definition that does not depend on the machine; empty when the host will accept it. */
export function hostedProblems(def: HostedDefinitionValue): HostedProblem[] {
  const problems: HostedProblem[] = [];
  const program = programProblem(def.program);
  if (program) problems.push({ field: 'program', message: program });
  if (def.workingFolder !== null && !isAbsolute(def.workingFolder)) {
    problems.push({ field: 'workingFolder', message: `The working folder must be a full path (C:\\... or \\\\server\\share\\...), not "${def.workingFolder}".` });
  }
  // REG_MULTI_SZ ends at the first empty string, so an empty argument cannot be stored ("Registry value types").
  if (def.arguments.some((a) => a === '')) problems.push({ field: 'arguments', message: 'An argument cannot be empty: the registry list that holds them ends at an empty item.' });
  const seen = new Set<string>();
  for (const { name } of def.environment) {
    if (name.includes('=') || name === '') problems.push({ field: 'environment', message: `"${name}" is not a variable name (no = allowed).` });
    if (seen.has(name.toUpperCase())) problems.push({ field: 'environment', message: `${name} is set twice.` });
    seen.add(name.toUpperCase());
  }

  rangeProblem('stop.budgetMs', 'The stop budget (ms)', def.stop.budgetMs, HOSTED_RANGES.stopBudgetMs, problems);
  const r = def.restart;
  rangeProblem('restart.baseMs', 'The first delay (ms)', r.baseMs, HOSTED_RANGES.restartBaseMs, problems);
  rangeProblem('restart.factorPercent', 'The growth factor (%)', r.factorPercent, HOSTED_RANGES.restartFactorPercent, problems);
  rangeProblem('restart.capMs', 'The longest delay (ms)', r.capMs, HOSTED_RANGES.restartCapMs, problems);
  if (r.capMs < r.baseMs) problems.push({ field: 'restart.capMs', message: `The longest delay (${r.capMs} ms) cannot be shorter than the first (${r.baseMs} ms).` });
  rangeProblem('restart.jitterPercent', 'The jitter (%)', r.jitterPercent, HOSTED_RANGES.restartJitterPercent, problems);
  rangeProblem('restart.maxCount', 'The restarts allowed', r.maxCount, HOSTED_RANGES.restartMaxCount, problems);
  rangeProblem('restart.windowSec', 'The window (s)', r.windowSec, HOSTED_RANGES.restartWindowSec, problems);
  rangeProblem('restart.resetSec', 'The healthy time that resets the count (s)', r.resetSec, HOSTED_RANGES.restartResetSec, problems);
  const both = r.exitCodesNoRestart.filter((c) => r.exitCodesStopService.includes(c));
  if (both.length) problems.push({ field: 'restart.exitCodesStopService', message: `Exit code${both.length > 1 ? 's' : ''} ${both.join(', ')} cannot both end the program on purpose and stop the service with an error.` });

  probeProblems('readiness.probe', def.readiness.probe, problems);
  rangeProblem('readiness.timeoutSec', 'The readiness timeout (s)', def.readiness.timeoutSec, HOSTED_RANGES.readinessTimeoutSec, problems);
  probeProblems('liveness.probe', def.liveness.probe, problems);
  rangeProblem('liveness.intervalSec', 'The liveness interval (s)', def.liveness.intervalSec, HOSTED_RANGES.livenessIntervalSec, problems);
  rangeProblem('liveness.failuresToRestart', 'The failures before a restart', def.liveness.failuresToRestart, HOSTED_RANGES.livenessFailuresToRestart, problems);
  rangeProblem('probeTimeoutMs', 'The probe timeout (ms)', def.probeTimeoutMs, HOSTED_RANGES.probeTimeoutMs, problems);
  if (def.probeTimeoutMs > def.liveness.intervalSec * 1000 && def.liveness.probe !== null) {
    problems.push({ field: 'probeTimeoutMs', message: `A probe may take ${def.probeTimeoutMs} ms, longer than the ${def.liveness.intervalSec} s between liveness probes.` });
  }

  rangeProblem('log.maxFileBytes', 'The log file size (bytes)', def.log.maxFileBytes, HOSTED_RANGES.logMaxFileBytes, problems);
  rangeProblem('log.maxFiles', 'The files kept', def.log.maxFiles, HOSTED_RANGES.logMaxFiles, problems);
  if (def.log.totalCapBytes !== null && def.log.totalCapBytes < def.log.maxFileBytes) {
    problems.push({ field: 'log.totalCapBytes', message: `The cap on the whole log folder (${def.log.totalCapBytes} bytes) is smaller than one log file (${def.log.maxFileBytes} bytes).` });
  }

  const limits = def.job.limits;
  const unsupported = (Object.keys(UNSUPPORTED_LIMITS) as LimitField[]).filter((f) => {
    const v = limits[f];
    return Array.isArray(v) ? v.length > 0 : v !== null && v !== false;
  });
  if (unsupported.length) {
    problems.push({ field: 'job.limits', message: `The service host does not apply ${unsupported.map((f) => UNSUPPORTED_LIMITS[f]).join(', ')}: clear ${unsupported.length > 1 ? 'them' : 'it'}.` });
  }
  if (limits.cpuRate !== null && (limits.cpuRate.kind !== 'hardCap' || !Number.isInteger(limits.cpuRate.percent))) {
    problems.push({ field: 'job.limits', message: 'The service host applies a CPU limit only as a hard cap in whole percent (1 to 100).' });
  }
  if (limits.priorityClass === 'realtime') problems.push({ field: 'job.limits', message: 'The service host does not run programs at realtime priority.' });
  return problems;
}
