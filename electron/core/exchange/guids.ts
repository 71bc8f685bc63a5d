/** Stable GUIDs for objects Tematik keeps without a UUID (users, variables, selections, notes): the same on every export. */
import { createHash } from 'node:crypto';

export function stableGuid(kind: string, key: string): string {
  const hex = createHash('sha256').update(`tematik:${kind}:${key}`).digest('hex');
  // Shaped as a name-based (version 5, RFC 4122 variant) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** GUIDs as producers write them ({…}, upper case) compared as one. */
export function normaliseGuid(guid: string): string {
  return guid.trim().replace(/^\{|\}$/g, '').toLowerCase();
}
