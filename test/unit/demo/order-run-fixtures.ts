import { DEMO_ORDERS } from '../../../local/demo/demo-orders.js';
import type { DemoOrder } from '../../../local/demo/demo-scenario.js';
import type { OrderOutcome } from '../../../local/demo/order-outcome.js';
import type { OrderRun } from '../../../local/demo/order-run.js';
import type { TraceEvent } from '../../../local/demo/trace-event.js';

const T0 = 1_800_000_000_000;

/** The scenario order with this id (the fixtures reuse the real scenario). */
export function scenarioOrder(orderId: string): DemoOrder {
  const order = DEMO_ORDERS.find((candidate) => candidate.orderId === orderId);
  if (order === undefined) throw new Error(`no scenario order ${orderId}`);
  return order;
}

const ok = (
  at: number,
  machine: 'saga' | 'lifecycle',
  state: string,
  role: 'step' | 'compensation' | 'action',
) => ({ kind: 'step', at: T0 + at, machine, state, role, status: 'ok', retries: 0 }) as const;

/** o-1005 as the system runs it: declined at ChargePayment, the reservation released. */
export function declinedRun(overrides: Partial<OrderRun> = {}): OrderRun {
  const events: TraceEvent[] = [
    { kind: 'requested', at: T0 },
    ok(1, 'saga', 'ValidateUser', 'step'),
    ok(1, 'saga', 'CheckInventory', 'step'),
    ok(2, 'saga', 'ReserveInventory', 'step'),
    {
      kind: 'step',
      at: T0 + 3,
      machine: 'saga',
      state: 'ChargePayment',
      role: 'step',
      status: 'failed',
      retries: 0,
      error: 'PaymentDeclinedError',
      cause: 'Payment of 8900 declined: card-declined',
    },
    ok(3, 'saga', 'ReleaseInventory', 'compensation'),
    {
      kind: 'published',
      at: T0 + 3,
      detailType: 'OrderFailed',
      data: {
        failedStep: 'ChargePayment',
        error: 'PaymentDeclinedError',
        compensations: ['ReleaseInventory'],
      },
    },
    { kind: 'execution', at: T0 + 4, machine: 'saga', status: 'SUCCEEDED' },
  ];
  return {
    order: scenarioOrder('o-1005'),
    customer: 'Alan Turing',
    outcome: 'declined',
    latencyMs: 4.2,
    requestedAt: T0,
    events,
    ...overrides,
  };
}

/** o-1001 as the system runs it: every transition up to delivered, with notifications when shipped. */
export function deliveredRun(overrides: Partial<OrderRun> = {}): OrderRun {
  const changed = (at: number, from: string, to: string, trigger: string): TraceEvent => ({
    kind: 'published',
    at: T0 + at,
    detailType: 'OrderStateChanged',
    data: { from, to, trigger },
  });
  const events: TraceEvent[] = [
    { kind: 'requested', at: T0 },
    ok(1, 'saga', 'ValidateUser', 'step'),
    ok(2, 'saga', 'CreateOrder', 'step'),
    {
      kind: 'published',
      at: T0 + 2,
      detailType: 'OrderCompleted',
      data: { amount: 11_800, paymentId: 'pay-1' },
    },
    { kind: 'trigger', at: T0 + 4, trigger: 'PaymentCompleted' },
    changed(4, 'created', 'paid', 'PaymentCompleted'),
    ok(4, 'lifecycle', 'StartInventoryProcessing', 'action'),
    { kind: 'trigger', at: T0 + 5, trigger: 'ShippingConfirmed', detail: 'tracking TRK-o-1001' },
    changed(5, 'processing', 'shipped', 'ShippingConfirmed'),
    ok(5, 'lifecycle', 'NotifyShipped', 'action'),
    {
      kind: 'notification',
      at: T0 + 5,
      channel: 'email',
      recipient: 'ada@example.com',
      text: 'Your order o-1001 has shipped',
    },
    changed(7, 'shipped', 'delivered', 'DeliveryConfirmed'),
  ];
  return {
    order: scenarioOrder('o-1001'),
    customer: 'Ada Lovelace',
    outcome: 'delivered',
    latencyMs: 7.5,
    requestedAt: T0,
    events,
    ...overrides,
  };
}

/** A run of `order` that ended `outcome` after `latencyMs`, with no trace. */
export function bareRun(order: DemoOrder, outcome: OrderOutcome, latencyMs: number): OrderRun {
  return { order, customer: order.userId, outcome, latencyMs, requestedAt: T0, events: [] };
}
