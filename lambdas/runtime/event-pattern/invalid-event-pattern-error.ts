import { AgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { PatternErrorCode } from './pattern-error-code.js';

/**
 * An event pattern EventBridge would refuse (PutRule / TestEventPattern answer InvalidEventPatternException).
 * `path` points at the offending part of the pattern (`$.detail.state[0].numeric`), `reason` is the
 * matcher's reason text, and the message reads like EventBridge's.
 */
export class InvalidEventPatternError extends AgentbridgeError {
  override readonly name = 'InvalidEventPatternError';
  readonly path: string;
  readonly reason: string;
  declare readonly code: PatternErrorCode;

  constructor(code: PatternErrorCode, reason: string, path: string, options?: { cause?: unknown }) {
    super(code, `Event pattern is not valid. Reason: ${reason} (at ${path})`, options);
    this.path = path;
    this.reason = reason;
  }
}

/**
 * @example
 * const error = checkEventPattern(pattern);
 * if (isInvalidEventPatternError(error)) console.log(error.code, error.path);
 */
export const isInvalidEventPatternError = (error: unknown): error is InvalidEventPatternError =>
  error instanceof InvalidEventPatternError;
