/**
 * The reg.exe lines equivalent to what the console writes under a hosted service's `Parameters` key, shown in
 * the plan ("reg add" and "reg delete" pages, learn.microsoft.com, Windows Commands). reg.exe reads its command
 * line with CommandLineToArgvW, so every value goes through quoteArgument; REG_MULTI_SZ items are joined with
 * reg's default separator `\0`, REG_QWORD is written in hex. Never a password: none is ever a value here.
 */
import { quoteArgument } from '../services/binary-path';
import type { RegistryValue } from './parameters';

/** The service's key as reg.exe names it. */
export function serviceRegistryKey(serviceName: string): string {
  return `HKLM\\SYSTEM\\CurrentControlSet\\Services\\${serviceName}`;
}

/** The key the host reads its configuration from. */
export function parametersRegistryKey(serviceName: string): string {
  return `${serviceRegistryKey(serviceName)}\\Parameters`;
}

const TYPES: Record<RegistryValue['type'], string> = { dword: 'REG_DWORD', qword: 'REG_QWORD', sz: 'REG_SZ', multiSz: 'REG_MULTI_SZ' };

/** The value's data as reg add's /d takes it. */
export function regData(value: RegistryValue): string {
  switch (value.type) {
    case 'dword':
      return String(value.value);
    case 'qword':
      return `0x${value.value.toString(16)}`;
    case 'sz':
      return value.value;
    case 'multiSz':
      return value.value.join('\\0');
  }
}

/** `reg add "HKLM\...\Parameters" /v Name /t REG_SZ /d "data" /f`. */
export function regAddCommand(key: string, value: RegistryValue): string {
  return ['reg', 'add', quoteArgument(key), '/v', quoteArgument(value.name), '/t', TYPES[value.type], '/d', quoteArgument(regData(value)), '/f'].join(' ');
}

/** `reg delete "HKLM\...\Parameters" /v Name /f`. */
export function regDeleteValueCommand(key: string, name: string): string {
  return ['reg', 'delete', quoteArgument(key), '/v', quoteArgument(name), '/f'].join(' ');
}
