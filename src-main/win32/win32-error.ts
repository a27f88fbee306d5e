/**
 * Win32Error: how every Win32 and native-API failure leaves this layer. It carries the error code
 * (GetLastError read right after the failing call, or the code an API returns itself), the API's
 * name, and the system's own text for the code, so the admin sees "OpenProcess failed: Access is
 * denied. (error 5)" rather than a bare number.
 */
import { AppError } from '../core/app-error';
import { kernel32 } from './kernel32';
import { ntdll } from './ntdll';

/** ERROR_ACCESS_DENIED (winerror.h): the one code the console reports as its own error kind. */
export const ERROR_ACCESS_DENIED = 5;

const FORMAT_MESSAGE_IGNORE_INSERTS = 0x200;
const FORMAT_MESSAGE_FROM_SYSTEM = 0x1000;
/** Large enough for any system message; FormatMessageW fails rather than truncates if it is not. */
const MESSAGE_CAPACITY_WCHARS = 1024;

/** "<Fn> failed: <text> (error N)": the message of a Win32Error (pure, so it is unit-tested on Linux). */
export function win32FailureMessage(fn: string, text: string, code: number): string {
  return `${fn} failed: ${text} (error ${code >>> 0})`;
}

/** "<Fn> failed: <text> (NTSTATUS 0xC0000022)": the message of a failed native call, status as unsigned hex. */
export function ntStatusFailureMessage(fn: string, text: string, status: number): string {
  return `${fn} failed: ${text} (NTSTATUS 0x${(status >>> 0).toString(16).toUpperCase().padStart(8, '0')})`;
}

/** The system's text for a Win32 error code (FormatMessageW), without the trailing line break. */
export function describeWin32Code(code: number): string {
  const buffer = Buffer.alloc(MESSAGE_CAPACITY_WCHARS * 2);
  const length = kernel32().FormatMessageW(
    FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS,
    null,
    code >>> 0,
    0, // language: the user's, falling back as FormatMessageW documents
    buffer,
    MESSAGE_CAPACITY_WCHARS,
    null,
  );
  // No text is not worth a second error: the code itself is still in the message.
  if (length === 0) return 'unknown error';
  return buffer.toString('utf16le', 0, length * 2).trim();
}

/** A failed Win32 or native API call. `code` is ACCESS_DENIED for error 5, WIN32 otherwise. */
export class Win32Error extends AppError {
  /** The Win32 error code, or for a native call the NTSTATUS as an unsigned 32-bit number. */
  declare readonly win32Code: number;

  private constructor(
    /** The API that failed, as MSDN names it (e.g. "CloseHandle"). */
    readonly fn: string,
    win32Code: number,
    message: string,
    /** For a native call, the Win32 error its NTSTATUS maps to; for a Win32 call, win32Code itself. */
    readonly dosError: number,
  ) {
    super(dosError === ERROR_ACCESS_DENIED ? 'ACCESS_DENIED' : 'WIN32', message, win32Code >>> 0);
    this.name = 'Win32Error';
  }

  /** For an API that reports failure through the last error: call this right after the failing call. */
  static fromLastError(fn: string): Win32Error {
    return Win32Error.fromCode(fn, kernel32().GetLastError());
  }

  /** For an API that returns its error code (SetNamedSecurityInfoW and friends), or a code known otherwise. */
  static fromCode(fn: string, code: number): Win32Error {
    return new Win32Error(fn, code >>> 0, win32FailureMessage(fn, describeWin32Code(code), code), code >>> 0);
  }

  /** For a native API that returned a failing NTSTATUS; the text is that of RtlNtStatusToDosError's code. */
  static fromNtStatus(fn: string, status: number): Win32Error {
    const dosError = ntdll().RtlNtStatusToDosError(status | 0);
    return new Win32Error(fn, status >>> 0, ntStatusFailureMessage(fn, describeWin32Code(dosError), status), dosError);
  }
}

/** True for NT_SUCCESS: success and informational statuses (0x0-0x7FFFFFFF), as a signed LONG. */
export function ntSuccess(status: number): boolean {
  return (status | 0) >= 0;
}
