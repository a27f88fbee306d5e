import { describe, expect, test } from 'vitest';
import { IDLE_PROCESS_NAME, SNAPSHOT_LAYOUT as L, parseProcessSnapshot } from './snapshot-parse';

const BASE = 0x10_0000n;

interface FakeEntry {
  pid: number;
  parentPid?: number;
  name?: string;
  threads?: number;
  createTime?: bigint;
  workingSet?: number;
  /** ThreadState/WaitReason per thread (default 0/0, as Wine leaves them). */
  threadStates?: [number, number][];
  /** Bytes between the thread array and the name (where RS3+ puts its extension). */
  gap?: number;
  extension?: { diskRead: number; diskWrite?: number; jobObjectId: number; sequence: bigint };
}

/** Lays entries out as the kernel does: header, threads, [extension], name, 8-aligned. */
function build(entries: FakeEntry[]): { buffer: Buffer; length: number } {
  const buffer = Buffer.alloc(64 * 1024);
  let at = 0;
  entries.forEach((e, i) => {
    const threads = e.threads ?? 1;
    const threadsEnd = at + L.entrySize + threads * L.threadSize;
    const nameAt = threadsEnd + (e.gap ?? 0);
    const nameBytes = Buffer.from(e.name ?? '', 'utf16le');
    buffer.writeUInt32LE(threads, at + L.numberOfThreads);
    (e.threadStates ?? []).forEach(([state, reason], t) => {
      buffer.writeUInt32LE(state, at + L.entrySize + t * L.threadSize + L.threadState);
      buffer.writeUInt32LE(reason, at + L.entrySize + t * L.threadSize + L.threadWaitReason);
    });
    buffer.writeUInt32LE(e.pid, at + L.pid);
    buffer.writeUInt32LE(e.parentPid ?? 0, at + L.parentPid);
    buffer.writeBigInt64LE(e.createTime ?? 0n, at + L.createTime);
    buffer.writeBigInt64LE(123n, at + L.userTime);
    buffer.writeUInt32LE(e.workingSet ?? 0, at + L.workingSet);
    buffer.writeUInt32LE(1, at + L.workingSet + 4); // + 4 GiB: the high half is read too
    buffer.writeInt32LE(8, at + L.basePriority);
    if (e.name) {
      buffer.writeUInt16LE(nameBytes.length, at + L.nameLength);
      buffer.writeBigUInt64LE(BASE + BigInt(nameAt), at + L.nameBuffer);
      nameBytes.copy(buffer, nameAt);
    }
    if (e.extension) {
      buffer.writeBigUInt64LE(BigInt(e.extension.diskRead), threadsEnd + L.extDiskRead);
      buffer.writeBigUInt64LE(BigInt(e.extension.diskWrite ?? 0), threadsEnd + L.extDiskWrite);
      buffer.writeUInt32LE(e.extension.jobObjectId, threadsEnd + L.extJobObjectId);
      buffer.writeBigUInt64LE(e.extension.sequence, threadsEnd + L.extSequenceNumber);
    }
    const end = Math.ceil((nameAt + nameBytes.length + 2) / 8) * 8;
    if (i < entries.length - 1) buffer.writeUInt32LE(end - at, at + L.nextEntryOffset);
    at = end;
  });
  return { buffer, length: at };
}

describe('parseProcessSnapshot', () => {
  test('walks the chain and decodes every field we use', () => {
    const { buffer, length } = build([
      { pid: 0, threads: 4 },
      { pid: 4, name: 'System', threads: 100 },
      { pid: 1234, parentPid: 4, name: 'notepad ✓.exe', createTime: 133_000_000_000_000_000n, workingSet: 4096 },
    ]);
    const { processes, extensions } = parseProcessSnapshot(buffer, length, BASE, false);
    expect(extensions).toBeNull();
    expect(processes.map((p) => [p.pid, p.name, p.threadCount])).toEqual([
      [0, IDLE_PROCESS_NAME, 4],
      [4, 'System', 100],
      [1234, 'notepad ✓.exe', 1],
    ]);
    const notepad = processes[2]!;
    expect(notepad.parentPid).toBe(4);
    expect(notepad.createTime).toBe(133_000_000_000_000_000n);
    expect(notepad.workingSetBytes).toBe(4096 + 2 ** 32);
    expect(notepad.userTime).toBe(123n);
    expect(notepad.basePriority).toBe(8);
  });

  test('reads the RS3+ extension only where an entry has room for it', () => {
    const ext = { diskRead: 777, jobObjectId: 9, sequence: 42n };
    const { buffer, length } = build([
      { pid: 0, gap: L.extensionSize, extension: { ...ext, sequence: 1n } },
      { pid: 8, name: 'with.exe', gap: L.extensionSize, extension: ext },
      { pid: 12, name: 'without.exe' },
    ]);
    const { extensions } = parseProcessSnapshot(buffer, length, BASE, true);
    expect(extensions).toEqual([
      { diskReadBytes: 777, diskWriteBytes: 0, jobObjectId: 9, sequenceNumber: 1n },
      { diskReadBytes: 777, diskWriteBytes: 0, jobObjectId: 9, sequenceNumber: 42n },
      null,
    ]);
  });

  test('each extension lands on its own process as RawProcess.extension; none is left absent', () => {
    const { buffer, length } = build([
      { pid: 4, name: 'System', gap: L.extensionSize, extension: { diskRead: 10, diskWrite: 20, jobObjectId: 0, sequence: 1n } },
      { pid: 8, name: 'old.exe' },
      { pid: 12, name: 'in-job.exe', threads: 3, gap: L.extensionSize, extension: { diskRead: 2 ** 33 + 5, diskWrite: 7, jobObjectId: 42, sequence: 9n } },
    ]);
    const { processes } = parseProcessSnapshot(buffer, length, BASE, true);
    expect(processes.map((p) => [p.pid, p.extension])).toEqual([
      [4, { diskReadBytes: 10, diskWriteBytes: 20, jobObjectId: 0 }],
      [8, undefined],
      [12, { diskReadBytes: 2 ** 33 + 5, diskWriteBytes: 7, jobObjectId: 42 }],
    ]);
    expect('extension' in processes[1]!).toBe(false);
    // Not looked for (pre-RS3, Wine): no process has the property at all, even where bytes would fit.
    expect(parseProcessSnapshot(buffer, length, BASE, false).processes.some((p) => 'extension' in p)).toBe(false);
  });

  test('a pre-RS3 (or Wine) layout never yields an extension, even when asked to look', () => {
    const { buffer, length } = build([{ pid: 0, threads: 2 }, { pid: 4, name: 'System' }, { pid: 8, name: 'a.exe' }]);
    expect(parseProcessSnapshot(buffer, length, BASE, true).extensions).toEqual([null, null, null]);
  });

  test('counts the threads waiting with reason Suspended (state 5, reason 5), and whether any state is filled in', () => {
    const { buffer, length } = build([
      { pid: 8, name: 'suspended.exe', threads: 2, threadStates: [[5, 5], [5, 5]] },
      // Waiting for a user request (reason 6) or executive (0), or Running (2): not suspended.
      { pid: 12, name: 'half.exe', threads: 3, threadStates: [[5, 5], [5, 6], [2, 0]] },
      { pid: 16, name: 'wine.exe', threads: 2 },
      { pid: 20, name: 'exiting.exe', threads: 0 },
    ]);
    const { processes } = parseProcessSnapshot(buffer, length, BASE, false);
    expect(processes.map((p) => [p.pid, p.threadCount, p.suspendedThreads, p.threadStateSeen])).toEqual([
      [8, 2, 2, true],
      [12, 3, 1, true],
      [16, 2, 0, false],
      [20, 0, 0, false],
    ]);
  });

  test('a chain or a name leaving the buffer is an error, not garbage', () => {
    const { buffer, length } = build([{ pid: 4, name: 'System' }, { pid: 8, name: 'a.exe' }]);
    // The first entry is whole; the second is cut off after 8 bytes.
    expect(() => parseProcessSnapshot(buffer, buffer.readUInt32LE(L.nextEntryOffset) + 8, BASE, false)).toThrow(/runs past/);
    expect(() => parseProcessSnapshot(buffer, length, BASE + 0x1000n, false)).toThrow(/outside the snapshot buffer/);
  });
});
