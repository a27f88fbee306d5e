import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CheckedField } from './FormField';

const field = (revealed: boolean) =>
  renderToStaticMarkup(
    <CheckedField id="f-name" field="name" label="Service name" hint="Letters and digits." problems={['Enter a service name.']} problemTestId="service-form-problem" revealed={revealed}>
      {(a) => <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid || undefined} data-testid="service-form-name" />}
    </CheckedField>,
  );

describe('CheckedField', () => {
  it('keeps its problems quiet until the field is touched or the form submitted', () => {
    const html = field(false);
    expect(html).not.toContain('Enter a service name.');
    expect(html).toContain('aria-describedby="f-name-hint"');
    expect(html).not.toContain('aria-invalid');
  });

  it('once revealed, puts the problems beside the field, tied to its control for screen readers', () => {
    const html = field(true);
    expect(html).toMatch(/<input[^>]*aria-describedby="f-name-hint f-name-problems"[^>]*aria-invalid="true"[^>]*data-testid="service-form-name"/);
    expect(html).toContain('data-testid="service-form-problem" data-field="name">Enter a service name.</li>');
  });
});
