/**
 * The command line the SCM runs for a hosted service: the quoted host binary and `--service NAME`
 * (CONTRACT.md, "Sources and build"), and the test that recognises one in the services snapshot.
 */
import { buildCommandLine, splitCommandLine } from '../services/binary-path';
import { sameServiceName } from '../services/service-name';

/** The host's file name; any folder (a versioned copy per console version, or the dev build's out folder). */
export const HOST_FILE_NAME = 'service-host.exe';

/** `"C:\...\service-host.exe" --service NAME`, every part quoted as CommandLineToArgvW reads it back. */
export function hostCommandLine(hostPath: string, serviceName: string): string {
  return buildCommandLine(hostPath, ['--service', serviceName]);
}

/** The host binary a hosted service's command line names, or null when the line is not a hosted service of that name. */
export function hostedHostPath(binaryPath: string, serviceName: string): string | null {
  const { program, arguments: args } = splitCommandLine(binaryPath.trim());
  const file = program.slice(Math.max(program.lastIndexOf('\\'), program.lastIndexOf('/')) + 1);
  if (file.toLowerCase() !== HOST_FILE_NAME) return null;
  if (args.length !== 2 || args[0] !== '--service' || !sameServiceName(args[1] ?? '', serviceName)) return null;
  return program;
}

/** True when the service runs our host for itself: `...\service-host.exe --service NAME`, NAME its own name. */
export function isHostedService(binaryPath: string, serviceName: string): boolean {
  return hostedHostPath(binaryPath, serviceName) !== null;
}
