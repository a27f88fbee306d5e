/**
 * Installs and edits hosted services for the admin, the way ServiceAdmin does ordinary ones: planned by the
 * code that shows the preview, confirmed in the main process's own dialog (the SCM part, then every registry
 * value), applied (CreateServiceW and ChangeServiceConfig2W, then `Parameters` written atomically), audited
 * (never a password, never environment values), and re-read so the table shows what Windows now holds.
 */
import type { HostedAccountValue, HostedChangeRequestValue, HostedDefinitionReadValue, HostedDefinitionValue, HostedPlanValue } from '../../../src-preload/contract/hosted-schemas';
import { AppError } from '../app-error';
import { outcomeOf, type Audit } from '../audit/audit-record';
import type { ConfirmPrompt, DesktopPort } from '../desktop/desktop-port';
import { safePrompt } from '../desktop/prompt-guard';
import { promptTooLong, promptValue } from '../dialog-text';
import type { ServiceCollector } from '../services/service-collector';
import { serviceError } from '../services/service-errors';
import type { ServiceConfigChange, ServiceManager } from '../services/service-manager';

/** "a", "a or b", "a, b or c". */
const orList = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));

/** ERROR_INVALID_LEVEL (winerror.h). */
const ERROR_INVALID_LEVEL = 124;
import type { InstalledServices } from '../services/service-plan';
import { accountSddlSid, logFolderSddl } from './account-sid';
import { hostedDefinitionFrom, planHosted, type HostedCurrent, type HostedPlaces, type HostedPlanned } from './hosted-plan';
import type { RegistryValue } from './parameters';
import { parametersRegistryKey } from './reg-command';

/** Reads and writes a hosted service's `Parameters` key (win32/services/parameters-key.ts). */
export interface HostedRegistry {
  /** Every value, or null when the key does not exist. */
  read(serviceName: string): RegistryValue[] | null;
  /** Replaces the key with exactly these values, atomically as the host sees it. */
  write(serviceName: string, values: readonly RegistryValue[]): void;
}

/** Makes a hosted service's log folder (win32/services/hosted-ports.ts). */
export interface HostedFolders {
  /** Creates (or takes over) `folder` with the protected descriptor `sddl`, its parent admin-only. */
  prepareLogFolder(folder: string, sddl: string): void;
  /** An account name's SID as text ("S-1-5-21-..."); throws a Win32Error when the name is unknown. */
  lookupAccountSid(accountName: string): string;
}

/** The changes as the audit keeps them: environment values are replaced by the variable names. */
function auditedChanges(plan: HostedPlanValue, side: 'before' | 'after'): Record<string, string> {
  return Object.fromEntries(
    plan.changes.map((c) => {
      const value = c[side];
      if (c.field !== 'Parameters\\Environment') return [c.field, value];
      const names = value === '' ? '' : value.split('\\0').map((entry) => entry.slice(0, Math.max(0, entry.indexOf('=')))).join(', ');
      return [c.field, `(values not recorded) ${names}`];
    }),
  );
}

function detailText(plan: HostedPlanValue): string {
  const scm = plan.changes.filter((c) => !c.field.startsWith('Parameters\\'));
  const registry = plan.changes.filter((c) => c.field.startsWith('Parameters\\'));
  const line = (c: HostedPlanValue['changes'][number]) =>
    c.before === '' && c.after !== '' ? `• ${c.label}: ${promptValue(c.after)}` : `• ${c.label}: ${promptValue(c.before) || '(empty)'} -> ${promptValue(c.after) || '(empty)'}`;
  return [
    ...scm.map(line),
    ...(registry.length ? ['', 'Registry (Parameters):', ...registry.map(line)] : []),
    ...(plan.notes.length ? ['', ...plan.notes.map(promptValue)] : []),
  ].join('\n');
}

function installPrompt(definition: HostedDefinitionValue, plan: HostedPlanValue, account: string): ConfirmPrompt {
  return {
    title: 'Install hosted service',
    message: `Install the service '${promptValue(definition.name)}'? The console's service host runs ${promptValue(definition.program)} as ${promptValue(account)}, restarting it as planned.`,
    detail: detailText(plan),
    confirmLabel: 'Install',
    destructive: false,
  };
}

function editPrompt(name: string, plan: HostedPlanValue): ConfirmPrompt {
  return {
    title: 'Change hosted service',
    message: `Change ${plan.changes.length === 1 ? 'one setting' : `${plan.changes.length} settings`} of '${promptValue(name)}'?`,
    detail: detailText(plan),
    confirmLabel: 'Apply',
    destructive: false,
  };
}

/** The hosted-service install, edit and definition behind `services:*Hosted`. */
export class HostedAdmin {
  constructor(
    private readonly manager: ServiceManager,
    private readonly collector: ServiceCollector,
    private readonly registry: HostedRegistry,
    private readonly folders: HostedFolders,
    private readonly places: HostedPlaces,
    private readonly audit: Audit,
    private readonly changed: () => void,
  ) {}

  private readonly installed: InstalledServices = {
    list: () => this.collector.rows(),
    dependenciesOf: (name) => {
      const row = this.collector.find(name);
      return row ? (row.dependencies ?? []) : undefined;
    },
  };

  /** The edit form's starting point. */
  definition(name: string): HostedDefinitionReadValue {
    const canonical = this.requireRow(name);
    return hostedDefinitionFrom(canonical, this.readConfig(canonical), this.readParameters(canonical));
  }

  /** The plan the preview shows, with a problem added when its confirmation would be too long to show whole. */
  plan(request: HostedChangeRequestValue): HostedPlanned {
    const planned = planHosted(request, this.installed, this.places, (name) => this.current(this.requireRow(name)));
    const prompt =
      request.kind === 'install' && planned.create
        ? installPrompt(request.definition, planned.plan, planned.create.account ?? 'LocalSystem')
        : request.kind === 'edit' && planned.plan.changes.length
          ? editPrompt(request.name, planned.plan)
          : null;
    const tooLong = prompt && promptTooLong(safePrompt(prompt));
    if (tooLong) planned.plan.problems.push({ field: 'confirmation', message: `The confirmation cannot show all of this change (${tooLong}); shorten the longest values.` });
    return planned;
  }

  async install(definition: HostedDefinitionValue, desktop: DesktopPort): Promise<{ name: string }> {
    const { plan, create, change, parameters } = this.plan({ kind: 'install', definition });
    this.refuseProblems(plan);
    if (!create || !parameters) throw new AppError('INTERNAL', 'hosted install plan has no steps');
    const confirmed = await desktop.confirm(installPrompt(definition, plan, create.account ?? 'LocalSystem'));
    if (!confirmed) throw new AppError('CANCELLED', `Installing '${definition.name}' was cancelled; nothing was changed.`);
    const after = auditedChanges(plan, 'after');
    const target = { service: definition.name };
    try {
      // First, so a failure leaves nothing behind: the host runs as the service's account, which cannot create it.
      this.prepareLogFolder(definition.name, definition.account);
      this.manager.create(create);
    } catch (err) {
      const error = serviceError(definition.name, err);
      this.audit({ action: 'service.install', target, after, ...outcomeOf(error) });
      throw error;
    }
    const finish = (step: string, run: () => void) => {
      try {
        run();
      } catch (err) {
        const error = serviceError(definition.name, err);
        const message = error instanceof Error ? error.message : String(error);
        const text = `Installed, but ${step} failed: ${message} The host will not start until this is fixed: edit the service, or uninstall it.`;
        this.audit({ action: 'service.install', target, after, ...outcomeOf(error), message: text });
        this.changed();
        throw new AppError(error instanceof AppError ? error.code : 'WIN32', text, error instanceof AppError ? error.win32Code : undefined);
      }
    };
    const { preshutdownTimeoutMs, recoveryOnNonCrashFailures, delayedAutoStart, ...rest } = change;
    if (Object.keys(rest).length) finish('setting the description', () => this.manager.change(definition.name, rest));
    const unsupported = [
      ...this.optional(definition.name, 'the delayed start', delayedAutoStart === undefined ? null : { delayedAutoStart }, finish),
      ...this.optional(definition.name, 'the preshutdown time', preshutdownTimeoutMs === undefined ? null : { preshutdownTimeoutMs }, finish),
      ...this.optional(definition.name, 'the failure flag', recoveryOnNonCrashFailures === undefined ? null : { recoveryOnNonCrashFailures }, finish),
    ];
    finish(`writing ${parametersRegistryKey(definition.name)}`, () => this.registry.write(definition.name, parameters));
    const note = unsupported.length ? ` This system does not support ${orList(unsupported)} (error ${ERROR_INVALID_LEVEL}); Windows does.` : '';
    this.audit({ action: 'service.install', target, after, outcome: 'ok', message: `Installed as a hosted service.${note}` });
    this.changed();
    return { name: definition.name };
  }

  async edit(name: string, definition: HostedDefinitionValue, desktop: DesktopPort): Promise<{ changed: string[] }> {
    const canonical = this.requireRow(name);
    const { plan, change, parameters } = this.plan({ kind: 'edit', name: canonical, definition });
    this.refuseProblems(plan);
    if (plan.changes.length === 0) return { changed: [] };
    const confirmed = await desktop.confirm(editPrompt(canonical, plan));
    if (!confirmed) throw new AppError('CANCELLED', `Changing '${canonical}' was cancelled; nothing was changed.`);
    const before = auditedChanges(plan, 'before');
    const after = auditedChanges(plan, 'after');
    const target = { service: canonical };
    let unsupported: string[] = [];
    try {
      if (change.logon) this.prepareLogFolder(canonical, definition.account);
      const { preshutdownTimeoutMs, recoveryOnNonCrashFailures, delayedAutoStart, ...rest } = change;
      if (Object.keys(rest).length) this.manager.change(canonical, rest);
      const run = (_step: string, apply: () => void) => apply();
      unsupported = [
        ...this.optional(canonical, 'the delayed start', delayedAutoStart === undefined ? null : { delayedAutoStart }, run),
        ...this.optional(canonical, 'the preshutdown time', preshutdownTimeoutMs === undefined ? null : { preshutdownTimeoutMs }, run),
        ...this.optional(canonical, 'the failure flag', recoveryOnNonCrashFailures === undefined ? null : { recoveryOnNonCrashFailures }, run),
      ];
      if (parameters) this.registry.write(canonical, parameters);
    } catch (err) {
      const error = serviceError(canonical, err);
      this.audit({ action: 'service.edit', target, before, after, ...outcomeOf(error) });
      this.collector.refreshConfig(canonical, { quiet: true });
      this.changed();
      throw error;
    }
    const note = unsupported.length ? ` This system does not support ${orList(unsupported)} (error ${ERROR_INVALID_LEVEL}); Windows does.` : '';
    this.audit({ action: 'service.edit', target, before, after, outcome: 'ok', message: `Changed ${plan.changes.map((c) => c.label).join(', ')}.${note}` });
    this.collector.refreshConfig(canonical, { quiet: true });
    this.changed();
    return { changed: plan.changes.map((c) => c.field) };
  }

  /**
   * A ChangeServiceConfig2W level Windows has had since Vista but Wine 8 answers with ERROR_INVALID_LEVEL:
   * skipped there and named (returned), any other failure is the install's failure.
   */
  private optional(name: string, label: string, change: ServiceConfigChange | null, finish: (step: string, run: () => void) => void): string[] {
    if (change === null) return [];
    let skipped = false;
    finish(`setting ${label}`, () => {
      try {
        this.manager.change(name, change);
      } catch (err) {
        if (err instanceof AppError && err.win32Code === ERROR_INVALID_LEVEL) skipped = true;
        else throw err;
      }
    });
    return skipped ? [label] : [];
  }

  /** The log folder, writable by the account the host will run as (and by SYSTEM and Administrators only). */
  private prepareLogFolder(name: string, account: HostedAccountValue): void {
    const sid = accountSddlSid(name, account, (accountName) => this.folders.lookupAccountSid(accountName));
    this.folders.prepareLogFolder(this.places.logFolder(name), logFolderSddl(sid));
  }

  private current(name: string): HostedCurrent {
    return { config: this.readConfig(name), parameters: this.readParameters(name) };
  }

  private refuseProblems(plan: HostedPlanValue): void {
    if (plan.problems.length) throw new AppError('BAD_REQUEST', plan.problems.map((p) => `${p.field}: ${p.message}`).join(' '));
  }

  private requireRow(name: string): string {
    const row = this.collector.find(name);
    if (!row) throw new AppError('NOT_FOUND', `There is no service named '${name}'.`);
    return row.name;
  }

  private readConfig(name: string) {
    try {
      return this.manager.config(name);
    } catch (err) {
      throw serviceError(name, err);
    }
  }

  private readParameters(name: string): RegistryValue[] | null {
    try {
      return this.registry.read(name);
    } catch (err) {
      throw serviceError(name, err);
    }
  }
}
