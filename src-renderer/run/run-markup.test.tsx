/** Markup checks for the Run view without a DOM (react-dom/server in node). Effects do not run here. */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OutputBuffer } from './output-buffer';
import { RunOutput, truncationText } from './RunOutput';
import { RunView } from './RunView';

describe('RunView', () => {
  it('has the form, Run and Cancel, and an empty output, with no table', () => {
    const html = renderToStaticMarkup(<RunView />);
    for (const id of ['run-form', 'run-command', 'run-workdir', 'run-env-add', 'run-timeout', 'run-timeout-unit', 'run-template', 'run-start', 'run-cancel']) {
      expect(html).toContain(`data-testid="${id}"`);
    }
    expect(html).toContain('<option value="" selected="">None (kill on close only)</option>');
    expect(html).toMatch(/disabled=""[^>]*data-testid="run-cancel"/);
    expect(html).toContain('data-testid="run-status" data-state="idle"');
    expect(html).toContain('data-testid="run-output" data-state="idle"');
    expect(html).toContain('Loading the run history…');
    expect(html).not.toContain('<table');
  });
});

describe('RunOutput', () => {
  it('marks stderr for the eye and for screen readers, and says what was truncated', () => {
    const b = new OutputBuffer(8);
    b.append('stdout', 'hello\n');
    b.append('stderr', 'oops\n');
    const html = renderToStaticMarkup(<RunOutput buffer={b} version={b.version} runId="00000000000000ab" state="exited" truncatedBytes={2048} loading={false} />);
    expect(html).toContain('data-testid="run-output" data-state="exited" data-run-id="00000000000000ab"');
    expect(html).toContain('<span data-testid="run-output-chunk" data-stream="stdout">lo\n</span>');
    expect(html).toContain('<span class="run-output__stderr" data-testid="run-output-chunk" data-stream="stderr"><span class="visually-hidden">stderr: </span>oops\n</span>');
    expect(html).toContain('data-testid="run-truncated"');
    // Main's 2 KB and this view's 3 characters are both the start of the same output: 2 KB is missing, not more.
    expect(html).toContain('Output truncated: the first 2.00 KB of output are not shown');
    expect(html).not.toContain('more');
  });

  it('shows no truncation marker when nothing was dropped', () => {
    expect(truncationText(0, 0)).toBeNull();
    const html = renderToStaticMarkup(<RunOutput buffer={null} version={0} runId={null} state="idle" truncatedBytes={0} loading={false} />);
    expect(html).not.toContain('run-truncated');
    expect(html).toContain('Output appears here when a command runs.');
  });
});
