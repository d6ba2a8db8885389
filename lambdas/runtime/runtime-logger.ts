/** The slice of a logger the runtime needs; Powertools' Logger satisfies it. */
export interface RuntimeLogger {
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** Writes to stderr; the default when no logger is injected. */
export const consoleRuntimeLogger: RuntimeLogger = {
  warn: (message, extra) => console.warn(message, extra ?? ''),
  error: (message, extra) => console.error(message, extra ?? ''),
};
