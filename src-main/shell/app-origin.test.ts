import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppOrigin } from './app-origin';

describe('isAppOrigin', () => {
  it.each(['app://console/', 'app://console/index.html', 'app://console/assets/x.js?v=1#h', APP_ENTRY_URL])('accepts %s', (url) => {
    expect(isAppOrigin(url)).toBe(true);
  });

  it.each([
    'app://console.evil/',
    'app://consolex/',
    'app://console:1/',
    'app://console@evil/',
    'app://user@console/',
    'app://user:pw@console/',
    'app:console/index.html',
    'app:///console/index.html',
    'apps://console/',
    'https://console/',
    'file:///C:/console/index.html',
    '',
    'garbage',
    null,
    undefined,
  ])('refuses %j', (url) => {
    expect(isAppOrigin(url)).toBe(false);
  });

  it('names the origin and entry page', () => {
    expect(APP_ORIGIN).toBe('app://console');
    expect(APP_ENTRY_URL).toBe('app://console/index.html');
  });
});
