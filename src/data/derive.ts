// A description made from a code's name, for codes without a written one.

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
