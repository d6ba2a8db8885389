import { AGENT_STATE_ATTRIBUTES } from '../../contracts/tables/agent-state-table.js';
import { InvalidAgentStateError } from './agent-state-error.js';
import { MAX_AGENT_KEY_BYTES, MAX_AGENT_TYPE_BYTES } from './agent-state-id.js';
import { MAX_APPLIED_LOG_BYTES } from './applied-messages.js';

const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;
// Every attribute name and value counts towards the item limit; numbers take at most 21 bytes and the
// ISO timestamp 24, so the budget below holds for the longest type and key the store accepts. The
// applied-message log has its own bounded reservation, so a full log never pushes a valid state over.
const ITEM_OVERHEAD_BYTES =
  Object.values(AGENT_STATE_ATTRIBUTES).reduce((sum, name) => sum + name.length, 0) +
  MAX_AGENT_TYPE_BYTES +
  MAX_AGENT_KEY_BYTES +
  21 +
  24 +
  MAX_APPLIED_LOG_BYTES;
/** The largest state (UTF-8 bytes of its JSON) one item holds, in every adapter alike. */
export const MAX_AGENT_STATE_BYTES = DYNAMODB_ITEM_LIMIT_BYTES - ITEM_OVERHEAD_BYTES;

/**
 * Checks a write before any adapter touches storage: a non-negative integer expected version and state that
 * serialises to JSON within {@link MAX_AGENT_STATE_BYTES}. Returns the JSON text to store.
 *
 * @example
 * const json = encodeAgentState('orders/42', { step: 2 }, 1); // '{"step":2}'
 */
export const encodeAgentState = (agentId: string, state: unknown, expectedVersion: number): string => {
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
    throw new InvalidAgentStateError(
      agentId,
      `expectedVersion must be a non-negative integer (0 = no state yet), got ${String(expectedVersion)}`,
    );
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(state);
  } catch (error) {
    throw new InvalidAgentStateError(agentId, `state is not JSON-serialisable (${String(error)})`, {
      cause: error,
    });
  }
  if (json === undefined) {
    throw new InvalidAgentStateError(agentId, `state of type ${typeof state} has no JSON form`);
  }
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_AGENT_STATE_BYTES) {
    throw new InvalidAgentStateError(
      agentId,
      `state is ${bytes} bytes as JSON; at most ${MAX_AGENT_STATE_BYTES} fit`,
    );
  }
  return json;
};
