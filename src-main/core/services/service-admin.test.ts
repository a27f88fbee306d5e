import { describe, expect, it } from 'vitest';
import type { ServiceDefinitionValue } from '../../../src-preload/contract/service-schemas';
import { answeringDesktop } from '../desktop/test-desktop';
import type { AuditRecord } from '../audit/audit-record';
import { ServiceAdmin } from './service-admin';
import { ServiceCollector } from './service-collector';
import { ServiceControl } from './service-control';
import { FakeScm } from './test-doubles';

const desktop = answeringDesktop;

function setup(scm: FakeScm) {
  const collector = new ServiceCollector(scm);
  collector.poll(0);
  const audits: AuditRecord[] = [];
  const changed = () => void collector.poll(Date.now());
  const timers = { now: () => 0, sleep: async () => {} };
  const control = new ServiceControl(scm, collector, { progress: () => {}, changed, audit: (r) => audits.push(r) }, timers);
  const admin = new ServiceAdmin(scm, collector, control, (r) => audits.push(r), changed);
  return { collector, admin, audits };
}

const definition = (overrides: Partial<ServiceDefinitionValue> = {}): ServiceDefinitionValue => ({
  name: 'MyAgent',
  displayName: 'My agent',
  program: 'C:\\Program Files\\My Agent\\agent.exe',
  arguments: ['--port', '8080', 'a "quoted" arg'],
  startup: 'automaticDelayed',
  errorControl: 'normal',
  account: { kind: 'localService' },
  dependencies: ['Base'],
  description: 'Collects things.',
  recovery: { actions: [{ type: 'restart', delaySeconds: 60 }], resetPeriodSeconds: 86_400, command: '', rebootMessage: '', onNonCrashFailures: true },
  ...overrides,
});

describe('ServiceAdmin install', () => {
  it('plans an install with a quoted command line, every field as a change, and the sc.exe equivalent', () => {
    const { admin } = setup(new FakeScm().add('Base'));
    const { plan } = admin.plan({ kind: 'install', definition: definition() });
    expect(plan.problems).toEqual([]);
    expect(plan.binaryPath).toBe('"C:\\Program Files\\My Agent\\agent.exe" --port 8080 "a \\"quoted\\" arg"');
    expect(plan.commands[0]).toMatch(/^sc\.exe create MyAgent binPath= .* start= delayed-auto /);
    expect(plan.commands.join('\n')).toContain('failure MyAgent');
    expect(plan.changes.map((c) => c.field)).toContain('recovery');
  });

  it('refuses a taken name, a cycle-free but unknown dependency, a relative program and a user without a password', () => {
    const { admin } = setup(new FakeScm().add('Base'));
    const { plan } = admin.plan({
      kind: 'install',
      definition: definition({ name: 'base', program: 'agent.exe', dependencies: ['Nowhere'], account: { kind: 'user', name: '.\\svc' } }),
    });
    expect(plan.problems.map((p) => p.field).sort()).toEqual(['account', 'dependencies', 'name', 'program']);
  });

  it('installs after the main-process confirmation shows the commands, then applies description, delayed start and recovery', async () => {
    const scm = new FakeScm().add('Base');
    const { admin, audits, collector } = setup(scm);
    const yes = desktop(true);
    await expect(admin.install(definition(), yes)).resolves.toEqual({ name: 'MyAgent' });
    // Every field the install sets, each whole, the command line split into program and numbered arguments.
    const detail = yes.prompts[0]?.detail ?? '';
    for (const line of [
      '• Command line: "C:\\Program Files\\My Agent\\agent.exe" --port 8080 "a \\"quoted\\" arg"',
      '    Program: C:\\Program Files\\My Agent\\agent.exe\n    Arguments:\n      1. --port\n      2. 8080\n      3. a "quoted" arg',
      '• Startup type: Automatic (delayed start)',
      '• Dependencies: Base',
      '• Log on as: NT AUTHORITY\\LocalService',
      '• Description: Collects things.',
    ]) {
      expect(detail).toContain(line);
    }
    expect(scm.log).toEqual([
      'create MyAgent "C:\\Program Files\\My Agent\\agent.exe" --port 8080 "a \\"quoted\\" arg" as NT AUTHORITY\\LocalService',
      'change MyAgent delayedAutoStart,description,recovery,recoveryOnNonCrashFailures',
    ]);
    expect(scm.get('MyAgent').config).toMatchObject({ delayedAutoStart: true, description: 'Collects things.', recoveryOnNonCrashFailures: true });
    expect(audits).toMatchObject([{ action: 'service.install', target: { service: 'MyAgent' }, outcome: 'ok' }]);
    expect(collector.find('MyAgent')).toMatchObject({ startType: 'automatic', delayedAutoStart: true, unquotedPath: false });
  });

  it('changes nothing when the admin declines, and never puts a password in the dialog or the audit', async () => {
    const scm = new FakeScm().add('Base');
    const { admin, audits } = setup(scm);
    const no = desktop(false);
    const withUser = definition({ account: { kind: 'user', name: '.\\svc-agent', password: 'Sup3r-secret' } });
    await expect(admin.install(withUser, no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(scm.log).toEqual([]);
    expect(JSON.stringify(no.prompts)).not.toContain('Sup3r-secret');
    await admin.install(withUser, desktop(true));
    expect(JSON.stringify(audits)).not.toContain('Sup3r-secret');
    expect(JSON.stringify(admin.plan({ kind: 'install', definition: { ...withUser, name: 'Other', displayName: 'Other' } }).plan)).not.toContain('Sup3r-secret');
  });

  it('surfaces a duplicate name from the SCM (1073) clearly, with its code, and audits the failure', async () => {
    const scm = new FakeScm().add('Base');
    const { admin, audits } = setup(scm);
    scm.failNext = { method: 'create', code: 1073 };
    await expect(admin.install(definition(), desktop(true))).rejects.toMatchObject({ code: 'CONFLICT', win32Code: 1073 });
    expect(audits).toMatchObject([{ action: 'service.install', outcome: 'failed', win32Code: 1073 }]);
  });
});

describe('ServiceAdmin edit', () => {
  it('starts the form from the service as installed and changes only what differs', async () => {
    const scm = new FakeScm().add('Base').add('Agent', {}, { binaryPath: 'C:\\Tools\\agent.exe --quiet', startType: 'automatic', description: 'old' });
    const { admin, audits } = setup(scm);
    const form = admin.definition('agent');
    expect(form).toMatchObject({ name: 'Agent', program: 'C:\\Tools\\agent.exe', arguments: ['--quiet'], startup: 'automatic', account: { kind: 'localSystem' } });
    const { plan, change } = admin.plan({ kind: 'edit', name: 'Agent', definition: { ...form, description: 'new', startup: 'automaticDelayed' } });
    expect(plan.changes.map((c) => c.field)).toEqual(['startup', 'description']);
    expect(change).toEqual({ delayedAutoStart: true, description: 'new' });
    expect(plan.binaryPath).toBe('C:\\Tools\\agent.exe --quiet');
    const yes = desktop(true);
    await expect(admin.edit('Agent', { ...form, description: 'new', startup: 'automaticDelayed' }, yes)).resolves.toEqual({ changed: ['startup', 'description'] });
    expect(yes.prompts[0]?.detail).toContain('Description: old -> new');
    expect(audits.at(-1)).toMatchObject({ action: 'service.edit', before: { description: 'old' }, after: { description: 'new' }, outcome: 'ok' });
  });

  it('never sends a basic change that would drop dependencies the system does not report, and says so', async () => {
    const scm = new FakeScm().add('Base').add('Agent', {}, { dependencies: [], registryDependencies: ['Base'] });
    const { admin } = setup(scm);
    const form = admin.definition('Agent');
    const startOnly = admin.plan({ kind: 'edit', name: 'Agent', definition: { ...form, startup: 'automatic' } });
    expect(startOnly.plan.problems).toEqual([{ field: 'dependencies', message: expect.stringContaining('registry key lists Base') }]);
    await expect(admin.edit('Agent', { ...form, startup: 'automatic' }, desktop(true))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(scm.log).toEqual([]);
    // What goes through ChangeServiceConfig2W only, or sets the dependencies explicitly (shown and confirmed), is sent.
    expect(admin.plan({ kind: 'edit', name: 'Agent', definition: { ...form, description: 'new' } }).plan.problems).toEqual([]);
    expect(admin.plan({ kind: 'edit', name: 'Agent', definition: { ...form, startup: 'automatic', dependencies: ['Base'] } }).plan.problems).toEqual([]);
  });

  it('does nothing and asks nothing when nothing changed', async () => {
    const scm = new FakeScm().add('Agent');
    const { admin } = setup(scm);
    const yes = desktop(true);
    await expect(admin.edit('Agent', admin.definition('Agent'), yes)).resolves.toEqual({ changed: [] });
    expect(yes.prompts).toEqual([]);
    expect(scm.log).toEqual([]);
  });

  it('refuses a dependency that would form a cycle, naming it', () => {
    const scm = new FakeScm().add('A', {}, { dependencies: ['B'] }).add('B', {}, { dependencies: ['C'] }).add('C');
    const { admin } = setup(scm);
    const { plan } = admin.plan({ kind: 'edit', name: 'C', definition: { ...admin.definition('C'), dependencies: ['A'] } });
    expect(plan.problems).toEqual([{ field: 'dependencies', message: expect.stringContaining('C -> A -> B -> C') }]);
  });

  it('will not edit a driver', () => {
    const scm = new FakeScm().add('Disk', { kind: 'kernelDriver' }, { kind: 'kernelDriver', startType: 'boot', binaryPath: '\\SystemRoot\\System32\\drivers\\disk.sys' });
    const { admin } = setup(scm);
    expect(() => admin.definition('Disk')).toThrow(/driver/);
  });
});

describe('ServiceAdmin uninstall and the CWE-428 fix', () => {
  it('stops a running service with its running dependents after one confirmation, then deletes it', async () => {
    const scm = new FakeScm().add('Agent', { state: 'running', pid: 3 }).add('Child', { state: 'running', pid: 4 }, { dependencies: ['Agent'] });
    const { admin, audits } = setup(scm);
    const yes = desktop(true);
    await expect(admin.uninstall('agent', yes)).resolves.toEqual({ deleted: true, markedForDelete: false });
    expect(yes.prompts).toHaveLength(1);
    expect(yes.prompts[0]?.detail).toContain('Child');
    expect(scm.log).toEqual(['stop Child', 'stop Agent', 'delete Agent']);
    expect(audits.at(-1)).toMatchObject({ action: 'service.uninstall', target: { service: 'Agent' }, outcome: 'ok', message: 'Deleted.' });
  });

  it('leaves everything when declined', async () => {
    const scm = new FakeScm().add('Agent', { state: 'running', pid: 3 });
    const { admin } = setup(scm);
    await expect(admin.uninstall('Agent', desktop(false))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(scm.log).toEqual([]);
  });

  it('says "marked for deletion" when the SCM still lists the service after DeleteService', async () => {
    const scm = new FakeScm().add('Agent');
    scm.remove = function (name) {
      this.calls += 1;
      this.log.push(`delete ${name}`);
    };
    const { admin } = setup(scm);
    await expect(admin.uninstall('Agent', desktop(true))).resolves.toEqual({ deleted: false, markedForDelete: true });
  });

  it('quotes an unquoted path with spaces after confirming, and refuses a path that is fine', async () => {
    const scm = new FakeScm().add('Risky', {}, { binaryPath: 'C:\\Program Files\\Vendor\\svc.exe -k x' }).add('Safe');
    const { admin, collector } = setup(scm);
    const yes = desktop(true);
    await expect(admin.fixUnquotedPath('risky', yes)).resolves.toEqual({
      before: 'C:\\Program Files\\Vendor\\svc.exe -k x',
      after: '"C:\\Program Files\\Vendor\\svc.exe" -k x',
    });
    expect(yes.prompts[0]?.detail).toContain('CWE-428');
    expect(collector.find('Risky')?.unquotedPath).toBe(false);
    await expect(admin.fixUnquotedPath('Safe', desktop(true))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('ServiceAdmin edit of recovery', () => {
  it('does not write recovery when neither side has actions, whatever the reset period says', () => {
    const scm = new FakeScm().add('Agent', {}, { recovery: null, unreadable: ['recovery: (124)'] });
    const { admin } = setup(scm);
    const form = admin.definition('Agent');
    const { plan } = admin.plan({ kind: 'edit', name: 'Agent', definition: { ...form, recovery: { ...form.recovery, resetPeriodSeconds: 86_400 } } });
    expect(plan.changes).toEqual([]);
    const withAction = admin.plan({ kind: 'edit', name: 'Agent', definition: { ...form, recovery: { ...form.recovery, actions: [{ type: 'restart', delaySeconds: 5 }] } } });
    expect(withAction.plan.changes.map((c) => [c.field, c.before])).toEqual([['recovery', '(could not be read)']]);
  });
});

describe('ServiceAdmin dialogs', () => {
  it('shows names and command lines from the SCM without bidi controls or line breaks', async () => {
    const scm = new FakeScm().add('Agent', { displayName: 'Agent\u202Eexe.dab' }, { binaryPath: 'C:\\Tools\\agent.exe\r\nOK to uninstall' });
    const { admin } = setup(scm);
    const no = desktop(false);
    await expect(admin.uninstall('Agent', no)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(no.prompts[0]?.message).toBe("Uninstall 'Agent<U+202E>exe.dab' (Agent)?");
    expect(no.prompts[0]?.detail).toContain('Command line: C:\\Tools\\agent.exe<U+000D><U+000A>OK to uninstall');
  });

  it('shows the whole of a long argument list, one numbered argument per line: a padded tail is never cut', async () => {
    const scm = new FakeScm().add('Agent', {}, { binaryPath: 'C:\\Tools\\agent.exe --quiet' });
    const { admin } = setup(scm);
    const padded = [...Array.from({ length: 20 }, (_, i) => `--opt${i}=${'x'.repeat(20)}`), '--plugin', 'C:\\Users\\Public\\evil.dll'];
    const no = desktop(false);
    await expect(admin.edit('Agent', { ...admin.definition('Agent'), arguments: padded }, no)).rejects.toMatchObject({ code: 'CANCELLED' });
    const detail = no.prompts[0]?.detail ?? '';
    expect(detail.length).toBeGreaterThan(380);
    expect(detail).toContain('      21. --plugin\n      22. C:\\Users\\Public\\evil.dll');
    expect(detail).not.toContain('…');
  });

  it('refuses, in the plan and on apply, a change whose confirmation would be too long to show whole', async () => {
    const scm = new FakeScm().add('Agent', {}, { binaryPath: 'C:\\Tools\\agent.exe' });
    const { admin } = setup(scm);
    const long = { ...admin.definition('Agent'), arguments: Array.from({ length: 64 }, (_, i) => `--a${i}=${'y'.repeat(100)}`) };
    expect(admin.plan({ kind: 'edit', name: 'Agent', definition: long }).plan.problems).toEqual([{ field: 'confirmation', message: expect.stringContaining('cannot show all') }]);
    const yes = desktop(true);
    await expect(admin.edit('Agent', long, yes)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(yes.prompts).toEqual([]);
    expect(scm.log).toEqual([]);
  });

  it('refuses a batch-file service binary with a character cmd.exe would interpret', () => {
    const { admin } = setup(new FakeScm().add('Base'));
    const { plan } = admin.plan({ kind: 'install', definition: definition({ program: 'C:\\Tools\\run.cmd', arguments: ['a|b'] }) });
    expect(plan.problems).toEqual([{ field: 'arguments', message: expect.stringContaining('character |') }]);
  });
});

describe('ServiceAdmin uninstall of a service already marked for deletion', () => {
  it('reports it as marked for deletion, not as an error, and audits it as done', async () => {
    const scm = new FakeScm().add('Agent');
    const { admin, audits } = setup(scm);
    scm.failNext = { method: 'remove', code: 1072 };
    await expect(admin.uninstall('Agent', desktop(true))).resolves.toEqual({ deleted: false, markedForDelete: true });
    expect(audits.at(-1)).toMatchObject({ action: 'service.uninstall', outcome: 'ok', message: expect.stringContaining('Marked for deletion') });
  });
});
