/** A JSON scalar as it appears in events and event patterns. */
export type JsonPrimitive = string | number | boolean | null;

/** Any JSON value. */
export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;

/** A JSON object (string keys, JSON values). */
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * True for a non-null, non-array object: the only shape EventBridge accepts at the top of a pattern or
 * an event, and the only shape that nests (arrays in patterns are value lists, never structure).
 *
 * @example
 * isJsonObject({ a: 1 }); // true
 * isJsonObject([1]); // false
 */
export const isJsonObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
