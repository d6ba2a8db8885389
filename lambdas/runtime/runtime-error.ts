import type * as z from 'zod';
import { summarizeIssues } from '../contracts/message-validation-error.js';

/**
 * Base of every error the agent runtime raises. `code` is stable and travels over the wire (Lambda
 * invoke responses carry name/code/message), so callers branch on it rather than on `instanceof`.
 */
export class RuntimeError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isRuntimeError = (error: unknown): error is RuntimeError => error instanceof RuntimeError;

/** An agent type, topic type or key that breaks AutoGen's identifier rules. */
export class InvalidIdentifierError extends RuntimeError {
  readonly kind: 'agent type' | 'agent key' | 'topic type' | 'topic source' | 'agent id';
  readonly value: string;

  constructor(kind: InvalidIdentifierError['kind'], value: string, rule: string) {
    super('INVALID_IDENTIFIER', `Invalid ${kind} ${JSON.stringify(value)}: ${rule}`);
    this.kind = kind;
    this.value = value;
  }
}

export const isInvalidIdentifierError = (error: unknown): error is InvalidIdentifierError =>
  error instanceof InvalidIdentifierError;

/** No handler accepted the message (send), or a subscription was asked to map a topic it does not match. */
export class CantHandleError extends RuntimeError {
  constructor(message: string) {
    super('CANT_HANDLE', message);
  }
}

export const isCantHandleError = (error: unknown): error is CantHandleError =>
  error instanceof CantHandleError;

/** `send` to an agent type nobody registered: fails at once, nothing is queued. */
export class UnknownAgentTypeError extends RuntimeError {
  readonly agentType: string;

  constructor(agentType: string) {
    super('UNKNOWN_AGENT_TYPE', `No agent type "${agentType}" is registered with this runtime`);
    this.agentType = agentType;
  }
}

export const isUnknownAgentTypeError = (error: unknown): error is UnknownAgentTypeError =>
  error instanceof UnknownAgentTypeError;

/**
 * The factory (or a definition's `state` initializer) threw while creating the instance a message is addressed
 * to: the agent type is registered, but this instance could not be built. Carries the factory's error as `cause`.
 */
export class AgentConstructionError extends RuntimeError {
  readonly agentId: string;

  constructor(agentId: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('AGENT_CONSTRUCTION_FAILED', `Agent ${agentId} could not be constructed: ${reason}`, { cause });
    this.agentId = agentId;
  }
}

export const isAgentConstructionError = (error: unknown): error is AgentConstructionError =>
  error instanceof AgentConstructionError;

/** Registering an agent type twice. */
export class AgentTypeExistsError extends RuntimeError {
  readonly agentType: string;

  constructor(agentType: string) {
    super('AGENT_TYPE_EXISTS', `Agent type "${agentType}" is already registered`);
    this.agentType = agentType;
  }
}

/** Adding a subscription equal to one already present (same id, or same topic and agent type). */
export class SubscriptionExistsError extends RuntimeError {
  readonly subscriptionId: string;

  constructor(subscriptionId: string) {
    super('SUBSCRIPTION_EXISTS', `Subscription already exists: ${subscriptionId}`);
    this.subscriptionId = subscriptionId;
  }
}

/** Removing a subscription id the runtime does not hold. */
export class SubscriptionNotFoundError extends RuntimeError {
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
export class ReplyValidationError extends RuntimeError {
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

export const isReplyValidationError = (error: unknown): error is ReplyValidationError =>
  error instanceof ReplyValidationError;

/** The caller's AbortSignal fired before the reply came back (or before delivery started). */
export class MessageCancelledError extends RuntimeError {
  constructor(messageType: string, options?: { cause?: unknown }) {
    super('MESSAGE_CANCELLED', `${messageType} was cancelled`, options);
  }
}

export const isMessageCancelledError = (error: unknown): error is MessageCancelledError =>
  error instanceof MessageCancelledError;
