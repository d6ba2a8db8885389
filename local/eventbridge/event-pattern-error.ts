/**
 * Base of every error the local EventBridge pattern module raises. Each subclass carries a stable `code`
 * so callers (and the local PutRule/TestEventPattern API) can branch without `instanceof`.
 */
export class EventPatternError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * @example
 * try { compileEventPattern(text); } catch (error) { if (isEventPatternError(error)) log(error.code); }
 */
export const isEventPatternError = (error: unknown): error is EventPatternError =>
  error instanceof EventPatternError;
