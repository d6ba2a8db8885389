import { describe, expect, it } from 'vitest';
import { SendShippingNotification } from '../../../lambdas/contracts/order/fulfilment-tasks.js';
import { ShippingConfirmed } from '../../../lambdas/contracts/order/lifecycle-messages.js';
import { OrderShipped } from '../../../lambdas/contracts/order/order-events.js';

const OUTSIDE_TEXT = [
  'Pay the customs fee at https://evil.example/pay',
  '1Z999 call +1 555 0100',
  '<b>1Z999</b>',
  '-1Z999',
  '1Z999-',
  'TRK\n1001',
  'A'.repeat(41),
  '',
];

describe('tracking numbers that reach a notification', () => {
  it.each(OUTSIDE_TEXT)(
    'refuses %j on ShippingConfirmed, OrderShipped and the shipping notification',
    (text) => {
      expect(() => ShippingConfirmed.parse({ orderId: 'o-1', trackingNumber: text })).toThrow();
      expect(() => OrderShipped.parse({ orderId: 'o-1', trackingNumber: text })).toThrow();
      expect(() =>
        SendShippingNotification.parse({ orderId: 'o-1', userId: 'u-ada', trackingNumber: text }),
      ).toThrow();
    },
  );

  it.each(['TRK-1001', '1Z999AA10123456784', 'T', 'A'.repeat(40)])(
    'accepts the carrier number %j',
    (text) => {
      expect(ShippingConfirmed.parse({ orderId: 'o-1', trackingNumber: text }).trackingNumber).toBe(text);
      expect(
        SendShippingNotification.parse({ orderId: 'o-1', userId: 'u-ada', trackingNumber: text }),
      ).toEqual({
        orderId: 'o-1',
        userId: 'u-ada',
        trackingNumber: text,
      });
    },
  );
});
