/**
 * Electron's main process: wiring only. Each step lives in a small module under ./shell (tested there
 * with fakes); this file calls them in the order Electron requires:
 *   before ready - startup guard, sandbox for all renderers, single-instance lock and admin-only data
 *                  folder (also Chromium's profile; the lock first when a console may be running in it),
 *                  app:// scheme privileges, webContents guard;
 *   on ready     - session lockdown, app:// handler, the core, IPC, the window.
 * The renderer always comes from out/renderer over app:// (never from a dev server: its inline scripts
 * and websocket would need a weaker CSP), so run `npm run build` before starting Electron.
 */
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell } from 'electron';
import { createConsoleCore } from './core/console-core';
import { createFileLogger } from './core/file-logger';
import { silentLogger, type Logger } from './core/logger';
import { createDispatcher } from './ipc/dispatch';
import { createTrustedSenderCheck, registerIpc, sendEvent } from './ipc/register-ipc';
import { registerAppScheme, serveRenderer } from './shell/app-protocol';
import { dataFolderFor, isAdminOnlySddl } from './shell/data-folder';
import { createElectronDesktop } from './shell/desktop-dialogs';
import { trackConsoleProcesses } from './shell/console-processes';
import { openMainWindow } from './shell/main-window';
import { followSystemTheme, windowBackground } from './shell/window-theme';
import { stopBeforeQuit } from './shell/quit-handler';
import { denyAllPermissions } from './shell/session-guard';
import { claimInstanceAndDataFolder } from './shell/single-instance';
import { enforceStartupGuard } from './shell/startup-guard';
import { guardAllWebContents } from './shell/web-contents-guard';
import { ensureAdminOnlyFolder, readFolderSecurity, type FolderSetAside } from './win32/admin-folder';
import { programDataFolder } from './win32/known-folders';
import { enableDebugPrivilege } from './win32/privileges';
import { win32ProcessControl, win32ProcessSource } from './win32/processes';
import { win32ServiceManager } from './win32/services';
import { win32HostedPlaces, win32HostedRegistry } from './win32/services/hosted-ports';
import { win32JobSystem } from './win32/jobs';
import { win32SystemProbe } from './win32/system';
import { win32AuditPorts } from './win32/audit-ports';

// Paths from this bundle (out/main/index.js), not app.getAppPath(): launched as `electron out/main/index.js`
// (the Playwright e2e run) the app path is out/main itself. Inside app.asar the same layout holds.
const rendererRoot = path.join(__dirname, '..', 'renderer');
const preloadPath = path.join(__dirname, '..', 'preload', 'index.cjs');
const devIconPath = path.join(__dirname, '..', '..', 'build', 'icon.png');

let mainWindow: BrowserWindow | null = null;
let lastUserInput = 0;
let logger: Logger = silentLogger;

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

/** Shows why the console cannot run and exits with code 1 (an error box works before ready too). */
function fail(title: string, err: unknown): void {
  logger.error(title, { error: describe(err) });
  dialog.showErrorBox(title, err instanceof Error ? err.message : String(err));
  app.exit(1);
}

async function startConsole(dataFolder: string): Promise<void> {
  // The default menu's Help items open electronjs.org; the installed console has no menu at all.
  if (app.isPackaged) Menu.setApplicationMenu(null);

  // Like Task Manager and System Informer: without SeDebugPrivilege an elevated admin still gets access
  // denied on SYSTEM and service processes.
  const debug = enableDebugPrivilege();
  if (!debug.enabled) logger.warn('SeDebugPrivilege not enabled: SYSTEM and service processes may refuse actions', { detail: debug.detail });

  denyAllPermissions(session.defaultSession, (what, detail) => logger.warn('session request refused', { what, detail }));
  serveRenderer(protocol, rendererRoot, {
    onRefused: (url, reason) => logger.warn('app:// request refused', { url: url.slice(0, 300), reason }),
  });

  // Electron's own processes (main, renderer, GPU, utility) are "this console"; what it runs for the admin is not.
  const consoleProcesses = trackConsoleProcesses(app, { ownPid: process.pid, logger });
  const core = await createConsoleCore({
    dataFolder,
    system: win32SystemProbe,
    processes: { source: win32ProcessSource, control: win32ProcessControl },
    services: win32ServiceManager,
    jobs: win32JobSystem,
    consolePids: consoleProcesses.pids,
    recheckConsolePids: () => consoleProcesses.recheckSoon(),
    audit: win32AuditPorts,
    logger,
    hosted: {
      registry: win32HostedRegistry,
      // Packaged: extraResources puts it beside app.asar; a development run uses the native build's output.
      ...win32HostedPlaces(dataFolder, app.isPackaged ? path.join(process.resourcesPath, 'service-host.exe') : path.join(app.getAppPath(), '.cache', 'rig', 'native', 'service-host.exe'), app.getVersion()),
    },
    emit: (event, payload) => {
      sendEvent(mainWindow, event, payload, logger);
    },
  });
  registerIpc(
    ipcMain,
    createDispatcher(core.handlers, logger),
    createTrustedSenderCheck(() => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow.webContents : null)),
    {
      desktop: createElectronDesktop<BrowserWindow>({
        // Wrapped: Electron's overloads (with or without a window) defeat inference.
        dialog: { showMessageBox: (w, o) => dialog.showMessageBox(w, o), showSaveDialog: (w, o) => dialog.showSaveDialog(w, o) },
        clipboard,
        shell: { openPath: (folder) => shell.openPath(folder) },
        documentsFolder: () => app.getPath('documents'),
        lastUserInput: () => lastUserInput,
        getWindow: () => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null),
      }),
    },
    logger,
  );
  stopBeforeQuit(
    app,
    () => {
      consoleProcesses.stop();
      return core.stop();
    },
    logger,
  );

  followSystemTheme(nativeTheme, () => mainWindow);
  mainWindow = openMainWindow(
    (options) => new BrowserWindow(options),
    {
      preloadPath,
      isPackaged: app.isPackaged,
      backgroundColor: windowBackground(nativeTheme),
      // The installed exe carries build/icon.ico; a development run borrows the PNG.
      ...(app.isPackaged ? {} : { iconPath: devIconPath }),
    },
    (err) => logger.error('the console page failed to load', { error: describe(err) }),
  );
  // Mouse and keyboard input the admin gives the window (not script): gates clipboard writes.
  mainWindow.webContents.on('input-event', (_event, input) => {
    if (input.type === 'mouseDown' || input.type === 'keyDown' || input.type === 'rawKeyDown') lastUserInput = Date.now();
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  // The window's renderer has just been started: Electron lists it once its launch completes.
  consoleProcesses.recheckSoon();
  await core.start();
  logger.info('console started', { dataFolder, packaged: app.isPackaged, version: app.getVersion() });
}

function bootstrap(): void {
  const guardPassed = enforceStartupGuard({
    isPackaged: app.isPackaged,
    argv: process.argv,
    env: process.env,
    showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    exit: (code) => app.exit(code),
    testBuild: __ADMIN_CONSOLE_TEST_BUILD__,
  });
  if (!guardPassed) return;
  app.enableSandbox();

  // Synchronous on purpose: the folder and its DACL must exist before Chromium writes its profile
  // there at ready, and userData must be set before ready and before the single-instance lock (which
  // Chromium keys on it). An elevated process must not load Local Storage, code cache or preferences
  // from %APPDATA%, where the same user's unelevated programs can write. A second start quits at the lock
  // before it touches the running console's folder (claimInstanceAndDataFolder says when securing comes first).
  let dataFolder: string;
  // A folder someone else prepared (owned by a standard user, or holding links) is moved aside and replaced;
  // the admin is told once the window exists, and the log records it.
  let setAside: FolderSetAside | undefined;
  let claimed: boolean;
  try {
    dataFolder = dataFolderFor(app.isPackaged, process.env, programDataFolder);
    claimed = claimInstanceAndDataFolder(app, () => mainWindow, dataFolder, {
      isAdminOnly: (folder) => {
        // A folder that does not exist (or cannot be read) is not admin-only: it is then secured first,
        // and ensureAdminOnlyFolder reports any real failure.
        try {
          return isAdminOnlySddl(readFolderSecurity(folder));
        } catch {
          return false;
        }
      },
      secure: (folder) => void ensureAdminOnlyFolder(folder, (event) => (setAside = event)),
      setUserData: (folder) => app.setPath('userData', folder),
    });
  } catch (err) {
    fail('Admin Console cannot prepare its data folder', err);
    return;
  }
  if (!claimed) return;

  registerAppScheme(protocol);
  logger = createFileLogger(dataFolder);
  if (setAside) {
    const { folder, movedTo, reason } = setAside;
    logger.warn('data folder was untrusted and has been replaced', { folder, movedTo, reason });
    app.once('ready', () =>
      dialog.showMessageBox({
        type: 'warning',
        title: 'Admin Console',
        message: 'The console found its data folder prepared by someone else and replaced it.',
        detail: `${reason}\n\nThe old folder was moved to:\n${movedTo}\n\nCheck who created it.`,
      }),
    );
  }

  guardAllWebContents(app, (what, url) => logger.warn('navigation or window refused', { what, url: url.slice(0, 300) }));
  app.on('render-process-gone', (_event, _contents, details) => logger.error('renderer process gone', { ...details }));
  app.on('child-process-gone', (_event, details) => logger.warn('child process gone', { ...details }));
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => startConsole(dataFolder))
    .catch((err: unknown) => fail('Admin Console could not start', err));
}

bootstrap();
