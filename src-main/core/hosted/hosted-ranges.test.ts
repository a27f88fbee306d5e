import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOSTED_RANGES, type HostedRangeName } from '../../../src-preload/contract/hosted-ranges';

/** The CONTRACT.md row each range comes from. */
const ROWS: Partial<Record<HostedRangeName, string>> = {
  stopBudgetMs: 'StopBudgetMs',
  restartBaseMs: 'RestartBaseMs',
  restartFactorPercent: 'RestartFactorPercent',
  restartJitterPercent: 'RestartJitterPercent',
  restartMaxCount: 'RestartMaxCount',
  restartWindowSec: 'RestartWindowSec',
  restartResetSec: 'RestartResetSec',
  readinessTimeoutSec: 'ReadinessTimeoutSec',
  livenessIntervalSec: 'LivenessIntervalSec',
  livenessFailuresToRestart: 'LivenessFailuresToRestart',
  probeTimeoutMs: 'ProbeTimeoutMs',
  logMaxFileBytes: 'LogMaxFileBytes',
  logMaxFiles: 'LogMaxFiles',
  probeHttpStatus: 'ReadinessHttpStatus',
  probeHeartbeatMaxAgeSec: 'ReadinessHeartbeatMaxAgeSec',
};

describe('hosted ranges', () => {
  const contract = fs.readFileSync(path.join(__dirname, '../../../native/service-host/CONTRACT.md'), 'utf8');
  it.each(Object.entries(ROWS))('%s matches CONTRACT.md (%s)', (key, value) => {
    const row = contract.split('\n').find((line) => line.startsWith(`| \`${value}\` |`));
    expect(row, value).toBeDefined();
    const cells = (row ?? '').split('|').map((c) => c.trim());
    const range = HOSTED_RANGES[key as HostedRangeName];
    expect(Number(cells[3]), `${value} default`).toBe(range.default);
    const [min, max] = /(\d+)\.\.(\d+)/.exec(cells[4] ?? '')?.slice(1).map(Number) ?? [];
    expect([min, max], `${value} range`).toEqual([range.min, range.max]);
  });

  it('caps the longest restart delay like the base (<= 3600000)', () => {
    expect(contract).toMatch(/\| `RestartCapMs` \| DWORD \| 60000 \| >= base, <= 3600000 \|/);
    expect(HOSTED_RANGES.restartCapMs.max).toBe(3_600_000);
  });
});
