// Descriptions: written ones (ours, or the seed page's) where we have them, and otherwise one
// derived from the code's name, marked as such so a reader knows how far to trust it.
import { DESCRIPTIONS } from './descriptions';

/** `seed`: the MigrationFailureReason page; `mfr`: written for mfr; `derived`: from the name. */
export type DescriptionSource = 'seed' | 'mfr' | 'derived';

export interface Description {
  text: string;
  source: DescriptionSource;
}

export function writtenDescription(name: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(DESCRIPTIONS, name) ? DESCRIPTIONS[name] : undefined;
}

export function describe(name: string): Description {
  const text = writtenDescription(name);
  return text !== undefined ? { text, source: 'mfr' } : { text: deriveDescription(name), source: 'derived' };
}

export function writtenCount(): number {
  return Object.keys(DESCRIPTIONS).length;
}

// Family prefixes: everything up to and including the first of these tokens is dropped.
const MARKERS = new Set(['E', 'S', 'I', 'W', 'X', 'ERROR', 'ERR', 'STATUS', 'WARNING', 'INFO']);
const PREFIXES = /^(WSAE|WSA|NERR_|DDERR_|DIERR_|DSERR_|DPNERR_|D3DERR_|D3DOK_|DD_|DI_|DS_|DPNSUCCESS_|DBG_)/;
const ACRONYMS = new Set([
  'ID', 'IP', 'DNS', 'HTTP', 'HTTPS', 'URL', 'RPC', 'COM', 'DLL', 'GUID', 'ACL', 'SID', 'TCP', 'UDP', 'USB',
  'CPU', 'GPU', 'IO', 'OS', 'VM', 'API', 'XML', 'SSL', 'TLS', 'LDAP', 'SMB', 'MSI', 'NTFS', 'FAT', 'PE', 'EFI',
  'TPM', 'KDC', 'NTLM', 'CSV', 'DS', 'DC', 'IPC', 'UNC', 'WMI', 'BITS', 'UPN', 'SPN', 'OID', 'CRL', 'ASN',
]);

/** "ERROR_CLUSTER_NODE_NOT_FOUND" → "Cluster node not found."; "NERR_NetNotStarted" → "Net not started." */
export function deriveDescription(name: string): string {
  let rest = name;
  const prefix = PREFIXES.exec(rest);
  if (prefix) rest = rest.slice(prefix[0].length);
  let tokens = rest.split('_').filter(Boolean);
  const marker = tokens.findIndex((t) => MARKERS.has(t));
  if (!prefix && marker >= 0 && marker < tokens.length - 1) tokens = tokens.slice(marker + 1);
  const words = tokens
    .flatMap((t) => (/[a-z]/.test(t) ? t.split(/(?<=[a-z])(?=[A-Z])/) : [t]))
    .map((w) => (ACRONYMS.has(w.toUpperCase()) || /\d/.test(w) ? w.toUpperCase() : w.toLowerCase()));
  const sentence = words.join(' ') || name;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}
