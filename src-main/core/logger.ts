/** The logging seam the core uses; main and the host give it a file-backed implementation. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** A logger that drops everything (unit tests that do not assert on logs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
