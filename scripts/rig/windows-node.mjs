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

/** Runs a script to completion; resolves { code, signal, output, timedOut }. */
export function runWindowsNode(args, { outputFile, env, cwd, timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnWindowsNode(args, { outputFile, env, cwd });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, output: fs.readFileSync(outputFile, 'utf8') });
    });
  });
}
