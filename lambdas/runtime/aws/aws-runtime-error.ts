import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/** An environment variable the AWS runtime needs is missing or malformed; raised at cold start. */
export class AwsRuntimeConfigError extends AgentbridgeError {
  override readonly name = 'AwsRuntimeConfigError';
  readonly variable: string;

  constructor(variable: string, reason: string, options?: { cause?: unknown }) {
    super('AWS_RUNTIME_CONFIG', `Environment variable ${variable} ${reason}`, options);
    this.variable = variable;
  }
}

/**
 * Other deliveries wrote the agent's state between this delivery's read and its write (optimistic
 * concurrency) on every in-place attempt. Transient: the handler adapter rethrows it, so Lambda retries the
 * whole delivery against the newer state.
 */
export class DeliveryConflictError extends AgentbridgeError {
  override readonly name = 'DeliveryConflictError';
  readonly agentId: string;
  readonly messageId: string;

  constructor(agentId: string, messageId: string, options?: { cause?: unknown }) {
    super('DELIVERY_CONFLICT', `State of ${agentId} changed while ${messageId} was being handled`, {
      ...options,
      transient: true,
    });
    this.agentId = agentId;
    this.messageId = messageId;
  }
}

/**
 * A redelivered rpc whose first delivery was applied, but whose reply was too large to record with it
 * (`MAX_RECORDED_REPLY_BYTES`). Not transient: running the handler again would apply the message twice.
 */
export class RecordedReplyUnavailableError extends AgentbridgeError {
  override readonly name = 'RecordedReplyUnavailableError';
  readonly agentId: string;
  readonly messageId: string;
  readonly replyBytes: number;

  constructor(agentId: string, messageId: string, replyBytes: number) {
    super(
      'RECORDED_REPLY_UNAVAILABLE',
      `${messageId} was already applied to ${agentId}; its ${replyBytes}-byte reply was too large to record`,
    );
    this.agentId = agentId;
    this.messageId = messageId;
    this.replyBytes = replyBytes;
  }
}

/** The runtime was asked to host agents (register, state) without an agent-state store. */
export class StateStoreMissingError extends AgentbridgeError {
  override readonly name = 'StateStoreMissingError';
  constructor(operation: string) {
    super('STATE_STORE_MISSING', `${operation} needs an agent-state store; pass stateStore to AwsRuntime`);
  }
}

/**
 * A ready-made envelope handed to `publishEnvelopes` is not one consumers could accept (metadata missing or
 * malformed, an invalid topic, data that is not JSON). Raised before any call: nothing of the batch was put.
 */
export class InvalidOutgoingEnvelopeError extends AgentbridgeError {
  override readonly name = 'InvalidOutgoingEnvelopeError';
  readonly messageId: string;

  constructor(messageId: string, reason: string, options?: { cause?: unknown }) {
    super(
      'INVALID_OUTGOING_ENVELOPE',
      `Envelope of message ${messageId} cannot be published: ${reason}`,
      options,
    );
    this.messageId = messageId;
  }
}
