import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_SOURCE } from './audit-event-log';

const repo = path.join(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

describe('the installer registers the event source the console writes to', () => {
  it('under the Application log, by the same name, with the shipped message DLL, and removes it on uninstall', () => {
    const nsh = read('build/installer.nsh');
    const key = `SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\${AUDIT_EVENT_SOURCE}`;
    expect(nsh).toContain(`!define ADMIN_CONSOLE_EVENT_SOURCE "${key}"`);
    expect(nsh).toMatch(/!macro customInstall[\s\S]*WriteRegExpandStr HKLM "\$\{ADMIN_CONSOLE_EVENT_SOURCE\}" "EventMessageFile" "\$INSTDIR\\resources\\admin-console-events\.dll"[\s\S]*!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall[\s\S]*DeleteRegKey HKLM "\$\{ADMIN_CONSOLE_EVENT_SOURCE\}"[\s\S]*!macroend/);

    const builder = read('electron-builder.yml');
    expect(builder).toMatch(/^ {2}include: build\/installer\.nsh$/m);
    expect(builder).toMatch(/^extraResources:\n {2}- from: out\/event-messages\/admin-console-events\.dll\n {4}to: admin-console-events\.dll$/m);
    expect(JSON.parse(read('package.json')).scripts.dist).toContain('node scripts/build-event-messages.mjs');
  });
});
