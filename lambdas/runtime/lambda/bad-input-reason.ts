import type { DeadLetterReason } from '../../contracts/dead-letter-record.js';
import { isUnknownMessageTypeError } from '../../contracts/message-registry.js';
import { isMessageValidationError } from '../../contracts/message-validation-error.js';
import { isInvalidIdentifierError, isUnknownAgentTypeError } from '../runtime-error.js';
import {
  isForbiddenSenderError,
  isInputTooDeepError,
  isInvalidEnvelopeError,
  isInvalidJsonError,
  isOversizedInputError,
  isUnrecognisedInputError,
} from './agent-handler-error.js';

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
  if (isInvalidJsonError(error)) return 'invalid-json';
  if (isUnrecognisedInputError(error)) return 'unrecognised-input';
  if (isInvalidEnvelopeError(error)) return 'invalid-envelope';
  if (isOversizedInputError(error)) return 'oversized';
  if (isInputTooDeepError(error)) return 'too-deep';
  if (isUnknownMessageTypeError(error)) return 'unknown-message-type';
  if (isMessageValidationError(error)) return 'schema-violation';
  if (isUnknownAgentTypeError(error)) return 'unknown-agent-type';
  if (isInvalidIdentifierError(error)) return 'invalid-identifier';
  if (isForbiddenSenderError(error)) return 'forbidden-sender';
  return undefined;
}
