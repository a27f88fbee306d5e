import { describe, expect, it } from 'vitest';
import { PROMPT_DETAIL_MAX_CHARS } from '../dialog-text';
import type { ConfirmPrompt, DesktopPort } from './desktop-port';
import { guardedDesktop } from './prompt-guard';

const prompt = (detail: string, title = 'Run a command'): ConfirmPrompt => ({ title, message: 'Run it?', detail, confirmLabel: 'Run', destructive: false });

/** A desktop whose prompts stay open until the test answers them. */
function manualDesktop() {
  const open: { prompt: ConfirmPrompt; answer: (yes: boolean) => void }[] = [];
  const port: DesktopPort = {
    confirm: (p) => new Promise<boolean>((resolve) => open.push({ prompt: p, answer: resolve })),
    copyText: async () => {},
    saveText: async () => null,
    openFolder: async () => {},
  };
  return { port, open };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('guardedDesktop', () => {
  it('shows one prompt at a time: a second waits until the first has closed', async () => {
    const { port, open } = manualDesktop();
    const desktop = guardedDesktop(port);
    const first = desktop.confirm(prompt('first'));
    const second = desktop.confirm(prompt('second'));
    await tick();
    expect(open.map((o) => o.prompt.detail)).toEqual(['first']);
    open[0]?.answer(false);
    expect(await first).toBe(false);
    await tick();
    expect(open.map((o) => o.prompt.detail)).toEqual(['first', 'second']);
    open[1]?.answer(true);
    expect(await second).toBe(true);
  });

  it('keeps the queue going after a prompt fails', async () => {
    let calls = 0;
    const desktop = guardedDesktop({
      confirm: async () => {
        calls++;
        if (calls === 1) throw new Error('window gone');
        return true;
      },
      copyText: async () => {},
      saveText: async () => null,
      openFolder: async () => {},
    });
    await expect(desktop.confirm(prompt('a'))).rejects.toThrow('window gone');
    expect(await desktop.confirm(prompt('b'))).toBe(true);
  });

  it('escapes invisible and line-breaking characters inside lines, keeping the lines it was given', async () => {
    const { port, open } = manualDesktop();
    const answer = guardedDesktop(port).confirm({ ...prompt('Program: C:\\a\u200b.exe\nArguments:\u2028--x'), title: 'Run\u202e', confirmLabel: 'Run\r' });
    await tick();
    expect(open[0]?.prompt).toMatchObject({ title: 'Run<U+202E>', detail: 'Program: C:\\a<U+200B>.exe\nArguments:<U+2028>--x', confirmLabel: 'Run<U+000D>' });
    open[0]?.answer(false);
    await answer;
  });

  it('refuses a prompt too long to show whole, without showing it', async () => {
    const { port, open } = manualDesktop();
    const long = `--pad ${'x'.repeat(PROMPT_DETAIL_MAX_CHARS)} --plugin C:\\Users\\Public\\evil.dll`;
    await expect(guardedDesktop(port).confirm(prompt(long))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await tick();
    expect(open).toEqual([]);
  });
});
