// Stages native/test-service.exe where the Services tests and e2e specs install it from: a folder whose
// path has spaces (<native out>/Test Service Dir/test-service.exe), so every install proves the binary
// path is quoted. Builds the C helpers first (only what changed).
import fs from 'node:fs';
import path from 'node:path';
import { buildNative, nativeExe } from '../native-build.mjs';
import { nativeOutDir } from './config.mjs';

/** The folder with spaces the test service is installed from. */
export const testServiceDir = path.join(nativeOutDir, 'Test Service Dir');

/**
 * Builds and copies test-service.exe into testServiceDir when the copy is missing or differs; returns
 * the staged path (host form: Linux path on Linux). A copy a running service holds (Windows locks a
 * running image) is left alone when it is already the same size and not older.
 */
export function stageTestService({ log = () => {} } = {}) {
  return stageNative('test-service', { log });
}

/**
 * Stages native/service-host/ (service-host.exe) beside the test service, in the same folder with
 * spaces, so every hosted service a test installs proves the host's path is quoted.
 */
export function stageServiceHost({ log = () => {} } = {}) {
  return stageNative('service-host', { log });
}

function stageNative(name, { log }) {
  buildNative({ log });
  const built = nativeExe(name);
  const staged = path.join(testServiceDir, `${name}.exe`);
  fs.mkdirSync(testServiceDir, { recursive: true });
  const from = fs.statSync(built);
  const to = fs.statSync(staged, { throwIfNoEntry: false });
  if (!to || to.size !== from.size || to.mtimeMs < from.mtimeMs) {
    fs.copyFileSync(built, staged);
    log(`[native] staged ${staged}`);
  }
  return staged;
}
