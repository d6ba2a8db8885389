import { describe, expect, it } from 'vitest';
import { triggerVerdict, upcomingTriggers } from '../../../../lambdas/agents/lifecycle/trigger-verdict.js';
import type { LifecycleTrigger, OrderState } from '../../../../lambdas/contracts/order/lifecycle-messages.js';

type Case = { trigger: LifecycleTrigger; recorded: OrderState | undefined; parked: string[] };

describe('triggerVerdict: a trigger that found no live token', () => {
  it.each<Case>([
    // PublishPaid went out, AwaitProcessing not parked yet; the created wait's OrderCancelled item is stale.
    { trigger: 'ProcessingStarted', recorded: 'paid', parked: ['OrderCancelled'] },
    { trigger: 'ProcessingStarted', recorded: 'paid', parked: [] },
    // OrderCancelled took the stale created-wait token (SendTaskSuccess: closed) before AwaitProcessing parked.
    { trigger: 'OrderCancelled', recorded: 'paid', parked: [] },
    // The first wait of a new order is not parked yet.
    { trigger: 'PaymentCompleted', recorded: 'created', parked: [] },
    // PaymentCompleted was taken, RecordPaid has not run: the paid wait comes next.
    { trigger: 'ProcessingStarted', recorded: 'created', parked: ['OrderCancelled'] },
    { trigger: 'ShippingConfirmed', recorded: 'processing', parked: [] },
    { trigger: 'DeliveryConfirmed', recorded: 'shipped', parked: [] },
  ])('records $trigger while the order is $recorded and parks $parked', (situation) => {
    expect(triggerVerdict(situation)).toEqual({
      kind: 'record',
      reason: expect.stringContaining('is not parked yet'),
    });
  });

  it('records a trigger whose wait is parked', () => {
    expect(
      triggerVerdict({
        trigger: 'OrderCancelled',
        recorded: 'paid',
        parked: ['OrderCancelled', 'ProcessingStarted'],
      }).kind,
    ).toBe('record');
  });

  it.each<Case & { because: string }>([
    { trigger: 'PaymentCompleted', recorded: undefined, parked: [], because: 'no order is recorded' },
    { trigger: 'ShippingConfirmed', recorded: 'delivered', parked: [], because: 'the order is delivered' },
    { trigger: 'OrderCancelled', recorded: 'cancelled', parked: [], because: 'the order is cancelled' },
    { trigger: 'PaymentCompleted', recorded: 'expired', parked: [], because: 'the order is expired' },
    {
      trigger: 'ShippingConfirmed',
      recorded: 'created',
      parked: ['OrderCancelled', 'PaymentCompleted'],
      because: 'no ShippingConfirmed is awaited now',
    },
    // The one-step look-ahead does not hold against an armed wait: payment first.
    {
      trigger: 'ProcessingStarted',
      recorded: 'created',
      parked: ['OrderCancelled', 'PaymentCompleted'],
      because: 'no ProcessingStarted is awaited now',
    },
    // A duplicate PaymentCompleted after the order is paid: the wait for it has passed.
    { trigger: 'PaymentCompleted', recorded: 'paid', parked: [], because: 'awaited now or next' },
    { trigger: 'DeliveryConfirmed', recorded: 'paid', parked: [], because: 'awaited now or next' },
    { trigger: 'OrderCancelled', recorded: 'processing', parked: [], because: 'awaited now or next' },
  ])('rejects $trigger for good when the order is $recorded: $because', ({ because, ...situation }) => {
    expect(triggerVerdict(situation)).toEqual({ kind: 'reject', reason: expect.stringContaining(because) });
  });
});

describe('upcomingTriggers', () => {
  it('names the recorded wait and the one after it, none for a finished order', () => {
    expect([...upcomingTriggers('created')].sort()).toEqual([
      'OrderCancelled',
      'PaymentCompleted',
      'ProcessingStarted',
    ]);
    expect([...upcomingTriggers('paid')].sort()).toEqual([
      'OrderCancelled',
      'ProcessingStarted',
      'ShippingConfirmed',
    ]);
    expect([...upcomingTriggers('cancelled')]).toEqual([]);
  });
});
