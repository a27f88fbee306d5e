/**
 * What the core asks of whoever owns the screen: in Electron the main process (native dialogs, the
 * clipboard); in the headless host the preview bridge stands in for it. The renderer never answers these:
 * a compromised page cannot confirm its own destructive request.
 */
export interface ConfirmPrompt {
  /** The dialog title, e.g. "Terminate processes". */
  title: string;
  /** One sentence stating what will happen. */
  message: string;
  /** The targets and consequences, one per line. */
  detail: string;
  /** The button that goes ahead, named by its action ("Terminate"). */
  confirmLabel: string;
  /** Shown with a warning icon. Every prompt, destructive or not, defaults to Cancel. */
  destructive: boolean;
}

export interface DesktopPort {
  /** Resolves true only when the admin pressed the confirm button. */
  confirm(prompt: ConfirmPrompt): Promise<boolean>;
  copyText(text: string): Promise<void>;
  /** Asks where to save and writes the file; resolves the path, or null when the admin cancelled. */
  saveText(suggestedName: string, content: string): Promise<string | null>;
  /**
   * Shows a folder in Explorer (Electron's shell.openPath). The main process decides the folder (a hosted
   * service's log folder from its name), never the renderer. Rejects with why it could not be opened.
   */
  openFolder(folder: string): Promise<void>;
}
