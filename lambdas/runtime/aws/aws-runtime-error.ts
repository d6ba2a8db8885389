import { RuntimeError } from '../runtime-error.js';

/**
 * Base of every error the AWS runtime raises (EventBridge publish, Lambda send, hosted delivery). It extends
 * the runtime's own base, so `isRuntimeError` holds and `code` travels over the wire like any runtime error.
 */
export class AwsRuntimeError extends RuntimeError {}

export const isAwsRuntimeError = (error: unknown): error is AwsRuntimeError =>
  error instanceof AwsRuntimeError;

/** An environment variable the AWS runtime needs is missing or malformed; raised at cold start. */
export class AwsRuntimeConfigError extends AwsRuntimeError {
  readonly variable: string;

  constructor(variable: string, reason: string, options?: { cause?: unknown }) {
    super('AWS_RUNTIME_CONFIG', `Environment variable ${variable} ${reason}`, options);
    this.variable = variable;
  }
}

export const isAwsRuntimeConfigError = (error: unknown): error is AwsRuntimeConfigError =>
  error instanceof AwsRuntimeConfigError;

/**
 * Other deliveries wrote the agent's state between this delivery's read and its write (optimistic
 * concurrency) on every in-place attempt. Transient: the handler adapter rethrows it, so Lambda retries the
 * whole delivery against the newer state.
 */
export class DeliveryConflictError extends AwsRuntimeError {
  readonly agentId: string;
  readonly messageId: string;
  readonly transient = true;

  constructor(agentId: string, messageId: string, options?: { cause?: unknown }) {
    super('DELIVERY_CONFLICT', `State of ${agentId} changed while ${messageId} was being handled`, options);
    this.agentId = agentId;
    this.messageId = messageId;
  }
}

export const isDeliveryConflictError = (error: unknown): error is DeliveryConflictError =>
  error instanceof DeliveryConflictError;

/**
 * A redelivered rpc whose first delivery was applied, but whose reply was too large to record with it
 * (`MAX_RECORDED_REPLY_BYTES`). Not transient: running the handler again would apply the message twice.
 */
export class RecordedReplyUnavailableError extends AwsRuntimeError {
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

export const isRecordedReplyUnavailableError = (error: unknown): error is RecordedReplyUnavailableError =>
  error instanceof RecordedReplyUnavailableError;

/** The runtime was asked to host agents (register, state) without an agent-state store. */
export class StateStoreMissingError extends AwsRuntimeError {
  constructor(operation: string) {
    super('STATE_STORE_MISSING', `${operation} needs an agent-state store; pass stateStore to AwsRuntime`);
  }
}

export const isStateStoreMissingError = (error: unknown): error is StateStoreMissingError =>
  error instanceof StateStoreMissingError;

/**
 * A ready-made envelope handed to `publishEnvelopes` is not one consumers could accept (metadata missing or
 * malformed, an invalid topic, data that is not JSON). Raised before any call: nothing of the batch was put.
 */
export class InvalidOutgoingEnvelopeError extends AwsRuntimeError {
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

export const isInvalidOutgoingEnvelopeError = (error: unknown): error is InvalidOutgoingEnvelopeError =>
  error instanceof InvalidOutgoingEnvelopeError;
