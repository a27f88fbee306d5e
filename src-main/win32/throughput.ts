/**
 * What Task Manager's Performance tab shows beside CPU and memory, read directly (no PDH, no WMI, nothing
 * spawned): network bytes per interface (GetIfTable2) and disk bytes per physical disk
 * (IOCTL_DISK_PERFORMANCE), both cumulative counters the core turns into rates; and the time since boot.
 */
import koffi from 'koffi';
import type { DiskBytes, InterfaceOctets } from '../core/system/system-probe';
import { OwnedHandle, closeQuietly } from './handles';
import { iphlpapi } from './iphlpapi';
import { kernel32 } from './kernel32';
import { DISK_PERFORMANCE, MIB_IF_ROW2, MIB_IF_TABLE2 } from './structs';
import { Win32Error } from './win32-error';

/** Milliseconds since the system started (GetTickCount64: no wrap, unlike GetTickCount's 49.7 days). */
export function getUptimeMs(): number {
  return Number(kernel32().GetTickCount64());
}

const ROW_SIZE = koffi.sizeof(MIB_IF_ROW2);
const TABLE_OFFSET = koffi.offsetof(MIB_IF_TABLE2, 'Table');
const LUID_OFFSET = koffi.offsetof(MIB_IF_ROW2, 'InterfaceLuid');
const TYPE_OFFSET = koffi.offsetof(MIB_IF_ROW2, 'Type');
const FLAGS_OFFSET = koffi.offsetof(MIB_IF_ROW2, 'InterfaceAndOperStatusFlags');
const IN_OCTETS_OFFSET = koffi.offsetof(MIB_IF_ROW2, 'InOctets');
const OUT_OCTETS_OFFSET = koffi.offsetof(MIB_IF_ROW2, 'OutOctets');
/** IF_TYPE_SOFTWARE_LOOPBACK (ipifcons.h): traffic that never leaves the machine. */
const IF_TYPE_SOFTWARE_LOOPBACK = 24;
/** InterfaceAndOperStatusFlags bit 1, FilterInterface: a filter (QoS, WFP) stacked on an adapter counts that adapter's bytes again. */
const FILTER_INTERFACE = 0x02;

/**
 * Received and sent bytes of every interface but loopback and filter interfaces, so no byte is counted
 * twice ("MIB_IF_ROW2 structure (netioapi.h)"). The rows are read from the table's memory at the offsets
 * koffi computed (the layout test checks them against the SDK), not decoded into objects: each row carries
 * two 257-character strings the Performance view does not need.
 */
export function getInterfaceOctets(): InterfaceOctets[] {
  const api = iphlpapi();
  const table: [bigint | null] = [null];
  const status = api.GetIfTable2(table);
  if (status !== 0) throw Win32Error.fromCode('GetIfTable2', status);
  const pointer = table[0];
  if (pointer === null) throw Win32Error.fromCode('GetIfTable2', status);
  try {
    const count = koffi.decode(pointer, koffi.types.uint32) as number;
    const view = new DataView(koffi.view(pointer, TABLE_OFFSET + count * ROW_SIZE));
    const interfaces: InterfaceOctets[] = [];
    for (let i = 0; i < count; i++) {
      const row = TABLE_OFFSET + i * ROW_SIZE;
      if (view.getUint32(row + TYPE_OFFSET, true) === IF_TYPE_SOFTWARE_LOOPBACK) continue;
      if (view.getUint8(row + FLAGS_OFFSET) & FILTER_INTERFACE) continue;
      interfaces.push({
        id: view.getBigUint64(row + LUID_OFFSET, true).toString(),
        receivedBytes: view.getBigUint64(row + IN_OCTETS_OFFSET, true),
        sentBytes: view.getBigUint64(row + OUT_OCTETS_OFFSET, true),
      });
    }
    return interfaces;
  } finally {
    api.FreeMibTable(pointer);
  }
}

/** CTL_CODE(IOCTL_DISK_BASE, 0x0008, METHOD_BUFFERED, FILE_ANY_ACCESS) (winioctl.h). */
export const IOCTL_DISK_PERFORMANCE = 0x0007_0020;
const FILE_SHARE_READ = 0x1;
const FILE_SHARE_WRITE = 0x2;
const OPEN_EXISTING = 3;
const ERROR_FILE_NOT_FOUND = 2;
/** \\.\PhysicalDrive0 .. 31 are tried once; disk numbers past that are not looked for. */
export const MAX_PHYSICAL_DISKS = 32;

const DISK_PERFORMANCE_SIZE = koffi.sizeof(DISK_PERFORMANCE);
const BYTES_READ_OFFSET = koffi.offsetof(DISK_PERFORMANCE, 'BytesRead');
const BYTES_WRITTEN_OFFSET = koffi.offsetof(DISK_PERFORMANCE, 'BytesWritten');

/**
 * The physical disks' byte counters (IOCTL_DISK_PERFORMANCE, "Disk Devices" IOCTLs on MSDN): each
 * \\.\PhysicalDriveN is opened once with no access rights (the code is FILE_ANY_ACCESS) and kept open,
 * so a tick is one DeviceIoControl per disk and no CreateFileW. Wine 8 opens the disk but answers the
 * IOCTL with ERROR_NOT_SUPPORTED (50).
 */
export class PhysicalDiskCounters {
  private disks: { id: string; handle: OwnedHandle }[] | undefined;
  private readonly answer = Buffer.alloc(DISK_PERFORMANCE_SIZE);

  /**
   * Cumulative bytes per disk. A disk that does not answer (a card reader without media answers
   * ERROR_NOT_READY; a USB disk pulled out) is closed and left out from then on, so one odd device does not
   * hide the others; a Win32Error (the first failure) when no disk can be opened or none answers.
   */
  read(): DiskBytes[] {
    this.disks ??= openPhysicalDisks();
    const k32 = kernel32();
    const result: DiskBytes[] = [];
    let failure: Win32Error | undefined;
    for (const disk of [...this.disks]) {
      const returned: [number] = [0];
      if (!k32.DeviceIoControl(disk.handle.value, IOCTL_DISK_PERFORMANCE, null, 0, this.answer, DISK_PERFORMANCE_SIZE, returned, null)) {
        failure ??= Win32Error.fromLastError('DeviceIoControl(IOCTL_DISK_PERFORMANCE)');
        closeQuietly(disk.handle);
        this.disks = this.disks.filter((d) => d !== disk);
        continue;
      }
      result.push({
        id: disk.id,
        readBytes: this.answer.readBigInt64LE(BYTES_READ_OFFSET),
        writtenBytes: this.answer.readBigInt64LE(BYTES_WRITTEN_OFFSET),
      });
    }
    if (this.disks.length === 0 && failure) {
      // The caller stops asking after a failure (Wine never answers): nothing stays open for it.
      this.disks = undefined;
      throw failure;
    }
    return result;
  }

  /** Closes the disks' handles (a later read opens them again). */
  close(): void {
    for (const disk of this.disks ?? []) closeQuietly(disk.handle);
    this.disks = undefined;
  }
}

function openPhysicalDisks(): { id: string; handle: OwnedHandle }[] {
  const k32 = kernel32();
  const disks: { id: string; handle: OwnedHandle }[] = [];
  let failure: Win32Error | undefined;
  for (let n = 0; n < MAX_PHYSICAL_DISKS; n++) {
    const value = k32.CreateFileW(`\\\\.\\PhysicalDrive${n}`, 0, FILE_SHARE_READ | FILE_SHARE_WRITE, null, OPEN_EXISTING, 0, null);
    try {
      // Kept, not adopted: open for the console's life on purpose, so leak checks stay exact.
      disks.push({ id: `PhysicalDrive${n}`, handle: OwnedHandle.keep('disk', value, `CreateFileW(\\\\.\\PhysicalDrive${n})`) });
    } catch (err) {
      if (!(err instanceof Win32Error)) throw err;
      if (err.win32Code !== ERROR_FILE_NOT_FOUND) failure ??= err;
    }
  }
  if (disks.length === 0) throw failure ?? Win32Error.fromCode('CreateFileW(\\\\.\\PhysicalDrive0)', ERROR_FILE_NOT_FOUND);
  return disks;
}
