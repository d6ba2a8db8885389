import { describe, expect, it } from 'vitest';
import { UnexpectedLifecycleTriggerError } from '../../../../lambdas/agents/lifecycle/lifecycle-error.js';
import { orderStateChangedId, stateEntry } from '../../../../lambdas/agents/lifecycle/state-entry.js';
import type { MessageType } from '../../../../lambdas/contracts/message-type.js';
import type { StateEntry } from '../../../../lambdas/contracts/order/lifecycle-entry.js';
import { AgentId } from '../../../../lambdas/runtime/agent-id.js';
import type { MessageContext, PublishOptions } from '../../../../lambdas/runtime/message-context.js';
import type { TopicId } from '../../../../lambdas/runtime/topic-id.js';

interface Call {
  readonly kind: 'send' | 'publish';
  readonly type: string;
  readonly data: unknown;
  readonly to: string;
  readonly options?: PublishOptions;
}

/** A handler context that records what the entry sends and publishes; `fail` makes one message type throw. */
function recordingContext(fail?: { type: string; error: Error }) {
  const calls: Call[] = [];
  const ctx = {
    recipient: new AgentId('lifecycle', 'o-1'),
    async send(type: MessageType<string, unknown, unknown>, data: unknown, recipient: AgentId) {
      calls.push({ kind: 'send', type: type.name, data, to: recipient.toString() });
      if (fail?.type === type.name) throw fail.error;
      return { orderId: 'o-1', state: 'paid', version: 2, changed: true, committed: true, items: [] };
    },
    async publish(
      type: MessageType<string, unknown, unknown>,
      data: unknown,
      topic: TopicId,
      options?: PublishOptions,
    ) {
      calls.push({
        kind: 'publish',
        type: type.name,
        data,
        to: topic.toString(),
        ...(options ? { options } : {}),
      });
      if (fail?.type === type.name) throw fail.error;
    },
  } as unknown as MessageContext<undefined>;
  return { ctx, calls };
}

const signal = (trigger: StateEntry['signal']['trigger'], data: Record<string, unknown> = {}) => ({
  trigger,
  eventId: `evt-${trigger}`,
  receivedAt: '2026-12-01T10:00:00.000Z',
  data: { orderId: 'o-1', ...data },
});

const entry = (
  from: StateEntry['from'],
  to: StateEntry['to'],
  sig = signal('PaymentCompleted'),
): StateEntry => ({
  orderId: 'o-1',
  sagaId: 's-1',
  userId: 'u-1',
  from,
  to,
  signal: sig,
});

describe('entering a lifecycle state', () => {
  it('records paid, starts inventory processing, then publishes the change caused by the trigger', async () => {
    const { ctx, calls } = recordingContext();
    await expect(stateEntry()(entry('created', 'paid'), ctx)).resolves.toEqual({
      orderId: 'o-1',
      state: 'paid',
      version: 2,
      changed: true,
    });
    expect(calls.map(({ kind, type, to }) => `${kind} ${type} ${to}`)).toEqual([
      'send RecordOrderTransition orders/o-1',
      'send StartInventoryProcessing inventory/o-1',
      'publish OrderStateChanged order.state-changed/o-1',
    ]);
    expect(calls[2]).toMatchObject({
      data: { orderId: 'o-1', from: 'created', to: 'paid', trigger: 'PaymentCompleted' },
      options: {
        messageId: orderStateChangedId('o-1', 'created', 'paid'),
        causationId: 'evt-PaymentCompleted',
      },
    });
  });

  it('publishes a retried entry under the same message id, and another transition under another', async () => {
    const first = recordingContext();
    const again = recordingContext();
    await stateEntry()(entry('created', 'paid'), first.ctx);
    await stateEntry()(entry('created', 'paid'), again.ctx);
    const idOf = (calls: Call[]) => calls.find((call) => call.kind === 'publish')?.options?.messageId;
    expect(idOf(again.calls)).toBe(idOf(first.calls));
    expect(orderStateChangedId('o-1', 'paid', 'processing')).not.toBe(idOf(first.calls));
  });

  it('publishes nothing when the post-transition action fails, so the retry is the first anyone hears of it', async () => {
    const outage = new Error('inventory unavailable');
    const { ctx, calls } = recordingContext({ type: 'StartInventoryProcessing', error: outage });
    await expect(stateEntry()(entry('created', 'paid'), ctx)).rejects.toBe(outage);
    expect(calls.filter((call) => call.kind === 'publish')).toEqual([]);
  });

  it('records shipped with the tracking number and notifies the customer before publishing', async () => {
    const { ctx, calls } = recordingContext();
    await stateEntry()(
      entry('processing', 'shipped', signal('ShippingConfirmed', { trackingNumber: 'TRK-9' })),
      ctx,
    );
    expect(calls.map(({ type, data }) => [type, data])).toEqual([
      [
        'RecordOrderTransition',
        { orderId: 'o-1', to: 'shipped', trigger: 'ShippingConfirmed', trackingNumber: 'TRK-9' },
      ],
      ['SendShippingNotification', { orderId: 'o-1', userId: 'u-1', trackingNumber: 'TRK-9' }],
      ['OrderStateChanged', expect.objectContaining({ from: 'processing', to: 'shipped' })],
    ]);
  });

  it('logs a notification that cannot be sent and goes on with the order', async () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => void warnings.push(message), error: () => undefined };
    const { ctx, calls } = recordingContext({
      type: 'SendShippingNotification',
      error: new Error('no contact'),
    });
    await stateEntry({ logger })(
      entry('processing', 'shipped', signal('ShippingConfirmed', { trackingNumber: 'TRK-9' })),
      ctx,
    );
    expect(warnings).toEqual(['The shipping notification could not be sent; the order goes on']);
    expect(calls.at(-1)?.type).toBe('OrderStateChanged');
  });

  it('refuses a trigger that does not lead to the state entered, before anything is sent', async () => {
    const { ctx, calls } = recordingContext();
    const refused = stateEntry()(entry('created', 'paid', signal('DeliveryConfirmed')), ctx);
    await expect(refused).rejects.toBeInstanceOf(UnexpectedLifecycleTriggerError);
    await expect(refused).rejects.toMatchObject({ code: 'UNEXPECTED_LIFECYCLE_TRIGGER', entering: 'paid' });
    expect(calls).toEqual([]);
  });

  it('refuses to enter shipped with a tracking number that is not letters, digits and inner hyphens', async () => {
    const { ctx, calls } = recordingContext();
    const shipped = entry(
      'processing',
      'shipped',
      signal('ShippingConfirmed', { trackingNumber: 'call +1 555' }),
    );
    await expect(stateEntry()(shipped, ctx)).rejects.toThrow();
    expect(calls).toEqual([]);
  });
});
