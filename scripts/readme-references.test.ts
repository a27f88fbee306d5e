import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Skip reasons and comments send a reader to where the Wine facts are written down. That place is the
// README's own section: a note that lives outside the repository (the session briefs' wine file) is a
// dead end for anyone with only a clone.
const root = path.join(__dirname, '..');
const section = 'What Wine proves and what waits for Windows';
const outsideNote = ['wine', 'md'].join('.');

/** Every tracked text file, read as the clone has it. */
function trackedTexts(): Array<{ file: string; text: string }> {
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  return files
    .filter((f) => /\.(ts|tsx|mjs|js|c|h|md|yml|json|mts)$/.test(f) || f === '.ci/run')
    .filter((f) => fs.existsSync(path.join(root, f)))
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));
}

describe('references to the Wine facts', () => {
  it('name no file outside the repository', () => {
    const citing = trackedTexts().filter((t) => t.text.includes(outsideNote)).map((t) => t.file);
    expect(citing).toEqual([]);
  });

  it('name a README section that exists', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`^#+ ${section}$`, 'm'));
    const cited = trackedTexts().filter((t) => t.text.includes(`README, "${section}"`));
    expect(cited.length).toBeGreaterThan(0);
  });
});
