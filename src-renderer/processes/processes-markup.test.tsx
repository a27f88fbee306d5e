/**
 * Markup checks for the Processes view without a DOM (react-dom/server in node): roles, accessible names,
 * the test ids the e2e test uses, and what each state says. Effects do not run here.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { AffinityDialog } from './AffinityDialog';
import { ColumnChooser } from './ColumnChooser';
import { ProcessDetails, jobText } from './ProcessDetails';
import { ProcessMenu, processMenuEntries, sharedPriority, type ProcessMenuHandlers } from './ProcessMenu';
import { ProcessesView, describeStatus } from './ProcessesView';
import { EXTERNAL_JOB_TITLE, ProcessTable } from './ProcessTable';
import { deriveRows } from './process-rows';
import { ProcessStore } from './process-store';
import { EMPTY_SELECTION } from '../shared/selection';
import { membersOf } from '../jobs/console-job-members';
import { testJob } from '../jobs/test-jobs';
import { testRow, testSnapshot } from './test-processes';

const noop = () => undefined;
const handlers: ProcessMenuHandlers = { onAction: noop, onAffinity: noop, onCopyCell: noop, onCopyRows: noop, onCopyCommandLine: noop, onClose: noop };
const g = globalThis as { adminConsole?: unknown };
afterEach(() => {
  delete g.adminConsole;
});

describe('ProcessMenu', () => {
  it('is a named menu with the Terminate item the e2e test clicks, shortcuts and a Priority radio group', () => {
    const html = renderToStaticMarkup(
      <ProcessMenu at={{ x: 10, y: 20 }} model={{ subject: 'notepad.exe (PID 12)', count: 1, priority: 'normal', columnLabel: 'Command line' }} handlers={handlers} />,
    );
    expect(html).toContain('role="menu" aria-label="Actions for notepad.exe (PID 12)" data-testid="process-menu"');
    expect(html).toMatch(/role="menuitem" aria-keyshortcuts="Delete"[^>]*data-testid="process-menu-terminate"/);
    expect(html).toMatch(/aria-keyshortcuts="Shift\+Delete"[^>]*data-testid="process-menu-terminate-tree"/);
    expect(html).toContain('role="group" aria-label="Priority"');
    expect(html).toMatch(/role="menuitemradio" aria-checked="true"[^>]*data-testid="process-menu-priority-normal"/);
    expect(html.match(/role="menuitemradio"/g)).toHaveLength(6);
    expect(html).toContain('>Copy Command line<');
    expect(html).toContain('>Set affinity…<');
  });

  it('marks the class every target shares: what Windows answered wins over the snapshot; mixed or unknown marks none', () => {
    const t = (key: string, fromSnapshot: 'normal' | 'high' | null) => ({ key, fromSnapshot });
    expect(sharedPriority([t('a', 'normal'), t('b', 'normal')], null)).toBe('normal');
    expect(sharedPriority([t('a', 'normal'), t('b', 'high')], null)).toBeNull();
    // Wine: no base priority in the snapshot, the read says it.
    expect(sharedPriority([t('a', null)], null)).toBeNull();
    expect(sharedPriority([t('a', null)], new Map([['a', 'belowNormal']]))).toBe('belowNormal');
    // Just set to high, the tick not in yet: the read is newer.
    expect(sharedPriority([t('a', 'normal'), t('b', 'normal')], new Map([['a', 'high'], ['b', 'high']]))).toBe('high');
    expect(sharedPriority([t('a', 'normal'), t('b', null)], new Map([['a', 'normal'], ['b', null]]))).toBeNull();
  });

  it('disables the actions when every selected process has exited, but still offers copying', () => {
    const entries = processMenuEntries({ subject: '0 processes', count: 0, priority: null, columnLabel: null }, handlers);
    const items = entries.filter((e) => e.type === 'item');
    expect(items.find((e) => e.type === 'item' && e.testId === 'process-menu-terminate')).toMatchObject({ disabled: true });
    expect(items.find((e) => e.type === 'item' && e.testId === 'process-menu-copy-rows')).not.toHaveProperty('disabled', true);
    expect(items.some((e) => e.type === 'item' && e.testId === 'process-menu-copy-cell')).toBe(false);
  });
});

describe('unknown values', () => {
  const reasons = { privateBytes: 'Wine does not report private bytes', basePriority: 'Wine does not report base priority' };
  const store = new ProcessStore();
  store.applySnapshot(testSnapshot(1, [testRow(64, { name: 'explorer.exe', privateBytes: null, basePriority: null })], undefined, reasons));
  const marker = (reason: string) => `data-testid="unreported" data-reason="${reason}">—<span class="visually-hidden"> (not reported: ${reason})</span>`;

  it('show in the table as "—" with the reason on hover, never 0', () => {
    const rows = [...store.all()].map((entry) => ({ entry, depth: 0, hasChildren: false, expanded: false, matched: true }));
    const html = renderToStaticMarkup(
      <ProcessTable
        rows={rows}
        columns={['name', 'privateBytes', 'basePriority', 'workingSetBytes']}
        view="flat"
        version={store.version}
        sort={null}
        onSortChange={noop}
        selection={EMPTY_SELECTION}
        onSelectionChange={noop}
        onToggleExpanded={noop}
        onContextMenu={noop}
        onCommand={noop}
        unreported={store.unreported}
      />,
    );
    expect(html).toContain(`title="Wine does not report private bytes" ${marker('Wine does not report private bytes')}`);
    expect(html).toContain(marker('Wine does not report base priority'));
    expect(html).not.toContain('0 bytes');
  });

  it('show in the details and the memory chart legend the same way', () => {
    const html = renderToStaticMarkup(
      <ProcessDetails entry={store.byPid(64)} selectedCount={1} parentName={null} points={[]} modules={{ status: 'idle' }} onLoadModules={noop} onCopy={noop} unreported={store.unreported} />,
    );
    expect(html).toContain(`<dt>Private bytes</dt><dd data-field="privateBytes"><span class="unreported" title="Wine does not report private bytes" ${marker('Wine does not report private bytes')}</span></dd>`);
    expect(html).toContain(`<dd data-field="basePriority"><span class="unreported"`);
    expect(html).toMatch(/Private bytes <span class="unreported" title="Wine does not report private bytes"/);
  });
});

describe('ProcessDetails', () => {
  it('shows every field, the copyable command line, the job and the modules button', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4242, { name: 'notepad.exe', commandLine: 'notepad.exe "a b.txt"', inJob: true, critical: false })]));
    const html = renderToStaticMarkup(
      <ProcessDetails
        entry={store.byPid(4242)}
        selectedCount={1}
        parentName="explorer.exe"
        points={[]}
        modules={{ status: 'idle' }}
        onLoadModules={noop}
        onCopy={noop}
      />,
    );
    expect(html).toContain('data-testid="process-details" data-pid="4242"');
    expect(html).toContain('notepad.exe (PID 4242)</h2>');
    expect(html).toContain('data-testid="process-details-command-line">notepad.exe &quot;a b.txt&quot;</code>');
    expect(html).toContain('>Copy command line</button>');
    expect(html).toContain('data-testid="process-details-job">In a job<');
    expect(html).toContain('<dt>Parent PID</dt><dd data-field="parentPid">0 (explorer.exe)</dd>');
    expect(html).toContain('<dt>Working set</dt>');
    expect(html).toContain('>Load modules</button>');
    expect(html).toContain('aria-label="CPU usage of this process since it was selected"');
  });

  it('says what to do when nothing is selected, and lists modules once read', () => {
    expect(
      renderToStaticMarkup(<ProcessDetails entry={undefined} selectedCount={0} parentName={null} points={[]} modules={{ status: 'idle' }} onLoadModules={noop} onCopy={noop} />),
    ).toContain('Select a process to see its details.');
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(7)]));
    const html = renderToStaticMarkup(
      <ProcessDetails
        entry={store.byPid(7)}
        selectedCount={1}
        parentName={null}
        points={[]}
        modules={{ status: 'ready', modules: [{ name: 'ntdll.dll', path: 'C:\\Windows\\System32\\ntdll.dll', baseAddress: '0x7ffb0000', sizeBytes: 2 * 1024 * 1024 }] }}
        onLoadModules={noop}
        onCopy={noop}
      />,
    );
    expect(html).toContain('1 modules loaded.');
    // File name first, its folder whole under it (never cut), the full path as the row's tooltip and copyable.
    expect(html).toContain(
      '<tr title="C:\\Windows\\System32\\ntdll.dll"><td class="modules__name"><span class="modules__file">ntdll.dll</span><span class="modules__folder">C:\\<wbr/>Windows\\<wbr/>System32<wbr/></span></td><td class="modules__num">2.00 MB</td><td class="modules__num">0x7ffb0000</td>',
    );
    expect(html).toContain('aria-label="Copy the path of ntdll.dll"');
  });

  it('words the job line: which console job, a job the console did not create, none, or unknown and why', () => {
    const inBuild = testRow(10, { inJob: true, jobObjectId: 4096 });
    const opened = testRow(11, { inJob: true });
    const member = (r: typeof inBuild) => ({ pid: r.pid, createTime: r.createTime, name: r.name, cpuPercent: null, workingSetBytes: null });
    const jobs = membersOf([testJob('build', { members: [member(inBuild)] }), testJob('Svc jobs', { origin: 'opened', members: [member(opened)] })]);
    expect(jobText(inBuild, jobs)).toBe("In this console's job 'build' (job id 4096)");
    expect(jobText(opened, jobs)).toBe("In job 'Svc jobs', which this console opened by name (it did not create it)");
    expect(jobText(testRow(20, { inJob: true, jobObjectId: 77 }), jobs)).toBe('In a job this console did not create (job id 77)');
    expect(jobText(testRow(20, { inJob: true }), jobs)).toBe('In a job this console did not create');
    expect(jobText(testRow(20, { inJob: true }), null)).toBe('In a job');
    expect(jobText(testRow(20, { inJob: true }), null, 'Access is denied.')).toBe(
      "In a job; which one is unknown: the console's jobs could not be read (Access is denied.)",
    );
    expect(jobText(testRow(20, { inJob: false }), jobs)).toBe('Not in a job');
    expect(jobText(testRow(20, { inJob: null, detailsError: 'Access is denied.' }), jobs)).toBe('Unknown: Access is denied.');
  });
});

describe('dialogs', () => {
  it('the affinity dialog is a labelled modal with one checkbox per logical processor', () => {
    const html = renderToStaticMarkup(<AffinityDialog subject="2 processes" logicalProcessors={4} onApply={noop} onCancel={noop} />);
    expect(html).toMatch(/role="dialog" aria-modal="true" aria-labelledby="([^"]+)"/);
    expect(html).toContain('>Set affinity for 2 processes</h2>');
    expect(html.match(/type="checkbox"/g)).toHaveLength(4);
    expect(html).toContain('CPU 3</label>');
    expect(html).toContain('>Set affinity</button>');
  });

  it('the column chooser lists shown columns in order, keeps Name shown, and names the move buttons', () => {
    const html = renderToStaticMarkup(<ColumnChooser columns={['name', 'pid', 'user']} onChange={noop} onClose={noop} />);
    expect(html).toMatch(/<input type="checkbox" disabled="" checked=""\/>Name/);
    expect(html).toContain('aria-label="Move User up"');
    expect(html).toContain('aria-label="Shown columns, in order"');
    expect(html).toContain('>Restore default columns</button>');
  });
});

describe('ProcessesView', () => {
  it('says it is loading, with the filter box and actions in a toolbar', () => {
    g.adminConsole = { on: () => () => undefined };
    const html = renderToStaticMarkup(<ProcessesView settings={null} onSettings={noop} />);
    expect(html).toContain('Loading the process list…');
    expect(html).toMatch(/<label for="([^"]+)" class="visually-hidden">Filter processes<\/label><input[^>]*id="\1"[^>]*data-testid="process-filter"/);
    expect(html).toContain('role="toolbar" aria-label="Process list"');
    expect(html).toContain('aria-pressed="true">Tree view</button>');
    expect(html).toContain('>Choose columns…</button>');
    expect(html).toContain('data-testid="process-details"');
  });

  it('describes the live, paused and failed states', () => {
    const settings = { schemaVersion: 1 as const, refresh: { intervalMs: 1000, paused: false }, processes: { columns: ['name' as const], view: 'flat' as const, widths: {} }, services: { show: 'services' as const, widths: {} }, jobs: { widths: {} } };
    expect(describeStatus('ready', null, 300, 300, '', settings)).toBe('Live: refreshed every 1 s.');
    expect(describeStatus('ready', null, 300, 4, 'note', settings)).toBe('Live: refreshed every 1 s. Showing 4 of 300.');
    expect(describeStatus('ready', null, 300, 300, '', { ...settings, refresh: { intervalMs: 1000, paused: true } })).toBe('Paused: the list is not updating.');
    expect(describeStatus('failed', { code: 'INTERNAL', message: 'collector stopped' }, 0, 0, '', null)).toBe(
      'The process list could not be refreshed: collector stopped.',
    );
  });
});

describe('ProcessTable', () => {
  it('is a named treegrid with a row count for virtualization and sortable column headers', () => {
    const store = new ProcessStore();
    store.applySnapshot(testSnapshot(1, [testRow(4), testRow(8, { parentPid: 4 })]));
    const rows = deriveRows(store.all(), { view: 'tree', filter: '', sort: { column: 'cpuPercent', desc: true }, collapsed: new Set() });
    const html = renderToStaticMarkup(
      <ProcessTable
        rows={rows}
        columns={['name', 'pid', 'cpuPercent']}
        view="tree"
        version={store.version}
        sort={{ column: 'cpuPercent', desc: true }}
        onSortChange={noop}
        selection={EMPTY_SELECTION}
        onSelectionChange={noop}
        onToggleExpanded={noop}
        onContextMenu={noop}
        onCommand={noop}
      />,
    );
    expect(html).toContain('role="treegrid" aria-label="Processes" aria-rowcount="3" aria-colcount="3" aria-multiselectable="true"');
    expect(html).toContain('data-testid="process-table"');
    expect(html).toMatch(/role="columnheader" aria-colindex="3" aria-sort="descending"[^>]*><button type="button" tabindex="-1" class="ptable__sort" title="Sort by CPU">CPU/);
    expect(html).toMatch(/role="columnheader" aria-colindex="1" aria-sort="none"/);
  });

  it("names the console's job of a member and badges a process in a job the console did not create", () => {
    const store = new ProcessStore();
    const inConsoleJob = testRow(4, { name: 'build.exe', inJob: true });
    store.applySnapshot(testSnapshot(1, [inConsoleJob, testRow(8, { name: 'other.exe', inJob: true }), testRow(12, { name: 'free.exe', inJob: false })]));
    const jobs = membersOf([
      testJob('Build box', { members: [{ pid: 4, createTime: inConsoleJob.createTime, name: 'build.exe', cpuPercent: null, workingSetBytes: null }] }),
    ]);
    const rows = deriveRows(store.all(), { view: 'flat', filter: '', sort: null, collapsed: new Set() });
    const render = (consoleJobs: typeof jobs | null) =>
      renderToStaticMarkup(
        <ProcessTable
          rows={rows}
          columns={['name', 'inJob']}
          view="flat"
          version={store.version}
          sort={null}
          onSortChange={noop}
          selection={EMPTY_SELECTION}
          onSelectionChange={noop}
          onToggleExpanded={noop}
          onContextMenu={noop}
          onCommand={noop}
          consoleJobs={consoleJobs}
        />,
      );
    const html = render(jobs);
    // Each row's markup: from its data-testid to the next row's.
    const rowOf = (pid: number) => html.split('data-testid="process-row"').find((part) => part.includes(` data-pid="${pid}"`)) ?? '';
    expect(rowOf(4)).toContain('>Yes: Build box<');
    expect(rowOf(4)).not.toContain('process-external-job-badge');
    expect(rowOf(8)).toContain(">Yes (not this console&#x27;s)<");
    expect(rowOf(8)).toContain(
      `<span class="badge badge--warning svc-badge" title="${EXTERNAL_JOB_TITLE.replace(/'/g, '&#x27;')}" data-testid="process-external-job-badge">other job</span>`,
    );
    expect(rowOf(12)).toContain('>No<');
    expect(html.match(/process-external-job-badge/g)).toHaveLength(1);
    // Until the console's job list is known, no process is called another program's.
    const unknown = render(null);
    expect(unknown).not.toContain('process-external-job-badge');
    expect(unknown).not.toContain('not this console');
  });
});
