// Builds native/service-host/ (scripts/native-build.mjs) and copies service-host.exe to out/service-host/,
// where electron-builder.yml's extraResources picks it up for the installer (resources\service-host.exe).
//   node scripts/stage-service-host.mjs [outDir]   (default out/service-host, what `npm run dist` packs)
import fs from 'node:fs';
import path from 'node:path';
import { buildNative, isMainScript, nativeExe } from './native-build.mjs';
import { repoRoot } from './rig/config.mjs';

/** Builds the host if needed and stages it in `outDir`; returns the staged path. */
export function stageServiceHost(outDir, { log = () => {} } = {}) {
  buildNative({ log });
  const built = nativeExe('service-host');
  if (!fs.existsSync(built)) throw new Error(`${built} was not built: native/service-host/ is missing or failed to build`);
  fs.mkdirSync(outDir, { recursive: true });
  const staged = path.join(outDir, 'service-host.exe');
  fs.copyFileSync(built, staged);
  log(`[native] staged ${path.relative(repoRoot, staged)}`);
  return staged;
}

if (isMainScript(import.meta.url)) {
  stageServiceHost(path.resolve(process.argv[2] ?? path.join(repoRoot, 'out', 'service-host')), { log: console.log });
}
