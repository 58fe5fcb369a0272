// NTSTATUS layout, MS-ERREF 2.3: bits 30–31 severity, 29 C (customer), 28 N (reserved),
// bits 16–27 facility, bits 0–15 code.
import type { Dword } from './dword';

export type NtSeverity = 'success' | 'informational' | 'warning' | 'error';

const SEVERITIES: readonly NtSeverity[] = ['success', 'informational', 'warning', 'error'];

export interface NtstatusFields {
  severity: NtSeverity;
  customer: boolean;
  facility: number;
  code: number;
}

export function ntstatusFields(value: Dword): NtstatusFields {
  return {
    severity: SEVERITIES[value >>> 30] as NtSeverity,
    customer: (value & 0x20000000) !== 0,
    facility: (value >>> 16) & 0xfff,
    code: value & 0xffff,
  };
}
