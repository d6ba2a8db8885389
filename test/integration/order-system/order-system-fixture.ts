import { afterEach } from 'vitest';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import type { ObservedEvent } from '../../../local/order-system/observed-runtime.js';
import {
  type LocalOrderSystemOptions,
  startLocalOrderSystem,
} from '../../../local/order-system/start-local-order-system.js';
import type { ExecutionHistoryEvent } from '../../../local/stepfunctions/local-execution.js';

export const SKU = 'SKU-1';
export const STOCK = 10;
export const USER_ID = 'u-ada';

/** An order of 2 × SKU-1 at 500 by Ada, approved by the simulated gateway unless told otherwise. */
export const order = (
  orderId: string,
  overrides: { cardToken?: string; userId?: string; quantity?: number } = {},
) => ({
  orderId,
  userId: overrides.userId ?? USER_ID,
  items: [{ sku: SKU, quantity: overrides.quantity ?? 2, unitPrice: 500 }],
  payment: { cardToken: overrides.cardToken ?? 'tok_visa' },
});

/** A running local order system with stock and one user (with a phone: shipping goes out by email and SMS). */
export async function seededOrderSystem(options: LocalOrderSystemOptions = {}): Promise<LocalOrderSystem> {
  const local = await startLocalOrderSystem({
    retryIntervalMs: 0,
    logger: { warn() {}, error() {} },
    ...options,
  });
  await local.restock(SKU, STOCK);
  await local.createUser({ userId: USER_ID, email: 'ada@example.com', name: 'Ada', phone: '+15555550100' });
  return local;
}

/**
 * Seeded systems for the tests of one file, each closed after its test (its parked executions stopped).
 *
 * @example
 * ```ts
 * const systems = orderSystems();
 * it('…', async () => { const local = await systems.seeded({ retryIntervalMs: 0 }); });
 * ```
 */
export function orderSystems(): { seeded: (options?: LocalOrderSystemOptions) => Promise<LocalOrderSystem> } {
  const open: LocalOrderSystem[] = [];
  afterEach(async () => {
    for (const system of open.splice(0)) await system.close();
  });
  return {
    async seeded(options) {
      const system = await seededOrderSystem(options);
      open.push(system);
      return system;
    },
  };
}

/** The stock counters of SKU-1. */
export async function stockLevel(local: LocalOrderSystem): Promise<{ available: number; reserved: number }> {
  const [level] = await local.stores.stock.stockLevels([SKU]);
  return { available: level?.available ?? 0, reserved: level?.reserved ?? 0 };
}

/** Charges still holding money (status `charged`). */
export const openCharges = (local: LocalOrderSystem) =>
  local.stores.payments.all().filter((charge) => charge.status === 'charged');

/** The states an execution entered, in order. */
export const entered = (history: readonly ExecutionHistoryEvent[]): string[] =>
  history.filter((event) => event.type === 'StateEntered').map((event) => event.stateName ?? '');

/** The data of the events of one type for one order. */
export function eventsOfType<T = Record<string, unknown>>(
  local: LocalOrderSystem,
  orderId: string,
  type: string,
): T[] {
  return local
    .eventsOf(orderId)
    .filter((event: ObservedEvent) => event.type === type)
    .map((event) => event.data as T);
}
