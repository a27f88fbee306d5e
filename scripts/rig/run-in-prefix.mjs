// `node scripts/rig/run-in-prefix.mjs <program> [args...]`: starts a Windows program in the Wine prefix the
// preview's host runs in (.cache/rig/prefix), so it shows up in the preview's Processes tab (and can be
// added to a job, suspended, terminated). The program is what `wine` accepts: a name on Wine's PATH
// (`cmd`, `notepad`), a Windows path, or a Linux path to an .exe. Output goes to this terminal; Ctrl+C or
// `kill` with the printed Linux PID ends it. On Windows there is no prefix: start the program directly.
import { spawn } from 'node:child_process';
import { isMainScript } from '../native-build.mjs';
import { isWindows, prefixDir, wineEnv } from './config.mjs';
import { ensureRig } from './setup.mjs';

export const USAGE = 'usage: node scripts/rig/run-in-prefix.mjs <program> [args...]   e.g. cmd /c ping -n 120 127.0.0.1';

/**
 * The program and its arguments from the command line, passed through untouched (a Windows program
 * parses its own command line); no program, or an option of ours that does not exist, is an error.
 * @param {string[]} argv process.argv.slice(2)
 * @returns {{ program: string, args: string[] }}
 */
export function parseRunArgs(argv) {
  const rest = argv[0] === '--' ? argv.slice(1) : argv;
  const [program, ...args] = rest;
  if (program === undefined || program === '') throw new Error(`no program given\n${USAGE}`);
  if (program === '--help' || program === '-h') throw new Error(USAGE);
  if (program.startsWith('-') && argv[0] !== '--') throw new Error(`unknown option ${program} (put -- before a program whose name starts with -)\n${USAGE}`);
  return { program, args };
}

/**
 * What to spawn: `wine <program> [args...]` with the rig's environment (the private prefix, winedbg off).
 * @param {{ program: string, args: string[] }} run
 */
export function wineCommand({ program, args }) {
  return { file: 'wine', args: [program, ...args], env: wineEnv() };
}

if (isMainScript(import.meta.url)) {
  let run;
  try {
    run = parseRunArgs(process.argv.slice(2));
  } catch (err) {
    console.error(err.message);
    process.exit(2);
  }
  if (isWindows) {
    console.error('On Windows there is no Wine prefix: start the program directly; the console sees every process.');
    process.exit(2);
  }
  const rig = ensureRig({ quiet: true });
  if (!rig.ok) {
    for (const m of rig.missing) console.error(`missing: ${m}`);
    process.exit(1);
  }
  const cmd = wineCommand(run);
  const child = spawn(cmd.file, cmd.args, { stdio: 'inherit', env: cmd.env });
  child.on('spawn', () => console.error(`started ${run.program} in ${prefixDir} (Linux pid ${child.pid}; stop: Ctrl+C or kill ${child.pid})`));
  child.on('error', (err) => {
    console.error(`cannot start wine: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
