/**
 * The slice of a logger the event store needs (background snapshot failures). A Powertools `Logger`
 * satisfies it as is.
 *
 * @example
 * ```ts
 * const logger: EventStoreLogger = new Logger({ serviceName: 'users' });
 * ```
 */
export interface EventStoreLogger {
  error(message: string, extra: Record<string, unknown>): void;
}
