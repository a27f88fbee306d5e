// A hosted service's Parameters key through the real registry (RegCreateKeyExW, RegSetValueExW, RegRenameKey,
// RegEnumValueW): every value type round-trips, a rewrite replaces the whole key, and a write interrupted at
// each step is finished or undone by the next one.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { newHostedDefinition } from '../../../src-preload/contract/hosted-defaults';
import { parametersPart } from '../../core/hosted/hosted-plan';
import { parametersFrom, parametersOf, type RegistryValue } from '../../core/hosted/parameters';
import { fullDefinition } from '../../core/hosted/test-hosted';
import { handleLedger } from '../handles';
import { parametersKeysPresent, readParameters, writeParameters } from './parameters-key';
import { scm } from './scm';
import { installTestService, removeTestServices } from './test-services';

const HKLM = 0xffff_ffff_8000_0002n;
const keyOf = (name: string) => `SYSTEM\\CurrentControlSet\\Services\\${name}`;

/** Writes a raw subkey with one DWORD, as an interrupted write would have left it. */
function leave(name: string, sub: string, values: Record<string, number>): void {
  const out: [bigint | null] = [null];
  assert.equal(scm().RegCreateKeyExW(HKLM, `${keyOf(name)}\\${sub}`, 0, null, 0, 0xf003f, null, out, null), 0);
  for (const [value, n] of Object.entries(values)) {
    const data = Buffer.alloc(4);
    data.writeUInt32LE(n);
    assert.equal(scm().RegSetValueExW(out[0] ?? 0n, value, 0, 4, data, 4), 0);
  }
  assert.equal(scm().RegCloseKey(out[0] ?? 0n), 0);
}

const sorted = (values: RegistryValue[] | null) => [...(values ?? [])].sort((a, b) => a.name.localeCompare(b.name));

describe('hosted Parameters key', () => {
  afterEach(async () => {
    assert.deepEqual(await removeTestServices(), []);
    assert.equal(handleLedger.openCount(), 0, 'every handle opened was closed');
  });

  test('every value type round-trips through the registry, and the definition with it', () => {
    const service = installTestService();
    assert.equal(readParameters(service.name), null, 'no key yet');
    const def = fullDefinition();
    const values = parametersOf(parametersPart(def));
    writeParameters(service.name, values);
    const read = readParameters(service.name);
    assert.deepEqual(sorted(read), sorted(values));
    assert.deepEqual(parametersFrom(read ?? []), { parameters: parametersPart(def), problems: [] });
    assert.deepEqual(parametersKeysPresent(service.name), ['Parameters'], 'no .new or .old left behind');
  });

  test('a rewrite replaces the whole key: a value left out is gone', () => {
    const service = installTestService();
    writeParameters(service.name, parametersOf(parametersPart(fullDefinition())));
    const plain = parametersOf(parametersPart(newHostedDefinition(service.name, 'C:\\a.exe')));
    writeParameters(service.name, plain);
    const read = readParameters(service.name);
    assert.deepEqual(sorted(read), sorted(plain));
    assert.equal(read?.some((v) => v.name === 'WorkingDirectory'), false);
    assert.deepEqual(parametersKeysPresent(service.name), ['Parameters']);
  });

  test('an interrupted write is finished or undone by the next', () => {
    const values = parametersOf(parametersPart(newHostedDefinition('x', 'C:\\a.exe')));
    // Crashed after step 1 of a first install: an incomplete Parameters.new (no SchemaVersion) is dropped.
    const a = installTestService();
    leave(a.name, 'Parameters.new', { StopBudgetMs: 1 });
    writeParameters(a.name, values);
    assert.deepEqual(sorted(readParameters(a.name)), sorted(values));
    assert.deepEqual(parametersKeysPresent(a.name), ['Parameters']);

    // Crashed after step 2: no Parameters, a complete .new and the .old; recovery swaps the .new in first.
    const b = installTestService();
    leave(b.name, 'Parameters.old', { SchemaVersion: 1, StopBudgetMs: 1000 });
    leave(b.name, 'Parameters.new', { SchemaVersion: 1, StopBudgetMs: 2000 });
    writeParameters(b.name, values);
    assert.deepEqual(sorted(readParameters(b.name)), sorted(values));
    assert.deepEqual(parametersKeysPresent(b.name), ['Parameters']);

    // Crashed after step 3: the live key and a stale .old; the .old goes.
    const c = installTestService();
    leave(c.name, 'Parameters', { SchemaVersion: 1 });
    leave(c.name, 'Parameters.old', { SchemaVersion: 1 });
    writeParameters(c.name, values);
    assert.deepEqual(parametersKeysPresent(c.name), ['Parameters']);
    assert.deepEqual(sorted(readParameters(c.name)), sorted(values));
  });

  test('writing for a service that does not exist fails with error 2 and creates nothing', () => {
    assert.throws(() => writeParameters('AdminConsoleTestNoSuchService', []), (err: unknown) => (err as { win32Code?: number }).win32Code === 2);
    assert.equal(readParameters('AdminConsoleTestNoSuchService'), null);
  });
});
