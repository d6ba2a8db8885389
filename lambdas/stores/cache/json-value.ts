/**
 * A value that survives `JSON.stringify` → `JSON.parse` unchanged: what every cache layer stores.
 * Objects are plain (no class instances such as `Date` or `Map`) and numbers are finite.
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };
