/**
 * A hosted program's definition <-> the values of `HKLM\SYSTEM\CurrentControlSet\Services\NAME\Parameters`,
 * exactly as native/service-host/CONTRACT.md names and types them. Both ways: install and edit write what
 * parametersOf() gives; the edit form loads what parametersFrom() reads back, with a problem for every value
 * it could not show as stored (wrong type, out of range) instead of guessing. No password is ever a value here.
 */
import { HOSTED_RANGES, HOSTED_SCHEMA_VERSION, HOSTED_STOP_METHODS, type HostedRange } from '../../../src-preload/contract/hosted-ranges';
import type { HostedDefinitionValue, HostedProbeValue } from '../../../src-preload/contract/hosted-schemas';
import type { JobLimitsFormValue } from '../../../src-preload/contract/job-schemas';
import { noJobLimits } from '../../../src-preload/contract/job-limits';
import type { PriorityClassName } from '../../../src-preload/contract/process-fields';

/** One registry value, typed as RegSetValueExW stores it. QWORDs are bigints (affinity masks pass 2^53). */
export type RegistryValue =
  | { name: string; type: 'dword'; value: number }
  | { name: string; type: 'qword'; value: bigint }
  | { name: string; type: 'sz'; value: string }
  | { name: string; type: 'multiSz'; value: string[] };

/** The part of a hosted definition that lives in `Parameters` (the rest is the SCM's: name, account, start type, ...). */
export type HostedParameters = Pick<
  HostedDefinitionValue,
  'program' | 'arguments' | 'workingFolder' | 'environment' | 'stop' | 'restart' | 'readiness' | 'liveness' | 'probeTimeoutMs' | 'log' | 'job'
>;

/** A value the console writes for itself (the template's name, a label only): the host ignores unknown names. */
export const CONSOLE_ONLY_VALUES = ['JobTemplate'] as const;

/** StopMethods bits (CONTRACT.md): 1 Ctrl+C, 2 Ctrl+Break, 4 WM_CLOSE. */
const STOP_BITS: Record<(typeof HOSTED_STOP_METHODS)[number], number> = { ctrlC: 1, ctrlBreak: 2, closeWindows: 4 };

/** JobPriorityClass words (CONTRACT.md) for the Jobs tab's priority classes; realtime is never applied by the host. */
const PRIORITY_WORDS: Partial<Record<PriorityClassName, string>> = {
  idle: 'idle',
  belowNormal: 'below-normal',
  normal: 'normal',
  aboveNormal: 'above-normal',
  high: 'high',
};

const dword = (name: string, value: number): RegistryValue => ({ name, type: 'dword', value });
const qword = (name: string, value: bigint | number): RegistryValue => ({ name, type: 'qword', value: BigInt(value) });
const sz = (name: string, value: string): RegistryValue => ({ name, type: 'sz', value });
const multiSz = (name: string, value: string[]): RegistryValue => ({ name, type: 'multiSz', value });

function probeValues(prefix: 'Readiness' | 'Liveness', probe: HostedProbeValue | null): RegistryValue[] {
  if (probe === null) return [sz(`${prefix}Kind`, 'none')];
  switch (probe.kind) {
    case 'tcp':
      return [sz(`${prefix}Kind`, 'tcp'), dword(`${prefix}Port`, probe.port)];
    case 'http':
      return [sz(`${prefix}Kind`, 'http'), dword(`${prefix}Port`, probe.port), sz(`${prefix}HttpPath`, probe.path), dword(`${prefix}HttpStatus`, probe.expectStatus)];
    case 'heartbeat':
      return [sz(`${prefix}Kind`, 'heartbeat'), sz(`${prefix}HeartbeatFile`, probe.file), dword(`${prefix}HeartbeatMaxAgeSec`, probe.maxAgeSec)];
  }
}

/** The affinity mask of a processor list (one group, processors 0-63). */
export function affinityMask(processors: readonly number[]): bigint {
  let mask = 0n;
  for (const p of processors) mask |= 1n << BigInt(p);
  return mask;
}

function processorsOf(mask: bigint): number[] {
  const processors: number[] = [];
  for (let p = 0; p < 64; p++) if ((mask >> BigInt(p)) & 1n) processors.push(p);
  return processors;
}

/**
 * Every value of `Parameters` for a definition, in CONTRACT.md's order. Values are written even when they
 * equal the host's default, so the key alone says what the service does; values that do not apply (a
 * probe's port when there is no probe, an unset working folder or log cap) are left out and the host's
 * default applies. Job limits the host does not apply are not written (the plan lists them as problems).
 */
export function parametersOf(def: HostedParameters): RegistryValue[] {
  const limits = def.job.limits;
  const values: RegistryValue[] = [
    dword('SchemaVersion', HOSTED_SCHEMA_VERSION),
    sz('Program', def.program),
    multiSz('Arguments', [...def.arguments]),
  ];
  if (def.workingFolder !== null) values.push(sz('WorkingDirectory', def.workingFolder));
  values.push(
    multiSz(
      'Environment',
      def.environment.map((e) => `${e.name}=${e.value}`),
    ),
    dword(
      'StopMethods',
      def.stop.methods.reduce((bits, m) => bits | STOP_BITS[m], 0),
    ),
    dword('StopBudgetMs', def.stop.budgetMs),
    dword('RestartBaseMs', def.restart.baseMs),
    dword('RestartFactorPercent', def.restart.factorPercent),
    dword('RestartCapMs', def.restart.capMs),
    dword('RestartJitterPercent', def.restart.jitterPercent),
    dword('RestartMaxCount', def.restart.maxCount),
    dword('RestartWindowSec', def.restart.windowSec),
    dword('RestartResetSec', def.restart.resetSec),
    multiSz('ExitCodesNoRestart', def.restart.exitCodesNoRestart.map(String)),
    multiSz('ExitCodesStopService', def.restart.exitCodesStopService.map(String)),
    ...probeValues('Readiness', def.readiness.probe),
    dword('ReadinessTimeoutSec', def.readiness.timeoutSec),
    ...probeValues('Liveness', def.liveness.probe),
    dword('LivenessIntervalSec', def.liveness.intervalSec),
    dword('LivenessFailuresToRestart', def.liveness.failuresToRestart),
    dword('ProbeTimeoutMs', def.probeTimeoutMs),
    dword('LogMaxFileBytes', def.log.maxFileBytes),
    dword('LogMaxFiles', def.log.maxFiles),
  );
  if (def.log.totalCapBytes !== null) values.push(qword('LogTotalCapBytes', def.log.totalCapBytes));
  values.push(
    dword('LogSplit', def.log.split ? 1 : 0),
    dword('JobAllowBreakaway', limits.breakawayOk ? 1 : 0),
    qword('JobProcessMemoryBytes', limits.processMemoryBytes ?? 0),
    qword('JobMemoryBytes', limits.jobMemoryBytes ?? 0),
    dword('JobActiveProcesses', limits.activeProcesses ?? 0),
    dword('JobCpuRatePercent', limits.cpuRate?.kind === 'hardCap' && Number.isInteger(limits.cpuRate.percent) ? limits.cpuRate.percent : 0),
    qword('JobAffinity', limits.affinity ? affinityMask(limits.affinity) : 0n),
    sz('JobPriorityClass', (limits.priorityClass && PRIORITY_WORDS[limits.priorityClass]) ?? ''),
  );
  if (def.job.template !== null) values.push(sz('JobTemplate', def.job.template));
  return values;
}

/** A registry value that could not be shown as stored: the definition field it feeds and why. */
export interface ParameterProblem {
  field: string;
  message: string;
}

/** What parametersFrom() read: the form's values (a default where a value was unusable) and the problems. */
export interface ReadParameters {
  parameters: HostedParameters;
  problems: ParameterProblem[];
}

const TYPE_WORDS: Record<RegistryValue['type'], string> = { dword: 'REG_DWORD', qword: 'REG_QWORD', sz: 'REG_SZ', multiSz: 'REG_MULTI_SZ' };

/**
 * Reads the values of `Parameters` back into the form's words. Names match case-insensitively (the registry's
 * rule). A missing optional value takes the host's default; a present value of the wrong type or out of range
 * takes the default too and is named in `problems` (the host itself refuses to start with it).
 */
export function parametersFrom(values: readonly RegistryValue[]): ReadParameters {
  const byName = new Map(values.map((v) => [v.name.toLowerCase(), v]));
  const problems: ParameterProblem[] = [];
  const problem = (field: string, value: string, message: string) => problems.push({ field, message: `Registry value ${value}: ${message}` });

  function get<T extends RegistryValue['type']>(name: string, type: T, field: string): Extract<RegistryValue, { type: T }> | undefined {
    const v = byName.get(name.toLowerCase());
    if (v === undefined) return undefined;
    if (v.type !== type && !(type === 'qword' && v.type === 'dword')) {
      problem(field, name, `is ${TYPE_WORDS[v.type]}, expected ${TYPE_WORDS[type]}; shown as the default.`);
      return undefined;
    }
    return v as Extract<RegistryValue, { type: T }>;
  }
  const number = (name: string, field: string, range: { min: number; max: number }, fallback: number): number => {
    const v = get(name, 'dword', field);
    if (v === undefined) return fallback;
    if (v.value < range.min || v.value > range.max) {
      problem(field, name, `${v.value} is outside ${range.min}..${range.max}; shown as the default (${fallback}).`);
      return fallback;
    }
    return v.value;
  };
  const ranged = (name: string, field: string, range: HostedRange) => number(name, field, range, range.default);
  const text = (name: string, field: string): string | undefined => get(name, 'sz', field)?.value;
  const list = (name: string, field: string): string[] => get(name, 'multiSz', field)?.value ?? [];
  const big = (name: string, field: string): bigint | undefined => {
    const v = byName.get(name.toLowerCase());
    if (v?.type === 'dword') return BigInt(v.value);
    return get(name, 'qword', field)?.value;
  };

  const schema = get('SchemaVersion', 'dword', 'program');
  if (schema === undefined) problem('program', 'SchemaVersion', 'is missing; the host will not start without it.');
  else if (schema.value !== HOSTED_SCHEMA_VERSION) problem('program', 'SchemaVersion', `is ${schema.value}; this console writes ${HOSTED_SCHEMA_VERSION}.`);
  const program = text('Program', 'program');
  if (program === undefined || program === '') problem('program', 'Program', 'is missing; the host will not start without it.');

  const codes = (name: string, field: string): number[] => {
    const out: number[] = [];
    for (const entry of list(name, field)) {
      // CONTRACT.md: a code may also be written signed (-1073741819 = 3221225477).
      const n = /^-?\d{1,10}$/.test(entry) ? Number(entry) : NaN;
      const code = n < 0 && n >= -0x8000_0000 ? n + 0x1_0000_0000 : n;
      if (Number.isInteger(code) && code >= 0 && code <= 0xffff_ffff) {
        if (!out.includes(code)) out.push(code);
      } else problem(field, name, `"${entry.slice(0, 64)}" is not a decimal exit code; left out.`);
    }
    return out.slice(0, 64);
  };

  const probe = (prefix: 'Readiness' | 'Liveness', field: string): HostedProbeValue | null => {
    const kind = text(`${prefix}Kind`, field) ?? 'none';
    const port = () => {
      const v = get(`${prefix}Port`, 'dword', field);
      if (v === undefined) {
        problem(field, `${prefix}Port`, `is missing for a ${kind} probe; shown as ${HOSTED_RANGES.probePort.default}.`);
        return HOSTED_RANGES.probePort.default;
      }
      return number(`${prefix}Port`, field, HOSTED_RANGES.probePort, HOSTED_RANGES.probePort.default);
    };
    switch (kind) {
      case 'none':
        return null;
      case 'tcp':
        return { kind: 'tcp', port: port() };
      case 'http': {
        // An empty SZ counts as absent (CONTRACT.md): the default path.
        let path = text(`${prefix}HttpPath`, field) || '/';
        if (!/^\/[\x21-\x7e]*$/.test(path) || path.length > 1024) {
          problem(field, `${prefix}HttpPath`, `"${path.slice(0, 64)}" does not start with / (or holds spaces); shown as /.`);
          path = '/';
        }
        return { kind: 'http', port: port(), path, expectStatus: ranged(`${prefix}HttpStatus`, field, HOSTED_RANGES.probeHttpStatus) };
      }
      case 'heartbeat': {
        const file = text(`${prefix}HeartbeatFile`, field) ?? '';
        if (file === '') {
          problem(field, `${prefix}HeartbeatFile`, 'is missing for a heartbeat probe; shown as no probe.');
          return null;
        }
        return { kind: 'heartbeat', file, maxAgeSec: ranged(`${prefix}HeartbeatMaxAgeSec`, field, HOSTED_RANGES.probeHeartbeatMaxAgeSec) };
      }
      default:
        problem(field, `${prefix}Kind`, `"${kind.slice(0, 64)}" is not none, tcp, http or heartbeat; shown as none.`);
        return null;
    }
  };

  const stopBits = number('StopMethods', 'stop.methods', { min: 0, max: 7 }, 7);
  const environment: HostedParameters['environment'] = [];
  for (const entry of list('Environment', 'environment')) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, Math.max(0, at));
    if (at <= 0) problem('environment', 'Environment', `"${entry.slice(0, 64)}" is not NAME=value; left out.`);
    else if (environment.some((e) => e.name.toUpperCase() === name.toUpperCase())) problem('environment', 'Environment', `${name.slice(0, 64)} is set twice; the first is shown.`);
    else environment.push({ name, value: entry.slice(at + 1) });
  }

  const limits: JobLimitsFormValue = noJobLimits();
  const memory = (name: string): number | null => {
    const v = big(name, 'job.limits');
    if (v === undefined || v === 0n) return null;
    if (v < 1024n * 1024n || v > BigInt(Number.MAX_SAFE_INTEGER)) {
      problem('job.limits', name, `${v} bytes is not a limit the form can hold (1 MB or more); shown as no limit.`);
      return null;
    }
    return Number(v);
  };
  limits.processMemoryBytes = memory('JobProcessMemoryBytes');
  limits.jobMemoryBytes = memory('JobMemoryBytes');
  const active = number('JobActiveProcesses', 'job.limits', { min: 0, max: 0xffff_ffff }, 0);
  limits.activeProcesses = active === 0 ? null : Math.min(active, 1_000_000);
  const cpu = number('JobCpuRatePercent', 'job.limits', { min: 0, max: 100 }, 0);
  limits.cpuRate = cpu === 0 ? null : { kind: 'hardCap', percent: cpu };
  const mask = big('JobAffinity', 'job.limits') ?? 0n;
  limits.affinity = mask === 0n ? null : processorsOf(mask & 0xffff_ffff_ffff_ffffn);
  const priority = text('JobPriorityClass', 'job.limits') ?? '';
  const priorityClass = (Object.entries(PRIORITY_WORDS) as [PriorityClassName, string][]).find(([, word]) => word === priority)?.[0];
  if (priority !== '' && priorityClass === undefined) problem('job.limits', 'JobPriorityClass', `"${priority.slice(0, 64)}" is not a priority class the host knows; shown as none.`);
  limits.priorityClass = priorityClass ?? null;
  limits.breakawayOk = number('JobAllowBreakaway', 'job.limits', { min: 0, max: 1 }, 0) === 1;

  const capBig = big('LogTotalCapBytes', 'log.totalCapBytes');
  let totalCapBytes: number | null = null;
  if (capBig !== undefined) {
    if (capBig < BigInt(HOSTED_RANGES.logMaxFileBytes.min) || capBig > BigInt(Number.MAX_SAFE_INTEGER)) {
      problem('log.totalCapBytes', 'LogTotalCapBytes', `${capBig} bytes is not a cap the form can hold; shown as the default (file size x files).`);
    } else totalCapBytes = Number(capBig);
  }

  const parameters: HostedParameters = {
    program: program ?? '',
    arguments: list('Arguments', 'arguments'),
    workingFolder: text('WorkingDirectory', 'workingFolder') || null,
    environment,
    stop: { methods: HOSTED_STOP_METHODS.filter((m) => (stopBits & STOP_BITS[m]) !== 0), budgetMs: ranged('StopBudgetMs', 'stop.budgetMs', HOSTED_RANGES.stopBudgetMs) },
    restart: {
      baseMs: ranged('RestartBaseMs', 'restart.baseMs', HOSTED_RANGES.restartBaseMs),
      factorPercent: ranged('RestartFactorPercent', 'restart.factorPercent', HOSTED_RANGES.restartFactorPercent),
      capMs: ranged('RestartCapMs', 'restart.capMs', HOSTED_RANGES.restartCapMs),
      jitterPercent: ranged('RestartJitterPercent', 'restart.jitterPercent', HOSTED_RANGES.restartJitterPercent),
      maxCount: ranged('RestartMaxCount', 'restart.maxCount', HOSTED_RANGES.restartMaxCount),
      windowSec: ranged('RestartWindowSec', 'restart.windowSec', HOSTED_RANGES.restartWindowSec),
      resetSec: ranged('RestartResetSec', 'restart.resetSec', HOSTED_RANGES.restartResetSec),
      exitCodesNoRestart: codes('ExitCodesNoRestart', 'restart.exitCodesNoRestart'),
      exitCodesStopService: codes('ExitCodesStopService', 'restart.exitCodesStopService'),
    },
    readiness: { probe: probe('Readiness', 'readiness.probe'), timeoutSec: ranged('ReadinessTimeoutSec', 'readiness.timeoutSec', HOSTED_RANGES.readinessTimeoutSec) },
    liveness: {
      probe: probe('Liveness', 'liveness.probe'),
      intervalSec: ranged('LivenessIntervalSec', 'liveness.intervalSec', HOSTED_RANGES.livenessIntervalSec),
      failuresToRestart: ranged('LivenessFailuresToRestart', 'liveness.failuresToRestart', HOSTED_RANGES.livenessFailuresToRestart),
    },
    probeTimeoutMs: ranged('ProbeTimeoutMs', 'probeTimeoutMs', HOSTED_RANGES.probeTimeoutMs),
    log: {
      maxFileBytes: ranged('LogMaxFileBytes', 'log.maxFileBytes', HOSTED_RANGES.logMaxFileBytes),
      maxFiles: ranged('LogMaxFiles', 'log.maxFiles', HOSTED_RANGES.logMaxFiles),
      totalCapBytes,
      split: number('LogSplit', 'log.split', { min: 0, max: 1 }, 0) === 1,
    },
    job: { template: text('JobTemplate', 'job.template') || null, limits },
  };
  return { parameters, problems };
}
