import { NOT_CONNECTED_MESSAGE } from '../lib/api';

/**
 * Shown instead of the console when the page has no `window.adminConsole` (opened in a plain browser,
 * or the preload failed): nothing can be read or changed, and the page says so rather than crashing.
 */
export function NotConnected() {
  return (
    <main className="not-connected" aria-labelledby="not-connected-title">
      <h1 id="not-connected-title" role="alert">
        {NOT_CONNECTED_MESSAGE}
      </h1>
      <p>
        This window has no bridge to the main process (<code>window.adminConsole</code> is missing), so it cannot show live
        data or change anything.
      </p>
      <p>Start the console with the app itself, or through the preview server, which provides the same bridge.</p>
    </main>
  );
}
