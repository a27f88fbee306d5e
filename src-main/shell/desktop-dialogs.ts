import path from 'node:path';
import type { DesktopPort } from '../core/desktop/desktop-port';
import { guardedDesktop } from '../core/desktop/prompt-guard';
import { writeFileAtomic } from '../core/settings/atomic-file';
import { AppError } from '../core/app-error';

/** A copy must follow the admin's own click or key press in the console window within this long. */
export const COPY_AFTER_INPUT_MS = 2000;

/** The parts of Electron's dialog, clipboard and app the desktop port uses (faked in tests). */
export interface ElectronDesktopDeps<W> {
  dialog: {
    showMessageBox(window: W, options: {
      type: 'warning' | 'question';
      title: string;
      message: string;
      detail: string;
      buttons: string[];
      defaultId: number;
      cancelId: number;
      noLink: boolean;
    }): Promise<{ response: number }>;
    showSaveDialog(window: W, options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string | undefined }>;
  };
  clipboard: { writeText(text: string): void };
  /** Electron's shell.openPath: resolves '' on success, else the error text. */
  shell: { openPath(folder: string): Promise<string> };
  documentsFolder: () => string;
  /** The console window the dialogs are modal to; null when it is gone (then nothing is confirmed). */
  getWindow: () => W | null;
  writeFile?: (file: string, content: string) => Promise<void>;
  /** When the admin last clicked or typed in the console window (webContents 'input-event'), ms since the epoch. */
  lastUserInput: () => number;
  now?: () => number;
}

/** The buttons of every prompt: the action first, Cancel second. */
const CONFIRM_BUTTON = 0;
const CANCEL_BUTTON = 1;

/**
 * The main process's own UI for handlers that must ask the admin: native, window-modal message boxes the
 * renderer cannot draw or answer, the system clipboard, and the save dialog. Every prompt is for an elevated
 * action, so Cancel is the default button of every one (Enter and Esc never confirm), prompts are shown one
 * at a time, escaped, and refused when too long to show whole (guardedDesktop). The whole text goes in
 * `detail`, which the message box shows in full (it wraps, it never ellipsizes).
 */
export function createElectronDesktop<W>(deps: ElectronDesktopDeps<W>): DesktopPort {
  const writeFile = deps.writeFile ?? writeFileAtomic;
  return guardedDesktop({
    async confirm(prompt) {
      // Looked up when this prompt's turn comes: the window may have closed while an earlier one was open.
      const window = deps.getWindow();
      if (window === null) return false;
      const { response } = await deps.dialog.showMessageBox(window, {
        type: prompt.destructive ? 'warning' : 'question',
        title: prompt.title,
        message: prompt.message,
        detail: prompt.detail,
        buttons: [prompt.confirmLabel, 'Cancel'],
        defaultId: CANCEL_BUTTON,
        cancelId: CANCEL_BUTTON,
        noLink: true,
      });
      return response === CONFIRM_BUTTON;
    },
    async copyText(text) {
      // The clipboard of an elevated admin is a way into an elevated shell (paste-jacking): a page that is
      // not being used cannot fill it; only a copy right after the admin's own click or key press can.
      const now = (deps.now ?? Date.now)();
      if (now - deps.lastUserInput() > COPY_AFTER_INPUT_MS) {
        throw new AppError('ACCESS_DENIED', 'Copying needs a click or key press in the console window first.');
      }
      deps.clipboard.writeText(text);
    },
    async saveText(suggestedName, content) {
      const window = deps.getWindow();
      if (window === null) return null;
      const choice = await deps.dialog.showSaveDialog(window, {
        title: 'Export',
        defaultPath: path.join(deps.documentsFolder(), path.basename(suggestedName)),
        filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
      });
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, content);
      return choice.filePath;
    },
    async openFolder(folder) {
      const error = await deps.shell.openPath(folder);
      if (error) throw new AppError('WIN32', `${folder} could not be opened: ${error}`);
    },
  });
}
