import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_EXIT_CODES, HOSTED_RANGES, hostedExitCodeText, type HostedRangeName } from '../../../src-preload/contract/hosted-ranges';

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

describe('hosted exit codes', () => {
  const contract = fs.readFileSync(path.join(__dirname, '../../../native/service-host/CONTRACT.md'), 'utf8');

  it("explains exactly the host's codes CONTRACT.md lists", () => {
    const listed = [...contract.matchAll(/^\| 0x([0-9A-F]{8}) \((\d+)\) \|/gm)].map((m) => {
      expect(Number.parseInt(m[1] ?? '', 16), m[0]).toBe(Number(m[2]));
      return Number(m[2]);
    });
    expect(listed).toHaveLength(8);
    expect(Object.keys(HOST_EXIT_CODES).map(Number).sort()).toEqual(listed.sort());
  });

  it('says what a code means and where to look', () => {
    expect(hostedExitCodeText(536870914)).toBe('536870914 (0x20000002): a configuration value is invalid - see the Application log (it names the value and why)');
    expect(hostedExitCodeText(0x20000007)).toMatch(/^536870919 \(0x20000007\): the host gave up restarting the program, whose last exit code was 0/);
  });

  it("reads any other code as the program's own, passed on when the host gave up", () => {
    expect(hostedExitCodeText(3)).toMatch(/^3 \(0x00000003\): the program's own exit code: the host gave up restarting it/);
    expect(hostedExitCodeText(3221225477)).toMatch(/^3221225477 \(0xC0000005\): the program's own exit code/);
  });
});
