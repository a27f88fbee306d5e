import { describe, expect, it } from 'vitest';
import { newHostedDefinition } from '../../../src-preload/contract/hosted-defaults';
import type { AuditRecord } from '../audit/audit-record';
import { AppError } from '../app-error';
import { answeringDesktop } from '../desktop/test-desktop';
import { ServiceCollector } from '../services/service-collector';
import { FakeScm } from '../services/test-doubles';
import { HostedAdmin, type HostedRegistry } from './hosted-admin';
import type { RegistryValue } from './parameters';

const HOST = 'C:\\ProgramData\\Admin Console\\service-host\\1.0.0-abc\\service-host.exe';

function setup(scm = new FakeScm()) {
  const collector = new ServiceCollector(scm);
  collector.poll(0);
  const audits: AuditRecord[] = [];
  const stored = new Map<string, RegistryValue[]>();
  const registry: HostedRegistry = { read: (n) => stored.get(n) ?? null, write: (n, v) => void stored.set(n, [...v]) };
  const folders: { folder: string; sddl: string }[] = [];
  const lookups: string[] = [];
  const folderPort = { prepareLogFolder: (folder: string, sddl: string) => void folders.push({ folder, sddl }), lookupAccountSid: (n: string) => (lookups.push(n), 'S-1-5-21-7-8-9-1001') };
  const admin = new HostedAdmin(scm, collector, registry, folderPort, { hostPath: HOST, logFolder: (n) => `C:\\ProgramData\\Admin Console\\services\\${n}` }, (r) => audits.push(r), () => {
    collector.poll(Date.now());
    while (collector.configsPending()) collector.readUnread(Date.now());
  });
  return { scm, collector, admin, audits, stored, folders, lookups };
}

const definition = () => ({
  ...newHostedDefinition('web', 'C:\\apps\\web\\server.exe'),
  environment: [{ name: 'API_TOKEN', value: 'sekrit-value' }],
  account: { kind: 'user' as const, name: '.\\svc-web', password: 'hunter2' },
});

describe('HostedAdmin', () => {
  it('installs after the confirmation: the SCM first, then Parameters; audited without the password or environment values', async () => {
    const { scm, admin, audits, stored, collector, folders, lookups } = setup();
    const desktop = answeringDesktop(true);
    await admin.install(definition(), desktop);
    // The log folder first, writable by the account the host runs as (the host itself cannot create it).
    expect(folders).toEqual([{ folder: 'C:\\ProgramData\\Admin Console\\services\\web', sddl: 'O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;S-1-5-21-7-8-9-1001)' }]);
    expect(lookups).toEqual(['.\\svc-web']);
    expect(scm.log[0]).toBe(`create web "${HOST}" --service web as .\\svc-web`);
    expect(stored.get('web')?.find((v) => v.name === 'Program')).toEqual({ name: 'Program', type: 'sz', value: 'C:\\apps\\web\\server.exe' });
    expect(collector.find('web')?.hosted).toBe(true);
    expect(desktop.prompts[0]?.detail).toMatch(/Registry \(Parameters\):/);
    expect(desktop.prompts[0]?.detail).not.toContain('hunter2');
    const audit = JSON.stringify(audits);
    expect(audit).not.toContain('hunter2');
    expect(audit).not.toContain('sekrit-value');
    expect(audit).toContain('API_TOKEN');
    expect(audits.at(-1)).toMatchObject({ action: 'service.install', outcome: 'ok', message: 'Installed as a hosted service.' });
  });

  it('changes nothing when the admin cancels', async () => {
    const { scm, admin, stored, folders } = setup();
    await expect(admin.install(definition(), answeringDesktop(false))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(folders).toEqual([]);
    expect(scm.log.filter((l) => l.startsWith('create'))).toEqual([]);
    expect(stored.size).toBe(0);
  });

  it('refuses a definition with problems before asking', async () => {
    const { admin } = setup();
    const desktop = answeringDesktop(true);
    await expect(admin.install({ ...definition(), program: 'server.exe' }, desktop)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^program: /) });
    expect(desktop.prompts).toEqual([]);
  });

  it('names settings the system does not support (error 124) instead of failing or hiding them', async () => {
    const { scm, admin, audits, stored } = setup();
    const change = scm.change.bind(scm);
    scm.change = (name, c) => {
      if (c.preshutdownTimeoutMs !== undefined || c.recoveryOnNonCrashFailures !== undefined || c.delayedAutoStart !== undefined) throw new AppError('WIN32', 'Invalid level.', 124);
      change(name, c);
    };
    await admin.install({ ...definition(), startup: 'automaticDelayed', description: 'Serves the web.' }, answeringDesktop(true));
    expect(stored.has('web')).toBe(true);
    expect(scm.log.filter((l) => l.startsWith('change'))).toEqual(['change web description']);
    expect(audits.at(-1)?.message).toBe('Installed as a hosted service. This system does not support the delayed start, the preshutdown time or the failure flag (error 124); Windows does.');
  });

  it('edits only what differs and loads the form from what was installed', async () => {
    const { admin } = setup();
    await admin.install(definition(), answeringDesktop(true));
    const read = admin.definition('web');
    expect(read.problems).toEqual([]);
    expect(read.definition.account).toEqual({ kind: 'user', name: '.\\svc-web' });
    const desktop = answeringDesktop(true);
    const same = { ...read.definition };
    expect(await admin.edit('web', same, desktop)).toEqual({ changed: [] });
    expect(desktop.prompts).toEqual([]);
    const result = await admin.edit('web', { ...same, restart: { ...same.restart, maxCount: 9 } }, desktop);
    expect(result).toEqual({ changed: ['Parameters\\RestartMaxCount'] });
    expect(admin.definition('web').definition.restart.maxCount).toBe(9);
  });
});
