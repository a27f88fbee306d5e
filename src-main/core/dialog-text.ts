/**
 * Text from the system (process names, service names, display names, command lines) shown in the main
 * process's confirmation dialogs. Whoever named a process or installed a service chose that text, so it must
 * not be able to make a dialog read as something else.
 */

/**
 * Drops bidi controls (U+200E/F, U+202A-202E, U+2066-2069) so a name cannot be made to read as another
 * ("invoice\u202Efdp.exe").
 */
export const withoutBidiControls = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/** One line of a dialog: bidi controls dropped and line breaks (and other control characters) shown as spaces. */
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
export const dialogLine = (text: string) => withoutBidiControls(text).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
