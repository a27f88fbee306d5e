/**
 * The Win32 side of hosted services for the core: the `Parameters` key (parameters-key.ts) and the host's
 * versioned copies in `<console folder>\service-host`, secured with HOST_BINARIES_SDDL (admin-folder.ts).
 */
import path from 'node:path';
import { sidText } from '../../core/hosted/account-sid';
import { HostBinaryStore } from '../../core/hosted/host-binary';
import type { HostedFolders, HostedRegistry } from '../../core/hosted/hosted-admin';
import { HOST_BINARIES_SDDL, ensureAdminOnlyFolder, ensureProtectedFolder } from '../admin-folder';
import { advapi32 } from '../advapi32';
import { Win32Error } from '../win32-error';
import { readParameters, writeParameters } from './parameters-key';

/** Reads and writes `Services\NAME\Parameters` through the registry. */
export const win32HostedRegistry: HostedRegistry = { read: readParameters, write: writeParameters };

/**
 * Where hosted services live below the console's folder (`<ProgramData>\Admin Console`, already secured by the
 * caller): the host copies and the log folders the host writes (`services\NAME`, CONTRACT.md).
 */
export function win32HostedPlaces(consoleFolder: string, hostSource: string, version: string): { folders: HostedFolders; hostBinary: HostBinaryStore; logRoot: string } {
  return {
    folders: win32HostedFolders,
    hostBinary: new HostBinaryStore({
      source: hostSource,
      version,
      root: path.win32.join(consoleFolder, 'service-host'),
      secureFolder: (folder) => void ensureProtectedFolder(folder, HOST_BINARIES_SDDL),
    }),
    logRoot: path.win32.join(consoleFolder, 'services'),
  };
}

/** SECURITY_MAX_SID_SIZE (winnt.h): no SID is longer. */
const SECURITY_MAX_SID_SIZE = 68;

/** The SID of an account name, as text (LookupAccountNameW). */
function lookupAccountSid(accountName: string): string {
  const sid = Buffer.alloc(SECURITY_MAX_SID_SIZE);
  const domain = Buffer.alloc(512);
  if (!advapi32().LookupAccountNameW(null, accountName, sid, [sid.length], domain, [domain.length / 2], [0])) {
    throw Win32Error.fromLastError(`LookupAccountNameW(${accountName})`);
  }
  return sidText(sid);
}

/** Log folders made by the elevated console for the service's account (see core/hosted/account-sid.ts). */
export const win32HostedFolders: HostedFolders = {
  prepareLogFolder(folder, sddl) {
    ensureAdminOnlyFolder(path.win32.dirname(folder));
    ensureProtectedFolder(folder, sddl);
  },
  lookupAccountSid,
};
