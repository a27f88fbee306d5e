/**
 * Where the console keeps its settings, logs and Chromium profile: `%ProgramData%\Admin Console`, made
 * admin-only by the Win32 layer (ensureAdminOnlyFolder). Not %APPDATA% (userData): an elevated process
 * must not read state that the same user's non-elevated programs can write.
 */
import path from 'node:path';

/** The folder name under ProgramData. */
export const DATA_FOLDER_NAME = 'Admin Console';

/** Looks a variable up the way Windows does: names are case-insensitive. */
function windowsEnv(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  const value = key === undefined ? undefined : env[key];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * `%ProgramData%\Admin Console`, falling back to %ALLUSERSPROFILE% (the same folder on Vista and
 * later). Throws when neither is an absolute Windows path, rather than guessing a drive.
 */
export function adminDataFolder(env: Readonly<Record<string, string | undefined>>): string {
  const base = windowsEnv(env, 'ProgramData') ?? windowsEnv(env, 'ALLUSERSPROFILE');
  if (base === undefined || !path.win32.isAbsolute(base) || !/^[a-zA-Z]:\\|^\\\\/.test(base)) {
    throw new Error('ProgramData is not set to an absolute path; cannot place the admin-only data folder');
  }
  return path.win32.join(base, DATA_FOLDER_NAME);
}

/** Environment variable that moves the data folder in a development run (e2e tests isolate theirs). */
export const DATA_FOLDER_OVERRIDE = 'ADMIN_CONSOLE_DATA_FOLDER';

/**
 * The data folder for this run: adminDataFolder(env), or ADMIN_CONSOLE_DATA_FOLDER in a development
 * run only. The installed console ignores the override, so nobody can point an elevated console at a
 * folder they control.
 */
export function dataFolderFor(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string {
  const override = isPackaged ? undefined : windowsEnv(env, DATA_FOLDER_OVERRIDE);
  if (override !== undefined) {
    if (!path.win32.isAbsolute(override)) throw new Error(`${DATA_FOLDER_OVERRIDE} must be an absolute path`);
    return path.win32.resolve(override);
  }
  return adminDataFolder(env);
}
