import type { ServiceChangeRequestValue, ServiceDefinitionValue, ServicePlanValue } from '../../../src-preload/contract/service-schemas';
import { AppError } from '../app-error';
import { outcomeOf, type Audit } from '../audit/audit-record';
import type { ConfirmPrompt, DesktopPort } from '../desktop/desktop-port';
import { safePrompt } from '../desktop/prompt-guard';
import { argumentLines, promptTooLong, promptValue } from '../dialog-text';
import { batchFileNote } from '../jobs/program-path';
import { quotedPathFix, splitBinaryPath } from './binary-path';
import { scConfigCommand, scDeleteCommand } from './sc-command';
import type { ServiceCollector } from './service-collector';
import type { ServiceControl } from './service-control';
import { serviceError } from './service-errors';
import type { RecoveryPolicy, ServiceConfigChange, ServiceManager } from './service-manager';
import { definitionFrom, planChange, type InstallSteps, type InstalledServices, type Planned } from './service-plan';


/** DeleteService on a service already marked for deletion. */
const ERROR_SERVICE_MARKED_FOR_DELETE = 1072;

/**
 * Every change, each value whole (a confirmation never cuts: see guardedDesktop for what is too long to show).
 * The command line is also split into its program and a numbered list of its arguments, so a tail padded out
 * of sight ("... --plugin C:\\Users\\Public\\evil.dll") is a line of its own.
 */
function changesText(plan: ServicePlanValue): string {
  return plan.changes
    .map((c) => {
      const line = c.before === '' && c.after !== '' ? `• ${c.label}: ${promptValue(c.after)}` : `• ${c.label}: ${promptValue(c.before) || '(empty)'} -> ${promptValue(c.after) || '(empty)'}`;
      if (c.field !== 'binaryPath') return line;
      const { program, arguments: args } = splitBinaryPath(c.after);
      return `${line}\n    Program: ${promptValue(program)}${batchFileNote(program) ? `\n    ${batchFileNote(program)}` : ''}\n    Arguments:\n${argumentLines(args, '      ')}`;
    })
    .join('\n');
}
/** The recovery program, named at the top: it runs as the service's account whenever the service fails. */
const failureProgram = (recovery: RecoveryPolicy | undefined) =>
  recovery?.actions.some((a) => a.type === 'runCommand') ? `\nOn failure it runs: ${promptValue(recovery.command)}` : '';

/** The install confirmation, built by the same code whether it is only checked (plan) or shown (install). */
function installPrompt(definition: ServiceDefinitionValue, plan: ServicePlanValue, install: InstallSteps): ConfirmPrompt {
  return {
    title: 'Install service',
    message: `Install the service '${promptValue(definition.name)}'? Its program runs as ${promptValue(install.create.account ?? 'LocalSystem')}.`,
    detail: `${changesText(plan)}${failureProgram(install.after.recovery)}`,
    confirmLabel: 'Install',
    destructive: false,
  };
}

/** The edit confirmation: only what changes, each value whole. */
function editPrompt(name: string, plan: ServicePlanValue, change: ServiceConfigChange): ConfirmPrompt {
  return {
    title: 'Change service',
    message: `Change ${plan.changes.length === 1 ? 'one setting' : `${plan.changes.length} settings`} of '${promptValue(name)}'?`,
    detail: `${changesText(plan)}${failureProgram(change.recovery)}`,
    confirmLabel: 'Apply',
    destructive: false,
  };
}

/**
 * Installs, edits, uninstalls and fixes services for the admin. Every change is planned by the same code
 * that shows the preview, confirmed in the main process's own dialog (a service's command line runs as
 * whatever account it names, so the renderer alone must never be able to register one), applied, audited,
 * and re-read so the table shows what the SCM now holds.
 */
export class ServiceAdmin {
  constructor(
    private readonly manager: ServiceManager,
    private readonly collector: ServiceCollector,
    private readonly control: ServiceControl,
    private readonly audit: Audit,
    private readonly changed: () => void,
    /** For a service run by the console's host: what else the uninstall removes and keeps, and the cleanup after it. */
    private readonly hosted: { notes(name: string): string[]; uninstalled(): void } | null = null,
  ) {}

  readonly installed: InstalledServices = {
    list: () => this.collector.rows(),
    dependenciesOf: (name) => {
      const row = this.collector.find(name);
      // Not reported (Wine): the cycle check then sees none, as the SCM itself does.
      return row ? (row.dependencies ?? []) : undefined;
    },
  };

  definition(name: string): ServiceDefinitionValue {
    return definitionFrom(this.requireRow(name), this.readConfig(name));
  }

  /** The plan the preview shows, with a problem added when its confirmation would be too long to show whole. */
  plan(request: ServiceChangeRequestValue): Planned {
    const planned = planChange(request, this.installed, (name) => this.readConfig(this.requireRow(name)));
    const prompt =
      request.kind === 'install' && planned.install
        ? installPrompt(request.definition, planned.plan, planned.install)
        : request.kind === 'edit' && planned.change && planned.plan.changes.length
          ? editPrompt(request.name, planned.plan, planned.change)
          : null;
    const tooLong = prompt && promptTooLong(safePrompt(prompt));
    if (tooLong) planned.plan.problems.push({ field: 'confirmation', message: `The confirmation cannot show all of this change (${tooLong}); shorten the longest values.` });
    return planned;
  }

  async install(definition: ServiceDefinitionValue, desktop: DesktopPort): Promise<{ name: string }> {
    const { plan, install } = this.plan({ kind: 'install', definition });
    this.refuseProblems(plan);
    if (!install) throw new AppError('INTERNAL', 'install plan has no steps');
    const confirmed = await desktop.confirm(installPrompt(definition, plan, install));
    if (!confirmed) throw new AppError('CANCELLED', `Installing '${definition.name}' was cancelled; nothing was changed.`);
    const after = Object.fromEntries(plan.changes.map((c) => [c.field, c.after]));
    try {
      this.manager.create(install.create);
    } catch (err) {
      const error = serviceError(definition.name, err);
      this.audit({ action: 'service.install', target: { service: definition.name }, after, ...outcomeOf(error) });
      throw error;
    }
    try {
      if (Object.keys(install.after).length) this.manager.change(definition.name, install.after);
    } catch (err) {
      const error = serviceError(definition.name, err);
      const text = `Installed, but its description, delayed start or recovery could not be set: ${(error as Error).message}`;
      this.audit({ action: 'service.install', target: { service: definition.name }, after, ...outcomeOf(error), message: text });
      this.changed();
      throw new AppError((error as AppError).code ?? 'WIN32', text, (error as AppError).win32Code);
    }
    this.audit({ action: 'service.install', target: { service: definition.name }, after, outcome: 'ok', message: 'Installed.' });
    this.changed();
    return { name: definition.name };
  }

  async edit(name: string, definition: ServiceDefinitionValue, desktop: DesktopPort): Promise<{ changed: string[] }> {
    const { plan, change } = this.plan({ kind: 'edit', name, definition });
    this.refuseProblems(plan);
    if (!change || plan.changes.length === 0) return { changed: [] };
    const confirmed = await desktop.confirm(editPrompt(name, plan, change));
    if (!confirmed) throw new AppError('CANCELLED', `Changing '${name}' was cancelled; nothing was changed.`);
    const before = Object.fromEntries(plan.changes.map((c) => [c.field, c.before]));
    const after = Object.fromEntries(plan.changes.map((c) => [c.field, c.after]));
    try {
      this.manager.change(name, change);
    } catch (err) {
      const error = serviceError(name, err);
      this.audit({ action: 'service.edit', target: { service: name }, before, after, ...outcomeOf(error) });
      this.collector.refreshConfig(name, { quiet: true });
      this.changed();
      throw error;
    }
    this.audit({ action: 'service.edit', target: { service: name }, before, after, outcome: 'ok', message: `Changed ${plan.changes.map((c) => c.label.toLowerCase()).join(', ')}.` });
    this.collector.refreshConfig(name, { quiet: true });
    this.changed();
    return { changed: plan.changes.map((c) => c.field) };
  }

  /** Stops it (and, having asked once, its running dependents), then deletes it. */
  async uninstall(name: string, desktop: DesktopPort): Promise<{ deleted: boolean; markedForDelete: boolean }> {
    const row = this.collector.find(name);
    if (!row) throw new AppError('NOT_FOUND', `There is no service named '${name}'.`);
    const running = row.state !== 'stopped';
    const dependents = running ? this.control.runningDependents(row.name) : [];
    const confirmed = await desktop.confirm({
      title: 'Uninstall service',
      message: `Uninstall '${promptValue(row.displayName || row.name)}' (${promptValue(row.name)})?`,
      detail: [
        running ? `It is ${row.state} and will be stopped first.` : 'It is stopped.',
        dependents.length ? `These running services depend on it and will be stopped first, in this order: ${dependents.map(promptValue).join(', ')}.` : '',
        `Command line: ${promptValue(row.binaryPath ?? '(unknown)')}`,
        `Equivalent command: ${promptValue(scDeleteCommand(row.name))}`,
        'The program files are not deleted.',
        ...(row.hosted && this.hosted ? this.hosted.notes(row.name).map(promptValue) : []),
      ]
        .filter(Boolean)
        .join('\n'),
      confirmLabel: 'Uninstall',
      destructive: true,
    });
    if (!confirmed) throw new AppError('CANCELLED', `Uninstalling '${row.name}' was cancelled; nothing was changed.`);
    const before = { state: row.state, binaryPath: row.binaryPath, startType: row.startType, account: row.account };
    const fail = (error: unknown): never => {
      this.audit({ action: 'service.uninstall', target: { service: row.name }, before, ...outcomeOf(error) });
      this.changed();
      throw error;
    };
    if (running) {
      let chain: Awaited<ReturnType<ServiceControl['stopChain']>>;
      try {
        chain = await this.control.stopChain(row.name, dependents, 'stop');
      } catch (err) {
        return fail(serviceError(row.name, err));
      }
      const failure = chain.results.find((r) => !r.ok);
      if (failure?.error) return fail(new AppError('CONFLICT', `Not uninstalled: ${failure.error.message}`, failure.error.win32Code));
    }
    let alreadyMarked = false;
    try {
      this.manager.remove(row.name);
    } catch (err) {
      // Already marked for deletion (by an earlier uninstall while something held it open): that is the outcome asked for.
      if (err instanceof AppError && err.win32Code === ERROR_SERVICE_MARKED_FOR_DELETE) alreadyMarked = true;
      else return fail(serviceError(row.name, err));
    }
    // DeleteService only marks it: the SCM removes it once every handle (ours are closed) is closed.
    const stillListed = alreadyMarked || this.manager.enumerate().some((s) => s.name.toLowerCase() === row.name.toLowerCase());
    const text = stillListed ? 'Marked for deletion; it goes once every program holding it open closes it, or at restart.' : 'Deleted.';
    this.audit({ action: 'service.uninstall', target: { service: row.name }, before, outcome: 'ok', message: text });
    this.changed();
    if (row.hosted) this.hosted?.uninstalled();
    return { deleted: !stillListed, markedForDelete: stillListed };
  }

  /** CWE-428: quotes the program part of an unquoted command line with spaces. */
  async fixUnquotedPath(name: string, desktop: DesktopPort): Promise<{ before: string; after: string }> {
    const canonical = this.requireRow(name);
    const before = this.readConfig(canonical).binaryPath;
    const after = quotedPathFix(before);
    if (after === null) throw new AppError('BAD_REQUEST', `The command line of '${canonical}' is not an unquoted path with spaces whose program end is clear; edit it instead.`);
    const command = scConfigCommand(canonical, { binaryPath: after }) ?? '';
    const confirmed = await desktop.confirm({
      title: 'Quote the service path',
      message: `Quote the program path of '${promptValue(canonical)}'?`,
      detail: `Windows reads an unquoted path with spaces by trying each space as the end of the program (CWE-428), so a program planted at the first candidate would run instead, as this service's account.\n\nBefore: ${promptValue(before)}\nAfter:  ${promptValue(after)}\n\nEquivalent command:\n${promptValue(command)}\n\nThe change applies the next time the service starts.`,
      confirmLabel: 'Quote the path',
      destructive: false,
    });
    if (!confirmed) throw new AppError('CANCELLED', `Quoting the path of '${canonical}' was cancelled; nothing was changed.`);
    try {
      this.manager.change(canonical, { binaryPath: after });
    } catch (err) {
      const error = serviceError(canonical, err);
      this.audit({ action: 'service.fixUnquotedPath', target: { service: canonical }, before, after, ...outcomeOf(error) });
      throw error;
    }
    this.audit({ action: 'service.fixUnquotedPath', target: { service: canonical }, before, after, outcome: 'ok', message: 'Quoted the program path (CWE-428).' });
    this.collector.refreshConfig(canonical, { quiet: true });
    this.changed();
    return { before, after };
  }

  private refuseProblems(plan: ServicePlanValue): void {
    if (plan.problems.length) throw new AppError('BAD_REQUEST', plan.problems.map((p) => `${p.field}: ${p.message}`).join(' '));
  }

  /** The service's name as the SCM spells it. */
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
}
