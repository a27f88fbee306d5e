import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const __dirname = dirname(fileURLToPath(import.meta.url));

// The preview bridge (scripts/preview/bridge.ts): one classic script, loaded before the app in the preview
// page only. Never part of the product.
export default defineConfig({
  build: {
    outDir: resolve(__dirname, 'out/preview'),
    emptyOutDir: true,
    minify: false,
    lib: { entry: resolve(__dirname, 'scripts/preview/bridge.ts'), formats: ['iife'], name: 'adminConsolePreviewBridge', fileName: () => 'bridge.js' },
  },
});
