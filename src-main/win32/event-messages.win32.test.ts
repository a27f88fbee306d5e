// The event message DLL built from native/event-messages.mc (scripts/build-event-messages.mjs), as Event
// Viewer uses it: loaded as a data file, each audit event ID formatted with the entry's insertion string.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import koffi from 'koffi';
import { AUDIT_EVENT_IDS, HOSTED_SERVICE_EVENT_ID } from '../core/audit/audit-event-log';
import { kernel32 } from './kernel32';
import { Win32Error } from './win32-error';

/** LoadLibraryExW flags (libloaderapi.h): map for resources only, run no code. */
const LOAD_LIBRARY_AS_DATAFILE = 0x2;
const LOAD_LIBRARY_AS_IMAGE_RESOURCE = 0x20;
/** FormatMessageW flags (winbase.h). */
const FORMAT_MESSAGE_FROM_HMODULE = 0x800;
const FORMAT_MESSAGE_ARGUMENT_ARRAY = 0x2000;
const ENGLISH_US = 0x409;

function eventMessagesDll(): string {
  const dir = process.env.ADMIN_CONSOLE_NATIVE_DIR;
  if (!dir) throw new Error('ADMIN_CONSOLE_NATIVE_DIR must name the built native helpers (scripts/windows-suites.mjs sets it)');
  return path.join(dir, 'admin-console-events.dll');
}

/** FormatMessageW(FROM_HMODULE | ARGUMENT_ARRAY) of one message with one insertion string. */
function formatEvent(module: bigint, eventId: number, insertion: string): string {
  const text = Buffer.from(`${insertion}\0`, 'utf16le');
  const args = Buffer.alloc(8);
  args.writeBigUInt64LE(BigInt(koffi.address(text)));
  const out = Buffer.alloc(64 * 1024);
  const written = kernel32().FormatMessageW(FORMAT_MESSAGE_FROM_HMODULE | FORMAT_MESSAGE_ARGUMENT_ARRAY, module, eventId, ENGLISH_US, out, out.length / 2, BigInt(koffi.address(args)));
  if (written === 0) throw Win32Error.fromLastError(`FormatMessageW(${eventId})`);
  return out.toString('utf16le', 0, written * 2);
}

describe('event message DLL', () => {
  test('every audit event ID formats to the insertion string itself, so Event Viewer shows the audit line', () => {
    const module = kernel32().LoadLibraryExW(eventMessagesDll(), null, LOAD_LIBRARY_AS_DATAFILE | LOAD_LIBRARY_AS_IMAGE_RESOURCE);
    if (module === null || module === 0n) throw Win32Error.fromLastError('LoadLibraryExW');
    try {
      const line = JSON.stringify({ action: 'service.uninstall', target: { service: 'Ünïcode ✓' }, outcome: 'ok', note: '100% sure' });
      for (const [family, id] of Object.entries(AUDIT_EVENT_IDS)) {
        assert.equal(formatEvent(module, id, line).replace(/\r\n$/, ''), line, `${family} (${id})`);
      }
      const hosted = JSON.stringify({ service: 'Ünïcode ✓', event: 'restarting', inSeconds: 2.1, restarts: 2 });
      assert.equal(formatEvent(module, HOSTED_SERVICE_EVENT_ID, hosted).replace(/\r\n$/, ''), hosted, `the service host (${HOSTED_SERVICE_EVENT_ID})`);
      assert.throws(() => formatEvent(module, 999, line), /error 317/, 'an ID the file does not declare has no message (ERROR_MR_MID_NOT_FOUND)');
    } finally {
      kernel32().FreeLibrary(module);
    }
  });
});
