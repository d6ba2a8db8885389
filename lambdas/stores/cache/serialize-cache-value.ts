import { CacheValueNotSerializableError, CacheValueTooLargeError } from './cache-error.js';

/** Nesting deeper than this is refused with a typed error instead of overflowing the stack. */
export const MAX_CACHE_VALUE_DEPTH = 256;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const childPath = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

const typeName = (value: unknown): string => {
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.getPrototypeOf(value)?.constructor?.name ?? 'object';
};

// Walks the value once, so the caller learns WHERE it breaks, not just that JSON.stringify was lossy.
const check = (value: unknown, path: string, depth: number, ancestors: Set<object>): void => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new CacheValueNotSerializableError(path, `${value} becomes null in JSON`);
    return;
  }
  if (typeof value !== 'object') {
    const what = value === undefined ? 'undefined' : `a ${typeof value}`;
    throw new CacheValueNotSerializableError(path, `${what} has no JSON form`);
  }
  if (depth >= MAX_CACHE_VALUE_DEPTH) {
    throw new CacheValueNotSerializableError(path, `nested deeper than ${MAX_CACHE_VALUE_DEPTH} levels`);
  }
  if (ancestors.has(value)) throw new CacheValueNotSerializableError(path, 'circular reference');
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value))
        throw new CacheValueNotSerializableError(`${path}[${index}]`, 'sparse array hole');
      check(value[index], `${path}[${index}]`, depth + 1, ancestors);
    }
  } else {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new CacheValueNotSerializableError(path, `a ${typeName(value)} is not a plain object`);
    }
    for (const [key, child] of Object.entries(value)) {
      // An undefined property is dropped by JSON exactly as an absent optional field reads back: no loss.
      if (child !== undefined) check(child, childPath(path, key), depth + 1, ancestors);
    }
  }
  ancestors.delete(value);
};

/**
 * Serialises a cache value to JSON, refusing anything that would not read back equal: `undefined` at the
 * top or in an array, functions, symbols, bigints, NaN/Infinity, class instances, cycles, sparse arrays.
 * Object properties whose value is `undefined` are dropped, as `JSON.stringify` does.
 *
 * @param maxBytes optional UTF-8 size limit of the JSON text.
 * @throws CacheValueNotSerializableError naming the path of the first offending part.
 * @throws CacheValueTooLargeError when the JSON text exceeds `maxBytes`.
 * @example
 * ```ts
 * serializeCacheValue({ total: 42 }); // '{"total":42}'
 * serializeCacheValue({ at: new Date() }); // throws: $.at — a Date is not a plain object
 * ```
 */
export const serializeCacheValue = (value: unknown, maxBytes?: number): string => {
  check(value, '$', 0, new Set());
  const json = JSON.stringify(value);
  if (maxBytes !== undefined) {
    const sizeBytes = Buffer.byteLength(json, 'utf8');
    if (sizeBytes > maxBytes) throw new CacheValueTooLargeError(sizeBytes, maxBytes);
  }
  return json;
};
