import path from 'node:path';
import type { Handlers } from '../ipc/dispatch';
import type { EmitEvent } from './events';
import { RefreshClock } from './live/refresh-clock';
import type { Logger } from './logger';
import { PerformanceMonitor } from './performance/performance-monitor';
import { SettingsStore } from './settings/settings-store';
import type { SystemProbe } from './system/system-probe';
import { ProcessActions } from './processes/process-actions';
import { ProcessCollector } from './processes/process-collector';
import type { ProcessControl, ProcessSource } from './processes/process-source';
import { createFileLogger } from './file-logger';
import { ServiceAdmin, type Audit } from './services/service-admin';
import { ServiceCollector } from './services/service-collector';
import { ServiceControl } from './services/service-control';
import type { ServiceManager } from './services/service-manager';
import { JobDefinitionStore } from './jobs/job-definitions';
import { JobManager } from './jobs/job-manager';
import type { JobSystem } from './jobs/job-system';
import { JobTemplateStore } from './jobs/job-templates';
import { JobTimeline } from './jobs/job-timeline';
import { RunHistoryStore } from './jobs/run-history';
import { RunManager } from './jobs/run-manager';

export interface ConsoleCoreOptions {
  /** The admin-only folder for settings and logs (created and locked down by the caller). */
  dataFolder: string;
  system: SystemProbe;
  processes: { source: ProcessSource; control: ProcessControl };
  services: ServiceManager;
  jobs: JobSystem;
  /** This console's own process IDs: critical, like csrss or lsass, because killing them kills the console. */
  consolePids: ReadonlySet<number>;
  logger: Logger;
  emit: EmitEvent;
}

export interface ConsoleCore {
  handlers: Handlers;
  /** Takes the first sample at once, then ticks at the configured interval. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The admin core, knowing nothing of Electron: settings, the refresh clock and the domains hung on it.
 * Electron's main and the headless host both wire its handlers to a transport and its events to a sink.
 */
export async function createConsoleCore({ dataFolder, system, processes, services, jobs, consolePids, logger, emit }: ConsoleCoreOptions): Promise<ConsoleCore> {
  const settings = await SettingsStore.open(path.join(dataFolder, 'settings.json'), logger);
  const initial = settings.get();
  const clock = new RefreshClock(initial.refresh.intervalMs, initial.refresh.paused, (err) =>
    logger.error('refresh tick failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
  const performance = new PerformanceMonitor(system, (err) =>
    logger.warn('per-core CPU figures unavailable; showing the total only', { error: String(err) }),
  );
  const identity = system.getSystemIdentity();
  const processTable = new ProcessCollector(processes.source, identity.logicalProcessors, consolePids, undefined, { underWine: identity.wineVersion !== null });
  const processActions = new ProcessActions(processTable, processes.control, processes.source, consolePids);
  clock.onTick((now) => emit('performance:changed', performance.sample(now)));
  clock.onTick((now) => emit('processes:changed', processTable.tick(now)));

  // Services change rarely and polling the SCM costs services.exe CPU: a slower clock of their own, paused
  // with the rest.
  const serviceTable = new ServiceCollector(services);
  const serviceClock = new RefreshClock(serviceTable.pollIntervalMs, initial.refresh.paused, (err) =>
    logger.error('services poll failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
  // Configurations of newly seen services are read in short slices, each its own task, so the first poll
  // of a machine's few hundred services never holds the main thread for long.
  let filling: ReturnType<typeof setTimeout> | undefined;
  const fillConfigs = () => {
    filling = undefined;
    try {
      const delta = serviceTable.readUnread(Date.now());
      if (delta) emit('services:changed', delta);
    } catch (err) {
      logger.error('reading service configurations failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
    if (serviceTable.configsPending()) filling = setTimeout(fillConfigs, 0);
  };
  const pollServices = (now: number) => {
    const delta = serviceTable.poll(now);
    if (delta) emit('services:changed', delta);
    if (serviceTable.configsPending() && filling === undefined) filling = setTimeout(fillConfigs, 0);
  };
  serviceClock.onTick(pollServices);
  // Never holds a password: plans and records carry account names only.
  const auditLog = createFileLogger(dataFolder, 'audit.log');
  const audit: Audit = (record) => {
    auditLog.info(`service ${record.action}`, { service: record.service, before: record.before, after: record.after, ok: record.ok, result: record.text });
    serviceTable.recordAdmin(Date.now(), record.service, `${record.action}: ${record.text}`, record.ok);
  };
  const servicesChanged = () => {
    try {
      pollServices(Date.now());
    } catch (err) {
      logger.error('services poll failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  };
  const serviceControl = new ServiceControl(services, serviceTable, {
    progress: (progress) => emit('services:progress', progress),
    changed: servicesChanged,
    audit: (action, service, result) => audit({ action, service, ...result }),
  });
  const serviceAdmin = new ServiceAdmin(services, serviceTable, serviceControl, audit, servicesChanged);

  // Jobs: definitions and templates in the admin-only folder, members and accounting on the refresh clock.
  const jobAudit = (record: { action: string; job?: string; run?: string; detail?: unknown; ok: boolean; text: string }) =>
    auditLog.info(`${record.run ? 'run' : 'job'} ${record.action}`, { job: record.job, run: record.run, detail: record.detail, ok: record.ok, result: record.text });
  const templates = await JobTemplateStore.open(path.join(dataFolder, 'job-templates.json'), logger, identity.logicalProcessors);
  const definitions = await JobDefinitionStore.open(path.join(dataFolder, 'jobs.json'), logger);
  const jobManager = new JobManager(jobs, processTable, definitions, templates, new JobTimeline(), (r) => jobAudit(r), {
    windowsBuild: identity.windowsVersion.build,
    underWine: identity.wineVersion !== null,
    logicalProcessors: identity.logicalProcessors,
  });
  await jobManager.restore();
  const runs = new RunManager(jobs, templates, await RunHistoryStore.open(path.join(dataFolder, 'runs'), logger), emit, (r) => jobAudit(r), {
    logicalProcessors: identity.logicalProcessors,
  });
  clock.onTick((now) => {
    const changed = jobManager.tick(now);
    if (changed) emit('jobs:changed', changed);
  });

  const handlers: Handlers = {
    'system:getInfo': () => ({ ...identity, dataFolder }),
    'performance:getHistory': () => ({ intervalMs: settings.get().refresh.intervalMs, samples: performance.samples() }),
    'settings:get': () => settings.get(),
    'settings:setRefresh': async (request) => {
      const next = await settings.update((draft) => ({
        ...draft,
        refresh: {
          intervalMs: request.intervalMs ?? draft.refresh.intervalMs,
          paused: request.paused ?? draft.refresh.paused,
        },
      }));
      clock.configure(next.refresh.intervalMs, next.refresh.paused);
      serviceClock.configure(serviceTable.pollIntervalMs, next.refresh.paused);
      emit('settings:changed', next);
      return next;
    },
    'settings:setProcessView': async (request) => {
      const next = await settings.update((draft) => ({
        ...draft,
        processes: { columns: request.columns ?? draft.processes.columns, view: request.view ?? draft.processes.view },
      }));
      emit('settings:changed', next);
      return next;
    },
    'processes:getSnapshot': () => processTable.snapshot(),
    'processes:getModules': ({ target }) => ({
      modules: processes.source.modules(target.pid, BigInt(target.createTime)).map((m) => ({
        name: m.name,
        path: m.path,
        baseAddress: `0x${m.baseAddress.toString(16)}`,
        sizeBytes: m.sizeBytes,
      })),
    }),
    'processes:terminate': (request, { desktop }) => processActions.run(request, { verb: 'terminate' }, desktop),
    'processes:terminateTree': (request, { desktop }) => processActions.run(request, { verb: 'terminateTree' }, desktop),
    'processes:suspend': (request, { desktop }) => processActions.run(request, { verb: 'suspend' }, desktop),
    'processes:resume': (request, { desktop }) => processActions.run(request, { verb: 'resume' }, desktop),
    'processes:setPriority': (request, { desktop }) => processActions.run(request, { verb: 'setPriority', priorityClass: request.priorityClass }, desktop),
    'processes:setAffinity': (request, { desktop }) => processActions.run(request, { verb: 'setAffinity', processors: request.processors }, desktop),
    'desktop:copyText': async ({ text }, { desktop }) => {
      await desktop.copyText(text);
      return {};
    },
    'desktop:saveCsv': async ({ suggestedName, content }, { desktop }) => ({ savedTo: await desktop.saveText(suggestedName, content) }),
    'services:getSnapshot': () => serviceTable.snapshot(),
    'services:start': ({ names, arguments: args }, { desktop }) => serviceControl.run('start', names, desktop, args ?? []),
    'services:stop': ({ names }, { desktop }) => serviceControl.run('stop', names, desktop),
    'services:pause': ({ names }, { desktop }) => serviceControl.run('pause', names, desktop),
    'services:continue': ({ names }, { desktop }) => serviceControl.run('continue', names, desktop),
    'services:restart': ({ names }, { desktop }) => serviceControl.run('restart', names, desktop),
    'services:getDefinition': ({ name }) => serviceAdmin.definition(name),
    'services:plan': (request) => serviceAdmin.plan(request).plan,
    'services:install': ({ definition }, { desktop }) => serviceAdmin.install(definition, desktop),
    'services:edit': ({ name, definition }, { desktop }) => serviceAdmin.edit(name, definition, desktop),
    'services:uninstall': ({ name }, { desktop }) => serviceAdmin.uninstall(name, desktop),
    'services:fixUnquotedPath': ({ name }, { desktop }) => serviceAdmin.fixUnquotedPath(name, desktop),
    'jobs:getSnapshot': () => jobManager.snapshot(),
    'jobs:create': ({ name, template, limits }) => jobManager.create(name, template, limits),
    'jobs:open': ({ name }) => jobManager.open(name),
    'jobs:launch': ({ job, commandLine, workingDirectory }, { desktop }) => jobManager.launch(job, commandLine, workingDirectory, desktop),
    'jobs:addProcess': ({ job, target }, { desktop }) => jobManager.addProcess(job, target, desktop),
    'jobs:setLimits': ({ job, limits }, { desktop }) => jobManager.setLimits(job, limits, desktop),
    'jobs:terminate': ({ job }, { desktop }) => jobManager.terminate(job, desktop),
    'jobs:close': ({ job }, { desktop }) => jobManager.close(job, desktop),
    'jobs:saveTemplate': async ({ template }) => {
      await templates.save(template);
      return { templates: templates.list() };
    },
    'jobs:deleteTemplate': async ({ name }) => {
      await templates.remove(name);
      return { templates: templates.list() };
    },
    'run:start': (request, { desktop }) => runs.start(request, desktop),
    'run:cancel': ({ id }) => runs.cancel(id),
    'run:getHistory': () => runs.history(),
    'run:getOutput': ({ id }) => runs.output(id),
  };

  return {
    handlers,
    async start() {
      clock.start();
      serviceClock.start();
      await clock.tickNow();
      await serviceClock.tickNow();
    },
    stop: async () => {
      await clock.stop();
      await serviceClock.stop();
      clearTimeout(filling);
      filling = undefined;
      await runs.stopAll();
      jobManager.closeAll();
      await jobs.stopWatching();
    },
  };
}
