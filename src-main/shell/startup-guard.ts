/**
 * Refuses to start the installed (packaged) console when someone has asked for a debugger, a V8 flag
 * or a weakened sandbox. The console runs elevated: a debugger attached to it is code running as
 * administrator, so a switch on a shortcut or an inherited NODE_OPTIONS must not be honoured. The
 * electronFuses in electron-builder.yml already disable most of these; this check covers the rest and
 * tells the admin why instead of silently ignoring the switch. A development run (not packaged) is
 * allowed, so `electron .` with --inspect still works for us.
 */

/** A command-line switch family that stops a packaged start, with the reason shown to the admin. */
interface ForbiddenSwitch {
  /** Switch name without its prefix; `prefix: true` also matches longer names (`inspect` -> `inspect-brk`). */
  name: string;
  prefix: boolean;
  why: string;
}

const FORBIDDEN_SWITCHES: readonly ForbiddenSwitch[] = [
  { name: 'inspect', prefix: true, why: 'attaches a Node.js debugger (--inspect, --inspect-brk, --inspect-port...)' },
  { name: 'remote-debugging-', prefix: true, why: 'opens the Chromium DevTools protocol (--remote-debugging-port/-pipe)' },
  { name: 'js-flags', prefix: false, why: 'passes raw flags to V8' },
  { name: 'no-sandbox', prefix: false, why: 'turns the renderer sandbox off' },
  { name: 'disable-web-security', prefix: false, why: 'turns the same-origin policy off' },
];

/** Environment variables that make Electron run as plain Node or load code before ours. */
const FORBIDDEN_ENVIRONMENT: ReadonlyArray<readonly [name: string, why: string]> = [
  ['NODE_OPTIONS', 'can preload code or enable a debugger'],
  ['ELECTRON_RUN_AS_NODE', 'runs the executable as plain Node.js'],
];

/**
 * Chromium on Windows accepts `--x`, `-x` and `/x` and lowercases switch names (base::CommandLine), so
 * all three prefixes and any case must be caught. Returns the bare lowercased name, or null for an
 * argument that is not a switch.
 */
function switchName(arg: string): string | null {
  const match = /^(?:--|-|\/)([^=\s]+)/.exec(arg);
  return match?.[1] ? match[1].toLowerCase() : null;
}

/**
 * Every reason a packaged start must be refused, given the command line (argv[0] is the executable
 * and is not checked) and the environment. Empty when the start is allowed.
 */
export function forbiddenStartupReasons(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  const reasons: string[] = [];
  for (const arg of argv.slice(1)) {
    const name = switchName(arg);
    if (name === null) continue;
    const hit = FORBIDDEN_SWITCHES.find((s) => (s.prefix ? name.startsWith(s.name) : name === s.name));
    if (hit) reasons.push(`${arg.split('=')[0]}: ${hit.why}`);
  }
  // Windows environment names are case-insensitive; a plain object from a test is not, so compare by hand.
  for (const [forbidden, why] of FORBIDDEN_ENVIRONMENT) {
    const present = Object.keys(env).some((key) => key.toUpperCase() === forbidden && env[key] !== undefined);
    if (present) reasons.push(`${forbidden} is set: ${why}`);
  }
  return reasons;
}

/** What the guard needs from Electron and the process. */
export interface StartupGuardDeps {
  isPackaged: boolean;
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** dialog.showErrorBox: safe to call before the app is ready. */
  showErrorBox(title: string, content: string): void;
  /** app.exit: ends at once, without running quit handlers. */
  exit(code: number): void;
}

/**
 * Returns true when startup may continue. When packaged and a forbidden switch or variable is present,
 * shows an error box naming each one and exits with code 1, then returns false.
 */
export function enforceStartupGuard(deps: StartupGuardDeps): boolean {
  if (!deps.isPackaged) return true;
  const reasons = forbiddenStartupReasons(deps.argv, deps.env);
  if (reasons.length === 0) return true;
  deps.showErrorBox(
    'Admin Console will not start',
    `The console runs as administrator and refuses to start with debugging or weakened security:\n\n${reasons
      .map((r) => `• ${r}`)
      .join('\n')}\n\nStart it from its shortcut without these options.`,
  );
  deps.exit(1);
  return false;
}
