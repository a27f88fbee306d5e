/**
 * Which processes are Not responding, by Task Manager's rule: a process is Not responding when one of its
 * visible, unowned top-level windows is hung ("IsHungAppWindow function (winuser.h)": its thread has not
 * asked for messages for 5 seconds). One EnumWindows per call; owned windows (dialogs, tool windows) and
 * hidden ones are skipped, as Task Manager does, so a process with only hidden windows has no status here.
 *
 * Never blocks on a hung window: IsHungAppWindow sends nothing (Windows reads the thread's last
 * message-queue access; Wine 8's wineserver request is_window_hung does the same), and neither do
 * EnumWindows, IsWindowVisible, GetWindow or GetWindowThreadProcessId.
 */
import koffi from 'koffi';
import type { WindowReading } from '../../core/processes/process-source';
import { readFailed } from '../../../src-preload/contract/unknown';
import { GW_OWNER, WNDENUMPROC, user32 } from '../user32';
import { Win32Error } from '../win32-error';

/** One top-level window as the tally needs it. */
export interface TopLevelWindow {
  pid: number;
  visible: boolean;
  owned: boolean;
  hung: boolean;
}

/** PID -> number of its visible, unowned top-level windows that are hung; processes with none are absent. */
export function tallyHungWindows(windows: Iterable<TopLevelWindow>): Map<number, number> {
  const hung = new Map<number, number>();
  for (const w of windows) {
    if (w.pid === 0 || !w.visible || w.owned || !w.hung) continue;
    hung.set(w.pid, (hung.get(w.pid) ?? 0) + 1);
  }
  return hung;
}

/** What the last reading cost (the bench and the Win32 test print it). */
export const hungWindowStats = { windows: 0, lastMs: 0 };

/** Every top-level window's handle, from one EnumWindows (the callback only collects; the queries come after). */
function topLevelHandles(): bigint[] {
  const u32 = user32();
  const handles: bigint[] = [];
  const callback = koffi.register((hwnd: bigint) => {
    handles.push(hwnd);
    return 1;
  }, koffi.pointer(WNDENUMPROC));
  try {
    if (!u32.EnumWindows(callback, 0)) throw Win32Error.fromLastError('EnumWindows');
  } finally {
    // A registered callback holds one of koffi's few trampolines until unregistered.
    koffi.unregister(callback);
  }
  return handles;
}

/**
 * The visible, unowned top-level windows, each with its process and whether it is hung. Throws Win32Error
 * when EnumWindows fails.
 */
export function readTopLevelWindows(): TopLevelWindow[] {
  const started = performance.now();
  const handles = topLevelHandles();
  const u32 = user32();
  const pid: [number] = [0];
  const windows: TopLevelWindow[] = [];
  for (const hwnd of handles) {
    // Cheapest test first: most top-level windows are hidden (message-only helpers, tooltips).
    if (!u32.IsWindowVisible(hwnd)) continue;
    if (u32.GetWindow(hwnd, GW_OWNER) !== null) continue;
    pid[0] = 0;
    // 0: the window was destroyed since EnumWindows listed it.
    if (u32.GetWindowThreadProcessId(hwnd, pid) === 0) continue;
    windows.push({ pid: pid[0], visible: true, owned: false, hung: u32.IsHungAppWindow(hwnd) !== 0 });
  }
  hungWindowStats.windows = handles.length;
  hungWindowStats.lastMs = performance.now() - started;
  return windows;
}

/** Hung windows per process, or why it cannot be told (EnumWindows failed: its code and message). */
export function readHungWindows(): WindowReading {
  try {
    return { ok: true, hungWindows: tallyHungWindows(readTopLevelWindows()) };
  } catch (err) {
    if (!(err instanceof Win32Error)) throw err;
    return { ok: false, reason: readFailed(err.win32Code, err.message, 'Whether a process is not responding (listing its windows)') };
  }
}
