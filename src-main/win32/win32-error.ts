/**
 * Win32Error: how every Win32 and native-API failure leaves this layer. It carries the error code
 * (GetLastError read right after the failing call, or the code an API returns itself), the API's
 * name, and the system's own text for the code, so the admin sees "OpenProcess failed: Access is
 * denied. (error 5)" rather than a bare number.
 */
import { AppError } from '../core/app-error';
import { kernel32 } from './kernel32';
import { ntdll } from './ntdll';

/** ERROR_ACCESS_DENIED (winerror.h). */
export const ERROR_ACCESS_DENIED = 5;
/** ERROR_SERVICE_DOES_NOT_EXIST (winerror.h): "The specified service does not exist as an installed service." */
export const ERROR_SERVICE_DOES_NOT_EXIST = 1060;
/** ERROR_PRIVILEGE_NOT_HELD (winerror.h): "A required privilege is not held by the client." */
export const ERROR_PRIVILEGE_NOT_HELD = 1314;
/** STATUS_ACCESS_DENIED and STATUS_PRIVILEGE_NOT_HELD (ntstatus.h), unsigned. */
export const STATUS_ACCESS_DENIED = 0xc000_0022;
export const STATUS_PRIVILEGE_NOT_HELD = 0xc000_0061;

const ACCESS_DENIED_ERRORS: ReadonlySet<number> = new Set([ERROR_ACCESS_DENIED, ERROR_PRIVILEGE_NOT_HELD]);
const ACCESS_DENIED_STATUSES: ReadonlySet<number> = new Set([STATUS_ACCESS_DENIED, STATUS_PRIVILEGE_NOT_HELD]);

/**
 * The console's error kind for a failure: ACCESS_DENIED when the admin lacks a right or a privilege
 * (error 5 or 1314, or the NTSTATUS of either, also when RtlNtStatusToDosError maps it to something
 * else), NOT_FOUND when there is no such service (1060, which only the SCM answers), WIN32 for
 * everything else. Pure, so it is unit-tested on Linux.
 */
export function errorKindFor(dosError: number, ntStatus?: number): 'ACCESS_DENIED' | 'NOT_FOUND' | 'WIN32' {
  if (ACCESS_DENIED_ERRORS.has(dosError >>> 0)) return 'ACCESS_DENIED';
  if (dosError >>> 0 === ERROR_SERVICE_DOES_NOT_EXIST) return 'NOT_FOUND';
  if (ntStatus !== undefined && ACCESS_DENIED_STATUSES.has(ntStatus >>> 0)) return 'ACCESS_DENIED';
  return 'WIN32';
}

/** FACILITY_WIN32 (winerror.h): an HRESULT 0x8007xxxx that wraps the Win32 error xxxx. */
const FACILITY_WIN32 = 7;

/** The Win32 error an HRESULT wraps (HRESULT_FROM_WIN32 reversed), or the HRESULT itself (unsigned). */
export function win32CodeOfHResult(hr: number): number {
  const unsigned = hr >>> 0;
  return ((unsigned >>> 16) & 0x1fff) === FACILITY_WIN32 && unsigned >= 0x8000_0000 ? unsigned & 0xffff : unsigned;
}

const FORMAT_MESSAGE_IGNORE_INSERTS = 0x200;
const FORMAT_MESSAGE_FROM_SYSTEM = 0x1000;
/** Large enough for any system message; FormatMessageW fails rather than truncates if it is not. */
const MESSAGE_CAPACITY_WCHARS = 1024;

/** "<Fn> failed: <text> (error N)": the message of a Win32Error (pure, so it is unit-tested on Linux). */
export function win32FailureMessage(fn: string, text: string, code: number): string {
  return `${fn} failed: ${text} (error ${code >>> 0})`;
}

const hex32 = (value: number): string => `0x${(value >>> 0).toString(16).toUpperCase().padStart(8, '0')}`;

/** "<Fn> failed: <text> (NTSTATUS 0xC0000022)": the message of a failed native call, status as unsigned hex. */
export function ntStatusFailureMessage(fn: string, text: string, status: number): string {
  return `${fn} failed: ${text} (NTSTATUS ${hex32(status)})`;
}

/** "<Fn> failed: <text> (HRESULT 0x80070005)": the message of a failed COM or shell call. */
export function hresultFailureMessage(fn: string, text: string, hr: number): string {
  return `${fn} failed: ${text} (HRESULT ${hex32(hr)})`;
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

/** A failed Win32, native or COM API call. `code` is errorKindFor's: ACCESS_DENIED, NOT_FOUND or WIN32. */
export class Win32Error extends AppError {
  /** The Win32 error code, or for a native call the NTSTATUS as an unsigned 32-bit number. */
  declare readonly win32Code: number;

  private constructor(
    /** The API that failed, as MSDN names it (e.g. "CloseHandle"). */
    readonly fn: string,
    win32Code: number,
    message: string,
    /**
     * For a native call, the Win32 error its NTSTATUS maps to; for a COM call, the Win32 error its
     * HRESULT wraps (or the HRESULT); for a Win32 call, win32Code itself.
     */
    readonly dosError: number,
    code: AppError['code'],
  ) {
    super(code, message, win32Code >>> 0);
    this.name = 'Win32Error';
  }

  /** The same failure with advice for the admin appended ("...; run the console as administrator"). */
  withAdvice(advice: string): Win32Error {
    return new Win32Error(this.fn, this.win32Code, `${this.message}; ${advice}`, this.dosError, this.code);
  }

  /** For an API that reports failure through the last error: call this right after the failing call. */
  static fromLastError(fn: string): Win32Error {
    return Win32Error.fromCode(fn, kernel32().GetLastError());
  }

  /** For an API that returns its error code (SetNamedSecurityInfoW and friends), or a code known otherwise. */
  static fromCode(fn: string, code: number): Win32Error {
    return new Win32Error(fn, code >>> 0, win32FailureMessage(fn, describeWin32Code(code), code), code >>> 0, errorKindFor(code));
  }

  /** For a native API that returned a failing NTSTATUS; the text is that of RtlNtStatusToDosError's code. */
  static fromNtStatus(fn: string, status: number): Win32Error {
    const dosError = ntdll().RtlNtStatusToDosError(status | 0);
    return new Win32Error(fn, status >>> 0, ntStatusFailureMessage(fn, describeWin32Code(dosError), status), dosError, errorKindFor(dosError, status));
  }

  /** For a COM or shell API that returned a failing HRESULT (FormatMessageW knows their texts too). */
  static fromHResult(fn: string, hr: number): Win32Error {
    const dosError = win32CodeOfHResult(hr);
    return new Win32Error(fn, hr >>> 0, hresultFailureMessage(fn, describeWin32Code(hr), hr), dosError, errorKindFor(dosError));
  }
}

/** True for NT_SUCCESS: success and informational statuses (0x0-0x7FFFFFFF), as a signed LONG. */
export function ntSuccess(status: number): boolean {
  return (status | 0) >= 0;
}
