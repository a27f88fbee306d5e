import { describe, expect, it } from 'vitest';
import { argumentLines, promptLines, promptTooLong, promptValue, PROMPT_DETAIL_MAX_CHARS, PROMPT_DETAIL_MAX_LINES } from './dialog-text';

const UNSHOWABLE_CATEGORY = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

describe('promptValue', () => {
  it('leaves no control, format, line or paragraph separator character anywhere in Unicode, and loses none', () => {
    const all: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) all.push(cp === 0x2e ? 'dot' : String.fromCodePoint(cp));
    expect(promptValue('.')).toBe('.');
    // Separated by '.', so lone surrogates stay lone and every escape sits between two dots.
    const shown = promptValue(`.${all.join('.')}.`);
    expect(UNSHOWABLE_CATEGORY.test(shown)).toBe(false);
    const parts = shown.slice(1, -1).split('.');
    expect(parts).toHaveLength(all.length);
    let escaped = 0;
    parts.forEach((part, cp) => {
      if (part === all[cp]) return;
      escaped++;
      // Visible and unambiguous: the code point is named, so nothing is lost.
      if (part !== `<U+${cp.toString(16).toUpperCase().padStart(4, '0')}>`) expect.fail(`U+${cp.toString(16)} shown as ${part}`);
    });
    // Cc 65 + Cf ~170 + Zl + Zp + Cs 2048: thousands, never none (an empty pattern would pass the checks above).
    expect(escaped).toBeGreaterThan(2000);
  });

  it('escapes the characters seen in the wild, not only bidi controls', () => {
    for (const ch of ['\u061c', '\u0085', '\u200b', '\ufeff', '\u2028', '\u2029', '\r', '\n', '\t', '\u202e', '\u2066', '\u00ad', '\u{e0041}']) {
      expect(promptValue(`x${ch}y`)).toMatch(/^x<U\+[0-9A-F]{4,6}>y$/);
    }
    expect(promptValue('invoice\u202Efdp.exe')).toBe('invoice<U+202E>fdp.exe');
  });

  it('keeps ordinary text, accents, CJK and emoji as they are', () => {
    for (const text of ['C:\\Program Files\\App\\app.exe --flag "a b"', 'Dienst für Überwachung', '服务', '🚀 launcher']) {
      expect(promptValue(text)).toBe(text);
    }
  });
});

describe('promptLines', () => {
  it('keeps the line breaks the console wrote and escapes everything else', () => {
    expect(promptLines('Program: a\u2028b\nArguments: c\rd')).toBe('Program: a<U+2028>b\nArguments: c<U+000D>d');
  });
});

describe('argumentLines', () => {
  it('lists arguments one per line, numbered, never joined', () => {
    expect(argumentLines(['--plugin', 'C:\\Users\\Public\\evil.dll', ''])).toBe('  1. --plugin\n  2. C:\\Users\\Public\\evil.dll\n  3. (empty)');
    expect(argumentLines([])).toBe('  (none)');
    expect(argumentLines(['a\nb'])).toBe('  1. a<U+000A>b');
  });
});

describe('promptTooLong', () => {
  it('accepts what a message box shows whole and refuses more, by characters and by wrapped lines', () => {
    expect(promptTooLong({ message: 'm', detail: 'x'.repeat(PROMPT_DETAIL_MAX_CHARS - 1) })).toBeNull();
    expect(promptTooLong({ message: 'm', detail: 'x'.repeat(PROMPT_DETAIL_MAX_CHARS) })).toMatch(/characters/);
    expect(promptTooLong({ message: 'm', detail: Array(PROMPT_DETAIL_MAX_LINES - 1).fill('line').join('\n') })).toBeNull();
    expect(promptTooLong({ message: 'm', detail: Array(PROMPT_DETAIL_MAX_LINES).fill('line').join('\n') })).toMatch(/lines/);
  });
});
