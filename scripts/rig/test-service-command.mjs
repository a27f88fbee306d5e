// Prints, as JSON, where native/test-service.exe is staged for installing as a service: { program }, the
// Windows path (Z:\... under Wine) of a copy in a folder whose path has spaces. Builds and stages it
// first. For end-to-end specs, which run in Playwright's CommonJS loader and cannot import TS modules.
//   node scripts/rig/test-service-command.mjs
import { forWindows } from './windows-node.mjs';
import { stageTestService } from './test-service.mjs';

process.stdout.write(JSON.stringify({ program: forWindows(stageTestService()) }));
