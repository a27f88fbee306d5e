import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wineVersion } from './system';
import { launchRetryingWineLoss, wineLostStarts } from './test-wine-start';
import { Win32Error } from './win32-error';

const failingOnce = (code: number) => {
  let calls = 0;
  return () => {
    calls += 1;
    if (calls === 1) throw Win32Error.fromCode('CreateProcessW', code);
    return calls;
  };
};

test('a start Wine lost (1359) is tried once more under Wine and recorded; on Windows it stands', () => {
  const before = wineLostStarts.length;
  if (wineVersion() === null) {
    assert.throws(() => launchRetryingWineLoss('probe', failingOnce(1359)), /error 1359/);
    return;
  }
  assert.equal(launchRetryingWineLoss('probe', failingOnce(1359)), 2);
  assert.equal(wineLostStarts.length, before + 1);
  assert.match(wineLostStarts[before] ?? '', /^probe: CreateProcessW failed: .*1359/);
  wineLostStarts.splice(before);
});

test('every other launch failure stands at once, and a second loss is not hidden', () => {
  assert.throws(() => launchRetryingWineLoss('probe', failingOnce(2)), /error 2\)/);
  const before = wineLostStarts.length;
  assert.throws(() =>
    launchRetryingWineLoss('probe', () => {
      throw Win32Error.fromCode('CreateProcessW', 1359);
    }),
  );
  wineLostStarts.splice(before);
});
