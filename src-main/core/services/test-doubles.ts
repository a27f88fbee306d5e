/**
 * A Service Control Manager for unit tests only: services held in memory, controls that pass through a
 * pending state on the next status query (or follow a script), and the SCM's error codes for misuse.
 */
import { AppError } from '../app-error';
import type { NewService, ServiceConfig, ServiceConfigChange, ServiceControl, ServiceManager, ServiceStatus } from './service-manager';

export function fakeStatus(name: string, overrides: Partial<ServiceStatus> = {}): ServiceStatus {
  return {
    name,
    displayName: `${name} display`,
    kind: 'ownProcess',
    typeBits: 0x10,
    state: 'stopped',
    controlsAccepted: 0,
    win32ExitCode: 0,
    serviceSpecificExitCode: 0,
    checkPoint: 0,
    waitHint: 0,
    pid: 0,
    runsInSystemProcess: false,
    ...overrides,
  };
}

export function fakeConfig(name: string, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    kind: 'ownProcess',
    typeBits: 0x10,
    startType: 'manual',
    errorControl: 'normal',
    binaryPath: `"C:\\Program Files\\${name}\\${name}.exe"`,
    loadOrderGroup: '',
    dependencies: [],
    account: 'LocalSystem',
    displayName: `${name} display`,
    description: '',
    delayedAutoStart: false,
    triggered: false,
    recovery: null,
    recoveryOnNonCrashFailures: false,
    unreadable: [],
    ...overrides,
    // As Windows keeps them: the registry holds what the SCM reports, unless a test says otherwise (Wine).
    registryDependencies: overrides.registryDependencies !== undefined ? overrides.registryDependencies : [...(overrides.dependencies ?? [])],
  };
}

const scmError = (api: string, code: number) => new AppError(code === 1060 ? 'NOT_FOUND' : 'WIN32', `${api} failed: SCM error (${code})`, code);

const RUNNING_ACCEPTS = 0x1 | 0x2;

export class FakeScm implements ServiceManager {
  readonly services = new Map<string, { status: ServiceStatus; config: ServiceConfig }>();
  /** Statuses that the next status() calls return for a service, one per call (the last one stays). */
  readonly scripts = new Map<string, Partial<ServiceStatus>[]>();
  readonly started: { name: string; args: readonly string[] }[] = [];
  readonly log: string[] = [];
  calls = 0;
  configReads = 0;
  /** What EnumDependentServicesW answers per service (lower-case key); none by default, as under Wine. */
  readonly scmDependents = new Map<string, string[]>();
  /** Controls are accepted but the service reports its pending state only later (through a script). */
  deferControls = false;
  /** Makes the next call of that method throw this Win32 code. */
  failNext: { method: keyof ServiceManager; code: number } | null = null;
  private nextPid = 4000;

  add(name: string, status: Partial<ServiceStatus> = {}, config: Partial<ServiceConfig> = {}): this {
    this.services.set(name.toLowerCase(), { status: fakeStatus(name, status), config: fakeConfig(name, config) });
    return this;
  }

  get(name: string) {
    const found = this.services.get(name.toLowerCase());
    if (!found) throw scmError('OpenServiceW', 1060);
    return found;
  }

  private check(method: keyof ServiceManager): void {
    this.calls += 1;
    if (this.failNext?.method === method) {
      const { code } = this.failNext;
      this.failNext = null;
      throw scmError(method, code);
    }
  }

  enumerate(): ServiceStatus[] {
    this.check('enumerate');
    return [...this.services.values()].map((s) => ({ ...s.status }));
  }

  status(name: string): ServiceStatus {
    this.check('status');
    const service = this.get(name);
    const script = this.scripts.get(name.toLowerCase());
    if (script?.length) {
      Object.assign(service.status, script.length > 1 ? script.shift() : script[0]);
    } else {
      this.settle(service.status);
    }
    return { ...service.status, displayName: '' };
  }

  /** Without a script a pending service reaches its goal at the next query. */
  private settle(status: ServiceStatus): void {
    switch (status.state) {
      case 'startPending':
      case 'continuePending':
        Object.assign(status, { state: 'running', checkPoint: 0, waitHint: 0, controlsAccepted: RUNNING_ACCEPTS });
        break;
      case 'stopPending':
        Object.assign(status, { state: 'stopped', checkPoint: 0, waitHint: 0, pid: 0, controlsAccepted: 0 });
        break;
      case 'pausePending':
        Object.assign(status, { state: 'paused', checkPoint: 0, waitHint: 0 });
        break;
      default:
        break;
    }
  }

  config(name: string): ServiceConfig {
    this.check('config');
    this.configReads += 1;
    const { config } = this.get(name);
    return structuredClone(config);
  }

  start(name: string, args: readonly string[]): void {
    this.check('start');
    const { status, config } = this.get(name);
    if (config.startType === 'disabled') throw scmError('StartServiceW', 1058);
    if (status.state !== 'stopped') throw scmError('StartServiceW', 1056);
    this.started.push({ name, args });
    this.log.push(`start ${name}`);
    Object.assign(status, { state: 'startPending', checkPoint: 1, waitHint: 2000, pid: this.nextPid++, win32ExitCode: 0, serviceSpecificExitCode: 0 });
  }

  runningDependents(name: string): string[] {
    this.check('runningDependents');
    this.get(name);
    return [...(this.scmDependents.get(name.toLowerCase()) ?? [])];
  }

  control(name: string, control: ServiceControl): ServiceStatus {
    this.check('control');
    const { status } = this.get(name);
    this.log.push(`${control} ${name}`);
    if (this.deferControls) return { ...status, displayName: '' };
    if (control === 'stop') {
      if (status.state === 'stopped') throw scmError('ControlService', 1062);
      Object.assign(status, { state: 'stopPending', checkPoint: 1, waitHint: 2000 });
    } else if (control === 'pause') {
      if (status.state !== 'running') throw scmError('ControlService', status.state === 'stopped' ? 1062 : 1052);
      Object.assign(status, { state: 'pausePending', checkPoint: 1, waitHint: 2000 });
    } else if (control === 'continue') {
      if (status.state !== 'paused') throw scmError('ControlService', status.state === 'stopped' ? 1062 : 1052);
      Object.assign(status, { state: 'continuePending', checkPoint: 1, waitHint: 2000 });
    }
    return { ...status, displayName: '' };
  }

  create(service: NewService): void {
    this.check('create');
    if (this.services.has(service.name.toLowerCase())) throw scmError('CreateServiceW', 1073);
    this.log.push(`create ${service.name} ${service.binaryPath} as ${service.account ?? 'LocalSystem'}`);
    this.add(
      service.name,
      { displayName: service.displayName },
      {
        displayName: service.displayName,
        binaryPath: service.binaryPath,
        startType: service.startType,
        errorControl: service.errorControl,
        dependencies: [...service.dependencies],
        registryDependencies: [...service.dependencies],
        account: service.account ?? 'LocalSystem',
      },
    );
  }

  change(name: string, change: ServiceConfigChange): void {
    this.check('change');
    const { config, status } = this.get(name);
    this.log.push(`change ${name} ${Object.keys(change).sort().join(',')}`);
    if (change.displayName !== undefined) {
      config.displayName = change.displayName;
      status.displayName = change.displayName;
    }
    if (change.binaryPath !== undefined) config.binaryPath = change.binaryPath;
    if (change.startType !== undefined) config.startType = change.startType;
    if (change.errorControl !== undefined) config.errorControl = change.errorControl;
    if (change.logon !== undefined) config.account = change.logon.account ?? 'LocalSystem';
    if (change.dependencies !== undefined) {
      config.dependencies = [...change.dependencies];
      config.registryDependencies = [...change.dependencies];
    }
    if (change.description !== undefined) config.description = change.description;
    if (change.delayedAutoStart !== undefined) config.delayedAutoStart = change.delayedAutoStart;
    if (change.recovery !== undefined) config.recovery = structuredClone(change.recovery);
    if (change.recoveryOnNonCrashFailures !== undefined) config.recoveryOnNonCrashFailures = change.recoveryOnNonCrashFailures;
  }

  remove(name: string): void {
    this.check('remove');
    this.get(name);
    this.log.push(`delete ${name}`);
    this.services.delete(name.toLowerCase());
  }

  callCount(): number {
    return this.calls;
  }
}
