import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** Why an event could not be matched at all. */
export type InvalidEventCode = 'INVALID_JSON' | 'NOT_AN_OBJECT' | 'NON_JSON_VALUE';

/**
 * An event that is not a JSON object (EventBridge answers "Event must be a JSON object"), or that carries
 * a value JSON cannot hold (NaN, Infinity, a function, a bigint) on a path the pattern looks at.
 */
export class InvalidEventError extends AgentbridgeError {
  override readonly name = 'InvalidEventError';
  declare readonly code: InvalidEventCode;
  readonly path: string;

  constructor(code: InvalidEventCode, message: string, path: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.path = path;
  }
}
