/**
 * Markup checks for the Jobs view without a DOM (react-dom/server in node): roles, the test ids the e2e
 * test uses, and what each state says. Effects do not run here.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, selectOnly } from '../shared/selection';
import type { JobPoint } from './job-history';
import { JobDetails, lifetimeText } from './JobDetails';
import { JobsView } from './JobsView';
import { JobTable } from './JobTable';
import { emptyLimitForm, formToLimits, noLimits } from './limit-form';
import { LimitEditor } from './LimitEditor';
import { appliedText, LimitsDialog, membersUsage } from './LimitsDialog';
import { NewJobDialog } from './NewJobDialog';
import { TemplatesDialog } from './TemplatesDialog';
import { testAccounting, testEvent, testJob } from './test-jobs';

const noop = () => undefined;
const none = async () => null;

const busy = testJob('build', {
  template: 'Build box',
  members: [
    { pid: 4242, createTime: '1', name: 'cl.exe', cpuPercent: 12.5, workingSetBytes: 50 * 1024 * 1024 },
    { pid: 4243, createTime: '2', name: 'link.exe', cpuPercent: null, workingSetBytes: null },
  ],
  accounting: testAccounting({ activeProcesses: 2, totalProcesses: 5, terminatedProcesses: 3, userTimeMs: 61_000, pageFaults: 1234 }),
  limitsAsked: { ...noLimits(), cpuRate: { kind: 'hardCap', percent: 20 }, killOnJobClose: true },
  limitsHeld: { ...noLimits(), killOnJobClose: true },
  differences: [{ field: 'cpuRate', asked: 'hard cap 20%', held: 'not set', note: 'Dynamic Fair Share Scheduling is on.' }],
});

describe('JobTable', () => {
  it('is a grid of job rows named by job, with the differences flagged', () => {
    const html = renderToStaticMarkup(
      <JobTable rows={[busy, testJob('ci')]} sort={null} onSortChange={noop} selection={selectOnly('build')} onSelectionChange={noop} onContextMenu={noop} onDetails={noop} onCopy={noop} revealKey={null} />,
    );
    expect(html).toContain('role="grid" aria-label="Jobs"');
    expect(html).toContain('data-testid="job-table"');
    expect(html).toMatch(/aria-selected="true"[^>]*data-testid="job-row" data-name="build"/);
    expect(html).toContain('data-name="ci"');
    expect(html).toContain('>1 differ<');
    expect(html).toContain('>0:01:01<'); // CPU time
    expect(html).not.toContain('<table');
  });
});

describe('JobDetails', () => {
  const points: JobPoint[] = [
    { time: 1000, cpuPercent: null, workingSetBytes: 10, peakJobMemoryBytes: 10, cpuTimeMs: 0 },
    { time: 2000, cpuPercent: 25, workingSetBytes: 20, peakJobMemoryBytes: 20, cpuTimeMs: 500 },
  ];
  const events = [testEvent(3, 'build', 'jobMemoryLimit', { important: true, pid: 4242 }), testEvent(1, 'build', 'created')];

  it('shows members with PID links, accounting, charts with markers, the differences and the events', () => {
    const html = renderToStaticMarkup(<JobDetails job={busy} points={points} events={events} markers={[events[0]!]} onShowProcess={noop} />);
    expect(html).toContain('data-testid="job-details" data-name="build"');
    expect(html).toMatch(/data-testid="job-member-row" data-pid="4242"/);
    expect(html).toContain('data-testid="job-member-pid">4242</button>');
    expect(html).toContain('2 active, 5 total, 3 terminated');
    expect(html).toContain('data-testid="job-chart" data-points="2" data-markers="1"');
    expect(html).toContain('Limit hits marked (dashed red): Job memory limit hit');
    expect(html).toContain('data-testid="job-differences" data-count="1"');
    expect(html).toContain('<td>CPU rate</td><td>hard cap 20%</td><td>not set</td><td class="limits-held__note">Dynamic Fair Share Scheduling is on.</td>');
    expect(html).toMatch(/data-testid="job-limit-row" data-field="cpuRate" data-differs="true"/);
    expect(html).toMatch(/data-testid="job-event" data-kind="jobMemoryLimit"[\s\S]*data-testid="job-event" data-kind="created"/);
    expect(html).toContain('Kill on job close is set');
  });

  it('shows accounting the system does not report as the Unreported marker with its reason, never 0 or 0:00:00', () => {
    const reason = 'Wine does not report job CPU times';
    const io = 'Wine does not report job I/O accounting (error 1)';
    const wine = testJob('wine', {
      accounting: testAccounting({
        totalProcesses: 2,
        userTimeMs: null,
        kernelTimeMs: null,
        readOperations: null,
        readBytes: null,
        peakJobMemoryBytes: null,
        unreported: { userTimeMs: reason, kernelTimeMs: reason, readOperations: io, readBytes: io, peakJobMemoryBytes: 'Wine does not report job peak memory' },
      }),
    });
    const html = renderToStaticMarkup(<JobDetails job={wine} points={[]} events={[]} markers={[]} onShowProcess={noop} />);
    expect(html).toContain(`<dd data-field="userTimeMs"><span class="unreported" title="${reason}" data-testid="unreported" data-reason="${reason}">—`);
    expect(html).toContain(`<dd data-field="readBytes"><span class="unreported" title="${io}"`);
    expect(html).toContain('data-reason="Wine does not report job peak memory"');
    expect(html).not.toContain('0:00:00');
  });

  it('says why the accounting could not be read', () => {
    const html = renderToStaticMarkup(<JobDetails job={testJob('x', { accounting: null, accountingUnreadable: 'access denied (5)' })} points={[]} events={[]} markers={[]} onShowProcess={noop} />);
    expect(html).toContain('The accounting could not be read: access denied (5)');
  });

  it('says how to pick a job when none is selected', () => {
    expect(renderToStaticMarkup(<JobDetails job={undefined} points={[]} events={[]} markers={[]} onShowProcess={noop} />)).toContain('Select a job to see its details.');
  });

  it('says what closing does to an opened job and a saved one', () => {
    expect(lifetimeText(testJob('x', { origin: 'opened', limitsAsked: null, limitsHeld: noLimits() }))).toContain('only drops this console’s handle');
    expect(lifetimeText(testJob('x', { open: false }))).toContain('Saved definition only');
    expect(lifetimeText(testJob('x'))).toContain('members keep running');
  });
});

describe('limits the system does not report back (Wine)', () => {
  const enforced = 'Wine enforces this flag but does not report it back';
  const accepted = 'Wine accepts this limit but does not enforce it or report it back';
  const wine = testJob('wine', {
    limitsAsked: { ...noLimits(), killOnJobClose: true, jobMemoryBytes: 512 * 1024 * 1024 },
    limitsHeld: noLimits(),
    limitsUnreported: { killOnJobClose: enforced, jobMemoryBytes: accepted },
  });

  it('the lifetime line and the limits table agree: applied, with what Wine does, never "reports it as not set"', () => {
    const text = lifetimeText(wine);
    expect(text).toBe(`Kill on job close was applied (${enforced}): members end when the console closes the job (or the console exits).`);
    expect(text).not.toContain('not set');
    const html = renderToStaticMarkup(<JobDetails job={wine} points={[]} events={[]} markers={[]} onShowProcess={noop} />);
    expect(html).toMatch(new RegExp(`data-field="killOnJobClose" data-differs="false">.*?data-reason="${enforced}"`));
    expect(html).toMatch(new RegExp(`data-field="jobMemoryBytes" data-differs="false">.*?data-reason="${accepted}"`));
    expect(html).toContain('data-testid="job-limits-unreported" data-count="2">2 limits are not reported back by this system');
    expect(html).not.toContain('Windows holds');
    expect(html).not.toContain('job-no-differences');
  });

  it('Apply says what is unknown, never "held as asked" or "Windows holds N limits"', () => {
    expect(appliedText(wine)).toBe('Applied; 2 limits are not reported back by this system (below).');
    expect(appliedText(testJob('x'))).toBe('Applied; every limit is held as asked.');
  });
});

describe('LimitEditor', () => {
  it('has one labelled control per limit with the test ids, and a core picker per logical processor', () => {
    const form = emptyLimitForm(true);
    const html = renderToStaticMarkup(<LimitEditor form={form} onChange={noop} problems={new Map()} logicalProcessors={6} />);
    for (const id of [
      'limit-editor',
      'limit-process-memory',
      'limit-process-memory-unit',
      'limit-job-memory',
      'limit-job-memory-unit',
      'limit-active-processes',
      'limit-process-time',
      'limit-process-time-unit',
      'limit-job-time',
      'limit-job-time-unit',
      'limit-cpu-mode',
      'limit-affinity-on',
      'limit-priority',
      'limit-scheduling-class',
      'limit-working-set-min',
      'limit-working-set-max',
      'limit-working-set-unit',
      'limit-kill-on-close',
      'limit-die-on-exception',
      'limit-breakaway',
      'limit-silent-breakaway',
      'limit-ui-handles',
      'limit-ui-exit-windows',
    ]) {
      expect(html, id).toContain(`data-testid="${id}"`);
    }
    expect(html.match(/data-testid="limit-affinity-cpu"/g)).toHaveLength(6);
    expect(html.match(/data-testid="limit-ui-/g)).toHaveLength(8);
    expect(html).toContain('data-testid="limit-kill-on-close" checked=""');
    expect(html).not.toContain('limit-cpu-hard-cap');
  });

  it('shows the chosen CPU rate mode’s fields and problems beside their fields', () => {
    const form = { ...emptyLimitForm(), cpuRateMode: 'minMax' as const, cpuMin: '70', cpuMax: '50', jobMemory: 'x' };
    const { problems } = formToLimits(form, 4);
    // Untouched: nothing speaks yet. After a submit (revealAll), every problem sits beside its field.
    const silent = renderToStaticMarkup(<LimitEditor form={form} onChange={noop} problems={problems} logicalProcessors={4} />);
    expect(silent).not.toContain('data-testid="limit-problem"');
    expect(silent).not.toContain('aria-invalid="true"');
    const html = renderToStaticMarkup(<LimitEditor form={form} onChange={noop} problems={problems} logicalProcessors={4} revealAll />);
    expect(html).toContain('data-testid="limit-cpu-min"');
    expect(html).toContain('data-testid="limit-cpu-max"');
    expect(html).toContain('data-testid="limit-problem" data-field="cpuRate">The minimum cannot be above the maximum.</li>');
    expect(html).toMatch(/aria-invalid="true" aria-describedby="[^"]*jobMemory-problems"/);
  });

  it('shows a limit already below the members’ use beside its field, naming the members and what Windows does', () => {
    const form = { ...emptyLimitForm(), activeProcesses: '3' };
    const warnings = [{ field: 'activeProcesses' as const, text: '4 processes run in the job; the limit is 3.', members: ['a.exe (PID 1)', 'b.exe (PID 2)'], consequence: 'Windows does not end the running ones.' }];
    const html = renderToStaticMarkup(<LimitEditor form={form} onChange={noop} problems={new Map()} logicalProcessors={4} warnings={warnings} />);
    expect(html).toContain('data-testid="limit-warning" data-field="activeProcesses"');
    expect(html).toContain('Already below what the members use: 4 processes run in the job; the limit is 3.');
    expect(html).toContain('<li>b.exe (PID 2)</li>');
    expect(html).toMatch(/data-testid="limit-active-processes" aria-describedby="[^"]*activeProcesses-warning"/);
  });
});

describe('dialogs', () => {
  it('Edit limits starts from what was asked and offers Apply', () => {
    const html = renderToStaticMarkup(<LimitsDialog job={busy} templates={[]} logicalProcessors={4} onApply={async () => ({ ok: true, value: busy })} onClose={noop} />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('data-testid="limit-apply"');
    expect(html).toContain('data-testid="limit-cpu-hard-cap" value="20"');
  });

  it('New job offers templates or custom limits', () => {
    const templates = [{ name: 'Build box', description: '4 cores', limits: { ...noLimits(), affinity: [0, 1, 2, 3] } }];
    const html = renderToStaticMarkup(<NewJobDialog templates={templates} logicalProcessors={4} onCreate={none} onCancel={noop} />);
    expect(html).toContain('data-testid="job-new-name"');
    expect(html).toContain('data-testid="job-new-template"');
    expect(html).toContain('4 cores · Affinity: CPU 0-3');
    expect(html).toContain('data-testid="job-new-create"');
  });

  it('Templates lists the saved ones and edits one with the limit editor', () => {
    const templates = [{ name: 'Build box', description: '', limits: noLimits() }];
    const html = renderToStaticMarkup(<TemplatesDialog templates={templates} logicalProcessors={2} onSave={none} onDelete={none} onClose={noop} />);
    expect(html).toContain('data-testid="template-item" data-name="Build box"');
    expect(html).toContain('data-testid="template-name" value="Build box"');
    for (const id of ['template-new', 'template-save', 'template-delete', 'limit-editor']) expect(html).toContain(`data-testid="${id}"`);
  });
});

describe('JobsView', () => {
  it('shows the toolbar and the loading state, with no table until jobs arrive', () => {
    const html = renderToStaticMarkup(<JobsView onShowProcess={noop} logicalProcessors={4} />);
    for (const id of ['job-new', 'job-open', 'job-templates', 'job-launch', 'job-add-process', 'job-edit-limits', 'job-terminate', 'job-close', 'job-details']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('Loading the job list…');
    expect(html).toMatch(/disabled=""[^>]*data-testid="job-terminate"/);
    expect(html).not.toContain('<table');
    expect(EMPTY_SELECTION.selected.size).toBe(0);
  });
});

describe('membersUsage', () => {
  it('takes names and working sets from the live job, committed memory and CPU time from the process list; unknown stays null', () => {
    const job = testJob('w', { members: [
      { pid: 1, createTime: '1', name: 'a.exe', cpuPercent: 0, workingSetBytes: 10 },
      { pid: 2, createTime: '2', name: 'b.exe', cpuPercent: null, workingSetBytes: null },
    ] });
    expect(membersUsage(job, new Map([[1, { privateBytes: 268, userTimeMs: 5 }]]))).toEqual([
      { pid: 1, name: 'a.exe', workingSetBytes: 10, privateBytes: 268, userTimeMs: 5 },
      { pid: 2, name: 'b.exe', workingSetBytes: null, privateBytes: null, userTimeMs: null },
    ]);
  });
});
