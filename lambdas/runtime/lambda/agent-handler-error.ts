import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** A string input (or an event `detail` given as a string) that does not parse as JSON. */
export class InvalidJsonError extends AgentbridgeError {
  override readonly name = 'InvalidJsonError';
  readonly where: string;

  constructor(where: string, options?: { cause?: unknown }) {
    super('INVALID_JSON', `The ${where} is not valid JSON`, options);
    this.where = where;
  }
}

/** An input that is neither an EventBridge event, a send payload nor a Step Functions task input. */
export class UnrecognisedInputError extends AgentbridgeError {
  override readonly name = 'UnrecognisedInputError';
  constructor(description: string) {
    super('UNRECOGNISED_INPUT', `Input is not an EventBridge event, a send or a task: ${description}`);
  }
}

/** An input of a recognised kind whose envelope (event fields, metadata, send/task fields) is malformed. */
export class InvalidEnvelopeError extends AgentbridgeError {
  override readonly name = 'InvalidEnvelopeError';
  readonly kind: string;

  constructor(kind: string, summary: string, options?: { cause?: unknown }) {
    super('INVALID_ENVELOPE', `Malformed ${kind}: ${summary}`, options);
    this.kind = kind;
  }
}

/** An input larger than the function accepts (by default what one EventBridge event may carry). */
export class OversizedInputError extends AgentbridgeError {
  override readonly name = 'OversizedInputError';
  readonly bytes: number;
  readonly limit: number;

  constructor(bytes: number, limit: number) {
    super('OVERSIZED_INPUT', `Input is ${bytes} bytes; this function accepts at most ${limit}`);
    this.bytes = bytes;
    this.limit = limit;
  }
}

/** An input whose objects and arrays nest deeper than the function accepts (see `MAX_INPUT_DEPTH`). */
export class InputTooDeepError extends AgentbridgeError {
  override readonly name = 'InputTooDeepError';
  readonly limit: number;

  constructor(limit: number) {
    super('INPUT_TOO_DEEP', `Input nests deeper than ${limit} levels`);
    this.limit = limit;
  }
}

/**
 * A stateless agent's function was wired without Powertools idempotency persistence. Raised when the handler
 * is built (cold start), never for an input: without it a redelivery would rerun the agent's side effects.
 */
export class IdempotencyPersistenceMissingError extends AgentbridgeError {
  override readonly name = 'IdempotencyPersistenceMissingError';
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
export class ForbiddenSenderError extends AgentbridgeError {
  override readonly name = 'ForbiddenSenderError';
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
