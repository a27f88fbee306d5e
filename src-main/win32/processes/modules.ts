/**
 * The DLLs and the image loaded in one process, on demand, from a Toolhelp module snapshot
 * (CreateToolhelp32Snapshot with TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32, so a WOW64 process lists its
 * 32-bit modules too). The process is opened and verified first, as the actions do, so the list
 * cannot belong to a process that reused the PID.
 */
import koffi from 'koffi';
import { AppError } from '../../core/app-error';
import type { ModuleInfo, ProcessTarget } from '../../core/processes/process-source';
import { OwnedHandle } from '../handles';
import type { ModuleEntry32W } from '../kernel32';
import { PROCESS_QUERY_LIMITED_INFORMATION, TH32CS_SNAPMODULE, TH32CS_SNAPMODULE32, kernel32 } from '../kernel32';
import { MODULEENTRY32W } from '../structs';
import { Win32Error } from '../win32-error';
import { failureOn, openVerified } from './verified-open';

/** ERROR_BAD_LENGTH: the module list changed while Toolhelp read it; MSDN says to retry. */
const ERROR_BAD_LENGTH = 24;
/** ERROR_NO_MORE_FILES: the end of the list. */
const ERROR_NO_MORE_FILES = 18;
const SNAPSHOT_ATTEMPTS = 5;

function takeModuleSnapshot(pid: number): OwnedHandle {
  const k32 = kernel32();
  for (let attempt = 1; ; attempt++) {
    const snapshot = k32.CreateToolhelp32Snapshot(TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32, pid);
    if (snapshot !== null && snapshot !== 0xffff_ffff_ffff_ffffn) return OwnedHandle.adopt('toolhelp', snapshot, 'CreateToolhelp32Snapshot');
    const error = k32.GetLastError();
    if (error !== ERROR_BAD_LENGTH || attempt === SNAPSHOT_ATTEMPTS) throw Win32Error.fromCode('CreateToolhelp32Snapshot', error);
  }
}

function readModules(snapshot: OwnedHandle): ModuleInfo[] {
  const k32 = kernel32();
  const modules: ModuleInfo[] = [];
  const entry: ModuleEntry32W = { dwSize: koffi.sizeof(MODULEENTRY32W) };
  let ok = k32.Module32FirstW(snapshot.value, entry);
  while (ok) {
    modules.push({
      name: entry.szModule ?? '',
      path: entry.szExePath ?? '',
      baseAddress: BigInt(entry.modBaseAddr ?? 0),
      sizeBytes: entry.modBaseSize ?? 0,
    });
    entry.dwSize = koffi.sizeof(MODULEENTRY32W);
    ok = k32.Module32NextW(snapshot.value, entry);
  }
  const error = k32.GetLastError();
  if (error !== ERROR_NO_MORE_FILES) throw Win32Error.fromCode(modules.length ? 'Module32NextW' : 'Module32FirstW', error);
  return modules;
}

/** Loaded modules of (pid, createTime); throws AppError: NOT_FOUND, CONFLICT, ACCESS_DENIED naming the process, WIN32. */
export function listModules(pid: number, createTime: bigint): ModuleInfo[] {
  const target: ProcessTarget = { pid, createTime };
  const [verified] = openVerified([target], PROCESS_QUERY_LIMITED_INFORMATION, 'list the modules of');
  if (!verified) throw new AppError('INTERNAL', 'no verification result');
  if ('error' in verified) throw verified.error;
  try {
    // Toolhelp opens the process itself (with PROCESS_VM_READ); our handle keeps the PID pinned meanwhile.
    const snapshot = takeModuleSnapshot(pid);
    try {
      return readModules(snapshot);
    } finally {
      snapshot.close();
    }
  } catch (err) {
    throw failureOn('list the modules of', pid, verified.process.name, err);
  } finally {
    verified.handle.close();
  }
}
