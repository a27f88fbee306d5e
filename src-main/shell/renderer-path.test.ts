import { describe, expect, it } from 'vitest';
import { rendererPathFor } from './renderer-path';

describe('rendererPathFor', () => {
  it('maps the root to index.html and decodes segments', () => {
    expect(rendererPathFor('app://console/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(rendererPathFor('app://console/assets/a%20b.js?x#y')).toEqual({ ok: true, segments: ['assets', 'a b.js'] });
  });

  it('answers another origin with 403 and a bad path with 400', () => {
    expect(rendererPathFor('app://evil/index.html')).toMatchObject({ ok: false, status: 403 });
    expect(rendererPathFor('app://console/%2e%2e/x')).toMatchObject({ ok: false, status: 400 });
    expect(rendererPathFor(`app://console/${'a'.repeat(3000)}`)).toMatchObject({ ok: false, status: 400 });
  });
});
