import { randomUUID } from 'node:crypto';
import { isAgentbridgeError } from '../../contracts/agentbridge-error.js';
import type { Logger } from '../../contracts/logger.js';
import type { MessageOf } from '../../contracts/message-type.js';
import { OrderRequested } from '../../contracts/order/order-messages.js';
import { type AgentDefinition, defineAgent } from '../../runtime/agent-definition.js';
import type { AgentStateStore, VersionedAgentState } from '../../stores/agent-state/agent-state-store.js';
import type { ExecutionStarter } from './execution-starter-port.js';
import { type SagaStartRecord, SagaStartRecordSchema, sagaStartRecordId } from './saga-start-record.js';

export interface SagaStarterOptions {
  /** Where each order's start record lives (the agent-state table, the starter's partition). */
  readonly records: AgentStateStore;
  /** Hears about duplicate deliveries and an unrecorded start (info-worthy, never an error). */
  readonly logger?: Pick<Logger, 'warn'>;
  /** A new saga id (default: a random UUID). */
  readonly newSagaId?: () => string;
}

type Order = MessageOf<typeof OrderRequested>;

/**
 * The saga starter: the first OrderRequested of an order id starts one `order-saga` execution (name = order
 * id) with the payload and a new saga id as its input. One saga per order comes from a conditional record,
 * not from the execution name (an EXPRESS machine does not de-duplicate names):
 *
 * 1. create `starting` (saga id, input) on condition that the order has no record; a delivery that loses that
 *    race returns, because the winner's delivery is retried until it has started the saga;
 * 2. StartExecution with the recorded saga id and input;
 * 3. mark `started`.
 *
 * A redelivery that finds `starting` (a crash between 1 and 3) starts again with the same saga id and input:
 * every saga step is idempotent per (saga id, step), so a second execution repeats no effect. A delivery that
 * finds `started` starts nothing, whatever its payload. A throttled start throws and the event is redelivered.
 *
 * @example
 * ```ts
 * const starter = new SfnExecutionStarter({ client: new SFNClient({}), stateMachineArn });
 * await runtime.register(SAGA_STARTER_AGENT_TYPE, sagaStarterAgent(starter, { records: stateStore }));
 * // or, with its subscriptions: registerAgent(runtime, SAGA_STARTER_AGENT, { starter, records: stateStore })
 * ```
 */
export function sagaStarterAgent(
  starter: ExecutionStarter,
  options: SagaStarterOptions,
): AgentDefinition<undefined> {
  const { records, logger } = options;
  const newSagaId = options.newSagaId ?? randomUUID;

  /** The order's record after this delivery's create, or undefined when another delivery just created it. */
  const recordOf = async (order: Order): Promise<VersionedAgentState | undefined> => {
    const id = sagaStartRecordId(order.orderId);
    const existing = await records.get(id);
    if (existing !== undefined) return existing;
    const state: SagaStartRecord = { status: 'starting', sagaId: newSagaId(), input: order };
    try {
      return { state, version: await records.put(id, state, 0) };
    } catch (error) {
      if (isAgentbridgeError(error, 'STATE_VERSION_CONFLICT')) return undefined;
      throw error;
    }
  };

  return defineAgent({
    description: 'Saga starter: starts one order saga per order id (a conditional record) on OrderRequested',
    handlers: (on) => [
      on.event(OrderRequested, async (order, ctx) => {
        const found = await recordOf(order);
        const duplicate = { orderId: order.orderId, messageId: ctx.messageId };
        if (found === undefined) {
          logger?.warn('Another delivery is starting the saga of this order: nothing to do', duplicate);
          return;
        }
        const record = SagaStartRecordSchema.parse(found.state);
        if (record.status === 'started') {
          logger?.warn('The order saga of this order was started already: nothing to do', duplicate);
          return;
        }
        const executionArn = await start(starter, record);
        const started: SagaStartRecord = {
          ...record,
          status: 'started',
          ...(executionArn ? { executionArn } : {}),
        };
        try {
          await records.put(sagaStartRecordId(order.orderId), started, found.version);
        } catch (error) {
          // The saga runs; a redelivery of this event would start a second, harmless execution of it.
          logger?.warn('The order saga started but its record could not be marked started', {
            ...duplicate,
            reason: error instanceof Error ? error.name : String(error),
          });
        }
      }),
    ],
  });
}

/** Starts the recorded saga; a STANDARD machine's "already exists" means it runs already. */
async function start(starter: ExecutionStarter, record: SagaStartRecord): Promise<string | undefined> {
  try {
    const { executionArn } = await starter.start({
      name: record.input.orderId,
      input: { ...record.input, sagaId: record.sagaId },
    });
    return executionArn;
  } catch (error) {
    if (isAgentbridgeError(error, 'EXECUTION_ALREADY_STARTED')) return undefined;
    throw error;
  }
}
