// Lint with import boundaries that fail the build: the renderer cannot reach Electron, Node or koffi;
// only src-preload touches ipcRenderer/contextBridge; only the Win32 layer (src-main/win32) imports koffi.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const koffiOnlyInWin32 = { name: 'koffi', message: 'Only the Win32 layer (src-main/win32) may import koffi.' };
const electronIpcOnlyInPreload = {
  name: 'electron',
  importNames: ['ipcRenderer', 'contextBridge'],
  message: 'Only src-preload may touch ipcRenderer or contextBridge.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A closure may read a binding that is assigned once later (the host's event sink and its server).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-restricted-imports': ['error', { paths: [koffiOnlyInWin32, electronIpcOnlyInPreload] }],
    },
  },
  {
    files: ['src-main/win32/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronIpcOnlyInPreload] }] },
  },
  {
    files: ['src-main/core/**', 'src-main/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [koffiOnlyInWin32, { name: 'electron', message: 'The core and the headless host know nothing of Electron.' }] },
      ],
    },
  },
  {
    files: ['src-preload/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [koffiOnlyInWin32] }] },
  },
  {
    files: ['src-preload/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [koffiOnlyInWin32, { name: 'electron', message: 'The contract is shared with the renderer; keep Electron out.' }, ...nodeBuiltins.map((name) => ({ name, message: 'The contract is shared with the renderer; keep Node out.' }))] },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer is sandboxed: use the window API from the preload.' },
            { name: 'koffi', message: 'The renderer cannot call Win32.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer cannot use Node built-ins.' })),
          ],
          patterns: [
            { group: ['**/src-main/**', '**/src-main'], message: 'The renderer cannot import main-process code.' },
            { group: ['**/src-preload/index*'], message: 'The renderer reaches the preload only through window.' },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src-preload/contract/schemas*', '**/src-preload/contract/service-schemas*', '**/src-preload/contract/job-schemas*'], allowTypeImports: true, message: 'The renderer imports contract types only (zod stays out of the renderer).' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'e2e/**', '*.config.*', 'eslint.config.mjs'],
    languageOptions: { globals: globals.node },
  },
);
