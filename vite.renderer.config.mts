import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const __dirname = dirname(fileURLToPath(import.meta.url));

/** The renderer build, shared by electron-vite (the app) and the preview server. */
export const rendererConfig: UserConfig = {
  root: resolve(__dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    minify: true,
    rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
  },
};

export default rendererConfig;
