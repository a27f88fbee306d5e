/**
 * user32.dll bindings for the Processes Status column's "Not responding" (loaded from System32 only, see
 * system32-library.ts; user32 is a KnownDLL on Windows, but it is not in libraries.ts's list and one more
 * path lookup at first use costs nothing). Raw bindings: callers check results and raise Win32Error.
 */
import type { LibraryHandle } from 'koffi';
import koffi from 'koffi';
import { loadFromSystem32 } from './system32-library';
import { BOOL, DWORD, HANDLE, UINT, stdcall } from './types';
import type { Pointer } from './types';

/** LPARAM is pointer-sized (LONG_PTR). */
const LPARAM = koffi.types.intptr;

/**
 * "EnumWindowsProc callback function (winuser.h)": BOOL CALLBACK (HWND, LPARAM); TRUE goes on. Anonymous
 * (see types.ts: koffi's type names are process-global).
 */
export const WNDENUMPROC = koffi.proto('__stdcall', null, BOOL, [HANDLE, LPARAM]);

/** "GetWindow function (winuser.h)": GW_OWNER, the window's owner (NULL for an unowned window). */
export const GW_OWNER = 4;

function bind(lib: LibraryHandle) {
  return {
    /**
     * "EnumWindows function (winuser.h)": calls the callback once per top-level window (not child windows);
     * MSDN prefers it to a GetWindow loop, which can loop forever or name destroyed windows. Returns
     * nonzero on success; on failure (or when the callback stops it) zero, with the last error set.
     */
    EnumWindows: stdcall<(callback: bigint, lParam: number) => number>(lib, 'EnumWindows', BOOL, [koffi.pointer(WNDENUMPROC), LPARAM]),
    /** "GetWindowThreadProcessId function (winuser.h)": the creating thread's id; the process id in the out DWORD. 0 for a window gone. */
    GetWindowThreadProcessId: stdcall<(window: Pointer, pid: [number]) => number>(lib, 'GetWindowThreadProcessId', DWORD, [HANDLE, koffi.out(koffi.pointer(DWORD))]),
    /** "IsWindowVisible function (winuser.h)": WS_VISIBLE on the window and every parent. */
    IsWindowVisible: stdcall<(window: Pointer) => number>(lib, 'IsWindowVisible', BOOL, [HANDLE]),
    /** "GetWindow function (winuser.h)": with GW_OWNER, the owner window or NULL. */
    GetWindow: stdcall<(window: Pointer, command: number) => Pointer>(lib, 'GetWindow', HANDLE, [HANDLE, UINT]),
    /**
     * "IsHungAppWindow function (winuser.h)": nonzero when the window's thread is not waiting for input, not
     * starting up, and has not called PeekMessage (or GetMessage) for 5 seconds. It does not send the window
     * a message, so a hung window cannot block the caller. Wine 8 asks wineserver (is_window_hung: no
     * GetMessage for 5 s and the thread not waiting on its queue), also without a message.
     */
    IsHungAppWindow: stdcall<(window: Pointer) => number>(lib, 'IsHungAppWindow', BOOL, [HANDLE]),
  };
}

let bindings: ReturnType<typeof bind> | undefined;

/** The bindings, loading user32.dll on first use. */
export function user32(): ReturnType<typeof bind> {
  return (bindings ??= bind(loadFromSystem32('user32.dll')));
}
