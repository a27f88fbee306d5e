import path from 'node:path';
import type { Handlers } from '../ipc/dispatch';
import type { EmitEvent } from './events';
import { RefreshClock } from './live/refresh-clock';
import type { Logger } from './logger';
import { PerformanceMonitor } from './performance/performance-monitor';
import { PerformancePush } from './performance/performance-push';
import { SettingsStore } from './settings/settings-store';
import { applyTableLayout } from './settings/table-layout';
import type { SystemProbe } from './system/system-probe';
import { ProcessActions } from './processes/process-actions';
import { ProcessChartHistory } from './processes/process-chart-history';
import { hasUnknownConsoleChild, ProcessCollector } from './processes/process-collector';
import type { ProcessControl, ProcessSource } from './processes/process-source';
import type { ActionResultsValue } from '../../src-preload/contract/schemas';
import type { Audit } from './audit/audit-record';
import { openAuditTrail, type AuditPorts } from './audit/open-audit-trail';
import { processActionRecords, processRequestRecords } from './audit/process-records';
import type { ProcessActionRequest, ProcessVerb } from './processes/process-actions';
import type { DesktopPort } from './desktop/desktop-port';
import type { HostBinaryStore } from './hosted/host-binary';
import type { HostedFolders, HostedRegistry } from './hosted/hosted-admin';
import { HostedAccounting } from './hosted/hosted-accounting';
import { HostedServices } from './hosted/hosted-services';
import { ServiceAdmin } from './services/service-admin';
import { ServiceCollector } from './services/service-collector';
import { ServiceControl } from './services/service-control';
import type { ServiceManager } from './services/service-manager';
import { AccountingReader } from './jobs/accounting-unreported';
import { JobChartHistory } from './jobs/job-chart-history';
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
  /**
   * This console's own process IDs: critical, like csrss or lsass, because killing them kills the console.
   * Read live: its owner keeps it current (Electron's helpers come and go; shell/console-processes.ts).
   */
  consolePids: ReadonlySet<number>;
  /**
   * Called when a new child of one of `consolePids` appears that is not in it: a helper Electron has just
   * started, or a program the admin ran. The owner looks at its list again (Electron knows a helper's PID a
   * moment after it starts); the table then marks the row on a later tick.
   */
  recheckConsolePids?: () => void;
  /** The account and the event log for the audit trail (src-main/win32/audit-ports.ts). */
  audit: AuditPorts;
  logger: Logger;
  emit: EmitEvent;
  /**
   * Hosted services: the `Parameters` key, the host's versioned copies (null when this build has no host) and
   * `<ProgramData>\Admin Console\services`, the log folders' root.
   */
  hosted: { registry: HostedRegistry; folders: HostedFolders; hostBinary: HostBinaryStore | null; logRoot: string };
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
export async function createConsoleCore({ dataFolder, system, processes, services, jobs, consolePids, recheckConsolePids, audit: auditPorts, logger, emit, hosted: hostedPorts }: ConsoleCoreOptions): Promise<ConsoleCore> {
  const settings = await SettingsStore.open(path.join(dataFolder, 'settings.json'), logger);
  const initial = settings.get();
  const clock = new RefreshClock(initial.refresh.intervalMs, initial.refresh.paused, (err) =>
    logger.error('refresh tick failed', { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
  const identity = system.getSystemIdentity();
  const performance = new PerformanceMonitor(
    system,
    (err) => logger.warn('per-core CPU figures unavailable; showing the total only', { error: String(err) }),
    { underWine: identity.wineVersion !== null },
  );
  const processTable = new ProcessCollector(processes.source, identity.logicalProcessors, consolePids, undefined, { underWine: identity.wineVersion !== null });
  const processActions = new ProcessActions(processTable, processes.control, processes.source, consolePids);
  // Every admin action, whatever its domain, is recorded through trail.record (the `audit(...)` seam).
  const trail = openAuditTrail(dataFolder, auditPorts, logger);
  const runProcessAction = async (request: ProcessActionRequest, verb: ProcessVerb, desktop: DesktopPort): Promise<ActionResultsValue> => {
    let value: ActionResultsValue;
    try {
      value = await processActions.run(request, verb, desktop);
    } catch (err) {
      const nameOf = (t: { pid: number; createTime: string }) => processTable.find(t.pid, t.createTime)?.name;
      for (const record of processRequestRecords(verb, request.targets, nameOf, err)) trail.record(record);
      throw err;
    }
    for (const record of processActionRecords(verb, value.results)) trail.record(record);
    return value;
  };
  // Processes first: the Performance sample takes its process, thread and handle totals from this tick's snapshot.
  // The charts of the processes whose details were opened keep their past here (a few, bounded).
  const processCharts = new ProcessChartHistory();
  clock.onTick((now) => {
    const delta = processTable.tick(now);
    emit('processes:changed', delta);
    if (recheckConsolePids && hasUnknownConsoleChild(delta.added, consolePids)) recheckConsolePids();
    processCharts.add((pid, createTime) => processTable.find(pid, createTime), now);
  });
  // History keeps whole samples; the push leaves out reasons that have not changed since the last one.
  const performancePush = new PerformancePush();
  clock.onTick((now) => emit('performance:changed', performancePush.next(performance.sample(now, processTable.totals()))));

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
    // A deleted hosted service takes its kept chart history (and the status connection feeding it) with it.
    if (delta) hosted.dropDeleted();
  };
  serviceClock.onTick(pollServices);
  // Never holds a password: plans and records carry account names only. Service records also feed the
  // "Recent changes" timeline.
  const audit: Audit = (record) => {
    trail.record(record);
    if (record.target.service !== undefined) {
      serviceTable.recordAdmin(Date.now(), record.target.service, `${record.action.slice('service.'.length)}: ${record.message ?? record.outcome}`, record.outcome === 'ok');
    }
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
    audit,
  });
  // Hosted job figures are judged against the process table's latest tick (the members by PID), never a snapshot of their own.
  const hostedAccounting = new HostedAccounting(new AccountingReader({ underWine: identity.wineVersion !== null }), processTable);
  const hosted = new HostedServices({
    manager: services,
    collector: serviceTable,
    ...hostedPorts,
    accounting: hostedAccounting,
    audit,
    emit,
    changed: servicesChanged,
    logicalProcessors: identity.logicalProcessors,
  });
  const serviceAdmin = new ServiceAdmin(services, serviceTable, serviceControl, audit, servicesChanged, {
    notes: (name) => hosted.uninstallNotes(name),
    uninstalled: () => hosted.pruneHostCopies(),
  });

  // Jobs: definitions and templates in the admin-only folder, members and accounting on the refresh clock.
  const templates = await JobTemplateStore.open(path.join(dataFolder, 'job-templates.json'), logger, identity.logicalProcessors);
  const definitions = await JobDefinitionStore.open(path.join(dataFolder, 'jobs.json'), logger);
  const jobManager = new JobManager(jobs, processTable, definitions, templates, new JobTimeline(), trail.record, {
    windowsBuild: identity.windowsVersion.build,
    underWine: identity.wineVersion !== null,
    logicalProcessors: identity.logicalProcessors,
  });
  await jobManager.restore();
  const runs = new RunManager(jobs, templates, await RunHistoryStore.open(path.join(dataFolder, 'runs'), logger), emit, trail.record, {
    logicalProcessors: identity.logicalProcessors,
  });
  // The jobs' chart history lives here, fed the rows each tick already builds, so charts keep their past across tab switches.
  const jobCharts = new JobChartHistory();
  // The runs' jobs ride on jobs:changed: while a run goes, and once more (empty) after the last one ends.
  const runJobs = () =>
    runs.liveJobs().map((r) => ({
      runId: r.runId,
      commandLine: r.commandLine,
      members: r.pids.map((pid) => ({ pid, createTime: processTable.findByPid(pid)?.createTime ?? null })),
    }));
  let hadRunJobs = false;
  clock.onTick((now) => {
    const changed = jobManager.tick(now);
    jobCharts.add(changed?.jobs ?? [], now);
    const live = runJobs();
    const withRuns = live.length > 0 || hadRunJobs;
    hadRunJobs = live.length > 0;
    if (changed) emit('jobs:changed', withRuns ? { ...changed, runs: live } : changed);
    else if (withRuns) emit('jobs:changed', { time: now, jobs: [], events: [], runs: live });
  });

  const setRefresh = async (request: Parameters<Handlers['settings:setRefresh']>[0]) => {
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
  };
  const setProcessView = async (request: Parameters<Handlers['settings:setProcessView']>[0]) => {
    const next = await settings.update((draft) => ({
      ...draft,
      processes: { ...draft.processes, columns: request.columns ?? draft.processes.columns, view: request.view ?? draft.processes.view },
    }));
    emit('settings:changed', next);
    return next;
  };
  const setTableLayout = async (request: Parameters<Handlers['settings:setTableLayout']>[0]) => {
    const next = await settings.update((draft) => applyTableLayout(draft, request));
    emit('settings:changed', next);
    return next;
  };
  const setServiceView = async (request: Parameters<Handlers['settings:setServiceView']>[0]) => {
    const next = await settings.update((draft) => ({ ...draft, services: { ...draft.services, show: request.show } }));
    emit('settings:changed', next);
    return next;
  };
  const serviceTargets = (names: readonly string[]) => names.map((service) => ({ service }));

  const handlers: Handlers = {
    'system:getInfo': () => ({ ...identity, dataFolder, consolePids: [...consolePids] }),
    'performance:getHistory': () => ({ intervalMs: settings.get().refresh.intervalMs, samples: performance.samples() }),
    'settings:get': () => settings.get(),
    'settings:setRefresh': (request) => {
      const before = settings.get().refresh;
      return trail.request('settings.refresh', { setting: 'refresh' }, () => setRefresh(request), { before, after: (next) => next.refresh });
    },
    'settings:setProcessView': (request) => {
      const before = settings.get().processes;
      return trail.request('settings.processView', { setting: 'processes' }, () => setProcessView(request), { before, after: (next) => next.processes });
    },
    // Not audited: column widths and pane sizes are how the admin arranges the window, not changes to
    // the machine or to what the console watches (a drag would fill the event log with noise).
    'settings:setTableLayout': (request) => setTableLayout(request),
    'settings:setServiceView': (request) => {
      // Only the "Show" choice: the same settings object also holds column widths, which are not audited.
      const before = { show: settings.get().services.show };
      return trail.request('settings.serviceView', { setting: 'services' }, () => setServiceView(request), { before, after: (next) => ({ show: next.services.show }) });
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
    'processes:history': ({ target }) => ({
      samples: processCharts.watch(target, { time: processTable.snapshotTime(), row: processTable.find(target.pid, target.createTime) }),
    }),
    'processes:getPriorityClasses': ({ targets }) => ({
      classes: processes.source.priorityClasses(targets.map((t) => ({ pid: t.pid, createTime: BigInt(t.createTime) }))).map((reading, i) => {
        const { pid, createTime } = targets[i] as (typeof targets)[number];
        if (reading.ok) return { pid, createTime, priorityClass: reading.priorityClass };
        const { code, message, win32Code } = reading.error;
        return { pid, createTime, priorityClass: null, error: win32Code === undefined ? { code, message } : { code, message, win32Code } };
      }),
    }),
    'processes:terminate': (request, { desktop }) => runProcessAction(request, { verb: 'terminate' }, desktop),
    'processes:terminateTree': (request, { desktop }) => runProcessAction(request, { verb: 'terminateTree' }, desktop),
    'processes:suspend': (request, { desktop }) => runProcessAction(request, { verb: 'suspend' }, desktop),
    'processes:resume': (request, { desktop }) => runProcessAction(request, { verb: 'resume' }, desktop),
    'processes:setPriority': (request, { desktop }) => runProcessAction(request, { verb: 'setPriority', priorityClass: request.priorityClass }, desktop),
    'processes:setAffinity': (request, { desktop }) => runProcessAction(request, { verb: 'setAffinity', processors: request.processors }, desktop),
    'desktop:copyText': async ({ text }, { desktop }) => {
      await desktop.copyText(text);
      return {};
    },
    'desktop:saveCsv': async ({ suggestedName, content }, { desktop }) => ({ savedTo: await desktop.saveText(suggestedName, content) }),
    'services:getSnapshot': () => serviceTable.snapshot(),
    'services:start': ({ names, arguments: args }, { desktop }) => trail.request('service.start', serviceTargets(names), () => serviceControl.run('start', names, desktop, args ?? [])),
    'services:stop': ({ names }, { desktop }) => trail.request('service.stop', serviceTargets(names), () => serviceControl.run('stop', names, desktop)),
    'services:pause': ({ names }, { desktop }) => trail.request('service.pause', serviceTargets(names), () => serviceControl.run('pause', names, desktop)),
    'services:continue': ({ names }, { desktop }) => trail.request('service.continue', serviceTargets(names), () => serviceControl.run('continue', names, desktop)),
    'services:restart': ({ names }, { desktop }) => trail.request('service.restart', serviceTargets(names), () => serviceControl.run('restart', names, desktop)),
    'services:getDefinition': ({ name }) => serviceAdmin.definition(name),
    'services:plan': (request) => serviceAdmin.plan(request).plan,
    'services:install': ({ definition }, { desktop }) => trail.request('service.install', { service: definition.name }, () => serviceAdmin.install(definition, desktop)),
    'services:edit': ({ name, definition }, { desktop }) => trail.request('service.edit', { service: name }, () => serviceAdmin.edit(name, definition, desktop)),
    'services:uninstall': ({ name }, { desktop }) => trail.request('service.uninstall', { service: name }, () => serviceAdmin.uninstall(name, desktop)),
    'services:fixUnquotedPath': ({ name }, { desktop }) => trail.request('service.fixUnquotedPath', { service: name }, () => serviceAdmin.fixUnquotedPath(name, desktop)),
    'services:getHostedDefinition': ({ name }) => hosted.definition(name),
    'services:planHosted': (request) => hosted.plan(request),
    'services:installHosted': ({ definition }, { desktop }) => trail.request('service.install', { service: definition.name }, () => hosted.install(definition, desktop)),
    'services:editHosted': ({ name, definition }, { desktop }) => trail.request('service.edit', { service: name }, () => hosted.edit(name, definition, desktop)),
    'services:watchHosted': ({ name }) => {
      hosted.watch(name);
      return {};
    },
    'services:unwatchHosted': ({ name }) => {
      hosted.unwatch(name);
      return {};
    },
    'services:hostedHistory': ({ name }) => hosted.history(name),
    'services:getHostedLog': ({ name, maxBytes }) => hosted.logTail(name, maxBytes),
    'services:searchHostedLog': ({ name, text, maxMatches }) => hosted.searchLog(name, text, maxMatches),
    'services:restartProgram': ({ name }, { desktop }) => trail.request('service.restartProgram', { service: name }, () => hosted.restartProgram(name, desktop)),
    'services:openLogFolder': ({ name }, { desktop }) => hosted.openLogFolder(name, desktop),
    'jobs:getSnapshot': () => {
      const live = runJobs();
      const snapshot = jobManager.snapshot();
      return live.length > 0 ? { ...snapshot, runs: live } : snapshot;
    },
    'jobs:history': ({ job }) => ({ samples: jobCharts.samples(job) }),
    'jobs:create': ({ name, template, limits }) => trail.request('job.create', { job: name }, () => jobManager.create(name, template, limits), { asked: { template, limits } }),
    'jobs:open': ({ name }) => trail.request('job.open', { job: name }, () => jobManager.open(name)),
    'jobs:launch': ({ job, commandLine, workingDirectory }, { desktop }) =>
      trail.request('job.launch', { job }, () => jobManager.launch(job, commandLine, workingDirectory, desktop), { asked: { commandLine, workingDirectory } }),
    'jobs:addProcess': ({ job, target }, { desktop }) =>
      trail.request('job.addProcess', { job, pid: target.pid, createTime: target.createTime }, () => jobManager.addProcess(job, target, desktop)),
    'jobs:setLimits': ({ job, limits }, { desktop }) => trail.request('job.setLimits', { job }, () => jobManager.setLimits(job, limits, desktop), { asked: limits }),
    'jobs:terminate': ({ job }, { desktop }) => trail.request('job.terminate', { job }, () => jobManager.terminate(job, desktop)),
    'jobs:close': ({ job }, { desktop }) => trail.request('job.close', { job }, () => jobManager.close(job, desktop)),
    'jobs:saveTemplate': ({ template }) =>
      trail.request(
        'template.save',
        { template: template.name },
        async () => {
          await templates.save(template);
          return { templates: templates.list() };
        },
        { before: templates.get(template.name), after: () => template },
      ),
    'jobs:deleteTemplate': ({ name }) =>
      trail.request(
        'template.delete',
        { template: name },
        async () => {
          await templates.remove(name);
          return { templates: templates.list() };
        },
        { before: templates.get(name) },
      ),
    'run:start': (request, { desktop }) =>
      trail.request('run.start', {}, () => runs.start(request, desktop), { asked: { commandLine: request.commandLine, workingDirectory: request.workingDirectory, environmentNames: request.environment.map((e) => e.name) } }),
    'run:cancel': ({ id }) => trail.request('run.cancel', { run: id }, () => runs.cancel(id)),
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
      hosted.stop();
      await runs.stopAll();
      jobManager.closeAll();
      await jobs.stopWatching();
      trail.close();
    },
  };
}
