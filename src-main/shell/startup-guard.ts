/**
 * Refuses to start the installed (packaged) console when someone has asked for a debugger, a V8 flag
 * or a weakened sandbox. The console runs elevated: a debugger attached to it is code running as
 * administrator, so a switch on a shortcut or an inherited NODE_OPTIONS must not be honoured. The
 * electronFuses in electron-builder.yml already disable most of these; this check covers the rest and
 * tells the admin why instead of silently ignoring the switch. A development run (not packaged) is
 * allowed, so `electron .` with --inspect still works for us.
 *
 * It is an allow-list: Chromium has hundreds of switches and some run programs (--gpu-launcher,
 * --renderer-cmd-prefix, --utility-cmd-prefix, --browser-subprocess-path), so a deny-list would always miss
 * one. The installed console takes no switches at all; the known dangerous ones get a specific reason.
 */

/** Switches the installed console accepts. None today: add one only with a reason. */
const ALLOWED_SWITCHES: ReadonlySet<string> = new Set<string>();

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
  { name: 'gpu-launcher', prefix: false, why: 'starts the GPU process through another program' },
  { name: 'renderer-cmd-prefix', prefix: false, why: 'starts renderers through another program' },
  { name: 'utility-cmd-prefix', prefix: false, why: 'starts utility processes through another program' },
  { name: 'browser-subprocess-path', prefix: false, why: 'replaces the executable used for child processes' },
  { name: 'single-process', prefix: false, why: 'runs web content inside the elevated main process' },
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
export function forbiddenStartupReasons(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  allowed: ReadonlySet<string> = ALLOWED_SWITCHES,
): string[] {
  const reasons: string[] = [];
  for (const arg of argv.slice(1)) {
    const name = switchName(arg);
    if (name === null) continue;
    if (allowed.has(name)) continue;
    const hit = FORBIDDEN_SWITCHES.find((s) => (s.prefix ? name.startsWith(s.name) : name === s.name));
    reasons.push(`${arg.split('=')[0]}: ${hit ? hit.why : 'is not an option the console accepts'}`);
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
  /**
   * The end-to-end test build (a compile-time flag, never an environment variable, which a standard user
   * could set for an elevated process): Playwright must pass --inspect and --remote-debugging-port.
   */
  testBuild?: boolean;
}

/** What Playwright's `_electron.launch` passes; accepted only by the end-to-end test build. */
const TEST_BUILD_SWITCHES: ReadonlySet<string> = new Set(['inspect', 'remote-debugging-port']);

/**
 * Returns true when startup may continue. When packaged and a forbidden switch or variable is present,
 * shows an error box naming each one and exits with code 1, then returns false.
 */
export function enforceStartupGuard(deps: StartupGuardDeps): boolean {
  if (!deps.isPackaged) return true;
  const reasons = forbiddenStartupReasons(deps.argv, deps.env, deps.testBuild ? TEST_BUILD_SWITCHES : ALLOWED_SWITCHES);
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
