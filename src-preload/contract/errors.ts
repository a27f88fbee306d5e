/**
 * The error model: every call answers `{ok:true,value}` or `{ok:false,error}`. Errors cross as data
 * because Electron keeps only `message` of a thrown error.
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'NOT_FOUND',
  'ACCESS_DENIED',
  'WIN32',
  'TIMEOUT',
  'CANCELLED',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What the renderer receives when a call fails. `win32Code` is GetLastError (or an NTSTATUS/HRESULT as unsigned). */
export interface ApiError {
  code: ErrorCode;
  message: string;
  win32Code?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
