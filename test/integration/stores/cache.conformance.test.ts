import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../lambdas/contracts/clock.js';
import { CACHE_TABLE } from '../../../lambdas/contracts/tables/cache-table.js';
import {
  CacheValueNotSerializableError,
  CacheValueTooLargeError,
  InvalidCacheTtlError,
} from '../../../lambdas/stores/cache/cache-error.js';
import {
  type CacheKey,
  cacheKey,
  MAX_CACHE_KEY_BYTES,
  MAX_CACHE_NAMESPACE_BYTES,
} from '../../../lambdas/stores/cache/cache-key.js';
import type { CacheLayer } from '../../../lambdas/stores/cache/cache-layer.js';
import { DynamoDbCacheLayer } from '../../../lambdas/stores/cache/dynamodb/dynamodb-cache-layer.js';
import { LruCacheLayer } from '../../../lambdas/stores/cache/in-memory/lru-cache-layer.js';
import { MapCacheLayer } from '../../../lambdas/stores/cache/in-memory/map-cache-layer.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import { ManualClock } from '../../support/manual-clock.js';

const layers: ReadonlyArray<readonly [string, (clock: Clock) => CacheLayer]> = [
  ['in-memory LRU', (clock) => new LruCacheLayer({ maxEntries: 10_000, maxValueBytes: 64 * 1024, clock })],
  ['in-memory map', (clock) => new MapCacheLayer({ maxValueBytes: 8 * 1024, clock })],
  [
    'DynamoDB',
    (clock) =>
      new DynamoDbCacheLayer({
        documentClient: testDynamoClients().documentClient,
        tableName: CACHE_TABLE.localName,
        clock,
      }),
  ],
];

/** A fresh namespace per test keeps parallel test files apart on the shared table. */
const uniqueKey = (key = 'k'): CacheKey => cacheKey(`conf-${randomUUID().slice(0, 13)}`, key);

const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );

/** JSON text of exactly `bytes` UTF-8 bytes: a string of `bytes - 2` characters plus its quotes. */
const jsonOfBytes = (bytes: number): string => 'x'.repeat(bytes - 2);

describe.each(layers)('CacheLayer conformance: %s', (_name, makeLayer) => {
  const clock = new ManualClock();
  const layer = makeLayer(clock);

  it('misses a key never written', async () => {
    expect(await layer.get(uniqueKey())).toBeUndefined();
  });

  it('returns what was set, with its expiry from the TTL', async () => {
    const key = uniqueKey();
    await layer.set(key, { total: 42, items: ['a', 'b'], note: 'ünïcødé ✓' }, 30);
    expect(await layer.get(key)).toEqual({
      value: { total: 42, items: ['a', 'b'], note: 'ünïcødé ✓' },
      expiresAtMs: clock.now() + 30_000,
    });
  });

  it.each([null, false, 0, '', {}, [], [null, 1.5, 'x'], { deep: { er: { est: [true] } } }])(
    'round-trips the JSON value %j',
    async (value) => {
      const key = uniqueKey();
      await layer.set(key, value, 30);
      expect((await layer.get(key))?.value).toEqual(value);
    },
  );

  it('returns copies: mutating a read value or the written object changes nothing stored', async () => {
    const key = uniqueKey();
    const original = { list: [1, 2] };
    await layer.set(key, original, 30);
    original.list.push(3);
    const first = (await layer.get(key))?.value as { list: number[] };
    first.list.push(4);
    expect((await layer.get(key))?.value).toEqual({ list: [1, 2] });
  });

  it('replaces an entry and its TTL on a second set', async () => {
    const key = uniqueKey();
    await layer.set(key, 'old', 300);
    await layer.set(key, 'new', 5);
    expect(await layer.get(key)).toEqual({ value: 'new', expiresAtMs: clock.now() + 5_000 });
  });

  it('serves an entry until the millisecond it expires, then misses', async () => {
    const key = uniqueKey();
    await layer.set(key, 'v', 2);
    clock.advanceMs(1_999);
    expect((await layer.get(key))?.value).toBe('v');
    clock.advanceMs(1);
    expect(await layer.get(key)).toBeUndefined();
  });

  it('accepts fractional TTLs', async () => {
    const key = uniqueKey();
    await layer.set(key, 'brief', 0.25);
    expect((await layer.get(key))?.expiresAtMs).toBe(clock.now() + 250);
    clock.advanceMs(250);
    expect(await layer.get(key)).toBeUndefined();
  });

  it('deletes an entry, and deleting a missing key is not an error', async () => {
    const key = uniqueKey();
    await layer.set(key, 'v', 30);
    await layer.delete(key);
    expect(await layer.get(key)).toBeUndefined();
    await expect(layer.delete(uniqueKey())).resolves.toBeUndefined();
  });

  it('keeps namespaces and keys apart', async () => {
    const namespace = `conf-${randomUUID().slice(0, 13)}`;
    await layer.set(cacheKey(namespace, 'a'), 'in a', 30);
    await layer.set(cacheKey(`${namespace}x`, 'a'), 'in ax', 30);
    await layer.set(cacheKey(namespace, 'a:b'), 'in a:b', 30);
    expect((await layer.get(cacheKey(namespace, 'a')))?.value).toBe('in a');
    expect((await layer.get(cacheKey(`${namespace}x`, 'a')))?.value).toBe('in ax');
    expect((await layer.get(cacheKey(namespace, 'a:b')))?.value).toBe('in a:b');
  });

  it.each([
    ['a Date', { at: new Date(0) }],
    ['a function', () => 1],
    ['NaN', { n: Number.NaN }],
    ['a bigint', { n: 1n }],
    ['undefined', undefined],
    ['a Map', new Map()],
  ])('refuses %s with a typed error and keeps the previous entry', async (_label, value) => {
    const key = uniqueKey();
    await layer.set(key, 'kept', 30);
    expect(await rejectionOf(layer.set(key, value, 30))).toBeInstanceOf(CacheValueNotSerializableError);
    expect((await layer.get(key))?.value).toBe('kept');
  });

  it('refuses a cyclic value with a typed error', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await rejectionOf(layer.set(uniqueKey(), cyclic, 30))).toBeInstanceOf(
      CacheValueNotSerializableError,
    );
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the TTL %s and stores nothing',
    async (ttl) => {
      const key = uniqueKey();
      expect(await rejectionOf(layer.set(key, 'v', ttl))).toBeInstanceOf(InvalidCacheTtlError);
      expect(await layer.get(key)).toBeUndefined();
    },
  );

  it('stores a value of exactly maxValueBytes under the longest key and refuses one byte more', async () => {
    const limit = layer.maxValueBytes;
    if (limit === undefined) throw new Error('every layer in this suite is configured with a size limit');
    const key = cacheKey(
      `c${randomUUID().replaceAll('-', '')}`.padEnd(MAX_CACHE_NAMESPACE_BYTES, 'n'),
      'k'.repeat(MAX_CACHE_KEY_BYTES),
    );
    await layer.set(key, jsonOfBytes(limit), 30);
    expect((await layer.get(key))?.value).toBe(jsonOfBytes(limit));
    const error = await rejectionOf(layer.set(key, jsonOfBytes(limit + 1), 30));
    expect(error).toBeInstanceOf(CacheValueTooLargeError);
    expect(error).toMatchObject({ sizeBytes: limit + 1, maxBytes: limit });
    expect((await layer.get(key))?.value).toBe(jsonOfBytes(limit));
  });
});
