/**
 * What every confirmation goes through, whoever shows it (Electron's message box, the preview's stand-in):
 * one at a time, each shown whole with nothing invisible in it, or refused.
 */
import { AppError } from '../app-error';
import { promptLines, promptTooLong, promptValue } from '../dialog-text';
import type { ConfirmPrompt, DesktopPort } from './desktop-port';

/** The prompt as it will be shown: every unshowable character in it escaped, the console's own line breaks kept. */
export function safePrompt(prompt: ConfirmPrompt): ConfirmPrompt {
  return {
    ...prompt,
    title: promptValue(prompt.title),
    message: promptLines(prompt.message),
    detail: promptLines(prompt.detail),
    confirmLabel: promptValue(prompt.confirmLabel),
  };
}

/**
 * Wraps a desktop so that its confirmations are shown one at a time, in the order asked (a second request
 * waits until the first prompt has closed: two window-modal boxes at once would let one answer land on the
 * other), escaped (safePrompt), and refused with BAD_REQUEST when too long to show whole (nothing is cut, so
 * the admin never confirms a tail they could not see).
 */
export function guardedDesktop(port: DesktopPort): DesktopPort {
  let previous: Promise<unknown> = Promise.resolve();
  return {
    copyText: (text) => port.copyText(text),
    saveText: (name, content) => port.saveText(name, content),
    openFolder: (folder) => port.openFolder(folder),
    confirm(prompt) {
      const shown = safePrompt(prompt);
      const tooLong = promptTooLong(shown);
      if (tooLong) {
        return Promise.reject(new AppError('BAD_REQUEST', `Refused: the confirmation "${shown.title}" cannot show all of this request (${tooLong}). Nothing was changed.`));
      }
      const turn = previous.then(() => port.confirm(shown));
      previous = turn.catch(() => undefined);
      return turn;
    },
  };
}
