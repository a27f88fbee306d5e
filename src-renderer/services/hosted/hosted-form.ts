/**
 * The "Run a program as a service" form and its conversion to and from the contract's hosted definition.
 * The form holds what the admin typed (text; seconds and megabytes where the registry holds milliseconds and
 * bytes); `formToHostedDefinition` checks what the form can check on its own against the contract's ranges
 * (hosted-ranges.ts, the same numbers CONTRACT.md gives) and names each problem by the definition path it
 * concerns, as the plan's problems are named. Pure, so every conversion and range is unit tested.
 */
import { HOSTED_RANGES, HOSTED_STOP_METHODS, type HostedRange } from '../../../src-preload/contract/hosted-ranges';
import type { HostedAccountValue, HostedDefinitionValue, HostedProbeValue } from '../../../src-preload/contract/hosted-schemas';
import type { JobLimitsFormValue } from '../../../src-preload/contract/job-schemas';
import type { ERROR_CONTROLS, STARTUP_CHOICES } from '../../../src-preload/contract/service-schemas';
import { emptyLimitForm, formFromLimits, formToLimits, noLimits, type LimitForm } from '../../jobs/limit-form';
import type { RestartPolicyInput } from '../../../src-preload/contract/restart-schedule';

type StartupChoice = (typeof STARTUP_CHOICES)[number];
type ErrorControl = (typeof ERROR_CONTROLS)[number];

/** Who the hosted program runs as; `virtual` is NT SERVICE\NAME, the default. */
export type HostedAccountKind = HostedAccountValue['kind'];
/** A stop step the host tries before ending the job. */
export type StopMethod = (typeof HOSTED_STOP_METHODS)[number];
/** What a probe checks, or none. */
export type ProbeKind = 'none' | HostedProbeValue['kind'];
/** Where the job limits come from. */
export type LimitSource = 'none' | 'limits';

/** One probe as typed (readiness or liveness). */
export interface ProbeForm {
  readonly kind: ProbeKind;
  readonly port: string;
  readonly path: string;
  readonly expectStatus: string;
  readonly file: string;
  readonly maxAgeSec: string;
}

/** The form's fields, as typed. */
export interface HostedForm {
  readonly name: string;
  /** Blank = the service name. */
  readonly displayName: string;
  readonly description: string;
  readonly program: string;
  /** One argument per line. */
  readonly argumentsText: string;
  /** Blank = the program's folder. */
  readonly workingFolder: string;
  /** One NAME=value per line. */
  readonly environmentText: string;
  readonly accountKind: HostedAccountKind;
  /** The user (accountKind 'user') or the gMSA (accountKind 'gmsa', ends in $). */
  readonly accountName: string;
  /** Lives only in the open dialog's state; when editing, blank = keep the current password. */
  readonly password: string;
  readonly startup: StartupChoice;
  readonly errorControl: ErrorControl;
  readonly stopMethods: readonly StopMethod[];
  readonly stopBudgetSec: string;
  readonly restartBaseSec: string;
  /** A multiplier ("2" = each delay twice the last). */
  readonly restartFactor: string;
  readonly restartCapSec: string;
  readonly restartJitterPercent: string;
  readonly restartMaxCount: string;
  readonly restartWindowSec: string;
  readonly restartResetSec: string;
  /** Decimal (or 0x hex) codes, separated by commas or spaces. */
  readonly exitCodesNoRestart: string;
  readonly exitCodesStopService: string;
  readonly readiness: ProbeForm;
  readonly readinessTimeoutSec: string;
  readonly liveness: ProbeForm;
  readonly livenessIntervalSec: string;
  readonly livenessFailures: string;
  readonly probeTimeoutMs: string;
  readonly logMaxFileMB: string;
  readonly logMaxFiles: string;
  /** Blank = the file size x the file count per stream. */
  readonly logTotalCapMB: string;
  readonly logSplit: boolean;
  readonly limitSource: LimitSource;
  /** The Jobs tab's template the limits were loaded from ('' = typed by hand). */
  readonly template: string;
  readonly limits: LimitForm;
}

/** Install a new hosted service, or edit the named one. */
export type HostedFormMode = { readonly kind: 'install' } | { readonly kind: 'edit'; readonly name: string };

/** A reason the form cannot be applied, named by the definition path it concerns ("restart.capMs"). */
export interface HostedFormProblem {
  readonly field: string;
  readonly message: string;
}

const MB = 1024 * 1024;
const LIMITS = { name: 256, displayName: 256, path: 2048, argument: 2048, arguments: 64, environment: 64, envName: 256, envValue: 8192, description: 8192, account: 512, exitCodes: 64 };
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** A probe that checks nothing, with the contract's defaults ready in its fields. */
export function emptyProbeForm(): ProbeForm {
  return {
    kind: 'none',
    port: '',
    path: '/',
    expectStatus: String(HOSTED_RANGES.probeHttpStatus.default),
    file: '',
    maxAgeSec: String(HOSTED_RANGES.probeHeartbeatMaxAgeSec.default),
  };
}

/** Milliseconds as seconds text: 1000 -> "1", 1500 -> "1.5", 100 -> "0.1". */
export function secondsText(ms: number): string {
  return String(ms / 1000);
}

/** A percent as a multiplier: 200 -> "2", 150 -> "1.5". */
export function factorText(percent: number): string {
  return String(percent / 100);
}

/** A new hosted service: the host's own defaults, the virtual account, manual start, every stop method. */
export function emptyHostedForm(): HostedForm {
  const r = HOSTED_RANGES;
  return {
    name: '',
    displayName: '',
    description: '',
    program: '',
    argumentsText: '',
    workingFolder: '',
    environmentText: '',
    accountKind: 'virtual',
    accountName: '',
    password: '',
    startup: 'manual',
    errorControl: 'normal',
    stopMethods: [...HOSTED_STOP_METHODS],
    stopBudgetSec: secondsText(r.stopBudgetMs.default),
    restartBaseSec: secondsText(r.restartBaseMs.default),
    restartFactor: factorText(r.restartFactorPercent.default),
    restartCapSec: secondsText(r.restartCapMs.default),
    restartJitterPercent: String(r.restartJitterPercent.default),
    restartMaxCount: String(r.restartMaxCount.default),
    restartWindowSec: String(r.restartWindowSec.default),
    restartResetSec: String(r.restartResetSec.default),
    exitCodesNoRestart: '',
    exitCodesStopService: '',
    readiness: emptyProbeForm(),
    readinessTimeoutSec: String(r.readinessTimeoutSec.default),
    liveness: emptyProbeForm(),
    livenessIntervalSec: String(r.livenessIntervalSec.default),
    livenessFailures: String(r.livenessFailuresToRestart.default),
    probeTimeoutMs: String(r.probeTimeoutMs.default),
    logMaxFileMB: String(r.logMaxFileBytes.default / MB),
    logMaxFiles: String(r.logMaxFiles.default),
    logTotalCapMB: '',
    logSplit: false,
    limitSource: 'none',
    template: '',
    limits: emptyLimitForm(),
  };
}

function probeForm(probe: HostedProbeValue | null): ProbeForm {
  const empty = emptyProbeForm();
  if (probe === null) return empty;
  switch (probe.kind) {
    case 'tcp':
      return { ...empty, kind: 'tcp', port: String(probe.port) };
    case 'http':
      return { ...empty, kind: 'http', port: String(probe.port), path: probe.path, expectStatus: String(probe.expectStatus) };
    case 'heartbeat':
      return { ...empty, kind: 'heartbeat', file: probe.file, maxAgeSec: String(probe.maxAgeSec) };
  }
}

function hasLimits(limits: JobLimitsFormValue): boolean {
  return Object.values(limits).some((v) => v !== null && v !== false && !(Array.isArray(v) && v.length === 0));
}

/** The form of an existing hosted service (services:getHostedDefinition; the password never comes back). */
export function hostedFormFromDefinition(def: HostedDefinitionValue): HostedForm {
  const account = def.account;
  return {
    name: def.name,
    displayName: def.displayName === def.name ? '' : def.displayName,
    description: def.description,
    program: def.program,
    argumentsText: def.arguments.join('\n'),
    workingFolder: def.workingFolder ?? '',
    environmentText: def.environment.map((e) => `${e.name}=${e.value}`).join('\n'),
    accountKind: account.kind,
    accountName: account.kind === 'user' || account.kind === 'gmsa' ? account.name : '',
    password: '',
    startup: def.startup,
    errorControl: def.errorControl,
    stopMethods: HOSTED_STOP_METHODS.filter((m) => def.stop.methods.includes(m)),
    stopBudgetSec: secondsText(def.stop.budgetMs),
    restartBaseSec: secondsText(def.restart.baseMs),
    restartFactor: factorText(def.restart.factorPercent),
    restartCapSec: secondsText(def.restart.capMs),
    restartJitterPercent: String(def.restart.jitterPercent),
    restartMaxCount: String(def.restart.maxCount),
    restartWindowSec: String(def.restart.windowSec),
    restartResetSec: String(def.restart.resetSec),
    exitCodesNoRestart: def.restart.exitCodesNoRestart.join(', '),
    exitCodesStopService: def.restart.exitCodesStopService.join(', '),
    readiness: probeForm(def.readiness.probe),
    readinessTimeoutSec: String(def.readiness.timeoutSec),
    liveness: probeForm(def.liveness.probe),
    livenessIntervalSec: String(def.liveness.intervalSec),
    livenessFailures: String(def.liveness.failuresToRestart),
    probeTimeoutMs: String(def.probeTimeoutMs),
    logMaxFileMB: String(def.log.maxFileBytes / MB),
    logMaxFiles: String(def.log.maxFiles),
    logTotalCapMB: def.log.totalCapBytes === null ? '' : String(def.log.totalCapBytes / MB),
    logSplit: def.log.split,
    limitSource: hasLimits(def.job.limits) ? 'limits' : 'none',
    template: def.job.template ?? '',
    limits: formFromLimits(def.job.limits),
  };
}

/** Lines of a text box: one item per line; blank lines (a trailing newline) are no item. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '');
}

/** A number as typed: plain decimal, no exponent, no sign; null when it is not one. */
export function decimal(text: string): number | null {
  const t = text.trim();
  return /^\d{1,10}(\.\d{1,3})?$/.test(t) ? Number(t) : null;
}

/** Exit codes as typed ("1, 3 0xC0000005"): decimal or 0x hex DWORDs; null with the bad token when one is not. */
export function parseExitCodes(text: string): { codes: number[]; bad: string | null } {
  const codes: number[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const value = /^0x[0-9a-f]{1,8}$/i.test(token) ? Number.parseInt(token.slice(2), 16) : /^\d{1,10}$/.test(token) ? Number(token) : Number.NaN;
    if (!Number.isFinite(value) || value > 0xffff_ffff) return { codes: [], bad: token };
    codes.push(value);
  }
  return { codes, bad: null };
}

/** "1 to 65535" for a range, in the unit the form types it in. */
function rangeText(range: HostedRange, scale: number, unit: string): string {
  const f = (n: number) => (n / scale).toLocaleString('en-US');
  return `${f(range.min)} to ${f(range.max)}${unit}`;
}

/**
 * The definition the form describes, and what stops it from being one. `definition` is null when a problem
 * would make the contract refuse the request; the plan is then not asked for.
 */
export function formToHostedDefinition(form: HostedForm, mode: HostedFormMode, logicalProcessors: number): {
  definition: HostedDefinitionValue | null;
  problems: HostedFormProblem[];
} {
  const problems: HostedFormProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  /** A whole or decimal number typed in `scale` units (1000 = seconds for a value in ms), within the range. */
  const ranged = (field: string, text: string, range: HostedRange, what: string, scale = 1, unit = ''): number => {
    const value = decimal(text);
    const raw = value === null ? null : Math.round(value * scale);
    if (raw === null || raw < range.min || raw > range.max) {
      problem(field, `${what}: ${rangeText(range, scale, unit)}.`);
      return range.default;
    }
    return raw;
  };
  const plainText = (field: string, text: string, max: number, what: string) => {
    if (text.length > max) problem(field, `${what} has at most ${max.toLocaleString('en-US')} characters.`);
    else if (CONTROL_CHARS.test(text)) problem(field, `${what} cannot contain control characters.`);
  };

  const name = mode.kind === 'edit' ? mode.name : form.name.trim();
  if (name === '') problem('name', 'Enter a service name.');
  else if (/[/\\]/.test(name)) problem('name', 'A service name cannot contain / or \\.');
  else plainText('name', name, LIMITS.name, 'A service name');
  const displayName = form.displayName.trim() === '' ? name : form.displayName.trim();
  plainText('displayName', displayName, LIMITS.displayName, 'A display name');
  if (form.description.length > LIMITS.description) problem('description', `A description has at most ${LIMITS.description} characters.`);

  const program = form.program.trim();
  if (program === '') problem('program', 'Enter the program to run (its full path: C:\\...\\app.exe, or a .bat or .cmd).');
  else if (!/^([A-Za-z]:\\|\\\\)/.test(program)) problem('program', 'The program needs its full path, starting with a drive (C:\\) or \\\\server\\share.');
  else plainText('program', program, LIMITS.path, 'The program path');

  const args = linesOf(form.argumentsText);
  if (args.length > LIMITS.arguments) problem('arguments', `At most ${LIMITS.arguments} arguments.`);
  args.forEach((a) => plainText('arguments', a, LIMITS.argument, 'An argument'));

  const workingFolder = form.workingFolder.trim();
  if (workingFolder !== '') {
    if (!/^([A-Za-z]:\\|\\\\)/.test(workingFolder)) problem('workingFolder', 'The working folder needs its full path (C:\\...), or leave it blank for the program’s folder.');
    else plainText('workingFolder', workingFolder, LIMITS.path, 'The working folder');
  }

  const environment: { name: string; value: string }[] = [];
  const envLines = linesOf(form.environmentText);
  if (envLines.length > LIMITS.environment) problem('environment', `At most ${LIMITS.environment} variables.`);
  const seen = new Set<string>();
  envLines.forEach((line, i) => {
    const eq = line.indexOf('=');
    const envName = eq <= 0 ? '' : line.slice(0, eq).trim();
    const value = eq <= 0 ? '' : line.slice(eq + 1);
    if (envName === '') problem('environment', `Line ${i + 1}: write NAME=value.`);
    else if (envName.length > LIMITS.envName || CONTROL_CHARS.test(envName)) problem('environment', `Line ${i + 1}: that variable name is not valid.`);
    else if (value.length > LIMITS.envValue || CONTROL_CHARS.test(value)) problem('environment', `Line ${i + 1}: the value is too long or has control characters.`);
    else if (seen.has(envName.toUpperCase())) problem('environment', `${envName} is set twice (Windows variable names ignore case).`);
    else {
      seen.add(envName.toUpperCase());
      environment.push({ name: envName, value });
    }
  });

  let account: HostedAccountValue;
  const accountName = form.accountName.trim();
  if (form.accountKind === 'user') {
    if (accountName === '') problem('account', 'Enter the user the service logs on as (DOMAIN\\user, .\\user or user@domain).');
    else plainText('account', accountName, LIMITS.account, 'A user name');
    if (form.password.length > LIMITS.account) problem('account', `A password has at most ${LIMITS.account} characters.`);
    // When editing, a blank password keeps the current one (the SCM never gives it back to show).
    account = mode.kind === 'edit' && form.password === '' ? { kind: 'user', name: accountName } : { kind: 'user', name: accountName, password: form.password };
  } else if (form.accountKind === 'gmsa') {
    if (!accountName.endsWith('$') || accountName.length < 2) problem('account', 'A group managed service account is written DOMAIN\\name$ (it ends in $; Windows fetches its password).');
    else plainText('account', accountName, LIMITS.account, 'An account name');
    account = { kind: 'gmsa', name: accountName };
  } else {
    account = { kind: form.accountKind };
  }

  const r = HOSTED_RANGES;
  if (form.stopMethods.some((m) => !HOSTED_STOP_METHODS.includes(m))) problem('stop.methods', 'Unknown stop method.');
  const budgetMs = ranged('stop.budgetMs', form.stopBudgetSec, r.stopBudgetMs, 'The stop budget is', 1000, ' s');

  const baseMs = ranged('restart.baseMs', form.restartBaseSec, r.restartBaseMs, 'The first delay is', 1000, ' s');
  const factorPercent = ranged('restart.factorPercent', form.restartFactor, r.restartFactorPercent, 'The factor is', 100, ' times');
  const capMs = ranged('restart.capMs', form.restartCapSec, r.restartCapMs, 'The longest delay is', 1000, ' s');
  if (capMs < baseMs) problem('restart.capMs', 'The longest delay cannot be shorter than the first delay.');
  const jitterPercent = ranged('restart.jitterPercent', form.restartJitterPercent, r.restartJitterPercent, 'The jitter is', 1, ' %');
  const maxCount = ranged('restart.maxCount', form.restartMaxCount, r.restartMaxCount, 'Restarts in the window are', 1, ' (0 = never restart)');
  const windowSec = ranged('restart.windowSec', form.restartWindowSec, r.restartWindowSec, 'The window is', 1, ' s');
  const resetSec = ranged('restart.resetSec', form.restartResetSec, r.restartResetSec, 'The healthy time that starts the count over is', 1, ' s');
  const codes = (field: string, text: string, what: string): number[] => {
    const parsed = parseExitCodes(text);
    if (parsed.bad !== null) problem(field, `${what}: "${parsed.bad}" is not an exit code (decimal, or 0x and hex digits).`);
    else if (parsed.codes.length > LIMITS.exitCodes) problem(field, `${what}: at most ${LIMITS.exitCodes} codes.`);
    else if (new Set(parsed.codes).size !== parsed.codes.length) problem(field, `${what}: a code is listed twice.`);
    return parsed.codes;
  };
  const exitCodesNoRestart = codes('restart.exitCodesNoRestart', form.exitCodesNoRestart, 'Codes that end the service quietly');
  const exitCodesStopService = codes('restart.exitCodesStopService', form.exitCodesStopService, 'Codes that stop the service with an error');
  const both = exitCodesNoRestart.filter((c) => exitCodesStopService.includes(c));
  if (both.length > 0) problem('restart.exitCodesStopService', `Code ${both[0]} is in both lists: it can either end the service quietly or with an error.`);

  const probe = (field: string, p: ProbeForm): HostedProbeValue | null => {
    switch (p.kind) {
      case 'none':
        return null;
      case 'tcp':
        return { kind: 'tcp', port: ranged(`${field}.port`, p.port, r.probePort, 'The port is', 1) };
      case 'http': {
        const port = ranged(`${field}.port`, p.port, r.probePort, 'The port is', 1);
        const path = p.path.trim();
        if (!/^\/[\x21-\x7e]*$/.test(path) || path.length > 1024) problem(`${field}.path`, 'The path starts with / and has no spaces (printable ASCII, at most 1,024 characters).');
        const expectStatus = ranged(`${field}.expectStatus`, p.expectStatus, r.probeHttpStatus, 'The expected HTTP status is', 1);
        return { kind: 'http', port, path, expectStatus };
      }
      case 'heartbeat': {
        const file = p.file.trim();
        if (!/^([A-Za-z]:\\|\\\\)/.test(file)) problem(`${field}.file`, 'The heartbeat file needs its full path (C:\\...).');
        else plainText(`${field}.file`, file, LIMITS.path, 'The heartbeat file');
        return { kind: 'heartbeat', file, maxAgeSec: ranged(`${field}.maxAgeSec`, p.maxAgeSec, r.probeHeartbeatMaxAgeSec, 'The age is', 1, ' s') };
      }
    }
  };
  const readinessProbe = probe('readiness.probe', form.readiness);
  const readinessTimeoutSec = ranged('readiness.timeoutSec', form.readinessTimeoutSec, r.readinessTimeoutSec, 'The time to get ready is', 1, ' s');
  const livenessProbe = probe('liveness.probe', form.liveness);
  const intervalSec = ranged('liveness.intervalSec', form.livenessIntervalSec, r.livenessIntervalSec, 'The interval is', 1, ' s');
  const failuresToRestart = ranged('liveness.failuresToRestart', form.livenessFailures, r.livenessFailuresToRestart, 'Failures before a restart are', 1);
  const probeTimeoutMs = ranged('probeTimeoutMs', form.probeTimeoutMs, r.probeTimeoutMs, 'One attempt may take', 1, ' ms');

  const maxFileBytes = ranged('log.maxFileBytes', form.logMaxFileMB, r.logMaxFileBytes, 'A log file is', MB, ' MB');
  const maxFiles = ranged('log.maxFiles', form.logMaxFiles, r.logMaxFiles, 'Files kept per stream are', 1);
  let totalCapBytes: number | null = null;
  if (form.logTotalCapMB.trim() !== '') {
    const cap = decimal(form.logTotalCapMB);
    const bytes = cap === null ? null : Math.round(cap * MB);
    if (bytes === null || bytes < r.logMaxFileBytes.min || bytes > Number.MAX_SAFE_INTEGER) problem('log.totalCapBytes', 'The total cap is at least 0.0625 MB (64 KB), or blank for file size x file count.');
    else if (bytes < maxFileBytes) problem('log.totalCapBytes', 'The total cap cannot be smaller than one log file.');
    else totalCapBytes = bytes;
  }

  let jobLimits: JobLimitsFormValue | null = null;
  if (form.limitSource === 'limits') {
    const converted = formToLimits(form.limits, logicalProcessors);
    for (const [f, list] of converted.problems) for (const m of list) problem(`job.limits.${f}`, m);
    jobLimits = converted.limits;
  }

  if (problems.length > 0) return { definition: null, problems };
  return {
    definition: {
      name,
      displayName,
      description: form.description,
      program,
      arguments: args,
      workingFolder: workingFolder === '' ? null : workingFolder,
      environment,
      account,
      startup: form.startup,
      errorControl: form.errorControl,
      stop: { methods: HOSTED_STOP_METHODS.filter((m) => form.stopMethods.includes(m)), budgetMs },
      restart: { baseMs, factorPercent, capMs, jitterPercent, maxCount, windowSec, resetSec, exitCodesNoRestart, exitCodesStopService },
      readiness: { probe: readinessProbe, timeoutSec: readinessTimeoutSec },
      liveness: { probe: livenessProbe, intervalSec, failuresToRestart },
      probeTimeoutMs,
      log: { maxFileBytes, maxFiles, totalCapBytes, split: form.logSplit },
      job: {
        template: form.limitSource === 'limits' && form.template !== '' ? form.template : null,
        limits: jobLimits ?? noLimits(),
      },
    },
    problems,
  };
}

/**
 * The restart policy as typed, for the live schedule preview: null while a field it needs is not a number in
 * its range (the preview then says which), so the preview never shows a schedule the host would not run.
 */
export function restartPolicyOf(form: HostedForm): RestartPolicyInput | null {
  const r = HOSTED_RANGES;
  const read = (text: string, range: HostedRange, scale: number) => {
    const v = decimal(text);
    const raw = v === null ? null : Math.round(v * scale);
    return raw !== null && raw >= range.min && raw <= range.max ? raw : null;
  };
  const policy = {
    baseMs: read(form.restartBaseSec, r.restartBaseMs, 1000),
    factorPercent: read(form.restartFactor, r.restartFactorPercent, 100),
    capMs: read(form.restartCapSec, r.restartCapMs, 1000),
    jitterPercent: read(form.restartJitterPercent, r.restartJitterPercent, 1),
    maxCount: read(form.restartMaxCount, r.restartMaxCount, 1),
    windowSec: read(form.restartWindowSec, r.restartWindowSec, 1),
    resetSec: read(form.restartResetSec, r.restartResetSec, 1),
  };
  if (Object.values(policy).some((v) => v === null)) return null;
  const p = policy as RestartPolicyInput;
  return p.capMs < p.baseMs ? null : p;
}

/** The form's fields a problem can sit beside, by the definition path they edit (longest first wins). */
export const HOSTED_FORM_FIELDS = [
  'name',
  'displayName',
  'description',
  'program',
  'arguments',
  'workingFolder',
  'environment',
  'account',
  'startup',
  'errorControl',
  'stop.methods',
  'stop.budgetMs',
  'restart.baseMs',
  'restart.factorPercent',
  'restart.capMs',
  'restart.jitterPercent',
  'restart.maxCount',
  'restart.windowSec',
  'restart.resetSec',
  'restart.exitCodesNoRestart',
  'restart.exitCodesStopService',
  'readiness.probe',
  'readiness.timeoutSec',
  'liveness.probe',
  'liveness.intervalSec',
  'liveness.failuresToRestart',
  'probeTimeoutMs',
  'log.maxFileBytes',
  'log.maxFiles',
  'log.totalCapBytes',
  'log.split',
  'job.limits',
] as const;

/** One field of the form, named by the definition path it edits. */
export type HostedFormField = (typeof HOSTED_FORM_FIELDS)[number];

/** The form field a problem's path belongs to ("readiness.probe.port" -> "readiness.probe"), or '' for none. */
export function hostedProblemField(path: string): HostedFormField | '' {
  const clean = path.replace(/\[\d+\]/g, '');
  let best: HostedFormField | '' = '';
  for (const f of HOSTED_FORM_FIELDS) if ((clean === f || clean.startsWith(`${f}.`)) && f.length > best.length) best = f;
  if (best === '' && (clean === 'job' || clean.startsWith('job.'))) return 'job.limits';
  if (best === '' && (clean === 'restart' || clean === 'stop' || clean === 'log' || clean === 'readiness' || clean === 'liveness')) return '';
  return best;
}

/**
 * The problems to show, by form field: the form's and the plan's, but only for fields the admin has touched,
 * or all of them once Apply was tried ("validation speaks after a field is touched or on submit"). Problems
 * naming no field (''), such as a service that already exists, show once the admin touched anything.
 */
export function visibleHostedProblems(
  local: readonly HostedFormProblem[],
  plan: readonly HostedFormProblem[],
  touched: ReadonlySet<string>,
  submitted: boolean,
): Map<HostedFormField | '', string[]> {
  const map = new Map<HostedFormField | '', string[]>();
  for (const p of [...local, ...plan]) {
    const f = hostedProblemField(p.field);
    const show = submitted || (f === '' ? touched.size > 0 : touched.has(f));
    if (!show) continue;
    const list = map.get(f) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    map.set(f, list);
  }
  return map;
}
