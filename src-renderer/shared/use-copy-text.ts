/** Copying from a view: through main's clipboard (desktop:copyText), the outcome on the view's notice line. */
import { useCallback } from 'react';
import { reportFailure, request } from '../lib/api';

/**
 * A stable `copy(text, what)`: "Copied the row." on the notice line, or an error toast naming `what`.
 * The renderer is sandboxed, so the clipboard is main's.
 */
export function useCopyText(setNotice: (text: string) => void): (text: string, what: string) => void {
  return useCallback(
    (text: string, what: string) => {
      void request('desktop:copyText', { text }).then((result) => {
        if (result.ok) setNotice(`Copied ${what}.`);
        else reportFailure(`Could not copy ${what}`, result.error);
      });
    },
    [setNotice],
  );
}
