/**
 * The Win32 side of hosted services for the core: the `Parameters` key (parameters-key.ts) and the host's
 * versioned copies in `<console folder>\service-host`, secured with HOST_BINARIES_SDDL (admin-folder.ts).
 */
import path from 'node:path';
import { HostBinaryStore } from '../../core/hosted/host-binary';
import type { HostedRegistry } from '../../core/hosted/hosted-admin';
import { HOST_BINARIES_SDDL, ensureProtectedFolder } from '../admin-folder';
import { readParameters, writeParameters } from './parameters-key';

/** Reads and writes `Services\NAME\Parameters` through the registry. */
export const win32HostedRegistry: HostedRegistry = { read: readParameters, write: writeParameters };

/**
 * Where hosted services live below the console's folder (`<ProgramData>\Admin Console`, already secured by the
 * caller): the host copies and the log folders the host writes (`services\NAME`, CONTRACT.md).
 */
export function win32HostedPlaces(consoleFolder: string, hostSource: string, version: string): { hostBinary: HostBinaryStore; logRoot: string } {
  return {
    hostBinary: new HostBinaryStore({
      source: hostSource,
      version,
      root: path.win32.join(consoleFolder, 'service-host'),
      secureFolder: (folder) => void ensureProtectedFolder(folder, HOST_BINARIES_SDDL),
    }),
    logRoot: path.win32.join(consoleFolder, 'services'),
  };
}
