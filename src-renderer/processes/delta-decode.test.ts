import { describe, expect, it } from 'vitest';
import { PROCESS_NUMBER_FIELDS } from '../../src-preload/contract/process-fields';
import { applyChange, decodeChanged } from './delta-decode';
import { testRow } from './test-processes';

const bit = (field: (typeof PROCESS_NUMBER_FIELDS)[number]) => 1 << PROCESS_NUMBER_FIELDS.indexOf(field);

describe('decodeChanged', () => {
  it('reads the values in field order for the bits set, whatever order the bits are', () => {
    const mask = bit('handleCount') | bit('cpuPercent') | bit('workingSetBytes');
    expect(decodeChanged([42, mask, 12.5, 4096, 77])).toEqual({
      pid: 42,
      fields: ['cpuPercent', 'workingSetBytes', 'handleCount'],
      values: [12.5, 4096, 77],
    });
  });

  it('takes null for cpuPercent (no reading yet) and fields the system may not report, but not for any other field', () => {
    expect(decodeChanged([7, bit('cpuPercent'), null])?.values).toEqual([null]);
    expect(decodeChanged([7, bit('privateBytes') | bit('basePriority') | bit('ioReadBytes'), null, null, null])?.values).toEqual([null, null, null]);
    expect(decodeChanged([7, bit('threadCount'), null])).toBeNull();
    expect(decodeChanged([7, bit('workingSetBytes'), null])).toBeNull();
  });

  it('decodes the last field (bit 11) and an entry with no changes', () => {
    expect(decodeChanged([9, bit('ioOtherBytes'), 5])?.fields).toEqual(['ioOtherBytes']);
    expect(decodeChanged([9, 0])).toEqual({ pid: 9, fields: [], values: [] });
  });

  it('rejects too few or too many values, unknown bits and a bad pid or mask', () => {
    expect(decodeChanged([1, bit('cpuPercent') | bit('privateBytes'), 3])).toBeNull();
    expect(decodeChanged([1, bit('cpuPercent'), 3, 4])).toBeNull();
    expect(decodeChanged([1, 1 << PROCESS_NUMBER_FIELDS.length, 3])).toBeNull();
    expect(decodeChanged([null, 1, 3])).toBeNull();
    expect(decodeChanged([-1, 1, 3])).toBeNull();
    expect(decodeChanged([1, 1.5, 3])).toBeNull();
    expect(decodeChanged([1])).toBeNull();
  });
});

describe('applyChange', () => {
  it('writes a null (no longer reported) as null, never as 0', () => {
    const row = testRow(7);
    const change = decodeChanged([7, bit('privateBytes'), null]);
    expect(change).not.toBeNull();
    if (change) applyChange(row, change);
    expect(row.privateBytes).toBeNull();
  });

  it('writes only the changed fields into the same row object', () => {
    const row = testRow(5, { cpuPercent: 1, threadCount: 3, handleCount: 9 });
    const change = decodeChanged([5, bit('cpuPercent') | bit('threadCount'), null, 8]);
    if (!change) throw new Error('decode failed');
    applyChange(row, change);
    expect(row.cpuPercent).toBeNull();
    expect(row.threadCount).toBe(8);
    expect(row.handleCount).toBe(9);
  });
});
