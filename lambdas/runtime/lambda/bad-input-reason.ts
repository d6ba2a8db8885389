import { isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { DeadLetterReason } from '../../contracts/dead-letter-record.js';

/** The codes of the errors that mean "this input is bad", each with its dead-letter reason. */
const REASON_BY_CODE: Readonly<Record<string, DeadLetterReason>> = {
  INVALID_JSON: 'invalid-json',
  UNRECOGNISED_INPUT: 'unrecognised-input',
  INVALID_ENVELOPE: 'invalid-envelope',
  OVERSIZED_INPUT: 'oversized',
  INPUT_TOO_DEEP: 'too-deep',
  UNKNOWN_MESSAGE_TYPE: 'unknown-message-type',
  MESSAGE_VALIDATION: 'schema-violation',
  UNKNOWN_AGENT_TYPE: 'unknown-agent-type',
  INVALID_IDENTIFIER: 'invalid-identifier',
  FORBIDDEN_SENDER: 'forbidden-sender',
};

/**
 * The dead-letter reason for an error raised while parsing an input, or undefined when the error is not
 * about the input (then it is transient or a bug, and is rethrown for Lambda to retry).
 *
 * @example
 * ```ts
 * badInputReason(new InvalidJsonError('input')); // 'invalid-json'
 * badInputReason(new Error('socket hang up')); // undefined
 * ```
 */
export function badInputReason(error: unknown): DeadLetterReason | undefined {
  return isAgentbridgeError(error) && Object.hasOwn(REASON_BY_CODE, error.code)
    ? REASON_BY_CODE[error.code]
    : undefined;
}
