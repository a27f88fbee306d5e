// Prints, as JSON, how to start native/test-child.exe in the rig's Windows (natively on Windows, under the
// private Wine prefix on Linux): { command, args, env }. Builds the C helpers first. For end-to-end specs,
// which run in Playwright's CommonJS loader and so cannot import these ES modules directly.
//   node scripts/rig/test-child-command.mjs <test-child args...>
import { buildNative, nativeExe } from '../native-build.mjs';
import { isWindows, wineEnv } from './config.mjs';

buildNative({ log: () => {} });
const exe = nativeExe('test-child');
const args = process.argv.slice(2);
const env = isWindows ? {} : Object.fromEntries(Object.entries(wineEnv()).filter(([k]) => k.startsWith('WINE') || k === 'PATH'));
process.stdout.write(JSON.stringify(isWindows ? { command: exe, args, env } : { command: 'wine', args: [exe, ...args], env }));
