import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

const preview = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** A namespace or key that breaks the `namespace:key` rules. */
export class InvalidCacheKeyError extends AgentbridgeError {
  override readonly name = 'InvalidCacheKeyError';
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

/** A value that would not survive a JSON round trip unchanged; `path` points at the offending part. */
export class CacheValueNotSerializableError extends AgentbridgeError {
  override readonly name = 'CacheValueNotSerializableError';
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

/** A serialised value bigger than a layer can hold (DynamoDB: the 400 KB item limit). */
export class CacheValueTooLargeError extends AgentbridgeError {
  override readonly name = 'CacheValueTooLargeError';
  readonly sizeBytes: number;
  readonly maxBytes: number;

  constructor(sizeBytes: number, maxBytes: number) {
    super('CACHE_VALUE_TOO_LARGE', `Cache value is ${sizeBytes} bytes as JSON; at most ${maxBytes} fit`);
    this.sizeBytes = sizeBytes;
    this.maxBytes = maxBytes;
  }
}

/** A TTL that is not a positive, finite number of seconds. */
export class InvalidCacheTtlError extends AgentbridgeError {
  override readonly name = 'InvalidCacheTtlError';
  readonly ttlSeconds: number;

  constructor(ttlSeconds: number, context: string) {
    super(
      'INVALID_CACHE_TTL',
      `Invalid ${context} TTL ${ttlSeconds}: expected a positive, finite number of seconds`,
    );
    this.ttlSeconds = ttlSeconds;
  }
}

/** A cache or layer built with options that cannot work (no layers, duplicate layer names, max ≤ 0). */
export class CacheConfigurationError extends AgentbridgeError {
  override readonly name = 'CacheConfigurationError';
  constructor(message: string) {
    super('CACHE_CONFIGURATION', message);
  }
}

/** A layer could not serve an operation (network, throttling, a corrupt stored entry). */
export class CacheLayerError extends AgentbridgeError {
  override readonly name = 'CacheLayerError';
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
