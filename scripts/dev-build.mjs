// Builds what the preview, the end-to-end tests and the benchmarks need: the renderer, the preview bridge
// and the headless host, each with its own vite config (the same renderer config electron-vite uses).
import path from 'node:path';
import { build } from 'vite';
import { repoRoot } from './rig/config.mjs';

const configs = {
  renderer: 'vite.renderer.config.mts',
  bridge: 'vite.bridge.config.mts',
  host: 'vite.host.config.mts',
};

/** Builds the named targets (default: all three), quietly. */
export async function devBuild(targets = Object.keys(configs)) {
  for (const target of targets) {
    await build({ configFile: path.join(repoRoot, configs[target]), logLevel: 'warn', root: undefined });
  }
}

export const outPaths = {
  renderer: path.join(repoRoot, 'out', 'renderer'),
  bridge: path.join(repoRoot, 'out', 'preview', 'bridge.js'),
  host: path.join(repoRoot, 'out', 'host', 'host.cjs'),
};
