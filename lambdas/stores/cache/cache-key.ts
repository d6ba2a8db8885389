import { InvalidCacheKeyError } from './cache-error.js';

/** A validated `namespace:key` string; only `cacheKey` makes one, so every layer sees checked keys. */
export type CacheKey = string & { readonly __brand: 'CacheKey' };

/** UTF-8 bytes a namespace may take. */
export const MAX_CACHE_NAMESPACE_BYTES = 64;
/** UTF-8 bytes a key may take. With the namespace and `:` it stays far below DynamoDB's 2,048-byte key limit. */
export const MAX_CACHE_KEY_BYTES = 1024;
/** UTF-8 bytes of the longest `namespace:key`. */
export const MAX_CACHE_FULL_KEY_BYTES = MAX_CACHE_NAMESPACE_BYTES + 1 + MAX_CACHE_KEY_BYTES;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
// A lone surrogate becomes U+FFFD on the way to DynamoDB, so two distinct keys could share one item.
const LONE_SURROGATE = /\p{Surrogate}/u;

const checkPart = (part: 'namespace' | 'key', value: string, maxBytes: number): void => {
  if (typeof value !== 'string' || value.length === 0) {
    throw new InvalidCacheKeyError(part, String(value), 'must be a non-empty string');
  }
  if (LONE_SURROGATE.test(value)) {
    throw new InvalidCacheKeyError(part, value, 'must be well-formed Unicode (no lone surrogates)');
  }
  // One UTF-16 unit is at most 3 UTF-8 bytes, so short parts (the usual case, on every get) skip the count.
  if (value.length * 3 > maxBytes && utf8Bytes(value) > maxBytes) {
    throw new InvalidCacheKeyError(part, value, `must be at most ${maxBytes} UTF-8 bytes`);
  }
};

/**
 * Builds the namespaced key `namespace:key`. The namespace may not contain `:` (the first `:` is the
 * separator); the key may, so composite keys like `user:42` inside a namespace stay readable.
 *
 * @throws InvalidCacheKeyError when a part is empty, too long, not well-formed Unicode, or the namespace
 *   contains `:`.
 * @example
 * ```ts
 * cacheKey('prices', 'sku:42'); // "prices:sku:42"
 * cacheKey('a:b', 'x'); // throws InvalidCacheKeyError
 * ```
 */
export const cacheKey = (namespace: string, key: string): CacheKey => {
  checkPart('namespace', namespace, MAX_CACHE_NAMESPACE_BYTES);
  if (namespace.includes(':')) {
    throw new InvalidCacheKeyError(
      'namespace',
      namespace,
      'must not contain ":" (it separates namespace and key)',
    );
  }
  checkPart('key', key, MAX_CACHE_KEY_BYTES);
  return `${namespace}:${key}` as CacheKey;
};
