/**
 * Who a process runs as: its token's user SID (OpenProcessToken -> GetTokenInformation(TokenUser))
 * as DOMAIN\user (LookupAccountSidW). Names are cached by SID: a machine has a handful of accounts,
 * and LookupAccountSidW may ask a domain controller.
 */
import koffi from 'koffi';
import { AppError } from '../../core/app-error';
import { TOKEN_QUERY, TokenUser, advapi32 } from '../advapi32';
import { OwnedHandle, closeQuietly } from '../handles';
import { kernel32 } from '../kernel32';
import { SID_AND_ATTRIBUTES, TOKEN_USER } from '../structs';
import type { Pointer } from '../types';
import { Win32Error } from '../win32-error';

const ERROR_INSUFFICIENT_BUFFER = 122;
const USER_SID = koffi.offsetof(TOKEN_USER, 'User') + koffi.offsetof(SID_AND_ATTRIBUTES, 'Sid');

/** TOKEN_USER plus its SID (at most 68 bytes) fits easily; a larger answer gets its own buffer. */
const tokenBuffer = Buffer.alloc(256);
const accountNames = new Map<string, string>();

/** Opens the process's token for TOKEN_QUERY; the caller closes it. */
function openToken(process: Pointer): OwnedHandle {
  const token: [Pointer] = [null];
  if (!advapi32().OpenProcessToken(process, TOKEN_QUERY, token)) throw Win32Error.fromLastError('OpenProcessToken');
  return OwnedHandle.adopt('token', token[0], 'OpenProcessToken');
}

/** DOMAIN\user for a SID at `sid` (an address), retrying once with the sizes the call asks for. */
function lookupAccount(sid: bigint): string {
  const capacity: [number, number] = [256, 256];
  for (let attempt = 0; attempt < 2; attempt++) {
    const name = Buffer.alloc(capacity[0] * 2);
    const domain = Buffer.alloc(capacity[1] * 2);
    const nameSize: [number] = [capacity[0]];
    const domainSize: [number] = [capacity[1]];
    const use: [number] = [0];
    if (advapi32().LookupAccountSidW(null, sid, name, nameSize, domain, domainSize, use)) {
      const user = name.toString('utf16le', 0, nameSize[0] * 2);
      const where = domain.toString('utf16le', 0, domainSize[0] * 2);
      return where ? `${where}\\${user}` : user;
    }
    const error = kernel32().GetLastError();
    if (error !== ERROR_INSUFFICIENT_BUFFER) throw Win32Error.fromCode('LookupAccountSidW', error);
    capacity[0] = nameSize[0];
    capacity[1] = domainSize[0];
  }
  throw Win32Error.fromCode('LookupAccountSidW', ERROR_INSUFFICIENT_BUFFER);
}

/** The account an open process (PROCESS_QUERY_LIMITED_INFORMATION) runs as, DOMAIN\user. */
export function readProcessUser(process: OwnedHandle): string {
  return readTokenUser(process.value);
}

/** The account this process runs as, DOMAIN\user (GetCurrentProcess's pseudo handle needs no closing). */
export function readCurrentProcessUser(): string {
  return readTokenUser(kernel32().GetCurrentProcess());
}

function readTokenUser(process: Pointer): string {
  const token = openToken(process);
  try {
    let buffer = tokenBuffer;
    const returned: [number] = [0];
    let ok = advapi32().GetTokenInformation(token.value, TokenUser, buffer, buffer.length, returned);
    if (!ok && kernel32().GetLastError() === ERROR_INSUFFICIENT_BUFFER) {
      buffer = Buffer.alloc(returned[0]);
      ok = advapi32().GetTokenInformation(token.value, TokenUser, buffer, buffer.length, returned);
    }
    if (!ok) throw Win32Error.fromLastError('GetTokenInformation(TokenUser)');
    // The SID pointer points into our buffer: its bytes (8 + 4 per sub-authority) key the cache.
    const sid = buffer.readBigUInt64LE(USER_SID);
    const start = Number(sid - koffi.address(buffer));
    if (start < 0 || start + 8 > returned[0]) throw new AppError('INTERNAL', 'TokenUser returned a SID outside its buffer');
    const key = buffer.toString('hex', start, start + 8 + 4 * buffer.readUInt8(start + 1));
    let account = accountNames.get(key);
    if (account === undefined) accountNames.set(key, (account = lookupAccount(sid)));
    return account;
  } finally {
    // Cleanup never throws: a user already read stands (a failure is in handleLedger.closeFailures()).
    closeQuietly(token);
  }
}
