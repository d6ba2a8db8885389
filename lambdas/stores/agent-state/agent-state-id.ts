import { InvalidAgentStateIdError } from './agent-state-error.js';

/** Longest agent type (UTF-8 bytes) the store accepts; far above AutoGen's identifier rules need. */
export const MAX_AGENT_TYPE_BYTES = 255;
/** Longest agent key (UTF-8 bytes): DynamoDB's sort key limit. */
export const MAX_AGENT_KEY_BYTES = 1024;

export interface AgentStateKey {
  readonly agentType: string;
  readonly agentKey: string;
}

/**
 * Splits `type/key` at the first `/` (the key may contain `/`), rejecting what DynamoDB could not key.
 *
 * @example
 * parseAgentStateId('orders/eu/42'); // { agentType: 'orders', agentKey: 'eu/42' }
 */
export const parseAgentStateId = (agentId: string): AgentStateKey => {
  if (typeof agentId !== 'string') throw new InvalidAgentStateIdError(String(agentId), 'expected a string');
  const slash = agentId.indexOf('/');
  if (slash < 0) throw new InvalidAgentStateIdError(agentId, 'expected "type/key"');
  const agentType = agentId.slice(0, slash);
  const agentKey = agentId.slice(slash + 1);
  assertAgentStateType(agentType, agentId);
  if (agentKey === '') throw new InvalidAgentStateIdError(agentId, 'the key after "/" is empty');
  if (Buffer.byteLength(agentKey, 'utf8') > MAX_AGENT_KEY_BYTES) {
    throw new InvalidAgentStateIdError(agentId, `the key is longer than ${MAX_AGENT_KEY_BYTES} UTF-8 bytes`);
  }
  return { agentType, agentKey };
};

/** Validates an agent type on its own, as `list` receives them. */
export const assertAgentStateType = (agentType: string, agentId: string = agentType): void => {
  if (typeof agentType !== 'string' || agentType === '') {
    throw new InvalidAgentStateIdError(String(agentId), 'the agent type is empty');
  }
  if (agentType.includes('/')) throw new InvalidAgentStateIdError(agentId, 'the agent type contains "/"');
  if (Buffer.byteLength(agentType, 'utf8') > MAX_AGENT_TYPE_BYTES) {
    throw new InvalidAgentStateIdError(
      agentId,
      `the agent type is longer than ${MAX_AGENT_TYPE_BYTES} UTF-8 bytes`,
    );
  }
};

/** The AgentId string for a stored key. */
export const formatAgentStateId = (key: AgentStateKey): string => `${key.agentType}/${key.agentKey}`;
