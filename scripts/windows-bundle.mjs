// Bundles a TypeScript entry into one CommonJS file for Windows node (native, or under Wine): everything
// inlined except koffi, which loads its platform prebuild at run time. Used by the Win32 test suites and
// the benchmarks.
import { build } from 'vite';
import path from 'node:path';
import { repoRoot } from './rig/config.mjs';

/** Bundles `entry` to `outDir/fileName`; returns the output path. */
export async function bundleForWindowsNode(entry, outDir, fileName, { mode = 'production' } = {}) {
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    mode,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: 'inline',
      reportCompressedSize: false,
      rolldownOptions: {
        external: ['koffi'],
        output: { format: 'cjs', entryFileNames: fileName },
      },
    },
  });
  return path.join(outDir, fileName);
}
