import { describe, expect, it } from 'vitest';
import { busTraceEvent } from '../../../local/demo/bus-trace-event.js';
import { notificationTraceEvent } from '../../../local/demo/notification-trace-event.js';

const at = new Date('2026-11-24T20:00:00.000Z');

describe('busTraceEvent', () => {
  it('marks OrderRequested as the start of the order', () => {
    expect(busTraceEvent({ type: 'OrderRequested', at, data: { orderId: 'o-1' } })).toEqual({
      kind: 'requested',
      at: at.getTime(),
    });
  });

  it('shows what a trigger carries: tracking number, cancellation reason, payment id', () => {
    const detail = (type: string, data: object) => {
      const event = busTraceEvent({ type, at, data: { orderId: 'o-1', ...data } });
      return event.kind === 'trigger' ? event.detail : undefined;
    };
    expect(detail('ShippingConfirmed', { trackingNumber: 'TRK-1' })).toBe('tracking TRK-1');
    expect(detail('OrderCancelled', { reason: 'changed my mind' })).toBe('“changed my mind”');
    expect(detail('PaymentCompleted', { paymentId: 'pay-1' })).toBe('payment pay-1');
    expect(detail('DeliveryConfirmed', {})).toBeUndefined();
  });

  it('turns OrderTransitionRejected into a rejection naming the trigger and the state', () => {
    expect(
      busTraceEvent({
        type: 'OrderTransitionRejected',
        at,
        data: {
          orderId: 'o-1',
          trigger: 'DeliveryConfirmed',
          state: 'created',
          reason: 'no DeliveryConfirmed is awaited now',
        },
      }),
    ).toEqual({
      kind: 'rejected',
      at: at.getTime(),
      trigger: 'DeliveryConfirmed',
      state: 'created',
      reason: 'no DeliveryConfirmed is awaited now',
    });
  });

  it('keeps any other event as published, with its payload', () => {
    expect(busTraceEvent({ type: 'OrderStateChanged', at, data: { from: 'created', to: 'paid' } })).toEqual({
      kind: 'published',
      at: at.getTime(),
      detailType: 'OrderStateChanged',
      data: { from: 'created', to: 'paid' },
    });
  });
});

describe('notificationTraceEvent', () => {
  it('shows an email by its subject and an SMS by its text', () => {
    const base = { id: 'n', userId: 'u-1', orderId: 'o-1', kind: 'order-shipped', sentAt: at.toISOString() };
    expect(
      notificationTraceEvent({
        ...base,
        channel: 'email',
        recipient: 'ada@example.com',
        subject: 'Shipped',
        body: 'long',
      }),
    ).toEqual({
      kind: 'notification',
      at: at.getTime(),
      channel: 'email',
      recipient: 'ada@example.com',
      text: 'Shipped',
    });
    expect(
      notificationTraceEvent({ ...base, channel: 'sms', recipient: '+14155550101', body: 'Order shipped' }),
    ).toMatchObject({ channel: 'sms', text: 'Order shipped' });
  });
});
