// The import boundaries are part of the security design, so prove that the lint really fails on each
// crossing (and stays quiet on the allowed imports), using the project's own eslint.config.mjs.
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImportErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => /no-restricted-imports/.test(m.ruleId ?? '')).map((m) => m.message);
}

describe('lint import boundaries', () => {
  // The first lintText loads eslint.config.mjs and its plugins (several seconds cold on a loaded 2-core machine),
  // which used to be charged to the first case and time it out. Load it once here, with a budget of its own, so
  // each case's time is its lint alone.
  beforeAll(async () => {
    await eslint.calculateConfigForFile(path.join(root, 'src-renderer/x.ts'));
    await restrictedImportErrors('src-renderer/x.ts', 'export {};');
  }, 60_000);

  it.each([
    ['src-renderer/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;"],
    ['src-renderer/x.ts', "import fs from 'node:fs';\nvoid fs;"],
    ['src-renderer/x.ts', "import fs from 'fs';\nvoid fs;"],
    ['src-renderer/x.ts', "import koffi from 'koffi';\nvoid koffi;"],
    ['src-renderer/x.ts', "import { AppError } from '../src-main/core/app-error';\nvoid AppError;"],
    ['src-renderer/x.ts', "import { channelSchemas } from '../src-preload/contract/schemas';\nvoid channelSchemas;"],
    ['src-main/core/x.ts', "import koffi from 'koffi';\nvoid koffi;"],
    ['src-main/core/x.ts', "import { app } from 'electron';\nvoid app;"],
    ['src-main/host/x.ts', "import { app } from 'electron';\nvoid app;"],
    ['src-main/shell/x.ts', "import koffi from 'koffi';\nvoid koffi;"],
    ['src-main/shell/x.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;"],
    ['src-main/main.ts', "import { contextBridge } from 'electron';\nvoid contextBridge;"],
    ['src-preload/contract/x.ts', "import path from 'node:path';\nvoid path;"],
    ['src-preload/x.ts', "import koffi from 'koffi';\nvoid koffi;"],
  ])('%s refuses: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['src-main/win32/x.ts', "import koffi from 'koffi';\nvoid koffi;"],
    ['src-preload/x.ts', "import { contextBridge, ipcRenderer } from 'electron';\nvoid contextBridge; void ipcRenderer;"],
    ['src-main/shell/x.ts', "import { app, ipcMain } from 'electron';\nvoid app; void ipcMain;"],
    ['src-renderer/x.ts', "import type { SettingsValue } from '../src-preload/contract/schemas';\nexport type S = SettingsValue;"],
  ])('%s allows: %s', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
