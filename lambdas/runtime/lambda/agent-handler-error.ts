import { RuntimeError } from '../runtime-error.js';

/**
 * Base of the errors the Lambda adapter raises about its input. Like every agentbridge error it carries a
 * stable `code`; all of these mean bad input, recorded to the dead-letter queue and never retried.
 */
export class AgentHandlerError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isAgentHandlerError = (error: unknown): error is AgentHandlerError =>
  error instanceof AgentHandlerError;

/** A string input (or an event `detail` given as a string) that does not parse as JSON. */
export class InvalidJsonError extends AgentHandlerError {
  readonly where: string;

  constructor(where: string, options?: { cause?: unknown }) {
    super('INVALID_JSON', `The ${where} is not valid JSON`, options);
    this.where = where;
  }
}

export const isInvalidJsonError = (error: unknown): error is InvalidJsonError =>
  error instanceof InvalidJsonError;

/** An input that is neither an EventBridge event, a send payload nor a Step Functions task input. */
export class UnrecognisedInputError extends AgentHandlerError {
  constructor(description: string) {
    super('UNRECOGNISED_INPUT', `Input is not an EventBridge event, a send or a task: ${description}`);
  }
}

export const isUnrecognisedInputError = (error: unknown): error is UnrecognisedInputError =>
  error instanceof UnrecognisedInputError;

/** An input of a recognised kind whose envelope (event fields, metadata, send/task fields) is malformed. */
export class InvalidEnvelopeError extends AgentHandlerError {
  readonly kind: string;

  constructor(kind: string, summary: string, options?: { cause?: unknown }) {
    super('INVALID_ENVELOPE', `Malformed ${kind}: ${summary}`, options);
    this.kind = kind;
  }
}

export const isInvalidEnvelopeError = (error: unknown): error is InvalidEnvelopeError =>
  error instanceof InvalidEnvelopeError;

/** An input larger than the function accepts (by default what one EventBridge event may carry). */
export class OversizedInputError extends AgentHandlerError {
  readonly bytes: number;
  readonly limit: number;

  constructor(bytes: number, limit: number) {
    super('OVERSIZED_INPUT', `Input is ${bytes} bytes; this function accepts at most ${limit}`);
    this.bytes = bytes;
    this.limit = limit;
  }
}

export const isOversizedInputError = (error: unknown): error is OversizedInputError =>
  error instanceof OversizedInputError;

/** An input whose objects and arrays nest deeper than the function accepts (see `MAX_INPUT_DEPTH`). */
export class InputTooDeepError extends AgentHandlerError {
  readonly limit: number;

  constructor(limit: number) {
    super('INPUT_TOO_DEEP', `Input nests deeper than ${limit} levels`);
    this.limit = limit;
  }
}

export const isInputTooDeepError = (error: unknown): error is InputTooDeepError =>
  error instanceof InputTooDeepError;

/**
 * A stateless agent's function was wired without Powertools idempotency persistence. Raised when the handler
 * is built (cold start), never for an input: without it a redelivery would rerun the agent's side effects.
 */
export class IdempotencyPersistenceMissingError extends RuntimeError {
  readonly agentType: string;

  constructor(agentType: string) {
    super(
      'IDEMPOTENCY_PERSISTENCE_MISSING',
      `Agent type ${agentType} keeps no state, so its function needs deps.idempotency to drop redeliveries`,
    );
    this.agentType = agentType;
  }
}

/**
 * An EventBridge event whose `source` or `account` no subscription of the receiving agent admits for its
 * detail-type: a forgery or a misconfigured producer. Recorded and never retried; nothing is dispatched.
 */
export class ForbiddenSenderError extends AgentHandlerError {
  readonly detailType: string;
  readonly source: string;
  readonly account: string;

  constructor(detailType: string, source: string, account: string) {
    super(
      'FORBIDDEN_SENDER',
      `No subscription of this agent accepts ${detailType} from source "${source}" in account ${account}`,
    );
    this.detailType = detailType;
    this.source = source;
    this.account = account;
  }
}

export const isForbiddenSenderError = (error: unknown): error is ForbiddenSenderError =>
  error instanceof ForbiddenSenderError;
