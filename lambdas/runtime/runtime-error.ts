import type * as z from 'zod';
import { AgentbridgeError } from '../contracts/agentbridge-error.js';
import { summarizeIssues } from '../contracts/message-validation-error.js';

/** An agent type, topic type or key that breaks AutoGen's identifier rules. */
export class InvalidIdentifierError extends AgentbridgeError {
  override readonly name = 'InvalidIdentifierError';
  readonly kind: 'agent type' | 'agent key' | 'topic type' | 'topic source' | 'agent id';
  readonly value: string;

  constructor(kind: InvalidIdentifierError['kind'], value: string, rule: string) {
    super('INVALID_IDENTIFIER', `Invalid ${kind} ${JSON.stringify(value)}: ${rule}`);
    this.kind = kind;
    this.value = value;
  }
}

/** No handler accepted the message (send), or a subscription was asked to map a topic it does not match. */
export class CantHandleError extends AgentbridgeError {
  override readonly name = 'CantHandleError';
  constructor(message: string) {
    super('CANT_HANDLE', message);
  }
}

export const isCantHandleError = (error: unknown): error is CantHandleError =>
  error instanceof CantHandleError;

/** `send` to an agent type nobody registered: fails at once, nothing is queued. */
export class UnknownAgentTypeError extends AgentbridgeError {
  override readonly name = 'UnknownAgentTypeError';
  readonly agentType: string;

  constructor(agentType: string) {
    super('UNKNOWN_AGENT_TYPE', `No agent type "${agentType}" is registered with this runtime`);
    this.agentType = agentType;
  }
}

/**
 * The factory (or a definition's `state` initializer) threw while creating the instance a message is addressed
 * to: the agent type is registered, but this instance could not be built. Carries the factory's error as `cause`.
 */
export class AgentConstructionError extends AgentbridgeError {
  override readonly name = 'AgentConstructionError';
  readonly agentId: string;

  constructor(agentId: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('AGENT_CONSTRUCTION_FAILED', `Agent ${agentId} could not be constructed: ${reason}`, { cause });
    this.agentId = agentId;
  }
}

/** Registering an agent type twice. */
export class AgentTypeExistsError extends AgentbridgeError {
  override readonly name = 'AgentTypeExistsError';
  readonly agentType: string;

  constructor(agentType: string) {
    super('AGENT_TYPE_EXISTS', `Agent type "${agentType}" is already registered`);
    this.agentType = agentType;
  }
}

/** Adding a subscription equal to one already present (same id, or same topic and agent type). */
export class SubscriptionExistsError extends AgentbridgeError {
  override readonly name = 'SubscriptionExistsError';
  readonly subscriptionId: string;

  constructor(subscriptionId: string) {
    super('SUBSCRIPTION_EXISTS', `Subscription already exists: ${subscriptionId}`);
    this.subscriptionId = subscriptionId;
  }
}

/** Removing a subscription id the runtime does not hold. */
export class SubscriptionNotFoundError extends AgentbridgeError {
  override readonly name = 'SubscriptionNotFoundError';
  readonly subscriptionId: string;

  constructor(subscriptionId: string) {
    super('SUBSCRIPTION_NOT_FOUND', `Subscription does not exist: ${subscriptionId}`);
    this.subscriptionId = subscriptionId;
  }
}

/**
 * A `send`'s reply does not satisfy its message type's reply schema: the recipient answered the wrong shape.
 * The caller's promise rejects with it; `issues` are the schema's findings.
 */
export class ReplyValidationError extends AgentbridgeError {
  override readonly name = 'ReplyValidationError';
  readonly messageType: string;
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(messageType: string, error: z.ZodError) {
    super('REPLY_VALIDATION', `Invalid reply to ${messageType}: ${summarizeIssues(error)}`, {
      cause: error,
    });
    this.messageType = messageType;
    this.issues = error.issues;
  }
}

/** The caller's AbortSignal fired before the reply came back (or before delivery started). */
export class MessageCancelledError extends AgentbridgeError {
  override readonly name = 'MessageCancelledError';
  constructor(messageType: string, options?: { cause?: unknown }) {
    // Transient: the delivery's deadline passed (the invocation is running out of time); a retry gets a fresh budget.
    super('MESSAGE_CANCELLED', `${messageType} was cancelled`, { ...options, transient: true });
  }
}
