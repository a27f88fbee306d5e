import { AppError } from '../app-error';

/**
 * The SCM's usual answers in the admin's words ("System Error Codes (1000-1299)"), keeping the Win32 code;
 * anything else keeps the Win32 layer's message (the API name, FormatMessage text and code).
 */
const WORDING: Record<number, { code: AppError['code']; text: (service: string) => string }> = {
  5: { code: 'ACCESS_DENIED', text: (s) => `Access to '${s}' was denied; the console must run elevated, and some services refuse even administrators.` },
  1052: { code: 'CONFLICT', text: (s) => `'${s}' does not accept that control (it cannot be paused or stopped this way).` },
  1053: { code: 'TIMEOUT', text: (s) => `'${s}' did not respond to the start or control request in time.` },
  1056: { code: 'CONFLICT', text: (s) => `'${s}' is already running.` },
  1058: { code: 'CONFLICT', text: (s) => `'${s}' is disabled; change its startup type before starting it.` },
  1059: { code: 'CONFLICT', text: (s) => `'${s}' has a circular dependency.` },
  1060: { code: 'NOT_FOUND', text: (s) => `There is no service named '${s}'.` },
  1061: { code: 'CONFLICT', text: (s) => `'${s}' cannot accept control messages right now (it is starting, stopping or pausing).` },
  1062: { code: 'CONFLICT', text: (s) => `'${s}' is not started.` },
  1051: { code: 'CONFLICT', text: (s) => `Services that depend on '${s}' are running; stop them first.` },
  1068: { code: 'CONFLICT', text: (s) => `A service '${s}' depends on failed to start.` },
  1069: { code: 'WIN32', text: (s) => `'${s}' could not log on with its account (wrong password, or the account lacks "Log on as a service").` },
  1072: {
    code: 'CONFLICT',
    text: (s) => `'${s}' is marked for deletion; it goes once every program holding it open (services.msc, Task Manager) closes it, or at restart.`,
  },
  1073: { code: 'CONFLICT', text: (s) => `A service named '${s}' already exists.` },
  1078: { code: 'CONFLICT', text: (s) => `The display name of '${s}' is already used by another service (as a name or display name).` },
};

/** Rewords an SCM failure about `service`; non-AppErrors pass through unchanged. */
export function serviceError(service: string, err: unknown): unknown {
  if (!(err instanceof AppError) || err.win32Code === undefined) return err;
  const wording = WORDING[err.win32Code];
  if (!wording) return err;
  return new AppError(wording.code, `${wording.text(service)} (error ${err.win32Code})`, err.win32Code);
}

/** The result row for one service: ok, or its error as data. */
export function errorValue(err: unknown): { code: string; message: string; win32Code?: number } {
  if (err instanceof AppError) return err.win32Code === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, win32Code: err.win32Code };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
