import type {
  ServiceAccountValue,
  ServiceChangeRequestValue,
  ServiceDefinitionValue,
  ServicePlanValue,
} from '../../../src-preload/contract/service-schemas';
import { AppError } from '../app-error';
import { withoutBidiControls } from '../dialog-text';
import { batchFileProblem } from '../jobs/program-path';
import { buildCommandLine, programProblem, splitBinaryPath } from './binary-path';
import { dependencyCycle, unknownDependencies } from './dependency-cycles';
import { reportedDependencies } from './not-reported';
import { describeRecovery, fromRecoveryPolicy, recoveryProblems, toRecoveryPolicy } from './recovery-actions';
import { scConfigCommand, scCreateCommand, scDescriptionCommand, scFailureCommand, scFailureFlagCommand } from './sc-command';
import type { ServiceConfig, ServiceConfigChange, ServiceLogon, NewService } from './service-manager';
import { displayNameProblem, newServiceNameProblem } from './service-name';

/** What the planner needs to know about the services already installed. */
export interface InstalledServices {
  list(): readonly { name: string; displayName: string }[];
  /** Dependencies of an installed service (from its configuration), undefined when unknown. */
  dependenciesOf(name: string): readonly string[] | undefined;
}

/** The built-in accounts as the SCM stores them (lpServiceStartName). */
const LOCAL_SERVICE = 'NT AUTHORITY\\LocalService';
const NETWORK_SERVICE = 'NT AUTHORITY\\NetworkService';

export function logonFor(account: ServiceAccountValue): ServiceLogon {
  switch (account.kind) {
    case 'localSystem':
      return { account: null, password: null };
    case 'localService':
      return { account: LOCAL_SERVICE, password: '' };
    case 'networkService':
      return { account: NETWORK_SERVICE, password: '' };
    case 'user':
      return { account: account.name, password: account.password ?? null };
  }
}

/** The account stored by the SCM in the form's words (LocalSystem appears as "LocalSystem" or ".\LocalSystem"). */
export function accountFrom(stored: string): ServiceAccountValue {
  const lower = stored.trim().toLowerCase();
  if (lower === '' || lower === 'localsystem' || lower === '.\\localsystem' || lower === 'nt authority\\system') return { kind: 'localSystem' };
  if (lower === LOCAL_SERVICE.toLowerCase() || lower === 'nt authority\\local service') return { kind: 'localService' };
  if (lower === NETWORK_SERVICE.toLowerCase() || lower === 'nt authority\\network service') return { kind: 'networkService' };
  return { kind: 'user', name: stored };
}

const accountText = (account: ServiceAccountValue) =>
  account.kind === 'user' ? account.name : { localSystem: 'LocalSystem', localService: LOCAL_SERVICE, networkService: NETWORK_SERVICE }[account.kind];

const STARTUP_TEXT: Record<ServiceDefinitionValue['startup'], string> = {
  automatic: 'Automatic',
  automaticDelayed: 'Automatic (delayed start)',
  manual: 'Manual',
  disabled: 'Disabled',
};

/**
 * The forms refuse control, bidi and line-separator characters (so a confirmation shows what is stored);
 * an installed service that has them opens with spaces in their place, and keeps them unless that field is edited.
 */
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const formText = (text: string) => text.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g, ' ');

/** The edit form's starting point for an installed service. Drivers are not edited here. */
export function definitionFrom(name: string, config: ServiceConfig): ServiceDefinitionValue {
  if (config.startType === 'boot' || config.startType === 'system' || config.kind === 'kernelDriver' || config.kind === 'fileSystemDriver') {
    throw new AppError('BAD_REQUEST', `'${name}' is a driver; drivers are not edited from this console.`);
  }
  // Read as Windows would run it: an unquoted path with spaces opens as one program (and is quoted if edited).
  const { program, arguments: args } = splitBinaryPath(config.binaryPath);
  const recovery = fromRecoveryPolicy(config.recovery, config.recoveryOnNonCrashFailures);
  return {
    name,
    displayName: formText(config.displayName || name),
    program: formText(program),
    arguments: args.map(formText),
    startup: config.startType === 'automatic' && config.delayedAutoStart ? 'automaticDelayed' : config.startType,
    errorControl: config.errorControl,
    account: accountFrom(formText(config.account)),
    dependencies: [...config.dependencies],
    description: withoutBidiControls(config.description ?? '').slice(0, 8192),
    recovery: { ...recovery, command: formText(recovery.command), rebootMessage: withoutBidiControls(recovery.rebootMessage) },
  };
}

/** Everything an install does: CreateServiceW, then ChangeServiceConfig2W for what CreateServiceW cannot take. */
export interface InstallSteps {
  create: NewService;
  after: ServiceConfigChange;
}

export interface Planned {
  plan: ServicePlanValue;
  install?: InstallSteps;
  /** For an edit: only what differs (empty object when nothing does). */
  change?: ServiceConfigChange;
}

type Problem = ServicePlanValue['problems'][number];
type Change = ServicePlanValue['changes'][number];

function sharedProblems(def: ServiceDefinitionValue, installed: InstalledServices, self: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const others = installed.list();
  const display = displayNameProblem(def.displayName, others, self);
  if (display) problems.push({ field: 'displayName', message: display });
  const program = programProblem(def.program);
  if (program) problems.push({ field: 'program', message: program });
  const batch = batchFileProblem(def.program, def.arguments);
  if (batch) problems.push({ field: 'arguments', message: batch });
  const unknown = unknownDependencies(def.dependencies, (n) => installed.dependenciesOf(n) !== undefined);
  if (unknown.length) problems.push({ field: 'dependencies', message: `No such service: ${unknown.join(', ')}.` });
  const cycle = dependencyCycle(self ?? def.name, def.dependencies, (n) => installed.dependenciesOf(n));
  if (cycle) problems.push({ field: 'dependencies', message: `These dependencies would form a cycle: ${cycle.join(' -> ')}.` });
  for (const p of recoveryProblems(def.recovery)) problems.push(p);
  return problems;
}

const startTypeOf = (startup: ServiceDefinitionValue['startup']) => (startup === 'automaticDelayed' ? 'automatic' : startup);

/** Plans an install: the same steps apply() will take, their sc.exe equivalent, and what stops them. */
export function planInstall(def: ServiceDefinitionValue, installed: InstalledServices): Planned {
  const problems = sharedProblems(def, installed, undefined);
  const nameProblem = newServiceNameProblem(def.name, installed.list());
  if (nameProblem) problems.unshift({ field: 'name', message: nameProblem });
  const logon = logonFor(def.account);
  if (def.account.kind === 'user' && !def.account.name.endsWith('$') && !def.account.password) {
    problems.push({ field: 'account', message: `Give the password of ${def.account.name} (only a group managed service account, ending in $, has none).` });
  }
  const binaryPath = buildCommandLine(def.program, def.arguments);
  const create: NewService = {
    name: def.name,
    displayName: def.displayName,
    binaryPath,
    startType: startTypeOf(def.startup),
    errorControl: def.errorControl,
    dependencies: [...def.dependencies],
    ...logon,
  };
  const after: ServiceConfigChange = {};
  if (def.description) after.description = def.description;
  if (def.startup === 'automaticDelayed') after.delayedAutoStart = true;
  const policy = toRecoveryPolicy(def.recovery);
  if (policy.actions.length) after.recovery = policy;
  if (def.recovery.onNonCrashFailures) after.recoveryOnNonCrashFailures = true;

  const commands = [scCreateCommand(create, { delayedAutoStart: after.delayedAutoStart === true }), ...followUpCommands(def.name, after)];
  const changes: Change[] = [
    { field: 'name', label: 'Service name', before: '', after: def.name },
    { field: 'displayName', label: 'Display name', before: '', after: def.displayName },
    { field: 'binaryPath', label: 'Command line', before: '', after: binaryPath },
    { field: 'startup', label: 'Startup type', before: '', after: STARTUP_TEXT[def.startup] },
    { field: 'errorControl', label: 'Error control', before: '', after: def.errorControl },
    { field: 'account', label: 'Log on as', before: '', after: accountText(def.account) },
    { field: 'dependencies', label: 'Dependencies', before: '', after: def.dependencies.join(', ') || '(none)' },
    { field: 'description', label: 'Description', before: '', after: def.description },
    { field: 'recovery', label: 'Recovery', before: '', after: describeRecovery(policy, def.recovery.onNonCrashFailures) },
  ];
  return { plan: { commands, changes, problems, binaryPath }, install: { create, after } };
}

function followUpCommands(name: string, after: ServiceConfigChange): string[] {
  const commands: string[] = [];
  if (after.description !== undefined) commands.push(scDescriptionCommand(name, after.description));
  if (after.recovery) commands.push(scFailureCommand(name, after.recovery));
  if (after.recoveryOnNonCrashFailures !== undefined) commands.push(scFailureFlagCommand(name, after.recoveryOnNonCrashFailures));
  return commands;
}

/**
 * Plans an edit against the configuration read just now: only what differs is changed. The command line
 * is left exactly as stored unless the program or an argument changed (so an edit never rewrites a path
 * the admin did not touch).
 */
export function planEdit(name: string, def: ServiceDefinitionValue, current: ServiceConfig, installed: InstalledServices): Planned {
  const was = definitionFrom(name, current);
  const problems = sharedProblems(def, installed, name);
  if (def.name.toLowerCase() !== name.toLowerCase()) problems.unshift({ field: 'name', message: 'A service cannot be renamed; install a new one instead.' });
  const change: ServiceConfigChange = {};
  const changes: Change[] = [];
  const note = (field: string, label: string, before: string, after: string) => changes.push({ field, label, before, after });

  if (def.displayName !== was.displayName) {
    change.displayName = def.displayName;
    note('displayName', 'Display name', was.displayName, def.displayName);
  }
  let binaryPath = current.binaryPath;
  if (def.program !== was.program || JSON.stringify(def.arguments) !== JSON.stringify(was.arguments)) {
    binaryPath = buildCommandLine(def.program, def.arguments);
    change.binaryPath = binaryPath;
    note('binaryPath', 'Command line', current.binaryPath, binaryPath);
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
  const accountChanged = accountText(def.account).toLowerCase() !== accountText(was.account).toLowerCase();
  const newPassword = def.account.kind === 'user' && def.account.password !== undefined;
  if (accountChanged || newPassword) {
    change.logon = logonFor(def.account);
    note('account', 'Log on as', accountText(was.account), `${accountText(def.account)}${newPassword ? ' (new password)' : ''}`);
    if (accountChanged && def.account.kind === 'user' && !def.account.name.endsWith('$') && !def.account.password) {
      problems.push({ field: 'account', message: `Give the password of ${def.account.name}.` });
    }
  }
  if (JSON.stringify(def.dependencies.map((d) => d.toLowerCase())) !== JSON.stringify(was.dependencies.map((d) => d.toLowerCase()))) {
    change.dependencies = [...def.dependencies];
    note('dependencies', 'Dependencies', was.dependencies.join(', ') || '(none)', def.dependencies.join(', ') || '(none)');
  }
  if (def.description !== was.description) {
    change.description = def.description;
    note('description', 'Description', was.description, def.description);
  }
  const policy = toRecoveryPolicy(def.recovery);
  const wasPolicy = toRecoveryPolicy(was.recovery);
  if (recoveryKey(policy) !== recoveryKey(wasPolicy)) {
    change.recovery = policy;
  }
  if (def.recovery.onNonCrashFailures !== was.recovery.onNonCrashFailures) change.recoveryOnNonCrashFailures = def.recovery.onNonCrashFailures;
  if (change.recovery || change.recoveryOnNonCrashFailures !== undefined) {
    const before = current.recovery === null && current.unreadable.some((u) => u.startsWith('recovery')) ? '(could not be read)' : describeRecovery(current.recovery, current.recoveryOnNonCrashFailures);
    note('recovery', 'Recovery', before, describeRecovery(policy, def.recovery.onNonCrashFailures));
  }

  const basics = (['displayName', 'binaryPath', 'startType', 'errorControl', 'logon'] as const).filter((k) => change[k] !== undefined);
  if (basics.length && change.dependencies === undefined && reportedDependencies(current) === null) {
    // ChangeServiceConfigW with lpDependencies NULL means "unchanged", yet Wine 8's SCM rewrites the service's
    // key from what it reports - no dependencies - and so deletes DependOnService (edit-keeps-dependencies.win32
    // test). The console never sends what the SCM would apply differently from what was confirmed.
    problems.push({
      field: 'dependencies',
      message: `This system's service manager does not report the dependencies of '${name}' (its registry key lists ${(current.registryDependencies ?? []).join(', ')}), and it drops them when the display name, command line, startup type, error control or account change. Not sent: change only the description or recovery, or enter the dependencies to set them explicitly.`,
    });
  }

  const commands: string[] = [];
  const config = scConfigCommand(name, change);
  if (config) commands.push(config);
  commands.push(...followUpCommands(name, { ...(change.description !== undefined ? { description: change.description } : {}), ...(change.recovery ? { recovery: change.recovery } : {}), ...(change.recoveryOnNonCrashFailures !== undefined ? { recoveryOnNonCrashFailures: change.recoveryOnNonCrashFailures } : {}) }));
  return { plan: { commands, changes, problems, binaryPath }, change };
}

/**
 * Two policies without actions do the same (nothing), whatever their reset period, command or message: so an
 * edit of a service whose recovery Windows (or Wine, which cannot read it) reports as none writes none.
 */
function recoveryKey(policy: ReturnType<typeof toRecoveryPolicy>): string {
  return policy.actions.length ? JSON.stringify(policy) : '[]';
}

/** Plans either kind of change request. `currentConfig` reads the service being edited. */
export function planChange(request: ServiceChangeRequestValue, installed: InstalledServices, currentConfig: (name: string) => ServiceConfig): Planned {
  return request.kind === 'install' ? planInstall(request.definition, installed) : planEdit(request.name, request.definition, currentConfig(request.name), installed);
}
