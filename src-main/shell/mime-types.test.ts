import { describe, expect, it } from 'vitest';
import { contentTypeFor, UNKNOWN_TYPE } from './mime-types';

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['INDEX.HTML', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['chunk.mjs', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff2', 'font/woff2'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['noextension', UNKNOWN_TYPE],
    ['archive.exe', UNKNOWN_TYPE],
    ['dir.js/file', UNKNOWN_TYPE],
    ['dir.js\\file', UNKNOWN_TYPE],
    ['trick.__proto__', UNKNOWN_TYPE],
  ])('%s -> %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });
});
