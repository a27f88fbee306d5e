import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, securityHeaders } from './content-policy';

describe('Content-Security-Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('allows nothing remote, inline or evaluated', () => {
    for (const [, sources] of CSP_DIRECTIVES) {
      expect(sources).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|https?:|ws:|wss:|\*|blob:|filesystem:/);
    }
    const directives = new Map(CSP_DIRECTIVES.map(([d, s]) => [d, s]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.size).toBe(CSP_DIRECTIVES.length);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(CSP_DIRECTIVES)).toBe(true);
  });

  it('securityHeaders sets the type, CSP and nosniff', () => {
    const headers = securityHeaders('text/css; charset=utf-8');
    expect(headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});
