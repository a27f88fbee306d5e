/**
 * Test support (not product code): a DesktopPort that answers every confirmation with `answer` and keeps
 * the prompts, so tests can assert what the admin would have been asked.
 */
import type { ConfirmPrompt, DesktopPort } from './desktop-port';

export function answeringDesktop(answer: boolean): DesktopPort & { prompts: ConfirmPrompt[] } {
  const prompts: ConfirmPrompt[] = [];
  return {
    prompts,
    confirm: async (prompt) => {
      prompts.push(prompt);
      return answer;
    },
    copyText: async () => {},
    saveText: async () => null,
    openFolder: async () => {},
  };
}
