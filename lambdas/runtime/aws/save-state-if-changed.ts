import { isStateVersionConflictError } from '../../stores/agent-state/agent-state-error.js';
import type { AgentStateStore, VersionedAgentState } from '../../stores/agent-state/agent-state-store.js';
import type { Agent } from '../agent.js';
import { DeliveryConflictError } from './aws-runtime-error.js';

/**
 * Writes an agent's state after a delivery, conditioned on the version the delivery read. An unchanged state
 * is not written, so read-only deliveries cost no write and cannot conflict; a lost race becomes a
 * {@link DeliveryConflictError}, which the Lambda adapter rethrows so the whole delivery is retried.
 *
 * @example
 * ```ts
 * const stored = await store.get('cashier/order-1');
 * // … run the handler on an agent loaded from `stored` …
 * await saveStateIfChanged(store, 'cashier/order-1', agent, stored, messageId);
 * ```
 */
export async function saveStateIfChanged(
  store: AgentStateStore,
  agentId: string,
  agent: Agent,
  stored: VersionedAgentState | undefined,
  messageId: string,
): Promise<void> {
  const next = agent.saveState?.();
  if (next === undefined) return;
  if (stored !== undefined && JSON.stringify(next) === JSON.stringify(stored.state)) return;
  try {
    await store.put(agentId, next, stored?.version ?? 0);
  } catch (error) {
    if (isStateVersionConflictError(error))
      throw new DeliveryConflictError(agentId, messageId, { cause: error });
    throw error;
  }
}
