import { describe, expect, it } from 'vitest';
import { ORDER_EVENT_TYPES } from '../../../../lambdas/contracts/order/order-events.js';
import { USER_EVENT_TYPES } from '../../../../lambdas/contracts/users/user-events.js';
import { orderSystemDomainEvents } from '../../../../local/order-system/order-system-domain-events.js';

describe('orderSystemDomainEvents', () => {
  it('knows every user and order event type the store holds, and nothing else', () => {
    expect(orderSystemDomainEvents().names().sort()).toEqual(
      [...USER_EVENT_TYPES, ...ORDER_EVENT_TYPES].sort(),
    );
  });

  it('hands out a fresh registry each time', () => {
    expect(orderSystemDomainEvents()).not.toBe(orderSystemDomainEvents());
  });
});
