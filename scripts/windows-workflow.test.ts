import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// .github/workflows/windows.yml runs what only Windows can prove (native Win32 suites, the installer, the
// Electron e2e tests). It cannot run here, so its shape is checked: no failure may hide the steps after it,
// every report is uploaded, and the job still fails at the end when any step did.
interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  'continue-on-error'?: boolean;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const workflow = parse(fs.readFileSync(path.join(__dirname, '..', '.github', 'workflows', 'windows.yml'), 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
const steps = workflow.jobs.windows?.steps ?? [];
const install = steps.findIndex((s) => s.run === 'npm ci');
const gate = steps.find((s) => s.name === 'Fail if any step failed');
const runsAfterFailures = (s: Step) => s['continue-on-error'] === true || /!cancelled\(\)|always\(\)/.test(s.if ?? '');

describe('the Windows workflow', () => {
  it('parses, installs once, and ends with the gate step', () => {
    expect(install).toBeGreaterThan(0);
    expect(steps.at(-1)).toBe(gate);
  });

  it('lets no failing check stop the steps after it', () => {
    const checks = steps.slice(install + 1).filter((s) => s.run !== undefined && s !== gate && !s.name?.startsWith('Ensure'));
    expect(checks.map((s) => s.name)).toEqual(expect.arrayContaining(['Build the installer', 'Electron end-to-end tests (packaged test build)']));
    for (const s of checks) {
      expect(s['continue-on-error'], s.name).toBe(true);
      expect(s.id, s.name).toBeTruthy();
    }
  });

  it('uploads every report even after a failure, hidden rig folder included', () => {
    const reports = steps.find((s) => s.name === 'Upload the test reports');
    expect(reports && runsAfterFailures(reports)).toBe(true);
    const paths = String(reports?.with?.path);
    for (const p of ['test-results/', 'playwright-report/', '.cache/rig/tests/*/*.tap']) expect(paths).toContain(p);
    expect(reports?.with?.['include-hidden-files']).toBe(true);
  });

  it('fails the job at the end for every step that did not succeed', () => {
    expect(gate && runsAfterFailures(gate)).toBe(true);
    const outcomes = gate?.env?.OUTCOMES ?? '';
    for (const s of steps.filter((x) => x.id)) expect(outcomes, s.id).toContain(`\${{ steps.${s.id}.outcome }}`);
  });
});
