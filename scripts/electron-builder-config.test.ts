import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// What leaves app.asar is not covered by the embedded asar integrity check (the enableEmbeddedAsarIntegrityValidation
// fuse hashes the archive only), so nothing unpacked may be a script. electron-builder matches asarUnpack with
// minimatch and { dot: true } (app-builder-lib's fileMatcher.js), against paths relative to the app folder.
const root = path.join(__dirname, '..');
const CONFIGS = ['electron-builder.yml', 'electron-builder.e2e.yml'];
const SCRIPT = /\.(js|cjs|mjs|json)$/i;
/** The one file that must be unpacked: koffi's Windows prebuild, which Windows loads with LoadLibrary. */
const KOFFI_NATIVE = 'node_modules/@koromix/koffi-win32-x64/win32_x64/koffi.node';

interface BuilderConfig {
  asar?: boolean | { smartUnpack?: boolean } | null;
  asarUnpack?: string | string[];
}

function readConfig(file: string): BuilderConfig {
  return parse(fs.readFileSync(path.join(root, file), 'utf8')) as BuilderConfig;
}

function unpackPatterns(config: BuilderConfig): string[] {
  const { asarUnpack } = config;
  return asarUnpack === undefined ? [] : typeof asarUnpack === 'string' ? [asarUnpack] : asarUnpack;
}

/** Every file under `dir`, relative to `base`, with forward slashes ([] when dir is absent). */
function filesUnder(dir: string, base: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(base, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/**
 * Scripts a pattern must not reach: every script of the packaged production dependencies that is on this
 * machine (koffi, its Linux prebuild package standing in for the Windows one, zod), the Windows prebuild
 * package's own index.js and package.json, and the app's bundles.
 */
function scriptPaths(): string[] {
  const modules = path.join(root, 'node_modules');
  const installed = ['koffi', '@koromix/koffi-linux-x64', 'zod'].flatMap((name) => filesUnder(path.join(modules, name), root));
  const windowsPrebuild = ['index.js', 'package.json'].map((f) => `node_modules/@koromix/koffi-win32-x64/${f}`);
  const bundles = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/assets/index.js', 'package.json', 'node_modules/koffi/package.json'];
  return [...installed, ...windowsPrebuild, ...bundles].filter((f) => SCRIPT.test(f));
}

describe.each(CONFIGS)('%s', (file) => {
  const config = readConfig(file);
  const patterns = unpackPatterns(config);

  it('turns smartUnpack off when it builds an asar (it would unpack the whole koffi package, scripts included)', () => {
    if (file !== 'electron-builder.yml' && config.asar === undefined) return; // inherited through `extends`
    expect(config.asar).toEqual(expect.objectContaining({ smartUnpack: false }));
  });

  it('has only asarUnpack patterns whose last segment ends in a literal .node', () => {
    // A glob is only safe by construction when it cannot name anything but a .node file: no braces,
    // alternations or classes in its last segment, which must end in ".node". electron-builder also adds
    // "<pattern>/**/*" for a pattern without a dot, which this rules out as well.
    for (const pattern of patterns) expect(pattern).toMatch(/(^|\/)[^/{}()[\]!+@?]*\.node$/);
  });

  it('has no asarUnpack pattern that matches a .js, .cjs, .mjs or .json file that ships', () => {
    const scripts = scriptPaths();
    expect(scripts.length).toBeGreaterThan(10);
    for (const pattern of patterns) {
      expect(scripts.filter((f) => minimatch(f, pattern, { dot: true })), pattern).toEqual([]);
    }
  });

  it("still unpacks koffi's native file, which Windows can only load from disk", () => {
    if (file !== 'electron-builder.yml' && patterns.length === 0) return; // inherited through `extends`
    expect(patterns.some((pattern) => minimatch(KOFFI_NATIVE, pattern, { dot: true }))).toBe(true);
  });
});
