/**
 * Base of every error the agent-state store raises. `code` is stable, so callers branch on it rather than
 * on `instanceof`.
 */
export class AgentStateError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export const isAgentStateError = (error: unknown): error is AgentStateError =>
  error instanceof AgentStateError;

/**
 * A write lost an optimistic-concurrency race: the stored version was not `expected`. `actual` is the version
 * found (0 = no state) when the store could tell, otherwise undefined. Nothing was written.
 */
export class StateVersionConflictError extends AgentStateError {
  readonly agentId: string;
  readonly expected: number;
  readonly actual: number | undefined;

  constructor(agentId: string, expected: number, actual: number | undefined, options?: { cause?: unknown }) {
    super(
      'STATE_VERSION_CONFLICT',
      `State of ${agentId} is at version ${actual ?? 'unknown'}, expected ${expected}`,
      options,
    );
    this.agentId = agentId;
    this.expected = expected;
    this.actual = actual;
  }
}

export const isStateVersionConflictError = (error: unknown): error is StateVersionConflictError =>
  error instanceof StateVersionConflictError;

/** An AgentId that is not `type/key` with a non-empty type and key within DynamoDB's key size limits. */
export class InvalidAgentStateIdError extends AgentStateError {
  readonly agentId: string;
  readonly rule: string;

  constructor(agentId: string, rule: string) {
    super('INVALID_AGENT_STATE_ID', `Invalid agent id ${JSON.stringify(agentId.slice(0, 80))}: ${rule}`);
    this.agentId = agentId;
    this.rule = rule;
  }
}

export const isInvalidAgentStateIdError = (error: unknown): error is InvalidAgentStateIdError =>
  error instanceof InvalidAgentStateIdError;

/** State that cannot be stored: not JSON-serialisable, too large for one item, or a bad expected version. */
export class InvalidAgentStateError extends AgentStateError {
  readonly agentId: string;
  readonly reason: string;

  constructor(agentId: string, reason: string, options?: { cause?: unknown }) {
    super('INVALID_AGENT_STATE', `Cannot store state of ${agentId}: ${reason}`, options);
    this.agentId = agentId;
    this.reason = reason;
  }
}

export const isInvalidAgentStateError = (error: unknown): error is InvalidAgentStateError =>
  error instanceof InvalidAgentStateError;

/** The backing store failed for a reason other than a version conflict (throttling, network, permissions). */
export class AgentStateStoreUnavailableError extends AgentStateError {
  readonly operation: string;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      'AGENT_STATE_STORE_UNAVAILABLE',
      `Agent state ${operation} failed: ${String(options?.cause)}`,
      options,
    );
    this.operation = operation;
  }
}

export const isAgentStateStoreUnavailableError = (error: unknown): error is AgentStateStoreUnavailableError =>
  error instanceof AgentStateStoreUnavailableError;

/** A stored item that does not have the shape this store writes (edited by hand, or another writer). */
export class CorruptAgentStateError extends AgentStateError {
  readonly agentId: string;
  readonly reason: string;

  constructor(agentId: string, reason: string, options?: { cause?: unknown }) {
    super('CORRUPT_AGENT_STATE', `Stored state of ${agentId} is unreadable: ${reason}`, options);
    this.agentId = agentId;
    this.reason = reason;
  }
}

export const isCorruptAgentStateError = (error: unknown): error is CorruptAgentStateError =>
  error instanceof CorruptAgentStateError;
