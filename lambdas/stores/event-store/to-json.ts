import { NotJsonSerializableError } from './event-store-input-error.js';

/** Nesting deeper than this is refused with a typed error instead of overflowing the stack. */
export const MAX_JSON_DEPTH = 256;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const childPath = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

const typeName = (value: object): string => Object.getPrototypeOf(value)?.constructor?.name ?? 'object';

// Walks the value once, so the caller learns WHERE it breaks, not just that JSON.stringify was lossy.
const check = (value: unknown, path: string, depth: number, ancestors: Set<object>): void => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotJsonSerializableError(path, `${value} becomes null in JSON`);
    return;
  }
  if (typeof value !== 'object')
    throw new NotJsonSerializableError(path, `a ${typeof value} has no JSON form`);
  if (depth >= MAX_JSON_DEPTH)
    throw new NotJsonSerializableError(path, `nested deeper than ${MAX_JSON_DEPTH}`);
  if (ancestors.has(value)) throw new NotJsonSerializableError(path, 'circular reference');
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value)) throw new NotJsonSerializableError(`${path}[${index}]`, 'sparse array hole');
      check(value[index], `${path}[${index}]`, depth + 1, ancestors);
    }
  } else {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      throw new NotJsonSerializableError(path, `a ${typeName(value)} is not a plain object`);
    }
    for (const [key, child] of Object.entries(value)) {
      // An undefined property is dropped by JSON exactly as an absent optional field reads back: no loss.
      if (child !== undefined) check(child, childPath(path, key), depth + 1, ancestors);
    }
  }
  ancestors.delete(value);
};

/**
 * Serialises a value to JSON text, refusing anything that would not read back equal: `undefined` at the
 * top or in an array, functions, symbols, bigints, NaN/Infinity, class instances (Date, Map), cycles and
 * sparse arrays. Object properties whose value is `undefined` are dropped, as `JSON.stringify` does.
 *
 * @param path names the value in the error, e.g. `events[0].data`.
 * @throws NotJsonSerializableError naming the path of the first offending part.
 * @example
 * ```ts
 * toJson({ total: 42 }, 'events[0].data'); // '{"total":42}'
 * toJson({ n: 1n }, 'events[0].data'); // throws: events[0].data.n — a bigint has no JSON form
 * ```
 */
export const toJson = (value: unknown, path: string): string => {
  check(value, path, 0, new Set());
  return JSON.stringify(value);
};
