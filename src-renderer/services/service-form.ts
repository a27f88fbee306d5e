/**
 * The install / edit form's model: what the fields hold (text as typed), and the conversion to and from
 * the contract's ServiceDefinition - arguments one per line, the account, recovery rows with delays in
 * seconds, the reset period as an amount and a unit (or never). Checks the form can make on its own
 * (anything the contract's schema would refuse) come back as problems named by the definition key, like
 * the plan's. Pure, so every conversion is unit tested.
 */
import type {
  ERROR_CONTROLS,
  RECOVERY_ACTION_TYPES,
  STARTUP_CHOICES,
  ServiceChangeRequestValue,
  ServiceDefinitionValue,
  ServicePlanValue,
} from '../../src-preload/contract/service-schemas';

type StartupChoice = (typeof STARTUP_CHOICES)[number];
type ErrorControl = (typeof ERROR_CONTROLS)[number];
/** A recovery action's type. */
export type RecoveryType = (typeof RECOVERY_ACTION_TYPES)[number];

/** Who the service logs on as. */
export type AccountKind = 'localSystem' | 'localService' | 'networkService' | 'user';

/** The unit the reset period is typed in. */
export type ResetUnit = 'days' | 'hours' | 'minutes' | 'seconds';

/** Seconds per reset unit. */
export const RESET_UNIT_SECONDS: { readonly [U in ResetUnit]: number } = { days: 86_400, hours: 3600, minutes: 60, seconds: 1 };

/** One recovery row: first failure, second failure, ...; the last repeats for later failures. */
export interface RecoveryRowForm {
  readonly type: RecoveryType;
  /** Whole seconds, as typed. */
  readonly delaySeconds: string;
}

/** The form's fields, as typed. */
export interface ServiceForm {
  readonly name: string;
  /** Blank = the service name. */
  readonly displayName: string;
  readonly program: string;
  /** One argument per line. */
  readonly argumentsText: string;
  readonly startup: StartupChoice;
  readonly errorControl: ErrorControl;
  readonly accountKind: AccountKind;
  readonly userName: string;
  /** Shown as dots; lives only in the open dialog's state. When editing, blank = keep the current password. */
  readonly password: string;
  readonly dependencies: readonly string[];
  readonly description: string;
  readonly recovery: readonly RecoveryRowForm[];
  readonly resetNever: boolean;
  readonly resetAmount: string;
  readonly resetUnit: ResetUnit;
  /** The command line a "run a program" action runs. */
  readonly recoveryCommand: string;
  readonly rebootMessage: string;
  /** "Enable actions for stops with errors". */
  readonly onNonCrashFailures: boolean;
}

/** Install a new service, or edit the named one. */
export type FormMode = { readonly kind: 'install' } | { readonly kind: 'edit'; readonly name: string };

/** A reason the form cannot be applied, named by the definition key it concerns (as the plan's problems are). */
export interface FormProblem {
  readonly field: string;
  readonly message: string;
}

/** The schema's limits (service-schemas.ts), checked here so a half-typed form never sends a request main must refuse. */
const LIMITS = { name: 256, displayName: 256, program: 2048, argument: 2048, arguments: 64, dependencies: 64, description: 8192, actions: 16, delay: 7 * 86_400, reset: 365 * 86_400, command: 8191, rebootMessage: 1024, userName: 512, password: 512 };
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/** The form of a new service: manual start, normal error control, LocalSystem, no recovery. */
export function emptyForm(): ServiceForm {
  return {
    name: '',
    displayName: '',
    program: '',
    argumentsText: '',
    startup: 'manual',
    errorControl: 'normal',
    accountKind: 'localSystem',
    userName: '',
    password: '',
    dependencies: [],
    description: '',
    recovery: [],
    resetNever: false,
    resetAmount: '1',
    resetUnit: 'days',
    recoveryCommand: '',
    rebootMessage: '',
    onNonCrashFailures: false,
  };
}

/** The largest unit that states a reset period exactly ("2 days", "90 minutes"). */
export function resetPeriodParts(seconds: number): { amount: string; unit: ResetUnit } {
  for (const unit of ['days', 'hours', 'minutes'] as const) {
    const size = RESET_UNIT_SECONDS[unit];
    if (seconds > 0 && seconds % size === 0) return { amount: String(seconds / size), unit };
  }
  return { amount: String(seconds), unit: 'seconds' };
}

/** The form for an existing service (services:getDefinition; the password never comes back). */
export function formFromDefinition(def: ServiceDefinitionValue): ServiceForm {
  const reset = def.recovery.resetPeriodSeconds;
  const parts = reset === null ? { amount: '1', unit: 'days' as const } : resetPeriodParts(reset);
  return {
    name: def.name,
    displayName: def.displayName,
    program: def.program,
    argumentsText: def.arguments.join('\n'),
    startup: def.startup,
    errorControl: def.errorControl,
    accountKind: def.account.kind,
    userName: def.account.kind === 'user' ? def.account.name : '',
    password: '',
    dependencies: [...def.dependencies],
    description: def.description,
    recovery: def.recovery.actions.map((a) => ({ type: a.type, delaySeconds: String(a.delaySeconds) })),
    resetNever: reset === null,
    resetAmount: parts.amount,
    resetUnit: parts.unit,
    recoveryCommand: def.recovery.command,
    rebootMessage: def.recovery.rebootMessage,
    onNonCrashFailures: def.recovery.onNonCrashFailures,
  };
}

/** Arguments from the text box: one per line; empty lines (a trailing newline) are no argument. */
export function argumentsFromText(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line !== '');
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/**
 * The definition the form describes, and what stops it from being one. `definition` is null when a problem
 * would make the contract refuse the request (an empty name, a delay that is not a number, ...); the
 * plan is then not asked for.
 */
export function formToDefinition(form: ServiceForm, mode: FormMode): { definition: ServiceDefinitionValue | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  const name = mode.kind === 'edit' ? mode.name : form.name.trim();
  if (name === '') problem('name', 'Enter a service name.');
  else if (name.length > LIMITS.name) problem('name', `A service name has at most ${LIMITS.name} characters.`);
  else if (CONTROL_CHARS.test(name)) problem('name', 'A service name cannot contain control characters.');

  const displayName = form.displayName.trim() === '' ? name : form.displayName.trim();
  if (displayName.length > LIMITS.displayName) problem('displayName', `A display name has at most ${LIMITS.displayName} characters.`);
  else if (CONTROL_CHARS.test(displayName)) problem('displayName', 'A display name cannot contain control characters.');

  const program = form.program.trim();
  if (program === '') problem('program', 'Enter the program the service runs.');
  else if (program.length > LIMITS.program) problem('program', 'The program path is too long.');
  else if (CONTROL_CHARS.test(program)) problem('program', 'The program path cannot contain control characters.');

  const args = argumentsFromText(form.argumentsText);
  if (args.length > LIMITS.arguments) problem('arguments', `At most ${LIMITS.arguments} arguments.`);
  if (args.some((a) => a.length > LIMITS.argument)) problem('arguments', `An argument has at most ${LIMITS.argument} characters.`);
  if (args.some((a) => CONTROL_CHARS.test(a))) problem('arguments', 'Arguments cannot contain tabs or other control characters.');

  let account: ServiceDefinitionValue['account'];
  if (form.accountKind === 'user') {
    const userName = form.userName.trim();
    if (userName === '') problem('account', 'Enter the user the service logs on as (DOMAIN\\user, .\\user or user@domain).');
    else if (userName.length > LIMITS.userName || CONTROL_CHARS.test(userName)) problem('account', 'That user name is not valid.');
    if (form.password.length > LIMITS.password) problem('account', `A password has at most ${LIMITS.password} characters.`);
    // When editing, a blank password keeps the current one (the SCM never gives it back to show).
    account = mode.kind === 'edit' && form.password === '' ? { kind: 'user', name: userName } : { kind: 'user', name: userName, password: form.password };
  } else {
    account = { kind: form.accountKind };
  }

  if (form.dependencies.length > LIMITS.dependencies) problem('dependencies', `At most ${LIMITS.dependencies} dependencies.`);
  if (form.description.length > LIMITS.description) problem('description', `A description has at most ${LIMITS.description} characters.`);

  const actions: ServiceDefinitionValue['recovery']['actions'] = [];
  if (form.recovery.length > LIMITS.actions) problem('recovery', `At most ${LIMITS.actions} recovery actions.`);
  form.recovery.forEach((row, i) => {
    const delay = wholeNumber(row.delaySeconds);
    if (delay === null || delay > LIMITS.delay) problem('recovery', `Action ${i + 1}: the delay is whole seconds, 0 to ${LIMITS.delay} (7 days).`);
    else actions.push({ type: row.type, delaySeconds: delay });
  });
  let resetPeriodSeconds: number | null = null;
  if (!form.resetNever) {
    const amount = wholeNumber(form.resetAmount);
    const seconds = amount === null ? null : amount * RESET_UNIT_SECONDS[form.resetUnit];
    if (seconds === null || seconds > LIMITS.reset) problem('recovery', 'The reset period is a whole number, at most 365 days (or "never").');
    else resetPeriodSeconds = seconds;
  }
  const command = form.recoveryCommand.trim();
  if (command.length > LIMITS.command || CONTROL_CHARS.test(command)) problem('recovery', 'The recovery command is too long or has control characters.');
  if (form.recovery.some((r) => r.type === 'runCommand') && command === '') problem('recovery', 'A "run a program" action needs the command to run.');
  if (form.rebootMessage.length > LIMITS.rebootMessage) problem('recovery', `The reboot message has at most ${LIMITS.rebootMessage} characters.`);

  if (problems.length > 0) return { definition: null, problems };
  return {
    definition: {
      name,
      displayName,
      program,
      arguments: args,
      startup: form.startup,
      errorControl: form.errorControl,
      account,
      dependencies: [...form.dependencies],
      description: form.description,
      recovery: { actions, resetPeriodSeconds, command, rebootMessage: form.rebootMessage, onNonCrashFailures: form.onNonCrashFailures },
    },
    problems,
  };
}

/**
 * The request behind the plan preview. The plan shows a password only as ********, so it gets a stand-in
 * of the same length: the secret crosses to main once, when the admin applies, not on every keystroke.
 */
export function planRequestOf(mode: FormMode, definition: ServiceDefinitionValue): ServiceChangeRequestValue {
  const account = definition.account.kind === 'user' && definition.account.password !== undefined
    ? { ...definition.account, password: '*'.repeat(definition.account.password.length) }
    : definition.account;
  const masked = { ...definition, account };
  return mode.kind === 'install' ? { kind: 'install', definition: masked } : { kind: 'edit', name: mode.name, definition: masked };
}

/** The form's fields a problem can sit beside; others are listed above the buttons. */
export const FORM_FIELDS = ['name', 'displayName', 'program', 'arguments', 'startup', 'errorControl', 'account', 'dependencies', 'description', 'recovery'] as const;

/** The definition key a problem names: "recovery.actions[1].delaySeconds" -> "recovery". */
export function problemField(field: string): string {
  return field.split(/[.[]/)[0] ?? field;
}

/** The form's and the plan's problems, by form field; those naming no form field under "". */
export function problemsByField(local: readonly FormProblem[], plan: ServicePlanValue['problems'] = []): Map<string, string[]> {
  const known = new Set<string>(FORM_FIELDS);
  const map = new Map<string, string[]>();
  for (const p of [...local, ...plan]) {
    const f = problemField(p.field);
    const key = known.has(f) ? f : '';
    const list = map.get(key) ?? [];
    if (!list.includes(p.message)) list.push(p.message);
    map.set(key, list);
  }
  return map;
}
