// The admin-only folder against the real file system and security APIs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import { ensureAdminOnlyFolder, readFolderSecurity } from './admin-folder';
import { handleLedger } from './handles';
import { getSystemIdentity } from './system';
import { Win32Error } from './win32-error';

const underWine = () => getSystemIdentity().wineVersion !== null;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-console-folder-'));

/** The owner and the DACL's flags and ACEs of an SDDL string (ACE order does not matter). */
function parseSddl(sddl: string): { owner: string | undefined; daclFlags: string; aces: string[] } {
  const owner = /O:([A-Z]{2}|S-[\d-]+)/.exec(sddl)?.[1];
  const dacl = /D:([A-Z]*)((?:\([^)]*\))*)/.exec(sddl);
  return { owner, daclFlags: dacl?.[1] ?? '', aces: (dacl?.[2]?.match(/\([^)]*\)/g) ?? []).sort() };
}

const expectedAces = ['(A;OICI;FA;;;BA)', '(A;OICI;FA;;;SY)'];

describe('admin-only folder', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('creates the folder and its missing parents', () => {
    const folder = path.join(root, 'created', 'AdminConsole', 'logs');
    assert.equal(ensureAdminOnlyFolder(folder), folder);
    assert.ok(fs.statSync(folder).isDirectory());
  });

  test('an existing folder is accepted and secured again', () => {
    const folder = path.join(root, 'existing');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'settings.json'), '{}');
    assert.equal(ensureAdminOnlyFolder(folder), folder);
    assert.equal(ensureAdminOnlyFolder(folder), folder, 'idempotent');
    assert.equal(fs.readFileSync(path.join(folder, 'settings.json'), 'utf8'), '{}', 'contents untouched');
  });

  test('a file in the way is a Win32Error (ERROR_ALREADY_EXISTS)', () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, '');
    assert.throws(() => ensureAdminOnlyFolder(file), (err: unknown) => err instanceof Win32Error && err.fn === 'CreateDirectoryW' && err.win32Code === 183);
  });

  test('an impossible path is a Win32Error with the system text', () => {
    assert.throws(
      () => ensureAdminOnlyFolder(path.join(root, 'bad<name>')),
      (err: unknown) => err instanceof Win32Error && err.fn === 'CreateDirectoryW' && err.win32Code === 123 && /\(error 123\)$/.test(err.message),
    );
  });

  test('the folder is owned by Administrators with a protected DACL for SYSTEM and Administrators only', (t) => {
    const folder = ensureAdminOnlyFolder(path.join(root, 'dacl-new'));
    const created = parseSddl(readFolderSecurity(folder));
    // Wine 8 accepts the descriptor but does not store it: it reads back one made up from the Unix
    // owner and mode bits. Should a later Wine keep it, this test asserts instead of skipping.
    if (created.aces.join() !== expectedAces.join() && underWine()) {
      return t.skip(`Wine: security descriptors are not stored on files (read back "${readFolderSecurity(folder)}")`);
    }
    assert.equal(created.owner, 'BA');
    assert.match(created.daclFlags, /P/, 'protected: nothing inherited from the parent');
    assert.deepEqual(created.aces, expectedAces);
  });

  test('a loosened DACL on an existing folder is replaced', (t) => {
    const folder = path.join(root, 'dacl-existing');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'log.txt'), 'x');
    const inherited = parseSddl(readFolderSecurity(folder));
    ensureAdminOnlyFolder(folder);
    const secured = parseSddl(readFolderSecurity(folder));
    if (secured.aces.join() !== expectedAces.join() && underWine()) {
      return t.skip(`Wine: security descriptors are not stored on files (read back "${readFolderSecurity(folder)}")`);
    }
    assert.notDeepEqual(inherited.aces, expectedAces, 'the folder started with other access');
    assert.equal(secured.owner, 'BA');
    assert.match(secured.daclFlags, /P/);
    assert.deepEqual(secured.aces, expectedAces);
    // SetNamedSecurityInfoW re-propagated: the file inside now inherits only the admin-only ACEs.
    assert.deepEqual(parseSddl(readFolderSecurity(path.join(folder, 'log.txt'))).aces, ['(A;ID;FA;;;BA)', '(A;ID;FA;;;SY)']);
  });
});
