import { describe, expect, it, vi } from 'vitest';
import { createElectronDesktop, type ElectronDesktopDeps } from './desktop-dialogs';

const prompt = { title: 'Terminate processes', message: 'Do you want to terminate notepad.exe (PID 42)?', detail: '• notepad.exe (PID 42)', confirmLabel: 'Terminate', destructive: true };

function deps(response: number, window: object | null = {}, lastInputAgoMs = 100) {
  const showMessageBox = vi.fn(async () => ({ response }));
  const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: 'D:\\exports\\processes.csv' }));
  const writeText = vi.fn();
  const writeFile = vi.fn(async () => {});
  const d: ElectronDesktopDeps<object> = {
    dialog: { showMessageBox, showSaveDialog },
    clipboard: { writeText },
    shell: { openPath: async (folder: string) => (folder.includes('missing') ? 'The system cannot find the file specified.' : '') },
    documentsFolder: () => 'C:\\Users\\admin\\Documents',
    getWindow: () => window,
    writeFile,
    now: () => 1_000_000,
    lastUserInput: () => 1_000_000 - lastInputAgoMs,
  };
  return { d, showMessageBox, showSaveDialog, writeText, writeFile };
}

describe('the Electron desktop port', () => {
  it('confirms only when the admin presses the action button, in a window-modal box defaulting to Cancel', async () => {
    const yes = deps(0);
    expect(await createElectronDesktop(yes.d).confirm(prompt)).toBe(true);
    const options = (yes.showMessageBox.mock.calls[0] as unknown as [object, { buttons: string[]; defaultId: number; cancelId: number; type: string }])[1];
    expect(options.buttons).toEqual(['Terminate', 'Cancel']);
    expect(options.defaultId).toBe(1);
    expect(options.cancelId).toBe(1);
    expect(options.type).toBe('warning');
    expect(await createElectronDesktop(deps(1).d).confirm(prompt)).toBe(false);
  });

  it('defaults every prompt to Cancel, destructive or not: Enter never confirms a run, install, edit, apply or launch', async () => {
    const run = deps(0);
    await createElectronDesktop(run.d).confirm({ ...prompt, title: 'Run a command', confirmLabel: 'Run', destructive: false });
    const options = (run.showMessageBox.mock.calls[0] as unknown as [object, { buttons: string[]; defaultId: number; cancelId: number; type: string }])[1];
    expect(options.buttons[options.defaultId]).toBe('Cancel');
    expect(options.cancelId).toBe(options.defaultId);
  });

  it('shows a second prompt only after the first has closed', async () => {
    const answers: ((r: { response: number }) => void)[] = [];
    const d = deps(0);
    d.showMessageBox.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const desktop = createElectronDesktop(d.d);
    const first = desktop.confirm(prompt);
    const second = desktop.confirm({ ...prompt, title: 'Second' });
    await new Promise((r) => setTimeout(r, 0));
    expect(d.showMessageBox).toHaveBeenCalledTimes(1);
    answers[0]?.({ response: 1 });
    expect(await first).toBe(false);
    await new Promise((r) => setTimeout(r, 0));
    expect(d.showMessageBox).toHaveBeenCalledTimes(2);
    answers[1]?.({ response: 0 });
    expect(await second).toBe(true);
  });

  it('never confirms without a window to be modal to', async () => {
    const none = deps(0, null);
    expect(await createElectronDesktop(none.d).confirm(prompt)).toBe(false);
    expect(none.showMessageBox).not.toHaveBeenCalled();
  });

  it('saves where the admin chose, with only the base name suggested', async () => {
    const s = deps(0);
    expect(await createElectronDesktop(s.d).saveText('processes.csv', 'a,b\r\n')).toBe('D:\\exports\\processes.csv');
    expect(s.writeFile).toHaveBeenCalledWith('D:\\exports\\processes.csv', 'a,b\r\n');
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const s = deps(0);
    s.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await createElectronDesktop(s.d).saveText('processes.csv', 'x')).toBeNull();
    expect(s.writeFile).not.toHaveBeenCalled();
  });

  it('refuses to fill the clipboard unless the admin just clicked or typed in the window', async () => {
    const idle = deps(0, {}, 5000);
    await expect(createElectronDesktop(idle.d).copyText('powershell -c evil')).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
    expect(idle.writeText).not.toHaveBeenCalled();
  });

  it('copies text to the system clipboard', async () => {
    const s = deps(0);
    await createElectronDesktop(s.d).copyText('C:\\Windows\\notepad.exe');
    expect(s.writeText).toHaveBeenCalledWith('C:\\Windows\\notepad.exe');
  });

  it('opens a folder with the shell, and says why when it cannot', async () => {
    await expect(createElectronDesktop(deps(0).d).openFolder('C:\\ProgramData\\Admin Console\\services\\web')).resolves.toBeUndefined();
    await expect(createElectronDesktop(deps(0).d).openFolder('C:\\missing')).rejects.toThrow('C:\\missing could not be opened: The system cannot find the file specified.');
  });
});
