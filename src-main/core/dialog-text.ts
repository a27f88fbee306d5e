/**
 * Text from the system or from a request (process names, service names, command lines, arguments) shown in
 * the main process's confirmation dialogs. Whoever named a process, installed a service or typed a command
 * chose that text, so it must not be able to make a dialog read as something else: no character that is
 * invisible or that breaks or reorders a line may reach the dialog as itself.
 */

/**
 * Every character a dialog would not show as itself: control characters (Cc: C0, DEL, C1 incl. U+0085 NEL;
 * CR, LF and TAB too), format characters (Cf: bidi controls, U+061C ALM, U+200B ZWSP, U+200C/D, U+2060-2064,
 * U+FEFF BOM, U+00AD soft hyphen, tag characters), the line and paragraph separators (Zl U+2028, Zp U+2029),
 * and lone surrogates (Cs), which have no glyph.
 */
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

const escapeOne = (ch: string) => `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * One value as a dialog shows it: every invisible, line-breaking or reordering character replaced by a
 * visible escape ("a<U+200B>b", "line<U+000A>next"), so what the admin reads is every character there is,
 * in order, on one line. The one function every prompt uses for every value it did not write itself.
 */
export const promptValue = (text: string): string => text.replace(UNSHOWABLE, escapeOne);

/**
 * Drops bidi controls (U+200E/F, U+202A-202E, U+2066-2069) from free text kept as text (a description
 * loaded into a form), where escapes would be written back; prompts use promptValue instead.
 */
export const withoutBidiControls = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/**
 * A prompt's multi-line text made safe line by line: the lines the console wrote are kept, and anything
 * unshowable inside a line is escaped. Applied once more by the desktop port to every prompt, whoever built it.
 */
export const promptLines = (text: string): string => text.split('\n').map(promptValue).join('\n');

/**
 * The most a confirmation may hold: a native message box does not scroll, so a prompt larger than this would
 * run off the screen and hide its end. Requests that would need more are refused (BAD_REQUEST), never cut.
 */
export const PROMPT_DETAIL_MAX_CHARS = 6000;
/** See PROMPT_DETAIL_MAX_CHARS: lines, counting each one the dialog would wrap at about 100 characters. */
export const PROMPT_DETAIL_MAX_LINES = 90;
/** Characters per line a message box shows before it wraps (a conservative figure for Windows' task dialog). */
const WRAP_AT = 100;

/** How many lines the detail takes on screen, wrapped lines counted. */
export const shownLines = (detail: string): number => detail.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / WRAP_AT)), 0);

/** Why a prompt is too long to show in full, or null when it fits. */
export function promptTooLong(prompt: { message: string; detail: string }): string | null {
  const chars = prompt.message.length + prompt.detail.length;
  if (chars > PROMPT_DETAIL_MAX_CHARS) return `it would need ${chars} characters (at most ${PROMPT_DETAIL_MAX_CHARS} can be shown)`;
  const lines = shownLines(prompt.message) + shownLines(prompt.detail);
  if (lines > PROMPT_DETAIL_MAX_LINES) return `it would need ${lines} lines (at most ${PROMPT_DETAIL_MAX_LINES} can be shown)`;
  return null;
}

/** Arguments as a prompt lists them: one per line, numbered, each escaped; "(none)" when there are none. */
export function argumentLines(args: readonly string[], indent = '  '): string {
  if (args.length === 0) return `${indent}(none)`;
  return args.map((a, i) => `${indent}${i + 1}. ${a === '' ? '(empty)' : promptValue(a)}`).join('\n');
}
