/**
 * Where the console keeps its settings, logs and Chromium profile: `<ProgramData>\Admin Console`, made
 * admin-only by the Win32 layer (ensureAdminOnlyFolder). Not %APPDATA% (userData): an elevated process
 * must not read state that the same user's non-elevated programs can write.
 *
 * ProgramData comes from the caller (in the app, programDataFolder() from src-main/win32/known-folders,
 * i.e. SHGetKnownFolderPath), never from %ProgramData%: an elevated process inherits the user's
 * environment (HKCU\Environment), which any unelevated program of that user can set. Injected so this
 * module and its tests need neither Electron nor Win32.
 */
import path from 'node:path';

/** The folder name under ProgramData. */
export const DATA_FOLDER_NAME = 'Admin Console';

/** Gives the machine's ProgramData folder (programDataFolder() in the app); throws if it cannot. */
export type ProgramDataFolder = () => string;

/** Looks a variable up the way Windows does: names are case-insensitive. */
function windowsEnv(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  const value = key === undefined ? undefined : env[key];
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** `<ProgramData>\Admin Console`. Throws when ProgramData is not an absolute Windows path, rather than guessing a drive. */
export function adminDataFolder(programData: ProgramDataFolder): string {
  const base = programData();
  if (!path.win32.isAbsolute(base) || !/^[a-zA-Z]:\\|^\\\\/.test(base)) {
    throw new Error(`ProgramData is "${base}", not an absolute path; cannot place the admin-only data folder`);
  }
  return path.win32.join(base, DATA_FOLDER_NAME);
}

/** Environment variable that moves the data folder in a development run (e2e tests isolate theirs). */
export const DATA_FOLDER_OVERRIDE = 'ADMIN_CONSOLE_DATA_FOLDER';

/**
 * The data folder for this run: adminDataFolder(programData), or ADMIN_CONSOLE_DATA_FOLDER in a
 * development run only. The installed console ignores the override, so nobody can point an elevated
 * console at a folder they control. ProgramData is not asked for when the override applies.
 */
export function dataFolderFor(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>, programData: ProgramDataFolder): string {
  const override = isPackaged ? undefined : windowsEnv(env, DATA_FOLDER_OVERRIDE);
  if (override !== undefined) {
    if (!path.win32.isAbsolute(override)) throw new Error(`${DATA_FOLDER_OVERRIDE} must be an absolute path`);
    return path.win32.resolve(override);
  }
  return adminDataFolder(programData);
}

/** Owners a folder must have to count as already admin-only: Administrators and SYSTEM, as SDDL aliases or SIDs. */
const ADMIN_OWNERS = new Set(['BA', 'SY', 'S-1-5-32-544', 'S-1-5-18']);
/** One ACE: (type;flags;rights;object guid;inherit guid;sid). */
const ACE = /\(([^;()]*);([^;()]*);([^;()]*);([^;()]*);([^;()]*);([^;()]*)\)/g;

/**
 * True when a folder's owner and DACL, as SDDL from readFolderSecurity (GetNamedSecurityInfoW +
 * ConvertSecurityDescriptorToStringSecurityDescriptorW, e.g. "O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"),
 * say only Administrators and SYSTEM can change anything in it: owned by one of them, a protected DACL
 * (nothing inherited from ProgramData, whose ACL lets Users create), and allow entries for nobody else.
 * Strict on purpose: anything it does not recognise is "not admin-only", the cautious answer (the caller
 * then secures the folder before Chromium writes in it).
 */
export function isAdminOnlySddl(sddl: string): boolean {
  const match = /^O:(.+?)D:(P?(?:AR)?(?:AI)?)((?:\([^()]*\))*)$/.exec(sddl.trim());
  if (!match) return false;
  const [, owner = '', flags = '', aces = ''] = match;
  if (!ADMIN_OWNERS.has(owner) || !flags.startsWith('P')) return false;
  const entries = [...aces.matchAll(ACE)];
  if (entries.length === 0 || entries.map((e) => e[0]).join('') !== aces) return false;
  return entries.every(([, type, , , , , sid]) => type === 'A' && ADMIN_OWNERS.has(sid ?? ''));
}
