// Starts a script in Windows node: natively on Windows, under Wine on Linux.
// Windows node's process.stdout/stderr throw EBADF on Unix pipes, so output goes to a file (a file
// descriptor works), which the caller reads when the process ends or tails while it runs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { isWindows, nodeExe, toWinePath, wineEnv } from './config.mjs';

/** Converts a path for the Windows side (identity on Windows). */
export const forWindows = (p) => (isWindows ? p : toWinePath(p));

/**
 * Spawns Windows node with `args` (script paths already converted with forWindows). stdout and
 * stderr both go to `outputFile`. Resolves nothing: returns the ChildProcess.
 */
export function spawnWindowsNode(args, { outputFile, env = {}, cwd } = {}) {
  const fd = fs.openSync(outputFile, 'w');
  const child = isWindows
    ? spawn(process.execPath, args, { stdio: ['ignore', fd, fd], env: { ...process.env, ...env }, cwd, windowsHide: true })
    : spawn('wine', [nodeExe, ...args], { stdio: ['ignore', fd, fd], env: wineEnv(env), cwd });
  fs.closeSync(fd);
  return child;
}

/**
 * Runs a script to completion; resolves { code, signal, output, timedOut, lingered }.
 *
 * `finished(output)`, when given, says from the output so far that the script's work is done (a test run's
 * closing summary). If the process is still there `lingerMs` after that, it is ended and `lingered` is true:
 * under Wine, the first process that needs the desktop window starts explorer.exe /desktop and hands it its
 * own stderr (Wine's GetDesktopWindow, dlls/user32/win.c: STARTUPINFO hStdError = GetStdHandle(STD_ERROR_HANDLE)).
 * When that process is node:test's child running the test file, explorer keeps the write end of the child's
 * stderr pipe open after the child exits, so the parent runner never sees its end and never exits (seen in
 * 2 of 9 win32 runs once the Processes tick listed windows; killing explorer.exe let node exit at once).
 */
export function runWindowsNode(args, { outputFile, env, cwd, ...supervision } = {}) {
  return superviseRun(spawnWindowsNode(args, { outputFile, env, cwd }), { outputFile, ...supervision });
}

/** Waits for `child` (its output going to `outputFile`) under runWindowsNode's rules; exported for its test. */
export function superviseRun(child, { outputFile, timeoutMs = 120_000, finished, lingerMs = 15_000, pollMs = 1000 }) {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    let lingered = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    let doneAt = null;
    const watch = finished
      ? setInterval(() => {
          if (doneAt === null) {
            if (finished(fs.readFileSync(outputFile, 'utf8'))) doneAt = Date.now();
          } else if (Date.now() - doneAt >= lingerMs) {
            lingered = true;
            child.kill('SIGKILL');
          }
        }, pollMs)
      : null;
    const stop = () => {
      clearTimeout(timer);
      if (watch) clearInterval(watch);
    };
    child.on('error', (err) => {
      stop();
      reject(err);
    });
    child.on('exit', (code, signal) => {
      stop();
      resolve({ code, signal, timedOut, lingered, output: fs.readFileSync(outputFile, 'utf8') });
    });
  });
}
