// Starts the headless host in Windows node (natively on Windows, under Wine on Linux) and waits until it
// listens. Used by the preview, the end-to-end tests and the benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { cacheDir } from './rig/config.mjs';
import { forWindows, spawnWindowsNode } from './rig/windows-node.mjs';
import { outPaths } from './dev-build.mjs';
import { nativeExe } from './native-build.mjs';

/**
 * Returns { port, token, pid, logFile, stop() }. Throws with the host's own output when it does not come up
 * within `timeoutMs`.
 */
export async function startHost({ dataFolder, allowedOrigins = [], timeoutMs = 60_000, name = 'host' } = {}) {
  const runDir = path.join(cacheDir, 'runs');
  // The ready file holds the host's token: owner-only.
  fs.mkdirSync(runDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(runDir, 0o700);
  const readyFile = path.join(runDir, `${name}-${process.pid}.ready.json`);
  const logFile = path.join(runDir, `${name}-${process.pid}.out.txt`);
  fs.rmSync(readyFile, { force: true });
  fs.mkdirSync(dataFolder, { recursive: true });
  const args = [forWindows(outPaths.host), '--ready-file', forWindows(readyFile), '--data-folder', forWindows(dataFolder), '--service-host', forWindows(nativeExe('service-host'))];
  for (const origin of allowedOrigins) args.push('--allow-origin', origin);
  const child = spawnWindowsNode(args, { outputFile: logFile });
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(readyFile)) {
      const ready = JSON.parse(fs.readFileSync(readyFile, 'utf8'));
      return { ...ready, logFile, child, stop };
    }
    if (exited) break;
    await sleep(100);
  }
  await stop();
  const output = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  throw new Error(`the headless host did not start (${exited ? `exit ${exited.code ?? exited.signal}` : 'timed out'}):\n${output}`);
}
