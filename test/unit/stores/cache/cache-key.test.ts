import { describe, expect, it } from 'vitest';
import { InvalidCacheKeyError } from '../../../../lambdas/stores/cache/cache-error.js';
import {
  cacheKey,
  MAX_CACHE_KEY_BYTES,
  MAX_CACHE_NAMESPACE_BYTES,
} from '../../../../lambdas/stores/cache/cache-key.js';

describe('cacheKey', () => {
  it('joins namespace and key with ":"', () => {
    expect(cacheKey('prices', 'sku-42')).toBe('prices:sku-42');
  });

  it('lets the key itself contain ":", since the first ":" separates the namespace', () => {
    expect(cacheKey('users', 'tenant:7:user:42')).toBe('users:tenant:7:user:42');
  });

  it('accepts parts at their byte limits, counting UTF-8 bytes', () => {
    const namespace = 'é'.repeat(MAX_CACHE_NAMESPACE_BYTES / 2);
    expect(cacheKey(namespace, 'k'.repeat(MAX_CACHE_KEY_BYTES))).toHaveLength(
      namespace.length + 1 + MAX_CACHE_KEY_BYTES,
    );
  });

  it.each([
    ['an empty namespace', '', 'k', 'namespace', 'must be a non-empty string'],
    [
      'a namespace with ":"',
      'a:b',
      'k',
      'namespace',
      'must not contain ":" (it separates namespace and key)',
    ],
    ['a namespace over 64 bytes', 'é'.repeat(33), 'k', 'namespace', 'must be at most 64 UTF-8 bytes'],
    ['an empty key', 'ns', '', 'key', 'must be a non-empty string'],
    ['a key over 1024 bytes', 'ns', 'k'.repeat(1025), 'key', 'must be at most 1024 UTF-8 bytes'],
    [
      'a key with a lone surrogate',
      'ns',
      'a\udc00',
      'key',
      'must be well-formed Unicode (no lone surrogates)',
    ],
  ])(
    'refuses %s with an InvalidCacheKeyError naming the part and rule',
    (_label, namespace, key, part, rule) => {
      expect(() => cacheKey(namespace, key)).toThrow(InvalidCacheKeyError);
      expect(() => cacheKey(namespace, key)).toThrow(
        expect.objectContaining({ code: 'INVALID_CACHE_KEY', part, rule }),
      );
    },
  );

  it('accepts well-formed astral characters (surrogate pairs)', () => {
    expect(cacheKey('emoji', '🙂')).toBe('emoji:🙂');
  });
});
