/**
 * How the header names Windows. Windows 11 still reports major 10 (build 22000 and later), so the build
 * number decides; see MSDN "Operating System Version".
 */
import type { SystemInfoValue } from '../../src-preload/contract/schemas';

/** The first Windows 11 build (21H2). */
export const FIRST_WINDOWS_11_BUILD = 22_000;

/** "Windows 11 (10.0.22631)", "Windows 10 (10.0.19045)", "Windows 6.1 (6.1.7601)". */
export function formatWindowsVersion(version: SystemInfoValue['windowsVersion']): string {
  const { major, minor, build } = version;
  const numbers = `${major}.${minor}.${build}`;
  if (major === 10 && minor === 0) return `Windows ${build >= FIRST_WINDOWS_11_BUILD ? 11 : 10} (${numbers})`;
  return `Windows ${major}.${minor} (${numbers})`;
}
