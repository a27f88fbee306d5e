// Keeps every struct in the layout test: structs are declared in structs.ts only, each as its own
// exported constant, which bound-structs.ts collects (struct-layout.win32.test.ts checks them all).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');
const STRUCTS_FILE = 'src-main/win32/structs.ts';
const SOURCE_FOLDERS = ['src-main', 'src-preload', 'src-renderer', 'scripts', 'e2e'];

/** A struct declared through koffi: koffi.struct( / koffi.pack( / koffi.union(, also as koffi['struct'](. */
const DECLARATION = /\bkoffi\s*(?:\.\s*|\[\s*['"`])(struct|pack|union)\b/g;
/** The same functions taken out of koffi first: `const { struct } = koffi`. */
const DESTRUCTURED = /\{[^}]*\b(struct|pack|union)\b[^}]*\}\s*=\s*koffi\b/g;

/** A comment line (doc comments talk about koffi.struct without calling it). */
const COMMENT = /^\s*(\/\/|\/\*|\*)/;

/** The places in `text` that declare a struct, as "line: text". */
function structDeclarations(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (COMMENT.test(line)) return;
    if (DECLARATION.test(line) || DESTRUCTURED.test(line)) found.push(`${i + 1}: ${line.trim()}`);
    DECLARATION.lastIndex = 0;
    DESTRUCTURED.lastIndex = 0;
  });
  return found;
}

/** Declarations in structs.ts that are not a top-level `export const NAME = koffi.struct(...)`. */
function unexportedDeclarations(text: string): string[] {
  return structDeclarations(text).filter((d) => !/^\d+: export const [A-Z][A-Z0-9_]* = koffi\.(struct|pack|union)\(\{$/.test(d));
}

function sourceFiles(): string[] {
  return SOURCE_FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(path.join(repoRoot, folder), { recursive: true })
      .map((f) => `${folder}/${String(f).replaceAll('\\', '/')}`)
      .filter((f) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(f) && !f.includes('node_modules/')),
  );
}

describe('struct declarations', () => {
  test('the checks see what they must (and nothing else)', () => {
    expect(structDeclarations("const X = koffi.struct({\nconst Y = koffi . pack({\nkoffi['union']({ a })\nconst { struct } = koffi;")).toHaveLength(4);
    expect(structDeclarations('koffi.pointer(X); koffi.sizeof(Y); // a struct')).toEqual([]);
    expect(structDeclarations(' * koffi.struct in a doc comment\n// koffi.union( in a line comment')).toEqual([]);
    expect(unexportedDeclarations('export const FILETIME = koffi.struct({')).toEqual([]);
    expect(unexportedDeclarations('const HIDDEN = koffi.struct({')).toHaveLength(1);
    expect(unexportedDeclarations('  Inner: koffi.struct({ a: DWORD }),')).toHaveLength(1);
  });

  test(`koffi.struct / pack / union appear only in ${STRUCTS_FILE}`, () => {
    const self = path.relative(repoRoot, __filename).replaceAll('\\', '/');
    const elsewhere = sourceFiles()
      .filter((f) => f !== STRUCTS_FILE && f !== self)
      .flatMap((f) => structDeclarations(fs.readFileSync(path.join(repoRoot, f), 'utf8')).map((d) => `${f}:${d}`));
    expect(elsewhere).toEqual([]);
  });

  test('each struct in structs.ts is a top-level exported constant, so bound-structs.ts registers it', () => {
    const text = fs.readFileSync(path.join(repoRoot, STRUCTS_FILE), 'utf8');
    expect(structDeclarations(text).length).toBeGreaterThan(20);
    expect(unexportedDeclarations(text)).toEqual([]);
  });
});
