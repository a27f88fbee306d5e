// Every struct the Win32 layer binds, compared with the Windows SDK as mingw-w64 ships it: size,
// alignment and the offset and size of every bound field, as printed by native/layout-probe.c.
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TypeObject } from 'koffi';
import koffi from 'koffi';
import { boundStructs } from './bound-structs';

interface ProbedStruct {
  size: number;
  align: number;
  fields: Record<string, { offset: number; size: number }>;
}

function probe(): Record<string, ProbedStruct> {
  const exe = process.env.ADMIN_CONSOLE_LAYOUT_PROBE;
  assert.ok(exe, 'ADMIN_CONSOLE_LAYOUT_PROBE must name layout-probe.exe (scripts/windows-suites.mjs sets it)');
  return JSON.parse(execFileSync(exe, { encoding: 'utf8' })) as Record<string, ProbedStruct>;
}

const probed = probe();

function koffiFields(type: TypeObject): Record<string, { offset: number; size: number }> {
  return Object.fromEntries(Object.values(type.members ?? {}).map((m) => [m.name, { offset: m.offset, size: m.type.size }]));
}

describe('struct layout (koffi vs mingw-w64 headers)', () => {
  test('the registry and the probe name the same structs', () => {
    assert.deepEqual(Object.keys(boundStructs).sort(), Object.keys(probed).sort());
  });

  for (const name of Object.keys(boundStructs)) {
    test(`${name}: size, alignment, every field's offset and size`, () => {
      const type = boundStructs[name];
      const native = probed[name];
      assert.ok(type, `${name} is in the registry`);
      assert.ok(native, `${name} is printed by native/layout-probe.c`);
      assert.equal(koffi.sizeof(type), native.size, `sizeof(${name})`);
      assert.equal(koffi.alignof(type), native.align, `alignof(${name})`);
      const fields = koffiFields(type);
      assert.deepEqual(Object.keys(fields).sort(), Object.keys(native.fields).sort(), `${name}: the same fields are bound and probed`);
      for (const [field, { offset, size }] of Object.entries(native.fields)) {
        assert.equal(koffi.offsetof(type, field), offset, `offsetof(${name}, ${field})`);
        assert.equal(fields[field]?.size, size, `sizeof(${name}.${field})`);
      }
    });
  }
});
