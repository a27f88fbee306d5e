/**
 * The plan of a hosted install or edit: what goes to the SCM (CreateServiceW / ChangeServiceConfigW and
 * ChangeServiceConfig2W, shown as sc.exe lines, a password masked) and what goes to the registry (one reg.exe
 * line per value of `Parameters`), computed by the same code that applies it, like core/services/service-plan.ts.
 */
import type { HostedAccountValue, HostedChangeRequestValue, HostedDefinitionValue, HostedPlanValue } from '../../../src-preload/contract/hosted-schemas';
import { restartSchedule } from '../../../src-preload/contract/restart-schedule';
import { AppError } from '../app-error';
import { withoutBidiControls } from '../dialog-text';
import { accountFrom, type InstalledServices } from '../services/service-plan';
import { scConfigCommand, scCreateCommand, scDescriptionCommand, scFailureFlagCommand } from '../services/sc-command';
import type { NewService, ServiceConfig, ServiceConfigChange, ServiceLogon } from '../services/service-manager';
import { displayNameProblem, newServiceNameProblem } from '../services/service-name';
import { hostCommandLine, hostedHostPath } from './host-command-line';
import { hostedProblems, type HostedProblem } from './hosted-problems';
import { parametersFrom, parametersOf, type HostedParameters, type RegistryValue } from './parameters';
import { parametersRegistryKey, regAddCommand, regData, regDeleteValueCommand, serviceRegistryKey } from './reg-command';

/** Windows waits this much longer than the stop budget at shutdown, so the host's own last steps fit. */
export const PRESHUTDOWN_MARGIN_MS = 5000;

/** Where a hosted service's pieces live on this machine. */
export interface HostedPlaces {
  /** The service-host.exe this console installs and edits services with (see host-binary.ts). */
  hostPath: string;
  /** `<ProgramData>\Admin Console\services\NAME`. */
  logFolder(name: string): string;
}

/** What the plan found out about the service being edited. */
export interface HostedCurrent {
  config: ServiceConfig;
  /** The values of `Parameters`, or null when the key does not exist. */
  parameters: RegistryValue[] | null;
}

/** A plan plus the exact steps apply() takes. */
export interface HostedPlanned {
  plan: HostedPlanValue;
  /** Install: CreateServiceW's arguments, then the ChangeServiceConfig2W settings. */
  create?: NewService;
  /** Install: what follows CreateServiceW; edit: only what differs (empty when nothing does). */
  change: ServiceConfigChange;
  /** The whole `Parameters` key to write, or null when it is already exactly this (an edit that changes none). */
  parameters: RegistryValue[] | null;
}

const virtualAccount = (name: string) => `NT SERVICE\\${name}`;

/** The account as the SCM takes it. Virtual accounts and gMSAs have no password (the SCM gets NULL). */
export function hostedLogon(name: string, account: HostedAccountValue): ServiceLogon {
  switch (account.kind) {
    case 'virtual':
      return { account: virtualAccount(name), password: null };
    case 'localSystem':
      return { account: null, password: null };
    case 'localService':
      return { account: 'NT AUTHORITY\\LocalService', password: '' };
    case 'networkService':
      return { account: 'NT AUTHORITY\\NetworkService', password: '' };
    case 'user':
      return { account: account.name, password: account.password ?? null };
    case 'gmsa':
      return { account: account.name, password: null };
  }
}

/** The stored account in the form's words: `NT SERVICE\<its own name>` is the virtual account, `...$` a gMSA. */
export function hostedAccountFrom(name: string, stored: string): HostedAccountValue {
  const trimmed = stored.trim();
  if (trimmed.toLowerCase() === virtualAccount(name).toLowerCase()) return { kind: 'virtual' };
  if (trimmed.endsWith('$')) return { kind: 'gmsa', name: trimmed };
  return accountFrom(trimmed);
}

function accountText(name: string, account: HostedAccountValue): string {
  switch (account.kind) {
    case 'virtual':
      return `${virtualAccount(name)} (virtual account)`;
    case 'localSystem':
      return 'LocalSystem';
    case 'localService':
      return 'NT AUTHORITY\\LocalService';
    case 'networkService':
      return 'NT AUTHORITY\\NetworkService';
    case 'user':
      return account.name;
    case 'gmsa':
      return `${account.name} (group managed service account)`;
  }
}

const STARTUP_TEXT: Record<HostedDefinitionValue['startup'], string> = {
  automatic: 'Automatic',
  automaticDelayed: 'Automatic (delayed start)',
  manual: 'Manual',
  disabled: 'Disabled',
};
const startTypeOf = (startup: HostedDefinitionValue['startup']) => (startup === 'automaticDelayed' ? 'automatic' : startup);

/** The `Parameters` part of a definition. */
export function parametersPart(def: HostedDefinitionValue): HostedParameters {
  const { program, arguments: args, workingFolder, environment, stop, restart, readiness, liveness, probeTimeoutMs, log, job } = def;
  return { program, arguments: args, workingFolder, environment, stop, restart, readiness, liveness, probeTimeoutMs, log, job };
}

// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const formText = (text: string, max: number) => text.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, ' ').slice(0, max);

/**
 * The edit form's starting point: the SCM's configuration and the `Parameters` values, with every registry value
 * the form could not show as stored listed as a problem. NOT_FOUND-like BAD_REQUEST when it is not a hosted service.
 */
export function hostedDefinitionFrom(name: string, config: ServiceConfig, values: RegistryValue[] | null): { definition: HostedDefinitionValue; problems: HostedProblem[] } {
  if (hostedHostPath(config.binaryPath, name) === null) {
    throw new AppError('BAD_REQUEST', `'${name}' is not run by the console's service host (its command line is ${config.binaryPath}); edit it as an ordinary service.`);
  }
  const problems: HostedProblem[] = [];
  if (values === null) problems.push({ field: 'program', message: `The key ${parametersRegistryKey(name)} does not exist: the host has no configuration and will not start.` });
  const read = parametersFrom(values ?? []);
  problems.push(...(values === null ? [] : read.problems));
  const p = read.parameters;
  const text = (t: string) => formText(t, 2048);
  const definition: HostedDefinitionValue = {
    name,
    displayName: formText(config.displayName || name, 256) || name,
    description: withoutBidiControls(config.description ?? '').slice(0, 8192),
    ...p,
    program: text(p.program),
    arguments: p.arguments.slice(0, 64).map(text),
    workingFolder: p.workingFolder === null ? null : text(p.workingFolder),
    environment: p.environment.slice(0, 64).map((e) => ({ name: formText(e.name, 256), value: formText(e.value, 8192) })),
    readiness: { ...p.readiness, probe: p.readiness.probe?.kind === 'heartbeat' ? { ...p.readiness.probe, file: text(p.readiness.probe.file) } : p.readiness.probe },
    liveness: { ...p.liveness, probe: p.liveness.probe?.kind === 'heartbeat' ? { ...p.liveness.probe, file: text(p.liveness.probe.file) } : p.liveness.probe },
    job: { ...p.job, template: p.job.template === null ? null : formText(p.job.template, 80) },
    account: hostedAccountFrom(name, formText(config.account, 512)),
    startup: config.startType === 'automatic' && config.delayedAutoStart ? 'automaticDelayed' : config.startType === 'boot' || config.startType === 'system' ? 'manual' : config.startType,
    errorControl: config.errorControl,
  };
  return { definition, problems };
}

function registryLines(name: string, before: RegistryValue[] | null, after: RegistryValue[]): { lines: string[]; changes: HostedPlanValue['changes'] } {
  const key = parametersRegistryKey(name);
  const old = new Map((before ?? []).map((v) => [v.name.toLowerCase(), v]));
  const lines: string[] = [];
  const changes: HostedPlanValue['changes'] = [];
  for (const value of after) {
    const was = old.get(value.name.toLowerCase());
    old.delete(value.name.toLowerCase());
    if (was && was.type === value.type && regData(was) === regData(value)) continue;
    lines.push(regAddCommand(key, value));
    changes.push({ field: `Parameters\\${value.name}`, label: value.name, before: was ? regData(was) : '', after: regData(value) });
  }
  for (const gone of old.values()) {
    lines.push(regDeleteValueCommand(key, gone.name));
    changes.push({ field: `Parameters\\${gone.name}`, label: gone.name, before: regData(gone), after: '(removed: the host default)' });
  }
  return { lines, changes };
}

/** sc.exe has no preshutdown option: the equivalent is the value the SCM stores in the service's key. */
const preshutdownLine = (name: string, ms: number) => regAddCommand(serviceRegistryKey(name), { name: 'PreshutdownTimeout', type: 'dword', value: ms });

function commonProblems(def: HostedDefinitionValue, installed: InstalledServices, self: string | undefined): HostedProblem[] {
  const problems = hostedProblems(def);
  const display = displayNameProblem(def.displayName, installed.list(), self);
  if (display) problems.unshift({ field: 'displayName', message: display });
  return problems;
}

const NOTES = {
  atomic: (name: string) =>
    `The values are written to ${parametersRegistryKey(name)}.new and then swapped in (RegRenameKey), so the host never reads half a configuration.`,
  logs: (folder: string) => `The program's output goes to ${folder} (admin-only); it stays there after an uninstall.`,
  account: (account: string, program: string) =>
    `The program runs as ${account}, not as an administrator: that account needs read and execute on ${program} (and write wherever the program writes). The console makes the log folder writable for it.`,
  restartToApply: 'The host reads its configuration when it starts: restart the service for a change of Parameters to take effect.',
};

/** Plans an install. */
export function planHostedInstall(def: HostedDefinitionValue, installed: InstalledServices, places: HostedPlaces): HostedPlanned {
  const problems = commonProblems(def, installed, undefined);
  const nameProblem = newServiceNameProblem(def.name, installed.list());
  if (nameProblem) problems.unshift({ field: 'name', message: nameProblem });
  if (def.account.kind === 'user' && !def.account.password) problems.push({ field: 'account', message: `Give the password of ${def.account.name}.` });
  if (def.account.kind === 'user' && def.account.name.endsWith('$')) problems.push({ field: 'account', message: `${def.account.name} ends in $: choose "group managed service account" for it (it has no password).` });
  const binaryPath = hostCommandLine(places.hostPath, def.name);
  const create: NewService = {
    name: def.name,
    displayName: def.displayName,
    binaryPath,
    startType: startTypeOf(def.startup),
    errorControl: def.errorControl,
    dependencies: [],
    ...hostedLogon(def.name, def.account),
  };
  const change: ServiceConfigChange = {
    preshutdownTimeoutMs: def.stop.budgetMs + PRESHUTDOWN_MARGIN_MS,
    recoveryOnNonCrashFailures: true,
  };
  if (def.description) change.description = def.description;
  if (def.startup === 'automaticDelayed') change.delayedAutoStart = true;
  const parameters = parametersOf(parametersPart(def));
  const registry = registryLines(def.name, null, parameters);
  const commands = [scCreateCommand(create, { delayedAutoStart: change.delayedAutoStart === true })];
  if (change.description !== undefined) commands.push(scDescriptionCommand(def.name, change.description));
  commands.push(scFailureFlagCommand(def.name, true), preshutdownLine(def.name, change.preshutdownTimeoutMs ?? 0));
  const logFolder = places.logFolder(def.name);
  const changes: HostedPlanValue['changes'] = [
    { field: 'name', label: 'Service name', before: '', after: def.name },
    { field: 'displayName', label: 'Display name', before: '', after: def.displayName },
    { field: 'binaryPath', label: 'Command line', before: '', after: binaryPath },
    { field: 'startup', label: 'Startup type', before: '', after: STARTUP_TEXT[def.startup] },
    { field: 'account', label: 'Log on as', before: '', after: accountText(def.name, def.account) },
    { field: 'description', label: 'Description', before: '', after: def.description },
    ...registry.changes,
  ];
  return {
    plan: {
      commands,
      registry: registry.lines,
      changes: changes.slice(0, 128),
      problems: problems.slice(0, 128),
      binaryPath,
      logFolder,
      schedule: restartSchedule(def.restart),
      notes: [NOTES.atomic(def.name), NOTES.logs(logFolder), ...(def.account.kind === 'localSystem' ? [] : [NOTES.account(accountText(def.name, def.account), def.program)])],
    },
    create,
    change,
    parameters,
  };
}

/** Plans an edit against what the SCM and the registry hold now: only what differs. */
export function planHostedEdit(name: string, def: HostedDefinitionValue, current: HostedCurrent, installed: InstalledServices, places: HostedPlaces): HostedPlanned {
  const was = hostedDefinitionFrom(name, current.config, current.parameters).definition;
  const problems = commonProblems(def, installed, name);
  if (def.name.toLowerCase() !== name.toLowerCase()) problems.unshift({ field: 'name', message: 'A service cannot be renamed; install a new one instead.' });
  const change: ServiceConfigChange = {};
  const changes: HostedPlanValue['changes'] = [];
  const note = (field: string, label: string, before: string, after: string) => changes.push({ field, label, before, after });

  if (def.displayName !== was.displayName) {
    change.displayName = def.displayName;
    note('displayName', 'Display name', was.displayName, def.displayName);
  }
  // An edit moves the service onto this console's host (after an upgrade, the new versioned copy).
  const binaryPath = hostCommandLine(places.hostPath, name);
  if (binaryPath !== current.config.binaryPath) {
    change.binaryPath = binaryPath;
    note('binaryPath', 'Command line', current.config.binaryPath, binaryPath);
  }
  if (def.startup !== was.startup) {
    if (startTypeOf(def.startup) !== startTypeOf(was.startup)) change.startType = startTypeOf(def.startup);
    if ((def.startup === 'automaticDelayed') !== (was.startup === 'automaticDelayed')) change.delayedAutoStart = def.startup === 'automaticDelayed';
    note('startup', 'Startup type', STARTUP_TEXT[was.startup], STARTUP_TEXT[def.startup]);
  }
  if (def.errorControl !== was.errorControl) {
    change.errorControl = def.errorControl;
    note('errorControl', 'Error control', was.errorControl, def.errorControl);
  }
  const accountChanged = accountText(name, def.account).toLowerCase() !== accountText(name, was.account).toLowerCase();
  const newPassword = def.account.kind === 'user' && def.account.password !== undefined;
  if (accountChanged || newPassword) {
    change.logon = hostedLogon(name, def.account);
    note('account', 'Log on as', accountText(name, was.account), `${accountText(name, def.account)}${newPassword ? ' (new password)' : ''}`);
    if (accountChanged && def.account.kind === 'user' && !def.account.password) problems.push({ field: 'account', message: `Give the password of ${def.account.name}.` });
  }
  if (def.description !== was.description) {
    change.description = def.description;
    note('description', 'Description', was.description, def.description);
  }
  if (def.stop.budgetMs !== was.stop.budgetMs) change.preshutdownTimeoutMs = def.stop.budgetMs + PRESHUTDOWN_MARGIN_MS;
  // Wine cannot read the flag back (null): set it only when Windows says it is off.
  if (current.config.recoveryOnNonCrashFailures === false) change.recoveryOnNonCrashFailures = true;

  const after = parametersOf(parametersPart(def));
  const registry = registryLines(name, current.parameters, after);
  changes.push(...registry.changes);

  const commands: string[] = [];
  const config = scConfigCommand(name, change);
  if (config) commands.push(config);
  if (change.description !== undefined) commands.push(scDescriptionCommand(name, change.description));
  if (change.recoveryOnNonCrashFailures !== undefined) commands.push(scFailureFlagCommand(name, true));
  if (change.preshutdownTimeoutMs !== undefined) commands.push(preshutdownLine(name, change.preshutdownTimeoutMs));
  const logFolder = places.logFolder(name);
  const notes = registry.lines.length ? [NOTES.atomic(name), NOTES.restartToApply] : [];
  return {
    plan: {
      commands,
      registry: registry.lines,
      changes: changes.slice(0, 128),
      problems: problems.slice(0, 128),
      binaryPath,
      logFolder,
      schedule: restartSchedule(def.restart),
      notes,
    },
    change,
    parameters: registry.lines.length ? after : null,
  };
}

/** Plans either kind of request. */
export function planHosted(request: HostedChangeRequestValue, installed: InstalledServices, places: HostedPlaces, current: (name: string) => HostedCurrent): HostedPlanned {
  return request.kind === 'install'
    ? planHostedInstall(request.definition, installed, places)
    : planHostedEdit(request.name, request.definition, current(request.name), installed, places);
}

/** `sc.exe delete NAME` is what uninstall runs; the plan of an uninstall names what stays. */
export function uninstallNotes(name: string, places: HostedPlaces): string[] {
  return [`${parametersRegistryKey(name)} goes with the service's key.`, `The log folder ${places.logFolder(name)} stays (delete it by hand when no longer needed).`];
}
