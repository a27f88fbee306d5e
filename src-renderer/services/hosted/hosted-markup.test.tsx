/**
 * Markup checks for the hosted-service pieces without a DOM (react-dom/server in node): fields and their
 * test ids, the schedule preview, the plan's SCM and registry lines, and what the details say in each state
 * (the host not answering shows why, unknown accounting reads "not reported"). Effects do not run here.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HostedStatusChanged, type HostedPlanValue } from '../../../src-preload/contract/hosted-schemas';
import { restartSchedule } from '../../../src-preload/contract/restart-schedule';
import { emptyHostedForm, hostedFormFromDefinition, restartPolicyOf } from './hosted-form';
import { newHostedDefinition } from '../../../src-preload/contract/hosted-defaults';
import { countTicks } from './HostedCharts';
import { HostedDetailsView } from './HostedDetails';
import { HostedPlanPreview } from './HostedPlanPreview';
import { applyHostedStatus, NO_HOSTED_VIEW } from './hosted-status';
import { HostedWizard } from './HostedWizard';
import { appendToTail, EMPTY_TAIL } from './log-tail';
import { RestartSchedulePreview } from './RestartSchedulePreview';
import { testHostedStatus } from './test-hosted';

const noop = () => undefined;
const never = () => new Promise<never>(noop);

describe('HostedWizard', () => {
  const html = renderToStaticMarkup(
    <HostedWizard mode={{ kind: 'install' }} initial={emptyHostedForm()} templates={[]} logicalProcessors={4} fetchPlan={never} onApply={never} onCancel={noop} onCopy={noop} onPlainService={noop} />,
  );

  it('is a labelled dialog with every part of the form, the virtual account chosen', () => {
    expect(html).toContain('data-testid="hosted-wizard"');
    expect(html).toContain('>Run a program as a service<');
    for (const id of ['hosted-form-name', 'hosted-form-program', 'hosted-form-arguments', 'hosted-form-working-folder', 'hosted-form-environment', 'hosted-form-account', 'hosted-form-startup', 'hosted-form-stop-ctrlC', 'hosted-form-stop-budget', 'hosted-form-restart-base', 'hosted-form-readiness-kind', 'hosted-form-liveness-kind', 'hosted-form-log-size', 'hosted-form-limits-none', 'hosted-wizard-apply'])
      expect(html).toContain(`data-testid="${id}"`);
    expect(html).toMatch(/<option value="virtual" selected="">Its own virtual account/);
    expect(html).toContain('data-testid="hosted-wizard-plain"');
  });

  it('says nothing is wrong before anything is touched, though name and program are empty', () => {
    expect(html).not.toContain('hosted-form-problem');
    expect(html).not.toContain('aria-invalid');
  });

  it('previews the default schedule with the contract’s function', () => {
    const text = restartSchedule(restartPolicyOf(emptyHostedForm())!).text;
    expect(text).toMatch(/^1 s, 2 s, 4 s, 8 s, 16 s \(±20%\), then give up after 5 restarts in 10 min/);
    expect(html).toContain(text);
  });

  it('opens an edit filled from the definition, the name read-only', () => {
    const def = { ...newHostedDefinition('NodeApi', 'C:\\apps\\node.exe'), arguments: ['server.js'] };
    const edit = renderToStaticMarkup(
      <HostedWizard
        mode={{ kind: 'edit', name: 'NodeApi' }}
        initial={hostedFormFromDefinition(def)}
        readProblems={[{ field: 'RestartCapMs', message: 'below RestartBaseMs' }]}
        templates={[]}
        logicalProcessors={4}
        fetchPlan={never}
        onApply={never}
        onCancel={noop}
        onCopy={noop}
      />,
    );
    expect(edit).toContain('>Edit hosted service NodeApi<');
    expect(edit).toMatch(/readOnly=""[^>]*data-testid="hosted-form-name" value="NodeApi"/);
    expect(edit).toContain('>server.js</textarea>');
    expect(edit).toContain('RestartCapMs: below RestartBaseMs (the form shows the default)');
    expect(edit).not.toContain('hosted-wizard-plain');
  });
});

describe('RestartSchedulePreview', () => {
  it('lists each delay with its jitter range, capped', () => {
    const html = renderToStaticMarkup(<RestartSchedulePreview policy={{ baseMs: 1000, factorPercent: 200, capMs: 4000, jitterPercent: 50, maxCount: 4, windowSec: 60, resetSec: 60 }} />);
    expect(html).toContain('<li>1 s (500 ms to 1.5 s)</li><li>2 s (1 s to 3 s)</li><li>4 s (2 s to 4 s)</li><li>4 s (2 s to 4 s)</li>');
  });
  it('says when it cannot be shown rather than guessing', () => {
    expect(renderToStaticMarkup(<RestartSchedulePreview policy={null} />)).toContain('data-status="incomplete"');
  });
});

describe('HostedPlanPreview', () => {
  const plan: HostedPlanValue = {
    commands: ['sc.exe create NodeApi binPath= "\\"C:\\Program Files\\Admin Console\\resources\\service-host.exe\\" --service NodeApi" obj= "NT SERVICE\\NodeApi"'],
    registry: ['reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NodeApi\\Parameters" /v Program /t REG_SZ /d "C:\\apps\\node.exe" /f', 'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NodeApi\\Parameters" /v SchemaVersion /t REG_DWORD /d 1 /f'],
    changes: [{ field: 'program', label: 'Program', before: '', after: 'C:\\apps\\node.exe' }],
    problems: [],
    binaryPath: '"C:\\Program Files\\Admin Console\\resources\\service-host.exe" --service NodeApi',
    logFolder: 'C:\\ProgramData\\Admin Console\\services\\NodeApi',
    schedule: { delaysMs: [1000], jitterPercent: 20, text: '1 s (±20%), then give up after 1 restart in 10 min' },
    notes: ['Written to Parameters.new, then swapped in.'],
  };
  const html = renderToStaticMarkup(<HostedPlanPreview state={{ status: 'ready', plan }} mode="install" onCopy={noop} />);
  it('shows the sc.exe lines and every registry line whole', () => {
    expect(html).toContain('data-testid="hosted-plan-commands"');
    expect(html).toContain('data-testid="hosted-plan-registry"');
    for (const line of plan.registry) expect(html).toContain(`<code class="plan__command plan__command--whole">${line.replace(/"/g, '&quot;')}</code>`);
    expect(html).toContain('C:\\ProgramData\\Admin Console\\services\\NodeApi');
    expect(html).toContain('<li>Written to Parameters.new, then swapped in.</li>');
  });
});

describe('HostedDetailsView', () => {
  const log = { tail: appendToTail(EMPTY_TAIL, 'output', '2026-12-02T21:00:01.000Z O listening on 8080\n2026-12-02T21:00:02.000Z E boom\n'), files: [], folder: null, error: null, loaded: true };
  const render = (view: typeof NO_HOSTED_VIEW) =>
    renderToStaticMarkup(<HostedDetailsView name="NodeApi" view={view} log={log} now={Date.parse('2026-12-02T21:00:03.000Z')} onShowProcess={noop} onRestartProgram={noop} onOpenLogFolder={noop} />);

  it('shows state, PIDs as links, restarts, exits, probes and accounting from the status', () => {
    const view = applyHostedStatus(NO_HOSTED_VIEW, HostedStatusChanged.parse({ name: 'NodeApi', time: 1, status: testHostedStatus({ nextRestartAt: '2026-12-02T21:00:05.000Z' }), unavailable: null, unreported: {} }), 2);
    const html = render(view);
    expect(html).toContain('data-testid="hosted-state" data-state="running">Running<');
    expect(html).toMatch(/data-testid="hosted-pid-link" data-pid="4010" data-main="true">4010 \(program\)</);
    expect(html).toContain('data-pid="4012"');
    expect(html).toMatch(/>1 \(1 in the current window\); next in 2\.0 s \(\d\d:\d\d:\d\d\)</);
    expect(html).toContain('PID 4002 exited with code 3 (0x00000003)');
    expect(html).toContain('OK: tcp connected to 127.0.0.1:8080');
    expect(html).toContain('<dd data-field="peakJobMemoryBytes"><span class="unreported" title="the service host did not report it" data-testid="unreported" data-reason="the service host did not report it">—');
    expect(html).toContain('data-testid="hosted-event" data-kind="restarting"');
    expect(html).toContain('data-markers="1"');
    expect(html).toContain('1 restart so far (0 within these charts); no liveness probe set; 0 limit hits reported.');
    expect(html).toContain('class="hosted__line hosted__line--E"');
    expect(html).toMatch(/<button type="button" data-testid="hosted-restart-program">/);
  });

  it('shows job figures the system leaves 0 as not reported, with the reason, as the Jobs tab does', () => {
    const reason = 'Wine does not report job CPU times';
    const job = { activeProcesses: 1, totalProcesses: 1, userTimeMs: null, kernelTimeMs: null, peakProcessMemoryBytes: 4096, peakJobMemoryBytes: 8192 };
    const view = applyHostedStatus(NO_HOSTED_VIEW, HostedStatusChanged.parse({ name: 'NodeApi', time: 1, status: testHostedStatus({ job }), unavailable: null, unreported: { userTimeMs: reason, kernelTimeMs: reason } }), 2);
    const html = render(view);
    expect(html).toContain(`<dd data-field="userTimeMs"><span class="unreported" title="${reason}" data-testid="unreported" data-reason="${reason}">—<span class="visually-hidden"> (not reported: ${reason})</span>`);
    expect(html).toContain(`<dd data-field="kernelTimeMs"><span class="unreported" title="${reason}"`);
    expect(html).not.toMatch(/0:00:00/);
  });

  it('offers Restart program only while the program runs (the host refuses it in backoff)', () => {
    const view = applyHostedStatus(NO_HOSTED_VIEW, HostedStatusChanged.parse({ name: 'NodeApi', time: 1, status: testHostedStatus({ state: 'backoff', pids: [], programPid: null }), unavailable: null, unreported: {} }), 2);
    expect(render(view)).toMatch(/disabled="" title="Only while the program runs" data-testid="hosted-restart-program"/);
  });

  it('says why when the host does not answer, with no zeros', () => {
    const view = applyHostedStatus(NO_HOSTED_VIEW, HostedStatusChanged.parse({ name: 'NodeApi', time: 1, status: null, unavailable: 'the host is not running (the service is stopped)', unreported: {} }), 2);
    const html = render(view);
    expect(html).toContain('No status from the host: the host is not running (the service is stopped)');
    expect(html).not.toContain('data-testid="hosted-status"');
    expect(html).toMatch(/disabled=""[^>]*data-testid="hosted-restart-program"/);
  });
});

describe('the health chart', () => {
  it('ticks whole counts only, in even 1-2-5 steps', () => {
    const p = (restarts: number) => ({ time: restarts, cpuPercent: null, peakJobMemoryBytes: null, activeProcesses: null, restarts, probeFailures: null, limitHits: 0, cpuTimeMs: null });
    expect(countTicks([])).toEqual([0, 1]);
    expect(countTicks([p(0), p(1)])).toEqual([0, 1]);
    // Not 0, 4, 7: uneven steps read as a wrong scale.
    expect(countTicks([p(7)])).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks([p(3)])).toEqual([0, 1, 2, 3]);
  });
});
