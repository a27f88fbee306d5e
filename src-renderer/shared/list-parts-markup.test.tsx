/**
 * Markup checks for the pieces the Processes and Services views share (react-dom/server in node): the
 * words, roles and test ids each state shows. Effects do not run here.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CopyableValue, EmptyDetails } from './DetailParts';
import { FilterBox } from './FilterBox';
import { ListCount, StatusLine } from './ListStatus';
import { LiveListBody } from './LiveListBody';
import type { LiveFeed } from './use-live-feed';

const noop = () => undefined;
const noun = { one: 'service', many: 'services' };
const feed = (over: Partial<LiveFeed>): LiveFeed => ({ version: 0, status: 'ready', error: null, loaded: true, resync: noop, ...over });
const body = (f: LiveFeed, shown: number, filter = '') =>
  renderToStaticMarkup(
    <LiveListBody noun={noun} feed={f} shown={shown} filter={filter} onClearFilter={noop}>
      <table data-testid="the-table" />
    </LiveListBody>,
  );

describe('LiveListBody', () => {
  it('says the list is loading until the first snapshot, then why it failed, with a retry', () => {
    expect(body(feed({ status: 'loading', loaded: false }), 0)).toBe('<p class="processes__empty">Loading the service list…</p>');
    expect(body(feed({ status: 'failed', loaded: false, error: { code: 'WIN32', message: 'Access is denied.' } }), 0)).toBe(
      '<div class="processes__empty"><p>The service list could not be loaded: Access is denied..</p><button type="button">Try loading the service list again</button></div>',
    );
  });

  it('keeps the table on screen once loaded, whatever the feed does next', () => {
    expect(body(feed({ status: 'failed', error: { code: 'INTERNAL', message: 'gone' } }), 3)).toBe('<table data-testid="the-table"></table>');
    expect(body(feed({ status: 'loading' }), 3)).toBe('<table data-testid="the-table"></table>');
  });

  it('says when nothing matches the filter (with a way out) or when main reported nothing', () => {
    expect(body(feed({}), 0, ' spool ')).toBe(
      '<div class="processes__empty"><p>No service matches “spool”.</p><button type="button">Clear the filter</button></div>',
    );
    expect(body(feed({}), 0)).toBe('<div class="processes__empty"><p>Main reported no services.</p></div>');
  });
});

describe('list status', () => {
  it('counts the rows, the shown ones while a filter is in effect', () => {
    expect(renderToStaticMarkup(<ListCount testId="service-count" noun={noun} total={250} shown={3} filter="spool" />)).toBe(
      '<span class="processes__count" data-testid="service-count" data-total="250" data-shown="3">3 of 250 services</span>',
    );
    expect(renderToStaticMarkup(<ListCount testId="service-count" noun={noun} total={250} shown={250} filter=" " />)).toContain('>250 services<');
  });

  it('says one in the singular ("1 job", not "1 jobs")', () => {
    expect(renderToStaticMarkup(<ListCount testId="job-count" noun={{ one: 'job', many: 'jobs' }} total={1} shown={1} filter="" />)).toContain('>1 job<');
    expect(renderToStaticMarkup(<ListCount testId="job-count" noun={{ one: 'job', many: 'jobs' }} total={1} shown={0} filter="x" />)).toContain('>0 of 1 job<');
  });

  it('puts the notice after the status on the polite status line', () => {
    expect(renderToStaticMarkup(<StatusLine testId="services-status" text="Live." notice="Copied the row." />)).toBe(
      '<p role="status" class="status-line" data-testid="services-status">Live.<span class="processes__notice"> Copied the row.</span></p>',
    );
    expect(renderToStaticMarkup(<StatusLine testId="services-status" text="Live." notice="" />)).not.toContain('processes__notice');
  });

  it('labels the filter box and names its Ctrl+F shortcut', () => {
    const html = renderToStaticMarkup(<FilterBox label="Filter services" testId="service-filter" placeholder="Filter" value="" onChange={noop} onLeave={noop} />);
    expect(html).toMatch(/<label for="([^"]+)" class="visually-hidden">Filter services<\/label><input id="\1" type="search" class="processes__filter" data-testid="service-filter"/);
    expect(html).toContain('aria-keyshortcuts="Control+F"');
    // No fields: no help button; no problems: the live region is there, empty, and the box is not invalid.
    expect(html).not.toContain('service-filter-help-button');
    expect(html).toMatch(/<div id="[^"]+" class="filter-box__problems" role="status" data-testid="service-filter-problems"><\/div>/);
    expect(html).not.toContain('aria-invalid');
  });

  it('offers the help for a table with fields and says each ignored term under the box, tied to the input', () => {
    const fields = [{ kind: 'number' as const, name: 'cpu', unit: 'percent' as const, description: 'CPU', example: 'cpu>20', read: () => null }];
    const html = renderToStaticMarkup(
      <FilterBox
        label="Filter processes"
        testId="process-filter"
        placeholder="Filter"
        value="cpu>x"
        onChange={noop}
        onLeave={noop}
        fields={fields}
        problems={[{ term: 'cpu>x', message: 'not a number' }]}
      />,
    );
    expect(html).toContain('aria-label="Filter processes: syntax and fields"');
    expect(html).toContain('aria-expanded="false"');
    const described = /aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(described).toBeTruthy();
    expect(html).toContain(`<div id="${described}" class="filter-box__problems" role="status"`);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Ignored <code>cpu&gt;x</code>: not a number');
  });
});

describe('details parts', () => {
  it('says how to pick a row, naming how many are selected', () => {
    expect(renderToStaticMarkup(<EmptyDetails testId="service-details" noun={noun} selectedCount={0} />)).toContain('Select a service to see its details.');
    const html = renderToStaticMarkup(<EmptyDetails tabIndex={-1} testId="service-details" noun={noun} selectedCount={3} />);
    expect(html).toMatch(/^<aside tabindex="-1" class="details details--empty" aria-labelledby="([^"]+)" data-testid="service-details"><h2 id="\1"/);
    expect(html).toContain('3 services selected. Focus one (click it) to see its details.');
  });

  it('shows a value under its heading with a copy button, disabled when there is none', () => {
    const html = renderToStaticMarkup(<CopyableValue heading="Binary path" testId="svc-path" value={'C:\\a b\\x.exe'} onCopy={noop} />);
    expect(html).toMatch(/<h3 class="details__heading" id="([^"]+)">Binary path<\/h3><div class="details__command"><code aria-labelledby="\1" data-testid="svc-path">C:\\a b\\x.exe<\/code>/);
    expect(html).toContain('<button type="button">Copy binary path</button>');
    expect(renderToStaticMarkup(<CopyableValue heading="Command line" testId="cmd" value={null} onCopy={noop} />)).toContain(
      '>—</code><button type="button" disabled="">Copy command line</button>',
    );
  });
});
