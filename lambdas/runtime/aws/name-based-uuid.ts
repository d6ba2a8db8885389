import { createHash } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5): SHA-1 of the namespace's 16 bytes followed by the UTF-8 name, cut to
 * 16 bytes with the version and variant bits set. The same namespace and name always give the same UUID, which
 * is what lets a retried delivery republish under the ids of its first attempt. SHA-1 serves here as a
 * deterministic spreader, not as a security boundary: nothing relies on the ids being unguessable.
 *
 * @example
 * ```ts
 * nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org'); // '886313e1-3b8a-5372-9b90-0c9aee199e5d'
 * ```
 */
export function nameBasedUuid(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
