import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * A write lost an optimistic-concurrency race: the stored version was not `expected`. `actual` is the version
 * found (0 = no state) when the store could tell, otherwise undefined. Nothing was written.
 */
export class StateVersionConflictError extends AgentbridgeError {
  override readonly name = 'StateVersionConflictError';
  readonly agentId: string;
  readonly expected: number;
  readonly actual: number | undefined;

  constructor(agentId: string, expected: number, actual: number | undefined, options?: { cause?: unknown }) {
    // Transient: a later attempt reads the newer state and can succeed.
    super(
      'STATE_VERSION_CONFLICT',
      `State of ${agentId} is at version ${actual ?? 'unknown'}, expected ${expected}`,
      { ...options, transient: true },
    );
    this.agentId = agentId;
    this.expected = expected;
    this.actual = actual;
  }
}

/** An AgentId that is not `type/key` with a non-empty type and key within DynamoDB's key size limits. */
export class InvalidAgentStateIdError extends AgentbridgeError {
  override readonly name = 'InvalidAgentStateIdError';
  readonly agentId: string;
  readonly rule: string;

  constructor(agentId: string, rule: string) {
    super('INVALID_AGENT_STATE_ID', `Invalid agent id ${JSON.stringify(agentId.slice(0, 80))}: ${rule}`);
    this.agentId = agentId;
    this.rule = rule;
  }
}

/** State that cannot be stored: not JSON-serialisable, too large for one item, or a bad expected version. */
export class InvalidAgentStateError extends AgentbridgeError {
  override readonly name = 'InvalidAgentStateError';
  readonly agentId: string;
  readonly reason: string;

  constructor(agentId: string, reason: string, options?: { cause?: unknown }) {
    super('INVALID_AGENT_STATE', `Cannot store state of ${agentId}: ${reason}`, options);
    this.agentId = agentId;
    this.reason = reason;
  }
}
