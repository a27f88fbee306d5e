import { describe, expect, it } from 'vitest';
import type { ProcessRowValue } from '../../../src-preload/contract/schemas';
import { AccountingReader } from '../jobs/accounting-unreported';
import { HostedAccounting } from './hosted-accounting';
import { contractStatus } from './test-hosted';

/** The process table's rows by PID (only the figures the rule reads). */
function table(rows: Record<number, { cpuPercent: number | null; workingSetBytes: number; userTimeMs?: number; kernelTimeMs?: number }>) {
  return {
    findByPid: (pid: number) => {
      const r = rows[pid];
      return r ? ({ pid, createTime: '1', userTimeMs: 0, kernelTimeMs: 0, ...r } as unknown as ProcessRowValue) : undefined;
    },
  };
}

const zeros = { activeProcesses: 2, totalProcesses: 2, userTimeMs: 0, kernelTimeMs: 0, peakProcessMemoryBytes: 0, peakJobMemoryBytes: 0 };
const wine = () => new AccountingReader({ underWine: true });

describe('HostedAccounting', () => {
  it("makes Wine's zeros unknown, with why, when the members visibly use CPU and memory", () => {
    const accounting = new HostedAccounting(wine(), table({ 5678: { cpuPercent: 3, workingSetBytes: 8 << 20 } }));
    const shown = accounting.shown(contractStatus({ job: zeros }));
    expect(shown.status.job).toEqual({ activeProcesses: 2, totalProcesses: 2, userTimeMs: null, kernelTimeMs: null, peakProcessMemoryBytes: null, peakJobMemoryBytes: null });
    expect(shown.unreported).toEqual({
      userTimeMs: 'Wine does not report job CPU times',
      kernelTimeMs: 'Wine does not report job CPU times',
      peakProcessMemoryBytes: 'Wine does not report job peak memory',
      peakJobMemoryBytes: 'Wine does not report job peak memory',
    });
    // Everything else is passed on as the host sent it.
    expect({ ...shown.status, job: null }).toEqual(contractStatus({ job: null }));
  });

  it('counts the CPU time a member used so far (every member started inside the host’s job)', () => {
    const accounting = new HostedAccounting(wine(), table({ 5690: { cpuPercent: 0, workingSetBytes: 0, userTimeMs: 40, kernelTimeMs: 10 } }));
    const shown = accounting.shown(contractStatus({ job: zeros }));
    expect(shown.status.job?.userTimeMs).toBeNull();
    expect(shown.status.job?.peakJobMemoryBytes).toBe(0);
    expect(Object.keys(shown.unreported).sort()).toEqual(['kernelTimeMs', 'userTimeMs']);
  });

  it('keeps a 0 when nothing shows it is wrong (idle members, or members not in the table yet)', () => {
    const accounting = new HostedAccounting(wine(), table({ 5678: { cpuPercent: 0, workingSetBytes: 0 } }));
    const shown = accounting.shown(contractStatus({ job: zeros }));
    expect(shown.status.job).toEqual(zeros);
    expect(shown.unreported).toEqual({});
  });

  it('passes reported figures and the host’s own nulls on unchanged, and forgets what it learned once a figure comes back', () => {
    const rows: Parameters<typeof table>[0] = { 5678: { cpuPercent: 3, workingSetBytes: 8 << 20 } };
    const accounting = new HostedAccounting(wine(), table(rows));
    expect(accounting.shown(contractStatus())).toEqual({ status: contractStatus(), unreported: {} });
    expect(accounting.shown(contractStatus({ job: zeros })).unreported.userTimeMs).toBe('Wine does not report job CPU times');
    // Learned: a 0 stays unknown while the members rest.
    rows[5678] = { cpuPercent: 0, workingSetBytes: 0 };
    expect(accounting.shown(contractStatus({ job: zeros })).unreported.userTimeMs).toBe('Wine does not report job CPU times');
    const reported = { ...zeros, userTimeMs: 15, peakJobMemoryBytes: 9 << 20 };
    expect(accounting.shown(contractStatus({ job: reported }))).toEqual({ status: contractStatus({ job: reported }), unreported: {} });
    // Proven reported: a later 0 with resting members is a real 0 again.
    expect(accounting.shown(contractStatus({ job: zeros }))).toEqual({ status: contractStatus({ job: zeros }), unreported: {} });
    expect(accounting.shown(contractStatus({ job: null }))).toEqual({ status: contractStatus({ job: null }), unreported: {} });
  });

  it('says "This system" off Wine', () => {
    const accounting = new HostedAccounting(new AccountingReader({ underWine: false }), table({ 5678: { cpuPercent: 3, workingSetBytes: 8 << 20 } }));
    expect(accounting.shown(contractStatus({ job: zeros })).unreported.userTimeMs).toBe('This system does not report job CPU times');
  });
});
