/**
 * The slice of a logger the cache needs. A Powertools `Logger` satisfies it as is.
 *
 * @example
 * ```ts
 * const logger: CacheLogger = new Logger({ serviceName: 'orders' });
 * ```
 */
export interface CacheLogger {
  warn(message: string, extra: Record<string, unknown>): void;
}
