/**
 * Base of every error the local cloud's engines and the systems run on it raise; `code` is stable so callers
 * branch on it.
 */
export class LocalCloudError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}
