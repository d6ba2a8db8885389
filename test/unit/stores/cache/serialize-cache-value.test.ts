import { describe, expect, it } from 'vitest';
import {
  CacheValueNotSerializableError,
  CacheValueTooLargeError,
} from '../../../../lambdas/stores/cache/cache-error.js';
import {
  MAX_CACHE_VALUE_DEPTH,
  serializeCacheValue,
} from '../../../../lambdas/stores/cache/serialize-cache-value.js';

const failureOf = (value: unknown): CacheValueNotSerializableError => {
  try {
    serializeCacheValue(value);
  } catch (error) {
    if (error instanceof CacheValueNotSerializableError) return error;
    throw error;
  }
  throw new Error('expected serializeCacheValue to throw');
};

describe('serializeCacheValue', () => {
  it('serialises plain JSON values', () => {
    expect(serializeCacheValue({ a: [1, 'two', null, true], b: { c: -0.5 } })).toBe(
      '{"a":[1,"two",null,true],"b":{"c":-0.5}}',
    );
    expect(serializeCacheValue(Object.assign(Object.create(null), { bare: 1 }))).toBe('{"bare":1}');
  });

  it('drops object properties whose value is undefined, as an absent optional field', () => {
    expect(serializeCacheValue({ kept: 1, optional: undefined })).toBe('{"kept":1}');
  });

  it.each([
    [{ when: new Date(0) }, '$.when', 'a Date is not a plain object'],
    [{ list: [1, undefined] }, '$.list[1]', 'undefined has no JSON form'],
    [{ n: Number.POSITIVE_INFINITY }, '$.n', 'Infinity becomes null in JSON'],
    [{ 'odd key': { f: () => 1 } }, '$["odd key"].f', 'a function has no JSON form'],
    [[new Map()], '$[0]', 'a Map is not a plain object'],
    [{ id: Symbol('x') }, '$.id', 'a symbol has no JSON form'],
    [{ big: 10n }, '$.big', 'a bigint has no JSON form'],
    [undefined, '$', 'undefined has no JSON form'],
    [new Array(2), '$[0]', 'sparse array hole'],
  ])('refuses %o at %s: %s', (value, path, reason) => {
    expect(failureOf(value)).toMatchObject({ code: 'CACHE_VALUE_NOT_SERIALIZABLE', path, reason });
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(serializeCacheValue({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: { self?: unknown } = {};
    cyclic.self = { back: cyclic };
    expect(failureOf(cyclic)).toMatchObject({ path: '$.self.back', reason: 'circular reference' });
  });

  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_CACHE_VALUE_DEPTH + 1; level += 1) deep = [deep];
    expect(failureOf(deep).reason).toBe(`nested deeper than ${MAX_CACHE_VALUE_DEPTH} levels`);
  });

  it('counts UTF-8 bytes against the size limit', () => {
    expect(serializeCacheValue('éé', 6)).toBe('"éé"');
    expect(() => serializeCacheValue('ééé', 7)).toThrow(CacheValueTooLargeError);
    expect(() => serializeCacheValue('ééé', 7)).toThrow(
      expect.objectContaining({ sizeBytes: 8, maxBytes: 7 }),
    );
  });
});
