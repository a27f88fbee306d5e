import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const __dirname = dirname(fileURLToPath(import.meta.url));

// The headless host as one CommonJS file for Windows node (native or under Wine). koffi stays external: it
// loads its platform prebuild at run time. Output goes to out/host, which electron-builder never packages.
export default defineConfig({
  build: {
    ssr: resolve(__dirname, 'src-main/host/host-main.ts'),
    outDir: resolve(__dirname, 'out/host'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      external: ['koffi', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: 'host.cjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
