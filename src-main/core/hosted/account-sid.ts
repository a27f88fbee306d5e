/**
 * Who may write a hosted service's log folder. The host runs as the service's account, which is not an
 * administrator (the virtual account `NT SERVICE\NAME` by default), so it could not create
 * `<ProgramData>\Admin Console\services\NAME` below the admin-only console folder: the elevated console
 * creates it at install, for SYSTEM, Administrators and that account only.
 */
import { createHash } from 'node:crypto';
import type { HostedAccountValue } from '../../../src-preload/contract/hosted-schemas';

/**
 * The service SID of a service (`NT SERVICE\NAME`): S-1-5-80 followed by the SHA-1 of the upper-cased name in
 * UTF-16LE as five little-endian DWORDs ("Service SIDs"; TrustedInstaller gives the well-known
 * S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464). Needs no lookup, so it works before the
 * service exists and under Wine, which has no virtual accounts.
 */
export function serviceSid(serviceName: string): string {
  const digest = createHash('sha1').update(Buffer.from(serviceName.toUpperCase(), 'utf16le')).digest();
  const parts: number[] = [];
  for (let i = 0; i < 5; i++) parts.push(digest.readUInt32LE(i * 4));
  return `S-1-5-80-${parts.join('-')}`;
}

/** A binary SID ("SID structure": revision, count, 6-byte big-endian authority, count x DWORD) as text. */
export function sidText(sid: Buffer): string {
  const count = sid.readUInt8(1);
  const authority = sid.readUIntBE(2, 6);
  const subs: number[] = [];
  for (let i = 0; i < count; i++) subs.push(sid.readUInt32LE(8 + i * 4));
  return [`S-${sid.readUInt8(0)}-${authority}`, ...subs].join('-');
}

/** The account's SID in SDDL form: an alias for the built-in accounts, computed for a virtual account, looked up otherwise. */
export function accountSddlSid(serviceName: string, account: HostedAccountValue, lookup: (accountName: string) => string): string {
  switch (account.kind) {
    case 'virtual':
      return serviceSid(serviceName);
    case 'localSystem':
      return 'SY';
    case 'localService':
      return 'LS';
    case 'networkService':
      return 'NS';
    case 'user':
    case 'gmsa':
      return lookup(account.name);
  }
}

/**
 * The log folder's descriptor: owned by Administrators, SYSTEM and Administrators full control, the service's
 * account Modify (0x1301bf: read, write, execute and delete, so the host can rotate its files), nothing inherited.
 */
export function logFolderSddl(sid: string): string {
  return `O:BAD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1301bf;;;${sid})`;
}
