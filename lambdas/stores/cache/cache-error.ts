/**
 * Base of every error the cache raises. `code` is stable, so callers branch on it rather than on
 * `instanceof`. Input errors (key, value, TTL, configuration) reach the caller; a layer that is down is
 * skipped by the layered cache with a warning instead (see `LayeredCache`).
 */
export class CacheError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isCacheError = (error: unknown): error is CacheError => error instanceof CacheError;

const preview = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** A namespace or key that breaks the `namespace:key` rules. */
export class InvalidCacheKeyError extends CacheError {
  readonly part: 'namespace' | 'key';
  readonly value: string;
  readonly rule: string;

  constructor(part: 'namespace' | 'key', value: string, rule: string) {
    super('INVALID_CACHE_KEY', `Invalid cache ${part} ${JSON.stringify(preview(value))}: ${rule}`);
    this.part = part;
    this.value = value;
    this.rule = rule;
  }
}

export const isInvalidCacheKeyError = (error: unknown): error is InvalidCacheKeyError =>
  error instanceof InvalidCacheKeyError;

/** A value that would not survive a JSON round trip unchanged; `path` points at the offending part. */
export class CacheValueNotSerializableError extends CacheError {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(
      'CACHE_VALUE_NOT_SERIALIZABLE',
      `Cache value is not JSON-serialisable at ${path}: ${reason}`,
      options,
    );
    this.path = path;
    this.reason = reason;
  }
}

export const isCacheValueNotSerializableError = (error: unknown): error is CacheValueNotSerializableError =>
  error instanceof CacheValueNotSerializableError;

/** A serialised value bigger than a layer can hold (DynamoDB: the 400 KB item limit). */
export class CacheValueTooLargeError extends CacheError {
  readonly sizeBytes: number;
  readonly maxBytes: number;

  constructor(sizeBytes: number, maxBytes: number) {
    super('CACHE_VALUE_TOO_LARGE', `Cache value is ${sizeBytes} bytes as JSON; at most ${maxBytes} fit`);
    this.sizeBytes = sizeBytes;
    this.maxBytes = maxBytes;
  }
}

export const isCacheValueTooLargeError = (error: unknown): error is CacheValueTooLargeError =>
  error instanceof CacheValueTooLargeError;

/** A TTL that is not a positive, finite number of seconds. */
export class InvalidCacheTtlError extends CacheError {
  readonly ttlSeconds: number;

  constructor(ttlSeconds: number, context: string) {
    super(
      'INVALID_CACHE_TTL',
      `Invalid ${context} TTL ${ttlSeconds}: expected a positive, finite number of seconds`,
    );
    this.ttlSeconds = ttlSeconds;
  }
}

export const isInvalidCacheTtlError = (error: unknown): error is InvalidCacheTtlError =>
  error instanceof InvalidCacheTtlError;

/** A cache or layer built with options that cannot work (no layers, duplicate layer names, max ≤ 0). */
export class CacheConfigurationError extends CacheError {
  constructor(message: string) {
    super('CACHE_CONFIGURATION', message);
  }
}

export const isCacheConfigurationError = (error: unknown): error is CacheConfigurationError =>
  error instanceof CacheConfigurationError;

/** A layer could not serve an operation (network, throttling, a corrupt stored entry). */
export class CacheLayerError extends CacheError {
  readonly layer: string;
  readonly operation: 'get' | 'set' | 'delete';
  readonly cacheKey: string;

  constructor(
    layer: string,
    operation: 'get' | 'set' | 'delete',
    cacheKey: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      'CACHE_LAYER_FAILED',
      `Cache layer "${layer}" failed to ${operation} "${preview(cacheKey)}": ${reason}`,
      options,
    );
    this.layer = layer;
    this.operation = operation;
    this.cacheKey = cacheKey;
  }
}

export const isCacheLayerError = (error: unknown): error is CacheLayerError =>
  error instanceof CacheLayerError;
