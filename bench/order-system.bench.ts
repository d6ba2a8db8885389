import { inMemoryOrderSystem } from '../lambdas/agents/in-memory-order-system.js';
import type { LocalOrderSystem } from '../local/order-system/local-order-system.js';
import { startLocalOrderSystem } from '../local/order-system/start-local-order-system.js';
import type { Bench } from './bench.js';
import { opsPerSecond } from './measure.js';

const SKU = 'SKU-BENCH';
const BATCH = 50;
const quiet = { warn() {}, error() {} };
let sequence = 0;
const nextOrderId = (): string => `o-bench-${++sequence}`;
const orderOf = (orderId: string) => ({
  orderId,
  userId: 'u-bench',
  items: [{ sku: SKU, quantity: 1, unitPrice: 500 }],
  payment: { cardToken: 'tok_visa' },
});

async function seeded(): Promise<LocalOrderSystem> {
  const local = await startLocalOrderSystem({ retryIntervalMs: 0, logger: quiet });
  await local.restock(SKU, 10_000_000);
  await local.createUser({ userId: 'u-bench', email: 'bench@example.com', name: 'Bench' });
  return local;
}

/** Orders per second through the saga on the offline engine (OrderRequested → OrderCompleted), 50 at a time. */
async function sagasPerSecond(): Promise<number> {
  const local = await seeded();
  try {
    return await opsPerSecond(async () => {
      const ids = Array.from({ length: BATCH }, nextOrderId);
      await Promise.all(
        ids.map(async (orderId) => {
          await local.placeOrder(orderOf(orderId));
          await local.waitForSaga(orderId);
        }),
      );
      return BATCH;
    });
  } finally {
    await local.close();
  }
}

/** The same five saga steps called directly on the agents' task functions: the floor the engine adds to. */
async function directStepsPerSecond(): Promise<number> {
  const system = inMemoryOrderSystem();
  await system.stores.stock.restock(SKU, 10_000_000);
  await system.users.commands.create({ userId: 'u-bench', email: 'bench@example.com', name: 'Bench' });
  return opsPerSecond(async () => {
    await Promise.all(
      Array.from({ length: BATCH }, async () => {
        const orderId = nextOrderId();
        const step = { sagaId: `saga-${orderId}`, orderId };
        const { items, payment, userId } = orderOf(orderId);
        await system.users.tasks.validate({ ...step, userId });
        await system.inventory.check({ ...step, items });
        await system.inventory.reserve({ ...step, items });
        const charge = await system.payment.charge({ ...step, userId, items, payment });
        await system.orders.create({
          ...step,
          userId,
          items,
          amount: charge.amount,
          paymentId: charge.paymentId,
        });
      }),
    );
    return BATCH;
  });
}

/** Whole orders per second: saga, then the lifecycle through four triggers to delivered. */
async function deliveredPerSecond(): Promise<number> {
  const local = await seeded();
  // PaymentCompleted carries the saga's charge, read from the order once its saga has completed.
  const triggers = [
    ['ProcessingStarted', {}],
    ['ShippingConfirmed', { trackingNumber: 'TRK-1' }],
    ['DeliveryConfirmed', {}],
  ] as const;
  try {
    return await opsPerSecond(async () => {
      await Promise.all(
        Array.from({ length: BATCH }, async () => {
          const orderId = nextOrderId();
          await local.placeOrder(orderOf(orderId));
          await local.waitForSaga(orderId);
          const charged = await local.system.orders.get(orderId);
          const payment = { paymentId: charged?.paymentId ?? '', amount: charged?.amount ?? 0 };
          for (const [trigger, data] of [['PaymentCompleted', payment] as const, ...triggers]) {
            await local.waitForLifecycle(orderId);
            await local.sendTrigger(trigger, { orderId, ...data });
          }
          await local.sfn.waitForExecution(local.lifecycleExecutionArn(orderId));
        }),
      );
      return BATCH;
    });
  } finally {
    await local.close();
  }
}

export const benches: Bench[] = [
  { name: 'order-system.saga.local-engine', unit: 'orders/s', run: sagasPerSecond },
  { name: 'order-system.saga.direct-steps', unit: 'orders/s', run: directStepsPerSecond },
  { name: 'order-system.delivered.local-engine', unit: 'orders/s', run: deliveredPerSecond },
];
