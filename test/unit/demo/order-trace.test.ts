import { describe, expect, it } from 'vitest';
import type { MachineItem } from '../../../local/demo/machine-items.js';
import { orderTrace } from '../../../local/demo/order-trace.js';
import type { TraceEvent } from '../../../local/demo/trace-event.js';

// Everything in the same millisecond: the order must come from causality, not from timestamps.
const step = (
  machine: 'saga' | 'lifecycle',
  state: string,
  role: 'step' | 'action' | 'wait' | 'compensation',
): MachineItem => ({
  kind: 'event',
  event: { kind: 'step', at: 0, machine, state, role, status: 'ok', retries: 0 },
});
const wait: MachineItem = { kind: 'wait' };
const publish: MachineItem = { kind: 'publish' };
const trigger = (name: string): TraceEvent => ({ kind: 'trigger', at: 0, trigger: name });
const changed = (from: string, to: string): TraceEvent => ({
  kind: 'published',
  at: 0,
  detailType: 'OrderStateChanged',
  data: { from, to },
});

const label = (event: TraceEvent): string => {
  switch (event.kind) {
    case 'step':
      return event.state;
    case 'published':
      return event.detailType === 'OrderStateChanged'
        ? `${String(event.data.from)}→${String(event.data.to)}`
        : event.detailType;
    case 'trigger':
      return `>${event.trigger}`;
    case 'rejected':
      return `!${event.trigger}`;
    case 'notification':
      return `@${event.channel}`;
    default:
      return event.kind;
  }
};

describe('orderTrace', () => {
  it('places saga steps before the outcome they led to, and lifecycle steps between triggers and state changes', () => {
    const trace = orderTrace({
      bus: [
        { kind: 'requested', at: 0 },
        { kind: 'published', at: 0, detailType: 'OrderCompleted', data: {} },
        trigger('DeliveryConfirmed'),
        { kind: 'rejected', at: 0, trigger: 'DeliveryConfirmed', state: 'created', reason: 'not now' },
        trigger('PaymentCompleted'),
        changed('created', 'paid'),
        trigger('ProcessingStarted'),
        changed('paid', 'processing'),
        trigger('ShippingConfirmed'),
        changed('processing', 'shipped'),
        trigger('DeliveryConfirmed'),
        changed('shipped', 'delivered'),
      ],
      saga: [step('saga', 'ValidateUser', 'step'), step('saga', 'StartLifecycle', 'step'), publish],
      // As machineItems reads the lifecycle: each later wait's task publishes its state change, then waits.
      lifecycle: [
        wait,
        step('lifecycle', 'AwaitPayment', 'wait'),
        publish,
        wait,
        step('lifecycle', 'AwaitProcessing', 'wait'),
        publish,
        wait,
        step('lifecycle', 'AwaitShipment', 'wait'),
        publish,
        wait,
        step('lifecycle', 'AwaitDelivery', 'wait'),
        publish,
      ],
      notifications: [
        { kind: 'notification', at: 0, channel: 'email', recipient: 'ada@example.com', text: 'shipped' },
        { kind: 'notification', at: 0, channel: 'sms', recipient: '+14155550101', text: 'shipped' },
      ],
    });
    expect(trace.map(label)).toEqual([
      'requested',
      'ValidateUser',
      'StartLifecycle',
      'OrderCompleted',
      '>DeliveryConfirmed',
      '!DeliveryConfirmed',
      '>PaymentCompleted',
      'AwaitPayment',
      'created→paid',
      '>ProcessingStarted',
      'AwaitProcessing',
      'paid→processing',
      '>ShippingConfirmed',
      'AwaitShipment',
      '@email',
      '@sms',
      'processing→shipped',
      '>DeliveryConfirmed',
      'AwaitDelivery',
      'shipped→delivered',
    ]);
  });

  it('places compensations before OrderFailed and a failed execution after its steps', () => {
    const trace = orderTrace({
      bus: [
        { kind: 'requested', at: 0 },
        { kind: 'published', at: 0, detailType: 'OrderFailed', data: {} },
      ],
      saga: [
        step('saga', 'ChargePayment', 'step'),
        step('saga', 'ReleaseInventory', 'compensation'),
        publish,
        { kind: 'event', event: { kind: 'execution', at: 0, machine: 'saga', status: 'SUCCEEDED' } },
      ],
      lifecycle: [],
      notifications: [],
    });
    expect(trace.map(label)).toEqual([
      'requested',
      'ChargePayment',
      'ReleaseInventory',
      'OrderFailed',
      'execution',
    ]);
  });

  it('keeps steps of a machine that never published, and notifications with no sending step, at the end', () => {
    const trace = orderTrace({
      bus: [{ kind: 'requested', at: 0 }],
      saga: [step('saga', 'ValidateUser', 'step')],
      lifecycle: [],
      notifications: [
        { kind: 'notification', at: 0, channel: 'email', recipient: 'a@example.com', text: 'x' },
      ],
    });
    expect(trace.map(label)).toEqual(['requested', 'ValidateUser', '@email']);
  });
});
