/**
 * The one logging port of the library: the runtimes, the stores, the patterns and the agents all log through
 * it. Powertools' `Logger` fits behind it with {@link powertoolsLogger} (agentbridge/lambda), `console` fits
 * as {@link consoleLogger}. `extra` carries the structured fields of the entry.
 *
 * @example
 * ```ts
 * const logger: Logger = { warn: (message, extra) => lines.push({ message, extra }), error: () => undefined };
 * const runtime = new InProcessRuntime({ logger });
 * ```
 */
export interface Logger {
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** Writes to stderr; the default wherever no logger is injected and a lost entry would hide a failure. */
export const consoleLogger: Logger = {
  warn: (message, extra) => console.warn(message, extra ?? ''),
  error: (message, extra) => console.error(message, extra ?? ''),
};

/** Drops every entry: for callers that report the same outcome another way (a return value, a counter). */
export const silentLogger: Logger = {
  warn: () => undefined,
  error: () => undefined,
};
