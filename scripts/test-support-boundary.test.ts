// Test doubles and test fixtures live beside the code (src-*/**/test-*.ts) so tests can share them, but the
// product never imports them: what the console shows and does is real. This keeps it so.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const PRODUCT_FOLDERS = ['src-main', 'src-preload', 'src-renderer'];

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);
const isTestSupport = (file: string) => /(^|[\\/])test-[^\\/]*\.tsx?$/.test(file);

function sources(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(folder, f));
}

/** Module specifiers a file imports or re-exports. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

describe('test support stays out of the product', () => {
  const product = PRODUCT_FOLDERS.flatMap(sources).filter((f) => !isTestFile(f) && !isTestSupport(f));

  it('finds the product files and the test support files it checks (a positive control)', () => {
    expect(product.length).toBeGreaterThan(100);
    expect(PRODUCT_FOLDERS.flatMap(sources).filter(isTestSupport).length).toBeGreaterThan(5);
    expect(importsOf("import { a } from './test-doubles';\nexport { b } from \"../x/test-jobs\";")).toEqual(['./test-doubles', '../x/test-jobs']);
  });

  it('no product file imports a test-* module', () => {
    const offenders = product.flatMap((file) =>
      importsOf(fs.readFileSync(path.join(root, file), 'utf8'))
        .filter((spec) => spec.startsWith('.') && isTestSupport(`${spec}.ts`))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });
});
