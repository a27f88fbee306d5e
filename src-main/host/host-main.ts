/**
 * The headless host: runs the same core and handlers as Electron's main, outside Electron, and serves the
 * contract over a loopback WebSocket. For `npm run preview`, the end-to-end tests and the benchmarks only;
 * it is never packaged. Runs in Windows node (natively, or under Wine on Linux).
 *
 *   node host.cjs --ready-file <path> [--data-folder <path>] [--allow-origin <origin>]... [--port <n>]
 *
 * When listening it writes `{port, token, pid}` to the ready file (atomically) and logs to the data folder.
 * Windows node cannot write to Unix pipes under Wine, so nothing here relies on stdout.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConsoleCore } from '../core/console-core';
import { createFileLogger } from '../core/file-logger';
import { writeFileAtomic } from '../core/settings/atomic-file';
import { createDispatcher } from '../ipc/dispatch';
import { ensureAdminOnlyFolder } from '../win32/admin-folder';
import { programDataFolder } from '../win32/known-folders';
import { enableDebugPrivilege } from '../win32/privileges';
import { adminDataFolder } from '../shell/data-folder';
import { win32ProcessControl, win32ProcessSource } from '../win32/processes';
import { win32ServiceManager } from '../win32/services';
import { win32HostedPlaces, win32HostedRegistry } from '../win32/services/hosted-ports';
import { win32JobSystem } from '../win32/jobs';
import { win32SystemProbe } from '../win32/system';
import { startContractServer, type ContractServer } from './contract-server';
import { win32AuditPorts } from '../win32/audit-ports';

/** The headless host is never packaged: its host copies are labelled as a development build. */
const HOST_VERSION = '0.0.0-dev';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'ready-file': { type: 'string' },
      'data-folder': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      port: { type: 'string', default: '0' },
      'service-host': { type: 'string' },
    },
    strict: true,
  });
  if (!values['ready-file']) throw new Error('--ready-file is required');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0-65535, got ${values.port}`);
  // The parent is secured first: whoever owned a squatted parent could swap the folder inside it.
  const consoleFolder = ensureAdminOnlyFolder(adminDataFolder(programDataFolder));
  const dataFolder = values['data-folder'] ?? path.win32.join(consoleFolder, 'host');
  ensureAdminOnlyFolder(dataFolder);
  const logger = createFileLogger(dataFolder, 'host.log');
  const debug = enableDebugPrivilege();
  if (!debug.enabled) logger.warn('SeDebugPrivilege not enabled', { detail: debug.detail });

  let server: ContractServer | undefined;
  const core = await createConsoleCore({
    dataFolder,
    system: win32SystemProbe,
    processes: { source: win32ProcessSource, control: win32ProcessControl },
    services: win32ServiceManager,
    jobs: win32JobSystem,
    consolePids: new Set([process.pid]),
    audit: win32AuditPorts,
    logger,
    // Hosted services' host copies and logs are where the real host puts them (`<ProgramData>\Admin Console`),
    // whatever --data-folder says: the host reads ProgramData itself.
    hosted: {
      registry: win32HostedRegistry,
      ...win32HostedPlaces(consoleFolder, values['service-host'] ?? path.win32.join(path.win32.dirname(process.argv[1] ?? '.'), 'service-host.exe'), HOST_VERSION),
    },
    emit: (event, payload) => server?.broadcast(event, payload),
  });
  const token = randomBytes(32).toString('hex');
  server = await startContractServer({
    dispatch: createDispatcher(core.handlers, logger),
    token,
    allowedOrigins: values['allow-origin'],
    logger,
    port,
  });
  await core.start();
  await writeFileAtomic(values['ready-file'], JSON.stringify({ port: server.port, token, pid: process.pid }));
  logger.info('host listening', { port: server.port, dataFolder });

  const shutdown = async () => {
    await core.stop();
    await server?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((err) => {
  // stderr goes to the file the launcher gave us; the launcher shows it when the ready file never appears.
  process.stderr.write(`host failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
