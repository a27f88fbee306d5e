import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.mts';

// One build tool for the three targets. The preload is sandboxed, so it must be a single CommonJS
// file with no imports beyond 'electron' (it only imports channel names, never zod).
export default defineConfig({
  main: {
    // The end-to-end test build accepts Playwright's --inspect/--remote-debugging-port (see startup-guard.ts).
    define: { __ADMIN_CONSOLE_TEST_BUILD__: JSON.stringify(process.env.ADMIN_CONSOLE_TEST_BUILD === '1') },
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(__dirname, 'src-main/main.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: rendererConfig,
});
