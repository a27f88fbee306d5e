/**
 * Markup checks for the tables' layout pieces (react-dom/server in node): the resize handles a table
 * shows when its widths can be saved, the grid laid out on the saved widths, and the details splitter.
 * Effects and drags do not run here (pure logic: column-sizing.test.ts, pane-size.test.ts; drags: e2e).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JobTable } from '../jobs/JobTable';
import { testJob } from '../jobs/test-jobs';
import { EMPTY_SELECTION } from './selection';
import { SplitBody } from './SplitBody';

const noop = () => undefined;
const jobTable = (extra: Partial<Parameters<typeof JobTable>[0]>) =>
  renderToStaticMarkup(
    <JobTable rows={[testJob('build')]} sort={null} onSortChange={noop} selection={EMPTY_SELECTION} onSelectionChange={noop} onContextMenu={noop} onDetails={noop} onCopy={noop} revealKey={null} {...extra} />,
  );

describe('resizable columns', () => {
  it('gives every header a focusable separator valued at its width (one tab stop), and lays the grid out on the saved widths', () => {
    const html = jobTable({ widths: { name: 320 }, onWidthsChange: noop });
    const handles = html.match(/role="separator"/g) ?? [];
    expect(handles).toHaveLength(8);
    expect(html).toContain(
      'role="separator" aria-orientation="vertical" aria-label="Width of Name" aria-valuenow="320" aria-valuemin="40" aria-valuemax="1200" tabindex="0"',
    );
    expect(html).toContain('aria-label="Width of Origin" aria-valuenow="110" aria-valuemin="40" aria-valuemax="1200" tabindex="-1"');
    // One tab stop for all the handles (Ctrl+arrows move between them), not one per column.
    expect(html.match(/role="separator"[^>]*tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('--ptable-columns:320px 110px 70px 80px 70px 90px 120px 160px');
    expect(html).toContain('--ptable-width:1020px');
  });

  it('clamps a saved width to the bounds settings accept', () => {
    expect(jobTable({ widths: { name: 5 }, onWidthsChange: noop })).toContain('aria-label="Width of Name" aria-valuenow="40"');
  });

  it('shows no handles where widths cannot be saved, and the default widths', () => {
    const html = jobTable({});
    expect(html).not.toContain('role="separator"');
    expect(html).toContain('--ptable-columns:200px 110px');
  });
});

describe('SplitBody', () => {
  const split = (size: number | null) =>
    renderToStaticMarkup(
      <SplitBody className="jobs__body" label="the job details" size={size} defaultSize={440} onSave={noop}>
        <div data-testid="table" />
        <aside data-testid="details" />
      </SplitBody>,
    );

  it('puts a focusable separator valued at the pane width between the table and the details', () => {
    expect(split(null)).toMatch(
      /^<div class="jobs__body split-body" style="--details-size:440px"><div data-testid="table"><\/div><div role="separator" aria-orientation="vertical" aria-label="Width of the job details" aria-valuenow="440" aria-valuemin="160" aria-valuemax="2000" tabindex="0"[^>]*><\/div><aside data-testid="details"><\/aside><\/div>$/,
    );
    expect(split(520)).toContain('style="--details-size:520px"');
    expect(split(520)).toContain('aria-valuenow="520"');
  });
});
