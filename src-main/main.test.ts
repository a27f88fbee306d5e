import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// main.ts runs bootstrap() when imported. Electron and the Win32 calls it makes before ready are faked
// and write one shared log, so these tests see the real order of main's calls. whenReady never settles:
// only what happens before ready is under test here.
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const state = { gotLock: true, folderSddl: null as string | null };
  const app = {
    // A development run: the startup guard (tested on its own) would refuse the test runner's own switches.
    isPackaged: false,
    enableSandbox: () => void calls.push('enableSandbox'),
    setPath: (name: string, value: string) => void calls.push(`setPath ${name} ${value}`),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), state.gotLock),
    quit: () => void calls.push('quit'),
    exit: (code: number) => void calls.push(`exit ${code}`),
    on: () => app,
    once: () => app,
    whenReady: () => new Promise<void>(() => {}),
    getVersion: () => '0.0.0',
  };
  return { calls, state, app };
});

vi.mock('electron', () => ({
  app: fake.app,
  dialog: { showErrorBox: (title: string) => void fake.calls.push(`showErrorBox ${title}`), showMessageBox: vi.fn() },
  protocol: { registerSchemesAsPrivileged: () => void fake.calls.push('registerSchemesAsPrivileged') },
  BrowserWindow: vi.fn(),
  clipboard: {},
  ipcMain: { handle: vi.fn() },
  Menu: { setApplicationMenu: vi.fn() },
  session: {},
}));
vi.mock('./win32/known-folders', () => ({ programDataFolder: () => 'C:\\ProgramData' }));
vi.mock('./win32/admin-folder', () => ({
  ensureAdminOnlyFolder: (folder: string) => (fake.calls.push(`ensureAdminOnlyFolder ${folder}`), folder),
  readFolderSecurity: (folder: string) => {
    fake.calls.push(`readFolderSecurity ${folder}`);
    if (fake.state.folderSddl === null) throw new Error('GetNamedSecurityInfoW failed: the system cannot find the file specified (2)');
    return fake.state.folderSddl;
  },
}));
vi.mock('./core/file-logger', () => ({ createFileLogger: () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() }) }));
// Never called before ready; faked so no Win32 library is bound on import.
vi.mock('./win32/privileges', () => ({}));
vi.mock('./win32/processes', () => ({}));
vi.mock('./win32/services', () => ({}));
vi.mock('./win32/jobs', () => ({}));
vi.mock('./win32/system', () => ({}));

const folder = 'C:\\ProgramData\\Admin Console';
const profile = `${folder}\\Chromium`;

async function startMain(options: { gotLock: boolean; folderSddl: string | null }): Promise<string[]> {
  fake.calls.length = 0;
  fake.state.gotLock = options.gotLock;
  fake.state.folderSddl = options.folderSddl;
  vi.resetModules();
  await import('./main');
  return [...fake.calls];
}

beforeEach(() => {
  vi.stubGlobal('__ADMIN_CONSOLE_TEST_BUILD__', false);
  // The development override would move the folder; empty counts as unset.
  vi.stubEnv('ADMIN_CONSOLE_DATA_FOLDER', '');
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('main before ready', () => {
  it("a second console quits at the single-instance lock and never re-secures the running console's folder", async () => {
    const calls = await startMain({ gotLock: false, folderSddl: 'O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)' });
    expect(calls).toContain('quit');
    expect(calls.filter((c) => c.startsWith('ensureAdminOnlyFolder'))).toEqual([]);
    expect(calls.indexOf(`setPath userData ${profile}`)).toBeLessThan(calls.indexOf('requestSingleInstanceLock'));
  });

  it('the first console over an existing admin-only folder takes the lock, then secures the folder', async () => {
    const calls = await startMain({ gotLock: true, folderSddl: 'O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)' });
    const order = calls.filter((c) => /^(setPath|requestSingleInstanceLock|ensureAdminOnlyFolder)/.test(c));
    expect(order).toEqual([`setPath userData ${profile}`, 'requestSingleInstanceLock', `ensureAdminOnlyFolder ${folder}`]);
    expect(calls).not.toContain('quit');
  });

  it.each([
    ['missing', null],
    ['owned by a standard user', 'O:S-1-5-21-1-2-3-1001D:AI(A;OICI;FA;;;S-1-5-21-1-2-3-1001)'],
  ])('a data folder %s is secured before Chromium creates its profile and lock file in it', async (_what, folderSddl) => {
    const calls = await startMain({ gotLock: true, folderSddl });
    const order = calls.filter((c) => /^(setPath|requestSingleInstanceLock|ensureAdminOnlyFolder)/.test(c));
    expect(order).toEqual([`ensureAdminOnlyFolder ${folder}`, `setPath userData ${profile}`, 'requestSingleInstanceLock']);
  });
});
