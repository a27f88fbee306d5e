// The admin-only folder against the real file system and security APIs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, describe, test } from 'node:test';
import type { FolderSetAside } from './admin-folder';
import { RUN_AS_ADMINISTRATOR, ensureAdminOnlyFolder, findReparsePoint, pinFolder, readFolderSecurity, readOwnerSid, setAsideName } from './admin-folder';
import { OWNER_SECURITY_INFORMATION, SDDL_REVISION_1, SE_FILE_OBJECT, advapi32 } from './advapi32';
import { handleLedger } from './handles';
import { kernel32 } from './kernel32';
import { wineVersion } from './system';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

const underWine = () => wineVersion() !== null;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-console-folder-'));

/** The owner and the DACL's flags and ACEs of an SDDL string (ACE order does not matter). */
function parseSddl(sddl: string): { owner: string | undefined; daclFlags: string; aces: string[] } {
  const owner = /O:([A-Z]{2}|S-[\d-]+)/.exec(sddl)?.[1];
  const dacl = /D:([A-Z]*)((?:\([^)]*\))*)/.exec(sddl);
  return { owner, daclFlags: dacl?.[1] ?? '', aces: (dacl?.[2]?.match(/\([^)]*\)/g) ?? []).sort() };
}

const expectedAces = ['(A;OICI;FA;;;BA)', '(A;OICI;FA;;;SY)'];

/** Applies an SDDL descriptor's parts to a file (SetNamedSecurityInfoW): how the tests prepare a folder. */
function applySddl(file: string, sddl: string, information: number): void {
  const a = advapi32();
  const out: [Pointer] = [null];
  assert.ok(a.ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl, SDDL_REVISION_1, out, null), `SDDL ${sddl}`);
  try {
    const owner: [Pointer] = [null];
    const dacl: [Pointer] = [null];
    assert.ok(a.GetSecurityDescriptorOwner(out[0], owner, [0]));
    assert.ok(a.GetSecurityDescriptorDacl(out[0], [0], dacl, [0]));
    assert.equal(a.SetNamedSecurityInfoW(file, SE_FILE_OBJECT, information, owner[0], null, dacl[0], null), 0, `SetNamedSecurityInfoW(${file}, ${sddl})`);
  } finally {
    kernel32().LocalFree(out[0]);
  }
}

/** A folder as an administrator made it: owned by Administrators (a test runner's files may be owned by its user). */
function adminMadeFolder(name: string): string {
  const folder = path.join(root, name);
  fs.mkdirSync(folder);
  if (!underWine()) applySddl(folder, 'O:BA', OWNER_SECURITY_INFORMATION);
  return folder;
}

/** Runs ensureAdminOnlyFolder and returns what it reported setting aside. */
function ensure(folder: string): { result: string; setAside: FolderSetAside[] } {
  const setAside: FolderSetAside[] = [];
  const result = ensureAdminOnlyFolder(folder, (s) => setAside.push(s));
  return { result, setAside };
}

/** The folder was set aside for `reason`; a fresh empty one stands in its place; the old content moved with it. */
function assertReplaced(folder: string, setAside: FolderSetAside[], reason: RegExp, movedContent: string[]): void {
  assert.equal(setAside.length, 1, 'the caller hears about it once');
  const [report] = setAside;
  assert.equal(report?.folder, folder);
  assert.match(report?.reason ?? '', reason);
  assert.equal(report?.movedTo.startsWith(`${folder}.untrusted-`), true, `moved beside it (${report?.movedTo})`);
  assert.ok(fs.lstatSync(folder).isDirectory() && !fs.lstatSync(folder).isSymbolicLink(), 'a fresh, real folder');
  assert.deepEqual(fs.readdirSync(folder), [], 'the fresh folder is empty');
  for (const entry of movedContent) assert.ok(fs.lstatSync(path.join(report!.movedTo, entry)), `${entry} moved aside, not lost`);
}

/** A junction on Windows (no privilege needed); under Wine, the Unix symlink fixture scripts/windows-suites.mjs planted. */
function linkFixture(): string | undefined {
  return process.env.ADMIN_CONSOLE_UNIX_LINKS;
}

describe('admin-only folder', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed'));
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('creates the folder and its missing parents', () => {
    const folder = path.join(root, 'created', 'AdminConsole', 'logs');
    assert.deepEqual(ensure(folder), { result: folder, setAside: [] });
    assert.ok(fs.statSync(folder).isDirectory());
  });

  test('an existing folder owned by Administrators is accepted, secured again, and kept on every run', () => {
    const folder = adminMadeFolder('existing');
    fs.writeFileSync(path.join(folder, 'settings.json'), '{}');
    fs.mkdirSync(path.join(folder, 'logs'));
    assert.deepEqual(ensure(folder), { result: folder, setAside: [] });
    // Under Wine every owner reads back as the Unix user: the folder must not be set aside each run.
    assert.deepEqual(ensure(folder), { result: folder, setAside: [] }, 'idempotent');
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

  test('a failure gets advice to run as administrator, keeping code and error', () => {
    const err = Win32Error.fromCode('CreateDirectoryW', 1307).withAdvice(RUN_AS_ADMINISTRATOR);
    assert.equal(err.win32Code, 1307);
    assert.equal(err.fn, 'CreateDirectoryW');
    assert.equal(err.code, 'WIN32');
    assert.match(err.message, /^CreateDirectoryW failed: .+ \(error 1307\); run the console as administrator$/);
    // The elevated test run must not get the advice (Wine and a CI runner are elevated).
    assert.throws(
      () => ensureAdminOnlyFolder(path.join(root, 'bad|name')),
      (e: unknown) => e instanceof Win32Error && !e.message.includes(RUN_AS_ADMINISTRATOR),
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
    assert.equal(readOwnerSid(folder), 'S-1-5-32-544');
    assert.match(created.daclFlags, /P/, 'protected: nothing inherited from the parent');
    assert.deepEqual(created.aces, expectedAces);
  });

  test('a loosened folder is reset: owner, DACL, and explicit ACEs on files inside', (t) => {
    if (underWine()) return t.skip('Wine: security descriptors are not stored on files, so nothing can be loosened or reset');
    const folder = adminMadeFolder('dacl-existing');
    const log = path.join(folder, 'log.txt');
    fs.writeFileSync(log, 'x');
    // What a standard user could have left on a file: an explicit Everyone full-control ACE.
    applySddl(log, 'D:(A;;FA;;;WD)', 0x4 /* DACL_SECURITY_INFORMATION */);
    assert.ok(parseSddl(readFolderSecurity(log)).aces.includes('(A;;FA;;;WD)'), 'the explicit ACE is there');
    const inherited = parseSddl(readFolderSecurity(folder));
    assert.deepEqual(ensure(folder).setAside, []);
    const secured = parseSddl(readFolderSecurity(folder));
    assert.notDeepEqual(inherited.aces, expectedAces, 'the folder started with other access');
    assert.equal(secured.owner, 'BA');
    assert.match(secured.daclFlags, /P/);
    assert.deepEqual(secured.aces, expectedAces);
    // TreeResetNamedSecurityInfoW: the file inside keeps only the inherited admin-only ACEs, and Administrators own it.
    const file = parseSddl(readFolderSecurity(log));
    assert.deepEqual(file.aces, ['(A;ID;FA;;;BA)', '(A;ID;FA;;;SY)']);
    assert.equal(file.owner, 'BA');
  });

  test('a folder a standard user could have made (not owned by Administrators or SYSTEM) is set aside', (t) => {
    if (underWine()) return t.skip('Wine: every owner reads back as the Unix user (S-1-5-21-0-0-0-1000), so ownership is not checked there');
    // Our own user SID stands in for the squatter: an elevated process may make it the owner without a privilege.
    const user = /"(S-1-[\d-]+)"/.exec(execFileSync('whoami', ['/user', '/fo', 'csv', '/nh'], { encoding: 'utf8' }))?.[1];
    assert.ok(user, 'whoami /user gives our SID');
    const folder = path.join(root, 'squatted');
    fs.mkdirSync(path.join(folder, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'settings.json'), '{"planted":true}');
    applySddl(folder, `O:${user}`, OWNER_SECURITY_INFORMATION);
    assert.equal(readOwnerSid(folder), user);
    const { result, setAside } = ensure(folder);
    assert.equal(result, folder);
    assertReplaced(folder, setAside, new RegExp(`owned by ${user}, not by Administrators or SYSTEM`), ['settings.json', 'logs']);
    assert.equal(readOwnerSid(folder), 'S-1-5-32-544', 'the fresh folder is ours');
  });

  test('a folder with a link or junction anywhere inside is set aside, and the link target is left alone', (t) => {
    let folder: string;
    let target: string;
    if (underWine()) {
      const fixture = linkFixture();
      if (!fixture) return t.skip('Wine: no Unix link fixture (ADMIN_CONSOLE_UNIX_LINKS is set by scripts/windows-suites.mjs)');
      folder = path.join(fixture, 'nested');
      target = path.join(fixture, 'outside');
    } else {
      folder = adminMadeFolder('with-junction');
      target = fs.mkdtempSync(path.join(os.tmpdir(), 'junction-target-'));
      fs.mkdirSync(path.join(folder, 'logs'));
      fs.writeFileSync(path.join(folder, 'settings.json'), '{}');
      fs.symlinkSync(target, path.join(folder, 'logs', 'escape'), 'junction');
    }
    const targetBefore = readFolderSecurity(target);
    assert.equal(findReparsePoint(folder), 'logs\\escape');
    const { setAside } = ensure(folder);
    assertReplaced(folder, setAside, /contains a link or junction \(logs\\escape\)/, ['settings.json', 'logs']);
    assert.equal(readFolderSecurity(target), targetBefore, "the target's security is untouched");
    assert.ok(fs.statSync(target).isDirectory(), 'the target is still there');
  });

  test('a link or junction standing at the folder name is set aside (the link, not its target)', (t) => {
    // Seen with the fixture: Wine resolves Unix symlinks inside paths, so its MoveFileExW renamed the
    // link's target and left the link. Windows renames a junction itself ("Symbolic Link Effects on
    // File Systems Functions": MoveFileEx moves the link, not the target).
    if (underWine()) return t.skip("Wine: MoveFileExW on a Unix symlink renames its target, not the link (Windows renames a junction itself)");
    const target = fs.mkdtempSync(path.join(os.tmpdir(), 'junction-target-'));
    fs.writeFileSync(path.join(target, 'keep.txt'), '');
    const folder = path.join(root, 'is-a-junction');
    fs.symlinkSync(target, folder, 'junction');
    const targetEntries = fs.readdirSync(target);
    const { setAside } = ensure(folder);
    assertReplaced(folder, setAside, /is a link or junction \(a reparse point\)/, []);
    assert.ok(fs.lstatSync(setAside[0]!.movedTo).isSymbolicLink(), 'the link itself was renamed');
    assert.deepEqual(fs.readdirSync(target), targetEntries, 'the target was not touched');
  });

  test('the walk finds nothing in a plain tree, and closes every listing', () => {
    const folder = adminMadeFolder('plain');
    fs.mkdirSync(path.join(folder, 'a', 'b', 'c'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'a', 'b', 'file.txt'), '');
    fs.writeFileSync(path.join(folder, 'top.txt'), '');
    assert.equal(findReparsePoint(folder), null);
    assert.equal(handleLedger.snapshot().find?.opened, handleLedger.snapshot().find?.closed);
  });

  test('a pinned folder cannot be renamed or swapped while it is checked', () => {
    const folder = adminMadeFolder('pinned');
    const pin = pinFolder(folder);
    try {
      assert.throws(() => fs.renameSync(folder, `${folder}-moved`), /EBUSY|EPERM|EACCES/);
    } finally {
      pin.close();
    }
    fs.renameSync(folder, `${folder}-moved`);
    assert.ok(fs.statSync(`${folder}-moved`).isDirectory(), 'renamed once the pin is released');
  });

  test('the set-aside name sorts by time and stays beside the folder', () => {
    assert.equal(setAsideName('C:\\ProgramData\\Admin Console', new Date(Date.UTC(2025, 0, 31, 10, 20, 30, 123))), 'C:\\ProgramData\\Admin Console.untrusted-2025-01-31T10-20-30-123Z');
  });
});
