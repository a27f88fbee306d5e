/**
 * Whether this process runs elevated. The console needs it to create its data folder owned by
 * Administrators: a filtered (UAC, not elevated) token has Administrators as a deny-only group, so
 * CreateDirectoryW with owner BA fails with ERROR_INVALID_OWNER (1307).
 */
import koffi from 'koffi';
import { TOKEN_QUERY, TokenElevation, advapi32 } from './advapi32';
import { OwnedHandle } from './handles';
import { kernel32 } from './kernel32';
import { TOKEN_ELEVATION } from './structs';
import type { Pointer } from './types';
import { Win32Error } from './win32-error';

const ELEVATED = koffi.offsetof(TOKEN_ELEVATION, 'TokenIsElevated');

/**
 * True when this process's token is elevated: GetTokenInformation(TokenElevation), "TOKEN_ELEVATION
 * structure (winnt.h)". Also true with UAC off for an administrator, and for SYSTEM. Wine 8 answers
 * TRUE (its default prefix user is an administrator with a full token).
 */
export function isProcessElevated(): boolean {
  const out: [Pointer] = [null];
  if (!advapi32().OpenProcessToken(kernel32().GetCurrentProcess(), TOKEN_QUERY, out)) throw Win32Error.fromLastError('OpenProcessToken');
  const token = OwnedHandle.adopt('token', out[0], 'OpenProcessToken');
  try {
    const buffer = Buffer.alloc(koffi.sizeof(TOKEN_ELEVATION));
    const returned: [number] = [0];
    if (!advapi32().GetTokenInformation(token.value, TokenElevation, buffer, buffer.length, returned)) {
      throw Win32Error.fromLastError('GetTokenInformation(TokenElevation)');
    }
    return buffer.readUInt32LE(ELEVATED) !== 0;
  } finally {
    token.close();
  }
}
