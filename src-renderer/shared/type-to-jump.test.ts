import { describe, expect, it } from 'vitest';
import { extendPrefix, findJump, isTyping, isTypingKey, NO_PREFIX, TYPE_RESET_MS } from './type-to-jump';

const NAMES = ['csrss.exe', 'conhost.exe', 'explorer.exe', 'notepad.exe', 'Notepad++.exe', 'svchost.exe', 'services.exe', 'smss.exe'];

/** Types `keys` one after another, `gap` ms apart, from the focused row `from`; the row index after each key. */
function type(keys: string, from: number, gap = 100): number[] {
  let prefix = NO_PREFIX;
  let at = from;
  const visited: number[] = [];
  [...keys].forEach((k, i) => {
    prefix = extendPrefix(prefix, k, 1000 + i * gap);
    const next = findJump(NAMES, at, prefix.text);
    if (next >= 0) at = next;
    visited.push(at);
  });
  return visited;
}

describe('type-to-jump', () => {
  it('goes to the first row starting with a letter, after the focused one, ignoring case', () => {
    expect(type('n', -1)).toEqual([3]);
    expect(type('E', 0)).toEqual([2]);
  });

  it('builds a prefix from quick typing and stays on a row the longer prefix still matches', () => {
    expect(type('note', -1)).toEqual([3, 3, 3, 3]);
    expect(type('notepad+', -1).at(-1)).toBe(4);
    expect(type('se', 0)).toEqual([5, 6]);
  });

  it('cycles through the rows starting with a letter typed again and again, wrapping at the end', () => {
    expect(type('ssss', -1)).toEqual([5, 6, 7, 5]);
    expect(type('cc', 1)).toEqual([0, 1]);
  });

  it('starts a new prefix after a pause', () => {
    // "n" then, a pause later, "s": a fresh prefix "s", not "ns".
    expect(type('ns', -1, TYPE_RESET_MS + 1)).toEqual([3, 5]);
    expect(isTyping(extendPrefix(NO_PREFIX, 'a', 0), TYPE_RESET_MS)).toBe(true);
    expect(isTyping(extendPrefix(NO_PREFIX, 'a', 0), TYPE_RESET_MS + 1)).toBe(false);
    expect(isTyping(NO_PREFIX, 0)).toBe(false);
  });

  it('stays put when nothing matches', () => {
    expect(type('q', 2)).toEqual([2]);
    expect(findJump([], -1, 'a')).toBe(-1);
    expect(findJump(NAMES, 0, '')).toBe(-1);
  });

  it('takes only plain character keys as typing', () => {
    const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    expect(isTypingKey(key('a'))).toBe(true);
    expect(isTypingKey(key('A'))).toBe(true);
    expect(isTypingKey(key('.'))).toBe(true);
    expect(isTypingKey(key('a', { ctrlKey: true }))).toBe(false);
    expect(isTypingKey(key('a', { altKey: true }))).toBe(false);
    expect(isTypingKey(key('ArrowDown'))).toBe(false);
    expect(isTypingKey(key('Delete'))).toBe(false);
  });
});
