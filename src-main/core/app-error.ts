import type { ErrorCode } from '../../src-preload/contract/errors';

/**
 * An error the core means the admin to see: it crosses IPC as `{code, message, win32Code?}`.
 * Anything else thrown by a handler is logged with its stack and reaches the renderer as INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly win32Code?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
