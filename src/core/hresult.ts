// HRESULT layout, MS-ERREF 2.1:
//   bit 31 S (failure), 30 R, 29 C (customer), 28 N (wraps an NTSTATUS), 27 X,
//   bits 16–26 facility, bits 0–15 code. winerror.h's HRESULT_FACILITY masks 0x1FFF: newer
//   facilities such as DXGI 2170 (0x87A) spill into bit 27. Bit 28 is always read as the N flag
//   of HRESULT_FROM_NT, never as a facility bit, so the facility is bits 16–27.
import type { Dword } from './dword';

export const FACILITY_WIN32 = 7;
/** FACILITY_NT_BIT: HRESULT_FROM_NT sets bit 28 (N). */
export const FACILITY_NT_BIT = 0x10000000;

export interface HresultFields {
  severity: 'success' | 'failure';
  /** Bit 30, reserved (R). */
  reserved: boolean;
  /** Bit 29: a customer-defined value, not Microsoft's. */
  customer: boolean;
  /** Bit 28: the value wraps an NTSTATUS (HRESULT_FROM_NT). */
  ntstatus: boolean;
  /** Bit 27, reserved (X). */
  x: boolean;
  /** HRESULT_FACILITY: bits 16–27 (winerror.h masks 16–28; bit 28 is the N flag here). */
  facility: number;
  /** HRESULT_CODE: bits 0–15. */
  code: number;
}

/** The facility field of an HRESULT or NTSTATUS: bits 16–27. */
export function facilityOf(value: Dword): number {
  return (value >>> 16) & 0xfff;
}

export function hresultFields(value: Dword): HresultFields {
  return {
    severity: value & 0x80000000 ? 'failure' : 'success',
    reserved: (value & 0x40000000) !== 0,
    customer: (value & 0x20000000) !== 0,
    ntstatus: (value & FACILITY_NT_BIT) !== 0,
    x: (value & 0x08000000) !== 0,
    facility: facilityOf(value),
    code: value & 0xffff,
  };
}

export function isFailure(value: Dword): boolean {
  return (value & 0x80000000) !== 0;
}

/** MAKE_HRESULT(sev, fac, code). */
export function makeHresult(severity: 0 | 1, facility: number, code: number): Dword {
  if (!Number.isInteger(facility) || facility < 0 || facility > 0x1fff) throw new RangeError(`facility ${facility} is out of range (0..8191)`);
  if (!Number.isInteger(code) || code < 0 || code > 0xffff) throw new RangeError(`code ${code} is out of range (0..65535)`);
  return ((severity << 31) | (facility << 16) | code) >>> 0;
}

/** HRESULT_FROM_WIN32: 0 and values that already look like HRESULTs pass through unchanged. */
export function hresultFromWin32(win32: Dword): Dword {
  if ((win32 | 0) <= 0) return win32 >>> 0;
  return ((win32 & 0xffff) | (FACILITY_WIN32 << 16) | 0x80000000) >>> 0;
}

/** HRESULT_FROM_NT: sets the N bit. */
export function hresultFromNt(ntstatus: Dword): Dword {
  return (ntstatus | FACILITY_NT_BIT) >>> 0;
}

/** The Win32 error inside a failure HRESULT of facility WIN32, if it is one. */
export function win32FromHresult(value: Dword): number | undefined {
  // Only 0x8007xxxx: the macro never sets R, C, N or X.
  return (value & 0xffff0000) >>> 0 === 0x80070000 ? value & 0xffff : undefined;
}

/** The NTSTATUS inside an HRESULT with the N bit set, if it is one. */
export function ntstatusFromHresult(value: Dword): Dword | undefined {
  return value & FACILITY_NT_BIT ? (value & ~FACILITY_NT_BIT) >>> 0 : undefined;
}
