/**
 * Type-to-jump in a list, as Windows list views do it: letters typed quickly build a prefix and the
 * selection moves to the next row whose name starts with it; a pause (about a second) starts a new
 * prefix; the same letter typed again and again cycles through the rows starting with that letter.
 * Pure, so it is unit tested.
 */

/** How long a pause ends a prefix, in ms (Windows uses about a second; the double-click time times two). */
export const TYPE_RESET_MS = 1000;

/** The prefix typed so far and when its last letter came. */
export interface TypedPrefix {
  readonly text: string;
  readonly at: number;
}

/** Nothing typed. */
export const NO_PREFIX: TypedPrefix = { text: '', at: -Infinity };

/** True for a key that types a character: one character, no Ctrl, Alt or Meta (those are commands). */
export function isTypingKey(event: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey;
}

/** The prefix after one more character at `now`: appended while typing continues, a new one after a pause. */
export function extendPrefix(prefix: TypedPrefix, char: string, now: number): TypedPrefix {
  const fresh = now - prefix.at > TYPE_RESET_MS;
  return { text: (fresh ? '' : prefix.text) + char.toLocaleLowerCase(), at: now };
}

/** True while a prefix is being typed (a Space then is part of it, not a toggle of the selection). */
export function isTyping(prefix: TypedPrefix, now: number): boolean {
  return prefix.text !== '' && now - prefix.at <= TYPE_RESET_MS;
}

/**
 * The index of the row to jump to, or -1 when none matches. `names` are the rows' names in the shown
 * order; `current` is the focused row's index (-1 for none). A first letter (or the same letter again)
 * looks from the row after the current one, so repeats cycle; a longer prefix looks from the current
 * row itself, so "no" stays on "notepad.exe" that "n" found.
 */
export function findJump(names: readonly string[], current: number, prefix: string): number {
  if (prefix === '' || names.length === 0) return -1;
  const first = prefix[0] ?? '';
  const repeated = [...prefix].every((c) => c === first);
  const wanted = repeated ? first : prefix;
  const start = repeated ? current + 1 : Math.max(current, 0);
  for (let i = 0; i < names.length; i++) {
    const at = (((start + i) % names.length) + names.length) % names.length;
    if ((names[at] ?? '').toLocaleLowerCase().startsWith(wanted)) return at;
  }
  return -1;
}
