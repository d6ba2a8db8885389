/** What every agentbridge error takes besides its code and message. */
export interface AgentbridgeErrorOptions {
  /** The error underneath (an SDK exception, a schema's findings), kept as the standard `cause`. */
  readonly cause?: unknown;
  /** A later attempt of the same operation can succeed; the one retry signal (see `isTransientError`). */
  readonly transient?: boolean;
}

/**
 * Base of every error agentbridge raises. `code` is stable and travels over the wire (send responses carry
 * name/code/message), so callers branch on it rather than on `instanceof`; `transient` says whether a retry can
 * help; subclasses add the structured fields a caller reads (`agentId`, `operation`, …). Each subclass declares
 * its `name` as a literal: Step Functions' `Retry`/`Catch` and the wire match that text, and a minified bundle
 * renames classes.
 *
 * @example
 * ```ts
 * class OutOfStockError extends AgentbridgeError {
 *   override readonly name = 'OutOfStockError';
 *   constructor(readonly sku: string) {
 *     super('OUT_OF_STOCK', `No stock for ${sku}`);
 *   }
 * }
 * ```
 */
export abstract class AgentbridgeError extends Error {
  abstract override readonly name: string;
  readonly code: string;
  readonly transient: boolean;

  constructor(code: string, message: string, options?: AgentbridgeErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.transient = options?.transient ?? false;
  }
}

/**
 * Whether `error` is an agentbridge error (optionally: with this `code`). It reads the shape (string `name`,
 * `message` and `code`, boolean `transient`), not only the prototype, so it also recognises an error raised by a
 * second copy of the library (another bundle, a test double, another realm).
 *
 * @example
 * ```ts
 * try { await store.load(agentId); } catch (error) {
 *   if (isAgentbridgeError(error, 'STATE_VERSION_CONFLICT')) return retry();
 *   throw error;
 * }
 * ```
 */
export function isAgentbridgeError(error: unknown, code?: string): error is AgentbridgeError {
  if (typeof error !== 'object' || error === null) return false;
  const fields = error as { name?: unknown; message?: unknown; code?: unknown; transient?: unknown };
  const shaped =
    error instanceof AgentbridgeError ||
    (typeof fields.name === 'string' &&
      typeof fields.message === 'string' &&
      typeof fields.code === 'string' &&
      typeof fields.transient === 'boolean');
  return shaped && (code === undefined || fields.code === code);
}

/** The message of whatever was thrown: an `Error`'s message, anything else as text. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
