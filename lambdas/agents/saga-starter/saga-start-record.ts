import * as z from 'zod';
import { OrderRequested } from '../../contracts/order/order-messages.js';
import { SAGA_STARTER_AGENT_TYPE } from '../../contracts/order/order-saga-io.js';

/**
 * The saga starter's record of one order, kept in the agent-state table under the starter's own partition
 * (`saga-starter/saga/<orderId>`): the conditional create of this item is what makes "one saga per order"
 * true on an EXPRESS machine, which does not de-duplicate execution names.
 *
 * - `starting`: the order has its saga id and input; StartExecution may not have happened yet. A delivery
 *   that finds this status starts (again) with the recorded saga id and input: a crash between the record and
 *   the start never strands the order, and a repeated start runs the same idempotent steps.
 * - `started`: StartExecution answered; every later delivery starts nothing.
 */
export const SagaStartRecordSchema = z.object({
  status: z.enum(['starting', 'started']),
  sagaId: z.string().min(1),
  /** The OrderRequested payload the saga runs on: the first one for this order id wins. */
  input: OrderRequested.schema,
  executionArn: z.string().optional(),
});
export type SagaStartRecord = z.infer<typeof SagaStartRecordSchema>;

/** The agent-state id of an order's record (the starter's partition, apart from any per-agent state). */
export const sagaStartRecordId = (orderId: string): string => `${SAGA_STARTER_AGENT_TYPE}/saga/${orderId}`;
