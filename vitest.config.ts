import { defineConfig } from 'vitest/config';

// Unit tests run in Linux node with test doubles. Win32 integration tests (*.win32.test.ts) and the
// struct layout test run inside Windows node (under Wine on Linux) through scripts/test-all.mjs.
export default defineConfig({
  test: {
    include: ['src-main/**/*.test.ts', 'src-preload/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    exclude: ['**/*.win32.test.ts', 'node_modules/**', 'out/**'],
    environment: 'node',
    pool: 'threads',
    // Vitest empties CSS imports unless told: the stylesheet's own test (chart-style.test.ts) reads it with ?raw.
    css: { include: [/src-renderer\/styles\.css/] },
  },
});
