// Where the loader really mapped each DLL from: inside System32 as GetSystemDirectoryW reports it,
// whatever the environment says, and never from the working directory.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { handleLedger } from './handles';
import { KNOWN_DLLS, loadSystemLibrary } from './libraries';
import { loadFromSystem32, loadedModulePath, system32Folder } from './system32-library';
import { Win32Error } from './win32-error';

const insideSystem32 = (file: string) => path.win32.dirname(file).toLowerCase() === system32Folder().toLowerCase();

describe('system libraries', () => {
  afterEach(() => assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed'));

  test('System32 comes from GetSystemDirectoryW, not from %SystemRoot% or %windir%', () => {
    const real = system32Folder();
    assert.match(real, /^[A-Za-z]:\\.+\\system32$/i);
    const saved = { SystemRoot: process.env.SystemRoot, windir: process.env.windir };
    try {
      // node's process.env writes go to SetEnvironmentVariableW: the process environment really changes.
      process.env.SystemRoot = 'C:\\Users\\Public\\Evil';
      process.env.windir = 'C:\\Users\\Public\\Evil';
      assert.equal(system32Folder(), real);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  test('every KnownDLL we load by bare name is mapped from System32', () => {
    for (const dll of KNOWN_DLLS) {
      loadSystemLibrary(dll);
      const file = loadedModulePath(dll);
      assert.ok(insideSystem32(file), `${dll} was mapped from ${file}, not from ${system32Folder()}`);
      assert.equal(path.win32.basename(file).toLowerCase(), dll);
    }
  });

  test('a DLL that is not a KnownDLL is loaded from System32 (LOAD_LIBRARY_SEARCH_SYSTEM32)', () => {
    const lib = loadFromSystem32('version.dll');
    assert.equal(loadFromSystem32('VERSION.dll'), lib, 'loaded once');
    const file = loadedModulePath('version.dll');
    assert.ok(insideSystem32(file), `version.dll was mapped from ${file}`);
    assert.equal(typeof lib.func('__stdcall', 'GetFileVersionInfoSizeW', 'uint32', ['str16', 'void*']), 'function', 'its exports bind');
  });

  test('a DLL only the working directory has is not found (error 126), never loaded from there', () => {
    const planted = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-'));
    const cwd = process.cwd();
    try {
      fs.writeFileSync(path.join(planted, 'admin-console-planted.dll'), 'not a DLL');
      process.chdir(planted);
      assert.throws(
        () => loadFromSystem32('admin-console-planted.dll'),
        (err: unknown) => err instanceof Win32Error && err.win32Code === 126 && /LOAD_LIBRARY_SEARCH_SYSTEM32/.test(err.fn),
      );
    } finally {
      process.chdir(cwd);
      fs.rmSync(planted, { recursive: true, force: true });
    }
  });
});
